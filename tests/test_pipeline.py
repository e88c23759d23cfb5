"""The ingest pipeline in process: exported records pass through, errors in the stream are counted, not raised."""

from __future__ import annotations

import gzip
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive.crawler.files import SkippedFileError, iter_documents
from archive.errors import ArchiveError, CrawlError, InputError
from archive.models import Article, Document, Section, article_id_for
from archive.pipeline import failure_line, ingest, process
from archive.search import SearchService
from archive.store import Store


def exported(url: str, text: str) -> Document:
    art_id = article_id_for(url)
    article = Article(
        id=art_id,
        url=url,
        title="区政府常务会议",
        published="2025-03-02",
        speakers=["王区长"],
        sections=[Section(id=f"{art_id}#0", text=text, kind="lead", speakers=["王区长"])],
    )
    line = json.dumps(article.to_dict(), ensure_ascii=False).encode("utf-8")
    return Document(data=line, kind="record", name=f"export.jsonl:{url[-1]}")


def test_exported_records_are_taken_as_they_are() -> None:
    doc = exported("https://example.gov.cn/1", "会议研究了防汛工作。")
    article = process(doc)
    assert article.to_dict() == json.loads(doc.data)
    assert article.speakers == ["王区长"]


def test_a_broken_exported_record_is_an_input_error_naming_it() -> None:
    doc = Document(data=b'{"id": "x", "url": "u", "sections": [{"text": "no id"}]}', kind="record", name="e.jsonl:3")
    with pytest.raises(InputError, match=r"^e\.jsonl:3: not a valid exported article"):
        process(doc)


def test_errors_and_skips_in_the_stream_are_counted(data_dir: Path) -> None:
    seen: list[tuple[str, str]] = []

    def items() -> Iterator[Document | ArchiveError]:
        yield exported("https://example.gov.cn/1", "第一篇会议报道。")
        yield InputError("bad.html: empty file")
        yield SkippedFileError("photo.png: not an importable type, skipped")
        yield exported("https://example.gov.cn/2", "第二篇会议报道。")
        raise CrawlError("https://example.gov.cn/: connection refused")

    report = ingest(items(), data_dir, on_failure=lambda name, message: seen.append((name, message)))
    assert (report.imported, report.failed, report.skipped) == (2, 2, 1)
    assert seen == [
        ("bad.html", "bad.html: empty file"),
        ("https://example.gov.cn/", "https://example.gov.cn/: connection refused"),
    ]
    with Store(data_dir) as store:
        assert store.count_articles() == 2
    assert "imported 2" in report.summary()
    assert "failed 2" in report.summary()


def test_small_batches_store_everything(data_dir: Path) -> None:
    docs = [exported(f"https://example.gov.cn/{n}", f"第{n}篇报道，内容各不相同。") for n in range(23)]
    report = ingest(docs, data_dir, batch_size=5)
    assert report.imported == 23
    again = ingest(docs, data_dir, batch_size=5)
    assert (again.imported, again.unchanged) == (0, 23)
    with Store(data_dir) as store:
        assert store.stats()["articles"] == 23


def test_folders_skip_the_data_dir_itself(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "archive.sqlite").write_bytes(b"x")
    (tmp_path / "a.txt").write_text("标题\n正文", encoding="utf-8")
    items = list(iter_documents([tmp_path], exclude=[data]))
    assert [type(i).__name__ for i in items] == ["Document"]


def test_failure_line_names_the_item_once() -> None:
    assert failure_line("a.html", "a.html: empty file") == "a.html: empty file"
    assert failure_line("t.jsonl:4", "no article text") == "t.jsonl:4: no article text"


def _article_ids(data_dir: Path, query: str) -> set[str]:
    with SearchService(data_dir) as service:
        return {str(hit["article_id"]) for hit in service.search(query, per_page=50)["hits"]}


def test_ingest_keeps_the_search_index_in_step_with_the_store(data_dir: Path) -> None:
    first = exported("https://example.gov.cn/1", "区政府常务会议研究防汛抗旱工作。")
    other = exported("https://example.gov.cn/2", "区政府常务会议研究垃圾分类工作。")
    report = ingest([first, other], data_dir)
    assert report.indexed == 2
    flood_id = article_id_for("https://example.gov.cn/1")
    assert _article_ids(data_dir, "防汛") == {flood_id}

    changed = exported("https://example.gov.cn/1", "区政府常务会议研究安全生产工作。")
    assert ingest([changed], data_dir).updated == 1
    assert _article_ids(data_dir, "防汛") == set()
    assert _article_ids(data_dir, "安全生产") == {flood_id}
    with Store(data_dir) as store:
        assert store.stats()["pending_index"] == 0


def test_a_deleted_index_is_rebuilt_by_the_next_ingest(data_dir: Path) -> None:
    docs = [exported(f"https://example.gov.cn/{n}", f"第{n}次会议研究防汛工作。") for n in range(3)]
    ingest(docs, data_dir)
    for path in data_dir.glob("whoosh*"):
        if path.is_symlink() or path.is_file():
            path.unlink()
        else:
            shutil.rmtree(path)
    report = ingest(docs, data_dir)
    assert (report.unchanged, report.indexed) == (3, 3)
    assert len(_article_ids(data_dir, "防汛")) == 3


def test_jsonl_lines_become_records_and_bad_lines_are_named(tmp_path: Path) -> None:
    lines = [
        b'{"title": "a", "content": "x", "url": "https://e.gov.cn/1"}',
        b"",
        b"[1, 2]",
        b"{broken",
        b'{"title": "b"}',
    ]
    plain = tmp_path / "r.jsonl"
    plain.write_bytes(b"\n".join(lines) + b"\n")
    packed = tmp_path / "r.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    for path in (plain, packed):
        items = list(iter_documents([path]))
        assert [getattr(i, "name", None) or str(i) for i in items] == [
            f"{path}:1",
            f"{path}:3: not a JSON object",
            f"{path}:4: not valid JSON (Expecting property name enclosed in double quotes)",
            f"{path}:5",
        ]
        assert isinstance(items[0], Document)
        assert (items[0].kind, items[0].url) == ("record", "https://e.gov.cn/1")
