"""Character-level normalisation shared by every form: one Unicode form, one kind of space and
line end, no invisible characters, so that later patterns need not care where text came from."""

from __future__ import annotations

import re
import unicodedata

# Plain character classes: the standard library's ``re`` scans them faster than ``regex``.
_INVISIBLE = re.compile("[\u00ad\u200b\u200e\u200f\u2060\ufeff\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile("[\u00a0\u2007\u202f\u2009\u200a\u3000]")
_LINE_ENDS = re.compile(r"\r\n?|\u2028|\u2029|\x0b")


def normalize(text: str) -> str:
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = _LINE_ENDS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    # The ideographic space (U+3000) is folded too: Chinese PDFs use it as indentation.
    return _SPACES.sub(" ", text)
