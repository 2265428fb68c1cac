"""Search latency (issue 8, acceptance 3): sixfold against a bare tantivy index, 1 and 8 clients.

    python bench/bench_search.py [--library data/library] [--queries 1000] [--clients 1 8]
                                 [--seed S] [--limit 10]

Queries are cut from paragraphs sampled evenly across the six languages, as in
``eval/eval_search.py`` (6-10 words, 12-20 Chinese characters, no quotes, no language filter).
Each client is a thread with its own connection (``Library.open``); the clients share the
queries round-robin and start together, and queries/s is their total over the wall time.  The
engines take turns on fifths of the queries, so that other work on the machine weighs on each
alike.

Rows, from the whole search down to the engine alone:

* ``sixfold search``: ``Library.search``, what a user waits for (analysis, the ranked index
  query, the records read from SQLite, snippets);
* ``sixfold index query``: only the index part of it, sixfold's ranked query (built beforehand,
  outside the clock) on sixfold's index, ids only;
* ``floor: phrase`` and ``floor: AND``: the engine alone, the floor of the goal: a plain tantivy
  index of the same paragraphs' terms (one field, whitespace tokenizer, no language or other
  filters), built directly with tantivy and asked for the best ``limit`` ids, the query's terms
  analysed beforehand;
* ``tantivy as shipped``: tantivy used with nothing of sixfold's: its default tokenizer, the
  query string through its own parser (all words required), the best ``limit`` paragraphs'
  stored text.  Its tokenizer keeps a run of Han characters as one token, so most Chinese
  queries find nothing, which is cheap.

The floor indexes are built once into ``data/`` and kept while they hold as many paragraphs as
the library.  Build ``data/library`` first with ``bench/bench_ingest.py`` or ``eval/eval_search.py``.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import random
import shutil
import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import tantivy

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from eval.eval_search import make_query  # noqa: E402

from bench.measure import percentile  # noqa: E402
from sixfold.library import Library  # noqa: E402
from sixfold.model import LANGUAGES  # noqa: E402
from sixfold.search.analysis import terms  # noqa: E402
from sixfold.search.engine import ranked_query  # noqa: E402

Query = tuple[str, str, list[str]]  # (language, text, its terms)
Runner = Callable[[Query], object]
GOAL_P99_MS = 50.0
GOAL_RATIO = 2.0


def sample_queries(library: Library, count: int, seed: int) -> list[Query]:
    rng = random.Random(seed)
    queries: list[Query] = []
    for i, lang in enumerate(LANGUAGES):
        want = count // len(LANGUAGES) + (i < count % len(LANGUAGES))
        ids = [
            pid
            for (pid,) in library.conn.execute(
                "SELECT p.id FROM paragraphs p JOIN documents d ON d.id = p.document_id"
                " WHERE d.language = ? ORDER BY p.id",
                (lang,),
            )
        ]
        rng.shuffle(ids)
        for pid in ids:
            (text,) = library.conn.execute(
                "SELECT text FROM paragraphs WHERE id = ?", (pid,)
            ).fetchone()
            query = make_query(text, lang, rng)
            if query is not None:
                queries.append((lang, query, terms(query, lang)))
                if sum(q[0] == lang for q in queries) == want:
                    break
    rng.shuffle(queries)
    return queries


def _floor_schema() -> tantivy.Schema:
    schema = tantivy.SchemaBuilder()
    schema.add_unsigned_field("id", fast=True)
    schema.add_text_field("terms", tokenizer_name="whitespace", index_option="position")
    return schema.build()


def _shipped_schema() -> tantivy.Schema:
    schema = tantivy.SchemaBuilder()
    schema.add_text_field("text", stored=True)  # tantivy's default tokenizer
    return schema.build()


FLOOR_SCHEMA = _floor_schema()
SHIPPED_SCHEMA = _shipped_schema()


def build_floor(library: Library, floor: Path, wanted: int) -> tantivy.Index:
    """The floor index: every paragraph's terms, as sixfold analyses them."""

    def entry(paragraph_id: int, text: str, lang: str) -> tantivy.Document:
        doc = tantivy.Document()
        doc.add_unsigned("id", paragraph_id)
        doc.add_text("terms", " ".join(terms(text, lang)))
        return doc

    return _built(library, floor, wanted, FLOOR_SCHEMA, entry)


