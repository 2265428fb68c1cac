"""What the indexer knows of a document: its series keys (title, citations) and its text.

The title and the cited resolutions tie a resolution to the series it belongs to (most General
Assembly resolutions recur every year or two under the same title, and cite their
predecessors); cited symbols are canonical (``A/RES/76/123``), so that link holds whatever the
document's language.  The text gives the thesaurus labels it contains and a bag of terms for
the nearest-neighbour model (Chinese: character bigrams, so no segmenter is needed).
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass

import regex

from sixfold.citations import citable_texts, cited_targets
from sixfold.model import Document
from sixfold.subjects.folding import terms, unspaced
from sixfold.subjects.labels import matcher
from sixfold.subjects.vocabulary import Vocabulary

# "A/RES/76/235 B" and "A/RES/76/235" are one resolution for the series.
_PART = regex.compile(r"\s+[A-Z](?:-[A-Z])?$")
_SPACES = regex.compile(r"\s+")


def symbol_key(symbol: str) -> str:
    """A resolution's symbol without part letters or spaces, as citations and records meet."""
    return _SPACES.sub("", _PART.sub("", symbol.strip())).upper()


@dataclass(frozen=True)
class Features:
    lang: str
    symbol: str | None
    title: tuple[str, ...]
    cites: frozenset[str]
    bag: Counter[str]
    labels: Counter[str]
    title_labels: frozenset[str]


def bag_of_terms(words: list[str], lang: str) -> Counter[str]:
    """Terms for the text model: words, or overlapping character pairs in Chinese."""
    if unspaced(lang):
        return Counter(a + b for a, b in itertools.pairwise(words))
    bag = Counter(words)
    for word in [w for w in bag if len(w) < 2]:
        del bag[word]
    return bag


def extract(doc: Document, vocabulary: Vocabulary) -> Features:
    lang = doc.language or "en"
    title = terms(doc.title or "", lang)
    body = terms("\n".join(text for text, _, _ in citable_texts(doc)), lang)
    find = matcher(vocabulary, lang).find
    own = symbol_key(doc.symbol) if doc.symbol else None
    cites = {symbol_key(target) for target in cited_targets(doc)}
    in_title = find(title)
    return Features(
        lang=lang,
        symbol=doc.symbol,
        title=tuple(title),
        cites=frozenset(cites - {own}),
        bag=bag_of_terms(title + body, lang),
        labels=in_title + find(body),
        title_labels=frozenset(in_title),
    )
