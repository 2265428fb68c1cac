"""Readers: bytes in any format to decoded text with the layout hints the format has.

Readers know formats, not the UN.  Every reader returns a :class:`RawText` whose ``text`` follows
one light convention that the structure stage understands, whatever the format:

* ``\\n`` ends a line; a blank line separates blocks; ``\\f`` separates PDF pages;
* in typeset text (PDF) a blank line stands around a heading, between hard-wrapped lines;
* a footnote reference is written ``<sup>N</sup>`` and a footnote body as a line
  ``<sup>N</sup> text`` (DOCX, DOC, HTML; PDF text keeps glued digits as printed);
* an italic run is written ``*text*`` and a bold run ``**text**`` (DOCX, HTML; PDF italics).

The AKN reader (:mod:`sixfold.readers.akn`) is the exception: the XML is already structured,
so it builds a :class:`~sixfold.model.Document` directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RawText:
    text: str
    format: str  # "text" | "pdf" | "docx" | "doc" | "html"
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)
    # Read off the typesetting (a PDF's fonts and geometry), not a converter's guess: the
    # italics are complete (a paragraph opening in roman type has no lead) and a blank line
    # marks a change of type (a heading), so it ends a block even in hard-wrapped text.
    typeset: bool = False
