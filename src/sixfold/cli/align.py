"""Alignment commands: ``align`` (two versions, paragraph or sentence pairs) and ``export tmx`` (a
translation memory of one document, several, or the whole library).  Each is a call into
:mod:`sixfold.align`; this module only reads options and prints."""

from __future__ import annotations

import json
import shutil
import sys
import textwrap
from pathlib import Path

import click
from tqdm import tqdm

from sixfold.align.link import find_version
from sixfold.align.segments import LEVELS, SegmentPair, segment_pairs
from sixfold.align.units import Unit, translation_units
from sixfold.cli.library import library_option
from sixfold.errors import NoVersionError, UsageError
from sixfold.export.tmx import FORMATS, to_tmx, to_tsv
from sixfold.library import Library
from sixfold.model import LANGUAGES, Document
from sixfold.parse import parse


def _languages(value: str) -> list[str]:
    langs = [x.strip() for x in value.split(",") if x.strip()]
    unknown = [x for x in langs if x not in LANGUAGES]
    if unknown or len(langs) < 2:
        raise UsageError(f"--langs takes two or more of {','.join(LANGUAGES)}, not {value!r}")
    return langs


def _version(library: Library, doc: Document, lang: str) -> Document:
    if doc.language == lang:
        return doc
    found = find_version(library, doc, lang)
    if found is None:
        raise NoVersionError(f"no {lang} version of {doc.symbol or 'the document'} found")
    return found.document


def _pair(a: str, b: str, library_path: Path, langs: str | None) -> tuple[Document, Document]:
    """Two files, or a symbol and the languages wanted from the library."""
    if Path(a).is_file() and Path(b).is_file():
        return parse(Path(a)), parse(Path(b))
    if langs is None:
        raise UsageError("give two files, or symbols with --library DIR and --langs en,fr")
    first, second = _languages(langs)[:2]
    with Library.open(library_path) as library:
        sources = library.documents(a, first)
        if not sources:
            raise NoVersionError(f"no {first} version of {a} found")
        targets = library.documents(b, second) if b != a else []
        return sources[0], targets[0] if targets else _version(library, sources[0], second)


@click.command("align")
@click.argument("a")
@click.argument("b")
@library_option
@click.option("--langs", help="With symbols: the two languages, e.g. en,fr.")
@click.option("--level", type=click.Choice(LEVELS), default="paragraph", show_default=True)
@click.option("--format", "fmt", type=click.Choice(("jsonl", "side")), default="jsonl")
def align_command(
    a: str, b: str, library_path: Path, langs: str | None, level: str, fmt: str
) -> None:
    """Align two language versions of a document and print the pairs.

    A and B are two files, or one symbol given twice (or two symbols) with --library and
    --langs.  Each pair carries the paragraph ids of both sides, their texts and a score in
    [0, 1]; a paragraph with no counterpart is paired with nothing.

    \b
    Examples:
      sixfold align A_RES_65_140_E.pdf A_RES_65_140_C.pdf --format side
      sixfold align A_RES_65_140_E.pdf A_RES_65_140_C.pdf --level sentence
      sixfold align A/RES/77/1 A/RES/77/1 --library ~/un --langs en,fr
    """
    source, target = _pair(a, b, library_path, langs)
    width = max(20, (shutil.get_terminal_size().columns - 3) // 2)
    for pair in segment_pairs(source, target, level):
        if fmt == "jsonl":
            record = {
                "source": list(pair.source),
                "target": list(pair.target),
                "source_text": pair.source_text,
                "target_text": pair.target_text,
                "score": round(pair.score, 4),
            }
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            _side(pair, width)


def _side(pair: SegmentPair, width: int) -> None:
    head = f"{'+'.join(pair.source) or '-'} -> {'+'.join(pair.target) or '-'}  {pair.score:.3f}"
    columns = [textwrap.wrap(text, width) for text in (pair.source_text, pair.target_text)]
    click.echo(head)
    for row in range(max(len(c) for c in columns) if any(columns) else 0):
        cells = [c[row] if row < len(c) else "" for c in columns]
        click.echo(f"{cells[0]:<{width}} | {cells[1]}")
    click.echo()


@click.group("export")
def export_group() -> None:
    """Write library content for other tools (translation memories)."""


@export_group.command("tmx")
@click.argument("symbols", nargs=-1)
@library_option
@click.option("--langs", required=True, help="Pivot language first: en,zh[,ar...].")
@click.option("--level", type=click.Choice(LEVELS), default="paragraph", show_default=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="tmx", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="File (default: stdout).")
def export_tmx_command(
    symbols: tuple[str, ...],
    library_path: Path,
    langs: str,
    level: str,
    fmt: str,
    output: Path | None,
) -> None:
    """A translation memory of documents of the library: one unit per aligned paragraph (or
    sentence, with --level sentence).

    Give symbols, or none for every document of the library in the pivot language.

    \b
    Examples:
      sixfold export tmx A/RES/65/140 --langs en,zh --library ~/un -o 65-140.tmx
      sixfold export tmx --langs en,fr,es --format tsv --library ~/un -o all.tsv
      sixfold export tmx A/RES/65/140 --langs en,fr --level sentence --library ~/un
    """
    languages = _languages(langs)
    units: list[Unit] = []
    with Library.open(library_path) as library:
        pivots = (
            [d for s in symbols for d in library.documents(s, languages[0])]
            if symbols
            else library.candidates(languages[0])
        )
        if symbols and not pivots:
            raise NoVersionError(f"no {languages[0]} version of {', '.join(symbols)} found")
        for pivot in tqdm(pivots, unit="doc", file=sys.stderr, disable=len(pivots) < 20):
            others = [find_version(library, pivot, lang) for lang in languages[1:]]
            units += translation_units(pivot, [v.document for v in others if v], level)
    if symbols and not units:
        raise NoVersionError(f"no {','.join(languages[1:])} version of {', '.join(symbols)} found")
    data = (
        to_tmx(units, languages, segtype=level)
        if fmt == "tmx"
        else to_tsv(units, languages).encode()
    )
    if output is None:
        click.echo(data.decode(), nl=False)
    else:
        output.write_bytes(data)
        click.echo(f"{len(units)} unit(s) written to {output}", err=True)


COMMANDS = (align_command, export_group)
