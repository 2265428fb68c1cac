"""Lines to blocks across page ends and wrapped lines; footnote blocks at page feet."""

from __future__ import annotations

import pytest

from sixfold.clean.blocks import (
    LineRules,
    Opening,
    join_lines,
    join_text,
    line_rules,
    unwrap_lines,
)
from sixfold.clean.footnotes import mark_glued_end, mark_glued_references, split_footnote_lines
from sixfold.clean.furniture import PAGE_BREAK, mark_page_breaks, note_rules
from sixfold.clean.markup import unmark

PB = PAGE_BREAK
# Openings as the structure parser grades them, for the phrases of these tables.
_OPENINGS = {
    "1.": Opening.NUMBER,
    "2.": Opening.NUMBER,
    "(a)": Opening.NUMBER,
    "Recalling": Opening.LEAD,
    "признавая": Opening.LEAD,
    "отмечая": Opening.LEAD,
    "对": Opening.LEAD,
    "وإذ": Opening.PHRASE,
    "توافق": Opening.WHOLE_LEAD,
}


def opening(line: str) -> Opening:
    text = line.strip()
    return max((o for p, o in _OPENINGS.items() if text.startswith(p)), default=Opening.NONE)


@pytest.mark.parametrize(
    ("lang", "lower_case", "spaced"),
    [("en", True, True), ("fr", True, True), ("ru", False, True), ("zh", False, False)],
)
def test_line_rules(lang: str, lower_case: bool, spaced: bool) -> None:
    rules = line_rules(lang, ".,;:")
    assert (rules.lower_case_continues, rules.spaced) == (lower_case, spaced)


@pytest.mark.parametrize(
    ("left", "right", "spaced", "expected"),
    [
        ("the Rights of", "Persons", True, "the Rights of Persons"),
        ("self-", "determination", True, "self-determination"),
        ("决议，", "其中", True, "决议，其中"),
        ("A/65/129、", "A/65/129/Add.1", False, "A/65/129、A/65/129/Add.1"),
        ("(A/77/53/Add.1", ")，第三章", False, "(A/77/53/Add.1)，第三章"),
        ("A/CONF.157/24(Part", "I)和", False, "A/CONF.157/24(Part I)和"),
    ],
)
def test_join_text(left: str, right: str, spaced: bool, expected: str) -> None:
    assert join_text(left, right, spaced=spaced) == expected


EN = LineRules(".,;:", lower_case_continues=True, spaced=True)
RU = LineRules(".,;:", lower_case_continues=False, spaced=True)
AR = LineRules(".,;:،؛", lower_case_continues=False, spaced=True)
ZH = LineRules("。，；：.,;:", lower_case_continues=False, spaced=False)


@pytest.mark.parametrize(
    ("lines", "rules", "expected"),
    [
        # Open-ended at a page end: one paragraph, even when a lead-like word follows.
        (["Recalling the Convention on the Rights of", PB, "", "Persons,"], EN, 1),
        (["ссылаясь на стандарты, включая", PB, "признавая необходимость,"], RU, 1),
        (["谴责以任何方式给予雇佣军活动实施者以及", PB, "对使用雇佣军负有责任者；"], ZH, 1),
        # ... but a number after the page end opens a paragraph.
        (["Financing of the appropriation", PB, "1. Decides to apportion;"], EN, 2),
        # A finished block: the page end joins a sentence that goes on...
        (["принимая во внимание доклад,", PB, "в котором говорится о мерах,"], RU, 1),
        # ... not a heading, not a common opening phrase, not a lead.
        (["表示注意到报告；", PB, "2023年7月1日至2024年6月30日期间预算估计数"], ZH, 2),
        (["وإذ تشير إلى قرارها،", PB, "وإذ تجدد التزامها بكفالة،"], AR, 2),
        (["Noting the report,", PB, "Recalling its resolution,"], EN, 2),
        # No page end: open-ended lines go on, lower case goes on in English only.
        (["Recalling its resolution 76/1 of", "1 December 2021,"], EN, 1),
        (["Noting the report,", "including its annex,"], EN, 1),
        (["ссылаясь на резолюцию,", "отмечая доклад,"], RU, 2),
        # A section label stands alone.
        (["IV", "Capacity-building"], EN, 2),
        (["ثانيا", "بناء القدرات"], AR, 2),
        (["三", "缔约国会议"], ZH, 2),
        (["حادي عشر", "التنوع البيولوجي البحري"], AR, 2),
        (["Article 10", "The Commission shall make recommendations"], EN, 2),
        (["العدل والقانون الدوليان", "الباب 8", "الشؤون القانونية"], AR, 3),
        # A heading, then its paragraph, which opens with a lead but has no number.
        (["الميزانية الإجمالية لوحدة التفتيش المشتركة", "توافق على الميزانية؛"], AR, 2),
        # Table rows (cells between tabs) go with the paragraph that introduces them.
        (
            ["\t11.\tDecides as set out below:", "\tLevel\tCriterion\tDiscount", "\tA\tB\t7.5"],
            EN,
            1,
        ),
        (["\t11.\tDecides as set out below:", "B\tPension Administration"], EN, 2),
    ],
)
def test_join_lines(lines: list[str], rules: LineRules, expected: int) -> None:
    assert len(join_lines(lines, rules, opening)) == expected