def build_shipped(library: Library, folder: Path, wanted: int) -> tantivy.Index:
    """tantivy as shipped: every paragraph's text, stored, as its default tokenizer reads it."""

    def entry(paragraph_id: int, text: str, lang: str) -> tantivy.Document:
        doc = tantivy.Document()
        doc.add_text("text", text)
        return doc

    return _built(library, folder, wanted, SHIPPED_SCHEMA, entry)


def _built(
    library: Library,
    folder: Path,
    wanted: int,
    schema: tantivy.Schema,
    entry: Callable[[int, str, str], tantivy.Document],
) -> tantivy.Index:
    """A bare tantivy index of every paragraph, kept between runs while it holds as many
    paragraphs (``wanted``) as the library."""
    if (folder / "meta.json").exists():
        index = tantivy.Index.open(str(folder))
        if index.searcher().num_docs == wanted:
            return index
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    index = tantivy.Index(schema, str(folder))
    writer = index.writer()
    rows = library.conn.execute(
        "SELECT p.id, p.text, d.language FROM paragraphs p JOIN documents d ON d.id = p.document_id"
    )
    for paragraph_id, text, lang in rows:
        writer.add_document(entry(paragraph_id, text, lang))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    return index


def floor_runner(
    index: tantivy.Index, build: Callable[[list[str]], tantivy.Query], limit: int
) -> Runner:
    def run(query: Query) -> object:
        searcher = index.searcher()
        hits = searcher.search(build(query[2]), limit, count=False).hits
        return searcher.fast_field_values("id", [address for _, address in hits])

    return run


def phrase(words: list[str]) -> tantivy.Query:
    if len(words) == 1:
        return tantivy.Query.term_query(FLOOR_SCHEMA, "terms", words[0])
    return tantivy.Query.phrase_query(FLOOR_SCHEMA, "terms", words)


def all_words(words: list[str]) -> tantivy.Query:
    must = tantivy.Occur.Must
    return tantivy.Query.boolean_query(
        [(must, tantivy.Query.term_query(FLOOR_SCHEMA, "terms", w)) for w in words]
    )


def shipped_runner(index: tantivy.Index, limit: int) -> Runner:
    def run(query: Query) -> object:
        searcher = index.searcher()
        parsed, _ = index.parse_query_lenient(query[1], ["text"], conjunction_by_default=True)
        hits = searcher.search(parsed, limit, count=False).hits
        return [searcher.doc(address)["text"] for _, address in hits]

    return run


def sixfold_runner(library: Path, limit: int) -> Runner:
    lib = Library.open(library)

    def run(query: Query) -> object:
        return lib.search(query[1], limit=limit)

    return run


def index_query_runner(library: Path, queries: list[Query], limit: int) -> Runner:
    """sixfold's ranked index query alone, built beforehand as the floor's terms are."""
    lib = Library.open(library)
    prepared = {query[1]: ranked_query(query[1]).query for query in queries}

    def run(query: Query) -> object:
        return lib.index.search(prepared[query[1]], limit)

    return run


