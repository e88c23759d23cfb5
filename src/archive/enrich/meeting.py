"""The meeting an article reports: its name (from ``data/meetings.toml``) and, when missing, its date."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from archive.enrich.gazetteer import load

#: In the body a meeting name counts only with one of these close by (it took place, someone chaired it).
_HAPPENED = re.compile(r"召开|举行|主持|开幕|闭幕|举办|在京|今天|今日|\d{1,2}日")
_NEAR = 16
_DATE = re.compile(r"(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
_BODY_CHARS = 600
#: A meeting named for something else is not the one reported: its spirit being studied (学习贯彻中央经济工作会议
#: 精神), its president (not its presidium) or its spouses' programme (联合国大会主席, 二十国集团峰会配偶活动), a
#: congratulation on it, a speech given at it and read or published now (在二十届三中全会上的重要讲话), or the
#: meeting still to come (二十届三中全会将在北京召开).
_NOT_REPORTED_AFTER = re.compile(
    r"(?:重要)?精神|主席(?!团)|配偶|(?:第[一二三四五六七八九十]+次全体会议)?上的(?:重要)?讲话"
    r"|[^，。；,;\s]{0,10}?将(?:于|在)?[^，。；,;\s]{0,10}?(?:召开|举行)"
)
_NOT_REPORTED_BEFORE = re.compile(
    r"(?:学习|贯彻|落实|传达|领会|祝贺|庆祝)(?:(?!精神)[^，。；,;\s]){0,12}$"
    # one held before the event reported (不久前召开的中国共产党二十届三中全会)
    r"|(?:不久前|前不久|此前|之前|刚刚|去年|上月|上个月)(?:召开|举行|闭幕|结束)的[^，。；,;\s]{0,12}$"
    # (两周前，中国共产党二十届三中全会成功召开: a while ago)
    r"|(?:[一二两三四五六七八九十几\d]+(?:周|天|个月|年)前|上周|上月|上个月|去年)[，,]?[^，。；,;\s]{0,12}$"
)


@dataclass(frozen=True)
class MeetingPattern:
    name: str
    pattern: re.Pattern[str]
    fallback: bool
    units: tuple[str, ...]  # the bodies whose meeting it is (templates: see data/meetings.toml)
    title_only: bool  # named in passing so often that only a title names the meeting reported


@functools.cache
def _patterns() -> list[MeetingPattern]:
    return [
        MeetingPattern(
            str(entry["name"]),
            re.compile("|".join(f"(?:{p})" for p in entry["patterns"])),
            bool(entry.get("fallback", False)),
            tuple(str(u) for u in entry.get("units", [entry["unit"]] if "unit" in entry else [])),
            bool(entry.get("title_only", False)),
        )
        for entry in load().meetings
    ]


def _first(text: str, *, need_context: bool, fallback: bool) -> tuple[MeetingPattern, re.Match[str]] | None:
    """The meeting named first in ``text`` (ties go to the earlier, more specific entry)."""
    best: tuple[int, int, MeetingPattern, re.Match[str]] | None = None
    for index, meeting in enumerate(_patterns()):
        if meeting.fallback != fallback or (need_context and meeting.title_only):
            continue
        for m in meeting.pattern.finditer(text):
            if _NOT_REPORTED_AFTER.match(text, m.end()) or _NOT_REPORTED_BEFORE.search(
                text, max(0, m.start() - 16), m.start()
            ):
                continue
            if need_context:
                around = text[max(0, m.start() - _NEAR) : m.end() + _NEAR]
                if not _HAPPENED.search(around):
                    continue
            if best is None or (m.start(), index) < best[:2]:
                best = (m.start(), index, meeting, m)
            break
    return (best[2], best[3]) if best else None


def find_meeting(title: str, body: str) -> tuple[MeetingPattern | None, re.Match[str] | None, str]:
    """The meeting, the match and the text it was found in (title first, then the opening text)."""
    opening = body[:_BODY_CHARS]
    for fallback in (False, True):
        hit = _first(title, need_context=False, fallback=fallback)
        if hit:
            return hit[0], hit[1], title
        hit = _first(opening, need_context=True, fallback=fallback)
        if hit:
            return hit[0], hit[1], opening
    return None, None, ""


def meeting_date(text: str, match: re.Match[str] | None, published: str | None) -> str | None:
    """YYYY-MM-DD of the first date next to the meeting's mention; the year from ``published`` if missing."""
    if match is None:
        return None
    window = text[max(0, match.start() - 30) : match.end() + 30]
    found = _DATE.search(window)
    if not found:
        return None
    year = found.group("y")
    if not year:
        if not published or len(published) < 7:
            return None
        year = published[:4]
        month_published = int(published[5:7])
        if int(found.group("m")) > month_published + 1:  # a December meeting reported in January
            year = str(int(year) - 1)
    month, day = int(found.group("m")), int(found.group("d"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{int(year):04d}-{month:02d}-{day:02d}"
