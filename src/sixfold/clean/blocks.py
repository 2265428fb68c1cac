"""Lines to blocks: rejoin what PDF extraction and page breaks cut apart.

Two layouts reach us.  In *line* layout (Word exports, Markdown) each line is a paragraph unless
a page break cut it, which shows as a line that does not end a sentence, or as page furniture or
footnotes (a ``PAGE_BREAK`` line) between two pieces of which the second does not open a
paragraph.  In *wrapped* layout
(PDF text) every line is cut at the page width, and a paragraph ends where a line is short or
where the next line opens a new paragraph (an indent, a number, a lead).
"""

from __future__ import annotations

import functools
import itertools
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from importlib import resources

import regex

from sixfold.clean.furniture import PAGE_BREAK
from sixfold.clean.markup import FN_CLOSE, FN_OPEN

_ENDS_WITH_CJK = regex.compile(
    rf"[\p{{Han}}\u3000-\u303f\uff00-\uffef《》“”]{FN_CLOSE}?$|{FN_CLOSE}$"
)
_STARTS_WITH_CJK = regex.compile(rf"^{FN_OPEN}?[\p{{Han}}\u3000-\u303f\uff00-\uffef《》“”]")
# The word a wrapped line opens with: up to a space, or one Chinese character.
_FIRST_WORD = regex.compile(r"[^\s\p{Han}]+|\p{Han}")
_SPACE = regex.compile(r"\s")
# A table row of a Word export: cells separated by two tabs or more (one may follow a paragraph
# number, "1.<tab>Decides", or a part letter, "A<tab>Title").
_TABLE_ROW = regex.compile(r"\S\t.*\t")
_LATIN_EDGE = regex.compile(r"[A-Za-z0-9]")
_TRAILING_MARKERS = regex.compile(rf"(?:{FN_OPEN}[^{FN_CLOSE}]*{FN_CLOSE})+$")
# A footnote number glued after the closing punctuation ("75/42,1") still ends the sentence.
_TRAILING_GLUED = regex.compile(r"(?<=[,;:.،؛，；：。])[0-9٠-٩]{1,3}$")
# Share of the widest lines' length below which a wrapped line is taken as a paragraph's last.
# Characters a paragraph's first-line indent takes from the page width in UN PDFs (1.27 cm).
PARAGRAPH_INDENT_CHARS = 10
SHORT_LINE_SHARE = 0.75
# A line this much shorter than the page after a full stop stands alone (a signature, a date).
STANDALONE_SHARE = 0.5
# Share of the width by which characters only estimate what fits on a printed line (proportional
# fonts, superscript markers).
FIT_SLACK = 0.05
SENTENCE_END = ".!?。！？"
COMMAS = ",،，"
# Share of long lines not ending a sentence above which the text is taken as hard-wrapped.
WRAPPED_SHARE = 0.35
# Long open-ended lines a text needs to be taken as hard-wrapped: a short Word export has a few
# in its masthead.
MIN_OPEN_ENDED = 5

# A block of one word, or in Chinese this short, is a section label, not a cut paragraph; so is a
# block of two words this short ("حادي عشر", "Article 10", "Статья 5").
LABEL_CHARS = 4
LABEL_WORDS = 2
LABEL_WORDS_CHARS = 12
# Indented lines a text needs, and their share of the lines that open a paragraph after a sentence
# end, for its indents to be taken as the sign of a new paragraph.
MIN_INDENTED = 3
INDENTED_SHARE = 0.5


class Opening(IntEnum):
    """How surely a line opens a paragraph."""

    NONE = 0
    WHOLE_LEAD = 1  # with a phrase that is usually a whole lead, though seldom opens one ("توافق")
    PHRASE = 2  # with a phrase that often opens paragraphs, but is seldom a whole lead ("وإذ")
    LEAD = 3  # with a common preambular lead
    NUMBER = 4  # with a paragraph number or a sub-item label


StartsParagraph = Callable[[str], Opening]


def ends_sentence(line: str, terminal: str) -> bool:
    last = line.rstrip()[-1:]
    if last in terminal or last.isalpha():  # the common cases, decided without patterns
        return bool(last) and last in terminal
    core = _TRAILING_GLUED.sub("", _TRAILING_MARKERS.sub("", line.rstrip()))
    core = core.rstrip(' ”"’)»')
    return bool(core) and core[-1] in terminal


