"""AKN4UN XML to a Document: the gold standard the text parsers are scored against.

The XML is already structured, so this reader builds the Document directly instead of emitting
:class:`~sixfold.readers.RawText`.  It reads every fact the markup carries and maps the UN's
codes to sixfold's canonical forms.  Paragraph ids are the AKN ``eId`` values (``container_2``,
``para_14``) because the alignment gold refers to them; elements without an eId get
``pre<n>``/``op<n>``/``other<n>``.

The symbol canonicaliser here is deliberately small (spacing, look-alike letters, the
typing slips seen in the corpus); :mod:`sixfold.symbols` owns the real grammar.
"""

from __future__ import annotations

import hashlib
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import unquote, urlsplit

import regex
from lxml import etree

from sixfold.errors import CorruptFileError, EmptyInputError, UnsupportedFormatError
from sixfold.facts.ordinals import parse_meeting
from sixfold.model import Annex, Document, Footnote, Origin, Paragraph, ParagraphKind, Source

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
_NS = {"a": AKN_NS}
_Element = etree._Element

_SPACE = regex.compile(r"\s+")
_BIDI = regex.compile(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069\u0640]")
_ISO_DATE = regex.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DIGITS = regex.compile(r"\d+")
_LEADING_NUMBER = regex.compile(r"^(\d+)\s*[-–‑.]\s*")
_NUM_TRIM = regex.compile(r"[\s.\-–‑)]+$")
# A printed sub-item label: "(a)", "a)", "(iv)", "(viii)", "а)" (Cyrillic, typed for Latin), "(أ)", "(هـ)",
# "㈠", "(一)"; the tatweel of "هـ" is not of the Arabic script.
_SUB_ITEM_LABEL = regex.compile(
    r"^(?:\(?(?:[a-zа-я]{1,3}|[ivxl]{1,6}|\p{Arabic}\u0640?\p{Arabic}?|[一二三四五六七八九十]{1,3})\)"
    r"|[㈠-㈩])\s"
)
_AGENDA = regex.compile(r"(\d+)(?:\s*\(?\s*(\p{L}{1,2}(?:\s\p{L}{1,2})?)\s*\))?")
_JOB = regex.compile(r"\d{2}-\d{5}")
_SYMBOL_PART = regex.compile(r"(?<![A-Za-z\d/])[A-Z]/[A-Z\d][A-Za-z\d.\-/]*(?:\s?\(\d{4}\))?")
_ADD_PART = regex.compile(r"(?<![\p{L}/])((?:Add|Rev|Corr|Amend)\.\s?\d+)")
_URI_SESSION = regex.compile(r"/((?:ES-|S-)?\d+)-[^/]+/$")
_EMPHASIS = ("italic", "bold")
_CONTAINERS = {"section", "subsection", "part", "chapter", "title", "container", "hcontainer",
               "blockContainer", "division", "tblock", "level", "alinea"}  # fmt: skip
_HEADINGS = {"num", "heading", "subheading"}
# Elements whose own inline content is one line of text (a crossHeading carries its preambular
# paragraph inline, with no ``p`` inside, and so do the opening and closing lines of a list).
_TEXT_BLOCKS = {"p", "heading", "subheading", "crossHeading", "docTitle", "num", "td", "th",
                "listIntroduction", "listWrapUp"}  # fmt: skip


@dataclass(frozen=True)
class _Tables:
    languages: dict[str, str]
    authors: dict[str, str]
    symbol_prefixes: dict[str, str]
    committees: dict[str, str]
    letters: dict[str, str]
    undocs_hosts: tuple[str, ...]
    letter_table: dict[int, str] = field(default_factory=dict)


