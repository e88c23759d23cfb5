"""A crawl killed with SIGKILL midway continues when run again: nothing fetched twice, store and index agree."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

from archive.crawler.crawl import Crawler, CrawlOptions
from archive.pipeline import ingest
from archive.store import Store
from crawl_site import PARAGRAPHS, Site, article_html, list_html, wait_until

TOPICS = [
    "城市更新",
    "营商环境",
    "防汛防台",
    "乡村振兴",
    "科技创新",
    "养老服务",
    "安全生产",
    "文旅消费",
    "人才工作",
    "生态环境",
]


def command(data_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "archive", "--data", str(data_dir), *args]


def build(site: Site) -> list[str]:
    articles = []
    columns = []
    for c in range(3):
        items = []
        for n in range(10):
            path = f"/2024/03/{c + 1:02d}/m{c}{n}.html"
            topic = TOPICS[n]
            paragraphs = [f"第{c}{n}号：{topic}。{p}" for p in PARAGRAPHS]
            site.page(path, article_html(f"第{c * 10 + n + 1}次常务会议研究{topic}", paragraphs))
            items.append((path, topic))
            articles.append(path)
        site.page(f"/news/list_{c}.html", list_html(f"第{c}页", items))
        columns.append((f"/news/list_{c}.html", f"第{c}页"))
    site.page("/news/index.html", list_html("要闻", columns))
    site.page("/", "<html><body>首页</body></html>")
    return articles


def test_killed_crawl_resumes_without_fetching_twice(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Site() as site:
        articles = build(site)
        site.delay = 0.05
        start = site.url("/news/index.html")
        proc = subprocess.Popen(
            command(data, "crawl", start, "--delay", "0"),
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            assert wait_until(lambda: len(site.served) >= 18, timeout=60), "the crawl never got going"
            proc.send_signal(signal.SIGKILL)
        finally:
            proc.wait(30)
        before = len(site.log)
        assert before < 36, "the crawl ended before it was killed"

        site.delay = 0.0
        rerun = subprocess.run(
            command(data, "crawl", start, "--delay", "0"), cwd=tmp_path, capture_output=True, text=True, check=False
        )
        assert rerun.returncode == 0, rerun.stderr
        assert "continuing crawl #1" in rerun.stderr
        assert "Crawl #1 (continued) finished" in rerun.stdout

        pages = [r.path for r in site.log if r.path != "/robots.txt"]
        twice = {p for p in pages if pages.count(p) > 1}
        # At most the request in flight when the process died is asked again.
        assert len(twice) <= 1, twice
        assert set(articles) <= set(pages)

    with Store(data) as store:
        urls = {a.url for a in store.iter_articles()}
        numbers = store.stats()
    assert urls == {site.url(p) for p in articles}
    assert numbers["articles"] == len(articles)
    assert numbers["indexed_articles"] == len(articles), numbers
    assert numbers["warc_pointers"] == len(articles)  # raw pages are kept once, in the WARC captures
    found = subprocess.run(command(data, "search", "养老服务", "--json"), capture_output=True, text=True, check=False)
    assert found.returncode == 0, found.stderr
    hits = json.dumps(json.loads(found.stdout), ensure_ascii=False)
    for c in range(3):  # the 养老服务 meeting of each list page is searchable
        assert site.url(f"/2024/03/{c + 1:02d}/m{c}5.html") in hits


def test_articles_fetched_but_not_stored_are_handed_over_again_from_the_captures(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Site() as site:
        articles = build(site)
        seed = [site.url("/news/list_0.html")]
        options = CrawlOptions(seeds=seed, user_agent="archive-crawler/0.1", delay=0.0, max_pages=6)
        with Crawler(data, options) as crawler:
            fetched = list(crawler.run())  # the list, / and 4 articles; stopped before the pipeline confirmed them
        assert len(fetched) == 4
        requests = len(site.log)

        options.max_pages = None
        with Crawler(data, options) as crawler:
            again = list(crawler.run())
            assert crawler.stats.resumed
            # robots.txt and the 6 articles left: the first 4 come back from the WARC captures, not the site
            assert len(site.log) == requests + 1 + 6
            assert [d.data for d in again[:4]] == [d.data for d in fetched]
            assert [d.url for d in again[:4]] == [d.url for d in fetched]
            report = ingest(again, data)
            crawler.confirm([d.name for d in again])
        assert report.imported == 10

        with Crawler(data, options) as crawler:
            assert list(crawler.run()) == []  # confirmed: nothing pending, the finished run is revalidated
    with Store(data) as store:
        assert {a.url for a in store.iter_articles()} == {site.url(p) for p in articles[:10]}