def join_text(left: str, right: str, *, spaced: bool = True) -> str:
    """Join two pieces of one paragraph: none after a hyphen that ends a line; in unspaced text
    (Chinese) a space only between two Latin words or numbers; else no space between Chinese
    characters, one space otherwise."""
    left, right = left.rstrip(), right.strip()
    if not left:
        return right
    if left.endswith("-") and len(left) > 1 and left[-2].isalpha():
        return left + right
    if not spaced:
        latin = _LATIN_EDGE.match(left[-1]) and _LATIN_EDGE.match(right[:1])
        return f"{left} {right}" if latin else left + right
    # Only the last two characters can match: searching the whole block, which grows with
    # every line joined to it, made unwrapping quadratic in a paragraph's length.
    cjk_end = _ENDS_WITH_CJK.search(left, max(0, len(left) - 2)) is not None
    if cjk_end and _STARTS_WITH_CJK.search(right):
        return left + right
    if cjk_end and right[:1].isdigit() and left[-1] not in "，。；：":
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
    return open_ended >= MIN_OPEN_ENDED and open_ended / len(long_lines) >= WRAPPED_SHARE


@dataclass(frozen=True)
class LineRules:
    """What a language tells about where its blocks end and how their pieces join."""

    terminal: str  # characters that end a paragraph's sentence (the comma in Russian)
    lower_case_continues: bool
    spaced: bool


@functools.cache
def _blocks_data() -> dict[str, list[str]]:
    text = (resources.files("sixfold.clean") / "data" / "blocks.toml").read_text("utf-8")
    return tomllib.loads(text)


def line_rules(lang: str, terminal: str) -> LineRules:
    data = _blocks_data()
    return LineRules(terminal, lang in data["lower_case_continues"], lang not in data["unspaced"])


def _is_label(block: str, rules: LineRules) -> bool:
    text = block.strip()
    if len(text) <= LABEL_CHARS or (rules.spaced and not _SPACE.search(text)):
        return True
    return rules.spaced and len(text) <= LABEL_WORDS_CHARS and len(text.split()) <= LABEL_WORDS


def continues(block: str, line: str, rules: LineRules) -> bool:
    """Whether ``line`` goes on with ``block``: the block is open-ended and not a section label
    ("IV", "B", "ثانيا", "三": a page break never leaves so little of a paragraph) and the line
    ends a sentence (else both are headings: "الجزء الثامن", "الباب 29 ألف"), or (in languages
    where no paragraph opens in lower case) the line opens in lower case."""
    open_ended = (
        not ends_sentence(block, rules.terminal)
        and not _is_label(block, rules)
        and ends_sentence(line, rules.terminal)
    )
    return open_ended or (rules.lower_case_continues and line.lstrip()[:1].islower())


def join_lines(lines: list[str], rules: LineRules, starts_paragraph: StartsParagraph) -> list[str]:
    """Blocks of *line* layout: a line continues the block before it when that block does not
    end a sentence or a page ended between them, unless the line itself opens a paragraph."""
    blocks: list[str] = []
    page_ended = False
    for line in lines:
        if line == PAGE_BREAK:
            page_ended = bool(blocks)
            continue
        if not line.strip():
            continue
        if blocks and _joins(blocks[-1], line, rules, starts_paragraph, page_ended=page_ended):
            blocks[-1] = join_text(blocks[-1], line, spaced=rules.spaced)
        else:
            blocks.append(line.strip())
        page_ended = False
    return blocks


def _joins(
    block: str, line: str, rules: LineRules, starts_paragraph: StartsParagraph, *, page_ended: bool
) -> bool:
    """Whether ``line`` continues ``block`` in line layout.  A table row goes with the paragraph
    that introduces it.  With no page end between them, another line goes on only when it opens
    with no lead at all (a heading is followed by its paragraph, numbered or not: "توافق على").  Across a page end, after an
    open-ended block, the pieces are one paragraph unless the line is numbered: a lead there is
    a word inside a sentence ("признавая необходимость", "对使用").  After a finished block
    they are one unless the line is a heading (it does not end a sentence) or opens with a
    phrase that often opens a paragraph."""
    if _TABLE_ROW.search(line.strip()) and starts_paragraph(line) < Opening.NUMBER:
        return True
    if not page_ended:
        return continues(block, line, rules) and starts_paragraph(line) < Opening.WHOLE_LEAD
    if not ends_sentence(block, rules.terminal):
        return starts_paragraph(line) < Opening.NUMBER
    return ends_sentence(line, rules.terminal) and starts_paragraph(line) < Opening.PHRASE


def indents_paragraphs(lines: list[str], terminal: str, starts_paragraph: StartsParagraph) -> bool:
    """Whether the text marks paragraphs by indenting their first line: then an indent is the
    sign of a new paragraph, and a lead or number that a line merely happens to open with is
    not (an Arabic paragraph goes on "، وإذ تشدد" after a comma)."""
    body = [line for line in lines if line.strip()]
    indented = sum(line[:1] in " \t" for line in body)
    opening = sum(
        ends_sentence(previous, terminal) and starts_paragraph(line) >= Opening.LEAD
        for previous, line in itertools.pairwise(body)
    )
    return indented >= MIN_INDENTED and indented >= INDENTED_SHARE * opening


