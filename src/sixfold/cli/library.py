"""Library commands: ingest, search, show, stats, reindex.  Each is one call into
:class:`sixfold.library.Library`; this module only reads options and prints."""

from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click

from sixfold.errors import UsageError
from sixfold.export.graph import FORMATS as GRAPH_FORMATS
from sixfold.export.graph import render as render_graph
from sixfold.library import Library
from sixfold.library.graph import Edge
from sixfold.library.ingest import IngestReport
from sixfold.model import LANGUAGES
from sixfold.search.engine import Filters, Group, Hit

library_option = click.option(
    "--library",
    "library_path",
    type=click.Path(path_type=Path, file_okay=False),
    default=lambda: os.environ.get("SIXFOLD_LIBRARY", "."),
    show_default="current directory, or $SIXFOLD_LIBRARY",
    help="Library directory (holds sixfold.sqlite).",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for machines.")


def _echo_json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))


@click.command("ingest")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@library_option
@click.option("--jobs", "-j", type=click.IntRange(1, 64), help="Parser processes (default: cores).")
@click.option("--report", is_flag=True, help="List every file that could not be ingested, and why.")
@json_option
def ingest_command(
    paths: tuple[Path, ...], library_path: Path, jobs: int | None, report: bool, as_json: bool
) -> None:
    """Add documents to a library: files, folders or zip archives of UN documents.

    Content already in the library is skipped, a changed file replaces its record, and a file
    that cannot be parsed is recorded with its reason while the batch goes on.  Interrupting is
    safe: run the same command again to finish.

    \b
    Examples:
      sixfold ingest ../shared/corpus/akn-ga/77session/English.zip
      sixfold ingest --library ~/un --jobs 2 resolutions/ A_RES_65_140.pdf
      sixfold ingest --report          # what failed so far
    """
    if not paths and not report:
        raise UsageError("give files, folders or zip archives to ingest (or --report)")
    with Library.open(library_path, create=bool(paths)) as library:
        result = _ingest(library, list(paths), jobs, quiet=as_json) if paths else None
        failures = library.failures() if report else []
    if as_json:
        _echo_json(
            {
                "ingest": asdict(result) if result else None,
                "failures": [{"source": s, "kind": k, "message": m} for s, k, m in failures],
            }
        )
    elif report:
        for source, kind, message in failures:
            click.echo(f"{source}\t{kind}\t{message}")
        click.echo(f"{len(failures)} file(s) could not be ingested", err=True)


def _ingest(library: Library, paths: list[Path], jobs: int | None, quiet: bool) -> IngestReport:
    from tqdm import tqdm

    start = time.perf_counter()
    with tqdm(unit="doc", file=sys.stderr, disable=quiet or None) as bar:

        def progress(report: IngestReport) -> None:
            bar.update(report.seen - bar.n)
            bar.set_postfix(added=report.added, errors=report.failed, refresh=False)

        result = library.ingest(paths, jobs=jobs, on_progress=progress)
    if not quiet:
        seconds = time.perf_counter() - start
        click.echo(
            f"added {result.added}, replaced {result.replaced}, skipped {result.skipped}"
            f" (already in the library), failed {result.failed} in {seconds:.1f} s"
            + (" — see `sixfold ingest --report`" if result.failed else ""),
            err=True,
        )
    return result


def _session_range(value: str | None) -> tuple[int | None, int | None]:
    if not value:
        return None, None
    low, dash, high = value.partition("-")
    try:
        first = int(low) if low else None
        last = int(high) if high else None if dash else first
    except ValueError:
        raise UsageError(f"--session takes a number or a range like 75-77, not {value!r}") from None
    if first is not None and last is not None and first > last:
        raise UsageError(f"--session {value}: the range ends before it starts (try {last}-{first})")
    return first, last


@click.command("search")
@click.argument("query")
@library_option
@click.option("--lang", "languages", help="Languages to search, comma-separated (e.g. en,fr).")
@click.option("--body", help="GA, SC, ECOSOC, HRC, ...")
@click.option("--type", "doc_type", help="resolution, decision, letter, report, draft, ...")
@click.option("--session", help="A session or a range: 77, 75-77, 75-.")
@click.option("--from", "date_from", help="Adopted on or after this date (YYYY-MM-DD).")
@click.option("--to", "date_to", help="Adopted on or before this date (YYYY-MM-DD).")
@click.option("--agenda", help='Agenda item as printed in records, e.g. "69 (b)" or "55".')
@click.option("--kind", type=click.Choice(["preambular", "operative", "other"]))
@click.option("--lead", help='Paragraphs whose lead starts so, e.g. "Requests".')
@click.option("--exact", is_flag=True, help="Every paragraph containing the wording, oldest first.")
@click.option("--group", is_flag=True, help="With --exact: identical paragraphs on one line.")
@click.option("--also", help="Show the same paragraph in these languages too, e.g. zh,ar.")
@click.option("--limit", "-n", type=click.IntRange(0), default=10, show_default=True,
              help="Results to show (0: all, with --exact).")  # fmt: skip
