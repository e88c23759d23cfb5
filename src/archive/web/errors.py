"""Errors as pages or JSON with the right status (datasette's ``handle_exception``); never a traceback.

- ``QueryError`` (a parameter or query we cannot use) → 400;
- HTTP errors raised by views or routing (404 unknown id, 405 writes) → their own status;
- ``ArchiveError`` from the store or index (missing, locked, old schema) → 503 with its one-line message;
- anything else → 500 with a friendly page, logged with its traceback for the operator.
"""

from __future__ import annotations

from flask import Flask, Response, current_app, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from archive.errors import ArchiveError, QueryError

TITLES = {
    400: "请求参数有误",
    404: "没有找到",
    405: "不支持的请求方法",
    503: "检索服务暂不可用",
    500: "服务器出错了",
}


def wants_json() -> bool:
    return request.path.startswith("/api/")


def error_response(status: int, message: str) -> tuple[Response | str, int]:
    title = TITLES.get(status, "出错了")
    if wants_json():
        return jsonify({"error": {"status": status, "title": title, "message": message}}), status
    return render_template("error.html", status=status, title=title, message=message), status


def _http(exc: HTTPException) -> tuple[Response | str, int] | Response:
    status = exc.code or 500
    message = exc.description or ""
    if status == 404 and not message.startswith("没有"):
        message = "没有这个页面。"
    elif status == 405:
        message = "本站只读，只接受 GET 和 HEAD 请求。"
    body, code = error_response(status, message)
    response = current_app.make_response((body, code))
    if status == 405:
        response.headers["Allow"] = "GET, HEAD"
    return response


def _query(exc: QueryError) -> tuple[Response | str, int]:
    return error_response(400, str(exc))


def _archive(exc: ArchiveError) -> tuple[Response | str, int]:
    current_app.logger.warning("archive error on %s: %s", request.path, exc)
    return error_response(503, str(exc))


def _unexpected(exc: Exception) -> tuple[Response | str, int]:
    current_app.logger.exception("unexpected error on %s", request.path)
    return error_response(500, "处理请求时发生意外错误，已记录在服务器日志中。")


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, _http)
    app.register_error_handler(QueryError, _query)
    app.register_error_handler(ArchiveError, _archive)
    app.register_error_handler(Exception, _unexpected)
