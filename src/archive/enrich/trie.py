"""Turn a word list into one regular expression shaped like a trie (an Aho-Corasick-like single pass).

``(?:浦东新区(?:区委)?|浦东)`` instead of ``浦东新区区委|浦东新区|浦东``: the engine never re-reads a shared
prefix, so a gazetteer of thousands of names costs about as much as a handful of words. Longer words
win over their prefixes because the optional tail is tried first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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
