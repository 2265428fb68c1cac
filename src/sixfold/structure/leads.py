"""Lead phrases: the opening words that carry a paragraph's function ("Recalling also", "请").

Plain text loses the italics that mark a lead, so a lead is recognised as a known phrase that
starts the paragraph.  The lexicon (``data/leads/<lang>.tsv``, mined from UN XML by
``eval/mine_leads.py``) records for each phrase how often it was the whole lead and how often a
paragraph merely started with it, so "Recalling" in "Recalling also its resolution" yields to the
longer "Recalling also" only when the longer phrase is itself usually a whole lead.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

import regex

# A phrase must usually be the whole lead when it starts a paragraph to win over a shorter one.
MIN_WHOLE_SHARE = 0.5
# Characters a lead phrase can stop before, in the spaced languages.
_WORD_END = regex.compile(r"[\s,;:.()،؛]")
# Share of a phrase's uses as a lead that must be preambular for it to open a preambular paragraph.
PREAMBULAR_SHARE = 0.25


@dataclass(frozen=True)
class LeadEntry:
    phrase: str
    as_lead: int
    as_start: int
    as_preambular: int

    @property
    def whole_share(self) -> float:
        return self.as_lead / max(self.as_start, 1)


class LeadLexicon:
    """Known lead phrases of one language, searchable by prefix."""

    def __init__(self, lang: str, entries: list[LeadEntry]) -> None:
        self.lang = lang
        self.entries = {e.phrase: e for e in entries}
        self.max_len = max((len(e.phrase) for e in entries), default=0)
        self._spaced = lang != "zh"
        # Every line is asked whether it opens with a lead; most do not, and the search stops
        # at the first cut that begins no known phrase.
        self._prefixes = {e.phrase[:cut] for e in entries for cut in self._cuts(e.phrase)}

    def _cuts(self, text: str) -> Iterator[int]:
        """Where a phrase may end in ``text``: word ends (every character in Chinese), lazily,
        as the search usually stops at the first."""
        if not self._spaced:
            yield from range(1, len(text) + 1)
            return
        for match in _WORD_END.finditer(text):
            yield match.start()
        yield len(text)

    def candidates(self, text: str) -> list[LeadEntry]:
        """Known phrases that start ``text`` at a word boundary, shortest first."""
        found = []
        head = text[: self.max_len + 1]
        for cut in self._cuts(head):
            prefix = text[:cut]
            if prefix not in self._prefixes:
                break
            entry = self.entries.get(prefix)
            if entry is not None and (cut == len(text) or cut < len(head) or not self._spaced):
                found.append(entry)
        return found

    def find(self, text: str) -> str | None:
        """The lead of a paragraph whose text (without number) is ``text``, or None."""
        found = self.candidates(text)
        if not found:
            return None
        whole = [e for e in found if e.whole_share >= MIN_WHOLE_SHARE]
        if whole:
            return whole[-1].phrase
        return max(found, key=lambda e: e.as_lead).phrase

    def opens_preambular(self, text: str) -> bool:
        """Whether ``text`` opens with a phrase common enough as a preambular lead to mark a new
        paragraph when the layout gives no other sign (segmented and hard-wrapped text).  Chinese
        uses one verb for "Welcoming" and "Welcomes", so a phrase qualifies when a fair share of
        its uses are preambular."""
        return any(
            entry.whole_share >= MIN_WHOLE_SHARE
            and entry.as_preambular >= PREAMBULAR_SHARE * entry.as_lead
            for entry in self.candidates(text)
        )


@functools.cache
def lexicon(lang: str) -> LeadLexicon:
    entries: list[LeadEntry] = []
    path = resources.files("sixfold.structure") / "data" / "leads" / f"{lang}.tsv"
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            phrase, as_lead, as_start, as_pre = line.split("\t")
            entries.append(LeadEntry(phrase, int(as_lead), int(as_start), int(as_pre)))
    return LeadLexicon(lang, entries)


def find_lead(text: str, lang: str) -> str | None:
    return lexicon(lang).find(text)
