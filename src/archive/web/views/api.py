"""JSON API and the browser search box: /api/search, /api/article/<id>, /api/suggest, /opensearch.xml."""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, jsonify, render_template, request

from archive.errors import QueryError
from archive.web.services import get_article, searching
from archive.web.views.common import base_url, request_params, run_search
from archive.web.views.pages import MAX_ID_LENGTH

bp = Blueprint("api", __name__)

SUGGEST_MAX_PREFIX = 50


@bp.get("/api/search")
def api_search() -> Response:
    """Exactly the JSON of ``archive search --json`` for the same parameters."""
    return jsonify(run_search(request_params()))


@bp.get("/api/article/<article_id>")
def api_article(article_id: str) -> Response:
    """The extract format of one stored article."""
    found = get_article(article_id) if len(article_id) <= MAX_ID_LENGTH else None
    if found is None:
        abort(404, description=f"没有编号为 {article_id[:MAX_ID_LENGTH]} 的文章。")
    return jsonify(found.to_dict())


@bp.get("/api/suggest")
def api_suggest() -> Response:
    """OpenSearch suggestions: ``[query, [completion, …]]`` (speakers, units, themes, titles)."""
    prefix = (request.args.get("q") or "").strip()
    if len(prefix) > SUGGEST_MAX_PREFIX:
        raise QueryError(f"建议前缀过长：{len(prefix)} 个字符，最多 {SUGGEST_MAX_PREFIX} 个")
    completions: list[str] = []
    if prefix:
        with searching() as service:
            completions = list(service.suggest(prefix, limit=int(current_app.config["SUGGEST_LIMIT"])))
    response = jsonify([prefix, completions])
    response.mimetype = "application/x-suggestions+json"
    return response


@bp.get("/opensearch.xml")
def opensearch() -> Response:
    body = render_template("opensearch.xml", base=base_url())
    return Response(body, mimetype="application/opensearchdescription+xml")
