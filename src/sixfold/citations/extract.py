"""Citations in paragraph text: explicit symbols and resolution or decision numbers.

A symbol printed in full ("A/65/L.43", "FCCC/CP/2015/10/Add.1") is a citation wherever it
stands.  A bare number ("37/4", "242 (1967)", "3369 (XXX)") is one only when a noun governs it:
"resolution(s)" or "decision(s)" in the document's language, with nothing between them but
other numbers of the same list, their dates and the list's glue words ("and", "of", "et",
"и", "و", "、").  The noun gives the kind; the organ named beside it ("Human Rights Council
resolution 5/1") or the number's own shape (a Security Council year, an ECOSOC year as session)
gives the body.  Language knowledge is in ``data/citations.toml``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, lru_cache, partial
from importlib import resources

import regex

from sixfold.facts.dates import DateMatch, find_dates
from sixfold.facts.digits import to_ascii_digits
from sixfold.facts.lang import data as facts
from sixfold.model import Document
from sixfold.symbols import Symbol, SymbolError, find_symbols

_INDIC_DIGIT = regex.compile(r"[\u0660-\u0669\u06f0-\u06f9]")
# Hyphens that typesetting puts in "ES‑10/15" (non-breaking) read as the ASCII one; one character
# for one, so spans still index the text.
_HYPHENS = ("\u2010", "\u2011")
# Marks that may sit inside the words between list members without changing them: tatweel,
# harakat, format controls (LRM).
_IGNORABLE = regex.compile(r"[\u0640\p{Mn}\p{Cf}]")
_PREFIXED = regex.compile(r"^(?:ES|S)-")
# How far before its noun an organ may be named in the same sentence ("Human Rights Council
# resolutions, including resolutions 23/9"), and how close after a list ("résolution 5/1 du
# Conseil").
_CUE_BEFORE = 160
_CUE_AFTER = 8
_DIGIT = regex.compile(r"\d")
_STOP = regex.compile(r"[.;:。；：؛]\s")
_FIRST_NUMBERED_SESSION = 31
_FIRST_DECISION = 401
_FIRST_SESSION_YEAR = 1945  # the Assembly's session s opens in 1945 + s, ends in the next year
_COUNCIL_FIRST_YEAR = 2006  # the Human Rights Council's first session
# The longest title a list may give between two of its numbers.
_TITLE_SPAN = 400
# A date belongs to the number it follows (or, in Chinese, precedes) this closely.
_DATE_GAP = 25
# A title runs to the end of its clause; a colon inside quotation marks ("entitled “Shifting
# the paradigm: ...”") does not end it.
_TITLE_TEXT = r'(?:[^;:。；：“”«»"]|[“”«»"][^“”«»"]*[“”«»"])*'
# A quoted title: the nouns inside it ("«Осуществление решений»", "“... decisions of the
# Conference”") govern only the numbers inside it, not those after it.  Arabic prints its
# quotation marks the other way round (”...“).
_QUOTED = regex.compile(r'«[^«»]{0,400}»|[“”][^“”]{0,400}[“”]|"[^"]{0,400}"')
_KIND_BY_FAMILY = {"resolution": "resolution", "decision": "decision", "record": "meeting record"}


@dataclass(frozen=True)
class Citation:
    """One cited document: its canonical symbol, what it is, where the text names it.

    ``start``/``end`` index the text the citation was found in; ``paragraph`` is that
    paragraph's id (a footnote's is ``fn<marker>``) and ``verb`` the English verb of the
    paragraph's lead ("recalls"), when the citation comes from a document.
    """

    target: str
    kind: str
    start: int
    end: int
    date: str | None = None
    paragraph: str | None = None
    verb: str | None = None


@dataclass(frozen=True)
class _Language:
    number: regex.Pattern[str]
    sessions: dict[str, str]
    letters: dict[str, str]
    nouns: tuple[tuple[str, regex.Pattern[str]], ...]
    glue: regex.Pattern[str]
    titled: regex.Pattern[str]
    noun_after: bool
    organ_follows: bool
    other_owner: regex.Pattern[str]
    own: regex.Pattern[str]
    topic: regex.Pattern[str]
    bodies: tuple[tuple[str, regex.Pattern[str]], ...]
    reports: tuple[tuple[str, regex.Pattern[str]], ...]
    adverbs: regex.Pattern[str]
    verbs: tuple[tuple[str, regex.Pattern[str]], ...]


@cache
def _language(lang: str) -> _Language:
    path = resources.files("sixfold.citations").joinpath("data", "citations.toml")
    data = tomllib.loads(path.read_text("utf-8"))
    table = data[lang if lang in _LANGS else "en"]

    def compiled(source: str) -> regex.Pattern[str]:
        return regex.compile(source, regex.IGNORECASE)

    glue = f"(?:{table['glue']}|{table['locator']}|{_partial_dates(lang, table['part_join'])})*"
    sessions = {
        **facts(lang)["resolution_number"]["session_prefixes"],
        **table.get("old_sessions", {}),
    }
    return _Language(
        number=_number_pattern(sessions, table.get("part_letters", {}), table["part_join"]),
        letters=table.get("part_letters", {}),
        sessions=sessions,
        nouns=tuple((k, compiled(table[k])) for k in ("resolution", "decision")),
        glue=compiled(glue),
        titled=compiled(f"{glue}(?:{table['title']}){_TITLE_TEXT}" if "title" in table else "(?!)"),
        noun_after=table.get("noun_after", False),
        organ_follows=table.get("organ_follows", False),
        other_owner=compiled(table.get("other_owner", "(?!)")),
        own=compiled(table.get("own", "(?!)")),
        topic=compiled(table.get("topic", "(?!)")),
        bodies=tuple((k, compiled(_stretchable(v))) for k, v in table["bodies"].items()),
        reports=tuple((k, regex.compile(v)) for k, v in data["reports"].items()),
        adverbs=compiled(table["adverbs"]),
        verbs=tuple((k, compiled(v)) for k, v in table["verbs"].items()),
    )


_LANGS = ("ar", "zh", "en", "fr", "ru", "es")


def _stretchable(source: str) -> str:
    """A name pattern that also matches the name stretched with tatweel for justification
    ("مجلــس حقــوق الإنســان"): a tatweel may follow any Arabic letter (and its quantifier)."""
    return regex.sub(r"(\p{Arabic}[?*+]?)", "\\1\u0640*", source)


def _partial_dates(lang: str, join: str) -> str:
    """The pieces of a date printed without its day or its year ("December 2018",
    "29 أيلول/سبتمبر", "18 diciembre de 2014", "des 14 et 18 décembre 1973"), which the date
    reader rightly refuses but which still only date a member of a list: days and a month, or a
    year."""
    names = sorted((n for ns in facts(lang)["dates"]["months"].values() for n in ns), key=len)
    if not names:
        return "(?!)"
    month = "|".join(regex.escape(n).replace("\\ ", "\\s+") for n in reversed(names))
    day_month = rf"(?:\d{{1,2}}\s*)?(?:{month})(?:\s*/?\s*(?:{month}))?"
    days = rf"\b\d{{1,2}}\s*(?:,|\b(?:{join})\b)"  # "14 et" of "14 et 18 décembre 1973"
    return rf"{day_month}|{days}|\b(?:19|20)\d\d\b"


def _number_pattern(
    sessions: dict[str, str], words: dict[str, str], join: str
) -> regex.Pattern[str]:
    """A resolution or decision number, by shape: Security Council "242 (1967)", old style
    "217 A (III)" (Arabic "3101 (د-28)"), session/number "37/4", "ES-10/21", "دإط-10/15",
    "2019/1" (ECOSOC), with the part letters of a resolution adopted in parts ("45/58 P")."""
    prefix = "|".join(regex.escape(p) for p in sorted(sessions, key=len, reverse=True))
    session = rf"(?:(?:{prefix})\s?-\s?)?\d{{1,4}}"
    spelled = sorted(words, key=len, reverse=True)  # "ألف ألف" (AA) before "ألف" (A)
    letter = "|".join(["[A-ZА-Я]{1,2}", *(regex.escape(w) for w in spelled)])
    parts = rf"(?:{letter})(?:\s?(?:-|\u2013|{join})\s?(?:{letter}))?"
    return regex.compile(
        r"(?<![A-Za-z0-9/.\-])(?:"
        r"(?<sc>\d{1,4})\s?\((?<year>(?:19|20)\d\d)\)"
        rf"|(?<old>\d{{1,4}})(?:\s?(?<oldpart>{letter}))?"
        rf"\s?\((?<roman>(?:ES-|S-)?[IVXL]+|{session})\)"
        rf"|(?<session>{session})\s?/\s?(?<number>{session})"
        rf"(?:\s?(?<parts>{parts})(?!/|[^\W\p{{Han}}]))?"
        r")(?![A-Za-z0-9/])"
    )


def _roman(n: int) -> str:
    numerals = ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, numeral in numerals:
        while n >= value:
            out += numeral
            n -= value
    return out


def _session(text: str, sessions: dict[str, str], roman: bool = False) -> str:
    """A printed session in canonical form: "دإط-10" -> "ES-10"; with ``roman``, an old-style
    session as the UN's roman numerals ("د-28" -> "XXVIII")."""
    prefix, dash, digits = "".join(text.split()).rpartition("-")
    if not dash:
        return digits
    canonical = sessions.get(prefix, prefix)
    lead = f"{canonical}-" if canonical else ""
    if roman and digits.isdigit():
        return lead + _roman(int(digits))
    return lead + digits


