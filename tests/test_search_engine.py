"""Ranking: the query's own wording first, then stemmed variants of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from library_docs import english_paragraphs_library
from sixfold.library import Library

EXACT = (
    "Reaffirms its commitment to the sovereignty, independence, unity and territorial integrity"
    " of the State within its internationally recognized borders, as recalled in the reports"
    " submitted over many years to the Assembly and to the Council by the Secretary-General;"
)
VARIANT = "Reaffirming its commitment to the sovereignty, independence and unity of the State,"


@pytest.fixture
def library(tmp_path: Path) -> Library:
    """One English document: a long paragraph with the exact wording after twelve short
    paragraphs that BM25 prefers, which match it only once stemmed."""
    return english_paragraphs_library(tmp_path, [VARIANT] * 12 + [EXACT])


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("Reaffirms its commitment to the sovereignty, independence", EXACT),
        ("reaffirming its commitment to the sovereignty", VARIANT),
        ("REAFFIRMS ITS COMMITMENT", EXACT),
    ],
)
def test_the_exact_wording_ranks_before_stemmed_variants(
    library: Library, query: str, first: str
) -> None:
    hits = library.search(query, limit=3)
    assert hits[0].text == first and hits[0].match == "phrase"
