"""Tell a document's format from its bytes, never from its name.

File names lie: the corpus has DOCX files named ``.doc``, and crawled files often have no
extension at all.  Containers (PDF, zip, OLE2) are recognised by their magic bytes and checked for
the part that makes them a Word document; markup is sniffed from the first few KiB.
"""

from __future__ import annotations

import io
import zipfile

import olefile
import regex

from sixfold.errors import BinaryInputError, CorruptFileError, UnsupportedFormatError
from sixfold.readers.text import bom_encoding, utf16_without_bom

FORMATS = ("akn", "pdf", "docx", "doc", "html", "text")

_PDF_MAGIC = b"%PDF-"
_PDF_JUNK_BYTES = 1024
"""Acrobat accepts a PDF header anywhere in the first KiB (mail gateways prepend junk)."""
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SNIFF_BYTES = 8192
_MAX_CONTROL_SHARE = 0.1
"""Text files have almost no control characters; binaries are full of them."""

_XML_PROLOGUE = r"(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*"
_AKN_ROOT = regex.compile(_XML_PROLOGUE + r"<(?:[\w.-]+:)?akomaNtoso\b", flags=regex.S)
_HTML_ANYWHERE = regex.compile(r"<!doctype\s+html|<html\b|<body\b|<head\b", flags=regex.I)
_HTML_START = regex.compile(
    _XML_PROLOGUE + r"<(?:p|div|h[1-6]|table|section|article)\b[^>]*>", flags=regex.I | regex.S
)
_CONTROL = regex.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def detect_format(data: bytes, filename: str | None = None) -> str:
    """Return one of :data:`FORMATS` for ``data``; ``filename`` only labels errors."""
    if _PDF_MAGIC in data[: _PDF_JUNK_BYTES + len(_PDF_MAGIC)]:
        return "pdf"
    if data.startswith(_ZIP_MAGICS):
        return _zip_format(data, filename)
    if data.startswith(_OLE_MAGIC):
        return _ole_format(data, filename)
    head = _text_head(data, filename)
    if _AKN_ROOT.match(head):
        return "akn"
    if _HTML_ANYWHERE.search(head) or _HTML_START.match(head):
        return "html"
    return "text"


def _zip_format(data: bytes, filename: str | None) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise CorruptFileError("corrupt zip archive", source=filename) from None
    if "word/document.xml" in names:
        return "docx"
    raise UnsupportedFormatError("zip archive that is not a Word document", source=filename)


def _ole_format(data: bytes, filename: str | None) -> str:
    try:
        with olefile.OleFileIO(data) as ole:
            is_word = ole.exists("WordDocument")
    except (OSError, ValueError, IndexError, olefile.olefile.OleFileError):
        raise CorruptFileError("corrupt OLE2 (legacy Office) file", source=filename) from None
    if is_word:
        return "doc"
    raise UnsupportedFormatError("legacy Office file that is not a Word document", source=filename)


def _text_head(data: bytes, filename: str | None) -> str:
    """The start of a text file as characters, enough to sniff ASCII markup in any encoding."""
    head = data[:_SNIFF_BYTES]
    bom = bom_encoding(head)
    utf16 = utf16_without_bom(head) if bom is None else None
    if bom is not None or utf16 is not None:
        encoding, start = bom if bom is not None else (utf16 or "", 0)
        return head[start:].decode(encoding, errors="ignore")
    controls = len(_CONTROL.findall(head))
    if b"\x00" in head or controls > _MAX_CONTROL_SHARE * len(head):
        raise BinaryInputError("binary data, not a document", source=filename)
    return head.decode("latin-1")
