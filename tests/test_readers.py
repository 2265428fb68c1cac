"""Readers: format detection, decoding, per-format extraction and refusal of bad input."""

from __future__ import annotations

import contextlib
import ctypes
import io
import os
import zipfile
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sixfold.errors import (
    BinaryInputError,
    CorruptFileError,
    EmptyInputError,
    SixfoldError,
    TooLargeError,
    UnsupportedFormatError,
)
from sixfold.readers import text as text_reader
from sixfold.readers.detect import detect_format
from sixfold.readers.dispatch import read_raw
from sixfold.readers.limits import read_bounded
from sixfold.readers.pdf import NO_TEXT_LAYER, visual_to_logical
from sixfold.readers.text import decode_text

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="/work/shared is absent")
ARABIC_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


OLE_WITHOUT_WORD = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.7\n...", "pdf"),
        (b"junk" * 100 + b"%PDF-1.4\n", "pdf"),
        (_zip({"word/document.xml": b"<w/>"}), "docx"),
        (b'<?xml version="1.0"?>\n<!-- x -->\n<akomaNtoso xmlns="a"><act/>', "akn"),
        (b"\xef\xbb\xbf<akn:akomaNtoso xmlns:akn='a'/>", "akn"),
        ("<akomaNtoso/>".encode("utf-16"), "akn"),
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        (b"  <p>The General Assembly</p>", "html"),
        (b"The General Assembly, <sup>1</sup> recalling", "text"),
        ("大会，回顾".encode("gb18030"), "text"),
        ("The General Assembly".encode("utf-16-le"), "text"),
    ],
)
def test_detect_format(data: bytes, expected: str) -> None:
    assert detect_format(data) == expected


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (_zip({"xl/workbook.xml": b"<x/>"}), UnsupportedFormatError),
        (b"PK\x03\x04 truncated", CorruptFileError),
        (OLE_WITHOUT_WORD, CorruptFileError),
        (b"text\x00with\x00nuls", BinaryInputError),
        (bytes(range(1, 32)) * 10, BinaryInputError),
        (os.urandom(0) + bytes(b % 251 for b in range(4096)), BinaryInputError),
    ],
)
def test_detect_format_refuses(data: bytes, error: type[SixfoldError]) -> None:
    with pytest.raises(error):
        detect_format(data)


def _seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def _charter(lang: str) -> str:
    return (CORPUS / "un-charter" / f"charter.{lang}.txt").read_text(encoding="utf-8")[:3000]


@needs_shared
@pytest.mark.parametrize(
    ("source", "encoding", "expected"),
    [
        (lambda: _seed("001"), "cp1256", "cp1256"),
        (lambda: _charter("ru"), "cp1251", "cp1251"),
        (lambda: _seed("000"), "gb18030", "gb18030"),
        (lambda: _seed("004"), "gb18030", "gb18030"),
        (lambda: _charter("fr"), "latin-1", "cp1252"),
        (lambda: _charter("es"), "cp1252", "cp1252"),
        (lambda: _seed("003"), "utf-16-le", "utf-16-le"),
        (lambda: _seed("003"), "utf-16-be", "utf-16-be"),
        (lambda: _seed("003"), "utf-16", "utf-16-le"),
        (lambda: _seed("001"), "utf-8-sig", "utf-8"),
        (lambda: _seed("002"), "utf-8", "utf-8"),
    ],
)
def test_decode_round_trip(source: object, encoding: str, expected: str) -> None:
    text = source()  # type: ignore[operator]
    text = text.encode("cp1256", errors="ignore").decode("cp1256") if encoding == "cp1256" else text
    decoded, name = decode_text(text.encode(encoding))
    assert name == expected
    assert decoded == text.replace("\r\n", "\n").lstrip("\ufeff")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"a\r\nb\rc\fd", "a\nb\nc\fd"),
        (b"\xef\xbb\xbfBOM", "BOM"),
    ],
)
def test_decode_normalises(data: bytes, expected: str) -> None:
    assert decode_text(data)[0] == expected


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_decode_never_crashes(data: bytes) -> None:
    with contextlib.suppress(SixfoldError):
        assert isinstance(decode_text(data)[0], str)


@pytest.mark.parametrize(
    ("data", "fmt", "error"),
    [
        (b"", "text", EmptyInputError),
        (b"  \n\t ", "text", EmptyInputError),
        (b"%PDF-1.4 garbage", "pdf", CorruptFileError),
        (b"PK\x03\x04 garbage", "docx", CorruptFileError),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 garbage", "doc", CorruptFileError),
        (_zip({"word/document.xml": b"<not xml"}), "docx", CorruptFileError),
        (_zip({"word/document.xml": b"\x00" * 10_000_000}), "docx", CorruptFileError),
    ],
)
def test_bad_input(data: bytes, fmt: str, error: type[SixfoldError]) -> None:
    with pytest.raises(error):
        read_raw(data, fmt)


def test_zip_bomb_message() -> None:
    with pytest.raises(CorruptFileError, match="zip bomb"):
        read_raw(_zip({"word/document.xml": b"\x00" * 10_000_000}), "docx")


