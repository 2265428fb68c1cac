"""Tables of real masthead and closing-line strings (seeds and AKN files) per language."""

from __future__ import annotations

import pytest

from sixfold.facts.agenda import parse_agenda_items
from sixfold.facts.dates import find_dates, parse_date
from sixfold.facts.digits import to_ascii_digits
from sixfold.facts.ordinals import (
    ordinal_value,
    parse_meeting,
    parse_meeting_line,
    parse_session,
)
from sixfold.facts.origin import is_adoption_line, parse_adoption_line, parse_origin
from sixfold.model import Origin


@pytest.mark.parametrize(
    ("text", "expected"),
    [("٢٦٤/٦٧", "264/67"), ("۱۲۳", "123"), ("２０１０", "2010"), ("abc 12", "abc 12"), ("", "")],
)
def test_to_ascii_digits(text: str, expected: str) -> None:
    assert to_ascii_digits(text) == expected


DATES = [
    ("en", "16 December 2010", "2010-12-16"),
    ("en", "Resolution adopted by the General Assembly on 7 October 2022", "2022-10-07"),
    ("en", "5 April 2011Sixty-fifth session", "2011-04-05"),
    ("en", "31 February 2010", None),
    ("en", "December 16, 2010", "2010-12-16"),
    ("fr", "16 décembre 2010", "2010-12-16"),
    ("fr", "le 1er janvier 2020", "2020-01-01"),
    ("fr", "adoptée par l’Assemblée générale le 16avril 2021", "2021-04-16"),
    ("fr", "14 novembre 2022", "2022-11-14"),
    ("fr", "30 février 2022", None),
    ("es", "16 de diciembre de 2010", "2010-12-16"),
    ("es", "el 7 de octubre de 2022", "2022-10-07"),
    ("es", "18 de marzo de 2022", "2022-03-18"),
    ("es", "1º de enero de 2020", "2020-01-01"),
    ("es", "sin fecha", None),
    ("ru", "16 декабря 2010 года", "2010-12-16"),
    ("ru", "Генеральной Ассамблеей 7 октября 2022 года", "2022-10-07"),
    ("ru", "14 November 2022", "2022-11-14"),
    ("ru", "10 ноября 2022 года", "2022-11-10"),
    ("ru", "31 июня 2022 года", None),
    ("ar", "١٦ كانون الأول/ديسمبر ٢٠١٠", "2010-12-16"),
    ("ar", "١٧ أيار/مايو ٢٠١٣", "2013-05-17"),
    ("ar", "في 10 كانون الأول/ديسمـــبر 2022", "2022-12-10"),
    ("ar", "2 آذار/مارس 2022", "2022-03-02"),
    ("ar", "7 حزيران 2022", "2022-06-07"),
    ("ar", "14 November 2022", "2022-11-14"),
    ("zh", "2010年12月16日", "2010-12-16"),
    ("zh", "2011 年 7 月 8 日哈萨克斯坦常驻联合国代表给秘书长的信", "2011-07-08"),
    ("zh", "2004年 10月 22日 大会 决议", "2004-10-22"),
    ("zh", "5 April 2011第六十五届会议", "2011-04-05"),
    ("zh", "2010年2月30日", None),
]


@pytest.mark.parametrize(("lang", "text", "expected"), DATES)
def test_parse_date(lang: str, text: str, expected: str | None) -> None:
    assert parse_date(text, lang) == expected


def test_find_dates_spans_point_into_the_text() -> None:
    text = "回顾其1982年10月22日第37/4号、1983年10月28日第38/4号"
    dates = find_dates(text, "zh")
    assert [d.iso for d in dates] == ["1982-10-22", "1983-10-28"]
    assert [text[d.start : d.end] for d in dates] == ["1982年10月22日", "1983年10月28日"]


