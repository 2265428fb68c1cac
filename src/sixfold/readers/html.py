"""Read HTML (UN web pages, ODS HTML exports) into blocks with the shared light markup."""

from __future__ import annotations

from collections.abc import Iterator

import lxml.html
from lxml import etree

from sixfold.errors import CorruptFileError, EmptyInputError
from sixfold.readers import RawText
from sixfold.readers.emphasis import Segment, render

_DROPPED = {"script", "style", "nav", "head", "noscript", "template", "header", "footer"}
_BLOCKS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "blockquote", "pre",
    "section", "article", "table", "ul", "ol", "dl", "dt", "dd", "body", "html", "main",
}  # fmt: skip
_ITALIC = {"i", "em", "cite"}
_BOLD = {"b", "strong"}


def read_html(data: bytes) -> RawText:
    """Each block element becomes a block; ``<sup>``, italic and bold become light markup."""
    try:
        root = lxml.html.fromstring(data)
    except (etree.ParserError, ValueError) as exc:
        raise CorruptFileError(f"unreadable HTML: {exc}") from None
    blocks: list[list[Segment]] = [[]]
    _walk(root, False, False, blocks)
    texts = (" ".join(render(segments).split(" ")).strip() for segments in blocks)
    text = "\n\n".join(block for block in texts if block)
    if not text:
        raise EmptyInputError("HTML page has no text")
    return RawText(text=text, format="html")


def _walk(element: etree._Element, italic: bool, bold: bool, blocks: list[list[Segment]]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _DROPPED or not tag:
        _tail(element, italic, bold, blocks)
        return
    if tag in _BLOCKS:
        blocks.append([])
    if tag == "sup":
        blocks[-1].append(
            Segment(
                f"<sup>{''.join(map(str, element.itertext())).strip()}</sup>", False, False, True
            )
        )
    else:
        italic, bold = italic or tag in _ITALIC, bold or tag in _BOLD
        if tag == "br":
            blocks[-1].append(Segment("\n", False, False))
        if tag in ("td", "th"):
            blocks[-1].append(Segment("\t", False, False))
        blocks[-1].extend(_segments(element.text, italic, bold))
        for child in element:
            _walk(child, italic, bold, blocks)
    if tag in _BLOCKS:
        blocks.append([])
    parent = element.getparent()
    parent_tag = parent.tag if parent is not None and isinstance(parent.tag, str) else ""
    _tail(element, parent_tag in _ITALIC, parent_tag in _BOLD, blocks)


def _tail(element: etree._Element, italic: bool, bold: bool, blocks: list[list[Segment]]) -> None:
    blocks[-1].extend(_segments(element.tail, italic, bold))


def _segments(text: str | None, italic: bool, bold: bool) -> Iterator[Segment]:
    """HTML whitespace collapses: newlines in the source are just spaces."""
    if text:
        yield Segment(" ".join(text.split("\n")), italic, bold)
