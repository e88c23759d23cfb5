"""The query service and ``archive search`` over a real index of the seed, Tainan, CCTV and a long report."""

from __future__ import annotations

import json
import lzma
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from archive.errors import QueryError
from archive.index import open_writer
from archive.models import Article, Meeting, Section, article_id_for
from archive.search import SearchService, parse_query

SEED_DISTRICTS = {"浦東新區": "浦东新区", "金山區": "金山区", "青浦區": "青浦区", "崇明區": "崇明区"}


def seed_article(seed_path: Path) -> Article:
    paragraphs = [p.strip() for p in seed_path.read_text(encoding="utf-8").splitlines()]
    paragraphs = [p for p in paragraphs if p and not p.startswith("![")][:20]
    sections = []
    for n, text in enumerate(paragraphs):
        sections.append(
            Section(
                id=f"seed#{n}",
                text=text,
                speakers=["陈吉宁"] if "陳吉寧" in text else [],
                districts=[simple for trad, simple in SEED_DISTRICTS.items() if trad in text],
                units=["市统计局"] if "市統計局" in text else [],
                themes=["城市安全"] if "城市安全" in text else [],
            )
        )
    return Article(
        id="seed",
        url="https://example.gov.cn/seed.html",
        title="新年首次市委季度工作會議1月5日下午舉行",
        published="2026-01-05",
        meeting=Meeting(name="市委季度工作会议", date="2026-01-05"),
        sections=sections,
    )


