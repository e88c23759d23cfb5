"""One table of settings: name, default, help.

Values come from the defaults, then ``<data dir>/settings.toml`` (a ``[archive]`` table or top-level keys),
then ``ARCHIVE_<NAME>`` environment variables, then explicit overrides (command-line options).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archive.errors import ConfigError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("data", "./index", "Data directory: SQLite store, Whoosh index, WARC captures (option --data)."),
    Setting("user_agent", "archive-crawler/0.1", "User-Agent product token sent by the crawler."),
    Setting("contact_url", "", "URL or e-mail appended to the User-Agent so site owners can reach you."),
    Setting("crawl_delay", 1.0, "Seconds between two requests to the same host (robots.txt Crawl-delay wins)."),
    Setting("timeout", 20.0, "Seconds before a crawler request is abandoned."),
    Setting("max_bytes", 20 * 1024 * 1024, "Largest file or HTTP response accepted, in bytes."),
    Setting("per_page", 10, "Search results per page by default."),
    Setting("host", "127.0.0.1", "Address `archive serve` listens on."),
    Setting("port", 8000, "Port `archive serve` listens on."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def _coerce(setting: Setting, value: Any, origin: str) -> Any:
    kind = type(setting.default)
    if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
        return value
    try:
        if kind is bool:
            return str(value).strip().lower() in {"1", "true", "yes", "on"}
        return kind(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{origin}: setting {setting.name!r} must be {kind.__name__}, got {value!r}") from None


def read_toml_table(file: Path, table: str, what: str) -> dict[str, Any]:
    """The ``[table]`` of a TOML settings file, or its top-level keys when it has no such table."""
    try:
        loaded = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{file}: cannot read {what}: {exc}") from None
    found: dict[str, Any] = loaded.get(table, loaded)
    return found


def load_settings(data_dir: str | os.PathLike[str] | None = None, **overrides: Any) -> dict[str, Any]:
    """Resolve every setting; ``data_dir`` (when given) is where ``settings.toml`` is looked for."""
    values = {s.name: s.default for s in SETTINGS}
    env_data = os.environ.get("ARCHIVE_DATA")
    base = Path(data_dir) if data_dir is not None else Path(env_data or values["data"])
    file = base / "settings.toml"
    if file.is_file():
        for key, value in read_toml_table(file, "archive", "settings").items():
            if key in _BY_NAME:
                values[key] = _coerce(_BY_NAME[key], value, str(file))
    for setting in SETTINGS:
        env = os.environ.get(f"ARCHIVE_{setting.name.upper()}")
        if env is not None:
            values[setting.name] = _coerce(setting, env, f"ARCHIVE_{setting.name.upper()}")
    for key, value in overrides.items():
        if value is not None and key in _BY_NAME:
            values[key] = _coerce(_BY_NAME[key], value, f"--{key.replace('_', '-')}")
    values["data"] = str(base)
    return values
