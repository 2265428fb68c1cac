"""The bracketed proponent line ("[on the report of the Third Committee (A/77/457)]") and the
adoption line ("Resolution adopted by the General Assembly on 16 December 2010").

Phrases and committee names are data (``[origin]`` and ``[adoption]`` in each language file);
the documents are read with the symbol grammar, so "A/65/L.43 and Add.1" gives two symbols.
"""

from __future__ import annotations

from functools import cache

import regex

from sixfold.facts.dates import parse_date
from sixfold.facts.lang import data, fold
from sixfold.model import Origin
from sixfold.symbols import find_symbols


@cache
def _committees(lang: str) -> list[tuple[str, str]]:
    table = data(lang)["origin"]["committees"]
    return [(fold(phrase, lang), name) for name, phrases in table.items() for phrase in phrases]


def _documents(text: str) -> list[str]:
    result: list[str] = []
    for match in find_symbols(text):
        symbol = str(match.symbol)
        if symbol not in result:
            result.append(symbol)
    return result


def parse_origin(text: str, lang: str) -> Origin | None:
    """The committee (``None`` without reference to one) and documents of a proponent line."""
    folded = fold(text, lang)
    origin = data(lang)["origin"]
    if fold(origin["none"], lang) in folded:
        return Origin(None, _documents(text))
    if fold(origin["report"], lang) not in folded:
        return None
    for phrase, name in _committees(lang):
        if phrase in folded:
            return Origin(name, _documents(text))
    return None


@cache
def _adoption(lang: str) -> regex.Pattern[str]:
    return regex.compile(r"^[\s#*]*" + fold(data(lang)["adoption"]["pattern"], lang))


def is_adoption_line(text: str, lang: str) -> bool:
    """Whether the line is the "Resolution adopted by the General Assembly" heading."""
    return _adoption(lang).match(fold(text, lang)) is not None


def parse_adoption_line(text: str, lang: str) -> str | None:
    """The ISO adoption date of an adoption line (``None`` if not one or undated)."""
    return parse_date(text, lang) if is_adoption_line(text, lang) else None
