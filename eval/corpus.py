"""AKN corpus access for the eval scripts and benchmarks: files, zips, folders of zips.

Archives are read in place (never unpacked into the repository); names are
``<archive path>!<member>`` so a failure can be traced to one file.  Sampling is by name,
before any bytes are read, so a sample of 50 out of 10,000 files stays fast.
"""

from __future__ import annotations

import random
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared"
DEFAULT_CORPUS = SHARED / "corpus" / "akn-ga"

# FRBRlanguage sits near the top of every AKN file; 6 KB is enough to find it.
_LANGUAGE = re.compile(rb'<FRBRlanguage\s+language="([a-z]{2,3})"')
_SNIFF_BYTES = 6000
_LANG_CODES = {b"eng": "en", b"fra": "fr", b"spa": "es", b"rus": "ru", b"ara": "ar", b"zho": "zh"}


def sniff_language(data: bytes) -> str | None:
    """The FRBRlanguage of an AKN file as a sixfold code, without parsing the XML."""
    m = _LANGUAGE.search(data[:_SNIFF_BYTES]) or _LANGUAGE.search(data)
    if not m:
        return None
    code = m.group(1)
    return _LANG_CODES.get(code, code.decode() if len(code) == 2 else None)


def _entries(root: Path) -> Iterator[tuple[str, Path, str | None]]:
    """(name, file, member) for every XML file under root; member is set for zip entries."""
    paths = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
    for path in paths:
        if path.suffix.lower() == ".zip":
            with zipfile.ZipFile(path) as archive:
                for member in sorted(archive.namelist()):
                    if member.lower().endswith(".xml"):
                        yield f"{path}!{member}", path, member
        elif path.suffix.lower() == ".xml":
            yield str(path), path, None


def iter_akn(
    root: str | Path = DEFAULT_CORPUS,
    *,
    sample: int | None = None,
    seed: int = 0,
    langs: set[str] | None = None,
) -> Iterator[tuple[str, bytes]]:
    """Yield ``(name, data)`` for AKN files under root (a file, a zip, or a folder of either).

    With ``sample``, a seeded random subset of that many files (after the language filter,
    which needs the bytes, so a language-filtered sample reads files until it has enough).
    """
    entries = list(_entries(Path(root)))
    if not entries:
        # A script pointed at the wrong place must say so, not score zero documents.
        raise SystemExit(f"no AKN XML files under {root} (give the corpus with --corpus)")
    if sample is not None:
        random.Random(seed).shuffle(entries)
    wanted = sample if sample is not None else len(entries)
    archives: dict[Path, zipfile.ZipFile] = {}
    try:
        for name, path, member in entries:
            if wanted <= 0:
                return
            if member is None:
                data = path.read_bytes()
            else:
                archive = archives.get(path) or archives.setdefault(path, zipfile.ZipFile(path))
                data = archive.read(member)
            if langs and sniff_language(data) not in langs:
                continue
            wanted -= 1
            yield name, data
    finally:
        for archive in archives.values():
            archive.close()
