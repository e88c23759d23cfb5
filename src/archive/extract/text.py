"""Plain-text and Markdown dumps: lines → title, paragraphs, and the metadata lines among them."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from archive.extract import meta, patterns
from archive.extract.body import is_chrome_line
from archive.extract.patterns import fold
from archive.extract.sections import Paragraph, ends_sentence

_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_BOLD = re.compile(r"^\*\*(.+?)\*\*$|^__(.+?)__$")
_MD_INLINE = re.compile(r"\*\*|__|`")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_TITLE_LINE = re.compile(r"^(?:标题|題目|题目|title)\s*[:：]\s*(.+)$", re.IGNORECASE)
_META_LINE = re.compile(
    r"^(?:发布|发表|更新|刊发)?(?:时间|日期)\s*[:：]|^(?:最后)?更新(?:时间|于)?\s*[:：]|^(?:来源|来自|稿源|出处|作者|记者|文章来源|信息来源)\s*[:：]"
)


#: A character reference left in text that is not HTML (…&hellip;, Q&amp;A, &#39;): exports and feeds often
#: escape their text once more than the page it came from.
_CHARACTER_REFERENCE = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")


def unescape_references(text: str) -> str:
    """``text`` with the HTML character references it holds replaced by their characters."""
    return html.unescape(text) if _CHARACTER_REFERENCE.search(text) else text


#: What marks a line of script or style sheet that a dump kept from its page (var $jq=…; .menu a {…};
#: }else if(…){; airItem += index): braces, assignments, jQuery calls, comments, and statement keywords.
_CODE_SIGNS = re.compile(
    r"[{}]|\s=\s|[-+*/!=<>]=|\$\(|=>|^//|/\*|\*/|^(?:var|let|const|function|return|if|else|for|while|try|catch)\b"
)
_HAN_CHARS = re.compile(r"[\u3400-\u9fff]")


def is_code_line(line: str) -> bool:
    """A line of a dump that is script or style, not text: code signs and hardly a Chinese character."""
    line = line.strip()
    if not line or len(_HAN_CHARS.findall(line)) > len(line) // 20:
        return False
    return _CODE_SIGNS.search(line) is not None or (line.endswith(";") and ("(" in line or ": " in line))


#: The link a page offers past its menus to its content: a dump holding it is the text of a whole page.
_SKIP_LINK = re.compile(r"跳[到至]主要[內内]容|skip to (?:the )?(?:main )?content", re.IGNORECASE)
_MENU_GAP = re.compile(r"\t+| {2,}|\u3000+")
_MENU_ITEM_MAX = 12


def is_menu_line(line: str) -> bool:
    """A row of a page's menu: four or more short items parted by tabs or wide spaces, no sentence mark, and
    hardly a number (a table's row holds figures)."""
    items = [item for item in _MENU_GAP.split(line.strip()) if item.strip()]
    if len(items) < 4 or any(len(item) > _MENU_ITEM_MAX for item in items):
        return False
    if any(mark in line for mark in "。，,；;！？!?"):
        return False
    return sum(any(char.isdigit() for char in item) for item in items) <= 1


def _page_lines(lines: list[str], known_title: str | None) -> tuple[list[str], bool]:
    """The lines of a dump less those of script and style, and whether it is the text of a whole page. Of a
    whole page, only what follows the last line naming the article's ``known_title`` (its heading), or without
    one, the lines that are no menu."""
    lines = [line for line in lines if not is_code_line(line)]
    if not any(_SKIP_LINK.search(line) for line in lines):
        return lines, False
    heading = " ".join(known_title.split()) if known_title else ""
    last = max((n for n, line in enumerate(lines) if heading and " ".join(line.split()).endswith(heading)), default=-1)
    if last >= 0:
        return lines[last + 1 :], True
    return [line for line in lines if not is_menu_line(line)], True


@dataclass
class TextArticle:
    title: str | None
    paragraphs: list[Paragraph] = field(default_factory=list)
    meta_lines: list[str] = field(default_factory=list)
    whole_page: bool = False  # the dump is the text of a whole page, menus and all


_BYLINE_LABEL = re.compile(r"来源|出处|作者|编辑|阅读|评论|点击|浏览|人气|发表于|发布于|字号|分享")


def is_meta_line(line: str) -> bool:
    """A short line carrying only metadata (来源：…, 发布时间：…, a bare date, a dated byline)."""
    if len(line) > 100:
        return False
    folded = fold(" ".join(line.split()))
    if "。" in folded:
        return False
    if len(folded) <= 60 and _META_LINE.match(folded.replace(" ", "")):
        return True
    if meta.find_date(folded) is None:
        return False
    if len(_BYLINE_LABEL.findall(folded)) >= 2:
        return True  # "2020-11-23 10:22:14 出处：快科技 作者：… 评论(18)"
    rest = re.sub(r"[\d:：\-/.年月日时分秒\s]", "", folded)
    # a bare date, or a byline with a clock time ("原创 南方都市报 2019-09-09 16:01:46")
    return len(rest) <= 4 or (len(folded) <= 40 and re.search(r"\d{1,2}:\d{2}", folded) is not None)


_OPENS_WITH_CLOSER = "。，、；：！？）》」』”’"
_FRAGMENT_MAX = 25
_SENTENCE_FINAL = "。！？!?…"
_MID_SENTENCE = "，、（《“(‘「"


def join_broken_lines(lines: list[str]) -> list[str]:
    """Mend sentences that a dump broke at link boundaries ("…所作的\n政府工作报告\n。会议…")."""
    out: list[str] = []
    previous_blank = True
    lines = [patterns.IMAGE_PLACEHOLDER.sub("", raw).strip() for raw in lines]
    for i, line in enumerate(lines):
        if not line:
            previous_blank = True
            continue
        if out and not previous_blank:
            last = out[-1]
            following = lines[i + 1] if i + 1 < len(lines) else ""
            if (
                line[0] in _OPENS_WITH_CLOSER
                or last[-1] in _MID_SENTENCE
                or (
                    last[-1] not in _SENTENCE_FINAL
                    and line[-1] not in _SENTENCE_FINAL
                    and len(line) <= _FRAGMENT_MAX
                    and following[:1] in tuple(_OPENS_WITH_CLOSER)
                )
            ):
                out[-1] = last + line
                previous_blank = False
                continue
        out.append(line)
        previous_blank = False
    return out


def read_lines(text: str, *, title_from_first_line: bool = True, known_title: str | None = None) -> TextArticle:
    """Split a dump into paragraphs, dropping image placeholders and republishing boilerplate (``known_title``:
    the article's title, given apart, which marks where the article begins in the text of a whole page)."""
    title: str | None = None
    paragraphs: list[Paragraph] = []
    meta_lines: list[str] = []
    text = unescape_references(text)
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept, whole_page = _page_lines(raw_lines, known_title)
    lines = join_broken_lines(kept)
    for raw in lines:
        line = patterns.IMAGE_PLACEHOLDER.sub("", raw).strip(" \t\u3000\xa0\ufeff\u2002\u2003\u2009")
        if not line.strip("-=*_#>| "):
            continue
        hint = False
        md = _MD_HEADING.match(line)
        if md:
            line, hint = line[md.end() :].strip(), True
        bold = _MD_BOLD.match(line)
        if bold:
            line, hint = (bold.group(1) or bold.group(2)).strip(), True
        line = _MD_LINK.sub(r"\1", _MD_INLINE.sub("", line)).strip()
        if not line:
            continue
        labelled = _TITLE_LINE.match(fold(line))
        if labelled and title is None:
            title = line[labelled.start(1) :].strip()
            continue
        if is_meta_line(line):
            meta_lines.append(line)
            continue
        if patterns.LICENCE.search(fold(line)) and sum(len(p.text) for p in paragraphs) >= 200:
            break  # a licence note closes the text; what follows is more of it
        if is_chrome_line(line):
            continue
        paragraphs.append(Paragraph(line, hint))
    if title is None and title_from_first_line and paragraphs:
        first = paragraphs[0]
        title = first.text
        # A first line shaped like a title (no closing punctuation) is only the title; a sentence stays in
        # the body too, since it is part of the article.
        if first.heading_hint or not ends_sentence(first.text):
            paragraphs = paragraphs[1:]
    return TextArticle(title, paragraphs, meta_lines, whole_page)
