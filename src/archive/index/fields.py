"""Whoosh field types of the section index that turn a value into postings directly.

Whoosh's generic path builds a ``Token`` object per token and lets the field's format count them; for
hundreds of bigrams and words per section that bookkeeping costs more than the segmentation itself. These
fields count their terms in plain dictionaries and encode them as the field's format does, so what they
write is what ``TEXT`` with the same analyzer would write. Whoosh pickles the field objects into the index:
keep this module's path and class names.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from whoosh.fields import TEXT
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


class BigramField(TEXT):  # type: ignore[misc]
    """Character bigrams at their positions: exact substring matching (``archive.index.matching``)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(analyzer=bigram_analyzer(), phrase=True, **kwargs)

    def index(self, value: str, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        encode = self.format.encode
        positions: dict[str, list[int]] = {}
        for pos, gram in enumerate(bigrams(value)):
            found = positions.get(gram)
            if found is None:
                positions[gram] = [pos]
            else:
                found.append(pos)
        for gram, where in positions.items():
            yield gram.encode("utf-8"), len(where), float(len(where)), encode(where)
