"""Citations: what a document cites, found in its paragraphs in any of the six languages."""

from sixfold.citations.extract import (
    Citation,
    citable_texts,
    cited_targets,
    document_citations,
    find_citations,
    lead_verb,
)

__all__ = [
    "Citation",
    "citable_texts",
    "cited_targets",
    "document_citations",
    "find_citations",
    "lead_verb",
]
