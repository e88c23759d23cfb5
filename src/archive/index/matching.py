"""Exact substring matching over the bigram field, as a Whoosh query.

A string ``s`` (folded, whitespace squeezed) of n ≥ 2 characters occurs in a section exactly when its bigrams
``s[i:i+2]`` occur at positions ``p + i`` for one ``p`` (``archive.index.analysis``). Bigrams whose characters
cover ``s`` already fix it — offsets 0, 2, 4, … and n - 2 — so only those are read: the rarest list whole,
the others only in the blocks where its documents lie, and positions are decoded only for documents found
in every list. A single character occurs exactly when some bigram starting with it occurs.

Lists are read a block at a time from Whoosh's own postings format (``W3LeafMatcher``); any other matcher
is read through the public ``Matcher`` interface.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import accumulate
from typing import Any

import numpy as np
import numpy.typing as npt
from whoosh import query as wq
from whoosh.matching import ListMatcher, NullMatcher
from whoosh.matching.wrappers import FilterMatcher

from archive.index.analysis import squeeze
from archive.index.fields import decode_positions

BLOCK_READS = True  # read Whoosh's own postings a block at a time (False: only the public Matcher interface)


def cover_offsets(length: int) -> list[int]:
    """Offsets of the bigrams read for a string of ``length`` ≥ 2 characters."""
    offsets = list(range(0, length - 1, 2))
    if offsets[-1] != length - 2:
        offsets.append(length - 2)
    return offsets


def _read_ids(m: Any) -> Any:
    """The current block's document numbers (as ``W3LeafMatcher._read_ids``, decoding deltas in C)."""
    if m._ids is None:
        if m._data is None:
            m._read_data()
        ids = m._data[0]
        m._ids = ids if m._byteids else tuple(accumulate(ids))
    return m._ids


class _Postings:
    """One term's postings in one segment, readable a block at a time; deleted documents left out."""

    def __init__(self, reader: Any, field: str, term: str) -> None:
        matcher = reader.postings(field, term)
        self.deleted: frozenset[int] = frozenset()
        if isinstance(matcher, FilterMatcher):
            self.deleted = frozenset(matcher._ids) if matcher._exclude else frozenset()
            matcher = matcher.child
        self.matcher = matcher
        self.blocky = BLOCK_READS and hasattr(matcher, "_read_ids") and hasattr(matcher, "_next_block")

    def blocks(self) -> Iterator[tuple[Any, Any]]:
        """``(ids, values)`` per block (ids ascending)."""
        m = self.matcher
        if not self.blocky:
            while m.is_active():
                yield (m.id(),), (m.value(),)
                m.next()
            return
        while m.is_active():
            _read_ids(m)
            m._read_values()
            yield m._ids, m._values
            m._next_block()

    def ids(self) -> Iterator[int]:
        deleted = self.deleted
        for ids, _ in self.blocks():
            if deleted:
                yield from (d for d in ids if d not in deleted)
            else:
                yield from ids

    def items(self) -> Iterator[tuple[int, bytes]]:
        deleted = self.deleted
        for ids, values in self.blocks():
            for doc, value in zip(ids, values, strict=True):
                if doc not in deleted:
                    yield doc, value

    def weighted(self) -> tuple[list[int], list[float]]:
        """Every live document of the list with the posting's weight (the term's frequency there)."""
        m = self.matcher
        ids: list[int] = []
        weights: list[float] = []
        if not self.blocky:
            while m.is_active():
                ids.append(m.id())
                weights.append(m.weight())
                m.next()
        else:
            while m.is_active():
                _read_ids(m)
                m._read_weights()
                ids.extend(m._ids)
                weights.extend(m._weights)
                m._next_block()
        if self.deleted:
            kept = [(d, w) for d, w in zip(ids, weights, strict=True) if d not in self.deleted]
            return [d for d, _ in kept], [w for _, w in kept]
        return ids, weights

    def items_in(self, wanted: list[int]) -> dict[int, bytes]:
        """Values of the documents in ``wanted`` (ascending) that hold the term; skips other blocks unread."""
        m = self.matcher
        found: dict[int, bytes] = {}
        if not wanted:
            return found
        if not self.blocky:
            for doc in wanted:
                if not m.is_active():
                    break
                m.skip_to(doc)
                if m.is_active() and m.id() == doc:
                    found[doc] = m.value()
            return found
        i, n = 0, len(wanted)
        while i < n and m.is_active():
            if m._maxid < wanted[i]:
                m._next_block()
                continue
            ids = _read_ids(m)
            values = None
            for j, doc in enumerate(ids):
                while i < n and wanted[i] < doc:
                    i += 1
                if i == n:
                    break
                if wanted[i] == doc:
                    if values is None:
                        m._read_values()
                        values = m._values
                    found[doc] = values[j]
                    i += 1
            m._next_block()
        return found


def term_docs(reader: Any, field: str, term: str) -> list[int]:
    """Live documents of one segment holding ``term`` in ``field`` (ascending)."""
    if not reader.doc_frequency(field, term):
        return []
    return list(_Postings(reader, field, term).ids())


def term_postings(reader: Any, field: str, term: str) -> tuple[list[int], list[float]]:
    """Documents of one segment holding ``term`` in ``field``, with the term's frequency in each."""
    if not reader.doc_frequency(field, term):
        return [], []
    return _Postings(reader, field, term).weighted()


Occurrences = tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]  # documents (ascending), how often in each
_NONE: Occurrences = (np.zeros(0, np.int64), np.zeros(0, np.float32))


