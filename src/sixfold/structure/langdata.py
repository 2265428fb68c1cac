"""Per-language structure knowledge (``data/<lang>.toml``), loaded once and compiled once."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources

import regex

from sixfold.model import LANGUAGES

# The comma a few documents omit; not the Chinese one, as "大会" alone is the masthead name.
_FORMULA_END = ","
_BARE_FORMULA_WORDS = 3
# "Annex", "Annexe XII", "المرفقات": longer lines are not annex headings (Chinese titles can be).
_ANNEX_HEADING_CHARS = 24
# Commas a space is dropped before when lines are folded.
_COMMAS = (",", "،", "，")


@dataclass(frozen=True)
class StructureData:
    lang: str
    formula: frozenset[str]  # as printed
    bare_formula: frozenset[str]  # without the comma some documents omit
    formula_names: frozenset[str]  # every formula without its comma (a name, on its own)
    annex_heading: regex.Pattern[str]
    annex_opening: regex.Pattern[str]  # an annex heading where running text goes on after it
    meeting_words: tuple[str, ...]
    terminal: str
    letter: tuple[str, ...]
    operative_number: regex.Pattern[str]
    sub_item: regex.Pattern[str]

    def is_formula(self, line: str) -> bool:
        """Whether ``line`` is the enacting formula; a few documents print it without its comma."""
        if len(line) >= 80:
            return False
        folded = fold(line)
        return folded in self.formula or folded.rstrip(_FORMULA_END) in self.bare_formula

    def is_bare_formula(self, line: str) -> bool:
        """The formula printed without its comma: an operative clause follows at once."""
        return self.is_formula(line) and fold(line) not in self.formula

    def is_annex_heading(self, line: str) -> bool:
        if len(line) >= 200 or (self.lang != "zh" and len(line.strip()) > _ANNEX_HEADING_CHARS):
            return False
        if self.lang == "zh" and "附件" not in line:
            return False  # every Chinese annex heading names one
        return self.annex_heading.match(fold(line)) is not None

    def may_be_meeting(self, line: str) -> bool:
        """A cheap test before the meeting parser: the line is short and names a meeting."""
        return len(line) < 120 and any(word in line for word in self.meeting_words)

    def is_letter_title(self, line: str) -> bool:
        folded = fold(line)
        if self.lang == "zh":
            return len(folded) < 120 and any(folded.endswith(word) for word in self.letter)
        return len(folded) < 300 and any(folded.startswith(word) for word in self.letter)


def fold(text: str) -> str:
    """Compare lines as printed: "إن الجمعية العامة ،" and "L'Assemblée" are the usual forms.

    String methods rather than regexes: every line of a document is folded several times."""
    folded = " ".join(text.split()).replace("'", "’")
    for comma in _COMMAS:
        folded = folded.replace(" " + comma, comma)
    return folded


def _annex_heading(lang: str, words: list[str]) -> regex.Pattern[str]:
    """ "Annex", "Annex II"; in Chinese "附件", "附件二" or a title ending "...的附件"."""
    if lang == "zh":
        return regex.compile(r"^(?:附件[一二三四五六七八九十]*|.*的附件)$")
    alternatives = "|".join(regex.escape(word) for word in words)
    return regex.compile(rf"^(?:{alternatives})(?:\s+[IVXLC\d]+)?\s*$")


def _annex_opening(lang: str, words: list[str]) -> regex.Pattern[str]:
    """ "Annex I" before the annex's title on the same line (segmented text); the Chinese
    heading runs into the title ("附件2022年12月8日...")."""
    if lang == "zh":
        return regex.compile(r"附件[一二三四五六七八九十]*")
    alternatives = "|".join(regex.escape(word) for word in words)
    return regex.compile(rf"(?<!\S)(?:{alternatives})(?:\s+[IVXLC\d]+(?!\S))?(?=\s|$)")


@functools.cache
def structure_data(lang: str) -> StructureData:
    if lang not in LANGUAGES:
        raise KeyError(lang)
    raw = tomllib.loads(
        (resources.files("sixfold.structure") / "data" / f"{lang}.toml").read_text("utf-8")
    )
    return StructureData(
        lang=lang,
        formula=frozenset(fold(f) for f in raw["formula"]),
        bare_formula=frozenset(
            fold(f).rstrip(_FORMULA_END)
            for f in raw["formula"]
            # Without its comma "Генеральная Ассамблея" is the masthead's name, not a formula.
            if len(f.split()) >= _BARE_FORMULA_WORDS
        ),
        formula_names=frozenset(fold(f).rstrip(",،，") for f in raw["formula"]),
        annex_heading=_annex_heading(lang, raw["annex"]),
        annex_opening=_annex_opening(lang, raw["annex"]),
        meeting_words=tuple(raw["meeting"]),
        terminal=raw["terminal"],
        letter=tuple(raw["letter"]),
        operative_number=regex.compile(raw["operative_number"]),
        sub_item=regex.compile(raw["sub_item"]),
    )
