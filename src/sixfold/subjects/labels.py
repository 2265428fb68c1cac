"""Thesaurus labels found in a text, in any of the six languages.

A label is a sequence of folded terms (words, or Chinese characters), so the search walks the
text's terms and extends a candidate only while it is still the prefix of some label: most
positions stop after one look-up, which keeps Chinese (a label is a character string, no
segmenter needed) as fast as the spaced languages.
"""

from __future__ import annotations

import functools
from collections import Counter

from sixfold.subjects.vocabulary import Vocabulary


class LabelMatcher:
    """Counts, per concept id, the label occurrences in a list of folded terms."""

    def __init__(self, index: dict[str, list[str]]) -> None:
        self._index = {tuple(key.split(" ")): ids for key, ids in index.items() if key}
        self._prefixes = {label[:n] for label in self._index for n in range(1, len(label) + 1)}

    def find(self, terms: list[str]) -> Counter[str]:
        found: Counter[str] = Counter()
        for start in range(len(terms)):
            end = start + 1
            while end <= len(terms) and tuple(terms[start:end]) in self._prefixes:
                for concept_id in self._index.get(tuple(terms[start:end]), ()):
                    found[concept_id] += 1
                end += 1
        return found


@functools.cache
def matcher(vocabulary: Vocabulary, lang: str) -> LabelMatcher:
    """One matcher per vocabulary and language, built once (building folds every label)."""
    return LabelMatcher(vocabulary.label_index(lang))