SESSIONS = [
    ("en", "Sixty-fifth session", "65"),
    ("en", "5 April 2011Sixty-fifth session", "65"),
    ("en", "Seventy-seventh session", "77"),
    ("en", "Tenth emergency special session", "ES-10"),
    ("en", "Thirty-second special session", "S-32"),
    ("en", "Distr.: General", None),
    ("fr", "Soixante-cinquième session", "65"),
    ("fr", "Soixante-dix-septième session", "77"),
    ("fr", "Soixante-quatorzième session", "74"),
    ("fr", "Dixième session extraordinaire d’urgence", "ES-10"),
    ("fr", "Trente-deuxième session extraordinaire", "S-32"),
    ("es", "Sexagésimo quinto período de sesiones", "65"),
    ("es", "Septuagésimo séptimo período de sesiones", "77"),
    ("es", "Septuagésimo cuarto período de sesiones", "74"),
    ("es", "Undécimo período extraordinario de sesiones de emergencia", "ES-11"),
    ("es", "Trigésimo segundo período extraordinario de sesiones", "S-32"),
    ("ru", "Шестьдесят пятая сессия", "65"),
    ("ru", "Семьдесят седьмая сессия", "77"),
    ("ru", "Cемьдесят пятая сессия", "75"),
    ("ru", "Одиннадцатая чрезвычайная специальная сессия", "ES-11"),
    ("ru", "Тридцать вторая специальная сессия", "S-32"),
    ("ar", "الدورة السابعة والستون", "67"),
    ("ar", "الدورة السابعة والسبعون", "77"),
    ("ar", "الدورة الرابعة والسبعون", "74"),
    ("ar", "الدورة الاستثنائية الطارئة العاشرة", "ES-10"),
    ("ar", "الدورة الاستثنائية الثانية والثلاثون", "S-32"),
    ("zh", "第六十五届会议", "65"),
    ("zh", "Distr.: General 5 April 2011第六十五届会议", "65"),
    ("zh", "第七十七届会议", "77"),
    ("zh", "第十届紧急特别会议", "ES-10"),
    ("zh", "第三十二届特别会议", "S-32"),
]


@pytest.mark.parametrize(("lang", "text", "expected"), SESSIONS)
def test_parse_session(lang: str, text: str, expected: str | None) -> None:
    assert parse_session(text, lang) == expected


MEETINGS = [
    ("en", "68th plenary meeting", "68"),
    ("en", "33rd plenary meeting", "33"),
    ("en", "1st plenary meeting", "1"),
    ("en", "69th (resumed) plenary meeting", "69"),
    ("en", "Sixty-eighth plenary meeting", "68"),
    ("fr", "33e séance plénière", "33"),
    ("fr", "1re séance plénière", "1"),
    ("fr", "46e séance plénière (reprise)", "46"),
    ("fr", "15e séance plénière", "15"),
    ("fr", "Point 34 de l’ordre du jour", None),
    ("es", "33a sesión plenaria", "33"),
    ("es", "68ª sesión plenaria", "68"),
    ("es", "Tercera sesión plenaria", "3"),
    ("es", "46a sesión plenaria (continuación)", "46"),
    ("es", "15a sesión plenaria", "15"),
    ("ru", "33‑е пленарное заседание", "33"),
    ("ru", "15-е пленарное заседание", "15"),
    ("ru", "59-e (возобновленное) пленарное заседание", "59"),
    ("ru", "53‑е пленарное заседание", "53"),
    ("ru", "пленарное заседание", None),
    ("ar", "الجلسة العامة ٨٢", "82"),
    ("ar", "الجلسة العامة الثالثة والثلاثون", "33"),
    ("ar", "الجلسة العامة الثانية والثلاثون", "32"),
    ("ar", "الجلسة العامة (المستأنفة) 82", "82"),
    ("ar", "الجلسة العامة 15", "15"),
    ("zh", "第68次全体会议", "68"),
    ("zh", "第33次全体会议", "33"),
    ("zh", "第40 次 全体 会议", "40"),
    ("zh", "第62次全体会议(续会)", "62"),
    ("zh", "第六十八次全体会议", "68"),
]


