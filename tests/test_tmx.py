"""TMX 1.4b and TSV export: valid against the published DTD, read back intact by a TMX reader."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from translate.storage.tmx import tmxfile

from sixfold.align.units import Unit
from sixfold.export.tmx import to_tmx, to_tsv

DTD = Path(__file__).parent / "fixtures" / "tmx14.dtd"
UNITS = [
    Unit(
        "A/RES/65/140",
        "pre1",
        {
            "en": "Recalling its resolution 37/4,",
            "zh": "回顾其第37/4号决议，",
            "ar": "إذ تشير إلى قرارها ٣٧/٤،",
        },
        0.91,
    ),
    Unit(
        "A/RES/65/140",
        "op1",
        {"en": 'Takes note <of> the report & "annex";', "zh": "注意到报告；"},
        0.8,
    ),
    Unit(
        None,
        "annex1/a0",
        {"en": "(a) first item\n(b) second item\x0c", "zh": "(a) 第一项\n(b) 第二项"},
        1.0,
    ),
]
LANGS = ["en", "zh", "ar"]


def test_tmx_is_valid_against_the_dtd() -> None:
    tree = etree.fromstring(to_tmx(UNITS, LANGS))
    dtd = etree.DTD(str(DTD))
    assert dtd.validate(tree), dtd.error_log.filter_from_errors()


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("header/@srclang", ["en"]),
        ("header/@segtype", ["paragraph"]),
        ("header/@creationtool", ["sixfold"]),
        ("header/@datatype", ["plaintext"]),
        ("count(body/tu)", 3.0),
        ("body/tu[1]/prop[@type='x-symbol']/text()", ["A/RES/65/140"]),
        ("body/tu[3]/prop[@type='x-paragraph']/text()", ["annex1/a0"]),
        ("body/tu[1]/tuv/@xml:lang", ["en", "zh", "ar"]),
        ("body/tu[2]/tuv/@xml:lang", ["en", "zh"]),
        ("body/tu[1]/tuv[3]/seg/text()", ["إذ تشير إلى قرارها ٣٧/٤،"]),
    ],
)
def test_tmx_content(path: str, expected: object) -> None:
    assert etree.fromstring(to_tmx(UNITS, LANGS)).xpath(path) == expected


def test_tmx_round_trip_through_translate_toolkit() -> None:
    store = tmxfile.parsestring(to_tmx(UNITS, ["en", "zh"]))
    assert [(u.source, u.target) for u in store.units] == [
        (u.texts["en"].replace("\x0c", ""), u.texts["zh"]) for u in UNITS
    ]


def test_tsv_has_a_column_per_language() -> None:
    lines = to_tsv(UNITS[:2], LANGS).splitlines()
    assert lines[0].split("\t") == ["symbol", "paragraph", "score", "en", "zh", "ar"]
    assert lines[2].split("\t")[-1] == ""
