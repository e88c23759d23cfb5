"""How the section index sees text: script folding, jieba words and character bigrams.

Whoosh pickles the schema, analyzers and field types included, into the index: the classes here and in
``archive.index.fields`` are found again by their import path, so keep those stable and bump
``SCHEMA_VERSION`` when analysis changes.

Everything sees ``normalize(text)``: ``archive.fold.fold`` (traditional → simplified, full-width → ASCII) and
ASCII lower case. Neither changes the length, so character offsets point into the original text.

- **Words** (``words``): jieba's segmentation with the HMM off (the same string always splits the same way),
  positions counted in tokens. Tokens without a letter or digit (punctuation, spaces) are dropped and take no
  position. In ``index`` mode each word of three or more characters also yields the dictionary words inside it
  (中华人民共和国 → 中华, 人民, 共和国 …) *at the word's own position*, so positions stay those of the plain
  segmentation that queries use, and a query for 人民 still scores on the longer word.
  The segmenter is jieba-rs (``rjieba``) when it is installed — the same dictionary and algorithm, about ten
  times faster, identical words (tested against jieba) — and the ``jieba`` package otherwise.
- **Bigrams** (``bigrams``): the folded text with whitespace runs squeezed to one space and a space appended,
  cut into every pair of neighbouring characters, at the position of its first character. Every character
  therefore starts exactly one bigram, so a string of n ≥ 2 characters occurs in a text exactly when its
  bigrams occur at consecutive positions, and a single character occurs exactly when some bigram starts
  with it. That is how quoted phrases, single characters and substrings of longer words match exactly
  (``archive.index.matching``).
"""

from __future__ import annotations

import importlib.util
import logging
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol

from whoosh.analysis import CompositeAnalyzer, Token, Tokenizer

from archive.fold import fold

_LOWER = {code: code + 32 for code in range(ord("A"), ord("Z") + 1)}
# A user word's least frequency: enough to keep a name or body whole against any split into dictionary words,
# small enough that thousands of them barely move the dictionary's total (every word's probability is its
# frequency over that total; a large total makes any run of characters prefer to stay one token).
USER_WORD_FREQ = 3_000


def normalize(text: str) -> str:
    """What the index sees of ``text``: folded script, ASCII lower case; same length as ``text``."""
    return fold(text).translate(_LOWER)


# ---- segmenters ------------------------------------------------------------------------------------------
class Segmenter(Protocol):
    name: str

    def tokenize(self, text: str) -> list[tuple[str, int, int]]: ...

    def has_word(self, word: str) -> bool: ...

    def add_words(self, words: dict[str, int]) -> None: ...


class PythonJieba:
    """The ``jieba`` package."""

    name = "jieba"

    def __init__(self) -> None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        self._tokenizer = jieba.Tokenizer()
        self._tokenizer.initialize()

    def tokenize(self, text: str) -> list[tuple[str, int, int]]:
        return list(self._tokenizer.tokenize(text, HMM=False))

    def has_word(self, word: str) -> bool:
        return bool(self._tokenizer.FREQ.get(word))

    def add_words(self, words: dict[str, int]) -> None:
        # As jieba-rs does: a word already listed has its frequency replaced in the total, not added twice
        # (jieba's own add_word adds it again).
        tokenizer = self._tokenizer
        freq = tokenizer.FREQ
        for word, least in words.items():
            old = freq.get(word) or 0
            tokenizer.add_word(word, freq=max(old, least))
            tokenizer.total -= old


class RustJieba:
    """jieba-rs through ``rjieba``: jieba's dictionary and algorithm, compiled."""

    name = "rjieba"

    def __init__(self) -> None:
        import rjieba

        self._jieba = rjieba.Jieba()

    def tokenize(self, text: str) -> list[tuple[str, int, int]]:
        found: list[tuple[str, int, int]] = self._jieba.tokenize(text, "default", False)
        return found

    def has_word(self, word: str) -> bool:
        return bool(self._jieba.has_word(word))

    def add_words(self, words: dict[str, int]) -> None:
        known = dictionary_frequencies(words)
        for word, least in words.items():
            self._jieba.add_word(word, max(known.get(word, 0), least), None)


def dictionary_frequencies(words: Iterable[str]) -> dict[str, int]:
    """Frequencies in jieba's main dictionary (shared by both segmenters) of those of ``words`` it lists."""
    wanted = set(words)
    spec = importlib.util.find_spec("jieba")
    if not wanted or spec is None or spec.origin is None:
        return {}
    found: dict[str, int] = {}
    with (Path(spec.origin).parent / "dict.txt").open(encoding="utf-8") as handle:
        for line in handle:
            word, _, rest = line.partition(" ")
            if word in wanted:
                found[word] = int(rest.split(" ", 1)[0])
    return found


