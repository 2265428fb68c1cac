"""Decoded text of any raw form to a Document: the text half of the parse pipeline.

normalise → subject header → language → desegment → unmark → lines → furniture → footnote
blocks → regions (masthead, body, closing, annexes) → blocks → paragraphs → Document.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from sixfold.citations import cited_targets
from sixfold.clean.blocks import Opening, is_wrapped, join_lines, line_rules, unwrap_lines
from sixfold.clean.desegment import desegment, is_segmented_chinese
from sixfold.clean.footnotes import (
    mark_glued_end,
    mark_glued_references,
    split_footnote_lines,
    take_references,
)
from sixfold.clean.furniture import PAGE_BREAK, mark_page_breaks, note_rules, strip_inline
from sixfold.clean.markup import Unmarked, unmark
from sixfold.clean.normalize import normalize
from sixfold.errors import NotUNDocumentError, UsageError
from sixfold.facts.ordinals import parse_meeting_line
from sixfold.model import LANGUAGES, Annex, Document, Footnote, Origin, Paragraph
from sixfold.structure.body import build_paragraphs, number_ids
from sixfold.structure.langdata import StructureData, fold, structure_data
from sixfold.structure.language import detect_language
from sixfold.structure.leads import MIN_WHOLE_SHARE, lexicon
from sixfold.structure.masthead import (
    Masthead,
    classify_closing,
    classify_top,
    is_glued_masthead,
    is_symbol_line,
    next_part,
    part_letter,
    read_ods_fields,
    resolution_number,
    title_part,
    unglue_number,
)
from sixfold.structure.segmented import split_segmented
from sixfold.symbols import parse_resolution_number, resolution_symbol

_SPACES = regex.compile(r"\s+")
# Spaces a PDF left beside Chinese characters, digits, dashes, quotes and full-width punctuation
# in a title.
_CJK = r"[\p{Han}\d\u2014-\u201f\u3000-\u303f\uff00-\uffef]"
_HAN_SPACE = regex.compile(rf"(?<={_CJK})\s+|\s+(?={_CJK})")
_SUBJECT_HEADER = regex.compile(r"^\s*%%%([^\n]*)\n")
# A one-line document longer than this is taken as segmented text.
SEGMENTED_LINE = 2000
# A phrase opening at least this share of the paragraphs the commonest phrase opens is a sign of a
# new paragraph after a finished block at a page end ("وإذ", "又"), though seldom a whole lead.
PHRASE_SHARE = 0.1
# The masthead of a resolution ends within this many lines (its number line is among them).
MASTHEAD_LINES = 40
_BODY_BY_PREFIX = (("A/HRC/", "HRC"), ("A/", "GA"), ("S/", "SC"), ("E/", "ECOSOC"))


@dataclass
class Regions:
    body: list[str]
    annexes: list[list[str]]
    operative_first: bool = False  # the formula had no comma: no preamble follows


def parse_text(text: str, *, lang: str | None = None, typeset: bool = False) -> Document:
    """Parse the decoded text of a UN document (any raw form) into a Document.

    ``typeset`` says the text was read off the typesetting (a PDF's fonts and geometry): its
    italics are complete, so leads are its italic openings, not the lexicon's guesses, and its
    blank lines end blocks (see :class:`~sixfold.readers.RawText`).
    """
    if lang is not None and lang not in LANGUAGES:
        raise UsageError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    text = normalize(text).replace("\f", f"\n{PAGE_BREAK}\n")
    subjects, text = _take_subject_header(text)
    lang = lang or detect_language(text)
    if lang is None:
        raise NotUNDocumentError("no text in any of the six UN languages")
    data = structure_data(lang)
    segmented = bool(subjects) or is_segmented_chinese(text) or _is_one_long_line(text, data)
    if segmented:
        text = desegment(text, lang)
    unmarked = unmark(text)
    masthead = Masthead()
    read_ods_fields(masthead, unmarked.fields)
    lines = [strip_inline(line) for line in unmarked.text.split("\n")]
    if segmented:
        lines = split_segmented(" ".join(line.strip() for line in lines), data)
    rules = note_rules(lines)
    lines = mark_page_breaks(lines)
    wrapped = is_wrapped(lines, data.terminal)
    split = split_footnote_lines(
        lines,
        bare_digits=not unmarked.has_markers,
        wrapped=wrapped,
        spaced=line_rules(lang, data.terminal).spaced,
        rules=rules,
        lang=lang,
    )
    regions = _regions(split.lines, data, masthead)
    if not _looks_like_un_document(masthead, split.lines, data):
        raise NotUNDocumentError("no symbol, masthead or enacting formula of a UN document found")
    markers = {note.marker for note in split.footnotes}
    # Segmented text has had its paragraph lines found already: nothing to rejoin.
    blocks = (
        regions.body
        if segmented
        else _blocks(regions.body, data, wrapped, markers, unmarked, typeset=typeset)
    )
    paragraphs = build_paragraphs(
        blocks,
        data,
        numbered_kind="operative" if _is_resolution(masthead) else "other",
        operative_first=regions.operative_first,
    )
    number_ids(paragraphs)
    annexes = [
        _annex(lines, data, wrapped, markers, unmarked, i, typeset=typeset)
        for i, lines in enumerate(regions.annexes, 1)
    ]
    if typeset:
        _italic_leads([paragraphs, *(annex.paragraphs for annex in annexes)], unmarked)
    footnotes = [Footnote(n.marker, take_references(n.text)[0]) for n in split.footnotes]
    return _document(masthead, lang, subjects, paragraphs, footnotes, annexes)


def _italic_leads(groups: list[list[Paragraph]], unmarked: Unmarked) -> None:
    """Where the italics are complete, a lead is the italic run a paragraph opens with: the
    lexicon would give "Continues to welcome" where only "Continues" is italic, and a lead to
    the paragraphs of a declaration that open in roman type ("Note with concern").  Text whose
    paragraphs never open in italics (fonts that do not flag it) keeps the lexicon's leads."""
    eligible = [p for group in groups for p in group if p.kind != "other" or p.number]
    found = [unmarked.italic_opening(p.text) for p in eligible]
    if not any(found):
        return
    for paragraph, lead in zip(eligible, found, strict=True):
        paragraph.lead = lead or None


def _looks_like_un_document(masthead: Masthead, lines: list[str], data: StructureData) -> bool:
    """Any text has paragraphs; a UN document also has a symbol, a resolution number, a
    session, a letter title or an enacting formula ("The General Assembly,")."""
    return bool(
        masthead.symbol
        or masthead.number
        or masthead.session
        or masthead.letter_title
        or any(data.is_formula(line) for line in lines)
    )


def _take_subject_header(text: str) -> tuple[list[str], str]:
    """The ``%%%TERM|TERM|`` header some exports put first: the UNBIS subject terms."""
    match = _SUBJECT_HEADER.match(text)
    if not match:
        return [], text
    terms = [term.strip() for term in match.group(1).split("|") if term.strip()]
    return terms, text[match.end() :]


def _is_one_long_line(text: str, data: StructureData) -> bool:
    """The whole document on one line: a very long line, or a short resolution's line that goes
    on after its enacting formula (a segmented export without a subject header)."""
    lines = [line for line in text.split("\n") if line.strip()]
    if not 0 < len(lines) <= 3:
        return False
    longest = max(lines, key=len)
    if len(longest) > SEGMENTED_LINE:
        return True
    folded = desegment(longest, data.lang)
    return any(0 <= folded.find(f) < len(folded) - len(f) - 1 for f in data.formula)


def _regions(lines: list[str], data: StructureData, masthead: Masthead) -> Regions:
    """Split lines into masthead, body, closing and annexes, reading the masthead on the way."""
    kept: list[str] = []
    for line in lines:
        if len(line.strip()) < 60 and is_symbol_line(line):
            classify_top(line, data.lang, masthead)  # running header: the symbol, nothing else
        else:
            kept.append(line)
    formula = _formula_at(kept, data)
    if formula is None:
        start = _top_end(kept, data, masthead)
        number = _number_at(kept[:MASTHEAD_LINES], data.lang)
        if number is not None and masthead.letter_title is None:
            start = max(start, number + 1)  # a resolution printed without its formula
        top, rest = kept[:start], kept[start:]
    else:
        top, rest = kept[:formula], kept[formula + 1 :]
    top = [piece for line in top for piece in unglue_number(line, data.lang)]
    spill = _read_top(top, data, masthead)
    body, annexes = _split_tail(spill + rest, data, masthead)
    if spill and len(masthead.parts) == 1:
        # A part adopted on its own ("B" under the title): its letter is the number's, while
        # the letters of a resolution printed in parts head its parts in the body.
        body.remove(spill[0])
        spill = spill[1:]
    subtitle = title_part(masthead, body)
    bare = formula is not None and not spill and data.is_bare_formula(kept[formula])
    return Regions([subtitle, *body] if subtitle else body, annexes, bare and not subtitle)


def _formula_at(lines: list[str], data: StructureData) -> int | None:
    """The enacting formula; printed without its comma when an operative clause follows at once
    ("The General Assembly" / "Resolves that:"), it is only looked for after the number line,
    since the masthead prints the same name ("Генеральная Ассамблея", "大会")."""
    exact = next((i for i, line in enumerate(lines) if data.is_formula(line)), None)
    if exact is not None:
        return exact
    number = _number_at(lines, data.lang)
    if number is None:
        return None
    bare = data.formula_names
    return next((i for i in range(number + 1, len(lines)) if fold(lines[i]) in bare), None)


def _number_at(lines: list[str], lang: str) -> int | None:
    """The number line of a resolution ("77/266. Working Capital Fund for 2023")."""
    return next((i for i, line in enumerate(lines) if parse_resolution_number(line, lang)), None)


def _top_end(lines: list[str], data: StructureData, masthead: Masthead) -> int:
    """Where the masthead of a document without an enacting formula ends: after its letter
    title if it has one near the top, else after its leading masthead lines."""
    head = [i for i, line in enumerate(lines[:MASTHEAD_LINES]) if data.is_letter_title(line)]
    if head:
        title = _SPACES.sub(" ", lines[head[0]].strip())
        masthead.set("letter_title", _HAN_SPACE.sub("", title) if data.lang == "zh" else title)
        return head[0] + 1
    probe = Masthead()
    for i, line in enumerate(lines):
        if line.strip() and not classify_top(line, data.lang, probe):
            return i
    return len(lines)


def _read_top(top: list[str], data: StructureData, masthead: Masthead) -> list[str]:
    """Read the masthead lines; return the lines from a first part letter on ("A" and the part's
    subtitle), which belong to the body.  A line that opens like a letter's title is one only
    when the masthead is not a resolution's: an agenda item may be named "Letter dated ..."."""
    title_open = False
    letter_titles: list[str] = []
    spill: list[str] = []
    for i, line in enumerate(top):
        if not line.strip():
            continue
        if masthead.number and (part := part_letter(line)):
            masthead.parts.append(part)
            spill = top[i:]
            break
        if title_open and masthead.title:
            # A wrapped title goes on to the formula, whatever it names ("... of the" /
            # "United Nations", "... sur les travaux de sa" / "cinquante-quatrième session").
            masthead.title = f"{masthead.title} {line.strip()}"
            continue
        had_number = masthead.number
        if classify_top(line, data.lang, masthead):
            title_open = masthead.number is not None and had_number is None
        elif data.is_letter_title(line):
            letter_titles.append(line.strip())
    if letter_titles and masthead.number is None:
        masthead.set("letter_title", letter_titles[0])
    return spill


def _split_tail(
    lines: list[str], data: StructureData, masthead: Masthead
) -> tuple[list[str], list[list[str]]]:
    """Body up to the meeting line (or the first annex), and annexes; closing lines are read
    into the masthead on the way.  A resolution adopted without a meeting (by the silence
    procedure of 2020) ends with its date alone: the body then ends at the masthead an ODS
    export prints after it, or at the end of the text, and its last line may be that date."""
    body: list[str] = []
    annexes: list[list[str]] = []
    state = "body"
    for line in lines:
        if data.is_annex_heading(line):
            annexes.append([])
            state = "annex"
            continue
        if state != "closing" and is_glued_masthead(line):
            if state == "body":
                _claim_closing_date(body, data, masthead)
            state = "closing"
        if state == "annex":
            annexes[-1].append(line)
            continue
        if state == "body" and masthead.parts and part_letter(line) == next_part(masthead):
            masthead.parts.append(next_part(masthead) or "")  # and a heading of the body
        if state == "body" and data.is_formula(line):
            continue  # each part of a resolution in parts opens with the formula again
        if state == "body" and _is_meeting(line, data):
            state = "closing"
            classify_closing(line, data.lang, masthead)
            _claim_closing_date(body, data, masthead)
            continue
        if state == "closing":
            # A numbered paragraph here is an annex's whose heading is missing, not masthead.
            numbered = data.operative_number.match(line) or data.sub_item.match(line)
            if not classify_closing(line, data.lang, masthead) and not numbered:
                classify_top(line, data.lang, masthead)
            continue
        body.append(line)
    if state == "body":
        _claim_closing_date(body, data, masthead)
    return body, annexes


def _is_meeting(line: str, data: StructureData) -> bool:
    return data.may_be_meeting(line) and parse_meeting_line(line.strip(), data.lang) is not None


def _claim_closing_date(body: list[str], data: StructureData, masthead: Masthead) -> None:
    """The adoption date printed alone at the body's end (before the meeting line in Chinese,
    without one after the silence procedure): take it out of the body."""
    while body and not body[-1].strip():
        body.pop()
    if body and len(body[-1].strip()) < 40 and classify_closing(body[-1], data.lang, masthead):
        body.pop()


def _blocks(
    lines: list[str],
    data: StructureData,
    wrapped: bool,
    markers: set[str],
    marks: Unmarked,
    *,
    typeset: bool = False,
) -> list[str]:
    leads = lexicon(data.lang)
    most_common = max((e.as_start for e in leads.entries.values()), default=0)

    def starts_paragraph(line: str) -> Opening:
        text = line.strip()
        if data.operative_number.match(text) or data.sub_item.match(text):
            return Opening.NUMBER
        if leads.opens_preambular(text) or marks.opens_with_lead(text):
            return Opening.LEAD
        candidates = leads.candidates(text)
        if any(e.as_start >= PHRASE_SHARE * most_common for e in candidates):
            return Opening.PHRASE
        whole = any(e.whole_share >= MIN_WHOLE_SHARE for e in candidates)
        return Opening.WHOLE_LEAD if whole else Opening.NONE

    rules = line_rules(data.lang, data.terminal)
    if wrapped:
        blocks = unwrap_lines(lines, rules, starts_paragraph, blank_ends_block=typeset)
    else:
        blocks = join_lines(lines, rules, starts_paragraph)
    if markers and not marks.has_markers:
        blocks = [mark_glued_references(block, markers) for block in blocks]
    elif markers:
        blocks = [mark_glued_end(block, markers) for block in blocks]
    return blocks


def _annex(
    lines: list[str],
    data: StructureData,
    wrapped: bool,
    markers: set[str],
    marks: Unmarked,
    index: int,
    *,
    typeset: bool = False,
) -> Annex:
    blocks = _blocks(lines, data, wrapped, markers, marks, typeset=typeset)
    title_lines: list[str] = []
    while (
        blocks
        and not data.operative_number.match(blocks[0])
        and not _ends(blocks[0], data)
        and len(title_lines) < 3
    ):
        title_lines.append(blocks.pop(0))
    paragraphs = build_paragraphs(blocks, data, numbered_kind="other")
    number_ids(paragraphs, prefix=f"annex{index}.")
    return Annex(" ".join(title_lines) or None, paragraphs)


def _ends(text: str, data: StructureData) -> bool:
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] in data.terminal


