"""The command line: a thin shell over the library.

Every command calls the same public functions a Python user imports; this module only parses
arguments, formats output and turns :class:`~sixfold.errors.SixfoldError` into one line on
stderr and an exit code, in one place.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from sixfold import __version__
from sixfold.errors import SixfoldError, UsageError
from sixfold.model import LANGUAGES
from sixfold.parse import FORMATS, parse

# Batches at least this long show a progress bar on stderr.
PROGRESS_MIN_FILES = 20
EXIT_SOME_FAILED = 1


def _expand(paths: tuple[Path, ...]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")
            )
        else:
            yield path


def _error_record(path: Path, error: SixfoldError) -> dict[str, Any]:
    return {"error": {"kind": error.kind, "message": error.message}, "source": {"path": str(path)}}


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sixfold")
def cli() -> None:
    """sixfold: United Nations documents in the six official languages.

    Turn UN documents in any raw form (PDF, Word, text exports, Markdown conversions,
    segmented Chinese, AKN XML) into structured records.
    """


@cli.command("parse")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="Input format (default: detected from content).",
)
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    help="Document language (default: detected from the text).",
)
@click.option(
    "--pretty/--compact",
    default=None,
    help="Indent JSON (default: indent a single record on a terminal).",
)
def parse_command(
    files: tuple[Path, ...], fmt: str | None, lang: str | None, pretty: bool | None
) -> None:
    """Parse UN documents and print one JSON record per document.

    One FILE prints one JSON object; several files or a folder print JSON Lines, one record per
    file.  A file that cannot be parsed becomes an error record and the batch goes on; the exit
    code is 1 when any file failed.

    \b
    Examples:
      sixfold parse A_RES_65_140.pdf
      sixfold parse --lang zh seeds/ > records.jsonl
    """
    paths = list(_expand(files))
    single = len(paths) == 1 and not files[0].is_dir()
    indent = 2 if (pretty if pretty is not None else single and sys.stdout.isatty()) else None
    failed = 0
    with _progress(len(paths)) as bar:
        for path in paths:
            try:
                record = parse(path, fmt=fmt, lang=lang).to_dict()
            except SixfoldError as error:
                if single:
                    raise
                failed += 1
                record = _error_record(path, error)
            click.echo(json.dumps(record, ensure_ascii=False, indent=indent))
            bar.update(1)
            bar.set_postfix(errors=failed, refresh=False)
    if failed:
        sys.exit(EXIT_SOME_FAILED)


def _progress(total: int) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", file=sys.stderr, disable=total < PROGRESS_MIN_FILES)


from sixfold.cli.align import COMMANDS as ALIGN_COMMANDS  # noqa: E402
from sixfold.cli.library import COMMANDS  # noqa: E402  (the group must exist first)
from sixfold.cli.subjects import COMMANDS as SUBJECT_COMMANDS  # noqa: E402

for _command in (*COMMANDS, *ALIGN_COMMANDS, *SUBJECT_COMMANDS):
    cli.add_command(_command)


def main() -> None:
    """Console entry point: run the CLI, turning library errors into one line and an exit code."""
    try:
        cli.main(standalone_mode=False)
    except SixfoldError as error:
        click.echo(f"sixfold: {error}", err=True)
        sys.exit(error.exit_code)
    except click.exceptions.Abort:
        sys.exit(130)
    except click.ClickException as error:
        error.show()
        sys.exit(UsageError.exit_code)
    except BrokenPipeError:
        sys.exit(0)
