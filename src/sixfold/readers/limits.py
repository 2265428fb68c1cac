"""Size limits every reader enforces before doing real work.

Inputs come from users and crawlers, so a reader must refuse a hostile or absurd file cheaply
(before decompressing or decoding it) instead of exhausting memory.  The figures are generous
for UN documents: the longest resolution PDFs are a few MiB and a few hundred pages.
"""

from __future__ import annotations

from pathlib import Path

from sixfold.errors import InputError, TooLargeError

MAX_INPUT_BYTES = 50 * 1024 * 1024
"""Any input file.  A UN document is at most a few MiB; 50 MiB leaves room for scanned annexes."""

MAX_UNCOMPRESSED_BYTES = 200 * 1000 * 1000
"""Sum of a DOCX's declared member sizes: above this the zip is refused as a likely zip bomb."""

MAX_COMPRESSION_RATIO = 100
"""Member size / compressed size.  Word XML compresses about 5-20 times; bombs, thousands."""

RATIO_CHECK_MIN_BYTES = 1024 * 1024
"""Members smaller than this are never bombs, and tiny repetitive XML can exceed the ratio."""

MAX_PDF_PAGES = 2000
"""Pages read from one PDF: the longest UN reports stay far below this."""


def read_bounded(path: Path) -> bytes:
    """Read a whole input file, refusing it from its size alone when it is too large.

    Checking ``stat`` first means a 200 MB file is refused at once, without reading it.
    """
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise TooLargeError(
                f"input is {size} bytes, more than the {MAX_INPUT_BYTES} byte limit",
                source=str(path),
            )
        with path.open("rb") as handle:
            # Read what stat promised plus one byte: asking for the limit would allocate it.
            data = handle.read(size + 1)
            if len(data) > size:  # the file grew after stat, or stat lied (a pipe)
                data += handle.read(MAX_INPUT_BYTES + 1 - len(data))
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", source=str(path)) from None
    if len(data) > MAX_INPUT_BYTES:  # the file grew after stat, or stat lied (a pipe)
        raise TooLargeError(f"input exceeds the {MAX_INPUT_BYTES} byte limit", source=str(path))
    return data
