"""Sentence alignment: the bead shapes, empty sides, scores, and the order of links."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sixfold.align.model import Link
from sixfold.align.sentences import align_sentences, anchors

EN = [
    "The Committee held 12 meetings in 2014.",
    "It adopted resolution 69/140 without a vote.",
    "The Secretary-General reported on 5 March 2015 (A/69/767).",
    "Expenditure rose by 3.5 per cent.",
]
FR = [
    "Le Comité a tenu 12 séances en 2014.",
    "Il a adopté la résolution 69/140 sans la mettre aux voix.",
    "Le Secrétaire général a fait rapport le 5 mars 2015 (A/69/767).",
    "Les dépenses ont augmenté de 3,5 %.",
]
ZH = [
    "委员会在2014年举行了12次会议。",
    "委员会未经表决通过了第69/140号决议。",
    "秘书长于2015年3月5日提交了报告(A/69/767)。",
    "支出增加了3.5%。",
]


def shape(links: list[Link]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(link.source, link.target) for link in links]


CASES = [
    ("equal lists", EN, FR, "en", "fr", [((k,), (k,)) for k in range(4)]),
    ("equal lists en-zh", EN, ZH, "en", "zh", [((k,), (k,)) for k in range(4)]),
    (
        "a deletion",
        EN,
        [FR[0], FR[1], FR[3]],
        "en",
        "fr",
        [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), (2,))],
    ),
    (
        "a 1-2 split",
        [EN[0], EN[1] + " " + EN[2], EN[3]],
        FR,
        "en",
        "fr",
        [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,))],
    ),
    ("a joined paragraph", EN, ["".join(ZH)], "en", "zh", [((0, 1, 2, 3), (0,))]),
    ("a joined paragraph, n-1", [" ".join(FR)], EN, "fr", "en", [((0,), (0, 1, 2, 3))]),
    (
        "a short heading whose translation is missing stays unlinked",
        [EN[0], "Employment"],
        FR[:1],
        "en",
        "fr",
        [((0,), (0,)), ((1,), ())],
    ),
    (
        "a sentence whose numbers are all missing on the other side stays unlinked",
        [EN[0], "Provisional agenda for the 7386th meeting of the Security Council"],
        ZH[:1],
        "en",
        "zh",
        [((0,), (0,)), ((1,), ())],
    ),
    ("both sides empty", [], [], "en", "fr", []),
    ("target empty", EN[:2], [], "en", "fr", [((0,), ()), ((1,), ())]),
    ("source empty", [], FR[:1], "en", "fr", [((), (0,))]),
]


@pytest.mark.parametrize(
    ("source", "target", "sl", "tl", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_align(
    source: list[str],
    target: list[str],
    sl: str,
    tl: str,
    expected: list[tuple[tuple[int, ...], tuple[int, ...]]],
) -> None:
    links = align_sentences(source, target, sl, tl)
    assert shape(links) == expected
    assert all(0.0 <= link.score <= 1.0 for link in links)


def test_linked_pairs_score_higher_than_unlinked() -> None:
    links = align_sentences(EN, [FR[0], FR[1], FR[3]], "en", "fr")
    linked = [link.score for link in links if link.source and link.target]
    unlinked = [link.score for link in links if not (link.source and link.target)]
    assert min(linked) > max(unlinked)


_SEGMENTS = st.lists(st.sampled_from(EN + FR + ZH + ["", "1.", "(a)", "x" * 300]), max_size=9)


@given(_SEGMENTS, _SEGMENTS, st.sampled_from(["en", "fr", "zh", "ar"]))
def test_links_are_monotone_and_cover_each_index_once(
    source: list[str], target: list[str], tl: str
) -> None:
    links = align_sentences(source, target, "en", tl)
    sources = [i for link in links for i in link.source]
    targets = [j for link in links for j in link.target]
    assert sources == list(range(len(source)))
    assert targets == list(range(len(target)))
    assert all(0.0 <= link.score <= 1.0 for link in links)


def test_anchors_read_reversed_thousands_and_skip_month_numbers() -> None:
    arabic = anchors("يبلغ 000 819 5 دولار و 223 8 مدرسا")
    chinese = anchors("2015年1月20日，共5 819 000美元，8 223名")
    assert arabic == Counter({"5819000": 1, "8223": 1})
    assert chinese == Counter({"2015": 1, "20": 1, "5819000": 1, "8223": 1})
