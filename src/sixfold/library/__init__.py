"""The library: ingest documents into an embedded store and query it (``Library.open(path)``)."""

from sixfold.library.library import Library, Stats

__all__ = ["Library", "Stats"]