@pytest.mark.parametrize(("lang", "text", "expected"), MEETINGS)
def test_parse_meeting(lang: str, text: str, expected: str | None) -> None:
    assert parse_meeting(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        *((lang, text, expected) for lang, text, expected in MEETINGS if expected),
        ("en", "56th plenary meeting 30 December 2022", "56"),
        ("en", "at its 3rd plenary meeting, on 16 September 2022,", None),
        ("zh", "2022年12月30日第56次全体会议", "56"),
        ("zh", "第56次全体会议(续会)", "56"),
        (
            "zh",
            "又注意到2022年11月1日至4日由博茨瓦纳主办的金伯利进程第十八次全体会议的成果，",
            None,
        ),
        ("zh", "此建议已在2022年9月16日大会第三次全体会议获得通过，", None),
        ("fr", "46e séance plénière (reprise)", "46"),
        ("ru", "постановляет, что на 27‑м пленарном заседании", None),
    ],
)
def test_parse_meeting_line(lang: str, text: str, expected: str | None) -> None:
    """A closing meeting line, never a sentence of the body that names a meeting."""
    assert parse_meeting_line(text, lang) == expected


ORDINALS = [
    ("en", "sixty-fifth", 65),
    ("en", "one hundred and first", 101),
    ("en", "tenth", 10),
    ("en", "twenty-first", 21),
    ("en", "blue", None),
    ("fr", "soixante et onzième", 71),
    ("fr", "quatre-vingt-dix-neuvième", 99),
    ("fr", "vingt et unième", 21),
    ("fr", "première", 1),
    ("fr", "rouge", None),
    ("es", "decimoséptimo", 17),
    ("es", "vigésimo tercer", 23),
    ("es", "primera", 1),
    ("es", "centésimo", 100),
    ("es", "rojo", None),
    ("ru", "сорок первая", 41),
    ("ru", "девяностой", 90),
    ("ru", "третья", 3),
    ("ru", "сто двадцатая", 120),
    ("ru", "красная", None),
    ("ar", "الحادية عشرة", 11),
    ("ar", "الحادية والعشرون بعد المائة", 121),
    ("ar", "الأولى", 1),
    ("ar", "الثانية والثلاثين", 32),
    ("ar", "الجمعية", None),
    ("zh", "六十五", 65),
    ("zh", "十", 10),
    ("zh", "一百二十一", 121),
    ("zh", "二百", None),
    ("zh", "会议", None),
]


@pytest.mark.parametrize(("lang", "words", "expected"), ORDINALS)
def test_ordinal_value(lang: str, words: str, expected: int | None) -> None:
    assert ordinal_value(words, lang) == expected


AGENDA = [
    ("en", "Agenda item 122 (s)", ["122 (s)"]),
    ("en", "Agenda items 15 and 116", ["15", "116"]),
    ("en", "Agenda item 69 (a)", ["69 (a)"]),
    ("en", "Agenda item 34", ["34"]),
    ("en", "The agenda item 5 was", []),
    ("fr", "Point 122 s) de l’ordre du jour", ["122 (s)"]),
    ("fr", "Points 15 et 116 de l’ordre du jour", ["15", "116"]),
    ("fr", "Point 69 a) de l’ordre du jour", ["69 (a)"]),
    ("fr", "Point 34 de l’ordre du jour", ["34"]),
    ("fr", "Point de vue", []),
    ("es", "Tema 122 s) del programa", ["122 (s)"]),
    ("es", "Temas 15 y 116 del programa", ["15", "116"]),
    ("es", "Tema 69 a) del programa", ["69 (a)"]),
    ("es", "Tema 34 del programa", ["34"]),
    ("es", "Tema central", []),
    ("ru", "Пункт 122 s) повестки дня", ["122 (s)"]),
    ("ru", "Пункты 15 и 116 повестки дня", ["15", "116"]),
    ("ru", "Пункт 69 а) повестки дня", ["69 (a)"]),
    ("ru", "Пункт 34 повестки дня", ["34"]),
    ("ru", "Пункт 3 резолюции гласит", []),
    ("ar", "البند ١٢١ (ص) من جدول الأعمال", ["121 (r)"]),
    ("ar", "البندان 15 و 116 من جدول الأعمال", ["15", "116"]),
    ("ar", "البند 69 (أ) من جدول الأعمال", ["69 (a)"]),
    ("ar", "البند 20 (أ أ) من جدول الأعمال", ["20 (aa)"]),
    ("ar", "البند 20 (هـ) من جدول الأعمال", ["20 (e)"]),
    ("zh", "议程项目122(s)", ["122 (s)"]),
    ("zh", "议程项目 122(s) ", ["122 (s)"]),
    ("zh", "议程项目15和116", ["15", "116"]),
    ("zh", "议程项目69 (a)", ["69 (a)"]),
    ("zh", "请将本信及其附件作为大会议程项目 122(s)的文件分发为荷", []),
]


