"""Symbols in running text, and the number-to-symbol helpers of the resolution masthead."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from sixfold.facts.digits import to_ascii_digits
from sixfold.facts.lang import data
from sixfold.symbols.grammar import fragment
from sixfold.symbols.symbol import Symbol, SymbolError

# A candidate: an organ letter or a series code, then slash-separated parts (spaces around
# slashes tolerated), an optional Security Council year or bracketed section, part or volume,
# joint symbols joined by a hyphen.
_COMPONENT = r"[A-Za-z0-9.\-]+(?:\(\d+\))?"
_CANDIDATE = regex.compile(
    rf"(?<![A-Za-z0-9/.])(?:[ASEАЕ]|(?-i:{fragment('series')}))\s?/\s?{_COMPONENT}"
    rf"(?:\s?/\s?{_COMPONENT})*(?:\s?\(\d{{4}}\))?{fragment('qualifier')}"
    r"(?:/(?:Add|Rev|Corr|Amend)\.\s?\d+)*",
    regex.IGNORECASE,
)
# "A/65/L.43 and Add.1": a suffix given alone after a conjunction of any language.
_SUFFIX_AFTER = regex.compile(
    r"\s*(?:and|et|y|и|و|和|及|,|、)\s*(?<suffix>(?:Add|Rev|Corr)\.\s?\d+)(?![\w/])",
    regex.IGNORECASE,
)
# The parts of a resolution adopted in parts, printed after its symbol: "A/RES/77/256 A-B".
# Capitals only, and a letter standing alone, so that a following word is never taken.
_PARTS_AFTER = regex.compile(r"\s?[A-Z](?:\s?[-\u2010-\u2015]\s?[A-Z])?(?![\w/\-\u2010-\u2015])")

_SPACE = regex.compile(r"\s")


@dataclass(frozen=True)
class SymbolMatch:
    """A symbol found in a text and its span there."""

    start: int
    end: int
    symbol: Symbol


def _longest_symbol(text: str, start: int, end: int) -> tuple[int, Symbol] | None:
    """The longest prefix of the candidate that parses (drops trailing "." or "-")."""
    candidate = text[start:end]
    while candidate:
        try:
            return start + len(candidate), Symbol.parse(candidate)
        except SymbolError:
            cut = max(candidate.rfind("/"), candidate.rfind("."), candidate.rfind("-"))
            candidate = candidate[:cut] if cut > 0 else ""
    return None


def find_symbols(text: str) -> list[SymbolMatch]:
    """Explicit full symbols in text of any language, "and Add.1" expanded to a symbol."""
    found: list[SymbolMatch] = []
    for candidate in _CANDIDATE.finditer(text):
        parsed = _longest_symbol(text, candidate.start(), candidate.end())
        if parsed is None:
            continue
        end, symbol = parsed
        end, symbol = _with_parts(text, end, symbol)
        found.append(SymbolMatch(candidate.start(), end, symbol))
        follow = _SUFFIX_AFTER.match(text, end)
        if follow and not symbol.joint:
            suffix = follow.group("suffix").replace(" ", "")
            extra = Symbol.parse(f"{symbol}/{suffix}")
            found.append(SymbolMatch(follow.start("suffix"), follow.end(), extra))
    return found


def _with_parts(text: str, end: int, symbol: Symbol) -> tuple[int, Symbol]:
    """The symbol extended by the part letters printed after it, when it is a resolution."""
    parts = _PARTS_AFTER.match(text, end)
    if (
        parts is None
        or symbol.family != "resolution"
        or symbol.suffixes
        or not symbol.number.isdigit()
    ):
        return end, symbol
    try:
        letters = _SPACE.sub("", parts.group())
        return parts.end(), Symbol.parse(f"{symbol} {letters}")
    except SymbolError:
        return end, symbol


def resolution_symbol(number: str, body: str = "GA") -> str:
    """The symbol of a resolution number: "65/140" -> "A/RES/65/140" (body "GA", "HRC")."""
    organ = {"GA": "A", "HRC": "A/HRC"}.get(body.upper())
    if organ is None:
        raise SymbolError(f"unknown body {body!r} for a resolution number", source=number)
    return str(Symbol.parse(f"{organ}/RES/{number.strip().rstrip('.')}"))


@cache
def _number_line(lang: str) -> regex.Pattern[str]:
    prefixes = sorted(data(lang)["resolution_number"]["session_prefixes"], key=len, reverse=True)
    side = rf"(?:(?:{'|'.join(map(regex.escape, prefixes))})\s*[-\u2010-\u2015]\s*)?\d+"
    return regex.compile(rf"^[\s#*]*(?<x>{side})\s*/\s*(?<y>{side})(?=\s*[.\-\u2013\u2014]|\s|$)")


def _session(part: str, lang: str) -> tuple[str, bool]:
    """The canonical session of one side and whether it carried a session prefix."""
    digits = to_ascii_digits(regex.sub(r"^\D*", "", part))
    for prefix, canonical in data(lang)["resolution_number"]["session_prefixes"].items():
        if part.startswith(prefix):
            return f"{canonical}-{digits}", True
    return digits, False


def parse_resolution_number(text: str, lang: str) -> str | None:
    """The number ("65/140", "ES-10/21") on the number line of a resolution.

    Arabic printed with Arabic-Indic digits puts the number first ("٢٦٤/٦٧" is 67/264);
    with ASCII digits (the AKN files) it keeps the session first.
    """
    match = _number_line(lang).match(text)
    if match is None:
        return None
    x, x_prefixed = _session(match.group("x"), lang)
    y, y_prefixed = _session(match.group("y"), lang)
    indic = regex.search(r"[\u0660-\u0669\u06f0-\u06f9]", match.group())
    if y_prefixed or (indic and not x_prefixed):
        x, y = y, x
    return f"{x}/{y}"