@cache
def _tables() -> _Tables:
    """Loaded once: the code mappings are data (``akn.toml``) so new codes need no code change."""
    raw: dict[str, Any] = tomllib.loads(
        resources.files("sixfold.readers").joinpath("akn.toml").read_text("utf-8")
    )
    letters: dict[str, str] = raw["letters"]
    return _Tables(
        languages=raw["languages"],
        authors=raw["authors"],
        symbol_prefixes=dict(sorted(raw["symbol_prefixes"].items(), key=lambda kv: -len(kv[0]))),
        committees=raw["committees"],
        letters=letters,
        undocs_hosts=tuple(raw["undocs"]["hosts"]),
        letter_table=str.maketrans(letters),
    )


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True
    )


def normalise(text: str) -> str:
    """Collapse runs of whitespace (tabs, newlines, no-break spaces) to one space and strip."""
    return _SPACE.sub(" ", text).strip()


def ascii_digits(text: str) -> str:
    """Decimal digits of any script to ASCII, since structured fields are script-neutral."""
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


def canonical_symbol(text: str) -> str:
    """One UN symbol in the form the UN writes it, repairing the slips found in AKN files."""
    s = ascii_digits(unicodedata.normalize("NFKC", _BIDI.sub("", text)))
    s = s.translate(_tables().letter_table) if _CYRILLIC.search(s) else s
    s = _SLASH_SPACES.sub("/", normalise(s)).strip(" .,;:[]")
    for pattern, replacement in _SYMBOL_REPAIRS:
        s = pattern.sub(replacement, s)
    if s.endswith(")") and "(" not in s:
        s = s[:-1]
    return s


def _part(m: regex.Match[str]) -> str:
    return f"/{m.group(1).capitalize()}.{m.group(2)}"


_CYRILLIC = regex.compile(r"\p{Cyrillic}")
_SLASH_SPACES = regex.compile(r"\s*/\s*")
# Slips found in AKN symbols, repaired in this order.
_SYMBOL_REPAIRS: tuple[tuple[regex.Pattern[str], Any], ...] = (
    (regex.compile(r"/{2,}"), "/"),
    (regex.compile(r"^([A-Z]/(?:ES-|S-)?\d+/)\1"), r"\1"),  # "A/74/A/74/379" typed twice
    (regex.compile(r"^A/ES/(\d+)/"), r"A/ES-\1/"),
    (regex.compile(r"(?i)(?<=[\d.])/?(add|rev|corr|amend)[./]?\s*(\d+)"), _part),
    (regex.compile(r"/L(\d)"), r"/L.\1"),
    (regex.compile(r"\s*\((\d{4})\)$"), r" (\1)"),
)


def symbols_in(text: str) -> list[str]:
    """Every symbol in a phrase like "A/74/L.14 and Add.1", with bare parts made whole."""
    text = unicodedata.normalize("NFKC", _BIDI.sub("", text))
    if regex.search(r"\p{Cyrillic}/", text):
        text = text.translate(_tables().letter_table)
    text = regex.sub(
        r"(?i)\b(Add|Rev|Corr|Amend)\.\s+(?=\d)", r"\1.", regex.sub(r"\s*/\s*", "/", text)
    )
    found: list[str] = []
    for m in regex.finditer(rf"{_SYMBOL_PART.pattern}|{_ADD_PART.pattern}", text):
        piece = m.group(0).strip()
        if regex.match(r"(?:Add|Rev|Corr|Amend)\.", piece) and found:
            base = regex.sub(r"/(?:Add|Corr|Amend)\.\d+$", "", found[-1])
            piece = f"{base}/{piece.replace(' ', '')}"
        elif not regex.match(r"[A-Z]/", piece):
            continue
        found.append(canonical_symbol(piece))
    return list(dict.fromkeys(found))


def agenda_items(text: str) -> list[str]:
    """Canonical agenda items ("69 (a)") from a title attribute or printed line in any language."""
    items = []
    for m in _AGENDA.finditer(ascii_digits(_BIDI.sub("", unicodedata.normalize("NFKC", text)))):
        letters = regex.sub(r"\s", "", m.group(2) or "").translate(_tables().letter_table)
        items.append(f"{m.group(1)} ({letters.lower()})" if letters else m.group(1))
    return items


