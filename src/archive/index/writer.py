"""Where the index lives, opening it with its schema checked, writing to it and rebuilding it.

``<data_dir>/whoosh`` is a symbolic link to the live generation ``<data_dir>/whoosh-<id>/``. Each generation
holds the Whoosh files, ``archive-index.json`` (schema version) and ``words.txt`` (the user words jieba knew
when it was written; loaded again for searching so queries split the same way). ``rebuild`` writes a new
generation beside the live one and swaps the link in one ``rename``: a rebuild killed at any point leaves the
previous index in place, and an incremental writer killed before its commit leaves the last commit readable.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import secrets
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.index import FileIndex, LockError
from whoosh.writing import IndexWriter as WhooshWriter

from archive.errors import SearchIndexError
from archive.index.analysis import add_words, normalize
from archive.index.schema import SCHEMA_VERSION, build_schema, section_documents
from archive.models import Article

LINK_NAME = "whoosh"
INFO_FILE = "archive-index.json"
WORDS_FILE = "words.txt"
LOCK_TIMEOUT = 10.0  # seconds a writer waits for another one to finish
REBUILD_HINT = "run `archive index --rebuild`"


def index_link(data_dir: Path) -> Path:
    return Path(data_dir) / LINK_NAME


def live_dir(data_dir: Path) -> Path | None:
    """The directory of the live index generation, or ``None`` when there is no index."""
    link = index_link(data_dir)
    if not link.exists():
        return None
    return link.resolve()


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def _new_generation(data_dir: Path) -> Path:
    stamp = time.strftime("%Y%m%d%H%M%S", time.gmtime())
    path = Path(data_dir) / f"{LINK_NAME}-{stamp}-{secrets.token_hex(3)}"
    path.mkdir(parents=True)
    whoosh_index.create_in(str(path), build_schema())
    _write_atomic(path / INFO_FILE, json.dumps({"schema": SCHEMA_VERSION, "created": stamp}) + "\n")
    (path / WORDS_FILE).write_text("", encoding="utf-8")
    return path


def _point_link(data_dir: Path, target: Path) -> None:
    """Make ``<data>/whoosh`` name ``target`` in one atomic step (a real directory is moved aside first)."""
    link = index_link(data_dir)
    if link.exists() and not link.is_symlink():
        link.rename(link.with_name(f"{LINK_NAME}-old-{secrets.token_hex(3)}"))
    tmp = link.with_name(f".{LINK_NAME}.{secrets.token_hex(4)}.link")
    tmp.symlink_to(target.name)
    tmp.replace(link)


def read_words(directory: Path) -> list[str]:
    path = directory / WORDS_FILE
    if not path.exists():
        return []
    return [w for w in path.read_text(encoding="utf-8").splitlines() if w]


def _merge_words(directory: Path, words: Iterable[str]) -> list[str]:
    """Union of the generation's words and ``words`` (folded), written back when it grew; all of them."""
    known = read_words(directory)
    seen = set(known)
    fresh = []
    for word in words:
        folded = normalize(word.strip())
        if len(folded) >= 2 and folded not in seen and not any(ch.isspace() for ch in folded):
            seen.add(folded)
            fresh.append(folded)
    if fresh:
        _write_atomic(directory / WORDS_FILE, "\n".join([*known, *fresh]) + "\n")
    return [*known, *fresh]


def check_generation(directory: Path) -> None:
    """Raise ``SearchIndexError`` unless ``directory`` holds an index of our schema version."""
    info_path = directory / INFO_FILE
    try:
        info = json.loads(info_path.read_text(encoding="utf-8"))
        version = int(info["schema"])
    except FileNotFoundError:
        raise SearchIndexError(
            f"search index at {directory} was not built by this version of archive; {REBUILD_HINT}"
        ) from None
    except (ValueError, KeyError, TypeError):
        raise SearchIndexError(f"search index at {directory} has an unreadable {INFO_FILE}; {REBUILD_HINT}") from None
    if version != SCHEMA_VERSION:
        raise SearchIndexError(
            f"search index at {directory} was built by schema v{version} (this version uses "
            f"v{SCHEMA_VERSION}); {REBUILD_HINT}"
        )


def open_index(data_dir: Path) -> tuple[FileIndex, Path]:
    """The live index for reading, with its user words loaded into jieba; raises ``SearchIndexError``."""
    directory = live_dir(data_dir)
    if directory is None:
        raise SearchIndexError(
            f"no search index in {data_dir}; import documents with `archive import` or {REBUILD_HINT}"
        )
    check_generation(directory)
    try:
        ix = whoosh_index.open_dir(str(directory))
    except Exception as exc:  # noqa: BLE001 - any failure to read the files means the same to the user
        raise SearchIndexError(f"search index at {directory} cannot be opened ({exc}); {REBUILD_HINT}") from None
    add_words(read_words(directory))
    return ix, directory


