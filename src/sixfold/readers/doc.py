"""Read legacy binary Word 97-2003 files through their piece table ([MS-DOC]).

No maintained pure-Python DOC reader exists, and the text alone is easy to reach: the FIB in the
``WordDocument`` stream gives the character counts of the main text and footnotes and the
position of the CLX in the table stream; the CLX's piece table maps character positions to
byte runs, each either cp1252 ("compressed") or UTF-16.  Formatting (italic, bold) would need the
CHPX tables and is not read.
"""

from __future__ import annotations

import struct

import olefile

from sixfold.errors import CorruptFileError, UnsupportedFormatError
from sixfold.readers import RawText

_WORD_IDENT = 0xA5EC
_FIB_FLAGS = 0x0A
_FLAG_ENCRYPTED = 0x0100
_FLAG_TABLE_1 = 0x0200
_CCP_TEXT, _CCP_FTN = 3, 4  # indexes in FibRgLw97
_CLX_PAIR = 33  # index of fcClx/lcbClx in FibRgFcLcb97
_PIECE_COMPRESSED = 0x40000000
_FOOTNOTE_MARK = "\x02"
_FIELD_BEGIN, _FIELD_SEPARATOR, _FIELD_END = "\x13", "\x14", "\x15"
_CONTROLS = str.maketrans(
    {
        "\x07": "\t",  # cell end (row ends are handled before)
        "\x0b": "\n",  # manual line break
        "\x0c": "\n\n",  # page or section break: a block boundary, not a PDF page
        "\x1e": "-",  # non-breaking hyphen
        "\x1f": None,  # optional hyphen
        "\x01": None,  # picture anchor
        "\x08": None,  # drawing anchor
        "\x05": None,  # comment anchor
        "\x03": None,  # footnote separator
        "\x04": None,  # footnote continuation separator
    }
)


def read_doc(data: bytes) -> RawText:
    """Main text as blocks (one per Word paragraph), then footnotes as ``<sup>N</sup>`` lines."""
    try:
        with olefile.OleFileIO(data) as ole:
            word = ole.openstream("WordDocument").read()
            text_lengths, table_name, clx = _fib(word)
            if not ole.exists(table_name):
                raise CorruptFileError(f"Word document without its {table_name} stream")
            table = ole.openstream(table_name).read()
        characters = _piece_text(word, table[clx[0] : clx[0] + clx[1]])
    except (OSError, ValueError, IndexError, struct.error, olefile.olefile.OleFileError):
        raise CorruptFileError("corrupt legacy Word document") from None
    ccp_text, ccp_ftn = text_lengths
    numbers = iter(range(1, characters.count(_FOOTNOTE_MARK) + 1))
    main = _without_fields(characters[:ccp_text])
    main = "".join(f"<sup>{next(numbers)}</sup>" if c == _FOOTNOTE_MARK else c for c in main)
    notes = _footnotes(_without_fields(characters[ccp_text : ccp_text + ccp_ftn]))
    text = _blocks(main) + ("\n\n" + "\n".join(notes) if notes else "")
    return RawText(text=text, format="doc", encoding="cp1252/utf-16-le")


def _fib(word: bytes) -> tuple[tuple[int, int], str, tuple[int, int]]:
    """Character counts, the table stream's name and the CLX's (offset, size) from the FIB."""
    ident, flags = (
        struct.unpack_from("<H", word, 0)[0],
        struct.unpack_from("<H", word, _FIB_FLAGS)[0],
    )
    if ident != _WORD_IDENT:
        raise CorruptFileError("not a Word 97-2003 document (bad FIB)")
    if flags & _FLAG_ENCRYPTED:
        raise UnsupportedFormatError("Word document is encrypted (a password is needed)")
    position = 32
    csw = struct.unpack_from("<H", word, position)[0]
    position += 2 + 2 * csw
    cslw = struct.unpack_from("<H", word, position)[0]
    lw = struct.unpack_from(f"<{cslw}i", word, position + 2)
    position += 2 + 4 * cslw
    fc_lcb = position + 2 + 8 * _CLX_PAIR
    clx = struct.unpack_from("<II", word, fc_lcb)
    table_name = "1Table" if flags & _FLAG_TABLE_1 else "0Table"
    return (lw[_CCP_TEXT], lw[_CCP_FTN]), table_name, (clx[0], clx[1])


def _piece_text(word: bytes, clx: bytes) -> str:
    """Concatenate the pieces of the piece table (PlcPcd), skipping the CLX's Prc entries."""
    position = 0
    while clx[position] == 0x01:  # Prc: a grpprl of property modifiers
        position += 3 + struct.unpack_from("<h", clx, position + 1)[0]
    if clx[position] != 0x02:
        raise CorruptFileError("Word piece table not found")
    size = struct.unpack_from("<I", clx, position + 1)[0]
    plc = clx[position + 5 : position + 5 + size]
    count = (size - 4) // 12
    cps = struct.unpack_from(f"<{count + 1}I", plc, 0)
    pieces: list[str] = []
    for index in range(count):
        fc = struct.unpack_from("<I", plc, 4 * (count + 1) + 8 * index + 2)[0]
        length = cps[index + 1] - cps[index]
        if fc & _PIECE_COMPRESSED:
            start = (fc & ~_PIECE_COMPRESSED) // 2
            pieces.append(word[start : start + length].decode("cp1252", errors="replace"))
        else:
            pieces.append(word[fc : fc + 2 * length].decode("utf-16-le", errors="replace"))
    return "".join(pieces)


def _without_fields(text: str) -> str:
    """Keep only the shown result of each field (``\\x13 code \\x14 result \\x15``), nesting too."""
    out: list[str] = []
    stack: list[bool] = []  # per open field: has its separator been seen (showing the result)?
    for char in text:
        if char == _FIELD_BEGIN:
            stack.append(False)
        elif char == _FIELD_SEPARATOR and stack:
            stack[-1] = True
        elif char == _FIELD_END and stack:
            stack.pop()
        elif all(stack):
            out.append(char)
    return "".join(out)


def _blocks(text: str) -> str:
    """Paragraph marks become blank lines; table row ends become paragraph ends."""
    text = text.replace("\x07\x07", "\r").replace("\r\x07", "\r").translate(_CONTROLS)
    paragraphs = (paragraph.strip("\n").rstrip("\t ") for paragraph in text.split("\r"))
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph.strip())


def _footnotes(text: str) -> list[str]:
    """Each footnote starts with its auto-number mark; number them as the body does."""
    bodies = text.split(_FOOTNOTE_MARK)[1:]
    return [
        f"<sup>{number}</sup> {' '.join(_blocks(body).split())}"
        for number, body in enumerate(bodies, start=1)
    ]