def measure(
    make_runner: Callable[[], Runner], queries: list[Query], clients: int
) -> tuple[list[float], float]:
    """Per-query latencies and the wall time (s) with ``clients`` threads, each its own runner."""
    runners = [make_runner() for _ in range(clients)]
    for runner in runners:  # warm caches and prepared statements outside the clock
        for query in queries[:20]:
            runner(query)
    latencies: list[list[float]] = [[] for _ in range(clients)]
    barrier = threading.Barrier(clients + 1)

    def client(k: int) -> None:
        barrier.wait()
        for query in queries[k::clients]:
            start = time.perf_counter()
            runners[k](query)
            latencies[k].append(time.perf_counter() - start)

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for thread in threads:
        thread.start()
    barrier.wait()
    start = time.perf_counter()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - start
    return [x for per in latencies for x in per], wall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--library", type=Path, default=REPO / "data" / "library")
    ap.add_argument("--floor", type=Path, default=REPO / "data" / "bench-floor-index")
    ap.add_argument("--queries", type=int, default=1000)
    ap.add_argument("--clients", type=int, nargs="+", default=[1, 8])
    ap.add_argument("--limit", type=int, default=10)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--rounds", type=int, default=5, help="turns the engines take")
    args = ap.parse_args()
    with Library.open(args.library) as library:
        queries = sample_queries(library, args.queries, args.seed)
        paragraphs = library.stats().paragraphs
        floor = build_floor(library, args.floor, paragraphs)
        shipped = build_shipped(
            library, args.floor.with_name(args.floor.name + "-shipped"), paragraphs
        )
    engines: list[tuple[str, Callable[[], Runner]]] = [
        ("sixfold search", lambda: sixfold_runner(args.library, args.limit)),
        ("sixfold index query", lambda: index_query_runner(args.library, queries, args.limit)),
        ("floor: phrase", lambda: floor_runner(floor, phrase, args.limit)),
        ("floor: AND", lambda: floor_runner(floor, all_words, args.limit)),
        ("tantivy as shipped", lambda: shipped_runner(shipped, args.limit)),
    ]
    rounds = [queries[i :: args.rounds] for i in range(args.rounds)]
    header = f"{'engine':22} {'clients':>7} {'p50 ms':>8} {'p99 ms':>8} {'mean ms':>8} {'q/s':>8}"
    print(header)
    print("-" * len(header))
    results: dict[tuple[str, int], tuple[float, float, float]] = {}
    for clients in args.clients:
        timed: dict[str, tuple[list[float], float]] = {name: ([], 0.0) for name, _ in engines}
        for part in rounds:  # engines take turns, so a change in the machine's load hits all
            for name, make in engines:
                latencies, wall = measure(make, part, clients)
                timed[name] = (timed[name][0] + latencies, timed[name][1] + wall)
        for name, _ in engines:
            latencies, wall = timed[name]
            rate = len(latencies) / wall
            p50, p99 = percentile(latencies, 0.5) * 1e3, percentile(latencies, 0.99) * 1e3
            results[name, clients] = (p50, p99, rate)
            print(
                f"{name:22} {clients:7} {p50:8.2f} {p99:8.2f}"
                f" {statistics.fmean(latencies) * 1e3:8.2f} {rate:8.0f}"
            )
    print()
    for clients in args.clients:
        ours = results["sixfold search", clients]
        for name in ("floor: phrase", "floor: AND", "tantivy as shipped"):
            base = results[name, clients]
            print(
                f"{clients} client(s): sixfold / {name}: p50 {ours[0] / base[0]:.1f}x,"
                f" p99 {ours[1] / base[1]:.1f}x, throughput {base[2] / ours[2]:.1f}x"
                f" (goal <= {GOAL_RATIO:.0f}x)"
            )
    top = max(args.clients)
    p99 = results["sixfold search", top][1]
    print(
        f"p99 with {top} clients: {p99:.1f} ms (goal < {GOAL_P99_MS:.0f} ms):"
        f" {'PASS' if p99 < GOAL_P99_MS else 'FAIL'}"
    )
    import sixfold

    print(
        f"sixfold={sixfold.__version__} tantivy={importlib.metadata.version('tantivy')}"
        f" library={args.library}"
        f" ({paragraphs} paragraphs) queries={len(queries)} seed={args.seed} limit={args.limit}"
    )


if __name__ == "__main__":
    main()
