"""Render AKN4UN XML of a resolution into the raw forms in which UN documents reach people.

The parse-accuracy benchmark needs raw text whose right answer is known: it renders gold XML
into each form, parses the result back and scores it.  The forms imitate the five seeds
(``/work/shared/seeds``) in all six languages, with their difficulties and no others:

* ``ods`` (seed 003): Word/ODS text export, tabs, glued footnote markers, furniture after the body;
* ``markdown`` (seeds 000, 001): PDF converted to Markdown, page breaks inside paragraphs;
* ``segmented`` (seed 002): the whole resolution on one tokenised line under a subject header;
* ``pdftext`` (seed 004): hard-wrapped PDF text with page furniture and page-foot footnotes.

Everything printed comes from the XML (masthead, leads, numbers, footnotes, meeting and date)
except the page furniture in ``eval/data/render.toml``.  Paragraph text is the XML's text with
whitespace collapsed and footnote bodies removed, as the AKN reader gives it.
"""

from __future__ import annotations

import math
import random
import textwrap
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex
from lxml import etree

from sixfold.model import Document

FORMS = ("ods", "markdown", "segmented", "pdftext")
# What a form does not print, as in the seed it imitates (002 has no masthead and no footnotes):
# a parser cannot recover these from that form, so the evaluation does not ask for them.
OMITTED_FIELDS: dict[str, tuple[str, ...]] = {"segmented": ("issued", "agenda_items", "footnotes")}

NS = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
DATA = tomllib.loads((Path(__file__).parent / "data" / "render.toml").read_text("utf-8"))
LAYOUT: dict[str, list[int]] = DATA["layout"]

SPACES = regex.compile(r"\s+")
OPERATIVE_NUM = regex.compile(r"^\d+\.?$")
HAN = regex.compile(r"\p{Han}")
LATIN_TOKEN = regex.compile(r"[A-Za-z][A-Za-z0-9./()\-]*")
ASCII_ALNUM = regex.compile(r"[A-Za-z0-9]")
HAN_ASCII_EDGE = regex.compile(r"(?<=\p{Han})(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=\p{Han})")
CJK_ATOM = regex.compile(r"\ue000\d+\ue001|[A-Za-z0-9][A-Za-z0-9./\-]*|.", regex.S)
ZH_TOKEN = regex.compile(r"\p{Han}+|[A-Za-z0-9][A-Za-z0-9/.\-]*|\S")
# Arabic footnote bodies open with an empty "()" where the marker is printed.
NOTE_PLACEHOLDER = regex.compile(r"^\(\s*[0-9٠-٩]*\s*\)\s*")
# Arabic files print the operative number inside the text ("1 -\t") instead of in <num>.
LEADING_NUMBER = regex.compile(r"^\s*([0-9٠-٩]+)\s*[-–.]\s+")
DATE_UNIT = "年月日"
TRAIL_PUNCT = ",;:)]}»\"”’'!?.，；：。、）》」"
LEAD_PUNCT = "([{«\"“‘'（《「"
# A footnote reference inside rendered text before pagination: \ue000<index>\ue001.
SENTINEL = regex.compile("\ue000(\\d+)\ue001")


@dataclass(frozen=True)
class Note:
    """A footnote reference; ``again`` when the note was referred to before (the XML's bare
    ``<sup>N</sup>``): only its marker is printed, the note itself was printed already."""

    marker: str
    text: str
    again: bool = False


Part = str | Note


@dataclass
class Block:
    """One printed unit of the resolution, in reading order.

    ``kind`` is formula, preambular, operative, item (a sub-item or lettered paragraph),
    heading, plain, title (number and title), meeting or date.
    """

    kind: str
    parts: list[Part]
    num: str | None = None
    lead: str | None = None
    lead_style: str = ""
    annex: bool = False

    @property
    def text(self) -> str:
        return fold("".join(p for p in self.parts if isinstance(p, str)))

    @property
    def notes(self) -> list[Note]:
        return [p for p in self.parts if isinstance(p, Note)]


@dataclass
class Akn:
    """What the renderer needs from one XML file."""

    lang: str
    masthead: dict[str, str]
    agenda: list[str]
    blocks: list[Block]
    subjects: list[str]
    issued_iso: str


@dataclass
class Ctx:
    """Per-call state: the document, its language data, the random source and job number."""

    akn: Akn
    rng: random.Random
    job: str  # seven digits, e.g. "2225538"
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def lang(self) -> str:
        return self.akn.lang

    @property
    def job_short(self) -> str:
        return f"{self.job[:2]}-{self.job[2:]}"

    @property
    def symbol(self) -> str:
        return self.akn.masthead.get("symbol", "")


