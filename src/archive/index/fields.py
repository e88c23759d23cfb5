"""Whoosh field types of the section index that turn a value into postings directly.

Whoosh's generic path builds a ``Token`` object per token and lets the field's format count them; for
hundreds of bigrams and words per section that bookkeeping costs more than the segmentation itself. These
fields count their terms in plain dictionaries and encode them as the field's format does, so what they
write is what ``TEXT`` with the same analyzer would write. Whoosh pickles the field objects into the index:
keep this module's path and class names.
"""

from __future__ import annotations

import struct
from collections import Counter
from collections.abc import Iterator
from functools import cache
from typing import Any

from whoosh.fields import TEXT
from whoosh.formats import Positions
from whoosh.system import pack_uint

from archive.index.analysis import bigram_analyzer, bigrams, word_analyzer, words


class WordField(TEXT):  # type: ignore[misc]
    """jieba words (index mode) with their frequencies: ranking, not matching."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(analyzer=word_analyzer(), phrase=False, **kwargs)

    def index(self, value: str, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        counts = Counter(word for word, _, _, _ in words(value, index=True))
        for word, count in counts.items():
            yield word.encode("utf-8"), count, float(count), pack_uint(count)  # as whoosh.formats.Frequency


@cache
def _layout(count: int, wide: bool) -> struct.Struct:
    return struct.Struct(f"<{count}{'I' if wide else 'H'}")


def encode_positions(positions: list[int]) -> bytes:
    """The frequency (as Whoosh packs it) and the positions as little-endian 16-bit (32-bit if any is larger)."""
    wide = positions[-1] > 0xFFFF
    header: bytes = pack_uint(len(positions))
    return header + _layout(len(positions), wide).pack(*positions)


def decode_positions(value: bytes) -> tuple[int, ...]:
    count = int.from_bytes(value[:4], "big")
    positions: tuple[int, ...] = _layout(count, len(value) - 4 > 2 * count).unpack_from(value, 4)
    return positions


class CompactPositions(Positions):  # type: ignore[misc]
    """Whoosh's ``Positions`` with absolute positions as packed integers: decoding is one C call."""

    def encode(self, poslist: list[int]) -> bytes:
        return encode_positions(sorted(poslist))

    def decode_positions(self, valuestring: bytes) -> list[int]:
        return list(decode_positions(valuestring))


class BigramField(TEXT):  # type: ignore[misc]
    """Character bigrams at their positions: exact substring matching (``archive.index.matching``)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(analyzer=bigram_analyzer(), phrase=True, **kwargs)
        self.format = CompactPositions(field_boost=kwargs.get("field_boost", 1.0))

    def index(self, value: str, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        encode = encode_positions
        positions: dict[str, list[int]] = {}
        for pos, gram in enumerate(bigrams(value)):
            found = positions.get(gram)
            if found is None:
                positions[gram] = [pos]
            else:
                found.append(pos)
        for gram, where in positions.items():
            yield gram.encode("utf-8"), len(where), float(len(where)), encode(where)
