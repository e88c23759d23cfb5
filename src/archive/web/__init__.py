"""The web interface: a Flask application factory (flaskr's pattern), read-only, server-rendered.

Configuration, lowest first: ``DEFAULTS`` below; the data dir and page size from ``archive.config``;
``<instance>/settings.toml`` (the instance folder is ``./web`` or ``$ARCHIVE_WEB``; its ``templates/``
folder overrides any of our templates); finally ``test_config`` when given (tests and ``archive serve``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from flask import Flask, Response, request
from jinja2 import ChoiceLoader, FileSystemLoader
from werkzeug.exceptions import MethodNotAllowed

# name → (default, help). The instance folder's settings.toml may set any of them (upper or lower case).
WEB_SETTINGS: dict[str, tuple[Any, str]] = {
    "SITE_NAME": ("会议报道检索", "Name shown in the header, page titles, feeds and the browser search box."),
    "BASE_URL": ("", "Public address (https://host/prefix) for feeds and opensearch.xml; default: the request's."),
    "PER_PAGE": (10, "Results per page when the request does not say (default: the `per_page` setting)."),
    "MAX_PER_PAGE": (100, "Largest per_page a request may ask for."),
    "MAX_QUERY_LENGTH": (500, "Longest query accepted, in characters; longer ones get 400."),
    "MAX_RESULTS": (10_000, "Deepest result reachable by paging (page × per_page)."),
    "EXPORT_LIMIT": (5_000, "Most rows a CSV export returns."),
    "FEED_SIZE": (30, "Entries in an Atom feed."),
    "SUGGEST_LIMIT": (10, "Completions returned by /api/suggest."),
}

# Content-Security-Policy: our own files only; no inline script or style, no frames, no plugins.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
READ_ONLY_METHODS = frozenset({"GET", "HEAD"})


def _instance_path(test_config: dict[str, Any] | None) -> Path:
    if test_config and test_config.get("INSTANCE_PATH"):
        return Path(test_config["INSTANCE_PATH"]).resolve()
    return Path(os.environ.get("ARCHIVE_WEB") or Path.cwd() / "web").resolve()


def _load_instance_settings(app: Flask) -> None:
    file = Path(app.instance_path) / "settings.toml"
    if not file.is_file():
        return
    from archive.config import read_toml_table
    from archive.errors import ConfigError

    for key, value in read_toml_table(file, "web", "web settings").items():
        name = str(key).upper()
        if name not in WEB_SETTINGS:
            raise ConfigError(f"{file}: unknown web setting {key!r}")
        default = WEB_SETTINGS[name][0]
        if type(value) is not type(default):
            raise ConfigError(f"{file}: web setting {key!r} must be {type(default).__name__}, got {value!r}")
        app.config[name] = value


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the application. ``test_config`` may set ``DATA_DIR`` and any ``WEB_SETTINGS`` name."""
    from archive.config import load_settings

    app = Flask(__name__, instance_path=str(_instance_path(test_config)))
    app.config.from_mapping({name: default for name, (default, _help) in WEB_SETTINGS.items()})
    data_dir = (test_config or {}).get("DATA_DIR")
    settings = load_settings(data_dir)
    app.config["DATA_DIR"] = Path(data_dir or settings["data"])
    app.config["PER_PAGE"] = int(settings["per_page"])
    _load_instance_settings(app)
    if test_config:
        app.config.from_mapping(test_config)
    app.config["DATA_DIR"] = Path(app.config["DATA_DIR"])
    app.json.ensure_ascii = False  # type: ignore[attr-defined]  # Chinese stays readable in the API
    app.json.sort_keys = False  # type: ignore[attr-defined]  # keep the order of the search contract

    overrides = Path(app.instance_path) / "templates"
    if app.jinja_loader is not None:
        app.jinja_loader = ChoiceLoader([FileSystemLoader(str(overrides)), app.jinja_loader])
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    from archive.web import errors, services
    from archive.web.views import api, feeds, pages

    services.init_app(app)
    errors.init_app(app)
    app.register_blueprint(pages.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(feeds.bp)

    @app.before_request
    def _read_only() -> None:
        if request.method not in READ_ONLY_METHODS:
            raise MethodNotAllowed(valid_methods=sorted(READ_ONLY_METHODS))

    @app.after_request
    def _headers(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    @app.context_processor
    def _globals() -> dict[str, Any]:
        return {"site_name": app.config["SITE_NAME"]}

    return app