def lead_verb(lead: str | None, lang: str) -> str | None:
    """The English verb of a lead phrase ("Recalling also" -> "recalls"), if known."""
    if not lead:
        return None
    table = _language(lang)
    text = lead.strip()
    while (stripped := table.adverbs.sub("", text, count=1)) != text:
        text = stripped
    return next((verb for verb, pattern in table.verbs if pattern.match(text)), None)


@dataclass(frozen=True)
class _Noun:
    start: int
    end: int
    kind: str
    quote: tuple[int, int] | None = None  # the quoted title the noun stands in


def _plain_hyphens(text: str) -> str:
    """Hyphens as ASCII (one character each, so offsets hold); ``str.replace`` because
    ``str.translate`` walks every character of texts that almost never hold one."""
    for hyphen in _HYPHENS:
        if hyphen in text:
            text = text.replace(hyphen, "-")
    return text


def find_citations(text: str, lang: str) -> list[Citation]:
    """Every citation in one paragraph's text, in reading order."""
    if not _DIGIT.search(text):
        return []  # every symbol and every number has a digit
    folded = _plain_hyphens(to_ascii_digits(text))
    table = _language(lang)
    found = [
        Citation(str(m.symbol), _KIND_BY_FAMILY.get(m.symbol.doc_type, "document"), m.start, m.end)
        for m in find_symbols(folded)
    ]
    taken = [(c.start, c.end) for c in found]
    numbers = [
        m for m in table.number.finditer(folded) if not any(a <= m.start() < b for a, b in taken)
    ]
    dates = find_dates(text, lang) if numbers or found else []
    found = [_dated(c, folded, dates, table) for c in found]
    if numbers:
        found += _numbered(text, folded, numbers, dates, table)
    found.sort(key=lambda c: c.start)
    return found


