"""Write styled runs in the light markup readers share: ``*italic*``, ``**bold**``.

DOCX and HTML both produce runs of text with italic/bold flags; one renderer keeps their output
identical: adjacent runs of one style merge, whitespace stays outside the markers, and no empty
markers are written.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

import regex

_EDGES = regex.compile(r"^(\s*)(.*?)(\s*)$", flags=regex.S)


@dataclass(frozen=True)
class Segment:
    text: str
    italic: bool
    bold: bool
    markup: bool = False  # already light markup (``<sup>N</sup>``): never inside emphasis


def render(segments: list[Segment]) -> str:
    """Merge same-style neighbours (spaces join the style around them) and add markers."""
    styled = _absorb_spaces(segments)
    out: list[str] = []
    for (italic, bold), group in groupby(styled, key=lambda s: (s.italic, s.bold)):
        text = "".join(s.text for s in group)
        lead, body, trail = _EDGES.match(text).groups()
        marker = ("**" if bold else "") + ("*" if italic else "")
        out.append(f"{lead}{marker}{body}{marker[::-1]}{trail}" if body else text)
    return "".join(out)


def _absorb_spaces(segments: list[Segment]) -> list[Segment]:
    """A space between two italic runs is italic too, so ``*a* *b*`` becomes ``*a b*``."""
    result = list(segments)
    for index, segment in enumerate(result):
        if segment.text.strip() or segment.markup:
            continue
        before = next((s for s in reversed(result[:index]) if s.text.strip()), None)
        after = next((s for s in result[index + 1 :] if s.text.strip()), None)
        same = (
            before is not None
            and after is not None
            and (before.italic, before.bold)
            == (
                after.italic,
                after.bold,
            )
        )
        style = (before.italic, before.bold) if same and before else (False, False)
        result[index] = Segment(segment.text, *style)
    return result
