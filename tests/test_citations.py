"""Citations: extraction tables in six languages, the seeds, robustness, the graph commands."""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.eval_citations import Tally, read_version, score

from sixfold import parse
from sixfold.citations import document_citations, find_citations, lead_verb
from sixfold.cli import cli
from sixfold.errors import UsageError

FIRST_PARAGRAPH_65_140 = [
    ("A/RES/37/4", "1982-10-22"),
    ("A/RES/38/4", "1983-10-28"),
    ("A/RES/39/7", "1984-11-08"),
    ("A/RES/40/4", "1985-10-25"),
    ("A/RES/41/3", "1986-10-16"),
    ("A/RES/42/4", "1987-10-15"),
    ("A/RES/43/2", "1988-10-17"),
    ("A/RES/44/8", "1989-10-18"),
    ("A/RES/45/9", "1990-10-25"),
    ("A/RES/46/13", "1991-10-28"),
    ("A/RES/47/18", "1992-11-23"),
    ("A/RES/48/24", "1993-11-24"),
    ("A/RES/49/15", "1994-11-15"),
    ("A/RES/50/17", "1995-11-20"),
    ("A/RES/51/18", "1996-11-14"),
    ("A/RES/52/4", "1997-10-22"),
    ("A/RES/53/16", "1998-10-29"),
    ("A/RES/54/7", "1999-10-25"),
    ("A/RES/55/9", "2000-10-30"),
    ("A/RES/56/47", "2001-12-07"),
    ("A/RES/57/42", "2002-11-21"),
    ("A/RES/59/8", "2004-10-22"),
    ("A/RES/61/49", "2006-12-04"),
    ("A/RES/63/114", "2008-12-05"),
]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Recalling its resolutions 37/4 of 22 October 1982, 38/4 of 28 October 1983 and "
            "63/114 of 5 December 2008, and its resolution 3369 (XXX) of 10 October 1975,",
            [
                ("A/RES/37/4", "resolution", "1982-10-22"),
                ("A/RES/38/4", "resolution", "1983-10-28"),
                ("A/RES/63/114", "resolution", "2008-12-05"),
                ("A/RES/3369 (XXX)", "resolution", "1975-10-10"),
            ],
        ),
        (
            "en",
            "Recalling Security Council resolutions 1325 (2000) and 2467 (2019), Human Rights "
            "Council resolution 5/1 of 18 June 2007 and its decision 65/530,",
            [
                ("S/RES/1325 (2000)", "resolution", None),
                ("S/RES/2467 (2019)", "resolution", None),
                ("A/HRC/RES/5/1", "resolution", "2007-06-18"),
                ("A/DEC/65/530", "decision", None),
            ],
        ),
        (
            "en",
            "Recalling its resolutions 45/58 P of 4 December 1990, 74/255 A and B and 72/304 "
            "of 13 July 2018 on the comprehensive review, and 73/293,",
            [
                ("A/RES/45/58 P", "resolution", "1990-12-04"),
                ("A/RES/74/255 A-B", "resolution", None),
                ("A/RES/72/304", "resolution", "2018-07-13"),
                ("A/RES/73/293", "resolution", None),
            ],
        ),
        (
            "en",
            "for the period 2022/23, as in resolution 5/5 of the Environment Assembly; see "
            "A/77/6 (Sect. 26) and FCCC/CP/2015/10/Add.1, and A/65/PV.68.",
            [
                ("A/77/6 (Sect. 26)", "document", None),
                ("FCCC/CP/2015/10/Add.1", "document", None),
                ("A/65/PV.68", "meeting record", None),
            ],
        ),
        (
            "fr",
            "Rappelant ses résolutions 37/4 du 22 octobre 1982 et 38/4, ainsi que la résolution "
            "5/1 du Conseil des droits de l’homme,",
            [
                ("A/RES/37/4", "resolution", "1982-10-22"),
                ("A/RES/38/4", "resolution", None),
                ("A/HRC/RES/5/1", "resolution", None),
            ],
        ),
        (
            "es",
            "Recordando sus resoluciones 40/151 G, de 16 de diciembre de 1985, y 76/250, de 20 de "
            "enero de 2022, relativa a la negación del Holocausto, y 76/254,",
            [
                ("A/RES/40/151 G", "resolution", "1985-12-16"),
                ("A/RES/76/250", "resolution", "2022-01-20"),
                ("A/RES/76/254", "resolution", None),
            ],
        ),
        (
            "ru",
            "ссылаясь на свои резолюции 56/24 Е от 29 ноября 2001 года и 57/65, а также на "
            "резолюцию S-30/1 Совета по правам человека и резолюцию 242 (1967) Совета Безопасности",
            [
                ("A/RES/56/24 E", "resolution", "2001-11-29"),
                ("A/RES/57/65", "resolution", None),
                ("A/HRC/RES/S-30/1", "resolution", None),
                ("S/RES/242 (1967)", "resolution", None),
            ],
        ),
        (
            "ru",
            "ссылаясь на свои резолюции 75/224 «Осуществление решений Конференции» от 21 декабря "
            "2020 года, 76/202 «О решениях» и 63/71 относительно Конвенции по кассетным "
            "боеприпасам и 70/54, а также на резолюции Совета 2019/15 и 2020/23",
            [
                ("A/RES/75/224", "resolution", None),
                ("A/RES/76/202", "resolution", None),
                ("A/RES/63/71", "resolution", None),
                ("A/RES/70/54", "resolution", None),
                ("E/RES/2019/15", "resolution", None),
                ("E/RES/2020/23", "resolution", None),
            ],
        ),
        (
            "es",
            "Recordando sus resoluciones 61/36, de 4 de diciembre de 2006, en cuyo anexo figura el "
            "texto de los principios sobre la asignación de la pérdida, 65/28 y 68/114",
            [
                ("A/RES/61/36", "resolution", "2006-12-04"),
                ("A/RES/65/28", "resolution", None),
                ("A/RES/68/114", "resolution", None),
            ],
        ),
        (
            "en",
            "Recalling its resolutions 60/1, entitled “Implementation of the decisions of the "
            "Conference”, and 61/2",
            [("A/RES/60/1", "resolution", None), ("A/RES/61/2", "resolution", None)],
        ),
        (
            "ar",
            "إذ تشير إلى قراراتها ٤/٣٧ المؤرخ ٢٢ تشرين الأول/أكتوبر ١٩٨٢ و 67/234 ألف و 1874 (دإ-4) "
            "و دإط-10/15، وإلى قرار الجمعية 35/201،",
            [
                ("A/RES/37/4", "resolution", "1982-10-22"),
                ("A/RES/67/234 A", "resolution", None),
                ("A/RES/1874 (S-IV)", "resolution", None),
                ("A/RES/ES-10/15", "resolution", None),
                ("A/RES/35/201", "resolution", None),
            ],
        ),
        (
            "zh",
            "回顾其1982年10月22日第37/4号、1990年12月4日第45/55 B号和第53/243 A和B号决议，"
            "以及安全理事会第1325(2000)号决议和大会第65/530号决定",
            [
                ("A/RES/37/4", "resolution", "1982-10-22"),
                ("A/RES/45/55 B", "resolution", "1990-12-04"),
                ("A/RES/53/243 A-B", "resolution", None),
                ("S/RES/1325 (2000)", "resolution", None),
                ("A/DEC/65/530", "decision", None),
            ],
        ),
        (
            "en",
            "Recalling its resolutions 40/257 A to C of 18 December 1985, 53/77 AA of "
            "4 December 1998, 59/276, section XI, of 23 December 2004, 69/117, para. 8, "
            "ES\u201110/15 of 20 July 2004 and 72/266 B 5 July 2018, entitled \u201cShifting the "
            "management paradigm\u201d, and 73/281",
            [
                ("A/RES/40/257 A-C", "resolution", "1985-12-18"),
                ("A/RES/53/77 AA", "resolution", "1998-12-04"),
                ("A/RES/59/276", "resolution", "2004-12-23"),
                ("A/RES/69/117", "resolution", None),
                ("A/RES/ES-10/15", "resolution", "2004-07-20"),
                ("A/RES/72/266 B", "resolution", "2018-07-05"),
                ("A/RES/73/281", "resolution", None),
            ],
        ),
        (
            "ar",
            "وإذ تشير إلى قراراتـها 73/72 المؤرخ كانون الأول/ديسمبر 2018 و 74/67 المــؤرخ "
            "12 كانون الأول/ديسمبر 2019 و 48/252 خاء، الجزء الحادي عشر، و 69/117، الفقرة 8، و 59/1",
            [
                ("A/RES/73/72", "resolution", None),
                ("A/RES/74/67", "resolution", "2019-12-12"),
                ("A/RES/48/252 X", "resolution", None),
                ("A/RES/69/117", "resolution", None),
                ("A/RES/59/1", "resolution", None),
            ],
        ),
        (
            "zh",
            "回顾其2018年12月17日第73/170号决议，人权理事会2011年4月29日S-16/1号、2012年3月1日第19/1号决议、"
            "2019年3月22日第40/17号和2019年7月12日第41/23号决议，以及大会第75/1号决议",
            [
                ("A/RES/73/170", "resolution", "2018-12-17"),
                ("A/HRC/RES/S-16/1", "resolution", "2011-04-29"),
                ("A/HRC/RES/19/1", "resolution", "2012-03-01"),
                ("A/HRC/RES/40/17", "resolution", "2019-03-22"),
                ("A/HRC/RES/41/23", "resolution", "2019-07-12"),
                ("A/RES/75/1", "resolution", None),
            ],
        ),
        (
            "es",
            "Recordando las resoluciones de la Asamblea General 60/1, de 18 diciembre de 2014, "
            "y 45/250 A a C, de 21 de diciembre de 1990, párr. 10, y 61/2",
            [
                ("A/RES/60/1", "resolution", None),
                ("A/RES/45/250 A-C", "resolution", "1990-12-21"),
                ("A/RES/61/2", "resolution", None),
            ],
        ),
        (
            "ar",
            "وإذ تشير إلى مقرر مجلس حقوق الإنسان 18/120 المؤرخ 30 أيلول/سبتمبر 2011 وقراراته 24/14 "
            "و 30/2، وإلى قرار المجلس 2255 (2015) وقراري المجلس 2019/15 و 2020/23، والقـرار 53/77 "
            "ألف ألف المؤرخ 4 كانون الأول/ديسمبر 1998 و 2200 ألف (د-21)",
            [
                ("A/HRC/DEC/18/120", "decision", "2011-09-30"),
                ("A/HRC/RES/24/14", "resolution", None),
                ("A/HRC/RES/30/2", "resolution", None),
                ("S/RES/2255 (2015)", "resolution", None),
                ("E/RES/2019/15", "resolution", None),
                ("E/RES/2020/23", "resolution", None),
                ("A/RES/53/77 AA", "resolution", "1998-12-04"),
                ("A/RES/2200 A (XXI)", "resolution", None),
            ],
        ),
        (
            "ar",
            "وإذ تشير إلى القرارات 58/101 باء، الجزء الخامس، الفقرات من 61 إلى 76؛ و 74/306 بعنوان "
            "”توحيد الجهود: الاستجابة“ و 74/307، والقرار اللاحق 75/309",
            [
                ("A/RES/58/101 B", "resolution", None),
                ("A/RES/74/306", "resolution", None),
                ("A/RES/74/307", "resolution", None),
                ("A/RES/75/309", "resolution", None),
            ],
        ),
        (
            "en",
            "Recalling its resolutions 73/148 of 17 December 2018, entitled \u201cIntensification "
            "of efforts: sexual harassment\u201d, and 73/154",
            [
                ("A/RES/73/148", "resolution", "2018-12-17"),
                ("A/RES/73/154", "resolution", None),
            ],
        ),
        (
            "es",
            "y la decisión 18/120 del Consejo de Derechos Humanos, y las resoluciones del Consejo "
            "24/14, de 27 de septiembre de 2013, y 30/2, así como sus resoluciones 65/151, relativa "
            "al Año Internacional, 67/215, y la resolución posterior 75/309",
            [
                ("A/HRC/DEC/18/120", "decision", None),
                ("A/HRC/RES/24/14", "resolution", "2013-09-27"),
                ("A/HRC/RES/30/2", "resolution", None),
                ("A/RES/65/151", "resolution", None),
                ("A/RES/67/215", "resolution", None),
                ("A/RES/75/309", "resolution", None),
            ],
        ),
        (
            "fr",
            "rappelant les résolutions 45/12 du 6 octobre 2020, 48/11 du 8 octobre 2021 et 51/18 "
            "du 6 octobre 2022 du Conseil des droits de l’homme",
            [
                ("A/HRC/RES/45/12", "resolution", "2020-10-06"),
                ("A/HRC/RES/48/11", "resolution", "2021-10-08"),
                ("A/HRC/RES/51/18", "resolution", "2022-10-06"),
            ],
        ),
        (
            "en",
            "Recalling Human Rights Council resolutions 46/27 of 24 March 2021 and 49/31 of "
            "1 April 2022, and General Assembly resolution 76/177",
            [
                ("A/HRC/RES/46/27", "resolution", "2021-03-24"),
                ("A/HRC/RES/49/31", "resolution", "2022-04-01"),
                ("A/RES/76/177", "resolution", None),
            ],
        ),
        (  # dated outside the Assembly's session 37: the council named last
            "en",
            "Recalling Human Rights Council decision 18/120 of 30 September 2011 and resolutions "
            "24/14 of 27 September 2013 and 37/21 of 23 March 2018,",
            [
                ("A/HRC/DEC/18/120", "decision", "2011-09-30"),
                ("A/HRC/RES/24/14", "resolution", "2013-09-27"),
                ("A/HRC/RES/37/21", "resolution", "2018-03-23"),
            ],
        ),
        (  # with no council named, a date's typing slip does not move it
            "ar",
            "إذ تشير إلى قراراتها 53/24 المؤرخ 10 تشرين الثاني/نوفمبر 1988 و 55/189",
            [
                ("A/RES/53/24", "resolution", "1988-11-10"),
                ("A/RES/55/189", "resolution", None),
            ],
        ),
        (  # cited from the Council's report
            "en",
            "Official Records of the General Assembly, Seventy-third Session, Supplement No. 53 "
            "(A/73/53), chap. IV, sect. A, resolution 37/17.",
            [("A/73/53", "document", None), ("A/HRC/RES/37/17", "resolution", None)],
        ),
        (
            "zh",
            "见《大会正式记录，第七十三届会议，补编第53号》(A/73/53)，第四章，A节，第37/17号决议。",
            [("A/73/53", "document", None), ("A/HRC/RES/37/17", "resolution", None)],
        ),
        (  # days of one month; a colon after the noun
            "fr",
            "Rappelant ses résolutions 3148 (XXVIII) et 3187 (XXVIII) des 14 et 18 décembre 1973, "
            "3391 (XXX) du 19 novembre 1975, et les résolutions ci-après du Conseil de sécurité : "
            "1809 (2008) du 16 avril 2008",
            [
                ("A/RES/3148 (XXVIII)", "resolution", None),
                ("A/RES/3187 (XXVIII)", "resolution", "1973-12-18"),
                ("A/RES/3391 (XXX)", "resolution", "1975-11-19"),
                ("S/RES/1809 (2008)", "resolution", "2008-04-16"),
            ],
        ),
        (  # an organ's name stretched with tatweel
            "ar",
            "وإذ تشير إلى قـــرارات مجلــس حقــوق الإنســان 27/13 المؤرخ 25 أيلول/سبتمبر 2014",
            [("A/HRC/RES/27/13", "resolution", "2014-09-25")],
        ),
        (  # "her resolution": the Assembly's, not the council named before
            "ar",
            "تحيط علما بتقرير المقررة الخاصة لمجلس حقوق الإنسان، الذي أُعد بناء على الطلب الوارد "
            "في قرارها 73/157؛",
            [("A/RES/73/157", "resolution", None)],
        ),
        (  # a council named earlier in the sentence, but the dates are the Assembly's
            "es",
            "y el Consejo de Derechos Humanos relativas al terrorismo, las más recientes de las "
            "cuales son sus resoluciones 72/180, de 19 de diciembre de 2017, y 73/174, de 17 de "
            "diciembre de 2018",
            [
                ("A/RES/72/180", "resolution", "2017-12-19"),
                ("A/RES/73/174", "resolution", "2018-12-17"),
            ],
        ),
        (  # an organ inside a subject phrase is not the owner
            "zh",
            "回顾其2011年6月17日关于审查人权理事会的第65/281号决议，又回顾人权理事会关于这个问题的"
            "所有相关决议，包括2012年3月22日第19/11号决议",
            [
                ("A/RES/65/281", "resolution", None),
                ("A/HRC/RES/19/11", "resolution", "2012-03-22"),
            ],
        ),
        ("en", "The Assembly met 24/7 and noted 3 (1990) items.", []),
    ],
)
def test_find_citations(lang: str, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert [(c.target, c.kind, c.date) for c in find_citations(text, lang)] == expected


def test_spans_point_at_the_printed_number() -> None:
    text = "Recalling its resolution 65/140 of 16 December 2010,"
    (citation,) = find_citations(text, "en")
    assert text[citation.start : citation.end] == "65/140"


@pytest.mark.parametrize(
    ("lang", "lead", "verb"),
    [
        ("en", "Recalling also", "recalls"),
        ("en", "Takes note with appreciation", "takes note of"),
        ("fr", "Réaffirmant", "reaffirms"),
        ("es", "Acoge con beneplácito", "welcomes"),
        ("ru", "вновь подтверждая", "reaffirms"),
        ("ar", "وإذ تشير", "recalls"),
        ("zh", "又回顾", "recalls"),
        ("zh", "表示注意到", "takes note of"),
        ("en", "Whereas", None),
        ("en", None, None),
    ],
)
def test_lead_verb(lang: str, lead: str | None, verb: str | None) -> None:
    assert lead_verb(lead, lang) == verb


@given(st.text(max_size=300), st.sampled_from(["ar", "zh", "en", "fr", "ru", "es"]))
def test_any_text_gives_valid_spans(text: str, lang: str) -> None:
    for citation in find_citations(text, lang):
        assert 0 <= citation.start < citation.end <= len(text)


@pytest.mark.parametrize("seed", ["000", "003"])
def test_seed_65_140_cites_its_series_and_documents(seeds: Path, seed: str) -> None:
    (path,) = seeds.glob(f"{seed}*")
    doc = parse(path)
    first = [
        (c.target, c.date) for c in document_citations(doc) if c.paragraph == doc.paragraphs[0].id
    ]
    assert first == FIRST_PARAGRAPH_65_140
    assert {"A/RES/3369 (XXX)", "A/60/633-S/2005/826", "A/65/382-S/2010/490"} <= set(doc.citations)


def test_seed_67_264_in_arabic_cites_the_same_canonical_targets(seeds: Path) -> None:
    (path,) = seeds.glob("001*")
    doc = parse(path)
    assert [t for t, _ in FIRST_PARAGRAPH_65_140] + ["A/RES/65/140"] == [
        c for c in doc.citations if c.startswith("A/RES/") and "(" not in c
    ]


def test_accuracy_against_the_xml_links(corpus: Path) -> None:
    """Regression guard for eval/eval_citations.py on a small sample of each language."""
    from eval.corpus import iter_akn

    files = iter_akn(corpus / "akn-ga" / "77session", sample=120, seed=3)
    versions = [v for name, data in files if (v := read_version(data, name)) is not None]
    tallies: dict[str, Tally] = collections.defaultdict(Tally)
    score(versions, tallies, 0)
    agreed = sum(t.agreed for t in tallies.values())
    assert agreed / sum(t.found for t in tallies.values()) >= 0.94
    assert agreed / sum(t.gold for t in tallies.values()) >= 0.93


def test_cites_cited_by_series_and_graph_commands(seeds: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    library = str(tmp_path / "lib")
    assert runner.invoke(cli, ["ingest", "--library", library, "--json", str(seeds)]).exit_code == 0
    cites = json.loads(
        runner.invoke(cli, ["cites", "A/RES/65/140", "--library", library, "--json"]).output
    )
    assert [e["target"] for e in cites][:24] == [t for t, _ in FIRST_PARAGRAPH_65_140]
    assert {e["verb"] for e in cites[:24]} == {"recalls"}
    citing = runner.invoke(cli, ["cited-by", "A/RES/65/140", "--library", library, "--json"])
    assert [e["source"] for e in json.loads(citing.output)] == ["A/RES/67/264"]
    series = json.loads(
        runner.invoke(cli, ["series", "A/RES/59/8", "--library", library, "--json"]).output
    )
    symbols = [e["symbol"] for e in series]
    assert {"A/RES/59/8", "A/RES/65/140", "A/RES/67/264", "A/RES/37/4"} <= set(symbols)
    assert (
        symbols.index("A/RES/59/8") < symbols.index("A/RES/65/140") < symbols.index("A/RES/67/264")
    )
    graph = runner.invoke(cli, ["graph", "--library", library, "--format", "csv"])
    assert "A/RES/65/140,A/RES/59/8,resolution,recalls,2004-10-22" in graph.output
    missing = runner.invoke(cli, ["cites", "A/RES/1/1", "--library", library])
    assert isinstance(missing.exception, UsageError)
