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
    rules = _rules()
    table: dict[int, str | None] = {
        ord(k): v for k, v in rules["letters"].get(lang or "", {}).items()
    }
    for first, last in rules["marks"].get(lang or "", []):
        table.update(dict.fromkeys(range(ord(first), ord(last) + 1)))
    strip = lang in rules["strip_accents"]
    join = "" if unspaced(lang) else " "

    def fold_text(text: str) -> str:
        text = to_ascii_digits(unicodedata.normalize("NFKC", text)).casefold()
        if strip:
            text = _COMBINING.sub("", unicodedata.normalize("NFD", text))
        text = text.translate(table)
        return _NON_WORD.sub(join, text).strip()

    return fold_text


def fold(text: str, lang: str | None) -> str:
    """``text`` in the form labels and texts are compared in (see module docstring)."""
    return _folder(lang)(text)


@functools.cache
def _stemmer(lang: str | None) -> Callable[[list[str]], list[str]] | None:
    name = _rules()["stemmer"].get(lang or "")
    return Stemmer.Stemmer(name).stemWords if name else None


def terms(text: str, lang: str | None) -> list[str]:
    """The units a text is matched by, folded and stemmed: words, or Chinese characters."""
    folded = fold(text, lang)
    if unspaced(lang):
        return list(folded)
    found = _WORD.findall(folded)
    stem = _stemmer(lang)
    return stem(found) if stem else found