def _after_blank(lines: list[str]) -> set[int]:
    """Indices, among the non-blank lines, of those that follow a blank line (a page break,
    blank to ``str.strip``, is not one)."""
    found: set[int] = set()
    index = 0
    blank = False
    for line in lines:
        if not line.strip():
            blank = blank or line != PAGE_BREAK
            continue
        if blank:
            found.add(index)
        index += 1
        blank = False
    return found


def unwrap_lines(
    lines: list[str],
    rules: LineRules,
    starts_paragraph: StartsParagraph,
    *,
    blank_ends_block: bool = False,
) -> list[str]:
    """Blocks of *wrapped* layout: a new block starts after a short line (unless it is short only
    because the next word did not fit on it), at a line that opens a paragraph, and at a heading
    (a line that follows a finished one and does not end a sentence itself, when it is short or
    an indented paragraph follows: the last line of a paragraph would end a sentence).  Blank
    lines are dropped, unless ``blank_ends_block`` (typeset text, where one marks a heading)."""
    body = [line for line in lines if line.strip()]
    after_blank = _after_blank(lines) if blank_ends_block else set()
    width = wrap_width(body)
    terminal = rules.terminal
    by_indent = indents_paragraphs(body, terminal, starts_paragraph)

    def indented(line: str) -> bool:
        return line[:1] in " \t"

    def opens(previous: str, line: str) -> bool:
        """When the text indents its paragraphs, an indented line after a sentence end or with
        a number or any lead (a stray indent inside a sentence is a PDF artefact, seed 004; a
        heading may be followed by an unnumbered "توافق على ..."); else a line after a
        sentence end that is indented or has a number or preambular lead."""
        opening = starts_paragraph(line)
        if by_indent:
            return indented(line) and (
                ends_sentence(previous, terminal) or opening >= Opening.WHOLE_LEAD
            )
        marked = opening >= Opening.LEAD
        return ends_sentence(previous, terminal) and (indented(line) or marked)

    def cut_short(previous: str, line: str) -> bool:
        """A short line that the next word did not fit on, inside a sentence ("health," then
        "information-and-communications"); where the text indents its paragraphs, also after a
        comma ("COVID-19," then "социально-экономического"), as the next one would be indented."""
        first = _FIRST_WORD.match(line.strip())
        size = len(previous.strip())
        fits = size + 1 + len(first.group() if first else "") <= (1 - FIT_SLACK) * width
        inside = not ends_sentence(previous, terminal) or (
            by_indent and previous.rstrip()[-1:] in COMMAS
        )
        return not fits and size >= STANDALONE_SHARE * width and inside and not indented(line)

    def heading(previous: str, line: str, following: str) -> bool:
        if not ends_sentence(previous, terminal) or ends_sentence(line, terminal):
            return False
        # Not a line short only because the next word did not fit on it ("multi-year" /
        # "construction-in-progress account;").
        short = len(line.strip()) < SHORT_LINE_SHARE * width and not cut_short(line, following)
        return short or (by_indent and indented(following))

    def wrapped_heading(previous: str, line: str, following: str, after: str) -> bool:
        """A heading too long for one line: after a finished paragraph, two lines that end no
        sentence, the second short, before a numbered line (or an indented one where the text
        indents its paragraphs)."""
        stops = terminal + SENTENCE_END
        return (
            bool(after.strip())
            and ends_sentence(previous, terminal)
            and not ends_sentence(line, stops)
            and not ends_sentence(following, stops)
            and short(following)
            and (starts_paragraph(after) >= Opening.NUMBER or (by_indent and indented(after)))
        )

    def short(line: str) -> bool:
        """Shorter than a full line; the first line of an indented paragraph loses its indent
        (one space in the text) from the page width."""
        indent = PARAGRAPH_INDENT_CHARS if by_indent and indented(line) else 0
        return len(line.strip()) + indent < SHORT_LINE_SHARE * width

    blocks: list[str] = []
    for i, line in enumerate(body):
        previous = body[i - 1] if i else ""
        following = body[i + 1] if i + 1 < len(body) else ""
        after = body[i + 2] if i + 2 < len(body) else ""
        new_block = (
            not blocks
            or i in after_blank
            or (short(previous) and not cut_short(previous, line))
            or opens(previous, line)
            or (
                ends_sentence(previous, SENTENCE_END)
                and len(line.strip()) < STANDALONE_SHARE * width
            )
            or heading(previous, line, following)
            or wrapped_heading(previous, line, following, after)
        )
        if new_block:
            blocks.append(line.strip())
        else:
            blocks[-1] = join_text(blocks[-1], line, spaced=rules.spaced)
    return blocks
