"""Ranking: the query's own wording first, then stemmed variants of it; snippets mark the wording."""

from __future__ import annotations

from pathlib import Path

import pytest

from library_docs import english_paragraphs_library
from sixfold.library import Library
from sixfold.search.analysis import terms
from sixfold.search.engine import Filters, query_languages, snippet

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


@pytest.mark.parametrize(
    ("query", "languages"),
    [
        ("Requests the Secretary-General to report", ("en",)),
        ("Invite les États Membres et les organisations à contribuer", ("fr",)),
        ("Pide al Secretario General que le presente un informe sobre la cuestión", ("fr", "es")),
        ("Prie le Secrétaire général de lui présenter un rapport sur la question", ("fr",)),
        ("mise en œuvre de la stratégie", ("en", "fr", "es")),  # too few words to tell
        ("Secretary-General", ("en", "fr", "es")),
        ("秘书长", ("zh",)),
        ("64/269, 65/289", ("ar", "zh", "en", "fr", "ru", "es")),
    ],
)
def test_a_query_is_searched_in_the_languages_it_can_be_in(
    query: str, languages: tuple[str, ...]
) -> None:
    assert query_languages(query, Filters()) == languages


def test_exact_mode_does_not_guess_the_language() -> None:
    assert query_languages("Requests the Secretary-General", Filters(), guess=False) == (
        "en",
        "fr",
        "es",
    )


@pytest.mark.parametrize(
    ("text", "query", "lang", "phrase_hit", "marked"),
    [
        (
            "Commends the Secretary-General for a report, and requests the Secretary-General"
            " to report",
            "Requests the Secretary-General to report",
            "en",
            "Commends **the Secretary-General** for a report, and **requests the"
            " Secretary-General to report**",
            "Commends **the Secretary-General** for a **report**, and **requests the"
            " Secretary-General to report**",
        ),
        (
            "请秘书长提交报告，并提出建议",
            "秘书长提交报告",
            "zh",
            "请**秘书长提交报告**，并提出建议",
            "请**秘书长提交报告**，并**提**出建议",
        ),
        # no run in the window: every word stays marked, phrase hit or not
        ("Climate finance for change", "climate change", "en", None, None),
    ],
)
def test_a_phrase_hit_marks_the_wording_not_each_lone_word(
    text: str, query: str, lang: str, phrase_hit: str | None, marked: str | None
) -> None:
    wanted = set(terms(query, lang))
    every_word = "**Climate** finance for **change**"
    assert snippet(text, wanted, lang, runs_only=True) == (phrase_hit or every_word)
    assert snippet(text, wanted, lang) == (marked or every_word)