def undocs_symbol(href: str) -> str | None:
    """The symbol an undocs.org link points to ("en/S/RES/2626(2022)" → "S/RES/2626 (2022)")."""
    parts = urlsplit(href.strip())
    if parts.hostname not in _tables().undocs_hosts:
        return None
    path = regex.sub(r"^/(?:[a-z]{1,2}/)?", "", unquote(parts.path)).strip("/ ")
    return canonical_symbol(path) if regex.match(r"[A-Z]+/", path) else None


def _local(el: _Element) -> str:
    tag = el.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


_MARKER_BRACKETS = {"(", ")"}


def _marker_sup(el: _Element) -> str | None:
    """The marker a ``<sup>`` prints when it is a footnote's marker rather than text.

    A footnote's first reference is an ``authorialNote``; a second reference to the same note
    is printed as plain superscript digits ("Agenda<sup>11</sup>"), and some notes open with
    their own marker so. Kept as text they would glue to the word ("Agenda11") and to numbers
    ("1949,1"), which breaks search, dates and citations."""
    text = (el.text or "").strip()
    return ascii_digits(text) if _local(el) == "sup" and not len(el) and text.isdigit() else None


def _inline(el: _Element) -> str:
    """Text of an inline run, without footnote bodies or markers (they live in ``footnotes``)."""
    out: list[str] = [el.text or ""]
    for child in el:
        name = _local(child)
        if name in ("eol", "br"):
            out.append(" ")
        elif name == "sup" and (child.text or "").strip() in _MARKER_BRACKETS and not len(child):
            pass  # Arabic prints a marker as "(1)": the brackets are superscripts around the note
        elif _marker_sup(child) is not None:
            pass
        elif name and name != "authorialNote":
            out.append(_inline(child))
        out.append(child.tail or "")
    return "".join(out)


def _lines(el: _Element) -> list[str]:
    """Block text as lines: one per ``p``/heading, one per sub-item ("(a) text")."""
    name = _local(el)
    if name in ("", "authorialNote"):
        return []
    if name in ("point", "item", "li"):
        num = el.find("a:num", _NS)
        body = [line for c in el if c is not num for line in _lines(c)]
        if num is None:
            return body
        label = normalise(_inline(num))
        return [f"{label} {body[0]}".strip(), *body[1:]] if body else [label]
    if name == "tr":
        row = normalise(" ".join(normalise(_inline(c)) for c in el))
        return [row] if row else []
    if name in _TEXT_BLOCKS:
        text = normalise(_inline(el))
        return [text] if text else []
    return [line for c in el for line in _lines(c)]


def _text(el: _Element, skip: tuple[_Element | None, ...] = ()) -> str:
    """The element's lines: its children's, or its own when it is itself a line of text."""
    if _local(el) in _TEXT_BLOCKS:
        return "\n".join(_lines(el))
    return "\n".join(line for c in el if c not in skip for line in _lines(c))


def _lead(el: _Element) -> str | None:
    """The leading emphasised run of the first line (italic in most languages, bold in Chinese)."""
    first = el if _local(el) in _TEXT_BLOCKS else next(el.iter(f"{{{AKN_NS}}}p"), None)
    if first is None or normalise(_LEADING_NUMBER.sub("", normalise(first.text or ""))):
        return None
    parts: list[str] = []
    for child in first:
        cls = child.get("class") or ""
        if _local(child) != "span" or not any(e in cls for e in _EMPHASIS):
            break
        parts.append(_inline(child))
        if normalise(child.tail or ""):
            break
    return normalise("".join(parts)) or None


def _notes(el: _Element) -> list[str]:
    """The markers of the notes a paragraph refers to, in order, each once."""
    markers: list[str] = []
    for n in el.iter(f"{{{AKN_NS}}}authorialNote", f"{{{AKN_NS}}}sup"):
        if _local(n) == "authorialNote":
            markers.append(n.get("marker") or "")
        elif (marker := _marker_sup(n)) is not None and not _in_note(n):
            markers.append(marker)
    return list(dict.fromkeys(markers))