def fold(text: str) -> str:
    return SPACES.sub(" ", text).strip()


def string(el: etree._Element) -> str:
    return str(el.xpath("string()"))


def marker_sup(el: etree._Element) -> str | None:
    """The marker a bare ``<sup>7</sup>`` prints: a second reference to a note, or the marker a
    note opens with; None for any other element."""
    text = (el.text or "").strip()
    return text if tag(el) == "sup" and text.isdigit() and not len(el) else None


def note_text(note: etree._Element) -> str:
    """A footnote's text without the marker some notes open with (``<sup>7</sup>``)."""

    def pieces(el: etree._Element) -> Iterator[str]:
        if marker_sup(el) is None:
            yield el.text or ""
            for child in el:
                if isinstance(child.tag, str):
                    yield from pieces(child)
                yield child.tail or ""

    return fold("".join(pieces(note)))


def tag(el: etree._Element) -> str:
    return el.tag.replace(NS, "") if isinstance(el.tag, str) else ""


# ---------------------------------------------------------------------------------- reading


def read(xml: bytes) -> Akn | None:
    """Parse the XML into blocks; ``None`` when it is not a renderable resolution."""
    try:
        root = etree.fromstring(xml)
    except etree.XMLSyntaxError:
        return None
    lang_el = root.find(f".//{NS}FRBRExpression/{NS}FRBRlanguage")
    lang = DATA["frbr"].get(lang_el.get("language", "") if lang_el is not None else "")
    cover = root.find(f".//{NS}coverPage")
    if lang is None or cover is None:
        return None
    blocks: list[Block] = []
    for el in root.iter(f"{NS}preface", f"{NS}preamble", f"{NS}mainBody", f"{NS}conclusions"):
        annex = any(tag(a) == "attachment" for a in el.iterancestors())
        blocks.extend(BLOCK_READERS[tag(el)](el, annex))
    if not any(b.kind in ("preambular", "operative") for b in blocks):
        return None
    pub = root.find(f".//{NS}FRBRExpression/{NS}FRBRdate[@name='publication']")
    return Akn(
        lang=lang,
        masthead=read_masthead(cover),
        agenda=[
            fold(string(e)) for e in cover.iter(f"{NS}inline") if e.get("name") == "agenda item"
        ],
        blocks=blocks,
        subjects=[
            k.get("value", "")
            for k in root.iter(f"{NS}keyword")
            if k.get("dictionary") == "UNBIS Thesaurus" and k.get("value")
        ],
        issued_iso=pub.get("date", "") if pub is not None else "",
    )


def read_masthead(cover: etree._Element) -> dict[str, str]:
    found: dict[str, str] = {}
    for el in cover.iter():
        name = tag(el)
        key = {
            "docNumber": "symbol",
            "docStatus": "status",
            "docDate": "issued",
            "session": "session",
            "docTitle": "adoption",
            "docProponent": "proponent",
        }.get(name)
        if name == "docAuthority":
            key = "body" if el.get("refersTo") == "#issuingBody" else "authority"
        elif name == "inline" and el.get("name") == "agenda item name":
            key = "agenda_name"
        if key and key not in found:
            found[key] = fold(string(el))
    return found


def inline_parts(p: etree._Element) -> tuple[list[Part], str | None, str]:
    """The runs of one ``p``: text and footnote references in order, plus its lead."""
    parts: list[Part] = []
    lead: str | None = None
    style = ""
    first = next((c for c in p if isinstance(c.tag, str)), None)
    opening = LEADING_NUMBER.sub("", p.text or "", count=1)
    if first is not None and tag(first) == "span" and not opening.strip():
        cls = first.get("class") or ""
        if "italic" in cls or "bold" in cls:
            lead = fold(string(first)) or None
            style = "bold" if "bold" in cls else "italic"
    collect(p, parts)
    return normalise(parts), lead, style


def collect(el: etree._Element, out: list[Part]) -> None:
    if el.text:
        out.append(el.text)
    for child in el:
        name = tag(child)
        if name == "authorialNote":
            body = NOTE_PLACEHOLDER.sub("", note_text(child))
            out.append(Note(child.get("marker") or "", body))
        elif name == "eol":
            out.append(" ")
        elif name == "sup" and (child.text or "").strip() in ("(", ")"):
            pass  # Arabic prints its markers in parentheses; they belong to the marker
        elif (marker := marker_sup(child)) is not None:
            out.append(Note(marker, "", again=True))
        elif name:
            collect(child, out)
        if child.tail:
            out.append(child.tail)


