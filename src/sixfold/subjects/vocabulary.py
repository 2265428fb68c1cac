"""The UNBIS Thesaurus as sixfold uses it: concepts by id and by label in six languages.

Concepts are language independent (``1000001`` is ABANDONED CHILDREN, ENFANTS ABANDONNES,
被遗弃儿童...), so a subject found or learnt in one language serves all six.  Labels are
looked up after :func:`~sixfold.subjects.folding.terms`, so accents, case, Arabic letter forms
and inflection do not stop a match.  The thesaurus ships with the package in a compact form
(``data/unbis.json.gz``) because users do not have the shared corpus; :meth:`Vocabulary.load`
reads the corpus folder the UN publishes and :meth:`Vocabulary.save` writes the compact form.
"""

from __future__ import annotations

import functools
import gzip
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from sixfold.errors import InputError
from sixfold.model import LANGUAGES
from sixfold.subjects.folding import terms

SCHEME = "http://metadata.un.org/thesaurus"
_MICROTHESAURUS_DIGITS = 6


@dataclass(frozen=True)
class Concept:
    """A thesaurus entry; ``microthesauri`` and ``broader`` come from the thesaurus's
    ``related`` list, split by the kind of id (6 digits: a microthesaurus)."""

    id: str
    labels: dict[str, str]
    alt_labels: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()
    microthesauri: tuple[str, ...] = ()

    @property
    def is_microthesaurus(self) -> bool:
        return len(self.id) == _MICROTHESAURUS_DIGITS

    def label(self, lang: str | None) -> str:
        """The label in ``lang``, else the English one."""
        return self.labels.get(lang or "en") or self.labels.get("en") or self.id


@dataclass(frozen=True)
class Resolved:
    """Subject names resolved: the concept ids found and the names not in the thesaurus."""

    ids: list[str]
    unknown: list[str]


def label_key(label: str, lang: str | None) -> str:
    """The form a label is indexed and looked up in."""
    return " ".join(terms(label, lang))


