"""Request parameters of a search, checked once, and the URLs that change one of them.

Every page and API that runs a search reads its parameters through ``parse_search``; a value that cannot be
used raises ``QueryError`` (answered with 400). ``SearchParams`` also builds the links of the interface
(facet toggles, sort, pages), so templates never assemble query strings themselves.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Protocol
from urllib.parse import quote

from archive.errors import QueryError

# Filter fields in the order the sidebar shows them, with their Chinese labels.
FILTER_LABELS: dict[str, str] = {
    "unit": "单位",
    "speaker": "发言人",
    "theme": "主题",
    "district": "区",
    "year": "年份",
    "meeting": "会议",
    "attendee": "出席",
}
FILTER_FIELDS = tuple(FILTER_LABELS)
SORTS = {"relevance": "相关度", "date": "时间"}

MAX_FILTER_VALUES = 20
MAX_FILTER_LENGTH = 100
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_YEAR = re.compile(r"^\d{4}$")


class Args(Protocol):
    """What we read from ``request.args`` (a werkzeug ``MultiDict``)."""

    def get(self, key: str) -> str | None: ...

    def getlist(self, key: str) -> list[str]: ...


@dataclass(frozen=True)
class Limits:
    default_per_page: int = 10
    max_per_page: int = 100
    max_query_length: int = 500
    max_results: int = 10_000  # deepest result reachable by paging: page * per_page


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    date_from: str | None = None
    date_to: str | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = 10
    default_per_page: int = 10

    # ---- what the query service is given -------------------------------------------------------------
    def filter_lists(self) -> dict[str, list[str]]:
        return {name: list(values) for name, values in self.filters.items() if values}

    @property
    def is_empty(self) -> bool:
        """No words, no filters, no dates: the bare home page."""
        return not (self.q or self.filter_lists() or self.date_from or self.date_to)

    def selected(self, name: str, value: str) -> bool:
        return value in self.filters.get(name, ())

    def active_filters(self) -> list[tuple[str, str]]:
        return [(name, value) for name in FILTER_FIELDS for value in self.filters.get(name, ())]

    # ---- links ----------------------------------------------------------------------------------------
    def pairs(self) -> list[tuple[str, str]]:
        """The query string of these parameters, defaults left out, in a stable order."""
        out: list[tuple[str, str]] = []
        if self.q:
            out.append(("q", self.q))
        out.extend(self.active_filters())
        if self.date_from:
            out.append(("from", self.date_from))
        if self.date_to:
            out.append(("to", self.date_to))
        if self.sort != "relevance":
            out.append(("sort", self.sort))
        if self.per_page != self.default_per_page:
            out.append(("per_page", str(self.per_page)))
        if self.page != 1:
            out.append(("page", str(self.page)))
        return out

    def url(self, path: str = "/") -> str:
        pairs = self.pairs()
        # Keys are our own ASCII names; values are percent-encoded (faster than urlencode, same result).
        query = "&".join(f"{key}={quote(value, safe='')}" for key, value in pairs)
        return f"{path}?{query}" if query else path

    def toggled(self, name: str, value: str) -> SearchParams:
        """These parameters with ``name=value`` added, or removed when present; back to page 1."""
        values = list(self.filters.get(name, ()))
        if value in values:
            values.remove(value)
        else:
            values.append(value)
        filters = dict(self.filters)
        filters[name] = tuple(values)
        return replace(self, filters=filters, page=1)

    def with_filter(self, name: str, value: str) -> SearchParams:
        """These parameters narrowed by ``name=value`` (kept when already there)."""
        if self.selected(name, value):
            return replace(self, page=1)
        return self.toggled(name, value)

    def without(self, key: str) -> SearchParams:
        """Drop the words (``q``) or a date bound (``from``/``to``); back to page 1."""
        if key == "q":
            return replace(self, q="", page=1)
        if key == "from":
            return replace(self, date_from=None, page=1)
        if key == "to":
            return replace(self, date_to=None, page=1)
        raise KeyError(key)

    def with_page(self, page: int) -> SearchParams:
        return replace(self, page=page)

    def with_sort(self, sort: str) -> SearchParams:
        return replace(self, sort=sort, page=1)


def _clean(text: str) -> str:
    """Drop control characters (NUL and friends) a browser never sends on purpose; trim."""
    return "".join(ch for ch in text if ch >= " " or ch in "\t").strip()


def _int(args: Args, name: str, default: int, low: int, high: int) -> int:
    raw = (args.get(name) or "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise QueryError(f"参数 {name} 应为整数，收到 {raw[:40]!r}") from None
    if not low <= value <= high:
        raise QueryError(f"参数 {name} 应在 {low} 到 {high} 之间，收到 {value}")
    return value


def parse_date(raw: str | None, name: str, *, end: bool = False) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` → ``YYYY-MM-DD`` (a bound: start or end of the period)."""
    text = (raw or "").strip()
    if not text:
        return None
    match = _DATE.match(text)
    if not match:
        raise QueryError(f"参数 {name} 不是日期（应为 YYYY-MM-DD）：{text[:40]!r}")
    year, month, day = int(match[1]), match[2], match[3]
    try:
        if month is None:
            date = dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        elif day is None:
            first = dt.date(year, int(month), 1)
            if end:
                following = dt.date(year + (first.month == 12), first.month % 12 + 1, 1)
                date = following - dt.timedelta(days=1)
            else:
                date = first
        else:
            date = dt.date(year, int(month), int(day))
    except ValueError:
        raise QueryError(f"参数 {name} 不是有效日期：{text[:40]!r}") from None
    return date.isoformat()


def _filter_values(args: Args, name: str) -> tuple[str, ...]:
    values: list[str] = []
    for raw in args.getlist(name):
        value = _clean(raw)
        if not value or value in values:
            continue
        if len(value) > MAX_FILTER_LENGTH:
            raise QueryError(f"参数 {name} 过长（最多 {MAX_FILTER_LENGTH} 个字符）")
        if name == "year" and not _YEAR.match(value):
            raise QueryError(f"参数 year 应为四位年份，收到 {value[:40]!r}")
        values.append(value)
    if len(values) > MAX_FILTER_VALUES:
        raise QueryError(f"参数 {name} 的取值过多（最多 {MAX_FILTER_VALUES} 个）")
    return tuple(values)


def parse_search(args: Args, limits: Limits, *, fields: Iterable[str] = FILTER_FIELDS) -> SearchParams:
    """Read and check the search parameters of a request; raise ``QueryError`` for unusable values."""
    q = _clean(args.get("q") or "")
    if len(q) > limits.max_query_length:
        raise QueryError(f"查询过长：{len(q)} 个字符，最多 {limits.max_query_length} 个")
    filters = {name: _filter_values(args, name) for name in fields}
    date_from = parse_date(args.get("from"), "from")
    date_to = parse_date(args.get("to"), "to", end=True)
    if date_from and date_to and date_from > date_to:
        raise QueryError(f"开始日期 {date_from} 晚于结束日期 {date_to}")
    sort = (args.get("sort") or "relevance").strip() or "relevance"
    if sort not in SORTS:
        raise QueryError(f"参数 sort 应为 relevance 或 date，收到 {sort[:40]!r}")
    per_page = _int(args, "per_page", limits.default_per_page, 1, limits.max_per_page)
    page = _int(args, "page", 1, 1, max(1, limits.max_results // per_page))
    return SearchParams(
        q=q,
        filters={name: values for name, values in filters.items() if values},
        date_from=date_from,
        date_to=date_to,
        sort=sort,
        page=page,
        per_page=per_page,
        default_per_page=limits.default_per_page,
    )
