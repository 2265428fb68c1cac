"""Page furniture: job numbers, barcodes, page numbers, rules, recycling notices, ODS fields.

The patterns live in ``data/furniture.toml``; this module only compiles and applies them.
Furniture lines are not dropped but replaced by a page-break line: furniture is printed where a
page ends, and a page end is the best sign that the text on either side is one paragraph cut in
two.  The page-break line is blank to every ``strip()``, so stages that do not care skip it.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources

import regex


@functools.cache
def _patterns() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    data = tomllib.loads(
        (resources.files("sixfold.clean") / "data" / "furniture.toml").read_text("utf-8")
    )
    line = "|".join(f"(?:{e['pattern']})" for e in data["line"])
    inline = "|".join(f"(?:{e['pattern']})" for e in data["inline"])
    rule = regex.compile(rf"^\s*(?:{data['note_rule']})\s*$")
    return regex.compile(rf"^\s*(?:{line})\s*$"), regex.compile(inline), rule


PAGE_BREAK = "\f"
# A running header: a short line of capitals, digits and signs, as symbols are ("A/RES/77/290 B").
# Its first appearance stays, since the masthead reads the symbol from it.
_RUNNING_HEADER = regex.compile(r"^(?=.*\d)[A-Z0-9/.\-() ]{3,40}$")


def is_furniture(line: str) -> bool:
    return bool(_patterns()[0].match(line))


def note_rules(lines: list[str]) -> frozenset[int]:
    """Indices of the rules printed above footnotes (furniture too: see
    :func:`~sixfold.clean.footnotes.split_footnote_lines`)."""
    rule = _patterns()[2]
    return frozenset(i for i, line in enumerate(lines) if rule.match(line))


def mark_page_breaks(lines: list[str]) -> list[str]:
    """Furniture lines, and running headers after their first appearance, become page breaks."""
    out: list[str] = []
    seen: set[str] = set()
    for line in lines:
        key = line.strip()
        header = _RUNNING_HEADER.match(key) is not None
        if is_furniture(line) or (header and key in seen):
            out.append(PAGE_BREAK)
        else:
            out.append(line)
        if header:
            seen.add(key)
    return out


def strip_inline(line: str) -> str:
    return _patterns()[1].sub("", line)
