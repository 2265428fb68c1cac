"""Masthead and closing lines: the facts printed around the body.

A UN document states its symbol, issue date, session, agenda items, adoption line, origin,
number and title on its first page, and its meeting and adoption date after the last paragraph;
exports move these lines around (an ODS export prints the masthead *after* the body, glued
together).  So every short line is offered to every fact reader, wherever it stands, and a line
that yields a fact is consumed.  The first value found for a fact wins.
"""

from __future__ import annotations

import functools
import itertools
import tomllib
from dataclasses import dataclass, field
from importlib import resources

import regex

from sixfold.clean.markup import FOOTNOTE_TOKEN
from sixfold.facts.agenda import parse_agenda_items
from sixfold.facts.dates import find_dates
from sixfold.facts.digits import to_ascii_digits
from sixfold.facts.ordinals import parse_meeting, parse_session
from sixfold.facts.origin import is_adoption_line, parse_adoption_line, parse_origin
from sixfold.model import Origin
from sixfold.symbols import Symbol, find_symbols, parse_resolution_number

# Lines longer than this are body text, never masthead (a number line with its title may be
# longer: some titles run to 60 words).
MAX_MASTHEAD_LINE = 400
MAX_NUMBER_LINE = 1000
_CHINESE_MEETING = regex.compile(r"第?\s*[0-9٠-٩]+\s*次全体会议")
_JOB_NUMBER = regex.compile(r"^\s*(\d{2}-\d{5})(?:\s*\([A-Z]\))?")
# A symbol's first series ("A/", "ST/SGB/"), as it opens right after the name in a glued masthead.
_SYMBOL_START = regex.compile(r"\s*[A-Z][A-Z0-9]*\s?/")
_ODS_JOB = regex.compile(r"^N(\d{2})(\d{5})[A-Z]?$")
# A resolution adopted in parts prints each part's letter alone on a line ("A", "## B").
_PART_LINE = regex.compile(r"^[\s#*]*(?<part>[A-H])[\s*]*$")
# The footnote number glued to a letter at the end of a line ("B1", "باء(2)").
_GLUED_NOTE = regex.compile(r"(?<=[^\W\d_])\(?[0-9٠-٩]{1,3}\)?(?=[\s*]*$)")
# Segmented text runs the first part letter into the title: "Title A Subtitle".
_TITLE_PART = regex.compile(r"^(?<title>.*?\S)\s+A(?:\s+(?<rest>\S.*))?$")
# A number line run into the line before it (segmented text without a bracketed origin).
_EMBEDDED_NUMBER = regex.compile(
    r"(?<=\S\s+)(?=[0-9\u0660-\u0669]{1,3}\s*/\s*[0-9\u0660-\u0669]{1,4}\b)"
)
# ... and a later part letter into the end of the previous part: "... privés . B Politiques".
_PART_IN_TEXT = "(?:^|[.;:؛。；：]\\s*){letter}(?:\\s|$)"
# ... or a part letter ends the title: "Title B", "标题B", "العنوان باء" (or is all of it).
_TITLE_LETTER = regex.compile(r"^(?:(?<title>.*?\S)(?:\s+|(?<=\p{Han})))?(?<part>[^\s\p{Han}]+)$")


@dataclass(frozen=True)
class MastheadNames:
    distribution: regex.Pattern[str]
    united_nations: tuple[str, ...]
    bodies: dict[str, tuple[str, ...]]
    part_names: dict[str, str]


