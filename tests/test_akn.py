"""The AKN4UN reader: golden values on real files, typed errors, and a corpus sweep."""

from __future__ import annotations

import sys
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from sixfold.errors import CorruptFileError, EmptyInputError, SixfoldError, UnsupportedFormatError
from sixfold.readers.akn import agenda_items, read_akn, symbols_in, undocs_symbol

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

GOLDEN: list[tuple[str, str, dict[str, Any]]] = [
    (
        "akn-ga/77session/French.zip",
        "A_RES_77_10-2225538F.xml",
        {
            "symbol": "A/RES/77/10", "language": "fr", "body": "GA", "doc_type": "resolution",
            "session": "77", "number": "77/10", "adopted": "2022-11-10", "issued": "2022-11-14",
            "agenda_items": ["34"], "committee": None, "documents": ["A/77/L.11"],
            "meeting": "33", "job_number": "22-25538", "counts": (12, 48, 7),
            "leads": ["Rappelant", "Rappelant également"], "markers": ["1", "2"],
            "title": "La situation en Afghanistan",
        },
    ),
    (
        "akn-ga/76session/Russian.zip",
        "A_RES_76_100-2118703R.xml",
        {
            "symbol": "A/RES/76/100", "language": "ru", "body": "GA", "doc_type": "resolution",
            "session": "76", "number": "76/100", "adopted": "2021-12-09", "issued": "2021-12-16",
            "agenda_items": ["63"], "committee": "Fourth Committee", "documents": ["A/76/425"],
            "meeting": "49", "job_number": "21-18703", "counts": (27, 13, 0),
            "leads": ["рассмотрев", "принимая к сведению"],
            "markers": [str(n) for n in range(1, 11)],
            "title": "Вопрос об острове Святой Елены",
        },
    ),
    (
        "akn-sc/2020/Chinese.zip",
        "S_RES_2504 (2020)-2000407C.xml",
        {
            "symbol": "S/RES/2504 (2020)", "language": "zh", "body": "SC", "doc_type": "resolution",
            "session": None, "number": "2504 (2020)", "adopted": "2020-01-10",
            "issued": "2020-01-10", "agenda_items": [], "committee": None, "documents": [],
            "meeting": "8700", "job_number": "20-00407", "counts": (6, 10, 0),
            "leads": ["回顾", "重申"], "markers": [], "title": None,
        },
    ),
]  # fmt: skip


@pytest.mark.parametrize(("archive", "member", "want"), GOLDEN, ids=lambda v: str(v)[:24])
def test_golden(corpus: Path, archive: str, member: str, want: dict[str, Any]) -> None:
    doc = read_akn(zipfile.ZipFile(corpus / archive).read(member), member)
    got = {
        "symbol": doc.symbol, "language": doc.language, "body": doc.body,
        "doc_type": doc.doc_type, "session": doc.session, "number": doc.number,
        "adopted": doc.adopted, "issued": doc.issued, "agenda_items": doc.agenda_items,
        "committee": doc.origin.committee, "documents": doc.origin.documents,
        "meeting": doc.meeting, "job_number": doc.job_number,
        "counts": tuple(
            sum(p.kind == k for p in doc.paragraphs) for k in ("preambular", "operative", "other")
        ),
        "leads": [p.lead for p in doc.paragraphs[:2]],
        "markers": [f.marker for f in doc.footnotes], "title": doc.title,
    }  # fmt: skip
    assert got == want
    assert all(p.lead is None or p.text.startswith(p.lead) for p in doc.paragraphs)
    assert len({p.id for p in doc.paragraphs}) == len(doc.paragraphs)


_AKN = b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
_MINIMAL = (
    _AKN
    + b"""<statement name="resolution"><meta/>
<coverPage><p><docNumber refersTo="#symbol">A/RES/1/2</docNumber></p>
<p><docProponent refersTo="#thirdCommittee">[on the report (<inline name="originating document">A/1/5
 and Add.1</inline>)]</docProponent></p></coverPage>
<preamble><container name="Recalling" eId="c1"><p>\t<span class="italic">Recalling </span>its
resolution<authorialNote marker="1"><p>A/RES/1/1.</p></authorialNote>,</p></container></preamble>
<mainBody><paragraph eId="p1"><num>1.</num><list><intro><p><span class="italic">Decides</span>:</p>
</intro><point><num>(a)</num><content><p>one;</p></content></point><point><num>(b)</num><content>
<p>two <a href="https://undocs.org/en/S/RES/2626(2022)">2626 (2022)</a>.</p></content></point>
</list></paragraph><paragraph eId="h1"><subheading>Heading</subheading></paragraph>
<paragraph eId="p2"><content><p>\t2 -\t<span class="bold italic">Urges</span> all.</p></content>
</paragraph></mainBody></statement></akomaNtoso>"""
)


