"""The full-text index: syncing from the queue is idempotent, filters are index queries, and
filter values from users cannot break the query."""

from __future__ import annotations

from pathlib import Path

import pytest

from library_docs import english_paragraphs_library, write_resolutions
from sixfold.errors import UsageError
from sixfold.library import Library
from sixfold.search.index import Filters, _day


@pytest.mark.parametrize(
    ("date", "low", "day"),
    [
        ("2015-12-02", True, 20151202),
        ("2015-12", True, 20151201),
        ("2015", True, 20150101),
        ("2015", False, 20159999),
        ("2015-12", False, 20151299),
    ],
)
def test_date_filters_cover_whole_years_and_months(date: str, low: bool, day: int) -> None:
    assert _day(date, low=low) == day


@pytest.mark.parametrize(
    "date", ["15-12-02", "2015/12/02", "yesterday", "2015-12-02-01", "", "2020-13", "2021-02-30"]
)
def test_a_bad_date_filter_is_a_clear_error(date: str) -> None:
    with pytest.raises(UsageError, match="not a date"):
        _day(date, low=True)


def test_syncing_the_same_queue_twice_adds_nothing(tmp_path: Path) -> None:
    """What a crash between the index commit and clearing the queue leaves: the queue applied
    again must not duplicate entries."""
    lib = english_paragraphs_library(tmp_path, ["Decides to remain seized of the matter;"] * 3)
    before = lib.index.ids()
    with lib.conn:
        lib.conn.execute("INSERT INTO index_queue SELECT id FROM paragraphs")
    assert lib.index.sync(lib.conn, {}) == 3
    lib.index.close()
    assert lib.index.ids() == before and len(before) == 3
    assert lib.conn.execute("SELECT count(*) FROM index_queue").fetchone()[0] == 0


def test_a_deleted_index_is_rebuilt_on_open(tmp_path: Path) -> None:
    write_resolutions(tmp_path / "docs", 2)
    with Library.open(tmp_path / "lib", create=True) as lib:
        lib.ingest([tmp_path / "docs"], jobs=1)
        expected = len(lib.index.ids())
    for file in (tmp_path / "lib" / "index").iterdir():
        file.unlink()
    (tmp_path / "lib" / "index").rmdir()
    with Library.open(tmp_path / "lib") as lib:
        assert len(lib.index.ids()) == expected > 0
        assert lib.search("Requests the Secretary-General")


@pytest.mark.parametrize("lead", ["Requests (a", "[", "Re.*", "\\", "~&#", "Requests"])
def test_lead_filters_are_literal_prefixes(tmp_path: Path, lead: str) -> None:
    write_resolutions(tmp_path / "docs", 2)
    with Library.open(tmp_path / "lib", create=True) as lib:
        lib.ingest([tmp_path / "docs"], jobs=1)
        hits = lib.search("the Secretary-General", Filters(lead=lead), limit=50)
    assert all((h.lead or "").casefold().startswith(lead.casefold()) for h in hits)
    assert bool(hits) == (lead == "Requests")
