"""Decoding pages in the encodings Chinese sites use, declared, mislabelled or undeclared."""

from __future__ import annotations

import codecs

import pytest

from archive.errors import InputError
from archive.extract import extract
from archive.extract.decode import decode_bytes
from archive.models import Document

BODY = (
    "国务院总理朱镕基主持召开国务院常务会议，研究部署进一步做好经济工作。会议指出，要坚持稳中求进，"
    "扩大国内需求，保持国民经济持续快速健康发展。会议强调，各地区各部门要把思想统一到中央的决策部署上来。"
)
TRADITIONAL = (
    "臺南市政府今天舉行市政會議，市長主持會議並聽取各局處業務報告。會議決定加快推動公共運輸建設，"
    "改善市民通勤環境，並請各局處於下次會議提出具體執行進度。"
)


def page(charset_meta: str, body: str, title: str = "国务院常务会议", site: str = "示范市人民政府") -> str:
    return (
        f"<html><head>{charset_meta}<title>{title}_{site}</title></head><body>"
        f"<div class='nav'><a href='/'>Home</a> <a href='/news'>News</a></div>"
        f"<div class='article'><h1>{title}</h1><p>{body}</p><p>{body}</p></div></body></html>"
    )


def test_gb2312_declared_page_keeps_gbk_only_characters() -> None:
    # 镕 is not in GB2312: a strict gb2312 decoder would lose it.
    data = page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', BODY).encode("gbk")
    with pytest.raises(UnicodeDecodeError):
        data.decode("gb2312")
    text = decode_bytes(data)
    assert "朱镕基" in text
    article = extract(Document(data=data, kind="html", name="gb2312.html"))
    assert "朱镕基" in article.text
    assert article.title == "国务院常务会议"


def test_big5_page_declared_in_meta() -> None:
    data = page('<meta charset="big5">', TRADITIONAL, title="臺南市政會議", site="臺南市政府").encode("big5")
    article = extract(Document(data=data, kind="html", name="big5.html"))
    assert "臺南市政府今天舉行市政會議" in article.text
    assert article.title == "臺南市政會議"


def test_undeclared_gbk_page_is_detected() -> None:
    data = page("", BODY).encode("gbk")
    assert "朱镕基主持召开国务院常务会议" in decode_bytes(data)


def test_undeclared_big5_page_is_detected() -> None:
    data = page("", TRADITIONAL, title="臺南市政會議", site="臺南市政府").encode("big5")
    assert "並聽取各局處業務報告" in decode_bytes(data)


def test_utf8_with_bom_and_wrong_declaration() -> None:
    # The byte-order mark wins over a <meta> that claims another charset.
    data = codecs.BOM_UTF8 + page('<meta charset="gbk">', BODY).encode("utf-8")
    text = decode_bytes(data)
    assert text.startswith("<html>")
    assert "朱镕基" in text


def test_http_header_charset_wins_over_meta() -> None:
    data = page('<meta charset="utf-8">', BODY).encode("gb18030")
    assert "朱镕基" in decode_bytes(data, "text/html; charset=GBK")


def test_utf8_page_mislabelled_as_gbk_still_reads() -> None:
    data = page('<meta charset="gbk">', BODY).encode("utf-8")
    assert "朱镕基主持召开" in decode_bytes(data)


def test_binary_data_is_refused() -> None:
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