@json_option
def search_command(
    query: str,
    library_path: Path,
    languages: str | None,
    body: str | None,
    doc_type: str | None,
    session: str | None,
    date_from: str | None,
    date_to: str | None,
    agenda: str | None,
    kind: str | None,
    lead: str | None,
    exact: bool,
    group: bool,
    also: str | None,
    limit: int,
    as_json: bool,
) -> None:
    """Search paragraphs in six languages; paragraphs containing your wording come first.

    \b
    Examples:
      sixfold search "Requests the Secretary-General to report"
      sixfold search 秘书长 --session 75-77 --kind operative
      sixfold search "reaffirms its commitment" --exact --group
      sixfold search "climate change" --lead Requests --also fr,zh --json
    """
    session_from, session_to = _session_range(session)
    filters = Filters(
        languages=_languages(languages),
        body=body,
        doc_type=doc_type,
        session_from=session_from,
        session_to=session_to,
        date_from=date_from,
        date_to=date_to,
        agenda_item=agenda,
        kind=kind,
        lead=lead,
    )
    with Library.open(library_path) as library:
        if exact and group:
            groups = library.exact_grouped(query, filters)[: limit or None]
            _print_groups(groups, as_json)
            return
        hits = (
            library.exact(query, filters, limit=limit or None)
            if exact
            else library.search(query, filters, limit=limit or 10)
        )
        if also:
            library.add_versions(hits, list(_languages(also) or ()))
    _print_hits(hits, as_json)


def _languages(value: str | None) -> tuple[str, ...] | None:
    if not value:
        return None
    languages = tuple(v.strip() for v in value.split(",") if v.strip())
    unknown = [lang for lang in languages if lang not in LANGUAGES]
    if unknown:
        raise UsageError(f"unknown language {unknown[0]!r}; use {', '.join(LANGUAGES)}")
    return languages


def _print_hits(hits: list[Hit], as_json: bool) -> None:
    if as_json:
        _echo_json([asdict(h) for h in hits])
        return
    if not hits:
        click.echo("no paragraph matches", err=True)
    for i, hit in enumerate(hits, 1):
        where = f"{hit.kind} {hit.number}" if hit.number else f"{hit.kind} ({hit.pid})"
        head = f"{i:>2}. {hit.symbol or '?'} [{hit.language}] {where}"
        click.echo(click.style(head, bold=True) + f"  {hit.adopted or ''}  {hit.match}")
        click.echo(f"    {hit.snippet}")
        for lang, text in hit.also.items():
            click.echo(f"    [{lang}] {text[:200]}")


def _print_groups(groups: list[Group], as_json: bool) -> None:
    if as_json:
        _echo_json(
            [
                {
                    "text": g.text,
                    "count": len(g.hits),
                    "history": [
                        {"symbol": h.symbol, "language": h.language, "adopted": h.adopted}
                        for h in g.hits
                    ],
                }
                for g in groups
            ]
        )
        return
    if not groups:
        click.echo("no paragraph contains this wording", err=True)
    for group in groups:
        first, last = group.hits[0], group.hits[-1]
        span = f"{first.adopted or '?'} … {last.adopted or '?'}" if len(group.hits) > 1 else ""
        click.echo(
            click.style(f"{len(group.hits):>4}×", bold=True) + f" {span}  {group.text[:160]}"
        )
        click.echo("       " + ", ".join(h.symbol or "?" for h in group.hits[:12]))


@click.command("show")
@click.argument("symbol")
@library_option
@click.option("--lang", type=click.Choice(LANGUAGES), help="One language version only.")
@json_option
def show_command(symbol: str, library_path: Path, lang: str | None, as_json: bool) -> None:
    """Print a document (all its language versions in the library, or one).

    \b
    Example:
      sixfold show A/RES/77/148 --lang fr
    """
    with Library.open(library_path) as library:
        documents = library.documents(symbol, lang)
    if not documents:
        raise UsageError(f"no document {symbol!r} in the library")
    if as_json:
        _echo_json([d.to_dict() for d in documents])
        return
    for doc in documents:
        click.echo(click.style(f"{doc.symbol} [{doc.language}] {doc.title or ''}", bold=True))
        click.echo(f"adopted {doc.adopted}  meeting {doc.meeting}  agenda {doc.agenda_items}")
        for para in doc.paragraphs:
            label = para.number + "." if para.number else ""
            click.echo(f"  {label:>4} {para.text}")
        click.echo("")


