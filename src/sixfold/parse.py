"""The library's entry point: any UN document, in any raw form, to one Document."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sixfold.errors import SixfoldError, UsageError
from sixfold.model import Document, Source
from sixfold.readers.detect import detect_format
from sixfold.readers.dispatch import READERS, read_raw
from sixfold.readers.limits import read_bounded

FORMATS = ("akn", *READERS)


def parse(
    source: str | Path | bytes,
    *,
    fmt: str | None = None,
    lang: str | None = None,
    path: str | None = None,
) -> Document:
    """Parse a file (a path) or its bytes into a :class:`Document`.

    ``fmt`` overrides format detection and ``lang`` language detection.  Bad input raises a
    :class:`~sixfold.errors.SixfoldError` subclass with a one-line message.
    """
    if isinstance(source, bytes):
        data = source
    else:
        path = str(source)
        data = read_bounded(Path(source))
    if fmt is not None and fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    try:
        fmt = fmt or detect_format(data, path)
        if fmt == "akn":
            from sixfold.readers.akn import read_akn

            doc = read_akn(data, path)
        else:
            from sixfold.structure.build import parse_text

            raw = read_raw(data, fmt)
            doc = parse_text(raw.text, lang=lang, typeset=raw.typeset)
            doc.warnings = raw.warnings + doc.warnings
    except SixfoldError as error:
        error.source = error.source or path
        raise
    doc.source = Source(path=path, format=fmt, sha256=hashlib.sha256(data).hexdigest())
    return doc
