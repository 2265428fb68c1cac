"""The Document record: the contract between every stage and the JSON that users see.

Field names are fixed by the parse issue because other tools read them; new fields may be
added freely.  Absent facts are ``None`` (or empty lists), never guessed.  Structured fields use
canonical forms (ISO dates, ASCII digits, canonical symbols) whatever the document's language;
``text`` fields keep the document's own characters.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

LANGUAGES: tuple[str, ...] = ("ar", "zh", "en", "fr", "ru", "es")
ParagraphKind = Literal["preambular", "operative", "other"]
DocType = Literal["resolution", "decision", "letter", "report", "draft", "record", "other"]


@dataclass
class Footnote:
    """A footnote as printed at the foot of the page; ``marker`` is ASCII digits or a symbol."""

    marker: str
    text: str


@dataclass
class Paragraph:
    """One paragraph of the body.

    ``text`` is the whole paragraph without its operative number and without footnote markers
    (those are listed in ``footnotes``); ``lead`` is the opening phrase that carries the
    paragraph's function and is always a prefix of ``text``.  Sub-items ("(a) ...") stay inside
    their paragraph, one per line.
    """

    id: str
    kind: ParagraphKind
    number: str | None
    lead: str | None
    text: str
    footnotes: list[str] = field(default_factory=list)


@dataclass
class Origin:
    """Where a resolution came from: the Main Committee (or ``None``) and its draft or report."""

    committee: str | None = None
    documents: list[str] = field(default_factory=list)


@dataclass
class Annex:
    """An annex: its heading lines and its own paragraphs (numbered as printed)."""

    title: str | None
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class Source:
    path: str | None
    format: str
    sha256: str


@dataclass
class Document:
    symbol: str | None = None
    language: str | None = None
    body: str | None = None
    doc_type: DocType | None = None
    session: str | None = None
    number: str | None = None
    title: str | None = None
    adopted: str | None = None
    issued: str | None = None
    agenda_items: list[str] = field(default_factory=list)
    origin: Origin = field(default_factory=Origin)
    meeting: str | None = None
    job_number: str | None = None
    subjects: list[str] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    source: Source | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON record (plain dicts and lists, ready for ``json.dumps``)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """Rebuild a Document from :meth:`to_dict` output (used by golden tests and the store)."""
        doc = cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})
        doc.origin = Origin(**data.get("origin") or {})
        doc.paragraphs = [Paragraph(**p) for p in data.get("paragraphs") or []]
        doc.footnotes = [Footnote(**f) for f in data.get("footnotes") or []]
        doc.annexes = [
            Annex(a.get("title"), [Paragraph(**p) for p in a.get("paragraphs") or []])
            for a in data.get("annexes") or []
        ]
        src = data.get("source")
        doc.source = Source(**src) if src else None
        return doc
