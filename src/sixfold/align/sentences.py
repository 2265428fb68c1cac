"""Sentence alignment of two language versions of a text.

A dynamic programme over beads (1-1, 1-0, 0-1, 1-2, 2-1, 2-2 and 1-n, n-1 when one side is a
whole paragraph joined into one segment), as Gale and Church (1993) do, with two costs per bead:

* length: the lengths, brought to English characters by a per-language ratio, differ by a normal
  amount (Gale and Church's model), so a zh sentence a third as long as its en one is normal;
* anchors: tokens that every language writes alike (numbers with their digits folded and
  thousands separators dropped, document symbols, brackets, quotes, percent signs). A number on
  one side only is strong evidence that two sentences are not translations, which length alone
  cannot see when a sentence was left out of the translation.

Unlinked segments (1-0, 0-1) carry no anchor cost: there is nothing to compare them with. The
programme runs in a band around the diagonal, so time grows linearly with the text.
"""

from __future__ import annotations

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
_SPACES = regex.compile(r"\s+")


@dataclass(frozen=True)
class _Params:
    ratio: dict[str, float]
    variance: float
    one_one: float
    one_zero: float
    two_one: float
    two_two: float
    many: float
    step: float
    max_group: int
    match: float
    miss: float
    band: int
    centre: float
    scale: float
    anchors: tuple[tuple[str, regex.Pattern[str]], ...]
    symbol: regex.Pattern[str]
    thousands: regex.Pattern[str]


@cache
def _params() -> _Params:
    path = resources.files("sixfold.align").joinpath("data", "alignment.toml")
    data: dict[str, Any] = tomllib.loads(path.read_text("utf-8"))
    beads, anchors = data["beads"], data["anchors"]
    return _Params(
        ratio=data["length"]["ratio"],
        variance=data["length"]["variance"],
        one_one=beads["one_one"],
        one_zero=beads["one_zero"],
        two_one=beads["two_one"],
        two_two=beads["two_two"],
        many=beads["many"],
        step=beads["step"],
        max_group=beads["max_group"],
        match=anchors["match"],
        miss=anchors["miss"],
        band=data["search"]["band"],
        centre=data["score"]["centre"],
        scale=data["score"]["scale"],
        anchors=tuple(
            (name, regex.compile(anchors[name], regex.IGNORECASE))
            for name in ("percent", "quotes", "brackets")
        ),
        symbol=regex.compile(anchors["symbol"]),
        thousands=regex.compile(anchors["thousands"]),
    )


def anchors(text: str) -> Counter[str]:
    """The language-independent tokens of a segment, with their counts."""
    params = _params()
    found: Counter[str] = Counter()
    for name, pattern in params.anchors:
        count = sum(1 for _ in pattern.finditer(text))
        if count:
            found[name] = count
    found.update(m.group() for m in params.symbol.finditer(text))
    digits = params.thousands.sub("", to_ascii_digits(text))
    found.update(str(int(m.group())) for m in _NUMBER.finditer(digits))
    return found


class _Side:
    """One side's segments as the costs need them: lengths in English characters, anchors, and
    the merged anchors of every run of up to ``max_group`` segments (built once, reused by every
    bead that covers the run)."""

    def __init__(self, segments: Sequence[str], lang: str, params: _Params) -> None:
        per_char = 1.0 / params.ratio.get(lang, 1.0)
        self.prefix = [0.0]
        for segment in segments:
            self.prefix.append(self.prefix[-1] + len(_SPACES.sub("", segment)) * per_char)
        self.anchors = [anchors(segment) for segment in segments]
        self.runs: dict[tuple[int, int], Counter[str]] = {}

    def length(self, start: int, end: int) -> float:
        return self.prefix[end] - self.prefix[start]

    def run(self, start: int, end: int) -> Counter[str]:
        if end - start == 1:
            return self.anchors[start]
        key = (start, end)
        merged = self.runs.get(key)
        if merged is None:
            merged = self.run(start, end - 1) + self.anchors[end - 1]
            self.runs[key] = merged
        return merged


class _Costs:
    def __init__(self, source: _Side, target: _Side, params: _Params) -> None:
        self.source, self.target, self.params = source, target, params

    def prior(self, ds: int, dt: int) -> float:
        p = self.params
        if ds == 0 or dt == 0:
            return p.one_zero
        small, large = min(ds, dt), max(ds, dt)
        if large == 1:
            return p.one_one
        if small == 2:
            return p.two_two if large == 2 else _INF
        if large == 2:
            return p.two_one
        return p.many + p.step * (large - 3)

    def length(self, s0: int, s1: int, t0: int, t1: int) -> float:
        ls, lt = self.source.length(s0, s1), self.target.length(t0, t1)
        mean = (ls + lt) / 2
        if mean == 0:
            return 0.0
        delta = abs(lt - ls) / math.sqrt(self.params.variance * mean)
        tail = math.erfc(delta / _SQRT2)
        return -math.log(tail) if tail > 1e-300 else 690.0

    def anchor(self, s0: int, s1: int, t0: int, t1: int) -> float:
        a, b = self.source.run(s0, s1), self.target.run(t0, t1)
        if not a and not b:
            return 0.0
        matched = sum((a & b).values()) if a and b else 0
        missed = sum(a.values()) + sum(b.values()) - 2 * matched
        return self.params.miss * missed - self.params.match * matched

    def bead(self, s0: int, s1: int, t0: int, t1: int) -> float:
        prior = self.prior(s1 - s0, t1 - t0)
        if s0 == s1 or t0 == t1:
            return prior
        return prior + self.length(s0, s1, t0, t1) + self.anchor(s0, s1, t0, t1)


def _moves(max_group: int) -> list[tuple[int, int]]:
    moves = [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2)]
    for n in range(3, max_group + 1):
        moves += [(n, 1), (1, n)]
    return moves


def align_sentences(
    source: Sequence[str], target: Sequence[str], source_lang: str, target_lang: str
) -> list[Link]:
    """Links between the sentences (or segments) of two language versions, in text order."""
    params = _params()
    n, m = len(source), len(target)
    costs = _Costs(
        _Side(source, source_lang, params), _Side(target, target_lang, params), params
    )
    moves = _moves(params.max_group)
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
    best: list[dict[int, tuple[float, int, int]]] = [{} for _ in range(n + 1)]
    best[0][0] = (0.0, 0, 0)
    for i in range(n + 1):
        lo, hi = bands[i]
        row = best[i]
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                continue
            top = (_INF, 0, 0)
            for ds, dt in moves:
                pi, pj = i - ds, j - dt
                if pi < 0 or pj < 0:
                    continue
                before = best[pi].get(pj)
                if before is None:
                    continue
                total = before[0] + costs.bead(pi, i, pj, j)
                if total < top[0]:
                    top = (total, ds, dt)
            if top[0] < _INF:
                row[j] = top
    return _trace(best, costs, n, m)


def _trace(best: list[dict[int, tuple[float, int, int]]], costs: _Costs, n: int, m: int) -> list[Link]:
    p = costs.params
    links: list[Link] = []
    i, j = n, m
    while i or j:
        _, ds, dt = best[i][j]
        cost = costs.bead(i - ds, i, j - dt, j)
        score = 1.0 / (1.0 + math.exp((cost - p.centre) / p.scale))
        links.append(Link(tuple(range(i - ds, i)), tuple(range(j - dt, j)), round(score, 4)))
        i, j = i - ds, j - dt
    links.reverse()
    return links
