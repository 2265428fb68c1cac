"""UN document symbols: one grammar (``data/grammar.toml``) used everywhere."""

from sixfold.symbols.find import (
    SymbolMatch,
    find_symbols,
    parse_resolution_number,
    resolution_symbol,
)
from sixfold.symbols.symbol import Symbol, SymbolError

__all__ = [
    "Symbol",
    "SymbolError",
    "SymbolMatch",
    "find_symbols",
    "parse_resolution_number",
    "resolution_symbol",
]
