"""The library: ingest is idempotent, replaces changed files, records failures and survives
kill -9; search puts paragraphs containing the wording first; filters and versions work."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from library_docs import resolution, write_resolutions
from sixfold.errors import UsageError
from sixfold.library import Library
from sixfold.search.engine import Filters


def _ingest(library: Path, *paths: Path, jobs: int = 1) -> Library:
    lib = Library.open(library, create=True)
    lib.ingest(list(paths), jobs=jobs)
    return lib


def _content(library: Path) -> tuple[object, ...]:
    """Everything a user can observe, independent of row ids and insertion order: the records,
    and which paragraphs the index holds (repeats would show)."""
    conn = sqlite3.connect(library / "sixfold.sqlite")
    files = sorted(conn.execute("SELECT source, sha256, error_kind FROM files"))
    docs = sorted(conn.execute("SELECT symbol, language, record FROM documents"))
    query = "SELECT p.id, d.symbol, p.pid, p.text FROM paragraphs p JOIN documents d ON d.id = p.document_id"
    paras = {row[0]: row[1:] for row in conn.execute(query)}
    with Library.open(library) as lib:
        indexed = sorted(paras.get(i, ("missing", str(i), "")) for i in lib.index.ids())
        found = len(lib.exact("subject"))
    return files, docs, sorted(paras.values()), indexed, found


def test_ingest_is_idempotent_and_replaces_changed_files(tmp_path: Path) -> None:
    paths = write_resolutions(tmp_path / "docs", 5)
    lib = _ingest(tmp_path / "lib", tmp_path / "docs")
    again = lib.ingest([tmp_path / "docs"], jobs=1)
    assert (again.added, again.skipped, again.failed) == (0, 5, 0)
    paths[0].write_text(resolution(1).replace("next session", "eightieth session"), "utf-8")
    changed = lib.ingest([tmp_path / "docs"], jobs=1)
    assert (changed.added, changed.replaced, changed.skipped) == (0, 1, 4)
    assert lib.stats().documents == 5
    assert [h.symbol for h in lib.search("eightieth session")][:1] == ["A/RES/65/1"]
    assert not lib.exact("on subject 1 at its next session")


def test_zip_archives_are_folders(tmp_path: Path) -> None:
    paths = write_resolutions(tmp_path / "docs", 3)
    archive = tmp_path / "session.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in paths:
            zf.write(path, f"inner/{path.name}")
    lib = _ingest(tmp_path / "lib", archive)
    sources = [s for (s,) in lib.conn.execute("SELECT source FROM files ORDER BY source")]
    assert [s.rsplit("!", 1)[1] for s in sources] == [f"inner/{p.name}" for p in paths]


def test_a_hundred_malformed_files_are_all_reported(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_resolutions(docs, 10)
    rng = random.Random(7)
    for i in range(100):
        kind = i % 4
        data = (
            b""
            if kind == 0
            else bytes(rng.randrange(256) for _ in range(200))
            if kind == 1
            else b"%PDF-1.7\n" + rng.randbytes(64)
            if kind == 2
            else f"shopping list {i}: eggs, milk".encode()
        )
        (docs / f"bad_{i:03}.dat").write_bytes(data)
    lib = Library.open(tmp_path / "lib", create=True)
    report = lib.ingest([docs], jobs=2)
    assert (report.added, report.failed) == (10, 100)
    failures = lib.failures()
    assert len(failures) == 100
    assert all(Path(source).name.startswith("bad_") and message for source, _, message in failures)
    assert lib.ingest([docs], jobs=1).skipped == 110  # failures are not retried needlessly


_INGEST_SCRIPT = """
import sys
from pathlib import Path
from sixfold.library import Library
Library.open(sys.argv[1], create=True).ingest([Path(sys.argv[2])], jobs=1)
"""


def test_kill_9_during_ingest_leaves_a_library_that_a_rerun_completes(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_resolutions(docs, 150)
    expected_lib = tmp_path / "expected"
    _ingest(expected_lib, docs).close()
    expected = _content(expected_lib)

    crashed = tmp_path / "crashed"
    rng = random.Random(11)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    for _ in range(4):
        proc = subprocess.Popen(
            [sys.executable, "-c", _INGEST_SCRIPT, str(crashed), str(docs)], env=env
        )
        time.sleep(rng.uniform(0.3, 1.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    _ingest(crashed, docs).close()
    assert _content(crashed) == expected


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root = tmp_path_factory.mktemp("search")
    write_resolutions(root / "65", 6, session=65)
    write_resolutions(root / "70", 3, session=70)
    return _ingest(root / "lib", root / "65", root / "70")


def test_phrase_matches_come_first(library: Library) -> None:
    hits = library.search("report on subject 3 at its next")
    assert hits[0].symbol == "A/RES/65/3" and hits[0].match == "phrase"
    assert hits[0].kind == "operative" and hits[0].number == "1"
    assert "**report on subject 3 at its next** session" in hits[0].snippet


@pytest.mark.parametrize(
    ("filters", "symbols"),
    [
        (Filters(session_from=70), {"A/RES/70/1", "A/RES/70/2", "A/RES/70/3"}),
        (Filters(session_from=65, session_to=65, kind="preambular"), set()),
        (Filters(date_from="2015-12-01", date_to="2015-12-03"), {"A/RES/70/1", "A/RES/70/2"}),
        (Filters(lead="Requests", session_to=65), {f"A/RES/65/{n}" for n in range(1, 7)}),
        (Filters(languages=("fr",)), set()),
    ],
)
def test_filters(library: Library, filters: Filters, symbols: set[str]) -> None:
    hits = library.search("Requests the Secretary-General", filters, limit=50)
    assert {h.symbol for h in hits} == symbols


def test_exact_wording_oldest_first_and_grouped(library: Library) -> None:
    hits = library.exact("Decides to remain seized of the matter")
    assert len(hits) == 9
    assert [h.adopted for h in hits] == sorted(h.adopted or "" for h in hits)
    groups = library.exact_grouped("Decides to remain seized of the matter")
    assert [len(g.hits) for g in groups] == [9]


@pytest.mark.parametrize("query", ["", "!!!", "   ", "«»"])
def test_a_query_without_words_is_a_clear_error(library: Library, query: str) -> None:
    with pytest.raises(UsageError, match="no words"):
        library.search(query)


def test_opening_a_missing_library_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no library"):
        Library.open(tmp_path / "nowhere")


def test_also_shows_the_aligned_paragraph_where_ids_and_numbers_mislead(
    tmp_path: Path, corpus: Path
) -> None:
    """A/RES/74/263 numbers each of its sections from 1 and its AKN ids differ between
    languages: its English paragraph 9 of section "Wastewater" is neither the French
    paragraph of the same id nor the first French paragraph 9."""
    session = corpus / "akn-ga" / "74session"
    docs = tmp_path / "docs"
    docs.mkdir()
    for language, member in (("English", "English/74_263.xml"), ("French", "French/74_263_F.xml")):
        with zipfile.ZipFile(session / f"GA resolutions_74session_{language}.zip") as archive:
            (docs / Path(member).name).write_bytes(archive.read(member))
    library = _ingest(tmp_path / "lib", docs)
    hits = library.search("Welcomes the wastewater treatment plans under way", Filters(("en",)))
    assert hits[0].number == "9"
    library.add_versions(hits[:1], ["fr", "zh"])
    assert hits[0].also == {
        "fr": "Se félicite des plans de traitement des eaux usées et prie le Secrétaire général"
        " de lui rendre compte à ce sujet dans son prochain rapport ;"
    }
