"""Ranked paragraph search and exact-wording search over a library's full-text index.

Ranking is staged because UN resolutions repeat agreed language: a user who types a remembered
wording wants the paragraphs that contain it, in that order, before paragraphs that merely share
its words.  Stage 1 is the query's terms as one phrase, stage 2 all terms in any order, stage 3
(only when both found nothing) any term; within a stage, BM25.  Terms are stemmed, so a phrase
match may be a variant ("Reaffirming its commitment" for "Reaffirms its commitment"): the first
``CANDIDATES`` phrase matches are re-ranked so that those holding the query's own words, after
folding but not stemming, come first.

Safety: user text never reaches the FTS5 query language.  The query is analysed into terms
(letters and digits only, :mod:`sixfold.search.analysis`) and each is quoted, so quotes,
brackets, operators or garbage can only ever be words or nothing.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

import regex

from sixfold.errors import UsageError
from sixfold.model import LANGUAGES
from sixfold.search.analysis import fold, terms, tokens
from sixfold.search.scoring import Statistics, bm25

SNIPPET_CHARS = 240
# Phrase matches checked for the query's exact wording: enough that variants of a repeated
# wording cannot crowd out the exact ones, few enough to fold in a millisecond or two.
CANDIDATES = 50
# Matches (in the whole index) up to which a stage is scored here rather than by FTS5's bm25(),
# whose cost is walking each phrase's posting list (see :mod:`sixfold.search.scoring`).
SCORED_HERE = 200
# What may separate two marked words for them to be marked as one run ("Secretary-General").
_JOINABLE = regex.compile(r"[\s\-‑’']{0,2}")
_SCRIPTS = (
    (regex.compile(r"\p{Han}"), ("zh",)),
    (regex.compile(r"\p{Arabic}"), ("ar",)),
    (regex.compile(r"\p{Cyrillic}"), ("ru",)),
    (regex.compile(r"\p{Latin}"), ("en", "fr", "es")),
)


@dataclass(frozen=True)
class Filters:
    """Restrictions on the documents and paragraphs searched; ``None`` means any."""

    languages: tuple[str, ...] | None = None
    body: str | None = None
    doc_type: str | None = None
    session_from: int | None = None
    session_to: int | None = None
    date_from: str | None = None
    date_to: str | None = None
    agenda_item: str | None = None
    kind: str | None = None
    lead: str | None = None

    def sql(self) -> tuple[str, list[object]]:
        """``AND ...`` conditions on ``d`` (documents) and ``p`` (paragraphs), with parameters."""
        clauses: list[str] = []
        params: list[object] = []
        simple = (
            ("d.body = ?", self.body),
            ("d.doc_type = ?", self.doc_type),
            ("d.session_number >= ?", self.session_from),
            ("d.session_number <= ?", self.session_to),
            ("d.adopted >= ?", self.date_from),
            ("d.adopted <= ?", self.date_to),
            ("p.kind = ?", self.kind),
        )
        for clause, value in simple:
            if value is not None:
                clauses.append(clause)
                params.append(value)
        if self.agenda_item is not None:
            clauses.append("EXISTS (SELECT 1 FROM json_each(d.agenda_items) WHERE value = ?)")
            params.append(self.agenda_item)
        if self.lead is not None:
            escaped = self.lead.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            clauses.append("p.lead LIKE ? ESCAPE '\\'")
            params.append(f"{escaped}%")
        return "".join(f" AND {c}" for c in clauses), params


NO_FILTERS = Filters()


@dataclass
class Hit:
    """One paragraph found, with what a reader needs to cite it."""

    paragraph_id: int
    document_id: int
    symbol: str | None
    language: str
    pid: str
    kind: str
    number: str | None
    lead: str | None
    text: str
    adopted: str | None
    session: str | None
    position: int
    snippet: str = ""
    match: str = ""  # "phrase", "all words", "any word", "exact"
    also: dict[str, str] = field(default_factory=dict)


_HIT_COLUMNS = (
    "p.id, p.document_id, d.symbol, d.language, p.pid, p.kind, p.number, p.lead, p.text,"
    " d.adopted, d.session, p.position"
)


# Paragraphs matching an FTS5 query (first parameter) in one language (second parameter).
_MATCHED_IN_LANGUAGE = (
    " FROM paragraph_index"
    " JOIN paragraphs p ON p.id = paragraph_index.rowid"
    " JOIN documents d ON d.id = p.document_id"
    " WHERE paragraph_index MATCH ? AND d.language = ?"
)


def query_languages(query: str, filters: Filters) -> tuple[str, ...]:
    """Languages whose analysis the query is run through: the filter's, else those its script
    allows (a query of digits and symbols alone is tried in all six)."""
    if filters.languages:
        return filters.languages
    for pattern, languages in _SCRIPTS:
        if pattern.search(query):
            return languages
    return LANGUAGES


def _quoted(words: list[str]) -> list[str]:
    return [f'"{w}"' for w in words]


def search(
    conn: sqlite3.Connection, query: str, filters: Filters = NO_FILTERS, *, limit: int = 10
) -> list[Hit]:
    """The best ``limit`` paragraphs for ``query``: phrase matches first (see module doc)."""
    per_language = {lang: terms(query, lang) for lang in query_languages(query, filters)}
    per_language = {lang: words for lang, words in per_language.items() if words}
    if not per_language:
        raise UsageError(f"the query {query!r} has no words to search for")
    stages = (
        ("phrase", lambda w: [w], " "),
        ("all words", lambda w: [[t] for t in w], " AND "),
        ("any word", lambda w: [[t] for t in w], " OR "),
    )
    found: list[Hit] = []
    seen: set[int] = set()
    statistics = Statistics(conn)
    for name, build, joiner in stages:
        if name == "any word" and found:
            break
        scored: list[tuple[tuple[bool, float], Hit]] = []
        for lang, words in per_language.items():
            query_ = _Query(build(words), joiner, statistics, name != "any word")
            if name == "phrase":
                rows = _run(conn, query_, lang, filters, max(limit + len(seen), CANDIDATES))
                scored += _wording_first(rows, fold(query, lang), lang, limit + len(seen))
            else:
                rows = _run(conn, query_, lang, filters, limit + len(seen))
                scored += [((False, score), hit) for score, hit in rows]
        for _, hit in sorted(scored, key=lambda pair: pair[0]):
            if hit.paragraph_id not in seen and len(found) < limit:
                seen.add(hit.paragraph_id)
                hit.match = name
                found.append(hit)
        if len(found) >= limit:
            break
        if found:  # a phrase matched: the query is in the languages it matched in
            per_language = {h.language: per_language[h.language] for h in found}
    for hit in found:
        hit.snippet = snippet(hit.text, query, hit.language)
    return found


def _wording_first(
    rows: list[tuple[float, Hit]], needle: str, lang: str, wanted: int
) -> list[tuple[tuple[bool, float], Hit]]:
    """Sort keys putting the phrase matches that hold the query's own wording first.  Folding a
    long paragraph costs, so once ``wanted`` such matches are found in BM25 order the rest are
    not folded: they cannot reach the page."""
    keyed: list[tuple[tuple[bool, float], Hit]] = []
    found = 0
    for score, hit in rows:
        holds = found < wanted and _contains(fold(hit.text, lang), needle, lang)
        found += holds
        keyed.append(((not holds, score), hit))
    return keyed


@dataclass(frozen=True)
class _Query:
    """One stage's FTS5 query: its phrases joined by ``joiner`` (" " for a single phrase)."""

    phrases: list[list[str]]
    joiner: str
    statistics: Statistics
    # Every match holds every phrase (phrase, all words): few matches, scored here.
    conjunctive: bool

    def match(self) -> str:
        return self.joiner.join(_quoted([" ".join(p) for p in self.phrases]))


