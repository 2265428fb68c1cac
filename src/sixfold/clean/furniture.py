"""Page furniture: job numbers, barcodes, page numbers, rules, recycling notices, ODS fields.

The patterns live in ``data/furniture.toml``; this module only compiles and applies them.
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


def is_furniture(line: str) -> bool:
    return bool(_patterns()[0].match(line))


def strip_inline(line: str) -> str:
    return _patterns()[1].sub("", line)
