"""FTS5's BM25, computed in Python over a few matches, with the index statistics it needs cached.

Why: FTS5's ``bm25()`` finds each query phrase's document frequency by walking that phrase's
whole posting list on every query, even when three paragraphs match; for the common words of
UN prose ("the", "de", Chinese characters) that walk is most of a search's time (profiled on
the latency benchmark: a bare MATCH 1.8 ms, the same MATCH ordered by ``bm25()`` 7-9 ms).
Listing the matches without scoring is cheap, and for a handful of them the score is quicker
to compute here: a phrase's frequency is the number of matches itself (phrase queries), and a
single term's is looked up once per state of the index and kept (all-words queries).  The
formula, constants and statistics are FTS5's own (``fts5_aux.c``), so the order is the same.
"""

from __future__ import annotations

import math
import sqlite3
import threading
from collections.abc import Sequence

K1 = 1.2
B = 0.75
_VOCAB = "temp.sixfold_vocab"

_lock = threading.Lock()
# (database file, averages record) -> term -> number of paragraphs holding it.  The averages
# record changes with every write to the index, so a stale entry is never read.
_frequencies: dict[tuple[str, bytes], dict[str, int]] = {}


def _varints(data: bytes) -> list[int]:
    """SQLite's big-endian varints, as FTS5 writes its averages record."""
    values: list[int] = []
    i = 0
    while i < len(data):
        value = 0
        for n in range(9):
            byte = data[i]
            i += 1
            if n == 8:
                value = (value << 8) | byte
                break
            value = (value << 7) | (byte & 0x7F)
            if byte < 0x80:
                break
        values.append(value)
    return values


class Statistics:
    """What BM25 needs from the whole index: paragraph count, mean length, term frequencies."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        row = conn.execute("SELECT block FROM paragraph_index_data WHERE id = 1").fetchone()
        record = bytes(row[0]) if row and row[0] else b""
        values = _varints(record) if record else [0, 0]
        self.rows = values[0]
        self.mean_length = values[1] / values[0] if values[0] else 0.0
        file = conn.execute("PRAGMA database_list").fetchone()[2]
        self._conn = conn
        with _lock:
            for key in [k for k in _frequencies if k[0] == file and k[1] != record]:
                del _frequencies[key]
            self._known = _frequencies.setdefault((file, record), {})

    def idf(self, hits: int) -> float:
        value = math.log((self.rows - hits + 0.5) / (hits + 0.5))
        return value if value > 0 else 1e-6

    def frequency(self, term: str) -> int:
        known = self._known.get(term)
        if known is None:
            self._conn.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {_VOCAB}"
                " USING fts5vocab(main, paragraph_index, row)"
            )
            row = self._conn.execute(f"SELECT doc FROM {_VOCAB} WHERE term = ?", (term,)).fetchone()
            known = row[0] if row else 0
            with _lock:
                self._known[term] = known
        return known


def occurrences(tokens: Sequence[str], phrase: Sequence[str]) -> int:
    """How often ``phrase`` appears as consecutive tokens, as FTS5 counts phrase instances."""
    n = len(phrase)
    first = phrase[0]
    return sum(
        1
        for i, token in enumerate(tokens)
        if token == first and list(tokens[i : i + n]) == list(phrase)
    )


def bm25(
    tokens: Sequence[str], phrases: Sequence[tuple[Sequence[str], float]], mean: float
) -> float:
    """FTS5's ``bm25()`` of one row (negative: smaller is better) for phrases with their IDF."""
    norm = K1 * (1 - B + B * len(tokens) / mean) if mean else K1
    score = 0.0
    for phrase, idf in phrases:
        tf = occurrences(tokens, phrase)
        score += idf * (tf * (K1 + 1)) / (tf + norm)
    return -score
