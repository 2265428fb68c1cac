"""Training: remember the training resolutions, learn how reliable each printed label is, and
tune the weights of the evidence on a held-out session.

The weights are tuned on the latest training session with a model fitted on the earlier ones
(sessions 75 -> 76 when training on 75 and 76), so nothing is tuned on the data it is scored
on; the model then keeps every training session.  Tuning is coordinate ascent on the mean
F1@5 over a small grid: eight weights do not need more.  The model also learns how far
below the best suggestion a concept may score and still be among the (up to five) subjects it
stands by, since resolutions have four or five subjects on average, not always five.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from sixfold.subjects.corpus import Example, read_examples
from sixfold.subjects.features import symbol_key
from sixfold.subjects.model import CONCEPTS, FEATURES, KEEP, Model, Record
from sixfold.subjects.vocabulary import Vocabulary

DEFAULT_WEIGHTS = {
    "title_exact": 2.0,
    "title_similar": 1.0,
    "cited": 1.0,
    "cocited": 0.5,
    "label_title": 0.5,
    "label_text": 1.0,
    "neighbours": 1.0,
    "concept_neighbours": 0.5,
    "prior": 0.1,
    KEEP: 0.0,
}
# What a language not trained on lacks: its own titles and texts to compare with.
LANGUAGE_FEATURES = ("title_exact", "title_similar", "neighbours")
GRID = (0.0, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0)
KEEP_GRID = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
ROUNDS = 2
# Terms kept per training text for the neighbour model, and the least document frequency of a
# kept term: enough to find a text's neighbours, small enough to ship.
KEEP_TERMS = 25
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
        df[CONCEPTS].update(ex.features.labels.keys())
        docs[ex.features.lang] += 1
        docs[CONCEPTS] += 1
    idf = {
        lang: {t: math.log(docs[lang] / n) for t, n in counts.items() if n >= MIN_DF}
        for lang, counts in df.items()
    }
    records: dict[str, Record] = {}
    printed: dict[str, Counter[str]] = defaultdict(Counter)
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for ex in examples:
        f = ex.features
        key = symbol_key(f.symbol or "")
        record = records.setdefault(key, Record(key, ex.session, ex.subjects))
        record.cites = record.cites | f.cites
        if f.title:
            record.titles[f.lang] = " ".join(f.title)
        record.vectors[f.lang] = Model.vectorise(f.bag, idf[f.lang], KEEP_TERMS)
        printed[key].update(f.labels)
        for concept in f.labels:
            stats[concept][0] += 1
            stats[concept][1] += concept in ex.subjects
    for key, record in records.items():
        record.vectors[CONCEPTS] = Model.vectorise(printed[key], idf[CONCEPTS], KEEP_TERMS)
    label_stats = {c: (v[0], v[1]) for c, v in stats.items()}
    # A query term no kept vector holds changes no neighbour's share, so its idf need not ship.
    kept = {
        lang: {t: weight for t, weight in table.items() if t in used}
        for lang, table in idf.items()
        for used in [{t for r in records.values() for t in r.vectors.get(lang, {})}]
    }
    return Model(list(records.values()), kept, label_stats, weights or DEFAULT_WEIGHTS, vocabulary)


def f1_at(ranked: list[str], gold: set[str], k: int = CUT) -> float:
    """F1 of the (at most ``k``) suggested concepts against the gold set, as Annif's F1@5: the
    harmonic mean of precision@5 and recall@5 when ``k`` concepts are suggested."""
    chosen = set(ranked[:k])
    return 2 * len(chosen & gold) / (len(chosen) + len(gold)) if chosen or gold else 1.0


Row = tuple[list[tuple[float, ...]], list[bool], int]


def _rows(model: Model, validation: list[Example], unseen: bool) -> list[Row]:
    """Each validation document's candidates as feature vectors (in FEATURES order), whether
    each is a gold subject, and how many gold subjects there are; with ``unseen``, as if the
    document's language had not been trained on (no titles, no texts to compare with)."""
    dropped = LANGUAGE_FEATURES if unseen else ()
    rows = []
    for ex in validation:
        vectors, gold = [], []
        for concept, slot in model.candidates(ex.features).items():
            kept = {k: v for k, v in slot.items() if k not in dropped}
            if set(kept) - {"prior"}:
                vectors.append(tuple(kept.get(name, 0.0) for name in FEATURES))
                gold.append(concept in ex.subjects)
        rows.append((vectors, gold, len(ex.subjects)))
    return rows


def _objective(rows: list[Row], w: tuple[float, ...], keep: float) -> float:
    total = 0.0
    for vectors, gold, size in rows:
        scores = [sum(a * b for a, b in zip(w, v, strict=True)) for v in vectors]
        best = heapq.nlargest(CUT, range(len(scores)), key=scores.__getitem__)
        if best:
            chosen = [i for i in best if scores[i] >= keep * scores[best[0]]]
            total += 2 * sum(gold[i] for i in chosen) / (len(chosen) + size)
    return total / len(rows) if rows else 0.0


def tune(model: Model, validation: list[Example], unseen: bool = False) -> dict[str, float]:
    """Weights, and the share of the best score a suggestion needs to be kept, that maximise
    the mean F1@5 on ``validation`` for ``model`` (fitted on earlier sessions)."""
    rows = _rows(model, validation, unseen)
    weights = [DEFAULT_WEIGHTS[name] for name in FEATURES]
    keep = DEFAULT_WEIGHTS[KEEP]
    best = _objective(rows, tuple(weights), keep)
    for _ in range(ROUNDS):
        improved = False
        for slot in range(len(FEATURES) + 1):
            for value in KEEP_GRID if slot == len(FEATURES) else GRID:
                trial = list(weights)
                if slot < len(FEATURES):
                    trial[slot] = value
                trial_keep = value if slot == len(FEATURES) else keep
                score = _objective(rows, tuple(trial), trial_keep)
                if score > best + 1e-6:
                    best, weights, keep, improved = score, trial, trial_keep, True
        if not improved:
            break
    return {**dict(zip(FEATURES, weights, strict=True)), KEEP: keep}


def train_examples(examples: list[Example], vocabulary: Vocabulary) -> Model:
    """Tune on the latest session (fitted on the earlier ones), then fit on all."""
    sessions = sorted({ex.session for ex in examples})
    weights = unseen = DEFAULT_WEIGHTS
    if len(sessions) > 1:
        last = sessions[-1]
        earlier = fit([ex for ex in examples if ex.session < last], vocabulary)
        validation = [ex for ex in examples if ex.session == last]
        weights = tune(earlier, validation)
        unseen = tune(earlier, validation, unseen=True)
    model = fit(examples, vocabulary, weights)
    model.unseen_weights = unseen
    return model


def train(
    folders: Iterable[str | Path],
    vocabulary: Vocabulary | None = None,
    langs: set[str] | None = None,
    on_read: Callable[[], None] | None = None,
) -> Model:
    """Train on the AKN resolutions under ``folders`` (e.g. ``akn-ga/75session``...);
    ``on_read`` is called after each document read."""
    vocabulary = vocabulary or Vocabulary.default()
    examples = read_examples(folders, vocabulary, langs, on_read=on_read)
    return train_examples(examples, vocabulary)
