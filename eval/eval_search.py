"""Search relevance (issue 8, acceptance 2): remembered wordings, answered per language.

    python eval/eval_search.py [--corpus PATH_OR_ZIP ...] [--library DIR]
                               [--per-language 200] [--seed S] [--show-failures K]

Ingests the corpus (any folder or zip of AKN files; by default every session of
``../shared/corpus/akn-ga``) into a library under ``data/`` (reused when it already holds
every file), samples paragraphs of that corpus per language and cuts from each a query of 6-10
consecutive words (12-20 consecutive characters for Chinese, no spaces), as a user pastes a
remembered wording: no quotes, no language filter.

A query is *answered* when each of its top 3 results is the source paragraph or contains the
query's words consecutively, in order, after the language's normalisation
(:func:`sixfold.search.analysis.fold`); when fewer than 3 paragraphs of the library contain
them, the top 3 must include the source.  Which paragraphs contain a wording is decided here by
brute force over every paragraph of the language, not by asking the engine, so the yardstick
does not share the engine's mistakes.  Exact-phrase mode (``Library.exact``) must find the
source every time, return only paragraphs that contain the wording, and (reported) return all
of them.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from eval.corpus import DEFAULT_CORPUS  # noqa: E402
from sixfold.library import Library  # noqa: E402
from sixfold.library.ingest import content_hash  # noqa: E402
from sixfold.library.sources import iter_sources  # noqa: E402
from sixfold.model import LANGUAGES  # noqa: E402
from sixfold.search.analysis import fold, tokens  # noqa: E402
from sixfold.search.engine import Hit  # noqa: E402

DEFAULT_LIBRARY = REPO / "data" / "library"
WORDS = (6, 10)
HAN_CHARS = (12, 20)
TARGETS = {"answered": 0.99, "exact found": 1.0, "exact only containing": 1.0}


# --- pure counting logic -------------------------------------------------------------------


def make_query(text: str, lang: str, rng: random.Random) -> str | None:
    """A wording cut from ``text`` as a reader would copy it: 6-10 consecutive words with the
    text's own punctuation between them, or for Chinese 12-20 consecutive characters with no
    space; ``None`` when the paragraph is too short."""
    if lang == "zh":
        length = rng.randint(*HAN_CHARS)
        starts = [
            i
            for i in range(len(text) - length + 1)
            if not any(c.isspace() for c in text[i : i + length])
        ]
        if not starts:
            return None
        start = rng.choice(starts)
        return text[start : start + length]
    words = list(tokens(text, lang, stem=False))
    count = rng.randint(*WORDS)
    if len(words) < count:
        return None
    first = rng.randint(0, len(words) - count)
    return text[words[first].start : words[first + count - 1].end]


def padded(folded: str, lang: str) -> str:
    """Folded text framed so that a substring test matches whole words only ("report" is not
    in "reports"); Chinese is matched by characters, as its folded text has no spaces."""
    return folded if lang == "zh" else f" {folded} "


def contains(haystack: str, needle: str, lang: str) -> bool:
    """Whether folded ``haystack`` holds folded ``needle`` as consecutive words, in order."""
    return bool(needle) and padded(needle, lang) in padded(haystack, lang)


def answered(top: Sequence[tuple[int, bool]], source: int, containing: int) -> bool:
    """The issue's definition: ``top`` is the (paragraph id, contains the query) of the first
    results, ``containing`` how many paragraphs of the library contain the query."""
    top = top[:3]
    if containing < 3:
        return any(pid == source for pid, _ in top)
    return len(top) == 3 and all(pid == source or has for pid, has in top)


@dataclass
class Outcome:
    """One query's verdicts."""

    lang: str
    query: str
    source: int
    answered: bool
    top1: bool
    top3: bool
    exact_found: bool
    exact_only_containing: bool
    exact_complete: bool
    containing: int
    seconds: float = 0.0


@dataclass
class Summary:
    count: int = 0
    rates: dict[str, float] = field(default_factory=dict)


RATES = ("answered", "top3", "top1", "exact_found", "exact_only_containing", "exact_complete")