def make_segmenter(name: str | None = None) -> Segmenter:
    """``rjieba`` when importable (or asked for), else ``jieba``."""
    if name in (None, "rjieba") and importlib.util.find_spec("rjieba") is not None:
        return RustJieba()
    if name == "rjieba":
        raise ImportError("rjieba is not installed")
    return PythonJieba()


_LOCK = threading.Lock()  # jieba's dictionary is mutable state: adding words never overlaps a cut
_SEGMENTER: Segmenter | None = None
_USER_WORDS: set[str] = set()


def segmenter() -> Segmenter:
    global _SEGMENTER
    if _SEGMENTER is None:
        with _LOCK:
            if _SEGMENTER is None:
                _SEGMENTER = make_segmenter()
    return _SEGMENTER


def add_words(words: Iterable[str]) -> int:
    """Add user words (names, units, theme keywords) to the segmenter's dictionary; returns how many were new."""
    fresh: dict[str, int] = {}
    for word in words:
        folded = normalize(word.strip())
        if len(folded) >= 2 and not any(ch.isspace() for ch in folded) and folded not in _USER_WORDS:
            fresh[folded] = USER_WORD_FREQ
    if not fresh:
        return 0
    engine = segmenter()
    with _LOCK:
        fresh = {w: f for w, f in fresh.items() if w not in _USER_WORDS}
        engine.add_words(fresh)
        _USER_WORDS.update(fresh)
    return len(fresh)


def _is_word(token: str) -> bool:
    return any(ch.isalnum() for ch in token)


def words(text: str, *, index: bool = False) -> Iterator[tuple[str, int, int, int]]:
    """``(word, position, start, end)`` of the normalised ``text``; see the module docstring."""
    engine = segmenter()
    folded = normalize(text)
    with _LOCK:
        tokens = engine.tokenize(folded)
    has_word = engine.has_word
    pos = -1
    for word, start, end in tokens:
        if not _is_word(word):
            continue
        pos += 1
        if index and len(word) > 2:
            for size in (2, 3):
                for i in range(len(word) - size + 1):
                    gram = word[i : i + size]
                    if gram != word and has_word(gram):
                        yield gram, pos, start + i, start + i + size
        yield word, pos, start, end


def query_words(text: str) -> list[str]:
    """The words of a query string, as the word field would have indexed them."""
    return [w for w, _, _, _ in words(text)]


# ---- bigrams ---------------------------------------------------------------------------------------------
def squeeze(text: str) -> str:
    """Normalised ``text`` with whitespace runs as single spaces, stripped."""
    return " ".join(normalize(text).split())


def bigrams(text: str) -> list[str]:
    """The bigram at every position of ``squeeze(text) + " "``; see the module docstring."""
    squeezed = squeeze(text)
    if not squeezed:
        return []
    padded = squeezed + " "
    return [padded[i : i + 2] for i in range(len(squeezed))]


# ---- Whoosh analyzers (for Whoosh's own use of the fields; indexing goes through archive.index.fields) ----
class _SpanTokenizer(Tokenizer):  # type: ignore[misc]
    """A Whoosh tokenizer over ``spans``: ``(text, position, start, end)`` of the value."""

    def spans(self, value: str, index: bool) -> Iterator[tuple[str, int, int, int]]:
        raise NotImplementedError

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        spans = self.spans(value, mode == "index") if tokenize else iter([(normalize(value), 0, 0, len(value))])
        for text, pos, start, end in spans:
            token.text = text
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = value[start:end]
            if positions:
                token.pos = start_pos + pos
            if chars:
                token.startchar = start_char + start
                token.endchar = start_char + end
            yield token


class JiebaTokenizer(_SpanTokenizer):
    """jieba words of the folded text (token positions, original offsets)."""

    def spans(self, value: str, index: bool) -> Iterator[tuple[str, int, int, int]]:
        return words(value, index=index)


class BigramTokenizer(_SpanTokenizer):
    """Character bigrams of the squeezed, folded text (offsets are into the squeezed text)."""

    def spans(self, value: str, index: bool) -> Iterator[tuple[str, int, int, int]]:
        return ((gram, pos, pos, pos + 2) for pos, gram in enumerate(bigrams(value)))


def word_analyzer() -> CompositeAnalyzer:
    return CompositeAnalyzer(JiebaTokenizer())


def bigram_analyzer() -> CompositeAnalyzer:
    return CompositeAnalyzer(BigramTokenizer())
