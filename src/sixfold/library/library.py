"""The Python API of a library; every `sixfold` library command is one call here.

>>> lib = Library.open("my-library", create=True)
>>> lib.ingest([Path("../shared/corpus/akn-ga/77session/English.zip")])
>>> [h.symbol for h in lib.search("Requests the Secretary-General to report")]
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sixfold.align.paragraphs import align_segments, paragraphs_of, segments
from sixfold.errors import UsageError
from sixfold.library import graph
from sixfold.library.ingest import IngestReport, citation_rows, ingest_sources, insert_citations
from sixfold.library.sources import iter_sources
from sixfold.library.store import connect, get_meta, library_file, set_meta
from sixfold.model import LANGUAGES, Document
from sixfold.search.analysis import analysis_version
from sixfold.search.engine import NO_FILTERS, Filters, Group, Hit, exact, group_identical, search
from sixfold.search.index import INDEX_DIR, ParagraphIndex, queue_all


@dataclass
class Stats:
    documents: int
    paragraphs: int
    symbols: int
    failed_files: int
    indexed: int  # paragraphs in the full-text index: all of them unless an ingest is running
    by_language: dict[str, int] = field(default_factory=dict)
    by_body: dict[str, int] = field(default_factory=dict)
    sessions: list[str] = field(default_factory=list)
    size_bytes: int = 0


class Library:
    """A library directory: one SQLite file, the records (see :mod:`sixfold.library.store`),
    and the full-text index derived from them (see :mod:`sixfold.search.index`)."""

    def __init__(self, path: Path, conn: sqlite3.Connection, index: ParagraphIndex) -> None:
        self.path = path
        self.conn = conn
        self.index = index
        # Read once: a search should not pay a query for it (and a reindex resets it).
        self._stale = get_meta(conn, "analysis_version") != str(analysis_version())

    @classmethod
    def open(cls, path: str | Path = ".", *, create: bool = False) -> Library:
        """Open (with ``create``, make) a library.  An index missing or behind its records
        (a crashed ingest) is brought up to date here, unless an ingest is running."""
        conn = connect(path, create=create)
        if get_meta(conn, "analysis_version") is None:
            with conn:
                set_meta(conn, "analysis_version", str(analysis_version()))
        directory = library_file(path).parent / INDEX_DIR
        try:
            index = ParagraphIndex(directory, create=False)
        except FileNotFoundError:
            index = ParagraphIndex(directory, create=True)
            queue_all(conn)
        library = cls(Path(path), conn, index)
        library._catch_up()
        return library

    def _catch_up(self) -> None:
        if self.conn.execute("SELECT 1 FROM index_queue LIMIT 1").fetchone() is None:
            return
        try:
            self.index.sync(self.conn, {})
        except UsageError:  # an ingest holds the index; it syncs as it goes
            return
        finally:
            self.index.close()

    def _check_index(self) -> None:
        """Terms made by another analysis would silently miss: refuse until reindexed."""
        if self._stale:
            raise UsageError(f"the library at {self.path} needs `sixfold reindex`")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def ingest(
        self,
        paths: list[Path],
        *,
        jobs: int | None = None,
        on_progress: Callable[[IngestReport], None] | None = None,
    ) -> IngestReport:
        """Add files, folders and zip archives; already ingested content is skipped."""
        try:
            return ingest_sources(
                self.conn, self.index, iter_sources(paths), jobs=jobs, on_progress=on_progress
            )
        finally:
            self.index.close()

    def failures(self) -> list[tuple[str, str, str]]:
        """(source, error kind, message) of every file that could not be ingested."""
        rows = self.conn.execute(
            "SELECT source, error_kind, error_message FROM files"
            " WHERE error_kind IS NOT NULL ORDER BY source"
        )
        return [(s, k, m) for s, k, m in rows]

    def search(self, query: str, filters: Filters = NO_FILTERS, *, limit: int = 10) -> list[Hit]:
        self._check_index()
        return search(self.conn, self.index, query, filters, limit=limit)

    def exact(
        self, wording: str, filters: Filters = NO_FILTERS, *, limit: int | None = None
    ) -> list[Hit]:
        self._check_index()
        return exact(self.conn, self.index, wording, filters, limit=limit)

    def exact_grouped(self, wording: str, filters: Filters = NO_FILTERS) -> list[Group]:
        return group_identical(self.exact(wording, filters))

    def add_versions(self, hits: list[Hit], languages: list[str]) -> None:
        """Fill ``hit.also`` with the same paragraph in other language versions of its document,
        as the paragraph aligner pairs them.  Ids and numbers do not carry across versions: the
        AKN ids of one resolution differ between its languages, and a resolution in sections
        numbers each section's paragraphs from 1.  A paragraph with no counterpart gets none."""
        by_document: dict[int, dict[str, dict[int, str]]] = {}
        for hit in hits:
            if hit.symbol is None:
                continue
            if hit.document_id not in by_document:
                others = [lang for lang in languages if lang != hit.language]
                by_document[hit.document_id] = self._counterparts(
                    hit.document_id, hit.symbol, others
                )
            for lang, found in by_document[hit.document_id].items():
                if hit.position in found:
                    hit.also[lang] = found[hit.position]

    def _counterparts(
        self, document_id: int, symbol: str, languages: list[str]
    ) -> dict[str, dict[int, str]]:
        """For each of ``languages`` the library holds a version in (the first ingested, if
        several): the position of each paragraph of the document -> its counterpart's text.
        The document is read and measured once, whatever the number of languages."""
        source = self._records("SELECT record FROM documents WHERE id = ?", [document_id])
        if not source:
            return {}
        ours = segments(source[0])
        found: dict[str, dict[int, str]] = {}
        for lang in languages:
            versions = self.documents(symbol, lang)
            if not versions:
                continue
            texts = [p.text for _, p in paragraphs_of(versions[0])]
            found[lang] = {}
            for link in align_segments(ours, segments(versions[0])):
                if link.target:
                    text = " ".join(texts[k] for k in link.target)
                    found[lang].update(dict.fromkeys(link.source, text))
        return found

    def documents(self, symbol: str, language: str | None = None) -> list[Document]:
        """The language versions of a document, by symbol (as the UN writes it)."""
        sql = "SELECT record FROM documents WHERE symbol = ?"
        params: list[object] = [symbol]
        if language is not None:
            sql += " AND language = ?"
            params.append(language)
        return self._records(sql + " ORDER BY language, id", params)

    def candidates(self, language: str, session: str | None = None) -> list[Document]:
        """Every document in ``language`` (of ``session`` when given): what a document with no
        usable symbol is compared against to find its language versions."""
        sql = "SELECT record FROM documents WHERE language = ?"
        params: list[object] = [language]
        if session is not None:
            sql += " AND (session = ? OR session IS NULL)"
            params.append(session)
        return self._records(sql + " ORDER BY id", params)

    def _records(self, sql: str, params: list[object]) -> list[Document]:
        return [Document.from_dict(json.loads(r)) for (r,) in self.conn.execute(sql, params)]

    def stats(self) -> Stats:
        one = self.conn.execute
        by_language = dict(one("SELECT language, count(*) FROM documents GROUP BY language"))
        sessions = [
            s for (s,) in one("SELECT DISTINCT session FROM documents WHERE session IS NOT NULL")
        ]
        return Stats(
            documents=one("SELECT count(*) FROM documents").fetchone()[0],
            paragraphs=one("SELECT count(*) FROM paragraphs").fetchone()[0],
            symbols=one("SELECT count(DISTINCT symbol) FROM documents").fetchone()[0],
            indexed=self.index.indexed(),
            failed_files=one("SELECT count(*) FROM files WHERE error_kind IS NOT NULL").fetchone()[
                0
            ],
            by_language={lang: by_language[lang] for lang in LANGUAGES if lang in by_language},
            by_body=dict(one("SELECT coalesce(body, '?'), count(*) FROM documents GROUP BY 1")),
            sessions=sorted(sessions, key=lambda s: (not s.isdigit(), s.zfill(4))),
            size_bytes=_size(library_file(self.path)) + self.index.size(),
        )

    def cites(self, symbol: str) -> list[graph.Edge]:
        """What the document ``symbol`` cites (any of its language versions)."""
        return graph.cites(self.conn, symbol)

    def cited_by(self, symbol: str) -> list[graph.Edge]:
        """The documents of the library that cite ``symbol``, oldest first."""
        return graph.cited_by(self.conn, symbol)

    def series(self, symbol: str) -> list[graph.SeriesEntry]:
        """The resolutions of the series ``symbol`` belongs to (see :mod:`.graph`)."""
        return graph.series(self.conn, symbol)

    def citation_graph(self) -> list[graph.Edge]:
        """Every citation between documents of the library, once per pair."""
        return graph.edges(self.conn)

    def reindex(self) -> int:
        """Recompute what is derived from the records: the full-text index, with the current
        analysis, and the citations."""
        with self.conn:
            self.conn.execute("DELETE FROM citations")
            for document_id, record in self.conn.execute("SELECT id, record FROM documents"):
                document = Document.from_dict(json.loads(record))
                insert_citations(self.conn, document_id, citation_rows(document))
        try:
            count = self.index.rebuild(self.conn)
        finally:
            self.index.close()
        with self.conn:
            set_meta(self.conn, "analysis_version", str(analysis_version()))
        self._stale = False
        return count


def _size(file: Path) -> int:
    return sum(p.stat().st_size for p in file.parent.glob(file.name + "*") if p.is_file())
