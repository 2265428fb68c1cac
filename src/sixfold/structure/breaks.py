"""Whether a preambular paragraph opens after a clause mark, judged by the words that follow it.

Word-segmented text runs a whole preamble together, so a new paragraph shows only as a lead after
a comma ("..., Recalling also ...").  In the languages without capitals the same lead words also go
on inside a paragraph ("..., подчеркивая в этой связи, что", "..., وإذ ترحب", "，并重申"), and one
word cannot tell the two apart; the words after it often can.  So the corpus was asked, for every
word n-gram that followed a clause mark in a preamble (up to ``MAX_WORDS`` words; Chinese, which
has no spaces, counts characters), how often a paragraph opened there and how often one went on:
the longest n-gram the corpus has seen decides, by which it did more often.  An n-gram never seen
after a mark opens nothing.

The table (``data/breaks/<lang>.tsv``, mined by ``eval/mine_breaks.py``) keeps an n-gram only
when its verdict differs from that of its longest kept prefix, so the longest n-gram found in it
gives the same verdict as the full counts would.
"""

from __future__ import annotations

import functools
from importlib import resources

import regex

# Where a preambular paragraph may open: after a clause mark, or after a full stop, which a few
# preambular paragraphs end with ("...afectados por estos retos. Observando con gran
# preocupación...").
AFTER_MARK = regex.compile(r"(?<=[,;:，；：،؛.。])\s*")
# A word, a hyphenated compound or a punctuation mark: the units of an n-gram.
_TOKEN = regex.compile(r"\w+(?:[‑\-]\w+)*|[^\w\s]")
# The longest n-gram asked about; Chinese counts characters, two to a word.
MAX_WORDS = 8
MAX_CHARACTERS = 16
# Enough text after a mark to hold the longest n-gram.
CONTEXT_CHARS = 200


def ngrams(text: str, lang: str) -> list[str]:
    """The n-grams that ``text`` starts with, shortest first, as the table spells them."""
    if lang == "zh":
        chars = "".join(text[: MAX_CHARACTERS * 2].split())[:MAX_CHARACTERS]
        return [chars[:n] for n in range(1, len(chars) + 1)]
    words = _TOKEN.findall(text[:CONTEXT_CHARS])[:MAX_WORDS]
    return [" ".join(words[:n]) for n in range(1, len(words) + 1)]


def opens_paragraph(text: str, lang: str) -> bool:
    """Whether a preambular paragraph opens with ``text``, which follows a clause mark."""
    table = _table(lang)
    for gram in reversed(ngrams(text, lang)):
        counts = table.get(gram)
        if counts is not None:
            opened, inside = counts
            return opened >= inside
    return False


@functools.cache
def _table(lang: str) -> dict[str, tuple[int, int]]:
    """n-gram -> (times it opened a preambular paragraph after a clause mark, times it followed
    a clause mark inside one)."""
    path = resources.files("sixfold.structure") / "data" / "breaks" / f"{lang}.tsv"
    table: dict[str, tuple[int, int]] = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                gram, opened, inside = line.split("\t")
                table[gram] = (int(opened), int(inside))
    return table
