"""Mine where a preambular paragraph opens in text that has lost its layout.

    python eval/mine_breaks.py [--corpus DIR ...] [--out src/sixfold/structure/data/breaks]

Segmented text runs a whole preamble together, so a new paragraph is known only by the words after
a clause mark ("..., Recalling also ...").  Each preamble of the corpus is run together the same
way, and for every word n-gram after a clause mark (src/sixfold/structure/breaks.py, ``ngrams``)
we count how often a paragraph opened there and how often one went on:

    n-gram <TAB> times a paragraph opened with it after a mark <TAB> times it followed a mark inside one

The parser lets the longest known n-gram decide (opened >= inside), so an n-gram is written only
when its verdict differs from that of its longest written prefix (no prefix: "goes on"); the table
then gives the verdicts of the full counts at a fraction of their size.

Session 77 of the General Assembly (resolutions and decisions) is left out, so that the parse
evaluation on 77 measures the table on resolutions it has not seen.
"""

from __future__ import annotations

import collections
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from eval.mine_leads import (
    DEFAULT_SOURCES,
    REPO,
    documents_paragraphs,
    mining_arguments,
    write_table,
)
from sixfold.structure.breaks import AFTER_MARK, ngrams

SOURCES = [s for s in DEFAULT_SOURCES if s != "akn-ga-decisions"] + ["akn-ga-decisions/76session"]

Counts = dict[str, list[int]]


def preambles(sources: list[Path]) -> Iterator[tuple[str, list[str]]]:
    """(language, preambular paragraphs) of every document with a preamble."""
    for lang, paras in documents_paragraphs(sources):
        texts = [text for _, text, is_pre in paras if is_pre]
        if texts:
            yield lang, texts


def count_marks(paragraphs: list[str], lang: str, counts: Counts) -> None:
    """Add the n-grams after every clause mark of one preamble, run together as segmented text
    runs it (Chinese without spaces)."""
    joiner = "" if lang == "zh" else " "
    text = joiner.join(paragraphs)
    starts, at = set(), 0
    for paragraph in paragraphs:
        starts.add(at)
        at += len(paragraph) + len(joiner)
    for match in AFTER_MARK.finditer(text):
        column = 0 if match.end() in starts else 1
        for gram in ngrams(text[match.end() :], lang):
            counts[gram][column] += 1


def verdicts(counts: Counts, lang: str) -> list[tuple[str, int, int]]:
    """The n-grams whose verdict (opened >= inside) differs from their longest prefix's."""
    opens: dict[str, bool] = {}
    kept = []
    for gram in sorted(counts, key=len):
        opened, inside = counts[gram]
        verdict = opened >= inside
        opens[gram] = verdict
        if verdict != opens.get(_prefix(gram, lang), False):
            kept.append((gram, opened, inside))
    return kept


def _prefix(gram: str, lang: str) -> str:
    """The n-gram one word shorter (every prefix of a counted n-gram was counted too)."""
    return gram[:-1] if lang == "zh" else gram.rpartition(" ")[0]


def main() -> None:
    args = mining_arguments(__doc__, REPO / "src/sixfold/structure/data/breaks", SOURCES)
    counts: dict[str, Counts] = collections.defaultdict(
        lambda: collections.defaultdict(lambda: [0, 0])
    )
    for lang, paragraphs in preambles(args.corpus):
        count_marks(paragraphs, lang, counts[lang])
    for lang, table in sorted(counts.items()):
        rows = sorted(verdicts(table, lang), key=lambda row: (-row[1] - row[2], row[0]))
        write_table(
            args.out / f"{lang}.tsv",
            [
                f"paragraph breaks mined by eval/mine_breaks.py from {len(args.corpus)} sources",
                "n-gram\topened a paragraph after a clause mark\tfollowed one inside a paragraph",
            ],
            rows,
        )


if __name__ == "__main__":
    main()
