"""Word-segmented text: the whole document on one line, so its lines must be found again.

The layout is gone; what remains is the language.  The masthead runs up to the enacting formula
("大会，"); operative paragraphs are numbered 1, 2, 3... in order after a punctuation mark; a
preambular paragraph begins where a comma is followed by a common preambular lead; the closing
(date and meeting) follows the last full stop.
"""

from __future__ import annotations

import itertools

import regex

from sixfold.facts.dates import DateMatch, find_dates
from sixfold.facts.ordinals import parse_meeting
from sixfold.structure.langdata import StructureData, fold
from sixfold.structure.leads import lexicon

_BRACKETED = regex.compile(r"\[[^\]]{3,400}\]")
_AFTER_PUNCT = regex.compile(r"(?<=[,;:，；：،؛])\s*")
_FULL_STOP = regex.compile(r"[.。]")
# An operative number after a punctuation mark: "；2. 欢迎", ", 2. Requests"; Arabic "؛ ٢ - تطلب".
_NUMBERS = regex.compile(r"(?:(?<=[,;:.，；：。]\s*)|^\s*)([0-9]{1,3})\s*\.(?![0-9])")
_ARABIC_NUMBERS = regex.compile(r"(?:(?<=[,;:.،؛]\s*)|^\s*)([0-9]{1,3})\s*-")


def split_segmented(text: str, data: StructureData) -> list[str]:
    """Lines of a one-line document: masthead pieces, formula, paragraphs, closing."""
    text = fold(text)
    formula_at, formula = _find_formula(text, data)
    if formula_at < 0:
        return [text]
    lines = _split_masthead(text[:formula_at])
    lines.append(formula)
    body, closing = _split_closing(text[formula_at + len(formula) :], data.lang)
    preamble, operative = _split_operative(body, data)
    lines.extend(_split_preamble(preamble, data))
    lines.extend(operative)
    lines.extend(closing)
    return [line for line in lines if line.strip()]


def _find_formula(text: str, data: StructureData) -> tuple[int, str]:
    found = [(text.find(f), f) for f in data.formula if f in text]
    return min(found) if found else (-1, "")


def _split_masthead(head: str) -> list[str]:
    """Adoption line, bracketed origin, then number and title."""
    match = _BRACKETED.search(head)
    if not match:
        return [head]
    return [head[: match.start()], match.group(0), head[match.end() :]]


def _split_closing(body: str, lang: str) -> tuple[str, list[str]]:
    """The closing is what follows the last full stop when it holds a meeting line, with or
    without the adoption date before or after it."""
    for stop in reversed([m.end() for m in _FULL_STOP.finditer(body)]):
        rest = body[stop:].strip()
        if not rest:
            continue
        dates = find_dates(rest, lang)
        pieces = [rest[a:b].strip() for a, b in _cut_at_dates(rest, dates)]
        if any(parse_meeting(piece, lang) for piece in pieces):
            return body[:stop], [p for p in pieces if p]
        if len(rest) > 200:
            break
    return body, []


def _cut_at_dates(text: str, dates: list[DateMatch]) -> list[tuple[int, int]]:
    """Spans of ``text`` cut before and after each date, so a date and a meeting glued
    together ("2004年10月22日第40次全体会议") come apart."""
    bounds = sorted({0, len(text), *(d.start for d in dates), *(d.end for d in dates)})
    return list(itertools.pairwise(bounds))


def _split_operative(body: str, data: StructureData) -> tuple[str, list[str]]:
    """Cut at "1.", "2.", ... each following a punctuation mark, in order."""
    numbers = _ARABIC_NUMBERS if data.lang == "ar" else _NUMBERS
    cuts: list[int] = []
    for match in numbers.finditer(body):
        if int(match.group(1)) == len(cuts) + 1:
            cuts.append(match.start(1))
    if not cuts:
        return body, []
    pieces = [body[a:b].strip() for a, b in itertools.pairwise([*cuts, len(body)])]
    return body[: cuts[0]], pieces


def _split_preamble(preamble: str, data: StructureData) -> list[str]:
    leads = lexicon(data.lang)
    cased = data.lang in {"en", "fr", "es"}
    paragraphs: list[str] = []
    start = 0
    for match in _AFTER_PUNCT.finditer(preamble):
        rest = preamble[match.end() : match.end() + 80]
        if match.end() <= start or not rest:
            continue
        if cased and not rest[:1].isupper():
            continue
        if leads.opens_preambular(rest):
            paragraphs.append(preamble[start : match.start()].strip())
            start = match.end()
    paragraphs.append(preamble[start:].strip())
    return paragraphs