class Vocabulary:
    """Concepts by id and by folded label, per language."""

    def __init__(self, concepts: Iterable[Concept]) -> None:
        self.concepts: dict[str, Concept] = {c.id: c for c in concepts}
        self._by_label: dict[str, dict[str, list[str]]] = {lang: {} for lang in LANGUAGES}
        for concept in self.concepts.values():
            for lang, label in self.labels(concept):
                ids = self._by_label[lang].setdefault(label_key(label, lang), [])
                if concept.id not in ids:
                    ids.append(concept.id)

    @staticmethod
    def labels(concept: Concept) -> Iterator[tuple[str, str]]:
        """(language, label) for every label of a concept, English alternatives included."""
        yield from concept.labels.items()
        for alt in concept.alt_labels:
            yield "en", alt

    def __len__(self) -> int:
        return len(self.concepts)

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self.concepts

    def get(self, concept_id: str) -> Concept | None:
        return self.concepts.get(concept_id.rsplit("/", 1)[-1].rsplit("#", 1)[-1])

    def label_index(self, lang: str) -> dict[str, list[str]]:
        """Folded label -> concept ids, for one language (the indexer matches texts on it)."""
        return self._by_label[lang]

    def lookup(self, term: str, lang: str | None = None) -> list[Concept]:
        """Concepts whose id or label (in ``lang``, or in any language) is ``term``.

        Preferred labels rank before alternative ones only through the thesaurus order; an
        ambiguous label returns every concept that carries it."""
        direct = self.get(term.strip())
        if direct is not None:
            return [direct]
        found: list[str] = []
        for code in [lang] if lang else LANGUAGES:
            for concept_id in self._by_label.get(code, {}).get(label_key(term, code), []):
                if concept_id not in found:
                    found.append(concept_id)
        return [self.concepts[i] for i in found]

    def resolve(self, term: str, lang: str | None = None) -> str | None:
        """The one concept id of a term, preferring a concept over a microthesaurus."""
        found = sorted(self.lookup(term, lang), key=lambda c: c.is_microthesaurus)
        return found[0].id if found else None

    def resolve_all(self, names: Iterable[str], lang: str | None = None) -> Resolved:
        """Concept ids of subject names (a ``%%%TERM|`` header, a catalogue record), keeping
        the names the thesaurus does not know, so a caller can report them."""
        ids: list[str] = []
        unknown: list[str] = []
        for name in names:
            concept_id = self.resolve(name, lang)
            if concept_id is None:
                unknown.append(name)
            elif concept_id not in ids:
                ids.append(concept_id)
        return Resolved(ids, unknown)

    @classmethod
    def load(cls, folder: str | Path) -> Vocabulary:
        """Read the thesaurus as published: ``concepts.json`` and ``english-labels.lst``."""
        folder = Path(folder)
        try:
            topics = json.loads((folder / "concepts.json").read_text("utf-8"))["topics"]
            lines = (folder / "english-labels.lst").read_text("utf-8").splitlines()
        except (OSError, ValueError, KeyError) as error:
            raise InputError(f"not a UNBIS thesaurus folder: {error}", source=str(folder)) from None
        alts: dict[str, list[str]] = {}
        for line in lines:
            fields = dict(f.split("=", 1) for f in line.split("\t")[1:] if "=" in f)
            if fields.get("kind") == "alt":
                alts.setdefault(fields["uri"].rsplit("#", 1)[-1], []).append(line.split("\t")[0])
        return cls(
            Concept(
                id=t["identifier"],
                labels={k: v for k, v in t["labels"].items() if v},
                alt_labels=tuple(alts.get(t["identifier"], ())),
                broader=tuple(r for r in t["related"] if len(r) != _MICROTHESAURUS_DIGITS),
                microthesauri=tuple(r for r in t["related"] if len(r) == _MICROTHESAURUS_DIGITS),
            )
            for t in topics
        )

    def save(self, path: str | Path) -> None:
        """Write the compact gzip JSON form the package ships."""
        rows = [
            [c.id, c.labels, list(c.alt_labels), list(c.broader), list(c.microthesauri)]
            for c in self.concepts.values()
        ]
        data = json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode()
        Path(path).write_bytes(gzip.compress(data, 9, mtime=0))

    @classmethod
    def read(cls, path: str | Path) -> Vocabulary:
        """Read the compact form written by :meth:`save`."""
        try:
            rows = json.loads(gzip.decompress(Path(path).read_bytes()))
        except (OSError, ValueError) as error:
            raise InputError(f"not a sixfold vocabulary: {error}", source=str(path)) from None
        return cls(Concept(r[0], r[1], tuple(r[2]), tuple(r[3]), tuple(r[4])) for r in rows)

    @staticmethod
    @functools.cache
    def default() -> Vocabulary:
        """The thesaurus shipped with the package."""
        with resources.as_file(resources.files("sixfold.subjects") / "data/unbis.json.gz") as p:
            return Vocabulary.read(p)

    def to_turtle(self) -> str:
        """The thesaurus as SKOS Turtle: concepts with labels per language, broader links, and
        the microthesauri as collections of their members."""
        out = [
            "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
            f"@prefix unbis: <{SCHEME}/> .",
            "",
            f"<{SCHEME}> a skos:ConceptScheme .",
            "",
        ]
        members: dict[str, list[str]] = {}
        for concept in self.concepts.values():
            for micro in concept.microthesauri:
                members.setdefault(micro, []).append(concept.id)
        for concept in self.concepts.values():
            kind = "skos:Collection" if concept.is_microthesaurus else "skos:Concept"
            lines = [f"unbis:{concept.id} a {kind}"]
            lines += [
                f"skos:prefLabel {_literal(label)}@{lang}"
                for lang, label in sorted(concept.labels.items())
            ]
            lines += [f"skos:altLabel {_literal(alt)}@en" for alt in concept.alt_labels]
            if not concept.is_microthesaurus:
                lines.append(f"skos:inScheme <{SCHEME}>")
            lines += [f"skos:broader unbis:{b}" for b in concept.broader]
            lines += [f"skos:member unbis:{m}" for m in members.get(concept.id, [])]
            out.append(" ;\n    ".join(lines) + " .\n")
        return "\n".join(out)


def _literal(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'