@click.command("stats")
@library_option
@json_option
def stats_command(library_path: Path, as_json: bool) -> None:
    """Summarise a library: documents, paragraphs, languages, bodies, sessions, size."""
    with Library.open(library_path) as library:
        stats = library.stats()
    if as_json:
        _echo_json(asdict(stats))
        return
    click.echo(f"documents   {stats.documents} ({stats.symbols} symbols)")
    click.echo(f"paragraphs  {stats.paragraphs} ({stats.indexed} in the search index)")
    click.echo("languages   " + ", ".join(f"{k} {v}" for k, v in stats.by_language.items()))
    click.echo("bodies      " + ", ".join(f"{k} {v}" for k, v in stats.by_body.items()))
    click.echo("sessions    " + ", ".join(stats.sessions))
    click.echo(f"failed      {stats.failed_files} file(s)")
    click.echo(f"size        {stats.size_bytes / 2**20:.1f} MiB")


@click.command("reindex")
@library_option
def reindex_command(library_path: Path) -> None:
    """Rebuild the full-text index from the records (after an upgrade changed the analysis)."""
    with Library.open(library_path) as library:
        count = library.reindex()
    click.echo(f"reindexed {count} paragraphs", err=True)


@click.command("cites")
@click.argument("symbol")
@library_option
@json_option
def cites_command(symbol: str, library_path: Path, as_json: bool) -> None:
    """What a document cites: each target with its kind, date, the verb of the citing
    paragraph and whether the library holds it (*).

    \b
    Example:
      sixfold cites A/RES/65/140
    """
    with Library.open(library_path) as library:
        edges = library.cites(symbol)
        if not edges and not library.documents(symbol):
            raise UsageError(f"no document {symbol!r} in the library")
    _print_edges(edges, as_json, "target")


@click.command("cited-by")
@click.argument("symbol")
@library_option
@json_option
def cited_by_command(symbol: str, library_path: Path, as_json: bool) -> None:
    """The documents of the library that cite SYMBOL, oldest first.

    \b
    Example:
      sixfold cited-by A/RES/59/8
    """
    with Library.open(library_path) as library:
        _print_edges(library.cited_by(symbol), as_json, "source")


def _print_edges(edges: list[Edge], as_json: bool, side: str) -> None:
    if as_json:
        _echo_json([asdict(e) for e in edges])
        return
    for edge in edges:
        mark = "*" if edge.present or side == "source" else " "
        where = f"{edge.paragraph or ''} {edge.verb or ''}".strip()
        click.echo(
            f"{mark} {getattr(edge, side):<24} {edge.kind:<10} {edge.date or '':<10}  {where}"
        )


@click.command("series")
@click.argument("symbol")
@library_option
@json_option
def series_command(symbol: str, library_path: Path, as_json: bool) -> None:
    """The chain of resolutions on SYMBOL's subject across sessions: what it recalls in its
    opening list, what those recall, and what recalls it; * marks those in the library.

    \b
    Example:
      sixfold series A/RES/65/140
    """
    with Library.open(library_path) as library:
        entries = library.series(symbol)
    if as_json:
        _echo_json([asdict(e) for e in entries])
        return
    for entry in entries:
        mark = "*" if entry.present else " "
        click.echo(f"{mark} {entry.symbol:<20} {entry.adopted or '':<10}  {entry.title or ''}")


@click.command("graph")
@library_option
@click.option(
    "--format", "fmt", type=click.Choice(GRAPH_FORMATS), default="graphml", show_default=True
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write here instead of stdout.",
)
def graph_command(library_path: Path, fmt: str, output: Path | None) -> None:
    """Export the citation graph of the library (GraphML, CSV edge list or JSON).

    \b
    Example:
      sixfold graph --format csv -o citations.csv
    """
    with Library.open(library_path) as library:
        text = render_graph(library.citation_graph(), fmt)
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, "utf-8")


COMMANDS = (
    ingest_command,
    search_command,
    show_command,
    stats_command,
    reindex_command,
    cites_command,
    cited_by_command,
    series_command,
    graph_command,
)
