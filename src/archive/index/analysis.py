"""Tokenizers for the section index: jieba words and character n-grams, both over script-folded text.

Whoosh pickles the schema, analyzers included, into the index: the classes here are found again by their
import path (``archive.index.analysis``), so keep it stable and bump ``SCHEMA_VERSION`` when analysis changes.

Both tokenizers see ``normalize(text)``: ``archive.fold.fold`` (traditional → simplified, full-width →
ASCII) and ASCII lower case. Neither changes the length, so ``startchar``/``endchar`` point into the original
text.

- ``JiebaTokenizer``: jieba's words (HMM off, so the same string always splits the same way), positions
  counted in tokens. Tokens without a letter or digit (punctuation, spaces) are dropped and take no position.
  In ``index`` mode each word of three or more characters also yields the dictionary words inside it
  (中华人民共和国 → 中华, 人民, 共和国 …) *at the word's own position*, so positions stay those of the plain
  segmentation that queries use, and a query for 人民 still scores on the longer word.
- ``NgramTokenizer``: every character (unigram) and every pair of neighbouring characters (bigram) at the
  character's position; runs of whitespace count as one space. A string of n ≥ 2 characters occurs in a text
  exactly when its n-1 bigrams occur at consecutive positions: that is how quoted phrases, single characters
  and substrings of longer words are matched exactly.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Iterator
from typing import Any

from whoosh.analysis import CompositeAnalyzer, Token, Tokenizer

from archive.fold import fold

_LOWER = {code: code + 32 for code in range(ord("A"), ord("Z") + 1)}
_JIEBA_LOCK = threading.Lock()
_JIEBA_READY = False
_USER_WORDS: set[str] = set()


def normalize(text: str) -> str:
    """What the index sees of ``text``: folded script, ASCII lower case; same length as ``text``."""
    return fold(text).translate(_LOWER)


def _jieba() -> Any:
    """jieba, initialised once, quietly."""
    global _JIEBA_READY
    import jieba

    if not _JIEBA_READY:
        with _JIEBA_LOCK:
            if not _JIEBA_READY:
                jieba.setLogLevel(logging.WARNING)
                jieba.initialize()
                _JIEBA_READY = True
    return jieba


def add_words(words: Iterable[str]) -> int:
    """Add user words (names, units, theme keywords) to jieba's dictionary; returns how many were new."""
    fresh = []
    for word in words:
        folded = normalize(word.strip())
        if len(folded) >= 2 and not any(ch.isspace() for ch in folded) and folded not in _USER_WORDS:
            fresh.append(folded)
    if not fresh:
        return 0
    jieba = _jieba()
    with _JIEBA_LOCK:
        for word in fresh:
            if word not in _USER_WORDS:
                # A high frequency keeps the whole name together even where a split scores well.
                jieba.add_word(word, freq=max(jieba.dt.FREQ.get(word) or 0, 50_000))
                _USER_WORDS.add(word)
    return len(fresh)


def user_words() -> set[str]:
    return set(_USER_WORDS)


def _is_word(token: str) -> bool:
    return any(ch.isalnum() for ch in token)


def words(text: str, *, index: bool = False) -> Iterator[tuple[str, int, int, int]]:
    """``(word, position, start, end)`` of the normalised ``text``; see the module docstring."""
    jieba = _jieba()
    folded = normalize(text)
    freq = jieba.dt.FREQ
    pos = -1
    for word, start, end in jieba.tokenize(folded, HMM=False):
        if not _is_word(word):
            continue
        pos += 1
        if index and len(word) > 2:
            for size in (2, 3):
                for i in range(len(word) - size + 1):
                    gram = word[i : i + size]
                    if gram != word and freq.get(gram):
                        yield gram, pos, start + i, start + i + size
        yield word, pos, start, end


def query_words(text: str) -> list[str]:
    """The words of a query string, as the word field would have indexed them."""
    return [w for w, _, _, _ in words(text)]


class JiebaTokenizer(Tokenizer):  # type: ignore[misc]
    """Whoosh tokenizer over jieba words of the folded text (token positions, original offsets)."""

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
        if not tokenize:
            token.original = token.text = normalize(value)
            token.boost = 1.0
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar = start_char
                token.endchar = start_char + len(value)
            yield token
            return
        for word, pos, start, end in words(value, index=(mode == "index")):
            token.text = word
            token.boost = 1.0
            if keeporiginal:
                token.original = value[start:end]
            token.stopped = False
            if positions:
                token.pos = start_pos + pos
            if chars:
                token.startchar = start_char + start
                token.endchar = start_char + end
            yield token


def ngrams(text: str) -> Iterator[tuple[str, int, int]]:
    """``(gram, position, start)`` for every unigram and bigram of the normalised ``text``.

    Whitespace runs count as a single space: a space has no unigram of its own but joins bigrams.
    """
    folded = normalize(text)
    pos = -1
    prev = ""
    prev_start = 0
    for i, ch in enumerate(folded):
        if ch.isspace():
            if prev == " " or not prev:
                continue
            ch = " "
        else:
            yield ch, pos + 1, i
        if prev:
            yield prev + ch, pos, prev_start
        pos += 1
        prev = ch
        prev_start = i


def phrase_grams(text: str) -> list[str]:
    """The grams a query string must match at consecutive positions: one unigram, or its bigrams."""
    squeezed = " ".join(normalize(text).split())
    if len(squeezed) == 1:
        return [squeezed]
    return [squeezed[i : i + 2] for i in range(len(squeezed) - 1)]


class NgramTokenizer(Tokenizer):  # type: ignore[misc]
    """Whoosh tokenizer yielding character unigrams and bigrams of the folded text."""

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
        if not tokenize:
            token.original = token.text = normalize(value)
            token.boost = 1.0
            if positions:
                token.pos = start_pos
            yield token
            return
        for gram, pos, start in ngrams(value):
            token.text = gram
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = value[start : start + len(gram)]
            if positions:
                token.pos = start_pos + pos
            if chars:
                token.startchar = start_char + start
                token.endchar = start_char + start + len(gram)
            yield token


def word_analyzer() -> CompositeAnalyzer:
    return CompositeAnalyzer(JiebaTokenizer())


def ngram_analyzer() -> CompositeAnalyzer:
    return CompositeAnalyzer(NgramTokenizer())
