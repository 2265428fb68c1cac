"""Citation accuracy against the links of the UN's own XML (issue 4, acceptance 1).

    python eval/eval_citations.py [--corpus PATH_OR_ZIP ...] [--sample N] [--seed S]
                                  [--show K] [--json OUT]

Each AKN file links the documents its text cites (``<a href="https://undocs.org/...">``); the
set of linked symbols of a file is the gold.  sixfold's citations are found by
:func:`sixfold.citations.document_citations` in the same file's paragraph, annex and footnote
text as the AKN reader gives it, so the parse is not under test here, only the finding of
citations.  Targets are compared after taking out spaces and case and the part letters of a
resolution ("217 A (III)" cites the document A/RES/217(III), which is what the XML links).

Precision and recall are counted over (file, target) pairs, per language, and always printed
raw.  The XML does not link everything and links some things no text could yield, so every
disagreement is put in a class by evidence outside the finder: the symbol itself, the text of
the paragraph the link stands in, and what the other language versions of the same resolution
link in the same paragraph (:mod:`eval.citation_places`).  Classes that the evidence shows to
be the XML's error or omission are then set aside in a second pair of figures, labelled so.
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

from eval.citation_places import link_places, paragraph_places  # noqa: E402
from eval.corpus import DEFAULT_CORPUS, iter_akn  # noqa: E402
from sixfold.citations import Citation, citable_texts, document_citations  # noqa: E402
from sixfold.errors import SixfoldError  # noqa: E402
from sixfold.facts.dates import find_dates  # noqa: E402
from sixfold.facts.digits import to_ascii_digits  # noqa: E402
from sixfold.model import LANGUAGES  # noqa: E402
from sixfold.readers.akn import read_akn  # noqa: E402
from sixfold.symbols import Symbol, SymbolError  # noqa: E402

TARGET = 0.98
_SPACES = regex.compile(r"\s+")
_PART_LETTERS = regex.compile(r"(?<=/RES/(?:[^/]+/)?\d+)[A-Z]{1,2}(?:-[A-Z]{1,2})?(?=\(|$|/)")
_NUMBERS = regex.compile(r"\d+")
# The General Assembly numbered its resolutions session/number from its 31st session on.
_FIRST_NUMBERED_SESSION = 31
_DATE_GAP = 30  # how far after a number its date may be printed ("48/6 of 8 October 2021")

# Each class is "FN ..." (linked, not found) or "FP ..." (found, not linked), and belongs to a
# group: "xml" when the evidence shows the XML wrong (an FN the XML should not have linked, an
# FP it should have linked), "unjudged" when the XML never links that kind of document, so it
# cannot judge a find of it; "" when the disagreement counts against the finder.
XML_NOT_A_SYMBOL = "FN xml error: link target is not a symbol"
XML_NO_SUCH_SYMBOL = "FN xml error: no such GA symbol (numbered before session 31)"
XML_NOT_PRINTED = "FN xml error: linked paragraph does not print its number"
XML_OTHER_TARGET = "FN xml error: other versions link another target there"
XML_OUTVOTED = "FN xml error: most versions link that number to another document"
XML_MISDATED = "FN xml error: its printed date is outside that GA session"
FN_CONFIRMED = "FN missed: other versions link it too"
FN_UNCONFIRMED = "FN missed: no other version links it"
FN_OUTSIDE = "FN link outside the body, annexes and footnotes"
OMITTED_HERE = "FP xml omission: other versions link it in that paragraph"
OMITTED_ELSEWHERE = "FP xml omission: other versions link it elsewhere"
UNLINKED = "FP unlinked in every version: {kind}"
NEVER_LINKED = "FP unjudged: the XML never links a {family} of {body}"
GROUPS = {
    XML_NOT_A_SYMBOL: "xml",
    XML_NO_SUCH_SYMBOL: "xml",
    XML_NOT_PRINTED: "xml",
    XML_OTHER_TARGET: "xml",
    XML_OUTVOTED: "xml",
    XML_MISDATED: "xml",
    OMITTED_HERE: "xml",
    OMITTED_ELSEWHERE: "xml",
}


def group(cls: str) -> str:
    return "unjudged" if cls.startswith("FP unjudged") else GROUPS.get(cls, "")


def key(symbol: str) -> str:
    """The form two targets are compared in: a joint document by its first symbol, as the XML
    links it."""
    with contextlib.suppress(SymbolError):
        symbol = str(replace(Symbol.parse(symbol), joint=()))
    return _PART_LETTERS.sub("", _SPACES.sub("", symbol).upper())


def signature(symbol: str) -> tuple[str, str] | None:
    """What kind of document a target is (family, issuing body): "decision" of "A"."""
    try:
        parsed = Symbol.parse(symbol)
    except SymbolError:
        return None
    return parsed.family, parsed.body or ""


@dataclass
class Version:
    """One language version of a document: its links and finds, each with their places."""

    lang: str
    document: str
    name: str
    links: dict[str, str] = field(default_factory=dict)  # key -> linked symbol
    link_places: dict[str, set[str | None]] = field(default_factory=dict)
    finds: dict[str, Citation] = field(default_factory=dict)
    find_places: dict[str, set[str | None]] = field(default_factory=dict)
    texts: dict[str | None, str] = field(default_factory=dict)  # place -> text, folded digits

    def linked_at(self) -> dict[str | None, set[str]]:
        at: dict[str | None, set[str]] = collections.defaultdict(set)
        for k, places in self.link_places.items():
            for place in places:
                at[place].add(k)
        return at


@dataclass
class Tally:
    files: int = 0
    gold: int = 0
    found: int = 0
    agreed: int = 0
    classes: collections.Counter[str] = field(default_factory=collections.Counter)
    examples: dict[str, list[str]] = field(default_factory=lambda: collections.defaultdict(list))

    def precision(self) -> float:
        return self.agreed / self.found if self.found else 1.0

    def recall(self) -> float:
        return self.agreed / self.gold if self.gold else 1.0

    def set_aside(self, side: str) -> int:
        return sum(n for c, n in self.classes.items() if c.startswith(side) and group(c))

    def precision_set_aside(self) -> float:
        """Precision with the finds the XML omitted or cannot judge set aside."""
        found = self.found - self.set_aside("FP")
        return self.agreed / found if found else 1.0

    def recall_set_aside(self) -> float:
        """Recall with the links the evidence shows to be the XML's errors set aside."""
        gold = self.gold - self.set_aside("FN")
        return self.agreed / gold if gold else 1.0


