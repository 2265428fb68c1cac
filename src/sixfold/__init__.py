"""sixfold: United Nations documents in the six official languages.

>>> import sixfold
>>> doc = sixfold.parse("A_RES_77_10.xml")
>>> doc.symbol, len(doc.paragraphs)
"""

from __future__ import annotations

from sixfold.errors import SixfoldError
from sixfold.model import Document, Footnote, Origin, Paragraph
from sixfold.parse import parse

__version__ = "0.1.0"
__all__ = ["Document", "Footnote", "Origin", "Paragraph", "SixfoldError", "__version__", "parse"]
