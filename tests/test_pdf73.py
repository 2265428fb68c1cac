"""Golden test: the official English PDFs of A/RES/73/3, 6, 7 and 8 (../shared/corpus/pdf).

The expected values in ``golden/pdf73`` were checked by hand against the PDFs themselves (see
docs/evaluation.md): facts from the masthead and closing lines, paragraph texts word for word
against pdfium's own text layer, leads against the italic runs of the PDF, footnote references
against the superscripts.  They are the truth, not the parser's output: where the parser is still
wrong the case is a strict xfail naming the fault, so it flips to a failure once fixed.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
import regex

import sixfold
from sixfold.model import Document

GOLDEN = Path(__file__).parent / "golden" / "pdf73"
NAMES = sorted(path.stem for path in GOLDEN.glob("*.json"))
FACTS = (
    "symbol",
    "session",
    "number",
    "title",
    "adopted",
    "issued",
    "agenda_items",
    "meeting",
)
KNOWN_FAULTS: dict[tuple[str, str], str] = {}


def _case(name: str, aspect: str) -> Any:
    reason = KNOWN_FAULTS.get((name, aspect))
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(name, aspect, id=f"{name}-{aspect}", marks=marks)


@pytest.fixture(scope="module")
def parsed(corpus: Path) -> dict[str, Document]:
    folder = corpus / "pdf" / "ga-resolutions-73"
    return {name: sixfold.parse(folder / f"{name}.pdf") for name in NAMES}


def _golden(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((GOLDEN / f"{name}.json").read_text("utf-8"))
    return data


def _paragraphs(doc: Document) -> list[dict[str, Any]]:
    rows = []
    for p in doc.paragraphs:
        text = regex.sub(r"\s+", " ", p.text).strip()
        rows.append(
            {
                "kind": p.kind,
                "number": p.number,
                "lead": p.lead,
                "footnotes": p.footnotes,
                "head": text[:60],
                "sha1": hashlib.sha1(text.encode()).hexdigest()[:16],
            }
        )
    return rows


@pytest.mark.parametrize(
    ("name", "aspect"),
    [_case(name, aspect) for name in NAMES for aspect in ("facts", "footnotes", "paragraphs")],
)
def test_pdf73(parsed: dict[str, Document], name: str, aspect: str) -> None:
    doc, gold = parsed[name], _golden(name)
    if aspect == "facts":
        got = {key: getattr(doc, key) for key in FACTS}
        got["origin"] = {"committee": doc.origin.committee, "documents": doc.origin.documents}
        assert got == {key: gold[key] for key in (*FACTS, "origin")}
    elif aspect == "footnotes":
        assert len(doc.footnotes) == gold["footnote_count"]
    else:
        assert _paragraphs(doc) == gold["paragraphs"]
