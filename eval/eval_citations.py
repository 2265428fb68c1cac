"""Citation accuracy against the links of the UN's own XML (issue 4, acceptance 1).

    python eval/eval_citations.py [--corpus PATH_OR_ZIP ...] [--sample N] [--seed S]
                                  [--show K] [--json OUT]

Each AKN file links the documents its text cites (``<a href="https://undocs.org/...">``); the
set of linked symbols of a file is the gold.  sixfold's citations are found by
:func:`sixfold.citations.document_citations` in the same file's paragraph, annex and footnote
text as the AKN reader gives it, so the parse is not under test here, only the finding of
citations.  Targets are compared after taking out spaces and case and the part letters of a
resolution ("217 A (III)" cites the document A/RES/217(III), which is what the XML links).

Precision and recall are counted over (file, target) pairs, per language.  Precision is also
given against the links of all the language versions of a document read in the same run: a
target the Arabic XML leaves unlinked but the English links is a real citation.  The XML does not link
everything and links some things no text could yield, so every disagreement is classified and
the classes are reported with examples (``--show``), rather than tuned away.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import json
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

import regex

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from eval.corpus import DEFAULT_CORPUS, iter_akn  # noqa: E402
from sixfold.citations import Citation, citable_texts, document_citations  # noqa: E402
from sixfold.errors import SixfoldError  # noqa: E402
from sixfold.model import LANGUAGES, Document  # noqa: E402
from sixfold.readers.akn import read_akn  # noqa: E402
from sixfold.symbols import Symbol, SymbolError  # noqa: E402

TARGET = 0.98
_SPACES = regex.compile(r"\s+")
_PART_LETTERS = regex.compile(r"(?<=/RES/(?:[^/]+/)?\d+)[A-Z]{1,2}(?:-[A-Z]{1,2})?(?=\(|$|/)")


def key(symbol: str) -> str:
    """The form two targets are compared in: a joint document by its first symbol, as the XML
    links it."""
    with contextlib.suppress(SymbolError):
        symbol = str(replace(Symbol.parse(symbol), joint=()))
    return _PART_LETTERS.sub("", _SPACES.sub("", symbol).upper())


@dataclass
class Tally:
    files: int = 0
    gold: int = 0
    found: int = 0
    agreed: int = 0
    linked_elsewhere: int = 0
    unlinked: list[tuple[str, str, str, str]] = field(default_factory=list)
    # (document, its links, its finds) per file, for recall on confirmed links
    files_seen: list[tuple[str, set[str], set[str]]] = field(default_factory=list)
    confirmed: int = 0
    confirmed_found: int = 0
    classes: collections.Counter[str] = field(default_factory=collections.Counter)
    examples: dict[str, list[str]] = field(default_factory=lambda: collections.defaultdict(list))

    def precision(self) -> float:
        return self.agreed / self.found if self.found else 1.0

    def recall(self) -> float:
        return self.agreed / self.gold if self.gold else 1.0

    def precision_all_versions(self) -> float:
        """Precision against the links of every language version of the document."""
        return (self.agreed + self.linked_elsewhere) / self.found if self.found else 1.0

    def recall_confirmed(self) -> float:
        """Recall on the links another language version of the document also makes."""
        return self.confirmed_found / self.confirmed if self.confirmed else 1.0


def texts(doc: Document) -> list[str]:
    return [text for text, _, _ in citable_texts(doc)]


def missed_class(target: str, doc: Document) -> str:
    """Why a linked target was not found."""
    try:
        symbol = Symbol.parse(target)
    except SymbolError:
        return "linked string is not a symbol"
    if key(target) in {key(d) for d in doc.origin.documents}:
        return "masthead origin document"
    session = symbol.session or ""
    if (
        symbol.family == "resolution"
        and symbol.body == "A"
        and session.isdigit()
        and int(session) < 31
    ):
        return "another body's number linked as a GA resolution"
    printed = " ".join(texts(doc))
    flat = _SPACES.sub("", printed).upper()
    if key(target) in _PART_LETTERS.sub("", flat):
        return "printed in full, not found"
    number = f"{symbol.session}/{symbol.number}" if symbol.session else symbol.number
    if _SPACES.sub("", number).upper() not in flat:
        return "text does not print it"
    return f"missed {symbol.family}"


def extra_class(kind: str) -> str:
    """Why a found target was not linked: by what it is, for a reader to judge."""
    return f"unlinked {kind}"


def where(doc: Document, citation: Citation) -> str:
    """The words around a citation, for the examples."""
    by_place = {place: text for text, place, _ in citable_texts(doc)}
    text = by_place.get(citation.paragraph or "", "")
    return text[max(0, citation.start - 60) : citation.end + 30]


def score(doc: Document, tally: Tally, show: int, name: str) -> None:
    gold = {key(s): s for s in doc.citations}
    found_citations = document_citations(doc)
    found = {key(c.target): c for c in found_citations}
    tally.files += 1
    tally.gold += len(gold)
    tally.found += len(found)
    tally.agreed += len(gold.keys() & found.keys())
    tally.files_seen.append((doc.symbol or name, set(gold), set(found)))
    for k in gold.keys() - found.keys():
        cls = missed_class(gold[k], doc)
        tally.classes[f"FN {cls}"] += 1
        if len(tally.examples[f"FN {cls}"]) < show:
            tally.examples[f"FN {cls}"].append(f"{name}: {gold[k]}")
    for k in found.keys() - gold.keys():
        citation = found[k]
        tally.unlinked.append(
            (
                doc.symbol or name,
                k,
                citation.kind,
                f"{name}: {citation.target}  «{where(doc, citation)}»",
            )
        )


def classify_unlinked(tally: Tally, links: dict[str, set[str]], show: int) -> None:
    """Sort found-but-unlinked targets: linked by another language version of the same
    document (the citation is real; this version's XML missed the link), or by none."""
    for symbol, k, kind, example in tally.unlinked:
        if k in links.get(symbol, set()):
            tally.linked_elsewhere += 1
            cls = "FP linked in another language version"
        else:
            cls = f"FP {extra_class(kind)} in every version"
        tally.classes[cls] += 1
        if len(tally.examples[cls]) < show:
            tally.examples[cls].append(example)


def confirm_links(tallies: dict[str, Tally]) -> None:
    """Count, per language, the links some other language version of the same document also
    makes, and how many of them were found: a link only one version makes is often that
    version's error (a Human Rights Council resolution linked as the Assembly's, a session
    prefix dropped), which the symmetric P(all versions) cannot show."""
    by_symbol: dict[str, dict[str, set[str]]] = collections.defaultdict(dict)
    for lang, tally in tallies.items():
        for symbol, gold, _ in tally.files_seen:
            by_symbol[symbol][lang] = gold
    for lang, tally in tallies.items():
        for symbol, gold, found in tally.files_seen:
            others = set().union(*(g for o, g in by_symbol[symbol].items() if o != lang))
            tally.confirmed += len(gold & others)
            tally.confirmed_found += len(gold & others & found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", nargs="+", type=Path, default=[DEFAULT_CORPUS])
    parser.add_argument("--sample", type=int, help="files per corpus path (default: all)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, default=0, help="examples per disagreement class")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args(argv)

    tallies: dict[str, Tally] = collections.defaultdict(Tally)
    links: dict[str, set[str]] = collections.defaultdict(set)
    for root in args.corpus:
        for name, data in iter_akn(root, sample=args.sample, seed=args.seed):
            try:
                doc = read_akn(data, name)
            except SixfoldError:
                continue
            if doc.language in LANGUAGES:
                score(doc, tallies[doc.language], args.show, Path(name).name)
                links[doc.symbol or name] |= {key(s) for s in doc.citations}
    for tally in tallies.values():
        classify_unlinked(tally, links, args.show)
    confirm_links(tallies)

    print(
        f"{'language':<9}{'files':>7}{'gold':>8}{'found':>8}{'agreed':>8}"
        f"{'precision':>11}{'recall':>8}  target  result  P(all versions)  R(confirmed)"
    )
    for lang in LANGUAGES:
        t = tallies.get(lang)
        if t is None:
            continue
        ok = t.precision() >= TARGET and t.recall() >= TARGET
        print(
            f"{lang:<9}{t.files:>7}{t.gold:>8}{t.found:>8}{t.agreed:>8}"
            f"{t.precision():>11.3f}{t.recall():>8.3f}  {TARGET:>6}  {'PASS' if ok else 'FAIL'}"
            f"{t.precision_all_versions():>17.3f}{t.recall_confirmed():>14.3f}"
        )
    print("\ndisagreements (FN: linked, not found; FP: found, not linked)")
    classes = sorted({c for t in tallies.values() for c in t.classes})
    print(f"{'class':<40}" + "".join(f"{lang:>7}" for lang in LANGUAGES))
    for cls in classes:
        print(f"{cls:<40}" + "".join(f"{tallies[lang].classes[cls]:>7}" for lang in LANGUAGES))
    if args.show:
        for lang in LANGUAGES:
            for cls, examples in sorted(tallies[lang].examples.items()):
                for example in examples:
                    print(f"  {lang} {cls}: {example}")
    if args.json:
        figures = {
            lang: {
                "precision": t.precision(),
                "recall": t.recall(),
                "recall_confirmed": t.recall_confirmed(),
                "classes": dict(t.classes),
            }
            for lang, t in tallies.items()
        }
        args.json.write_text(json.dumps(figures, indent=2), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
