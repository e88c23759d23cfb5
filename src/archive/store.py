"""SQLite document store: articles, their sections and sources, previous versions and the raw documents.

One file, ``<data dir>/archive.sqlite``, in WAL mode so readers (the web app, ``archive stats``) never wait for
an import. The schema is versioned with ``PRAGMA user_version`` and upgraded by the ``MIGRATIONS`` below.

Identity rules applied by ``Store.put``:

* same URL, same record → ``unchanged``;
* same URL, different record → ``updated``; the previous state is kept in ``versions`` when the text or
  title changed (not for changes of our own making, such as better enrichment after ``reprocess``);
* same URL, a record the article was already replaced from → ``unchanged``: an older copy never rolls an
  article back, so importing the same files again changes nothing, even when a source lists one URL twice;
* new URL whose text is already stored under another URL (syndication) → the existing article gains the URL
  as one more source (status ``unchanged``, ``syndicated`` set);
* anything else → ``imported``.

The raw document each article came from (its bytes, or a pointer into a WARC capture inside the data dir) is
kept per source URL, with the site rule selectors it was extracted with, so ``archive reprocess`` can extract
everything again the same way without the original files.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from archive.errors import InputError, StoreError
from archive.models import Article, Document, Meeting, Section, content_hash

STORE_FILE = "archive.sqlite"

# Texts shorter than this (whitespace removed) only count as syndicated copies when the titles agree too:
# short notices such as 詳如附件 are shared by unrelated releases.
SYNDICATION_MIN_CHARS = 200

_LISTS = ("speakers", "attendees", "units", "districts", "themes")

MIGRATIONS: tuple[str, ...] = (
    # v1: the initial schema.
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        url TEXT NOT NULL,
        title TEXT NOT NULL,
        source TEXT,
        published TEXT,
        meeting_name TEXT,
        meeting_date TEXT,
        metadata TEXT NOT NULL,            -- JSON object of the article's facet lists
        content_hash TEXT NOT NULL,        -- fingerprint of the text: finds syndicated copies
        record_hash TEXT NOT NULL,         -- fingerprint of the whole record: detects changes
        version INTEGER NOT NULL DEFAULT 1,
        indexed_version INTEGER NOT NULL DEFAULT 0,  -- version last committed to the search index
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX articles_content_hash ON articles(content_hash);
    CREATE INDEX articles_published ON articles(published);

    CREATE TABLE sections (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        heading TEXT,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        metadata TEXT NOT NULL             -- JSON object of the section's facet lists
    );
    CREATE INDEX sections_article ON sections(article_id, position);

    CREATE TABLE sources (
        url TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,         -- 0 = the article's own URL, then syndicated copies in order seen
        source TEXT,                       -- publisher named on that page
        first_seen TEXT NOT NULL
    );
    CREATE INDEX sources_article ON sources(article_id, position);

    CREATE TABLE versions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        data TEXT NOT NULL,                -- the article as it was, in the extract format
        replaced_at TEXT NOT NULL,
        PRIMARY KEY (article_id, version)
    );

    CREATE TABLE documents (
        url TEXT PRIMARY KEY,              -- the URL the document was published under
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        content_type TEXT,
        fetched_at TEXT,
        data BLOB,                         -- the bytes, unless they are read back from the WARC pointer
        warc_file TEXT,                    -- relative to the data dir when inside it
        warc_offset INTEGER,
        sha1 TEXT NOT NULL,
        stored_at TEXT NOT NULL
    );
    CREATE INDEX documents_article ON documents(article_id);
    """,
    # v2: fingerprints of every record an article has been replaced from, so stale copies are recognised.
    """
    CREATE TABLE superseded (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        record_hash TEXT NOT NULL,
        PRIMARY KEY (article_id, record_hash)
    ) WITHOUT ROWID;
    """,
    # v3: the site rule selectors a crawled page was extracted with (JSON object), so reprocess uses them too.
    """
    ALTER TABLE documents ADD COLUMN selectors TEXT;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


@dataclass
class PutResult:
    status: str  # imported | updated | unchanged
    article_id: str
    removed_section_ids: list[str] = field(default_factory=list)
    version: int = 1
    syndicated: bool = False  # the URL was added to an article already stored under another URL
    indexed: bool = False  # the stored version is already in the search index


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _article_columns(article: Article, text_hash: str, rec_hash: str) -> tuple[str | None, ...]:
    """The article row's values from title to record_hash, in the column order of INSERT and UPDATE."""
    return (
        article.title,
        article.source,
        article.published,
        article.meeting.name,
        article.meeting.date,
        json.dumps(_lists(article), ensure_ascii=False),
        text_hash,
        rec_hash,
    )


