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