def citable_texts(doc: Document) -> list[tuple[str, str, str | None]]:
    """(text, place, lead) of every text a document cites from: its paragraphs, its annexes'
    paragraphs and its footnotes (place ``fn<marker>``, no lead)."""
    paragraphs = [*doc.paragraphs, *(p for annex in doc.annexes for p in annex.paragraphs)]
    texts = [(p.text, p.id, p.lead) for p in paragraphs]
    return texts + [(note.text, f"fn{note.marker}", None) for note in doc.footnotes]


def cited_targets(doc: Document) -> list[str]:
    """The documents a document cites, each once in reading order, its own symbol left out:
    what the parse record and the subject indexer need, without each citation's paragraph and
    verb (which cost a fifth of the finding)."""
    lang = doc.language or "en"
    found = (c.target for text, _, _ in citable_texts(doc) for c in find_citations(text, lang))
    return list(dict.fromkeys(target for target in found if target != doc.symbol))


def document_citations(doc: Document) -> list[Citation]:
    """Every citation of a document's citable texts, with the paragraph it stands in and that
    paragraph's verb; the document's own symbol left out."""
    lang = doc.language or "en"
    return [
        replace(citation, paragraph=where, verb=lead_verb(lead, lang))
        for text, where, lead in citable_texts(doc)
        for citation in find_citations(text, lang)
        if citation.target != doc.symbol
    ]


