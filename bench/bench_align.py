"""Alignment speed (issue 5): the devset of a language pair, a resolution pair, the Charter.

    python bench/bench_align.py [--pairs en-fr en-zh] [--devset DIR] [--charter DIR] [--akn DIR]

Times, on one core and in the same run, sixfold's sentence aligner and the Gale-Church baseline
(``galechurch``, when installed) over every document of the UN Parallel Corpus devset (variant
a of eval/eval_align_sentences.py: about 730 documents, 4,000 sentences per pair), with
per-document latency percentiles, sixfold's peak Python allocation and the ratio of the two.
Then aligns the Charter of the United Nations en-fr (each line split into sentences by
:func:`sixfold.align.split.split_sentences`) at a quarter, half and all of its length: the time
per sentence should stay flat, as the banded programme is linear. Goal: a whole devset pair in
under one second.  Last, the paragraphs and sentences of the session 77 resolution pairs (en-fr,
AKN XML) with 55-65 paragraphs, end to end (`segment_pairs(level="sentence")`): goal under
20 ms per pair.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "src"))

from eval.eval_align_paragraphs import versions  # noqa: E402
from eval.eval_align_sentences import DEVSET, Case, cases, load  # noqa: E402

from bench.measure import peak_alloc_bytes, percentile  # noqa: E402
from sixfold.align.paragraphs import paragraphs_of  # noqa: E402
from sixfold.align.segments import segment_pairs  # noqa: E402
from sixfold.align.sentences import align_sentences, length_ratio  # noqa: E402
from sixfold.align.split import split_sentences  # noqa: E402

GOAL_SECONDS = 1.0
GOAL_PAIR_MS = 20.0
CHARTER = REPO.parent / "shared" / "corpus" / "un-charter"
AKN = REPO.parent / "shared" / "corpus" / "akn-ga" / "77session"

Align = Callable[[list[str], list[str], str, str], object]


def sixfold_align(source: list[str], target: list[str], sl: str, tl: str) -> object:
    return align_sentences(source, target, sl, tl)


def align_all(docs: list[Case], sl: str, tl: str) -> None:
    for case in docs:
        align_sentences(case.source, case.target, sl, tl)


def baseline() -> Align | None:
    try:
        import galechurch
    except ImportError:
        print("galechurch is not installed (pip install '.[eval]'): baseline skipped")
        return None

    def align(source: list[str], target: list[str], sl: str, tl: str) -> object:
        if not source or not target:
            return None
        return galechurch.align(source, target, mean_xy=length_ratio(tl, sl))

    return align


def time_each(align: Align, docs: list[Case], sl: str, tl: str) -> list[float]:
    seconds = []
    for case in docs:
        start = time.perf_counter()
        align(case.source, case.target, sl, tl)
        seconds.append(time.perf_counter() - start)
    return seconds


def devset_table(root: Path, pairs: list[str]) -> None:
    devset = load(root)
    gale = baseline()
    print(
        f"{'pair':<7}{'aligner':<12}{'seconds':>9}{'sent/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
    )
    for pair in pairs:
        sl, tl = pair.split("-")
        docs = cases(devset, sl, tl, "a", devset.docs, 1)
        sentences = sum(len(case.source) for case in docs)
        time_each(sixfold_align, docs[:20], sl, tl)  # load the tables, compile the patterns
        totals = {}
        for name, align in (("sixfold", sixfold_align), ("galechurch", gale)):
            if align is None:
                continue
            seconds = time_each(align, docs, sl, tl)
            ms = sorted(s * 1000 for s in seconds)
            totals[name] = sum(seconds)
            print(
                f"{pair:<7}{name:<12}{totals[name]:>9.3f}{sentences / totals[name]:>9.0f}"
                f"{statistics.median(ms):>9.3f}{percentile(ms, 0.95):>9.3f}"
                f"{percentile(ms, 0.99):>9.3f}"
            )
        if "galechurch" in totals:
            print(
                f"{pair}: sixfold takes {totals['sixfold'] / totals['galechurch']:.1f}x Gale-Church"
            )
        verdict = "PASS" if totals["sixfold"] < GOAL_SECONDS else "FAIL"
        print(f"{pair}: goal < {GOAL_SECONDS:.0f} s for {len(docs)} documents: {verdict}")
        peak = peak_alloc_bytes(align_all, docs, sl, tl)
        print(f"{pair}: peak Python allocation: {peak / 2**10:.0f} KiB")


def charter_sentences(root: Path, lang: str) -> list[str]:
    text = (root / f"charter.{lang}.txt").read_text("utf-8")
    return [s for line in text.splitlines() for s in split_sentences(line, lang)]


def linearity(root: Path) -> None:
    source, target = charter_sentences(root, "en"), charter_sentences(root, "fr")
    print(f"Charter en-fr: {len(source)} and {len(target)} sentences")
    print(f"{'part':<8}{'sentences':>10}{'seconds':>9}{'us/sentence':>13}")
    for label, part in (("1/4", 0.25), ("1/2", 0.5), ("all", 1.0)):
        s, t = source[: round(len(source) * part)], target[: round(len(target) * part)]
        start = time.perf_counter()
        align_sentences(s, t, "en", "fr")
        seconds = time.perf_counter() - start
        print(f"{label:<8}{len(s):>10}{seconds:>9.3f}{seconds / len(s) * 1e6:>13.0f}")


def resolution_pairs(session: Path) -> None:
    """Whole resolution pairs of about 60 paragraphs, paragraphs then sentences."""
    docs = versions(session, None, 1)
    pairs = [
        (by_lang["en"], by_lang["fr"])
        for by_lang in docs.values()
        if {"en", "fr"} <= by_lang.keys() and 55 <= len(paragraphs_of(by_lang["en"])) <= 65
    ]
    if not pairs:
        print("no resolution pair of 55-65 paragraphs found")
        return
    ms = []
    for en, fr in pairs:
        start = time.perf_counter()
        segment_pairs(en, fr, "sentence")
        ms.append((time.perf_counter() - start) * 1000)
    ms.sort()
    p50, p99 = percentile(ms, 0.5), percentile(ms, 0.99)
    verdict = "PASS" if p50 < GOAL_PAIR_MS else "FAIL"
    print(f"\n{len(pairs)} en-fr resolution pairs of 55-65 paragraphs, paragraphs and sentences:")
    print(f"p50 {p50:.1f} ms, p99 {p99:.1f} ms, max {max(ms):.1f} ms")
    print(f"goal < {GOAL_PAIR_MS:.0f} ms per pair (p50): {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", nargs="+", default=["en-fr", "en-zh"])
    parser.add_argument("--devset", type=Path, default=DEVSET)
    parser.add_argument("--charter", type=Path, default=CHARTER)
    parser.add_argument("--akn", type=Path, default=AKN)
    args = parser.parse_args()
    devset_table(args.devset, args.pairs)
    linearity(args.charter)
    resolution_pairs(args.akn)


if __name__ == "__main__":
    main()
