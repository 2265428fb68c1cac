"""Dates in the six languages, as ISO strings.

Patterns and month names are data (``[dates]`` in each language file).  Matching runs on the
raw text with digits folded one-to-one, so the spans returned point into the caller's text.
English dates are accepted in every language because the Arabic, Chinese and Russian
mastheads print the issue date in English.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cache

import regex

from sixfold.facts.digits import to_ascii_digits
from sixfold.facts.lang import data

_DAY = r"(?<!\d)(?<day>\d{1,2})"
_YEAR = r"(?<year>\d{4})(?!\d)"
_MONTH_DIGITS = r"(?<month>\d{1,2})"
# Arabic spellings vary in the hamza seat and stretch words with tatweel (U+0640).
_ALEF = "[اأإآ]"
_TATWEEL = "\u0640*"


@dataclass(frozen=True)
class DateMatch:
    """A date found in a text: its span in that text and its ISO form."""

    start: int
    end: int
    iso: str


def _name_pattern(name: str) -> str:
    parts = []
    for ch in name:
        if ch in "اأإآ":
            parts.append(_ALEF)
        elif ch == "/":
            parts.append(r"\s*/\s*")
        elif ch.isspace():
            parts.append(r"\s+")
        else:
            parts.append(regex.escape(ch))
    return _TATWEEL.join(parts)


@cache
def _month_lookup(lang: str) -> list[tuple[regex.Pattern[str], int]]:
    names = [(n, int(m)) for m, ns in data(lang)["dates"]["months"].items() for n in ns]
    names.sort(key=lambda item: len(item[0]), reverse=True)
    return [(regex.compile(_name_pattern(n), regex.I), m) for n, m in names]


@cache
def _patterns(lang: str) -> list[tuple[regex.Pattern[str], str]]:
    result = []
    for source in ("en", lang) if lang != "en" else ("en",):
        months = [n for ns in data(source)["dates"]["months"].values() for n in ns]
        months.sort(key=len, reverse=True)
        month = (
            f"(?<month>{'|'.join(_name_pattern(n) for n in months)})" if months else _MONTH_DIGITS
        )
        for template in data(source)["dates"]["patterns"]:
            body = template.replace("{day}", _DAY).replace("{year}", _YEAR)
            result.append((regex.compile(body.replace("{month}", month), regex.I), source))
    return result


def _month_number(text: str, source: str) -> int | None:
    if text.isdigit():
        return int(text)
    for pattern, number in _month_lookup(source):
        if pattern.fullmatch(text):
            return number
    return None


def _iso(match: regex.Match[str], source: str) -> str | None:
    month = _month_number(match.group("month"), source)
    if month is None:
        return None
    try:
        day = datetime.date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None
    return day.isoformat()


@cache
def _needs_year(lang: str) -> bool:
    """Whether every date pattern of ``lang`` holds a four-digit year: text without one then
    holds no date, which one search tells (most paragraphs hold none)."""
    sources = ("en", lang) if lang != "en" else ("en",)
    return all("{year}" in t for source in sources for t in data(source)["dates"]["patterns"])


_FOUR_DIGITS = regex.compile(r"\d{4}")


def find_dates(text: str, lang: str) -> list[DateMatch]:
    """Every valid date in ``text`` (no 31 February), sorted, overlaps resolved leftmost."""
    folded = to_ascii_digits(text)
    if _needs_year(lang) and not _FOUR_DIGITS.search(folded):
        return []
    found: list[DateMatch] = []
    for pattern, source in _patterns(lang):
        for match in pattern.finditer(folded):
            iso = _iso(match, source)
            if iso is not None:
                found.append(DateMatch(match.start(), match.end(), iso))
    found.sort(key=lambda d: (d.start, -d.end))
    result: list[DateMatch] = []
    for date in found:
        if not result or date.start >= result[-1].end:
            result.append(date)
    return result


def parse_date(text: str, lang: str) -> str | None:
    """The ISO form of the first date in ``text``."""
    dates = find_dates(text, lang)
    return dates[0].iso if dates else None
