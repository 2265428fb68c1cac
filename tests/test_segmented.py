"""Finding the lines of a one-line (word-segmented) resolution again."""

from __future__ import annotations

import pytest

from sixfold.clean.desegment import desegment
from sixfold.structure.breaks import ngrams, opens_paragraph
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
    (  # a preambular paragraph ended by a full stop; a section title with a comma of its own
        "es",
        "77/4. Título La Asamblea General , Recordando su resolución 76/4 . "
        "Observando con preocupación los retos , I Pesca ilegal 1. Insta a los Estados ; "
        "II Pesca ilegal , no declarada y no reglamentada 2. Decide seguir examinando la cuestión . "
        "50a sesión plenaria 9 de diciembre de 2022",
        [
            "77/4. Título",
            "La Asamblea General,",
            "Recordando su resolución 76/4.",
            "Observando con preocupación los retos,",
            "I",
            "Pesca ilegal",
            "1. Insta a los Estados;",
            "II",
            "Pesca ilegal, no declarada y no reglamentada",
            "2. Decide seguir examinando la cuestión.",
            "50a sesión plenaria",
            "9 de diciembre de 2022",
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
    (  # a missing number is skipped when the numbering goes on after it; a last one is not
        "en",
        "77/5. Title The General Assembly , Recalling its resolution 76/1 , 1. Decides to act ; "
        "2. Requests a report ; 4. Invites States to contribute ; 5. Decides to consider item "
        "6 ; 7. Other matters . 87th plenary meeting 30 June 2023",
        [
            "77/5. Title",
            "The General Assembly,",
            "Recalling its resolution 76/1,",
            "1. Decides to act;",
            "2. Requests a report;",
            "4. Invites States to contribute;",
            "5. Decides to consider item 6; 7. Other matters.",
            "87th plenary meeting",
            "30 June 2023",
        ],
    ),
    (  # no paragraph opens inside a quotation, whatever follows its colon
        "en",
        "77/6. Title The General Assembly , Having considered the report entitled “ Our Common "
        "Agenda : Recalling the Charter ” , Recalling also its resolution 75/1 , "
        "1. Decides to act . 87th plenary meeting 30 June 2023",
        [
            "77/6. Title",
            "The General Assembly,",
            "Having considered the report entitled “Our Common Agenda: Recalling the Charter”,",
            "Recalling also its resolution 75/1,",
            "1. Decides to act.",
            "87th plenary meeting",
            "30 June 2023",
        ],
    ),
    (  # a last paragraph printed without a full stop: the closing follows its closing quote
        "es",
        "77/8. Título La Asamblea General , Recordando su resolución 76/1 , 1. Decide actuar ; "
        "2. Decide seguir examinando la cuestión titulada “ Derechos del niño ” "
        "54a sesión plenaria 15 de diciembre de 2022",
        [
            "77/8. Título",
            "La Asamblea General,",
            "Recordando su resolución 76/1,",
            "1. Decide actuar;",
            "2. Decide seguir examinando la cuestión titulada “Derechos del niño”",
            "54a sesión plenaria",
            "15 de diciembre de 2022",
        ],
    ),
    (  # one operative paragraph is not numbered: it opens with an operative lead
        "en",
        "77/9. Title The General Assembly , Recalling its resolution 76/1 , Having considered "
        "the report , Takes note of the report . 20th plenary meeting 7 November 2022",
        [
            "77/9. Title",
            "The General Assembly,",
            "Recalling its resolution 76/1,",
            "Having considered the report,",
            "Takes note of the report.",
            "20th plenary meeting",
            "7 November 2022",
        ],
    ),
    (  # the formula without its comma, found after the number (the adoption line names it too)
        "en",
        "Resolution adopted by the General Assembly on 27 December 2019 [ on the report of the "
        "Fifth Committee ( A/74/614 ) ] 74/266. Working Capital Fund The General Assembly "
        "Resolves that : 1. The Fund shall be established ; 2. Member States shall make "
        "advances . 52nd plenary meeting 27 December 2019",
        [
            "Resolution adopted by the General Assembly on 27 December 2019",
            "[on the report of the Fifth Committee (A/74/614)]",
            "74/266. Working Capital Fund",
            "The General Assembly",
            "Resolves that:",
            "1. The Fund shall be established;",
            "2. Member States shall make advances.",
            "52nd plenary meeting",
            "27 December 2019",
        ],
    ),
    (  # an annex after the closing: the closing is found before the annex heading
        "fr",
        "76/258. Titre L’Assemblée générale , Rappelant sa résolution 75/1 , 1. Adopte le "
        "Programme d’action . 66e séance plénière 1er avril 2022 Annexe Programme d’action "
        "de Doha 1 . Il y a quarante ans , en septembre 1981 , la conférence s’est tenue .",
        [
            "76/258. Titre",
            "L’Assemblée générale,",
            "Rappelant sa résolution 75/1,",
            "1. Adopte le Programme d’action.",
            "66e séance plénière",
            "1er avril 2022",
            "Annexe",
            "Programme d’action de Doha 1. Il y a quarante ans, en septembre 1981, la conférence "
            "s’est tenue.",
        ],
    ),
    (  # ... in Chinese the heading runs into the annex title, and a short annex is not closing
        "zh",
        "77/261. 标题 大会 ， 回顾 其 决议 ， 1. 决定 批款 。 2022年 12月 30日 第56 次 全体 "
        "会议 ( 续会 ) 附件 刑事 法庭 余留 机制 经费 ( 美元 )",
        [
            "77/261.标题",
            "大会，",
            "回顾其决议，",
            "1. 决定批款。",
            "2022年12月30日",
            "第56次全体会议(续会)",
            "附件",
            "刑事法庭余留机制经费(美元)",
        ],
    ),
    (  # sections numbering their paragraphs from 1: a label, a title, then the section's text
        "en",
        "75/247. Review of oversight The General Assembly , I Activities of the Office "
        "Recalling its resolution 48/218 B , 1. Takes note of the report ; 2. Welcomes the "
        "efforts of the Office ; II Activities of the Committee Having considered the report , "
        "1. Notes with appreciation the work of the Committee ; 2. Invites the Committee to "
        "continue . 41st plenary meeting 31 December 2020",
        [
            "75/247. Review of oversight",
            "The General Assembly,",
            "I",
            "Activities of the Office",
            "Recalling its resolution 48/218 B,",
            "1. Takes note of the report;",
            "2. Welcomes the efforts of the Office;",
            "II",
            "Activities of the Committee",
            "Having considered the report,",
            "1. Notes with appreciation the work of the Committee;",
            "2. Invites the Committee to continue.",
            "41st plenary meeting",
            "31 December 2020",
        ],
    ),
    (  # Russian leads go on inside a paragraph too: the words after them tell
        "ru",
        "77/7. Название Генеральная Ассамблея , ссылаясь на свою резолюцию 76/1 , "
        "подчеркивая важность мира , учитывая при этом , что мир хрупок , "
        "учитывая , что время не ждет , 1. постановляет действовать . "
        "87-е пленарное заседание 30 июня 2023 года",
        [
            "77/7. Название",
            "Генеральная Ассамблея,",
            "ссылаясь на свою резолюцию 76/1,",
            "подчеркивая важность мира, учитывая при этом, что мир хрупок,",
            "учитывая, что время не ждет,",
            "1. постановляет действовать.",
            "87-е пленарное заседание",
            "30 июня 2023 года",
        ],
    ),
]

BREAKS = [
    # the n-gram after a clause mark decides, not its first word
    ("en", "Recalling its resolution 76/1,", True),
    ("en", "United Nations Children’s Fund", False),
    ("ru", "учитывая, что", True),
    ("ru", "учитывая при этом, что", False),
    ("ru", "с тем чтобы", False),
    ("zh", "重申其", True),
    ("zh", "并重申其", False),
    ("ar", "وإذ تشير إلى قرارها", True),
    ("ar", "وإذ ترحب بعقد الحلقة الدراسية الإقليمية", False),
    ("fr", "Rappelant sa résolution", True),
    ("es", "Reafirmando también su resolución", True),
    ("en", "", False),
]


@pytest.mark.parametrize(("lang", "text", "expected"), BREAKS)
def test_opens_paragraph(lang: str, text: str, expected: bool) -> None:
    assert opens_paragraph(text, lang) is expected


NGRAMS = [
    # words and marks, up to eight
    (
        "en",
        "Recalling also its resolution 76/1, of 2022 and",
        [
            "Recalling",
            "Recalling also",
            "Recalling also its",
            "Recalling also its resolution",
            "Recalling also its resolution 76",
            "Recalling also its resolution 76 /",
            "Recalling also its resolution 76 / 1",
            "Recalling also its resolution 76 / 1 ,",
        ],
    ),
    ("ru", "вновь подтверждая", ["вновь", "вновь подтверждая"]),
    # Chinese counts characters
    (
        "zh",
        "又回顾 2015年",
        ["又", "又回", "又回顾", "又回顾2", "又回顾20", "又回顾201", "又回顾2015", "又回顾2015年"],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), NGRAMS)
def test_ngrams(lang: str, text: str, expected: list[str]) -> None:
    assert ngrams(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_split_segmented(lang: str, text: str, expected: list[str]) -> None:
    lines = split_segmented(desegment(text, lang), structure_data(lang))
    assert [line.strip() for line in lines] == expected
