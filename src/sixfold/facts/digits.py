"""Digit folding: every structured field carries ASCII digits whatever script the document used.

The mapping is one character to one character, so offsets found in the folded text are valid in
the original text too (the date finder relies on that).
"""

from __future__ import annotations

import re

_ZERO_POINTS = (0x0660, 0x06F0, 0xFF10, 0x07C0, 0x0966)
_TABLE = {zero + i: ord("0") + i for zero in _ZERO_POINTS for i in range(10)}
# Most texts have no digit to fold, and finding that out is far cheaper than translating.
_FOLDABLE = re.compile("[" + "".join(f"{chr(z)}-{chr(z + 9)}" for z in _ZERO_POINTS) + "]")


def to_ascii_digits(s: str) -> str:
    """Replace Arabic-Indic, Extended Arabic-Indic and full-width digits by ASCII digits."""
    return s.translate(_TABLE) if _FOLDABLE.search(s) else s
