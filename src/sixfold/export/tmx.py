"""Translation memories: TMX 1.4b for CAT tools, TSV for spreadsheets and scripts.

One ``tu`` per aligned segment with a ``tuv`` per language; the document symbol, the pivot's
paragraph id and the alignment score travel as ``prop`` elements (``x-symbol``,
``x-paragraph``, ``x-score``) so a translator can trace a segment back to its source.
"""

from __future__ import annotations

import csv
import io

import regex
from lxml import etree

from sixfold import __version__
from sixfold.align.units import Unit

FORMATS = ("tmx", "tsv")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Characters XML 1.0 cannot carry (control characters from PDF extraction, lone surrogates).
_NOT_XML = regex.compile(r"[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_DOCTYPE = (
    '<!DOCTYPE tmx PUBLIC "-//LISA OSCAR:1998//DTD for Translation Memory eXchange//EN"'
    ' "tmx14.dtd">'
)


def to_tmx(units: list[Unit], languages: list[str], *, segtype: str = "paragraph") -> bytes:
    """A TMX 1.4b document; languages[0] is the source language of the memory."""
    root = etree.Element("tmx", version="1.4")
    _header(root, languages[0], segtype)
    body = etree.SubElement(root, "body")
    for unit in units:
        tu = etree.SubElement(body, "tu")
        for kind, value in (
            ("x-symbol", unit.symbol),
            ("x-paragraph", unit.segment),
            ("x-score", f"{unit.score:.4f}"),
        ):
            if value:
                etree.SubElement(tu, "prop", type=kind).text = value
        for lang in languages:
            if lang in unit.texts:
                tuv = etree.SubElement(tu, "tuv", {_XML_LANG: lang})
                etree.SubElement(tuv, "seg").text = _NOT_XML.sub("", unit.texts[lang])
    return etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", pretty_print=True, doctype=_DOCTYPE
    )


def _header(root: etree._Element, srclang: str, segtype: str) -> etree._Element:
    return etree.SubElement(
        root,
        "header",
        {
            "creationtool": "sixfold",
            "creationtoolversion": __version__,
            "segtype": segtype,
            "o-tmf": "sixfold",
            "adminlang": "en",
            "srclang": srclang,
            "datatype": "plaintext",
        },
    )


def to_tsv(units: list[Unit], languages: list[str]) -> str:
    """Symbol, paragraph, score, then one column per language; line breaks inside a text are
    kept by the CSV quoting."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(["symbol", "paragraph", "score", *languages])
    for unit in units:
        writer.writerow(
            [unit.symbol or "", unit.segment, f"{unit.score:.4f}"]
            + [unit.texts.get(lang, "") for lang in languages]
        )
    return out.getvalue()