@pytest.mark.parametrize(("lang", "text", "expected"), AGENDA)
def test_parse_agenda_items(lang: str, text: str, expected: list[str]) -> None:
    assert parse_agenda_items(text, lang) == expected


L43 = ["A/65/L.43", "A/65/L.43/Add.1"]
ORIGINS = [
    ("en", "[without reference to a Main Committee (A/65/L.43 and Add.1)]", Origin(None, L43)),
    (
        "en",
        "[on the report of the Third Committee (A/77/457)]",
        Origin("Third Committee", ["A/77/457"]),
    ),
    (
        "en",
        "[on the report of the Special Political and Decolonization Committee (Fourth Committee)"
        " (A/77/400, para. 12)]",
        Origin("Fourth Committee", ["A/77/400"]),
    ),
    (
        "en",
        "[on the report of the First Committee (A/77/385)]",
        Origin("First Committee", ["A/77/385"]),
    ),
    ("en", "Recalling its resolution 65/140", None),
    ("fr", "[sans renvoi à une grande commission (A/77/L.3)]", Origin(None, ["A/77/L.3"])),
    (
        "fr",
        "[sur la base du rapport de la Troisième Commission (A/77/457)]",
        Origin("Third Committee", ["A/77/457"]),
    ),
    ("fr", "[sans renvoi à une grande commission (A/65/L.43 et Add.1)]", Origin(None, L43)),
    (
        "fr",
        "[sur la base du rapport de la Sixième Commission (A/77/416)]",
        Origin("Sixth Committee", ["A/77/416"]),
    ),
    ("fr", "Rappelant sa résolution", None),
    ("es", "[sin remisión previa a una Comisión Principal (A/77/L.3)]", Origin(None, ["A/77/L.3"])),
    (
        "es",
        "[sobre la base del informe de la Tercera Comisión (A/77/457)]",
        Origin("Third Committee", ["A/77/457"]),
    ),
    ("es", "[sin remisión previa a una Comisión Principal (A/65/L.43 y Add.1)]", Origin(None, L43)),
    (
        "es",
        "[sobre la base del informe de la Quinta Comisión (A/77/600)]",
        Origin("Fifth Committee", ["A/77/600"]),
    ),
    ("es", "Recordando su resolución", None),
    ("ru", "[без передачи в главные комитеты (A/77/L.3)]", Origin(None, ["A/77/L.3"])),
    (
        "ru",
        "[по докладу Третьего комитета (A/77/457, пункт 12)]",
        Origin("Third Committee", ["A/77/457"]),
    ),
    ("ru", "[без передачи в главные комитеты (A/65/L.43 и Add.1)]", Origin(None, L43)),
    ("ru", "[по докладу Второго комитета (А/77/443)]", Origin("Second Committee", ["A/77/443"])),
    ("ru", "ссылаясь на свою резолюцию", None),
    (
        "ar",
        "[دون الإحالة إلى لجنة رئيسية (A/67/L.29 و Add.1)]",
        Origin(None, ["A/67/L.29", "A/67/L.29/Add.1"]),
    ),
    ("ar", "[بناء على تقرير اللجنة الثالثة (A/77/457)]", Origin("Third Committee", ["A/77/457"])),
    (
        "ar",
        "[بناء على تقرير لجنة المسائل السياسية الخاصة وإنهاء الاستعمار (اللجنة الرابعة) (A/77/400)]",
        Origin("Fourth Committee", ["A/77/400"]),
    ),
    ("ar", "[بناء على تقرير اللجنة الأولى (A/77/385)]", Origin("First Committee", ["A/77/385"])),
    ("ar", "إن الجمعية العامة،", None),
    ("zh", "[未经发交主要委员会而通过(A/65/L.43和Add.1)]", Origin(None, L43)),
    ("zh", "[根据第三委员会的报告(A/77/457)通过]", Origin("Third Committee", ["A/77/457"])),
    (
        "zh",
        "[ 未经 发 交 主要 委员会 而 通过 ( A/59/L.12 和 Add.1 ) ]",
        Origin(None, ["A/59/L.12", "A/59/L.12/Add.1"]),
    ),
    (
        "zh",
        "[根据特别政治和非殖民化委员会(第四委员会)的报告通过 (A/77/400)]",
        Origin("Fourth Committee", ["A/77/400"]),
    ),
    ("zh", "大会，", None),
]