_WIDE = "x" * 60 + " "


@pytest.mark.parametrize(
    ("lines", "rules", "expected"),
    [
        # A line short only because the next long word did not fit on it goes on.
        (
            [
                _WIDE + "aaaaaaaaaaaaaaaaaa",
                _WIDE + "bbbbbbbbbbbbbbbbbb",
                _WIDE + "cccccccc",
                "information-and-communications-technology " + "d" * 30,
                _WIDE + "e,",
                _WIDE + "f.",
            ],
            EN,
            1,
        ),
        # A short line that ends a sentence ends the block.
        (
            [_WIDE + "a" * 16, _WIDE + "a" * 16, "x" * 30 + " b;", _WIDE + "c" * 16, _WIDE + "c."],
            EN,
            2,
        ),
    ],
)
def test_unwrap_lines(lines: list[str], rules: LineRules, expected: int) -> None:
    assert len(unwrap_lines(lines, rules, opening)) == expected


_INDENTED = [" " + _WIDE + "a;", " " + _WIDE + "b;", " " + _WIDE + "c;"]


@pytest.mark.parametrize(
    ("lines", "rules", "expected"),
    [
        # A heading wrapped onto two lines between two paragraphs.
        (
            [
                *_INDENTED,
                _WIDE + "Estimates for the period from 1 July 2023 to",
                "30 June 2024",
                " 2. Decides;",
            ],
            EN,
            5,
        ),
        # Where paragraphs are indented, a line after a comma goes on when its first word did
        # not fit on the line before.
        (
            [
                *[" " + "x" * 78 + ";"] * 3,
                " " + "w" * 78,
                "y" * 44 + " призывая,",
                "социально-экономического " + "z" * 50 + ";",
                " " + "x" * 78 + ";",
            ],
            RU,
            5,
        ),
        # An indented line opening with any lead opens a paragraph, after a heading too.
        (
            [*[" " + "x" * 78 + ";"] * 3, "y" * 65, " توافق " + "z" * 70 + ";"],
            AR,
            5,
        ),
        # A line short only because the next word did not fit on it is no heading.
        (
            [
                *[" " + "x" * 78 + ";"] * 3,
                " 2. " + "a" * 70 + ",",
                "b" * 44 + " multi-year",
                "construction-in-progress-account " + "c" * 10 + ";",
                " " + "x" * 78 + ";",
            ],
            EN,
            5,
        ),
    ],
)
def test_unwrap_indented_lines(lines: list[str], rules: LineRules, expected: int) -> None:
    assert len(unwrap_lines(lines, rules, opening)) == expected


