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

    def opens_with_lead(self, line: str) -> bool:
        return line.strip()[:OPENING_KEY] in self.lead_openings


def unmark(text: str) -> Unmarked:
    """Strip Markdown, HTML-ish inline tags and ODS fields; footnote references become tokens."""
    fields = {name: value.strip() for name, value in _ODS_FIELD.findall(text) if value.strip()}
    text = _ODS_FIELD.sub("", text)
    text = _SUP.sub(lambda m: footnote_marker(m.group(1)), text)
    text = _CARET.sub(lambda m: footnote_marker(m.group(1)), text)
    leads = {text.count("\n", 0, m.start()) for m in _EMPHASISED_OPENING.finditer(text)}
    text = _BOLD.sub(r"\1", text)
    text = _ITALIC.sub(r"\1", text)
    text = _TAGS.sub("", text)
    text = _HEADING.sub("", text)
    text = _MD_BREAK.sub("", text)
    return Unmarked(text, fields, FN_OPEN in text, _openings(text, leads))


def _openings(text: str, numbers: set[int]) -> frozenset[str]:
    """Keys of the lines that opened with a lead, found by number: unmarking keeps the lines."""
    if not numbers:
        return frozenset()
    lines = text.split("\n")
    return frozenset(lines[n].strip()[:OPENING_KEY] for n in numbers if n < len(lines))
