"""The trained indexer: what it remembers of the training resolutions, and how it ranks.

Every source of evidence becomes one feature per candidate concept, and the score is their
weighted sum (weights tuned on a validation session by :mod:`sixfold.subjects.train`):

* ``title_exact``: the subjects of the most recent training resolution with the same title;
* ``title_similar``: those of resolutions whose title shares most words with this one;
* ``cited``: the share of the cited training resolutions that carry the concept;
* ``cocited``: the subjects of resolutions that cite the same documents (language independent);
* ``label_title`` / ``label_text``: the concept's label is printed in the title / the text,
  the latter weighted by how often a printed label was a subject in training;
* ``neighbours``: the subjects of the most similar training texts (tf-idf cosine);
* ``concept_neighbours``: the same over the concepts whose labels the texts print, a
  representation shared by all languages (a Chinese text finds its English neighbours);
* ``prior``: how common the concept is.

Records are keyed by symbol and their subjects are concept ids, so what is learnt in one
language (citations, label reliability) serves every language.
"""

from __future__ import annotations

import functools
import gzip
import heapq
import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import resources
from operator import itemgetter
from pathlib import Path
from typing import Any

from sixfold.errors import InputError
from sixfold.model import Document
from sixfold.subjects.features import Features, extract
from sixfold.subjects.vocabulary import Vocabulary

FEATURES = (
    "title_exact",
    "title_similar",
    "cited",
    "cocited",
    "label_title",
    "label_text",
    "neighbours",
    "concept_neighbours",
    "prior",
)
# Not a feature: the share of the best score a suggestion needs to be among the chosen ones.
KEEP = "keep"
FORMAT = "sixfold-subjects/1"
# The pseudo-language of the concept vectors, beside the per-language term vectors.
CONCEPTS = "*"
SIMILAR_TITLES = 3
MIN_TITLE_SIMILARITY = 0.5
COCITED = 5
NEIGHBOURS = 10
# A label never seen in training is believed as much as the average printed label.
LABEL_SMOOTHING = 2.0


@dataclass
class Record:
    """A training resolution, all its languages merged: what predicting needs of it."""

    key: str
    session: int
    subjects: tuple[str, ...]
    cites: frozenset[str] = frozenset()
    titles: dict[str, str] = field(default_factory=dict)
    vectors: dict[str, dict[str, float]] = field(default_factory=dict)


@dataclass(frozen=True)
class Suggestion:
    id: str
    label: str
    label_en: str
    score: float


