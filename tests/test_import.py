"""`archive import`, `export`, `stats` and `reprocess` as a user runs them: real files, real store and index."""

from __future__ import annotations

import io
import json
import lzma
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from archive.cli import main
from archive.models import Article, Document, Section, article_id_for
from archive.store import Store

TAINAN = "tainan/tainan_news_2018-2026.jsonl.xz"
# Lines 1791-1840 of the Tainan file: 50 records, one of them (line 1806) with empty content.
SLICE_START, SLICE_END, EMPTY_LINES = 1791, 1840, [1806]

KILLED_RECORDS = 80

REPORT = [
    "1月5日下午，市委召开季度工作会议，听取各区和市级部门关于一季度重点工作的汇报，研究部署下一阶段任务。",
    "会上，浦东新区、金山区和市统计局先后发言，介绍了深化物业治理、基层报表减负和统计数据质量提升等方面的做法。",
    "会议强调，各区各部门要紧盯年度目标任务，抓好重大项目建设，扎实做好民生保障和城市安全工作，确保开好局、起好步。",
]


def archive(data_dir: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run the command line in this process (its real entry point, error handling included).

    Tests that need a process of their own (no traceback on bad input, a killed import) use ``archive_process``.
    """
    argv = ["--data", str(data_dir), *map(str, args)]
    with CliRunner().isolation() as (out, err, _):
        try:
            main(argv)
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        stdout, stderr = out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8")
    assert "Traceback" not in stdout + stderr, stderr
    return subprocess.CompletedProcess(argv, code, stdout, stderr)


def archive_process(data_dir: Path, *args: str | Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run the installed command line as a user would; no traceback may ever reach them."""
    proc = subprocess.run(
        [sys.executable, "-m", "archive", "--data", str(data_dir), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr
    return proc


def summary(proc: subprocess.CompletedProcess[str]) -> dict[str, int]:
    """The counts of the summary line, e.g. {'imported': 3, 'failed': 1, …}."""
    line = proc.stdout.strip().splitlines()[-1]
    counts = line.split(" (")[0]
    return {word: int(number) for number, word in (part.split(" ")[::-1] for part in counts.split(", "))}


def stats(data_dir: Path) -> dict[str, object]:
    proc = archive(data_dir, "stats", "--json")
    assert proc.returncode == 0, proc.stderr
    result: dict[str, object] = json.loads(proc.stdout)
    return result


def export(data_dir: Path) -> list[dict[str, object]]:
    proc = archive(data_dir, "export")
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


def page(url: str, title: str, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}_示范市人民政府</title>
<link rel="canonical" href="{url}"></head>
<body><div class="nav"><a href="/">首页</a> <a href="/news/">要闻动态</a> <a href="/gk/">政务公开</a></div>
<div class="article"><h1>{title}</h1><div class="info">发布时间：2026-01-06 来源：示范市政府办公厅</div>
{body}
</div><div class="footer">版权所有：示范市人民政府办公厅</div></body></html>"""


def failure_lines(proc: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in proc.stderr.splitlines() if line.startswith("failed: ")]


@pytest.fixture(scope="module")
def tainan_slice(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """50 real Tainan records, unpacked from the shared archive at test time."""
    target = tmp_path_factory.mktemp("tainan") / "tainan.jsonl"
    with lzma.open(corpus_dir / TAINAN) as source, target.open("wb") as out:
        for number, line in enumerate(source, start=1):
            if number >= SLICE_START:
                out.write(line)
            if number == SLICE_END:
                break
    return target


def test_seed_import_then_reimport_is_unchanged(seed_path: Path, data_dir: Path) -> None:
    first = archive(data_dir, "import", seed_path)
    assert first.returncode == 0, first.stderr
    assert summary(first) == {"imported": 1, "updated": 0, "unchanged": 0, "syndicated": 0, "failed": 0, "skipped": 0}
    again = archive(data_dir, "import", seed_path)
    assert again.returncode == 0
    assert summary(again)["unchanged"] == 1
    assert summary(again)["imported"] == 0
    counts = stats(data_dir)
    assert counts["articles"] == 1
    assert counts["raw_documents"] == 1
    assert isinstance(counts["sections"], int) and counts["sections"] >= 3
    (article,) = export(data_dir)
    text = "".join(str(s["text"]) for s in article["sections"])  # type: ignore[attr-defined]
    assert "浦東新區深化物業治理攻堅行動" in text


def test_changed_page_is_updated_and_previous_version_kept(tmp_path: Path, data_dir: Path) -> None:
    url = "https://www.example.gov.cn/news/2026/0106/1.html"
    target = tmp_path / "meeting.html"
    target.write_text(page(url, "市委召开季度工作会议", REPORT), encoding="utf-8")
    assert summary(archive(data_dir, "import", target))["imported"] == 1
    changed = [*REPORT[:2], "会议要求，各区要把安全生产放在突出位置，逐项排查整治隐患，切实守牢城市安全底线。"]
    target.write_text(page(url, "市委召开季度工作会议", changed), encoding="utf-8")
    proc = archive(data_dir, "import", target)
    assert summary(proc)["updated"] == 1
    assert stats(data_dir)["previous_versions"] == 1
    (article,) = export(data_dir)
    with Store(data_dir) as store:
        ((version, previous, _),) = store.versions(str(article["id"]))
        current = store.get(str(article["id"]))
    assert version == 1
    assert "确保开好局、起好步" in previous.text
    assert current is not None
    assert "守牢城市安全底线" in current.text
    assert "确保开好局、起好步" not in current.text


def test_same_text_under_another_url_is_one_article_with_two_sources(tmp_path: Path, data_dir: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    first = "https://www.example.gov.cn/news/2026/0106/1.html"
    repost = "https://news.example.com/politics/20260106/88.html"
    (pages / "a.html").write_text(page(first, "市委召开季度工作会议", REPORT), encoding="utf-8")
    (pages / "b.html").write_text(page(repost, "市委召开季度工作会议", REPORT), encoding="utf-8")
    proc = archive(data_dir, "import", pages)
    assert proc.returncode == 0, proc.stderr
    counts = summary(proc)
    assert (counts["imported"], counts["syndicated"]) == (1, 1)
    (article,) = export(data_dir)
    assert article["urls"] == [first, repost]
    assert stats(data_dir)["sources"] == 2


def test_folder_with_good_and_bad_files(tmp_path: Path, data_dir: Path) -> None:
    folder = tmp_path / "mixed"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.html").write_text(page("https://www.example.gov.cn/a.html", "市委召开季度工作会议", REPORT))
    (folder / "report.txt").write_text("市政府常务会议研究稳就业工作\n" + "\n".join(REPORT[1:]), encoding="utf-8")
    (folder / "sub" / "notes.md").write_text("# 区委全会召开\n\n" + "\n\n".join(REPORT[:2]), encoding="utf-8")
    (folder / "empty.html").write_bytes(b"")
    (folder / "binary.htm").write_bytes(bytes(range(256)) * 8)
    with (folder / "huge.html").open("wb") as sparse:
        sparse.truncate(21 * 1024 * 1024)
    (folder / "garbled.txt").write_bytes(bytes(range(0x80, 0x100)) * 40)
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    (folder / ".hidden.html").write_text("ignored")

    proc = archive_process(data_dir, "import", folder)
    assert proc.returncode == 1
    assert summary(proc) == {"imported": 3, "updated": 0, "unchanged": 0, "syndicated": 0, "failed": 4, "skipped": 1}
    lines = failure_lines(proc)
    assert len(lines) == 4, proc.stderr
    reasons = {
        "empty.html": "empty file",
        "binary.htm": "binary file",
        "huge.html": "over the 20 MB limit",
        "garbled.txt": "undecodable",
    }
    for name, reason in reasons.items():
        assert any(name in line and reason in line for line in lines), (name, lines)
    assert stats(data_dir)["articles"] == 3


def test_explicit_unsupported_or_missing_files_fail_by_name(tmp_path: Path, data_dir: Path) -> None:
    pdf = tmp_path / "minutes.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    good = tmp_path / "good.html"
    good.write_text(page("https://www.example.gov.cn/a.html", "市委召开季度工作会议", REPORT), encoding="utf-8")
    proc = archive(data_dir, "import", pdf, tmp_path / "missing.html", good)
    assert proc.returncode == 1
    lines = failure_lines(proc)
    assert any("minutes.pdf" in line and "unsupported file type" in line for line in lines), lines
    assert any("missing.html" in line and "no such file" in line for line in lines), lines
    counts = summary(proc)
    assert (counts["imported"], counts["failed"]) == (1, 2)


def write_warc(path: Path, responses: list[tuple[str, str, bytes, str]]) -> None:
    """A gzipped WARC with one response record per (url, content type, body, status)."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for url, content_type, body, status in responses:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
            )
            writer.write_record(record)


def _warc_pages() -> list[tuple[str, str, bytes, str]]:
    one = "https://www.example.gov.cn/news/1.html"
    two = "https://www.example.gov.cn/news/2.html"
    gbk_page = page(two, "区政府常务会议研究防汛工作", [p.replace("市委", "区政府") for p in REPORT])
    return [
        (one, "text/html; charset=utf-8", page(one, "市委召开季度工作会议", REPORT).encode(), "200 OK"),
        (two, "text/html; charset=gbk", gbk_page.replace('charset="utf-8"', 'charset="gbk"').encode("gbk"), "200 OK"),
        ("https://www.example.gov.cn/logo.png", "image/png", b"\x89PNG\r\n\x1a\n", "200 OK"),
        ("https://www.example.gov.cn/gone.html", "text/html", b"<html>not found</html>", "404 Not Found"),
    ]


def test_warc_import_then_reprocess_without_the_file(tmp_path: Path, data_dir: Path) -> None:
    warc = tmp_path / "capture.warc.gz"
    write_warc(warc, _warc_pages())
    proc = archive(data_dir, "import", warc)
    assert proc.returncode == 0, proc.stderr
    assert summary(proc)["imported"] == 2
    urls = sorted(str(a["url"]) for a in export(data_dir))
    assert urls == ["https://www.example.gov.cn/news/1.html", "https://www.example.gov.cn/news/2.html"]
    assert "防汛" in json.dumps(export(data_dir), ensure_ascii=False)
    warc.unlink()
    again = archive(data_dir, "reprocess")
    assert again.returncode == 0, again.stderr
    assert summary(again)["unchanged"] == 2
    assert stats(data_dir)["articles"] == 2


def test_warc_capture_inside_the_data_dir_is_kept_as_a_pointer(data_dir: Path) -> None:
    captures = data_dir / "warc"
    captures.mkdir()
    warc = captures / "crawl-1.warc.gz"
    write_warc(warc, _warc_pages())
    proc = archive(data_dir, "import", warc)
    assert summary(proc)["imported"] == 2
    counts = stats(data_dir)
    assert (counts["raw_documents"], counts["warc_pointers"], counts["raw_bytes"]) == (2, 2, 0)
    with Store(data_dir) as store:
        documents = list(store.iter_documents())
    assert all(isinstance(d, Document) and d.warc_offset is not None for d in documents)
    assert summary(archive(data_dir, "reprocess"))["unchanged"] == 2


def test_tainan_jsonl_slice(tainan_slice: Path, tmp_path: Path, data_dir: Path) -> None:
    proc = archive(data_dir, "import", tainan_slice)
    counts = summary(proc)
    total = SLICE_END - SLICE_START + 1
    assert counts["failed"] == len(EMPTY_LINES)
    assert proc.returncode == 1
    lines = failure_lines(proc)
    expected_names = [f"tainan.jsonl:{n - SLICE_START + 1}" for n in EMPTY_LINES]
    assert [any(name + ":" in line for line in lines) for name in expected_names] == [True] * len(EMPTY_LINES)
    stored = counts["imported"] + counts["updated"] + counts["unchanged"] + counts["syndicated"]
    assert stored == total - len(EMPTY_LINES)
    assert stats(data_dir)["articles"] == counts["imported"]
    first = json.loads(tainan_slice.read_text(encoding="utf-8").splitlines()[0])
    articles = {a["url"]: a for a in export(data_dir)}
    assert articles[first["url"]]["title"] == first["title"]

    compressed = tmp_path / "tainan.jsonl.xz"
    compressed.write_bytes(lzma.compress(tainan_slice.read_bytes()))
    other = tmp_path / "other"
    assert summary(archive(other, "import", compressed)) == counts


def test_export_then_import_into_an_empty_data_dir_loses_nothing(
    seed_path: Path, tainan_slice: Path, tmp_path: Path, data_dir: Path
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.html").write_text(page("https://www.example.gov.cn/a.html", "市委召开季度工作会议", REPORT))
    (pages / "b.html").write_text(page("https://news.example.com/b.html", "市委召开季度工作会议", REPORT))
    short = tmp_path / "short.jsonl"
    short.write_text("".join(tainan_slice.read_text(encoding="utf-8").splitlines(keepends=True)[:20]))
    archive(data_dir, "import", seed_path, pages, short)
    dump = tmp_path / "export.jsonl"
    written = archive(data_dir, "export", "-o", dump)
    assert written.returncode == 0, written.stderr
    before = [json.loads(line) for line in dump.read_text(encoding="utf-8").splitlines()]
    assert len(before) == stats(data_dir)["articles"]

    fresh = tmp_path / "fresh"
    proc = archive(fresh, "import", dump)
    assert proc.returncode == 0, proc.stderr
    assert summary(proc)["imported"] == len(before)
    assert export(fresh) == before
    keys = ("articles", "sections", "sources")
    assert {k: stats(fresh)[k] for k in keys} == {k: stats(data_dir)[k] for k in keys}


def test_stats_json_and_text(seed_path: Path, data_dir: Path) -> None:
    missing = archive(data_dir / "nothing-here", "stats")
    assert missing.returncode == 1
    assert "no store here yet" in missing.stderr
    archive(data_dir, "import", seed_path)
    counts = stats(data_dir)
    for key in ("articles", "sections", "sources", "raw_documents", "index"):
        assert key in counts
    index = counts["index"]
    assert isinstance(index, dict)
    assert (index["indexed_articles"], index["pending_articles"]) == (1, 0)
    text = archive(data_dir, "stats").stdout
    assert "articles" in text
    assert "sections" in text


def test_progress_only_when_asked_or_on_a_terminal(seed_path: Path, data_dir: Path) -> None:
    quiet = archive(data_dir, "import", seed_path)
    assert "documents (" not in quiet.stderr
    assert "\r" not in quiet.stderr
    loud = archive(data_dir, "import", "--progress", seed_path)
    assert "documents (" in loud.stderr


def _count_articles(store_file: Path) -> int:
    try:
        with sqlite3.connect(f"file:{store_file}?mode=ro", uri=True, timeout=5) as db:
            return int(db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def test_killed_import_leaves_a_consistent_store_and_rerun_completes_it(
    corpus_dir: Path, tmp_path: Path, data_dir: Path
) -> None:
    records = tmp_path / "records.jsonl"
    with lzma.open(corpus_dir / TAINAN) as source, records.open("wb") as out:
        for number, line in enumerate(source, start=1):
            out.write(line)
            if number == KILLED_RECORDS:
                break
    command = [sys.executable, "-m", "archive", "--data", str(data_dir), "import", "--batch", "5", str(records)]
    victim = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ.copy())
    deadline = time.monotonic() + 60
    while _count_articles(data_dir / "archive.sqlite") < 10 and victim.poll() is None:
        assert time.monotonic() < deadline, "import made no progress"
        time.sleep(0.005)
    if victim.poll() is not None:
        pytest.fail("the import finished before it could be killed; use more records")
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    interrupted = stats(data_dir)
    assert isinstance(interrupted["articles"], int) and 0 < interrupted["articles"] < KILLED_RECORDS

    rerun = archive_process(data_dir, "import", records)
    assert rerun.returncode == 0, rerun.stderr
    counts = summary(rerun)
    assert counts["failed"] == 0

    clean_dir = tmp_path / "clean"
    clean = archive_process(clean_dir, "import", records)
    assert clean.returncode == 0
    after, expected = stats(data_dir), stats(clean_dir)
    for key in ("articles", "sections", "sources", "raw_documents"):
        assert after[key] == expected[key], key
    index, clean_index = after["index"], expected["index"]
    assert isinstance(index, dict)
    assert isinstance(clean_index, dict)
    assert index["pending_articles"] == 0
    assert index["articles"] == index["indexed_articles"] == after["articles"]
    assert index["sections"] == clean_index["sections"] == after["sections"]
    assert export(data_dir) == export(clean_dir)


def test_reprocess_extracts_again_from_the_stored_raw_bytes(tmp_path: Path, data_dir: Path) -> None:
    url = "https://www.example.gov.cn/m.html"
    html = page(url, "市委召开季度工作会议", REPORT)
    art_id = article_id_for(url)
    # A store written by an older, worse extractor: suffix left in the title, only the first paragraph.
    worse = Article(
        id=art_id,
        url=url,
        title="市委召开季度工作会议_示范市人民政府",
        sections=[Section(id=f"{art_id}#0", text=REPORT[0])],
    )
    with Store(data_dir) as store:
        raw = Document(data=html.encode("utf-8"), kind="html", name=str(tmp_path / "meeting.html"))
        assert store.put(worse, raw).status == "imported"
    proc = archive(data_dir, "reprocess")
    assert proc.returncode == 0, proc.stderr
    assert summary(proc)["updated"] == 1
    (article,) = export(data_dir)
    assert article["title"] == "市委召开季度工作会议"
    assert "确保开好局、起好步" in json.dumps(article, ensure_ascii=False)

    direct = tmp_path / "direct"
    (tmp_path / "meeting.html").write_text(html, encoding="utf-8")
    archive(direct, "import", tmp_path / "meeting.html")
    assert export(direct) == [article]


def test_rebuild_with_two_processes_finds_what_the_import_indexed(tainan_slice: Path, data_dir: Path) -> None:
    archive(data_dir, "import", tainan_slice)
    queries = ["臺南", "市長", '"黃偉哲"', "鹽", "活動 -市長"]

    def results() -> dict[str, list[str]]:
        found = {}
        for q in queries:
            proc = archive(data_dir, "search", q, "--json", "--limit", "100")
            found[q] = sorted(h["section_id"] for h in json.loads(proc.stdout)["hits"])
        return found

    before = results()
    assert all(before.values())
    rebuilt = archive_process(data_dir, "index", "--rebuild", "--procs", "2")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert rebuilt.stdout.startswith(f"rebuilt the search index: {stats(data_dir)['articles']:,} articles")
    assert results() == before
    info = json.loads(archive_process(data_dir, "index", "--json").stdout)
    assert info["articles"] == stats(data_dir)["articles"]
