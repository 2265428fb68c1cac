"""Aligned segments across several language versions: what a translation memory stores.

The first language is the pivot: every other version is aligned to it, and a unit holds the
pivot's paragraph (or run of paragraphs) with each language's counterpart, so a unit of an
``en,zh,ar`` memory is one English paragraph with its Chinese and Arabic translations.  A pivot
paragraph that a language links only as part of a different run is left out of that language
rather than paired with the wrong text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sixfold.align.paragraphs import align_paragraphs, paragraphs_of
from sixfold.model import Document


@dataclass
class Unit:
    """One aligned segment: the pivot's paragraph ids, the text per language, the weakest
    link's score."""

    symbol: str | None
    segment: str
    texts: dict[str, str] = field(default_factory=dict)
    score: float = 1.0


def _text(doc: Document, positions: tuple[int, ...]) -> str:
    paragraphs = paragraphs_of(doc)
    return "\n".join(paragraphs[k][1].text for k in positions)


def paragraph_units(pivot: Document, others: list[Document]) -> list[Unit]:
    """Units in the pivot's order; a unit with no other language is dropped."""
    ids = [pid for pid, _ in paragraphs_of(pivot)]
    by_run: dict[tuple[int, ...], Unit] = {}
    for other in others:
        for link in align_paragraphs(pivot, other):
            if not link.source or not link.target:
                continue
            unit = by_run.get(link.source)
            if unit is None:
                segment = "+".join(ids[k] for k in link.source)
                unit = by_run[link.source] = Unit(pivot.symbol, segment)
                unit.texts[pivot.language or "?"] = _text(pivot, link.source)
            unit.texts[other.language or "?"] = _text(other, link.target)
            unit.score = min(unit.score, link.score)
    return [by_run[run] for run in sorted(by_run)]
