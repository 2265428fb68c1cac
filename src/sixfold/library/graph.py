"""The citation graph of a library: what a document cites, what cites it, resolution series.

A document is known by its symbol, so the language versions of one resolution are one node: what
any version cites, the document cites.  Targets are canonical symbols, so a citation resolves to
the documents present by plain equality.

A *series* is the chain of resolutions on one subject across sessions.  The General Assembly
opens such a resolution by recalling its predecessors in one list ("Recalling its resolutions
37/4 of 22 October 1982, ... and 63/114"), so the series of a resolution is what it recalls in
its first preambular paragraph that cites resolutions, and the same again for each of those
present in the library, and for every resolution that recalls it that way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from sixfold.symbols import Symbol, SymbolError

# Verbs of a paragraph that recalls the series.
_SERIES_VERBS = ("recalls", "reaffirms", "bears in mind", "takes note of")


@dataclass(frozen=True)
class Edge:
    """One citation between documents: ``source`` cites ``target``."""

    source: str
    target: str
    kind: str
    verb: str | None
    date: str | None
    paragraph: str | None
    present: bool


@dataclass(frozen=True)
class SeriesEntry:
    """One resolution of a series; ``title`` and ``adopted`` when the library holds it."""

    symbol: str
    adopted: str | None
    title: str | None
    present: bool


# One citation row per edge: source and target symbols, what the citation says, and whether the
# library holds the target.
_EDGES = (
    "SELECT d.symbol, c.target, c.kind, c.verb, c.date, c.pid,"
    " EXISTS (SELECT 1 FROM documents t WHERE t.symbol = c.target)"
    " FROM citations c JOIN documents d ON d.id = c.document_id"
)


def cites(conn: sqlite3.Connection, symbol: str) -> list[Edge]:
    """What the document cites, once per target, in the order its text cites them."""
    rows = conn.execute(
        f"{_EDGES} WHERE d.symbol = ? ORDER BY d.language = 'en' DESC, d.id, c.rowid",
        (canonical(symbol),),
    ).fetchall()
    return _first_per(rows, lambda row: row[1])


def cited_by(conn: sqlite3.Connection, symbol: str) -> list[Edge]:
    """The documents that cite this one, once per citing document, oldest first."""
    rows = conn.execute(
        f"{_EDGES} WHERE c.target = ? AND d.symbol IS NOT NULL"
        " ORDER BY d.adopted, d.symbol, d.language = 'en' DESC",
        (canonical(symbol),),
    ).fetchall()
    return _first_per(rows, lambda row: row[0])


def edges(conn: sqlite3.Connection) -> list[Edge]:
    """Every citation of the library between symbols, once per (source, target)."""
    rows = conn.execute(
        f"{_EDGES} WHERE d.symbol IS NOT NULL ORDER BY d.symbol, d.language = 'en' DESC, c.rowid"
    ).fetchall()
    return _first_per(rows, lambda row: (row[0], row[1]))


def series(conn: sqlite3.Connection, symbol: str) -> list[SeriesEntry]:
    """The resolutions of the series ``symbol`` belongs to, in order of session and number."""
    start = canonical(symbol)
    members = {start}
    frontier = [start]
    while frontier:
        current = frontier.pop()
        linked = set(_recalled(conn, current)) | set(_recalling(conn, current))
        for other in linked - members:
            members.add(other)
            frontier.append(other)
    return sorted((_entry(conn, s) for s in members), key=lambda e: _order(e.symbol))


def canonical(symbol: str) -> str:
    """The symbol as stored; what does not parse is looked up as typed."""
    try:
        return str(Symbol.parse(symbol))
    except SymbolError:
        return symbol.strip()


def _recalled(conn: sqlite3.Connection, symbol: str) -> list[str]:
    """The resolutions of the first preambular paragraph of ``symbol`` that recalls any."""
    rows = conn.execute(
        "SELECT c.pid, c.target, c.verb FROM citations c JOIN documents d"
        " ON d.id = c.document_id WHERE d.symbol = ? AND c.kind = 'resolution'"
        " ORDER BY d.language = 'en' DESC, d.id, c.rowid",
        (symbol,),
    ).fetchall()
    first = next((pid for pid, _, verb in rows if verb in _SERIES_VERBS and pid), None)
    return [target for pid, target, _ in rows if pid == first]


def _recalling(conn: sqlite3.Connection, symbol: str) -> list[str]:
    """The resolutions whose series paragraph recalls ``symbol``."""
    citing = conn.execute(
        "SELECT DISTINCT d.symbol FROM citations c JOIN documents d ON d.id = c.document_id"
        " WHERE c.target = ? AND d.doc_type = 'resolution' AND d.symbol IS NOT NULL",
        (symbol,),
    ).fetchall()
    return [s for (s,) in citing if symbol in _recalled(conn, s)]


def _entry(conn: sqlite3.Connection, symbol: str) -> SeriesEntry:
    row = conn.execute(
        "SELECT adopted, title FROM documents WHERE symbol = ? ORDER BY language = 'en' DESC",
        (symbol,),
    ).fetchone()
    if row is None:
        return SeriesEntry(symbol, _cited_date(conn, symbol), None, present=False)
    return SeriesEntry(symbol, row[0], row[1], present=True)


def _cited_date(conn: sqlite3.Connection, symbol: str) -> str | None:
    """The adoption date of an absent resolution, as the documents citing it give it."""
    row = conn.execute(
        "SELECT date FROM citations WHERE target = ? AND date IS NOT NULL LIMIT 1", (symbol,)
    ).fetchone()
    return row[0] if row else None


def _order(symbol: str) -> tuple[int, int, str]:
    """Sessions in order (old roman-numbered ones first), then numbers."""
    try:
        parsed = Symbol.parse(symbol)
    except SymbolError:
        return (0, 0, symbol)
    session = parsed.session or ""
    digits = "".join(ch for ch in parsed.number if ch.isdigit())
    return (int(session) if session.isdigit() else 0, int(digits or 0), symbol)


_Row = tuple[str, str, str, str | None, str | None, str | None, int]


def _first_per(rows: list[_Row], key: Callable[[_Row], Hashable]) -> list[Edge]:
    """One edge per key, the first row of each (rows come in order of preference)."""
    seen: set[Hashable] = set()
    result = []
    for row in rows:
        if key(row) not in seen:
            seen.add(key(row))
            source, target, kind, verb, date, paragraph, present = row
            result.append(Edge(source, target, kind, verb, date, paragraph, bool(present)))
    return result