def summarise(outcomes: Sequence[Outcome]) -> dict[str, Summary]:
    """Rates per language and over all, in ``LANGUAGES`` order."""
    groups: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        groups.setdefault(outcome.lang, []).append(outcome)
    ordered = [lang for lang in LANGUAGES if lang in groups] + sorted(
        lang for lang in groups if lang not in LANGUAGES
    )
    table = {lang: groups[lang] for lang in ordered}
    table["all"] = list(outcomes)
    return {
        name: Summary(
            len(group),
            {rate: sum(getattr(o, rate) for o in group) / len(group) for rate in RATES}
            if group
            else {},
        )
        for name, group in table.items()
    }


def verdict(summary: dict[str, Summary]) -> dict[str, bool]:
    """Targets are per language: each must hold in every language, not only on average."""
    langs = [s for name, s in summary.items() if name != "all"]
    return {
        "answered": all(s.rates["answered"] >= TARGETS["answered"] for s in langs),
        "exact found": all(s.rates["exact_found"] >= TARGETS["exact found"] for s in langs),
        "exact only containing": all(
            s.rates["exact_only_containing"] >= TARGETS["exact only containing"] for s in langs
        ),
    }


def format_table(summary: dict[str, Summary]) -> str:
    heads = ("answered", "top-3", "top-1", "exact found", "exact only", "exact all")
    lines = [f"{'lang':5} {'n':>5} " + " ".join(f"{h:>11}" for h in heads)]
    lines.append("-" * len(lines[0]))
    for name, s in summary.items():
        cells = " ".join(f"{s.rates[r]:11.3f}" for r in RATES) if s.count else ""
        lines.append(f"{name:5} {s.count:5} {cells}")
    lines.append(f"{'goal':5} {'':5} {'>= 0.99':>11} {'':>11} {'':>11} {'1.000':>11} {'1.000':>11}")
    return "\n".join(lines)


# --- running it on a library ---------------------------------------------------------------


def corpus_hashes(paths: Sequence[Path]) -> set[str]:
    return {content_hash(source) for source in iter_sources(list(paths))}


def ensure_ingested(library: Library, paths: Sequence[Path], jobs: int | None) -> set[str]:
    """The content hashes of the corpus, ingesting first unless the library holds them all."""
    hashes = corpus_hashes(paths)
    held = {sha for (sha,) in library.conn.execute("SELECT sha256 FROM files")}
    if not hashes <= held:
        print(
            f"ingesting {len(hashes - held)} new file(s) into {library.path} ...", file=sys.stderr
        )
        report = library.ingest(list(paths), jobs=jobs)
        print(f"added {report.added}, failed {report.failed}", file=sys.stderr)
    return hashes


def folded_paragraphs(library: Library, lang: str) -> dict[int, str]:
    """Every paragraph of the library in ``lang``, folded and padded: the brute-force
    yardstick."""
    rows = library.conn.execute(
        "SELECT p.id, p.text FROM paragraphs p JOIN documents d ON d.id = p.document_id"
        " WHERE d.language = ?",
        (lang,),
    )
    return {pid: padded(fold(text, lang), lang) for pid, text in rows}


def sample(
    library: Library, hashes: set[str], lang: str, per_language: int, rng: random.Random
) -> list[tuple[int, str]]:
    """(paragraph id, query) for ``per_language`` paragraphs of the corpus long enough to cut
    a query from."""
    library.conn.execute("CREATE TEMP TABLE IF NOT EXISTS corpus (sha256 TEXT PRIMARY KEY)")
    library.conn.execute("DELETE FROM corpus")
    library.conn.executemany("INSERT INTO corpus VALUES (?)", ((h,) for h in hashes))
    rows = library.conn.execute(
        "SELECT p.id, p.text FROM paragraphs p JOIN documents d ON d.id = p.document_id"
        " WHERE d.language = ? AND d.sha256 IN (SELECT sha256 FROM corpus) ORDER BY p.id",
        (lang,),
    ).fetchall()
    rng.shuffle(rows)
    picked: list[tuple[int, str]] = []
    for pid, text in rows:
        query = make_query(text, lang, rng)
        if query is not None:
            picked.append((pid, query))
            if len(picked) == per_language:
                break
    return picked


