"""Markup that raw forms carry around the text: Markdown from PDF converters, Word/ODS export
fields, and the light convention readers emit.  Everything is turned into plain lines, with
footnote references replaced by one private token so that later stages find them unambiguously.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from sixfold.facts.digits import to_ascii_digits

FN_OPEN, FN_CLOSE = "\ue000", "\ue001"
FOOTNOTE_TOKEN = regex.compile(f"{FN_OPEN}([^{FN_CLOSE}]*){FN_CLOSE}")

_SUP = regex.compile(r"<sup>\s*([0-9٠-٩]{1,3}|[*†‡§])\s*</sup>")
_CARET = regex.compile(r"\^\(\s*([0-9٠-٩]{1,3})\s*\)")
_BOLD = regex.compile(r"\*\*(.+?)\*\*")
# An emphasised run holds a letter: "*2228532*" is a barcode, which furniture removal wants whole.
_ITALIC = regex.compile(r"(?<![\w*])\*(?!\s)([^*\n]*?\p{L}[^*\n]*?)(?<!\s)\*(?![\w*])")
_HEADING = regex.compile(r"^\s{0,3}#{1,6}\s+", regex.MULTILINE)
_MD_BREAK = regex.compile(r"[ \t]+$", regex.MULTILINE)
_ODS_FIELD = regex.compile(r"<<ODS ([A-Z0-9 ]+?)>>(.*?)<<ODS \1>>")
_TAGS = regex.compile(r"</?(?:sup|sub|b|i|em|strong|u|br)\s*/?>", regex.IGNORECASE)
# A line that opens with an emphasised run followed by more text: a lead, as converters keep it.
_EMPHASISED_OPENING = regex.compile(r"(?m)^[ \t]*(\*\*?)(?=[^*\s])[^*\n]+\1[ \t]*(?=[^\s*])")
# Characters of a line by which its emphasised opening is known again after unmarking.
OPENING_KEY = 12
# Italic runs are bracketed by these while the other markup goes, to be found in the plain text.
_RUN_OPEN, _RUN_CLOSE = "\ue002", "\ue003"
_RUN = regex.compile(f"{_RUN_OPEN}([^{_RUN_CLOSE}]*){_RUN_CLOSE}")
# Letters and digits (after an italic run's start) by which a paragraph opening with the run is
# known: spaces, line breaks and footnote tokens differ between the text and the paragraph.
RUN_KEY = 40
_UNKEYED = regex.compile(rf"{FOOTNOTE_TOKEN.pattern}|[^\w]")
# What an italic run may end with that is not part of a lead ("*Recalling*,").
_RUN_TRAIL = " ,;:"


def footnote_marker(value: str) -> str:
    return f"{FN_OPEN}{to_ascii_digits(value)}{FN_CLOSE}"


@dataclass
class Unmarked:
    """Text with markup removed, and what the markup told us."""

    text: str
    fields: dict[str, str] = field(default_factory=dict)
    has_markers: bool = False
    # The first characters of the lines that opened with an emphasised lead.
    lead_openings: frozenset[str] = frozenset()
    # Italic runs, by the key of the text they open (see :func:`run_key`).
    italic_runs: dict[str, str] = field(default_factory=dict)

    def opens_with_lead(self, line: str) -> bool:
        return line.strip()[:OPENING_KEY] in self.lead_openings

    def italic_opening(self, paragraph: str) -> str | None:
        """The italic run a paragraph's text (without number) opens with, or None."""
        run = self.italic_runs.get(run_key(paragraph))
        return run if run is not None and paragraph.startswith(run) else None


def run_key(text: str) -> str:
    return _UNKEYED.sub("", text)[:RUN_KEY]


def unmark(text: str) -> Unmarked:
    """Strip Markdown, HTML-ish inline tags and ODS fields; footnote references become tokens."""
    # Each pattern runs only where the text holds the characters it needs: most forms carry
    # one kind of markup or none, and every pass over a whole document costs.
    fields: dict[str, str] = {}
    if "<<ODS " in text:
        fields = {name: value.strip() for name, value in _ODS_FIELD.findall(text) if value.strip()}
        text = _ODS_FIELD.sub("", text)
    if "<sup>" in text:
        text = _SUP.sub(lambda m: footnote_marker(m.group(1)), text)
    if "^(" in text:
        text = _CARET.sub(lambda m: footnote_marker(m.group(1)), text)
    leads: set[int] = set()
    if "*" in text:
        leads = {text.count("\n", 0, m.start()) for m in _EMPHASISED_OPENING.finditer(text)}
        text = _BOLD.sub(r"\1", text)
        text = _ITALIC.sub(rf"{_RUN_OPEN}\1{_RUN_CLOSE}", text)
    if "<" in text:
        text = _TAGS.sub("", text)
    if "#" in text:
        text = _HEADING.sub("", text)
    text = _MD_BREAK.sub("", text)
    runs = _italic_runs(text)
    if _RUN_OPEN in text:
        text = _RUN.sub(r"\1", text)
    return Unmarked(text, fields, FN_OPEN in text, _openings(text, leads), runs)


def _italic_runs(text: str) -> dict[str, str]:
    """Each italic run, trimmed of trailing punctuation, by the key of the text it opens."""
    if _RUN_OPEN not in text:
        return {}
    return {
        run_key(_RUN.sub(r"\1", text[m.start() : m.start() + 4 * RUN_KEY])): m.group(1).rstrip(
            _RUN_TRAIL
        )
        for m in _RUN.finditer(text)
        if m.group(1).strip()
    }


def _openings(text: str, numbers: set[int]) -> frozenset[str]:
    """Keys of the lines that opened with a lead, found by number: unmarking keeps the lines."""
    if not numbers:
        return frozenset()
    lines = text.split("\n")
    return frozenset(lines[n].strip()[:OPENING_KEY] for n in numbers if n < len(lines))
