"""The demo articles bundled with the package: enough of them, readable, in both scripts and several encodings,
each with a title, a date and a body, and each one extracting into an article split into sections."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import archive
from archive.extract import extract
from archive.fold import fold
from archive.models import Document

DEMO = Path(archive.__file__).parent / "data" / "demo"
HTML_SUFFIXES = {".html", ".htm", ".shtml"}
ARTICLE_SUFFIXES = HTML_SUFFIXES | {".txt"}
FILES = sorted(p for p in DEMO.iterdir() if p.suffix in ARTICLE_SUFFIXES) if DEMO.is_dir() else []

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)
_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
_TAG = re.compile(r"<script.*?</script>|<style.*?</style>|<[^>]+>", re.DOTALL | re.IGNORECASE)
_DATE = re.compile(r"(20\d\d)[-/年](\d{1,2})[-/月](\d{1,2})")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# Suffixes our invented portals add to <title> (matched on folded text); the article title comes before.
_SITE_SUFFIX = re.compile(r"(?:_示范市人民政府| - 示范新闻网|--示范日报网|--示范区政务网)$")
CHROME = ("打印本页", "关闭窗口", "版权所有", "分享到", "当前位置", "相关新闻", "责任编辑", "特别声明")
CHROME_MARKS = ("Notice:", "![]()")


def _declared_charset(data: bytes) -> str | None:
    found = _CHARSET.search(data[:2048])
    return found.group(1).decode("ascii").lower() if found else None


def _decode(path: Path) -> str:
    data = path.read_bytes()
    charset = _declared_charset(data) if path.suffix in HTML_SUFFIXES else "utf-8"
    assert charset, f"{path.name}: no <meta charset>"
    return data.decode(charset)  # strict: any byte that does not fit the declared charset fails


def _is_traditional(text: str) -> bool:
    """Text whose characters change under folding to simplified script in more than 5% of places."""
    hanzi = _CJK.findall(text)
    changed = sum(1 for ch in hanzi if fold(ch) != ch)
    return changed > 0.05 * len(hanzi)


def _page_title(html: str) -> str:
    """The article title of one of our pages: its <title> without the portal suffix."""
    found = _TITLE.search(html)
    assert found, "no <title>"
    full = found.group(1).strip()
    suffix = _SITE_SUFFIX.search(fold(full))
    assert suffix, f"<title> lacks the portal suffix: {full}"
    return full[: suffix.start()]


def _expected_date(path: Path) -> str:
    return path.name[:10]  # files are named after their publication date


def test_there_are_enough_articles_and_nothing_else() -> None:
    assert len(FILES) >= 30
    others = sorted(p.name for p in DEMO.iterdir() if p not in FILES)
    assert others == ["README.md"]


def test_the_folder_stays_small() -> None:
    assert sum(p.stat().st_size for p in DEMO.iterdir()) < 1_500_000


def test_readme_says_the_articles_are_fictional() -> None:
    readme = (DEMO / "README.md").read_text(encoding="utf-8")
    assert "fictional" in readme
    assert f"{len(FILES)} articles" in readme


def test_both_scripts_are_present() -> None:
    traditional = [p.name for p in FILES if _is_traditional(_decode(p))]
    assert 8 <= len(traditional) <= len(FILES) - 15, traditional


def test_html_pages_and_text_dumps_are_mixed() -> None:
    pages = [p for p in FILES if p.suffix in HTML_SUFFIXES]
    assert len(pages) >= 10
    assert len(FILES) - len(pages) >= 10


def test_legacy_encodings_are_present_and_really_used() -> None:
    declared: dict[str, list[Path]] = {}
    for path in FILES:
        if path.suffix in HTML_SUFFIXES:
            charset = _declared_charset(path.read_bytes())
            declared.setdefault(charset or "", []).append(path)
    for legacy in ("gbk", "gb18030", "big5"):
        assert legacy in declared, f"no demo page in {legacy}"
        for path in declared[legacy]:
            with pytest.raises(UnicodeDecodeError):
                path.read_bytes().decode("utf-8")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_file_has_a_title_a_date_and_a_body(path: Path) -> None:
    text = _decode(path)
    if path.suffix in HTML_SUFFIXES:
        title = _page_title(text)
        body = _TAG.sub("\n", text)
    else:
        title, _, body = text.partition("\n")
        assert len(title) <= 60 and not title.endswith("。"), f"{path.name}: first line is not a title"
        assert re.search(r"^(?:来源|來源)：", body, re.MULTILINE), f"{path.name}: no 来源 line"
    assert 10 <= len(title) <= 60
    date = _DATE.search(body)
    assert date, f"{path.name}: no publication date"
    year, month, day = date.groups()
    assert f"{year}-{int(month):02d}-{int(day):02d}" == _expected_date(path)
    assert len(_CJK.findall(body)) >= 800, f"{path.name}: body too short"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_file_extracts_to_an_article_with_sections(path: Path) -> None:
    kind = "html" if path.suffix in HTML_SUFFIXES else "text"
    article = extract(Document(data=path.read_bytes(), kind=kind, name=str(path)))
    assert len(article.sections) >= 3
    assert sum(1 for s in article.sections if s.heading) >= 2, "sub-headings with leaders' remarks not found"
    assert article.published == _expected_date(path)
    assert article.title and _SITE_SUFFIX.search(fold(article.title)) is None
    text = _decode(path)
    assert article.title == (_page_title(text) if kind == "html" else text.partition("\n")[0])
    folded = fold(article.text)
    assert not [c for c in (*CHROME, *CHROME_MARKS) if c in folded], f"page chrome left in {path.name}"
    assert folded.rstrip().endswith(("出席会议。", "参加会议。", "列席会议。", "研究了其他事项。", "参加座谈会。")), (
        f"{path.name}: the closing line is missing"
    )
