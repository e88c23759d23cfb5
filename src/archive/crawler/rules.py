"""Per-site crawl rules, kept as data in ``crawler/sources.toml`` (one ``[[site]]`` table per portal).

Keys of a site: ``name``, ``hosts`` (the hosts the rule covers and the crawl may enter), ``seeds``, ``list`` and
``article`` (regular expressions searched in the URL), ``follow`` (when given, only URLs matching it, ``list`` or
``article`` are queued), ``ignore`` (never queued), ``article_links`` (follow links found on article pages too),
``delay`` (seconds between requests), ``robots_sitemaps`` (crawl the ``Sitemap:`` URLs of robots.txt as seeds,
which a crawl starting at a site root ``/`` does anyway), ``selectors`` (``title``/``body``/``date``: ``tag``,
``#id``, ``.class`` or ``tag.class``; a page holding the body selector is an article; all three go with the
page's document to extract, which takes the article container, title and published date from them),
``tested`` (whether the entry was checked against the live site).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from archive.errors import CrawlError

DEFAULT_RULES = Path("crawler") / "sources.toml"


@dataclass
class SiteRule:
    name: str
    hosts: list[str]
    seeds: list[str] = field(default_factory=list)
    list_patterns: list[re.Pattern[str]] = field(default_factory=list)
    article_patterns: list[re.Pattern[str]] = field(default_factory=list)
    follow: list[re.Pattern[str]] = field(default_factory=list)
    ignore: list[re.Pattern[str]] = field(default_factory=list)
    selectors: dict[str, str] = field(default_factory=dict)
    delay: float | None = None
    article_links: bool = False
    robots_sitemaps: bool = False
    tested: bool = False

    def covers(self, host: str) -> bool:
        host = host.lower()
        return any(host == h or host.endswith("." + h) for h in self.hosts)

    def kind_of(self, url: str) -> str | None:
        """``article`` or ``list`` when a URL pattern says so, else None."""
        if any(p.search(url) for p in self.article_patterns):
            return "article"
        if any(p.search(url) for p in self.list_patterns):
            return "list"
        return None

    def wants(self, url: str) -> bool:
        """Whether a discovered URL on this site may be queued."""
        if any(p.search(url) for p in self.ignore):
            return False
        if not self.follow:
            return True
        return any(p.search(url) for p in (*self.follow, *self.list_patterns, *self.article_patterns))


def load_rules(path: Path) -> list[SiteRule]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CrawlError(f"{path}: cannot read rules: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CrawlError(f"{path}: not valid TOML: {exc}") from None
    sites = data.get("site", [])
    if not isinstance(sites, list):
        raise CrawlError(f"{path}: expected [[site]] tables")
    return [_site(path, n, entry) for n, entry in enumerate(sites, 1)]


def _site(path: Path, number: int, entry: Any) -> SiteRule:
    if not isinstance(entry, dict):
        raise CrawlError(f"{path}: site #{number} is not a table")
    name = str(entry.get("name") or f"site #{number}")
    where = f"{path}: site {name!r}"
    seeds = _strings(entry.get("seeds", []), f"{where}: seeds")
    hosts = [h.lower() for h in _strings(entry.get("hosts", []), f"{where}: hosts")]
    if not hosts:
        hosts = sorted({urlsplit(s).netloc.lower() for s in seeds if urlsplit(s).netloc})
    if not hosts:
        raise CrawlError(f"{where}: needs hosts or seeds")
    delay = entry.get("delay")
    if delay is not None and (isinstance(delay, bool) or not isinstance(delay, int | float) or delay < 0):
        raise CrawlError(f"{where}: delay must be a number of seconds, got {delay!r}")
    selectors = entry.get("selectors", {})
    if not isinstance(selectors, dict):
        raise CrawlError(f"{where}: selectors must be a table")
    for key, value in selectors.items():
        if key not in {"title", "body", "date"} or not isinstance(value, str):
            raise CrawlError(f"{where}: selector {key!r} must be one of title/body/date, given as a string")
        if _SELECTOR.fullmatch(value.strip()) is None:
            raise CrawlError(f"{where}: selector {value!r} not understood (use tag, #id, .class or tag.class)")
    return SiteRule(
        name=name,
        hosts=hosts,
        seeds=seeds,
        list_patterns=_patterns(entry.get("list", []), f"{where}: list"),
        article_patterns=_patterns(entry.get("article", []), f"{where}: article"),
        follow=_patterns(entry.get("follow", []), f"{where}: follow"),
        ignore=_patterns(entry.get("ignore", []), f"{where}: ignore"),
        selectors={k: v.strip() for k, v in selectors.items()},
        delay=float(delay) if delay is not None else None,
        article_links=bool(entry.get("article_links", False)),
        robots_sitemaps=bool(entry.get("robots_sitemaps", False)),
        tested=bool(entry.get("tested", False)),
    )


def _strings(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CrawlError(f"{where} must be a list of strings")
    return list(value)


def _patterns(value: Any, where: str) -> list[re.Pattern[str]]:
    out = []
    for text in _strings(value, where):
        try:
            out.append(re.compile(text))
        except re.error as exc:
            raise CrawlError(f"{where}: bad regular expression {text!r}: {exc}") from None
    return out


def rule_for(url: str, rules: list[SiteRule]) -> SiteRule | None:
    host = urlsplit(url).netloc.lower()
    for rule in rules:
        if rule.covers(host):
            return rule
    return None


_SELECTOR = re.compile(r"(?P<tag>[a-zA-Z][a-zA-Z0-9]*)?(?:(?P<sigil>[#.])(?P<name>[A-Za-z0-9_-]+))?")


def selector_xpath(selector: str) -> str:
    """XPath for the small CSS subset rules may use: ``tag``, ``#id``, ``.class``, ``tag#id``, ``tag.class``."""
    match = _SELECTOR.fullmatch(selector.strip())
    if match is None or not (match.group("tag") or match.group("name")):
        raise CrawlError(f"selector {selector!r} not understood (use tag, #id, .class or tag.class)")
    tag = match.group("tag") or "*"
    name = match.group("name")
    if not name:
        return f"//{tag}"
    if match.group("sigil") == "#":
        return f"//{tag}[@id='{name}']"
    return f"//{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"
