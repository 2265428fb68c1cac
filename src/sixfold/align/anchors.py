"""Language-independent anchors of a text: what survives translation unchanged.

Numbers (Arabic-Indic and full-width digits folded to ASCII) and cited document symbols are
written the same in all six languages, so two paragraphs that share them are likely to be
translations of each other whatever their words.  Both the paragraph aligner and the
fingerprint that links language versions rely on them.
"""

from __future__ import annotations

from collections import Counter

import regex

from sixfold.citations import find_citations
from sixfold.facts.digits import to_ascii_digits

_NUMBER = regex.compile(r"\d+")


def numbers(text: str) -> Counter[str]:
    """The numbers of a text, as a multiset (a number said twice counts twice).

    The paragraph aligner uses these alone: a cited symbol's numbers are among them already,
    and finding the citations would take more time than the rest of the alignment."""
    return Counter(_NUMBER.findall(to_ascii_digits(text)))


def anchors(text: str, lang: str) -> Counter[str]:
    """Numbers and cited symbols of a text, as a multiset."""
    found = numbers(text)
    if found:
        found.update("@" + c.target for c in find_citations(text, lang))
    return found


def overlap(a: Counter[str], b: Counter[str]) -> float:
    """Dice coefficient of two multisets: 1 when they are equal, 0 when they share nothing."""
    total = a.total() + b.total()
    return 2 * (a & b).total() / total if total else 1.0
