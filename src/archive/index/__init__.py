"""Index stage: the Whoosh index of sections. Every Whoosh import lives under this package.

- ``open_writer(data_dir, words)``: context manager with ``update_article`` / ``delete_article``;
- ``rebuild(data_dir, articles, words)``: a fresh index swapped in atomically;
- ``reader``: the searcher and facet columns used by ``archive.search``.
"""

from __future__ import annotations

from archive.index.schema import FILTER_FIELDS, SCHEMA_VERSION
from archive.index.writer import IndexWriter, index_stats, live_dir, open_writer, rebuild

__all__ = [
    "FILTER_FIELDS",
    "SCHEMA_VERSION",
    "IndexWriter",
    "index_stats",
    "live_dir",
    "open_writer",
    "rebuild",
]
