"""`sixfold align` and `sixfold export tmx` end to end on the seeds, with click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sixfold.cli import cli
from sixfold.library import Library

EN, ZH, LETTER = "003_11614f502356e337.txt", "000_f81cf8e4b70bca3e.txt", "004_02deb06794313d4e.txt"


@pytest.fixture(scope="module")
def library(seeds: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("lib")
    with Library.open(path, create=True) as lib:
        lib.ingest(
            [seeds / name for name in sorted(p.name for p in seeds.glob("00[0-3]*.txt"))], jobs=1
        )
    return path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_align_files_prints_json_lines(seeds: Path) -> None:
    code, out = run("align", str(seeds / EN), str(seeds / ZH))
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert len(records) == 39
    assert [(r["source"], r["target"]) for r in records[:2]] == [
        (["pre1"], ["pre1"]),
        (["pre2"], ["pre2"]),
    ]
    assert all(0 <= r["score"] <= 1 for r in records)


def test_align_sentences(seeds: Path) -> None:
    code, out = run("align", str(seeds / EN), str(seeds / ZH), "--level", "sentence")
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [(r["source"], r["target"]) for r in records[:2]] == [
        (["pre1.s1"], ["pre1.s1"]),
        (["pre2.s1"], ["pre2.s1"]),
    ]


def test_align_side_by_side(seeds: Path) -> None:
    code, out = run("align", str(seeds / EN), str(seeds / ZH), "--format", "side")
    assert code == 0
    assert "pre1 -> pre1" in out
    assert " | " in out


def test_align_symbols_in_the_library(library: Path) -> None:
    code, out = run(
        "align", "A/RES/65/140", "A/RES/65/140", "--library", str(library), "--langs", "en,zh"
    )
    assert code == 0
    assert len(out.splitlines()) == 39


def test_align_reports_a_missing_version(library: Path) -> None:
    result = CliRunner().invoke(
        cli,
        ["align", "A/RES/65/140", "A/RES/65/140", "--library", str(library), "--langs", "en,fr"],
    )
    assert result.exit_code != 0
    assert "no fr version of A/RES/65/140 found" in str(result.exception)


@pytest.mark.parametrize(("fmt", "first"), [("tmx", "<?xml"), ("tsv", "symbol\tparagraph")])
def test_export_one_document(library: Path, tmp_path: Path, fmt: str, first: str) -> None:
    out = tmp_path / f"out.{fmt}"
    code, _ = run(
        "export",
        "tmx",
        "A/RES/65/140",
        "--langs",
        "en,zh",
        "--library",
        str(library),
        "--format",
        fmt,
        "-o",
        str(out),
    )
    assert code == 0
    assert out.read_text("utf-8").startswith(first)


def test_export_whole_library(library: Path) -> None:
    code, out = run("export", "tmx", "--langs", "en,zh,ar", "--library", str(library))
    assert code == 0
    assert out.count("<tu>") == 39


def test_seed_004_has_no_version(seeds: Path, library: Path) -> None:
    from sixfold.align.link import find_version
    from sixfold.parse import parse

    letter = parse(seeds / LETTER)
    with Library.open(library) as lib:
        assert [find_version(lib, letter, lang) for lang in ("en", "ar", "zh")] == [
            None,
            None,
            None,
        ]
        found = find_version(lib, parse(seeds / EN), "zh")
    assert found is not None and found.document.symbol == "A/RES/65/140"