def holds(hit: Hit, query: str) -> bool:
    """Whether a result contains the query, judged in the result's own language: a query of
    digits and symbols alone is searched in all six, and "64/269, 65/289" is in a Chinese
    paragraph as the same consecutive characters ("64/269、65/289")."""
    return contains(fold(hit.text, hit.language), fold(query, hit.language), hit.language)


def evaluate_query(
    library: Library, folded: dict[int, str], lang: str, source: int, query: str
) -> Outcome:
    needle = fold(query, lang)
    framed = padded(needle, lang)
    containing = {pid for pid, text in folded.items() if framed in text} if needle else set()
    start = time.perf_counter()
    hits = library.search(query, limit=3)
    seconds = time.perf_counter() - start
    top = [(h.paragraph_id, holds(h, query)) for h in hits]
    exact = library.exact(query)
    exact_ids = {h.paragraph_id for h in exact if h.language == lang}
    return Outcome(
        lang=lang,
        query=query,
        source=source,
        answered=answered(top, source, len(containing)),
        top1=bool(hits) and hits[0].paragraph_id == source,
        top3=any(pid == source for pid, _ in top),
        exact_found=source in exact_ids,
        exact_only_containing=all(holds(h, query) for h in exact),
        exact_complete=containing <= exact_ids,
        containing=len(containing),
        seconds=seconds,
    )


def run(
    library: Library, hashes: set[str], langs: Sequence[str], per_language: int, seed: int
) -> list[Outcome]:
    outcomes: list[Outcome] = []
    for lang in langs:
        rng = random.Random(f"{seed}-{lang}")
        picked = sample(library, hashes, lang, per_language, rng)
        if not picked:
            continue
        folded = folded_paragraphs(library, lang)
        outcomes += [evaluate_query(library, folded, lang, pid, q) for pid, q in picked]
    return outcomes


def format_failures(library: Library, outcomes: Sequence[Outcome], limit: int) -> str:
    lines = ["unanswered queries (source id, paragraphs containing the wording, top 3):"]
    for outcome in [o for o in outcomes if not o.answered][:limit]:
        lines.append(f"[{outcome.lang}] {outcome.query!r} source={outcome.source} "
                     f"containing={outcome.containing}")  # fmt: skip
        for hit in library.search(outcome.query, limit=3):
            lines.append(f"    {hit.paragraph_id} {hit.language} {hit.match:9} {hit.text[:110]!r}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--corpus", type=Path, nargs="+", default=[DEFAULT_CORPUS])
    ap.add_argument("--library", type=Path, default=DEFAULT_LIBRARY)
    ap.add_argument("--per-language", type=int, default=200)
    ap.add_argument("--langs", nargs="*", default=list(LANGUAGES))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=None, help="parser processes when ingesting")
    ap.add_argument("--show-failures", type=int, default=0, metavar="K")
    args = ap.parse_args(argv)
    with Library.open(args.library, create=True) as library:
        hashes = ensure_ingested(library, args.corpus, args.jobs)
        start = time.perf_counter()
        outcomes = run(library, hashes, args.langs, args.per_language, args.seed)
        seconds = time.perf_counter() - start
        summary = summarise(outcomes)
        print(format_table(summary))
        print()
        for target, ok in verdict(summary).items():
            print(f"{target:24} {'PASS' if ok else 'FAIL'} (every language >= {TARGETS[target]})")
        if args.show_failures:
            print()
            print(format_failures(library, outcomes, args.show_failures))
        stats = library.stats()
    import sixfold

    print(
        f"\nsixfold={sixfold.__version__} corpus={','.join(map(str, args.corpus))} "
        f"library={args.library} ({stats.paragraphs} paragraphs) per-language={args.per_language} "
        f"seed={args.seed} langs={','.join(args.langs)} queries={len(outcomes)} "
        f"in {seconds:.0f} s"
    )
    return 0 if all(verdict(summary).values()) else 1


if __name__ == "__main__":
    sys.exit(main())
