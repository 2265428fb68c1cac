"""Aligned segments across several language versions: what a translation memory stores.

The first language is the pivot: every other version is aligned to it, and a unit holds the
pivot's paragraph or sentence (or run of them) with each language's counterpart, so a unit of an
``en,zh,ar`` memory is one English segment with its Chinese and Arabic translations.  A pivot
paragraph that a language links only as part of a different run is left out of that language
rather than paired with the wrong text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sixfold.align.segments import segment_pairs
from sixfold.model import Document


@dataclass
class Unit:
    """One aligned segment: the pivot's paragraph ids, the text per language, the weakest
    link's score."""

    symbol: str | None
    segment: str
    texts: dict[str, str] = field(default_factory=dict)
    score: float = 1.0


def translation_units(
    pivot: Document, others: list[Document], level: str = "paragraph"
) -> list[Unit]:
    """Units in the pivot's order; a unit with no other language is dropped."""
    by_run: dict[tuple[str, ...], tuple[tuple[int, int], Unit]] = {}
    for other in others:
        for pair in segment_pairs(pivot, other, level):
            if not pair.source or not pair.target:
                continue
            if pair.source not in by_run:
                unit = Unit(pivot.symbol, "+".join(pair.source))
                unit.texts[pivot.language or "?"] = pair.source_text
                by_run[pair.source] = (pair.order, unit)
            unit = by_run[pair.source][1]
            unit.texts[other.language or "?"] = pair.target_text
            unit.score = min(unit.score, pair.score)
    return [unit for _, unit in sorted(by_run.values(), key=lambda entry: entry[0])]
