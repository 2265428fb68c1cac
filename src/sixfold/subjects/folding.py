"""Labels and running text folded into one comparable form, per language.

The thesaurus writes ``ENFANTS ABANDONNES`` where a French text prints "enfants abandonnés",
and Arabic labels and texts disagree on hamza, ta marbuta and alef maqsura, so neither can be
matched as written.  Both sides go through the same :func:`fold`; the rules per language are in
``data/folding.toml``.  Chinese keeps its characters and loses its spaces, so segmented and
unsegmented text fold alike and a label is found as a character string.
"""

from __future__ import annotations

import functools
import tomllib
import unicodedata
from collections.abc import Callable
from importlib import resources
from typing import Any

import regex
import Stemmer

from sixfold.facts.digits import to_ascii_digits

_NON_WORD = regex.compile(r"[^\p{L}\p{N}\p{M}]+")
_WORD = regex.compile(r"[\p{L}\p{N}]+")
_COMBINING = regex.compile(r"\p{Mn}+")


@functools.cache
def _rules() -> dict[str, Any]:
    data = resources.files("sixfold.subjects").joinpath("data/folding.toml").read_text("utf-8")
    return tomllib.loads(data)


def unspaced(lang: str | None) -> bool:
    """Whether the language is compared as characters, with no word boundaries."""
    return lang in _rules()["unspaced"]


@functools.cache
def _folder(lang: str | None) -> Callable[[str], str]:
    """Case, digits, accents and the language's letters and marks folded; punctuation kept.

    The language's letters are replaced one by one and its marks removed by one regex: on
    long texts with few of them that is several times faster than ``str.translate``."""
    rules = _rules()
    letters = list(rules["letters"].get(lang or "", {}).items())
    ranges = "".join(f"{first}-{last}" for first, last in rules["marks"].get(lang or "", []))
    marks = regex.compile(f"[{ranges}]+") if ranges else None
    strip = lang in rules["strip_accents"]

    def fold_letters(text: str) -> str:
        if not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
        text = to_ascii_digits(text).casefold()
        if strip:
            text = _COMBINING.sub("", unicodedata.normalize("NFD", text))
        for letter, replacement in letters:
            text = text.replace(letter, replacement)
        return marks.sub("", text) if marks else text

    return fold_letters


def fold(text: str, lang: str | None) -> str:
    """``text`` in the form labels and texts are compared in (see module docstring)."""
    return _NON_WORD.sub("" if unspaced(lang) else " ", _folder(lang)(text)).strip()


@functools.cache
def _stemmer(lang: str | None) -> Callable[[list[str]], list[str]] | None:
    name = _rules()["stemmer"].get(lang or "")
    return Stemmer.Stemmer(name).stemWords if name else None


def terms(text: str, lang: str | None) -> list[str]:
    """The units a text is matched by, folded and stemmed: words, or Chinese characters."""
    if unspaced(lang):
        return list(fold(text, lang))
    words = _WORD.findall(_folder(lang)(text))
    stem = _stemmer(lang)
    if not stem:
        return words
    distinct = list(set(words))  # a text repeats its words: stem each once
    stems = dict(zip(distinct, stem(distinct), strict=True))
    return [stems[word] for word in words]