@pytest.mark.parametrize(("lang", "text", "expected"), ORIGINS)
def test_parse_origin(lang: str, text: str, expected: Origin | None) -> None:
    assert parse_origin(text, lang) == expected


ADOPTION = [
    ("en", "Resolution adopted by the General Assembly on 16 December 2010", True, "2010-12-16"),
    ("en", "Resolutions adopted by the General Assembly on 7 December 2022", True, "2022-12-07"),
    ("en", "The General Assembly adopted on 16 December 2010", False, None),
    ("en", "Resolution adopted by the General Assembly", True, None),
    ("en", "United NationsA/RES/65/140General Assembly", False, None),
    ("fr", "Résolution adoptée par l’Assemblée générale le 16 décembre 2010", True, "2010-12-16"),
    ("fr", "Résolution adoptée par l’Assemblée générale le 1er décembre 2020", True, "2020-12-01"),
    ("fr", "Résolutions adoptées par l’Assemblée générale le 7 décembre 2022", True, "2022-12-07"),
    ("fr", "Résolution adoptée par l’Assemblée générale le 16avril 2021", True, "2021-04-16"),
    ("fr", "L’Assemblée générale,", False, None),
    (
        "es",
        "Resolución aprobada por la Asamblea General el 16 de diciembre de 2010",
        True,
        "2010-12-16",
    ),
    (
        "es",
        "Resoluciones aprobadas por la Asamblea General el 7 de diciembre de 2022",
        True,
        "2022-12-07",
    ),
    ("es", "Resolución aprobada por la Asamblea General el 2 de junio de 2021", True, "2021-06-02"),
    ("es", "Resolución aprobada por la Asamblea General", True, None),
    ("es", "La Asamblea General,", False, None),
    ("ru", "Резолюция, принятая Генеральной Ассамблеей 16 декабря 2010 года", True, "2010-12-16"),
    ("ru", "Резолюции, принятые Генеральной Ассамблеей 7 декабря 2022 года", True, "2022-12-07"),
    ("ru", "Резолюция, принятая Генеральной Ассамблеей", True, None),
    ("ru", "Резолюция, принятая Генеральной Ассамблеей 30 июня 2020 года", True, "2020-06-30"),
    ("ru", "Генеральная Ассамблея,", False, None),
    ("ar", "قرار اتخذته الجمعية العامة", True, None),
    ("ar", "قرار اتخذته الجمعية العامة في 7 تشرين الأول/أكتوبر 2022", True, "2022-10-07"),
    ("ar", "قراران اتخذتهما الجمعية العامة في 7 كانون الأول/ديسمبر 2022", True, "2022-12-07"),
    ("ar", "قرار اتخذته الجمعية العامة في٢ آب/أغسطس ٢٠٢٢", True, "2022-08-02"),
    ("ar", "إن الجمعية العامة،", False, None),
    ("zh", "2010年12月16日大会决议", True, "2010-12-16"),
    ("zh", "## 2010年12月16日大会决议", True, "2010-12-16"),
    ("zh", "2004年 10月 22日 大会 决议", True, "2004-10-22"),
    ("zh", "2022年3月2日大会决议", True, "2022-03-02"),
    ("zh", "大会，", False, None),
]


@pytest.mark.parametrize(("lang", "text", "is_line", "date"), ADOPTION)
def test_adoption_line(lang: str, text: str, is_line: bool, date: str | None) -> None:
    assert is_adoption_line(text, lang) is is_line
    assert parse_adoption_line(text, lang) == date


# --- Corpus agreement: the AKN cover pages of session 77 against their own markup -------------

