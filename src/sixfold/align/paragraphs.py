"""Paragraph alignment of two language versions of one document.

Translations of UN documents keep the paragraph structure, so most links are 1-1; but parsed
raw forms lose, merge or split paragraphs, and one version may carry a paragraph the other
lacks.  A dynamic programme over the two paragraph lists (1-1, 2-1, 1-2, 1-0, 0-1 steps) finds
the cheapest path, within a band around the diagonal so time stays linear in the document's
length.  A pair's similarity uses only what translation leaves intact: the paragraph kind, the
operative number, the relative length (per-language ratio), numbers and cited symbols, and the
count of footnote markers.
"""

from __future__ import annotations

import math
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex

from sixfold.align.anchors import anchors, overlap
from sixfold.align.model import Link
from sixfold.model import Document, Paragraph

# Cost of leaving a paragraph unlinked, and the extra cost of a 2-1 or 1-2 step over a 1-1
# step: a pair must be worse than this to be split, a merge better than two links by this.
SKIP_COST = 0.45
MERGE_COST = 0.2
MIXED_MERGE_COST = 0.3
# Half-width of the band around the diagonal, beyond the difference of the counts.
BAND = 12
# Spread of the log length ratio of a paragraph and its translation: a floor, and a part that
# shrinks with length (in English-equivalent characters).
_SPREAD, _SHORT_SPREAD = 0.15, 3.0
_ASCII = regex.compile(r"[\x21-\x7e]")
# Feature weights in a pair's similarity; a feature neither side has is left out.
_W_NUMBER, _W_ONE_NUMBER, _W_KIND, _W_LENGTH, _W_ANCHORS, _W_NOTES = 4.0, 1.0, 1.0, 2.0, 2.0, 0.5


@dataclass(frozen=True)
class Segment:
    """One alignable paragraph: its id (annex paragraphs prefixed ``annex<k>/``) and what the
    similarity needs, computed once."""

    id: str
    paragraph: Paragraph
    length: float
    anchors: Counter[str]


@cache
def _ratios() -> dict[str, float]:
    data = resources.files("sixfold.align").joinpath("data/paragraphs.toml").read_text("utf-8")
    return {k: float(v) for k, v in tomllib.loads(data)["length_ratio"].items()}


def paragraphs_of(doc: Document) -> list[tuple[str, Paragraph]]:
    """Body paragraphs then annex paragraphs, with ids unique across them (footnotes are not
    paragraphs: they follow their marker)."""
    body = [(p.id, p) for p in doc.paragraphs]
    annexed = [(f"annex{k}/{p.id}", p) for k, a in enumerate(doc.annexes, 1) for p in a.paragraphs]
    return body + annexed


def segments(doc: Document) -> list[Segment]:
    lang = doc.language or "en"
    ratio = _ratios().get(lang, 1.0)
    return [
        Segment(i, p, _length(p.text, ratio), anchors(p.text, lang)) for i, p in paragraphs_of(doc)
    ]


def _length(text: str, ratio: float) -> float:
    """Length in English-equivalent characters: digits, Latin letters and ASCII punctuation are
    the same in every language, only the rest is scaled by the language's ratio."""
    same = len(_ASCII.findall(text))
    return same + (len(text) - same) / ratio


def _kind(p: Paragraph) -> str:
    """An operative paragraph without a number is a heading to some readers and operative to
    others, so only a numbered one counts as operative."""
    return "other" if p.kind == "operative" and not p.number else p.kind


def length_similarity(a: float, b: float) -> float:
    """1 for equal lengths, falling as the log ratio grows; short texts vary more in
    translation, so their spread is wider."""
    if not a or not b:
        return float(a == b)
    spread = _SPREAD + _SHORT_SPREAD / math.sqrt(a + b)
    return math.exp(-((math.log(a / b) / spread) ** 2) / 2)


def similarity(source: list[Segment], target: list[Segment]) -> float:
    """How alike two runs of paragraphs are, in [0, 1]; the first paragraph of each run carries
    the kind and number (a merged paragraph keeps its first paragraph's number)."""
    s, t = source[0].paragraph, target[0].paragraph
    parts: list[tuple[float, float]] = [(_W_KIND, float(_kind(s) == _kind(t)))]
    if s.number and t.number:
        parts.append((_W_NUMBER, float(s.number == t.number)))
    elif s.number or t.number:
        parts.append((_W_ONE_NUMBER, 0.0))
    ls, lt = sum(x.length for x in source), sum(x.length for x in target)
    parts.append((_W_LENGTH, length_similarity(ls, lt)))
    sa: Counter[str] = Counter()
    ta: Counter[str] = Counter()
    for x in source:
        sa.update(x.anchors)
    for x in target:
        ta.update(x.anchors)
    if sa or ta:
        parts.append((_W_ANCHORS, overlap(sa, ta)))
    sn = sum(len(x.paragraph.footnotes) for x in source)
    tn = sum(len(x.paragraph.footnotes) for x in target)
    if sn or tn:
        parts.append((_W_NOTES, float(sn == tn)))
    return sum(w * v for w, v in parts) / sum(w for w, _ in parts)


def _merge_cost(source: list[Segment], target: list[Segment]) -> float:
    """Nothing for a 1-1 step; more for a merge of paragraphs of different kinds (a heading
    and a paragraph) or of a numbered paragraph into the one before, which a lost paragraph
    break seldom makes: a number starts a paragraph in every language."""
    run = source if len(source) > 1 else target
    if len(run) == 1:
        return 0.0
    mixed = len({_kind(x.paragraph) for x in run}) > 1 or any(x.paragraph.number for x in run[1:])
    return MERGE_COST + (MIXED_MERGE_COST if mixed else 0.0)


_STEPS = ((1, 1), (2, 1), (1, 2), (1, 0), (0, 1))


def align_segments(source: list[Segment], target: list[Segment]) -> list[Link]:
    """The cheapest monotone path of 1-1, 2-1, 1-2, 1-0 and 0-1 steps, as links in order."""
    n, m = len(source), len(target)
    width = BAND + abs(n - m)
    inf = float("inf")
    cost: dict[tuple[int, int], float] = {(0, 0): 0.0}
    back: dict[tuple[int, int], tuple[int, int, float]] = {}
    for i in range(n + 1):
        centre = i * m // n if n else 0
        for j in range(max(0, centre - width), min(m, centre + width) + 1):
            if i == j == 0:
                continue
            best, best_step = inf, (0, 0, 0.0)
            for di, dj in _STEPS:
                prev = cost.get((i - di, j - dj))
                if prev is None:
                    continue
                if di and dj:
                    sim = similarity(source[i - di : i], target[j - dj : j])
                    step = 1.0 - sim + _merge_cost(source[i - di : i], target[j - dj : j])
                else:
                    sim, step = 0.0, SKIP_COST
                if prev + step < best:
                    best, best_step = prev + step, (di, dj, sim)
            if best < inf:
                cost[i, j] = best
                back[i, j] = best_step
    links: list[Link] = []
    i, j = n, m
    while i or j:
        di, dj, sim = back[i, j]
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
