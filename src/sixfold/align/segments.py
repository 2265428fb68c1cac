"""Aligned segment pairs of two language versions, at paragraph or sentence level.

Sentences are aligned only inside aligned paragraph runs: a paragraph pair bounds where a
sentence may go, so a wrong sentence link cannot cross a paragraph boundary, and the sentence
programme stays small however long the document.  A pair of one-sentence paragraphs needs no
sentence programme at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from sixfold.align.paragraphs import align_paragraphs, paragraphs_of
from sixfold.align.sentences import align_sentences
from sixfold.align.split import split_sentences
from sixfold.errors import UsageError
from sixfold.model import Document, Paragraph

LEVELS = ("paragraph", "sentence")


@dataclass(frozen=True)
class SegmentPair:
    """Source segments and their target counterparts (either side may be empty).

    Ids are paragraph ids ("op3", "annex1/op2") or, at sentence level, a paragraph id and the
    sentence's rank in it ("op3.s2").  ``order`` is the (paragraph, sentence) position of the
    first source segment ((-1, -1) when there is none), so pairs from several target languages
    sort into the source's order.
    """

    source: tuple[str, ...]
    target: tuple[str, ...]
    source_text: str
    target_text: str
    score: float
    order: tuple[int, int]


@dataclass(frozen=True)
class _Segment:
    id: str
    text: str
    order: tuple[int, int]


def segment_pairs(
    source: Document, target: Document, level: str = "paragraph"
) -> list[SegmentPair]:
    """Every segment of both versions, paired, in the source's order."""
    if level not in LEVELS:
        raise UsageError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    left, right = paragraphs_of(source), paragraphs_of(target)
    pairs: list[SegmentPair] = []
    for link in align_paragraphs(source, target):
        sources = [_Segment(left[k][0], left[k][1].text, (k, 0)) for k in link.source]
        targets = [_Segment(right[k][0], right[k][1].text, (k, 0)) for k in link.target]
        if level == "sentence" and sources and targets:
            sentences = (
                _sentences(link.source, left, source.language),
                _sentences(link.target, right, target.language),
            )
            if len(sentences[0]) == len(sentences[1]) == 1:
                # A one-sentence paragraph and its one-sentence counterpart: the sentence pair is
                # the paragraph pair, with its score; most resolution paragraphs are one
                # sentence, and the sentence programme would take most of the time.
                pairs.append(_pair(*sentences, link.score))
            else:
                pairs += _sentence_pairs(
                    *sentences, source.language or "en", target.language or "en"
                )
        else:
            pairs.append(_pair(sources, targets, link.score))
    return pairs


def _sentences(
    positions: tuple[int, ...], paragraphs: list[tuple[str, Paragraph]], lang: str | None
) -> list[_Segment]:
    return [
        _Segment(f"{paragraphs[k][0]}.s{rank}", text, (k, rank))
        for k in positions
        for rank, text in enumerate(split_sentences(paragraphs[k][1].text, lang or "en"), 1)
    ]


def _sentence_pairs(
    sources: list[_Segment], targets: list[_Segment], source_lang: str, target_lang: str
) -> list[SegmentPair]:
    links = align_sentences(
        [s.text for s in sources], [t.text for t in targets], source_lang, target_lang
    )
    return [
        _pair([sources[i] for i in link.source], [targets[j] for j in link.target], link.score)
        for link in links
    ]


def _pair(sources: list[_Segment], targets: list[_Segment], score: float) -> SegmentPair:
    return SegmentPair(
        source=tuple(s.id for s in sources),
        target=tuple(t.id for t in targets),
        source_text="\n".join(s.text for s in sources),
        target_text="\n".join(t.text for t in targets),
        score=score,
        order=sources[0].order if sources else (-1, -1),
    )
