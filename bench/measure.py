"""What every benchmark measures the same way: latency percentiles and peak Python allocation."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable, Sequence
from typing import Any


def percentile(values: Sequence[float], share: float) -> float:
    """The value below which ``share`` of the values lie (nearest rank, no interpolation)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def peak_alloc_bytes(work: Callable[..., object], *args: Any) -> int:
    """The most memory Python held at once while ``work(*args)`` ran (tracemalloc)."""
    tracemalloc.start()
    try:
        work(*args)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