class IndexWriter:
    """Adds, replaces and deletes articles. Changes are buffered and written when the context exits cleanly.

    Replacing an article deletes every section document it had (so removed sections disappear) and adds the
    current ones; the last call for an article id within one writer wins.
    """

    def __init__(self, writer: WhooshWriter) -> None:
        self._writer = writer
        self._pending: dict[str, Article] = {}
        self._searcher: Any = None
        self.added = 0
        self.deleted = 0

    def _delete(self, article_id: str) -> None:
        # One searcher over the committed segments serves every deletion (Whoosh opens one per call otherwise).
        if self._searcher is None:
            self._searcher = self._writer.searcher()
        self._writer.delete_by_term("article_id", article_id, searcher=self._searcher)

    def update_article(self, article: Article) -> None:
        self._delete(article.id)
        self._pending[article.id] = article

    def delete_article(self, article_id: str) -> None:
        self._delete(article_id)
        self._pending.pop(article_id, None)
        self.deleted += 1

    def _flush(self) -> None:
        for article in self._pending.values():
            for doc in section_documents(article):
                self._writer.add_document(**doc)
            self.added += 1
        self._pending.clear()

    def _close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None


def _locked_writer(ix: FileIndex, directory: Path, timeout: float, **options: Any) -> WhooshWriter:
    try:
        return ix.writer(timeout=timeout, **options)
    except LockError:
        raise SearchIndexError(
            f"search index at {directory} is being written by another process (an import or a rebuild); "
            "try again when it has finished"
        ) from None


@contextmanager
def open_writer(data_dir: Path, words: Iterable[str] = (), *, timeout: float = LOCK_TIMEOUT) -> Iterator[IndexWriter]:
    """A writer on the live index (created when there is none); commits on clean exit, cancels on error."""
    data_dir = Path(data_dir)
    directory = live_dir(data_dir)
    if directory is None:
        data_dir.mkdir(parents=True, exist_ok=True)
        directory = _new_generation(data_dir)
        _point_link(data_dir, directory)
    check_generation(directory)
    add_words(_merge_words(directory, words))
    ix = whoosh_index.open_dir(str(directory))
    raw = _locked_writer(ix, directory, timeout)
    writer = IndexWriter(raw)
    try:
        yield writer
        writer._flush()
        writer._close()
    except BaseException:
        writer._close()
        raw.cancel()
        raise
    else:
        raw.commit()
    finally:
        ix.close()


@contextmanager
def _rebuild_lock(data_dir: Path) -> Iterator[None]:
    path = Path(data_dir) / f".{LINK_NAME}.rebuild.lock"
    with path.open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SearchIndexError(f"another `archive index --rebuild` is running on {data_dir}") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _remove_stale(data_dir: Path, keep: set[Path]) -> None:
    """Delete generations that are not live (left over by swaps or by killed rebuilds)."""
    for path in Path(data_dir).glob(f"{LINK_NAME}-*"):
        if path.is_dir() and not path.is_symlink() and path.resolve() not in keep:
            shutil.rmtree(path, ignore_errors=True)


def sorting_memory_mb(procs: int) -> int:
    """Memory per indexing process for sorting postings: a sixth of the available memory, 256 to 1024 MB.

    Fewer runs spilled to disk is most of the gain (3,000 Tainan articles: 99 CPU seconds at 256 MB, 66 at
    1,024 MB, which took 1.1 GB of memory).
    """
    available = 0
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/meminfo").read_text(encoding="ascii").splitlines():
            if line.startswith("MemAvailable:"):
                available = int(line.split()[1]) // 1024
    return max(256, min(1024, available // (6 * max(1, procs))))


def rebuild(
    data_dir: Path,
    articles: Iterable[Article],
    words: Iterable[str] = (),
    *,
    procs: int = 1,
    limitmb: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Index ``articles`` into a new generation, then make it the live index; returns the article count.

    ``limitmb``: megabytes of postings each process sorts in memory before spilling a run to disk (default:
    ``sorting_memory_mb``). ``procs`` > 1 uses Whoosh's multiprocessing writer: forked children each write
    segments of their own, which are kept as they are (merging them would cost as much again). Kill the
    process group to stop it.
    """
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    with _rebuild_lock(data_dir):
        live = live_dir(data_dir)
        _remove_stale(data_dir, {live} if live else set())
        directory = _new_generation(data_dir)
        add_words(_merge_words(directory, words))
        ix = whoosh_index.open_dir(str(directory))
        options: dict[str, Any] = {"limitmb": limitmb or sorting_memory_mb(procs)}
        if procs > 1:
            options.update(procs=procs, multisegment=True)
        raw = _locked_writer(ix, directory, 0, **options)
        count = 0
        try:
            for article in articles:
                for doc in section_documents(article):
                    raw.add_document(**doc)
                count += 1
                if progress is not None and count % 500 == 0:
                    progress(count)
        except BaseException:
            raw.cancel()
            ix.close()
            shutil.rmtree(directory, ignore_errors=True)
            raise
        raw.commit()
        ix.close()
        if progress is not None:
            progress(count)
        _point_link(data_dir, directory)
        if live is not None:
            with contextlib.suppress(OSError):
                _remove_stale(data_dir, {directory})
        return count


def index_stats(data_dir: Path) -> dict[str, Any]:
    """Where the live index is, its schema version, size and counts (raises ``SearchIndexError``)."""
    ix, directory = open_index(data_dir)
    try:
        with ix.searcher() as searcher:
            sections = searcher.doc_count()
            articles = len(list(searcher.lexicon("article_id")))
        size = sum(p.stat().st_size for p in directory.iterdir() if p.is_file())
        return {
            "path": str(directory),
            "schema": SCHEMA_VERSION,
            "sections": sections,
            "articles": articles,
            "bytes": size,
            "segments": len(ix._segments()),
            "words": len(read_words(directory)),
        }
    finally:
        ix.close()
