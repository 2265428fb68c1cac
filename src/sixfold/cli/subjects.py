"""Subject commands: suggest UNBIS subjects for a document, train the indexer, look up a term,
export the thesaurus.  Each is one call into :mod:`sixfold.subjects`; this module only reads
options and prints."""

from __future__ import annotations

import json
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from sixfold.cli.library import library_option
from sixfold.errors import UsageError
from sixfold.library import Library
from sixfold.model import LANGUAGES, Document
from sixfold.parse import parse
from sixfold.subjects import Vocabulary
from sixfold.subjects.model import Model
from sixfold.subjects.train import train

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for machines.")
lang_option = click.option(
    "--lang", type=click.Choice(LANGUAGES), help="Language of the term or version."
)


def _echo_json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))


class _SuggestByDefault(click.Group):
    """``sixfold subjects FILE`` means ``sixfold subjects suggest FILE``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["suggest", *args]
        return super().parse_args(ctx, args)


@click.group("subjects", cls=_SuggestByDefault)
def subjects_group() -> None:
    """UNBIS Thesaurus subjects: suggest them for a document, train, look up, export.

    \b
    Examples:
      sixfold subjects A_RES_77_1.xml --top 10
      sixfold subjects A/RES/77/148 --library ~/un --lang fr --json
      sixfold subjects lookup "droits de l'homme"
      sixfold subjects train --corpus akn-ga/75session --corpus akn-ga/76session -o model.json.gz
      sixfold subjects export-skos -o unbis.ttl
    """


def _document(target: str, library_path: Path, lang: str | None) -> Document:
    path = Path(target)
    if path.is_file():
        return parse(path, lang=lang)
    with Library.open(library_path) as library:
        documents = library.documents(target, lang)
    if not documents:
        raise UsageError(
            f"{target!r} is neither a file nor a document in the library {library_path}"
        )
    return documents[0]


@subjects_group.command("suggest")
@click.argument("target", metavar="FILE|SYMBOL")
@click.option("--top", type=click.IntRange(1, 100), default=10, show_default=True)
@library_option
@lang_option
@click.option(
    "--model",
    "model_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="A trained model (default: the shipped one).",
)
@json_option
def suggest_command(
    target: str,
    top: int,
    library_path: Path,
    lang: str | None,
    model_path: Path | None,
    as_json: bool,
) -> None:
    """Rank UNBIS subjects for a document (a file, or a symbol in the library)."""
    doc = _document(target, library_path, lang)
    model = Model.load(model_path) if model_path else Model.default()
    suggestions = model.predict(doc, top)
    # The subjects a document states itself (a ``%%%TERM|`` header, AKN keywords), as ids.
    given = model.vocabulary.resolve_all(doc.subjects)
    if as_json:
        _echo_json(
            {
                "symbol": doc.symbol,
                "language": doc.language,
                "subjects": [asdict(s) for s in suggestions],
                "given": {"ids": given.ids, "unknown": given.unknown},
            }
        )
        return
    click.echo(click.style(f"{doc.symbol or target} [{doc.language}] {doc.title or ''}", bold=True))
    for rank, s in enumerate(suggestions, 1):
        english = "" if s.label == s.label_en else f"  ({s.label_en})"
        mark = "*" if s.id in given.ids else " "
        click.echo(f"{rank:>3}.{mark}{s.id}  {s.score:6.3f}  {s.label}{english}")
    if doc.subjects:
        hits = sum(s.id in given.ids for s in suggestions)
        click.echo(
            f"the document gives {len(doc.subjects)} subject(s): {len(given.ids)} resolved, "
            f"{hits} among the suggestions (*)"
        )
        if given.unknown:
            click.echo(f"not in the thesaurus: {'; '.join(given.unknown)}")


@subjects_group.command("train")
@click.option(
    "--corpus",
    "folders",
    multiple=True,
    required=True,
    type=click.Path(path_type=Path, exists=True),
    help="AKN session folder (repeat).",
)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True)
@click.option("--langs", help="Comma-separated languages to train on (default: all six).")
@json_option
def train_command(
    folders: tuple[Path, ...], output: Path, langs: str | None, as_json: bool
) -> None:
    """Train the indexer on AKN resolutions and their UNBIS subjects.

    The latest session tunes the weights (fitted on the earlier ones); the model keeps all.
    """
    wanted = set(langs.split(",")) if langs else None
    if wanted and not wanted <= set(LANGUAGES):
        raise UsageError(f"unknown language in {langs!r}; use {','.join(LANGUAGES)}")
    started = time.perf_counter()
    with tqdm(unit="doc", desc="reading", file=sys.stderr, disable=None) as bar:
        model = train(folders, langs=wanted, on_read=bar.update)
    model.save(output)
    report = {
        "model": str(output),
        "records": len(model.records),
        "seconds": round(time.perf_counter() - started, 1),
        "bytes": output.stat().st_size,
        "weights": model.weights,
    }
    if as_json:
        _echo_json(report)
    else:
        click.echo(
            f"{output}: {report['records']} resolutions, {report['bytes']} bytes, {report['seconds']} s"
        )


@subjects_group.command("lookup")
@click.argument("term")
@lang_option
@json_option
def lookup_command(term: str, lang: str | None, as_json: bool) -> None:
    """Find a concept by id or by label in any language (case, accents, Arabic forms folded)."""
    concepts = Vocabulary.default().lookup(term, lang)
    if not concepts:
        raise UsageError(f"no UNBIS concept has the label or id {term!r}")
    if as_json:
        _echo_json([asdict(c) for c in concepts])
        return
    for c in concepts:
        click.echo(click.style(f"{c.id}  {c.label('en')}", bold=True))
        for code, label in sorted(c.labels.items()):
            click.echo(f"  {code}  {label}")
        for alt in c.alt_labels:
            click.echo(f"  en  (alt) {alt}")


@subjects_group.command("export-skos")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True)
@click.option(
    "--vocabulary",
    "folder",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="UNBIS folder as published (default: the shipped copy).",
)
def export_skos_command(output: Path, folder: Path | None) -> None:
    """Write the thesaurus as SKOS Turtle."""
    vocabulary = Vocabulary.load(folder) if folder else Vocabulary.default()
    output.write_text(vocabulary.to_turtle(), "utf-8")
    click.echo(f"{output}: {len(vocabulary)} concepts")


COMMANDS = (subjects_group,)
