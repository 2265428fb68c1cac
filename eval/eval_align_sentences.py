"""Sentence alignment against the UN Parallel Corpus devset (issue 5).

    python eval/eval_align_sentences.py [--corpus DIR] [--pairs en-fr zh-ar ...]
                                        [--variants a b c] [--sample N] [--seed S] [--json OUT]

The devset gives 4,000 sentences line-parallel in six languages and, per line, the document and
each language's paragraph:sentence position. Lines are grouped by document and every document is
aligned on its own, in three variants built from the same lines:

a. as given: gold links line i to line i;
b. the document's lines put in the target's reading order (its paragraph:sentence positions:
   the devset samples sentences, so file order is not reading order), then the target side's
   sentences of one paragraph joined into one segment (with a space, none for zh): gold links
   each source sentence to the segment holding its parallel (1-to-n);
c. 10% of the target side's sentences deleted at random (seeded): gold keeps the other links.

Links are scored as pairs (``Link.pairs()``, so unlinked segments count for nothing): precision,
recall and F1 over (document, source, target) pairs. "R ceiling" is the recall no aligner whose
links never cross can exceed on that variant (below 1 where two languages order a document's
paragraphs differently). The baseline, run in the same pass, is
Gale-Church from the ``galechurch`` package, given sixfold's own per-language length ratio as its
``mean_xy`` so that the comparison is about the beads and anchors, not the length table.
"""

from __future__ import annotations

import argparse
import bisect
import json
import random
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from sixfold.align.sentences import align_sentences, length_ratio  # noqa: E402

DEVSET = REPO.parent / "shared" / "corpus" / "unpc-devset"
LANGS = ("ar", "en", "es", "fr", "ru", "zh")
PAIRS = ("en-ar", "en-zh", "en-fr", "en-ru", "en-es", "zh-ar")
TARGETS = {"a": 0.999, "b": 0.995, "c": 0.97}
DELETED = 0.10

Pairs = set[tuple[int, int]]
Aligner = Callable[[list[str], list[str], str, str], Pairs]


@dataclass(frozen=True)
class Case:
    """One document of one variant: what to align and the gold pairs."""

    source: list[str]
    target: list[str]
    gold: Pairs


@dataclass
class Row:
    pair: str
    variant: str
    aligner: str
    precision: float
    recall: float
    f1: float
    target: float
    seconds: float
    ceiling: float

    @property
    def verdict(self) -> str:
        return "PASS" if self.f1 >= self.target else "FAIL"


@dataclass(frozen=True)
class Devset:
    """Lines per language and, per line, its document and each language's (paragraph,
    sentence) position."""

    lines: dict[str, list[str]]
    docs: list[list[int]]
    position: dict[str, list[tuple[int, int]]]


def monotone_ceiling(gold: Pairs) -> int:
    """How many gold pairs an aligner whose links never cross can find at most: the longest
    run of source sentences whose targets never go back (variant b in file order crosses)."""
    tails: list[int] = []
    for _, t in sorted(gold):
        k = bisect.bisect_right(tails, t)
        tails[k : k + 1] = [t]
    return len(tails)


def load(root: Path) -> Devset:
    lines = {
        lang: (root / f"UNv1.0.devset.{lang}").read_text("utf-8").splitlines() for lang in LANGS
    }
    docs: dict[str, list[int]] = {}
    position: dict[str, list[tuple[int, int]]] = {lang: [] for lang in LANGS}
    for number, row in enumerate((root / "UNv1.0.devset.ids").read_text("utf-8").splitlines()):
        doc, *places = row.split()
        docs.setdefault(doc, []).append(number)
        for place in places:
            lang, para, sentence = place.split(":")
            position[lang].append((int(para), int(sentence)))
    return Devset(lines, list(docs.values()), position)