_SHARED = __import__("pathlib").Path(__file__).resolve().parents[1] / ".." / "shared"
_AKN77 = _SHARED / "corpus" / "akn-ga" / "77session"
_LANG = {"ara": "ar", "zho": "zh", "eng": "en", "fra": "fr", "rus": "ru", "spa": "es"}
_COMMITTEES = {
    "#noMainCommittee": None,
    "#firstCommittee": "First Committee",
    "#secondCommittee": "Second Committee",
    "#thirdCommittee": "Third Committee",
    "#fourthCommittee": "Fourth Committee",
    "#fifthCommittee": "Fifth Committee",
    "#sixthCommittee": "Sixth Committee",
}


def _text(element: object) -> str:
    return " ".join("".join(element.itertext()).split())  # type: ignore[attr-defined]


def _title_items(title: str, lang: str) -> list[str]:
    """The markup's item title ("69 a)", "69 (أ)", "15 و 116") in canonical form."""
    import regex

    from sixfold.facts.lang import data

    letters = data(lang)["agenda"]["letters"]
    found = regex.findall(r"(\d+)\s*\(?\s*((?:[^\W\d_]\s?){0,3}?)\s*\)", title + " ")
    numbers = regex.findall(r"\d+", title)
    if len(found) != len(numbers):
        return numbers
    return [
        f"{n} ({''.join(letters.get(c, c) for c in sub if not c.isspace())})" if sub else n
        for n, sub in found
    ]


def _checks(xml: bytes) -> tuple[str, list[tuple[str, object, object]]]:
    """(language, [(field, parsed, expected)]) for one AKN file."""
    from lxml import etree

    from sixfold.symbols import find_symbols

    root = etree.fromstring(xml)
    ns = {"a": root.nsmap[None]}

    def first(path: str) -> list[etree._Element]:
        return root.xpath(path, namespaces=ns)  # type: ignore[no-any-return]

    lang = _LANG[first("//a:FRBRExpression/a:FRBRlanguage")[0].get("language")]
    checks: list[tuple[str, object, object]] = []
    for session in first("//a:coverPage//a:session[@value]"):
        expected = session.get("value")
        if _text(session) and expected:
            checks.append(("session", parse_session(_text(session), lang), expected))
    for item in first("//a:coverPage//a:inline[@name='agenda item'][@title]"):
        items = _title_items(item.get("title"), lang)
        checks.append(("agenda", parse_agenda_items(_text(item), lang), items))
    for proponent in first("//a:coverPage//a:docProponent[@refersTo]"):
        refers = proponent.get("refersTo")
        if refers in _COMMITTEES:
            documents = [
                str(m.symbol)
                for inline in proponent.xpath(".//a:inline", namespaces=ns)
                for m in find_symbols(_text(inline))
            ]
            origin = parse_origin(_text(proponent), lang)
            checks.append(("origin", origin, Origin(_COMMITTEES[refers], documents)))
    adopted = first("//a:FRBRWork/a:FRBRdate[@name='adoption']")
    titles = first("//a:coverPage//a:docTitle")
    if adopted and titles and adopted[0].get("date"):
        checks.append(
            ("adoption", parse_adoption_line(_text(titles[0]), lang), adopted[0].get("date"))
        )
    return lang, checks


@pytest.mark.slow
def test_corpus_agreement() -> None:
    """Every cover-page fact of session 77 parses to the value its markup gives (~100%)."""
    import zipfile
    from collections import Counter

    if not _AKN77.is_dir():
        pytest.skip("shared corpus not available")
    total: Counter[tuple[str, str]] = Counter()
    agree: Counter[tuple[str, str]] = Counter()
    failures = []
    for archive in sorted(_AKN77.glob("*.zip")):
        with zipfile.ZipFile(archive) as zf:
            for name in zf.namelist():
                try:
                    lang, checks = _checks(zf.read(name))
                except Exception:  # unparsable XML in the corpus is not our concern here
                    continue
                for field, parsed, expected in checks:
                    total[(lang, field)] += 1
                    if parsed == expected:
                        agree[(lang, field)] += 1
                    else:
                        failures.append((name, field, parsed, expected))
    for key in sorted(total):
        print(f"{key[0]} {key[1]:9} {agree[key]}/{total[key]} = {agree[key] / total[key]:.1%}")
    for failure in failures[:40]:
        print("MISMATCH", *failure)
    assert sum(agree.values()) >= 0.98 * sum(total.values())
