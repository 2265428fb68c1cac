"""Lines to blocks: rejoin what PDF extraction and page breaks cut apart.

Two layouts reach us.  In *line* layout (Word exports, Markdown) each line is a paragraph unless
a page break cut it, which shows as a line that does not end a sentence.  In *wrapped* layout
(PDF text) every line is cut at the page width, and a paragraph ends where a line is short or
where the next line opens a new paragraph (an indent, a number, a lead).
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from sixfold.clean.markup import FN_CLOSE, FN_OPEN

_ENDS_WITH_CJK = regex.compile(
    rf"[\p{{Han}}\u3000-\u303f\uff00-\uffef《》“”]{FN_CLOSE}?$|{FN_CLOSE}$"
)
_STARTS_WITH_CJK = regex.compile(rf"^{FN_OPEN}?[\p{{Han}}\u3000-\u303f\uff00-\uffef《》“”]")
_TRAILING_MARKERS = regex.compile(rf"(?:{FN_OPEN}[^{FN_CLOSE}]*{FN_CLOSE})+$")
# A footnote number glued after the closing punctuation ("75/42,1") still ends the sentence.
_TRAILING_GLUED = regex.compile(r"(?<=[,;:.،؛，；：。])[0-9٠-٩]{1,3}$")
# Share of the widest lines' length below which a wrapped line is taken as a paragraph's last.
SHORT_LINE_SHARE = 0.75
# A line this much shorter than the page after a full stop stands alone (a signature, a date).
STANDALONE_SHARE = 0.5
SENTENCE_END = ".!?。！？"
# Share of long lines not ending a sentence above which the text is taken as hard-wrapped.
WRAPPED_SHARE = 0.35

StartsParagraph = Callable[[str], bool]


def ends_sentence(line: str, terminal: str) -> bool:
    core = _TRAILING_GLUED.sub("", _TRAILING_MARKERS.sub("", line.rstrip()))
    core = core.rstrip(' ”"’)»')
    return bool(core) and core[-1] in terminal


def join_text(left: str, right: str) -> str:
    """Join two pieces of one paragraph: no space between Chinese characters, none after a
    hyphen that ends a line, one space otherwise."""
    left, right = left.rstrip(), right.strip()
    if not left:
        return right
    if left.endswith("-") and len(left) > 1 and left[-2].isalpha():
        return left + right
    if _ENDS_WITH_CJK.search(left) and _STARTS_WITH_CJK.search(right):
        return left + right
    if _ENDS_WITH_CJK.search(left) and right[:1].isdigit() and left[-1] not in "，。；：":
        return left + right
    if left[-1].isdigit() and _STARTS_WITH_CJK.search(right):
        return left + right
    return f"{left} {right}"


def wrap_width(lines: list[str]) -> int:
    """The page width in characters: the length most long lines reach."""
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    if len(lengths) < 5:
        return 0
    return lengths[int(len(lengths) * 0.9) - 1]


def is_wrapped(lines: list[str], terminal: str) -> bool:
    width = wrap_width(lines)
    long_lines = [line for line in lines if width and len(line.strip()) >= SHORT_LINE_SHARE * width]
    if len(long_lines) < 5:
        return False
    open_ended = sum(not ends_sentence(line, terminal) for line in long_lines)
    return open_ended / len(long_lines) >= WRAPPED_SHARE


def continues(block: str, line: str, terminal: str) -> bool:
    """Whether ``line`` goes on with ``block``: the block is open-ended, or the line opens in
    lower case (a page break after a comma: no paragraph of a UN document starts so)."""
    return not ends_sentence(block, terminal) or line.lstrip()[:1].islower()


def join_lines(lines: list[str], terminal: str, starts_paragraph: StartsParagraph) -> list[str]:
    """Blocks of *line* layout: a line that does not end a sentence continues on the next line,
    unless the next line itself opens a paragraph."""
    blocks: list[str] = []
    for line in lines:
        if not line.strip():
            continue
        if blocks and continues(blocks[-1], line, terminal) and not starts_paragraph(line):
            blocks[-1] = join_text(blocks[-1], line)
        else:
            blocks.append(line.strip())
    return blocks


def unwrap_lines(lines: list[str], terminal: str, starts_paragraph: StartsParagraph) -> list[str]:
    """Blocks of *wrapped* layout: a new block starts after a short line, or after a sentence
    end when the next line is indented or opens a paragraph."""
    width = wrap_width(lines)
    blocks: list[str] = []
    previous = ""
    for line in lines:
        if not line.strip():
            continue
        indented = line[:1] in " \t"
        new_block = (
            not blocks
            or len(previous.strip()) < SHORT_LINE_SHARE * width
            or (ends_sentence(previous, terminal) and (indented or starts_paragraph(line)))
            or (
                ends_sentence(previous, SENTENCE_END)
                and len(line.strip()) < STANDALONE_SHARE * width
            )
        )
        if new_block:
            blocks.append(line.strip())
        else:
            blocks[-1] = join_text(blocks[-1], line)
        previous = line
    return blocks
