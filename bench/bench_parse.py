"""Parse throughput, latency and memory on rendered UN documents, against a bare baseline.

    python bench/bench_parse.py [--rendered data/rendered] [--sample 120] [--repeat 3]

The documents are the raw forms that ``eval/render_corpus.py`` renders from the AKN corpus
(rendered first if the folder is missing).  In the same run it times a *baseline* that only
reads and normalises each file (bytes → decoded, normalised text), so the ratio says what
structure costs on top of I/O and decoding.  One process, one core: docs/s is per core, timed
on the process's CPU time (``time.process_time``), which other jobs on a shared machine do not
inflate; the wall-clock rate of the same pass is printed beside it.
Memory: peak RSS after each quarter of the run (flat means no growth with the number of
files) and the largest per-document Python allocation peak (tracemalloc, separate pass).
"""

from __future__ import annotations

import argparse
import gc
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.measure import peak_alloc_bytes, percentile  # noqa: E402


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def time_each(
    files: list[Path], work: Callable[[Path], object], repeat: int
) -> tuple[list[float], list[float], float]:
    """Per-file CPU seconds (the least of ``repeat`` runs: a virtual machine's noise only ever
    adds time), peak RSS after each quarter of the files, and the wall seconds of the pass."""
    latencies: list[float] = []
    quarters: list[float] = []
    marks = {len(files) * q // 4 for q in (1, 2, 3, 4)}
    wall = time.perf_counter()
    for i, path in enumerate(files, 1):
        runs = []
        for _ in range(repeat):
            start = time.process_time()
            work(path)
            runs.append(time.process_time() - start)
        latencies.append(min(runs))
        if i in marks:
            quarters.append(rss_mib())
    return latencies, quarters, time.perf_counter() - wall


def peak_alloc_mib(files: list[Path], work: Callable[[Path], object]) -> float:
    """The largest allocation peak of one file's ``work``."""
    return max(peak_alloc_bytes(work, path) for path in files) / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rendered", type=Path, default=REPO / "data" / "rendered")
    parser.add_argument(
        "--sample", type=int, default=120, help="AKN files to render when the folder is missing"
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="times each file is parsed; its least time counts"
    )
    args = parser.parse_args()
    if not args.rendered.is_dir():
        subprocess.run(
            [
                sys.executable,
                str(REPO / "eval" / "render_corpus.py"),
                "--sample",
                str(args.sample),
                "--out",
                str(args.rendered),
            ],
            check=True,
        )
    files = sorted(p for p in args.rendered.rglob("*.txt"))
    if not files:
        sys.exit(f"no rendered documents under {args.rendered}")

    import sixfold
    from sixfold.clean.normalize import normalize
    from sixfold.readers.limits import read_bounded
    from sixfold.readers.text import decode_text

    def baseline(path: Path) -> object:
        return normalize(decode_text(read_bounded(path))[0])

    def full(path: Path) -> object:
        try:
            return sixfold.parse(path)
        except sixfold.SixfoldError as error:
            return error

    # Warm the per-language caches (lexicons, compiled patterns) outside the timing: one
    # document of every form and language.  Their one-off cost is reported separately.
    warm_start = time.perf_counter()
    for folder in sorted({p.parent for p in files}):
        full(next(folder.glob("*.txt")))
    warm_seconds = time.perf_counter() - warm_start
    gc.collect()
    rows = []
    for name, work in (("read+normalise (baseline)", baseline), ("sixfold.parse", full)):
        latencies, quarters, wall = time_each(files, work, args.repeat)
        rows.append(
            (
                name,
                len(files) / sum(latencies),
                len(files) * args.repeat / wall,
                latencies,
                quarters,
                peak_alloc_mib(files[:40], work),
            )
        )
    megabytes = sum(p.stat().st_size for p in files) / 2**20
    print(
        f"sixfold {sixfold.__version__} · {len(files)} rendered documents ({megabytes:.1f} MiB) · {args.rendered}"
    )
    header = f"{'pass':28} {'docs/s/core':>12} {'wall docs/s':>12} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'RSS MiB by quarter':>28} {'peak alloc/doc MiB':>19}"
    print(header)
    print("-" * len(header))
    for name, rate, wall_rate, latencies, quarters, alloc in rows:
        q = " ".join(f"{v:6.0f}" for v in quarters)
        print(
            f"{name:28} {rate:12.0f} {wall_rate:12.0f} {statistics.median(latencies) * 1e3:8.2f} "
            f"{percentile(latencies, 0.95) * 1e3:8.2f} {percentile(latencies, 0.99) * 1e3:8.2f} {q:>28} {alloc:19.2f}"
        )
    print(
        f"one-off warm-up (load lexicons, compile patterns, all forms and languages): {warm_seconds:.2f} s"
    )
    print(
        f"ratio parse / baseline time: {rows[0][1] / rows[1][1]:.1f}x  (goal: >= 150 docs/s/core for parse)"
    )


if __name__ == "__main__":
    main()
