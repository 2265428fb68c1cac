"""Mine the lead-phrase lexicon that the structure stage ships, from AKN4UN XML.

    python eval/mine_leads.py [--corpus DIR ...] [--out src/sixfold/structure/data/leads]

In AKN the lead of a paragraph is its leading italic (or, in Chinese and Arabic, bold) span.
Plain-text forms lose that formatting, so the parser recognises a lead as the longest known
phrase that starts the paragraph.  For each phrase we keep two counts, so that the parser can
tell a phrase that usually *is* the whole lead ("Recalling also") from one that usually
continues ("Recalling"):

    phrase <TAB> times it was the lead <TAB> times a paragraph started with it <TAB> times it
    was the lead of a preambular paragraph

By default session 77 of the General Assembly is left out, so that the parse evaluation on 77
measures the lexicon on resolutions it has not seen.
"""

from __future__ import annotations

import argparse
import collections
import sys
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import regex
from lxml import etree

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "corpus"
DEFAULT_SOURCES = [
    "akn-ga/74session",
    "akn-ga/75session",
    "akn-ga/76session",
    "akn-ga/ES-10session",
    "akn-ga/ES-11session",
    "akn-sc",
    "akn-hrc",
    "akn-ecosoc",
    "akn-ga-decisions",
]
NS = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
LANGS = {"eng": "en", "fra": "fr", "spa": "es", "rus": "ru", "ara": "ar", "zho": "zh"}
ARABIC_NUMBER = regex.compile(r"^\s*[0-9٠-٩]+\s*-\s*")
SPACES = regex.compile(r"\s+")
MIN_LEAD_COUNT = 2


def iter_xml(root: Path) -> Iterator[bytes]:
    for archive in sorted(root.rglob("*.zip")):
        with zipfile.ZipFile(archive) as zf:
            for name in zf.namelist():
                if name.endswith(".xml"):
                    yield zf.read(name)


def fold(text: str) -> str:
    return SPACES.sub(" ", text).strip()


def paragraph_leads(xml: bytes) -> tuple[str | None, list[tuple[str | None, str, bool]]]:
    """(language, [(lead or None, text, is preambular)]) for every paragraph of the body."""
    tree = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    lang_el = tree.find(f".//{NS}FRBRExpression/{NS}FRBRlanguage")
    lang = LANGS.get(lang_el.get("language", "")) if lang_el is not None else None
    out: list[tuple[str | None, str, bool]] = []
    for para in tree.iter(f"{NS}container", f"{NS}paragraph"):
        p = para.find(f".//{NS}p")
        if p is None:
            continue
        for note in p.findall(f".//{NS}authorialNote"):
            note.getparent().remove(note)  # type: ignore[union-attr]
        text = fold("".join(str(t) for t in p.itertext()))
        text = ARABIC_NUMBER.sub("", text)
        span = p.find(f"{NS}span")
        before = ARABIC_NUMBER.sub("", p.text or "").strip()
        lead = None
        if (
            span is not None
            and not before
            and ("italic" in span.get("class", "") or "bold" in span.get("class", ""))
        ):
            lead = fold("".join(str(t) for t in span.itertext())) or None
        if text:
            out.append((lead, text, para.tag == f"{NS}container"))
    return lang, out


def documents_paragraphs(
    sources: list[Path],
) -> Iterator[tuple[str, list[tuple[str | None, str, bool]]]]:
    """(language, paragraphs as :func:`paragraph_leads` gives them) of every readable file of
    a known language."""
    for source in sources:
        for xml in iter_xml(source):
            try:
                lang, paras = paragraph_leads(xml)
            except etree.XMLSyntaxError:
                continue
            if lang is not None:
                yield lang, paras


def mine(sources: list[Path]) -> dict[str, dict[str, list[int]]]:
    """Per language: phrase -> [times it was the lead, times a paragraph started with it, of
    which preambular]."""
    lead_counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    preambular: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    starts: dict[str, list[str]] = collections.defaultdict(list)
    for lang, paras in documents_paragraphs(sources):
        for lead, text, is_pre in paras:
            starts[lang].append(text[:200])
            if lead and text.startswith(lead):
                lead_counts[lang][lead] += 1
                preambular[lang][lead] += is_pre
    table: dict[str, dict[str, list[int]]] = {}
    for lang, counts in lead_counts.items():
        # A lead is a word: one letter in a spaced language is a sub-item label in italics ("a")
        # or a conjunction whose word the markup split off ("و").
        kept = {
            p: [n, 0, preambular[lang][p]]
            for p, n in counts.items()
            if n >= MIN_LEAD_COUNT and (len(p) > 1 or lang == "zh")
        }
        for text in starts[lang]:
            for cut in range(1, len(text) + 1):
                stem = text[:cut]
                if stem in kept and (cut == len(text) or not text[cut].isalnum() or lang == "zh"):
                    kept[stem][1] += 1
        table[lang] = kept
    return table


def mining_arguments(
    doc: str | None, default_out: Path, sources: list[str] = DEFAULT_SOURCES
) -> argparse.Namespace:
    """The command line every miner shares: the AKN sources and the folder of TSV tables."""
    parser = argparse.ArgumentParser(
        description=doc, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", nargs="*", type=Path, default=[SHARED / s for s in sources])
    parser.add_argument("--out", type=Path, default=default_out)
    args = parser.parse_args()
    missing = [p for p in args.corpus if not p.exists()]
    if missing:
        sys.exit(f"corpus not found: {', '.join(map(str, missing))}")
    args.out.mkdir(parents=True, exist_ok=True)
    return args


def write_table(path: Path, header: list[str], rows: Sequence[tuple[object, ...]]) -> None:
    """One language's mined table: ``#`` header lines, then tab-separated rows."""
    with open(path, "w", encoding="utf-8") as fh:
        fh.writelines(f"# {line}\n" for line in header)
        fh.writelines("\t".join(map(str, row)) + "\n" for row in rows)
    print(f"{path.stem}: {len(rows)} phrases", file=sys.stderr)


def main() -> None:
    args = mining_arguments(__doc__, REPO / "src/sixfold/structure/data/leads")
    for lang, kept in sorted(mine(args.corpus).items()):
        rows = sorted(kept.items(), key=lambda kv: (-kv[1][0], kv[0]))
        write_table(
            args.out / f"{lang}.tsv",
            [
                f"lead phrases mined by eval/mine_leads.py from {len(args.corpus)} sources",
                "phrase\tlead\tparagraph starts\tpreambular lead",
            ],
            [(phrase, lead, max(start, lead), pre) for phrase, (lead, start, pre) in rows],
        )


if __name__ == "__main__":
    main()