def test_indents_mark_paragraphs_when_a_text_uses_them() -> None:
    # Arabic goes on after a comma with "وإذ"; the indent, not the phrase, opens a paragraph.
    lines = [
        " وإذ تشير إلى قراراتها السابقة بشأن هذه المسألة وإلى جميع القرارات الأخرى ذات الصلة،",
        "وإذ تشدد على أهمية تنفيذها لضمان تمتع الطفل بحقوقه في جميع أنحاء العالم دون تمييز،",
    ] * 4
    rules = AR

    def lead(line: str) -> Opening:
        return Opening.LEAD if line.strip().startswith("وإذ") else Opening.NONE

    assert len(unwrap_lines(lines, rules, lead)) == 4


def test_furniture_becomes_a_page_break() -> None:
    lines = ["text", "22-28992", "*2228992*", "Please recycle", "4/12", "____", "more"]
    assert mark_page_breaks(lines) == ["text", PB, PB, PB, PB, PB, "more"]


@pytest.mark.parametrize(
    ("lines", "wrapped", "notes", "body"),
    [
        # Wrapped: a footnote opens only at a page foot and goes on to the page end.
        (
            ["body ends", PB, "", "1 See Official Records,", "", "(A/71/53).", PB, "next page"],
            True,
            [("1", "See Official Records, (A/71/53).")],
            ["body ends", PB, "", PB, "", PB, "next page"],
        ),
        # Wrapped: a line opening with the expected number inside the body is body.
        (
            ["的 2015 年", "1 月 27 日第 69/313 号决议，"],
            True,
            [],
            ["的 2015 年", "1 月 27 日第 69/313 号决议，"],
        ),
        # Wrapped: a page foot may skip a footnote of the masthead.
        (
            [PB, "2 A/77/594.", "3 A/77/767/Add.2.", PB],
            True,
            [("2", "A/77/594."), ("3", "A/77/767/Add.2.")],
            [PB, PB],
        ),
        # Line layout: footnotes anywhere, one line each, in order.
        (
            ["16 December 2010", "1 See A/60/633.", "2 Ibid."],
            False,
            [("1", "See A/60/633."), ("2", "Ibid.")],
            ["16 December 2010", PB],
        ),
        # Line layout: the issue date an ODS export prints below its footnotes opens with the
        # next footnote's number, but is a date, not a footnote.
        (
            ["1 See A/60/633.", "2 Ibid.", "3 December 2021Seventy-sixth session"],
            False,
            [("1", "See A/60/633."), ("2", "Ibid.")],
            [PB, "3 December 2021Seventy-sixth session"],
        ),
    ],
)
def test_split_footnote_lines(
    lines: list[str], wrapped: bool, notes: list[tuple[str, str]], body: list[str]
) -> None:
    split = split_footnote_lines(lines, bare_digits=True, wrapped=wrapped, spaced=True)
    assert [(n.marker, n.text) for n in split.footnotes] == notes
    assert split.lines == body


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("包括未缴摊款2 790万美元，", "包括未缴摊款2 790万美元，"),
        ("议员和1名美国众议院代表，2", "议员和1名美国众议院代表，\ue0002\ue001"),
        ("the Millennium Declaration,1 and", "the Millennium Declaration,\ue0001\ue001 and"),
        ("document A/77/L.1 and Add.2", "document A/77/L.1 and Add.2"),
        ("ما يلي: ’1‘ التعذيب", "ما يلي: ’1‘ التعذيب"),
    ],
)
def test_glued_references(text: str, expected: str) -> None:
    assert mark_glued_references(text, {"1", "2"}) == expected


def test_running_headers_after_the_first_become_page_breaks() -> None:
    lines = ["A/RES/77/290 B", "text", "A/RES/77/290 B", "more", "A/RES/77/290 B", "CHAPTER"]
    assert mark_page_breaks(lines) == ["A/RES/77/290 B", "text", PB, "more", PB, "CHAPTER"]