def test_minimal_structure() -> None:
    doc = read_akn(_MINIMAL)
    rows = [(p.id, p.kind, p.number, p.lead, p.text, p.footnotes) for p in doc.paragraphs]
    assert rows == [
        ("c1", "preambular", None, "Recalling", "Recalling its resolution,", ["1"]),
        ("p1", "operative", "1", "Decides", "Decides:\n(a) one;\n(b) two 2626 (2022).", []),
        ("h1", "other", None, None, "Heading", []),
        ("p2", "operative", "2", "Urges", "Urges all.", []),
    ]
    assert (doc.symbol, doc.origin.committee) == ("A/RES/1/2", "Third Committee")
    assert doc.origin.documents == ["A/1/5", "A/1/5/Add.1"]
    assert [(f.marker, f.text) for f in doc.footnotes] == [("1", "A/RES/1/1.")]
    assert doc.citations == ["S/RES/2626 (2022)"]
    assert doc.adopted is None and doc.warnings


def test_repeated_footnote_reference_is_a_marker_not_text() -> None:
    # The XML prints a second reference to a note as superscript digits, glued to the word.
    doc = read_akn(
        _body(
            '<paragraph eId="p1"><num>1.</num><content><p>Recalls the Agenda<authorialNote '
            'marker="3"><p><sup>3</sup> Resolution 70/1.</p></authorialNote>;</p></content>'
            '</paragraph><paragraph eId="p2"><num>2.</num><content><p>Welcomes the Agenda'
            "<sup>3</sup> of 2015,<sup>3</sup> and m<sup>(</sup>x<sup>)</sup>.</p></content>"
            "</paragraph>"
        )
    )
    rows = [(p.text, p.footnotes) for p in doc.paragraphs]
    assert rows == [("Recalls the Agenda;", ["3"]), ("Welcomes the Agenda of 2015, and mx.", ["3"])]
    assert [(f.marker, f.text) for f in doc.footnotes] == [("3", "Resolution 70/1.")]


def _body(main: str) -> bytes:
    return (
        _AKN
        + b'<statement name="resolution"><meta/><mainBody>'
        + main.encode()
        + b"</mainBody></statement></akomaNtoso>"
    )


