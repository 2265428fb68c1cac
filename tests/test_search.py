"""Analysis per language, query safety (fuzzed), and the library commands end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from library_docs import write_resolutions
from sixfold.cli import cli
from sixfold.errors import UsageError
from sixfold.library import Library
from sixfold.search.analysis import fold, terms


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Requests the Secretary-General", "en", ["request", "the", "secretari", "general"]),
        ("Prie le Secrétaire général", "fr", ["pri", "le", "secretair", "general"]),
        ("Pide al Secretario General", "es", ["pid", "al", "secretari", "general"]),
        ("просит Генерального секретаря", "ru", ["прос", "генеральн", "секретар"]),
        ("请秘书长", "zh", ["请", "秘", "书", "长"]),
        ("A/77/L.5 号", "zh", ["a", "7", "7", "l", "5", "号"]),  # a window may cut a number
        ("تُطلب إلى الأمين العامّة", "ar", ["تطلب", "الي", "الامين", "العامه"]),
        ("قرارها ٧٦/٦٢", "ar", ["قرارها", "76", "62"]),
        ("الـــعامة", "ar", ["العامه"]),
    ],
)
def test_terms(text: str, lang: str, expected: list[str]) -> None:
    assert terms(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Réaffirme, également:", "fr", "reaffirme egalement"),
        ("联合国 秘书长", "zh", "联合国秘书长"),
        ("الأمين العام", "ar", "الامين العام"),
    ],
)
def test_fold(text: str, lang: str, expected: str) -> None:
    assert fold(text, lang) == expected


@pytest.fixture(scope="module")
def library_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli")
    write_resolutions(root / "docs", 4)
    Library.open(root / "lib", create=True).ingest([root / "docs"], jobs=1)
    return root / "lib"


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=60))
def test_any_query_string_gives_results_or_a_clear_error(library_dir: Path, query: str) -> None:
    library = Library.open(library_dir)
    for search in (library.search, library.exact):
        try:
            hits = search(query)
        except UsageError as error:
            assert "no words" in str(error)
        else:
            assert isinstance(hits, list)


@pytest.mark.parametrize(
    "query",
    ['"', "(", "a OR", "NOT NOT", "*", "^x", "col:x", "NEAR(a b)", "a AND (b", "'; DROP TABLE x"],
)
def test_query_operators_are_words_not_syntax(library_dir: Path, query: str) -> None:
    Library.open(library_dir).search(query + " secretary")


def test_cli_ingest_search_show_stats(tmp_path: Path) -> None:
    write_resolutions(tmp_path / "docs", 3)
    runner = CliRunner()
    lib = ["--library", str(tmp_path / "lib")]
    ingest = runner.invoke(cli, ["ingest", *lib, "--jobs", "1", "--json", str(tmp_path / "docs")])
    assert ingest.exit_code == 0, ingest.output
    assert json.loads(ingest.stdout)["ingest"]["added"] == 3
    found = runner.invoke(cli, ["search", *lib, "--json", "report on subject 2"])
    assert found.exit_code == 0, found.output
    assert json.loads(found.stdout)[0]["symbol"] == "A/RES/65/2"
    shown = runner.invoke(cli, ["show", *lib, "A/RES/65/2"])
    assert "Requests the Secretary-General to report on subject 2" in shown.stdout
    stats = runner.invoke(cli, ["stats", *lib, "--json"])
    assert json.loads(stats.stdout)["documents"] == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", "x"], "no library"),
        (["ingest"], "give files"),
        (["ingest", "/no/such/path"], "no such file"),
        (["search", "x", "--session", "77-75"], "ends before it starts"),
    ],
)
def test_cli_errors_are_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, [*args, "--library", str(tmp_path / "none")])
    assert isinstance(result.exception, UsageError)
    assert message in str(result.exception)