def read_version(data: bytes, name: str) -> Version | None:
    """A file's links and finds with their places, or None when it is not a readable version
    in one of the six languages."""
    try:
        doc = read_akn(data, name)
    except SixfoldError:
        return None
    if doc.language not in LANGUAGES:
        return None
    places = paragraph_places(doc)
    version = Version(doc.language, doc.symbol or name, Path(name).name)
    for symbol, place in link_places(data, doc):
        version.links.setdefault(key(symbol), symbol)
        version.link_places.setdefault(key(symbol), set()).add(place)
    for citation in document_citations(doc):
        k = key(citation.target)
        version.finds.setdefault(k, citation)
        where = citation.paragraph or ""
        version.find_places.setdefault(k, set()).add(places.get(where, where))
    for text, where, _ in citable_texts(doc):
        version.texts[places.get(where, where)] = to_ascii_digits(text)
    return version


def prints(text: str, symbol: str) -> bool:
    """Whether a text prints every number of a symbol ("48/11", Arabic "11/48", "第48/11号")."""
    return all(
        regex.search(rf"(?<!\d){n}(?!\d)", text) for n in _NUMBERS.findall(symbol.split(" (")[0])
    )


def missed_class(k: str, version: Version, others: list[Version]) -> str:
    """Why a linked target was not found, by the evidence against the link."""
    symbol = version.links[k]
    try:
        parsed = Symbol.parse(symbol)
    except SymbolError:
        return XML_NOT_A_SYMBOL
    session = parsed.session or ""
    if (
        parsed.family in ("resolution", "decision")
        and parsed.body == "A"
        and session.isdigit()
        and int(session) < _FIRST_NUMBERED_SESSION
    ):
        return XML_NO_SUCH_SYMBOL
    places = version.link_places[k] - {None}
    if not places:
        return FN_OUTSIDE
    if not any(prints(version.texts.get(p, ""), symbol) for p in places):
        return XML_NOT_PRINTED
    assembly = parsed.family in ("resolution", "decision") and parsed.body == "A"
    if (
        assembly
        and session.isdigit()
        and all(misdated(version.texts.get(p, ""), session, version.lang) for p in places)
    ):
        return XML_MISDATED
    if outvoted(k, places, version, others):
        return XML_OUTVOTED
    if any(k in other.links for other in others):
        return FN_CONFIRMED
    own = version.linked_at()
    for place in places:
        there = [o.linked_at()[place] for o in others if place in o.texts]
        if any(there_k - own[place] for there_k in there):
            return XML_OTHER_TARGET
    return FN_UNCONFIRMED


