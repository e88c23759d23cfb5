"""The query service used by ``archive search`` and the web app: parse, search, count facets, mark matches.

Query syntax (words are matched as exact substrings after script folding, so 陳吉寧 finds 陈吉宁 and 统计 finds
市统计局):

- ``城市安全 陈吉宁``: every word must occur; ``"城市 安全"``: the quoted string, spaces included;
- ``浦东 OR 闵行`` (also ``|``), ``-闵行`` (must not occur), parentheses to group, ``AND`` is optional;
- ``speaker:陈吉宁``, ``unit:市统计局``, ``district:浦东新区``, ``theme:城市安全``, ``year:2026`` (also
  ``attendee:``, ``meeting:``); a value with spaces is quoted: ``unit:"..."``.

One ``SearchService`` keeps the index searcher open; ``refresh()`` picks up new commits. Every result is the
JSON contract of ``archive search --json``.
"""

from __future__ import annotations

import html
import json
import re
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from archive.errors import QueryError, SearchIndexError
from archive.index.analysis import normalize
from archive.index.query import (
    AllOf,
    AnyOf,
    FieldValue,
    Node,
    Not,
    Text,
    combine,
    date_range,
    rank_terms,
    to_whoosh,
)
from archive.index.reader import Hit, IndexReader
from archive.index.schema import FILTER_FIELDS
from archive.index.writer import live_dir

FACETS = ("speaker", "unit", "theme", "district", "year", "meeting")
SORTS = ("relevance", "date")
MAX_QUERY_LENGTH = 1000
MAX_PER_PAGE = 1000
SNIPPET_CHARS = 160
FACET_LIMIT = 20
_QUOTES = {'"': '"', "“": "”", "「": "」", "『": "』"}
_FIELD = re.compile(r"([A-Za-z]+):")


# ---- parsing ------------------------------------------------------------------------------------------
@dataclass
class _Token:
    kind: str  # word | phrase | field | lparen | rparen | or | and
    value: str = ""
    field: str = ""
    negated: bool = False


def _read_quoted(query: str, i: int) -> tuple[str, int]:
    """The text between the quote at ``i`` and its closing quote, and the index after it."""
    close = _QUOTES[query[i]]
    end = query.find(close, i + 1)
    if end < 0:
        raise QueryError(f"unbalanced quote in query {query!r}: close the {query[i]} with {close}")
    return query[i + 1 : end], end + 1


def _tokens(query: str) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch.isspace():
            i += 1
            continue
        if ch in "()（）":
            tokens.append(_Token("lparen" if ch in "(（" else "rparen"))
            i += 1
            continue
        negated = False
        if ch == "-" and i + 1 < n and not query[i + 1].isspace():
            negated = True
            i += 1
            ch = query[i]
        if ch in _QUOTES:
            value, i = _read_quoted(query, i)
            tokens.append(_Token("phrase", value, negated=negated))
            continue
        start = i
        while i < n and not query[i].isspace() and query[i] not in "()（）" and query[i] not in _QUOTES:
            i += 1
        word = query[start:i]
        if not word:  # a "-" right before a parenthesis
            tokens.append(_Token("word", "", negated=negated))
            continue
        match = _FIELD.match(word)
        if match:
            name = match.group(1).lower()
            if name not in FILTER_FIELDS:
                known = ", ".join(FILTER_FIELDS)
                raise QueryError(f"unknown field {match.group(1)!r} in query {query!r} (known: {known})")
            value = word[match.end() :]
            if not value and i < n and query[i] in _QUOTES:
                value, i = _read_quoted(query, i)
            if not value.strip():
                raise QueryError(f"field {name}: has no value in query {query!r}")
            tokens.append(_Token("field", value.strip(), field=name, negated=negated))
            continue
        if not negated and word in ("OR", "|"):
            tokens.append(_Token("or"))
        elif not negated and word in ("AND", "&"):
            tokens.append(_Token("and"))
        else:
            tokens.append(_Token("word", word, negated=negated))
    return tokens


