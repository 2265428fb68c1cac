"""Language versions: linking the versions of one document and aligning them.

Paragraphs are aligned first (their numbers, lengths and anchors such as numbers and symbols
agree across translations), then sentences inside each aligned paragraph pair.
"""

from sixfold.align.model import Link

__all__ = ["Link"]