def _run(
    conn: sqlite3.Connection, query: _Query, lang: str, filters: Filters, limit: int
) -> list[tuple[float, Hit]]:
    """The best ``limit`` matches by BM25: scored here when there are at most ``SCORED_HERE``
    matches in the whole index (see :mod:`sixfold.search.scoring`), else by FTS5."""
    where, params = filters.sql()
    match = query.match()
    if query.conjunctive:
        ids = [
            rowid
            for (rowid,) in conn.execute(
                "SELECT rowid FROM paragraph_index WHERE paragraph_index MATCH ? LIMIT ?",
                (match, SCORED_HERE + 1),
            )
        ]
        if len(ids) <= SCORED_HERE:
            return _scored_here(conn, query, ids, lang, filters, limit)
    sql = (
        f"SELECT bm25(paragraph_index), {_HIT_COLUMNS}{_MATCHED_IN_LANGUAGE}{where}"
        " ORDER BY bm25(paragraph_index) LIMIT ?"
    )
    rows = conn.execute(sql, [match, lang, *params, limit]).fetchall()
    return [(row[0], Hit(*row[1:])) for row in rows]


def _scored_here(
    conn: sqlite3.Connection, query: _Query, ids: list[int], lang: str, filters: Filters, limit: int
) -> list[tuple[float, Hit]]:
    if not ids:
        return []
    where, params = filters.sql()
    sql = (
        f"SELECT p.terms, {_HIT_COLUMNS} FROM paragraphs p"
        " JOIN documents d ON d.id = p.document_id"
        f" WHERE p.id IN (SELECT value FROM json_each(?)) AND d.language = ?{where}"
    )
    rows = conn.execute(sql, [json.dumps(ids), lang, *params]).fetchall()
    stats = query.statistics
    if len(query.phrases) == 1:  # a phrase's frequency is its number of matches
        phrases = [(query.phrases[0], stats.idf(len(ids)))]
    else:
        phrases = [(p, stats.idf(stats.frequency(p[0]))) for p in query.phrases]
    scored = [(bm25(row[0].split(), phrases, stats.mean_length), Hit(*row[1:])) for row in rows]
    scored.sort(key=lambda pair: (pair[0], pair[1].paragraph_id))
    return scored[:limit]