def jsonl_xz(path: Path, count: int) -> Iterator[dict[str, Any]]:
    with lzma.open(path, "rt", encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if n >= count:
                return
            yield json.loads(line)


def paragraphs_article(record: dict[str, Any], body: str, date: str | None, units: list[str]) -> Article:
    art_id = article_id_for(record["url"])
    parts = [p.strip() for p in body.split("\n") if p.strip()] or [""]
    return Article(
        id=art_id,
        url=record["url"],
        title=record["title"],
        published=date,
        units=units,
        sections=[Section(id=f"{art_id}#{i}", text=t) for i, t in enumerate(parts)],
    )


def long_report(corpus_dir: Path) -> Article:
    lines = (corpus_dir / "reports" / "government_work_reports.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    record = next(r for r in records if r["year"] == "1955")
    return Article(
        id="report1955",
        url=record["url"],
        title=record["title"],
        published="1955-07-05",
        sections=[Section(id="report1955#0", text=record["content"])],  # one very long section
    )


@pytest.fixture(scope="module")
def corpus_articles(seed_path: Path, corpus_dir: Path) -> list[Article]:
    articles = [seed_article(seed_path), long_report(corpus_dir)]
    for record in jsonl_xz(corpus_dir / "tainan" / "tainan_news_2018-2026.jsonl.xz", 60):
        department = record["department"].strip()
        articles.append(
            paragraphs_article(record, record["content"], record["published"], [department] * bool(department))
        )
    for record in jsonl_xz(corpus_dir / "cctv" / "ground_truth-2022-2024.jsonl.xz", 60):
        body = re.sub(r"<!--.*?-->|\*\*", "", record["body"])
        articles.append(paragraphs_article(record, body, record["date"], []))
    articles.append(
        Article(
            id="escape",
            url="https://example.gov.cn/escape.html",
            title="转义测试",
            published="2025-06-01",
            sections=[Section(id="escape#0", text='会上展示了<script>alert("x")</script>与A&B防汛预案')],
        )
    )
    return articles


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory, corpus_articles: list[Article]) -> Path:
    data = tmp_path_factory.mktemp("search") / "data"
    with open_writer(data, words=["陈吉宁", "龚正", "市统计局"]) as writer:
        for article in corpus_articles:
            writer.update_article(article)
    return data


@pytest.fixture(scope="module")
def service(index_dir: Path) -> Iterator[SearchService]:
    with SearchService(index_dir) as opened:
        yield opened


def folded_texts(articles: list[Article]) -> dict[str, str]:
    from archive.index.analysis import normalize

    return {s.id: normalize(f"{s.heading}\n{s.text}" if s.heading else s.text) for a in articles for s in a.sections}


def all_ids(service: SearchService, q: str, **options: Any) -> set[str]:
    result = service.search(q, per_page=1000, **options)
    assert result["total"] == len(result["hits"])
    return {h["section_id"] for h in result["hits"]}


# ---- matching -------------------------------------------------------------------------------------------
def test_result_has_the_json_contract(service: SearchService) -> None:
    result = service.search("陈吉宁")
    assert list(result)[:6] == ["query", "total", "page", "per_page", "hits", "facets"]
    hit = result["hits"][0]
    for key in (
        "article_id",
        "section_id",
        "title",
        "heading",
        "snippet",
        "date",
        "url",
        "speakers",
        "units",
        "districts",
        "themes",
        "score",
        "meeting",
        "attendees",
        "source",
    ):
        assert key in hit
    assert set(result["facets"]) >= {"speaker", "unit", "theme", "district", "year"}
    assert all(set(v) == {"value", "count"} for values in result["facets"].values() for v in values)
    json.dumps(result)


def test_either_script_finds_the_traditional_seed_and_marks_the_original(service: SearchService) -> None:
    simplified = all_ids(service, "陈吉宁")
    assert simplified and simplified == all_ids(service, "陳吉寧") == all_ids(service, '"陳吉寧"')
    hit = service.search("陈吉宁")["hits"][0]
    assert "<mark>陳吉寧</mark>" in hit["snippet"]


def test_quoted_phrase_single_character_and_substring_are_exact(
    service: SearchService, corpus_articles: list[Article]
) -> None:
    texts = folded_texts(corpus_articles)
    for query, needle in [
        ('"十五五"', "十五五"),
        ('"开局之年"', "开局之年"),
        ("统计", "统计"),  # inside 市統計局
        ("鹽", "盐"),  # one character, traditional query
        ('"1-11月"', "1-11月"),
        ("蔡英文", "蔡英文"),
    ]:
        expected = {sid for sid, text in texts.items() if needle in text}
        assert all_ids(service, query) == expected, query
    assert any("市统计局" in texts[sid] for sid in all_ids(service, "统计"))


def test_words_and_or_and_not(service: SearchService, corpus_articles: list[Article]) -> None:
    texts = folded_texts(corpus_articles)
    both = {sid for sid, t in texts.items() if "浦东" in t and "金山" in t}
    either = {sid for sid, t in texts.items() if "浦东" in t or "金山" in t}
    without = {sid for sid, t in texts.items() if "浦东" in t and "金山" not in t}
    assert all_ids(service, "浦东 金山") == all_ids(service, "浦东 AND 金山") == both
    assert all_ids(service, "浦东 OR 金山") == either
    assert all_ids(service, "浦东 -金山") == without
    assert all_ids(service, "(浦东 OR 金山) 陈吉宁") == {s for s in either if "陈吉宁" in texts[s]}


def test_field_filters_in_the_query_and_as_options_agree(service: SearchService) -> None:
    by_query = all_ids(service, "speaker:陳吉寧")
    by_filter = all_ids(service, "", filters={"speaker": ["陈吉宁"]})
    assert by_query == by_filter and len(by_query) >= 3
    assert all_ids(service, "unit:市统计局") == all_ids(service, "统计", filters={"unit": ["市統計局"]})
    assert all_ids(service, "year:2026") == all_ids(service, "", filters={"year": ["2026"]})
    result = service.search("会议", filters={"district": ["浦东新区"]})
    assert result["filters"] == {"district": ["浦东新区"]}


def test_facet_counts_equal_the_filtered_totals(service: SearchService) -> None:
    result = service.search("市")
    facets = result["facets"]
    assert facets["district"] and facets["speaker"] and facets["year"]
    for name in ("district", "speaker", "unit", "year"):
        for entry in facets[name]:
            filtered = service.search("市", filters={name: [entry["value"]]})
            assert filtered["total"] == entry["count"], (name, entry)
            # ...and combined with a second filter on another field, counts still agree.
    two = service.search("市", filters={"speaker": ["陈吉宁"]})
    for entry in two["facets"]["district"]:
        both = service.search("市", filters={"speaker": ["陈吉宁"], "district": [entry["value"]]})
        assert both["total"] == entry["count"]


def test_tainan_units_are_facets_in_folded_script(service: SearchService) -> None:
    result = service.search("臺南")
    units = {u["value"]: u["count"] for u in result["facets"]["unit"]}
    assert units and all(value == value.replace("臺", "台") for value in units)
    value, count = next(iter(units.items()))
    assert service.search("台南", filters={"unit": [value]})["total"] == count


# ---- snippets and highlighting ----------------------------------------------------------------------------
def test_snippets_are_escaped_and_mark_every_match(service: SearchService) -> None:
    hit = service.search("防汛 script")["hits"][0]
    assert hit["section_id"] == "escape#0"
    assert "&lt;<mark>script</mark>&gt;" in hit["snippet"]
    assert "<mark>防汛</mark>" in hit["snippet"]
    assert "A&amp;B" in hit["snippet"]
    assert "<script>" not in hit["snippet"]


def test_deep_match_in_a_very_long_document_is_shown(service: SearchService, corpus_articles: list[Article]) -> None:
    report = next(a for a in corpus_articles if a.id == "report1955")
    text = report.sections[0].text
    needle = "超额完成我国发展国民经济的第一个五年计划"
    assert text.find(needle) > 50_000
    hit = service.search(f'"{needle}"')["hits"][0]
    assert hit["section_id"] == "report1955#0"
    assert f"<mark>{needle}</mark>" in hit["snippet"]
    assert hit["snippet"].startswith("…") and len(re.sub(r"</?mark>", "", hit["snippet"])) < 250
    whole = service.highlight(text, needle)
    assert whole.count("<mark>") == text.count(needle) >= 1


def test_highlight_marks_overlapping_and_excludes_negated(service: SearchService) -> None:
    assert (
        service.highlight("陳吉寧與市統計局 <b>", "陈吉宁 统计 -局")
        == "<mark>陳吉寧</mark>與市<mark>統計</mark>局 &lt;b&gt;"
    )
    assert service.highlight("ababa", '"aba"') == "<mark>ababa</mark>"
    assert service.highlight("文字", '"未闭合') == "文字"


def test_suggest_completes_speakers_units_and_titles(service: SearchService) -> None:
    assert service.suggest("陳吉")[0] == "陈吉宁"
    assert "市统计局" in service.suggest("统计")
    titles = service.suggest("季度工作")
    assert "新年首次市委季度工作會議1月5日下午舉行" in titles
    assert service.suggest("") == []


# ---- sorting, paging, no results, errors ----------------------------------------------------------------
def test_date_sort_and_paging(service: SearchService) -> None:
    by_date = service.search("会", sort="date", per_page=1000)
    dates = [h["date"] or "" for h in by_date["hits"]]
    assert dates == sorted(dates, reverse=True) and len(set(dates)) > 5
    page1 = service.search("会", sort="date", per_page=7)
    page2 = service.search("会", sort="date", page=2, per_page=7)
    assert page1["total"] == page2["total"] == by_date["total"]
    ids = [h["section_id"] for h in by_date["hits"]]
    assert [h["section_id"] for h in page1["hits"] + page2["hits"]] == ids[:14]
    relevance1 = {h["section_id"] for h in service.search("会", per_page=10)["hits"]}
    relevance2 = {h["section_id"] for h in service.search("会", page=2, per_page=10)["hits"]}
    assert len(relevance1) == len(relevance2) == 10 and not relevance1 & relevance2
    beyond = service.search("会", page=10_000)
    assert beyond["hits"] == [] and beyond["total"] == by_date["total"]


def test_date_range_uses_published_dates(service: SearchService) -> None:
    inside = service.search("会", date_from="2022", date_to="2022-01", per_page=1000)
    assert inside["total"] and all("2022-01-01" <= h["date"] <= "2022-01-31" for h in inside["hits"])


def test_no_results_say_what_was_searched(service: SearchService) -> None:
    result = service.search("陳吉寧 不存在的詞語", filters={"district": ["浦東新區"]}, date_from="2026")
    assert result["total"] == 0 and result["hits"] == []
    assert result["searched"] == ["陈吉宁", "不存在的词语"]
    assert result["filters"] == {"district": ["浦东新区"]}
    assert result["date_from"] == "2026-01-01"
    assert all(values == [] for values in result["facets"].values())


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"((( AND', "unbalanced quote"),
        ("(((", "unbalanced parenthesis"),
        ("浦东)", "unbalanced parenthesis"),
        ("浦东 OR", "OR needs"),
        ("AND 浦东", "AND needs"),
        ("()", "empty parentheses"),
        ("speakr:陈吉宁", "unknown field 'speakr'"),
        ("speaker:", "has no value"),
    ],
)
def test_unparsable_queries_raise_one_line_errors(query: str, message: str) -> None:
    with pytest.raises(QueryError, match=re.escape(message)) as caught:
        parse_query(query)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"sort": "size"}, "unknown sort"),
        ({"page": 0}, "page must be"),
        ({"per_page": 0}, "per_page must be"),
        ({"date_from": "2026-13"}, "does not exist"),
        ({"date_to": "yesterday"}, "is not a date"),
        ({"date_from": "2026", "date_to": "2025"}, "is after"),
        ({"filters": {"colour": ["red"]}}, "unknown filter field"),
        ({"filters": {"year": ["26"]}}, "is not a year"),
    ],
)
def test_bad_parameters_raise_query_errors(service: SearchService, options: dict[str, Any], message: str) -> None:
    with pytest.raises(QueryError, match=re.escape(message)):
        service.search("会议", **options)


