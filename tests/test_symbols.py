"""Symbol grammar: parsing, canonical forms, running-text search, resolution numbers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sixfold.symbols import (
    Symbol,
    SymbolError,
    find_symbols,
    parse_resolution_number,
    resolution_symbol,
)
from sixfold.symbols.grammar import families

EXAMPLES = [(f.name, e) for f in families() for e in f.examples]


@pytest.mark.parametrize(("family", "example"), EXAMPLES)
def test_grammar_examples(family: str, example: str) -> None:
    symbol = Symbol.parse(example)
    assert (symbol.family, str(symbol)) == (family, example)


@pytest.mark.parametrize(
    ("text", "canonical", "doc_type", "session"),
    [
        ("A / RES / 65 / 140", "A/RES/65/140", "resolution", "65"),
        ("a/res/65/140", "A/RES/65/140", "resolution", "65"),
        ("A／RES／65／140", "A/RES/65/140", "resolution", "65"),
        ("S/RES/2282(2016)", "S/RES/2282 (2016)", "resolution", "2016"),
        ("A/65/382-S/2010/490", "A/65/382-S/2010/490", "document", "65"),
        ("А/77/457", "A/77/457", "document", "77"),
        ("A/65/L.43/add.1", "A/65/L.43/Add.1", "draft", "65"),
        ("3369(XXX)", "A/RES/3369 (XXX)", "resolution", "XXX"),
        ("A/77/6(Sect.26)", "A/77/6 (Sect. 26)", "document", "77"),
        ("unep/EA.5/Res.14", "UNEP/EA.5/Res.14", "document", None),
        ("A/RES/77/256A–B", "A/RES/77/256 A-B", "resolution", "77"),
        ("A/RES/77/290 b", "A/RES/77/290 B", "resolution", "77"),
        ("A/77/673/Add/1", "A/77/673/Add.1", "document", "77"),
        ("A/75/457Add.2", "A/75/457/Add.2", "document", "75"),
        ("A/65/PV.68", "A/65/PV.68", "record", "65"),
        ("S/PRST/2019/1", "S/PRST/2019/1", "prst", "2019"),
    ],
)
def test_parse_sloppy(text: str, canonical: str, doc_type: str, session: str) -> None:
    symbol = Symbol.parse(text)
    assert (str(symbol), symbol.doc_type, symbol.session) == (canonical, doc_type, session)


@pytest.mark.parametrize("text", ["hello", "65/140", "A/RES", "", "A/RES/65"])
def test_parse_rejects(text: str) -> None:
    with pytest.raises(SymbolError):
        Symbol.parse(text)
    with pytest.raises(ValueError):
        Symbol.parse(text)


_SESSION = st.one_of(
    st.integers(1, 80).map(str),
    st.integers(1, 11).map(lambda n: f"ES-{n}"),
    st.integers(1, 32).map(lambda n: f"S-{n}"),
)
_SUFFIX = st.lists(
    st.sampled_from(["Add", "Rev", "Corr"]).flatmap(
        lambda s: st.integers(1, 9).map(lambda n: f"/{s}.{n}")
    ),
    max_size=2,
).map("".join)
_SYMBOLS = st.one_of(
    st.builds(lambda s, n, x: f"A/RES/{s}/{n}{x}", _SESSION, st.integers(1, 400), _SUFFIX),
    st.builds(lambda s, n, x: f"A/{s}/L.{n}{x}", _SESSION, st.integers(1, 99), _SUFFIX),
    st.builds(
        lambda c, s, n: f"A/C.{c}/{s}/L.{n}", st.integers(1, 6), _SESSION, st.integers(1, 99)
    ),
    st.builds(lambda n, y: f"S/RES/{n} ({y})", st.integers(1, 2800), st.integers(1946, 2030)),
    st.builds(lambda y, n: f"S/{y}/{n}", st.integers(1994, 2030), st.integers(1, 999)),
    st.builds(lambda s, n: f"A/{s}/PV.{n}", _SESSION, st.integers(1, 120)),
    st.builds(
        lambda a, b, y, c: f"A/{a}/{b}-S/{y}/{c}",
        st.integers(40, 80),
        st.integers(1, 999),
        st.integers(1994, 2030),
        st.integers(1, 999),
    ),
)


@given(_SYMBOLS)
def test_round_trip(text: str) -> None:
    assert str(Symbol.parse(str(Symbol.parse(text)))) == str(Symbol.parse(text)) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "[without reference to a Main Committee (A/65/L.43 and Add.1)]",
            ["A/65/L.43", "A/65/L.43/Add.1"],
        ),
        ("[未经发交主要委员会而通过(A/65/L.43和Add.1)]", ["A/65/L.43", "A/65/L.43/Add.1"]),
        ("[دون الإحالة إلى لجنة رئيسية (A/67/L.29 و Add.1)]", ["A/67/L.29", "A/67/L.29/Add.1"]),
        ("(A/65/L.43 et Add.1)", ["A/65/L.43", "A/65/L.43/Add.1"]),
        ("(A/65/L.43 y Add.1)", ["A/65/L.43", "A/65/L.43/Add.1"]),
        ("(A/65/L.43 и Add.1)", ["A/65/L.43", "A/65/L.43/Add.1"]),
        ("见A/60/633-S/2005/826，附件三。", ["A/60/633-S/2005/826"]),
        ("(A/77/457, para. 12)", ["A/77/457"]),
        ("S/RES/2282(2016) and A/RES/65/140.", ["S/RES/2282 (2016)", "A/RES/65/140"]),
        ("resolution 37/4 of 22 October 1982", []),
        ("A/RES/77/256 A-B", ["A/RES/77/256 A-B"]),
        ("A/RES/77/290 B ", ["A/RES/77/290 B"]),
        ("(A/RES/77/256 A – B)", ["A/RES/77/256 A-B"]),
        ("A/RES/77/1 Add", ["A/RES/77/1"]),
        ("A/77/45 B", ["A/77/45"]),
        ("A/RES/77/256 A/77/5", ["A/RES/77/256", "A/77/5"]),
        ("(A/77/673/Add/1, párr. 8)", ["A/77/673/Add.1"]),
        ("(A/75/457Add.2, par. 13)", ["A/75/457/Add.2"]),
    ],
)
def test_find_symbols(text: str, expected: list[str]) -> None:
    assert [str(m.symbol) for m in find_symbols(text)] == expected


def test_find_symbols_spans() -> None:
    text = "See A/60/633-S/2005/826, annex III."
    (match,) = find_symbols(text)
    assert text[match.start : match.end] == "A/60/633-S/2005/826"


@pytest.mark.parametrize(
    ("number", "expected"),
    [("65/140", "A/RES/65/140"), ("ES-10/21", "A/RES/ES-10/21"), ("S-32/1", "A/RES/S-32/1")],
)
def test_resolution_symbol(number: str, expected: str) -> None:
    assert resolution_symbol(number) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "65/140. Cooperation between the United Nations", "65/140"),
        ("en", "ES-10/21.", "ES-10/21"),
        ("en", "S-32/1.", "S-32/1"),
        ("en", "16/12/2010", None),
        ("en", "The General Assembly,", None),
        ("fr", "77/10.", "77/10"),
        ("es", "77/1.", "77/1"),
        ("ru", "77/10.", "77/10"),
        ("zh", "65/140. 联合国同伊斯兰会议组织的合作", "65/140"),
        ("zh", "59/8. 联合国 同 伊斯兰 会议 组织 的 合作", "59/8"),
        ("ar", "٢٦٤/٦٧ - التعاون بين الأمم المتحدة ومنظمة التعاون الإسلامي", "67/264"),
        ("ar", "77/10", "77/10"),
        ("ar", "دإط-10/21", "ES-10/21"),
        ("ar", "دإط-10/22 .", "ES-10/22"),
        ("ar", "إن الجمعية العامة،", None),
    ],
)
def test_parse_resolution_number(lang: str, text: str, expected: str | None) -> None:
    assert parse_resolution_number(text, lang) == expected
