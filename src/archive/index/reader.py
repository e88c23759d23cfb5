"""Reading the index: one searcher kept open, refreshed on demand, with facet columns cached per segment.

Facet counting with Whoosh's grouping costs microseconds per hit per facet. Instead, each segment's facet
fields are read once into two numpy arrays (document, value id) — an inverted list turned around — and
cached by segment id, so a refresh after an incremental commit only reads the new segments. Counting a result
set is then a boolean mask over the documents and one ``bincount`` per field. Date sorting uses the same
columns (the ``date`` field's value ids ranked by date).

Relevance is BM25 over the query's words in the word and title fields and over the occurrences of each
searched string in the bigram field (``archive.index.query.rank_terms``), computed with numpy for all
matches at once: each term's postings are read a block at a time and the fields'
document lengths are cached per segment like the facet columns. Scoring every match through Whoosh's
matchers instead costs tens of microseconds a document, which a common word multiplies into a slow page.
Ties (and matches no ranking word reaches) go newest first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

from archive.index.analysis import normalize
from archive.index.matching import Substring, substring_docs, term_docs, term_postings
from archive.index.schema import BIGRAM_FIELD, FACET_FIELDS
from archive.index.writer import live_dir, open_index

COLUMN_FIELDS = (*FACET_FIELDS, "year", "date")
IntArray = npt.NDArray[np.int32]
FloatArray = npt.NDArray[np.float32]
MATCH_CACHE_BYTES = 64 << 20  # string matches kept per reader
BM25_B = 0.75
BM25_K1 = 1.2
_BYTE_LENGTHS = np.array([byte_to_length(code) for code in range(256)], dtype=np.float32)


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
        self._length_cache: dict[tuple[str, str], FloatArray] = {}
        self._match_cache: OrderedDict[tuple[Any, ...], tuple[npt.NDArray[np.int64], FloatArray]] = OrderedDict()
        self._match_cache_bytes = 0
        self._columns: dict[str, _Column] = {}
        self._date_rank: IntArray | None = None
        self._titles: list[str] | None = None
        self._folded_titles: tuple[str, npt.NDArray[np.intp]] | None = None

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
                self._length_cache.clear()
                self.forget_matches()
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
        self._folded_titles = None

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

    def _per_segment(self, cache: dict[tuple[str, str], Any], field: str, read: Any) -> list[tuple[Any, int]]:
        """``(read(leaf, field), offset)`` per segment, kept in ``cache`` while the segment lives."""
        parts = []
        live = set()
        for leaf, offset in self._leaves():
            key = (leaf.segment().segment_id(), field)
            live.add(key)
            found = cache.get(key)
            if found is None:
                found = cache[key] = read(leaf, field)
            parts.append((found, offset))
        for key in [k for k in cache if k[1] == field and k not in live]:
            del cache[key]
        return parts

    def column(self, field: str) -> _Column:
        found = self._columns.get(field)
        if found is not None:
            return found
        registry = self._registries[field]
        parts = self._per_segment(
            self._segment_cache, field, lambda leaf, name: self._read_segment(leaf, name, registry)
        )
        if parts:
            docs = np.concatenate([cached[0] + offset for cached, offset in parts]).astype(np.int32)
            column = _Column(docs, np.concatenate([cached[1] for cached, _ in parts]))
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

    def titles_containing(self, folded: str, limit: int) -> list[str]:
        """Up to ``limit`` titles whose folded text starts with ``folded``, then those that contain it."""
        with self._lock:
            titles = self.titles()
            if self._folded_titles is None:
                # One string, a title per line, scanned by ``str.find`` in C; where each line starts.
                text = "\n" + "".join(normalize(t).replace("\n", " ") + "\n" for t in titles)
                codes = np.frombuffer(text.encode("utf-32-le"), dtype="<u4")
                self._folded_titles = (text, np.flatnonzero(codes == 10)[:-1] + 1)
            text, line_starts = self._folded_titles

        def lines(needle: str, shift: int, wanted: int, skip: set[int]) -> list[int]:
            found: list[int] = []
            at = text.find(needle)
            while at != -1 and len(found) < wanted:
                line = int(np.searchsorted(line_starts, at + shift, side="right")) - 1
                if line not in skip:
                    found.append(line)
                following = int(line_starts[line + 1]) if line + 1 < len(line_starts) else len(text)
                at = text.find(needle, following - shift)
            return found

        first = lines("\n" + folded, 1, limit, set())
        rest = lines(folded, 0, limit - len(first), set(first)) if len(first) < limit else []
        return [titles[i] for i in first + rest]

    # ---- ranking --------------------------------------------------------------------------------------
    def lengths(self, field: str) -> FloatArray:
        """Per document: the length in terms of ``field`` (0 when absent), for the searcher's documents."""
        parts = self._per_segment(self._length_cache, field, self._read_lengths)
        return np.concatenate([found for found, _ in parts]) if parts else np.zeros(0, np.float32)

    @staticmethod
    def _read_lengths(leaf: Any, field: str) -> FloatArray:
        count = leaf.doc_count_all()
        perdoc = getattr(leaf, "_perdoc", None)
        name = _lenfield(field)
        if perdoc is not None and perdoc.has_column(name):
            codes = np.fromiter(perdoc.column_reader(name, LENGTHS_COLUMN), dtype=np.uint8, count=count)
            lengths: FloatArray = _BYTE_LENGTHS[codes]
            return lengths
        return np.array([leaf.doc_field_length(d, field, 0) or 0 for d in range(count)], dtype=np.float32)

    def _gather(self, read: Callable[[Any], tuple[Any, ...]]) -> tuple[npt.NDArray[np.int64], FloatArray]:
        """Join every segment's ``read(leaf)``: its documents (ascending), shifted to the searcher's numbers,
        and, when ``read`` gives them, a number for each document (float32; otherwise an empty array)."""
        docs_parts: list[npt.NDArray[np.int64]] = []
        number_parts: list[FloatArray] = []
        for leaf, offset in self._leaves():
            docs, *numbers = read(leaf)
            if len(docs):
                docs_parts.append(np.asarray(docs, dtype=np.int64) + offset)
                number_parts.extend(np.asarray(n, dtype=np.float32) for n in numbers)
        empty = np.zeros(0, np.float32)
        if not docs_parts:
            return np.zeros(0, np.int64), empty
        return np.concatenate(docs_parts), np.concatenate(number_parts) if number_parts else empty

    def _occurrences(self, field: str, text: str) -> tuple[npt.NDArray[np.int64], FloatArray]:
        """Documents containing the squeezed string ``text`` in bigram field ``field``, with occurrence counts.

        Each segment's answer is kept in a cache bounded by ``MATCH_CACHE_BYTES`` (least recently used goes
        first) under the segment's id and deletion count: paging and facet clicks repeat a query, and a commit
        that adds or deletes documents changes the keys it affects.
        """

        def read(leaf: Any) -> tuple[npt.NDArray[np.int64], FloatArray]:
            segment = leaf.segment()
            key = (segment.segment_id(), segment.deleted_count(), field, text)
            found = self._match_cache.get(key)
            if found is None:
                found = substring_docs(leaf, field, text)
                self._remember(key, found)
            else:
                self._match_cache.move_to_end(key)
            return found

        return self._gather(read)

    def _remember(self, key: tuple[Any, ...], found: tuple[npt.NDArray[np.int64], FloatArray]) -> None:
        size = found[0].nbytes + found[1].nbytes
        if size > MATCH_CACHE_BYTES // 4:
            return
        self._match_cache[key] = found
        self._match_cache_bytes += size
        while self._match_cache_bytes > MATCH_CACHE_BYTES:
            _, (docs, counts) = self._match_cache.popitem(last=False)
            self._match_cache_bytes -= docs.nbytes + counts.nbytes

    def forget_matches(self) -> None:
        """Empty the cache of string matches (benchmarks time queries without it)."""
        with self._lock:
            self._match_cache.clear()
            self._match_cache_bytes = 0

    def _postings(self, field: str, word: str) -> tuple[npt.NDArray[np.int64], FloatArray]:
        """Documents holding ``word`` in ``field`` and its frequency there (bigram fields: a whole string)."""
        if field == BIGRAM_FIELD:
            return self._occurrences(field, word)
        return self._gather(lambda leaf: term_postings(leaf, field, word))

    def scores(self, terms: Sequence[tuple[str, str, float]], docnums: npt.NDArray[np.int64]) -> FloatArray:
        """BM25 of ``(field, word, boost)`` terms for each of ``docnums`` (ascending document numbers)."""
        scores = np.zeros(len(docnums), dtype=np.float32)
        if not len(docnums):
            return scores
        searcher = self._searcher
        total = searcher.doc_count_all()
        for field, word, boost in terms:
            ids_all, tf_all = self._postings(field, word)
            if not len(ids_all):
                continue
            where = np.searchsorted(docnums, ids_all)
            inside = where < len(docnums)
            inside[inside] = docnums[where[inside]] == ids_all[inside]
            if not inside.any():
                continue
            tf = tf_all[inside]
            lengths = self.lengths(field)
            average = float(lengths.sum()) / max(1, int(np.count_nonzero(lengths))) or 1.0
            norm = BM25_K1 * ((1 - BM25_B) + BM25_B * lengths[ids_all[inside]] / average)
            idf = np.log(total / (len(ids_all) + 1)) + 1
            scores[where[inside]] += boost * idf * (tf * (BM25_K1 + 1)) / (tf + norm)
        return scores

    # ---- matching -------------------------------------------------------------------------------------
    def docnums(self, q: wq.Query) -> npt.NDArray[np.int64]:
        """The live documents matching ``q``, ascending.

        Substring, term, and/or/not and "everything" are evaluated here over whole document lists with numpy;
        anything else (a date range) through Whoosh's matchers.
        """
        if isinstance(q, Substring):
            return self._occurrences(q.fieldname, q.text)[0]
        if isinstance(q, wq.Term):
            return self._gather(lambda leaf: (term_docs(leaf, q.fieldname, q.text),))[0]
        if isinstance(q, wq.Every):
            return np.flatnonzero(self._live_mask()).astype(np.int64)
        if isinstance(q, wq.Not):
            return np.setdiff1d(np.flatnonzero(self._live_mask()), self.docnums(q.query), assume_unique=True)
        if isinstance(q, wq.And):
            positive = [c for c in q.subqueries if not isinstance(c, wq.Not)]
            negative = [c.query for c in q.subqueries if isinstance(c, wq.Not)]
            if not positive:
                positive = [wq.Every()]
            # Smallest first: later intersections and exclusions work on fewer documents.
            lists = sorted((self.docnums(c) for c in positive), key=len)
            result = lists[0]
            for other in lists[1:]:
                result = np.intersect1d(result, other, assume_unique=True)
            for excluded in negative:
                if len(result):
                    result = result[~np.isin(result, self.docnums(excluded))]
            return result
        if isinstance(q, wq.Or):
            alternatives = [self.docnums(c) for c in q.subqueries]
            return np.unique(np.concatenate(alternatives)) if alternatives else np.zeros(0, np.int64)
        docs = np.fromiter(self._searcher.docs_for_query(q), dtype=np.int64)
        return docs if not len(docs) or bool(np.all(docs[1:] > docs[:-1])) else np.unique(docs)

    # ---- searching ------------------------------------------------------------------------------------
    def search(
        self,
        q: wq.Query,
        *,
        rank: Sequence[tuple[str, str, float]] = (),
        sort: str = "relevance",
        offset: int = 0,
        limit: int = 10,
        facet_fields: Sequence[str] = (),
        facet_limit: int = 20,
    ) -> Result:
        """Total, facets and one page of hits for ``q``, by relevance (BM25 of ``rank`` terms) or date."""
        with self._lock:
            searcher = self._searcher
            docnums = self.docnums(q)
            total = len(docnums)
            mask = np.zeros(searcher.reader().doc_count_all(), dtype=bool)
            mask[docnums] = True
            facets = {name: self._count(name, mask, facet_limit) for name in facet_fields}
            hits: list[Hit] = []
            if total and limit > 0 and offset < total:
                if sort == "date" or isinstance(q, wq.Every) or not rank:
                    hits = self._by_date(docnums, offset, limit)
                else:
                    scores = self.scores(rank, docnums)
                    keys = self._date_keys()[docnums]
                    order = np.lexsort((docnums, -keys, -scores))[offset : offset + limit]
                    hits = [
                        Hit(int(docnums[i]), float(scores[i]), dict(searcher.stored_fields(int(docnums[i]))))
                        for i in order
                    ]
            return Result(total=total, hits=hits, facets=facets)

    def _by_date(self, docnums: npt.NDArray[np.int64], offset: int, limit: int) -> list[Hit]:
        keys = self._date_keys()[docnums]
        # Newest first; within a date in index order (an article's sections in their order).
        order = np.lexsort((docnums, -keys))
        chosen = docnums[order[offset : offset + limit]]
        searcher = self._searcher
        return [Hit(int(d), 0.0, dict(searcher.stored_fields(int(d)))) for d in chosen]
