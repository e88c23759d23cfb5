"""Reading the index: one searcher kept open, refreshed on demand, with facet columns cached per segment.

Facet counting with Whoosh's grouping costs microseconds per hit per facet. Instead, each segment's facet
fields are read once into two numpy arrays (document, value id) — an inverted list turned around — and
cached by segment id, so a refresh after an incremental commit only reads the new segments. Counting a result
set is then a boolean mask over the documents and one ``bincount`` per field. Date sorting uses the same
columns (the ``date`` field's value ids ranked by date).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from whoosh import query as wq
from whoosh.searching import Searcher

from archive.index.schema import FACET_FIELDS
from archive.index.writer import live_dir, open_index

COLUMN_FIELDS = (*FACET_FIELDS, "year", "date")
BROAD = 500  # matches beyond which relevance ranking uses the word fields only
IntArray = npt.NDArray[np.int32]


@dataclass
class _Column:
    docs: IntArray  # document numbers (global, for the searcher)
    values: IntArray  # value ids into Registry.values


class _Registry:
    """Value ↔ id for one field, growing over the life of the reader."""

    def __init__(self) -> None:
        self.values: list[str] = []
        self.ids: dict[str, int] = {}

    def id(self, value: str) -> int:
        found = self.ids.get(value)
        if found is None:
            found = self.ids[value] = len(self.values)
            self.values.append(value)
        return found


@dataclass
class Hit:
    docnum: int
    score: float
    fields: dict[str, Any]


@dataclass
class Result:
    total: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]]


class IndexReader:
    """The live index of ``data_dir`` for searching. Thread-safe: calls are serialised."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self._lock = threading.RLock()
        ix, self.directory = open_index(self.data_dir)
        self._ix = ix
        self._searcher: Searcher = ix.searcher()
        self._registries = {name: _Registry() for name in COLUMN_FIELDS}
        self._segment_cache: dict[tuple[str, str], tuple[IntArray, IntArray]] = {}
        self._columns: dict[str, _Column] = {}
        self._date_rank: IntArray | None = None
        self._titles: list[str] | None = None

    # ---- lifecycle ------------------------------------------------------------------------------------
    def refresh(self) -> bool:
        """Pick up commits made since the searcher opened (and a rebuilt index); True when anything changed."""
        with self._lock:
            current = live_dir(self.data_dir)
            if current is not None and current != self.directory:
                ix, directory = open_index(self.data_dir)
                self._searcher.close()
                self._ix.close()
                self._ix, self.directory = ix, directory
                self._searcher = ix.searcher()
                self._registries = {name: _Registry() for name in COLUMN_FIELDS}
                self._segment_cache.clear()
                self._invalidate()
                return True
            fresh = self._searcher.refresh()
            if fresh is self._searcher:
                return False
            self._searcher = fresh
            self._invalidate()
            return True

    def _invalidate(self) -> None:
        self._columns.clear()
        self._date_rank = None
        self._titles = None

    def close(self) -> None:
        with self._lock:
            self._searcher.close()
            self._ix.close()

    @property
    def doc_count(self) -> int:
        return int(self._searcher.doc_count())

    # ---- columns --------------------------------------------------------------------------------------
    def _leaves(self) -> list[tuple[Any, int]]:
        leaves: list[tuple[Any, int]] = self._searcher.reader().leaf_readers()
        return leaves

    def column(self, field: str) -> _Column:
        found = self._columns.get(field)
        if found is not None:
            return found
        registry = self._registries[field]
        docs_parts: list[IntArray] = []
        value_parts: list[IntArray] = []
        live_keys = set()
        for leaf, offset in self._leaves():
            key = (leaf.segment().segment_id(), field)
            live_keys.add(key)
            cached = self._segment_cache.get(key)
            if cached is None:
                cached = self._read_segment(leaf, field, registry)
                self._segment_cache[key] = cached
            docs_parts.append(cached[0] + offset)
            value_parts.append(cached[1])
        for key in [k for k in self._segment_cache if k[1] == field and k not in live_keys]:
            del self._segment_cache[key]
        if docs_parts:
            column = _Column(np.concatenate(docs_parts).astype(np.int32), np.concatenate(value_parts))
        else:
            column = _Column(np.zeros(0, np.int32), np.zeros(0, np.int32))
        self._columns[field] = column
        return column

    @staticmethod
    def _read_segment(leaf: Any, field: str, registry: _Registry) -> tuple[IntArray, IntArray]:
        docs: list[IntArray] = []
        values: list[IntArray] = []
        if field in leaf.indexed_field_names():
            for term in leaf.lexicon(field):
                ids = np.fromiter(leaf.postings(field, term).all_ids(), dtype=np.int32)
                docs.append(ids)
                values.append(np.full(len(ids), registry.id(term.decode("utf-8")), dtype=np.int32))
        if not docs:
            return np.zeros(0, np.int32), np.zeros(0, np.int32)
        return np.concatenate(docs), np.concatenate(values)

    def values(self, field: str) -> list[tuple[str, int]]:
        """Every value of a facet field with its number of live sections."""
        with self._lock:
            mask = self._live_mask()
            return self._count(field, mask, limit=None)

    def _live_mask(self) -> npt.NDArray[np.bool_]:
        reader = self._searcher.reader()
        if not reader.has_deletions():
            return np.ones(reader.doc_count_all(), dtype=bool)
        mask = np.zeros(reader.doc_count_all(), dtype=bool)
        mask[np.fromiter(reader.all_doc_ids(), dtype=np.int64)] = True
        return mask

    def _count(self, field: str, mask: npt.NDArray[np.bool_], limit: int | None) -> list[tuple[str, int]]:
        column = self.column(field)
        registry = self._registries[field]
        if not len(column.docs):
            return []
        selected = column.values[mask[column.docs]]
        counts = np.bincount(selected, minlength=len(registry.values))
        nonzero = np.flatnonzero(counts)
        pairs = [(registry.values[i], int(counts[i])) for i in nonzero]
        if field == "year":
            pairs.sort(key=lambda p: p[0], reverse=True)
        else:
            pairs.sort(key=lambda p: (-p[1], p[0]))
        return pairs if limit is None else pairs[:limit]

    def _date_keys(self) -> IntArray:
        """Per document: the rank of its date among all dates (-1 when it has none)."""
        if self._date_rank is None:
            column = self.column("date")
            registry = self._registries["date"]
            order = sorted(range(len(registry.values)), key=registry.values.__getitem__)
            rank = np.empty(len(order), dtype=np.int32)
            rank[np.array(order, dtype=np.int64)] = np.arange(len(order), dtype=np.int32)
            keys = np.full(self._searcher.reader().doc_count_all(), -1, dtype=np.int32)
            if len(column.docs):
                keys[column.docs] = rank[column.values]
            self._date_rank = keys
        return self._date_rank

    def titles(self) -> list[str]:
        """Distinct article titles (for completion), read once per searcher from the title column."""
        with self._lock:
            if self._titles is None:
                seen: dict[str, None] = {}
                for leaf, _ in self._leaves():
                    if leaf.has_column("title"):
                        values = leaf.column_reader("title")
                        for value in values:
                            title = value.decode("utf-8") if isinstance(value, bytes) else str(value or "")
                            if title:
                                seen.setdefault(title, None)
                    else:
                        for fields in leaf.all_stored_fields():
                            if fields.get("title"):
                                seen.setdefault(fields["title"], None)
                self._titles = list(seen)
            return self._titles

    # ---- searching ------------------------------------------------------------------------------------
    def search(
        self,
        q: wq.Query,
        *,
        rank: wq.Query | None = None,
        sort: str = "relevance",
        offset: int = 0,
        limit: int = 10,
        facet_fields: Sequence[str] = (),
        facet_limit: int = 20,
    ) -> Result:
        """Total, facets and one page of hits for ``q``.

        Relevance: ``q`` scores its matches when there are at most ``BROAD`` of them. Beyond that, scoring
        every match costs tens of microseconds each, so the page is ranked by ``rank`` (plain word terms,
        which Whoosh can rank without scoring every document) among the matches, followed by the matches
        ``rank`` does not reach, newest first.
        """
        with self._lock:
            searcher = self._searcher
            docnums = np.fromiter(searcher.docs_for_query(q), dtype=np.int64)
            total = len(docnums)
            mask = np.zeros(searcher.reader().doc_count_all(), dtype=bool)
            mask[docnums] = True
            facets = {name: self._count(name, mask, facet_limit) for name in facet_fields}
            hits: list[Hit] = []
            if total and limit > 0 and offset < total:
                if sort == "date" or isinstance(q, wq.Every):
                    hits = self._by_date(docnums, offset, limit)
                elif total <= BROAD or rank is None:
                    results = searcher.search(q, limit=offset + limit, terms=False)
                    hits = [
                        Hit(hit.docnum, float(hit.score or 0.0), dict(hit.fields()))
                        for hit in results[offset : offset + limit]
                    ]
                else:
                    hits = self._broad(rank, docnums, mask, offset, limit)
            return Result(total=total, hits=hits, facets=facets)

    def _broad(
        self, rank: wq.Query, docnums: npt.NDArray[np.int64], mask: npt.NDArray[np.bool_], offset: int, limit: int
    ) -> list[Hit]:
        searcher = self._searcher
        allowed = {int(d) for d in docnums}
        results = searcher.search(rank, limit=offset + limit, filter=allowed, terms=False)
        hits = [
            Hit(hit.docnum, float(hit.score or 0.0), dict(hit.fields())) for hit in results[offset : offset + limit]
        ]
        if len(hits) < limit:
            # The ranking words reach fewer matches than the page needs: continue with the others, newest first.
            ranked_ids = np.fromiter(searcher.docs_for_query(rank), dtype=np.int64)
            ranked_count = int(mask[ranked_ids].sum()) if len(ranked_ids) else 0
            rest_mask = mask.copy()
            if len(ranked_ids):
                rest_mask[ranked_ids] = False
            rest = np.flatnonzero(rest_mask)
            hits += self._by_date(rest, max(0, offset - ranked_count), limit - len(hits))
        return hits

    def _by_date(self, docnums: npt.NDArray[np.int64], offset: int, limit: int) -> list[Hit]:
        keys = self._date_keys()[docnums]
        # Newest first; within a date in index order (an article's sections in their order).
        order = np.lexsort((docnums, -keys))
        chosen = docnums[order[offset : offset + limit]]
        searcher = self._searcher
        return [Hit(int(d), 0.0, dict(searcher.stored_fields(int(d)))) for d in chosen]
