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
def _patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    data = tomllib.loads(
        (resources.files("sixfold.clean") / "data" / "furniture.toml").read_text("utf-8")
    )
    line = "|".join(f"(?:{e['pattern']})" for e in data["line"])
    inline = "|".join(f"(?:{e['pattern']})" for e in data["inline"])
    return regex.compile(rf"^\s*(?:{line})\s*$"), regex.compile(inline)


PAGE_BREAK = "\f"


def is_furniture(line: str) -> bool:
    return bool(_patterns()[0].match(line))


def mark_page_breaks(lines: list[str]) -> list[str]:
    return [PAGE_BREAK if is_furniture(line) else line for line in lines]


def strip_inline(line: str) -> str:
    return _patterns()[1].sub("", line)
