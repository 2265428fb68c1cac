"""Ingest throughput and library size (issue 8, acceptance 1): the AKN corpus, seeds and PDFs.

    python bench/bench_ingest.py [--library data/library] [--jobs 2] [PATH ...]

Ingests into a *new* library (an existing one would only be skipped through, which measures
hashing, not ingest), then prints wall time, documents per second, failures and the size on
disk, split into records and index.  The library is kept: ``eval/eval_search.py`` and
``bench/bench_search.py`` reuse it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from eval.corpus import DEFAULT_CORPUS, SHARED  # noqa: E402

from sixfold.library import Library  # noqa: E402
from sixfold.library.store import library_file  # noqa: E402

DEFAULT_PATHS = [DEFAULT_CORPUS, SHARED / "seeds", SHARED / "corpus" / "pdf"]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*", type=Path, default=DEFAULT_PATHS)
    parser.add_argument("--library", type=Path, default=REPO / "data" / "library")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--json", type=Path, help="Also write the figures here.")
    args = parser.parse_args()
    if library_file(args.library).exists():
        sys.exit(f"{args.library} already holds a library: give a new --library to time ingest")
    start = time.perf_counter()
    with Library.open(args.library, create=True) as library:
        report = library.ingest(args.paths, jobs=args.jobs)
        seconds = time.perf_counter() - start
        library.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        stats = library.stats()
        failures = library.failures()
        index_bytes = library.index.size()
    figures = {
        "paths": [str(p) for p in args.paths],
        "jobs": args.jobs,
        "seconds": round(seconds, 1),
        "files": report.seen,
        "documents": report.added + report.replaced,
        "failed": report.failed,
        "docs_per_second": round((report.added + report.replaced) / seconds, 1),
        "paragraphs": stats.paragraphs,
        "size_mib": round(stats.size_bytes / 2**20, 1),
        "records_mib (SQLite)": round((stats.size_bytes - index_bytes) / 2**20, 1),
        "index_mib (tantivy)": round(index_bytes / 2**20, 1),
    }
    print(f"ingest of {', '.join(figures['paths'])} into {args.library} with --jobs {args.jobs}")
    for key, value in figures.items():
        if key != "paths":
            print(f"  {key:22} {value}")
    for source, kind, message in failures:
        print(f"  failed: {source}: {kind}: {message}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
