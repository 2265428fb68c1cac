"""Subject indexing against the UN library's own UNBIS subjects (issue 6, acceptance 1-3).

    python eval/eval_subjects.py [--corpus AKN_GA_DIR] [--train 75session 76session]
                                 [--test 77session] [--train-langs en,fr] [--langs ...]
                                 [--cache FILE] [--json OUT]

Train on the training sessions (weights tuned on the latest of them, fitted on the earlier),
then rank subjects for every resolution of the test session, per language.  The gold is the
resolution's UNBIS subjects (``data_extract``, resolved to concept ids).  Measures, per
document then averaged: precision@5 (hits in the first five / 5), recall@10, nDCG@10 (binary
gains) over the ranking, and F1@5 as Annif computes it: the F1 of the set of (at most five)
subjects a system stands by against the gold set (for five suggestions, the harmonic mean of
precision@5 and recall@5; a baseline copying three subjects is scored on those three, and
sixfold keeps those within its tuned share of the best score).  Side by side in the same run, the title lookup baseline: copy the
subjects of the most recent training resolution with the same title in that language, matched
as printed, or after folding (case, accents, letter forms, punctuation).  The slice "no
namesake" keeps the test resolutions whose folded title no training resolution in that
language carries.  ``--train-langs`` trains on some languages and still tests on all six.
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from eval.annif_baselines import doc_id  # noqa: E402
from eval.corpus import DEFAULT_CORPUS  # noqa: E402
from sixfold.model import LANGUAGES  # noqa: E402
from sixfold.subjects import Vocabulary  # noqa: E402
from sixfold.subjects.corpus import Example, read_examples  # noqa: E402
from sixfold.subjects.train import f1_at, train_examples  # noqa: E402

TARGET_F1 = 0.75
MEASURES = ("P@5", "R@10", "F1@5", "nDCG@10")


@dataclass
class Scores:
    """Per-document measures summed, for one system on one language (or slice)."""

    docs: int = 0
    sums: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))

    def add(self, ranked: list[str], chosen: list[str], gold: set[str]) -> None:
        self.docs += 1
        self.sums["P@5"] += len(set(ranked[:5]) & gold) / 5
        self.sums["R@10"] += len(set(ranked[:10]) & gold) / len(gold)
        self.sums["F1@5"] += f1_at(chosen, gold, 5)
        dcg = sum(1 / math.log2(i + 2) for i, c in enumerate(ranked[:10]) if c in gold)
        ideal = sum(1 / math.log2(i + 2) for i in range(min(len(gold), 10)))
        self.sums["nDCG@10"] += dcg / ideal

    def mean(self, measure: str) -> float:
        return self.sums[measure] / self.docs if self.docs else 0.0


class TitleLookup:
    """Baseline (b): the subjects of the most recent training resolution with the same title."""

    def __init__(self, examples: list[Example], folded: bool) -> None:
        self.folded = folded
        self.table: dict[tuple[str, str], tuple[int, tuple[str, ...]]] = {}
        for ex in examples:
            key = self.key(ex)
            if key[1] and (key not in self.table or self.table[key][0] <= ex.session):
                self.table[key] = (ex.session, ex.subjects)

    def key(self, ex: Example) -> tuple[str, str]:
        title = " ".join(ex.features.title) if self.folded else ex.title
        return ex.features.lang, title

    def predict(self, ex: Example) -> list[str]:
        return list(self.table.get(self.key(ex), (0, ()))[1])


def load(args: argparse.Namespace, vocabulary: Vocabulary) -> tuple[list[Example], list[Example]]:
    if args.cache and args.cache.exists():
        train, test = pickle.loads(args.cache.read_bytes())
        return train, test
    train = read_examples([args.corpus / s for s in args.train], vocabulary, keep_text=True)
    test = read_examples([args.corpus / s for s in args.test], vocabulary, keep_text=True)
    if args.cache:
        args.cache.write_bytes(pickle.dumps((train, test)))
    return train, test


def annif_chosen(
    ranked: dict[str, list[tuple[str, float]]], test: list[Example], part: set[str]
) -> tuple[float, dict[str, list[str]]]:
    """Annif's suggestions cut at the score threshold that gives it its best mean F1@5 on
    ``part`` of the test documents: a generous baseline, tuned on the very data it is scored on."""
    best: tuple[float, float] = (-1.0, 0.0)
    for step in range(21):
        threshold = step * 0.025
        f1 = [
            f1_at([c for c, s in ranked.get(doc_id(ex), []) if s >= threshold], set(ex.subjects))
            for ex in test
            if doc_id(ex) in part
        ]
        best = max(best, (sum(f1) / max(len(f1), 1), threshold))
    threshold = best[1]
    return threshold, {
        key: [c for c, s in found if s >= threshold][:5] for key, found in ranked.items()
    }


def run_baselines(
    args: argparse.Namespace, vocabulary: Vocabulary, train: list[Example], test: list[Example]
) -> dict[str, dict[str, tuple[list[str], list[str]]]]:
    """Annif's rankings and chosen sets per system and document (none without ``--annif``)."""
    if not args.annif:
        print("Annif not given (--annif PATH/TO/annif): its baselines are skipped")
        return {}
    from eval.annif_baselines import BACKENDS, run_annif

    langs = sorted({ex.features.lang for ex in test})
    runs = run_annif(args.annif, args.annif_work, vocabulary, train, test, langs)
    systems: dict[str, dict[str, tuple[list[str], list[str]]]] = {}
    print(f"\nAnnif {', '.join(BACKENDS)}: train s | index s (docs/s incl. model load)")
    for lang, run in runs.items():
        ids = {doc_id(ex) for ex in test if ex.features.lang == lang}
        cells = []
        for backend, ranked in run.ranked.items():
            threshold, chosen = annif_chosen(ranked, test, ids)
            for key, found in ranked.items():
                systems.setdefault(f"annif {backend}", {})[key] = (
                    [c for c, _ in found],
                    chosen[key],
                )
            seconds = run.index_seconds[backend] + run.segment_seconds
            cells.append(
                f"{backend} {run.train_seconds.get(backend, 0):.0f} | {seconds:.1f} "
                f"({len(ids) / seconds:.0f}/s) thr {threshold:.3f}"
            )
        print(f"{lang}: " + "; ".join(cells))
    return systems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--train", nargs="+", default=["75session", "76session"])
    parser.add_argument("--test", nargs="+", default=["77session"])
    parser.add_argument("--train-langs", help="comma-separated languages to train on (default all)")
    parser.add_argument("--cache", type=Path, help="pickle of the read examples, for re-runs")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    parser.add_argument("--annif", type=Path, help="the annif executable, to run its baselines")
    parser.add_argument(
        "--annif-work", type=Path, default=REPO / "build" / "annif", help="Annif's working folder"
    )
    args = parser.parse_args(argv)

    vocabulary = Vocabulary.default()
    train, test = load(args, vocabulary)
    train_langs = set(args.train_langs.split(",")) if args.train_langs else set(LANGUAGES)
    started = time.perf_counter()
    model = train_examples([ex for ex in train if ex.features.lang in train_langs], vocabulary)
    train_seconds = time.perf_counter() - started
    trained = [e for e in train if e.features.lang in train_langs]
    lookups = {
        "title as printed": TitleLookup(trained, False),
        "title folded": TitleLookup(trained, True),
    }
    annif = run_baselines(args, vocabulary, trained, test)
    systems = ("sixfold", *lookups, *annif)
    namesakes = TitleLookup(train, True)

    scores: dict[tuple[str, str, str], Scores] = {}
    for ex in test:
        gold = set(ex.subjects)
        ranking = model.rank(ex.features, 10)
        ranked = {
            "sixfold": ([c for c, _ in ranking], model.chosen(ranking, ex.features.lang)),
            **{name: (b.predict(ex), b.predict(ex)) for name, b in lookups.items()},
            **{name: found.get(doc_id(ex), ([], [])) for name, found in annif.items()},
        }
        slices = ["all"] + ([] if namesakes.predict(ex) else ["no namesake"])
        for part in slices:
            for system, (found, chosen) in ranked.items():
                scores.setdefault((part, ex.features.lang, system), Scores()).add(
                    found, chosen, gold
                )

    print(
        f"\ntrained on {'+'.join(args.train)} ({','.join(sorted(train_langs))}, "
        f"{len(trained)} documents) in {train_seconds:.1f} s; tested on {'+'.join(args.test)}; "
        f"weights {model.weights}; for languages not trained on {model.unseen_weights}"
    )
    figures: dict[str, dict[str, dict[str, dict[str, float]]]] = {}
    for part in ("all", "no namesake"):
        print(f"\n{part}: sixfold P@5 R@10 F1@5 nDCG@10 | baselines' F1@5 | target F1@5")
        print(
            f"{'lang':<5}{'docs':>6}{'P@5':>7}{'R@10':>7}{'F1@5':>7}{'nDCG':>7}"
            + "".join(f"{_short(s):>9}" for s in systems[1:])
            + "  target  result"
        )
        for lang in LANGUAGES:
            own = scores.get((part, lang, "sixfold"))
            if own is None:
                continue
            base = [scores[(part, lang, s)].mean("F1@5") for s in systems[1:]]
            f1 = own.mean("F1@5")
            ok = (f1 >= TARGET_F1 or part != "all") and all(f1 > b for b in base)
            print(
                f"{lang:<5}{own.docs:>6}{own.mean('P@5'):>7.3f}{own.mean('R@10'):>7.3f}"
                f"{f1:>7.3f}{own.mean('nDCG@10'):>7.3f}"
                + "".join(f"{b:>9.3f}" for b in base)
                + f"  {TARGET_F1 if part == 'all' else 'beat':>6}  {'PASS' if ok else 'FAIL'}"
            )
            figures.setdefault(part, {})[lang] = {
                system: {m: scores[(part, lang, system)].mean(m) for m in MEASURES}
                | {"docs": scores[(part, lang, system)].docs}
                for system in systems
            }
    if annif:
        print("\nAnnif in full (all test documents): P@5 R@10 F1@5 nDCG@10")
        for lang in LANGUAGES:
            row = [
                f"{_short(s)} "
                + " ".join(f"{scores[('all', lang, s)].mean(m):.3f}" for m in MEASURES)
                for s in annif
                if ("all", lang, s) in scores
            ]
            print(f"{lang:<5}" + " | ".join(row))
    if args.json:
        figures_out = {
            "train_seconds": train_seconds,
            "weights": model.weights,
            "unseen_weights": model.unseen_weights,
            "figures": figures,
        }
        args.json.write_text(json.dumps(figures_out, indent=2), "utf-8")
    return 0


def _short(system: str) -> str:
    return system.removeprefix("annif ").removeprefix("title ").removeprefix("as ")


if __name__ == "__main__":
    raise SystemExit(main())
