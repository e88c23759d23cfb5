"""HTML pages: search, article, speaker and unit pages."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from flask import Blueprint, abort, current_app, render_template, request
from markupsafe import Markup, escape

from archive.errors import SearchIndexError
from archive.models import Article, Section
from archive.web.params import SearchParams, parse_search
from archive.web.present import (
    CHIP_FIELDS,
    Chip,
    HitView,
    article_url,
    chips_for,
    facet_views,
    hit_view,
    pages,
    paragraphs,
    person_url,
    removals,
    safe_snippet,
    section_number,
    sort_links,
)
from archive.web.services import get_article, searching
from archive.web.views.common import limits, request_params, run_search

bp = Blueprint("pages", __name__)

MAX_ID_LENGTH = 64
WEB_SCHEMES = ("http://", "https://")  # original URLs become links only with these
PERSON_PER_PAGE = 20


def _links(params: SearchParams) -> dict[str, str]:
    """Feed, CSV and JSON versions of the same search."""
    first = replace(params, page=1)
    return {
        "feed_url": replace(first, sort="relevance").url("/feed"),
        "export_url": first.url("/export.csv"),
        "api_url": params.url("/api/search"),
    }


@bp.get("/")
def index() -> str:
    params = request_params()
    if params.is_empty:
        # The home page: the newest sections and the facets of the whole archive, to browse from.
        try:
            result = run_search(params, sort="date")
        except SearchIndexError as exc:
            return render_template("welcome.html", params=params, message=str(exc))
    elif not params.q:
        # Filters without words: nothing to rank by, so the newest come first.
        result = run_search(params, sort="date")
    else:
        result = run_search(params)
    total = int(result.get("total") or 0)
    return render_template(
        "search.html",
        params=params,
        home=params.is_empty,
        total=total,
        searched=str(result.get("folded_query") or params.q),
        hits=[hit_view(hit, params) for hit in result.get("hits") or []],
        facets=facet_views(result.get("facets") or {}, params),
        removals=removals(params),
        pages=pages(params, total, int(current_app.config["MAX_RESULTS"])),
        sort_links=sort_links(params) if params.q else [],
        **_links(params),
    )


# ---- article ------------------------------------------------------------------------------------------


@dataclass
class SectionView:
    anchor: str
    heading: Markup
    kind: str
    paragraphs: list[Markup]
    chips: list[Chip] = field(default_factory=list)


def _metadata(item: Article | Section) -> dict[str, Any]:
    return {key: getattr(item, key) for key in CHIP_FIELDS}


def _section_chips(section: Section) -> list[Chip]:
    """Section metadata: speakers and units lead to their pages, districts and themes to searches."""
    chips = chips_for(_metadata(section), SearchParams())
    for chip in chips:
        if chip.field == "speaker":
            chip.url = person_url("speaker", chip.value)
        elif chip.field == "unit":
            chip.url = person_url("unit", chip.value)
    return chips


def _article_sections(article: Article, q: str) -> list[SectionView]:
    views: list[SectionView] = []
    if q:
        with searching() as service:
            marked = [
                (
                    safe_snippet(service.highlight(s.heading, q)) if s.heading else Markup(""),
                    safe_snippet(service.highlight(s.text, q)),
                )
                for s in article.sections
            ]
    else:
        marked = [(escape(s.heading or ""), escape(s.text)) for s in article.sections]
    for section, (heading, text) in zip(article.sections, marked, strict=True):
        views.append(
            SectionView(
                anchor=f"s{section_number(section.id)}",
                heading=heading,
                kind=section.kind,
                paragraphs=paragraphs(text),
                chips=_section_chips(section),
            )
        )
    return views


@bp.get("/article/<article_id>")
def article(article_id: str) -> str:
    q = parse_search(request.args, limits(), fields=()).q
    found = get_article(article_id) if len(article_id) <= MAX_ID_LENGTH else None
    if found is None:
        abort(404, description=f"没有编号为 {article_id[:MAX_ID_LENGTH]} 的文章。")
    meta = chips_for(_metadata(found), SearchParams())
    meeting = found.meeting.name or ""
    return render_template(
        "article.html",
        article=found,
        q=q,
        sections=_article_sections(found, q),
        chips=meta,
        meeting=meeting,
        meeting_url=SearchParams().with_filter("meeting", meeting).url() if meeting else "",
        urls=[{"text": url, "href": url if url.startswith(WEB_SCHEMES) else ""} for url in found.urls or [found.url]],
        back_url=SearchParams(q=q).url() if q else "",
        api_url=f"/api{article_url(found.id)}",
    )


# ---- speaker and unit pages ---------------------------------------------------------------------------


def _person(kind: str, field_name: str, name: str, heading: str) -> str:
    name = name.strip()
    if not name or len(name) > 100:
        abort(404, description="没有这个名称。")
    asked = parse_search(request.args, replace(limits(), default_per_page=PERSON_PER_PAGE), fields=())
    # Links on this page keep only the page number; the filter is the path itself.
    url_params = SearchParams(page=asked.page, per_page=asked.per_page, default_per_page=PERSON_PER_PAGE)
    result = run_search(url_params, filters={field_name: [name]}, sort="date")
    total = int(result.get("total") or 0)
    if total == 0:
        abort(404, description=f"没有{heading}为 {name} 的段落。")
    filtered = SearchParams(filters={field_name: (name,)})
    themes = [
        {
            "value": str(entry.get("value")),
            "count": int(entry.get("count") or 0),
            "url": filtered.with_filter("theme", str(entry.get("value"))).url(),
        }
        for entry in (result.get("facets") or {}).get("theme") or []
    ]
    path = person_url(kind, name)
    return render_template(
        "person.html",
        kind=kind,
        name=name,
        heading=heading,
        total=total,
        groups=_by_article([hit_view(hit, filtered) for hit in result.get("hits") or []]),
        themes=themes,
        pages=pages(url_params, total, int(current_app.config["MAX_RESULTS"]), path),
        search_url=filtered.url(),
        **_links(filtered),
    )


@dataclass
class ArticleGroup:
    """Consecutive hits from one article, shown under its title once."""

    first: HitView
    sections: list[HitView] = field(default_factory=list)


def _by_article(hits: list[HitView]) -> list[ArticleGroup]:
    groups: list[ArticleGroup] = []
    for hit in hits:
        hit.chips = [chip for chip in hit.chips if chip.field == "theme"]
        if groups and groups[-1].first.article_url == hit.article_url:
            groups[-1].sections.append(hit)
        else:
            groups.append(ArticleGroup(hit, [hit]))
    return groups


@bp.get("/speaker/<name>")
def speaker(name: str) -> str:
    return _person("speaker", "speaker", name, "发言人")


@bp.get("/unit/<name>")
def unit(name: str) -> str:
    return _person("unit", "unit", name, "单位")
