"""Masthead reading: resolutions in parts, the number's order, glued lines (tables)."""

from __future__ import annotations

import pytest

from sixfold.structure.masthead import (
    Masthead,
    classify_top,
    is_glued_masthead,
    part_letter,
    resolution_number,
    title_part,
    unglue_number,
)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"number": "77/256", "symbol": "A/RES/77/256 A-B"}, "77/256 A-B"),
        ({"number": "77/290", "symbol": "A/RES/77/290 B"}, "77/290 B"),
        ({"number": "77/290", "symbol": "A/RES/77/291 B"}, "77/290"),
        ({"number": "77/256", "parts": ["A", "B"]}, "77/256 A-B"),
        ({"number": "77/128", "parts": ["A"]}, "77/128 A"),
        # Arabic prints either side first: the session of the masthead decides.
        ({"number": "111/77", "session": "77"}, "77/111"),
        ({"number": "77/111", "session": "77"}, "77/111"),
        ({"number": "290/77", "symbol": "A/RES/77/290 B"}, "77/290 B"),
        ({"number": "ES-11/6", "session": "ES-11"}, "ES-11/6"),
        ({"symbol": "A/RES/77/266", "adoption_line": True}, "77/266"),
        ({"symbol": "A/RES/77/266"}, None),
        ({"number": "65/140"}, "65/140"),
    ],
)
def test_resolution_number(fields: dict[str, object], expected: str | None) -> None:
    assert resolution_number(Masthead(**fields)) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("A", "A"), ("## B", "B"), ("**C**", "C"), ("A new title", None), ("I", None), ("", None),
        ("ألف", "A"), ("## باء", "B"), ("В", "B"), ("ألف - جدول المرتبات", None),
        # A part adopted on its own carries a footnote reference, a token or glued digits.
        ("B\ue0001\ue001", "B"), ("B1", "B"), ("باء(2)", "B"), ("B12 items", None),
    ],
)  # fmt: skip
def test_part_letter(line: str, expected: str | None) -> None:
    assert part_letter(line) == expected


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        (
            "Questions relating to information A Information in the service of humanity",
            ["... to report thereon . B United Nations global communications policies"],
            (
                "Questions relating to information",
                ["A", "B"],
                "Information in the service of humanity",
            ),
        ),
        (
            "United Nations common system A",
            ["... session . B"],
            ("United Nations common system", ["A", "B"], None),
        ),
        ("Plan A for the future", ["No second part."], ("Plan A for the future", [], None)),
        # A part adopted on its own: its letter ends the title, in any script, or is all of it.
        (
            "Financing of the Operation B",
            ["No second part."],
            ("Financing of the Operation", ["B"], None),
        ),
        ("与2021年方案预算有关的特别专题B", [], ("与2021年方案预算有关的特别专题", ["B"], None)),
        ("جيم", [], (None, ["C"], None)),
        (
            "النظام الموحد ألف",
            ["... الطلب . باء إن الجمعية العامة"],
            ("النظام الموحد", ["A", "B"], None),
        ),
    ],
)
def test_title_part(
    title: str, body: list[str], expected: tuple[str, list[str], str | None]
) -> None:
    masthead = Masthead(title=title)
    subtitle = title_part(masthead, body)
    assert (masthead.title, masthead.parts, subtitle) == expected


@pytest.mark.parametrize(
    ("lang", "line", "expected"),
    [
        (
            "ru",
            "Резолюция, принятая Генеральной Ассамблеей 14 декабря 2022 года 77/178. Содействие развитию",
            [
                "Резолюция, принятая Генеральной Ассамблеей 14 декабря 2022 года ",
                "77/178. Содействие развитию",
            ],
        ),
        (
            "en",
            "Recalling its resolution 76/12 of 2021",
            ["Recalling its resolution 76/12 of 2021"],
        ),
        (
            "en",
            "77/178. Promotion of sustainable tourism",
            ["77/178. Promotion of sustainable tourism"],
        ),
    ],
)
def test_unglue_number(lang: str, line: str, expected: list[str]) -> None:
    assert unglue_number(line, lang) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("United NationsA/RES/77/261General AssemblyDistr.: General", True),
        ("Nations UniesA/RES/77/261Assemblée généraleDistr. générale", True),
        ("United Nations", False),
        ("The Office of the United Nations High Commissioner for Refugees", False),
        ("联合国A/RES/76/35大会Distr.: General", True),
        ("United Nations Distr.: General A/RES/1", False),
    ],
)
def test_is_glued_masthead(line: str, expected: bool) -> None:
    assert is_glued_masthead(line) == expected


@pytest.mark.parametrize(
    ("lang", "lines", "expected"),
    [
        (
            "fr",
            [
                "Résolution adoptée par l’Assemblée générale le 12 octobre 2022",
                "Nations UniesA/RES/ES-11/4Assemblée généraleDistr. générale",
                "13 octobre 2022",
            ],
            ("2022-10-12", "2022-10-13"),
        ),
        (
            "en",
            ["Resolution adopted by the General Assembly on 30 June 2023", "30 June 2023"],
            ("2023-06-30", None),
        ),
        ("en", ["Distr.: General", "1 September 2023"], (None, "2023-09-01")),
    ],
)
def test_issue_date_after_distribution(
    lang: str, lines: list[str], expected: tuple[str | None, str | None]
) -> None:
    """A date alone after the adoption line is the adoption date again, unless the
    distribution line just came without its date (an ODS export's trailing masthead)."""
    masthead = Masthead()
    for line in lines:
        classify_top(line, lang, masthead)
    assert (masthead.adopted, masthead.issued) == expected


def test_symbol_cited_in_a_masthead_line_is_not_the_documents() -> None:
    """An agenda item named after a letter cites its symbol beside "United Nations": that is
    not the glued masthead of an export, and the symbol is not the document's."""
    masthead = Masthead()
    line = (
        "Letter dated 28 February 2014 from the Permanent Representative of Ukraine to the "
        "United Nations addressed to the President of the Security Council (S/2014/136)"
    )
    classify_top(line, "en", masthead)
    assert masthead.symbol is None
