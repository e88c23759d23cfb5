"""Any search as an Atom feed (newest first) or as a CSV file (every hit, up to a cap)."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import re
from dataclasses import replace
from typing import Any

from flask import Blueprint, Response, current_app, render_template

from archive.web.present import article_url, meeting_name, removals
from archive.web.views.common import base_url, request_params, run_search

bp = Blueprint("feeds", __name__)

_TAGS = re.compile(r"</?mark>")
EXPORT_PAGE = 500  # hits fetched per query-service call while exporting (each call also counts facets)
CSV_COLUMNS = (
    "date",
    "title",
    "heading",
    "meeting",
    "speakers",
    "units",
    "districts",
    "themes",
    "snippet",
    "link",
    "url",
    "article_id",
    "section_id",
)


def plain_snippet(snippet: str | None) -> str:
    return html.unescape(_TAGS.sub("", snippet or ""))


def _timestamp(date: str | None) -> str:
    if date and re.match(r"^\d{4}-\d{2}-\d{2}$", date):
        return f"{date}T00:00:00Z"
    return "1970-01-01T00:00:00Z"


@bp.get("/feed")
def feed() -> Response:
    params = replace(request_params(), sort="date", page=1)
    size = int(current_app.config["FEED_SIZE"])
    result = run_search(params, per_page=size)
    root = base_url()
    entries: list[dict[str, Any]] = []
    for hit in result.get("hits") or []:
        article_id = str(hit.get("article_id") or "")
        section_id = str(hit.get("section_id") or f"{article_id}#0")
        title = str(hit.get("title") or "")
        heading = str(hit.get("heading") or "")
        entries.append(
            {
                "id": f"{root}{article_url(article_id, section_id)}",
                "link": f"{root}{article_url(article_id, section_id, params.q)}",
                "title": f"{title}：{heading}" if heading else title,
                "updated": _timestamp(hit.get("date")),
                "summary": str(hit.get("snippet") or ""),
                "categories": [*(hit.get("speakers") or []), *(hit.get("themes") or [])],
            }
        )
    updated = max((e["updated"] for e in entries), default=None) or dt.datetime.now(dt.UTC).strftime(
        "%Y-%m-%dT%H:%M:%SZ"
    )
    described = "、".join(f"{r.label}：{r.value}" for r in removals(params)) or "全部"
    body = render_template(
        "feed.xml",
        title=f"{current_app.config['SITE_NAME']} · {described}",
        self_url=f"{root}{params.url('/feed')}",
        html_url=f"{root}{replace(params, sort='date').url('/')}",
        updated=updated,
        entries=entries,
    )
    return Response(body, mimetype="application/atom+xml")


def _cell(value: Any) -> str:
    """A CSV cell; values a spreadsheet would run as a formula get a leading apostrophe."""
    text = "; ".join(str(v) for v in value) if isinstance(value, list) else str(value or "")
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        text = "'" + text
    return text


@bp.get("/export.csv")
def export_csv() -> Response:
    params = replace(request_params(), page=1)
    cap = int(current_app.config["EXPORT_LIMIT"])
    per_page = min(EXPORT_PAGE, cap)
    root = base_url()
    rows: list[list[str]] = []
    page = 1
    while len(rows) < cap:
        result = run_search(params, page=page, per_page=per_page)
        hits = result.get("hits") or []
        for hit in hits:
            article_id = str(hit.get("article_id") or "")
            section_id = str(hit.get("section_id") or f"{article_id}#0")
            record = {
                **hit,
                "meeting": meeting_name(hit.get("meeting")),
                "snippet": plain_snippet(hit.get("snippet")),
                "link": f"{root}{article_url(article_id, section_id)}",
            }
            rows.append([_cell(record.get(column)) for column in CSV_COLUMNS])
        if len(hits) < per_page or page * per_page >= int(result.get("total") or 0):
            break
        page += 1
    out = io.StringIO()
    out.write("\ufeff")  # BOM: spreadsheet programs then read the file as UTF-8
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(rows[:cap])
    response = Response(out.getvalue(), mimetype="text/csv")
    response.headers["Content-Disposition"] = 'attachment; filename="archive-search.csv"'
    return response
