"""Where the UN's XML links a document, as a place all six language versions share.

The eval of citations judges a disagreement with the XML by what the other language versions
of the same resolution link in the same paragraph, so every link needs a place that means the
same paragraph in every language.  AKN eIds do not (the Arabic files number sub-items as
paragraphs: English ``para_75`` is Arabic ``para_33``), so a place is built from what the
versions share: an operative paragraph's printed number, the rank of a preambular, other or
annex paragraph among its kind, a footnote's marker.
"""

from __future__ import annotations

import bisect
import collections

from lxml import etree

from sixfold.model import Document, Paragraph
from sixfold.readers.akn import AKN_NS, undocs_symbol

_A = f"{{{AKN_NS}}}a"
_NOTE = f"{{{AKN_NS}}}authorialNote"
_COMPONENT = f"{{{AKN_NS}}}component"
_TEXT_PARTS = {f"{{{AKN_NS}}}{name}" for name in ("preamble", "mainBody", "attachments")}


def paragraph_places(doc: Document) -> dict[str, str]:
    """Paragraph id -> place shared by the language versions (a footnote's id, ``fn<marker>``,
    is already one).

    An operative paragraph is its printed number (with how often that number has come before,
    for the parts of a resolution adopted in parts); any other is its kind and rank."""
    places: dict[str, str] = {}
    ranks: collections.Counter[str] = collections.Counter()

    def place(para: Paragraph, scope: str) -> str:
        name = f"{scope}op{para.number}" if para.number else f"{scope}{para.kind}"
        ranks[name] += 1
        return f"{name}#{ranks[name]}"

    for para in doc.paragraphs:
        places[para.id] = place(para, "")
    for para in (p for annex in doc.annexes for p in annex.paragraphs):
        places[para.id] = place(para, "annex-")
    return places


def _scoped_id(el: etree._Element) -> str | None:
    """The id the reader gives a paragraph element: its eId, prefixed inside a component of a
    collection with that component's eId (whose parts reuse eIds)."""
    eid = el.get("eId")
    if not eid:
        return None
    component = next(el.iterancestors(_COMPONENT), None)
    return f"{component.get('eId')}__{eid}" if component is not None else eid


def link_places(data: bytes, doc: Document) -> list[tuple[str, str | None]]:
    """(linked symbol, place) for every undocs.org link of an AKN file.

    The place is the paragraph the link stands in, or the footnote; a link in a sub-item that
    the reader folded into the paragraph before takes that paragraph; a link outside the body,
    the annexes and the footnotes (the preface, the conclusions) has no place (``None``)."""
    places = paragraph_places(doc)
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, huge_tree=True))
    order: list[int] = []
    owners: list[str] = []
    links: list[tuple[str, str | None]] = []
    for position, el in enumerate(root.iter()):
        pid = _scoped_id(el)
        if pid is not None and pid in places:
            order.append(position)
            owners.append(places[pid])
        if el.tag != _A or (symbol := undocs_symbol(el.get("href") or "")) is None:
            continue
        links.append((symbol, _place(el, position, order, owners)))
    return links


def _place(el: etree._Element, position: int, order: list[int], owners: list[str]) -> str | None:
    note = next(el.iterancestors(_NOTE), None)
    if note is not None:
        return f"fn{note.get('marker') or ''}"
    if not any(a.tag in _TEXT_PARTS for a in el.iterancestors()):
        return None
    at = bisect.bisect_left(order, position) - 1
    return owners[at] if at >= 0 else None
