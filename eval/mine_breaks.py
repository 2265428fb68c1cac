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

import collections
import sys
from pathlib import Path

import regex
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from eval.mine_leads import REPO, iter_xml, mining_arguments, paragraph_leads, write_table
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
    args = mining_arguments(__doc__, REPO / "src/sixfold/structure/data/breaks")
    for lang, phrases in sorted(mine(args.corpus).items()):
        rows = sorted(phrases.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0]))
        write_table(
            args.out / f"{lang}.tsv",
            [
                f"paragraph breaks mined by eval/mine_breaks.py from {len(args.corpus)} sources",
                "phrase\topened a paragraph after a comma\tafter a comma inside one",
            ],
            [(phrase, opened, inside) for phrase, (opened, inside) in rows],
        )


if __name__ == "__main__":
    main()