@functools.cache
def _names() -> MastheadNames:
    path = resources.files("sixfold.structure") / "data" / "masthead.toml"
    raw = tomllib.loads(path.read_text("utf-8"))
    return MastheadNames(
        distribution=regex.compile(raw["distribution"]),
        united_nations=tuple(raw["united_nations"]),
        bodies={code: tuple(names) for code, names in raw["bodies"].items()},
        part_names=raw["part_names"],
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
    parts: list[str] = field(default_factory=list)
    # The distribution line was just read without its date: a date alone on the next line is
    # the issue date, even after the adoption line.
    issue_date_next: bool = False

    @property
    def awaits_issue_date(self) -> bool:
        return self.issue_date_next and self.issued is None

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
    if len(text) > MAX_MASTHEAD_LINE:
        return len(text) <= MAX_NUMBER_LINE and _read_number(text, lang, masthead)
    if not text:
        return False
    names = _names()
    consumed = False
    issue_date_next = masthead.awaits_issue_date
    masthead.issue_date_next = False  # only the line right after the distribution line
    symbols = find_symbols(text)
    body_named = _strip_names(text)
    distr = names.distribution.search(text)
    if distr:
        # "Distr.: General" may be glued to the issue date and session ("5 April 2011第六十五届会议").
        tail = text[distr.end() :]
        dates = find_dates(tail, lang) or find_dates(tail, "en")
        if dates:
            masthead.set("issued", dates[0].iso)
        masthead.issue_date_next = not dates
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
    # Before the session: a title may name one ("76/15. Pouvoirs ... à la soixante-seizième session").
    if _read_number(text, lang, masthead):
        return True
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
    after_adoption = masthead.adoption_line and not issue_date_next
    issued = None if masthead.issued or after_adoption else _only_date(text, lang)
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
    return False


def _read_number(text: str, lang: str, masthead: Masthead) -> bool:
    number = parse_resolution_number(text, lang)
    if number:
        masthead.set("number", number)
        masthead.set("title", _title_after_number(text))
    return number is not None


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
    date = None if masthead.awaits_issue_date else _only_date(text, lang)
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


def is_glued_masthead(line: str) -> bool:
    """The first line of the masthead an ODS export prints after everything else, annexes
    included ("United NationsA/RES/77/261General AssemblyDistr.: General")."""
    text = line.strip()
    return _glued_masthead(text) and _names().distribution.search(text) is not None


def _glued_masthead(text: str) -> bool:
    """'United NationsA/RES/65/140General AssemblyDistr.: General' as ODS exports print it: the
    name, then the symbol at once.  Not a line that merely names the United Nations and cites a
    symbol ("Letter dated ... to the United Nations addressed to ... (S/2014/136)")."""
    names = _names().united_nations
    if len(text) >= 200 or not text.startswith(names):
        return False  # almost every line, told at once
    name = next(name for name in names if text.startswith(name))
    return _SYMBOL_START.match(text, len(name)) is not None


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


def unglue_number(line: str, lang: str) -> list[str]:
    """An adoption line and the number line after it, when segmented text ran them together."""
    for match in _EMBEDDED_NUMBER.finditer(line):
        head, tail = line[: match.start()], line[match.start() :]
        if is_adoption_line(head, lang) and parse_resolution_number(tail, lang):
            return [head, tail]
    return [line]


def part_letter(line: str) -> str | None:
    """The letter of a part heading ("A") if ``line`` is one; a part adopted on its own carries
    a footnote reference ("B<sup>1</sup>", glued "B1" in an export: the first part becomes "A")."""
    line = _GLUED_NOTE.sub("", FOOTNOTE_TOKEN.sub("", line))
    match = _PART_LINE.match(line)
    return match.group("part") if match else _names().part_names.get(line.strip(" \t#*"))


def next_part(masthead: Masthead) -> str | None:
    """The letter the next part heading would carry."""
    return chr(ord(masthead.parts[-1]) + 1) if masthead.parts else None


def title_part(masthead: Masthead, body: list[str]) -> str | None:
    """Take a part letter run into the title (segmented text): the first of a resolution in
    parts when the body has the next ("Title A Subtitle" ... "B"), or the last word of the title
    ("Title B": a part adopted on its own, or part A whose later parts the body holds).

    Returns the subtitle of part A (the title's tail after the letter), which is body text.
    """
    if masthead.parts or not masthead.title:
        return None
    last = _TITLE_LETTER.match(masthead.title)
    letter = part_letter(last.group("part")) if last else None
    if last and letter:
        masthead.title = last.group("title") or None
        masthead.parts += [letter, *_later_parts(letter, body)]
        return None
    match = _TITLE_PART.match(masthead.title)
    found = _later_parts("A", body) if match else []
    if not match or not found:
        return None
    masthead.title = match.group("title")
    masthead.parts += ["A", *found]
    return match.group("rest")


def _later_parts(letter: str, body: list[str]) -> list[str]:
    """The letters after ``letter`` that head parts of the body, in order."""
    later = [chr(code) for code in range(ord(letter) + 1, ord("H") + 1)]
    return list(itertools.takewhile(lambda next_letter: _part_in(next_letter, body), later))


def _part_in(letter: str, body: list[str]) -> bool:
    pattern = _part_pattern(letter)
    return any(pattern.search(line) for line in body)


@functools.cache
def _part_pattern(letter: str) -> regex.Pattern[str]:
    """The letter as printed in any script ("B", "باء", Cyrillic "В") after a paragraph's end."""
    spellings = [letter, *(name for name, code in _names().part_names.items() if code == letter)]
    alternatives = "|".join(regex.escape(spelling) for spelling in spellings)
    return regex.compile(_PART_IN_TEXT.format(letter=f"(?:{alternatives})"))


def resolution_number(masthead: Masthead) -> str | None:
    """The number with the parts of the resolution, in session/number order.

    Arabic prints the number first or second depending on the digits and the export; the
    session named in the masthead or the symbol tells which side is which.  A symbol that
    names parts ("A/RES/77/290 B") gives them when the text does not print them.
    """
    symbol = _resolution_symbol(masthead.symbol)
    number = masthead.number
    if number is None:
        return f"{symbol.session}/{symbol.number}" if symbol and masthead.adoption_line else None
    first, _, second = number.partition("/")
    session = masthead.session or (symbol.session if symbol else None)
    if session and second == session != first:
        number = f"{second}/{first}"
    if symbol and f"{symbol.session}/{symbol.number}".startswith(f"{number} "):
        return f"{symbol.session}/{symbol.number}"
    if masthead.parts and " " not in number:
        letters = masthead.parts[0] + ("-" + masthead.parts[-1] if len(masthead.parts) > 1 else "")
        return f"{number} {letters}"
    return number


def _resolution_symbol(text: str | None) -> Symbol | None:
    try:
        symbol = Symbol.parse(text) if text else None
    except ValueError:
        return None
    return symbol if symbol and symbol.family == "resolution" else None
