"""Turn a word list into one regular expression shaped like a trie (an Aho-Corasick-like single pass).

``(?:浦东新区(?:区委)?|浦东)`` instead of ``浦东新区区委|浦东新区|浦东``: the engine never re-reads a shared
prefix, so a gazetteer of thousands of names costs about as much as a handful of words. Longer words
win over their prefixes because the optional tail is tried first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_END = ""


def trie_pattern(words: Iterable[str]) -> str:
    """A regex (no groups) matching any of ``words``, longest first at each position."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        if not word:
            continue
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    if not root:
        return "(?!)"
    return _node_pattern(root)


def _node_pattern(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    branches = [re.escape(char) + _node_pattern(child) for char, child in sorted(node.items()) if char != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END in node:
        return ("(?:" + body + ")?") if len(branches) == 1 else body + "?"
    return body


class Hit:
    """A word found by ``WordMatcher`` (the parts of ``re.Match`` the callers use)."""

    __slots__ = ("_end", "_start", "_text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        return self._text[self._start : self._end]


class WordMatcher:
    """Leftmost-longest lookup of many words: a character class finds where a word may start, the next two
    characters pick the words that begin with them (most places pick none), then a small trie pattern reads
    the rest. Much faster than one alternation of thousands of words, which the regex engine would try
    branch by branch at every position."""

    def __init__(self, words: Iterable[str]) -> None:
        rests: dict[str, list[str]] = {}
        singles: set[str] = set()
        for word in words:
            if len(word) == 1:
                singles.add(word)
            elif word:
                rests.setdefault(word[:2], []).append(word[2:])
        # (each pair's pattern is compiled the first time text holds the pair: most pairs never turn up, and
        # compiling them all would cost a large gazetteer most of its start-up)
        self._tails = rests
        self._rest: dict[str, re.Pattern[str]] = {}
        self._singles = frozenset(singles)
        # where a word may start: a possible first character followed by a possible second one
        starts = []
        if rests:
            firsts = "".join(re.escape(c) for c in sorted({pair[0] for pair in rests}))
            seconds = "".join(re.escape(c) for c in sorted({pair[1] for pair in rests}))
            starts.append(f"[{firsts}][{seconds}]")
        if singles:
            starts.append("[" + "".join(re.escape(c) for c in sorted(singles)) + "]")
        self._firsts = re.compile("(?=" + "|".join(starts) + ")") if starts else None

    def _compile(self, pair: str) -> re.Pattern[str] | None:
        tails = self._tails.get(pair)
        if tails is None:
            return None
        rest = self._rest[pair] = re.compile(_optional_pattern(tails))
        return rest

    def match(self, text: str, pos: int = 0) -> Hit | None:
        if pos >= len(text):
            return None
        rest = self._rest.get(text[pos : pos + 2]) or self._compile(text[pos : pos + 2])
        if rest is not None:
            tail = rest.match(text, pos + 2)
            if tail is not None:
                return Hit(text, pos, tail.end())
        return Hit(text, pos, pos + 1) if text[pos] in self._singles else None

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Hit | None:
        limit = len(text) if endpos is None else endpos
        return next(self._hits(text, pos, limit), None)

    def finditer(self, text: str, pos: int = 0) -> Iterator[Hit]:
        return self._hits(text, pos, len(text))

    def _hits(self, text: str, pos: int, limit: int) -> Iterator[Hit]:
        """The words of ``text[pos:limit]``, leftmost-longest and not overlapping, read in one pass over the
        places a word may start (``match`` inlined: this is the enricher's hottest loop)."""
        if self._firsts is None:
            return
        rest_of, singles = self._rest.get, self._singles
        for first in self._firsts.finditer(text, pos, limit):
            at = first.start()
            if at < pos:
                continue  # inside the word found last
            pair = text[at : at + 2]
            rest = rest_of(pair) or self._compile(pair)
            tail = rest.match(text, at + 2) if rest is not None else None
            if tail is not None:
                if tail.end() <= limit:
                    yield Hit(text, at, tail.end())
                    pos = tail.end()
            elif text[at] in singles:
                yield Hit(text, at, at + 1)
                pos = at + 1


def _optional_pattern(tails: list[str]) -> str:
    """Pattern for the rest of the words sharing a beginning ('' = the beginning alone is a word)."""
    longer = [t for t in tails if t]
    if not longer:
        return ""
    body = trie_pattern(longer)
    return f"(?:{body})?" if "" in tails else body
