"""Turn the query service's results into what templates loop over: hits with ready links, facet values with
``value``/``count``/``selected``/``toggle_url`` (datasette's pattern), pages. Templates decide nothing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode

from markupsafe import Markup, escape

from archive.web.params import FILTER_FIELDS, FILTER_LABELS, SORTS, SearchParams

# Hit and section metadata shown as chips, in this order.
CHIP_FIELDS = ("speakers", "units", "districts", "themes")
CHIP_FILTER = {"speakers": "speaker", "units": "unit", "districts": "district", "themes": "theme"}
FACET_VISIBLE = 8  # values shown before "更多"

_STRAY_TAG = re.compile(r"<(?!/?mark>)")


def safe_snippet(html: str | None) -> Markup:
    """The service's snippet is escaped text with ``<mark>``; make sure nothing else gets through."""
    return Markup(_STRAY_TAG.sub("&lt;", html or ""))  # noqa: S704 - only <mark> tags survive the line above


def section_number(section_id: str) -> str:
    """``"<article id>#3"`` → ``"3"`` (the anchor of the section in its article page is ``s3``)."""
    return section_id.rpartition("#")[2] or "0"


def article_url(article_id: str, section_id: str | None = None, q: str = "") -> str:
    url = f"/article/{quote(article_id, safe='')}"
    if q:
        url += "?" + urlencode([("q", q)])
    if section_id is not None:
        url += f"#s{section_number(section_id)}"
    return url


def person_url(kind: str, name: str) -> str:
    return f"/{kind}/{quote(name, safe='')}"


def meeting_name(meeting: Any) -> str:
    if isinstance(meeting, Mapping):
        return str(meeting.get("name") or "")
    return str(meeting or "")


@dataclass
class Chip:
    field: str
    label: str
    value: str
    url: str
    selected: bool = False


@dataclass
class HitView:
    title: str
    heading: str
    date: str
    meeting: str
    meeting_url: str
    snippet: Markup
    url: str
    article_url: str
    source: str
    chips: list[Chip] = field(default_factory=list)


def chips_for(item: Mapping[str, Any], params: SearchParams) -> list[Chip]:
    chips: list[Chip] = []
    for key in CHIP_FIELDS:
        name = CHIP_FILTER[key]
        for value in item.get(key) or []:
            value = str(value)
            chips.append(
                Chip(
                    field=name,
                    label=FILTER_LABELS[name],
                    value=value,
                    url=params.with_filter(name, value).url(),
                    selected=params.selected(name, value),
                )
            )
    return chips


def hit_view(hit: Mapping[str, Any], params: SearchParams) -> HitView:
    article_id = str(hit.get("article_id") or "")
    section_id = str(hit.get("section_id") or f"{article_id}#0")
    meeting = meeting_name(hit.get("meeting"))
    return HitView(
        title=str(hit.get("title") or "（无标题）"),
        heading=str(hit.get("heading") or ""),
        date=str(hit.get("date") or ""),
        meeting=meeting,
        meeting_url=params.with_filter("meeting", meeting).url() if meeting else "",
        snippet=safe_snippet(hit.get("snippet")),
        url=article_url(article_id, section_id, params.q),
        article_url=article_url(article_id, None, params.q),
        source=str(hit.get("source") or ""),
        chips=chips_for(hit, params),
    )


@dataclass
class FacetValue:
    value: str
    count: int
    selected: bool
    toggle_url: str


@dataclass
class FacetView:
    name: str
    label: str
    values: list[FacetValue]

    @property
    def shown(self) -> list[FacetValue]:
        return self.values[:FACET_VISIBLE]

    @property
    def more(self) -> list[FacetValue]:
        return self.values[FACET_VISIBLE:]


def facet_views(facets: Mapping[str, Sequence[Mapping[str, Any]]], params: SearchParams) -> list[FacetView]:
    """Facets in sidebar order; selected values first (also when the service did not list them)."""
    views: list[FacetView] = []
    for name in FILTER_FIELDS:
        listed = facets.get(name) or []
        chosen = params.filters.get(name, ())
        if not listed and not chosen:
            continue
        values: list[FacetValue] = []
        seen: set[str] = set()
        for entry in listed:
            value = str(entry.get("value"))
            if value in seen:
                continue
            seen.add(value)
            values.append(
                FacetValue(value, int(entry.get("count") or 0), value in chosen, params.toggled(name, value).url())
            )
        for value in chosen:
            if value not in seen:
                values.append(FacetValue(value, 0, True, params.toggled(name, value).url()))
        values.sort(key=lambda v: not v.selected)  # stable: keeps the service's order otherwise
        views.append(FacetView(name, FILTER_LABELS[name], values))
    return views


@dataclass
class Removal:
    label: str
    value: str
    url: str


def removals(params: SearchParams) -> list[Removal]:
    """One link per condition in force, each dropping just that condition."""
    out: list[Removal] = []
    if params.q:
        out.append(Removal("关键词", params.q, params.without("q").url()))
    for name, value in params.active_filters():
        out.append(Removal(FILTER_LABELS[name], value, params.toggled(name, value).url()))
    if params.date_from:
        out.append(Removal("起始日期", params.date_from, params.without("from").url()))
    if params.date_to:
        out.append(Removal("截止日期", params.date_to, params.without("to").url()))
    return out


@dataclass
class PageLink:
    number: int
    url: str
    current: bool
    gap_before: bool = False  # numbers skipped before this one (shown as …)


@dataclass
class Pages:
    current: int
    last: int
    links: list[PageLink]
    prev_url: str
    next_url: str


def pages(params: SearchParams, total: int, max_results: int, path: str = "/") -> Pages:
    reachable = min(total, max_results)
    last = max(1, math.ceil(reachable / params.per_page))
    current = params.page
    window = sorted({1, last, *range(max(1, current - 2), min(last, current + 2) + 1)})
    links = [
        PageLink(n, params.with_page(n).url(path), n == current, gap_before=i > 0 and n > window[i - 1] + 1)
        for i, n in enumerate(window)
    ]
    return Pages(
        current=current,
        last=last,
        links=links,
        prev_url=params.with_page(current - 1).url(path) if current > 1 else "",
        next_url=params.with_page(current + 1).url(path) if current < last else "",
    )


@dataclass
class SortLink:
    key: str
    label: str
    url: str
    current: bool


def sort_links(params: SearchParams, path: str = "/") -> list[SortLink]:
    """相关度 / 时间, as links."""
    return [SortLink(key, label, params.with_sort(key).url(path), params.sort == key) for key, label in SORTS.items()]


def paragraphs(html: Markup) -> list[Markup]:
    """Split escaped text (maybe with ``<mark>``) into paragraphs at line breaks."""
    return [part for part in html.split("\n") if part.strip()]


def plain(text: str | None) -> Markup:
    return escape(text or "")
