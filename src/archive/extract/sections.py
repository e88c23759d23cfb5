"""Split an article's paragraphs into sections: lead, unit reports, headed remarks, attendance, body.

Rules work on the shape of paragraphs, not on particular wording:

* a *heading* is a paragraph marked as one by the page (``<h2>``–``<h6>``, bold only) or a short line that
  does not end like a sentence and is followed by a longer paragraph, or a numbered line (一、… （一）…);
* a *report* is a paragraph that begins with one of the units a preceding paragraph lists as speaking
  (…、市统计局先后发言), or one of a run of paragraphs that each begin with a unit name;
* an *attendance* paragraph lists people who attended (…出席会议。);
* the *lead* is the first paragraphs before any of these (at most three);
* paragraphs under a heading form a *remarks* section when someone speaks in them (指出, 强调…), else *body*;
* long runs of plain paragraphs are grouped into body sections of bounded size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.extract.patterns import fold


@dataclass
class Paragraph:
    text: str
    heading_hint: bool = False  # the page marks it as a heading (<h2>-<h6>, bold only)


@dataclass
class Part:
    kind: str
    heading: str | None
    text: str


LEAD_MAX_PARAGRAPHS = 3
GROUP_CHARS = 1500
HEADING_MAX_CHARS = 64

_STOPS = "。！？!?；;…"
_CLOSERS = "”’」』\"')）】》"
_NUMBERED = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百]+[)）]|第[一二三四五六七八九十百]+[章节部分篇条]"
    r"|\d{1,2}[、.．](?!\d))"
)
_ATTENDANCE = re.compile(
    r"(?:出席|列席|参加|参会)(?:了)?(?:会议|活动|仪式|会见|座谈会?|开幕式|闭幕式|调研|大会|会)?[。.]?$"
)
_SPEAKING_INTRO = re.compile(r"(?:先后|依次|分别|相继)[^，。,]{0,20}?(?:发言|汇报|述职)")
_CLAUSE_BREAK = re.compile(r"[，。：:；;,]")
# Both scripts, so long texts need no folding.
_SPEECH = re.compile(
    r"指出|[强強]调|[强強]調|表示|要求|提出|[认認][为為]|[说說][，：:,]|[讲講][话話]|部署|希望|[号號]召"
)
_REPORT_VERBS = ("发言", "發言", "汇报", "匯報", "述职", "述職")
_UNIT_START = re.compile(
    r"^[\u4e00-\u9fff]{1,10}?(?:新区|区委|县委|市委|区|县|市|局|办|委|厅|部|署|院|镇|街道|乡|公司|集团|中心|所|馆)"
    r"(?!长|委书记|领导|民|政府[，、])"
)
_UNIT_SPLIT = re.compile(r"[、，,]|和|及|以及|与")


def ends_sentence(text: str) -> bool:
    text = text.rstrip()
    if not text:
        return False
    last = text[-1]
    if last in _STOPS or last in "：:":
        return True
    if last in _CLOSERS:
        inner = text.rstrip(_CLOSERS)
        return bool(inner) and inner[-1] in _STOPS
    return False


def _is_heading(paragraphs: list[Paragraph], i: int) -> bool:
    para = paragraphs[i]
    text = para.text.strip()
    if i + 1 >= len(paragraphs) or not text:
        return False
    following = paragraphs[i + 1].text.strip()
    numbered = _NUMBERED.match(text) is not None and len(text) <= 40 and "。" not in text[:-1]
    if para.heading_hint and len(text) <= 80 and not text.endswith("。"):
        return True
    if numbered and not text.endswith("。"):
        return True
    if len(text) > HEADING_MAX_CHARS or ends_sentence(text) or any(c in text for c in "。！？"):
        return False
    if "  " in text or "\t" in text or "http" in text:  # table rows ("活動地點    南瀛天文館"), links
        return False
    return len(following) > len(text) and len(text) >= 4


def _units_listed(text: str) -> list[str]:
    if not any(verb in text for verb in _REPORT_VERBS):
        return []
    folded = fold(text)
    match = _SPEAKING_INTRO.search(folded)
    if not match:
        return []
    phrase = _CLAUSE_BREAK.split(folded[: match.start()])[-1]
    units = [u.strip() for u in _UNIT_SPLIT.split(phrase)]
    return [u for u in units if 2 <= len(u) <= 20]


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _starts_with_unit(text: str, units: list[str]) -> bool:
    folded = fold(text)
    return any(_common_prefix(folded, u) >= min(3, len(u)) for u in units)


def _report_flags(paragraphs: list[Paragraph], headings: set[int]) -> set[int]:
    reports: set[int] = set()
    units: list[str] = []
    for i, para in enumerate(paragraphs):
        if i in headings:
            units = []
            continue
        if units and len(para.text) >= 30 and _starts_with_unit(para.text, units):
            reports.add(i)
            continue
        listed = _units_listed(para.text)
        if listed:
            units = listed
    # Runs of three or more paragraphs that each open with a unit name are reports too.
    run: list[int] = []
    for i, para in enumerate([*paragraphs, Paragraph("")]):
        start = fold(para.text[:16])
        if i not in headings and len(para.text) >= 60 and _UNIT_START.match(start) and not _SPEECH.search(start):
            run.append(i)
            continue
        if len(run) >= 3:
            reports.update(run)
        run = []
    return reports


def _is_attendance(text: str) -> bool:
    folded = fold(text.strip())
    if len(folded) > 400 or folded.count("、") < 2 or folded.count(",") + folded.count("，") > 1:
        return False
    return _ATTENDANCE.search(folded) is not None


def split_sections(paragraphs: list[Paragraph]) -> list[Part]:
    """Group paragraphs into typed sections (see the module docstring)."""
    paragraphs = [p for p in paragraphs if p.text.strip()]
    headings = {i for i in range(len(paragraphs)) if _is_heading(paragraphs, i)}
    reports = _report_flags(paragraphs, headings)
    parts: list[Part] = []
    heading: str | None = None
    kind = "lead"
    buffer: list[str] = []

    def close() -> None:
        nonlocal buffer
        if buffer or heading:
            text = "\n".join(buffer)
            section_kind = kind
            if heading and kind == "body":
                section_kind = "remarks" if _SPEECH.search(text) else "body"
            parts.append(Part(section_kind, heading, text))
        buffer = []

    for i, para in enumerate(paragraphs):
        text = para.text.strip()
        if i in headings:
            if buffer or heading is None or kind != "body":
                close()
                heading = text
            else:  # a heading right under another heading: keep both
                heading = f"{heading} / {text}"
            kind = "body"
            continue
        if i in reports or (i > 0 and _is_attendance(text)):
            close()
            heading = None
            kind = "report" if i in reports else "attendance"
            buffer = [text]
            close()
            kind = "body"
            continue
        if kind == "lead" and len(buffer) >= LEAD_MAX_PARAGRAPHS:
            close()
            kind = "body"
        elif kind == "body" and buffer and sum(len(b) for b in buffer) + len(text) > GROUP_CHARS:
            close()
            # a long headed part continues without repeating the heading
            heading = None
        buffer.append(text)
    close()
    return [p for p in parts if p.text or p.heading]
