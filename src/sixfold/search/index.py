"""The full-text index of a library: tantivy, over the terms :mod:`sixfold.search.analysis` makes.

Why tantivy rather than SQLite's FTS5 (measurements in docs/library.md): on the same terms a
bare query takes tenths of a millisecond where FTS5 took several, and it scores BM25 without
walking whole posting lists.  Analysis stays in Python, so the index only splits on spaces.

The index is derived data.  SQLite holds the records, and every insert or delete of a paragraph
queues its id in ``index_queue`` by trigger, in the same transaction (see
:mod:`sixfold.library.store`).  :meth:`ParagraphIndex.sync` applies the queue and clears it
only after the index has committed.  Applying an id is idempotent (delete its entry, add it
again if the paragraph still exists), so a crash anywhere means at worst doing part of the
queue twice, and ``kill -9`` can never leave the index disagreeing with the records once the
next ingest (or search) has synced.

Each paragraph is indexed with two word fields: ``terms`` (stemmed: finds variants) and
``words`` (folded, not stemmed: a phrase over it is exactly "contains this wording"), and the
facts searches filter on, so a filtered search is one query.
"""

from __future__ import annotations

import datetime
import json
import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import tantivy
from tantivy import Occur, Query

from sixfold.errors import UsageError
from sixfold.search.analysis import Analysis, analyse

INDEX_DIR = "index"
# Paragraph ids applied per chunk of the queue: bounds the memory a large sync holds.
_CHUNK = 5_000
# The writer's memory; each time it fills, a segment is written, and searches visit each.
_WRITER_HEAP = 200_000_000
# Rust regex syntax (tantivy's regex query) for the lead filter's literal prefix.
_REGEX_META = set("\\.+*?()|[]{}^$#&-~")


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("id", indexed=True, fast=True)
    for name in ("terms", "words"):
        builder.add_text_field(name, tokenizer_name="whitespace", index_option="position")
    for name in ("lang", "kind", "body", "doc_type", "agenda", "lead"):
        builder.add_text_field(name, tokenizer_name="raw", index_option="basic")
    for name in ("session", "adopted"):
        builder.add_integer_field(name, indexed=True, fast=True)
    return builder.build()


SCHEMA = _schema()


@dataclass(frozen=True)
class Filters:
    """Restrictions on the documents and paragraphs searched; ``None`` means any."""

    languages: tuple[str, ...] | None = None
    body: str | None = None
    doc_type: str | None = None
    session_from: int | None = None
    session_to: int | None = None
    date_from: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    date_to: str | None = None
    agenda_item: str | None = None
    kind: str | None = None
    lead: str | None = None  # the start of the lead, any case

    def clauses(self) -> list[Query]:
        """What every hit must match, language aside (:func:`within` adds it)."""
        out = [
            Query.term_query(SCHEMA, name, value)
            for name, value in (
                ("body", self.body),
                ("doc_type", self.doc_type),
                ("kind", self.kind),
                ("agenda", self.agenda_item),
            )
            if value is not None
        ]
        ranges = (
            ("session", self.session_from, self.session_to),
            ("adopted", _day(self.date_from, low=True), _day(self.date_to, low=False)),
        )
        for name, low, high in ranges:
            if low is not None or high is not None:
                out.append(Query.range_query(SCHEMA, name, tantivy.FieldType.Integer, low, high))
        if self.lead is not None:
            prefix = "".join("\\" + c if c in _REGEX_META else c for c in self.lead.casefold())
            out.append(Query.regex_query(SCHEMA, "lead", prefix + ".*"))
        return out


NO_FILTERS = Filters()