def test_heading_before_an_indented_paragraph_stands_alone() -> None:
    wide = "x" * 70
    lines = [
        " 1. " + wide,
        wide + ";",
        "Financing of the appropriation for the period from 1 July 2023 to 30 J",
        " 2. " + wide,
        wide + " " + "y" * 10,
        wide + ";",
        " 3. " + wide,
        wide + ".",
    ]
    blocks = unwrap_lines(lines, EN, opening)
    assert [b[:9] for b in blocks] == ["1. xxxxxx", "Financing", "2. xxxxxx", "3. xxxxxx"]


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        # A lead kept in emphasis by the converter marks its line as opening a paragraph.
        ("前文，\n\n**在这方面欢迎**各国采取措施，\n", "在这方面欢迎各国采取措施，", True),
        ("x\n*Recalling* its resolution,\n", "Recalling its resolution,", True),
        # Not a line in emphasis only (a heading), nor one without emphasis.
        ("x\n**Common support services**\n", "Common support services", False),
        ("x\nRecalling its resolution,\n", "Recalling its resolution,", False),
    ],
)
def test_emphasised_lead_opens_a_line(text: str, line: str, expected: bool) -> None:
    assert unmark(text).opens_with_lead(line) is expected


@pytest.mark.parametrize(
    ("text", "paragraph", "expected"),
    [
        # After a number, across a line break and a footnote reference; trailing comma dropped.
        (
            "x\n 21. *Continues* to welcome the\nstatement,\n",
            "Continues to welcome the statement,",
            "Continues",
        ),
        (
            "*Recalling*, its<sup>1</sup> resolution 72/3\n",
            "Recalling, its resolution 72/3",
            "Recalling",
        ),
        # Roman opening; an italic run inside a paragraph opens nothing.
        ("Note with concern that\n", "Note with concern that", None),
        ("Taking note of *Treaty Series* vol. 1\n", "Treaty Series vol. 1 and more", None),
    ],
)
def test_italic_opening(text: str, paragraph: str, expected: str | None) -> None:
    assert unmark(text).italic_opening(paragraph) == expected


def test_blank_line_ends_block_in_typeset_text() -> None:
    """A typeset PDF puts a heading between blank lines; a page break is not a blank line."""
    lines = [
        "Adopts the following political declaration approved by the high-level meeting",
        "of the General Assembly on the fight against tuberculosis on 26 September 2018:",
        "",
        "Political declaration of the high-level meeting on the fight against tuberculosis",
        "",
        "United to end tuberculosis: an urgent global response to a global epidemic",
        "",
        " We, Heads of State and Government and representatives of States and the",
        "Governments, assembled at the United Nations in New York on 26 September",
        PAGE_BREAK,
        "2018, reaffirm our commitment.",
    ]
    assert len(unwrap_lines(lines, EN, opening, blank_ends_block=True)) == 4
    assert len(unwrap_lines(lines, EN, opening)) < 4


def test_footnote_continued_under_the_next_rule() -> None:
    lines = [
        "body text of the page",
        "__________________",
        "<sup>6</sup> Related documents include A/AC.105/1129,",
        "2/5",
        "more body text",
        "__________________",
        "A/AC.105/1168 and A/AC.105/1181.",
        "4/5",
        "last body line.",
    ]
    unmarked = unmark("\n".join(lines)).text.split("\n")
    rules = note_rules(unmarked)
    split = split_footnote_lines(
        mark_page_breaks(unmarked), bare_digits=False, wrapped=True, spaced=True, rules=rules
    )
    assert [n.text for n in split.footnotes] == [
        "Related documents include A/AC.105/1129, A/AC.105/1168 and A/AC.105/1181."
    ]
    assert [line for line in split.lines if line.strip()] == [
        "body text of the page",
        "more body text",
        "last body line.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("priorities of UNISPACE+50,1", "priorities of UNISPACE+50,\ue0001\ue001"),
        # Not a known footnote, not at the paragraph's end, not after its closing comma.
        ("priorities of UNISPACE+50,7", "priorities of UNISPACE+50,7"),
        ("UNISPACE+50,1 and more,", "UNISPACE+50,1 and more,"),
        ("resolution 72/1", "resolution 72/1"),
    ],
)
def test_full_size_reference_at_paragraph_end(text: str, expected: str) -> None:
    assert mark_glued_end(text, {"1"}) == expected
