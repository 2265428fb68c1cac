"""Thesaurus labels found in a text, in any of the six languages.

A label is a sequence of folded terms (words, or Chinese characters), kept in a trie, so the
search walks the text's terms and extends a candidate only while it is still the prefix of some
label: most positions stop after one look-up, which keeps Chinese (a label is a character string, no
segmenter needed) as fast as the spaced languages.
"""

from __future__ import annotations

import functools
from collections import Counter
from typing import Any

from sixfold.subjects.vocabulary import Vocabulary


class LabelMatcher:
    """Counts, per concept id, the label occurrences in a list of folded terms."""

    def __init__(self, index: dict[str, list[str]]) -> None:
        # A trie of terms; the empty string (never a term) keys the concepts a label ends with.
        self._trie: dict[str, Any] = {}
        for key, ids in index.items():
            if key:
                node = self._trie
                for term in key.split(" "):
                    node = node.setdefault(term, {})
                node[""] = ids

    def find(self, terms: list[str]) -> Counter[str]:
        found: Counter[str] = Counter()
        trie = self._trie
        # Most terms start no label: one comprehension skips them faster than the walk would.
        for start in [i for i, term in enumerate(terms) if term in trie]:
            node = trie[terms[start]]
            end = start + 1
            while node is not None:
                for concept_id in node.get("", ()):
                    found[concept_id] += 1
                node = node.get(terms[end]) if end < len(terms) else None
                end += 1
        return found


@functools.cache
def matcher(vocabulary: Vocabulary, lang: str) -> LabelMatcher:
    """One matcher per vocabulary and language, built once (building folds every label)."""
    return LabelMatcher(vocabulary.label_index(lang))
