"""Session and plenary-meeting lines, and the number words (ordinals) they are written in.

Number words are data (``[numbers]`` in each language file).  Two engines read them: an additive
one for the five alphabetic languages (the parts of "sixty-fifth", "soixante-dix-septième",
"السابعة والسبعون" add up; "hundred" multiplies only a preceding "one") and a positional one for
Chinese numerals ("六十五").
"""

from __future__ import annotations

from functools import cache

import regex

from sixfold.facts.dates import find_dates
from sixfold.facts.lang import data, fold

_MAX = 199
_NOTE = regex.compile(r"[(（\[][^)）\]]{0,40}[)）\]]")
_WORD = regex.compile(r"[\p{L}\p{N}]")


@cache
def _forms(lang: str) -> dict[str, int]:
    """Every folded word form (word + ending) and its value."""
    numbers = data(lang)["numbers"]
    endings = ["", *numbers["endings"]]
    return {
        fold(word, lang) + fold(ending, lang): value
        for word, value in numbers["words"].items()
        for ending in endings
    }


@cache
def _token_pattern(lang: str) -> str:
    numbers = data(lang)["numbers"]
    if "digits" in numbers:
        chars = "".join([*numbers["digits"], *numbers["multipliers"]])
        return f"[{regex.escape(chars)}]+"
    forms = sorted(_forms(lang), key=len, reverse=True)
    prefixes = "".join(f"(?:{regex.escape(fold(p, lang))})?" for p in numbers["prefixes"])
    return f"{prefixes}(?:{'|'.join(map(regex.escape, forms))})"


@cache
def ordinal_pattern(lang: str) -> str:
    """A regex source matching a number written in words (parts, separators, connectors)."""
    token = _token_pattern(lang)
    if "digits" in data(lang)["numbers"]:
        return token
    connectors = [regex.escape(fold(c, lang)) for c in data(lang)["numbers"]["connectors"]]
    joint = r"[\s-]*" if not connectors else rf"(?:[\s-]+(?:{'|'.join(connectors)})[\s-]+|[\s-]*)"
    return rf"{token}(?:{joint}{token})*\b"


def _chinese_value(words: str, lang: str) -> int | None:
    numbers = data(lang)["numbers"]
    total = current = 0
    for ch in words:
        if ch in numbers["digits"]:
            current = numbers["digits"][ch]
        elif ch in numbers["multipliers"]:
            total += (current or 1) * numbers["multipliers"][ch]
            current = 0
        else:
            return None
    return total + current


def _additive_value(words: str, lang: str) -> int | None:
    token = regex.compile(_token_pattern(lang))
    prefixes = tuple(fold(p, lang) for p in data(lang)["numbers"]["prefixes"])
    connectors = {fold(c, lang) for c in data(lang)["numbers"]["connectors"]}
    total, pos = 0, 0
    for match in token.finditer(words):
        gap = words[pos : match.start()].strip(" -")
        if gap and gap not in connectors:
            return None
        form = match.group()
        for prefix in prefixes:
            if form.startswith(prefix) and form not in _forms(lang):
                form = form[len(prefix) :]
        value = _forms(lang).get(form)
        if value is None:
            return None
        total = 100 if value == 100 and total <= 1 else total + value
        pos = match.end()
    return total if words[pos:].strip(" -") == "" and pos else None


def ordinal_value(words: str, lang: str) -> int | None:
    """The value (1..199) of a number written in words, or ``None`` if it is not one."""
    folded = fold(words, lang)
    if not folded:
        return None
    engine = _chinese_value if "digits" in data(lang)["numbers"] else _additive_value
    value = engine(folded, lang)
    return value if value is not None and 1 <= value <= _MAX else None


@cache
def _line_patterns(lang: str, kind: str) -> list[tuple[regex.Pattern[str], str]]:
    # Not inside an alphabetic word or after a hyphen ("fifth" in "sixty-fifth"); digits may
    # touch it because PDF text glues the date to the session line ("2011Sixty-fifth session").
    number = rf"(?<![\p{{Latin}}\p{{Cyrillic}}\p{{Arabic}}-])(?<n>\d+|{ordinal_pattern(lang)})"
    return [
        (regex.compile(fold(entry["pattern"], lang).replace("{n}", number)), entry["format"])
        for entry in data(lang)[kind]
    ]


def _number(value: str, lang: str) -> int | None:
    return int(value) if value.isdigit() else ordinal_value(value, lang)


def _parse_line(text: str, lang: str, kind: str) -> str | None:
    folded = fold(text, lang)
    for pattern, template in _line_patterns(lang, kind):
        for match in pattern.finditer(folded):
            value = _number(match.group("n"), lang)
            if value is not None:
                return template.format(n=value)
    return None


def parse_session(text: str, lang: str) -> str | None:
    """The canonical session ("65", "ES-10", "S-32") named in a session line."""
    return _parse_line(text, lang, "session")


def parse_meeting(text: str, lang: str) -> str | None:
    """The plenary meeting number ("68") named in a meeting line."""
    return _parse_line(text, lang, "meeting")


def parse_meeting_line(text: str, lang: str) -> str | None:
    """The meeting number if ``text`` is a closing meeting line and not a sentence naming a
    meeting ("...第十八次全体会议的成果，"): besides the meeting it holds at most a date and a
    bracketed note ("(resumed)")."""
    folded = fold(text, lang)
    for pattern, template in _line_patterns(lang, "meeting"):
        for match in pattern.finditer(folded):
            value = _number(match.group("n"), lang)
            rest = f"{folded[: match.start()]} {folded[match.end() :]}"
            if value is not None and _only_dates_and_notes(rest, lang):
                return template.format(n=value)
    return None


def _only_dates_and_notes(rest: str, lang: str) -> bool:
    rest = _NOTE.sub(" ", rest)
    for date in reversed(find_dates(rest, lang)):
        rest = rest[: date.start] + rest[date.end :]
    return not _WORD.search(rest)
