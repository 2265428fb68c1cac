"""Training examples from the UN's AKN corpus: each resolution's text with the UNBIS subjects the
UN library gave it.

Subjects come from the session's ``data_extract/*.json`` records (every session has them) and,
for a resolution without a record, from the XML's own ``classification`` keywords.  Names are
resolved to concept ids through the vocabulary; a name it does not know is counted, not
guessed.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from sixfold.citations import citable_texts
from sixfold.errors import SixfoldError, UsageError
from sixfold.library.sources import iter_sources
from sixfold.model import Document
from sixfold.readers.akn import read_akn
from sixfold.subjects.features import Features, extract
from sixfold.subjects.vocabulary import Vocabulary

THESAURUS_SOURCE = "UNBIS Thesaurus"
_SESSION = regex.compile(r"/RES/(\d+)/")


@dataclass(frozen=True)
class Example:
    features: Features
    session: int
    subjects: tuple[str, ...]
    title: str
    text: str = ""  # with ``keep_text``: title and citable paragraphs, for other indexers


def read_extract(folder: str | Path) -> dict[str, dict[str, Any]]:
    """The ``data_extract`` records under ``folder`` (or beside it), keyed by symbol.

    The files are JSON Lines in principle but some carry stray characters between records,
    so records are decoded one after another wherever an object starts.
    """
    base = Path(folder)
    records: dict[str, dict[str, Any]] = {}
    decoder = json.JSONDecoder()
    for sub in (base / "data_extract", base.parent / "data_extract"):
        for path in sorted(sub.glob("*.json")) if sub.is_dir() else []:
            text = path.read_text("utf-8")
            pos = text.find("{")
            while pos >= 0:
                try:
                    record, end = decoder.raw_decode(text, pos)
                except json.JSONDecodeError:
                    pos = text.find("{", pos + 1)
                    continue
                if isinstance(record, dict) and record.get("symbol"):
                    records.setdefault(str(record["symbol"]), record)
                pos = text.find("{", end)
    return records


def session_of(symbol: str | None) -> int | None:
    m = _SESSION.search(symbol or "")
    return int(m.group(1)) if m else None


def gold_names(doc: Document, extract_records: dict[str, dict[str, Any]]) -> list[str]:
    """The library's subject names for a document: its catalogue record, else its XML."""
    record = extract_records.get(doc.symbol or "")
    if record and record.get("subjects"):
        return [name for name, source in record["subjects"] if source == THESAURUS_SOURCE]
    return doc.subjects


def iter_documents(
    folders: Iterable[str | Path], langs: set[str] | None = None
) -> Iterator[Document]:
    """The AKN resolutions under the folders (zip archives or XML files), parsed."""
    for folder in folders:
        path = Path(folder)
        if not path.exists():
            raise UsageError(f"no such corpus folder: {path}")
        for source in iter_sources([path]):
            if source.data is None or not source.name.lower().endswith(".xml"):
                continue
            try:
                doc = read_akn(source.data, source.name)
            except SixfoldError:
                continue
            if doc.doc_type == "resolution" and (not langs or doc.language in langs):
                yield doc


def _plain_text(doc: Document) -> str:
    return "\n".join([doc.title or "", *(text for text, _, _ in citable_texts(doc))])


def read_examples(
    folders: Iterable[str | Path],
    vocabulary: Vocabulary,
    langs: set[str] | None = None,
    unknown: Counter[str] | None = None,
    on_read: Callable[[], None] | None = None,
    keep_text: bool = False,
) -> list[Example]:
    """Every resolution with at least one resolvable subject, as a training example;
    ``on_read`` is called after each document (reading is most of training's time).  With
    ``keep_text`` each example keeps its plain text (an evaluation gives it to Annif); training
    needs only the features, and three sessions of text would sit in memory for nothing."""
    folders = list(folders)
    records: dict[str, dict[str, Any]] = {}
    for folder in folders:
        records.update(read_extract(folder))
    examples = []
    for doc in iter_documents(folders, langs):
        if on_read:
            on_read()
        session = session_of(doc.symbol)
        resolved = vocabulary.resolve_all(gold_names(doc, records), "en")
        if unknown is not None:
            unknown.update(resolved.unknown)
        if session is not None and resolved.ids:
            examples.append(
                Example(
                    extract(doc, vocabulary),
                    session,
                    tuple(resolved.ids),
                    doc.title or "",
                    _plain_text(doc) if keep_text else "",
                )
            )
    return examples