def _in_note(el: _Element) -> bool:
    return any(_local(a) == "authorialNote" for a in el.iterancestors())


class _Ids:
    """Paragraph ids: the AKN eId, or a per-kind counter when the element has none."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.scope = ""  # the component's eId in a collection, whose parts reuse eIds

    def __call__(self, el: _Element, kind: ParagraphKind) -> str:
        prefix = {"preambular": "pre", "operative": "op", "other": "other"}[kind]
        self.counts[prefix] = self.counts.get(prefix, 0) + 1
        eid = el.get("eId")
        return f"{self.scope}{eid}" if eid else f"{prefix}{self.counts[prefix]}"


def _paragraph(el: _Element, kind: ParagraphKind, ids: _Ids, lead_hint: str = "") -> Paragraph:
    num = el.find("a:num", _NS)
    text = _text(el, skip=(num, *_own_headings(el)))
    number = normalise(_inline(num)) if num is not None else None
    if number is not None and not _is_paragraph_number(number):
        # A sub-item marked up as a paragraph (most Arabic files): keep its printed label in
        # the text, as the other versions' lists do, so that fold_sub_items can join it.
        return Paragraph(ids(el, "other"), "other", None, None, f"{number} {text}", _notes(el))
    if number is None and kind != "preambular" and (m := _LEADING_NUMBER.match(text)):
        number, text = m.group(1), text[m.end() :]
    if number is not None:
        number = ascii_digits(_NUM_TRIM.sub("", number)) or None
        kind = "operative" if kind == "other" else kind
    lead = _lead(el)
    if lead is None and lead_hint and text.startswith(normalise(lead_hint)):
        lead = normalise(lead_hint)
    if lead is not None and not text.startswith(lead):
        lead = None
    if kind == "other" and lead is not None:
        kind = "operative"
    return Paragraph(ids(el, kind), kind, number, lead, text, _notes(el))


def _is_paragraph_number(label: str) -> bool:
    return ascii_digits(_NUM_TRIM.sub("", label)).isdigit()


def _fold_sub_items(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Join sub-items that the XML marks up as paragraphs ("(a)", "a)", "㈠") to the paragraph
    that introduces them, which is how every language version's lists come out; so are the
    closing words of a list that the XML makes a paragraph ("and stresses the importance ...",
    "y exige que ..."): no number, no lead, lower case, after a sub-item."""
    out: list[Paragraph] = []
    for para in paragraphs:
        if (
            out
            and para.kind == "other"
            and (_SUB_ITEM_LABEL.match(para.text) or _closes_list(out[-1], para))
        ):
            out[-1].text = f"{out[-1].text}\n{para.text}"
            out[-1].footnotes += [m for m in para.footnotes if m not in out[-1].footnotes]
        else:
            out.append(para)
    return out


def _closes_list(before: Paragraph, para: Paragraph) -> bool:
    last = before.text.rsplit("\n", 1)[-1]
    return (
        para.number is None
        and para.lead is None
        and para.text[:1].islower()
        and "\n" in before.text
        and _SUB_ITEM_LABEL.match(last) is not None
    )


def _is_meeting_line(para: Paragraph, lang: str | None) -> bool:
    return bool(lang) and len(para.text) < 80 and parse_meeting(para.text, lang) is not None


def _heading(el: _Element, ids: _Ids) -> Paragraph | None:
    text = _text(el)
    return Paragraph(ids(el, "other"), "other", None, None, text, _notes(el)) if text else None


def _own_headings(el: _Element) -> list[_Element]:
    return [c for c in el if _local(c) in ("heading", "subheading")]