@pytest.mark.parametrize(
    ("main", "expected"),
    [
        # A crossHeading carries its preambular paragraph inline, with no p inside.
        (
            '<crossHeading eId="x1"><span class="italic">Recalling</span> its resolution,'
            "</crossHeading>",
            [("x1", "preambular", "Recalling", "Recalling its resolution,")],
        ),
        # Headings straight in a section are paragraphs too, one each.
        (
            "<section><subheading>\tI</subheading><subheading>Title</subheading></section>",
            [("other1", "other", None, "I"), ("other2", "other", None, "Title")],
        ),
        # Two headings in one paragraph element are two paragraphs, as in most files...
        (
            '<paragraph eId="h"><subheading>I</subheading><subheading>Title</subheading>'
            "</paragraph>",
            [("h", "other", None, "I"), ("other2", "other", None, "Title")],
        ),
        # ... but a num labels the heading after it.
        (
            '<paragraph eId="h"><num>II</num><subheading>Title</subheading></paragraph>',
            [("h", "other", None, "II\nTitle")],
        ),
        # A heading above the text it heads ("Article 10") is a paragraph of its own.
        (
            '<paragraph eId="p"><subheading>Article 10</subheading><content><p>The Commission'
            " shall:</p></content></paragraph>",
            [
                ("other1", "other", None, "Article 10"),
                ("p", "other", None, "The Commission shall:"),
            ],
        ),
        # "(هـ)" is a sub-item label like "(د)" although its tatweel is not Arabic script.
        (
            '<paragraph eId="p"><num>1 -</num><content><p>تقرر ما يلي:</p></content></paragraph>'
            '<paragraph eId="d"><num>(د)</num><content><p>رابعا؛</p></content></paragraph>'
            '<paragraph eId="e"><num>(هـ)</num><content><p>خامسا.</p></content></paragraph>',
            [("p", "operative", None, "تقرر ما يلي:\n(د) رابعا؛\n(هـ) خامسا.")],
        ),
        # Russian typists write the Latin sub-item letter "a)" in Cyrillic.
        (
            '<paragraph eId="p"><num>1.</num><content><p>Просит:</p></content></paragraph>'
            '<paragraph eId="a"><num>а)</num><content><p>доклад.</p></content></paragraph>',
            [("p", "operative", None, "Просит:\nа) доклад.")],
        ),
        # Roman sub-item labels run to "(viii)"; the closing words of a list that the XML makes
        # a paragraph of their own (no number, no lead, lower case) go with the list.
        (
            '<paragraph eId="p"><num>1.</num><content><p>Condemns:</p></content></paragraph>'
            '<paragraph eId="v"><num>(viii)</num><content><p>one;</p></content></paragraph>'
            '<paragraph eId="x"><content><p>and demands that it stop;</p></content></paragraph>',
            [("p", "operative", None, "Condemns:\n(viii) one;\nand demands that it stop;")],
        ),
        # The opening line of a list is text of its paragraph.
        (
            '<paragraph eId="p"><num>1.</num><content><blockList><listIntroduction>Decides:'
            "</listIntroduction><item><num>(a)</num><p>one.</p></item></blockList></content>"
            "</paragraph>",
            [("p", "operative", None, "Decides:\n(a) one.")],
        ),
    ],
)
def test_body_structure(main: str, expected: list[tuple[str, str, str | None, str]]) -> None:
    paragraphs = read_akn(_body(main)).paragraphs
    assert [(p.id, p.kind, p.lead, p.text) for p in paragraphs] == expected


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", EmptyInputError),
        (b"  \n", EmptyInputError),
        (b"<akomaNtoso><statement>", CorruptFileError),
        (b"not xml at all", CorruptFileError),
        (b"<html><body/></html>", UnsupportedFormatError),
        (
            b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
            UnsupportedFormatError,
        ),
    ],
)
def test_bad_input_raises_typed_errors(data: bytes, error: type[SixfoldError]) -> None:
    with pytest.raises(error):
        read_akn(data, "x.xml")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A/74/L.14和A/74/L.14/Add.1", ["A/74/L.14", "A/74/L.14/Add.1"]),
        ("A/75/450 and A/75/450/Corr.1, para. 7", ["A/75/450", "A/75/450/Corr.1"]),
        ("A/74/L.10 и A/74/L.10/Add. 1", ["A/74/L.10", "A/74/L.10/Add.1"]),
        ("A/ES-11/L.2 and A/ES-11/L.2 /Add.1", ["A/ES-11/L.2", "A/ES-11/L.2/Add.1"]),
        ("A/ES-11/L.2 و A/ES/11/L.2/Add.1", ["A/ES-11/L.2", "A/ES-11/L.2/Add.1"]),
        ("А/74/425", ["A/74/425"]),
        ("A/74/A/74/379/Add.1", ["A/74/379/Add.1"]),
        ("A/77/673/Add/1, párr. 8", ["A/77/673/Add.1"]),
        ("A/75/457Add.1, par. 14", ["A/75/457/Add.1"]),
        ("A/77/L45/Rev.1", ["A/77/L.45/Rev.1"]),
        ("A/77/672/add.1，第6段", ["A/77/672/Add.1"]),
        ("第四委员会", []),
    ],
)
def test_symbols_in(text: str, expected: list[str]) -> None:
    assert symbols_in(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Agenda item 69 (a)", ["69 (a)"]),
        ("البند 127 (أ أ) من جدول الأعمال", ["127 (aa)"]),
        ("116 (هـ)", ["116 (e)"]),
        ("22\u200e\u200f (ه)", ["22 (e)"]),
        ("20和78(a)", ["20", "78 (a)"]),
        ("Points 20 et 78\xa0a)\xa0de l’ordre du jour", ["20", "78 (a)"]),
        ("Пункт 127 аа) повестки дня", ["127 (aa)"]),
        ("议程项目34", ["34"]),
        ("", []),
    ],
)
def test_agenda_items(text: str, expected: list[str]) -> None:
    assert agenda_items(text) == expected


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("https://undocs.org/en/S/RES/2626(2022)", "S/RES/2626 (2022)"),
        ("https://undocs.org/ch/A/RES/75/90", "A/RES/75/90"),
        ("https://undocs.org/A/HRC/51/6", "A/HRC/51/6"),
        ("https://undocs.org/en/S/RES/2042%20(2012)", "S/RES/2042 (2012)"),
        ("https://www.un.org/en/", None),
    ],
)
def test_undocs_symbol(href: str, expected: str | None) -> None:
    assert undocs_symbol(href) == expected


@pytest.mark.slow
def test_sweep_agrees_with_data_extract(corpus: Path) -> None:
    """Every akn-ga file reads or fails with a typed error; facts agree with data_extract."""
    from eval.corpus import iter_akn
    from eval.score import extract_agreement

    from sixfold.subjects.corpus import read_extract

    root = corpus / "akn-ga"
    records = read_extract(root)
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    unreadable = []
    for name, data in iter_akn(root):
        try:
            doc = read_akn(data, name)
        except (EmptyInputError, CorruptFileError) as exc:
            unreadable.append((name, exc.kind))
            continue
        record = records.get(doc.symbol or "")
        for field, ok in extract_agreement(doc, record).items() if record else ():
            hits[field] += ok
            totals[field] += 1
    for field in totals:
        print(f"{field:18} {hits[field] / totals[field]:.4f} ({hits[field]}/{totals[field]})")
    print("unreadable:", unreadable)
    assert len(unreadable) <= 10
    assert sum(hits.values()) / sum(totals.values()) >= 0.99
    assert all(hits[f] / totals[f] >= 0.98 for f in totals)


def test_emergency_special_session(corpus: Path) -> None:
    """The cover page gives an emergency special session as value "11"; the session is ES-11,
    not the eleventh regular session."""
    archive = zipfile.ZipFile(corpus / "akn-ga/ES-11session/English.zip")
    doc = read_akn(archive.read("A_RES_ES-11_3-2205216E.xml"), "A_RES_ES-11_3-2205216E.xml")
    assert (doc.session, doc.number, doc.meeting) == ("ES-11", "ES-11/3", "10")
