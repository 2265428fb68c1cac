"""Ranked paragraph search and exact-wording search over a library's full-text index.

Ranking is staged because UN resolutions repeat agreed language: a user who types a remembered
wording wants the paragraphs that contain it, in that order, before paragraphs that merely share
its words.  First the paragraphs holding the query's own words in order (folded, not stemmed),
then those holding a stemmed variant of them ("Reaffirming its commitment" for "Reaffirms its
commitment"), then those holding every term in any order; within each, tantivy's BM25.  The
three are one index query (constant bonuses for the two phrases), so a search costs one trip
to the index; only when nothing holds every term is a second made, for any term.

Safety: user text never reaches a query language.  The query is analysed into terms (letters
and digits only, :mod:`sixfold.search.analysis`) and the index is asked with term and phrase
queries built from them, so quotes, brackets, operators or garbage can only be words or nothing.
"""

from __future__ import annotations

import functools
import json
import sqlite3
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources

import regex
from tantivy import Occur, Query

from sixfold.errors import UsageError
from sixfold.model import LANGUAGES
from sixfold.search.analysis import Analysis, analyse, fold, spans, terms, words
from sixfold.search.index import NO_FILTERS, Filters, ParagraphIndex, every, phrase, some, within
from sixfold.search.turns import Turns

SNIPPET_CHARS = 240
# What may separate two marked words for them to be marked as one run ("Secretary-General").
_JOIN_GAP = 2  # characters
_JOINABLE = regex.compile(rf"[\s\-‑’']{{0,{_JOIN_GAP}}}")
_SCRIPTS = (
    (regex.compile(r"\p{Han}"), ("zh",)),
    (regex.compile(r"\p{Arabic}"), ("ar",)),
    (regex.compile(r"\p{Cyrillic}"), ("ru",)),
    (regex.compile(r"\p{Latin}"), ("en", "fr", "es")),
)
_LOWER_WORD = regex.compile(r"\p{L}+")
_TURNS = Turns()  # one search at a time per process, in arrival order (see search.turns)
__all__ = [
    "NO_FILTERS",
    "Filters",
    "Group",
    "Hit",
    "RankedQuery",
    "exact",
    "group_identical",
    "ranked_query",
    "search",
]


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
_HITS_BY_ID = (
    f"SELECT {_HIT_COLUMNS} FROM paragraphs p JOIN documents d ON d.id = p.document_id"
    " WHERE p.id IN (SELECT value FROM json_each(?))"
)
# A phrase match's bonus per query term: more than the most one term can add to a BM25 score
# (idf <= ln(1 + 2N) < 30 for N < 10^12 paragraphs, times k1 + 1 = 2.2), so the bonuses rank
# the wording before its variants before the rest, and BM25 only orders within each.
_BONUS_PER_TERM = 64.0


def query_languages(query: str, filters: Filters, *, guess: bool = True) -> tuple[str, ...]:
    """Languages whose analysis the query is run through: the filter's, else those its script
    allows (a query of digits and symbols alone is tried in all six); with ``guess``, Latin
    script narrowed by function words (each language tried costs search time; exact mode, which
    must miss nothing, does not guess; see data/query_languages.toml)."""
    if filters.languages:
        return filters.languages
    for pattern, languages in _SCRIPTS:
        if pattern.search(query):
            return _by_function_words(query, languages) if guess else languages
    return LANGUAGES


@functools.cache
def _function_words() -> tuple[int, dict[str, frozenset[str]]]:
    text = (resources.files("sixfold.search") / "data" / "query_languages.toml").read_text("utf-8")
    data = tomllib.loads(text)
    return data["margin"], {lang: frozenset(words) for lang, words in data["words"].items()}


def _by_function_words(query: str, languages: tuple[str, ...]) -> tuple[str, ...]:
    margin, lexicon = _function_words()
    query_words = _LOWER_WORD.findall(query.casefold())
    counts = {lang: sum(w in lexicon.get(lang, ()) for w in query_words) for lang in languages}
    best = max(counts.values())
    return tuple(lang for lang in languages if counts[lang] > best - margin)


def search(
    conn: sqlite3.Connection,
    index: ParagraphIndex,
    query: str,
    filters: Filters = NO_FILTERS,
    *,
    limit: int = 10,
) -> list[Hit]:
    """The best ``limit`` paragraphs for ``query``: phrase matches first (see module doc)."""
    with _TURNS:
        return _search(conn, index, query, filters, limit)


@dataclass(frozen=True)
class RankedQuery:
    """A search's index query (the stages of the module doc in one) and what it was made from."""

    query: Query
    bonus: float  # a score at least this high is a phrase match
    analysed: dict[str, Analysis]


def ranked_query(query: str, filters: Filters = NO_FILTERS) -> RankedQuery:
    """The index query of a search for ``query``; also what the latency benchmark times the
    index with, apart from the rest of a search."""
    analysed = {lang: analyse(query, lang) for lang in query_languages(query, filters)}
    analysed = {lang: analysis for lang, analysis in analysed.items() if analysis[0]}
    if not analysed:
        raise UsageError(f"the query {query!r} has no words to search for")
    bonus = _BONUS_PER_TERM * max(len(terms_) for terms_, _ in analysed.values())
    ranked = _by_analysis(analysed, lambda a: _ranked(a[0], a[1], bonus))
    return RankedQuery(within(ranked, filters), bonus, analysed)


