"""The result of every aligner: links between positions of two sequences, with a score."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Link:
    """Positions of the source joined to positions of the target.

    One side may hold several positions (a paragraph split in translation) or none (a segment
    with no counterpart), so 1-1, 1-n, n-1, 1-0 and 0-1 links share one type. ``score`` is in
    [0, 1]: how sure the aligner is that the two sides say the same thing.
    """

    source: tuple[int, ...]
    target: tuple[int, ...]
    score: float

    def pairs(self) -> list[tuple[int, int]]:
        """The link as pairwise (source, target) links, as alignment scores count them."""
        return [(s, t) for s in self.source for t in self.target]
