"""Read DOCX with python-docx: paragraphs as blocks, emphasis and footnotes as light markup.

Italic and bold matter downstream (UN preambular leads are italic), so runs carry their
*effective* style (direct formatting, then character style, then paragraph style).  Footnote
bodies live in ``word/footnotes.xml``, which python-docx does not expose, so they are read with
lxml and numbered in the order the body references them, as Word numbers them.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from sixfold.errors import CorruptFileError
from sixfold.readers import RawText
from sixfold.readers.emphasis import Segment, render
from sixfold.readers.limits import (
    MAX_COMPRESSION_RATIO,
    MAX_UNCOMPRESSED_BYTES,
    RATIO_CHECK_MIN_BYTES,
)

_W_P = qn("w:p")
_TEXT_BREAKS = {qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}


def read_docx(data: bytes) -> RawText:
    """Body paragraphs and table rows as blocks, then the footnotes as ``<sup>N</sup>`` lines."""
    check_zip(data)
    try:
        document = docx.Document(io.BytesIO(data))
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            footnotes = _footnote_bodies(archive)
    except (KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        raise CorruptFileError(f"corrupt Word document: {exc}") from None
    numbers: dict[str, int] = {}
    blocks = [block for block in _blocks(document, numbers) if block.strip()]
    notes = [
        f"<sup>{number}</sup> {_paragraphs_text(footnotes[note_id], numbers)}"
        for note_id, number in numbers.items()
        if note_id in footnotes
    ]
    return RawText(text="\n\n".join(blocks + (["\n".join(notes)] if notes else [])), format="docx")


def check_zip(data: bytes) -> None:
    """Refuse a zip bomb from its directory alone, before inflating a single member."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise CorruptFileError("corrupt zip archive") from None
    if sum(member.file_size for member in members) > MAX_UNCOMPRESSED_BYTES:
        raise CorruptFileError("zip expands beyond the size limit (zip bomb?)")
    for member in members:
        if (
            member.file_size >= RATIO_CHECK_MIN_BYTES
            and member.file_size > MAX_COMPRESSION_RATIO * max(member.compress_size, 1)
        ):
            raise CorruptFileError(f"zip member {member.filename} is too compressed (zip bomb?)")


def _footnote_bodies(archive: zipfile.ZipFile) -> dict[str, list[etree._Element]]:
    if "word/footnotes.xml" not in archive.namelist():
        return {}
    root = etree.fromstring(
        archive.read("word/footnotes.xml"),
        parser=etree.XMLParser(huge_tree=False, resolve_entities=False),
    )
    return {
        note.get(qn("w:id"), ""): list(note.iter(_W_P))
        for note in root.iter(qn("w:footnote"))
        if note.get(qn("w:type")) in (None, "normal")
    }


def _blocks(document: DocxDocument, numbers: dict[str, int]) -> Iterator[str]:
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            yield _paragraph_text(item._p, numbers, item)
        elif isinstance(item, Table):
            yield from _table_rows(item, numbers)


def _table_rows(table: Table, numbers: dict[str, int]) -> Iterator[str]:
    """One block per row, cells separated by tabs (nested tables flattened into their cell)."""
    for row in table.rows:
        cells = [
            " ".join(_paragraph_text(p._p, numbers, p) for p in cell.paragraphs).strip()
            for cell in row.cells
        ]
        yield "\t".join(cells)


def _paragraphs_text(paragraphs: list[etree._Element], numbers: dict[str, int]) -> str:
    return " ".join(_paragraph_text(p, numbers, None) for p in paragraphs).strip()


def _paragraph_text(p: etree._Element, numbers: dict[str, int], para: Paragraph | None) -> str:
    segments: list[Segment] = []
    style_italic, style_bold = _paragraph_style(para)
    for run in p.iter(qn("w:r")):
        if _owner_paragraph(run) is not p:
            continue  # a text box anchored here: its text belongs elsewhere
        italic = _flag(run, "w:i", style_italic)
        bold = _flag(run, "w:b", style_bold)
        for child in run:
            if child.tag == qn("w:t"):
                segments.append(Segment(child.text or "", italic, bold))
            elif child.tag in _TEXT_BREAKS:
                segments.append(Segment(_TEXT_BREAKS[child.tag], False, False))
            elif child.tag == qn("w:footnoteReference"):
                note_id = child.get(qn("w:id"), "")
                number = numbers.setdefault(note_id, len(numbers) + 1)
                segments.append(Segment(f"<sup>{number}</sup>", False, False, markup=True))
    return render(segments)


def _owner_paragraph(run: etree._Element) -> etree._Element | None:
    parent = run.getparent()
    while parent is not None and parent.tag != _W_P:
        parent = parent.getparent()
    return parent


def _paragraph_style(para: Paragraph | None) -> tuple[bool, bool]:
    """Italic and bold inherited from the paragraph style chain (UN headings are styles)."""
    style = para.style if para is not None else None
    italic = bold = None
    while style is not None and (italic is None or bold is None):
        italic = style.font.italic if italic is None else italic
        bold = style.font.bold if bold is None else bold
        style = style.base_style
    return bool(italic), bool(bold)


def _flag(run: etree._Element, tag: str, inherited: bool) -> bool:
    """A run property that is on, off (``w:val="0"``/``"false"``) or inherited."""
    properties = run.find(qn("w:rPr"))
    element = properties.find(qn(tag)) if properties is not None else None
    if element is None:
        return inherited
    return element.get(qn("w:val"), "true") not in ("0", "false", "off")
