"""Undo word segmentation: spaces a tokeniser put between Chinese words, or around punctuation
in tokenised text of the other languages ("Assembly , Recalling" → "Assembly, Recalling")."""

from __future__ import annotations

import regex

_CJK = r"\p{Han}\p{Hiragana}\p{Katakana}\u3000-\u303f\uff00-\uffef《》“”‘’"
# A space with a Chinese character or full-width punctuation on either side carries nothing.
_CJK_SPACE = regex.compile(rf"(?<=[{_CJK}])[ \t]+|[ \t]+(?=[{_CJK}])")
_BEFORE_CLOSE = regex.compile(r"[ \t]+(?=[,;:.!?)\]}»،؛%]|[’”](?!\w))")
_AFTER_OPEN = regex.compile(r"(?<=[(\[{«]|(?<!\w)[‘“])[ \t]+")
_INSIDE_SYMBOL = regex.compile(r"(?<=\w)[ \t]*/[ \t]*(?=\w)")
_NUMBER_DOT = regex.compile(r"(?<=^|\s)(\d{1,3})[ \t]+\.(?=[ \t])")
_SPACED_STRAIGHT_QUOTES = regex.compile(r'"[ \t]+([^"]*?)[ \t]+"')


def is_segmented_chinese(text: str) -> bool:
    """Whether Chinese text has been cut into words: most Han characters stand beside a space."""
    sample = text[:5000]
    han = len(regex.findall(r"\p{Han}", sample))
    spaced = len(regex.findall(r"\p{Han} (?=\p{Han})", sample))
    return han > 50 and spaced * 4 > han


def desegment(text: str, lang: str) -> str:
    if lang == "zh":
        text = _CJK_SPACE.sub("", text)
    text = _SPACED_STRAIGHT_QUOTES.sub(r'"\1"', text)
    text = _NUMBER_DOT.sub(r"\1.", text)
    text = _BEFORE_CLOSE.sub("", text)
    text = _AFTER_OPEN.sub("", text)
    return _INSIDE_SYMBOL.sub("/", text)
