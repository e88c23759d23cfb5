"""Site rule selectors: a crawled page's title, body and date come from the elements the rules name."""

from __future__ import annotations

import contextlib
from pathlib import Path

from click.testing import CliRunner

from archive.cli import _register, cli
from archive.crawler.crawl import Crawler, CrawlOptions
from archive.crawler.rules import load_rules
from archive.extract import extract
from archive.models import Document
from archive.store import Store
from crawl_site import PARAGRAPHS, Site, list_html

TITLE = "市政府召开常务会议部署城市更新工作"
SELECTORS = {"title": ".art-title", "body": "#zoom", "date": ".art-date"}

# The <title> names the portal only, a sidebar above the text carries a labelled date of its own, and the
# article's date sits below the text without a label: automatic extraction gets both wrong.
PAGE = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>区政府门户网站</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/news/index.html">要闻</a></div>
<div class="side"><p>更新时间：2023年1月2日</p><p>本站近期对栏目进行了调整，欢迎提出意见建议。</p></div>
<div class="art-title">{TITLE}</div>
<div id="zoom">{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}</div>
<div class="art-date">2024-03-05</div>
<div class="foot">版权所有：区政府办公室</div>
</body></html>"""


def _rules_file(path: Path, host: str, seed: str) -> Path:
    selectors = "\n".join(f'{key} = "{value}"' for key, value in SELECTORS.items())
    path.write_text(
        f"""
[[site]]
name = "local"
hosts = ["{host}"]
seeds = ["{seed}"]
list = ['/news/index\\.html$']
article = ['/news/\\d+\\.html$']

[site.selectors]
{selectors}
""",
        encoding="utf-8",
    )
    return path


def _run(data_dir: Path, *args: str, cwd: Path) -> str:
    _register()
    with contextlib.chdir(cwd):
        result = CliRunner().invoke(cli, ["--data", str(data_dir), *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code == 0, result.output
    return result.output


def test_automatic_extraction_of_the_page_is_misled() -> None:
    # The premise of the crawl test below: without selectors the title and date come out wrong.
    article = extract(Document(data=PAGE.encode("utf-8"), kind="html", name="p", url="http://x.example/news/1.html"))
    assert article.title != TITLE
    assert article.published != "2024-03-05"


def test_crawled_article_takes_title_and_date_from_the_rule_selectors(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Site() as site:
        site.page("/news/index.html", list_html("要闻", [("/news/1.html", "常务会议")]))
        site.page("/news/1.html", PAGE)
        rules = _rules_file(tmp_path / "sources.toml", site.root.removeprefix("http://"), site.url("/news/index.html"))
        _run(data, "crawl", "--rules", str(rules), "--delay", "0", cwd=tmp_path)
        url = site.url("/news/1.html")
    with Store(data) as store:
        (article,) = list(store.iter_articles())
        (raw,) = [d for d in store.iter_documents() if isinstance(d, Document)]
    assert article.url == url
    assert article.title == TITLE
    assert article.published == "2024-03-05"
    assert PARAGRAPHS[1] in article.text
    assert "本站近期对栏目进行了调整" not in article.text
    assert raw.selectors == SELECTORS

    # Reprocessing from the stored capture extracts the same way.
    _run(data, "reprocess", cwd=tmp_path)
    with Store(data) as store:
        again = store.get(article.id)
    assert again is not None
    assert (again.title, again.published) == (TITLE, "2024-03-05")


def test_articles_handed_over_again_after_a_restart_keep_their_selectors(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Site() as site:
        site.page("/news/index.html", list_html("要闻", [("/news/1.html", "常务会议")]))
        site.page("/news/1.html", PAGE)
        rules = load_rules(
            _rules_file(tmp_path / "sources.toml", site.root.removeprefix("http://"), site.url("/news/index.html"))
        )
        options = CrawlOptions(seeds=[site.url("/news/index.html")], user_agent="archive-test/0.1", delay=0.0)
        options.rules = rules
        with Crawler(data, options) as crawler:
            first = list(crawler.run())  # never confirmed: the pipeline "crashed"
        with Crawler(data, options) as crawler:
            again = list(crawler.run())  # handed over again, read back from the WARC capture
    assert [d.url for d in first] == [d.url for d in again] == [site.url("/news/1.html")]
    assert first[0].selectors == again[0].selectors == SELECTORS
    article = extract(again[0])
    assert (article.title, article.published) == (TITLE, "2024-03-05")


def test_selectors_that_match_nothing_fall_back_to_automatic_extraction() -> None:
    page = PAGE.replace('class="art-title"', 'class="headline"').encode("utf-8")
    plain = Document(data=page, kind="html", name="p", url="http://x.example/news/1.html")
    missing = Document(
        data=page,
        kind="html",
        name="p",
        url="http://x.example/news/1.html",
        selectors={"title": ".art-heading", "body": "#no-such-part", "date": "span.when"},
    )
    assert extract(missing).to_dict() == extract(plain).to_dict()
    assert PARAGRAPHS[0] in extract(missing).text


def test_a_body_selector_on_an_empty_element_is_passed_over() -> None:
    page = PAGE.replace('<div class="foot">', '<div class="content"></div><div class="foot">').encode("utf-8")
    doc = Document(data=page, kind="html", name="p", url="http://x.example/news/1.html", selectors={"body": ".content"})
    article = extract(doc)
    assert PARAGRAPHS[2] in article.text


def _sitemap(urls: list[str]) -> str:
    locs = "".join(f"<url><loc>{u}</loc></url>" for u in urls)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'


def _sitemap_site(site: Site) -> None:
    """A root page linking nowhere useful; the article is only reachable through robots.txt's sitemap."""
    site.page("/robots.txt", f"User-agent: *\nDisallow: /private/\nSitemap: {site.url('/map.xml')}\n", "text/plain")
    site.page("/map.xml", _sitemap([site.url("/news/2.html")]), "application/xml")
    site.page("/", list_html("区政府门户网站", [("/about.html", "关于我们")]))
    site.page("/about.html", "<html><body><p>关于我们</p></body></html>")
    site.page("/news/index.html", list_html("要闻", [("/about.html", "关于我们")]))
    site.page("/news/2.html", PAGE)


def test_a_crawl_from_the_site_root_reads_the_sitemaps_named_in_robots_txt(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Site() as site:
        _sitemap_site(site)
        _run(data, "crawl", site.url("/"), "--delay", "0", cwd=tmp_path)
        assert site.requests_for("/map.xml")
        url = site.url("/news/2.html")
    with Store(data) as store:
        assert [a.url for a in store.iter_articles()] == [url]


def test_sitemaps_of_robots_txt_are_left_alone_below_the_root_unless_the_rules_ask(tmp_path: Path) -> None:
    with Site() as site:
        _sitemap_site(site)
        _run(tmp_path / "plain", "crawl", site.url("/news/index.html"), "--delay", "0", cwd=tmp_path)
        assert not site.requests_for("/map.xml")

        rules = tmp_path / "sources.toml"
        host = site.root.removeprefix("http://")
        rules.write_text(f'[[site]]\nname = "local"\nhosts = ["{host}"]\nrobots_sitemaps = true\n', encoding="utf-8")
        data = tmp_path / "ruled"
        _run(data, "crawl", site.url("/news/index.html"), "--rules", str(rules), "--delay", "0", cwd=tmp_path)
        assert site.requests_for("/map.xml")
        url = site.url("/news/2.html")
    with Store(data) as store:
        assert [a.url for a in store.iter_articles()] == [url]
