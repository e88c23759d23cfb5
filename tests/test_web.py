"""The web interface through Flask's test client, over a real store and index built from real articles
(the bundled demo articles, the seed, and one hostile record) with the real pipeline."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from archive.commands.web import demo_dir
from archive.crawler.files import iter_documents
from archive.pipeline import ingest
from archive.search import SearchService
from archive.store import Store
from archive.web import create_app

ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE_TITLE = "关于<script>alert(1)</script>的测试会议"
HOSTILE_RECORD = {
    "title": HOSTILE_TITLE,
    "content": "浦东新区召开测试会议。会上强调，<b>粗体</b>与<img src=x onerror=alert(1)>都只是文字。",
    "published": "2025-03-04",
    "url": "https://example.org/hostile/1",
    "department": "市测试局",
}


@pytest.fixture(scope="session")
def web_data(tmp_path_factory: pytest.TempPathFactory, seed_path: Path) -> Path:
    """A data dir with the demo articles, the seed and a record full of markup, imported for real."""
    data = tmp_path_factory.mktemp("webdata")
    extra = tmp_path_factory.mktemp("webextra") / "hostile.jsonl"
    extra.write_text(json.dumps(HOSTILE_RECORD, ensure_ascii=False) + "\n", encoding="utf-8")
    report = ingest(iter_documents([demo_dir(), seed_path, extra]), data)
    assert report.failed == 0, report.failures
    assert report.imported >= 30
    return data


@pytest.fixture(scope="session")
def app(web_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    instance = tmp_path_factory.mktemp("instance")
    application = create_app({"DATA_DIR": web_data, "INSTANCE_PATH": instance, "TESTING": True})
    yield application
    application.extensions["archive"].close()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture(scope="session")
def service(web_data: Path) -> Iterator[SearchService]:
    opened = SearchService(web_data)
    yield opened
    opened.close()


def soup(client: FlaskClient, url: str, status: int = 200) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code, response.get_data(as_text=True)[:500])
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def facet_values(page: BeautifulSoup, name: str) -> list[dict[str, Any]]:
    section = page.select_one(f'section.facet[data-facet="{name}"]')
    if section is None:
        return []
    out = []
    for item in section.select("li"):
        link = item.select_one("a")
        assert link is not None
        out.append(
            {
                "value": item.select_one(".value").get_text(),  # type: ignore[union-attr]
                "count": int(item.select_one(".count").get_text()),  # type: ignore[union-attr]
                "selected": "selected" in (item.get("class") or []),
                "url": link["href"],
            }
        )
    return out


def total_of(page: BeautifulSoup) -> int:
    strong = page.select_one(".summary .total strong")
    assert strong is not None
    return int(strong.get_text())


# ---- the search page ----------------------------------------------------------------------------------


def test_home_page_has_box_facets_and_newest_sections(client: FlaskClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert page.select_one('form[role="search"] input[name="q"]') is not None
    link = page.select_one('link[rel="search"]')
    assert link is not None and link["href"] == "/opensearch.xml"
    assert facet_values(page, "district"), "the home page offers the archive's districts to browse"
    dates = [t["datetime"] for t in page.select(".hit time")]
    assert dates and dates == sorted(dates, reverse=True)
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_search_shows_highlighted_snippets_in_the_original_script(client: FlaskClient) -> None:
    page = soup(client, "/?q=陈吉宁")
    assert total_of(page) > 0
    marks = [m.get_text() for m in page.select(".hit .snippet mark")]
    assert marks and set(marks) <= {"陈吉宁", "陳吉寧"}
    assert "陳吉寧" in marks, "the seed is in traditional script; its highlight stays in that script"
    first = page.select_one(".hit .title a")
    assert first is not None and re.match(r"^/article/[0-9a-f]+\?q=.+#s\d+$", str(first["href"]))


def test_result_shows_date_meeting_and_chips(client: FlaskClient) -> None:
    page = soup(client, "/?q=浦东新区")
    hits = page.select(".hit")
    assert hits
    assert all(hit.select_one("time") for hit in hits)
    chips = {a.get_text() for a in page.select(".hit .chip-district")}
    assert "浦东新区" in chips


def test_district_facet_toggles_and_its_count_is_the_filtered_total(client: FlaskClient) -> None:
    page = soup(client, "/?q=会议")
    before = total_of(page)
    districts = facet_values(page, "district")
    assert len(districts) >= 2
    chosen = districts[1]
    assert not chosen["selected"]
    filtered = soup(client, chosen["url"])
    assert total_of(filtered) == chosen["count"] < before
    query = parse_qs(urlsplit(chosen["url"]).query)
    assert query["q"] == ["会议"] and query["district"] == [chosen["value"]]
    again = [v for v in facet_values(filtered, "district") if v["value"] == chosen["value"]]
    assert again and again[0]["selected"]
    # The condition is listed with a link removing it; the selected value's link toggles it off.
    assert chosen["value"] in filtered.select_one(".conditions").get_text()  # type: ignore[union-attr]
    assert total_of(soup(client, again[0]["url"])) == before


def test_facets_for_every_field(client: FlaskClient) -> None:
    page = soup(client, "/?q=会议")
    for name in ("unit", "speaker", "theme", "district", "year"):
        values = facet_values(page, name)
        assert values, f"no {name} facet"
        assert all(v["count"] > 0 for v in values)


def test_two_filters_on_different_fields_combine(client: FlaskClient, service: SearchService) -> None:
    page = soup(client, "/?q=会议")
    year = facet_values(page, "year")[0]
    district = facet_values(soup(client, year["url"]), "district")[0]
    both = soup(client, district["url"])
    expected = service.search("会议", filters={"year": [year["value"]], "district": [district["value"]]})
    assert total_of(both) == expected["total"] == district["count"]


def test_pages_and_sort(client: FlaskClient) -> None:
    first = soup(client, "/?q=会议&per_page=5")
    assert total_of(first) > 10
    next_link = first.select_one(".pagination a[rel=next]")
    assert next_link is not None
    second = soup(client, str(next_link["href"]))
    assert second.select_one('.pagination [aria-current="page"]').get_text() == "2"  # type: ignore[union-attr]
    links_1 = [a["href"] for a in first.select(".hit .title a")]
    links_2 = [a["href"] for a in second.select(".hit .title a")]
    assert len(links_2) == 5 and not set(links_1) & set(links_2)
    by_date = soup(client, "/?q=会议&sort=date")
    dates = [t["datetime"] for t in by_date.select(".hit time")]
    assert dates == sorted(dates, reverse=True)
    assert by_date.select_one('.sort [aria-current="true"]').get_text() == "时间"  # type: ignore[union-attr]


def test_date_range(client: FlaskClient) -> None:
    everything = soup(client, "/?q=会议&sort=date")
    newest = everything.select(".hit time")[0]["datetime"]
    page = soup(client, f"/?q=会议&sort=date&from={newest}&to={newest}")
    dates = {t["datetime"] for t in page.select(".hit time")}
    assert dates == {newest}
    assert total_of(page) < total_of(everything)
    year = soup(client, f"/?q=会议&from={str(newest)[:4]}")
    assert {str(t["datetime"])[:4] for t in year.select(".hit time")} == {str(newest)[:4]}


def test_nothing_found_says_what_and_offers_to_drop_each_condition(client: FlaskClient) -> None:
    page = soup(client, "/?q=龍&district=不存在区&year=1999")
    empty = page.select_one(".empty")
    assert empty is not None and "没有找到" in empty.get_text()
    assert "龙" in empty.select_one(".searched").get_text()  # type: ignore[union-attr]  # after folding
    removals = {a.parent.get_text(): a["href"] for a in empty.select(".removals a")}  # type: ignore[union-attr]
    assert len(removals) == 3
    url = next(href for text, href in removals.items() if "不存在区" in text)
    assert "district" not in parse_qs(urlsplit(str(url)).query)
    assert "year" in parse_qs(urlsplit(str(url)).query)


def test_page_beyond_the_last(client: FlaskClient) -> None:
    page = soup(client, "/?q=会议&page=500")
    assert "这一页没有结果" in page.get_text()


# ---- articles, speakers, units ------------------------------------------------------------------------


def first_hit_link(client: FlaskClient, query: str) -> str:
    link = soup(client, f"/?q={query}").select_one(".hit .title a")
    assert link is not None
    return str(link["href"])


def test_article_page_opens_at_the_section_with_the_query_highlighted(client: FlaskClient, web_data: Path) -> None:
    href = first_hit_link(client, "统计局")
    path, _, anchor = href.partition("#")
    page = soup(client, path)
    section = page.select_one(f"section#{anchor}")
    assert section is not None
    assert section.select("mark"), "the query is highlighted in the section the hit pointed to"
    assert page.select_one("h1") is not None
    anchors = [s["id"] for s in page.select("section.part")]
    assert anchors[0] == "s0" and len(anchors) == len(set(anchors)) > 1
    with Store(web_data) as store:
        stored = store.get(path.split("/")[-1].split("?")[0])
    assert stored is not None
    assert stored.url in page.select_one(".facts").get_text()  # type: ignore[union-attr]
    if stored.url.startswith("http"):
        assert page.select_one("a.original")["href"] == stored.url  # type: ignore[index]


def test_original_links_only_for_web_addresses(client: FlaskClient, web_data: Path) -> None:
    with Store(web_data) as store:
        articles = list(store.iter_articles())
    web = next(a for a in articles if a.url.startswith("https://"))
    local = next(a for a in articles if a.url.startswith("file://"))
    assert soup(client, f"/article/{web.id}").select_one("a.original")["href"] == web.url  # type: ignore[index]
    page = soup(client, f"/article/{local.id}")
    assert page.select_one("a.original") is None
    assert local.url in page.select_one(".facts").get_text()  # type: ignore[union-attr]


def test_article_metadata_links_into_filtered_searches(client: FlaskClient, web_data: Path) -> None:
    with Store(web_data) as store:
        article = next(a for a in store.iter_articles() if a.speakers and a.districts)
    page = soup(client, f"/article/{article.id}")
    header = page.select_one("article > header")
    assert header is not None
    speaker = header.select_one(".chip-speaker")
    assert speaker is not None and speaker.get_text() in article.speakers
    filtered = soup(client, str(speaker["href"]))
    assert total_of(filtered) > 0
    chosen = [v for v in facet_values(filtered, "speaker") if v["selected"]]
    assert [v["value"] for v in chosen] == [speaker.get_text()]
    assert not page.select("mark"), "no query, no highlight"


def test_article_json_is_the_extract_format(client: FlaskClient, web_data: Path) -> None:
    with Store(web_data) as store:
        article = next(store.iter_articles())
    response = client.get(f"/api/article/{article.id}")
    assert response.status_code == 200
    assert response.get_json() == json.loads(json.dumps(article.to_dict()))


def test_unknown_ids_give_404(client: FlaskClient) -> None:
    page = soup(client, "/article/0123456789abcdef", status=404)
    assert "0123456789abcdef" in page.select_one(".message").get_text()  # type: ignore[union-attr]
    response = client.get("/api/article/0123456789abcdef")
    assert response.status_code == 404
    assert response.get_json()["error"]["status"] == 404
    assert client.get("/no/such/page").status_code == 404
    assert client.get("/speaker/从未发言的人").status_code == 404
    assert client.get("/unit/不存在的单位").status_code == 404


def shown_sections(page: BeautifulSoup) -> list[str]:
    """Section ids of a speaker/unit page, in order, from the links to each section."""
    out = []
    for link in page.select(".said a.to-section"):
        path, _, anchor = str(link["href"]).partition("#")
        out.append(f"{path.split('/')[-1].split('?')[0]}#{anchor.removeprefix('s')}")
    return out


def test_speaker_page_newest_first_with_themes(client: FlaskClient, service: SearchService) -> None:
    speakers = facet_values(soup(client, "/?q=会议"), "speaker")
    name = speakers[0]["value"]
    page = soup(client, f"/speaker/{name}")
    assert page.select_one("h1").get_text() == name  # type: ignore[union-attr]
    expected = service.search("", filters={"speaker": [name]}, sort="date", per_page=20)
    assert shown_sections(page) == [hit["section_id"] for hit in expected["hits"]]
    dates = [t["datetime"] for t in page.select(".hit time")]
    assert dates and dates == sorted(dates, reverse=True)
    assert page.select(".themes .chip-theme") and page.select(".said .chip-theme")
    titles = [t.get_text() for t in page.select(".group > .title")]
    assert len(titles) < len(shown_sections(page)), "sections of one article are grouped under its title"
    second = soup(client, f"/speaker/{name}?page=2")
    later = service.search("", filters={"speaker": [name]}, sort="date", per_page=20, page=2)
    assert shown_sections(second) == [hit["section_id"] for hit in later["hits"]]


def test_unit_page(client: FlaskClient, service: SearchService) -> None:
    units = facet_values(soup(client, "/?q=会议"), "unit")
    name = units[0]["value"]
    page = soup(client, f"/unit/{name}")
    assert page.select_one("h1").get_text() == name  # type: ignore[union-attr]
    total = int(page.select_one(".person .summary strong").get_text())  # type: ignore[union-attr]
    expected = service.search("", filters={"unit": [name]}, sort="date", per_page=20)
    assert total == expected["total"] >= units[0]["count"]
    assert shown_sections(page) == [hit["section_id"] for hit in expected["hits"]]


# ---- API, browser search box, feed, CSV -------------------------------------------------------------


def test_api_search_is_the_query_service_json(client: FlaskClient, service: SearchService) -> None:
    response = client.get("/api/search?q=会议&district=浦东新区&sort=date&page=1&per_page=3")
    assert response.status_code == 200
    body = response.get_json()
    expected = service.search("会议", filters={"district": ["浦东新区"]}, sort="date", page=1, per_page=3)
    body.pop("took_ms", None)
    expected.pop("took_ms", None)
    assert body == json.loads(json.dumps(expected))
    assert {"query", "total", "page", "per_page", "hits", "facets"} <= set(body)
    assert len(body["hits"]) == 3


def test_api_search_matches_the_cli_json(client: FlaskClient, web_data: Path) -> None:
    cli = subprocess.run(
        [
            sys.executable,
            "-m",
            "archive",
            "--data",
            str(web_data),
            "search",
            "会议",
            "--filter",
            "year=2025",
            "--from",
            "2025-03",
            "--sort",
            "date",
            "--limit",
            "4",
            "--page",
            "2",
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    expected = json.loads(cli.stdout)
    body = client.get("/api/search?q=会议&year=2025&from=2025-03&sort=date&per_page=4&page=2").get_json()
    for result in (expected, body):
        result.pop("took_ms", None)
    assert body == expected


def test_api_search_repeated_parameters(client: FlaskClient, service: SearchService) -> None:
    districts = [f["value"] for f in service.search("会议")["facets"]["district"][:2]]
    body = client.get(f"/api/search?q=会议&district={districts[0]}&district={districts[1]}").get_json()
    assert body["total"] == service.search("会议", filters={"district": districts})["total"]


def test_suggestions_in_opensearch_format(client: FlaskClient) -> None:
    response = client.get("/api/suggest?q=浦东")
    assert response.status_code == 200
    query, completions = response.get_json()
    assert query == "浦东"
    assert completions and all(isinstance(c, str) for c in completions)
    assert all("浦东" in c or "浦東" in c for c in completions)
    assert "浦东新区区委" in completions, "units are suggested"
    traditional = client.get("/api/suggest?q=浦東").get_json()
    assert traditional[0] == "浦東" and traditional[1] == completions
    assert client.get("/api/suggest?q=").get_json() == ["", []]


def test_opensearch_description(client: FlaskClient) -> None:
    response = client.get("/opensearch.xml")
    assert response.status_code == 200
    assert response.mimetype == "application/opensearchdescription+xml"
    root = ET.fromstring(response.data)  # noqa: S314 - our own response
    ns = "{http://a9.com/-/spec/opensearch/1.1/}"
    templates = {u.get("type"): u.get("template") for u in root.iter(f"{ns}Url")}
    assert templates["text/html"] == "http://localhost/?q={searchTerms}"
    assert templates["application/x-suggestions+json"] == "http://localhost/api/suggest?q={searchTerms}"


def test_atom_feed_newest_first(client: FlaskClient) -> None:
    response = client.get("/feed?q=会议")
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    root = ET.fromstring(response.data)  # noqa: S314 - our own response
    entries = root.findall(f"{ATOM}entry")
    assert entries
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == sorted(updated, reverse=True)  # type: ignore[type-var]
    link = entries[0].find(f"{ATOM}link")
    assert link is not None and "/article/" in str(link.get("href"))
    assert "<mark>" in (entries[0].findtext(f"{ATOM}summary") or "")


def test_csv_export_has_every_hit(client: FlaskClient, service: SearchService) -> None:
    response = client.get("/export.csv?q=会议")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert len(rows) == service.search("会议")["total"]
    assert {"date", "title", "heading", "speakers", "units", "snippet", "link"} <= set(rows[0])
    assert "<mark>" not in rows[0]["snippet"]


def test_csv_export_is_capped(app: Flask, client: FlaskClient) -> None:
    app.config["EXPORT_LIMIT"] = 7
    try:
        response = client.get("/export.csv?q=会议")
    finally:
        app.config["EXPORT_LIMIT"] = 5_000
    assert len(list(csv.reader(io.StringIO(response.get_data(as_text=True))))) == 1 + 7


# ---- safety ---------------------------------------------------------------------------------------------

BAD = [
    "page=-1",
    "page=abc",
    "page=0",
    "per_page=100000",
    "from=notadate",
    "to=2025-13-40",
    "from=2025-05-01&to=2025-01-01",
    "sort=loudest",
    "year=20x6",
    "q=" + "长" * 20_000,
    "q=%22%E6%B5%A6%E4%B8%9C",  # "浦东 : an unbalanced quote
]


@pytest.mark.parametrize("query", BAD, ids=lambda q: q[:30])
def test_bad_parameters_give_400_page(client: FlaskClient, query: str) -> None:
    response = client.get(f"/?{query}")
    assert response.status_code == 400
    page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert page.select_one(".error .message").get_text().strip()  # type: ignore[union-attr]
    assert "Traceback" not in page.get_text()


@pytest.mark.parametrize("query", BAD, ids=lambda q: q[:30])
def test_bad_parameters_give_400_json(client: FlaskClient, query: str) -> None:
    response = client.get(f"/api/search?{query}")
    assert response.status_code == 400
    assert response.get_json()["error"]["message"]


@pytest.mark.parametrize("path", ["/feed?page=-1", "/export.csv?from=x", "/speaker/x?page=0", "/article/x?sort=no"])
def test_bad_parameters_elsewhere_give_400(client: FlaskClient, path: str) -> None:
    assert client.get(path).status_code == 400


def test_everything_from_articles_is_escaped(client: FlaskClient) -> None:
    response = client.get("/?q=粗体")
    text = response.get_data(as_text=True)
    assert "<script>alert" not in text and "<b>粗体" not in text and "<img" not in text
    page = BeautifulSoup(text, "html.parser")
    assert HOSTILE_TITLE in page.select_one(".hit .title").get_text()  # type: ignore[union-attr]
    snippet = page.select_one(".hit .snippet")
    assert snippet is not None
    assert {tag.name for tag in snippet.find_all(True)} == {"mark"}
    article = client.get(str(page.select_one(".hit .title a")["href"])).get_data(as_text=True)  # type: ignore[index]
    assert "<script>alert" not in article and "&lt;b&gt;" in article
    feed = client.get("/feed?q=粗体").data
    assert b"<script>" not in feed


def test_queries_are_escaped_back_to_the_user(client: FlaskClient) -> None:
    text = client.get("/?q=<script>x</script>").get_data(as_text=True)
    assert "<script>x" not in text


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"])
def test_read_only(client: FlaskClient, method: str) -> None:
    for path in ("/", "/api/search", "/article/x"):
        response = client.open(path, method=method)
        assert response.status_code == 405
        assert response.headers["Allow"] == "GET, HEAD"
    assert client.head("/?q=会议").status_code == 200


# ---- lifecycle ----------------------------------------------------------------------------------------


def test_new_commits_show_up_without_restart(tmp_path: Path, seed_path: Path) -> None:
    data = tmp_path / "data"
    extra = tmp_path / "later.jsonl"
    record = {**HOSTILE_RECORD, "title": "后来导入的会议报道", "content": "崇明区召开生态岛建设推进会。"}
    extra.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    ingest(iter_documents([seed_path]), data)
    app = create_app({"DATA_DIR": data, "INSTANCE_PATH": tmp_path / "instance"})
    client = app.test_client()
    try:
        assert total_of(soup(client, "/?q=生态岛")) == 0
        ingest(iter_documents([extra]), data)
        page = soup(client, "/?q=生态岛")
        assert total_of(page) == 1
        assert "后来导入的会议报道" in page.select_one(".hit .title").get_text()  # type: ignore[union-attr]
    finally:
        app.extensions["archive"].close()


def test_instance_templates_and_settings_override(tmp_path: Path, web_data: Path) -> None:
    instance = tmp_path / "instance"
    (instance / "templates").mkdir(parents=True)
    (instance / "templates" / "_hit.html").write_text(
        '<li class="hit custom"><a href="{{ hit.url }}">{{ hit.title }}</a></li>\n', encoding="utf-8"
    )
    (instance / "settings.toml").write_text('[web]\nsite_name = "浦东测试站"\n', encoding="utf-8")
    app = create_app({"DATA_DIR": web_data, "INSTANCE_PATH": instance})
    try:
        page = soup(app.test_client(), "/?q=会议")
        assert page.select("li.hit.custom")
        assert page.select_one(".brand").get_text() == "浦东测试站"  # type: ignore[union-attr]
    finally:
        app.extensions["archive"].close()


def test_an_empty_data_dir_gets_a_welcome_not_a_crash(tmp_path: Path) -> None:
    data = tmp_path / "empty"
    data.mkdir()
    app = create_app({"DATA_DIR": data, "INSTANCE_PATH": tmp_path / "instance"})
    client = app.test_client()
    try:
        home = soup(client, "/")
        assert "还没有可检索的文章" in home.get_text()
        assert "archive import" in home.get_text()
        response = client.get("/api/search?q=会议")
        assert response.status_code == 503
        assert "archive import" in response.get_json()["error"]["message"]
        assert client.get("/article/0123456789abcdef").status_code == 404
        assert client.get("/api/suggest?q=浦东").get_json() == ["浦东", []]
        assert list(data.iterdir()) == [], "reading never creates files"
    finally:
        app.extensions["archive"].close()


def test_filters_without_words_list_the_newest_first(client: FlaskClient, service: SearchService) -> None:
    page = soup(client, "/?district=浦东新区")
    expected = service.search("", filters={"district": ["浦东新区"]}, sort="date")
    assert total_of(page) == expected["total"] > 0
    dates = [t["datetime"] for t in page.select(".hit time")]
    assert dates == sorted(dates, reverse=True)
    assert page.select_one(".sort") is None, "no relevance to sort by without words"