def normalise(parts: list[Part]) -> list[Part]:
    """Collapse whitespace as the reader does and glue each marker to the text before it."""
    merged: list[Part] = []
    for part in parts:
        if isinstance(part, str) and merged and isinstance(merged[-1], str):
            merged[-1] += part
        else:
            merged.append(part)
    out: list[Part] = []
    for i, part in enumerate(merged):
        if isinstance(part, Note):
            out.append(part)
            continue
        text = SPACES.sub(" ", part)
        if i == 0:
            text = text.lstrip()
        if i == len(merged) - 1 or isinstance(merged[i + 1], Note):
            text = text.rstrip()
        if text:
            out.append(text)
    return out


def p_blocks(el: etree._Element, kind: str, num: str | None, annex: bool) -> list[Block]:
    """Blocks for the ``p`` elements, tables and block lists under ``el``."""
    blocks: list[Block] = []
    for node in el.iter(f"{NS}p", f"{NS}tr", f"{NS}item", f"{NS}listIntroduction"):
        if any(tag(a) in ("authorialNote", "tr", "item") for a in node.iterancestors()):
            continue
        if tag(node) == "tr":
            cells = [fold(string(c)) for c in node if tag(c) in ("td", "th")]
            blocks.append(Block("plain", ["\t".join(c for c in cells if c)], annex=annex))
            continue
        item_num = node.findtext(f"{NS}num") if tag(node) == "item" else None
        parts, lead, style = inline_parts(node)
        if tag(node) == "item" and item_num:
            parts = [p for p in parts if p != fold(item_num)] or parts
        if not parts:
            continue
        this_kind = "heading" if node.find(f"{NS}subheading") is not None else kind
        this_num = num if not blocks else item_num
        blocks.append(Block(this_kind, parts, this_num, lead, style, annex))
        if this_num == num:
            kind = "plain"
    return blocks


def read_preface(el: etree._Element, annex: bool) -> list[Block]:
    """The number and title; then the letter of a part adopted on its own ("B", with the
    footnote that renames the first part "A"), printed on a line of its own below the title."""
    number = fold(el.findtext(f".//{NS}docNumber") or "")
    title_el = el.find(f".//{NS}docTitle")
    title = fold(string(title_el)) if title_el is not None else ""
    blocks = [Block("title", [title], number or None, annex=annex)] if number or title else []
    for letter in list(el.iter(f"{NS}docNumber"))[1:]:
        parts: list[Part] = [fold(string(letter))]
        for sibling in letter.itersiblings():
            if tag(sibling) != "authorialNote":
                break
            parts.append(Note(sibling.get("marker") or "", note_text(sibling)))
        if parts[0]:
            blocks.append(Block("heading", parts, annex=annex))
    return blocks


def read_preamble(el: etree._Element, annex: bool) -> list[Block]:
    blocks: list[Block] = []
    for child in el:
        kind = {"formula": "formula", "container": "preambular"}.get(tag(child), "plain")
        blocks.extend(p_blocks(child, kind, None, annex))
    return blocks


def read_main(el: etree._Element, annex: bool) -> list[Block]:
    blocks: list[Block] = []
    for child in el:
        name = tag(child)
        if name == "paragraph":
            blocks.extend(read_paragraph(child, annex))
        elif name == "section":
            blocks.extend(read_main(child, annex))
        elif name in ("num", "heading", "subheading", "crossHeading"):
            parts, lead, style = inline_parts(child)
            # A crossHeading that opens with its lead is a preambular paragraph of the body (a
            # part's "Recalling ..."), printed indented like the others, as the reader reads it.
            kind = "preambular" if name == "crossHeading" and lead else "heading"
            if parts:
                blocks.append(Block(kind, parts, lead=lead, lead_style=style, annex=annex))
        elif name:
            blocks.extend(p_blocks(child, "plain", None, annex))
    return blocks


def read_paragraph(el: etree._Element, annex: bool) -> list[Block]:
    num = fold(el.findtext(f"{NS}num") or "") or None
    blocks: list[Block] = []
    for child in el:
        name = tag(child)
        if name in ("heading", "subheading"):
            parts, _, _ = inline_parts(child)
            blocks.append(Block("heading", parts, annex=annex))
        elif name == "content":
            kind = "plain" if num is None else "operative"
            if num and not OPERATIVE_NUM.match(num):
                kind = "item"
            found = p_blocks(child, kind, num, annex)
            if num is None and found:
                number_inside(found[0])
            blocks.extend(found)
        elif name == "list":
            blocks.extend(read_list(child, num, annex))
    if num and not blocks:
        blocks.append(Block("heading", [num], annex=annex))
    return blocks


