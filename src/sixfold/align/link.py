"""Finding the language versions of a document in a library.

By symbol first; but a file may carry no symbol (seed 004, a letter whose symbol is only on
the cover page) or a wrong one, so a version found by symbol is checked, and otherwise looked
for, by a content fingerprint: what translation leaves unchanged (numbers, dates as digits,
cited symbols) and the paragraph structure (how many preambular, operative and annex
paragraphs).  Below :data:`THRESHOLD` the answer is "no version": a wrong match would pair
unrelated texts in a translation memory, which is worse than none.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sixfold.align.anchors import anchors, overlap
from sixfold.library import Library
from sixfold.model import Document

THRESHOLD = 0.75
# Share of the confidence carried by the anchors; the rest by the paragraph structure.
_ANCHOR_WEIGHT = 0.6


@dataclass(frozen=True)
class Fingerprint:
    anchors: Counter[str]
    structure: tuple[int, int, int, int]


@dataclass(frozen=True)
class Version:
    """A language version found for a document, how it was found and how sure that is."""

    document: Document
    confidence: float
    by: str


def fingerprint(doc: Document) -> Fingerprint:
    lang = doc.language or "en"
    found: Counter[str] = Counter()
    texts = [p.text for p in doc.paragraphs]
    texts += [p.text for a in doc.annexes for p in a.paragraphs]
    texts += [n.text for n in doc.footnotes]
    for text in texts:
        found.update(anchors(text, lang))
    kinds = Counter(p.kind for p in doc.paragraphs)
    annexed = sum(len(a.paragraphs) for a in doc.annexes)
    return Fingerprint(
        found, (kinds["preambular"], kinds["operative"], annexed, len(doc.footnotes))
    )


def resemblance(a: Fingerprint, b: Fingerprint) -> float:
    """In [0, 1]: 1 when two documents share every anchor and have the same structure."""
    ratios = [
        min(x, y) / max(x, y) if max(x, y) else 1.0
        for x, y in zip(a.structure, b.structure, strict=True)
    ]
    structure = sum(ratios) / len(ratios)
    return _ANCHOR_WEIGHT * overlap(a.anchors, b.anchors) + (1 - _ANCHOR_WEIGHT) * structure


def find_version(library: Library, doc: Document, language: str) -> Version | None:
    """The ``language`` version of ``doc`` in the library, or None when none is sure enough."""
    mark = fingerprint(doc)
    if doc.symbol:
        for other in library.documents(doc.symbol, language):
            confidence = resemblance(mark, fingerprint(other))
            if confidence >= THRESHOLD:
                return Version(other, round(max(confidence, 0.99), 4), "symbol")
    best: Version | None = None
    for other in library.candidates(language, doc.session):
        if other.source and doc.source and other.source.sha256 == doc.source.sha256:
            continue
        confidence = resemblance(mark, fingerprint(other))
        if confidence >= THRESHOLD and (best is None or confidence > best.confidence):
            best = Version(other, round(confidence, 4), "fingerprint")
    return best