def _day(date: str | None, *, low: bool) -> int | None:
    """A date filter as the integer YYYYMMDD; a year or month stands for its first or last day."""
    if date is None:
        return None
    day = _as_day(date, low=low)
    if day is None:
        raise UsageError(f"{date!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
    return day


def _as_day(date: str, *, low: bool) -> int | None:
    """YYYY-MM-DD, YYYY-MM or YYYY as the integer YYYYMMDD (``None`` if it is none of them,
    or names a month or day that does not exist: 2020-13 is a typo, not the end of 2020)."""
    parts = date.split("-")
    if not (1 <= len(parts) <= 3 and all(p.isdigit() for p in parts) and len(parts[0]) == 4):
        return None
    numbers = [int(p) for p in parts]
    try:
        year, month, day = [*numbers, 1, 1][:3]
        datetime.date(year, month, day)
    except ValueError:
        return None
    padded = numbers + ([1, 1] if low else [99, 99])[len(parts) - 1 :]
    return padded[0] * 10_000 + padded[1] * 100 + padded[2]


def phrase(field: str, words_: list[str]) -> Query:
    """The words as consecutive tokens of ``field`` (one word: the term alone)."""
    if len(words_) == 1:
        return Query.term_query(SCHEMA, field, words_[0])
    return Query.phrase_query(SCHEMA, field, list(words_))


def every(field: str, words_: list[str]) -> Query:
    return Query.boolean_query([(Occur.Must, Query.term_query(SCHEMA, field, w)) for w in words_])


def some(field: str, words_: list[str]) -> Query:
    return Query.boolean_query([(Occur.Should, Query.term_query(SCHEMA, field, w)) for w in words_])


def within(per_languages: Mapping[tuple[str, ...], Query], filters: Filters) -> Query:
    """Each query restricted to paragraphs of its languages, any of them matching, all under
    the filters: one search however many languages a query is tried in.  Languages that
    analyse a query alike share one query (a Latin-script query in en, fr and es, unstemmed)."""
    branches = [
        Query.boolean_query([(Occur.Must, some("lang", list(langs))), (Occur.Must, query)])
        for langs, query in per_languages.items()
    ]
    clauses = filters.clauses()
    if len(branches) == 1 and not clauses:
        return branches[0]
    either = (
        branches[0]
        if len(branches) == 1
        else Query.boolean_query([(Occur.Should, branch) for branch in branches])
    )
    return Query.boolean_query([(Occur.Must, q) for q in [either, *clauses]])


# Everything an index entry needs, for the paragraph ids of a JSON list (first parameter).
_ENTRY_ROWS = """
SELECT p.id, d.sha256, p.position, p.text, d.language, p.kind, p.lead, d.body, d.doc_type,
       d.session_number, d.adopted, d.agenda_items
FROM paragraphs p JOIN documents d ON d.id = p.document_id
WHERE p.id IN (SELECT value FROM json_each(?))
"""


class ParagraphIndex:
    """The index directory of a library, for searching and (holding the writer lock) syncing."""

    def __init__(self, directory: Path, *, create: bool) -> None:
        self.directory = directory
        fresh = not (directory / "meta.json").exists()
        if fresh and not create:
            raise FileNotFoundError(directory)
        directory.mkdir(parents=True, exist_ok=True)
        try:
            self._index = tantivy.Index(SCHEMA, str(directory), reuse=not fresh)
        except ValueError as error:
            raise UsageError(f"the index at {directory} cannot be read ({error})") from None
        self._writer: tantivy.IndexWriter | None = None
        self._pushed: set[int] = set()  # paragraph ids handed to the writer, not committed

    def search(self, query: Query, limit: int) -> list[tuple[float, int]]:
        """(score, paragraph id) of the best ``limit`` matches, best first (ties: lower id)."""
        if limit <= 0:
            return []
        searcher = self._index.searcher()
        hits = searcher.search(query, limit, count=False).hits
        ids = searcher.fast_field_values("id", [address for _, address in hits])
        found = [(float(score), int(i or 0)) for (score, _), i in zip(hits, ids, strict=True)]
        return sorted(found, key=lambda hit: (-hit[0], hit[1]))

    def every_match(self, query: Query) -> list[int]:
        """The ids of all paragraphs matching ``query`` (for exact-wording search)."""
        searcher = self._index.searcher()
        result = searcher.search(query, 1, count=True)
        count = int(result.count or 0)  # type: ignore[attr-defined]  # the stub omits count
        return [i for _, i in self.search(query, count)]

    def size(self) -> int:
        return sum(p.stat().st_size for p in self.directory.iterdir() if p.is_file())

    def indexed(self) -> int:
        return int(self._index.searcher().num_docs)

    def ids(self) -> list[int]:
        """Every paragraph id the index holds, sorted, repeats kept (a consistency check)."""
        return sorted(self.every_match(Query.all_query()))

    # --- writing ------------------------------------------------------------------------

    def lock(self) -> None:
        """Take the writer lock: one ingest per library at a time."""
        if self._writer is None:
            try:
                self._writer = self._index.writer(heap_size=_WRITER_HEAP, num_threads=1)
            except ValueError as error:
                raise UsageError(
                    f"another process is writing to the library at {self.directory.parent}"
                    f" ({error})"
                ) from None

    def push(self, conn: sqlite3.Connection, known: Mapping[tuple[str, int], Analysis]) -> int:
        """Hand the queued paragraphs not yet handed over to the writer (not yet committed);
        ``known`` holds analyses already made (by ingest workers), by (document hash,
        paragraph position).  Returns how many."""
        self.lock()
        assert self._writer is not None
        queued = [
            i
            for (i,) in conn.execute("SELECT paragraph_id FROM index_queue")
            if i not in self._pushed
        ]
        for start in range(0, len(queued), _CHUNK):
            chunk = queued[start : start + _CHUNK]
            # By query: deleting by term does not reach unsigned fields from Python.
            self._writer.delete_documents_by_query(Query.term_set_query(SCHEMA, "id", chunk))
            for document in _documents(conn, chunk, known):
                self._writer.add_document(document)
        self._pushed.update(queued)
        return len(queued)

    def commit(self, conn: sqlite3.Connection) -> None:
        """Commit what was pushed, then take it off the queue (a crash in between leaves it
        queued, and applying it again changes nothing)."""
        if self._writer is None or not self._pushed:
            return
        self._writer.commit()
        with conn:
            conn.execute(
                "DELETE FROM index_queue WHERE paragraph_id IN (SELECT value FROM json_each(?))",
                (json.dumps(sorted(self._pushed)),),
            )
        self._pushed.clear()
        self._index.reload()

    def sync(self, conn: sqlite3.Connection, known: Mapping[tuple[str, int], Analysis]) -> int:
        """Push and commit: the index holds every record again.  Returns the count pushed."""
        count = self.push(conn, known)
        self.commit(conn)
        return count

    def rebuild(self, conn: sqlite3.Connection) -> int:
        """Index every paragraph afresh (``sixfold reindex``): the queue becomes all of them."""
        self.lock()
        assert self._writer is not None
        self._writer.delete_all_documents()
        queue_all(conn)
        return self.sync(conn, {})

    def close(self) -> None:
        """Let pending segment merges finish (fewer segments: faster searches), then unlock.
        Anything pushed and not committed is dropped: it is still queued."""
        if self._writer is not None:
            self._writer.rollback()
            self._writer.wait_merging_threads()
            self._writer = None
            self._pushed.clear()


def queue_all(conn: sqlite3.Connection) -> None:
    """Queue every paragraph: the next sync (re)makes the whole index."""
    with conn:
        conn.execute("INSERT OR IGNORE INTO index_queue SELECT id FROM paragraphs")


def _documents(
    conn: sqlite3.Connection, ids: list[int], known: Mapping[tuple[str, int], Analysis]
) -> Iterator[tantivy.Document]:
    """The index entries of the paragraphs ``ids``: their words and the facts filters ask
    about; the analysis is taken from ``known`` when an ingest worker made it already."""
    for row in conn.execute(_ENTRY_ROWS, (json.dumps(ids),)):
        paragraph_id, sha256, position, text, lang, kind, lead, body, doc_type = row[:9]
        session, adopted, agenda = row[9:]
        terms, words = known.get((sha256, position)) or analyse(text, lang)
        doc = tantivy.Document()
        doc.add_unsigned("id", paragraph_id)
        doc.add_text("terms", " ".join(terms))
        doc.add_text("words", " ".join(words))
        for name, value in (("lang", lang), ("kind", kind), ("body", body), ("doc_type", doc_type)):
            if value is not None:
                doc.add_text(name, value)
        if lead is not None:
            doc.add_text("lead", lead.casefold())
        for item in json.loads(agenda):
            doc.add_text("agenda", item)
        if session is not None:
            doc.add_integer("session", session)
        day = _as_day(adopted, low=True) if adopted else None
        if day is not None:
            doc.add_integer("adopted", day)
        yield doc
