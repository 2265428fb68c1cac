"""What `sixfold ingest PATH...` reads: files, folders (recursively) and zip archives.

The UN distributes sessions as zip archives of XML, so an archive is a folder here: each member
is a source named ``archive.zip!member``.  Reading is lazy, one source at a time, so a folder of
thousands of files never sits in memory.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sixfold.errors import CorruptFileError, SixfoldError, TooLargeError, UsageError
from sixfold.readers.limits import MAX_INPUT_BYTES, read_bounded


@dataclass(frozen=True)
class Source:
    """One document to ingest: its name, and its bytes or the error met reading them."""

    name: str
    data: bytes | None
    error: SixfoldError | None = None


def iter_sources(paths: list[Path]) -> Iterator[Source]:
    for path in paths:
        if not path.exists():
            raise UsageError(f"{path}: no such file or folder")
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if not any(part.startswith(".") for part in child.relative_to(path).parts):
                    yield from _file_sources(child)
        else:
            yield from _file_sources(path)


def _file_sources(path: Path) -> Iterator[Source]:
    if path.suffix.lower() == ".zip" and zipfile.is_zipfile(path):
        yield from _zip_sources(path)
        return
    name = str(path.resolve())
    try:
        yield Source(name, read_bounded(path))
    except SixfoldError as error:
        yield Source(name, None, error)


def _zip_sources(path: Path) -> Iterator[Source]:
    prefix = str(path.resolve())
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        yield Source(prefix, None, CorruptFileError(f"unreadable zip archive ({error})"))
        return
    with archive:
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            if info.is_dir() or Path(info.filename).name.startswith("."):
                continue
            name = f"{prefix}!{info.filename}"
            if info.file_size > MAX_INPUT_BYTES:
                yield Source(
                    name,
                    None,
                    TooLargeError(f"archive member of {info.file_size} bytes is too large"),
                )
                continue
            try:
                yield Source(name, archive.read(info))
            except (zipfile.BadZipFile, OSError, EOFError) as error:
                yield Source(name, None, CorruptFileError(f"unreadable archive member ({error})"))