@dataclass
class _List:
    """A noun and the numbers it governs."""

    noun: _Noun
    members: list[regex.Match[str]]


def _numbered(
    text: str,
    folded: str,
    numbers: list[regex.Match[str]],
    dates: list[DateMatch],
    table: _Language,
) -> list[Citation]:
    """The numbers a noun governs, as dated citations."""
    quoted = [m.span() for m in _QUOTED.finditer(folded)]
    nouns = sorted(
        (
            _Noun(
                m.start(), m.end(), kind, next((q for q in quoted if q[0] < m.start() < q[1]), None)
            )
            for kind, p in table.nouns
            for m in p.finditer(folded)
        ),
        key=lambda n: n.start,
    )
    if not nouns:
        return []
    masked = _mask(folded, [(m.start(), m.end()) for m in numbers], dates, table)
    result = []
    for found, body in _with_bodies(_lists(numbers, nouns, masked, table), folded, masked, table):
        other = partial(_last_named, folded, found.noun.start, table)
        for match in found.members:
            indic = bool(_INDIC_DIGIT.search(text, *match.span()))
            date = _date_near(match.start(), match.end(), folded, dates, table)
            year = int(date.iso[:4]) if date else None
            target = _target(match, found.noun.kind, body, indic, table, other=other, year=year)
            if target is not None:
                iso = date.iso if date else None
                result.append(
                    Citation(str(target), found.noun.kind, match.start(), match.end(), iso)
                )
    return result


def _mask(
    folded: str, spans: list[tuple[int, int]], dates: list[DateMatch], table: _Language
) -> str:
    """The text with numbers, dates and organ names blanked, so what is left between a noun
    and a number can be checked against the glue pattern."""
    chars = list(folded)
    cues = [(m.start(), m.end()) for _, p in table.bodies for m in p.finditer(folded)]
    for start, end in [*spans, *((d.start, d.end) for d in dates), *cues]:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _lists(
    numbers: list[regex.Match[str]], nouns: list[_Noun], masked: str, table: _Language
) -> list[_List]:
    """Numbers grouped under the noun that governs them.  A list opens with its noun and goes
    on while only glue, or a title after a member, stands before the next number; in Chinese
    the list runs backwards from the noun that closes it."""
    ordered = list(reversed(numbers)) if table.noun_after else numbers
    lists: list[_List] = []
    for match in ordered:
        noun = _nearest(match, nouns, table.noun_after)
        if noun is None:
            continue
        current = lists[-1] if lists and lists[-1].noun == noun else None
        if current is None:
            gap = _between(masked, noun, match, table.noun_after)
            if table.glue.fullmatch(_IGNORABLE.sub("", gap)):
                lists.append(_List(noun, [match]))
            continue
        last = current.members[-1]
        gap = _IGNORABLE.sub(
            "",
            masked[match.end() : last.start()]
            if table.noun_after
            else masked[last.end() : match.start()],
        )
        if table.glue.fullmatch(gap) or (len(gap) <= _TITLE_SPAN and table.titled.fullmatch(gap)):
            current.members.append(match)
    return lists


def _nearest(match: regex.Match[str], nouns: list[_Noun], after: bool) -> _Noun | None:
    """The noun that may govern a number: the nearest, leaving out those in a quoted title the
    number is not in."""
    governing = [n for n in nouns if n.quote is None or n.quote[0] < match.start() < n.quote[1]]
    if after:
        return next((n for n in governing if n.start >= match.end()), None)
    return next((n for n in reversed(governing) if n.end <= match.start()), None)


def _between(masked: str, noun: _Noun, match: regex.Match[str], after: bool) -> str:
    return masked[match.end() : noun.start] if after else masked[noun.end : match.start()]


