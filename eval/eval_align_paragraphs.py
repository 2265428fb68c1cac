"""Paragraph alignment against the UN's own XML (issue 5, acceptance 1).

    python eval/eval_align_paragraphs.py [--session 77session] [--sample N] [--seed S]
                                         [--variants plain,drop,merge] [--ratios] [--json OUT]

The six language versions of a resolution are the files of the six zips of a session with the
same name but for the language letter.  Gold: a paragraph id (AKN eId) present in two versions
is one gold link.  Accuracy is the share of gold links the aligner returns exactly (the
paragraph linked to its namesake and nothing else); precision is the share of the aligner's
pairwise links that are gold, among those that touch a paragraph with a gold link.  The XML versions have the same structure, so the robustness
variants change the target side by code: ``drop`` removes one random paragraph (its namesake
must then be left unlinked), ``merge`` joins two adjacent paragraphs (the gold link is then
2-1).
"""

from __future__ import annotations

import argparse
import collections
import itertools
import json
import random
import re
import sys
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from eval.corpus import DEFAULT_CORPUS  # noqa: E402
from sixfold.align.link import THRESHOLD, fingerprint, resemblance  # noqa: E402
from sixfold.align.model import Link  # noqa: E402
from sixfold.align.paragraphs import (  # noqa: E402
    Segment,
    align_segments,
    char_counts,
    paragraphs_of,
    segments,
)
from sixfold.errors import SixfoldError  # noqa: E402
from sixfold.model import LANGUAGES, Document  # noqa: E402
from sixfold.readers.akn import read_akn  # noqa: E402

TARGET = 0.995
ZIPS = {
    "ar": "Arabic",
    "zh": "Chinese",
    "en": "English",
    "fr": "French",
    "ru": "Russian",
    "es": "Spanish",
}
VARIANTS = ("plain", "drop", "merge")
_LANGUAGE_LETTER = re.compile(r"_?[ACEFRS]$")
Gold = set[tuple[frozenset[str], frozenset[str]]]


def versions(session: Path, sample: int | None, seed: int) -> dict[str, dict[str, Document]]:
    """{document key: {language: Document}} for documents found in at least two languages."""
    members: dict[str, dict[str, tuple[Path, str]]] = collections.defaultdict(dict)
    for lang, zip_name in ZIPS.items():
        # "English.zip", or "GA resolutions_74session_English.zip" in session 74
        found = sorted(session.glob(f"*{zip_name}.zip"))
        if not found:
            continue
        path = found[0]
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                if member.lower().endswith(".xml"):
                    # the file name but for its language letter: "A_RES_77_1-2223391A.xml";
                    # session 74 has "Arabic/74_1_A.xml" and "English/74_1.xml"
                    stem = member.rsplit("/", 1)[-1][:-4]
                    members[_LANGUAGE_LETTER.sub("", stem)][lang] = (path, member)
    keys = sorted(k for k, v in members.items() if len(v) > 1)
    if sample is not None:
        keys = sorted(random.Random(seed).sample(keys, min(sample, len(keys))))
    docs: dict[str, dict[str, Document]] = collections.defaultdict(dict)
    archives: dict[Path, zipfile.ZipFile] = {}
    for key in keys:
        for lang, (path, member) in members[key].items():
            archive = archives.get(path) or archives.setdefault(path, zipfile.ZipFile(path))
            try:
                docs[key][lang] = read_akn(archive.read(member), f"{path}!{member}")
            except SixfoldError:
                continue
    for archive in archives.values():
        archive.close()
    return docs


def vary(target: list[Segment], variant: str, rng: random.Random) -> list[Segment]:
    """The target side changed as a parse could change it: a paragraph lost or two merged."""
    if variant == "drop" and len(target) > 1:
        k = rng.randrange(len(target))
        return target[:k] + target[k + 1 :]
    if variant == "merge" and len(target) > 2:
        k = rng.randrange(len(target) - 1)
        a, b = target[k], target[k + 1]
        text = a.paragraph.text + " " + b.paragraph.text
        merged = replace(
            a,
            id=f"{a.id}+{b.id}",
            paragraph=replace(
                a.paragraph, text=text, footnotes=a.paragraph.footnotes + b.paragraph.footnotes
            ),
            length=a.length + b.length,
            anchors=a.anchors + b.anchors,
        )
        return [*target[:k], merged, *target[k + 2 :]]
    return target