def number_inside(block: Block) -> None:
    """Turn a paragraph that prints its own number ("1 - text") into an operative one."""
    first = block.parts[0] if block.parts else None
    m = LEADING_NUMBER.match(first) if isinstance(first, str) else None
    if m and isinstance(first, str):
        block.kind, block.num = "operative", f"{m.group(1)}."
        block.parts[0] = first[m.end() :]


def read_list(el: etree._Element, num: str | None, annex: bool) -> list[Block]:
    blocks: list[Block] = []
    for child in el:
        name = tag(child)
        if name == "intro":
            blocks.extend(p_blocks(child, "operative" if num else "plain", num, annex))
        elif name == "point":
            point_num = fold(child.findtext(f"{NS}num") or "") or None
            content = child.find(f"{NS}content")
            if content is not None:
                blocks.extend(p_blocks(content, "item", point_num, annex))
            for sub in child.iter(f"{NS}sublist"):
                blocks.extend(read_list(sub, None, annex))
        elif name in ("sublist", "wrapUp"):
            blocks.extend(
                read_list(child, None, annex)
                if name == "sublist"
                else p_blocks(child, "plain", None, annex)
            )
    return blocks


def read_conclusions(el: etree._Element, annex: bool) -> list[Block]:
    """The meeting and date lines; the emergency special sessions mark the meeting up as an
    event's ``location`` instead of an ``inline`` ("10th plenary meeting", ES-11)."""
    blocks: list[Block] = []
    for node in el.iter(f"{NS}inline", f"{NS}location", f"{NS}docDate"):
        text = fold(string(node))
        meeting = node.get("name") == "adoptionMeeting" or (
            tag(node) == "location" and node.get("refersTo") == "#adoptionMeeting"
        )
        if text and (tag(node) == "docDate" or meeting):
            blocks.append(Block("date" if tag(node) == "docDate" else "meeting", [text]))
    return blocks


BLOCK_READERS: dict[str, Callable[[etree._Element, bool], list[Block]]] = {
    "preface": read_preface,
    "preamble": read_preamble,
    "mainBody": read_main,
    "conclusions": read_conclusions,
}


# ------------------------------------------------------------------------- shared helpers


def indic(text: str, digits: str) -> str:
    """Arabic-Indic digits outside Latin tokens (symbols such as A/67/L.29 stay as printed)."""
    if not digits:
        return text
    table = str.maketrans("0123456789", digits)
    out, last = [], 0
    for m in LATIN_TOKEN.finditer(text):
        out.append(text[last : m.start()].translate(table))
        out.append(m.group())
        last = m.end()
    out.append(text[last:].translate(table))
    return "".join(out)


def space_han_ascii(text: str) -> str:
    """Chinese PDFs often print a space between Han characters and digits or Latin words."""
    return HAN_ASCII_EDGE.sub(" ", text)


def number_label(ctx: Ctx, num: str) -> str:
    """``1.`` as printed, or ``1 -`` in Arabic."""
    return num.rstrip(".") + ctx.data["number_suffix"] if OPERATIVE_NUM.match(num) else num


def body_text(
    ctx: Ctx,
    block: Block,
    marker: Callable[[Note], str],
    lead: Callable[[str, str], str] = lambda text, style: text,
) -> str:
    """A block's text with its markers rendered by ``marker`` and its lead by ``lead``."""
    out: list[str] = []
    for part in block.parts:
        out.append(marker(part) if isinstance(part, Note) else part)
    text = "".join(out)
    if block.lead and text.startswith(block.lead):
        text = lead(block.lead, block.lead_style) + text[len(block.lead) :]
    return text


def footnote_label(ctx: Ctx, marker: str) -> str:
    return f"({marker})" if ctx.lang == "ar" else marker


def job_from(gold: Document, akn: Akn, rng: random.Random) -> str:
    """The job number's seven digits: the gold's, else a plausible one for the issue year."""
    digits = regex.sub(r"\D", "", gold.job_number or "")
    if len(digits) == 7:
        return digits
    year = akn.issued_iso[2:4] if len(akn.issued_iso) >= 4 else "22"
    return f"{year}{rng.randrange(10000, 99999)}"


def body_blocks(ctx: Ctx) -> Iterator[Block]:
    """Blocks in print order: the body, the annexes, then the meeting and date last."""
    blocks = ctx.akn.blocks
    closing = [b for b in blocks if b.kind in ("meeting", "date")]
    if ctx.lang == "zh":
        closing = sorted(closing, key=lambda b: b.kind != "date")
    main = [b for b in blocks if b.kind not in ("meeting", "date") and not b.annex]
    yield from main
    yield from closing
    yield from (b for b in blocks if b.annex)


