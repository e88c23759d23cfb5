"""The pipeline from acquired documents to searchable articles: process (extract, enrich) → store → index.

``ingest`` is what ``archive import``, ``archive reprocess`` and the crawler call. Each article is committed to
the store as soon as it is stored (so other writers never wait for a whole batch), and the search index is
committed every ``batch_size`` articles; the store remembers which version of each article the index holds, so
an import killed at any point leaves both consistent, and running it again completes it.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from archive import enrich as enrich_stage
from archive import extract as extract_stage
from archive import index as index_stage
from archive.crawler.files import SkippedFileError
from archive.errors import ArchiveError, InputError
from archive.models import Article, Document
from archive.store import PutResult, Store

DEFAULT_BATCH = 500


def process(doc: Document) -> Article:
    """One document → one enriched article. Records already in the extract format are taken as they are."""
    if doc.kind == "record":
        exported = exported_article(doc)
        if exported is not None:
            return exported
    article = extract_stage.extract(doc)
    return enrich_stage.enrich(article)


def exported_article(doc: Document) -> Article | None:
    """The article of a JSONL line written by ``archive export`` (has ``id`` and ``sections``), else ``None``."""
    try:
        data = json.loads(doc.data)
    except ValueError:
        return None
    if not (isinstance(data, dict) and "id" in data and isinstance(data.get("sections"), list)):
        return None
    try:
        article = Article.from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InputError(f"{doc.name}: not a valid exported article ({type(exc).__name__}: {exc})") from None
    if not article.url:
        raise InputError(f"{doc.name}: exported article {article.id} has no url")
    if not article.urls:
        article.urls = [article.url]
    return article


@dataclass
class IngestReport:
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    syndicated: int = 0  # new URLs of articles already stored (same text elsewhere)
    failed: int = 0
    skipped: int = 0
    indexed: int = 0  # articles written to the search index
    failures: list[tuple[str, str]] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=lambda: {"process": 0.0, "store": 0.0, "index": 0.0})
    index_available: bool = True  # False when asked to leave the search index alone

    @property
    def documents(self) -> int:
        return self.imported + self.updated + self.unchanged + self.syndicated + self.failed + self.skipped

    def summary(self) -> str:
        return (
            f"imported {self.imported}, updated {self.updated}, unchanged {self.unchanged}, "
            f"syndicated {self.syndicated}, failed {self.failed}, skipped {self.skipped}"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "imported": self.imported,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "syndicated": self.syndicated,
            "failed": self.failed,
            "skipped": self.skipped,
            "indexed": self.indexed,
            "failures": [{"name": n, "error": m} for n, m in self.failures],
            "seconds": dict(self.seconds),
        }


def failure_line(name: str, message: str) -> str:
    """``name: reason``, without repeating the name when the message already starts with it."""
    return message if message.startswith(name) else f"{name}: {message}"


class _Progress:
    """A one-line counter on stderr, redrawn a few times a second."""

    def __init__(self, report: IngestReport, stream: TextIO | None) -> None:
        self.report = report
        self.stream = stream
        self.start = time.perf_counter()
        self.last = 0.0
        self.shown = False

    def tick(self, force: bool = False) -> None:
        if self.stream is None:
            return
        now = time.perf_counter()
        if not force and now - self.last < 0.2:
            return
        self.last = now
        r = self.report
        rate = r.documents / max(now - self.start, 1e-9)
        self.stream.write(
            f"\r{r.documents:,} documents ({rate:,.0f}/s): {r.imported:,} imported, {r.updated:,} updated, "
            f"{r.unchanged + r.syndicated:,} unchanged, {r.failed:,} failed\x1b[K"
        )
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.stream is not None and self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


class _Batch:
    """Articles stored since the last index commit, waiting to be written to the index."""

    def __init__(self, store: Store, data_dir: Path, report: IngestReport, use_index: bool) -> None:
        self.store = store
        self.data_dir = data_dir
        self.report = report
        self.use_index = use_index
        self.report.index_available = use_index
        self.words: list[str] = enrich_stage.lexicon() if use_index else []
        self.pending: list[tuple[Article, int]] = []

    def add(self, article: Article, result: PutResult) -> None:
        if not self.use_index or result.indexed:
            return
        if result.status == "imported":
            if not article.urls:
                article.urls = [article.url]
            self.pending.append((article, result.version))
            return
        stored = self.store.get(result.article_id)
        if stored is not None:
            self.pending.append((stored, self.store.version_of(result.article_id) or result.version))

    def flush(self) -> None:
        """Commit the index, then record in the store what the index now holds."""
        self.store.commit()
        if self.use_index and self.pending:
            started = time.perf_counter()
            with index_stage.open_writer(self.data_dir, words=self.words) as writer:
                for article, _ in self.pending:
                    writer.update_article(article)
            self.store.mark_indexed((a.id, v) for a, v in self.pending)
            self.report.indexed += len(self.pending)
            self.report.seconds["index"] += time.perf_counter() - started
        self.pending.clear()

    def catch_up(self, batch_size: int) -> None:
        """Index every stored article the index lacks (left over by an interrupted run)."""
        if not self.use_index:
            return
        ids = self.store.unindexed_ids()
        for start in range(0, len(ids), batch_size):
            for article_id in ids[start : start + batch_size]:
                article = self.store.get(article_id)
                version = self.store.version_of(article_id)
                if article is not None and version is not None:
                    self.pending.append((article, version))
            self.flush()


def ingest(
    items: Iterable[Document | ArchiveError],
    data_dir: Path,
    *,
    progress: bool = False,
    batch_size: int = DEFAULT_BATCH,
    on_failure: Callable[[str, str], None] | None = None,
    index: bool = True,
    progress_stream: TextIO | None = None,
) -> IngestReport:
    """Process, store and index every document; errors in the stream are counted, never raised.

    ``on_failure(name, message)`` is called for each failing item as it happens (the report keeps them too).
    A ``SkippedFileError`` item counts as skipped. The index is committed every ``batch_size`` articles.
    """
    report = IngestReport()
    started = time.perf_counter()
    meter = _Progress(report, (progress_stream or sys.stderr) if progress else None)

    def fail(name: str, message: str) -> None:
        report.failed += 1
        report.failures.append((name, message))
        if on_failure is not None:
            meter.clear()
            on_failure(name, message)

    with Store(data_dir) as store:
        batch = _Batch(store, Path(data_dir), report, index)
        if index and index_stage.live_dir(Path(data_dir)) is None:
            store.mark_all_unindexed()
        in_batch = 0
        try:
            for item in _guarded(items, fail):
                meter.tick()
                if isinstance(item, SkippedFileError):
                    report.skipped += 1
                    continue
                if isinstance(item, ArchiveError):
                    fail(_error_name(item), str(item))
                    continue
                t0 = time.perf_counter()
                try:
                    article = process(item)
                except ArchiveError as exc:
                    fail(item.name, str(exc))
                    continue
                except Exception as exc:  # noqa: BLE001 - one bad document must not stop an import
                    fail(item.name, f"unexpected {type(exc).__name__} while extracting: {exc}".rstrip(": "))
                    continue
                finally:
                    report.seconds["process"] += time.perf_counter() - t0
                t1 = time.perf_counter()
                try:
                    result = store.put(article, item)
                except ArchiveError as exc:
                    fail(item.name, str(exc))
                    continue
                finally:
                    report.seconds["store"] += time.perf_counter() - t1
                _count(report, result)
                batch.add(article, result)
                in_batch += 1
                if in_batch >= batch_size:
                    batch.flush()
                    in_batch = 0
            batch.flush()
            batch.catch_up(batch_size)
        finally:
            meter.tick(force=True)
            meter.clear()
            store.commit()
    report.seconds["total"] = time.perf_counter() - started
    return report


def _guarded(items: Iterable[Document | ArchiveError], fail: Callable[[str, str], None]) -> Iterator[Any]:
    """The items, with an error raised by the source itself (a crawler, a reader) reported instead of raised."""
    iterator = iter(items)
    while True:
        try:
            item = next(iterator)
        except StopIteration:
            return
        except ArchiveError as exc:
            fail(_error_name(exc), str(exc))
            return
        yield item


def _error_name(exc: ArchiveError) -> str:
    return str(exc).split(": ", 1)[0]


def _count(report: IngestReport, result: PutResult) -> None:
    if result.syndicated:
        report.syndicated += 1
    elif result.status == "imported":
        report.imported += 1
    elif result.status == "updated":
        report.updated += 1
    else:
        report.unchanged += 1


def reprocess(data_dir: Path, **options: Any) -> IngestReport:
    """Extract and enrich every stored raw document again, then store and index the results."""
    with Store(data_dir) as store:
        return ingest(store.iter_documents(), data_dir, **options)
