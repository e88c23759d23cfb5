"""Politeness and hard cases: robots.txt, delays, retries, Retry-After, redirects, timeouts, size, charsets."""

from __future__ import annotations

import gzip
import time
from pathlib import Path

from click.testing import CliRunner

from archive.cli import cli
from archive.store import Store
from crawl_site import PARAGRAPHS, Request, Site, article_html, crawl, list_html


def titles(data_dir: Path) -> dict[str, str]:
    with Store(data_dir) as store:
        return {a.url: a.title for a in store.iter_articles()}


def text(n: int, topic: str) -> list[str]:
    return [f"第{n}项：{topic}。{p}" for p in PARAGRAPHS]


def test_robots_txt_disallow_and_crawl_delay_are_obeyed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Site() as site, Site() as elsewhere:
        site.page("/robots.txt", "User-agent: *\nDisallow: /private/\nCrawl-delay: 1\n", "text/plain")
        site.page(
            "/news/",
            list_html(
                "要闻",
                [
                    ("/2024/03/05/a1.html", "一"),
                    ("/2024/03/05/a2.html", "二"),
                    ("/private/2024/03/05/secret.html", "内部"),
                    (elsewhere.url("/2024/03/05/other.html"), "外站"),
                ],
            ),
        )
        site.page("/2024/03/05/a1.html", article_html("市委常委会会议", text(1, "城市治理")))
        site.page("/2024/03/05/a2.html", article_html("区委全会召开", text(2, "乡村振兴")))
        elsewhere.page("/2024/03/05/other.html", article_html("外站文章", text(3, "外站")))
        proc = crawl(data, site.url("/news/"), "--delay", "0", cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr

        paths = [r.path for r in site.log]
        assert paths[0] == "/robots.txt"
        assert not any(p.startswith("/private/") for p in paths)
        assert elsewhere.log == []  # external links are never fetched
        gaps = [b.at - a.at for a, b in zip(site.log, site.log[1:], strict=False)]
        assert len(gaps) >= 3 and min(gaps) >= 0.95, gaps  # Crawl-delay: 1 beats --delay 0
        agent = site.log[0].header("User-Agent") or ""
        assert agent.startswith("archive-crawler/0.1")
    assert "/private/2024/03/05/secret.html: disallowed by robots.txt" in proc.stderr
    assert "1 blocked by robots.txt" in proc.stdout
    assert "1 external links not followed" in proc.stdout
    assert sorted(titles(data).values()) == ["区委全会召开", "市委常委会会议"]


def test_default_delay_spaces_requests_to_one_host(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data).mkdir()
    (data / "settings.toml").write_text("crawl_delay = 0.4\ncontact_url = 'https://example.org/crawler'\n")
    with Site() as site:
        site.page("/news/", list_html("要闻", [("/2024/03/05/a1.html", "一")]))
        site.page("/2024/03/05/a1.html", article_html("市委常委会会议", text(1, "城市治理")))
        proc = crawl(data, site.url("/news/"), cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        gaps = [b.at - a.at for a, b in zip(site.log, site.log[1:], strict=False)]
        assert len(gaps) >= 2 and min(gaps) >= 0.38, gaps
        assert site.log[0].header("User-Agent") == "archive-crawler/0.1 (+https://example.org/crawler)"


def test_hard_cases_are_retried_or_reported_and_the_crawl_still_succeeds(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.toml").write_text("timeout = 0.5\nmax_bytes = 100000\n")
    counts: dict[str, int] = {}

    def once_then(status: int, headers: dict[str, str], html: str):  # type: ignore[no-untyped-def]
        def answer(request: Request) -> tuple[int, dict[str, str], bytes]:
            counts[request.path] = counts.get(request.path, 0) + 1
            if counts[request.path] == 1:
                return status, {"Content-Type": "text/plain", **headers}, b"try later"
            return 200, {"Content-Type": "text/html; charset=utf-8"}, html.encode()

        return answer

    def slow(request: Request) -> tuple[int, dict[str, str], bytes]:
        time.sleep(1.2)
        return 200, {"Content-Type": "text/html"}, b"<html>late</html>"

    def stream_forever(request: Request) -> None:
        handler = request.handler
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Connection", "close")
        handler.end_headers()
        handler.close_connection = True
        try:
            for _ in range(40):
                handler.wfile.write(b"<p>" + "很长".encode() * 5000 + b"</p>")
        except (BrokenPipeError, ConnectionResetError):
            pass

    gbk_page = article_html("市政府召开防汛防台专题会议", text(9, "防汛防台")).replace("utf-8", "gbk").encode("gbk")
    links = [
        ("/flaky.html", "500"),
        ("/busy.html", "503"),
        ("/loop-a.html", "loop"),
        ("/moved.html", "moved"),
        ("/slow.html", "slow"),
        ("/huge.html", "huge"),
        ("/stream.html", "stream"),
        ("/gbk.html", "gbk"),
        ("/missing.html", "404"),
        ("/gzip.html", "gzip"),
    ]
    with Site() as site:
        site.page("/news/", list_html("要闻", links))
        site.routes["/flaky.html"] = once_then(500, {}, article_html("市委常委会会议", text(1, "城市治理")))
        site.routes["/busy.html"] = once_then(
            503, {"Retry-After": "1"}, article_html("区政府常务会议", text(2, "营商环境"))
        )
        site.routes["/loop-a.html"] = lambda r: (302, {"Location": "/loop-b.html"}, b"")
        site.routes["/loop-b.html"] = lambda r: (302, {"Location": site.url("/loop-a.html")}, b"")
        site.routes["/moved.html"] = lambda r: (301, {"Location": "/2024/03/05/target.html"}, b"")
        site.page("/2024/03/05/target.html", article_html("市委全会召开", text(3, "高质量发展")))
        site.routes["/slow.html"] = slow
        site.routes["/huge.html"] = lambda r: (200, {"Content-Type": "text/html", "Content-Length": "5000000"}, b"")
        site.routes["/stream.html"] = stream_forever
        # The header says UTF-8, the bytes are GBK: decoding with the header fails, detection reads GBK.
        site.page("/gbk.html", gbk_page, "text/html; charset=utf-8")
        zipped = gzip.compress(article_html("区委常委会会议", text(4, "基层治理")).encode())
        site.page("/gzip.html", zipped, Content_Encoding="gzip")
        proc = crawl(data, site.url("/news/"), "--delay", "0", cwd=tmp_path)

        assert proc.returncode == 0, proc.stderr
        busy = site.requests_for("/busy.html")
        assert len(busy) == 2 and busy[1].at - busy[0].at >= 0.95  # Retry-After: 1
        assert len(site.requests_for("/flaky.html")) == 2
        assert len(site.requests_for("/slow.html")) == 3  # retried with back-off, then given up
        assert len(site.requests_for("/loop-a.html")) == 1

    report = proc.stdout
    assert "/loop-a.html: redirect loop: " in report
    assert "/slow.html: timed out after 0.5 s (after 3 attempts)" in report
    assert "/huge.html: response of 5,000,000 bytes is over the 100,000-byte limit" in report
    assert "/stream.html: response is over the 100,000-byte limit" in report
    assert "/missing.html: HTTP 404 Not Found" in report
    assert "6 failed:" in report  # the five above and the list page's link to / (404)
    stored = titles(data)
    assert stored == {
        site.url("/flaky.html"): "市委常委会会议",
        site.url("/busy.html"): "区政府常务会议",
        site.url("/2024/03/05/target.html"): "市委全会召开",
        site.url("/gbk.html"): "市政府召开防汛防台专题会议",
        site.url("/gzip.html"): "区委常委会会议",
    }
    # The captures keep the gzip body as sent; reprocessing from them reads the same pages again.
    reprocess = CliRunner().invoke(cli, ["--data", str(data), "reprocess"])
    assert reprocess.exit_code == 0, reprocess.output
    assert titles(data) == stored
