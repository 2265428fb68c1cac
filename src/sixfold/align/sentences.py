"""Sentence alignment of two language versions of a text.

A dynamic programme over beads (1-1, 1-0, 0-1, 1-2, 2-1, 2-2 and 1-n, n-1 when one side is a
whole paragraph joined into one segment), as Gale and Church (1993) do, with these costs per bead:

* length: the lengths, brought to English characters by a per-language ratio, differ by a normal
  amount (Gale and Church's model), so a zh sentence a third as long as its en one is normal;
  digits (and Latin letters in other scripts) are one English character each in any language;
* anchors: tokens that every language writes alike (numbers with their digits folded and
  thousands separators dropped, document symbols, brackets, quotes, colons, semicolons, percent
  signs). A number on one side only is strong evidence that two sentences are not translations,
  which length alone cannot see when a sentence was left out of the translation; so is a
  segment of a merged bead none of whose anchors are on the other side (a stray);
* commas, a weak anchor: the two sides' counts, per-language rates applied, should agree.

Unlinked segments (1-0, 0-1) carry no anchor cost: there is nothing to compare them with. The
programme runs in a band around the diagonal, so time grows linearly with the text.
"""

from __future__ import annotations

import itertools
import math
import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import regex

from sixfold.align.model import Link
from sixfold.facts.digits import to_ascii_digits

_INF = math.inf
_SQRT2 = math.sqrt(2.0)
_NUMBER = regex.compile(r"\d+")
# kinds of anchor; numbers and symbols count by value, the others by kind. (One pattern per kind:
# a single alternation of them all is ten times slower, it loses the engine's first-character
# scan.)
_KINDS = ("number", "symbol", "percent", "quotes", "brackets", "colon", "semicolon")


@dataclass(frozen=True)
class _Params:
    ratio: dict[str, float]
    shared: dict[str, regex.Pattern[str]]
    variance: float
    one_one: float
    one_zero: float
    short: float
    two_one: float
    two_two: float
    many: float
    step: float
    max_group: int
    match: float
    miss: float
    band: int
    give_up: float
    centre: float
    scale: float
    anchors: tuple[tuple[str, regex.Pattern[str]], ...]
    item: regex.Pattern[str]
    most_missed: float
    stray: float
    comma: regex.Pattern[str]
    comma_rate: dict[str, float]
    comma_miss: float
    most_commas: float


@cache
def _params() -> _Params:
    path = resources.files("sixfold.align").joinpath("data", "alignment.toml")
    data: dict[str, Any] = tomllib.loads(path.read_text("utf-8"))
    beads, anchors = data["beads"], data["anchors"]
    return _Params(
        ratio=data["length"]["ratio"],
        shared={k: regex.compile(v) for k, v in data["length"]["shared"].items()},
        variance=data["length"]["variance"],
        one_one=beads["one_one"],
        one_zero=beads["one_zero"],
        short=beads["short"],
        two_one=beads["two_one"],
        two_two=beads["two_two"],
        many=beads["many"],
        step=beads["step"],
        max_group=beads["max_group"],
        match=anchors["match"],
        miss=anchors["miss"],
        band=data["search"]["band"],
        give_up=data["search"]["give_up"],
        centre=data["score"]["centre"],
        scale=data["score"]["scale"],
        anchors=tuple(
            (kind, regex.compile(anchors[kind], regex.IGNORECASE if kind == "percent" else 0))
            for kind in _KINDS
        ),
        item=regex.compile(anchors["item"]),
        most_missed=anchors["most_missed"],
        stray=anchors["stray"],
        comma=regex.compile(data["commas"]["comma"]),
        comma_rate=data["commas"]["rate"],
        comma_miss=data["commas"]["miss"],
        most_commas=data["commas"]["most_missed"],
    )


def length_ratio(source_lang: str, target_lang: str) -> float:
    """Characters of ``target_lang`` per character of ``source_lang`` for the same text."""
    ratio = _params().ratio
    return ratio.get(target_lang, 1.0) / ratio.get(source_lang, 1.0)


