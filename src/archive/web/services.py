"""What a request needs, opened once and shared, or per request and closed on teardown (flaskr's ``db.py``).

- One ``SearchService`` per process, opened on first use and kept open; before a request uses it, it is
  refreshed so commits made by ``archive import`` or ``archive crawl`` show up without a restart. Calls are
  serialised by a lock: refreshing swaps the searcher under everyone's feet.
- One ``Store`` (SQLite connection) per request, closed when the request ends.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from flask import Flask, current_app, g

from archive.models import Article
from archive.search import SearchService
from archive.store import STORE_FILE, Store

_EXTENSION = "archive"


class Services:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._lock = threading.RLock()
        self._search: SearchService | None = None

    @contextmanager
    def search(self) -> Iterator[SearchService]:
        """The process's query service, fresh, held for the duration of the ``with`` block."""
        with self._lock:
            if self._search is None:
                self._search = SearchService(self.data_dir)
            else:
                self._search.refresh()
            yield self._search

    def close(self) -> None:
        with self._lock:
            if self._search is not None:
                self._search.close()
                self._search = None


def init_app(app: Flask) -> None:
    app.extensions[_EXTENSION] = Services(Path(app.config["DATA_DIR"]))
    app.teardown_appcontext(_close_store)


def services() -> Services:
    found: Services = current_app.extensions[_EXTENSION]
    return found


@contextmanager
def searching() -> Iterator[SearchService]:
    with services().search() as service:
        yield service


def get_article(article_id: str) -> Article | None:
    """A stored article, or None (also when there is no store yet: reading never creates one)."""
    if not (services().data_dir / STORE_FILE).is_file():
        return None
    return store().get(article_id)


def store() -> Store:
    """The request's document store, opened on first use."""
    if "archive_store" not in g:
        opened = Store(services().data_dir)
        opened.__enter__()
        g.archive_store = opened
    found: Store = g.archive_store
    return found


def _close_store(_exc: BaseException | None = None) -> None:
    opened: Any = g.pop("archive_store", None)
    if opened is not None:
        opened.__exit__(None, None, None)
