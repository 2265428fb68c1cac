"""UN document symbols as objects with one canonical string form.

``Symbol.parse`` accepts what people type and what OCR and PDF extraction produce (spaces
around slashes, full-width slashes, lower case, Cyrillic look-alike letters, a missing space
before a Security Council year) and ``str()`` gives the form the UN prints, so that
``str(Symbol.parse(str(s))) == str(s)``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

from sixfold.errors import UsageError
from sixfold.symbols.grammar import Family, families

# Cyrillic capitals typed for the Latin ones in symbols ("А/77/457", "56/24 Е" in Russian text).
_LOOKALIKES = str.maketrans("АВЕКМНОРСТХ", "ABEKMHOPCTX")
_SPACED_SLASH = regex.compile(r"\s*/\s*")
_SPACED_DOT = regex.compile(r"\.\s+(?=\d)")
# "A/77/673/Add/1": a slash typed for the dot of a suffix; "A/75/457Add.2": its slash left out.
_SLASHED_SUFFIX = regex.compile(r"(?i)(?<=/(?:Add|Rev|Corr|Amend))/(?=\d)")
_UNSLASHED_SUFFIX = regex.compile(r"(?i)(?<=\d)(?=(?:Add|Rev|Corr|Amend)\.\s?\d)")
_DASH = regex.compile(r"[\u2010-\u2015\u2212]")
# The hyphen that joins two symbols ("A/65/382-S/2010/490"), not the one of "ES-10".
_JOINT = regex.compile(r"\s*-\s*(?=[ASE]/)")
# "Sect.26" -> "Sect. 26", "PartI" -> "Part I": the space the UN prints after the word.
_QUALIFIER_WORD = regex.compile(r"^(Sect\.|Vol\.|Parts|Part)\s*")
_LETTER_NUMBER = regex.compile(r"(\d)\s?([A-Z](?:-[A-Z])?)$", regex.IGNORECASE)


class SymbolError(UsageError, ValueError):
    """The string is not a United Nations document symbol."""


@dataclass(frozen=True)
class Symbol:
    """A parsed symbol; ``joint`` holds the other symbols of a joint document."""

    family: str
    body: str
    doc_type: str
    session: str | None
    number: str
    kind: str | None = None
    suffixes: tuple[str, ...] = ()
    joint: tuple[Symbol, ...] = ()
    qualifier: str | None = None

    @classmethod
    def parse(cls, s: str) -> Symbol:
        """Parse one symbol (or a joint symbol); raise :class:`SymbolError` otherwise."""
        text = normalise(s)
        parts = _JOINT.split(text)
        symbols = [_parse_single(part, s) for part in parts]
        first = symbols[0]
        if len(symbols) == 1:
            return first
        return Symbol(
            first.family,
            first.body,
            first.doc_type,
            first.session,
            first.number,
            first.kind,
            first.suffixes,
            tuple(symbols[1:]),
            first.qualifier,
        )

    def __str__(self) -> str:
        own = _family(self.family).format.format(
            body=self.body,
            session=self.session or "",
            number=self.number,
            kind=self.kind or "",
            suffixes="".join(f"/{s}" for s in self.suffixes),
            qualifier=f" ({self.qualifier})" if self.qualifier else "",
        )
        return "-".join([own, *(str(j) for j in self.joint)])


def normalise(s: str) -> str:
    """The sloppy forms of a symbol brought to the spelling the grammar expects."""
    text = unicodedata.normalize("NFKC", s).translate(_LOOKALIKES).strip()
    text = _DASH.sub("-", text)
    text = _SPACED_SLASH.sub("/", text)
    text = _SLASHED_SUFFIX.sub(".", text)
    text = _UNSLASHED_SUFFIX.sub("/", text)
    return _SPACED_DOT.sub(".", text)


def _family(name: str) -> Family:
    return next(f for f in families() if f.name == name)


def _suffix(part: str) -> str:
    name, _, number = part.partition(".")
    return f"{name.capitalize()}.{number}"


def _parse_single(text: str, original: str) -> Symbol:
    for family in families():
        match = family.pattern.fullmatch(text)
        if match is None:
            continue
        groups = match.groupdict()
        number = groups["number"]
        if not family.keep_case:
            number = _LETTER_NUMBER.sub(r"\1 \2", number).upper()
        suffixes = tuple(_suffix(p) for p in (groups.get("suffixes") or "").split("/") if p)
        qualifier = groups.get("qualifier")
        return Symbol(
            family=family.name,
            body=(groups["body"] or "").upper() or family.body,
            doc_type=family.doc_type,
            session=groups["session"].upper() if groups.get("session") else None,
            number=number,
            kind=groups["kind"].upper() if groups.get("kind") else None,
            suffixes=suffixes,
            qualifier=_QUALIFIER_WORD.sub(r"\1 ", qualifier.strip()) if qualifier else None,
        )
    raise SymbolError(f"not a United Nations document symbol: {original!r}")