def _lists(obj: Article | Section) -> dict[str, list[str]]:
    return {name: list(getattr(obj, name)) for name in _LISTS}


def record_hash(article: Article) -> str:
    """Fingerprint of everything stored about an article except its id and list of sources."""
    data = article.to_dict()
    for key in ("id", "url", "urls"):
        data.pop(key, None)
    for section in data["sections"]:
        section.pop("id", None)
    blob = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return hashlib.sha1(blob.encode("utf-8")).hexdigest()


class Store:
    """The document store of one data directory; use as a context manager."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / STORE_FILE
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=30.0)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"{self.path}: cannot open the store: {exc}") from None
        self._depth = 0
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise StoreError(f"{self.path}: not a usable store: {exc}") from None

    # -- lifecycle -------------------------------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._db.in_transaction:
            self._db.execute("COMMIT")
        self._db.close()

    def _migrate(self) -> None:
        current = int(self._db.execute("PRAGMA user_version").fetchone()[0])
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: store has schema v{current}, this program knows up to v{SCHEMA_VERSION}; upgrade archive"
            )
        for version in range(current + 1, SCHEMA_VERSION + 1):
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for statement in MIGRATIONS[version - 1].split(";"):
                    if statement.strip():
                        self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {version}")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes; nested uses join the outer transaction. Rolled back on error."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        try:
            self._db.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield
            except BaseException:
                self._depth = 0
                self._db.execute("ROLLBACK")
                raise
            self._depth = 0
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot write to the store: {exc}") from None

    def begin(self) -> None:
        """Start a long transaction ended by ``commit()`` (for batched imports)."""
        if not self._db.in_transaction:
            self._db.execute("BEGIN IMMEDIATE")
        self._depth += 1

    def commit(self) -> None:
        if self._db.in_transaction:
            self._db.execute("COMMIT")
        self._depth = 0

    # -- writing ---------------------------------------------------------------------------------------------

    def put(self, article: Article, doc: Document | None = None) -> PutResult:
        """Store one extracted article (and the raw document it came from); see the module doc for the rules."""
        if not article.url:
            raise StoreError(f"{article.id}: article has no URL")
        try:
            self._db.execute("SAVEPOINT put")
            try:
                result = self._put(article, doc)
            except BaseException:
                self._db.execute("ROLLBACK TO put")
                self._db.execute("RELEASE put")
                raise
            self._db.execute("RELEASE put")
        except sqlite3.Error as exc:
            raise StoreError(f"{doc.name if doc else article.url}: cannot store article: {exc}") from None
        return result

    def _put(self, article: Article, doc: Document | None) -> PutResult:
        now = _now()
        text_hash = content_hash(article.text)
        rec_hash = record_hash(article)
        row = self._db.execute(
            "SELECT a.id, a.url, a.record_hash, a.content_hash, a.version, a.indexed_version"
            " FROM sources s JOIN articles a ON a.id = s.article_id WHERE s.url = ?",
            (article.url,),
        ).fetchone()
        if row is None:
            row = self._db.execute(
                "SELECT id, url, record_hash, content_hash, version, indexed_version FROM articles WHERE id = ?",
                (article.id,),
            ).fetchone()
        if row is not None:
            art_id, own_url, old_rec, old_text, version, indexed = row
            if old_rec == rec_hash or (own_url != article.url and old_text == text_hash):
                # Same record, or a syndicated copy whose text is still the same: nothing to do.
                self._add_sources(art_id, article, now)
                self._put_document(art_id, article.url, doc, now)
                return PutResult("unchanged", art_id, version=version, indexed=indexed == version)
            if own_url == article.url or art_id == article.id:
                if self._superseded(art_id, rec_hash):
                    # A stale copy (an older capture, or a source listing one URL twice): no rollback.
                    return PutResult("unchanged", art_id, version=version, indexed=indexed == version)
                removed = self._replace(art_id, article, text_hash, rec_hash, version, now)
                self._add_sources(art_id, article, now)
                self._put_document(art_id, article.url, doc, now)
                return PutResult("updated", art_id, removed, version=version + 1)
            # A syndicated URL now carries other text: it becomes an article of its own.
            self._db.execute("DELETE FROM sources WHERE url = ?", (article.url,))
            self._db.execute("DELETE FROM documents WHERE url = ?", (article.url,))
        else:
            twin = self._find_twin(article, text_hash)
            if twin is not None:
                self._add_sources(twin[0], article, now)
                self._put_document(twin[0], article.url, doc, now)
                return PutResult("unchanged", twin[0], version=twin[1], syndicated=True, indexed=twin[2] == twin[1])
        self._insert(article, text_hash, rec_hash, now)
        self._put_document(article.id, article.url, doc, now)
        return PutResult("imported", article.id)

    def _superseded(self, art_id: str, rec_hash: str) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM superseded WHERE article_id = ? AND record_hash = ?", (art_id, rec_hash)
        ).fetchone()
        return row is not None

    def _find_twin(self, article: Article, text_hash: str) -> tuple[str, int, int] | None:
        if not article.text.strip():
            return None
        long_enough = len("".join(article.text.split())) >= SYNDICATION_MIN_CHARS
        for art_id, title, version, indexed in self._db.execute(
            "SELECT id, title, version, indexed_version FROM articles WHERE content_hash = ? ORDER BY rowid",
            (text_hash,),
        ):
            if long_enough or title.strip() == article.title.strip():
                return str(art_id), int(version), int(indexed)
        return None

    def _insert(self, article: Article, text_hash: str, rec_hash: str, now: str) -> None:
        self._db.execute(
            "INSERT INTO articles (id, url, title, source, published, meeting_name, meeting_date, metadata,"
            " content_hash, record_hash, version, indexed_version, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0, ?, ?)",
            (article.id, article.url, *_article_columns(article, text_hash, rec_hash), now, now),
        )
        self._insert_sections(article.id, article.sections)
        self._add_sources(article.id, article, now)

    def _insert_sections(self, article_id: str, sections: list[Section]) -> None:
        self._db.executemany(
            "INSERT INTO sections (id, article_id, position, heading, kind, text, metadata)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (s.id, article_id, n, s.heading, s.kind, s.text, json.dumps(_lists(s), ensure_ascii=False))
                for n, s in enumerate(sections)
            ],
        )

    def _replace(
        self, art_id: str, article: Article, text_hash: str, rec_hash: str, version: int, now: str
    ) -> list[str]:
        old = self.get(art_id)
        assert old is not None  # the caller found its row
        self._db.execute(
            "INSERT OR IGNORE INTO superseded (article_id, record_hash)"
            " SELECT id, record_hash FROM articles WHERE id = ?",
            (art_id,),
        )
        if content_hash(old.text) != text_hash or old.title != article.title:
            # The publisher changed the article: keep what it said before. (Changes of our own making, such as
            # better enrichment after ``reprocess``, only bump the version.)
            self._db.execute(
                "INSERT OR REPLACE INTO versions (article_id, version, content_hash, data, replaced_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (art_id, version, content_hash(old.text), json.dumps(old.to_dict(), ensure_ascii=False), now),
            )
        self._db.execute(
            "UPDATE articles SET title = ?, source = ?, published = ?, meeting_name = ?, meeting_date = ?,"
            " metadata = ?, content_hash = ?, record_hash = ?, version = ?, updated_at = ? WHERE id = ?",
            (*_article_columns(article, text_hash, rec_hash), version + 1, now, art_id),
        )
        sections = article.sections
        if art_id != article.id:  # keep section ids under the stored article's id
            sections = [
                Section.from_dict({**s.to_dict(), "id": f"{art_id}#{n}"}) for n, s in enumerate(article.sections)
            ]
        new_ids = {s.id for s in sections}
        self._db.execute("DELETE FROM sections WHERE article_id = ?", (art_id,))
        self._insert_sections(art_id, sections)
        return [s.id for s in old.sections if s.id not in new_ids]

    def _add_sources(self, art_id: str, article: Article, now: str) -> None:
        urls = [article.url, *(u for u in article.urls if u != article.url)]
        (count,) = self._db.execute("SELECT COUNT(*) FROM sources WHERE article_id = ?", (art_id,)).fetchone()
        for url in urls:
            cursor = self._db.execute(
                "INSERT OR IGNORE INTO sources (url, article_id, position, source, first_seen) VALUES (?, ?, ?, ?, ?)",
                (url, art_id, count, article.source if url == article.url else None, now),
            )
            count += cursor.rowcount

    def _put_document(self, art_id: str, url: str, doc: Document | None, now: str) -> None:
        if doc is None:
            return
        warc_file = doc.warc_file
        data: bytes | None = doc.data
        if warc_file and doc.warc_offset is not None:
            inside = self._relative_to_data(Path(warc_file))
            if inside is not None:  # our own capture: the pointer is enough
                warc_file, data = inside, None
        sha1 = hashlib.sha1(doc.data).hexdigest()
        self._db.execute(
            "INSERT OR REPLACE INTO documents (url, article_id, name, kind, content_type, fetched_at, data,"
            " warc_file, warc_offset, sha1, stored_at, selectors) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                url,
                art_id,
                doc.name,
                doc.kind,
                doc.content_type,
                doc.fetched_at,
                data,
                warc_file,
                doc.warc_offset,
                sha1,
                now,
                json.dumps(doc.selectors, ensure_ascii=False, sort_keys=True) if doc.selectors else None,
            ),
        )

    def _relative_to_data(self, path: Path) -> str | None:
        try:
            return str(path.resolve().relative_to(self.data_dir.resolve()))
        except ValueError:
            return None

    def delete(self, article_id: str) -> bool:
        """Remove an article with its sections, sources, versions and raw documents."""
        with self.transaction():
            cursor = self._db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        return cursor.rowcount > 0

    def mark_indexed(self, items: Iterable[tuple[str, int]]) -> None:
        """Record that these (article id, version) pairs are committed to the search index."""
        with self.transaction():
            self._db.executemany("UPDATE articles SET indexed_version = ? WHERE id = ?", [(v, i) for i, v in items])

    def mark_all_unindexed(self) -> None:
        with self.transaction():
            self._db.execute("UPDATE articles SET indexed_version = 0")

    def unindexed_ids(self) -> list[str]:
        rows = self._db.execute("SELECT id FROM articles WHERE indexed_version != version ORDER BY rowid")
        return [str(r[0]) for r in rows]

    # -- reading ---------------------------------------------------------------------------------------------

    _ARTICLE_COLUMNS = (
        "id, url, title, source, published, meeting_name, meeting_date, metadata, version, indexed_version"
    )

    def get(self, article_id: str) -> Article | None:
        row = self._db.execute(f"SELECT {self._ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        sections = self._db.execute(
            "SELECT id, heading, kind, text, metadata FROM sections WHERE article_id = ? ORDER BY position",
            (article_id,),
        ).fetchall()
        urls = [
            str(r[0])
            for r in self._db.execute("SELECT url FROM sources WHERE article_id = ? ORDER BY position", (article_id,))
        ]
        return _article(row, sections, urls)

    def version_of(self, article_id: str) -> int | None:
        row = self._db.execute("SELECT version FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else int(row[0])

    def versions(self, article_id: str) -> list[tuple[int, Article, str]]:
        """Previous versions of an article, oldest first: (version, article, replaced_at)."""
        rows = self._db.execute(
            "SELECT version, data, replaced_at FROM versions WHERE article_id = ? ORDER BY version", (article_id,)
        )
        return [(int(v), Article.from_dict(json.loads(d)), str(t)) for v, d, t in rows]

    def iter_articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        """Every article, ordered by id (or the given ids, in that order)."""
        if ids is not None:
            for article_id in ids:
                article = self.get(article_id)
                if article is not None:
                    yield article
            return
        # Three scans in id order (all served by indexes) merged in step: one query per table, not per article.
        articles = self._db.execute(f"SELECT {self._ARTICLE_COLUMNS} FROM articles ORDER BY id")
        sections = self._db.cursor().execute(
            "SELECT article_id, id, heading, kind, text, metadata FROM sections ORDER BY article_id, position"
        )
        sources = self._db.cursor().execute("SELECT article_id, url FROM sources ORDER BY article_id, position")
        next_section = sections.fetchone()
        next_source = sources.fetchone()
        for row in articles:
            own: list[tuple[Any, ...]] = []
            while next_section is not None and next_section[0] == row[0]:
                own.append(next_section[1:])
                next_section = sections.fetchone()
            urls: list[str] = []
            while next_source is not None and next_source[0] == row[0]:
                urls.append(str(next_source[1]))
                next_source = sources.fetchone()
            yield _article(row, own, urls)

    def count_articles(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def iter_documents(self) -> Iterator[Document | InputError]:
        """The raw documents behind the stored articles, in the order first stored (for ``reprocess``)."""
        urls = [str(r[0]) for r in self._db.execute("SELECT url FROM documents ORDER BY rowid")]
        for url in urls:
            row = self._db.execute(
                "SELECT name, kind, content_type, fetched_at, data, warc_file, warc_offset, selectors FROM documents"
                " WHERE url = ?",
                (url,),
            ).fetchone()
            if row is None:  # deleted meanwhile
                continue
            name, kind, ctype, fetched, data, warc_file, warc_offset, selectors = row
            pointer_only = data is None
            if pointer_only:
                try:
                    data = _read_warc_record(self.data_dir / warc_file, int(warc_offset))
                except InputError as exc:
                    yield exc
                    continue
            yield Document(
                data=bytes(data),
                kind=str(kind),
                name=str(name),
                url=url,
                content_type=ctype,
                fetched_at=fetched,
                warc_file=str(self.data_dir / warc_file) if pointer_only else warc_file,
                warc_offset=warc_offset,
                selectors=json.loads(selectors) if selectors else {},
            )

    def stats(self) -> dict[str, Any]:
        def one(sql: str) -> int:
            return int(self._db.execute(sql).fetchone()[0] or 0)

        articles = one("SELECT COUNT(*) FROM articles")
        indexed = one("SELECT COUNT(*) FROM articles WHERE indexed_version = version")
        first, last = self._db.execute(
            "SELECT MIN(published), MAX(published) FROM articles WHERE published IS NOT NULL"
        ).fetchone()
        return {
            "articles": articles,
            "sections": one("SELECT COUNT(*) FROM sections"),
            "sources": one("SELECT COUNT(*) FROM sources"),
            "syndicated_articles": one("SELECT COUNT(DISTINCT article_id) FROM sources WHERE position > 0"),
            "previous_versions": one("SELECT COUNT(*) FROM versions"),
            "raw_documents": one("SELECT COUNT(*) FROM documents"),
            "raw_bytes": one("SELECT SUM(LENGTH(data)) FROM documents"),
            "warc_pointers": one("SELECT COUNT(*) FROM documents WHERE data IS NULL"),
            "published_from": first,
            "published_to": last,
            "indexed_articles": indexed,
            "pending_index": articles - indexed,
            "schema_version": self.schema_version,
            "store_file": str(self.path),
        }


def _article(row: tuple[Any, ...], sections: list[tuple[Any, ...]], urls: list[str]) -> Article:
    art_id, url, title, source, published, meeting_name, meeting_date, metadata = row[:8]
    lists = json.loads(metadata)
    article = Article(
        id=str(art_id),
        url=str(url),
        title=str(title),
        source=source,
        published=published,
        meeting=Meeting(name=meeting_name, date=meeting_date),
        urls=urls or [str(url)],
        **{name: list(lists.get(name) or []) for name in _LISTS},
    )
    for sec_id, heading, kind, text, sec_meta in sections:
        sec_lists = json.loads(sec_meta)
        article.sections.append(
            Section(
                id=str(sec_id),
                text=str(text),
                heading=heading,
                kind=str(kind),
                **{name: list(sec_lists.get(name) or []) for name in _LISTS},
            )
        )
    return article


def _read_warc_record(path: Path, offset: int) -> bytes:
    """The HTTP payload of the WARC record at ``offset`` (decoded transfer and content encodings)."""
    from warcio.archiveiterator import ArchiveIterator

    try:
        with path.open("rb") as stream:
            stream.seek(offset)
            for record in ArchiveIterator(stream):
                data: bytes = record.content_stream().read()
                return data
    except OSError as exc:
        raise InputError(f"{path}: cannot read WARC capture: {exc.strerror or exc}") from None
    except Exception as exc:  # noqa: BLE001 - warcio raises plain exceptions on damaged captures
        raise InputError(f"{path}@{offset}: damaged WARC record: {exc}") from None
    raise InputError(f"{path}@{offset}: no WARC record at this offset")