def _with_bodies(
    lists: list[_List], folded: str, masked: str, table: _Language
) -> list[tuple[_List, str | None]]:
    """Each list with its organ.  Where the noun closes the list (Chinese), a list that follows
    another with only glue between ("人权理事会…第39/15号决议、…第40/17号决议") goes on naming the
    same organ's resolutions."""
    result: list[tuple[_List, str | None]] = []
    for found in sorted(lists, key=lambda found: found.noun.start):
        body = _body(folded, masked, found, table)
        if body is None and table.noun_after and result:
            previous, previous_body = result[-1]
            gap = masked[previous.noun.end : min(m.start() for m in found.members)]
            if table.glue.fullmatch(_IGNORABLE.sub("", gap)):
                body = previous_body
        result.append((found, body))
    return result


def _body(folded: str, masked: str, found: _List, table: _Language) -> str | None:
    """The organ of a list: named between its noun and its numbers, just after its last
    number ("résolution 5/1 du Conseil"; where the language names it after the list, after the
    last member's date too: "51/18 du 6 octobre 2022 du Conseil"); else the organ whose report
    the list is cited from ("(A/73/53), chap. IV, resolution 37/17"); else, unless the noun
    says the list is the Assembly's own, one named before its noun in the same sentence with no
    other number in between ("Human Rights Council resolutions, including resolutions 23/9")."""
    noun, first, last = found.noun, found.members[0], found.members[-1]
    if table.noun_after:
        first, last = last, first
    lo, hi = sorted((noun.start, first.start()))
    end = max(noun.end, last.end())
    for body, pattern in table.bodies:
        if pattern.search(folded, lo, hi):
            return body
        after = None if table.noun_after else pattern.search(folded, end, end + _CUE_AFTER + 60)
        if after and (
            after.start() - end <= _CUE_AFTER
            or (
                table.organ_follows
                and table.glue.fullmatch(_IGNORABLE.sub("", masked[end : after.start()]))
            )
        ):
            return body
    for body, pattern in table.reports:
        for report in pattern.finditer(folded, max(0, lo - _CUE_BEFORE), lo):
            if table.glue.fullmatch(_IGNORABLE.sub("", masked[report.end() : lo])):
                return body
    if table.own.search(folded, noun.start, noun.end):
        return None
    topics = [m.span() for m in table.topic.finditer(folded, max(0, lo - _CUE_BEFORE), lo)]
    for body, pattern in table.bodies:
        for earlier in pattern.finditer(folded, max(0, lo - _CUE_BEFORE), lo):
            between = (earlier.end(), lo)
            if any(a <= earlier.start() < b for a, b in topics):
                continue  # the subject of a title, not the owner ("关于审查人权理事会的")
            if not table.number.search(folded, *between) and not _STOP.search(folded, *between):
                return body
    if table.other_owner.search(folded, noun.start, max(noun.end, hi)):
        return _last_named(folded, noun.start, table)
    return None


def _last_named(folded: str, before: int, table: _Language) -> str | None:
    """The council named last before a point of the paragraph, by its name or its report: the
    owner of the resolutions of "its resolutions" or "the Council's resolution" where the words
    say they are not the Assembly's (Arabic "قراراته", "قرار المجلس"; the Assembly's own are
    "قراراتها"), or of numbers that cannot be the Assembly's."""
    named = [
        (m.start(), body)
        for body, p in (*table.bodies, *table.reports)
        if body != "ga"
        for m in p.finditer(folded, 0, before)
    ]
    return max(named)[1] if named else None


