"""Body structure of parsed text: headings, parts and the paragraphs between them."""

from __future__ import annotations

import pytest

from sixfold.structure.body import build_paragraphs
from sixfold.structure.build import parse_text
from sixfold.structure.langdata import structure_data

_MASTHEAD = "United Nations\nA/RES/77/999 A-B\nGeneral Assembly\n77/999.\tCommon system\n"
# Full paragraphs, so that the text is not taken for hard-wrapped lines.
_PREAMBLE = (
    "\tRecalling its resolution 76/1 of 1 December 2021 on the common system of salaries,\n" * 6
)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A resolution in parts: each part letter heads its part; the formula of each part is
        # not a paragraph.
        (
            "A\n\tThe General Assembly,\n\tRecalling its resolution 76/1,\n\t1.\tDecides to act;\n"
            "B\n\tThe General Assembly,\n\tNoting the report,\n\t1.\tRequests a report;\n",
            ["A", "Recalling its resolution 76/1,", "Decides to act;", "B", "Noting the report,",
             "Requests a report;"],
        ),
        # The closing words of a list belong to its paragraph.
        (
            "\tThe General Assembly,\n" + _PREAMBLE + "\t1.\tDecides that the plan rests on:\n"
            "\t(a)\tInvesting in people,\n\t(b)\tMobilizing partnerships,\n"
            "\tAs well as on the commitments contained therein;\n\t2.\tNotes the report;\n",
            [*["Recalling its resolution 76/1 of 1 December 2021 on the common system of salaries,"]
             * 6, "Decides that the plan rests on:\n(a)\tInvesting in people,\n(b)\tMobilizing "
             "partnerships,\nAs well as on the commitments contained therein;", "Notes the report;"],
        ),
        # Headings of a section stand alone, however many lines they take.
        (
            "\tThe General Assembly,\n" + _PREAMBLE + "\t1.\tDecides to act;\nPart VIII\n"
            "Common support services\nSection 29A\nDepartment of Management\n"
            "\t2.\tNotes the report;\n",
            [*["Recalling its resolution 76/1 of 1 December 2021 on the common system of salaries,"]
             * 6, "Decides to act;", "Part VIII", "Common support services", "Section 29A",
             "Department of Management", "Notes the report;"],
        ),
    ],
)  # fmt: skip
def test_body_paragraphs(body: str, expected: list[str]) -> None:
    closing = "40th plenary meeting\n30 December 2022\n"
    doc = parse_text(_MASTHEAD + body + closing, lang="en")
    assert [p.text for p in doc.paragraphs] == expected


@pytest.mark.parametrize(
    ("lang", "blocks", "expected"),
    [
        # Closing words of a list: after a sub-item ending with a comma, no lead...
        ("ru", ["1. Ссылается на решения:", "a) Совета;", "b) Конференции,", "и подчеркивает их;"], 1),
        # ... or in lower case where no paragraph opens in lower case.
        ("fr", ["1. Rappelle les décisions :", "a) du Conseil ;", "et souligne leur importance ;"], 1),
        # A lead after the list opens a paragraph; so does any line after a finished sub-item in
        # Russian, whose leads are in lower case.
        ("ru", ["1. Ссылается на решения:", "a) Совета,", "2. Просит доклад;"], 2),
        ("ru", ["1. Ссылается на решения:", "a) Совета;", "отмечая доклад,"], 2),
    ],
)  # fmt: skip
def test_list_closing_words(lang: str, blocks: list[str], expected: int) -> None:
    assert len(build_paragraphs(blocks, structure_data(lang))) == expected


def test_formula_without_comma_and_adopted_declaration() -> None:
    """After "The General Assembly" without its comma the first paragraph is operative; a
    declaration it adopts has headings and unnumbered opening words ("We, ...") of kind other,
    and a later paragraph with a lead is preambular again (a new part's preamble)."""
    blocks = [
        "Adopts the following political declaration:",
        "Political declaration on tuberculosis",
        "We, Heads of State and Government, reaffirm our commitment, and we therefore:",
        "1. Reaffirm the 2030 Agenda;",
        "Recalling its resolution 72/1,",
    ]
    paragraphs = build_paragraphs(blocks, structure_data("en"), operative_first=True)
    assert [(p.kind, p.lead) for p in paragraphs] == [
        ("operative", "Adopts"),
        ("other", None),
        ("other", None),
        ("operative", None),
        ("preambular", "Recalling"),
    ]


