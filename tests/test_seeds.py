"""The five seed documents: the acceptance facts of the parse issue, then whole-record golden
files (``tests/golden/<seed>.json``; regenerate with ``SIXFOLD_UPDATE_GOLDEN=1 pytest`` and
review the diff by hand: where a golden file disagrees with the document, the document wins)."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest

import sixfold

GOLDEN = Path(__file__).parent / "golden"
SEED_FILES = {
    "000": "000_f81cf8e4b70bca3e.txt",
    "001": "001_a273e5295c9f1c03.txt",
    "002": "002_94b94306ad775ea6.txt",
    "003": "003_11614f502356e337.txt",
    "004": "004_02deb06794313d4e.txt",
}


def parse_seed(seeds: Path, key: str) -> sixfold.Document:
    return sixfold.parse(seeds / SEED_FILES[key])


def kinds(doc: sixfold.Document) -> Counter[str]:
    return Counter(p.kind for p in doc.paragraphs)


@pytest.mark.parametrize("key", ["000", "003"])
def test_a_res_65_140(seeds: Path, key: str) -> None:
    doc = parse_seed(seeds, key)
    assert doc.symbol == "A/RES/65/140"
    assert (doc.session, doc.number, doc.body, doc.doc_type) == ("65", "65/140", "GA", "resolution")
    assert (doc.adopted, doc.issued, doc.meeting) == ("2010-12-16", "2011-04-05", "68")
    assert doc.agenda_items == ["122 (s)"]
    assert doc.origin.committee is None
    assert doc.origin.documents == ["A/65/L.43", "A/65/L.43/Add.1"]
    assert kinds(doc) == {"preambular": 18, "operative": 21}
    assert [p.number for p in doc.paragraphs if p.kind == "operative"] == [
        str(n) for n in range(1, 22)
    ]
    assert all(p.lead and p.text.startswith(p.lead) for p in doc.paragraphs)
    assert [f.marker for f in doc.footnotes] == ["1", "2", "3"]
    assert "A/60/633-S/2005/826" in doc.footnotes[0].text
    assert [p.footnotes for p in doc.paragraphs if p.footnotes] == [["1"], ["2"], ["3"], ["2"]]


def test_a_res_65_140_leads_agree_across_languages(seeds: Path) -> None:
    en, zh = parse_seed(seeds, "003"), parse_seed(seeds, "000")
    assert en.paragraphs[1].lead == "Recalling also" and zh.paragraphs[1].lead == "又回顾"
    assert en.paragraphs[18].lead == "Takes note with satisfaction"
    assert zh.paragraphs[18].lead == "满意地注意到"


def test_a_res_65_140_chinese_paragraph_rejoined_across_page_break(seeds: Path) -> None:
    paragraph = parse_seed(seeds, "000").paragraphs[3]
    assert "和2008年3月13日" in paragraph.text
    assert "见A/60/633" not in paragraph.text


def test_a_res_67_264_arabic(seeds: Path) -> None:
    doc = parse_seed(seeds, "001")
    assert (doc.symbol, doc.session, doc.number, doc.language) == (
        "A/RES/67/264",
        "67",
        "67/264",
        "ar",
    )
    assert (doc.adopted, doc.issued, doc.meeting) == ("2013-05-17", "2013-08-16", "82")
    assert doc.agenda_items == ["121 (r)"]
    assert doc.origin.documents == ["A/67/L.29", "A/67/L.29/Add.1"]
    assert kinds(doc)["operative"] == 22
    assert len(doc.footnotes) == 3
    texts = [p.text for p in doc.paragraphs]
    # Paragraphs split by a page break and its furniture come back whole.
    assert any("عن طريق الحوار والتعاون وإنهاء الاستعمار" in t for t in texts)
    assert any("التواصل مع المنظمات غير الحكومية" in t for t in texts)
    assert not any("الرجاء إعادة الاستعمال" in t or "12-49442" in t for t in texts)
    assert doc.paragraphs[0].lead == "إذ تشير"


def test_a_res_59_8_segmented_chinese(seeds: Path) -> None:
    doc = parse_seed(seeds, "002")
    assert (doc.symbol, doc.adopted, doc.meeting) == ("A/RES/59/8", "2004-10-22", "40")
    assert doc.origin.documents == ["A/59/L.12", "A/59/L.12/Add.1"]
    assert kinds(doc)["operative"] == 12
    assert len(doc.subjects) == 19 and doc.subjects[0] == "COOPERATION BETWEEN ORGANIZATIONS"
    assert " " not in doc.paragraphs[0].text.replace("(XXX)", "")
    assert doc.paragraphs[0].text.startswith("回顾其1982年10月22日第37/4号")


def test_letter_with_annex(seeds: Path) -> None:
    doc = parse_seed(seeds, "004")
    assert doc.doc_type == "letter" and doc.symbol is None and doc.language == "zh"
    assert (doc.session, doc.agenda_items) == ("65", ["122 (s)"])
    assert len(doc.annexes) == 1
    numbered = [p.number for p in doc.annexes[0].paragraphs if p.number]
    assert numbered == [str(n) for n in range(1, 27)]
    # Hard line breaks inside Chinese sentences are joined without spaces.
    assert "阿斯塔纳宣言(见附件)" in doc.paragraphs[0].text


@pytest.mark.parametrize("key", sorted(SEED_FILES))
def test_golden_record(seeds: Path, key: str) -> None:
    record = parse_seed(seeds, key).to_dict()
    record["source"]["path"] = SEED_FILES[key]
    golden = GOLDEN / f"{key}.json"
    if os.environ.get("SIXFOLD_UPDATE_GOLDEN"):
        golden.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert record == json.loads(golden.read_text(encoding="utf-8"))
