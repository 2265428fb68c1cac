"""Citations: what a document cites, found in its paragraphs in any of the six languages."""

from sixfold.citations.extract import Citation, document_citations, find_citations, lead_verb

__all__ = ["Citation", "document_citations", "find_citations", "lead_verb"]