def test_ods_export_of_a_resolution_adopted_without_a_meeting() -> None:
    """Adopted by the silence procedure (2020): no meeting line ends the body, so the masthead
    an ODS export prints after it does; the date alone at the end is the adoption date, and
    the issue date below the footnotes ("10 April 2020...") opens no footnote 10."""
    notes = "".join(f"{n} A/74/{600 + n}.\n" for n in range(1, 10))
    text = (
        "[DU1]Resolution adopted by the General Assembly on 9 April 2020\n"
        "74/270.\tA title\n\n\n\tThe General Assembly,\n"
        + _PREAMBLE
        + "\t1.\tDecides to act;1\n\t2.\tRequests a report.\n\n9 April 2020\n"
        + notes
        + "<<ODS DOC SYMBOL1>>A/RES/74/270<<ODS DOC SYMBOL1>>\n\n"
        "United NationsA/RES/74/270General AssemblyDistr.: General\n"
        "10 April 2020Seventy-fourth session\nAgenda item 133\n\n20-05572\n*2005572*\n"
    )
    doc = parse_text(text)
    assert (doc.adopted, doc.issued, doc.agenda_items, doc.meeting) == (
        "2020-04-09",
        "2020-04-10",
        ["133"],
        None,
    )
    assert [p.text for p in doc.paragraphs][-2:] == ["Decides to act;", "Requests a report."]
    assert len(doc.footnotes) == 9


def test_part_adopted_on_its_own() -> None:
    """A part letter alone under the title, with the footnote that renames the first part "A",
    belongs to the number; only a resolution printed in parts heads its parts in the body."""
    text = (
        "General Assembly\n\nDistr.: General\n7 July 2022\nSeventy-sixth session\n\n"
        "Resolution adopted by the General Assembly on 29 June 2022\n\n"
        "76/244. Financing of the Operation\n\nB<sup>1</sup>\n\n*The General Assembly*,\n\n"
        + _PREAMBLE.replace("\t", "").replace("\n", "\n\n")
        + "1. *Decides* to act.\n\n89th plenary meeting\n\n29 June 2022\n\n"
        "<sup>1</sup> Resolution 76/244 becomes resolution 76/244 A.\n"
    )
    doc = parse_text(text)
    assert (doc.symbol, doc.number) == ("A/RES/76/244 B", "76/244 B")
    assert len(doc.paragraphs) == 7
    assert doc.paragraphs[0].lead == "Recalling"


def test_short_segmented_resolution_without_subject_header() -> None:
    """A resolution short enough to fit in 2,000 characters, on one tokenised line and with no
    subject header, is segmented text still: its line goes on after the enacting formula."""
    text = (
        " Резолюция , принятая Генеральной Ассамблеей 18 декабря 2019 года [ по докладу "
        "Шестого комитета ( A/74/440 ) ] 74/196. Предоставление Группе статуса наблюдателя "
        "Генеральная Ассамблея , желая содействовать сотрудничеству , 1 . постановляет "
        "предложить Группе участвовать в сессиях ; 2 . просит Генерального секретаря принять "
        "меры . 51-e пленарное заседание 18 декабря 2019 года\n"
    )
    doc = parse_text(text)
    assert (doc.symbol, doc.adopted, doc.meeting) == ("A/RES/74/196", "2019-12-18", "51")
    assert len(doc.paragraphs) == 3


def test_special_session_named_by_its_ordinal_only() -> None:
    """A masthead that gives a special session as "Thirty-second session": the number S-32/1
    says which series it belongs to."""
    text = (
        "A/RES/S-32/1\nGeneral Assembly\nDistr.: General\n7 June 2021\nThirty-second session\n\n"
        "Resolution adopted by the General Assembly on 2 June 2021\n\n"
        "S-32/1. Our common commitment\n\nThe General Assembly,\n\n"
        "Adopts the political declaration annexed to the present resolution.\n\n"
        "1st plenary meeting\n2 June 2021\n"
    )
    doc = parse_text(text)
    assert (doc.session, doc.number) == ("S-32", "S-32/1")


def test_numbered_annex_paragraph_after_the_closing_is_not_masthead() -> None:
    """An annex printed without its heading follows the meeting line in an ODS export; its
    numbered paragraphs may name a session, which is not the masthead's."""
    text = (
        "[DU1]Resolution adopted by the General Assembly on 8 June 2021\n"
        "75/284.\tPolitical declaration\n\n\n\tThe General Assembly,\n"
        "\tAdopts the political declaration annexed to the present resolution.\n\n"
        "8 June 2021\n74th plenary meeting\n\tPolitical declaration\n"
        "\t1.\tDecide to convene a high-level meeting at the eightieth session;\n"
        "United NationsA/RES/75/284General AssemblyDistr.: General\n"
        "10 June 2021Seventy-fifth session\nAgenda item 10\n"
    )
    doc = parse_text(text)
    assert (doc.session, doc.meeting, doc.issued) == ("75", "74", "2021-06-10")
