"""Crawl state in SQLite (``<data>/crawl.sqlite``): runs, the frontier, what each URL gave last time.

A *run* is one crawl from its seeds until its queue is empty; invocations stopped by ``--max-pages``, Ctrl+C
or a kill leave the run open and the next invocation continues it. A URL is *done* in a run once its fetch
result is committed here (after its WARC record was written), so a resumed run never fetches it again. When
a run is finished, the next one starts over from the seeds and revalidates what it finds with the stored
``ETag`` / ``Last-Modified``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

from archive.errors import CrawlError

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    seeds TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS pages (
    url TEXT PRIMARY KEY,
    host TEXT NOT NULL,
    depth INTEGER NOT NULL,
    queued_run INTEGER,            -- the run that wants this URL
    done_run INTEGER,              -- the run that last handled it (fetched, failed, blocked)
    state TEXT,                    -- fetched | not_modified | redirected | failed | blocked
    kind TEXT,                     -- article | list | other
    status INTEGER,
    etag TEXT,
    last_modified TEXT,
    sha1 TEXT,
    content_type TEXT,
    final_url TEXT,
    warc_file TEXT,
    warc_offset INTEGER,
    fetched_at TEXT,
    error TEXT,
    ingested INTEGER NOT NULL DEFAULT 1   -- 0: an article handed to the pipeline, not yet confirmed stored
);
CREATE INDEX IF NOT EXISTS pages_queue ON pages (queued_run, done_run);
CREATE INDEX IF NOT EXISTS pages_pending ON pages (ingested) WHERE ingested = 0;
CREATE TABLE IF NOT EXISTS links (
    src TEXT NOT NULL,
    dst TEXT NOT NULL,
    PRIMARY KEY (src, dst)
);
"""


