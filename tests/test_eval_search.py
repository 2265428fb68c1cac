"""The search relevance yardstick (eval/eval_search.py): its counting rules, and a small run of
it on a library of a few real resolutions."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest
from eval.eval_search import (
    Outcome,
    answered,
    contains,
    ensure_ingested,
    make_query,
    run,
    summarise,
    verdict,
)

from sixfold.library import Library
from sixfold.search.analysis import fold, tokens


@pytest.mark.parametrize(
    ("top", "source", "containing", "expected"),
    [
        ([(1, True), (2, True), (3, True)], 9, 5, True),  # all contain: source may be lower
        ([(9, True), (2, True), (3, False)], 9, 5, False),  # one neither source nor containing
        ([(2, True), (9, True), (3, False)], 9, 2, True),  # fewer than 3 contain: source is in
        ([(2, True), (3, False), (4, False)], 9, 2, False),  # ... and it is not
        ([(9, True)], 9, 1, True),  # a unique wording found alone
        ([(2, True), (3, True)], 9, 4, False),  # 4 contain but only 2 results
        ([], 9, 1, False),
        ([(1, True), (2, True), (3, True), (4, False)], 9, 3, True),  # only the top 3 count
    ],
)
def test_answered(
    top: list[tuple[int, bool]], source: int, containing: int, expected: bool
) -> None:
    assert answered(top, source, containing) is expected


@pytest.mark.parametrize(
    ("haystack", "needle", "lang", "expected"),
    [
        ("Requests the Secretary-General to report", "the Secretary-General", "en", True),
        ("requests the secretary general", "REQUESTS THE SECRETARY-GENERAL", "en", True),
        ("Requests the Secretary-General to report", "to reports", "en", False),
        ("to reports thereon", "to report", "en", False),  # whole words only
        ("Prie le Secrétaire général", "prie le secretaire", "fr", True),
        ("联合国秘书长的报告", "秘书长", "zh", True),
        ("联合国 秘书长", "国秘", "zh", True),  # spacing inside Chinese does not matter
        ("يطلب إلى الأمين العام", "الى الامين", "ar", True),  # alef forms folded
        ("anything", "", "en", False),
    ],
)
def test_contains(haystack: str, needle: str, lang: str, expected: bool) -> None:
    assert contains(fold(haystack, lang), fold(needle, lang), lang) is expected


TEXTS = {
    "en": "Requests the Secretary-General to submit to the General Assembly at its "
    "seventy-eighth session a report on the implementation of the present resolution;",
    "zh": "请秘书长向大会第七十八届会议提交一份关于本决议执行情况的报告；",
    "ar": "يطلب إلى الأمين العام أن يقدم إلى الجمعية العامة في دورتها الثامنة والسبعين تقريرا",
}


@pytest.mark.parametrize("lang", sorted(TEXTS))
@pytest.mark.parametrize("seed", range(5))
def test_make_query_is_a_window_of_the_paragraph(lang: str, seed: int) -> None:
    text = TEXTS[lang]
    query = make_query(text, lang, random.Random(seed))
    assert query is not None and query in text
    if lang == "zh":
        assert 12 <= len(query) <= 20 and " " not in query
    else:
        assert 6 <= len(list(tokens(query, lang, stem=False))) <= 10


@pytest.mark.parametrize(("text", "lang"), [("Too short a paragraph.", "en"), ("请秘书长", "zh")])
def test_make_query_skips_short_paragraphs(text: str, lang: str) -> None:
    assert make_query(text, lang, random.Random(0)) is None


def _outcome(lang: str, ok: bool) -> Outcome:
    return Outcome(lang, "q", 1, ok, ok, ok, True, True, True, 1)


def test_targets_hold_per_language_not_on_average() -> None:
    outcomes = (
        [_outcome("en", True)] * 300 + [_outcome("zh", True)] * 97 + [_outcome("zh", False)] * 3
    )
    summary = summarise(outcomes)
    assert summary["all"].rates["answered"] > 0.99
    assert summary["zh"].rates["answered"] == 0.97
    assert verdict(summary)["answered"] is False
    assert list(summary) == ["zh", "en", "all"]


FILES_PER_LANGUAGE = 3


@pytest.fixture(scope="module")
def small_corpus(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A few resolutions of session 77 in English, Chinese and Arabic, as plain XML files."""
    folder = tmp_path_factory.mktemp("akn")
    for language in ("English", "Chinese", "Arabic"):
        with zipfile.ZipFile(corpus / "akn-ga" / "77session" / f"{language}.zip") as archive:
            members = sorted(n for n in archive.namelist() if n.endswith(".xml"))
            for member in members[:FILES_PER_LANGUAGE]:
                (folder / f"{language}-{Path(member).name}").write_bytes(archive.read(member))
    return folder


def test_small_library_is_answered(small_corpus: Path, tmp_path: Path) -> None:
    with Library.open(tmp_path / "library", create=True) as library:
        hashes = ensure_ingested(library, [small_corpus], jobs=1)
        assert len(hashes) == 3 * FILES_PER_LANGUAGE
        outcomes = run(library, hashes, ["en", "zh", "ar"], per_language=15, seed=1)
        assert ensure_ingested(library, [small_corpus], jobs=1) == hashes  # reused, not redone
    summary = summarise(outcomes)
    assert [name for name in summary] == ["ar", "zh", "en", "all"]
    assert all(s.count == 15 for name, s in summary.items() if name != "all")
    assert all(verdict(summary).values()), summary
