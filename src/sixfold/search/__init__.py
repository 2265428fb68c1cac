"""Search: the per-language text analysis shared by indexing and querying, and query building."""
