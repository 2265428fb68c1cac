"""Small synthetic UN resolutions for library tests: no shared data needed, parsed in
milliseconds, each with its own symbol and wording so that results are checkable."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sixfold.library import Library

_TEMPLATE = """United Nations\tA/RES/{session}/{n}
General Assembly\tDistr.: General
5 January 2011

Resolution adopted by the General Assembly on {day} December {year}

{session}/{n}. Cooperation on subject {n}

The General Assembly,

Recalling its resolution {prev}/{n} on subject {n},

1. Requests the Secretary-General to report on subject {n} at its next session;

2. Decides to remain seized of the matter.

68th plenary meeting
{day} December {year}
"""


def resolution(n: int, session: int = 65) -> str:
    year = 1945 + session
    return _TEMPLATE.format(session=session, n=n, prev=session - 1, day=1 + n % 28, year=year)


def write_resolutions(folder: Path, count: int, session: int = 65) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(1, count + 1):
        path = folder / f"A_RES_{session}_{n}.txt"
        path.write_text(resolution(n, session), encoding="utf-8")
        paths.append(path)
    return paths


def english_paragraphs_library(path: Path, texts: Sequence[str]) -> Library:
    """A library of one English document whose paragraphs are ``texts``, written directly so
    that ranking tests control every paragraph (no parsing involved)."""
    lib = Library.open(path, create=True)
    with lib.conn:
        lib.conn.execute(
            "INSERT INTO documents (id, sha256, language, agenda_items, record)"
            " VALUES (1, 'x', 'en', '[]', '{}')"
        )
        lib.conn.executemany(
            "INSERT INTO paragraphs (document_id, position, pid, kind, text)"
            " VALUES (1, ?, ?, 'other', ?)",
            [(i, f"p{i}", text) for i, text in enumerate(texts)],
        )
    lib.index.sync(lib.conn, {})
    lib.index.close()
    return lib