# ------------------------------------------------------------------------------------ ods


def render_ods(ctx: Ctx) -> str:
    rng, m = ctx.rng, ctx.akn.masthead
    notes: list[Note] = []

    def marker(note: Note) -> str:
        if not note.again:
            notes.append(note)
        return footnote_label(ctx, note.marker)

    lines = ["[DU1]", m.get("adoption", ""), m.get("proponent", "")]
    previous = ""
    for block in body_blocks(ctx):
        text = body_text(ctx, block, marker)
        if block.kind == "title":
            lines.append(f"{block.num or ''}\t{text}".strip())
            lines += ["", ""] if not previous else []
        elif block.kind == "operative":
            lines.append(f"\t{number_label(ctx, block.num or '')}\t{text}")
        elif block.kind == "item":
            lines.append(f"\t{block.num}\t{text}" if block.num else f"\t{text}")
        elif block.kind in ("meeting", "date"):
            if previous not in ("meeting", "date"):
                lines.append("")
            lines.append(text)
        elif block.kind == "heading":
            lines.append(text)
        else:
            lines.append(f"\t{text}")
        previous = block.kind
    lines = [ln + " " if ln.startswith("\t") and rng.random() < 0.2 else ln for ln in lines]
    lines += [f"{footnote_label(ctx, n.marker)} {n.text}" for n in notes]
    lines += ods_furniture(ctx, sum(len(ln) for ln in lines))
    return "\n".join(lines) + "\n"


def ods_furniture(ctx: Ctx, size: int) -> list[str]:
    """The ODS trailer of seed 003: metadata, rules, stray page numbers, the glued masthead."""
    rng, m = ctx.rng, ctx.akn.masthead
    pages = max(1, math.ceil(size / 3500))
    letter = ctx.data["job_letter"]
    stray = [str(rng.randint(1, pages + 1)) for _ in range(2)]
    out = [
        f"[DU1]<<ODS JOB NO>>N{ctx.job}{letter}<<ODS JOB NO>>",
        f"<<ODS DOC SYMBOL1>>{ctx.symbol}<<ODS DOC SYMBOL1>>",
        "<<ODS DOC SYMBOL2>><<ODS DOC SYMBOL2>>",
        "_______________",
        "",
        "-" * 60,
        "",
        "-" * 15,
        "",
        "-" * 60,
        *[""] * 6,
        stray[0],
        "    ",
        "",
        stray[1],
        "",
        m.get("authority", "") + ctx.symbol + m.get("body", "") + m.get("status", ""),
        m.get("issued", "") + m.get("session", ""),
        *ctx.akn.agenda,
        "",
        ctx.job_short,
        f"*{ctx.job}*",
        "",
        ctx.symbol,
        "",
        ctx.symbol,
        "",
        str(min(2, pages)),
        "",
        str(pages),
        "",
    ]
    return out


# ------------------------------------------------------------------------------- markdown


def render_markdown(ctx: Ctx) -> str:
    rng, lang = ctx.rng, ctx.lang
    digits = ctx.data["digits"]
    conv: Callable[[str], str] = (lambda s: indic(s, digits)) if digits else (lambda s: s)
    bold_share = rng.choice([0.0, 0.1, 0.5, 0.9, 1.0])
    tight = rng.random() < 0.3  # 000 runs some numbered paragraphs together without blank lines
    zh_spacing = rng.choice([0.0, 0.05, 0.3]) if lang == "zh" else 0.0
    heads = "## " if rng.random() < 0.6 else ""
    notes: list[Note] = []

    def marker(note: Note) -> str:
        if note.again:
            return markdown_marker(ctx, note, lambda s: s)
        notes.append(note)
        return f"\ue000{len(notes) - 1}\ue001"

    def lead(text: str, style: str) -> str:
        return f"**{text}**" if style == "bold" else f"*{text}*"

    head = masthead_markdown(ctx, heads, conv)
    units: list[tuple[str, bool]] = []  # (paragraph, may join the previous without blank line)
    for block in body_blocks(ctx):
        styled = block.lead and rng.random() < bold_share
        text = body_text(ctx, block, marker, lead if styled else (lambda t, s: t))
        if zh_spacing and rng.random() < zh_spacing:
            text = space_han_ascii(text)
        text = conv(text)
        if block.kind == "title":
            units.append((heads + conv(title_markdown(ctx, block)), False))
        elif block.kind == "operative":
            units.append((f"{conv(number_label(ctx, block.num or ''))} {text}", tight))
        elif block.kind == "item" and block.num:
            units.append((f"{conv(block.num)} {text}", tight))
        else:
            units.append((text, False))
    body = paginate_markdown(ctx, units, notes, conv)
    return "\n".join(head) + "\n\n" + body + "\n"