def structural_ids(segs: list[Segment]) -> list[tuple[str, int]]:
    """Where each paragraph stands in the structure rather than the XML's counter: its stretch
    (the part, body or annex, and the last number before it) and its place in the stretch
    (0 for the numbered paragraph that opens it).

    The kind plays no part: versions disagree on it.  The Arabic XML marks section headings
    ("أولا", "مقدمة") operative where the others have other, and the Russian XML of
    A/RES/77/128 marks its "Urges all countries" paragraph preambular where the Arabic and
    English have operative; a name by rank among a kind would shift every later paragraph of
    that kind.
    """
    places = []
    last, after, current = "", 0, ""
    for seg in segs:
        part = seg.id.split("/")[0] if "/" in seg.id else ""
        if part != current:
            last, after, current = "", 0, part
        if seg.paragraph.number:
            last, after = seg.paragraph.number, 0
        else:
            after += 1
        places.append((f"{part}#{last}", after))
    return places


def relabel(
    source: list[Segment], target: list[Segment]
) -> tuple[list[Segment], list[Segment]] | None:
    """Both sides named by :func:`structural_ids` when the XML's ids do not line up, else None.

    The eIds of the UN's XML are counters that differ between language versions of one
    document (the Arabic files do not count sub-items, some Russian files are shifted by one),
    so where fewer than nine in ten ids are shared, a paragraph is named by its place in the
    structure instead.  No gold (a name marked "?"): a name found twice on one side, and an
    unnumbered paragraph of a stretch that has more paragraphs in one version than in the
    other, where places cannot tell which is which (the English annex of A/RES/76/112 gives
    "Guideline 1" and "Use of terms" as two paragraphs, the French "Directive 1 Définitions"
    as one).
    """
    shared = {s.id for s in source} & {t.id for t in target}
    if len(shared) >= 0.9 * max(len(source), len(target)):
        return None
    places = [structural_ids(source), structural_ids(target)]
    sizes = [collections.Counter(stretch for stretch, _ in side) for side in places]
    sides = []
    for segs, side in zip((source, target), places, strict=True):
        names = [f"{stretch}.{place}" for stretch, place in side]
        twice = {n for n, c in collections.Counter(names).items() if c > 1}
        sides.append(
            [
                replace(
                    seg,
                    id="?" + name
                    if name in twice or (place and sizes[0][stretch] != sizes[1][stretch])
                    else name,
                )
                for seg, name, (stretch, place) in zip(segs, names, side, strict=True)
            ]
        )
    return sides[0], sides[1]


def gold_links(source: list[Segment], target: list[Segment]) -> Gold:
    """Same id on both sides; a merged target paragraph ``a+b`` is the gold of source a and b.

    An empty paragraph has no gold: it says nothing to be linked to.  (The Spanish annex of
    A/RES/76/296 has each numbered paragraph empty and its text in the next paragraph; linking
    the English paragraph to both is right, the namesake alone is not.)
    """
    ids = {s.id for s in source if not s.id.startswith("?") and s.paragraph.text.strip()}
    gold: Gold = set()
    for t in target:
        parts = frozenset(t.id.split("+"))
        if parts <= ids and t.paragraph.text.strip():
            gold.add((parts, frozenset({t.id})))
    return gold


@dataclass
class Tally:
    docs: int = 0
    gold: int = 0
    exact: int = 0
    pairs: int = 0
    right_pairs: int = 0
    by_position: int = 0
    not_versions: int = 0

    def accuracy(self) -> float:
        return self.exact / self.gold if self.gold else 1.0

    def precision(self) -> float:
        return self.right_pairs / self.pairs if self.pairs else 1.0