def exact(
    conn: sqlite3.Connection,
    wording: str,
    filters: Filters = NO_FILTERS,
    *,
    limit: int | None = None,
) -> list[Hit]:
    """Every paragraph that contains ``wording`` (after folding case, accents, punctuation and
    Arabic letter forms; no stemming), oldest first."""
    hits: list[Hit] = []
    where, params = filters.sql()
    sql = f"SELECT {_HIT_COLUMNS}{_MATCHED_IN_LANGUAGE}{where}"
    for lang in query_languages(wording, filters):
        words = terms(wording, lang)
        needle = fold(wording, lang)
        if not words or not needle:
            continue
        for row in conn.execute(sql, ['"' + " ".join(words) + '"', lang, *params]):
            hit = Hit(*row)
            if _contains(fold(hit.text, lang), needle, lang):
                hit.match = "exact"
                hits.append(hit)
    hits.sort(key=lambda h: (h.adopted or "9999", h.symbol or "", h.position))
    hits = hits[:limit] if limit else hits
    for hit in hits:
        hit.snippet = snippet(hit.text, wording, hit.language)
    return hits


def _contains(haystack: str, needle: str, lang: str) -> bool:
    """Whole words in spaced languages ("report" is not in "reports"); characters in Chinese."""
    if lang == "zh":
        return needle in haystack
    return f" {needle} " in f" {haystack} "


@dataclass
class Group:
    """Identical paragraphs (after folding): one wording and where it appeared, oldest first."""

    text: str
    hits: list[Hit]


def group_identical(hits: list[Hit]) -> list[Group]:
    groups: dict[tuple[str, str], Group] = {}
    for hit in hits:
        key = (hit.language, fold(hit.text, hit.language))
        groups.setdefault(key, Group(hit.text, [])).hits.append(hit)
    return list(groups.values())


def snippet(text: str, query: str, lang: str, mark: tuple[str, str] = ("**", "**")) -> str:
    """About ``SNIPPET_CHARS`` of ``text`` around the first query word, query words marked."""
    wanted = set(terms(query, lang))
    spans: list[tuple[int, int]] = []
    for token in tokens(text, lang):
        if spans and token.start >= spans[0][0] + SNIPPET_CHARS:  # past the snippet's end
            break
        if token.term not in wanted:
            continue
        if spans and _JOINABLE.fullmatch(text[spans[-1][1] : token.start]):  # one mark a run
            spans[-1] = (spans[-1][0], token.end)
        else:
            spans.append((token.start, token.end))
    start = max(0, spans[0][0] - SNIPPET_CHARS // 4) if spans else 0
    end = min(len(text), start + SNIPPET_CHARS)
    if start > 0:
        space = text.find(" ", start, spans[0][0]) if spans else -1
        start = space + 1 if space >= 0 else start
    out: list[str] = ["…" if start > 0 else ""]
    cursor = start
    for s, e in spans:
        if s < start or e > end:
            continue
        out += [text[cursor:s], mark[0], text[s:e], mark[1]]
        cursor = e
    out += [text[cursor:end], "…" if end < len(text) else ""]
    return "".join(out)
