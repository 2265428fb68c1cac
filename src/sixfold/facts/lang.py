"""Per-language data files and the text folding every fact parser matches against.

Language knowledge lives in ``data/<lang>.toml`` (one file per language, same keys).  Phrase
patterns in those files are written against *folded* text: ASCII digits, lower case, no
diacritics (Arabic harakat and hamza seats included), every dash as ``-``, one space between
words, and for Chinese no spaces at all (segmented text puts spaces inside words).
"""

from __future__ import annotations

import tomllib
import unicodedata
from functools import cache
from importlib import resources
from typing import Any

import regex

from sixfold.errors import UsageError
from sixfold.facts.digits import to_ascii_digits

LANGS: tuple[str, ...] = ("ar", "zh", "en", "fr", "ru", "es")

_DASHES = regex.compile(r"[\u2010-\u2015\u2212\u00AD\uFE58\uFE63\uFF0D]")
_SPACES = regex.compile(r"\s+")
_TATWEEL = "\u0640"
# Characters with a non-zero canonical combining class (what ``unicodedata.combining`` tests),
# removed by one regex pass rather than a Python loop over every character.
_COMBINING = regex.compile(r"\P{ccc=0}+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


@cache
def data(lang: str) -> dict[str, Any]:
    """The parsed data file of one language (read once)."""
    if lang not in LANGS:
        raise UsageError(f"unknown language {lang!r} (expected one of {', '.join(LANGS)})")
    text = resources.files("sixfold.facts").joinpath("data", f"{lang}.toml").read_text("utf-8")
    return tomllib.loads(text)


@cache
def _homoglyphs(lang: str) -> dict[int, str]:
    return str.maketrans(data(lang).get("homoglyphs", {}))


def strip_marks(s: str) -> str:
    """Drop combining marks so that accented and unaccented spellings compare equal."""
    if s.isascii():
        return s
    return _COMBINING.sub("", unicodedata.normalize("NFKD", s))


def fold(s: str, lang: str) -> str:
    """The form phrase patterns are written in (see the module docstring)."""
    s = strip_marks(to_ascii_digits(s)).casefold().replace(_TATWEEL, "").translate(_QUOTES)
    s = _DASHES.sub("-", s)
    homoglyphs = _homoglyphs(lang)
    if homoglyphs:
        s = s.translate(homoglyphs)
    if lang == "zh":
        return _SPACES.sub("", s)
    return _SPACES.sub(" ", s).strip()
