"""Write rendered raw forms of a corpus sample, so that people and the benchmark can read them.

    python eval/render_corpus.py [--corpus DIR] [--sample 60] [--seed 0] [--out data/rendered]

Each AKN file of the sample becomes ``<out>/<form>/<lang>/<name>.txt`` for every form of
:mod:`render` (``data/`` is ignored by git: the files are rebuilt, never committed).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import DEFAULT_CORPUS, REPO, iter_akn
from render import FORMS, render
from sixfold.errors import SixfoldError
from sixfold.readers.akn import read_akn


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS / "77session"))
    parser.add_argument("--sample", type=int, default=60, help="files to render (all: 0)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", default=str(REPO / "data" / "rendered"))
    parser.add_argument("--forms", nargs="*", default=list(FORMS), choices=FORMS)
    args = parser.parse_args(argv)
    out = Path(args.out)
    written = skipped = 0
    for name, data in iter_akn(args.corpus, sample=args.sample or None, seed=args.seed):
        member = name.rsplit("!", 1)[-1]
        try:
            gold = read_akn(data, member)
        except SixfoldError as exc:
            print(f"skip {name}: {exc}", file=sys.stderr)
            skipped += 1
            continue
        stem = Path(member).stem.replace(" ", "_")
        for form in args.forms:
            text = render(data, gold, form, args.seed)
            if text is None:
                skipped += 1
                continue
            path = out / form / (gold.language or "xx") / f"{stem}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written += 1
    print(f"wrote {written} files under {out} ({skipped} skipped)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
