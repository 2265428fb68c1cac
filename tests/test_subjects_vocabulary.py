"""The UNBIS vocabulary: folding per language, lookup by label in six languages, the seed 002
subject header resolved to ids, SKOS Turtle output."""

from __future__ import annotations

from pathlib import Path

import pytest

from sixfold import parse
from sixfold.subjects import Vocabulary
from sixfold.subjects.folding import fold, terms
from sixfold.subjects.vocabulary import Concept


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return Vocabulary.default()


@pytest.mark.parametrize(
    ("text", "lang", "folded"),
    [
        ("ABANDONED CHILDREN", "en", "abandoned children"),
        ("Self-determination of peoples", "en", "self determination of peoples"),
        ("enfants abandonnés", "fr", "enfants abandonnes"),
        ("ENFANTS ABANDONNES", "fr", "enfants abandonnes"),
        ("NIÑOS ABANDONADOS", "es", "ninos abandonados"),
        ("cooperación técnica", "es", "cooperacion tecnica"),
        ("Ёлка", "ru", "елка"),
        ("Брошенные дети", "ru", "брошенные дети"),
        ("الأطفال", "ar", "الاطفال"),
        ("إعادة", "ar", "اعاده"),
        ("مستشفى", "ar", "مستشفي"),
        ("الـسـلام", "ar", "السلام"),
        ("حُقُوقُ", "ar", "حقوق"),
        ("被遗弃 儿童", "zh", "被遗弃儿童"),
        ("联合国，大会", "zh", "联合国大会"),
        ("٢٠٢٢", "ar", "2022"),
    ],
)
def test_fold(text: str, lang: str, folded: str) -> None:
    assert fold(text, lang) == folded


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("брошенных детей", "ru", terms("Брошенные дети", "ru")),
        ("Droits de l'homme", "fr", terms("DROITS DE L'HOMME", "fr")),
        ("被遗弃儿童", "zh", ["被", "遗", "弃", "儿", "童"]),
    ],
)
def test_terms(text: str, lang: str, expected: list[str]) -> None:
    assert terms(text, lang) == expected


@pytest.mark.parametrize(
    ("term", "lang", "concept_id"),
    [
        ("ABANDONED CHILDREN", "en", "1000001"),
        ("abandoned children", None, "1000001"),
        ("enfants abandonnés", "fr", "1000001"),
        ("niños abandonados", "es", "1000001"),
        ("Брошенных детей", "ru", "1000001"),
        ("الاطفال المسبيون", "ar", "1000001"),
        ("被遗弃儿童", "zh", "1000001"),
        ("kidnapping", None, "1000003"),  # an English alternative label
        ("1000001", None, "1000001"),
        ("http://metadata.un.org/thesaurus/1000001", None, "1000001"),
        ("AFRICA", "en", "1000099"),  # the concept, not the microthesaurus of the same name
    ],
)
def test_lookup(vocabulary: Vocabulary, term: str, lang: str | None, concept_id: str) -> None:
    assert vocabulary.resolve(term, lang) == concept_id


def test_unknown_terms_are_reported(vocabulary: Vocabulary) -> None:
    resolved = vocabulary.resolve_all(["DISARMAMENT", "NOT A THESAURUS TERM"], "en")
    assert resolved.ids == ["1001685"]
    assert resolved.unknown == ["NOT A THESAURUS TERM"]


SEED_002_IDS = [
    "1001294", "1006260", "1006413", "1003337", "1001685", "1005804", "1001538",
    "1002975", "1001994", "1001615", "1004779", "1005096", "1004776", "1005049",
    "1000096", "1005890", "1003193", "1006127", "1005485",
]  # fmt: skip


def test_seed_002_header_resolves(seeds: Path, vocabulary: Vocabulary) -> None:
    doc = parse(seeds / "002_94b94306ad775ea6.txt")
    resolved = vocabulary.resolve_all(doc.subjects, "en")
    assert len(doc.subjects) == 19
    assert resolved.unknown == []
    assert resolved.ids == SEED_002_IDS


def test_load_matches_shipped(corpus: Path, vocabulary: Vocabulary) -> None:
    loaded = Vocabulary.load(corpus / "unbis")
    assert len(loaded) == len(vocabulary) == 7312
    assert loaded.concepts["1000003"] == vocabulary.concepts["1000003"]


def test_turtle() -> None:
    vocabulary = Vocabulary(
        [
            Concept("1000001", {"en": "ABANDONED CHILDREN", "fr": 'ENFANTS "A"'}, ("WAIFS",),
                    ("1000952",), ("140503",)),
            Concept("140503", {"en": "FAMILY"}),
        ]
    )  # fmt: skip
    lines = [line.strip() for line in vocabulary.to_turtle().splitlines()]
    for expected in [
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "unbis:1000001 a skos:Concept ;",
        'skos:prefLabel "ABANDONED CHILDREN"@en ;',
        'skos:prefLabel "ENFANTS \\"A\\""@fr ;',
        'skos:altLabel "WAIFS"@en ;',
        "skos:broader unbis:1000952 .",
        "unbis:140503 a skos:Collection ;",
        "skos:member unbis:1000001 .",
    ]:
        assert expected in lines