def _headings(
    el: _Element, ids: _Ids, children: Iterable[_Element] | None = None
) -> Iterator[Paragraph]:
    """Each heading is a paragraph of its own, as when the XML gives each its own element (most
    files), also when one paragraph element holds two, or a heading above its text ("Article
    10"); a ``num`` labels the heading after it.  A paragraph of headings only gives its id to
    the first."""
    groups: list[list[_Element]] = [[]]
    for child in el if children is None else children:
        groups[-1].append(child)
        if _local(child) != "num":
            groups.append([])
    first = children is None
    for group in groups:
        text = "\n".join(line for c in group for line in _lines(c))
        if text:
            notes = [m for c in group for m in _notes(c)]
            yield Paragraph(
                ids(el if first else group[-1], "other"), "other", None, None, text, notes
            )
            first = False


def _body(el: _Element, ids: _Ids) -> Iterator[Paragraph]:
    """Paragraphs of a preamble or mainBody in document order, descending into sections."""
    for child in el:
        name = _local(child)
        if name == "container" and _local(el) == "preamble":
            yield _paragraph(child, "preambular", ids, child.get("name") or "")
        elif (
            name == "paragraph"
            and child.find("a:content", _NS) is None
            and (child.find("a:list", _NS) is None)
        ):
            yield from _headings(child, ids)
        elif name == "paragraph":
            yield from _headings(child, ids, _own_headings(child))
            yield _paragraph(child, "other", ids)
        elif name == "crossHeading":
            para = _paragraph(child, "preambular", ids)
            yield para if para.lead else _heading(child, ids) or para
        elif name in _HEADINGS:
            if para := _heading(child, ids):
                yield para
        elif name in _CONTAINERS or name == "blockList":
            yield from _body(child, ids)


def _is_title_line(para: Paragraph) -> bool:
    return para.kind == "other" and para.number is None and len(para.text) < 300


def _annex(doc: _Element, ids: _Ids) -> Annex:
    """An attachment: leading unnumbered heading lines are its title, the rest its paragraphs."""
    paras = [
        p
        for part in doc
        if _local(part) in ("preface", "preamble", "mainBody")
        for p in (_body(part, ids) if _local(part) != "preface" else _preface_lines(part, ids))
    ]
    paras = _fold_sub_items(paras)
    head = 0
    while head < len(paras) and _is_title_line(paras[head]) and head < 3:
        head += 1
    title = "\n".join(p.text for p in paras[:head]) or None
    return Annex(title, paras[head:])


def _preface_lines(el: _Element, ids: _Ids) -> Iterator[Paragraph]:
    for p in el:
        if para := _heading(p, ids):
            yield para


def _sniff_root(data: bytes, path: str | None) -> _Element:
    if not data.strip():
        raise EmptyInputError("empty AKN file", source=path)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise CorruptFileError(f"malformed XML: {exc}", source=path) from None
    if _local(root) != "akomaNtoso":
        raise UnsupportedFormatError(f"XML root <{_local(root)}> is not akomaNtoso", source=path)
    return root


def _all(el: _Element, xpath: str) -> list[_Element]:
    found = el.xpath(xpath, namespaces=_NS)
    return [n for n in found if isinstance(n, _Element)] if isinstance(found, list) else []


def _first(el: _Element, xpath: str) -> _Element | None:
    return next(iter(_all(el, xpath)), None)


def _date(value: str) -> str | None:
    m = _ISO_DATE.match(value)
    return value if m and m.group(1) > "1900" and "00" not in (m.group(2), m.group(3)) else None


