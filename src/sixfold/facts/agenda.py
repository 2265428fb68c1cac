"""Agenda-item lines ("Agenda item 122 (s)") in the six languages, as canonical item strings.

Sub-item letters are mapped to the Latin letter the other language versions print (Arabic
abjad order, Cyrillic look-alikes), from the ``[agenda]`` table of each language file.
"""

from __future__ import annotations

from functools import cache

import regex

from sixfold.facts.lang import data, fold

# A number, or a sub-item of one to three letters in "(s)", "s)" or Arabic "(أ أ)" form.
_TOKEN = regex.compile(
    r"(?<num>\d+)|\(?\s*(?<sub>[^\W\d_](?:\s?[^\W\d_]){0,2})\s*\)|(?<sep>[^\W\d_]+|[^\w\s()])"
)


@cache
def _line(lang: str) -> regex.Pattern[str]:
    agenda = data(lang)["agenda"]
    head = fold(agenda["head"], lang)
    tail = rf"(?:\s*{fold(agenda['tail'], lang)})?" if agenda["tail"] else ""
    return regex.compile(rf"^[\s#*>]*(?:{head})\s*(?<items>\d.*?){tail}[\s.:;]*$")


def _letter(sub: str, lang: str) -> str:
    letters = {fold(k, lang): v for k, v in data(lang)["agenda"]["letters"].items()}
    return "".join(letters.get(ch, ch) for ch in sub if not ch.isspace())


def parse_agenda_items(text: str, lang: str) -> list[str]:
    """Canonical items ("122 (s)", "15") of an agenda line; ``[]`` if it is not one."""
    match = _line(lang).match(fold(text, lang))
    if match is None:
        return []
    conjunctions = {fold(c, lang) for c in data(lang)["agenda"]["conjunctions"]}
    items: list[tuple[str, str | None]] = []
    for token in _TOKEN.finditer(match.group("items")):
        if token.group("num"):
            items.append((token.group("num"), None))
        elif token.group("sub") and items:
            number, sub = items[-1]
            letter = _letter(token.group("sub"), lang)
            items[-1:] = [(number, letter)] if sub is None else [items[-1], (number, letter)]
        elif token.group("sep") not in conjunctions:
            return []
    return [f"{number} ({sub})" if sub else number for number, sub in items]