def cases(
    devset: Devset, source: str, target: str, variant: str, docs: Sequence[list[int]], seed: int
) -> list[Case]:
    src, tgt = devset.lines[source], devset.lines[target]
    if variant == "c":
        every = [i for doc in docs for i in doc]
        deleted = set(random.Random(seed).sample(every, round(len(every) * DELETED)))
    out = []
    for doc in docs:
        source_side = [src[i] for i in doc]
        if variant == "a":
            out.append(Case(source_side, [tgt[i] for i in doc], {(k, k) for k in range(len(doc))}))
        elif variant == "b":
            ordered = sorted(doc, key=lambda i: devset.position[target][i])
            segments: dict[int, list[int]] = {}
            for i in ordered:
                segments.setdefault(devset.position[target][i][0], []).append(i)
            joiner = "" if target == "zh" else " "
            where = {i: s for s, members in enumerate(segments.values()) for i in members}
            joined = [joiner.join(tgt[i] for i in members) for members in segments.values()]
            gold = {(k, where[i]) for k, i in enumerate(ordered)}
            out.append(Case([src[i] for i in ordered], joined, gold))
        else:
            kept = [i for i in doc if i not in deleted]
            place = {i: t for t, i in enumerate(kept)}
            gold = {(k, place[i]) for k, i in enumerate(doc) if i in place}
            out.append(Case(source_side, [tgt[i] for i in kept], gold))
    return out


def sixfold_pairs(source: list[str], target: list[str], sl: str, tl: str) -> Pairs:
    return {pair for link in align_sentences(source, target, sl, tl) for pair in link.pairs()}


def galechurch_pairs(source: list[str], target: list[str], sl: str, tl: str) -> Pairs:
    import galechurch

    if not source or not target:
        return set()
    block = galechurch.align(source, target, mean_xy=length_ratio(tl, sl))
    return {
        (s, t)
        for bead in block.beads
        for s in range(bead.source_start, bead.source_end)
        for t in range(bead.target_start, bead.target_end)
    }


def aligners() -> dict[str, Aligner]:
    found: dict[str, Aligner] = {"sixfold": sixfold_pairs}
    try:
        import galechurch  # noqa: F401
    except ImportError:
        print("galechurch is not installed (pip install '.[eval]'): baseline skipped")
    else:
        found["galechurch"] = galechurch_pairs
    return found


def score(pair: str, variant: str, name: str, align: Aligner, docs: list[Case]) -> Row:
    sl, tl = pair.split("-")
    found = gold = agreed = reachable = 0
    start = time.perf_counter()
    for case in docs:
        got = align(case.source, case.target, sl, tl)
        found += len(got)
        gold += len(case.gold)
        agreed += len(got & case.gold)
        reachable += monotone_ceiling(case.gold)
    seconds = time.perf_counter() - start
    p = agreed / found if found else 1.0
    r = agreed / gold if gold else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    ceiling = reachable / gold if gold else 1.0
    return Row(pair, variant, name, p, r, f1, TARGETS[variant], seconds, ceiling)


def evaluate(
    root: Path,
    pairs: Sequence[str],
    variants: Sequence[str],
    sample: int | None = None,
    seed: int = 1,
    names: Sequence[str] | None = None,
) -> list[Row]:
    devset = load(root)
    docs = devset.docs
    if sample is not None and sample < len(docs):
        docs = random.Random(seed).sample(docs, sample)
    chosen = {k: v for k, v in aligners().items() if names is None or k in names}
    rows = []
    for pair in pairs:
        sl, tl = pair.split("-")
        for variant in variants:
            built = cases(devset, sl, tl, variant, docs, seed)
            for name, align in chosen.items():
                rows.append(score(pair, variant, name, align, built))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEVSET)
    parser.add_argument("--pairs", nargs="+", default=list(PAIRS))
    parser.add_argument("--variants", nargs="+", default=list(TARGETS), choices=list(TARGETS))
    parser.add_argument("--sample", type=int, default=None, help="documents (default: all)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--aligners", nargs="+", default=None, help="default: all installed")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()

    rows = evaluate(args.corpus, args.pairs, args.variants, args.sample, args.seed, args.aligners)
    print(
        f"{'pair':<7}{'variant':<9}{'aligner':<12}{'P':>7}{'R':>7}{'F1':>7}"
        f"{'target':>8}  {'':<5}{'seconds':>8}{'R ceiling':>11}"
    )
    for row in rows:
        print(
            f"{row.pair:<7}{row.variant:<9}{row.aligner:<12}{row.precision:>7.4f}"
            f"{row.recall:>7.4f}{row.f1:>7.4f}{row.target:>8.3f}  {row.verdict:<5}"
            f"{row.seconds:>8.2f}{row.ceiling:>11.4f}"
        )
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in rows], indent=2), "utf-8")


if __name__ == "__main__":
    main()