def _is_resolution(masthead: Masthead) -> bool:
    return bool(masthead.number or masthead.adoption_line) and masthead.letter_title is None


def _title(title: str | None, lang: str) -> str | None:
    return _HAN_SPACE.sub("", title) if title and lang == "zh" else title


def _session(printed: str | None, number: str | None) -> str | None:
    """The session printed in the masthead, else the number's.  The number also tells a special
    or emergency special session whose masthead gives only its ordinal ("第三十二届会议" for
    S-32, number "S-32/1")."""
    series = number.split("/")[0] if number else None
    if printed and series and series != printed and series.endswith(f"-{printed}"):
        return series
    return printed or series


def _document(
    masthead: Masthead,
    lang: str,
    subjects: list[str],
    paragraphs: list[Paragraph],
    footnotes: list[Footnote],
    annexes: list[Annex],
) -> Document:
    resolution = _is_resolution(masthead)
    number = resolution_number(masthead)
    symbol = masthead.symbol
    if symbol is None and number and resolution:
        symbol = resolution_symbol(number)
    body = masthead.body or next(
        (code for prefix, code in _BODY_BY_PREFIX if symbol and symbol.startswith(prefix)), None
    )
    session = _session(masthead.session, number if resolution else None)
    warnings = [] if symbol else ["no document symbol in the text"]
    doc_type = "resolution" if resolution else "letter" if masthead.letter_title else "other"
    referenced = {m for p in paragraphs for m in p.footnotes}
    missing = sorted(referenced - {n.marker for n in footnotes})
    if missing:
        warnings.append(f"footnote markers without footnote text: {', '.join(missing)}")
    doc = Document(
        symbol=symbol,
        language=lang,
        body=body,
        doc_type=doc_type,
        session=session,
        number=number if resolution else None,
        title=_title(masthead.title, lang) if resolution else masthead.letter_title,
        adopted=(masthead.adopted or masthead.closing_date) if resolution else None,
        issued=masthead.issued,
        agenda_items=masthead.agenda_items,
        origin=masthead.origin or Origin(),
        meeting=masthead.meeting,
        job_number=masthead.job_number,
        subjects=subjects,
        paragraphs=paragraphs,
        footnotes=footnotes,
        annexes=annexes,
        warnings=warnings,
    )
    doc.citations = cited_targets(doc)
    return doc
