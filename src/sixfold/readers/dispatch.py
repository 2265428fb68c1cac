"""One entry point from bytes of a known format to :class:`RawText`.

Third-party parsers fail in their own ways (pdfium errors, lxml syntax errors, zip errors,
struct errors in a broken Word file...).  Each reader turns the failures it expects into
:mod:`sixfold.errors`; this is the last line so that nothing else escapes as a traceback.
"""

from __future__ import annotations

from collections.abc import Callable

from sixfold.errors import CorruptFileError, EmptyInputError, SixfoldError, UsageError
from sixfold.readers import RawText
from sixfold.readers.doc import read_doc
from sixfold.readers.docx import read_docx
from sixfold.readers.html import read_html
from sixfold.readers.pdf import read_pdf
from sixfold.readers.text import decode_text


def _read_text(data: bytes) -> RawText:
    text, encoding = decode_text(data)
    return RawText(text=text, format="text", encoding=encoding)


READERS: dict[str, Callable[[bytes], RawText]] = {
    "text": _read_text,
    "pdf": read_pdf,
    "docx": read_docx,
    "doc": read_doc,
    "html": read_html,
}


def read_raw(data: bytes, fmt: str) -> RawText:
    """Read ``data`` as ``fmt`` (AKN has its own reader, which builds a Document directly)."""
    reader = READERS.get(fmt)
    if reader is None:
        raise UsageError(f"no raw-text reader for format {fmt!r}")
    if not data.strip():
        raise EmptyInputError("input is empty")
    try:
        raw = reader(data)
    except SixfoldError:
        raise
    except (MemoryError, RecursionError):
        raise CorruptFileError(f"{fmt} input too complex to read") from None
    except Exception as exc:  # a parser bug or an unforeseen malformation: still one line
        raise CorruptFileError(f"unreadable {fmt} input ({type(exc).__name__}: {exc})") from None
    if not raw.text.strip():
        raise EmptyInputError(f"{fmt} input contains no text")
    return raw