def score(links: list[Link], source: list[Segment], target: list[Segment], tally: Tally) -> None:
    gold = gold_links(source, target)
    found = {
        (frozenset(source[i].id for i in link.source), frozenset(target[j].id for j in link.target))
        for link in links
        if link.source and link.target
    }
    gold_pairs = {(s, t) for ss, ts in gold for s in ss for t in ts}
    judged = {s for s, _ in gold_pairs}, {t for _, t in gold_pairs}
    # a pair of two paragraphs that have no gold link cannot be judged
    pairs = [
        (source[i].id, target[j].id)
        for link in links
        for i, j in link.pairs()
        if source[i].id in judged[0] or target[j].id in judged[1]
    ]
    tally.docs += 1
    tally.gold += len(gold)
    tally.exact += len(gold & found)
    tally.pairs += len(pairs)
    tally.right_pairs += sum(p in gold_pairs for p in pairs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--session", default="77session")
    parser.add_argument("--sample", type=int, help="documents (default: all)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--pairs", help="language pairs, e.g. en-fr,zh-ar (default: all 15)")
    parser.add_argument("--show", type=int, default=0, help="misaligned documents to list")
    parser.add_argument("--ratios", action="store_true", help="print length ratios to English")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args(argv)

    docs = versions(args.corpus / args.session, args.sample, args.seed)
    segs = {key: {lang: segments(doc) for lang, doc in by.items()} for key, by in docs.items()}
    if args.ratios:
        print_ratios(docs)
    pairs = (
        [tuple(p.split("-")) for p in args.pairs.split(",")]
        if args.pairs
        else list(itertools.combinations(LANGUAGES, 2))
    )
    variants = args.variants.split(",")
    tallies: dict[tuple[str, str], Tally] = collections.defaultdict(Tally)
    shown = 0
    for key in sorted(segs):
        rng = random.Random(f"{args.seed}/{key}")
        marks = {lang: fingerprint(doc) for lang, doc in docs[key].items()}
        for a, b in pairs:
            if a not in segs[key] or b not in segs[key]:
                continue
            if resemblance(marks[a], marks[b]) < THRESHOLD:
                # not two versions of one text (the Arabic file of A/RES/77/90 is another
                # resolution): find_version would not pair them, so they have no gold
                for variant in variants:
                    tallies[variant, f"{a}-{b}"].not_versions += 1
                continue
            for variant in variants:
                source, target = segs[key][a], segs[key][b]
                relabelled = relabel(source, target)
                if relabelled is not None:
                    source, target = relabelled
                    tallies[variant, f"{a}-{b}"].by_position += 1
                target = vary(target, variant, rng)
                links = align_segments(source, target)
                tally = tallies[variant, f"{a}-{b}"]
                before = tally.exact
                score(links, source, target, tally)
                if shown < args.show and tally.exact - before < len(gold_links(source, target)):
                    shown += 1
                    print(
                        f"  {variant} {a}-{b} {key}: {before - tally.exact + len(gold_links(source, target))} missed"
                    )

    print(
        f"{'variant':<8}{'pair':<7}{'docs':>6}{'gold':>8}{'accuracy':>10}{'precision':>11}"
        f"{'target':>8}  result  structural gold  not versions"
    )
    figures: dict[str, dict[str, float]] = {}
    for variant in variants:
        for a, b in pairs:
            t = tallies.get((variant, f"{a}-{b}"))
            if t is None:
                continue
            ok = t.accuracy() >= TARGET and t.precision() >= TARGET
            print(
                f"{variant:<8}{a}-{b:<4}{t.docs:>6}{t.gold:>8}{t.accuracy():>10.4f}"
                f"{t.precision():>11.4f}{TARGET:>8}  {'PASS' if ok else 'FAIL'}{t.by_position:>8}"
                f"{t.not_versions:>17}"
            )
            figures[f"{variant} {a}-{b}"] = {"accuracy": t.accuracy(), "precision": t.precision()}
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), "utf-8")
    return 0


def print_ratios(docs: dict[str, dict[str, Document]]) -> None:
    """Each language's length ratio as the paragraph aligner uses it: characters it scales
    (:func:`char_counts`) per English character they stand for, over the documents found in all
    six languages."""
    same: collections.Counter[str] = collections.Counter()
    scaled: collections.Counter[str] = collections.Counter()
    for by in docs.values():
        if "en" in by and len(by) == len(ZIPS):
            for lang, doc in by.items():
                for _, p in paragraphs_of(doc):
                    a, b = char_counts(p.text, lang)
                    same[lang] += a
                    scaled[lang] += b
    english = same["en"] + scaled["en"]
    print(
        "length ratio to English: "
        + ", ".join(f"{k} {v / (english - same[k]):.3f}" for k, v in scaled.items())
    )


if __name__ == "__main__":
    raise SystemExit(main())