@dataclass
class PageState:
    url: str
    depth: int
    state: str | None
    kind: str | None
    status: int | None
    etag: str | None
    last_modified: str | None
    sha1: str | None
    content_type: str | None
    final_url: str | None
    warc_file: str | None
    warc_offset: int | None
    fetched_at: str | None


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Frontier:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / "crawl.sqlite"
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise CrawlError(f"{self.path}: cannot open the crawl state: {exc}") from None
        self._in_tx = False

    def __enter__(self) -> Frontier:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self, *, keep_open_transaction: bool = True) -> None:
        """Close; an unfinished transaction is committed, or rolled back when the caller is failing."""
        if keep_open_transaction:
            self.commit()
        elif self._in_tx:
            self._db.execute("ROLLBACK")
            self._in_tx = False
        self._db.close()

    # transactions: one per handled URL (its state, its links, what it queued)
    def begin(self) -> None:
        if not self._in_tx:
            self._db.execute("BEGIN")
            self._in_tx = True

    def commit(self) -> None:
        if self._in_tx:
            self._db.execute("COMMIT")
            self._in_tx = False

    # runs
    def start_run(self, seeds: list[str]) -> tuple[int, bool]:
        """The open run (resumed: True) or a new one; the seeds are queued at depth 0 either way."""
        row = self._db.execute("SELECT id, finished FROM runs ORDER BY id DESC LIMIT 1").fetchone()
        self.begin()
        if row is not None and row[1] is None:
            run, resumed = int(row[0]), True
        else:
            cur = self._db.execute(
                "INSERT INTO runs (started, seeds) VALUES (?, ?)", (now_iso(), json.dumps(seeds, ensure_ascii=False))
            )
            run, resumed = int(cur.lastrowid or 0), False
        for seed in seeds:
            self.enqueue(seed, 0, run)
        self.commit()
        return run, resumed

    def finish_run(self, run: int) -> None:
        self._db.execute("UPDATE runs SET finished = ? WHERE id = ?", (now_iso(), run))

    def runs(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM runs").fetchone()[0])

    # the queue
    def enqueue(self, url: str, depth: int, run: int) -> bool:
        """Queue ``url`` for ``run`` unless this run has it already; True when newly queued."""
        row = self._db.execute("SELECT queued_run, done_run, depth FROM pages WHERE url = ?", (url,)).fetchone()
        if row is None:
            host = urlsplit(url).netloc
            self._db.execute(
                "INSERT INTO pages (url, host, depth, queued_run) VALUES (?, ?, ?, ?)", (url, host, depth, run)
            )
            return True
        queued, done, old_depth = row
        if done == run:
            return False
        if queued != run:
            self._db.execute("UPDATE pages SET queued_run = ?, depth = ? WHERE url = ?", (run, depth, url))
            return True
        if depth < old_depth:
            self._db.execute("UPDATE pages SET depth = ? WHERE url = ?", (depth, url))
        return False

    def queued(self, run: int) -> list[tuple[str, int]]:
        """URLs this run still has to handle, shallowest first, in the order they were found."""
        rows = self._db.execute(
            "SELECT url, depth FROM pages WHERE queued_run = ? AND (done_run IS NULL OR done_run != ?)"
            " ORDER BY depth, rowid",
            (run, run),
        )
        return [(str(u), int(d)) for u, d in rows]

    def known(self, run: int) -> set[str]:
        """Every URL queued or handled in this run."""
        rows = self._db.execute("SELECT url FROM pages WHERE queued_run = ? OR done_run = ?", (run, run))
        return {str(r[0]) for r in rows}

    def done_count(self, run: int) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM pages WHERE done_run = ?", (run,)).fetchone()[0])

    # page results
    def get(self, url: str) -> PageState | None:
        row = self._db.execute(
            "SELECT url, depth, state, kind, status, etag, last_modified, sha1, content_type, final_url,"
            " warc_file, warc_offset, fetched_at FROM pages WHERE url = ?",
            (url,),
        ).fetchone()
        return PageState(*row) if row is not None else None

    def record(self, url: str, run: int, depth: int, **fields: Any) -> None:
        """Store the outcome of ``url`` in ``run`` (creating the row for redirect targets)."""
        allowed = set(PageState.__dataclass_fields__) | {"error", "ingested"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"unknown page fields: {sorted(unknown)}")
        if self._db.execute("SELECT 1 FROM pages WHERE url = ?", (url,)).fetchone() is None:
            self._db.execute(
                "INSERT INTO pages (url, host, depth, queued_run) VALUES (?, ?, ?, ?)",
                (url, urlsplit(url).netloc, depth, run),
            )
        fields["done_run"] = run
        assignments = ", ".join(f"{name} = ?" for name in fields)
        self._db.execute(f"UPDATE pages SET {assignments} WHERE url = ?", (*fields.values(), url))

    def set_links(self, url: str, links: Iterable[str]) -> None:
        self._db.execute("DELETE FROM links WHERE src = ?", (url,))
        self._db.executemany("INSERT OR IGNORE INTO links (src, dst) VALUES (?, ?)", ((url, d) for d in links))

    def links_of(self, url: str) -> list[str]:
        return [str(r[0]) for r in self._db.execute("SELECT dst FROM links WHERE src = ? ORDER BY rowid", (url,))]

    # hand-over to the pipeline
    def pending_ingest(self) -> Iterator[PageState]:
        """Articles fetched but not yet confirmed stored (the previous invocation stopped before that)."""
        urls = [str(r[0]) for r in self._db.execute("SELECT url FROM pages WHERE ingested = 0 ORDER BY rowid")]
        for url in urls:
            state = self.get(url)
            if state is not None:
                yield state

    def mark_ingested(self, urls: Iterable[str]) -> None:
        self._db.executemany("UPDATE pages SET ingested = 1 WHERE url = ?", ((u,) for u in urls))

    def summary(self) -> dict[str, int]:
        rows = self._db.execute("SELECT COALESCE(state, 'queued'), COUNT(*) FROM pages GROUP BY 1")
        return {str(state): int(count) for state, count in rows}
