"""Parsed queries, engine-neutral, and their translation into Whoosh queries.

The query service parses what a user typed into these nodes; only this module knows how they become Whoosh
queries, so another engine needs another ``to_engine`` and nothing else.

- ``Text``: a string that must occur in the section (heading or text) after script folding. It matches
  through the bigram field (exact substring, ``archive.index.matching``); its jieba words in the word and
  title fields rank the matches (``rank_terms``) without being required.
- ``FieldValue``: a facet or year filter (``speaker:陈吉宁``), matched on the folded value.
- ``Not`` / ``AllOf`` / ``AnyOf``: -x, x y, x OR y.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from whoosh import query as wq

from archive.index.analysis import query_words, squeeze
from archive.index.matching import Substring
from archive.index.schema import BIGRAM_FIELD, facet_values

WORD_BOOST = 2.0
TITLE_BOOST = 1.0
STRING_BOOST = 1.0  # occurrences of the whole searched string


@dataclass(frozen=True)
class Text:
    value: str
    quoted: bool = False


@dataclass(frozen=True)
class FieldValue:
    field: str
    value: str


@dataclass(frozen=True)
class Not:
    node: Node


@dataclass(frozen=True)
class AllOf:
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class AnyOf:
    nodes: tuple[Node, ...]


Node = Union[Text, FieldValue, Not, AllOf, AnyOf]  # noqa: UP007 - a runtime alias used by the dataclasses


def match_query(value: str) -> wq.Query | None:
    """Sections whose folded content contains ``value`` (whitespace runs match any whitespace run)."""
    if not squeeze(value):
        return None
    return Substring(BIGRAM_FIELD, value)


def rank_terms(node: Node | None) -> list[tuple[str, str, float]]:
    """``(field, word, boost)`` for everything searched for (not excluded): what ranks a result.

    Each string ranks by its occurrences in the bigram field and by its jieba words in the word and title fields.
    """
    terms: list[tuple[str, str, float]] = []

    def walk(n: Node | None) -> None:
        if isinstance(n, Text):
            if squeeze(n.value):
                terms.append((BIGRAM_FIELD, squeeze(n.value), STRING_BOOST))
            found = list(dict.fromkeys(query_words(n.value)))
            # Single characters are in most sections: ranking on them costs much and says little.
            longer = [w for w in found if len(w) > 1] or found[:1]
            for word in longer:
                terms.append(("words", word, WORD_BOOST))
                terms.append(("title", word, TITLE_BOOST))
        elif isinstance(n, AllOf | AnyOf):
            for child in n.nodes:
                walk(child)

    walk(node)
    return list(dict.fromkeys(terms))


def field_query(field: str, value: str) -> wq.Query:
    term = value.strip() if field == "year" else facet_values([value])
    return wq.Term(field, term)


def to_whoosh(node: Node) -> wq.Query | None:
    """The Whoosh query for ``node``; ``None`` when it has nothing to match (e.g. only punctuation)."""
    if isinstance(node, Text):
        return match_query(node.value)
    if isinstance(node, FieldValue):
        return field_query(node.field, node.value)
    if isinstance(node, Not):
        inner = to_whoosh(node.node)
        return wq.Not(inner) if inner is not None else None
    parts = [q for q in (to_whoosh(n) for n in node.nodes) if q is not None]
    if not parts:
        return None
    if isinstance(node, AnyOf):
        return parts[0] if len(parts) == 1 else wq.Or(parts)
    if all(isinstance(p, wq.Not) for p in parts):
        parts.insert(0, wq.Every())
    return parts[0] if len(parts) == 1 else wq.And(parts)


def combine(parts: list[wq.Query | None]) -> wq.Query:
    """All of ``parts`` (``None`` skipped); everything when there is nothing."""
    found = [p for p in parts if p is not None]
    if not found:
        return wq.Every()
    if all(isinstance(p, wq.Not) for p in found):
        found.insert(0, wq.Every())
    return found[0] if len(found) == 1 else wq.And(found)


def date_range(date_from: str | None, date_to: str | None) -> wq.Query:
    """Sections dated within [from, to] (inclusive; ``YYYY-MM-DD`` strings compare as text)."""
    return wq.TermRange("date", date_from or "0000", date_to or "9999~", startexcl=False, endexcl=False)
