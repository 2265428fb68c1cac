"""Subject indexing with the UNBIS Thesaurus: the vocabulary, and an indexer that suggests a
document's subjects from the series it belongs to, the resolutions it cites and its text."""

from sixfold.subjects.vocabulary import Concept, Vocabulary

__all__ = ["Concept", "Vocabulary"]
