"""The citation graph as GraphML (Gephi, yEd, networkx), a CSV edge list, or JSON.

Nodes are symbols; a node carries ``present`` (the library holds the document) and each edge
the citation's kind, the verb of the citing paragraph's lead and the date printed with it.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict

from lxml import etree

from sixfold.library.graph import Edge

FORMATS = ("graphml", "csv", "json")
_GRAPHML = "http://graphml.graphdrawing.org/xmlns"
_EDGE_FIELDS = ("kind", "verb", "date", "paragraph")


def render(edges: list[Edge], fmt: str) -> str:
    """The graph in one of :data:`FORMATS`."""
    if fmt == "csv":
        return _csv(edges)
    if fmt == "json":
        return json.dumps(
            {"nodes": _nodes(edges), "edges": [asdict(e) for e in edges]},
            ensure_ascii=False,
            indent=1,
        )
    return _graphml(edges)


def _nodes(edges: list[Edge]) -> list[dict[str, object]]:
    present = {e.source: True for e in edges}
    for edge in edges:
        present.setdefault(edge.target, edge.present)
    return [{"id": symbol, "present": flag} for symbol, flag in sorted(present.items())]


def _csv(edges: list[Edge]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("source", "target", *_EDGE_FIELDS, "present"))
    for e in edges:
        writer.writerow((e.source, e.target, e.kind, e.verb, e.date, e.paragraph, e.present))
    return out.getvalue()


def _graphml(edges: list[Edge]) -> str:
    root = etree.Element(f"{{{_GRAPHML}}}graphml", nsmap={None: _GRAPHML})  # type: ignore[dict-item]
    keys = [("present", "node", "boolean"), *((f, "edge", "string") for f in _EDGE_FIELDS)]
    for name, scope, kind in keys:
        etree.SubElement(
            root,
            f"{{{_GRAPHML}}}key",
            id=name,
            attrib={"for": scope, "attr.name": name, "attr.type": kind},
        )
    graph = etree.SubElement(root, f"{{{_GRAPHML}}}graph", id="citations", edgedefault="directed")
    for node in _nodes(edges):
        element = etree.SubElement(graph, f"{{{_GRAPHML}}}node", id=str(node["id"]))
        etree.SubElement(element, f"{{{_GRAPHML}}}data", key="present").text = str(
            node["present"]
        ).lower()
    for edge in edges:
        element = etree.SubElement(
            graph, f"{{{_GRAPHML}}}edge", source=edge.source, target=edge.target
        )
        for name in _EDGE_FIELDS:
            value = getattr(edge, name)
            if value is not None:
                etree.SubElement(element, f"{{{_GRAPHML}}}data", key=name).text = value
    return etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8").decode()
