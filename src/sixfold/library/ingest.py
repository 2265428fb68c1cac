"""Ingest: sources → parsed records → rows, in parallel, committed in small transactions.

Crash safety comes from the transaction boundary: a source's file row, its document and its
paragraphs (and so their places in the index queue, by trigger) are written in the same
transaction, and a source whose content hash is already recorded is skipped.  Killing the
process at any moment loses at most the uncommitted batch, which the next run simply does
again; the index catches up with the queue at the next sync (:mod:`sixfold.search.index`).
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from sixfold.citations import document_citations
from sixfold.errors import SixfoldError
from sixfold.library.sources import Source
from sixfold.model import Document
from sixfold.parse import parse
from sixfold.search.analysis import Analysis, analyse
from sixfold.search.index import ParagraphIndex

# Sources per transaction: small enough that a crash loses little, large enough to be fast.
BATCH = 64
# Transactions per index commit: each commit writes a segment, and fewer segments search
# faster; what is not yet committed stays queued, so a crash loses nothing.
COMMIT_EVERY = 64
ParagraphRow = tuple[int, str, str, str | None, str | None, str]
CitationRow = tuple[str, str, str | None, str | None, str | None, int, int]


@dataclass
class Parsed:
    """What a worker returns for one source: its record and paragraph rows, or its error."""

    name: str
    sha256: str
    document: Document | None = None
    paragraphs: list[ParagraphRow] = field(default_factory=list)
    analysis: list[Analysis] = field(default_factory=list)  # one per paragraph row
    citations: list[CitationRow] = field(default_factory=list)
    error_kind: str | None = None
    error_message: str | None = None


@dataclass
class IngestReport:
    added: int = 0
    replaced: int = 0
    skipped: int = 0
    failed: int = 0
    failures: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.added + self.replaced + self.skipped + self.failed


def parse_source(source: Source) -> Parsed:
    """Parse one source and analyse its paragraphs (runs in a worker process)."""
    data = source.data or b""
    parsed = Parsed(source.name, content_hash(source))
    if source.error is not None:
        parsed.error_kind, parsed.error_message = source.error.kind, source.error.message
        return parsed
    try:
        document = parse(data, path=source.name.rsplit("!", 1)[-1])
    except SixfoldError as error:
        parsed.error_kind, parsed.error_message = error.kind, error.message
        return parsed
    except Exception as error:  # a parser bug must not stop a batch of thousands
        parsed.error_kind, parsed.error_message = "internal", f"{type(error).__name__}: {error}"
        return parsed
    document.source.path = source.name
    parsed.document = document
    parsed.paragraphs = paragraph_rows(document)
    parsed.analysis = [analyse(row[5], document.language) for row in parsed.paragraphs]
    parsed.citations = citation_rows(document)
    return parsed


def content_hash(source: Source) -> str:
    """The content hash; an unreadable source is keyed by its name, as it has no content."""
    if source.data is None:
        return hashlib.sha256(b"\0unreadable\0" + source.name.encode()).hexdigest()
    return hashlib.sha256(source.data).hexdigest()


def paragraph_rows(document: Document) -> list[ParagraphRow]:
    """(position, pid, kind, number, lead, text) of the body, then of each annex."""
    paragraphs = list(document.paragraphs) + [p for a in document.annexes for p in a.paragraphs]
    return [(i, p.id, p.kind, p.number, p.lead, p.text) for i, p in enumerate(paragraphs)]


def citation_rows(document: Document) -> list[CitationRow]:
    """(target, kind, date, pid, verb, start, end) of every citation of the document."""
    return [
        (c.target, c.kind, c.date, c.paragraph, c.verb, c.start, c.end)
        for c in document_citations(document)
    ]


def insert_citations(conn: sqlite3.Connection, document_id: int, rows: list[CitationRow]) -> None:
    conn.executemany(
        'INSERT INTO citations (document_id, target, kind, date, pid, verb, start, "end")'
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(document_id, *row) for row in rows],
    )


def ingest_sources(
    conn: sqlite3.Connection,
    index: ParagraphIndex,
    sources: Iterable[Source],
    *,
    jobs: int | None = None,
    on_progress: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Ingest every source not yet in the library (by content hash); never raises for a source.
    The index is synced first (what a crashed run left queued); each batch is pushed to it
    with the analyses the workers made, and committed every ``COMMIT_EVERY`` batches and at
    the end."""
    index.sync(conn, {})
    report = IngestReport()
    known = _Known(conn)
    fresh = (s for s in sources if not _skip(known, s.name, content_hash(s), report, on_progress))
    batch: list[Parsed] = []
    analysed: dict[tuple[str, int], Analysis] = {}
    batches = 0
    for parsed in _parse_all(fresh, jobs or os.cpu_count() or 1):
        batch.append(parsed)
        analysed.update(((parsed.sha256, i), a) for i, a in enumerate(parsed.analysis))
        if len(batch) >= BATCH:
            _commit(conn, batch, known, report)
            batch = []
            batches += 1
            index.push(conn, analysed)
            analysed.clear()
            if batches % COMMIT_EVERY == 0:
                index.commit(conn)
        if on_progress:
            on_progress(report)
    _commit(conn, batch, known, report)
    index.sync(conn, analysed)
    if on_progress:
        on_progress(report)
    return report


