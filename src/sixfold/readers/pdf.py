"""Extract a PDF's text layer with pdfium, one page per ``\\f``-separated chunk.

Lines and word spaces are rebuilt from the glyph positions, because pdfium's own line breaks and
spaces are guesses that go wrong exactly where a parser needs them: it starts a new line at every
superscript ("Development, 1" / "including the") and puts spaces inside justified words
("hea lth").  The page then follows the readers' light convention as far as the layout shows it:

* superscript footnote markers become ``<sup>N</sup>``, on the line they sit on (a footnote body
  opens with one too); digits printed full size stay as printed;
* the first line of an indented paragraph is led by a space;
* a heading (a line in bold or in type larger than the body's) stands between blank lines, and
  the lines of one heading wrapped over several (same type, each at least as wide as the next)
  are one line: the layout is the only sign that "... of the" / "General Assembly on ..." is one
  title and the bold subtitle under it another;
* text far apart on one baseline (masthead columns, "2/10 ... 18-16895") is separate lines;
* lines set smaller than the body text at the top of a page (a running header) are dropped;
  other page furniture (job numbers, page numbers) is left to the structure stage;
* pdfium marks a hyphen at a line end with U+FFFE: UN typesetting does not split words, so these
  are real hyphens of compounds ("high-level");
* right-to-left lines: PDFs store Arabic glyphs in visual (left-to-right) order, so lines
  containing Arabic are put in logical order (see :func:`visual_to_logical`);
* Arabic presentation forms (shaped glyph code points some producers map to) become letters;
* glyphs of a font its descriptor flags as italic are written ``*italic*`` (the flag, not the
  font's name: a barcode font may be called "BoldItalic"); the text then carries the file's own
  italics, complete, which is how a lead is told from a paragraph that opens in roman type.
"""

from __future__ import annotations

import ctypes
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import regex

from sixfold.errors import CorruptFileError, EmptyInputError, TooLargeError, UnsupportedFormatError
from sixfold.readers import RawText
from sixfold.readers.emphasis import Segment, render
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
_HYPHENS = {"\ufffe": "-", "\x02": "-"}
_DROPPED = {"\u00ad"}
_MARKERS = frozenset("0123456789*†‡§")
# Layout thresholds, as shares of the font size (or of the body text's size for _SMALL, _HEADER).
_SPACE_GAP = 0.2  # a wider gap between two glyphs is a word space
_SAME_LINE = 0.3  # baselines closer than this are one line
_SMALL = 0.8  # glyphs smaller than this share of the line are superscripts (footnote markers)
_RISE = 0.7  # how far above its line's baseline a superscript may sit
_RAISED = 0.15  # and how far at least
_COLUMN_GAP = 3.0  # a wider gap splits a baseline into separate lines
_INDENT = 1.0  # a line starting this far right of the left margin opens an indented paragraph
_HEADER = 0.95  # lines set smaller than this share of the body text open a page: running header
# The font descriptor's Italic flag (PDF 32000-1, table 123: bit 7).
_ITALIC_FLAG = 1 << 6
_BOLD_WEIGHT = 600  # a font this heavy is bold (pdfium gives -1 where the weight is unknown)
_HEADING_SIZE = 1.1  # a line in type this much larger than the body's is a heading
_HEADING_LEADING = 2.0  # lines of one heading are at most this many sizes apart
_LETTER = regex.compile(r"\p{L}")


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
    return RawText(text=text, format="pdf", typeset=True)


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
        glyphs = list(_glyphs(textpage))
        raw = textpage.get_text_range() if not glyphs else ""
    finally:
        textpage.close()
    if not glyphs:
        return raw.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(_layout(glyphs))


@dataclass(frozen=True)
class _Glyph:
    char: str
    left: float
    right: float
    baseline: float
    size: float
    italic: bool = False
    bold: bool = False


def _glyphs(textpage: pdfium.PdfTextPage) -> Iterator[_Glyph]:
    """The page's printed glyphs (and the space characters it really holds), with geometry.

    pdfium's own spaces and line breaks are guesses (it breaks a line around a superscript and
    puts spaces inside justified words), so lines and spaces are rebuilt from positions.
    """
    x, y = ctypes.c_double(), ctypes.c_double()
    box = pdfium_c.FS_RECTF()
    flags = ctypes.c_int()
    last: _Glyph | None = None
    for index in range(textpage.count_chars()):
        char = chr(pdfium_c.FPDFText_GetUnicode(textpage, index))
        if char in _DROPPED or (
            char.isspace() and (char != " " or pdfium_c.FPDFText_IsGenerated(textpage, index) == 1)
        ):
            continue
        pdfium_c.FPDFText_GetLooseCharBox(textpage, index, box)
        pdfium_c.FPDFText_GetCharOrigin(textpage, index, x, y)
        left, right = box.left, box.right
        size = box.top - box.bottom  # the printed size: OCR layers scale tiny nominal fonts
        if size <= 0:
            continue
        if char >= "\ufb50" and _PRESENTATION_FORMS.match(char):
            char = unicodedata.normalize("NFKC", char)
        if unicodedata.combining(char) and last is not None:
            left, right = last.left, last.right  # a mark sits on its base letter
        pdfium_c.FPDFText_GetFontInfo(textpage, index, None, 0, ctypes.byref(flags))
        italic = bool(flags.value & _ITALIC_FLAG)
        bold = pdfium_c.FPDFText_GetFontWeight(textpage, index) >= _BOLD_WEIGHT
        last = _Glyph(_HYPHENS.get(char, char), left, right, y.value, size, italic, bold)
        yield last