def title_markdown(ctx: Ctx, block: Block) -> str:
    """``77/10. Title``; Arabic writes number/session and a dash (``١٠/٧٧ - العنوان``)."""
    num = block.num or ""
    if ctx.lang == "ar" and "/" in num:
        session, _, number = num.rstrip(".").partition("/")
        return f"{number}/{session} - {block.text}"
    return f"{num} {block.text}".strip()


def masthead_markdown(ctx: Ctx, heads: str, conv: Callable[[str], str]) -> list[str]:
    rng, m = ctx.rng, ctx.akn.masthead
    status, issued = m.get("status", ""), m.get("issued", "")
    session, body = conv(m.get("session", "")), m.get("body", "")
    agenda = [conv(a) for a in ctx.akn.agenda]
    variant = rng.randrange(3)
    if variant == 0:  # seed 000: body first, status, issued date glued to the session
        lines = ["", "", "", "", heads + body, "", status + "  ", issued + session + "  "]
        lines += agenda
    elif variant == 1:  # seed 001: status and date first, body, then session and agenda
        lines = ["", "", status, issued, "", heads + body, "", "", "", session, *agenda]
    else:  # status glued to the date
        lines = [heads + body, "", status + issued + "  ", session + "  ", *agenda]
    if m.get("agenda_name") and rng.random() < 0.7:
        lines += ["", conv(m["agenda_name"])]
    lines += ["", heads + conv(m.get("adoption", "")), "", conv(m.get("proponent", ""))]
    return lines


