"""Per-language structure knowledge (``data/<lang>.toml``), loaded once and compiled once."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources

import regex

from sixfold.model import LANGUAGES

_FOLD = regex.compile(r"\s+")


@dataclass(frozen=True)
class StructureData:
    lang: str
    formula: frozenset[str]
    annex: tuple[str, ...]
    terminal: str
    letter: tuple[str, ...]
    operative_number: regex.Pattern[str]
    sub_item: regex.Pattern[str]

    def is_formula(self, line: str) -> bool:
        return fold(line) in self.formula

    def is_annex_heading(self, line: str) -> bool:
        folded = fold(line)
        if len(folded) > 200:
            return False
        if self.lang == "zh":
            return (
                folded == "附件"
                or folded.endswith("的附件")
                or regex.match(r"^附件[一二三四五六七八九十]*$", folded) is not None
            )
        return any(
            regex.match(rf"^{regex.escape(word)}(\s+[IVXLC\d]+)?\s*$", folded)
            for word in self.annex
        )

    def is_letter_title(self, line: str) -> bool:
        folded = fold(line)
        if self.lang == "zh":
            return len(folded) < 120 and any(folded.endswith(word) for word in self.letter)
        return len(folded) < 300 and any(folded.startswith(word) for word in self.letter)


def fold(text: str) -> str:
    return _FOLD.sub(" ", text).strip().replace("'", "’")


@functools.cache
def structure_data(lang: str) -> StructureData:
    if lang not in LANGUAGES:
        raise KeyError(lang)
    raw = tomllib.loads(
        (resources.files("sixfold.structure") / "data" / f"{lang}.toml").read_text("utf-8")
    )
    if lang == "ar":
        number = regex.compile(r"^\s*([0-9٠-٩]{1,3})\s*[-–—]\s*")
        sub_item = regex.compile(r"^\s*\(([\p{Arabic}]{1,3}|[0-9٠-٩]{1,2})\)\s*")
    else:
        number = regex.compile(r"^\s*([0-9]{1,3})\s*[.．]\s*(?![0-9])")
        sub_item = regex.compile(r"^\s*\(([a-z]{1,3}|[ivxlc]{1,6}|[0-9]{1,2})\)\s*")
    return StructureData(
        lang=lang,
        formula=frozenset(fold(f) for f in raw["formula"]),
        annex=tuple(raw["annex"]),
        terminal=raw["terminal"],
        letter=tuple(raw["letter"]),
        operative_number=number,
        sub_item=sub_item,
    )
