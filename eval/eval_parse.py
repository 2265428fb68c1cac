"""Parse accuracy: render AKN gold into raw forms, parse them back, score against the gold.

    python eval/eval_parse.py [--corpus PATH] [--sample N] [--forms F ...] [--langs L ...]
                              [--seed S] [--json OUT] [--show-failures K]

Also scores the AKN reader itself against the UN's ``data_extract`` records, which is the
evidence that the gold is right.  Every run ends with a signature line so a figure can be
reproduced.
"""

from __future__ import annotations

import argparse
import copy
import importlib
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.corpus import DEFAULT_CORPUS, iter_akn
from eval.score import (
    METRICS,
    TARGETS,
    DocScore,
    aggregate,
    extract_agreement,
    field_diffs,
    group_by,
    score,
)
from sixfold.errors import SixfoldError
from sixfold.model import Document
from sixfold.readers.akn import read_akn
from sixfold.subjects.corpus import read_extract

Renderer = Callable[[bytes, Document, str, int], "str | None"]
Parser = Callable[[bytes], Document]


@dataclass
class Run:
    """Everything one evaluation produced, kept for tables, failure reports and JSON."""

    scores: list[DocScore] = field(default_factory=list)
    extract: list[dict[str, bool]] = field(default_factory=list)
    diffs: dict[tuple[str, str], list[tuple[str, Any, Any]]] = field(default_factory=dict)
    gold_errors: list[tuple[str, str]] = field(default_factory=list)


def default_parser(text: bytes) -> Document:
    """The library's parser, imported late so the harness runs before it exists."""
    parse = importlib.import_module("sixfold").parse
    result: Document = parse(text, lang=None)
    return result


def carried(gold: Document, form: str) -> Document:
    """The gold as the rendered form can show it: fields the form omits are absent."""
    from eval.render import OMITTED_FIELDS

    expected = copy.deepcopy(gold)
    for name in OMITTED_FIELDS.get(form, ()):
        setattr(expected, name, [] if isinstance(getattr(gold, name), list) else None)
    if "footnotes" in OMITTED_FIELDS.get(form, ()):
        for paragraph in expected.paragraphs:
            paragraph.footnotes = []
    return expected


def evaluate(
    files: Sequence[tuple[str, bytes]] | Any,
    forms: Sequence[str],
    render: Renderer,
    parse: Parser,
    seed: int,
    extract: dict[str, dict[str, Any]],
) -> Run:
    """Score every (file, form); parser exceptions fail every metric and record their kind."""
    run = Run()
    for name, data in files:
        try:
            gold = read_akn(data, name)
        except SixfoldError as exc:
            run.gold_errors.append((name, exc.kind))
            continue
        if gold.symbol in extract:
            run.extract.append(extract_agreement(gold, extract[gold.symbol]))
        for form in forms:
            text = render(data, gold, form, seed)
            if text is None:
                continue
            expected = carried(gold, form)
            try:
                parsed: Document | None = parse(text.encode("utf-8"))
                error = None
            except Exception as exc:  # every parser failure is a measured outcome here
                parsed, error = None, getattr(exc, "kind", type(exc).__name__)
            run.scores.append(score(name, form, expected, parsed, error))
            run.diffs[(name, form)] = field_diffs(expected, parsed)
    return run


def format_table(title: str, rows: dict[str, dict[str, tuple[float, int]]]) -> str:
    """Rows (group) × metric columns, the target and PASS/FAIL on the overall row."""
    metrics = [m for m in METRICS if any(m in r for r in rows.values())]
    width = max([len(title), *(len(k) for k in rows)]) + 2
    head = title.ljust(width) + "".join(m[:10].rjust(11) for m in metrics)
    lines = [head, "-" * len(head)]
    for group, table in rows.items():
        cells = "".join((f"{table[m][0]:.3f}" if m in table else "-").rjust(11) for m in metrics)
        lines.append(group.ljust(width) + cells)
    return "\n".join(lines)


def format_targets(table: dict[str, tuple[float, int]]) -> str:
    lines = [f"{'metric':18}{'value':>8}{'n':>8}{'target':>8}  result"]
    for metric in METRICS:
        if metric not in table:
            continue
        value, n = table[metric]
        target = TARGETS.get(metric)
        verdict = "" if target is None else ("PASS" if value >= target else "FAIL")
        shown = "" if target is None else f"{target:.2f}"
        lines.append(f"{metric:18}{value:8.3f}{n:8d}{shown:>8}  {verdict}")
    return "\n".join(lines)


def format_extract(rows: list[dict[str, bool]]) -> str:
    totals: dict[str, list[int]] = {}
    for row in rows:
        for name, ok in row.items():
            totals.setdefault(name, [0, 0])
            totals[name][0] += ok
            totals[name][1] += 1
    lines = ["AKN reader vs data_extract (facts the XML carries)"]
    lines += [f"  {k:18}{h / n:8.3f}{n:8d}" for k, (h, n) in totals.items()]
    return "\n".join(lines)


def format_failures(run: Run, k: int) -> str:
    lines = []
    forms = sorted({s.form for s in run.scores})
    for form in forms:
        worst = sorted((s for s in run.scores if s.form == form), key=DocScore.badness)[::-1]
        for s in worst[:k]:
            lines.append(
                f"[{form}] {s.name} f1={s.text_f1:.3f} paragraphs(gold, parsed)={s.paragraphs} error={s.error}"
            )
            lines += [f"    {f}: gold={g!r} parsed={p!r}" for f, g, p in run.diffs[(s.name, form)]]
    return "\n".join(lines)


def report(run: Run, signature: str, show_failures: int) -> str:
    parts = []
    if run.extract:
        parts.append(format_extract(run.extract))
    if run.gold_errors:
        parts.append(f"unreadable gold files: {len(run.gold_errors)} {run.gold_errors[:5]}")
    if run.scores:
        parts.append(format_table("language", group_by(run.scores, lambda s: s.lang or "?")))
        parts.append(format_table("form", group_by(run.scores, lambda s: s.form)))
        parts.append(format_targets(aggregate(run.scores)))
    if show_failures:
        parts.append(format_failures(run, show_failures))
    parts.append(signature)
    return "\n\n".join(parts)


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--sample", type=int, default=None, help="files to draw (default: all)")
    ap.add_argument("--forms", nargs="*", default=None, help="render forms (default: all)")
    ap.add_argument("--langs", nargs="*", default=None)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", type=Path, default=None, help="write per-document scores here")
    ap.add_argument("--show-failures", type=int, default=0, metavar="K")
    return ap.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = _arguments(argv)
    render_module = importlib.import_module("eval.render")
    forms = tuple(args.forms or render_module.FORMS)
    langs = set(args.langs) if args.langs else None
    files = iter_akn(args.corpus, sample=args.sample, seed=args.seed, langs=langs)
    run = evaluate(
        files, forms, render_module.render, default_parser, args.seed, read_extract(args.corpus)
    )
    version = getattr(importlib.import_module("sixfold"), "__version__", "unknown")
    signature = (
        f"sixfold={version} corpus={args.corpus} sample={args.sample or 'all'} "
        f"seed={args.seed} forms={','.join(forms)} langs={','.join(sorted(langs or [])) or 'all'}"
    )
    print(report(run, signature, args.show_failures))
    if args.json:
        args.json.write_text(
            json.dumps({"signature": signature, "scores": [asdict(s) for s in run.scores]})
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
