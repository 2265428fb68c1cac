"""Paragraph alignment of two language versions of one document.

Translations of UN documents keep the paragraph structure, so most links are 1-1; but parsed
raw forms lose, merge or split paragraphs, and one version may carry a paragraph the other
lacks.  A dynamic programme over the two paragraph lists (1-1, 2-1, 1-2, 1-0, 0-1 steps) finds
the cheapest path, within a band around the diagonal so time stays linear in the document's
length.  A pair's similarity uses only what translation leaves intact: the paragraph kind, the
operative number, the relative length (per-language ratio), the numbers, and the
count of footnote markers.  All weights and costs are data (``align/data/paragraphs.toml``).
"""

from __future__ import annotations

import math
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import Any

from sixfold.align.anchors import numbers
from sixfold.align.model import Link
from sixfold.facts.digits import to_ascii_digits
from sixfold.model import Document, Paragraph

# Characters that are not ASCII letters, digits or punctuation: controls, space and DEL.
_NOT_PRINTABLE = bytes(range(0x21)) + b"\x7f"
_NOT_DIGIT = bytes(b for b in range(256) if not 0x30 <= b <= 0x39)


@dataclass(frozen=True)
class Segment:
    """One alignable paragraph: its id (annex paragraphs prefixed ``annex<k>/``) and what the
    similarity needs, computed once."""

    id: str
    paragraph: Paragraph
    length: float
    anchors: Counter[str]


@dataclass(frozen=True)
class _Params:
    ratio: dict[str, float]
    latin: frozenset[str]
    spread: float
    short_spread: float
    w_number: float
    w_one_number: float
    w_kind: float
    w_length: float
    w_anchors: float
    w_notes: float
    skip: float
    merge: float
    mixed_merge: float
    band: int
    heading_length: float
    heading_not_after: tuple[str, ...]


@cache
def _params() -> _Params:
    path = resources.files("sixfold.align").joinpath("data", "paragraphs.toml")
    data: dict[str, Any] = tomllib.loads(path.read_text("utf-8"))
    weights, costs = data["weights"], data["costs"]
    return _Params(
        ratio={k: float(v) for k, v in data["length_ratio"].items()},
        latin=frozenset(data["latin_script"]["languages"]),
        spread=data["length_spread"]["floor"],
        short_spread=data["length_spread"]["short"],
        w_number=weights["number"],
        w_one_number=weights["one_number"],
        w_kind=weights["kind"],
        w_length=weights["length"],
        w_anchors=weights["anchors"],
        w_notes=weights["notes"],
        skip=costs["skip"],
        merge=costs["merge"],
        mixed_merge=costs["mixed_merge"],
        band=data["search"]["band"],
        heading_length=data["heading"]["length"],
        heading_not_after=tuple(data["heading"]["not_after"]),
    )


def paragraphs_of(doc: Document) -> list[tuple[str, Paragraph]]:
    """Body paragraphs then annex paragraphs, with ids unique across them (footnotes are not
    paragraphs: they follow their marker)."""
    body = [(p.id, p) for p in doc.paragraphs]
    annexed = [(f"annex{k}/{p.id}", p) for k, a in enumerate(doc.annexes, 1) for p in a.paragraphs]
    return body + annexed


def segments(doc: Document) -> list[Segment]:
    """The paragraphs of :func:`paragraphs_of` with their length and numbers, computed once."""
    lang = doc.language or "en"
    ratio = _params().ratio.get(lang, 1.0)
    return [
        Segment(i, p, _length(p.text, lang, ratio), numbers(p.text)) for i, p in paragraphs_of(doc)
    ]


def char_counts(text: str, lang: str) -> tuple[int, int]:
    """The characters of a text, spaces aside, as (written the same in English, the rest).

    Digits are the same in every language; a language not written in the Latin script also
    writes acronyms, symbols and ASCII signs as English does ("COVID-19", "A/RES/77/1").  The
    rest is what a language's length ratio scales."""
    text = to_ascii_digits(text)
    printable = text.encode("ascii", "ignore").translate(None, _NOT_PRINTABLE)
    latin = lang in _params().latin
    same = len(printable.translate(None, _NOT_DIGIT)) if latin else len(printable)
    return same, sum(map(len, text.split())) - same


def _length(text: str, lang: str, ratio: float) -> float:
    """Length in English-equivalent characters (:func:`char_counts`)."""
    same, scaled = char_counts(text, lang)
    return same + scaled / ratio


def _kind(seg: Segment, params: _Params) -> str:
    """The paragraph's kind as versions agree on it: a heading (short, unnumbered, not ended by
    sentence or clause punctuation) whatever the XML calls it (the Arabic XML calls its section
    headings operative, the others other); an operative paragraph without a number is other."""
    p = seg.paragraph
    if p.number:
        return p.kind
    text = p.text.rstrip()
    if seg.length <= params.heading_length and not text.endswith(params.heading_not_after):
        return "heading"
    return "other" if p.kind == "operative" else p.kind


def _length_similarity(a: float, b: float, p: _Params) -> float:
    """1 for equal lengths, falling as the log ratio grows; short texts vary more in
    translation, so their spread is wider."""
    if not a or not b:
        return float(a == b)
    spread = p.spread + p.short_spread / math.sqrt(a + b)
    return math.exp(-((math.log(a / b) / spread) ** 2) / 2)