def misdated(text: str, session: str, lang: str) -> bool:
    """Whether every date printed beside a number of ``session`` in a text is outside the two
    years the Assembly's session spans (it opens in September 1945 + session): "resolution
    48/6 of 8 October 2021" linked as A/RES/48/6 is the Human Rights Council's."""
    years = {1945 + int(session), 1946 + int(session)}
    numbers = regex.compile(rf"(?<![\d/])(?:{session}\s?/\s?\d+|\d+\s?/\s?{session})(?![\d/])")
    dates = find_dates(text, lang)
    beside = [
        d
        for m in numbers.finditer(text)
        for d in dates
        if 0 <= d.start - m.end() <= _DATE_GAP or 0 <= m.start() - d.end <= 3
    ]
    return bool(beside) and all(int(d.iso[:4]) not in years for d in beside)


def outvoted(k: str, places: set[str | None], version: Version, others: list[Version]) -> bool:
    """Whether, in a paragraph where the link stands, more language versions link the same
    numbers to another document than to this one (Arabic "قرار مجلس حقوق الإنسان 49/21"
    linked as A/RES/49/21 where four versions link A/HRC/RES/49/21)."""
    numbers = _NUMBERS.findall(k)
    for place in places:
        votes: collections.Counter[str] = collections.Counter()
        for v in [version, *(o for o in others if place in o.texts)]:
            votes.update(kk for kk in v.linked_at()[place] if _NUMBERS.findall(kk) == numbers)
        if any(n > votes[k] for kk, n in votes.items() if kk != k):
            return True
    return False


def extra_class(
    k: str, version: Version, others: list[Version], linked: set[tuple[str, str]]
) -> str:
    """Why a found target was not linked, by what the other versions link."""
    places = version.find_places[k]
    if any(places & other.link_places.get(k, set()) for other in others):
        return OMITTED_HERE
    if any(k in other.links for other in others):
        return OMITTED_ELSEWHERE
    citation = version.finds[k]
    kind = signature(citation.target)
    if kind is not None and kind not in linked:
        return NEVER_LINKED.format(family=kind[0], body=kind[1])
    return UNLINKED.format(kind=citation.kind)


def context(version: Version, k: str, *, found: bool) -> str:
    """The words around a disagreement, for the examples."""
    if found:
        citation = version.finds[k]
        place = next(iter(version.find_places[k]))
        text = version.texts.get(place, "")
        return f"{citation.target} «{text[max(0, citation.start - 60) : citation.end + 30]}»"
    symbol = version.links[k]
    numbers = _NUMBERS.findall(symbol.split(" (")[0])
    for place in version.link_places[k]:
        text = version.texts.get(place, "")
        if numbers and (m := regex.search(rf"(?<!\d){numbers[-1]}(?!\d)", text)):
            return f"{symbol} [{place}] «{text[max(0, m.start() - 70) : m.end() + 30]}»"
    return f"{symbol} {sorted(map(str, version.link_places[k]))}"


def score(versions: list[Version], tallies: dict[str, Tally], show: int) -> None:
    """Count every version and classify its disagreements against the other versions of the
    same document."""
    by_document: dict[str, list[Version]] = collections.defaultdict(list)
    for version in versions:
        by_document[version.document].append(version)
    linked = {s for v in versions for sym in v.links.values() if (s := signature(sym))}
    for version in versions:
        tally = tallies[version.lang]
        others = [o for o in by_document[version.document] if o is not version]
        tally.files += 1
        tally.gold += len(version.links)
        tally.found += len(version.finds)
        tally.agreed += len(version.links.keys() & version.finds.keys())
        for k in version.links.keys() - version.finds.keys():
            note(tally, missed_class(k, version, others), version, k, show, found=False)
        for k in version.finds.keys() - version.links.keys():
            note(tally, extra_class(k, version, others, linked), version, k, show, found=True)


