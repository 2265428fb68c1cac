"""Extract a PDF's text layer with pdfium, one page per ``\\f``-separated chunk.

The text is extracted faithfully (page furniture, glued footnote digits and line breaks are left
for the structure stage) with three repairs that only the reader can make:

* pdfium marks a hyphen it found at a line end with U+FFFE (and joins the two lines); UN
  typesetting does not split words, so these are real hyphens of compounds ("high-level");
* right-to-left lines: PDFs store Arabic glyphs in visual (left-to-right) order, and pdfium's
  own reordering scrambles lines that mix Arabic with Latin symbols or digits ("A/RES/67/264"),
  so lines containing Arabic are rebuilt from the glyph positions (see :func:`visual_to_logical`);
* Arabic presentation forms (shaped glyph code points some producers map to) become letters.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import regex

from sixfold.errors import CorruptFileError, EmptyInputError, TooLargeError, UnsupportedFormatError
from sixfold.readers import RawText
from sixfold.readers.limits import MAX_PDF_PAGES

NO_TEXT_LAYER = "PDF has no text layer (scanned image; OCR it first)"

_PASSWORD_ERRORS = {pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY}
_RTL = regex.compile(r"[\p{Arabic}\p{Hebrew}]")
_RTL_LETTER = regex.compile(r"[\p{Arabic}\p{Hebrew}&&\p{L}]", flags=regex.V1)
_LTR_LETTER = regex.compile(r"[\p{L}--[\p{Arabic}\p{Hebrew}]]", flags=regex.V1)
_PRESENTATION_FORMS = regex.compile(r"[\ufb50-\ufdff\ufe70-\ufeff]")
_BRACKETS = {"(": ")", "[": "]", "{": "}", "«": "»"}
_BRACKET_SIDES = {
    **{o: (o, c) for o, c in _BRACKETS.items()},
    **{c: (o, c) for o, c in _BRACKETS.items()},
}
_SPACE_GAP = 0.2
"""A gap wider than this share of the font size between two glyphs is a word space."""


def read_pdf(data: bytes) -> RawText:
    """Extract every page's text; a PDF without any text is refused, it needs OCR."""
    document = _open(data)
    try:
        if len(document) > MAX_PDF_PAGES:
            raise TooLargeError(f"PDF has {len(document)} pages, more than {MAX_PDF_PAGES}")
        pages = [_page_text(page) for page in _pages(document)]
    except pdfium.PdfiumError as exc:
        raise CorruptFileError(f"unreadable PDF page: {exc}") from None
    finally:
        document.close()
    text = "\f".join(pages)
    if not text.strip():
        raise EmptyInputError(NO_TEXT_LAYER)
    return RawText(text=text, format="pdf")


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) in _PASSWORD_ERRORS:
            raise UnsupportedFormatError("PDF is encrypted (a password is needed)") from None
        raise CorruptFileError("corrupt or truncated PDF") from None
    if len(document) == 0:
        document.close()
        raise CorruptFileError("PDF has no pages")
    return document


def _pages(document: pdfium.PdfDocument) -> Iterator[pdfium.PdfPage]:
    for index in range(len(document)):
        page = document[index]
        try:
            yield page
        finally:
            page.close()


def _page_text(page: pdfium.PdfPage) -> str:
    textpage = page.get_textpage()
    try:
        raw = textpage.get_text_range()
        lines = raw.split("\r\n")
        if _RTL.search(raw) and len(raw) == textpage.count_chars():
            lines = list(_reorder_rtl_lines(textpage, lines))
    finally:
        textpage.close()
    text = "\n".join(lines).replace("\r", "\n")
    text = text.replace("\ufffe", "-").replace("\x02", "-").replace("\u00ad", "")
    return _PRESENTATION_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m[0]), text)


def _reorder_rtl_lines(textpage: pdfium.PdfTextPage, lines: list[str]) -> Iterator[str]:
    """Rebuild lines with right-to-left letters from glyph positions, left to right."""
    start = 0
    for line in lines:
        yield _line_from_positions(textpage, start, len(line)) if _RTL.search(line) else line
        start += len(line) + 2  # the "\r\n" pdfium generates between lines