def split_points(text: str, cjk: bool) -> list[int]:
    """Offsets where a page may end inside a paragraph: between words, or characters in Han."""
    blocked = [False] * (len(text) + 1)
    for m in regex.finditer(r"\*+[^*]+\*+|\ue000\d+\ue001|\^\([^)]*\)", text):
        for i in range(m.start(), m.end() + 1):
            blocked[i] = True
    lo, hi = max(12, len(text) // 8), len(text) - 12
    if cjk:
        return [
            i
            for i in range(lo, hi)
            if not blocked[i]
            and not text[i].isspace()
            and not text[i - 1].isspace()
            and not (ASCII_ALNUM.match(text[i]) and ASCII_ALNUM.match(text[i - 1]))
        ]
    return [i for i in range(lo, hi) if text[i] == " " and not blocked[i]]


def paginate_markdown(
    ctx: Ctx, units: list[tuple[str, bool]], notes: list[Note], conv: Callable[[str], str]
) -> str:
    """Join paragraphs, ending pages inside paragraphs with footnotes and furniture between."""
    rng, cjk = ctx.rng, ctx.lang == "zh"
    lo, hi = LAYOUT["cjk_page_chars" if cjk else "markdown_page_chars"]
    budget = rng.randint(lo, hi)
    page = 1
    chunks: list[str] = []
    pending: list[int] = []

    def page_foot(last: bool) -> str:
        lines: list[str] = []
        if pending and rng.random() < 0.5:
            lines += ["---", ""]
        for i in pending:
            label = (
                f"({conv(notes[i].marker)})"
                if ctx.lang == "ar"
                else (f"<sup>{notes[i].marker}</sup>")
            )
            lines += [f"{label} {conv(notes[i].text)}", ""]
        pending.clear()
        if not last:
            lines += markdown_furniture(ctx, page)
        return "\n".join(lines).strip("\n")

    used = 0
    for k, (text, tight) in enumerate(units):
        sep = "\n" if tight and k and units[k - 1][1] else "\n\n"
        while used + len(text) > budget:
            points = [p for p in split_points(text, cjk) if p <= budget - used]
            if points:  # the page ends inside this paragraph
                cut = rng.choice(points[-max(1, len(points) // 3) :])
                head, text = text[:cut].rstrip(), text[cut:].lstrip()
                pending.extend(int(i) for i in SENTINEL.findall(head))
                chunks.append(sep + head if chunks else head)
            elif used == 0:
                break  # nowhere to end a page: the paragraph overflows it
            chunks.append("\n\n" + page_foot(last=False) + "\n\n\n\n")
            sep, used, page = "", 0, page + 1
            budget = rng.randint(lo, hi)
        pending.extend(int(i) for i in SENTINEL.findall(text))
        chunks.append(sep + text if chunks else text)
        used += len(text)
    tail = page_foot(last=True)
    if tail:
        chunks.append("\n\n" + tail)
    return SENTINEL.sub(
        lambda m: markdown_marker(ctx, notes[int(m.group(1))], conv), "".join(chunks)
    )


def markdown_marker(ctx: Ctx, note: Note, conv: Callable[[str], str]) -> str:
    return f"^({conv(note.marker)})" if ctx.lang == "ar" else f"<sup>{note.marker}</sup>"


def markdown_furniture(ctx: Ctx, page: int) -> list[str]:
    """Page-end furniture: recycle line and job number on page 1, job and symbol later."""
    rng = ctx.rng
    lines: list[str] = []
    if page == 1:
        lines += ["", ctx.data["recycle"], "", ctx.job_short]
        if rng.random() < 0.5:
            lines += ["", f"*{ctx.job}*"]
    else:
        parts = [ctx.job_short]
        if rng.random() < 0.5:
            parts.append(str(page))
        if rng.random() < 0.5:
            parts.append(ctx.symbol)
        rng.shuffle(parts)
        for p in parts:
            lines += ["", p]
    return lines


# ------------------------------------------------------------------------------ segmented


def render_segmented(ctx: Ctx, gold: Document) -> str:
    rng, m = ctx.rng, ctx.akn.masthead
    subjects = ctx.akn.subjects or [s.upper() for s in gold.subjects if s]
    cut = tokens_zh if ctx.lang == "zh" else tokens_latin
    spaced_num = rng.random() < 0.3
    words: list[str] = []
    for text in (m.get("adoption", ""), m.get("proponent", "")):
        words += cut(text, rng)
    for block in body_blocks(ctx):
        if block.kind == "title":
            words += [block.num or "", *cut(block.text, rng)]
        elif block.kind == "operative" and block.num:
            num = block.num.rstrip(".")
            words += [f"{num} ." if spaced_num else f"{num}.", *cut(block.text, rng)]
        elif block.kind == "item" and block.num:
            words += cut(block.num, rng) + cut(block.text, rng)
        else:
            words += cut(block.text, rng)
    line = " " + " ".join(w for w in words if w)
    header = "%%%" + "".join(f"{s}|" for s in subjects) + "\n\n" if subjects else ""
    return header + line + "\n"


def tokens_latin(text: str, rng: random.Random) -> list[str]:
    """Words with punctuation split off, as a tokeniser leaves them (``1982 ,``, ``( XXX )``)."""
    out: list[str] = []
    for word in text.split():
        before: list[str] = []
        after: list[str] = []
        while len(word) > 1 and word[0] in LEAD_PUNCT:
            before.append(word[0])
            word = word[1:]
        while len(word) > 1 and word[-1] in TRAIL_PUNCT:
            after.insert(0, word[-1])
            word = word[:-1]
        out += [*before, word, *after]
    return out


def tokens_zh(text: str, rng: random.Random) -> list[str]:
    """Pseudo word segmentation: Han runs in chunks of 1-4, dates as ``2004年 10月 22日``."""
    raw = ZH_TOKEN.findall(text)
    out: list[str] = []
    i = 0
    while i < len(raw):
        tok = raw[i]
        if not tok:
            pass
        elif HAN.match(tok):
            j = 0
            while j < len(tok):
                size = rng.choice((1, 2, 2, 2, 3, 4))
                out.append(tok[j : j + size])
                j += size
        else:
            nxt = raw[i + 1] if i + 1 < len(raw) else ""
            if tok[0].isdigit() and nxt[:1] and nxt[0] in DATE_UNIT:
                tok += nxt[0]
                raw[i + 1] = nxt[1:]
            if tok[0].isdigit() and out and out[-1].endswith("第") and rng.random() < 0.5:
                out[-1] = out[-1][:-1]
                tok = "第" + tok
                if not out[-1]:
                    out.pop()
            out.append(tok)
        i += 1
    return [t for t in out if t]


# -------------------------------------------------------------------------------- pdftext


def wrap(text: str, width: int, cjk: bool) -> list[str]:
    """Hard line breaks: anywhere between Han characters, else at spaces."""
    if not cjk:
        return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]
    lines: list[str] = []
    line, size = "", 0
    for atom in CJK_ATOM.findall(text):
        width_of = 1 if atom.startswith("\ue000") else len(atom)
        if size + width_of > width and line:
            lines.append(line)
            line, size = "", 0
            if atom == " ":
                continue
        line += atom
        size += width_of
    return [*lines, line]


def render_pdftext(ctx: Ctx) -> str:
    rng, m, lang = ctx.rng, ctx.akn.masthead, ctx.lang
    cjk = lang == "zh"
    width = rng.randint(*LAYOUT["cjk_width" if cjk else "latin_width"])
    digits = ctx.data["digits"] if rng.random() < 0.5 else ""
    conv: Callable[[str], str] = (lambda s: indic(s, digits)) if digits else (lambda s: s)
    zh_spacing = rng.choice([0.0, 0.5, 1.0]) if cjk else 0.0
    notes: list[Note] = []

    def marker(note: Note) -> str:
        if note.again:
            return footnote_label(ctx, note.marker)
        notes.append(note)
        return f"\ue000{len(notes) - 1}\ue001"

    lines: list[str] = []
    top = [
        m.get("authority", ""),
        ctx.symbol,
        m.get("body", ""),
        m.get("status", ""),
        m.get("issued", ""),
    ]
    if rng.random() < 0.5:
        top = [ctx.symbol, *top[:1], *top[2:]]
    lines += [t + " " for t in top if t] + [""]
    lines += [
        conv(t) + " "
        for t in (m.get("session", ""), *ctx.akn.agenda, m.get("agenda_name", ""))
        if t
    ] + [""]
    lines += [conv(t) + " " for t in (m.get("adoption", ""), m.get("proponent", "")) if t]
    lines.append("")
    for block in body_blocks(ctx):
        text = body_text(ctx, block, marker)
        if zh_spacing and rng.random() < zh_spacing:
            text = space_han_ascii(text)
        if block.kind == "operative":
            text = f"{number_label(ctx, block.num or '')} {text}"
        elif block.kind in ("item", "title") and block.num:
            text = f"{block.num} {text}"
        wrapped = wrap(conv(text), width, cjk)
        indent = " " if block.kind not in ("title", "heading", "meeting", "date") else ""
        wrapped[0] = indent + wrapped[0]
        wrapped[-1] += " "
        lines += wrapped
    return paginate_pdftext(ctx, lines, notes, conv, width)


def paginate_pdftext(
    ctx: Ctx, lines: list[str], notes: list[Note], conv: Callable[[str], str], width: int
) -> str:
    rng, cjk = ctx.rng, ctx.lang == "zh"
    per_page = rng.randint(*LAYOUT["cjk_page_lines" if cjk else "latin_page_lines"])
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)]
    total = len(pages)
    doubled = rng.random() < 0.5  # seed 004: a blank line after every line
    form_feed = rng.random() < 0.3
    out: list[str] = []
    for n, page in enumerate(pages, 1):
        body = list(page)
        if n > 1:
            body = [ctx.symbol + " ", " ", *body]
        refs = [int(i) for ln in page for i in SENTINEL.findall(ln)]
        foot: list[str] = []
        if refs:
            foot.append("__________________")
        for i in refs:
            label = footnote_label(ctx, notes[i].marker)
            foot += wrap(conv(f"{label} {notes[i].text}"), width, cjk)
        if n == 1:
            foot += [
                f"{ctx.job_short} ({ctx.data['job_letter']})",
                f"*{ctx.job}*",
                ctx.data["recycle"],
            ]
        else:
            foot += [
                f"{n}/{total}" if n % 2 == 0 else ctx.job_short,
                ctx.job_short if n % 2 == 0 else f"{n}/{total}",
            ]
        chunk = [*body, "", *foot]
        if doubled:
            chunk = [x for ln in chunk for x in (ln, "")]
        out.append("\n".join(chunk))
    text = ("\n\f" if form_feed else "\n").join(out)
    return (
        SENTINEL.sub(lambda m: conv(footnote_label(ctx, notes[int(m.group(1))].marker)), text)
        + "\n"
    )


# ---------------------------------------------------------------------------------- entry


def render(xml: bytes, gold: Document, form: str, seed: int) -> str | None:
    """``xml`` rendered as ``form``; ``None`` when the XML is not a renderable resolution."""
    if form not in FORMS:
        raise ValueError(f"unknown form {form!r}; expected one of {', '.join(FORMS)}")
    akn = read(xml)
    if akn is None:
        return None
    rng = random.Random(f"{seed}:{form}:{akn.masthead.get('symbol', '')}:{akn.lang}")
    ctx = Ctx(akn, rng, job_from(gold, akn, rng), DATA["lang"][akn.lang])
    if form == "ods":
        return render_ods(ctx)
    if form == "markdown":
        return render_markdown(ctx)
    if form == "segmented":
        return render_segmented(ctx, gold)
    return render_pdftext(ctx)
