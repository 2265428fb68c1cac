"""Decode plain-text bytes in any encoding UN text files come in.

Files reach us from many generations of tools: UTF-8 (with or without BOM), UTF-16 (Windows
"Unicode" exports, often without BOM), GB18030/GBK (Chinese), Windows-1256 (Arabic),
Windows-1251 (Russian) and Windows-1252/Latin-1 (English, French, Spanish).  BOMs and strict
UTF-8 settle most files at once; the legacy single-byte and GB encodings cannot be told apart by
validity alone (almost any byte string is valid cp1251 *and* cp1256), so those go to
charset-normalizer, restricted to the encodings above, which scores the decodings by how much
they look like real text in one language.
"""

from __future__ import annotations

import codecs

import charset_normalizer
import regex

from sixfold.errors import EncodingError

LEGACY_ENCODINGS = ["gb18030", "cp1256", "cp1251", "cp1252", "latin_1"]
"""The only legacy encodings considered: guessing among every codec makes short texts ambiguous."""

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]

_SNIFF_BYTES = 4096
_NUL_SHARE_UTF16 = 0.3
"""Share of NUL bytes at odd (LE) or even (BE) offsets that marks ASCII-heavy UTF-16."""

_NOISE = regex.compile(r"[\p{Cc}\p{Co}\p{Cs}\p{Cn}\ufffd--[\t\n\r\f]]", flags=regex.V1)
_MAX_NOISE_SHARE = 0.05
"""Control, private-use or unassigned characters above this share mean a wrong decoding."""

_NEWLINES = regex.compile(r"\r\n?")


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark announces, and the BOM's length."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """Recognise BOM-less UTF-16 by its NUL bytes: Latin text has one every other byte."""
    head = data[:_SNIFF_BYTES]
    half = len(head) // 2
    if half < 2:
        return None
    nul_odd = head[1::2].count(0) / half
    nul_even = head[0::2].count(0) / half
    if nul_odd >= _NUL_SHARE_UTF16 and nul_even < nul_odd / 4:
        return "utf-16-le"
    if nul_even >= _NUL_SHARE_UTF16 and nul_odd < nul_even / 4:
        return "utf-16-be"
    return None


def normalise_newlines(text: str) -> str:
    """Give every reader the same line ends, whatever the platform that wrote the file."""
    return _NEWLINES.sub("\n", text)


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``; raise :class:`EncodingError` on garbage."""
    encoding, start = _choose_encoding(data)
    try:
        text = data[start:].decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise EncodingError(f"bytes are not valid {encoding}") from None
    if _noise_share(text) > _MAX_NOISE_SHARE:
        raise EncodingError(f"text decodes to garbage in every candidate encoding ({encoding})")
    return normalise_newlines(text.lstrip("\ufeff")), encoding


def _choose_encoding(data: bytes) -> tuple[str, int]:
    """Cheap certain answers first (BOM, UTF-16 NULs, strict UTF-8), then a scored guess."""
    bom = bom_encoding(data)
    if bom is not None:
        return bom
    utf16 = utf16_without_bom(data)
    if utf16 is not None:
        return utf16, 0
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8", 0
    best = charset_normalizer.from_bytes(data, cp_isolation=LEGACY_ENCODINGS).best()
    if best is None:
        raise EncodingError("text is in none of the supported encodings")
    return _prefer_cp1252(data, best.encoding), 0


def _prefer_cp1252(data: bytes, encoding: str) -> str:
    """Latin-1 turns Windows quotes and dashes (0x80-0x9F) into C1 controls; cp1252 does not."""
    if codecs.lookup(encoding).name != "iso8859-1":
        return encoding
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return encoding
    return "cp1252"


_NOISE_SAMPLE_CHARS = 20_000


def _without_layout(text: str) -> str:
    """The text without tabs, line and page breaks (``str.translate`` is slower by far)."""
    for control in "\t\n\r\f":
        text = text.replace(control, "")
    return text


def _noise_share(text: str) -> float:
    """Share of mis-decoding signs; the first pages tell as well as the whole file."""
    sample = text[:_NOISE_SAMPLE_CHARS]
    if not sample:
        return 0.0
    if "\ufffd" not in sample and _without_layout(sample).isprintable():
        return 0.0  # the common case, in a few passes of C: every noise sign is unprintable
    return len(_NOISE.findall(sample)) / len(sample)