def _line_from_positions(textpage: pdfium.PdfTextPage, start: int, count: int) -> str:
    """Sort the line's glyphs by x, put word spaces back from the gaps, then apply bidi."""
    glyphs: list[tuple[float, float, float, str]] = []
    for index in range(start, start + count):
        char = chr(pdfium_c.FPDFText_GetUnicode(textpage, index))
        if char.isspace():
            continue
        left, _bottom, right, _top = textpage.get_charbox(index, loose=True)
        size = pdfium_c.FPDFText_GetFontSize(textpage, index)
        if unicodedata.combining(char) and glyphs:
            left, right = glyphs[-1][0], glyphs[-1][1]  # a mark sits on its base letter
        glyphs.append((left, right, size, char))
    glyphs.sort(key=lambda glyph: (glyph[0] + glyph[1]) / 2)
    visual: list[str] = []
    for previous, glyph in zip([None, *glyphs], glyphs, strict=False):
        if previous is not None and glyph[0] - previous[1] > _SPACE_GAP * glyph[2]:
            visual.append(" ")
        visual.append(glyph[3])
    return _orient_brackets(visual_to_logical("".join(visual)))


def visual_to_logical(visual: str) -> str:
    """Turn one line in display order into reading order (the inverse of simple bidi).

    The line's direction is that of the majority of its letters.  In a right-to-left line, runs
    of Latin letters and digits (with what lies between them: "A/RES/67/264", "٦٧/٢٦٤") keep
    their order and everything else is reversed; a left-to-right line reverses only its Arabic
    runs.  Brackets are left as they come (see :func:`_orient_brackets`).
    """
    rtl_line = len(_RTL_LETTER.findall(visual)) >= len(_LTR_LETTER.findall(visual))
    runs = _directional_runs(visual, rtl_line)
    if rtl_line:
        runs.reverse()
    return "".join(run[::-1] if is_rtl else run for run, is_rtl in runs)


def _orient_brackets(line: str) -> str:
    """Face each bracket the way its neighbours say: opening before a word, closing after one.

    pdfium mirrors the brackets it judges to be in right-to-left runs, and judges some wrongly
    (one bracket of a pair mirrored, the other not), so orientation is decided afresh.
    """
    chars = list(line)
    for index, char in enumerate(chars):
        sides = _BRACKET_SIDES.get(char)
        if sides is None:
            continue
        before = chars[index - 1] if index else " "
        after = chars[index + 1] if index + 1 < len(chars) else " "
        if before.isspace() and not after.isspace():
            chars[index] = sides[0]
        elif after.isspace() and not before.isspace():
            chars[index] = sides[1]
    return "".join(chars)


def _directional_runs(visual: str, rtl_line: bool) -> list[tuple[str, bool]]:
    """Split into runs against the line's direction (spanning inner neutrals) and the rest."""
    strong = _LTR_LETTER if rtl_line else _RTL_LETTER
    if rtl_line:
        marks = [bool(strong.match(char)) or char.isdigit() for char in visual]
    else:
        marks = [bool(strong.match(char)) for char in visual]
    runs: list[tuple[str, bool]] = []
    position = 0
    while position < len(visual):
        if not marks[position]:
            end = position
            while end < len(visual) and not marks[end]:
                end += 1
            runs.append((visual[position:end], rtl_line))
        else:
            end = position
            last = position
            while end < len(visual) and not (_opposes(visual[end], rtl_line)):
                if marks[end]:
                    last = end
                end += 1
            end = last + 1
            runs.append((visual[position:end], not rtl_line))
        position = end
    return runs


def _opposes(char: str, rtl_line: bool) -> bool:
    """A letter of the line's own direction ends an embedded run."""
    return bool((_RTL_LETTER if rtl_line else _LTR_LETTER).match(char))
