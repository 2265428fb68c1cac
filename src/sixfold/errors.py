"""One exception hierarchy for the whole library, independent of the CLI framework.

Every error carries the input it failed on and a one-line message; the CLI turns it into that
line and the class's ``exit_code``, once, in one place.
"""

from __future__ import annotations


class SixfoldError(Exception):
    """Base of every error sixfold raises on purpose."""

    exit_code = 1
    kind = "error"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"{where}{self.message}"


class InputError(SixfoldError):
    """The input cannot be read as a document (bad bytes, bad container, too large)."""

    exit_code = 3
    kind = "input"


class EmptyInputError(InputError):
    kind = "empty"


class TooLargeError(InputError):
    kind = "too-large"


class BinaryInputError(InputError):
    kind = "binary"


class EncodingError(InputError):
    kind = "encoding"


class CorruptFileError(InputError):
    kind = "corrupt"


class UnsupportedFormatError(InputError):
    kind = "unsupported-format"


class NotUNDocumentError(SixfoldError):
    """The input is readable text but nothing in it looks like a United Nations document."""

    exit_code = 4
    kind = "not-un-document"


class UsageError(SixfoldError):
    """A caller asked for something impossible (unknown language or format name...)."""

    exit_code = 2
    kind = "usage"


class NoVersionError(SixfoldError):
    """A language version asked for is not in the library (nor found by its content)."""

    exit_code = 5
    kind = "no-version"
