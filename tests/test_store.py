"""The SQLite document store: identity rules, versions, syndication, raw documents, migrations."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from archive.errors import StoreError
from archive.models import Article, Document, Meeting, Section, article_id_for
from archive.store import MIGRATIONS, SCHEMA_VERSION, STORE_FILE, Store

LONG = "市委常委会召开会议，研究部署一季度经济社会发展重点工作，要求各区各部门靠前发力、抓好落实。" * 6


def make_article(url: str, paragraphs: list[str], title: str = "市委常委会召开会议") -> Article:
    art_id = article_id_for(url)
    return Article(
        id=art_id,
        url=url,
        title=title,
        source="上海发布",
        published="2026-01-05",
        meeting=Meeting(name="市委常委会会议", date="2026-01-05"),
        speakers=["陈吉宁"],
        units=["市统计局"],
        sections=[
            Section(id=f"{art_id}#{n}", text=text, heading="部署" if n else None, kind="lead" if n == 0 else "body")
            for n, text in enumerate(paragraphs)
        ],
    )


def doc_for(article: Article, data: bytes = b"<html>raw</html>") -> Document:
    return Document(data=data, kind="html", name=f"{article.id}.html", url=article.url)


def test_put_then_get_returns_the_same_article(data_dir: Path) -> None:
    article = make_article("https://example.gov.cn/a.html", [LONG, "第二段内容。"])
    with Store(data_dir) as store:
        result = store.put(article, doc_for(article))
        assert (result.status, result.article_id, result.version) == ("imported", article.id, 1)
        stored = store.get(article.id)
    assert stored is not None
    expected = article.to_dict()
    assert stored.to_dict() == expected
    assert stored.urls == ["https://example.gov.cn/a.html"]
    assert (data_dir / STORE_FILE).is_file()


def test_same_url_same_content_is_unchanged(data_dir: Path) -> None:
    article = make_article("https://example.gov.cn/a.html", [LONG])
    with Store(data_dir) as store:
        store.put(article, doc_for(article))
        again = store.put(make_article("https://example.gov.cn/a.html", [LONG]), doc_for(article))
        assert again.status == "unchanged"
        assert store.count_articles() == 1
        assert store.versions(article.id) == []


def test_new_content_under_same_url_is_updated_and_previous_version_kept(data_dir: Path) -> None:
    url = "https://example.gov.cn/a.html"
    first = make_article(url, [LONG, "旧的第二段。", "旧的第三段。"])
    second = make_article(url, [LONG, "新的第二段。"])
    with Store(data_dir) as store:
        store.put(first, doc_for(first, b"old bytes"))
        result = store.put(second, doc_for(second, b"new bytes"))
        assert result.status == "updated"
        assert result.version == 2
        assert result.removed_section_ids == [f"{first.id}#2"]
        current = store.get(first.id)
        versions = store.versions(first.id)
        documents = [d for d in store.iter_documents() if isinstance(d, Document)]
    assert current is not None
    assert "新的第二段。" in current.text
    assert "旧的第二段。" not in current.text
    assert [v for v, _, _ in versions] == [1]
    assert "旧的第二段。" in versions[0][1].text
    assert [d.data for d in documents] == [b"new bytes"]


def test_same_text_under_another_url_is_one_article_with_two_sources(data_dir: Path) -> None:
    original = make_article("https://www.shanghai.gov.cn/a.html", [LONG])
    copy = make_article("https://www.example.com/repost/9.html", [LONG])
    with Store(data_dir) as store:
        store.put(original, doc_for(original))
        result = store.put(copy, doc_for(copy))
        assert result.syndicated
        assert result.article_id == original.id
        assert store.count_articles() == 1
        stored = store.get(original.id)
        stats = store.stats()
    assert stored is not None
    assert stored.urls == ["https://www.shanghai.gov.cn/a.html", "https://www.example.com/repost/9.html"]
    assert stats["sources"] == 2
    assert stats["raw_documents"] == 2


def test_short_identical_notices_with_other_titles_stay_separate(data_dir: Path) -> None:
    one = make_article("https://example.gov.cn/1.html", ["詳如附件。"], title="停水通知")
    two = make_article("https://example.gov.cn/2.html", ["詳如附件。"], title="道路施工公告")
    with Store(data_dir) as store:
        store.put(one, doc_for(one))
        assert store.put(two, doc_for(two)).status == "imported"
        assert store.count_articles() == 2


def test_syndicated_url_with_new_text_becomes_its_own_article(data_dir: Path) -> None:
    original = make_article("https://www.shanghai.gov.cn/a.html", [LONG])
    copy = make_article("https://www.example.com/repost/9.html", [LONG])
    changed = make_article("https://www.example.com/repost/9.html", ["转载页面换成了另一篇文章。"], title="另一篇")
    with Store(data_dir) as store:
        store.put(original, doc_for(original))
        store.put(copy, doc_for(copy))
        result = store.put(changed, doc_for(changed))
        assert (result.status, result.article_id) == ("imported", changed.id)
        first = store.get(original.id)
    assert first is not None
    assert first.urls == ["https://www.shanghai.gov.cn/a.html"]


def test_delete_removes_sections_sources_and_documents(data_dir: Path) -> None:
    article = make_article("https://example.gov.cn/a.html", [LONG, "第二段。"])
    with Store(data_dir) as store:
        store.put(article, doc_for(article))
        assert store.delete(article.id)
        assert not store.delete(article.id)
        assert store.get(article.id) is None
        stats = store.stats()
    assert (stats["articles"], stats["sections"], stats["sources"], stats["raw_documents"]) == (0, 0, 0, 0)


def test_iter_articles_matches_get(data_dir: Path) -> None:
    articles = [make_article(f"https://example.gov.cn/{n}.html", [f"第{n}篇。" * 3, "结尾。"]) for n in range(20)]
    with Store(data_dir) as store:
        for article in articles:
            store.put(article, doc_for(article))
        listed = [a.to_dict() for a in store.iter_articles()]
        fetched = [a.to_dict() for a in (store.get(a["id"]) for a in listed) if a is not None]
    assert len(listed) == 20
    assert listed == fetched


def test_index_markers_follow_versions(data_dir: Path) -> None:
    url = "https://example.gov.cn/a.html"
    with Store(data_dir) as store:
        first = store.put(make_article(url, [LONG]), None)
        assert not first.indexed
        store.mark_indexed([(first.article_id, first.version)])
        assert store.put(make_article(url, [LONG]), None).indexed
        updated = store.put(make_article(url, [LONG, "补充。"]), None)
        assert not updated.indexed
        assert store.unindexed_ids() == [first.article_id]
        assert store.stats()["pending_index"] == 1


def test_warc_pointer_inside_data_dir_keeps_no_bytes(data_dir: Path) -> None:
    captures = data_dir / "warc"
    captures.mkdir()
    warc = captures / "capture.warc.gz"
    page = "<html><head><title>测试</title></head><body><p>正文</p></body></html>".encode()
    with warc.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            "https://example.gov.cn/a.html",
            "response",
            payload=io.BytesIO(page),
            length=len(page),
            http_headers=headers,
        )
        writer.write_record(record)
    article = make_article("https://example.gov.cn/a.html", [LONG])
    doc = Document(data=page, kind="html", name="capture", url=article.url, warc_file=str(warc), warc_offset=0)
    with Store(data_dir) as store:
        store.put(article, doc)
        stats = store.stats()
        (raw,) = list(store.iter_documents())
    assert stats["warc_pointers"] == 1
    assert stats["raw_bytes"] == 0
    assert isinstance(raw, Document)
    assert raw.data == page


def test_schema_version_is_recorded_and_newer_stores_are_refused(data_dir: Path) -> None:
    with Store(data_dir) as store:
        assert store.schema_version == SCHEMA_VERSION
    with sqlite3.connect(data_dir / STORE_FILE) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match=r"schema v\d+.*upgrade archive"):
        Store(data_dir)


def test_a_file_that_is_not_a_store_is_reported(data_dir: Path) -> None:
    (data_dir / STORE_FILE).write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match=STORE_FILE):
        Store(data_dir)


def test_an_older_copy_does_not_roll_an_article_back(data_dir: Path) -> None:
    url = "https://example.gov.cn/a.html"
    old, new = make_article(url, [LONG, "初稿。"]), make_article(url, [LONG, "修订稿。"])
    with Store(data_dir) as store:
        store.put(old, doc_for(old, b"old"))
        assert store.put(new, doc_for(new, b"new")).status == "updated"
        assert store.put(old, doc_for(old, b"old")).status == "unchanged"
        assert store.put(new, doc_for(new, b"new")).status == "unchanged"
        current = store.get(old.id)
        assert len(store.versions(old.id)) == 1
    assert current is not None
    assert "修订稿。" in current.text


def test_a_store_of_an_older_schema_is_upgraded_in_place(data_dir: Path) -> None:
    with sqlite3.connect(data_dir / STORE_FILE) as db:  # a store written by the first schema version
        db.executescript(MIGRATIONS[0])
        db.execute("PRAGMA user_version = 1")
        db.execute(
            "INSERT INTO articles (id, url, title, metadata, content_hash, record_hash, created_at, updated_at)"
            " VALUES ('a1', 'https://example.gov.cn/old.html', '旧文章', '{}', 'h', 'r', 'then', 'then')"
        )
        db.execute(
            "INSERT INTO sources (url, article_id, position, first_seen)"
            " VALUES ('https://example.gov.cn/old.html', 'a1', 0, 'then')"
        )
    with Store(data_dir) as store:
        assert store.schema_version == SCHEMA_VERSION > 1
        old = store.get("a1")
        assert old is not None
        assert old.title == "旧文章"
        article = make_article("https://example.gov.cn/old.html", [LONG])
        assert store.put(article).status == "updated"