def _layout(glyphs: list[_Glyph]) -> list[str]:
    """Lines top to bottom: glyphs sharing a baseline, superscripts joined to the line they sit
    on as ``<sup>N</sup>``, columns far apart on one baseline split, the first line of an
    indented paragraph led by a space, headings between blank lines, and a running header in
    small type dropped."""
    body_size = _mode(round(g.size * 2) / 2 for g in glyphs if not g.char.isspace())
    lines = _baseline_lines(glyphs, body_size)
    margin = _mode(
        round(line[0].left)
        for line in lines
        if line and line[0].size >= body_size * _SMALL and not line[0].char.isspace()
    )
    out: list[str] = []
    heading: list[_Glyph] = []  # the last line written, when it was a heading
    for line in _drop_running_header(lines, body_size):
        segments = list(_segments(line))
        for segment in segments:
            text = _line_text(segment, body_size)
            if not text.strip():
                continue
            indented = segment[0].left > margin + _INDENT * segment[0].size
            text = (" " if indented else "") + text
            is_heading = len(segments) == 1 and _is_heading(segment, text, body_size)
            if heading and is_heading and _wraps_to(heading, segment):
                out[-1] = f"{out[-1]} {text.strip()}"
            elif heading or is_heading:
                out += ["", text]
            else:
                out.append(text)
            heading = segment if is_heading else []
    return out


def _is_heading(line: list[_Glyph], text: str, body_size: float) -> bool:
    """Words all in bold, or in type larger than the body's (not a barcode, which has none)."""
    printed = [g for g in line if not g.char.isspace()]
    larger = max(g.size for g in printed) >= body_size * _HEADING_SIZE
    return bool(_LETTER.search(text)) and (larger or all(g.bold for g in printed))


def _wraps_to(first: list[_Glyph], second: list[_Glyph]) -> bool:
    """Whether ``second`` goes on with the heading ``first``: same type, close below it, and
    ``first`` at least as wide (a wrapped line fills its measure before the next takes the rest)."""
    size = max(g.size for g in first)
    same_type = round(size * 2) == round(max(g.size for g in second) * 2) and (
        all(g.bold for g in first) == all(g.bold for g in second)
    )
    close = first[0].baseline - second[0].baseline <= _HEADING_LEADING * size
    return same_type and close and first[-1].right >= second[-1].right - size


def _baseline_lines(glyphs: list[_Glyph], body_size: float) -> list[list[_Glyph]]:
    """Group glyphs by baseline; a small glyph raised above a line's baseline is a superscript
    of that line (pdfium would start a new line at it)."""
    full = sorted((g for g in glyphs if g.size >= body_size * _SMALL), key=lambda g: -g.baseline)
    lines: list[list[_Glyph]] = []
    for glyph in full:
        if lines and abs(lines[-1][0].baseline - glyph.baseline) <= _SAME_LINE * glyph.size:
            lines[-1].append(glyph)
        else:
            lines.append([glyph])
    for glyph in (g for g in glyphs if g.size < body_size * _SMALL):
        home = _superscript_home(lines, glyph)
        if home is None:
            lines.append([glyph])
            lines.sort(key=lambda line: -line[0].baseline)
        else:
            home.append(glyph)
    for line in lines:
        line.sort(key=lambda g: (g.left + g.right) / 2)
    return lines


def _superscript_home(lines: list[list[_Glyph]], glyph: _Glyph) -> list[_Glyph] | None:
    for line in lines:
        rise = glyph.baseline - line[0].baseline
        if -_SAME_LINE * glyph.size <= rise <= _RISE * line[0].size:
            return line
    return None


def _drop_running_header(lines: list[list[_Glyph]], body_size: float) -> list[list[_Glyph]]:
    """Lines at the top of a page set smaller than the body text are a running header."""
    for start, line in enumerate(lines):
        if max(g.size for g in line) >= body_size * _HEADER:
            return lines[start:]
    return lines


def _segments(line: list[_Glyph]) -> Iterator[list[_Glyph]]:
    """Text far apart on one baseline (masthead columns, page number and job number) is
    separate lines."""
    start = 0
    for index in range(1, len(line)):
        if line[index].left - line[index - 1].right > _COLUMN_GAP * line[index].size:
            yield line[start:index]
            start = index
    yield line[start:]


def _line_text(line: list[_Glyph], body_size: float) -> str:
    """Glyphs left to right with word spaces from real spaces and wide gaps, italics marked;
    right-to-left lines are put in reading order (without emphasis, which the reordering would
    scramble)."""
    rtl = any(_RTL.match(g.char) for g in line)
    line_size = max(g.size for g in line)
    baseline = min(g.baseline for g in line if g.size == line_size)
    parts: list[Segment] = []
    space = False
    previous: _Glyph | None = None
    sup: list[str] = []
    for glyph in line:
        if glyph.char == " ":
            space = True
            continue
        if previous is not None and glyph.left - previous.right > _SPACE_GAP * glyph.size:
            space = True
        raised = (
            not rtl
            and glyph.size < line_size * _SMALL
            and glyph.baseline - baseline > _RAISED * line_size
            and glyph.char in _MARKERS
        )
        if sup and (not raised or space):
            parts.append(_sup(sup))
            sup = []
        if space and parts:
            parts.append(Segment(" ", italic=False, bold=False))
        space = False
        if raised:
            sup.append(glyph.char)
        else:
            parts.append(Segment(glyph.char, italic=glyph.italic and not rtl, bold=False))
        previous = glyph
    if sup:
        parts.append(_sup(sup))
    if rtl:
        return _orient_brackets(visual_to_logical("".join(s.text for s in parts)))
    return render(parts)


def _sup(markers: list[str]) -> Segment:
    return Segment(f"<sup>{''.join(markers)}</sup>", italic=False, bold=False, markup=True)


def _mode(values: Iterable[float]) -> float:
    counts = Counter(values)
    return counts.most_common(1)[0][0] if counts else 0.0


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
