"""Scoring rules of eval/score.py as tables, plus the harness run on a stub form and parser."""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.eval_parse import evaluate, report
from eval.score import (
    aggregate,
    align,
    extract_values,
    field_accuracy,
    footnote_hits,
    lead_hits,
    score,
    text_f1,
    tokens,
)

from sixfold.model import Document, Footnote, Origin, Paragraph


def para(text: str, lead: str | None = None) -> Paragraph:
    return Paragraph("x", "operative", None, lead, text)


def doc(*paras: Paragraph, **facts: object) -> Document:
    d = Document(language="en", paragraphs=list(paras), **facts)  # type: ignore[arg-type]
    return d


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Recalling  its\tresolution", "en", ["Recalling", "its", "resolution"]),
        ("回顾 决议", "zh", ["回", "顾", "决", "议"]),
        ("ＡＢ", "en", ["AB"]),
    ],
)
def test_tokens(text: str, lang: str, expected: list[str]) -> None:
    assert tokens(text, lang) == expected


@pytest.mark.parametrize(
    ("gold", "parsed", "expected"),
    [
        (["a b", "c d"], ["a b", "c d"], [(0, 0), (1, 1)]),
        (["a b", "c d", "e f"], ["a b", "e f"], [(0, 0), (2, 1)]),
        (["a b c", "d e"], ["a b c d e"], [(0, 0)]),
        (["x y", "z"], ["x  y ", "q"], [(0, 0)]),
    ],
)
def test_align(gold: list[str], parsed: list[str], expected: list[tuple[int, int]]) -> None:
    assert align(gold, parsed, "en") == expected


@pytest.mark.parametrize(
    ("gold", "parsed", "expected"),
    [
        (["a b", "c d"], ["a b", "c d"], 1.0),
        (["a b", "c d"], [], 0.0),
        ([], [], 1.0),
        (["a b c d"], ["a b"], 2 * 1.0 * 0.5 / 1.5),
        (["a b", "c d"], ["a b c d"], 2 * 0.5 * 0.5 / 1.0),
    ],
)
def test_text_f1(gold: list[str], parsed: list[str], expected: float) -> None:
    assert text_f1(gold, parsed, "en") == pytest.approx(expected)


@pytest.mark.parametrize(
    ("gold", "parsed", "expected"),
    [
        ({"symbol": "A/RES/1/2", "meeting": None}, {"symbol": "A/RES/1/2"}, {"symbol": True}),
        ({"symbol": "A/RES/1/2"}, {"symbol": "A/RES/1/3"}, {"symbol": False}),
        ({"symbol": "A/RES/1/2"}, None, {"symbol": False}),
        (
            {"agenda_items": frozenset({"1", "2 (a)"})},
            {"agenda_items": frozenset({"2 (a)", "1"})},
            {"agenda_items": True},
        ),
        (
            {"committee": None, "origin_documents": frozenset({"A/1/L.1"})},
            {"committee": "Third Committee", "origin_documents": frozenset({"A/1/L.1"})},
            {"committee": False, "origin_documents": True},
        ),
        ({"committee": None, "origin_documents": frozenset()}, {}, {}),
    ],
)
def test_field_accuracy(gold: dict, parsed: dict | None, expected: dict) -> None:
    assert field_accuracy(gold, parsed) == expected


def test_lead_and_footnote_hits() -> None:
    gold = [para("Recalling x", "Recalling"), para("Notes y", "Notes"), para("z")]
    parsed = [para("Recalling x", "Recalling"), para("Notes y", "Notes y")]
    assert lead_hits(gold, parsed, [(0, 0), (1, 1)]) == (1, 2)
    g = Document(footnotes=[Footnote("1", "A/1/2."), Footnote("2", "Ibid.")])
    p = Document(footnotes=[Footnote("1", "A/1/2. "), Footnote("3", "Ibid.")])
    assert footnote_hits(g, p) == (1, 2)
    assert footnote_hits(g, None) == (0, 2)


@pytest.mark.parametrize(
    ("record", "field", "expected"),
    [
        ({"symbol": "A/RES/75/245 B", "resolution_number": "75/245. B"}, "number", "75/245 B"),
        ({"symbol": "x", "resolution_number": "76/247. A B  C"}, "number", "76/247 A-C"),
        ({"symbol": "x", "resolution_number": "Resolution 2504 (2020)"}, "number", "2504 (2020)"),
        ({"symbol": "x", "adoption_date": "7 December 2022"}, "adopted", "2022-12-07"),
        ({"symbol": "x", "adoption_date": "2019-12-18 00:00:00"}, "adopted", "2019-12-18"),
        ({"symbol": "x", "adoption_meeting": "54th (resumed) plenary meeting"}, "meeting", "54"),
        ({"symbol": "x", "committee": "Without reference to a Main Committee"}, "committee", None),
        (
            {"symbol": "x", "originating_document": "A/77/385, para. 110"},
            "origin_documents",
            frozenset({"A/77/385"}),
        ),
    ],
)
def test_extract_values(record: dict, field: str, expected: object) -> None:
    assert extract_values(record)[field] == expected


def test_parser_failure_fails_every_metric() -> None:
    gold = doc(para("Recalling x", "Recalling"), symbol="A/RES/1/2", meeting="3")
    result = score("d", "plain", gold, None, error="corrupt")
    assert result.fields == {"symbol": False, "meeting": False}
    assert (result.text_f1, result.lead, result.paragraph_count) == (0.0, (0, 1), False)


def test_harness_with_stub_form_and_parser() -> None:
    """The identity form and a parser that returns the gold score perfectly."""
    data = (
        b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
        b'<statement name="resolution"><coverPage><p><docNumber refersTo="#symbol">A/RES/1/2'
        b'</docNumber></p></coverPage><mainBody><paragraph eId="p1"><num>1.</num><content><p>'
        b'<span class="italic">Decides</span> so.</p></content></paragraph></mainBody>'
        b"</statement></akomaNtoso>"
    )
    golds: dict[str, Document] = {}

    def render(xml: bytes, gold: Document, form: str, seed: int) -> str | None:
        golds["last"] = gold
        return None if form == "none" else gold.symbol

    def parse(text: bytes) -> Document:
        if form_state["broken"]:
            raise ValueError("boom")
        return copy.deepcopy(golds["last"])

    form_state = {"broken": False}
    run = evaluate([("f.xml", data)], ("id", "none"), render, parse, 0, {})
    table = aggregate(run.scores)
    assert [s.form for s in run.scores] == ["id"]
    assert table["symbol"] == (1.0, 1) and table["text_f1"] == (1.0, 1)
    assert table["lead"] == (1.0, 1) and table["paragraph_count"] == (1.0, 1)
    assert "PASS" in report(run, "sig", 1) and "sig" in report(run, "sig", 1)
    form_state["broken"] = True
    run = evaluate([("f.xml", data)], ("id",), render, parse, 0, {})
    assert run.scores[0].error == "ValueError" and aggregate(run.scores)["symbol"] == (0.0, 1)
    assert Origin() == Origin(None, [])
