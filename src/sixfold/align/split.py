"""Sentences of a paragraph, in any of the six languages.

A stop ends a sentence only where what follows could start one: whitespace (CJK full-width
stops need none) and then no lower-case letter or continuing punctuation. A full stop after an
abbreviation, an initial or a list number at the start of the sentence does not end it. Decimals
("3.5") and symbols ("A/RES/65/140") have no space after their inner full stops, so they never
look like an end. The sentences are slices of the text, stripped: joined they give the text
back, whitespace aside, which the aligners rely on to map links back onto the paragraph.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex

_LANGS = ("ar", "zh", "en", "fr", "ru", "es")


@dataclass(frozen=True)
class _Rules:
    boundary: regex.Pattern[str]
    abbreviations: frozenset[str]
    initials: bool
    item: regex.Pattern[str]
    continuer: regex.Pattern[str]


@cache
def _table() -> dict[str, dict[str, object]]:
    path = resources.files("sixfold.align").joinpath("data", "sentences.toml")
    return tomllib.loads(path.read_text("utf-8"))


@cache
def _rules(lang: str) -> _Rules:
    table = _table()
    common = table["common"]
    own = table[lang if lang in _LANGS else "en"]
    closers = regex.escape(str(common["closers"]))
    stops = regex.escape(str(own["stops"]))
    tight = str(own.get("tight_stops", ""))
    closing = rf"(?:[ \u00a0\u202f]?[{closers}])*"
    alternatives = [rf"(?P<dot>[{stops}]+){closing}(?=\s|$)"]
    if tight:
        alternatives.append(rf"[{regex.escape(tight)}]+{closing}")
    abbreviations = own["abbreviations"]
    assert isinstance(abbreviations, list)
    return _Rules(
        boundary=regex.compile("|".join(alternatives)),
        abbreviations=frozenset(abbreviations),
        initials=bool(own["initials"]),
        item=regex.compile(str(common["item"])),
        continuer=regex.compile(rf"\s*(?:\p{{Ll}}|[{regex.escape(str(common['continuers']))}])"),
    )


_SPACE = regex.compile(r"\s*")
_LEADING = regex.compile(r"^[\p{Ps}\p{Pi}\"'¿¡]+")
_INITIAL = regex.compile(r"^\p{Lu}\.$")


def _holds(rules: _Rules, text: str, start: int, stop: int) -> bool:
    """Whether the full stop ending at ``stop`` belongs to its word rather than ending the
    sentence that began at ``start``."""
    word_start = max(text.rfind(" ", start, stop), text.rfind("\n", start, stop), start - 1) + 1
    word = _LEADING.sub("", text[word_start:stop])
    if word in rules.abbreviations or word.lower() in rules.abbreviations:
        return True
    if rules.initials and _INITIAL.match(word):
        return True
    return word_start == start and bool(rules.item.match(word))


def split_sentences(text: str, lang: str) -> list[str]:
    """The sentences of ``text`` (a paragraph) written in ``lang`` (ar zh en fr ru es)."""
    rules = _rules(lang)
    sentences: list[str] = []
    start = 0
    for match in rules.boundary.finditer(text):
        end = match.end()
        if rules.continuer.match(text, end):
            continue
        dot = match.group("dot")
        if dot == "." and _holds(rules, text, start, match.start("dot") + 1):
            continue
        sentence = text[start:end].strip()
        if sentence:
            sentences.append(sentence)
            start = _SPACE.match(text, end).end()
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences
