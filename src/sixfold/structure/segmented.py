"""Word-segmented text: the whole document on one line, so its lines must be found again.

The layout is gone; what remains is the language.  The masthead runs up to the enacting formula
("大会，"); operative paragraphs are numbered 1, 2, 3... in order; a preambular paragraph begins
where a clause mark is followed by words that more often opened a paragraph there than went on
inside one (structure/breaks.py); a heading is what follows the last punctuation mark of a
paragraph (headings end without one); the closing (date and meeting) follows the last full stop
or precedes the first annex.  A resolution in sections ("I", "II"...) numbers the operative
paragraphs of each section from 1: it is cut into sections first.
"""

from __future__ import annotations

import functools
import itertools
import tomllib
from importlib import resources

import regex

from sixfold.facts.dates import DateMatch, find_dates
from sixfold.facts.ordinals import parse_meeting, parse_meeting_line
from sixfold.structure.breaks import AFTER_MARK, CONTEXT_CHARS, opens_paragraph
from sixfold.structure.langdata import StructureData, fold, structure_data
from sixfold.structure.leads import lexicon

_BRACKETED = regex.compile(r"\[[^\]]{3,400}\]")
# The number of a resolution in its masthead ("74/266.", Arabic "٢٦٦/٧٤").
_RESOLUTION_NUMBER = regex.compile(r"(?<![0-9٠-٩/])[0-9٠-٩]{1,3}\s*/\s*[0-9٠-٩]{1,4}(?![0-9٠-٩/])")
_AFTER_PUNCT = regex.compile(r"(?<=[,;:，；：،؛])\s*")
# Where the closing may begin: after a full stop, or after the quotation that ends a last
# paragraph printed without one ("...titulado “Promoción...” 54a sesión plenaria").  Not after a
# bracket: "56th (resumed) plenary meeting".
_CLOSING_AFTER = regex.compile(r"[.。”»]")
# Punctuation that ends a paragraph or a clause, with the quotes and brackets that may close it.
_PUNCT = ",;:.，；：。،؛!?"
_CLOSERS = "”’»\"')]）"
# An operative number: "2. Requests", "；2.欢迎"; Arabic also "٢ - تطلب".  Not part of a symbol,
# a decimal or a date ("A/77/2.", "1.5", "2.3.").
_NUMBER = regex.compile(r"(?<![0-9/.,\-])([0-9]{1,3})\s*\.(?![0-9])")
_ARABIC_NUMBER = regex.compile(r"(?<![0-9/.,\-])([0-9]{1,3})\s*(?:\.|-(?!\s*[0-9]))")
# The last punctuation mark of a piece (with its closers): a heading may follow it.
_LAST_MARK = regex.compile(
    rf"[{regex.escape(_PUNCT)}][{regex.escape(_CLOSERS)}]*\s*(?=[^{regex.escape(_PUNCT)}]*$)"
)
# The closing (meeting line and date) is at most this long.
MAX_CLOSING = 200
# A bracket or quotation left open longer than this is taken as a stray mark, lest it hold back
# every later paragraph of the preamble.
MAX_QUOTED = 400
# A lead opens the one unnumbered operative paragraph when at most this share of its uses as a
# lead were preambular.
OPERATIVE_ONLY_SHARE = 0.05
# An operative number as split_operative prints it, with nothing after it.
_NUMBER_ONLY = regex.compile(r"[0-9]{1,3}(?:\.| -)")
# Longer unpunctuated ends are taken as the paragraph's own text, not a heading.
MAX_HEADING = 300
# Marks that end a paragraph, before a heading; and the closers that may follow them.
_ENDS = regex.escape(";.；。؛")
_CLOSERS_CLASS = regex.escape(_CLOSERS)
# A label run on into a Chinese title ("二能力建设"), not into a longer numeral ("二十").
_GLUED_TITLE = regex.compile(r"(?![一二三四五六七八九十百〇零])\p{Han}")
# A label runs on into a word only in Chinese, whose spaces desegmenting took out ("二能力建设").
_GLUED_LETTER = regex.compile(r"[^\W\d_\p{Han}]")
_DATA = tomllib.loads(
    (resources.files("sixfold.structure") / "data" / "segmented.toml").read_text("utf-8")
)
_CAPITAL_PARAGRAPHS = frozenset(_DATA["capital_paragraphs"])
_CAPITAL_HEADINGS = frozenset(_DATA["capital_headings"])


def split_segmented(text: str, data: StructureData) -> list[str]:
    """Lines of a one-line document: masthead pieces, formula, paragraphs, headings, closing."""
    text = fold(text)
    formula_at, formula = _find_formula(text, data)
    if formula_at < 0:
        return [text]
    lines = _split_masthead(text[:formula_at])
    lines.append(formula)
    body, closing = _split_closing(text[formula_at + len(formula) :], data)
    labels = _Labels(data.lang)
    common, sections = _split_sections(body, data, labels)
    lines.extend(_paragraph_lines(common, data, labels))
    for label, section in sections:
        lines.append(label)
        lines.extend(_paragraph_lines(section, data, labels, titled=True))
    lines.extend(closing)
    return [line for line in lines if line.strip()]


def _paragraph_lines(
    body: str, data: StructureData, labels: _Labels, *, titled: bool = False
) -> list[str]:
    """Preambular and operative paragraphs with the headings between them; a section opens
    with its title (``titled``)."""
    preamble, operative = _split_operative(body, data)
    lines: list[str] = []
    if titled:
        title, preamble = _cut_title(preamble, data)
        lines.append(title)
    for piece in [*_split_preamble(preamble, data), *operative]:
        lines.extend(_cut_headings(piece, data.lang, labels))
    return lines


def _split_sections(
    body: str, data: StructureData, labels: _Labels
) -> tuple[str, list[tuple[str, str]]]:
    """A resolution in numbered sections ("I Activities of the Office ... 1. Welcomes ...;
    II Activities of the Committee ... 1. Notes ..."), each numbering its operative paragraphs
    from 1: the text before the first section, then (label, text) per section.  Taken only
    when a second section follows and its numbering starts again, since "I" or "一" may open
    other words."""
    starts = _section_starts(body, labels.series)
    if len(starts) < 2:
        return body, []
    first, second = body[starts[0][2] : starts[1][1]], body[starts[1][2] :]
    if not _restarts(first, second, data):
        return body, []
    labels.used = len(starts)
    bounds = [*(start for _, start, _ in starts[1:]), len(body)]
    sections = [
        (label, body[end:bound].strip())
        for (label, _, end), bound in zip(starts, bounds, strict=True)
    ]
    return body[: starts[0][1]], sections


def _section_starts(body: str, series: list[str]) -> list[tuple[str, int, int]]:
    """(label, start, end) of the section labels in order: the first after the formula or a
    clause mark, the others after the end of a paragraph."""
    starts: list[tuple[str, int, int]] = []
    for label in series:
        match = _label_pattern(label, bool(starts)).search(body, starts[-1][2] if starts else 0)
        if match is None:
            break
        starts.append((label, match.start(), match.end()))
    return starts


@functools.cache
def _label_pattern(label: str, later: bool) -> regex.Pattern[str]:
    after = rf"(?<=[{_ENDS}][{_CLOSERS_CLASS}]*\s*)" if later else r"(?:^\s*|(?<=[,;:，；：،؛]\s*))"
    return regex.compile(rf"{after}{regex.escape(label)}(?=\s|{_GLUED_TITLE.pattern})")


def _restarts(first: str, second: str, data: StructureData) -> bool:
    """Whether the operative numbering goes back in the second section (to 1, as a rule)."""
    numbers = [_operative_numbers(text, data) for text in (first, second)]
    return bool(numbers[0] and numbers[1]) and numbers[1][0] < max(numbers[0])


def _operative_numbers(text: str, data: StructureData) -> list[int]:
    pattern = _ARABIC_NUMBER if data.lang == "ar" else _NUMBER
    return [
        int(match.group(1)) for match in pattern.finditer(text) if _can_open(text, match, data.lang)
    ]


def _cut_title(preamble: str, data: StructureData) -> tuple[str, str]:
    """A section's title and its preamble: the title ends without punctuation where the first
    preambular paragraph opens (a capital in the cased languages)."""
    cased = data.lang in _CAPITAL_PARAGRAPHS
    words = regex.finditer(r"(?<=\s)\S" if data.lang != "zh" else r"(?<=\p{Han})\p{Han}", preamble)
    for word in words:
        at = word.start()
        if at > MAX_HEADING:
            break
        rest = preamble[at : at + CONTEXT_CHARS]
        if (not cased or rest[:1].isupper()) and opens_paragraph(rest, data.lang):
            return preamble[:at].strip(), preamble[at:].strip()
    return preamble.strip(), ""


def _find_formula(text: str, data: StructureData) -> tuple[int, str]:
    found = [(text.find(f), f) for f in data.formula if f in text]
    return min(found) if found else _find_bare_formula(text, data)


def _find_bare_formula(text: str, data: StructureData) -> tuple[int, str]:
    """The formula printed without its comma, an operative clause following at once ("The
    General Assembly Resolves that :", "L’Assemblée générale Adopte la déclaration ...").  Only
    after the resolution number, since the adoption line names the Assembly too; and never a
    one-word formula ("大会"), which is a name in many titles."""
    number = _RESOLUTION_NUMBER.search(text)
    match = _bare_formula(data.lang).search(text, number.end()) if number else None
    return (match.start(), match.group()) if match else (-1, "")


@functools.cache
def _bare_formula(lang: str) -> regex.Pattern[str]:
    names = [name for name in structure_data(lang).formula_names if " " in name]
    alternatives = "|".join(regex.escape(name) for name in names) or "(?!)"
    return regex.compile(rf"(?<!\w)(?:{alternatives})(?=\s)")


def _split_masthead(head: str) -> list[str]:
    """Adoption line, bracketed origin, then number and title."""
    match = _BRACKETED.search(head)
    if not match:
        return [head]
    return [head[: match.start()], match.group(0), head[match.end() :]]


def _split_closing(body: str, data: StructureData) -> tuple[str, list[str]]:
    """The closing is what follows the last full stop (or closing quotation mark) when it holds
    a meeting line, with or without the adoption date before or after it; or, when annexes
    follow the resolution, what stands between a full stop and the first annex heading.  The
    annexes go after the closing, their heading on a line of its own (a short annex would
    otherwise be taken into the closing)."""
    annexed = _split_annexed(body, data)
    if annexed is not None:
        return annexed
    for stop in reversed([m.end() for m in _CLOSING_AFTER.finditer(body)]):
        rest = body[stop:].strip()
        if not rest:
            continue
        pieces = _closing_pieces(rest, data.lang)
        if any(parse_meeting(piece, data.lang) for piece in pieces):
            return body[:stop], pieces
        if len(rest) > MAX_CLOSING:
            break
    return body, []


def _split_annexed(body: str, data: StructureData) -> tuple[str, list[str]] | None:
    """Body, then closing and annexes, when a closing (a meeting line and dates, nothing else)
    ends right before an annex heading."""
    for heading in data.annex_opening.finditer(body):
        before = body[max(0, heading.start() - MAX_CLOSING) : heading.start()]
        for stop in [m.end() for m in _CLOSING_AFTER.finditer(before)]:
            closing = before[stop:]
            if parse_meeting_line(closing, data.lang):
                annex = body[heading.end() :].strip()
                cut = heading.start() - len(closing)
                return body[:cut], [*_closing_pieces(closing, data.lang), heading.group(), annex]
    return None


def _closing_pieces(text: str, lang: str) -> list[str]:
    pieces = [text[a:b].strip() for a, b in _cut_at_dates(text, find_dates(text, lang))]
    return [piece for piece in pieces if piece]


def _cut_at_dates(text: str, dates: list[DateMatch]) -> list[tuple[int, int]]:
    """Spans of ``text`` cut before and after each date, so a date and a meeting glued
    together ("2004年10月22日第40次全体会议") come apart."""
    bounds = sorted({0, len(text), *(d.start for d in dates), *(d.end for d in dates)})
    return list(itertools.pairwise(bounds))


def _split_operative(body: str, data: StructureData) -> tuple[str, list[str]]:
    """Cut at "1.", "2.", ... in order.  A number right after a punctuation mark is taken; one
    after a word only when a paragraph can start there (a capital in the cased languages), as
    after a heading, which ends without punctuation.  A number may be skipped when it is nowhere
    to be found and the next one follows ("14.", "16.", "17."): a number run into its word
    ("9-членами") or dropped in the source must not lose every paragraph after it."""
    numbers = _ARABIC_NUMBER if data.lang == "ar" else _NUMBER
    found = [
        (int(match.group(1)), match.start(), match.end())
        for match in numbers.finditer(body)
        if _can_open(body, match, data.lang)
    ]
    last = {number: at for at, (number, _, _) in enumerate(found)}
    cuts: list[tuple[int, int, int]] = []
    for at, (number, start, end) in enumerate(found):
        expected = cuts[-1][0] + 1 if cuts else 1
        skips = bool(cuts) and number == expected + 1 and last.get(expected, -1) < at
        if number == expected or (skips and last.get(number + 1, -1) > at):
            cuts.append((number, start, end))
    if not cuts:
        return _sole_operative(body, data)
    suffix = _DATA["number_suffix"].get(data.lang, _DATA["number_suffix"]["default"])
    bounds = [*cuts, (0, len(body), len(body))]
    pieces = [
        f"{number}{suffix} {body[end:nxt].strip()}"
        for (number, _, end), (_, nxt, _) in itertools.pairwise(bounds)
    ]
    return body[: cuts[0][1]], pieces


def _sole_operative(body: str, data: StructureData) -> tuple[str, list[str]]:
    """A resolution of one operative paragraph does not number it ("..., Takes note of the
    report"): it opens after the first clause mark followed by a lead that is hardly ever
    preambular."""
    leads = lexicon(data.lang)
    cased = data.lang in _CAPITAL_PARAGRAPHS
    for match in _AFTER_PUNCT.finditer(body):
        rest = body[match.end() : match.end() + CONTEXT_CHARS]
        if cased and not rest[:1].isupper():
            continue
        found = leads.candidates(rest)
        if found and found[-1].as_preambular <= OPERATIVE_ONLY_SHARE * found[-1].as_lead:
            return body[: match.start()], [body[match.end() :].strip()]
    return body, []


def _can_open(body: str, match: regex.Match[str], lang: str) -> bool:
    """Whether an operative paragraph can open at a number: a word follows it, and it follows
    a punctuation mark or, in the cased languages, opens with a capital."""
    after = body[match.end() :].lstrip()[:1]
    if not after.isalpha() and after not in '(«“"':
        return False
    before = body[max(0, match.start() - 8) : match.start()].rstrip().rstrip(_CLOSERS)
    after_word = bool(before) and before[-1] not in _PUNCT
    return not (after_word and lang in _CAPITAL_PARAGRAPHS and not after.isupper())


def _split_preamble(preamble: str, data: StructureData) -> list[str]:
    """Cut after a clause mark where the words that follow more often opened a preambular
    paragraph there than went on inside one; in the cased languages a paragraph opens with a
    capital, and none opens inside brackets or quotation marks ("entitled “...: ...”")."""
    cased = data.lang in _CAPITAL_PARAGRAPHS
    paragraphs: list[str] = []
    start = 0
    for match in AFTER_MARK.finditer(preamble):
        rest = preamble[match.end() : match.end() + CONTEXT_CHARS]
        if match.end() <= start or not rest:
            continue
        if cased and not rest[:1].isupper():
            continue
        if _inside_brackets(preamble, start, match.start(), data.lang):
            continue
        if opens_paragraph(rest, data.lang):
            paragraphs.append(preamble[start : match.start()].strip())
            start = match.end()
    paragraphs.append(preamble[start:].strip())
    return paragraphs


@functools.cache
def _last_bracket(lang: str) -> tuple[regex.Pattern[str], str]:
    """The last bracket or quotation mark of a text, and the opening ones, in ``lang``."""
    pairs = _DATA["brackets"].get(lang, _DATA["brackets"]["default"])
    marks = regex.escape("".join(pairs))
    return regex.compile(rf"[{marks}][^{marks}]*$"), "".join(pair[0] for pair in pairs)


def _inside_brackets(text: str, start: int, end: int, lang: str) -> bool:
    """Whether ``text[start:end]`` ends inside a bracket or quotation opened in its last
    ``MAX_QUOTED`` characters."""
    pattern, openers = _last_bracket(lang)
    last = pattern.search(text, max(start, end - MAX_QUOTED), end)
    return last is not None and last.group()[0] in openers


class _Labels:
    """The next section label ("I", then "II"...) of the language's series."""

    def __init__(self, lang: str) -> None:
        self.series: list[str] = _DATA["labels"].get(lang, _DATA["labels"]["roman"])
        self.used = 0

    def take(self, heading: str) -> tuple[str, str] | None:
        """(label, title) when ``heading`` opens with the next label, else None."""
        if self.used >= len(self.series):
            return None
        label = self.series[self.used]
        rest = heading[len(label) :]
        if not heading.startswith(label) or _GLUED_LETTER.match(rest):
            return None
        self.used += 1
        return label, rest.strip()

    def find(self, piece: str) -> int:
        """Where the next label opens a heading after a paragraph's last mark, or -1: a heading
        may hold punctuation of its own ("IV Pesca ilegal, no declarada y no reglamentada"), so
        the last mark of the piece does not find it."""
        if self.used >= len(self.series):
            return -1
        label = regex.escape(self.series[self.used])
        for match in regex.finditer(rf"(?<=[{_ENDS}][{_CLOSERS_CLASS}]*\s*){label}", piece):
            rest = piece[match.end() :]
            if len(rest) <= MAX_HEADING and (rest[:1].isspace() or _GLUED_TITLE.match(rest)):
                return match.start()
        return -1


def _cut_headings(piece: str, lang: str, labels: _Labels) -> list[str]:
    """A paragraph, then the heading glued after it: the text after its last punctuation mark
    (a heading ends without one), its section label on a line of its own.  The mark of an
    operative number is not one: a last paragraph may end without punctuation ("12. Decide
    seguir examinando la cuestión")."""
    at = labels.find(piece)
    if at > 0:
        head, tail = piece[:at].strip(), piece[at:].strip()
        return [head, *(labels.take(tail) or [tail])]
    mark = _LAST_MARK.search(piece)
    if not mark:
        return [piece]
    head, tail = piece[: mark.end()].strip(), piece[mark.end() :].strip()
    if not tail or len(tail) > MAX_HEADING or _NUMBER_ONLY.fullmatch(head):
        return [piece]
    if lang in _CAPITAL_HEADINGS and not (tail[:1].isupper() or tail[:1].isdigit()):
        return [piece]
    lines = [head]
    labelled = labels.take(tail)
    lines.extend(labelled if labelled else [tail])
    return lines
