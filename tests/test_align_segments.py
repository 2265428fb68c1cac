"""Segment pairs at paragraph and sentence level (sixfold.align.segments) and the translation
units built from them."""

from __future__ import annotations

from pathlib import Path

import pytest

from sixfold import parse
from sixfold.align.segments import segment_pairs
from sixfold.align.units import translation_units
from sixfold.errors import UsageError
from sixfold.model import Document, Paragraph


def document(lang: str, texts: list[str]) -> Document:
    paragraphs = [
        Paragraph(id=f"op{k}", kind="operative", number=str(k), lead=None, text=text)
        for k, text in enumerate(texts, 1)
    ]
    return Document(symbol="A/RES/1/1", language=lang, paragraphs=paragraphs)


EN = document(
    "en",
    [
        "Decides to hold a meeting in 2025. Requests the Secretary-General to report on it.",
        "Decides to remain seized of the matter.",
    ],
)
FR = document(
    "fr",
    [
        "Décide de tenir une réunion en 2025. Prie le Secrétaire général de lui en rendre compte.",
        "Décide de rester saisie de la question.",
    ],
)


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        ("paragraph", [(("op1",), ("op1",)), (("op2",), ("op2",))]),
        (
            "sentence",
            [
                (("op1.s1",), ("op1.s1",)),
                (("op1.s2",), ("op1.s2",)),
                (("op2.s1",), ("op2.s1",)),
            ],
        ),
    ],
)
def test_segment_pairs(level: str, expected: list[tuple[tuple[str, ...], ...]]) -> None:
    pairs = segment_pairs(EN, FR, level)
    assert [(p.source, p.target) for p in pairs] == expected
    assert all(0 <= p.score <= 1 for p in pairs)


def test_sentence_texts_are_the_sentences() -> None:
    first = segment_pairs(EN, FR, "sentence")[1]
    assert first.source_text == "Requests the Secretary-General to report on it."
    assert first.target_text == "Prie le Secrétaire général de lui en rendre compte."


def test_unknown_level_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        segment_pairs(EN, FR, "word")


def test_sentence_units_of_three_languages_keep_the_pivot_order() -> None:
    es = document(
        "es",
        [
            "Decide celebrar una reunión en 2025. Solicita al Secretario General que informe.",
            "Decide seguir ocupándose de la cuestión.",
        ],
    )
    units = translation_units(EN, [FR, es], "sentence")
    assert [u.segment for u in units] == ["op1.s1", "op1.s2", "op2.s1"]
    assert all(set(u.texts) == {"en", "fr", "es"} for u in units)


def test_seeds_000_and_003_align_sentence_by_sentence(seeds: Path) -> None:
    en = parse(seeds / "003_11614f502356e337.txt")
    zh = parse(seeds / "000_f81cf8e4b70bca3e.txt")
    pairs = segment_pairs(en, zh, "sentence")
    assert [p.source for p in pairs] == [p.target for p in pairs]
    assert len(pairs) == 39
