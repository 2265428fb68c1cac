"""Per-language analysis: the same terms for a wording in a document and in a query."""

from __future__ import annotations

import random

import pytest

from sixfold.search.analysis import fold, spans, terms, tokens


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("联合国秘书长", "zh", ["联", "合", "国", "秘", "书", "长"]),
        # digits and Latin letters in Chinese are characters too: a window cut inside a number
        ("2022年3月", "zh", ["2", "0", "2", "2", "年", "3", "月"]),
        ("ES-11/1号决议", "zh", ["e", "s", "1", "1", "1", "号", "决", "议"]),
        ("Secretary-General 联合国", "en", ["secretari", "general", "联", "合", "国"]),
        ("Résolution 68/262", "fr", ["resolu", "68", "262"]),
        ("يطلب إلى الأمين العامّ", "ar", ["يطلب", "الي", "الامين", "العام"]),
        ("٢٠٢٢ Генеральной Ассамблеи", "ru", ["2022", "генеральн", "ассамбл"]),
    ],
)
def test_terms(text: str, lang: str, expected: list[str]) -> None:
    assert terms(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("回顾其题为“乌克兰的领土完整”的2014年", "zh", "回顾其题为乌克兰的领土完整的2014年"),
        ("Requests the Secretary-General", "en", "requests the secretary general"),
        ("Prie le Secrétaire général", "fr", "prie le secretaire general"),
    ],
)
def test_fold(text: str, lang: str, expected: str) -> None:
    assert fold(text, lang) == expected


@pytest.mark.parametrize(
    ("window", "paragraph"),
    [("2年3月2日ES-11/1号决", "题为“对乌克兰的侵略”的2022年3月2日ES-11/1号决议")],
)
def test_a_chinese_window_is_a_run_of_the_paragraph_terms(window: str, paragraph: str) -> None:
    needle, haystack = " ".join(terms(window, "zh")), " ".join(terms(paragraph, "zh"))
    assert f" {needle} " in f" {haystack} "


def _every_plain_character() -> str:
    """Every character below U+0800 and of the general punctuation (the range snippets read
    with the standard library's engine), shuffled, with spaces."""
    characters = [chr(c) for c in [*range(0x800), *range(0x2000, 0x2070)]] + [" "] * 400
    random.Random(0).shuffle(characters)
    return "".join(characters)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (_every_plain_character(), "en"),
        (_every_plain_character(), "ar"),
        ("Secretary-General’s 联合国 re\u0301sume\u0301 ﬁnal ２０２２ İstanbul", "fr"),
        ("联合国秘书长e\u0301\u0301，2022年3月2日ES-11/1号决议\u0301", "zh"),
    ],
)
def test_spans_are_the_wanted_tokens(text: str, lang: str) -> None:
    """Snippets find the words with faster patterns than ``tokens``; they must be the same."""
    every = list(tokens(text, lang))
    wanted = {t.term for t in every[::3]}
    for start, end in [(0, len(text)), (7, len(text) // 2)]:
        expected = [
            (t.start + start, t.end + start)
            for t in tokens(text[start:end], lang)
            if t.term in wanted
        ]
        assert list(spans(text, lang, wanted, start, end)) == expected