class _Parser:
    def __init__(self, query: str, tokens: list[_Token]) -> None:
        self.query = query
        self.tokens = tokens
        self.i = 0

    def error(self, message: str) -> QueryError:
        return QueryError(f"cannot parse query {self.query!r}: {message}")

    def peek(self) -> _Token | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def parse(self) -> Node | None:
        if not self.tokens:
            return None
        node = self.parse_or()
        token = self.peek()
        if token is not None:
            raise self.error("unbalanced parenthesis" if token.kind == "rparen" else f"unexpected {token.kind}")
        return node

    def parse_or(self) -> Node:
        nodes = [self.parse_and()]
        while (token := self.peek()) is not None and token.kind == "or":
            self.i += 1
            nodes.append(self.parse_and())
        return nodes[0] if len(nodes) == 1 else AnyOf(tuple(nodes))

    def parse_and(self) -> Node:
        nodes: list[Node] = []
        while (token := self.peek()) is not None and token.kind not in ("or", "rparen"):
            if token.kind == "and":
                self.i += 1
                if not nodes or (nxt := self.peek()) is None or nxt.kind in ("or", "and", "rparen"):
                    raise self.error("AND needs something to search on both sides")
                continue
            nodes.append(self.parse_unary())
        if not nodes:
            raise self.error("OR needs something to search on both sides" if self.tokens else "empty query")
        return nodes[0] if len(nodes) == 1 else AllOf(tuple(nodes))

    def parse_unary(self) -> Node:
        token = self.tokens[self.i]
        self.i += 1
        node: Node
        if token.kind == "word" and not token.value and token.negated:
            nxt = self.peek()
            if nxt is None or nxt.kind != "lparen":
                raise self.error("a minus sign must come right before what to exclude")
            self.i += 1
            node = Not(self.group())
            return node
        if token.kind == "lparen":
            return self.group()
        if token.kind == "field":
            node = FieldValue(token.field, token.value)
        else:
            node = Text(token.value, quoted=token.kind == "phrase")
        return Not(node) if token.negated else node

    def group(self) -> Node:
        if (token := self.peek()) is not None and token.kind == "rparen":
            raise self.error("empty parentheses")
        if token is None:
            raise self.error("unbalanced parenthesis")
        node = self.parse_or()
        closing = self.peek()
        if closing is None or closing.kind != "rparen":
            raise self.error("unbalanced parenthesis")
        self.i += 1
        return node


def parse_query(query: str) -> Node | None:
    """The parsed query (``None`` when empty); raises ``QueryError`` with a one-line message."""
    if len(query) > MAX_QUERY_LENGTH:
        raise QueryError(f"query is too long ({len(query)} characters; at most {MAX_QUERY_LENGTH})")
    return _Parser(query, _tokens(query)).parse()


def positive_texts(node: Node | None) -> list[str]:
    """The strings a match can show (everything searched for except what is excluded), folded, in query order."""
    found: list[str] = []

    def walk(n: Node | None) -> None:
        if isinstance(n, Text):
            value = " ".join(normalize(n.value).split())
            if value and value not in found:
                found.append(value)
        elif isinstance(n, AllOf | AnyOf):
            for child in n.nodes:
                walk(child)

    walk(node)
    return found


def field_values(node: Node | None) -> dict[str, list[str]]:
    """Field filters written in the query (not the excluded ones)."""
    found: dict[str, list[str]] = {}

    def walk(n: Node | None) -> None:
        if isinstance(n, FieldValue):
            found.setdefault(n.field, []).append(n.value)
        elif isinstance(n, AllOf | AnyOf):
            for child in n.nodes:
                walk(child)

    walk(node)
    return found


# ---- marking matches ------------------------------------------------------------------------------------
def match_spans(text: str, needles: list[str]) -> list[tuple[int, int]]:
    """Character spans of ``text`` where any of the folded ``needles`` occurs (overlaps merged)."""
    if not text or not needles:
        return []
    folded = normalize(text)
    spans: list[tuple[int, int]] = []
    for needle in needles:
        if " " in needle:
            pattern = r"\s+".join(re.escape(part) for part in needle.split(" "))
            spans.extend((m.start(1), m.end(1)) for m in re.finditer(f"(?=({pattern}))", folded))
            continue
        start = folded.find(needle)
        while start >= 0:
            spans.append((start, start + len(needle)))
            start = folded.find(needle, start + 1)
    if not spans:
        return []
    spans.sort()
    merged = [spans[0]]
    for start, end in spans[1:]:
        last_start, last_end = merged[-1]
        if start <= last_end:
            merged[-1] = (last_start, max(last_end, end))
        else:
            merged.append((start, end))
    return merged