def anchors(text: str) -> Counter[str]:
    """The language-independent tokens of a segment, with their counts: numbers as integers,
    symbols as written, and the kind of each bracket, quote and percent sign. A list number
    opening the segment is left out: one language version often drops it."""
    params = _params()
    found: Counter[str] = Counter()
    text = to_ascii_digits(text)
    item = params.item.match(text)
    if item:
        text = text[item.end() :]
    for kind, pattern in params.anchors:
        tokens = pattern.findall(text)
        if not tokens:
            continue
        if kind == "number":
            found.update(_number(token) for token in tokens)
        elif kind == "symbol":
            found.update(tokens)
        else:
            found[kind] += len(tokens)
    return found


def _number(token: str) -> str:
    """A number's value, from its digits alone; groups of thousands stored in reverse (a last
    group shorter than three digits, as Arabic text often has them) are put back in order."""
    groups = _NUMBER.findall(token)
    if len(groups[-1]) < 3:
        groups.reverse()
    return str(int("".join(groups)))


class _Side:
    """One side's segments as the costs need them: running totals of lengths (in English
    characters) and of anchor counts, so any run's are two look-ups, and the merged anchors of
    a run, built only when a bead needs them and then reused."""

    def __init__(self, segments: Sequence[str], lang: str, params: _Params) -> None:
        per_char = 1.0 / params.ratio.get(lang, 1.0)
        self.prefix = [0.0]
        self.counts = [0]
        self.commas = [0.0]
        per_comma = 1.0 / params.comma_rate.get(lang, 1.0)
        self.runs: dict[tuple[int, int], Counter[str]] = {}
        for k, segment in enumerate(segments):
            found = anchors(segment)
            self.runs[k, k + 1] = found
            chars = "".join(segment.split())
            shared = len(params.shared[lang].findall(chars)) if lang in params.shared else 0
            self.prefix.append(self.prefix[-1] + (len(chars) - shared) * per_char + shared)
            self.counts.append(self.counts[-1] + found.total())
            self.commas.append(self.commas[-1] + len(params.comma.findall(segment)) * per_comma)
        # the cost of leaving each segment unlinked: less for a short one, which could otherwise
        # join a neighbour's bead for free (its length hardly changes the bead's)
        self.unlinked = [
            params.one_zero * min(1.0, (end - start) / params.short)
            for start, end in itertools.pairwise(self.prefix)
        ]

    def strays(self, start: int, end: int, other: Counter[str]) -> int:
        """How many of the run's segments have anchors and none of them on the other side: a
        segment of a bead with nothing to show for being there."""
        return sum(
            1
            for k in range(start, end)
            if (own := self.runs[k, k + 1]) and not any(token in other for token in own)
        )

    def run(self, start: int, end: int) -> Counter[str]:
        merged = self.runs.get((start, end))
        if merged is None:
            merged = self.run(start, end - 1) + self.runs[end - 1, end]
            self.runs[start, end] = merged
        return merged


class _Costs:
    def __init__(self, source: _Side, target: _Side, params: _Params) -> None:
        self.source, self.target, self.params = source, target, params
        self.families = [
            [(ds, dt, self.prior(ds, dt)) for ds, dt in family]
            for family in _families(params.max_group)
        ]

    def prior(self, ds: int, dt: int) -> float:
        p = self.params
        if ds == 0 or dt == 0:
            return p.one_zero
        small, large = min(ds, dt), max(ds, dt)
        if large == 1:
            return p.one_one
        if small == 2:
            return p.two_two
        if large == 2:
            return p.two_one
        return p.many + p.step * (large - 3)

    def bead(self, s0: int, s1: int, t0: int, t1: int, prior: float, bound: float) -> float | None:
        """The cost of a bead; infinity once it is sure to reach ``bound`` (the anchors, the
        slowest part, are then not compared); None when the side that grows along its family
        (n-1, 1-n) is already so much longer than the other that no larger n can fit."""
        p, source, target = self.params, self.source, self.target
        ls = source.prefix[s1] - source.prefix[s0]
        lt = target.prefix[t1] - target.prefix[t0]
        spread = math.sqrt(p.variance * (ls + lt) / 2) or 1.0
        excess = (ls - lt if s1 - s0 > t1 - t0 else lt - ls) / spread
        if s1 - s0 != t1 - t0 and excess > p.give_up:
            return None
        size_a = source.counts[s1] - source.counts[s0]
        size_b = target.counts[t1] - target.counts[t0]
        # the anchors can lower the cost by at most this much: prune before the costly parts
        reward = p.match * min(size_a, size_b)
        if prior - reward >= bound:
            return _INF
        tail = math.erfc(abs(lt - ls) / spread / _SQRT2)
        cost = prior + (-math.log(tail) if tail > 1e-300 else 690.0)
        if cost - reward >= bound:
            return _INF
        matched = 0
        if reward:
            a, b = source.run(s0, s1), target.run(t0, t1)
            if size_a > size_b:
                a, b = b, a
            matched = sum(min(count, b[token]) for token, count in a.items())
        missed = min(size_a + size_b - 2 * matched, p.most_missed)
        commas = abs(source.commas[s1] - source.commas[s0] - target.commas[t1] + target.commas[t0])
        cost += p.miss * missed - p.match * matched + min(p.comma_miss * commas, p.most_commas)
        if cost >= bound:
            return _INF
        if size_a and size_b and s1 - s0 > 1:
            cost += p.stray * source.strays(s0, s1, target.run(t0, t1))
        if size_a and size_b and t1 - t0 > 1:
            cost += p.stray * target.strays(t0, t1, source.run(s0, s1))
        return cost