class _Reader:
    """One read: the root, the document under it and the warnings collected on the way."""

    def __init__(self, root: _Element) -> None:
        self.act = next((c for c in root if _local(c) and _local(c) != "components"), root)
        # A resolution in parts (A-C) is a documentCollection whose parts follow it as
        # sibling components, each a full statement with its own preface, body and conclusions.
        self.parts: list[_Element] = _all(root, "a:components/a:component/*")
        self.warnings: list[str] = []

    @property
    def scopes(self) -> list[_Element]:
        return [self.act, *self.parts]

    def find(self, xpath: str) -> _Element | None:
        return next((n for s in self.scopes if (n := _first(s, xpath)) is not None), None)

    def attr(self, xpath: str, name: str) -> str:
        node = self.find(xpath)
        return normalise(node.get(name) or "") if node is not None else ""

    def paragraphs(self, ids: _Ids) -> list[Paragraph]:
        """Body paragraphs in order; each part of a collection starts with its heading lines."""
        out: list[Paragraph] = []
        for scope in self.scopes:
            parent = scope.getparent()
            ids.scope = (
                f"{parent.get('eId')}__" if scope is not self.act and parent is not None else ""
            )
            for part in scope:
                name = _local(part)
                if name == "preface" and scope is not self.act:
                    out += _preface_lines(part, ids)
                elif name in ("preamble", "mainBody"):
                    out += _body(part, ids)
        out = _fold_sub_items(out)
        if out and _is_meeting_line(out[-1], self.language()):
            out.pop()  # a few files leave the closing meeting line in the body
        return out

    def annexes(self, ids: _Ids) -> list[Annex]:
        xp = "a:attachments/a:attachment/*"
        return [_annex(doc, ids) for s in self.scopes for doc in _all(s, xp)]

    def symbol(self) -> str | None:
        node = self.find("a:coverPage//a:docNumber[@refersTo='#symbol']")
        node = node if node is not None else self.find("a:coverPage//a:docNumber")
        text = normalise(_inline(node)) if node is not None else ""
        if not text:
            self.warnings.append("the cover page carries no symbol")
        return canonical_symbol(text) if text else None

    def language(self) -> str | None:
        code = self.attr(".//a:FRBRExpression/a:FRBRlanguage", "language")
        return _tables().languages.get(code.lower())

    def body(self, symbol: str | None) -> str | None:
        for prefix, body in _tables().symbol_prefixes.items():
            if symbol and symbol.startswith(prefix):
                return body
        return _tables().authors.get(self.attr(".//a:FRBRWork/a:FRBRauthor", "href").lower())

    def session(self, body: str | None) -> str | None:
        """GA and HRC sessions ("77", "ES-11"); the Council has none (its URI carries a year)."""
        if body == "SC":
            return None
        value = self.attr("a:coverPage//a:session", "value")
        m = _URI_SESSION.search(self.attr(".//a:FRBRWork/a:FRBRuri", "value"))
        if value:
            # An emergency special session numbers its own series (value "11" of "ES-11"): the
            # URI names the series, lest it be taken for the eleventh regular session.
            value = ascii_digits(value)
            return m.group(1) if m and m.group(1).endswith(f"-{value}") else value
        return m.group(1) if m and not self.find("a:coverPage//a:session[@value]") else None

    def number(self, symbol: str | None) -> str | None:
        if symbol and (m := regex.search(r"/(?:RES|DEC)/(.+)$", symbol)):
            return m.group(1)
        node = self.find("a:preface//a:docNumber")
        text = ascii_digits(normalise(_inline(node))).rstrip(".") if node is not None else ""
        return text or None

    def adopted(self) -> str | None:
        raw = self.attr(".//a:FRBRWork/a:FRBRdate[@name='adoption']", "date")
        if date := _date(raw):
            return date
        printed = _date(self.attr("a:conclusions//a:docDate", "date"))
        self.warnings.append(f"bogus adoption date {raw!r} in FRBRWork")
        return printed

    def issued(self) -> str | None:
        return _date(self.attr("a:coverPage//a:docDate", "date")) or _date(
            self.attr(".//a:FRBRExpression/a:FRBRdate[@name='publication']", "date")
        )

    def agenda(self) -> list[str]:
        """Items from the printed line and the title attribute; a lettered item beats a bare one.

        Either may be the one that lost the sub-item letter, so both are read.
        """
        found: dict[str, str] = {}
        xp = "a:coverPage//a:inline[@name='agenda item']"
        for node in _all(self.act, xp):
            for item in agenda_items(_inline(node)) + agenda_items(node.get("title") or ""):
                main = item.split(" ")[0]
                found[main] = item if len(item) > len(found.get(main, "")) else found[main]
        return list(found.values())

    def origin(self) -> Origin:
        node = self.find("a:coverPage//a:docProponent")
        if node is None:
            return Origin()
        code = normalise(node.get("refersTo") or "")
        committee = _tables().committees.get(code, code.lstrip("#") or None)
        # The whole line, not only the tagged inlines: a few files leave one symbol untagged.
        return Origin(committee or None, symbols_in(_inline(node)))

    def meeting(self) -> str | None:
        node = self.find(".//a:inline[@name='adoptionMeeting']")
        if node is None:
            node = self.find("a:conclusions//*[@refersTo='#adoptionMeeting']")
        for text in (node.get("title") or "", _inline(node)) if node is not None else ():
            if m := _DIGITS.search(ascii_digits(text)):
                return m.group(0)
        pv = self.attr(".//a:workflow/a:step[@outcome='adopted']", "as")
        m = regex.search(r"PV\.(\d+)", pv)
        return m.group(1) if m else None

    def job_number(self) -> str | None:
        node = self.find(".//a:docketNumber")
        m = _JOB.search(_inline(node)) if node is not None else None
        return m.group(0) if m else None

    def subjects(self) -> list[str]:
        xp = ".//a:classification/a:keyword[@dictionary='UNBIS Thesaurus']"
        words = (normalise(k.get("value") or "") for k in _all(self.act, xp))
        return list(dict.fromkeys(w for w in words if w))

    def title(self) -> str | None:
        node = self.find("a:preface//a:docTitle")
        return (normalise(_inline(node)) or None) if node is not None else None

    def doc_type(self, symbol: str | None) -> Any:
        name = (self.act.get("name") or "").lower()
        if "/DEC/" in (symbol or "") or name == "decision":
            return "decision"
        return {"resolution": "resolution", "draft resolution": "draft"}.get(name, "other")

    def citations(self) -> list[str]:
        found = (undocs_symbol(a.get("href") or "") for a in self._text_parts("a"))
        return list(dict.fromkeys(s for s in found if s))

    def footnotes(self) -> list[Footnote]:
        return [
            Footnote(
                n.get("marker") or "",
                normalise(" ".join(_lines(n)) or _inline(n)).removeprefix("()").strip(),
            )
            for n in self._text_parts("authorialNote")
        ]

    def _text_parts(self, tag: str) -> Iterable[_Element]:
        for scope in self.scopes:
            for part in scope:
                if _local(part) != "meta":
                    yield from part.iter(f"{{{AKN_NS}}}{tag}")


def read_akn(data: bytes, path: str | None = None) -> Document:
    """Read one AKN4UN file; bad bytes raise :class:`~sixfold.errors.InputError` subclasses."""
    reader = _Reader(_sniff_root(data, path))
    symbol = reader.symbol()
    ids = _Ids()
    paragraphs = reader.paragraphs(ids)
    annexes = reader.annexes(ids)
    body = reader.body(symbol)
    document = Document(
        symbol=symbol,
        language=reader.language(),
        body=body,
        doc_type=reader.doc_type(symbol),
        session=reader.session(body),
        number=reader.number(symbol),
        title=reader.title(),
        adopted=reader.adopted(),
        issued=reader.issued(),
        agenda_items=reader.agenda(),
        origin=reader.origin(),
        meeting=reader.meeting(),
        job_number=reader.job_number(),
        subjects=reader.subjects(),
        paragraphs=paragraphs,
        footnotes=reader.footnotes(),
        citations=reader.citations(),
        annexes=annexes,
        source=Source(path, "akn", hashlib.sha256(data).hexdigest()),
    )
    document.warnings = reader.warnings
    return document
