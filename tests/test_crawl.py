"""`archive crawl` over real local servers: a CCTV mirror, revalidation, rules, page kinds."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

from archive.cli import cli
from archive.crawler.classify import analyse, classify
from archive.crawler.rules import load_rules
from archive.errors import CrawlError
from archive.store import Store
from crawl_site import PARAGRAPHS, Request, Site, article_html, crawl, list_html

ROOT = Path(__file__).resolve().parent.parent
DAYS = ("20240215", "20240216", "20240217")
_KEEP = re.compile(r"pages/(2024021[5-7]\.shtml|VIDE\w+24021[5-7]\.shtml)$")


def stored_urls(data_dir: Path) -> set[str]:
    with Store(data_dir) as store:
        return {a.url for a in store.iter_articles()}


def page_kinds(data_dir: Path) -> dict[str, str]:
    with sqlite3.connect(data_dir / "crawl.sqlite") as db:
        return dict(db.execute("SELECT url, kind FROM pages WHERE kind IS NOT NULL"))


@pytest.fixture(scope="session")
def cctv_pages(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three day index pages of 新闻联播 and the item pages of those days, unpacked from the corpus."""
    out = tmp_path_factory.mktemp("cctv")
    with tarfile.open(corpus_dir / "cctv" / "pages-2022-2024.tar.xz") as archive:
        for member in archive:
            if _KEEP.match(member.name):
                stream = archive.extractfile(member)
                assert stream is not None
                (out / Path(member.name).name).write_bytes(stream.read())
    return out


def serve_cctv(site: Site, folder: Path) -> list[str]:
    """Serve the pages at their tv.cctv.com paths, links rewritten to the local server; returns item paths."""
    root = site.root.encode()

    def local(data: bytes) -> bytes:
        for prefix in (b"https://tv.cctv.com", b"http://tv.cctv.com", b"//tv.cctv.com"):
            data = data.replace(prefix + b"/", root + b"/")
        return data

    items = []
    for path in folder.glob("VIDE*.shtml"):
        stamp = path.stem[-6:]
        url_path = f"/20{stamp[:2]}/{stamp[2:4]}/{stamp[4:]}/{path.name}"
        site.page(url_path, local(path.read_bytes()))
        items.append(url_path)
    days = []
    for day in DAYS:
        site.page(f"/lm/xwlb/day/{day}.shtml", local((folder / f"{day}.shtml").read_bytes()))
        days.append(f"<li><a href='/lm/xwlb/day/{day}.shtml'>{day}</a></li>")
    site.page("/lm/xwlb/index.shtml", f"<html><body><h1>新闻联播</h1><ul>{''.join(days)}</ul></body></html>")
    return items