@dataclass(frozen=True)
class _Run:
    """One paragraph or two adjacent ones, as the similarity sees them: the first paragraph's
    kind and number (a merged paragraph keeps its first paragraph's number), the summed length,
    anchors and footnote markers, and what a step joining the run adds to its cost."""

    kind: str
    number: str | None
    length: float
    anchors: Counter[str]
    size: int
    notes: int
    extra: float


def _single(seg: Segment, params: _Params) -> _Run:
    p = seg.paragraph
    return _Run(
        _kind(seg, params),
        p.number,
        seg.length,
        seg.anchors,
        seg.anchors.total(),
        len(p.footnotes),
        0.0,
    )


def _pair(first: _Run, second: _Run, params: _Params) -> _Run:
    """Two adjacent paragraphs as one.  Joining them costs more when they differ in kind (a
    heading and a paragraph) or the second has its own number, which a lost paragraph break
    seldom makes: a number starts a paragraph in every language."""
    mixed = first.kind != second.kind or bool(second.number)
    return _Run(
        first.kind,
        first.number,
        first.length + second.length,
        first.anchors + second.anchors,
        first.size + second.size,
        first.notes + second.notes,
        params.merge + (params.mixed_merge if mixed else 0.0),
    )


def _runs(segs: list[Segment], params: _Params) -> tuple[list[_Run], list[_Run]]:
    """Every paragraph, and every two adjacent paragraphs, computed once for the programme."""
    singles = [_single(s, params) for s in segs]
    pairs = [_pair(a, b, params) for a, b in pairwise(singles)]
    return singles, pairs


def _similarity(a: _Run, b: _Run, p: _Params) -> float:
    """How alike two runs are, in [0, 1]: a weighted mean of the features either side has."""
    total = p.w_kind + p.w_length
    value = p.w_kind if a.kind == b.kind else 0.0
    if a.number and b.number:
        total += p.w_number
        if a.number == b.number:
            value += p.w_number
    elif a.number or b.number:
        total += p.w_one_number
    value += p.w_length * _length_similarity(a.length, b.length, p)
    if a.size or b.size:
        total += p.w_anchors
        if a.size and b.size:
            small, large = a.anchors, b.anchors
            if len(small) > len(large):
                small, large = large, small
            shared = sum(min(c, large[t]) for t, c in small.items() if t in large)
            value += p.w_anchors * 2 * shared / (a.size + b.size)
    if a.notes or b.notes:
        total += p.w_notes
        if a.notes == b.notes:
            value += p.w_notes
    return value / total


def align_segments(source: list[Segment], target: list[Segment]) -> list[Link]:
    """The cheapest monotone path of 1-1, 2-1, 1-2, 1-0 and 0-1 steps, as links in order.

    Every paragraph and every two adjacent ones are described once (:func:`_runs`), so a step
    is a few arithmetic operations; a merge step is not scored when its extra cost alone
    already loses to a cheaper step into the same cell.
    """
    p = _params()
    n, m = len(source), len(target)
    s1, s2 = _runs(source, p)
    t1, t2 = _runs(target, p)
    width = p.band + abs(n - m)
    inf, skip = math.inf, p.skip
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, float]]] = [[(0, 0, 0.0)] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        centre = i * m // n if n else 0
        row, steps = cost[i], back[i]
        up = cost[i - 1] if i else row
        up2 = cost[i - 2] if i > 1 else row
        for j in range(max(0, centre - width), min(m, centre + width) + 1):
            best, step = inf, (0, 0, 0.0)
            if i and j:
                prev = up[j - 1]
                if prev < inf:
                    sim = _similarity(s1[i - 1], t1[j - 1], p)
                    best, step = prev + 1.0 - sim, (1, 1, sim)
                if i > 1:
                    prev, run = up2[j - 1], s2[i - 2]
                    if prev + run.extra < best:
                        sim = _similarity(run, t1[j - 1], p)
                        if prev + 1.0 - sim + run.extra < best:
                            best, step = prev + 1.0 - sim + run.extra, (2, 1, sim)
                if j > 1:
                    prev, run = up[j - 2], t2[j - 2]
                    if prev + run.extra < best:
                        sim = _similarity(s1[i - 1], run, p)
                        if prev + 1.0 - sim + run.extra < best:
                            best, step = prev + 1.0 - sim + run.extra, (1, 2, sim)
            if i and up[j] + skip < best:
                best, step = up[j] + skip, (1, 0, 0.0)
            if j and row[j - 1] + skip < best:
                best, step = row[j - 1] + skip, (0, 1, 0.0)
            if best < inf:
                row[j], steps[j] = best, step
    links: list[Link] = []
    i, j = n, m
    while i or j:
        di, dj, sim = back[i][j]
        links.append(Link(tuple(range(i - di, i)), tuple(range(j - dj, j)), round(sim, 4)))
        i, j = i - di, j - dj
    links.reverse()
    return links


def align_paragraphs(source: Document, target: Document) -> list[Link]:
    """Links between the positions of :func:`paragraphs_of` of two language versions.

    A 1-0 or 0-1 link (a paragraph with no counterpart) has score 0: nothing is claimed to be
    said on both sides.
    """
    return align_segments(segments(source), segments(target))