def note(tally: Tally, cls: str, version: Version, k: str, show: int, *, found: bool) -> None:
    tally.classes[cls] += 1
    if len(tally.examples[cls]) < show:
        tally.examples[cls].append(f"{version.name}: {context(version, k, found=found)}")


def report(tallies: dict[str, Tally], show: int) -> None:
    langs = [lang for lang in LANGUAGES if lang in tallies]
    print("raw: against each version's own XML links (ceiling: the best any finder can score")
    print("against them while finding what other versions link in the same paragraph and not")
    print("what the evidence shows the XML linked in error)")
    print(
        f"{'language':<9}{'files':>7}{'gold':>8}{'found':>8}{'agreed':>8}"
        f"{'precision':>11}{'ceiling':>9}{'recall':>8}{'ceiling':>9}  target  result"
    )
    for lang in langs:
        t = tallies[lang]
        ok = t.precision() >= TARGET and t.recall() >= TARGET
        omitted = t.classes[OMITTED_HERE] + t.classes[OMITTED_ELSEWHERE]
        p_ceiling = 1 - omitted / t.found if t.found else 1.0
        r_ceiling = 1 - t.set_aside("FN") / t.gold if t.gold else 1.0
        print(
            f"{lang:<9}{t.files:>7}{t.gold:>8}{t.found:>8}{t.agreed:>8}"
            f"{t.precision():>11.3f}{p_ceiling:>9.3f}{t.recall():>8.3f}{r_ceiling:>9.3f}"
            f"  {TARGET:>6}  {'PASS' if ok else 'FAIL'}"
        )
    print("\nwith the XML's errors and omissions (and unjudged kinds) set aside, as classed below")
    print(
        f"{'language':<9}{'gold':>8}{'found':>8}{'agreed':>8}{'precision':>11}{'recall':>8}"
        "  target  result"
    )
    for lang in langs:
        t = tallies[lang]
        p, r = t.precision_set_aside(), t.recall_set_aside()
        ok = p >= TARGET and r >= TARGET
        print(
            f"{lang:<9}{t.gold - t.set_aside('FN'):>8}{t.found - t.set_aside('FP'):>8}"
            f"{t.agreed:>8}{p:>11.3f}{r:>8.3f}  {TARGET:>6}  {'PASS' if ok else 'FAIL'}"
        )
    print("\ndisagreements (FN: linked, not found; FP: found, not linked; * set aside above)")
    classes = sorted({c for t in tallies.values() for c in t.classes})
    print(f"{'class':<64}" + "".join(f"{lang:>6}" for lang in langs))
    for cls in classes:
        mark = "*" if group(cls) else " "
        counts = "".join(f"{tallies[lang].classes[cls]:>6}" for lang in langs)
        print(f"{mark}{cls:<63}{counts}")
    for lang in langs if show else ():
        for cls, examples in sorted(tallies[lang].examples.items()):
            for example in examples:
                print(f"  {lang} {cls}: {example}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", nargs="+", type=Path, default=[DEFAULT_CORPUS])
    parser.add_argument("--sample", type=int, help="files per corpus path (default: all)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, default=0, help="examples per disagreement class")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args(argv)

    versions = [
        version
        for root in args.corpus
        for name, data in iter_akn(root, sample=args.sample, seed=args.seed)
        if (version := read_version(data, name)) is not None
    ]
    tallies: dict[str, Tally] = collections.defaultdict(Tally)
    score(versions, tallies, args.show)
    report(tallies, args.show)
    if args.json:
        figures = {
            lang: {
                "precision": t.precision(),
                "recall": t.recall(),
                "precision_set_aside": t.precision_set_aside(),
                "recall_set_aside": t.recall_set_aside(),
                "classes": dict(t.classes),
            }
            for lang, t in tallies.items()
        }
        args.json.write_text(json.dumps(figures, indent=2), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
