"""Sentence splitting in the six languages: stops, closing quotes, abbreviations, list numbers,
decimals and symbols."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from sixfold.align.split import split_sentences

CASES = [
    # English: abbreviations, initials, list numbers, decimals, symbols, closing quotes
    ("en", "Mr. Smith met Dr. Jones. They agreed.", ["Mr. Smith met Dr. Jones.", "They agreed."]),
    ("en", "See No. 5 and para. 3 above. Done.", ["See No. 5 and para. 3 above.", "Done."]),
    (
        "en",
        "Some States (e.g. Chile) agreed. Others did not.",
        ["Some States (e.g. Chile) agreed.", "Others did not."],
    ),
    ("en", "That is, i.e. Nepal. Next.", ["That is, i.e. Nepal.", "Next."]),
    ("en", "1. The Assembly met. It adjourned.", ["1. The Assembly met.", "It adjourned."]),
    ("en", "It grew by 3.5 per cent. Then it fell.", ["It grew by 3.5 per cent.", "Then it fell."]),
    (
        "en",
        "Recalling resolution A/RES/65/140. Noting S/2015/305. Ends.",
        ["Recalling resolution A/RES/65/140.", "Noting S/2015/305.", "Ends."],
    ),
    ("en", 'He said "No more." Then he left.', ['He said "No more."', "Then he left."]),
    ("en", "Did it work? Yes! Good.", ["Did it work?", "Yes!", "Good."]),
    (
        "en",
        "J. Smith (United States) spoke. Thanks.",
        ["J. Smith (United States) spoke.", "Thanks."],
    ),
    (
        "en",
        "It was adopted in 2015. The vote followed.",
        ["It was adopted in 2015.", "The vote followed."],
    ),
    (
        "en",
        "(a) The first item. (b) The second item.",
        ["(a) The first item.", "(b) The second item."],
    ),
    ("en", "It ended, etc. and so on.", ["It ended, etc. and so on."]),
    # French: M., janv., art., par., guillemets with a space
    (
        "fr",
        "M. Dupont est arrivé le 5 janv. 2015. Il est parti.",
        ["M. Dupont est arrivé le 5 janv. 2015.", "Il est parti."],
    ),
    (
        "fr",
        "Il a dit : « Bonjour. » Puis il est parti (art. 5).",
        ["Il a dit : « Bonjour. »", "Puis il est parti (art. 5)."],
    ),
    ("fr", "Voir par. 3 ci-dessus. Fin.", ["Voir par. 3 ci-dessus.", "Fin."]),
    # Spanish: Sr., Sra., núm., inverted marks
    (
        "es",
        "El Sr. García y la Sra. López (núm. 5) llegaron. ¿Por qué? No lo sé.",
        ["El Sr. García y la Sra. López (núm. 5) llegaron.", "¿Por qué?", "No lo sé."],
    ),
    ("es", "Véase el párr. 4. Fin.", ["Véase el párr. 4.", "Fin."]),
    # Russian: г-н, т.е., г., см., п.
    (
        "ru",
        "Г-н Иванов, т.е. представитель, выступил. Совет принял решение.",
        ["Г-н Иванов, т.е. представитель, выступил.", "Совет принял решение."],
    ),
    ("ru", "См. п. 5 выше. Спасибо!", ["См. п. 5 выше.", "Спасибо!"]),
    (
        "ru",
        "В 2015 г. Совет собрался. А. Б. Петров выступил.",
        ["В 2015 г. Совет собрался.", "А. Б. Петров выступил."],
    ),
    # Chinese: full-width stops need no space; closing quotes stay with the sentence
    (
        "zh",
        "阿根廷通知秘书处。这是决定！对吗？“是的。”然后；结束",
        ["阿根廷通知秘书处。", "这是决定！", "对吗？", "“是的。”", "然后；", "结束"],
    ),
    ("zh", "见A/RES/65/140号决议。增长3.5%。", ["见A/RES/65/140号决议。", "增长3.5%。"]),
    # Arabic: ؟ ends a sentence, ، does not
    (
        "ar",
        "قال السيد أحمد، ممثل مصر، إن الوضع خطير. هل هذا صحيح؟ نعم.",
        ["قال السيد أحمد، ممثل مصر، إن الوضع خطير.", "هل هذا صحيح؟", "نعم."],
    ),
    ("ar", "1. البند الأول. انتهى", ["1. البند الأول.", "انتهى"]),
    # no text, no sentence
    ("en", "   ", []),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_split(lang: str, text: str, expected: list[str]) -> None:
    assert split_sentences(text, lang) == expected


_SPACE = regex.compile(r"\s+")
_ALPHABET = st.sampled_from([*'ab A. ?!。；؟،1(")»« \n', "Mr.", "No.", "т.е.", "Sra."])


@given(
    st.lists(_ALPHABET, max_size=40).map("".join),
    st.sampled_from(["ar", "zh", "en", "fr", "ru", "es"]),
)
def test_sentences_give_back_the_text(text: str, lang: str) -> None:
    sentences = split_sentences(text, lang)
    assert _SPACE.sub("", "".join(sentences)) == _SPACE.sub("", text)
    assert all(s == s.strip() and s for s in sentences)
