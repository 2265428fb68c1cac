"""The library on disk: one SQLite file, the source of truth, beside its full-text index.

Why SQLite for the records: it ships with Python (nothing to install or start), any SQLite tool
reads it, and its transactions make each ingest batch all-or-nothing.  The full-text index
(:mod:`sixfold.search.index`, directory ``index/``) is derived: every insert or delete of a
paragraph queues the paragraph's id in ``index_queue`` by trigger, in the same transaction, and
the index applies and clears the queue after its own commit.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sixfold.errors import UsageError

LIBRARY_FILE = "sixfold.sqlite"
SCHEMA_VERSION = 2

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    symbol TEXT,
    language TEXT,
    body TEXT,
    doc_type TEXT,
    session TEXT,
    session_number INTEGER,
    number TEXT,
    title TEXT,
    adopted TEXT,
    issued TEXT,
    agenda_items TEXT NOT NULL,   -- JSON list
    record TEXT NOT NULL          -- the whole Document as JSON
);
CREATE INDEX IF NOT EXISTS documents_symbol ON documents (symbol, language);
CREATE TABLE IF NOT EXISTS files (
    source TEXT PRIMARY KEY,      -- a path, or "archive.zip!member"
    sha256 TEXT NOT NULL,
    document_id INTEGER REFERENCES documents (id),
    error_kind TEXT,
    error_message TEXT
);
CREATE INDEX IF NOT EXISTS files_sha ON files (sha256);
CREATE TABLE IF NOT EXISTS paragraphs (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id),
    position INTEGER NOT NULL,    -- order in the document, annexes after the body
    pid TEXT NOT NULL,            -- the record's paragraph id ("op3", "annex1.other2", "para_12")
    kind TEXT NOT NULL,
    number TEXT,
    lead TEXT,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS paragraphs_document ON paragraphs (document_id, position);
CREATE TABLE IF NOT EXISTS citations (
    document_id INTEGER NOT NULL REFERENCES documents (id),
    target TEXT NOT NULL,         -- canonical symbol of the cited document
    kind TEXT NOT NULL,           -- resolution, decision, document, meeting record
    date TEXT,
    pid TEXT,                     -- the citing paragraph's id ("fn3" for a footnote)
    verb TEXT,                    -- the English verb of that paragraph's lead
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS citations_document ON citations (document_id);
CREATE INDEX IF NOT EXISTS citations_target ON citations (target);
-- Paragraph ids whose index entry is to be (re)made or removed: see sixfold.search.index.
CREATE TABLE IF NOT EXISTS index_queue (paragraph_id INTEGER PRIMARY KEY);
CREATE TRIGGER IF NOT EXISTS paragraphs_ai AFTER INSERT ON paragraphs BEGIN
    INSERT OR IGNORE INTO index_queue VALUES (new.id);
END;
CREATE TRIGGER IF NOT EXISTS paragraphs_ad AFTER DELETE ON paragraphs BEGIN
    INSERT OR IGNORE INTO index_queue VALUES (old.id);
END;
"""


def library_file(path: str | Path) -> Path:
    """The SQLite file of a library given as its directory (or the file itself)."""
    path = Path(path)
    return path if path.suffix == ".sqlite" else path / LIBRARY_FILE


def connect(path: str | Path, *, create: bool) -> sqlite3.Connection:
    """Open (and with ``create``, make) a library.  WAL lets searches run while ingest writes."""
    file = library_file(path)
    if not file.exists():
        if not create:
            raise UsageError(f"no library at {file.parent}; run `sixfold ingest` first")
        file.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(file, timeout=60, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        _check_version(conn, file)
        with conn:
            conn.executescript(_SCHEMA)
            conn.execute(
                "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
            )
    except sqlite3.DatabaseError as error:
        raise UsageError(f"{file} is not a sixfold library ({error})") from None
    return conn


def _check_version(conn: sqlite3.Connection, file: Path) -> None:
    """Refuse a library of another schema before touching it."""
    has_meta = conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'meta'").fetchone()[0]
    version = get_meta(conn, "schema_version") if has_meta else None
    if version not in (None, str(SCHEMA_VERSION)):
        conn.close()
        raise UsageError(
            f"the library at {file.parent} was made by another version of sixfold (schema"
            f" {version}); ingest its documents into a new library"
        )


def get_meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))