class _Known:
    """What the library holds, in memory: read once, so the generator feeding the worker pool
    (run on the pool's thread) never touches the connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        rows = conn.execute("SELECT source, sha256, document_id IS NOT NULL FROM files")
        self.documents: set[str] = set()
        self.failures: set[tuple[str, str]] = set()
        for name, sha256, ok in rows:
            self.add(name, sha256, ok=bool(ok))

    def add(self, name: str, sha256: str, *, ok: bool) -> None:
        if ok:
            self.documents.add(sha256)
        else:
            self.failures.add((name, sha256))

    def __contains__(self, key: tuple[str, str]) -> bool:
        """The same content as an ingested document (under any name), or the same failing
        file under the same name."""
        return key[1] in self.documents or key in self.failures


def _skip(
    known: _Known,
    name: str,
    sha256: str,
    report: IngestReport,
    on_progress: Callable[[IngestReport], None] | None,
) -> bool:
    if (name, sha256) not in known:
        return False
    report.skipped += 1
    if on_progress:
        on_progress(report)
    return True


def _parse_all(sources: Iterator[Source], jobs: int) -> Iterator[Parsed]:
    if jobs <= 1:
        yield from map(parse_source, sources)
        return
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with context.Pool(jobs) as pool:
        yield from pool.imap(parse_source, sources, chunksize=4)


def _commit(
    conn: sqlite3.Connection, batch: list[Parsed], known: _Known, report: IngestReport
) -> None:
    with conn:
        for parsed in batch:
            if not _skip(known, parsed.name, parsed.sha256, report, None):
                _store(conn, parsed, report)
                known.add(parsed.name, parsed.sha256, ok=parsed.document is not None)


def _store(conn: sqlite3.Connection, parsed: Parsed, report: IngestReport) -> None:
    old = conn.execute("SELECT document_id FROM files WHERE source = ?", (parsed.name,)).fetchone()
    if old is not None:
        _delete_file(conn, parsed.name, old[0])
    document_id = None
    if parsed.document is not None:
        document_id = _insert_document(conn, parsed)
    conn.execute(
        "INSERT INTO files VALUES (?, ?, ?, ?, ?)",
        (parsed.name, parsed.sha256, document_id, parsed.error_kind, parsed.error_message),
    )
    if parsed.error_kind is not None:
        report.failed += 1
        report.failures.append((parsed.name, parsed.error_kind, parsed.error_message or ""))
    elif old is not None:
        report.replaced += 1
    else:
        report.added += 1


def _delete_file(conn: sqlite3.Connection, name: str, document_id: int | None) -> None:
    conn.execute("DELETE FROM files WHERE source = ?", (name,))
    if document_id is not None:
        conn.execute("DELETE FROM paragraphs WHERE document_id = ?", (document_id,))
        conn.execute("DELETE FROM citations WHERE document_id = ?", (document_id,))
        conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))


def _insert_document(conn: sqlite3.Connection, parsed: Parsed) -> int:
    doc = parsed.document
    assert doc is not None
    session_number = int(doc.session) if doc.session and doc.session.isdigit() else None
    cursor = conn.execute(
        "INSERT INTO documents (sha256, symbol, language, body, doc_type, session,"
        " session_number, number, title, adopted, issued, agenda_items, record)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            parsed.sha256,
            doc.symbol,
            doc.language,
            doc.body,
            doc.doc_type,
            doc.session,
            session_number,
            doc.number,
            doc.title,
            doc.adopted,
            doc.issued,
            json.dumps(doc.agenda_items),
            json.dumps(doc.to_dict(), ensure_ascii=False),
        ),
    )
    document_id = cursor.lastrowid
    assert document_id is not None
    conn.executemany(
        "INSERT INTO paragraphs (document_id, position, pid, kind, number, lead, text)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(document_id, *row) for row in parsed.paragraphs],
    )
    insert_citations(conn, document_id, parsed.citations)
    return document_id
