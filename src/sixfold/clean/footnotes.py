"""Footnotes: take the footnote blocks out of the running text, and find the references to them.

Footnote blocks land wherever a page ended, often in the middle of a paragraph; they are
recognised by their opening marker (a token, ``(١)`` in Arabic, or a bare number that is the
next expected footnote).  References are tokens when the source had superscripts, or digits
glued to the preceding word ("Century1", "organizations,2") when it did not; glued digits count
only for footnotes that exist, in order, and never inside a symbol such as "Add.1".
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from sixfold.clean.blocks import join_text
from sixfold.clean.furniture import PAGE_BREAK
from sixfold.clean.markup import FN_CLOSE, FN_OPEN, FOOTNOTE_TOKEN, footnote_marker
from sixfold.facts.dates import find_dates
from sixfold.facts.digits import to_ascii_digits
from sixfold.model import Footnote

_TOKEN_LINE = regex.compile(rf"^\s*{FN_OPEN}([^{FN_CLOSE}]+){FN_CLOSE}\s*(.*)$")
_ARABIC_LINE = regex.compile(r"^\s*\(([0-9٠-٩]{1,3})\)\s+(\S.*)$")
_DIGIT_LINE = regex.compile(r"^\s*([0-9]{1,3})\s+(?![-–—]\s)(\S.*)$")
# A digit run glued to the word or punctuation before it, and not part of a number ("2 790万",
# thousands grouped by spaces), a count ("1名") or a symbol.
_GLUED = regex.compile(
    r"(?<=(?P<word>[\p{L}\p{M}\-.’'/]*)(?P<prev>[\p{L}\p{M},;:)\]»”’\"》」）、，；：。]))"
    r"(?P<n>[0-9]{1,3})(?![0-9/.,]?[0-9])(?! [0-9]{3}(?![0-9]))(?!‘)(?![年月日号次届条段款项章节个名位%])"
)
# Words after which a glued number belongs to the word ("Add.1", "L.43", "No.5").
_NOT_MARKER_WORDS = {
    "add",
    "rev",
    "corr",
    "amend",
    "l",
    "no",
    "nos",
    "para",
    "paras",
    "art",
    "sect",
    "vol",
    "p",
    "pp",
    "chap",
    "annex",
    "pv",
    "sr",
    "c",
    "inf",
    "wp",
    "crp",
    "ac",
    "cn",
}


# Footnotes a page foot of wrapped text may skip (those of the masthead are often not printed).
SKIPPED_NOTES = 3


@dataclass
class SplitFootnotes:
    lines: list[str]
    footnotes: list[Footnote]


def split_footnote_lines(
    lines: list[str],
    *,
    bare_digits: bool,
    wrapped: bool,
    spaced: bool,
    rules: frozenset[int] = frozenset(),
    lang: str = "en",
) -> SplitFootnotes:
    """Separate footnote lines from body lines.

    ``bare_digits`` allows "1 See ..." lines (forms without superscript markup); such a line
    counts only if its number is the next footnote expected (or, at a page foot, one of the few
    after it).  In hard-wrapped text any line may
    open with a number ("7 月 27 日"), so there a footnote opens only where a page ends (after
    the rule above the footnotes) or another footnote does, and goes on over the lines that
    follow until the page ends.  A footnote block is left in the body as a page break:
    footnotes are printed where a page ends.  In wrapped text, lines under a footnote rule (line
    indices ``rules``) before any marker go on with the last footnote, continued from the page
    before.  A bare number that is the day of a date ("10 December 2021", the issue date an ODS
    export prints below its footnotes) opens no footnote.
    """
    body: list[str] = []
    notes: list[Footnote] = []
    expected = 1
    in_notes = False  # inside a page-foot footnote block of wrapped text
    page_end = True  # the last non-blank line was a page break
    for index, line in enumerate(lines):
        match = _TOKEN_LINE.match(line)
        if match is None and (in_notes or page_end or not wrapped):
            match = _ARABIC_LINE.match(line)
            digit = _DIGIT_LINE.match(line) if bare_digits and match is None else None
            if (
                digit
                and expected <= int(digit.group(1)) <= expected + wrapped * SKIPPED_NOTES
                and not _opens_with_date(line, lang)
            ):
                match = digit
        if match:
            marker = to_ascii_digits(match.group(1)).strip()
            notes.append(Footnote(marker, match.group(2).strip()))
            if marker.isdigit():
                expected = int(marker) + 1
            in_notes, page_end = wrapped, False
            _page_break(body)
            continue
        if not line.strip() and line != PAGE_BREAK:
            body.append(line)
            continue
        if in_notes and line != PAGE_BREAK:
            notes[-1].text = join_text(notes[-1].text, line, spaced=spaced)
            continue
        in_notes, page_end = wrapped and bool(notes) and index in rules, line == PAGE_BREAK
        body.append(line)
    return SplitFootnotes(body, notes)


def _opens_with_date(line: str, lang: str) -> bool:
    dates = find_dates(line, lang)
    return bool(dates) and not line[: dates[0].start].strip()


def _page_break(body: list[str]) -> None:
    if not body or body[-1] != PAGE_BREAK:
        body.append(PAGE_BREAK)


# A number glued after the comma (or semicolon) that ends a paragraph: where references are
# superscripts, a reference printed full size by mistake ("... of UNISPACE+50,1" in A/RES/73/6).
_GLUED_AT_END = regex.compile(r"(?<=[\p{L}\p{N})\]”’\"][,;])([0-9]{1,3})\s*$")


def mark_glued_end(text: str, markers: set[str]) -> str:
    """Turn the digits glued after a paragraph's closing comma into a footnote token when they
    name a known footnote: nothing else is printed there."""
    match = _GLUED_AT_END.search(text)
    if match is None or match.group(1) not in markers:
        return text
    return text[: match.start()] + footnote_marker(match.group(1))


def mark_glued_references(text: str, markers: set[str]) -> str:
    """Turn digits glued to a word into footnote tokens when they name a known footnote."""

    def replace(match: regex.Match[str]) -> str:
        number = match.group("n")
        word = match.group("word").lower().rstrip(".").split("/")[-1]
        if number not in markers or "/" in match.group("word") or word in _NOT_MARKER_WORDS:
            return number
        return footnote_marker(number)

    return _GLUED.sub(replace, text)


_DOUBLE_SPACE = regex.compile(r"[ \t]{2,}")
# Where a marker sat before punctuation ("resolution 1 ,"), its space goes with it.
_SPACE_BEFORE_PUNCT = regex.compile(r" +([,;:.،؛])")


def take_references(text: str) -> tuple[str, list[str]]:
    """Remove footnote tokens from a paragraph; return the clean text and the markers in order."""
    markers = [m.group(1) for m in FOOTNOTE_TOKEN.finditer(text)] if FN_OPEN in text else []
    if not markers:
        spaced = "\t" in text or "  " in text  # else nothing for the pattern to do
        return (_DOUBLE_SPACE.sub(" ", text) if spaced else text).strip(), []
    clean = _DOUBLE_SPACE.sub(" ", FOOTNOTE_TOKEN.sub("", text))
    return _SPACE_BEFORE_PUNCT.sub(r"\1", clean).strip(), list(dict.fromkeys(markers))
