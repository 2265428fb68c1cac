"""The symbol grammar: ``data/grammar.toml`` loaded and compiled once."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import regex


@dataclass(frozen=True)
class Family:
    """One symbol pattern of the grammar (see the data file for the fields)."""

    name: str
    pattern: regex.Pattern[str]
    doc_type: str
    format: str
    examples: tuple[str, ...]
    body: str
    keep_case: bool


@cache
def _grammar() -> dict[str, Any]:
    text = resources.files("sixfold.symbols").joinpath("data", "grammar.toml").read_text("utf-8")
    return tomllib.loads(text)


def fragment(name: str) -> str:
    """One named fragment of the grammar, for patterns that look for symbols in running text."""
    return str(_grammar()["fragments"][name])


@cache
def families() -> tuple[Family, ...]:
    """The families in the order they are tried."""
    grammar = _grammar()
    fragments: dict[str, str] = grammar["fragments"]
    result = []
    for entry in grammar["family"]:
        source = entry["regex"]
        for name, fragment in fragments.items():
            source = source.replace("{" + name + "}", fragment)
        result.append(
            Family(
                name=entry["name"],
                pattern=regex.compile(source, regex.IGNORECASE),
                doc_type=entry["doc_type"],
                format=entry["format"],
                examples=tuple(entry["examples"]),
                body=entry.get("body", ""),
                keep_case=entry.get("keep_case", False),
            )
        )
    return tuple(result)