def _families(max_group: int) -> list[list[tuple[int, int]]]:
    """The beads that link segments, by family: in a family one side grows by a segment at a
    time, so the search can stop growing it once it is far too long. (1-0 and 0-1 beads cost
    their prior alone and are tried first, outside the families.)"""
    sizes = range(2, max_group + 1)
    return [[(1, 1)], [(2, 2)], [(n, 1) for n in sizes], [(1, n) for n in sizes]]


def align_sentences(
    source: Sequence[str], target: Sequence[str], source_lang: str, target_lang: str
) -> list[Link]:
    """Links between the sentences (or segments) of two language versions, in text order."""
    params = _params()
    n, m = len(source), len(target)
    costs = _Costs(_Side(source, source_lang, params), _Side(target, target_lang, params), params)
    slope = m / n if n else 0.0
    # Each row's band reaches its neighbours' diagonal points, so bands overlap and the corner
    # stays reachable even when one side has far more segments than the other.
    bands = [
        (
            max(0, math.floor((i - 1) * slope) - params.band),
            min(m, math.ceil((i + 1) * slope) + params.band),
        )
        for i in range(n + 1)
    ]
    # best[i][j]: (cost of the cheapest path to (i, j), its last bead's ds, dt and cost)
    best: list[dict[int, tuple[float, int, int, float]]] = [{} for _ in range(n + 1)]
    best[0][0] = (0.0, 0, 0, 0.0)
    skip_source, skip_target = costs.source.unlinked, costs.target.unlinked
    for i in range(n + 1):
        lo, hi = bands[i]
        row, above = best[i], best[i - 1] if i else {}
        for j in range(max(lo, 1 if i == 0 else 0), hi + 1):
            top = (_INF, 0, 0, 0.0)
            if j - 1 in row:
                skip = skip_target[j - 1]
                top = (row[j - 1][0] + skip, 0, 1, skip)
            if j in above:
                skip = skip_source[i - 1]
                if above[j][0] + skip < top[0]:
                    top = (above[j][0] + skip, 1, 0, skip)
            for family in costs.families:
                for ds, dt, prior in family:
                    pi, pj = i - ds, j - dt
                    if pi < 0 or pj < 0:
                        break
                    before = best[pi].get(pj)
                    if before is None:
                        continue
                    cost = costs.bead(pi, i, pj, j, prior, top[0] - before[0])
                    if cost is None:
                        break
                    if before[0] + cost < top[0]:
                        top = (before[0] + cost, ds, dt, cost)
            if top[0] < _INF:
                row[j] = top
    return _trace(best, params, n, m)


def _trace(
    best: list[dict[int, tuple[float, int, int, float]]], params: _Params, n: int, m: int
) -> list[Link]:
    links: list[Link] = []
    i, j = n, m
    while i or j:
        _, ds, dt, cost = best[i][j]
        # an unlinked segment scores 0.5 however short (its cost is lower only to keep it out of
        # its neighbours' beads)
        score = 0.5
        if ds and dt:
            score = 1.0 / (1.0 + math.exp((cost - params.centre) / params.scale))
        links.append(Link(tuple(range(i - ds, i)), tuple(range(j - dt, j)), round(score, 4)))
        i, j = i - ds, j - dt
    links.reverse()
    return links
