"""Citation extraction speed (issue 4, acceptance 4): megabytes of text per second per core.

    python bench/bench_citations.py [--corpus PATH_OR_ZIP] [--sample 300] [--seed 1]

Reads a sample of AKN files once (not timed), then times, on one core and over the same
paragraph and footnote texts: sixfold's extraction (:func:`sixfold.citations.find_citations`)
and, as the baseline, a single regular-expression scan for symbol-like and number-like tokens
(``finditer`` over every text).  Prints throughput, per-document latency percentiles, the peak
Python allocation of extraction and the ratio of the two.  Goal: at least 1 MB/s per core.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import regex

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from eval.corpus import DEFAULT_CORPUS, iter_akn  # noqa: E402

from bench.measure import peak_alloc_bytes, percentile  # noqa: E402
from sixfold.citations import citable_texts, find_citations  # noqa: E402
from sixfold.errors import SixfoldError  # noqa: E402
from sixfold.readers.akn import read_akn  # noqa: E402

GOAL_MB_S = 1.0
BASELINE = regex.compile(r"[A-Z]+/[\w./()\-]+|\d{1,4}\s?/\s?\d{1,4}|\d{1,4}\s?\(\w+\)")

Document = tuple[str, list[str]]


def load(root: Path, sample: int, seed: int) -> list[Document]:
    docs = []
    for name, data in iter_akn(root, sample=sample, seed=seed):
        try:
            doc = read_akn(data, name)
        except SixfoldError:
            continue
        docs.append((doc.language or "en", [text for text, _, _ in citable_texts(doc)]))
    return docs


def time_each(docs: list[Document], extract: bool) -> list[float]:
    seconds = []
    for lang, texts in docs:
        start = time.perf_counter()
        for text in texts:
            if extract:
                find_citations(text, lang)
            else:
                sum(1 for _ in BASELINE.finditer(text))
        seconds.append(time.perf_counter() - start)
    return seconds


def extract_all(docs: list[Document]) -> None:
    for lang, texts in docs:
        for text in texts:
            find_citations(text, lang)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS / "77session")
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    docs = load(args.corpus, args.sample, args.seed)
    megabytes = sum(len(t.encode()) for _, texts in docs for t in texts) / 1e6
    time_each(docs[:20], extract=True)  # warm the per-language caches
    rows = []
    for label, extract in (("extraction", True), ("single regex scan", False)):
        seconds = time_each(docs, extract)
        ms = sorted(s * 1000 for s in seconds)
        total = sum(seconds)
        rows.append((label, megabytes / total, len(docs) / total, ms, total))
    print(f"{len(docs)} documents, {megabytes:.2f} MB of paragraph and footnote text, one core")
    print(f"{'pass':<20}{'MB/s':>8}{'docs/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    for label, rate, docs_s, ms, _ in rows:
        p99 = percentile(ms, 0.99)
        print(
            f"{label:<20}{rate:>8.2f}{docs_s:>9.0f}{statistics.median(ms):>9.2f}"
            f"{p99:>9.2f}{ms[-1]:>9.2f}"
        )
    ratio = rows[0][4] / rows[1][4]
    print(f"extraction takes {ratio:.1f}x the single regex scan")
    print(
        f"peak Python allocation during extraction: {peak_alloc_bytes(extract_all, docs) / 2**20:.1f} MiB"
    )
    verdict = "PASS" if rows[0][1] >= GOAL_MB_S else "FAIL"
    print(f"goal {GOAL_MB_S} MB/s per core: {rows[0][1]:.2f} MB/s {verdict}")


if __name__ == "__main__":
    main()
