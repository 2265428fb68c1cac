"""Pure scoring of a parsed Document against its AKN gold, and aggregation into tables.

Everything here is a function of its arguments (no I/O), so the scoring rules are tested by
tables in ``tests/test_score.py`` and the same numbers come out of every script that uses them.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import regex

from sixfold.facts.digits import to_ascii_digits
from sixfold.model import Document, Paragraph
from sixfold.readers.akn import agenda_items, canonical_symbol, normalise, symbols_in

# Fields compared by exact canonical value; list fields are compared as sets.
FIELDS: tuple[str, ...] = (
    "symbol", "session", "number", "title", "adopted", "issued",
    "agenda_items", "committee", "origin_documents", "meeting",
)  # fmt: skip
METRICS: tuple[str, ...] = (*FIELDS, "paragraph_count", "text_f1", "lead", "footnotes")
# Acceptance targets; metrics absent here are reported without PASS/FAIL.
_FIELD_TARGET = 0.99
TARGETS: dict[str, float] = {
    "symbol": _FIELD_TARGET,
    "session": _FIELD_TARGET,
    "number": _FIELD_TARGET,
    "adopted": _FIELD_TARGET,
    "issued": _FIELD_TARGET,
    "agenda_items": _FIELD_TARGET,
    "origin_documents": _FIELD_TARGET,
    "meeting": _FIELD_TARGET,
    "paragraph_count": 0.97,
    "text_f1": 0.97,
    "lead": 0.95,
    "footnotes": 0.95,
}
_WORD = regex.compile(r"\S+")


def clean(text: str | None) -> str:
    """The comparison form of a text: NFKC, ASCII digits (an Arabic document may print
    Arabic-Indic digits where the XML has ASCII ones), whitespace collapsed (no case folding)."""
    return normalise(to_ascii_digits(unicodedata.normalize("NFKC", text or "")))


def tokens(text: str, lang: str | None) -> list[str]:
    """Words for space-delimited languages, characters for Chinese."""
    text = clean(text)
    return [c for c in text if not c.isspace()] if lang == "zh" else _WORD.findall(text)


def field_values(doc: Document) -> dict[str, Any]:
    """The scored fields of a Document in comparable form (sets for list fields)."""
    return {
        "symbol": doc.symbol,
        "session": doc.session,
        "number": doc.number,
        "title": clean(doc.title) or None,
        "adopted": doc.adopted,
        "issued": doc.issued,
        "agenda_items": frozenset(doc.agenda_items),
        "committee": doc.origin.committee,
        "origin_documents": frozenset(doc.origin.documents),
        "meeting": doc.meeting,
    }


def _present(value: Any) -> bool:
    return value is not None and value != frozenset()


def field_accuracy(gold: dict[str, Any], parsed: dict[str, Any] | None) -> dict[str, bool]:
    """Per field, whether parsed equals gold; fields the gold does not carry are left out.

    ``committee`` is the exception: ``None`` is a real value there (no Main Committee), so it
    is scored whenever the gold has origin documents.
    """
    scored = {}
    for name, value in gold.items():
        carried = _present(value) or (
            name == "committee" and _present(gold.get("origin_documents"))
        )
        if carried:
            scored[name] = parsed is not None and parsed.get(name) == value
    return scored


def align(gold: Sequence[str], parsed: Sequence[str], lang: str | None) -> list[tuple[int, int]]:
    """Monotone pairs (gold index, parsed index): identical texts first, then best overlap."""
    pairs: list[tuple[int, int]] = []
    matcher = difflib.SequenceMatcher(None, [clean(t) for t in gold], [clean(t) for t in parsed])
    for op, g1, g2, p1, p2 in matcher.get_opcodes():
        if op == "equal":
            pairs += [(g1 + k, p1 + k) for k in range(g2 - g1)]
        elif op == "replace":
            pairs += _best_pairs(gold, parsed, range(g1, g2), range(p1, p2), lang)
    return pairs


def _overlap(a: Counter[str], b: Counter[str]) -> int:
    return sum((a & b).values())


def _best_pairs(
    gold: Sequence[str], parsed: Sequence[str], gs: range, ps: range, lang: str | None
) -> list[tuple[int, int]]:
    """Monotone alignment maximising token overlap (dynamic programming over one block)."""
    gbags = [Counter(tokens(gold[i], lang)) for i in gs]
    pbags = [Counter(tokens(parsed[j], lang)) for j in ps]
    n, m = len(gbags), len(pbags)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            pair = _overlap(gbags[i], pbags[j])
            take = best[i + 1][j + 1] + pair if pair else -1
            best[i][j] = max(best[i + 1][j], best[i][j + 1], take)
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        pair = _overlap(gbags[i], pbags[j])
        if pair and best[i][j] == best[i + 1][j + 1] + pair:
            pairs.append((gs[i], ps[j]))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def text_f1(
    gold: Sequence[str], parsed: Sequence[str], lang: str | None,
    pairs: list[tuple[int, int]] | None = None,
) -> float:  # fmt: skip
    """Token F1 over the document: overlap counted only between aligned paragraphs."""
    pairs = align(gold, parsed, lang) if pairs is None else pairs
    total_gold = sum(len(tokens(t, lang)) for t in gold)
    total_parsed = sum(len(tokens(t, lang)) for t in parsed)
    if not total_gold and not total_parsed:
        return 1.0
    hit = sum(
        _overlap(Counter(tokens(gold[g], lang)), Counter(tokens(parsed[p], lang))) for g, p in pairs
    )
    if not hit:
        return 0.0
    precision, recall = hit / total_parsed, hit / total_gold
    return 2 * precision * recall / (precision + recall)


def lead_hits(
    gold: Sequence[Paragraph], parsed: Sequence[Paragraph], pairs: list[tuple[int, int]]
) -> tuple[int, int]:
    """(gold paragraphs with a lead whose aligned parsed paragraph has exactly it, all with one)."""
    partner = dict(pairs)
    with_lead = [i for i, p in enumerate(gold) if p.lead]
    hits = sum(
        1
        for i in with_lead
        if i in partner and clean(parsed[partner[i]].lead) == clean(gold[i].lead)
    )
    return hits, len(with_lead)


def footnote_hits(gold: Document, parsed: Document | None) -> tuple[int, int]:
    """(gold footnotes found with the same marker and text, gold footnotes)."""
    found = Counter((clean(f.marker), clean(f.text)) for f in (parsed.footnotes if parsed else []))
    hits = 0
    for note in gold.footnotes:
        key = (clean(note.marker), clean(note.text))
        if found[key]:
            found[key] -= 1
            hits += 1
    return hits, len(gold.footnotes)


@dataclass
class DocScore:
    """One document in one form: booleans per field, text F1, and (hits, total) counters."""

    name: str
    lang: str | None
    form: str
    fields: dict[str, bool] = field(default_factory=dict)
    paragraph_count: bool = False
    text_f1: float = 0.0
    lead: tuple[int, int] = (0, 0)
    footnotes: tuple[int, int] = (0, 0)
    error: str | None = None
    paragraphs: tuple[int, int] = (0, 0)  # (gold, parsed) counts, for failure reports

    def badness(self) -> float:
        """Ordering key for "worst documents": failed fields, then lost text."""
        wrong = sum(not ok for ok in self.fields.values()) + (not self.paragraph_count)
        return wrong + (1.0 - self.text_f1) * 10 + (self.error is not None) * 100


def score(name: str, form: str, gold: Document, parsed: Document | None,
          error: str | None = None) -> DocScore:  # fmt: skip
    """Score one parsed document; ``parsed=None`` (the parser raised) fails every metric."""
    lang = gold.language
    result = DocScore(name, lang, form, field_accuracy(field_values(gold), None), error=error)
    result.lead = (0, lead_hits(gold.paragraphs, gold.paragraphs, [])[1])
    result.footnotes = (0, len(gold.footnotes))
    if parsed is None:
        return result
    gold_texts = [p.text for p in gold.paragraphs]
    parsed_texts = [p.text for p in parsed.paragraphs]
    pairs = align(gold_texts, parsed_texts, lang)
    result.fields = field_accuracy(field_values(gold), field_values(parsed))
    result.paragraphs = (len(gold.paragraphs), len(parsed.paragraphs))
    result.paragraph_count = len(gold.paragraphs) == len(parsed.paragraphs)
    result.text_f1 = text_f1(gold_texts, parsed_texts, lang, pairs)
    result.lead = lead_hits(gold.paragraphs, parsed.paragraphs, pairs)
    result.footnotes = footnote_hits(gold, parsed)
    return result


def aggregate(scores: Iterable[DocScore]) -> dict[str, tuple[float, int]]:
    """Per metric: (rate, number of observations) — micro-averaged for leads and footnotes."""
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    f1: list[float] = []
    for s in scores:
        for name, ok in s.fields.items():
            hits[name] += ok
            totals[name] += 1
        hits["paragraph_count"] += s.paragraph_count
        totals["paragraph_count"] += 1
        f1.append(s.text_f1)
        for name, (h, t) in (("lead", s.lead), ("footnotes", s.footnotes)):
            hits[name] += h
            totals[name] += t
    table = {name: (hits[name] / totals[name], totals[name]) for name in totals if totals[name]}
    if f1:
        table["text_f1"] = (sum(f1) / len(f1), len(f1))
    return table


def group_by(
    scores: Sequence[DocScore], key: Callable[[DocScore], str]
) -> dict[str, dict[str, tuple[float, int]]]:
    """Aggregate tables per group (language, form...)."""
    groups: dict[str, list[DocScore]] = {}
    for s in scores:
        groups.setdefault(key(s), []).append(s)
    return {name: aggregate(items) for name, items in sorted(groups.items())}


def field_diffs(gold: Document, parsed: Document | None) -> list[tuple[str, Any, Any]]:
    """(field, gold, parsed) for every scored field that differs, for failure reports."""
    want = field_values(gold)
    got = field_values(parsed) if parsed else {}
    ok = field_accuracy(want, got if parsed else None)
    return [(name, want[name], got.get(name)) for name, good in ok.items() if not good]


# --- the AKN reader against the UN's own data_extract records -------------------------------

EXTRACT_FIELDS: tuple[str, ...] = (
    "symbol", "number", "title", "adopted", "agenda_items", "committee",
    "origin_documents", "meeting",
)  # fmt: skip
_NO_COMMITTEE = "Without reference to a Main Committee"


def _extract_date(value: str) -> str | None:
    value = clean(value)
    for pattern in ("%d %B %Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d"):
        try:
            return datetime.strptime(value, pattern).date().isoformat()
        except ValueError:
            continue
    return None


def extract_values(record: dict[str, Any]) -> dict[str, Any]:
    """A data_extract record's facts in canonical form (English record, any-language doc)."""
    number = clean(str(record.get("resolution_number") or "")).rstrip(".")
    number = regex.sub(r"^Resolution\s+", "", number)
    if m := regex.match(r"((?:ES-|S-)?\d+/\d+)\.?\s*(.*)$", number):
        parts = regex.findall(r"[A-Z]", m.group(2))
        suffix = "-".join(dict.fromkeys((parts[0], parts[-1]))) if parts else ""
        number = f"{m.group(1)} {suffix}".strip()
    meeting = regex.search(r"\d+", str(record.get("adoption_meeting") or ""))
    committee = clean(record.get("committee")) or None
    origin = str(record.get("originating_document") or "")
    return {
        "symbol": canonical_symbol(str(record["symbol"])),
        "number": number or None,
        "title": clean(record.get("title")) or None,
        "adopted": _extract_date(str(record.get("adoption_date") or "")),
        "agenda_items": frozenset(agenda_items(str(record.get("agenda_item") or ""))),
        "committee": None if committee == _NO_COMMITTEE else committee,
        "origin_documents": frozenset(symbols_in(origin)),
        "meeting": meeting.group(0) if meeting else None,
    }


def extract_agreement(doc: Document, record: dict[str, Any]) -> dict[str, bool]:
    """Per field, whether the AKN reader agrees with data_extract; the title only in English."""
    want = extract_values(record)
    got = field_values(doc)
    result = {}
    for name in EXTRACT_FIELDS:
        if name == "title" and doc.language != "en":
            continue
        if name == "committee" and "committee" not in record:
            continue
        if _present(want[name]) or name == "committee":
            result[name] = got[name] == want[name]
    return result
