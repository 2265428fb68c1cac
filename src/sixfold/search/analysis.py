"""Text to index terms, the same way for documents and queries, per language.

Why not SQLite's own tokenizer: it treats a run of Chinese characters as one token (so 秘书长
inside 联合国秘书长 is never found), folds no Arabic letter forms and stems nothing.  Terms are
produced here and handed to the index as space-separated words:

* Chinese: one term per character (Han, but also each digit and Latin letter), so any run of
  characters is a phrase of terms and a query needs no spaces, even one that starts or ends
  inside a number ("2年3月" is found in "2022年3月").  In other languages a Han character is
  a word of its own, and no word runs on into one.
* Arabic: diacritics and tatweel removed, alef/ya/ta marbuta forms folded (``data/analysis.toml``).
* English, French, Spanish, Russian: case folded, Snowball-stemmed, then accents stripped.
* Everywhere: NFKC, case folding, Arabic-Indic and other digits read as ASCII digits.

``fold`` is the same without stemming: the form in which "contains this wording" is decided.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterator
from importlib import resources
from itertools import compress
from typing import NamedTuple

import regex
import Stemmer

from sixfold.facts.digits import to_ascii_digits

_WORD = regex.compile(r"\p{Han}|[[\p{L}\p{N}]--\p{Han}][[\p{L}\p{M}\p{N}]--\p{Han}]*", regex.V1)
_CHARACTER = regex.compile(r"[\p{L}\p{N}]\p{M}*")
# A run of Chinese terms: each letter or digit is one, the marks after the run go with its last.
_RUN = regex.compile(r"([\p{L}\p{N}]+)\p{M}*")
# Where nearly every paragraph but a Chinese one lies: below U+0800 (Latin, Greek, Cyrillic,
# Hebrew, Arabic) and the general punctuation (’ – “ ”).
_PLAIN = ((0x0000, 0x07FF), (0x2000, 0x206F))
_PIECE = 250  # characters: about a snippet's window


class Token(NamedTuple):
    """A word of the original text, where it is, and its index term (a tuple: snippets make
    one per word of every hit, and a frozen dataclass costs several times more to build)."""

    start: int
    end: int
    term: str


@functools.cache
def _config() -> dict[str, object]:
    text = (resources.files("sixfold.search") / "data" / "analysis.toml").read_text("utf-8")
    return tomllib.loads(text)


def analysis_version() -> int:
    """Stored with an index: a library built under another version needs ``reindex``."""
    version = _config()["version"]
    assert isinstance(version, int)
    return version


@functools.cache
def _arabic_table() -> dict[int, str | None]:
    config = _config()
    letters = config["arabic_letters"]
    marks = config["arabic_marks"]
    assert isinstance(letters, dict) and isinstance(marks, dict)
    table: dict[int, str | None] = {ord(k): v for k, v in letters.items()}
    for low, high in marks["ranges"]:
        table.update(dict.fromkeys(range(ord(low), ord(high) + 1)))
    return table


def _strip_accents(word: str) -> str:
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.cache
def _normaliser(lang: str, stem: bool) -> Callable[[str], str]:
    """Word → term for one language (cached per word: UN vocabulary is small)."""
    stemmers = _config()["stemmer"]
    assert isinstance(stemmers, dict)
    stemmer = Stemmer.Stemmer(stemmers[lang]) if stem and lang in stemmers else None
    arabic = _arabic_table()

    @functools.lru_cache(maxsize=200_000)
    def normalise(word: str) -> str:
        word = to_ascii_digits(unicodedata.normalize("NFKC", word).casefold())
        if lang == "ar":
            return word.translate(arabic)
        if stemmer is not None:
            word = stemmer.stemWord(word)
        return _strip_accents(word)

    return normalise


def _pattern(lang: str | None) -> regex.Pattern[str]:
    return _CHARACTER if lang == "zh" else _WORD


@functools.cache
def _plain_word() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """_WORD for text within _PLAIN, in the standard library's engine, which reads it at about
    twice the speed of ``regex`` reading Unicode classes (a snippet reads hundreds of characters
    per hit); and a pattern finding a character outside _PLAIN.  The classes are _WORD's own,
    read off it over _PLAIN (which holds no Han), so both split such text alike."""
    plain = "".join(chr(c) for low, high in _PLAIN for c in range(low, high + 1))
    first = _ranges(regex.findall(r"[[\p{L}\p{N}]--\p{Han}]", plain, flags=regex.V1))
    rest = _ranges(regex.findall(r"[[\p{L}\p{M}\p{N}]--\p{Han}]", plain, flags=regex.V1))
    outside = "".join(f"{re.escape(chr(low))}-{re.escape(chr(high))}" for low, high in _PLAIN)
    return re.compile(f"[{first}][{rest}]*"), re.compile(f"[^{outside}]")


def _ranges(characters: list[str]) -> str:
    """Sorted characters as the inside of a character class, runs written as ranges."""
    runs: list[list[int]] = []
    for c in map(ord, characters):
        if runs and runs[-1][1] >= c - 1:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    return "".join(f"{re.escape(chr(low))}-{re.escape(chr(high))}" for low, high in runs)


def tokens(text: str, lang: str | None, *, stem: bool = True) -> Iterator[Token]:
    """The words of ``text`` with their offsets and terms (empty terms are dropped)."""
    normalise = _normaliser(lang or "", stem)
    for match in _pattern(lang).finditer(text):
        term = normalise(match.group())
        if term:
            yield Token(match.start(), match.end(), term)


def spans(
    text: str, lang: str | None, wanted: set[str], start: int = 0, end: int | None = None
) -> Iterator[tuple[int, int]]:
    """Where the words of ``text[start:end]`` whose terms are in ``wanted`` are: what a snippet
    marks.  No token is built for the other words (a Chinese snippet has hundreds)."""
    normalise = _normaliser(lang or "", True)
    end = len(text) if end is None else end
    if lang != "zh":
        plain, outside = _plain_word()
        # Read in pieces ending at a space (which no word holds), each with the faster pattern
        # if it is plain: the first wanted word is sought without checking the whole paragraph.
        while start < end:
            cut = text.find(" ", start + _PIECE, end)
            cut = end if cut < 0 else cut
            pattern = _WORD if outside.search(text, start, cut) else plain
            for match in pattern.finditer(text, start, cut):
                if normalise(match.group()) in wanted:
                    yield match.span()
            start = cut
        return
    # The same words as _CHARACTER's, found a run at a time: a regex match costs several times
    # a character's term, and a run's characters are looked up together.
    for run in _RUN.finditer(text, start, end):
        offset, last = run.start(), run.end(1) - 1
        found = map(wanted.__contains__, map(normalise, text[offset:last]))
        for i in compress(range(offset, last), found):
            yield i, i + 1
        if normalise(text[last : run.end()]) in wanted:
            yield last, run.end()


def _words(text: str, lang: str | None, stem: bool) -> list[str]:
    """The terms of :func:`tokens` without their offsets: ingest analyses every paragraph
    twice, so this path skips building a token per word."""
    normalise = _normaliser(lang or "", stem)
    return [term for term in map(normalise, _pattern(lang).findall(text)) if term]


def terms(text: str, lang: str | None) -> list[str]:
    """Index terms of ``text``: what the full-text index stores and a query looks up."""
    return _words(text, lang, stem=True)


def words(text: str, lang: str | None) -> list[str]:
    """The terms without stemming: a phrase of these is exactly "contains this wording"."""
    return _words(text, lang, stem=False)


def fold(text: str, lang: str | None) -> str:
    """Text reduced to comparable words (no stemming), space-separated; Chinese to its letters
    and digits with no space at all, so that a wording is found whatever the spacing and
    punctuation of the source ("the same consecutive characters")."""
    return ("" if lang == "zh" else " ").join(words(text, lang))


Analysis = tuple[list[str], list[str]]  # (terms, words) of one text


def analyse(text: str, lang: str | None) -> Analysis:
    """What the index holds of a text, and what a query asks: its terms and its words."""
    return terms(text, lang), words(text, lang)
