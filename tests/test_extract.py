"""extract(): the seed dump, pages of our own making, JSONL records, metadata and sections."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archive.errors import ExtractError, InputError
from archive.extract import extract
from archive.extract.meta import clean_title, date_from_url, find_date, meeting_date
from archive.models import Article, Document, article_id_for


def from_file(path: Path, kind: str = "text") -> Article:
    return extract(Document(data=path.read_bytes(), kind=kind, name=str(path)))


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> Article:
    return from_file(seed_path)


def test_seed_title_source_url(seed: Article, seed_path: Path) -> None:
    assert seed.title == "新年首次市委季度工作會議1月5日下午舉行"
    assert seed.source == "上海發布"
    assert seed.url == seed_path.resolve().as_uri()
    assert seed.id == article_id_for(seed.url)
    # No published date in the dump, so the year of "1月5日" is unknown: no meeting date is invented.
    assert seed.published is None
    assert seed.meeting.date is None


def test_seed_boilerplate_is_gone(seed: Article) -> None:
    text = seed.text
    for chrome in ("![]()", "特別聲明", "Notice: The content above", "網易號", "來源"):
        assert chrome not in text
    # every sentence of the article is kept, first line included
    assert "新年首次市委季度工作會議1月5日下午舉行。" in text
    assert "市領導遲耀云、吳偉、陳通" in text
    assert "牢牢守住城市安全底線" in text


def test_seed_sections(seed: Article) -> None:
    kinds = [s.kind for s in seed.sections]
    assert seed.sections[0].kind == "lead"
    assert seed.sections[0].text.startswith("新年首次市委季度工作會議")
    assert "朱忠明出席會議" in seed.sections[0].text
    reports = [s for s in seed.sections if s.kind == "report"]
    assert [r.text[:4] for r in reports] == [
        "浦東新區",
        "金山區探",
        "青浦區深",
        "崇明區推",
        "市民族宗",
        "市統計局",
        "市國動辦",
    ]
    remarks = [s for s in seed.sections if s.kind == "remarks"]
    assert len(remarks) == 6
    assert remarks[0].heading is not None and remarks[0].heading.startswith("全市上下要沉下心來")
    assert remarks[1].heading == "保持自我加壓、奮勇爭先的姿態,更好發揮先手棋作用,為全國發展挑大梁、作貢獻"
    assert remarks[1].text.startswith("陳吉寧指出")
    assert kinds[-1] == "attendance"
    assert seed.sections[-1].text.startswith("市領導遲耀云")
    assert [s.id for s in seed.sections] == [f"{seed.id}#{n}" for n in range(len(seed.sections))]


def test_seed_meeting_date_uses_published_year(tmp_path: Path, seed_path: Path) -> None:
    dump = tmp_path / "dated.txt"
    dump.write_text(seed_path.read_text(encoding="utf-8") + "\n發布時間：2026-01-06 08:30\n", encoding="utf-8")
    article = from_file(dump)
    assert article.published == "2026-01-06"
    assert article.meeting.date == "2026-01-05"


def test_markdown_dump_with_heading_title(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    path.write_text(
        "# 区政府常务会议研究部署重点工作\n\n来源：示范区发布\n\n"
        "2月21日上午，区政府召开常务会议，研究部署一季度重点工作。区长主持会议并讲话。\n\n"
        "**抓好安全生产**\n\n会议强调，要压实各方责任，抓好节后复工复产安全。\n",
        encoding="utf-8",
    )
    article = from_file(path)
    assert article.title == "区政府常务会议研究部署重点工作"
    assert article.source == "示范区发布"
    assert "#" not in article.text and "**" not in article.text
    headed = [s for s in article.sections if s.heading == "抓好安全生产"]
    assert headed and headed[0].kind == "remarks"


def html_page(body: str, head: str = "", title: str = "示范市召开经济工作会议_示范市人民政府") -> bytes:
    return f"<html><head><title>{title}</title>{head}</head><body>{body}</body></html>".encode()


def record_doc(record: dict[str, str], name: str) -> Document:
    """A JSONL record as the importer hands it to the extractor."""
    return Document(data=json.dumps(record, ensure_ascii=False).encode(), kind="record", name=name)


PROSE = "会议指出，今年以来全市经济运行总体平稳、稳中有进，各项工作取得积极成效。会议要求，各部门要抓好落实。"
PROSE2 = "会议强调，要坚持稳中求进工作总基调，扎实推进各项重点任务，确保一季度实现良好开局。"
PROSE3 = "会议还研究了其他事项，要求各区各部门对照年度目标任务，逐项细化措施、压实责任。"


def test_html_chrome_is_dropped_and_metadata_found() -> None:
    body = (
        "<div class='crumbs'>当前位置：<a href='/'>首页</a> &gt; <a href='/xw'>要闻</a></div>"
        "<div class='main'><h1>示范市召开经济工作会议</h1>"
        "<div class='info'>发布时间：2026-02-10 09:00 来源：示范市政府办公室</div>"
        f"<div class='content'><p>{PROSE}</p><h3>推动高质量发展</h3><p>{PROSE2}</p><p>{PROSE3}</p>"
        "<p>责任编辑：王五</p></div>"
        "<div class='tools'>分享到：微信 微博 【打印本页】【关闭窗口】</div>"
        "<div class='related'><h4>相关新闻</h4><ul><li><a href='/a'>另一条新闻标题很长很长</a></li>"
        "<li><a href='/b'>又一条新闻标题很长很长</a></li></ul></div></div>"
        "<div class='footer'>版权所有：示范市人民政府 ICP备12345678号</div>"
    )
    article = extract(
        Document(data=html_page(body), kind="html", name="page.html", url="https://example.gov.cn/x/1.html")
    )
    assert article.title == "示范市召开经济工作会议"
    assert article.published == "2026-02-10"
    assert article.source == "示范市政府办公室"
    assert article.url == "https://example.gov.cn/x/1.html"
    text = article.text
    for sentence in (PROSE, PROSE2, PROSE3):
        assert sentence in text
    for chrome in ("当前位置", "责任编辑", "分享到", "打印本页", "关闭窗口", "相关新闻", "版权所有", "另一条新闻"):
        assert chrome not in text
    assert any(s.heading == "推动高质量发展" for s in article.sections)


def test_notice_keeps_its_closing_lines_and_drops_the_summary() -> None:
    body = (
        "<div class='main'><div class='info'>2023-03-10 19:30 来源：示范网</div>"
        "<p class='summary'>十四届全国人大一次会议选举产生国家主席。</p>"
        "<div class='text'><p>第一号</p><p>央视网消息：十四届全国人大一次会议选举产生国家主席。会议于今天下午举行。</p>"
        "<p>现予公告。</p><p>中华人民共和国第十四届全国人民代表大会第一次会议主席团</p>"
        "<p>2023年3月10日于北京</p></div></div>"
    )
    article = extract(Document(data=html_page(body, title="全国人民代表大会公告"), kind="html", name="n.html"))
    assert article.text.count("选举产生国家主席") == 1
    assert article.text.endswith("主席团\n2023年3月10日于北京")
    assert article.published == "2023-03-10"


def test_canonical_url_and_meta_date_win() -> None:
    head = (
        "<link rel='canonical' href='https://www.example.cn/2026/04/03/a.html'>"
        "<meta property='article:published_time' content='2026-04-03T09:00:00+08:00'>"
    )
    article = extract(
        Document(data=html_page(f"<div><p>{PROSE}</p><p>{PROSE2}</p></div>", head), kind="html", name="p.html")
    )
    assert article.url == "https://www.example.cn/2026/04/03/a.html"
    assert article.id == article_id_for(article.url)
    assert article.published == "2026-04-03"


def test_file_url_when_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(html_page(f"<div><p>{PROSE}</p></div>"))
    assert from_file(path, "html").url == path.resolve().as_uri()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026年2月21日 星期六", "2026-02-21"),
        ("2026/04/03 09:00", "2026-04-03"),
        ("发布时间：2026-02-10", "2026-02-10"),
        ("２０２６年１月５日", "2026-01-05"),
        ("2026.3.7", "2026-03-07"),
        ("2026年13月40日", None),
    ],
)
def test_dates_in_text(text: str, expected: str | None) -> None:
    assert find_date(text) == expected


def test_dates_in_urls() -> None:
    assert date_from_url("https://tv.cctv.com/2022/01/01/VIDE1.shtml") == "2022-01-01"
    assert date_from_url("http://www.gov.cn/xinwen/2026-02/21/content_1.htm") == "2026-02-21"
    assert date_from_url("http://www.sh.gov.cn/xwzx/20260221/abc.html") == "2026-02-21"
    assert date_from_url("https://example.cn/news/12345.html") is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("示范市召开经济工作会议_示范市人民政府", "示范市召开经济工作会议"),
        ("[视频]国务院常务会议召开_新闻频道_央视网(cctv.com)", "国务院常务会议召开"),
        ("【视频】李强主持召开国务院常务会议 | 新华网", "李强主持召开国务院常务会议"),
        ("“为祖国发展繁荣而不懈奋斗”——纪实", "“为祖国发展繁荣而不懈奋斗”——纪实"),
    ],
)
def test_title_suffixes(raw: str, expected: str) -> None:
    assert clean_title(raw, []) == expected


def test_meeting_date_from_text() -> None:
    assert meeting_date("新年首次市委季度工作会议1月5日下午举行。", "2026-01-06") == "2026-01-05"
    assert meeting_date("市委常委会12月30日召开会议。", "2026-01-02") == "2025-12-30"
    assert meeting_date("2025年3月5日上午，大会在人民大会堂开幕。", None) == "2025-03-05"
    assert meeting_date("1月5日下午举行。", None) is None


def test_jsonl_record_department_becomes_unit() -> None:
    record = {
        "published": "2024-05-02",
        "title": "臺南市政會議通過防災計畫",
        "department": "災害防救辦公室",
        "url": "https://www.tainan.gov.tw/News_Content.aspx?n=1&s=2",
        "content": "市長今天主持市政會議，會中通過年度防災計畫。\n各局處應於汛期前完成整備工作。",
    }
    doc = record_doc(record, "t.jsonl:1")
    article = extract(doc)
    assert article.title == "臺南市政會議通過防災計畫"
    assert article.published == "2024-05-02"
    assert article.units == ["災害防救辦公室"]
    assert article.url == record["url"]
    assert "會中通過年度防災計畫" in article.text


def test_character_references_left_in_text_read_as_their_characters() -> None:
    # (an export that escaped its text once more than the page: the reader sees … and &, not &hellip;)
    record = {
        "title": "市民講堂&ldquo;智慧城市&rdquo;開講",
        "content": "講座介紹智慧路燈&hellip;等應用。\n&ensp;&ensp;現場並開放Q&amp;A，民眾反應熱烈&#65281;",
    }
    doc = record_doc(record, "t.jsonl:2")
    article = extract(doc)
    assert article.title == "市民講堂“智慧城市”開講"
    assert article.text == "講座介紹智慧路燈…等應用。\n現場並開放Q&A，民眾反應熱烈！"
    # (a page whose source escaped them twice)
    page = html_page(f"<div><p>{PROSE}</p><p>{PROSE2}&amp;mdash;&amp;mdash;本报记者</p></div>")
    article = extract(Document(data=page, kind="html", name="twice.html"))
    assert "——本报记者" in article.text and "&" not in article.text


def test_script_and_style_kept_by_a_dump_are_dropped() -> None:
    content = "\n".join(
        [
            "var SITE_URL='https://example.gov.tw';var LANG=1;",
            ".skip-link a {",
            "position: absolute;",
            "}",
            "市府今天召開防汛會議，要求各區公所完成抽水機整備。",
            "$(function () {",
            "if (event.which == 13) {",
            "counter += step",
            "});",
            "Pumps: 120 units; sandbags: 30,000 (stored in 37 districts).",
            "詳見 https://example.gov.tw/News.aspx?n=12&sms=34 。",
        ]
    )
    doc = record_doc({"title": "防汛整備", "content": content}, "t.jsonl:4")
    assert extract(doc).text.split("\n") == [
        "市府今天召開防汛會議，要求各區公所完成抽水機整備。",
        "Pumps: 120 units; sandbags: 30,000 (stored in 37 districts).",
        "詳見 https://example.gov.tw/News.aspx?n=12&sms=34 。",
    ]


def test_a_record_holding_the_text_of_a_whole_page_keeps_its_article() -> None:
    chrome = [
        "市政府全球資訊網-河濱公園夜間封閉施工",
        "跳到主要內容區塊",
        "  \t\t市府動態\t\t市府新聞\t\t機關新聞\t\t熱門活動\t\t市政公告",
        "分享\t\tFacebook\t\tPlurk\t\tline\t\tEmail",
        "function dataloading(){",
        "}",
        ":::  \t\t首頁\t\t市府動態\t\t機關新聞",
        "河濱公園夜間封閉施工",
    ]
    body = ["工務局表示，河濱公園步道將於下週夜間封閉施工，請民眾改道通行。", "施工期間如有疑問，可撥打專線洽詢。"]
    record = {"title": "河濱公園夜間封閉施工", "content": "\n".join(chrome + body)}
    doc = record_doc(record, "t.jsonl:5")
    assert extract(doc).text.split("\n") == body
    # (the page's article holds nothing past its heading: the title is all there is)
    record["content"] = "\n".join(chrome)
    doc = record_doc(record, "t.jsonl:6")
    assert extract(doc).text == "河濱公園夜間封閉施工"
    # (a table's rows in an article that is no whole page stay, tabs and all)
    row = "出席委員\t\t姓名\t\t職稱\t\t王大同\t\t教授"
    record = {"title": "審議會紀錄", "content": f"本市都市計畫審議會今日召開第五次會議。\n{row}"}
    doc = record_doc(record, "t.jsonl:7")
    assert "王大同" in extract(doc).text


def test_record_without_content_fails() -> None:
    doc = Document(data=b'{"title": "x", "content": ""}', kind="record", name="t.jsonl:3")
    with pytest.raises(ExtractError, match=r"t\.jsonl:3"):
        extract(doc)


def test_empty_and_bodyless_inputs() -> None:
    with pytest.raises(InputError, match="empty"):
        extract(Document(data=b"  \n", kind="text", name="e.txt"))
    with pytest.raises(ExtractError, match="no article"):
        extract(Document(data=b"<html><body><script>var a=1;</script></body></html>", kind="html", name="s.html"))


def test_long_report_is_split_into_bounded_sections(corpus_dir: Path) -> None:
    line = (corpus_dir / "reports" / "government_work_reports.jsonl").read_text(encoding="utf-8").splitlines()[0]
    record = json.loads(line)
    article = extract(Document(data=line.encode(), kind="record", name="gwr.jsonl:1"))
    assert len(article.sections) >= 10
    assert max(len(s.text) for s in article.sections) <= 4000
    headings = [s.heading for s in article.sections if s.heading]
    assert any(h.startswith("一、") for h in headings)
    # nothing lost and nothing added: the report's text up to the wiki licence note, in order
    content = record["content"]
    assert "".join(article.text.split()) == "".join(content[: content.index("本作品")].split())
