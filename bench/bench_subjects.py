"""Subject indexing speed (issue 6, acceptance 5): documents per second per core, per language.

    python bench/bench_subjects.py [--corpus PATH_OR_ZIP] [--sample 40] [--seed 1]
                                   [--model FILE] [--train DIR ...]

Reads ``--sample`` AKN resolutions per language once (not timed: parsing is the parse issue's
cost), then times on one core :meth:`sixfold.subjects.model.Model.predict` on each, which
includes folding, stemming, label search (Chinese character strings, no segmenter), citation
finding and ranking; and, as the baseline, the title lookup (fold the title, one dictionary
look-up).  Times are the process's CPU time (``time.process_time``), which is what "per
core" means and what other jobs on a shared machine do not inflate; the wall-clock rate is
printed beside it.  Prints throughput, latency p50/p95/p99, the peak Python allocation of prediction,
the ratio to the baseline, and with ``--train`` the time to train on those folders (reading
and parsing included).  Goal: at least 100 documents per second per core in every language.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from eval.corpus import DEFAULT_CORPUS, iter_akn  # noqa: E402

from bench.measure import peak_alloc_bytes, percentile  # noqa: E402
from sixfold.errors import SixfoldError  # noqa: E402
from sixfold.model import LANGUAGES, Document  # noqa: E402
from sixfold.readers.akn import read_akn  # noqa: E402
from sixfold.subjects.folding import terms  # noqa: E402
from sixfold.subjects.model import Model  # noqa: E402
from sixfold.subjects.train import train  # noqa: E402

GOAL_DOCS_S = 100.0


def load(root: Path, sample: int, seed: int, lang: str) -> list[Document]:
    docs = []
    for name, data in iter_akn(root, sample=sample, seed=seed, langs={lang}):
        try:
            docs.append(read_akn(data, name))
        except SixfoldError:
            continue
    return docs


def time_each(
    docs: list[Document], model: Model, baseline: dict[str, list[str]]
) -> tuple[list[float], list[float]]:
    own, base = [], []
    for doc in docs:
        start = time.process_time()
        model.predict(doc, 10)
        own.append(time.process_time() - start)
        start = time.process_time()
        baseline.get(" ".join(terms(doc.title or "", doc.language)), [])
        base.append(time.process_time() - start)
    return own, base


def predict_all(docs: list[Document], model: Model) -> None:
    for doc in docs:
        model.predict(doc, 10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS / "77session")
    parser.add_argument("--sample", type=int, default=40, help="documents per language")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--model", type=Path, help="default: the shipped model")
    parser.add_argument("--train", type=Path, nargs="*", default=[], help="time training on these")
    args = parser.parse_args()

    started = time.perf_counter()
    model = Model.load(args.model) if args.model else Model.default()
    load_seconds = time.perf_counter() - started
    baseline = {
        record.titles[lang]: list(record.subjects)
        for record in model.records
        for lang in record.titles
    }
    print(f"model loaded in {load_seconds:.2f} s; one core; prediction of the top 10")
    print(
        f"{'lang':<6}{'docs':>5}{'cpu docs/s':>11}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}"
        f"{'base docs/s':>13}{'ratio':>7}{'peak MiB':>10}{'wall docs/s':>13}  goal  result"
    )
    for lang in LANGUAGES:
        docs = load(args.corpus, args.sample, args.seed, lang)
        if not docs:
            continue
        time_each(docs[:5], model, baseline)  # warm the per-language label matchers
        wall = time.perf_counter()
        own, base = time_each(docs, model, baseline)
        wall = time.perf_counter() - wall
        ms = sorted(s * 1000 for s in own)
        rate = len(docs) / sum(own)
        base_rate = len(docs) / sum(base)
        verdict = "PASS" if rate >= GOAL_DOCS_S else "FAIL"
        peak = peak_alloc_bytes(predict_all, docs, model)
        print(
            f"{lang:<6}{len(docs):>5}{rate:>11.0f}{percentile(ms, 0.5):>8.2f}"
            f"{percentile(ms, 0.95):>8.2f}{percentile(ms, 0.99):>8.2f}{base_rate:>13.0f}"
            f"{sum(own) / sum(base):>7.0f}{peak / 2**20:>10.1f}{len(docs) / wall:>13.0f}  {GOAL_DOCS_S:>4.0f}  {verdict}"
        )
    if args.train:
        started = time.perf_counter()
        trained = train(args.train)
        print(
            f"training on {len(args.train)} folders ({len(trained.records)} resolutions): {time.perf_counter() - started:.0f} s"
        )


if __name__ == "__main__":
    main()
