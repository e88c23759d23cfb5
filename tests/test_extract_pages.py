"""Whole real pages (trafilatura-style): the article's sentences are there, the page's chrome is not."""

from __future__ import annotations

import json
import lzma
import re
import tarfile
from pathlib import Path
from typing import Any

import pytest

from archive.extract import extract
from archive.models import Article, Document

CHROME = re.compile(
    r"当前位置|您的位置|您所在的位置|相关新闻|相关阅读|推荐阅读|分享到|打印本页|关闭窗口|版权所有|责任编辑"
    r"|Copyright|ICP备|上一篇|下一篇|扫一扫|返回顶部|网友评论|发表评论|我要跟帖|特别声明|不感兴趣"
    r"|\d{4}-\d{2}-\d{2} \d{2}:\d{2}"  # dated bylines and comment stamps
)
GNE_DIRS = ("tests", "visiable_test")


def page_article(path: Path, url: str | None = None) -> Article:
    return extract(Document(data=path.read_bytes(), kind="html", name=str(path), url=url))


def gne_pages(corpus: Path) -> list[Path]:
    base = corpus / "extraction" / "gne"
    return sorted(p for d in GNE_DIRS for p in (base / d).rglob("*.html"))


def test_no_chrome_left_in_any_gne_page(corpus_dir: Path) -> None:
    pages = gne_pages(corpus_dir)
    assert len(pages) >= 65
    problems: list[str] = []
    for path in pages:
        article = page_article(path)
        if len(article.text) < 100:
            problems.append(f"{path}: only {len(article.text)} characters")
        for line in article.text.split("\n"):
            if CHROME.search(line):
                problems.append(f"{path}: {line[:80]}")
    assert problems == []


@pytest.mark.parametrize(
    ("page", "sentence"),
    [
        ("tests/xinhuanet/1.html", "法国9日再次爆发全国跨行业大罢工"),
        ("tests/163/8.html", "新华社北京2月29日电"),
        ("tests/other/1.html", "批准发行15500亿元特别国债购买外汇"),
        ("tests/sina/1.html", "西班牙南部马拉加已经陆续修建了400多座"),
        ("tests/thepaper/5.html", "味觉嗅觉丧失更具特异性"),
        ("tests/people/1.html", "父亲的教诲像一盏灯"),
        ("tests/sxmu/1.html", "本法自公布之日起施行"),
    ],
)
def test_gne_article_sentences_are_kept(corpus_dir: Path, page: str, sentence: str) -> None:
    article = page_article(corpus_dir / "extraction" / "gne" / page)
    assert sentence in "".join(article.text.split())


@pytest.mark.parametrize(
    ("key", "sentence", "published"),
    [
        ("064b591b-3cac-4a08-88d0-41c193a2350d", "可13岁的李某却成了妈妈", "2005-07-31"),
        ("6dc2d508-abb9-467c-bbea-1fedfcec5f9d", "主要讲述八路军总司令朱德率领", None),  # undeclared GBK
        ("0d931936-d510-4904-a714-88bb267b62da", "正是彩票让本文的主人公孙启勤", "2005-03-21"),
    ],
)
def test_cwced_pages(corpus_dir: Path, key: str, sentence: str, published: str | None) -> None:
    article = page_article(corpus_dir / "extraction" / "cwced" / "original" / f"{key}.html")
    assert sentence in "".join(article.text.split())
    if published:
        assert article.published == published
    assert not CHROME.search(article.text)


CCTV_SAMPLE = 6


@pytest.fixture(scope="module")
def cctv_pages(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, dict[str, Any]]]:
    with lzma.open(corpus_dir / "cctv" / "ground_truth-2022-2024.jsonl.xz", "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for _, line in zip(range(400), fh, strict=False)]
    wanted = {r["id"]: r for r in rows[::60] if "NOTFOUND" not in r["body"]}
    assert len(wanted) >= CCTV_SAMPLE - 1
    out = tmp_path_factory.mktemp("cctv")
    found: list[tuple[Path, dict[str, Any]]] = []
    with tarfile.open(corpus_dir / "cctv" / "pages-2022-2024.tar.xz", "r|xz") as tar:
        for member in tar:
            key = Path(member.name).stem
            if key in wanted and member.isfile():
                source = tar.extractfile(member)
                assert source is not None
                path = out / Path(member.name).name
                path.write_bytes(source.read())
                found.append((path, wanted[key]))
                if len(found) == len(wanted):
                    break
    return found


def test_cctv_pages_match_ground_truth(cctv_pages: list[tuple[Path, dict[str, Any]]]) -> None:
    assert cctv_pages
    for path, truth in cctv_pages:
        article = page_article(path, truth["url"])
        assert article.title == truth["title"].removeprefix("[视频]")
        assert article.published == truth["date"]
        assert article.source == "央视网"
        squeezed = "".join(article.text.split())
        for line in truth["body"].split("\n"):
            line = re.sub(r"<!--.*?-->|\*\*", "", line).strip()
            if line and line != "---" and not line.startswith("更新时间"):
                assert "".join(line.split()) in squeezed, f"{path.name}: {line[:40]}"
        assert "视频简介" not in article.text