def mark(text: str, spans: list[tuple[int, int]], start: int = 0, end: int | None = None) -> str:
    """``text[start:end]`` HTML-escaped with the spans inside it wrapped in ``<mark>``."""
    end = len(text) if end is None else end
    out: list[str] = []
    pos = start
    for s, e in spans:
        s, e = max(s, start), min(e, end)
        if s >= e:
            continue
        out.append(html.escape(text[pos:s]))
        out.append(f"<mark>{html.escape(text[s:e])}</mark>")
        pos = e
    out.append(html.escape(text[pos:end]))
    return "".join(out)


def snippet(text: str, spans: list[tuple[int, int]], size: int = SNIPPET_CHARS) -> str:
    """About ``size`` characters around the densest run of matches, escaped, whitespace squeezed."""
    if not spans:
        end = min(len(text), size)
        body = html.escape(text[:end])
        return _squeeze(body) + ("…" if end < len(text) else "")
    best, best_count, j = 0, 0, 0
    for i, (s, _) in enumerate(spans):
        j = max(j, i)
        while j + 1 < len(spans) and spans[j + 1][1] - s <= size:
            j += 1
        if j - i + 1 > best_count:
            best, best_count = i, j - i + 1
    first_start = spans[best][0]
    last_end = spans[best + best_count - 1][1]
    lead = max(0, (size - (last_end - first_start)) // 3)
    start = max(0, first_start - lead)
    end = min(len(text), max(last_end, start + size))
    if end - start < size:
        start = max(0, end - size)
    body = _squeeze(mark(text, spans, start, end))
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")


def _squeeze(fragment: str) -> str:
    return re.sub(r"\s+", " ", fragment).strip()


# ---- parameters ---------------------------------------------------------------------------------------
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def _check_date(value: str, name: str, upper: bool) -> str:
    match = _DATE.match(value.strip())
    if not match:
        raise QueryError(f"{name} date {value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = match.group(1), match.group(2), match.group(3)
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise QueryError(f"{name} date {value!r} does not exist") from None
    if day:
        return f"{year}-{int(month):02d}-{int(day):02d}"
    if month:
        return f"{year}-{int(month):02d}-31" if upper else f"{year}-{int(month):02d}-01"
    return f"{year}-12-31" if upper else f"{year}-01-01"


def _check_filters(filters: dict[str, list[str]] | None) -> dict[str, list[str]]:
    checked: dict[str, list[str]] = {}
    for name, values in (filters or {}).items():
        if name not in FILTER_FIELDS:
            raise QueryError(f"unknown filter field {name!r} (known: {', '.join(FILTER_FIELDS)})")
        if isinstance(values, str):
            values = [values]
        for value in values:
            if not isinstance(value, str) or not value.strip():
                raise QueryError(f"filter {name} has an empty value")
            if name == "year" and not re.fullmatch(r"\d{4}", value.strip()):
                raise QueryError(f"filter year={value!r} is not a year (use four digits, e.g. 2026)")
            checked.setdefault(name, []).append(value.strip())
    return checked


# ---- the service ----------------------------------------------------------------------------------------
@dataclass
class SearchService:
    """Searches the index of ``data_dir``; the searcher stays open between calls (``refresh()`` to update)."""

    data_dir: Path
    snippet_chars: int = SNIPPET_CHARS
    _reader: IndexReader | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.data_dir = Path(self.data_dir)

    def reader(self) -> IndexReader:
        if self._reader is None:
            self._reader = IndexReader(self.data_dir)
        return self._reader

    def refresh(self) -> bool:
        """Pick up commits made since the last call; True when the searcher changed."""
        if self._reader is None:
            return False
        return self._reader.refresh()

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    def __enter__(self) -> SearchService:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def search(
        self,
        q: str,
        *,
        filters: dict[str, list[str]] | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        sort: str = "relevance",
        page: int = 1,
        per_page: int = 10,
        facet_limit: int = FACET_LIMIT,
    ) -> dict[str, Any]:
        """Sections matching ``q`` and the filters; see the module docstring for the syntax."""
        started = time.perf_counter()
        q = q or ""
        if sort not in SORTS:
            raise QueryError(f"unknown sort {sort!r} (use relevance or date)")
        if not isinstance(page, int) or page < 1:
            raise QueryError(f"page must be a whole number from 1, not {page!r}")
        if not isinstance(per_page, int) or not 1 <= per_page <= MAX_PER_PAGE:
            raise QueryError(f"per_page must be between 1 and {MAX_PER_PAGE}, not {per_page!r}")
        checked = _check_filters(filters)
        lo = _check_date(date_from, "from", upper=False) if date_from else None
        hi = _check_date(date_to, "to", upper=True) if date_to else None
        if lo and hi and lo > hi:
            raise QueryError(f"the from date {date_from} is after the to date {date_to}")
        node = parse_query(q)
        needles = positive_texts(node)
        parts = [to_whoosh(node) if node is not None else None]
        parts += [to_whoosh(FieldValue(name, value)) for name, values in checked.items() for value in values]
        if lo or hi:
            parts.append(date_range(lo, hi))
        result = self.reader().search(
            combine(parts),
            rank=rank_terms(node),
            sort=sort,
            offset=(page - 1) * per_page,
            limit=per_page,
            facet_fields=FACETS,
            facet_limit=facet_limit,
        )
        applied = {name: list(values) for name, values in field_values(node).items()}
        for name, values in checked.items():
            applied.setdefault(name, []).extend(v for v in values if v not in applied.get(name, []))
        return {
            "query": q,
            "total": result.total,
            "page": page,
            "per_page": per_page,
            "hits": [self._hit(hit, needles) for hit in result.hits],
            "facets": {
                name: [{"value": value, "count": count} for value, count in result.facets.get(name, [])]
                for name in FACETS
            },
            "folded_query": normalize(q),
            "searched": needles,
            "filters": {name: [normalize(v) for v in values] for name, values in applied.items()},
            "date_from": lo,
            "date_to": hi,
            "sort": sort,
            "pages": (result.total + per_page - 1) // per_page,
            "took_ms": round((time.perf_counter() - started) * 1000, 1),
        }

    def _hit(self, hit: Hit, needles: list[str]) -> dict[str, Any]:
        fields = hit.fields
        meta = _meta(fields.get("meta"))
        text = str(fields.get("text") or "")
        heading = str(fields.get("heading") or "")
        spans = match_spans(text, needles)
        if not spans and heading and match_spans(heading, needles):
            shown = mark(heading, match_spans(heading, needles))
            body = snippet(text, [], self.snippet_chars)
            snip = f"{shown} — {body}" if body else shown
        else:
            snip = snippet(text, spans, self.snippet_chars)
        meeting = meta.get("meeting") or {"name": None, "date": None}
        return {
            "article_id": fields.get("article_id"),
            "section_id": fields.get("section_id"),
            "title": fields.get("title") or "",
            "heading": heading or None,
            "snippet": snip,
            "date": fields.get("date") or None,
            "url": meta.get("url"),
            "speakers": meta.get("speakers", []),
            "units": meta.get("units", []),
            "districts": meta.get("districts", []),
            "themes": meta.get("themes", []),
            "score": round(hit.score, 4),
            "meeting": meeting,
            "attendees": meta.get("attendees", []),
            "source": meta.get("source"),
            "published": meta.get("published"),
            "kind": meta.get("kind"),
        }

    def highlight(self, text: str, q: str) -> str:
        """``text`` HTML-escaped with every match of ``q`` marked (a query that does not parse marks nothing)."""
        try:
            needles = positive_texts(parse_query(q or ""))
        except QueryError:
            needles = []
        return mark(text, match_spans(text, needles))

    def suggest(self, prefix: str, limit: int = 10) -> list[str]:
        """Speakers, units, themes and titles that start with (first) or contain the folded ``prefix``."""
        wanted = " ".join(normalize(prefix or "").split())
        if not wanted or limit < 1:
            return []
        if self._reader is None and live_dir(self.data_dir) is None:
            return []
        reader = self.reader()
        starts: list[tuple[int, str]] = []
        contains: list[tuple[int, str]] = []
        for name in ("speaker", "unit", "theme"):
            for value, count in reader.values(name):
                if value.startswith(wanted):
                    starts.append((-count, value))
                elif wanted in value:
                    contains.append((-count, value))
        out = [v for _, v in sorted(starts)] + [v for _, v in sorted(contains)]
        if len(out) < limit:
            out += reader.titles_containing(wanted, limit)
        return list(dict.fromkeys(out))[:limit]


def _meta(raw: object) -> dict[str, Any]:
    if not isinstance(raw, str):
        return {}
    try:
        found = json.loads(raw)
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


__all__ = ["QueryError", "SearchIndexError", "SearchService", "parse_query"]
