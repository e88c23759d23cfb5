"""Find the article body in an HTML page and drop the page chrome around and inside it.

The page is flattened into *blocks* (the text between two block-level boundaries, with how much of it is link
text or bold, and which element holds it). Each block is worth its plain-text characters when it reads like
prose (little link text, some punctuation or length) and costs half its characters otherwise (navigation,
link lists, labels). Every element collects the worth of the blocks inside it; the element worth most is the
article container. Its blocks are then cleaned: link lists, chrome lines (breadcrumbs, share/print/close,
editor lines, copyright) and everything after a "related news" heading are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from archive.extract import patterns
from archive.extract.patterns import fold

_BLOCK_NAMES = (
    "address article aside blockquote body center dd details dialog div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary table tbody td tfoot th thead "
    "tr ul caption"
)
_SKIP_NAMES = (
    "script style noscript iframe object embed svg canvas template select option button textarea input head "
    "title meta link map area audio video source math frameset frame applet"
)
BLOCK_TAGS = frozenset(_BLOCK_NAMES.split())
SKIP_TAGS = frozenset(_SKIP_NAMES.split())
HEADING_TAGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
BOLD_TAGS = frozenset({"b", "strong"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_JOIN_LINES = re.compile(rf"(?<=[{_CJK}])[ \t\r\f\v]*\n\s*(?=[{_CJK}])")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]")
_SPACES = re.compile(r"[ \t\r\n\f\v\xa0\u200b\ufeff]+")
# Prose punctuation (not ':' or '.', which times, dates and URLs are full of).
_PUNCT = re.compile(r"[，。！？；：、“”,!?;]")


@dataclass(eq=False)
class Block:
    """One run of text between block boundaries, in document order."""

    text: str
    owner: Any  # the lxml element holding the text
    chars: int
    link_chars: int
    bold_chars: int
    heading: int  # 1-6 inside <hN>, else 0
    index: int = 0
    worth: float = 0.0

    @property
    def bold_only(self) -> bool:
        return self.chars > 0 and self.bold_chars >= self.chars

    @property
    def link_density(self) -> float:
        return self.link_chars / self.chars if self.chars else 0.0


@dataclass
class Page:
    """A parsed page: its tree, all its blocks, and the article blocks once found."""

    root: Any
    blocks: list[Block]
    article: list[Block] = field(default_factory=list)
    container: Any = None
    start: int = 0  # index of the first block inside the container
    end: int = 0  # index after the last block inside the container


def parse(text: str) -> Any:
    """Parse HTML text with lxml (tolerant); returns the root element."""
    parser = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True)
    root = etree.fromstring(text.encode("utf-8", errors="replace"), parser=parser)
    if root is None:
        root = etree.fromstring(b"<html><body></body></html>", parser=parser)
    return root


def _squeeze(text: str) -> str:
    text = _JOIN_LINES.sub("", text)
    return _SPACES.sub(" ", text).strip(" \u3000")


def _count(text: str) -> int:
    return len(text) - text.count(" ") - text.count("\u3000")


class _Flattener:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.pieces: list[tuple[str, bool, bool]] = []
        self.owners: list[Any] = []
        self.heading = 0

    def flush(self) -> None:
        if not self.pieces:
            return
        raw = "".join(p[0] for p in self.pieces)
        if raw.isspace():
            self.pieces = []
            return
        text = _squeeze(raw)
        if text:
            link = sum(_count(_squeeze(p[0])) for p in self.pieces if p[1])
            bold = sum(_count(_squeeze(p[0])) for p in self.pieces if p[2])
            chars = _count(text)
            self.blocks.append(
                Block(text, self.owners[-1] if self.owners else None, chars, min(link, chars), bold, self.heading)
            )
        self.pieces = []

    def walk(self, el: Any, link: bool, bold: bool) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower()
        if tag in SKIP_TAGS or not tag:
            return
        style = el.get("style")
        if (style and _HIDDEN_STYLE.search(style)) or el.get("hidden") is not None:
            return
        block = tag in BLOCK_TAGS
        if block:
            self.flush()
            self.owners.append(el)
        elif tag == "br":
            self.flush()
            return
        elif tag == "img":
            return
        link = link or tag == "a"
        bold = bold or tag in BOLD_TAGS
        level = HEADING_TAGS.get(tag, 0)
        saved = self.heading
        if level:
            self.heading = level
        if el.text:
            self.pieces.append((el.text, link, bold))
        for child in el:
            self.walk(child, link, bold)
            tail = child.tail
            if tail and (self.pieces or not tail.isspace()):
                self.pieces.append((tail, link, bold))
        if block:
            self.flush()
            self.owners.pop()
        self.heading = saved


def flatten(root: Any) -> list[Block]:
    flattener = _Flattener()
    # The whole tree, not just <body>; text after a stray </html> ends up in a second top-level element.
    for top in (*root.itersiblings(preceding=True), root, *root.itersiblings()):
        flattener.walk(top, False, False)
    flattener.flush()
    for index, block in enumerate(flattener.blocks):
        block.index = index
        block.worth = _worth(block)
    return flattener.blocks


def _worth(block: Block) -> float:
    if is_chrome_line(block.text):
        return -1.0 * block.chars
    plain = block.chars - block.link_chars
    punct = len(_PUNCT.findall(block.text))
    if block.link_density < 0.35 and (
        (punct >= 1 and plain >= 10) or plain >= 40 or (plain >= 4 and block.text[-1] in "。！？")
    ):
        return plain + 4.0 * min(punct, 20)
    if block.link_density < 0.6 and punct >= 3 and plain >= 30:  # encyclopaedia prose, many words linked
        return 0.5 * plain + 2.0 * min(punct, 20)
    return -0.5 * block.chars


def _ancestors(el: Any) -> Iterator[Any]:
    while el is not None:
        yield el
        el = el.getparent()


_NAME_TOKEN = re.compile(r"[^a-zA-Z0-9]+|(?<=[a-z])(?=[A-Z])")
_GOOD_STEMS = (
    "article",
    "content",
    "cont",
    "cnt",
    "text",
    "txt",
    "body",
    "detail",
    "entry",
    "main",
    "post",
    "story",
    "zhengwen",
    "zw",
    "neirong",
    "wenzhang",
)
# Names of page parts that are never article text, wherever they sit.
_CHROME_STEMS = (
    "comment",
    "reply",
    "recommend",
    "related",
    "relate",
    "share",
    "footer",
    "foot",
    "copyright",
    "breadcrumb",
    "crumb",
    "nav",
    "sidebar",
    "advert",
    "hot",
    "rank",
    "tag",
    "keyword",
    "qrcode",
    "ewm",
    "subscribe",
    "login",
    "pinglun",
    "xiangguan",
    "tuijian",
    "toolbar",
)
_CHROME_EXACT = frozenset({"ad", "ads", "gg", "side", "aside", "menu", "banner", "tool", "tools"})
# Names that also count against a container: summaries and mobile duplicates of the article.
_WEAK_STEMS = ("brief", "jianjie", "intro", "summary", "phone", "list", "search")
NAME_BONUS = 40.0
_PARAGRAPH_TAGS = frozenset({"p", "span", "font", "b", "strong", "em", "i", "a", "h1", "h2", "h3", "h4", "h5", "h6"})


def _tokens(el: Any) -> list[str]:
    name = f"{el.get('class') or ''} {el.get('id') or ''}"
    return [t.lower() for t in _NAME_TOKEN.split(name) if t]


def _is_chrome_name(tokens: list[str]) -> bool:
    return any(t in _CHROME_EXACT or t.startswith(_CHROME_STEMS) for t in tokens)


def _name_bonus(el: Any) -> float:
    tokens = _tokens(el)
    if not tokens:
        return 0.0
    bonus = 0.0
    if any(t.startswith(_GOOD_STEMS) for t in tokens):
        bonus += NAME_BONUS
    if _is_chrome_name(tokens) or any(t.startswith(_WEAK_STEMS) for t in tokens):
        bonus -= NAME_BONUS
    return bonus


def _in_chrome_part(block: Block, container: Any) -> bool:
    """True when an element between the block and the container is named like chrome (comments, share…)."""
    for el in _ancestors(block.owner):
        if el is container:
            return False
        if _is_chrome_name(_tokens(el)):
            return True
    return False


def choose_container(blocks: list[Block]) -> Any:
    """The element whose blocks are worth most (prose minus chrome), nudged by its class and id."""
    totals: dict[Any, float] = {}
    for block in blocks:
        if block.owner is None:
            continue
        for el in _ancestors(block.owner):
            totals[el] = totals.get(el, 0.0) + block.worth
    if not totals:
        return None
    best = max(totals.items(), key=lambda item: item[1] + _name_bonus(item[0]) if item[1] > 0 else item[1])[0]
    # A lone paragraph is never the whole article's container: widen to the element holding the paragraphs.
    while best.tag in _PARAGRAPH_TAGS and best.getparent() is not None:
        best = best.getparent()
    return best


def is_chrome_line(text: str) -> bool:
    """True for a line that belongs to the page, not the article (breadcrumbs, share, editor, copyright…)."""
    folded = fold("".join(text[:300].split())).lower()
    if patterns.CHROME_LINE.match(folded):
        return True
    if len(text) <= 300 and patterns.LICENCE.search(fold(text)):
        return True
    return len(folded) <= 120 and patterns.CHROME_ANYWHERE.search(folded) is not None


def find_article(root: Any, container: Any = None) -> Page:
    """Flatten the page, pick the container and keep its article blocks (``Page.article``).

    A ``container`` given by the caller (a site's body selector) is used instead of the scored choice; when
    nothing of it survives the cleaning, the scored choice is taken after all.
    """
    blocks = flatten(root)
    page = Page(root=root, blocks=blocks)
    if container is not None:
        _fill(page, container)
        if page.article:
            return page
        page = Page(root=root, blocks=blocks)
    container = choose_container(blocks)
    if container is None:
        return page
    _fill(page, container)
    return page


def _fill(page: Page, container: Any) -> None:
    blocks = page.blocks
    page.container = container
    members = set(container.iter())
    inside = [b for b in blocks if b.owner in members]
    if not inside:
        return
    page.start, page.end = inside[0].index, inside[-1].index + 1
    page.article = clean_blocks([b for b in inside if not _in_chrome_part(b, container)])


# The small CSS subset of site rules: ``tag``, ``#id``, ``.class``, ``tag#id``, ``tag.class``.
_SELECTOR = re.compile(r"(?P<tag>[a-zA-Z][a-zA-Z0-9]*)?(?:(?P<sigil>[#.])(?P<name>[A-Za-z0-9_-]+))?")


def select(root: Any, selector: str) -> list[Any]:
    """Elements matching a site rule selector, in document order; none for a selector outside the subset."""
    match = _SELECTOR.fullmatch(selector.strip())
    if match is None or not (match.group("tag") or match.group("name")):
        return []
    tag = (match.group("tag") or "").lower()
    name = match.group("name")
    found = []
    for el in root.iter(tag) if tag else root.iter():
        if not isinstance(el.tag, str):
            continue
        if name and match.group("sigil") == "#" and el.get("id") != name:
            continue
        if name and match.group("sigil") == "." and name not in (el.get("class") or "").split():
            continue
        found.append(el)
    return found


def element_text(el: Any) -> str:
    """The visible text of an element (scripts and styles left out), spaces squeezed."""
    pieces: list[str] = []

    def walk(node: Any) -> None:
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag in SKIP_TAGS and tag != "title":
            return
        if node.text:
            pieces.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                pieces.append(child.tail)

    walk(el)
    return _squeeze("".join(pieces))


# In the densest-run search a weak block costs at most this much, so one embedded link list or caption
# cannot split an article, while a tail of many small chrome lines still outweighs a stray sentence.
MAX_COST = 30.0
DUPLICATE_MIN_CHARS = 40


def densest_run(blocks: list[Block]) -> tuple[int, int]:
    """Indexes [start, end) of the contiguous run of blocks worth most (prose in, chrome out at both ends)."""
    best, best_range = float("-inf"), (0, len(blocks))
    running, start = 0.0, 0
    for i, block in enumerate(blocks):
        value = block.worth if block.worth > 0 else max(block.worth, -MAX_COST)
        if running <= 0:
            running, start = value, i
        else:
            running += value
        if running > best:
            best, best_range = running, (start, i + 1)
    return best_range


def clean_blocks(blocks: list[Block]) -> list[Block]:
    """Keep the densest run of prose; drop link lists and chrome lines; cut at a "related news" heading."""
    if not blocks:
        return []
    start, end = densest_run(blocks)
    # Headings right before the run, and lines of the same paragraph (split by <br>), belong to it.
    first_parent = blocks[start].owner.getparent()
    extended = 0
    while (
        start > 0
        and extended < 3
        and blocks[start - 1].link_density <= 0.5
        and (
            blocks[start - 1].heading
            or blocks[start - 1].owner is blocks[start].owner
            or blocks[start - 1].owner.getparent() is first_parent
        )
    ):
        start -= 1
        extended += 1
    while end < len(blocks) and blocks[end].owner is blocks[end - 1].owner and blocks[end].link_density <= 0.5:
        end += 1
    # Closing lines of the text's own paragraphs (signature, date) are short but belong to it.
    last_parent = blocks[end - 1].owner.getparent()
    extended = 0
    while (
        end < len(blocks)
        and extended < 3
        and blocks[end].link_chars == 0
        and blocks[end].owner.getparent() is last_parent
        and len(_CJK_RUN.findall(blocks[end].text)) >= 4
        and not is_chrome_line(blocks[end].text)
    ):
        end += 1
        extended += 1
    blocks = blocks[start:end]
    total = sum(max(b.worth, 0.0) for b in blocks) or 1.0
    seen = 0.0
    kept: list[Block] = []
    seen_texts: set[str] = set()
    for block in blocks:
        squeezed = fold("".join(block.text.split()))
        if len(squeezed) >= DUPLICATE_MIN_CHARS and squeezed in seen_texts:  # print/mobile copies of a paragraph
            continue
        seen_texts.add(squeezed)
        if patterns.TRAILER_HEADING.match(squeezed) and seen >= 0.5 * total:
            break
        seen += max(block.worth, 0.0)
        if block.link_density > 0.5:
            continue
        if is_chrome_line(block.text):
            continue
        kept.append(block)
    return _drop_leading_summaries(kept)


def _squeezed(block: Block) -> str:
    return "".join(block.text.split())


def _drop_leading_summaries(blocks: list[Block]) -> list[Block]:
    """Drop an opening line repeated inside one of the next paragraphs (a summary above the text)."""
    drop: set[int] = set()
    for i, block in enumerate(blocks[:3]):
        text = _squeezed(block)
        if len(text) >= 15 and any(text in _squeezed(other) for other in blocks[i + 1 : i + 10]):
            drop.add(i)
    return [b for i, b in enumerate(blocks) if i not in drop]