def test_cctv_mirror_items_become_articles_and_day_pages_do_not(cctv_pages: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Site() as site:
        items = serve_cctv(site, cctv_pages)
        linked = {
            p
            for day in DAYS
            for p in re.findall(r"/\d{4}/\d{2}/\d{2}/VIDE\w+\.shtml", (cctv_pages / f"{day}.shtml").read_text())
        }
        proc = crawl(data, site.url("/lm/xwlb/index.shtml"), "--depth", "2", "--delay", "0", cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        assert "finished" in proc.stdout
        fetched = [r.path for r in site.log if r.path != "/robots.txt"]
        assert len(fetched) == len(set(fetched)), "a page was fetched twice"
        assert linked <= set(fetched)  # every item was found through a day page
        assert set(items) >= linked

    kinds = page_kinds(data)
    for path in linked:
        assert kinds[site.url(path)] == "article", path
    for day in DAYS:
        assert kinds[site.url(f"/lm/xwlb/day/{day}.shtml")] == "list"
    urls = stored_urls(data)
    assert not any("/lm/xwlb/" in u for u in urls), "an index page was stored as an article"
    stored_items = {u.removeprefix(site.root) for u in urls}
    assert len(stored_items & linked) >= 0.9 * len(linked), proc.stdout

    # Every response is in the WARC captures, and the store points into them.
    records = []
    for warc in (data / "captures").glob("*.warc.gz"):
        with warc.open("rb") as stream:
            records += [
                r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(stream) if r.rec_type == "response"
            ]
    assert sorted(records) == sorted(site.url(r.path) for r in site.log)
    reprocess = CliRunner().invoke(cli, ["--data", str(data), "reprocess"])  # from the captures alone
    assert reprocess.exit_code == 0, reprocess.output
    assert stored_urls(data) == urls


def versioned(pages: dict[str, tuple[str, str]]) -> dict[str, object]:
    """Routes answering 304 to a matching If-None-Match / If-Modified-Since; ``pages[path] = (etag, html)``."""

    def route(path: str) -> object:
        def answer(request: Request) -> tuple[int, dict[str, str], bytes]:
            etag, html = pages[path]
            modified = "Tue, 05 Mar 2024 08:00:00 GMT"
            headers = {"Content-Type": "text/html; charset=utf-8", "ETag": etag, "Last-Modified": modified}
            if request.header("If-None-Match") == etag:
                return 304, headers, b""
            return 200, headers, html.encode("utf-8")

        return answer

    return {path: route(path) for path in pages}


def meeting(n: int, topic: str) -> str:
    return article_html(f"市政府常务会议研究{topic}", [f"第{n}次会议聚焦{topic}。{p}" for p in PARAGRAPHS])


def test_second_crawl_revalidates_and_reprocesses_only_changes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    topics = {1: "城市更新", 2: "营商环境", 3: "防汛防台"}
    with Site() as site:
        pages: dict[str, tuple[str, str]] = {}

        def publish(version: str) -> None:
            items = [(f"/2024/03/05/a{n}.html", topic) for n, topic in topics.items()]
            pages["/news/"] = (f'"list-{version}"', list_html("要闻", items))
            for n, topic in topics.items():
                pages.setdefault(f"/2024/03/05/a{n}.html", ('"1"', meeting(n, topic)))
            site.routes.update(versioned(pages))  # type: ignore[arg-type]

        publish("1")
        first = crawl(data, site.url("/news/"), "--delay", "0", cwd=tmp_path)
        assert first.returncode == 0, first.stderr
        assert "Articles: 3 new, 0 updated" in first.stdout

        pages["/2024/03/05/a2.html"] = ('"2"', meeting(2, "优化营商环境和政务服务"))
        topics[4] = "垃圾分类"
        publish("2")
        site.log.clear()
        second = crawl(data, site.url("/news/"), "--delay", "0", cwd=tmp_path)
        assert second.returncode == 0, second.stderr
        assert "Articles: 1 new, 1 updated" in second.stdout
        assert "2 not modified" in second.stdout
        asked = {r.path: r for r in site.log}
        assert asked["/2024/03/05/a1.html"].header("If-None-Match") == '"1"'
        assert asked["/2024/03/05/a1.html"].header("If-Modified-Since") == "Tue, 05 Mar 2024 08:00:00 GMT"
        assert asked["/2024/03/05/a4.html"].header("If-None-Match") is None

        # Nothing changed: the list answers 304 too, and its stored links are revalidated all the same.
        site.log.clear()
        third = crawl(data, site.url("/news/"), "--delay", "0", cwd=tmp_path)
        assert third.returncode == 0, third.stderr
        assert "5 not modified" in third.stdout
        assert "Articles: 0 new, 0 updated" in third.stdout
        assert {r.path for r in site.log} >= {f"/2024/03/05/a{n}.html" for n in range(1, 5)}

    with Store(data) as store:
        titles = {a.url.removeprefix(site.root): a.title for a in store.iter_articles()}
    assert titles["/2024/03/05/a2.html"] == "市政府常务会议研究优化营商环境和政务服务"
    found = subprocess.run(
        [sys.executable, "-m", "archive", "--data", str(data), "search", "垃圾分类", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert found.returncode == 0, found.stderr
    assert site.url("/2024/03/05/a4.html") in json.dumps(json.loads(found.stdout), ensure_ascii=False)


def test_rules_decide_page_kinds_and_what_is_followed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Site() as site:
        host = site.root.removeprefix("http://")
        rules = tmp_path / "sources.toml"
        rules.write_text(
            f"""
[[site]]
name = "local"
hosts = ["{host}"]
seeds = ["{site.url("/col/index.html")}"]
list = ['/col/index(_\\d+)?\\.html$']
article = ['/col/art/\\d+\\.html$']
ignore = ['/col/skip/']
tested = true
""",
            encoding="utf-8",
        )
        # A short article that heuristics alone would take for a list, and a long page the rules do not want.
        site.page(
            "/col/index.html",
            list_html(
                "栏目", [("/col/art/1.html", "短讯"), ("/col/index_2.html", "下一页"), ("/col/skip/x.html", "略")]
            ),
        )
        site.page("/col/index_2.html", list_html("栏目 2", [("/col/art/2.html", "会议")]))
        site.page(
            "/col/art/1.html",
            "<html><head><title>市委召开常委会会议</title></head><body><p>市委召开常委会会议，研究近期重点工作。</p></body></html>",
        )
        site.page("/col/art/2.html", meeting(7, "科技创新"))
        proc = crawl(data, "--rules", str(rules), "--delay", "0", cwd=tmp_path)  # seeds from the rules
        assert proc.returncode == 0, proc.stderr
        assert "/col/skip/x.html" not in [r.path for r in site.log]
    kinds = page_kinds(data)
    assert kinds[site.url("/col/art/1.html")] == "article"
    assert kinds[site.url("/col/index_2.html")] == "list"
    assert site.url("/col/art/2.html") in stored_urls(data)


def test_shipped_rules_parse_and_say_they_are_untested() -> None:
    rules = {r.name: r for r in load_rules(ROOT / "crawler" / "sources.toml")}
    assert {"shanghai-gov", "shanghai-fabu"} <= set(rules)
    assert not rules["shanghai-gov"].tested and not rules["shanghai-fabu"].tested
    gov = rules["shanghai-gov"]
    assert gov.kind_of("https://www.shanghai.gov.cn/nw4411/20240105/0f3c9a8b7e6d5c4b.html") == "article"
    assert gov.kind_of("https://www.shanghai.gov.cn/nw4411/index_2.html") == "list"
    assert gov.seeds and all(s.startswith("https://www.shanghai.gov.cn/") for s in gov.seeds)


def test_bad_rules_and_bad_urls_are_one_line_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[[site]]\nname = 'x'\nseeds = ['http://a.example/']\narticle = ['(']\n", encoding="utf-8")
    with pytest.raises(CrawlError, match="bad regular expression"):
        load_rules(bad)
    proc = subprocess.run(
        [sys.executable, "-m", "archive", "--data", str(tmp_path / "data"), "crawl", "ftp://example.org/"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert proc.returncode == 1
    assert proc.stderr.strip() == "Error: ftp://example.org/: not an http(s) URL"


@pytest.mark.parametrize(
    ("folder", "kind"),
    [("detail", "article"), ("list", "list")],
)
def test_heuristics_tell_articles_from_lists_on_real_pages(corpus_dir: Path, folder: str, kind: str) -> None:
    pages = sorted((corpus_dir / "extraction" / "gerapy" / "samples" / folder).glob("*.html"))
    assert pages
    url = "http://portal.example/page?id=1"  # no hint from the URL
    wrong = [p.name for p in pages if classify(url, analyse(p.read_bytes(), None, url))[0] != kind]
    assert wrong == []


def test_a_sitemap_as_start_page(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Site() as site:
        locs = "".join(f"<url><loc>{site.url(f'/2024/03/05/s{n}.html')}</loc></url>" for n in range(2))
        sitemap = f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'
        site.page("/sitemap.xml", sitemap, "application/xml")
        site.page("/2024/03/05/s0.html", meeting(0, "城市更新"))
        site.page("/2024/03/05/s1.html", meeting(1, "营商环境"))
        proc = crawl(data, site.url("/sitemap.xml"), "--delay", "0", cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
    assert stored_urls(data) == {site.url("/2024/03/05/s0.html"), site.url("/2024/03/05/s1.html")}
