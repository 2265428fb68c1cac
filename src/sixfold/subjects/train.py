"""Training: remember the training resolutions, learn how reliable each printed label is, and
tune the weights of the evidence on a held-out session.

The weights are tuned on the latest training session with a model fitted on the earlier ones
(sessions 75 -> 76 when training on 75 and 76), so nothing is tuned on the data it is scored
on; the model then keeps every training session.  Tuning is coordinate ascent on the mean
F1@5 over a small grid: eight weights do not need more.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from sixfold.subjects.corpus import Example, read_examples
from sixfold.subjects.features import symbol_key
from sixfold.subjects.model import FEATURES, Model, Record
from sixfold.subjects.vocabulary import Vocabulary

DEFAULT_WEIGHTS = {
    "title_exact": 2.0,
    "title_similar": 1.0,
    "cited": 1.0,
    "cocited": 0.5,
    "label_title": 0.5,
    "label_text": 1.0,
    "neighbours": 1.0,
    "prior": 0.1,
}
GRID = (0.0, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0)
ROUNDS = 3
# Terms kept per training text for the neighbour model, and the least document frequency of a
# kept term: enough to find a text's neighbours, small enough to ship.
KEEP_TERMS = 40
MIN_DF = 2
CUT = 5


def fit(
    examples: list[Example], vocabulary: Vocabulary, weights: dict[str, float] | None = None
) -> Model:
    """A model remembering ``examples`` (no tuning)."""
    df: dict[str, Counter[str]] = defaultdict(Counter)
    docs: Counter[str] = Counter()
    for ex in examples:
        df[ex.features.lang].update(ex.features.bag.keys())
        docs[ex.features.lang] += 1
    idf = {
        lang: {t: math.log(docs[lang] / n) for t, n in counts.items() if n >= MIN_DF}
        for lang, counts in df.items()
    }
    records: dict[str, Record] = {}
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for ex in examples:
        f = ex.features
        key = symbol_key(f.symbol or "")
        record = records.setdefault(key, Record(key, ex.session, ex.subjects))
        record.cites = record.cites | f.cites
        if f.title:
            record.titles[f.lang] = " ".join(f.title)
        record.vectors[f.lang] = Model.vectorise(f.bag, idf[f.lang], KEEP_TERMS)
        for concept in f.labels:
            stats[concept][0] += 1
            stats[concept][1] += concept in ex.subjects
    label_stats = {c: (v[0], v[1]) for c, v in stats.items()}
    return Model(list(records.values()), idf, label_stats, weights or DEFAULT_WEIGHTS, vocabulary)


def f1_at(ranked: list[str], gold: set[str], k: int = CUT) -> float:
    """Harmonic mean of precision@k and recall@k."""
    hits = len(set(ranked[:k]) & gold)
    if not hits:
        return 0.0
    precision, recall = hits / k, hits / len(gold)
    return 2 * precision * recall / (precision + recall)


def _objective(
    rows: list[tuple[dict[str, dict[str, float]], set[str]]], w: dict[str, float]
) -> float:
    total = 0.0
    for candidates, gold in rows:
        scored = sorted(
            candidates,
            key=lambda c: (-sum(w[k] * v for k, v in candidates[c].items()), c),
        )
        total += f1_at(scored, gold)
    return total / len(rows) if rows else 0.0


def tune(
    train: list[Example], validation: list[Example], vocabulary: Vocabulary
) -> dict[str, float]:
    """Weights that maximise the mean F1@5 on ``validation`` for a model fitted on ``train``."""
    model = fit(train, vocabulary)
    rows = [(model.candidates(ex.features), set(ex.subjects)) for ex in validation]
    weights = dict(DEFAULT_WEIGHTS)
    best = _objective(rows, weights)
    for _ in range(ROUNDS):
        improved = False
        for name in FEATURES:
            for value in GRID:
                trial = {**weights, name: value}
                score = _objective(rows, trial)
                if score > best + 1e-6:
                    best, weights, improved = score, trial, True
        if not improved:
            break
    return weights


def train_examples(examples: list[Example], vocabulary: Vocabulary) -> Model:
    """Tune on the latest session (fitted on the earlier ones), then fit on all."""
    sessions = sorted({ex.session for ex in examples})
    weights = DEFAULT_WEIGHTS
    if len(sessions) > 1:
        last = sessions[-1]
        weights = tune(
            [ex for ex in examples if ex.session < last],
            [ex for ex in examples if ex.session == last],
            vocabulary,
        )
    return fit(examples, vocabulary, weights)


def train(
    folders: Iterable[str | Path],
    vocabulary: Vocabulary | None = None,
    langs: set[str] | None = None,
) -> Model:
    """Train on the AKN resolutions under ``folders`` (e.g. ``akn-ga/75session``...)."""
    vocabulary = vocabulary or Vocabulary.default()
    return train_examples(read_examples(folders, vocabulary, langs), vocabulary)
