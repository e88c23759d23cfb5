"""What a fetched HTML page is: an article (handed to the pipeline) or a list/navigation page (followed).

Site rules decide first (URL patterns, then the body selector). Without a rule the page is scored on its URL
shape (dates and long ids in the path vs ``index``/``list``/pagination), the amount of text outside links, the
share of text inside links, and how many dates it shows (one for an article, a column of them for a list).

Link discovery parses the bytes with lxml after a small charset sniff of our own (header, ``<meta>``, UTF-8,
GB18030): the crawler never needs the page's exact text, only its links and rough text amounts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from archive.crawler.rules import SiteRule, selector_xpath

_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_DATE = re.compile(r"(?:19|20)\d{2}(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\d{1,2}[-/.]\d{1,2})")

_ARTICLE_URL = re.compile(
    r"/(?:19|20)\d{2}[-/_]?\d{2}[-/_]?\d{2}/[^/]*[^/]$"  # /2024/01/05/x.html, /20240105/x.html
    r"|/t(?:19|20)\d{6}_\d+\.s?html?$"  # /t20240105_123456.html
    r"|/(?:content|art|article|detail)[_/-]?\w*\d{4,}\w*\.s?html?$"
    r"|/[0-9a-f]{24,}\.s?html?$"  # long hex ids
    r"|/VIDE\w{10,}\.shtml$",
    re.IGNORECASE,
)
_LIST_URL = re.compile(
    r"/$|/index(?:_\d+)?\.\w+$|/(?:list|more|column|channel|node)\w*(?:[_-]\d+)?(?:\.\w+)?$"
    r"|[?&](?:page|p|pn|pageno|pageindex)=\d+|/\d{8}\.shtml$",
    re.IGNORECASE,
)
_SKIP_EXT = re.compile(
    r"\.(?:jpe?g|png|gif|bmp|webp|svg|ico|css|js|json|pdf|docx?|xlsx?|pptx?|zip|rar|7z|gz|tar|mp[34]|m4v|flv"
    r"|avi|mov|wmv|wav|swf|exe|apk|dmg|iso|woff2?|ttf|eot)$",
    re.IGNORECASE,
)


@dataclass
class PageFacts:
    links: list[str] = field(default_factory=list)
    text_chars: int = 0  # characters of visible text outside links
    link_chars: int = 0  # characters inside links
    dates: int = 0
    has_body_selector: bool = False
    title: str = ""

    @property
    def link_density(self) -> float:
        total = self.text_chars + self.link_chars
        return self.link_chars / total if total else 1.0


def sniff_text(data: bytes, content_type: str | None) -> str:
    """Good-enough text for link discovery: header charset, ``<meta>`` charset, UTF-8, else GB18030."""
    candidates: list[str] = []
    if content_type:
        found = _HEADER_CHARSET.search(content_type)
        if found:
            candidates.append(found.group(1))
    meta = _META_CHARSET.search(data[:4096])
    if meta:
        candidates.append(meta.group(1).decode("ascii", "ignore"))
    candidates += ["utf-8", "gb18030"]
    for name in candidates:
        codec = "gb18030" if name.lower() in {"gb2312", "gbk", "x-gbk", "cp936"} else name
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("gb18030", errors="replace")


def skippable(url: str) -> bool:
    """URLs of files that are not pages (images, scripts, archives, media): never queued."""
    path = url.split("?", 1)[0].split("#", 1)[0]
    return _SKIP_EXT.search(path) is not None


def analyse(data: bytes, content_type: str | None, base_url: str, rule: SiteRule | None = None) -> PageFacts:
    """Links (absolute, in page order, without duplicates) and text amounts of an HTML page."""
    import lxml.etree
    import lxml.html

    text = _XML_DECL.sub("", sniff_text(data, content_type), count=1)
    facts = PageFacts()
    if not text.strip():
        return facts
    try:
        root = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError):
        return facts
    base = base_url
    for href in root.xpath("//base/@href"):
        base = urljoin(base_url, str(href).strip())
        break
    seen: set[str] = set()
    for href in root.xpath("//a/@href | //area/@href | //frame/@src | //iframe/@src"):
        raw = str(href).strip()
        if not raw or raw.startswith(("#", "javascript:", "mailto:", "tel:", "data:")) or "'+" in raw:
            continue
        absolute = urljoin(base, raw)
        if absolute not in seen:
            seen.add(absolute)
            facts.links.append(absolute)
    titles = root.xpath("//title/text()")
    facts.title = _SPACE.sub(" ", str(titles[0])).strip() if titles else ""
    if rule is not None and rule.selectors.get("body"):
        facts.has_body_selector = bool(root.xpath(selector_xpath(rule.selectors["body"])))
    for bad in root.xpath("//script | //style | //noscript | //head"):
        bad.drop_tree()
    link_text = "".join(str(a.text_content()) for a in root.xpath("//a"))
    all_text = str(root.text_content())
    facts.link_chars = len(_SPACE.sub("", link_text))
    facts.text_chars = max(0, len(_SPACE.sub("", all_text)) - facts.link_chars)
    facts.dates = len(_DATE.findall(all_text))
    return facts


def classify(url: str, facts: PageFacts, rule: SiteRule | None = None) -> tuple[str, str]:
    """(``article`` | ``list``, reason)."""
    if rule is not None:
        kind = rule.kind_of(url)
        if kind is not None:
            return kind, f"URL pattern of {rule.name}"
        if facts.has_body_selector:
            return "article", f"body selector of {rule.name}"
    score = 0
    reasons: list[str] = []
    path = url.split("#", 1)[0]
    if _ARTICLE_URL.search(path):
        score += 2
        reasons.append("article-like URL")
    elif _LIST_URL.search(path):
        score -= 2
        reasons.append("list-like URL")
    if facts.text_chars >= 500:
        score += 2
        reasons.append(f"{facts.text_chars} characters of text")
    elif facts.text_chars >= 200:
        score += 1
        reasons.append(f"{facts.text_chars} characters of text")
    elif facts.text_chars < 100:
        score -= 2
        reasons.append("little text")
    density = facts.link_density
    if density < 0.35:
        score += 1
        reasons.append(f"link density {density:.2f}")
    elif density > 0.6:
        score -= 2
        reasons.append(f"link density {density:.2f}")
    if 1 <= facts.dates <= 3:
        score += 1
        reasons.append("one date")
    elif facts.dates >= 6:
        score -= 3 if facts.dates >= 20 else 1  # a column of dates: a list of items
        reasons.append(f"{facts.dates} dates")
    kind = "article" if score >= 2 else "list"
    return kind, ", ".join(reasons) or "no signal"