class Model:
    def __init__(
        self,
        records: list[Record],
        idf: dict[str, dict[str, float]],
        label_stats: dict[str, tuple[int, int]],
        weights: dict[str, float],
        vocabulary: Vocabulary | None = None,
        unseen_weights: dict[str, float] | None = None,
    ) -> None:
        self.records = records
        self.idf = idf
        self.label_stats = label_stats
        self.weights = weights
        self.unseen_weights = unseen_weights or weights
        self.vocabulary = vocabulary or Vocabulary.default()
        found = sum(f for f, _ in label_stats.values())
        self._label_rate = sum(c for _, c in label_stats.values()) / found if found else 0.0
        prior = Counter(s for r in records for s in r.subjects)
        top = max(prior.values(), default=1)
        self._prior = {c: math.log1p(n) / math.log1p(top) for c, n in prior.items()}
        self._by_title: dict[str, dict[str, int]] = defaultdict(dict)
        self._title_terms: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        self._title_sizes: dict[str, dict[int, int]] = defaultdict(dict)
        self._citing: dict[str, list[int]] = defaultdict(list)
        self._by_key: dict[str, int] = {}
        self._postings: dict[str, dict[str, list[tuple[int, float]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for i, record in enumerate(records):
            self._by_key[record.key] = i
            for lang, title in record.titles.items():
                best = self._by_title[lang].get(title)
                if best is None or records[best].session <= record.session:
                    self._by_title[lang][title] = i
                words = set(title.split(" "))
                self._title_sizes[lang][i] = len(words)
                for term in words:
                    self._title_terms[lang][term].append(i)
            for cited in record.cites:
                self._citing[cited].append(i)
            for lang, vector in record.vectors.items():
                for term, weight in vector.items():
                    self._postings[lang][term].append((i, weight))

    # -- features -------------------------------------------------------------------------

    def _title_features(self, f: Features, out: dict[str, dict[str, float]]) -> None:
        title = " ".join(f.title)
        exact = self._by_title[f.lang].get(title) if title else None
        if exact is not None:
            for concept in self.records[exact].subjects:
                out[concept]["title_exact"] = 1.0
        words = frozenset(f.title)
        shared: Counter[int] = Counter()
        for term in words:
            shared.update(self._title_terms[f.lang].get(term, ()))
        scored = []
        sizes = self._title_sizes[f.lang]
        for i, n in shared.items():
            similarity = n / math.sqrt(len(words) * sizes[i])
            if similarity >= MIN_TITLE_SIMILARITY:
                scored.append((similarity, self.records[i].session, i))
        for similarity, _, i in sorted(scored, reverse=True)[:SIMILAR_TITLES]:
            for concept in self.records[i].subjects:
                slot = out[concept]
                slot["title_similar"] = max(slot.get("title_similar", 0.0), similarity)

    def _citation_features(self, f: Features, out: dict[str, dict[str, float]]) -> None:
        known = [self._by_key[c] for c in f.cites if c in self._by_key]
        counts = Counter(s for i in known for s in self.records[i].subjects)
        for concept, n in counts.items():
            out[concept]["cited"] = n / len(known)
        overlap: Counter[int] = Counter()
        for cited in f.cites:
            overlap.update(self._citing.get(cited, ()))
        scored = sorted(
            (
                (n / math.sqrt(len(f.cites) * len(self.records[i].cites)), i)
                for i, n in overlap.items()
            ),
            reverse=True,
        )[:COCITED]
        for similarity, i in scored:
            for concept in self.records[i].subjects:
                slot = out[concept]
                slot["cocited"] = max(slot.get("cocited", 0.0), similarity)

    def _label_features(self, f: Features, out: dict[str, dict[str, float]]) -> None:
        for concept in f.labels:
            if (
                concept not in self.vocabulary
                or self.vocabulary.concepts[concept].is_microthesaurus
            ):
                continue
            found, correct = self.label_stats.get(concept, (0, 0))
            rate = (correct + LABEL_SMOOTHING * self._label_rate) / (found + LABEL_SMOOTHING)
            out[concept]["label_text"] = rate
            if concept in f.title_labels:
                out[concept]["label_title"] = 1.0

    def _neighbour_features(
        self, space: str, bag: Counter[str], name: str, out: dict[str, dict[str, float]]
    ) -> None:
        vector = self.vectorise(bag, self.idf.get(space, {}))
        postings = self._postings.get(space, {})
        sims: dict[int, float] = defaultdict(float)
        for term, weight in vector.items():
            for i, other in postings.get(term, ()):
                sims[i] += weight * other
        nearest = heapq.nlargest(NEIGHBOURS, sims.items(), key=itemgetter(1))
        total = sum(s for _, s in nearest)
        if not total:
            return
        for i, similarity in nearest:
            for concept in self.records[i].subjects:
                slot = out[concept]
                slot[name] = slot.get(name, 0.0) + similarity / total

    @staticmethod
    def vectorise(
        bag: Counter[str], idf: dict[str, float], keep: int | None = None
    ) -> dict[str, float]:
        """tf-idf, L2-normalised, optionally cut to the ``keep`` heaviest terms."""
        weights = {t: (1 + math.log(n)) * idf[t] for t, n in bag.items() if t in idf}
        if keep is not None:
            weights = dict(sorted(weights.items(), key=lambda kv: -kv[1])[:keep])
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {t: w / norm for t, w in weights.items()}

    def candidates(self, f: Features) -> dict[str, dict[str, float]]:
        """Every concept any source suggests, with its feature values."""
        out: dict[str, dict[str, float]] = defaultdict(dict)
        self._title_features(f, out)
        self._citation_features(f, out)
        self._label_features(f, out)
        self._neighbour_features(f.lang, f.bag, "neighbours", out)
        self._neighbour_features(CONCEPTS, f.labels, "concept_neighbours", out)
        for concept, slot in out.items():
            slot["prior"] = self._prior.get(concept, 0.0)
        return out

    def weights_for(self, lang: str) -> dict[str, float]:
        """A language the model saw in training has titles and texts to compare with; another
        has only what all languages share, weighted as tuned for that case."""
        return self.weights if lang in self.idf else self.unseen_weights

    def rank(self, f: Features, top: int = 10) -> list[tuple[str, float]]:
        w = self.weights_for(f.lang)
        scored = [
            (sum(w.get(k, 0.0) * v for k, v in slot.items() if k != KEEP), concept)
            for concept, slot in self.candidates(f).items()
        ]
        return [(c, s) for s, c in sorted(scored, key=lambda sc: (-sc[0], sc[1]))[:top]]

    def chosen(self, ranked: list[tuple[str, float]], lang: str, top: int = 5) -> list[str]:
        """The concepts the model stands by: the first ``top`` that score at least the tuned
        share of the best score (what F1@5 is measured on)."""
        if not ranked:
            return []
        floor = self.weights_for(lang).get(KEEP, 0.0) * ranked[0][1]
        return [c for c, score in ranked[:top] if score >= floor]

    def predict(self, doc: Document, top: int = 10) -> list[Suggestion]:
        """The ``top`` most likely UNBIS subjects of a document, best first."""
        features = extract(doc, self.vocabulary)
        out = []
        for concept_id, score in self.rank(features, top):
            concept = self.vocabulary.concepts[concept_id]
            out.append(
                Suggestion(
                    concept_id, concept.label(features.lang), concept.label("en"), round(score, 4)
                )
            )
        return out

    # -- persistence ----------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "weights": self.weights,
            "unseen_weights": self.unseen_weights,
            "label_stats": {c: list(v) for c, v in sorted(self.label_stats.items())},
            "idf": {
                lang: {t: round(v, 3) for t, v in sorted(idf.items())}
                for lang, idf in self.idf.items()
            },
            "records": [
                [
                    r.key,
                    r.session,
                    list(r.subjects),
                    sorted(r.cites),
                    r.titles,
                    {lang: {t: round(w, 3) for t, w in v.items()} for lang, v in r.vectors.items()},
                ]
                for r in self.records
            ],
        }

    def save(self, path: str | Path) -> None:
        data = json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":"))
        Path(path).write_bytes(gzip.compress(data.encode(), 9, mtime=0))

    @staticmethod
    @functools.cache
    def default() -> Model:
        """The model shipped with the package (``sixfold subjects train`` on sessions 75-77)."""
        with resources.as_file(resources.files("sixfold.subjects") / "data/model.json.gz") as p:
            return Model.load(p)

    @classmethod
    def load(cls, path: str | Path, vocabulary: Vocabulary | None = None) -> Model:
        try:
            data = json.loads(gzip.decompress(Path(path).read_bytes()))
            if data.get("format") != FORMAT:
                raise ValueError(f"format {data.get('format')!r}, expected {FORMAT!r}")
            records = [
                Record(k, s, tuple(subjects), frozenset(cites), titles, vectors)
                for k, s, subjects, cites, titles, vectors in data["records"]
            ]
            stats = {c: (v[0], v[1]) for c, v in data["label_stats"].items()}
            return cls(
                records, data["idf"], stats, data["weights"], vocabulary, data["unseen_weights"]
            )
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise InputError(f"not a sixfold subject model: {error}", source=str(path)) from None