def _search(
    conn: sqlite3.Connection, index: ParagraphIndex, query: str, filters: Filters, limit: int
) -> list[Hit]:
    ranked = ranked_query(query, filters)
    found = {
        paragraph_id: "phrase" if score >= ranked.bonus else "all words"
        for score, paragraph_id in index.search(ranked.query, limit)
    }
    if not found:
        anyword = _by_analysis(ranked.analysed, lambda a: some("terms", a[0]))
        found = {i: "any word" for _, i in index.search(within(anyword, filters), limit)}
    hits = _hits(conn, list(found))
    for hit in hits:
        hit.match = found[hit.paragraph_id]
    _add_snippets(hits, query)
    return hits


def _ranked(terms_: list[str], words_: list[str], bonus: float) -> Query:
    """Every term, in any order (scored by BM25), plus ``bonus`` for the stemmed phrase and
    two more for the query's own words in order: the stages of the module doc, one query."""
    wording = (Occur.Should, Query.const_score_query(phrase("words", words_), 3 * bonus))
    if terms_ == words_:  # nothing stemmed (Arabic, Chinese): no variant to tell apart
        return Query.boolean_query([(Occur.Must, every("terms", terms_)), wording])
    variant = (Occur.Should, Query.const_score_query(phrase("terms", terms_), bonus))
    return Query.boolean_query([(Occur.Must, every("terms", terms_)), variant, wording])


def _by_analysis(
    analysed: dict[str, Analysis], build: Callable[[Analysis], Query]
) -> dict[tuple[str, ...], Query]:
    """One query per distinct analysis, with the languages that gave it (a Latin-script query
    is tried in en, fr and es; those that analyse it alike share a query)."""
    languages: dict[tuple[tuple[str, ...], tuple[str, ...]], list[str]] = {}
    for lang, (terms_, words_) in analysed.items():
        languages.setdefault((tuple(terms_), tuple(words_)), []).append(lang)
    return {tuple(langs): build(analysed[langs[0]]) for langs in languages.values()}


def _hits(conn: sqlite3.Connection, ids: list[int]) -> list[Hit]:
    """The paragraphs of ``ids`` with their documents' facts, in the order of ``ids``."""
    rows = {row[0]: row for row in conn.execute(_HITS_BY_ID, (json.dumps(ids),))}
    return [Hit(*rows[i]) for i in ids if i in rows]


def exact(
    conn: sqlite3.Connection,
    index: ParagraphIndex,
    wording: str,
    filters: Filters = NO_FILTERS,
    *,
    limit: int | None = None,
) -> list[Hit]:
    """Every paragraph that contains ``wording`` (after folding case, accents, punctuation and
    Arabic letter forms; no stemming), oldest first."""
    analysed: dict[str, Analysis] = {
        lang: ([], words(wording, lang)) for lang in query_languages(wording, filters, guess=False)
    }
    analysed = {lang: analysis for lang, analysis in analysed.items() if analysis[1]}
    if not analysed:
        return []
    query = within(_by_analysis(analysed, lambda a: phrase("words", a[1])), filters)
    hits = _hits(conn, index.every_match(query))
    hits.sort(key=lambda h: (h.adopted or "9999", h.symbol or "", h.position, h.paragraph_id))
    hits = hits[:limit] if limit else hits
    for hit in hits:
        hit.match = "exact"
    _add_snippets(hits, wording)
    return hits


def _add_snippets(hits: list[Hit], query: str) -> None:
    """Each hit's snippet; the query's terms are made once per language, not once per hit."""
    wanted: dict[str, set[str]] = {}
    for hit in hits:
        if hit.language not in wanted:
            wanted[hit.language] = set(terms(query, hit.language))
        runs_only = hit.match in ("phrase", "exact")
        hit.snippet = snippet(hit.text, wanted[hit.language], hit.language, runs_only=runs_only)


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


def snippet(
    text: str,
    wanted: set[str],
    lang: str,
    mark: tuple[str, str] = ("**", "**"),
    *,
    runs_only: bool = False,
) -> str:
    """About ``SNIPPET_CHARS`` of ``text`` from a little before the first word whose term is
    ``wanted`` (the query's), those words marked, runs of them as one mark.  With
    ``runs_only`` (the paragraph holds the query as a phrase), only runs of two words or more
    are marked when the window holds one: the wording found, not every lone "the", "to" or
    Chinese character of the query elsewhere in the paragraph."""
    first = next(spans(text, lang, wanted), (0, 0))[0]
    start = 0
    if first > SNIPPET_CHARS // 4:
        start = first - SNIPPET_CHARS // 4
        space = text.find(" ", start, first)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + SNIPPET_CHARS)
    # No word before ``first`` is wanted, so the words are read from there, unless ``start``
    # cut one (never a Chinese one, a character long), whose rest could be.
    cut = start > 0 and text[start - 1] != " " and lang != "zh"
    marks: list[tuple[int, int, int]] = []  # start, end, words
    for s, e in spans(text, lang, wanted, start if cut else first, end):
        if marks and _joins(text, marks[-1][1], s):  # one mark for a run
            marks[-1] = (marks[-1][0], e, marks[-1][2] + 1)
        else:
            marks.append((s, e, 1))
    if runs_only and any(words > 1 for _, _, words in marks):
        marks = [m for m in marks if m[2] > 1]
    out: list[str] = ["…" if start > 0 else ""]
    cursor = start
    for s, e, _ in marks:
        out += [text[cursor:s], mark[0], text[s:e], mark[1]]
        cursor = e
    out += [text[cursor:end], "…" if end < len(text) else ""]
    return "".join(out)


def _joins(text: str, end: int, start: int) -> bool:
    """Whether marks ending at ``end`` and starting at ``start`` make one run (the regex only
    for a short gap: a Chinese snippet asks once per character)."""
    gap = start - end
    return gap == 0 or (gap <= _JOIN_GAP and _JOINABLE.fullmatch(text, end, start) is not None)
