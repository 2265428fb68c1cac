"""Mine where a preambular paragraph begins in text that has lost its layout.

    python eval/mine_breaks.py [--corpus DIR ...] [--out src/sixfold/structure/data/breaks]

Segmented text runs a whole preamble together, so a new paragraph is known only by a lead phrase
after a comma ("..., Recalling also ...").  Many lead phrases also follow a comma inside a
paragraph ("申明", "подтверждая"), so for each phrase of the lead lexicon we count how often it
opened a preambular paragraph that followed another, and how often it followed a comma inside
one:

    phrase <TAB> times it opened a paragraph after a comma <TAB> times after a comma inside one

Like eval/mine_leads.py, session 77 of the General Assembly is left out by default.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

import regex
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from eval.mine_leads import DEFAULT_SOURCES, REPO, SHARED, iter_xml, paragraph_leads
from sixfold.structure.leads import lexicon

# As structure/segmented.py: a clause mark, then the next words.
AFTER_MARK = regex.compile(r"(?<=[,;:，；：،؛])\s*")
MARKS = ",;:，；：،؛"


def mine(sources: list[Path]) -> dict[str, dict[str, list[int]]]:
    """Per language: phrase -> [opened a paragraph after a comma, followed a comma inside one]."""
    counts: dict[str, dict[str, list[int]]] = collections.defaultdict(
        lambda: collections.defaultdict(lambda: [0, 0])
    )
    for source in sources:
        for xml in iter_xml(source):
            try:
                lang, paras = paragraph_leads(xml)
            except etree.XMLSyntaxError:
                continue
            if lang is None:
                continue
            leads, table = lexicon(lang), counts[lang]
            previous = ""
            for _, text, is_pre in paras:
                if not is_pre:
                    previous = ""
                    continue
                if previous[-1:] in MARKS and previous:
                    for entry in leads.candidates(text):
                        table[entry.phrase][0] += 1
                for match in AFTER_MARK.finditer(text):
                    for entry in leads.candidates(text[match.end() :]):
                        table[entry.phrase][1] += 1
                previous = text.rstrip()
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--corpus", nargs="*", type=Path, default=[SHARED / s for s in DEFAULT_SOURCES]
    )
    parser.add_argument("--out", type=Path, default=REPO / "src/sixfold/structure/data/breaks")
    args = parser.parse_args()
    missing = [p for p in args.corpus if not p.exists()]
    if missing:
        sys.exit(f"corpus not found: {', '.join(map(str, missing))}")
    table = mine(args.corpus)
    args.out.mkdir(parents=True, exist_ok=True)
    for lang, phrases in sorted(table.items()):
        rows = sorted(phrases.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0]))
        with open(args.out / f"{lang}.tsv", "w", encoding="utf-8") as fh:
            fh.write(
                f"# paragraph breaks mined by eval/mine_breaks.py from {len(args.corpus)} sources\n"
            )
            fh.write("# phrase\topened a paragraph after a comma\tafter a comma inside one\n")
            for phrase, (opened, inside) in rows:
                fh.write(f"{phrase}\t{opened}\t{inside}\n")
        print(f"{lang}: {len(rows)} phrases", file=sys.stderr)


if __name__ == "__main__":
    main()