def _occurrences(docs: Any, counts: Any) -> Occurrences:
    return np.asarray(docs, dtype=np.int64), np.asarray(counts, dtype=np.float32)


def substring_docs(reader: Any, field: str, text: str) -> Occurrences:
    """Documents of one segment whose ``field`` contains the squeezed string ``text``, with occurrence counts."""
    if not text:
        return _NONE
    if len(text) == 1:  # every bigram that starts with the character, summed per document
        all_ids: list[int] = []
        all_weights: list[float] = []
        for term in reader.expand_prefix(field, text):
            ids, weights = _Postings(reader, field, term).weighted()
            all_ids += ids
            all_weights += weights
        docs, where = np.unique(np.asarray(all_ids, dtype=np.int64), return_inverse=True)
        return docs, np.bincount(where, weights=all_weights, minlength=len(docs)).astype(np.float32)
    offsets = cover_offsets(len(text))
    grams = [(text[o : o + 2], o) for o in offsets]
    frequencies = {}
    for gram, _ in grams:
        frequencies[gram] = reader.doc_frequency(field, gram)
        if not frequencies[gram]:
            return _NONE
    grams.sort(key=lambda g: frequencies[g[0]])
    first, first_offset = grams[0]
    if len(grams) == 1:  # a two-character string: the term's own postings and frequencies
        return _occurrences(*_Postings(reader, field, first).weighted())
    candidates = dict(_Postings(reader, field, first).items())
    lists = [(candidates, first_offset)]
    for gram, offset in grams[1:]:
        found = _Postings(reader, field, gram).items_in(sorted(candidates))
        if not found:
            return _NONE
        candidates = {d: candidates[d] for d in found}
        lists.append((found, offset))
    ordered = sorted(candidates)
    occurrences = _starts_everywhere(ordered, lists)
    if occurrences is None:  # some section beyond 65,535 characters: check one document at a time
        occurrences = _starts_one_by_one(ordered, lists)
    return occurrences


_STRIDE = 1 << 16  # start positions of 16-bit lists stay below this


def _starts_everywhere(docs: list[int], lists: list[tuple[dict[int, bytes], int]]) -> Occurrences | None:
    """The documents where every list's bigram sits at its offset from one start, checked with numpy.

    Each list's positions for all ``docs`` become keys ``document index * 2^16 + start``; a document matches
    when some key is in every list. ``None`` when a list holds 32-bit positions.
    """
    keys: npt.NDArray[np.int64] | None = None
    index = np.arange(len(docs), dtype=np.int64)
    for values, offset in lists:
        chosen = [values[d] for d in docs]
        counts = np.frombuffer(b"".join([v[:4] for v in chosen]), dtype=">u4").astype(np.int64)
        sizes = np.fromiter(map(len, chosen), dtype=np.int64, count=len(chosen)) - 4
        if np.any(sizes != 2 * counts):
            return None
        positions = np.frombuffer(b"".join([v[4:] for v in chosen]), dtype="<u2").astype(np.int64) - offset
        here = np.repeat(index, counts) * _STRIDE + positions
        here = here[positions >= 0]
        keys = here if keys is None else np.intersect1d(keys, here, assume_unique=True)
        if not len(keys):
            return _NONE
    if keys is None:
        return _NONE
    matched, counts = np.unique(keys // _STRIDE, return_counts=True)
    return np.asarray(docs, dtype=np.int64)[matched], counts.astype(np.float32)


def _starts_one_by_one(docs: list[int], lists: list[tuple[dict[int, bytes], int]]) -> Occurrences:
    first_values, first_offset = lists[0]
    rest = [(values, offset - first_offset) for values, offset in lists[1:]]
    found: dict[int, int] = {}
    for doc in docs:
        starts = decode_positions(first_values[doc])
        for values, shift in rest:
            held = set(decode_positions(values[doc]))
            starts = tuple(p for p in starts if p + shift in held)
            if not starts:
                break
        if starts:
            found[doc] = len(starts)
    return _occurrences(list(found), list(found.values()))


class Substring(wq.Query):  # type: ignore[misc]
    """Sections whose bigram field ``fieldname`` holds ``text`` (folded and squeezed here)."""

    def __init__(self, fieldname: str, text: str, boost: float = 1.0) -> None:
        self.fieldname = fieldname
        self.text = squeeze(text)
        self.boost = boost

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Substring) and (self.fieldname, self.text, self.boost) == (
            other.fieldname,
            other.text,
            other.boost,
        )

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.fieldname, self.text, self.boost))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.fieldname!r}, {self.text!r})"

    def __unicode__(self) -> str:
        return f'{self.fieldname}:"{self.text}"'

    __str__ = __unicode__

    def has_terms(self) -> bool:
        return False

    def estimate_size(self, ixreader: Any) -> int:
        if len(self.text) < 2:
            return int(ixreader.doc_count())
        return int(
            min(ixreader.doc_frequency(self.fieldname, self.text[o : o + 2]) for o in cover_offsets(len(self.text)))
        )

    def estimate_min_size(self, ixreader: Any) -> int:
        return 0

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        reader = searcher.reader()
        leaves = [(reader, 0)] if reader.is_atomic() else reader.leaf_readers()
        ids: list[int] = []
        for leaf, offset in leaves:
            ids.extend((substring_docs(leaf, self.fieldname, self.text)[0] + offset).tolist())
        if not ids:
            return NullMatcher()
        # Matching only: relevance comes from the word fields (archive.index.reader.IndexReader.scores).
        return ListMatcher(ids, all_weights=self.boost)
