"""Finding the lines of a one-line (word-segmented) resolution again."""

from __future__ import annotations

import pytest

from sixfold.clean.desegment import desegment
from sixfold.structure.langdata import structure_data
from sixfold.structure.segmented import split_segmented

CASES = [
    (  # a heading between operative paragraphs: the number after it follows no punctuation
        "en",
        "77/1. Title The General Assembly , Recalling its resolution 76/1 , "
        "Recalling also its resolution 75/1 , 1. Requests the Secretary-General to report ; "
        "Budget estimates for 2023 2. Decides to appropriate the amount . "
        "87th plenary meeting 30 June 2023",
        [
            "77/1. Title",
            "The General Assembly,",
            "Recalling its resolution 76/1,",
            "Recalling also its resolution 75/1,",
            "1. Requests the Secretary-General to report;",
            "Budget estimates for 2023",
            "2. Decides to appropriate the amount.",
            "87th plenary meeting",
            "30 June 2023",
        ],
    ),
    (  # a section label on a line of its own over its title; a reference is no paragraph
        "en",
        "77/2. Oceans The General Assembly , Reaffirming the Convention , "
        "I Implementation of the Convention 1. Calls upon States to apply paragraph 3. "
        "2. Reaffirms its resolution 76/72 . 77th plenary meeting 9 December 2022",
        [
            "77/2. Oceans",
            "The General Assembly,",
            "Reaffirming the Convention,",
            "I",
            "Implementation of the Convention",
            "1. Calls upon States to apply paragraph 3.",
            "2. Reaffirms its resolution 76/72.",
            "77th plenary meeting",
            "9 December 2022",
        ],
    ),
    (  # Arabic numbers printed "1." become the "1 -" the paragraph builder reads
        "ar",
        "77/3 عنوان إن الجمعية العامة ، إذ تشير إلى قرارها 76/3 ، 1 . تطلب إلى الأمين العام ؛ "
        "2 . تقرر أن تبقي المسألة قيد نظرها . الجلسة العامة 40 7 تشرين الأول/أكتوبر 2022",
        [
            "77/3 عنوان",
            "إن الجمعية العامة،",
            "إذ تشير إلى قرارها 76/3،",
            "1 - تطلب إلى الأمين العام؛",
            "2 - تقرر أن تبقي المسألة قيد نظرها.",
            "الجلسة العامة 40",
            "7 تشرين الأول/أكتوبر 2022",
        ],
    ),
    (  # Chinese: a section label glued to its title once the spaces are gone
        "zh",
        "77/4. 海洋 大会 ， 重申 《 公约 》 ， 一 能力 建设 1. 吁请 各国 合作 ； "
        "二 区域 合作 2. 决定 继续 审议 。 2022年 12月 9日 第48次 全体 会议",
        [
            "77/4.海洋",
            "大会，",
            "重申《公约》，",
            "一",
            "能力建设",
            "1. 吁请各国合作；",
            "二",
            "区域合作",
            "2. 决定继续审议。",
            "2022年12月9日",
            "第48次全体会议",
        ],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_split_segmented(lang: str, text: str, expected: list[str]) -> None:
    lines = split_segmented(desegment(text, lang), structure_data(lang))
    assert [line.strip() for line in lines] == expected
