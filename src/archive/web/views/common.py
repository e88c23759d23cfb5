"""Helpers shared by the views: reading search parameters with the app's limits, running the search."""

from __future__ import annotations

from typing import Any

from flask import current_app, request

from archive.web.params import Limits, SearchParams, parse_search
from archive.web.services import searching


def limits() -> Limits:
    config = current_app.config
    return Limits(
        default_per_page=int(config["PER_PAGE"]),
        max_per_page=int(config["MAX_PER_PAGE"]),
        max_query_length=int(config["MAX_QUERY_LENGTH"]),
        max_results=int(config["MAX_RESULTS"]),
    )


def request_params() -> SearchParams:
    return parse_search(request.args, limits())


def run_search(params: SearchParams, **overrides: Any) -> dict[str, Any]:
    """The query service's answer for these parameters (``overrides``: sort, page, per_page)."""
    options: dict[str, Any] = {
        "filters": params.filter_lists() or None,
        "date_from": params.date_from,
        "date_to": params.date_to,
        "sort": params.sort,
        "page": params.page,
        "per_page": params.per_page,
    }
    options.update(overrides)
    with searching() as service:
        result: dict[str, Any] = service.search(params.q, **options)
    return result


def base_url() -> str:
    """Public root of the site, without the trailing slash."""
    configured = str(current_app.config.get("BASE_URL") or "")
    return (configured or request.host_url).rstrip("/")