def _target(
    match: regex.Match[str],
    kind: str,
    body: str | None,
    indic: bool,
    table: _Language,
    *,
    other: Callable[[], str | None] = lambda: None,
    year: int | None = None,
) -> Symbol | None:
    """The canonical symbol of a governed number (``other``, ``year``: see :func:`_organ`)."""
    groups = match.groupdict()
    if groups["sc"]:
        text = f"S/RES/{groups['sc']} ({groups['year']})"
    elif groups["old"]:
        organ = "E" if body == "ecosoc" else "A"
        part = f" {_part_letters(groups['oldpart'], table.letters)}" if groups["oldpart"] else ""
        session = _session(groups["roman"], table.sessions, roman=True)
        text = f"{organ}/RES/{groups['old']}{part} ({session})"
    else:
        session = _session(groups["session"], table.sessions)
        number = _session(groups["number"], table.sessions)
        if (indic and not _PREFIXED.match(session)) or _PREFIXED.match(number):
            session, number = number, session
        series = "RES" if kind == "resolution" else "DEC"
        ecosoc = len(session) == 4 and session.isdigit()
        owner = "E" if ecosoc else _organ(session, number, kind, body, other, year)
        if owner is None:
            return None
        text = f"{owner}/{series}/{session}/{number}"
        if groups["parts"] and kind == "resolution":
            text += " " + _part_letters(groups["parts"], table.letters)
    return _symbol(text)


@lru_cache(maxsize=8192)
def _symbol(text: str) -> Symbol | None:
    """The parsed target; cached because documents cite the same resolutions again and again."""
    try:
        return Symbol.parse(text)
    except SymbolError:
        return None


def _part_letters(printed: str, words: dict[str, str]) -> str:
    """The part letters as the symbol prints them: "A and B" -> "A-B", "ألف" -> "A"."""
    for word in sorted(words, key=len, reverse=True):
        printed = printed.replace(word, words[word])
    letters = regex.findall(r"[A-ZА-Я]{1,2}", printed)
    return "-".join(letters)


def _organ(
    session: str,
    number: str,
    kind: str,
    body: str | None,
    other: Callable[[], str | None],
    year: int | None,
) -> str | None:
    """Whose a session/number is: the Assembly's ("A"), the Human Rights Council's ("A/HRC")
    or another body's (None).  The organ named for the list decides, except where the year of
    the number's date fits one of the two and not the other (a council named earlier in the
    sentence is a weak cue: "... and the Human Rights Council relating to terrorism, the most
    recent of which are its resolutions 72/180 of 19 December 2017").  A number with no organ
    named that only the Council's calendar fits takes ``other()``, the council named last in the
    paragraph ("Human Rights Council decision 18/120 ... and resolutions 24/14 of 27 September
    2013"); with no council named it stays the Assembly's, since dates have typing slips
    ("53/24 of 10 November 1988")."""
    assembly = _general_assembly(session, number, kind)
    if year is not None and session.isdigit() and body in (None, "hrc"):
        fits_assembly = assembly and 0 <= year - _FIRST_SESSION_YEAR - int(session) <= 1
        fits_council = abs(year - _council_year(int(session))) <= 1
        if fits_assembly and not fits_council:
            return "A"
        if fits_council and not fits_assembly and (body == "hrc" or other() == "hrc"):
            return "A/HRC"
    if body == "hrc":
        return "A/HRC"
    return "A" if assembly else None


def _council_year(session: int) -> int:
    """The year of the Human Rights Council's regular session: three a year since 2006."""
    return _COUNCIL_FIRST_YEAR + (session - 1) // 3


def _general_assembly(session: str, number: str, kind: str) -> bool:
    """Whether a bare number can be the General Assembly's: it numbered resolutions
    session/number from its thirty-first session on (earlier ones are "3369 (XXX)"), and its
    decisions from 401; "resolution 5/5" or "decision 14/17" is another body's."""
    if not session.isdigit():
        return True
    return int(session) >= _FIRST_NUMBERED_SESSION and (
        kind == "resolution" or int(number) >= _FIRST_DECISION
    )


def _dated(citation: Citation, folded: str, dates: list[DateMatch], table: _Language) -> Citation:
    date = _date_near(citation.start, citation.end, folded, dates, table)
    return replace(citation, date=date.iso) if date else citation


def _date_near(
    start: int, end: int, folded: str, dates: list[DateMatch], table: _Language
) -> DateMatch | None:
    """The date printed next to a citation: after it ("37/4 of 22 October 1982"), or before
    it where the noun closes the list ("1982年10月22日第37/4号")."""
    for date in dates:
        if table.noun_after:
            close = 0 <= start - date.end <= 2
        else:
            close = 0 <= date.start - end <= _DATE_GAP
            close = close and not table.number.search(folded, end, date.start)
        if close:
            return date
    return None
