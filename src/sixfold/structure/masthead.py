"""Masthead and closing lines: the facts printed around the body.

A UN document states its symbol, issue date, session, agenda items, adoption line, origin,
number and title on its first page, and its meeting and adoption date after the last paragraph;
exports move these lines around (an ODS export prints the masthead *after* the body, glued
together).  So every short line is offered to every fact reader, wherever it stands, and a line
that yields a fact is consumed.  The first value found for a fact wins.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass, field
from importlib import resources

import regex

from sixfold.facts.agenda import parse_agenda_items
from sixfold.facts.dates import find_dates
from sixfold.facts.digits import to_ascii_digits
from sixfold.facts.ordinals import parse_meeting, parse_session
from sixfold.facts.origin import is_adoption_line, parse_adoption_line, parse_origin
from sixfold.model import Origin
from sixfold.symbols import Symbol, find_symbols, parse_resolution_number

# Lines longer than this are body text, never masthead.
MAX_MASTHEAD_LINE = 400
_CHINESE_MEETING = regex.compile(r"第?\s*[0-9٠-٩]+\s*次全体会议")
_JOB_NUMBER = regex.compile(r"^\s*(\d{2}-\d{5})(?:\s*\([A-Z]\))?")
_ODS_JOB = regex.compile(r"^N(\d{2})(\d{5})[A-Z]?$")


@dataclass(frozen=True)
class MastheadNames:
    distribution: regex.Pattern[str]
    united_nations: tuple[str, ...]
    bodies: dict[str, tuple[str, ...]]


@functools.cache
def _names() -> MastheadNames:
    path = resources.files("sixfold.structure") / "data" / "masthead.toml"
    raw = tomllib.loads(path.read_text("utf-8"))
    return MastheadNames(
        distribution=regex.compile(raw["distribution"]),
        united_nations=tuple(raw["united_nations"]),
        bodies={code: tuple(names) for code, names in raw["bodies"].items()},
    )


@dataclass
class Masthead:
    symbol: str | None = None
    body: str | None = None
    session: str | None = None
    number: str | None = None
    title: str | None = None
    adopted: str | None = None
    issued: str | None = None
    agenda_items: list[str] = field(default_factory=list)
    origin: Origin | None = None
    meeting: str | None = None
    job_number: str | None = None
    closing_date: str | None = None
    adoption_line: bool = False
    letter_title: str | None = None

    def set(self, name: str, value: object) -> None:
        if value and not getattr(self, name):
            setattr(self, name, value)


def read_ods_fields(masthead: Masthead, fields: dict[str, str]) -> None:
    symbol = fields.get("DOC SYMBOL1")
    if symbol:
        masthead.set("symbol", _canonical(symbol))
    job = _ODS_JOB.match(fields.get("JOB NO", ""))
    if job:
        masthead.set("job_number", f"{job.group(1)}-{job.group(2)}")


def _canonical(text: str) -> str | None:
    try:
        return str(Symbol.parse(text.strip()))
    except ValueError:
        return None


def _only_date(line: str, lang: str) -> str | None:
    """The ISO date if ``line`` is a date and nothing else (a closing or issue-date line)."""
    dates = find_dates(line, lang)
    if len(dates) != 1:
        return None
    rest = (line[: dates[0].start] + line[dates[0].end :]).strip(" .,\t")
    return dates[0].iso if not rest else None


def classify_top(line: str, lang: str, masthead: Masthead) -> bool:
    """Read one masthead line into ``masthead``; True when the line was masthead, not text."""
    text = line.strip()
    if not text or len(text) > MAX_MASTHEAD_LINE:
        return False
    names = _names()
    consumed = False
    symbols = find_symbols(text)
    body_named = _strip_names(text)
    distr = names.distribution.search(text)
    if distr:
        # "Distr.: General" may be glued to the issue date and session ("5 April 2011第六十五届会议").
        tail = text[distr.end() :]
        dates = find_dates(tail, lang) or find_dates(tail, "en")
        if dates:
            masthead.set("issued", dates[0].iso)
        body_named = _strip_names(text[: distr.start()] + tail)
        consumed = True
    if symbols and (not body_named.strip() or is_symbol_line(body_named)):
        masthead.set("symbol", str(symbols[0].symbol))
        return True
    if symbols and _glued_masthead(text):
        masthead.set("symbol", str(symbols[0].symbol))
        consumed = True
    job = _JOB_NUMBER.match(text)
    if job and len(text) < 40:
        masthead.set("job_number", job.group(1))
        return True
    for code, body_names in names.bodies.items():
        if any(name in text for name in body_names) and len(body_named.strip(" ,")) <= 2:
            masthead.set("body", code)
            return True
    if not body_named.strip() and text:
        return True  # "United Nations" alone
    session = parse_session(text, lang) or parse_session(text, "en")
    if session:
        masthead.set("session", session)
        dates = find_dates(text, lang) or find_dates(text, "en")
        if dates:
            masthead.set("issued", dates[0].iso)
        return True
    items = parse_agenda_items(text, lang)
    if items:
        masthead.set("agenda_items", items)
        return True
    if consumed:
        return True
    issued = None if masthead.issued or masthead.adoption_line else _only_date(text, lang)
    if issued:
        masthead.set("issued", issued)
        return True
    if is_adoption_line(text, lang):
        masthead.adoption_line = True
        masthead.set("adopted", parse_adoption_line(text, lang))
        return True
    origin = parse_origin(text, lang)
    if origin is not None:
        masthead.set("origin", origin)
        return True
    number = parse_resolution_number(text, lang)
    if number:
        masthead.set("number", number)
        masthead.set("title", _title_after_number(text))
        return True
    return False


def classify_closing(line: str, lang: str, masthead: Masthead) -> bool:
    """Read a closing line (meeting or adoption date) into ``masthead``."""
    text = line.strip()
    if not text or len(text) > 120:
        return False
    meeting = parse_meeting(text, lang)
    if meeting:
        masthead.set("meeting", meeting)
        rest_date = _only_date(_CHINESE_MEETING.sub("", text), lang)
        if rest_date:
            masthead.set("closing_date", rest_date)
        return True
    date = _only_date(text, lang)
    if date:
        masthead.set("closing_date", date)
        return True
    return False


def _strip_names(text: str) -> str:
    names = _names()
    for name in [*names.united_nations, *(n for body in names.bodies.values() for n in body)]:
        text = text.replace(name, " ")
    return text


def is_symbol_line(text: str) -> bool:
    """Whether ``text`` holds document symbols and nothing else (a running header)."""
    matches = find_symbols(text)
    rest = text
    for match in reversed(matches):
        rest = rest[: match.start] + rest[match.end :]
    return bool(matches) and not rest.strip(" \t,;")


def _glued_masthead(text: str) -> bool:
    """'United NationsA/RES/65/140General AssemblyDistr.: General' as ODS exports print it."""
    return any(name in text for name in _names().united_nations) and len(text) < 200


def _title_after_number(line: str) -> str | None:
    text = to_ascii_digits(line)
    match = regex.match(
        r"^\s*(?:[A-Z]/(?:RES/)?)?[A-Z0-9-]*\d+/\d+(?:\s*\([A-Z]+\))?\s*[.．]?\s*(?:[-–—]\s*)?",
        text,
    )
    if not match:
        return None
    title = line[match.end() :].strip()
    return title or None