def test_huge_file_refused_from_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)
    with pytest.raises(TooLargeError):
        read_bounded(path)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            b"<html><head><script>x()</script></head><body><nav>menu</nav>"
            b"<p>The <i>General</i> <em>Assembly</em>, <b>Recalling</b> it<sup>1</sup></p>"
            b"<p>a<br>b</p><table><tr><td>x</td><td>y</td></tr></table></body></html>",
            "The *General Assembly*, **Recalling** it<sup>1</sup>\n\na\nb\n\nx\ty",
        ),
    ],
)
def test_html(html: bytes, expected: str) -> None:
    assert read_raw(html, "html").text == expected


@pytest.mark.parametrize(
    ("visual", "logical"),
    [
        ("ةخرؤملا A/RES/67/264 ةقيثولا", "الوثيقة A/RES/67/264 المؤرخة"),
        ("١٢١ دنبلا", "البند ١٢١"),
        ("English only", "English only"),
        ("see the word ةيعمجلا here", "see the word الجمعية here"),
    ],
)
def test_visual_to_logical(visual: str, logical: str) -> None:
    assert visual_to_logical(visual) == logical


def _pdf_with_line(text: str) -> bytes:
    """A one-line PDF drawing ``text``'s glyphs left to right, as producers store Arabic."""
    font = ARABIC_FONT.read_bytes()
    document = pdfium.PdfDocument.new()
    page = document.new_page(595, 842)
    buffer = (ctypes.c_uint8 * len(font)).from_buffer_copy(font)
    handle = pdfium_c.FPDFText_LoadFont(document, buffer, len(font), pdfium_c.FPDF_FONT_TRUETYPE, 1)
    obj = pdfium_c.FPDFPageObj_CreateTextObj(document, handle, 12)
    wide = (text + "\0").encode("utf-16-le")
    pdfium_c.FPDFText_SetText(obj, ctypes.cast(ctypes.c_char_p(wide), pdfium_c.FPDF_WIDESTRING))
    pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 30, 800)
    pdfium_c.FPDFPage_InsertObject(page, obj)
    pdfium_c.FPDFPage_GenerateContent(page)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.skipif(not ARABIC_FONT.exists(), reason="no DejaVu font to draw Arabic")
@pytest.mark.parametrize(
    ("visual", "logical"),
    [
        ("ةخرؤملا (A/RES/67/264) ةقيثولا", "الوثيقة (A/RES/67/264) المؤرخة"),
        ("(ص) ١٢١ دنبلا", "البند ١٢١ (ص)"),
        ("٢٠١٣ ويام/رايأ ١٧ خرؤملا ٢٦٤/٦٧ رارق", "قرار ٢٦٤/٦٧ المؤرخ ١٧ أيار/مايو ٢٠١٣"),
    ],
)
def test_arabic_pdf_in_logical_order(visual: str, logical: str) -> None:
    assert read_raw(_pdf_with_line(visual), "pdf").text == logical


@needs_shared
@pytest.mark.parametrize(
    "path", sorted((CORPUS / "pdf" / "ga-resolutions-73").glob("*.pdf")), ids=lambda p: p.name
)
def test_real_pdfs(path: Path) -> None:
    raw = read_raw(read_bounded(path), detect_format(path.read_bytes()))
    assert "A/RES/73/" in raw.text
    assert "\ufffe" not in raw.text and "\r" not in raw.text


@needs_shared
def test_real_pdf_italics() -> None:
    """Italics come from the font descriptor's flag: the lead's word only, a Latin phrase, a
    title in a footnote; the barcode font (named "BoldItalic", not flagged) stays as printed."""
    raw = read_raw((CORPUS / "pdf" / "ga-resolutions-73" / "A_RES_73_7-EN.pdf").read_bytes(), "pdf")
    assert raw.typeset
    assert " 21. *Continues* to welcome the statement" in raw.text
    assert "initiated\n*proprio motu*, in accordance" in raw.text
    assert "United Nations, *Treaty Series*, vol. 2187" in raw.text
    assert "\n*1818142*\f" in raw.text


@needs_shared
def test_real_pdf_truncated() -> None:
    data = (CORPUS / "pdf" / "ga-resolutions-73" / "A_RES_73_8-EN.pdf").read_bytes()[:3000]
    with pytest.raises(CorruptFileError):
        read_raw(data, detect_format(data))


@needs_shared
def test_real_scan_without_text_layer() -> None:
    data = (CORPUS / "pdf" / "other" / "1971-10-25_GA_Resolution_2758_ru.pdf").read_bytes()
    with pytest.raises(
        EmptyInputError, match=NO_TEXT_LAYER.replace("(", r"\(").replace(")", r"\)")
    ):
        read_raw(data, "pdf")


def _word_files() -> list[Path]:
    word = CORPUS / "word"
    return sorted(word.glob("ga-resolutions-72/*.docx")) + sorted(word.glob("legacy-doc/*.doc"))


@needs_shared
@pytest.mark.parametrize("path", _word_files(), ids=lambda p: p.name)
def test_real_word_files(path: Path) -> None:
    data = read_bounded(path)
    raw = read_raw(data, detect_format(data, path.name))
    assert "Resolution adopted by the General Assembly" in raw.text
    assert "<sup>1</sup> " in raw.text or "<sup>" not in raw.text


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_noise_share_fast_path_agrees_with_the_pattern(text: str) -> None:
    """The printable-text shortcut gives what counting the noise pattern gives."""
    sample = text[: text_reader._NOISE_SAMPLE_CHARS]
    counted = len(text_reader._NOISE.findall(sample)) / len(sample) if sample else 0.0
    assert text_reader._noise_share(text) == counted