# ---- the command ----------------------------------------------------------------------------------------
def run_cli(index_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "archive", "--data", str(index_dir), "search", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_cli_prints_numbered_hits_with_marked_matches_and_facets(index_dir: Path) -> None:
    proc = run_cli(index_dir, "陈吉宁", "--filter", "district=浦东新区", "--limit", "2")
    assert proc.returncode == 0, proc.stderr
    assert "1. 新年首次市委季度工作會議" in proc.stdout
    assert "【陳吉寧】" in proc.stdout
    assert "facets:" in proc.stdout and "浦东新区 (1)" in proc.stdout


def test_cli_json_and_no_results(index_dir: Path) -> None:
    proc = run_cli(index_dir, "統計", "--json", "--sort", "date", "--limit", "3", "--page", "1")
    data = json.loads(proc.stdout)
    assert data["per_page"] == 3 and data["total"] >= 1 and data["sort"] == "date"
    proc = run_cli(index_dir, "不存在的詞語", "--filter", "speaker=陳吉寧")
    assert proc.returncode == 0
    assert proc.stdout.strip() == "no results for '不存在的詞語' (searched: 不存在的词语, filters: speaker=陈吉宁)"


@pytest.mark.parametrize(
    "args",
    [
        ['"((( AND'],
        ["会议", "--filter", "colour=red"],
        ["会议", "--filter", "nonsense"],
        ["会议", "--from", "2026-02-30"],
        ["会议", "--speaker", "陈吉宁"],
        ["会议", "--sorted=date"],
    ],
)
def test_cli_exits_2_with_one_line_for_bad_input(index_dir: Path, args: list[str]) -> None:
    proc = run_cli(index_dir, *args)
    assert proc.returncode == 2
    assert proc.stderr.startswith("Error: ") and proc.stderr.count("\n") == 1
    assert proc.stdout == ""


def test_broad_results_rank_by_words_and_page_through_every_match_once(service: SearchService) -> None:
    everything = service.search("会议", per_page=1000)
    expected = {h["section_id"] for h in everything["hits"]}
    assert everything["total"] == len(expected) > 40
    seen: list[str] = []
    for page in range(1, everything["total"] // 9 + 2):
        seen += [h["section_id"] for h in service.search("会议", page=page, per_page=9)["hits"]]
    assert len(seen) == len(set(seen)) and set(seen) == expected
    first = service.search("会议", per_page=5)["hits"]
    assert all("<mark>" in h["snippet"] or "会议" in h["title"] for h in first)


def test_cli_accepts_excluded_words_as_arguments(index_dir: Path, service: SearchService) -> None:
    proc = run_cli(index_dir, "浦东", "-金山", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["total"] == service.search("浦东 -金山")["total"] > 0
