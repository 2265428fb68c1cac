"""BM25 computed in Python must give FTS5's own scores, so that ranking does not depend on
which of the two scored a stage."""

from __future__ import annotations

from pathlib import Path

import pytest

from library_docs import english_paragraphs_library
from sixfold.library import Library
from sixfold.search.analysis import terms
from sixfold.search.scoring import Statistics, _varints, bm25, occurrences

TEXTS = (
    "Requests the Secretary-General to report to the General Assembly at its next session",
    "Decides to include in the provisional agenda of its next session the item",
    "Welcomes the report of the Secretary-General and requests the Secretary-General to report",
    "Reaffirms its commitment to the sovereignty of the State",
    "Takes note of the report",
)


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return english_paragraphs_library(tmp_path, TEXTS)


@pytest.mark.parametrize(
    ("data", "values"),
    [(b"\x05", [5]), (b"\x94\x9eo\x8a\xd2\xe6\x13", [331631, 22328083]), (b"\x81\x00", [128])],
)
def test_varints(data: bytes, values: list[int]) -> None:
    assert _varints(data) == values


@pytest.mark.parametrize(
    ("tokens", "phrase", "count"),
    [
        ("a b a b c", "a b", 2),
        ("a b a b c", "b c", 1),
        ("a b", "a b c", 0),
        ("a a a", "a", 3),
    ],
)
def test_occurrences(tokens: str, phrase: str, count: int) -> None:
    assert occurrences(tokens.split(), phrase.split()) == count


@pytest.mark.parametrize(
    ("query", "as_phrase"),
    [
        ("requests the Secretary-General", True),
        ("the report", True),
        ("report the Secretary-General", False),
        ("the report the", False),
    ],
)
def test_scores_equal_fts5_bm25(library: Library, query: str, as_phrase: bool) -> None:
    words = terms(query, "en")
    phrases = [words] if as_phrase else [[w] for w in words]
    match = " AND ".join('"' + " ".join(p) + '"' for p in phrases)
    expected = library.conn.execute(
        "SELECT p.terms, bm25(paragraph_index) FROM paragraph_index"
        " JOIN paragraphs p ON p.id = paragraph_index.rowid WHERE paragraph_index MATCH ?",
        (match,),
    ).fetchall()
    stats = Statistics(library.conn)
    hits = [len(expected)] if as_phrase else [stats.frequency(p[0]) for p in phrases]
    weighted = [(p, stats.idf(n)) for p, n in zip(phrases, hits, strict=True)]
    assert expected
    for row_terms, score in expected:
        assert bm25(row_terms.split(), weighted, stats.mean_length) == pytest.approx(score)
