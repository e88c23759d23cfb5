"""Title, published date, source and URL of an article, from meta tags, the page text and its URL."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from archive.extract import patterns
from archive.extract.patterns import fold

# --- dates -------------------------------------------------------------------------------------------------

_SEP = r"\s*[-/.年]\s*"
_DATE_TEXT = re.compile(
    r"(?<![\d])((?:19|20)\d{2})" + _SEP + r"(\d{1,2})" + r"\s*[-/.月]\s*" + r"(\d{1,2})(?![\d])\s*日?"
)
_DATE_COMPACT = re.compile(r"(?<![\d])((?:19|20)\d{2})(\d{2})(\d{2})(?![\d])")
_DATE_URL = re.compile(
    r"(?<![\d])((?:19|20)\d{2})[-/_]?(\d{2})[-/_]?(\d{2})(?![\d])|(?<![\d])((?:19|20)\d{2})[-/_](\d{1,2})[-/_](\d{1,2})(?![\d])"
)
_YEAR_MONTH_URL = re.compile(r"/((?:19|20)\d{2})-?(\d{2})/(\d{2})/")
_MONTH_DAY = re.compile(r"(?<![\d])(\d{1,2})月(\d{1,2})[日号]")
_DATE_LABEL = re.compile(
    r"(?:发布|发表|更新|刊发|发稿|出版|公布|成文|印发)?(?:时间|日期)\s*[:：]?|发布于|发表于|\d{1,2}:\d{2}"
)
_MEETING = re.compile(
    r"(?:((?:19|20)\d{2})年)?(\d{1,2})月(\d{1,2})[日号](?:[上下]午|晚上?|早上|上午|中午|下午|晚间)?"
    r"(?:[^。；;！？]{0,40}?)(?:举行|召开|开幕|闭幕|举办)"
)

_DATE_META_NAMES = (
    "article:published_time",
    "og:article:published_time",
    "og:release_date",
    "publishdate",
    "publish_date",
    "pubdate",
    "publishtime",
    "firstpublishedtime",
    "datepublished",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "date",
    "weibo:article:create_at",
    "sailthru.date",
    "parsely-pub-date",
    "created",
)


def make_date(year: int, month: int, day: int) -> str | None:
    """``YYYY-MM-DD`` when the numbers form a real date in a plausible range, else None."""
    if not 1900 <= year <= 2100:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> str | None:
    """The first full date written in ``text`` (2026年2月21日, 2026/04/03, 2026-02-10, 20260210)."""
    folded = fold(text)
    for match in _DATE_TEXT.finditer(folded):
        found = make_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if found:
            return found
    return None


def date_from_url(url: str | None) -> str | None:
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url)
    for match in _DATE_URL.finditer(path):
        if match.group(1):
            found = make_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        else:
            found = make_date(int(match.group(4)), int(match.group(5)), int(match.group(6)))
        if found:
            return found
    found_ym = _YEAR_MONTH_URL.search(path)
    if found_ym:
        return make_date(int(found_ym.group(1)), int(found_ym.group(2)), int(found_ym.group(3)))
    return None


def date_from_meta(root: Any) -> str | None:
    wanted = {name: rank for rank, name in enumerate(_DATE_META_NAMES)}
    best: tuple[int, str] | None = None
    for meta in root.iter("meta"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if name in wanted:
            found = find_date(meta.get("content") or "") or _compact(meta.get("content") or "")
            if found and (best is None or wanted[name] < best[0]):
                best = (wanted[name], found)
    for el in root.iter("time"):
        found = find_date(el.get("datetime") or "".join(el.itertext()))
        if found and best is None:
            best = (len(wanted), found)
    return best[1] if best else None


def _compact(text: str) -> str | None:
    match = _DATE_COMPACT.search(text)
    if match:
        return make_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    return None


def date_from_lines(lines: list[str], *, labelled_only: bool = False) -> str | None:
    """A date from text lines: labelled ones (发布时间：…, with a clock time) first, then any full date."""
    first: str | None = None
    for line in lines:
        found = find_date(line)
        if not found:
            continue
        folded = fold(line).strip()
        if len(line) <= 120 and _DATE_LABEL.search(folded):
            return found
        if len(folded) <= 40 and _DATE_TEXT.match(folded):
            return found
        if first is None:
            first = found
    return None if labelled_only else first


def meeting_date(text: str, published: str | None) -> str | None:
    """Date of the meeting the text reports (``1月5日下午举行``); the year comes from ``published`` if missing."""
    match = _MEETING.search(fold(text))
    if not match:
        return None
    month, day = int(match.group(2)), int(match.group(3))
    if match.group(1):
        return make_date(int(match.group(1)), month, day)
    if not published:
        return None
    year, pub_month = int(published[:4]), int(published[5:7])
    if month > pub_month + 1:  # reported early in the year about a meeting in last December
        year -= 1
    return make_date(year, month, day)


# --- titles --------------------------------------------------------------------------------------------------

_TITLE_SPLIT = re.compile(r"\s*(?:_|\||｜|--|\s[-–—－]\s|::|»)\s*")
_TITLE_MARKER = re.compile(
    r"^\s*(?:[\[【〔(（](?:视频|图|组图|图文|高清|直播|专题|独家|快讯|原创|现场)[\]】〕)）]\s*)+"
)


def strip_title_markers(title: str) -> str:
    return _TITLE_MARKER.sub("", title).strip()


def clean_title(raw: str, headings: list[str]) -> str:
    """Page title without site suffixes; a heading on the page that the title starts with wins."""
    raw = " ".join(raw.split())
    stripped = strip_title_markers(raw)
    for heading in headings:
        heading = strip_title_markers(" ".join(heading.split()))
        if len(heading) >= 4 and (stripped.startswith(heading) or (heading.startswith(stripped) and stripped)):
            return heading
    parts = [p for p in _TITLE_SPLIT.split(stripped) if p.strip()]
    if not parts:
        return stripped
    first = parts[0]
    if len(first) < 4 and len(parts) > 1:
        first = max(parts, key=len)
    return strip_title_markers(first)


def meta_content(root: Any, *names: str) -> str | None:
    lowered = {n.lower() for n in names}
    for meta in root.iter("meta"):
        name = (meta.get("property") or meta.get("name") or "").strip().lower()
        if name in lowered:
            content = (meta.get("content") or "").strip()
            if content:
                return content
    return None


def canonical_url(root: Any) -> str | None:
    for link in root.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        href = (link.get("href") or "").strip()
        if "canonical" in rel and href.startswith(("http://", "https://")):
            return href
    og = meta_content(root, "og:url")
    if og and og.startswith(("http://", "https://")):
        return og
    return None


# --- source --------------------------------------------------------------------------------------------------


def find_source(lines: list[str]) -> str | None:
    """``来源：上海发布`` → ``上海发布`` (original script kept)."""
    for line in lines:
        folded = fold(line)
        match = patterns.SOURCE.search(folded)
        if not match:
            continue
        start, end = match.span(1)
        value = line[start:end]
        tail = patterns.SOURCE_TAIL.search(fold(value))
        if tail:
            value = value[: tail.start()]
        value = value.strip(" -—·")
        if len(value) >= 2:
            return value
    return None
