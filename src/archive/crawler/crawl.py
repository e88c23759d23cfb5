"""The crawl loop: frontier → politeness → fetch → WARC → classify → documents for the pipeline.

``Crawler.run()`` yields a ``Document`` for every new or changed article page (and, first, for articles an
interrupted invocation fetched but could not confirm as stored); the caller feeds them to the pipeline and
calls ``confirm(urls)`` once they are committed. Each handled URL is one SQLite transaction, written after its
WARC record: a killed crawl resumes without fetching again what it had.

Politeness: robots.txt per host (captured like any response), one request at a time (the loop is sequential),
a delay per host (``--delay``, else the site rule's, else the ``crawl_delay`` setting; robots.txt's
Crawl-delay when longer), ``Retry-After`` on 429/503, back-off retries for timeouts and 5xx, a redirect limit
with loop detection, and no request ever leaves the hosts of the seeds and of their site rules.
"""

from __future__ import annotations

import hashlib
import heapq
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from archive.crawler.classify import analyse, classify, skippable
from archive.crawler.fetch import Fetcher, FetchError, Response
from archive.crawler.frontier import Frontier, PageState, now_iso
from archive.crawler.robots import RobotRules
from archive.crawler.rules import SiteRule, rule_for
from archive.crawler.warc import WarcWriter, read_payload
from archive.errors import CrawlError, InputError
from archive.models import Document

REDIRECTS = {301, 302, 303, 307, 308}
MAX_RETRY_AFTER = 300.0  # seconds; a server asking for longer is reported as failing


@dataclass
class CrawlOptions:
    seeds: list[str]
    user_agent: str
    delay: float  # default seconds between requests to one host
    delay_override: bool = False  # --delay given: wins over the site rules' delay
    timeout: float = 20.0
    max_bytes: int = 20 * 1024 * 1024
    max_pages: int | None = None
    depth: int | None = None
    retries: int = 3  # attempts per URL for timeouts and 5xx
    backoff: float = 0.5  # first back-off in seconds, doubled each attempt
    max_redirects: int = 5
    rules: list[SiteRule] = field(default_factory=list)


@dataclass
class CrawlStats:
    fetched: int = 0  # URLs handled with a response (any status)
    requests: int = 0  # HTTP requests sent, robots.txt, redirects and retries included
    not_modified: int = 0
    articles: int = 0  # article pages handed to the pipeline (new or changed)
    unchanged: int = 0  # article pages whose bytes did not change
    lists: int = 0
    other: int = 0  # responses that are not HTML pages
    failed: int = 0
    blocked: int = 0  # disallowed by robots.txt
    external: int = 0  # links outside the crawl's hosts, not fetched
    retries: int = 0
    bytes: int = 0
    resumed: bool = False
    run: int = 0
    finished: bool = False
    failures: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class _Host:
    queue: list[tuple[int, int, str, int]] = field(default_factory=list)  # (depth, seq, url, attempt)
    ready_at: float = 0.0
    robots: RobotRules | None = None


Event = Callable[[str, str], None]  # (kind, message): "fail" | "blocked" | "info"


def normalize_url(url: str) -> str | None:
    """Canonical form for the frontier: http(s) only, lower-case host, no default port, no fragment."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"} or not parts.hostname:
        return None
    host = parts.hostname.lower()
    try:
        port = parts.port
    except ValueError:
        return None
    if ":" in host:
        host = f"[{host}]"
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    path = quote(parts.path or "/", safe="/%:@&=+$,;~!*'()")
    query = quote(parts.query, safe="=&%+/:;,@!*'()?~$")
    return urlunsplit((scheme, host, path, query, ""))


def retry_after_seconds(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class Crawler:
    def __init__(self, data_dir: Path, options: CrawlOptions, *, on_event: Event | None = None) -> None:
        self.data_dir = data_dir
        self.options = options
        self.on_event = on_event or (lambda kind, message: None)
        self.stats = CrawlStats()
        seeds = []
        for seed in options.seeds:
            url = normalize_url(seed)
            if url is None:
                raise CrawlError(f"{seed}: not an http(s) URL")
            seeds.append(url)
        if not seeds:
            raise CrawlError("nothing to crawl: give start URLs or a rules file with seeds")
        self.seeds = seeds
        self.hosts: set[str] = {urlsplit(s).netloc for s in seeds}
        for seed in seeds:
            rule = rule_for(seed, options.rules)
            if rule is not None:
                self.hosts.update(rule.hosts)
        self._host: dict[str, _Host] = {}
        self._seq = 0
        self._known: set[str] = set()

    # scope
    def in_scope(self, url: str) -> bool:
        host = urlsplit(url).netloc
        return host in self.hosts or (urlsplit(url).hostname or "") in self.hosts

    def _rule(self, url: str) -> SiteRule | None:
        return rule_for(url, self.options.rules)

    def _delay(self, url: str, robots: RobotRules | None) -> float:
        delay = self.options.delay
        rule = self._rule(url)
        if rule is not None and rule.delay is not None and not self.options.delay_override:
            delay = rule.delay
        if robots is not None and robots.crawl_delay is not None:
            delay = max(delay, min(robots.crawl_delay, MAX_RETRY_AFTER))
        return delay

    # the loop
    def __enter__(self) -> Crawler:
        self.frontier = Frontier(self.data_dir)
        self.warc = WarcWriter(self.data_dir / "captures", user_agent=self.options.user_agent)
        self.fetcher = Fetcher(self.options.user_agent, timeout=self.options.timeout, max_bytes=self.options.max_bytes)
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        self.fetcher.close()
        self.warc.close()
        # Interrupted inside a URL's transaction (Ctrl+C): drop it, that URL is fetched again next time.
        self.frontier.close(keep_open_transaction=kind is None)

    def run(self) -> Iterator[Document]:
        """Crawl until the queue is empty or ``max_pages`` were fetched; yields the articles to store."""
        frontier = self.frontier
        run, resumed = frontier.start_run(self.seeds)
        self.run_id = run
        self.stats.run, self.stats.resumed = run, resumed
        if resumed:
            self.on_event("info", f"continuing crawl #{run} ({frontier.done_count(run)} URLs already done)")
        yield from self._pending_documents()
        self._known = frontier.known(run)
        for url, depth in frontier.queued(run):
            self._push(url, depth, 0)
        while self._host:
            if self.options.max_pages is not None and self.stats.fetched >= self.options.max_pages:
                break
            item = self._next()
            if item is None:
                break
            depth, url, attempt = item
            document = self._handle(url, depth, attempt)
            if document is not None:
                yield document
        if not any(h.queue for h in self._host.values()):
            frontier.begin()
            frontier.finish_run(run)
            frontier.commit()
            self.stats.finished = True

    def confirm(self, urls: list[str]) -> None:
        """The pipeline committed these articles: they need not be handed over again after a restart."""
        self.frontier.begin()
        self.frontier.mark_ingested(urls)
        self.frontier.commit()

    def _pending_documents(self) -> Iterator[Document]:
        for page in list(self.frontier.pending_ingest()):
            if not page.warc_file or page.warc_offset is None:
                continue
            try:
                data, ctype, _ = read_payload(Path(page.warc_file), page.warc_offset)
            except InputError as exc:
                self._fail(page.url, str(exc), record=False)
                continue
            yield self._document(page.final_url or page.url, data, ctype or page.content_type, page)

    def _document(self, url: str, data: bytes, content_type: str | None, page: PageState) -> Document:
        return Document(
            data=data,
            kind="html",
            name=url,
            url=url,
            content_type=content_type,
            fetched_at=page.fetched_at,
            warc_file=page.warc_file,
            warc_offset=page.warc_offset,
            selectors=self._selectors(url),
        )

    def _selectors(self, url: str) -> dict[str, str]:
        """The title/body/date selectors of the site rule covering ``url``, for the extract stage."""
        rule = self._rule(url)
        return dict(rule.selectors) if rule is not None else {}

    def _push(self, url: str, depth: int, attempt: int) -> None:
        host = self._host.setdefault(urlsplit(url).netloc, _Host())
        self._seq += 1
        heapq.heappush(host.queue, (depth, self._seq, url, attempt))
        self._known.add(url)

    def _next(self) -> tuple[int, str, int] | None:
        """The next URL of the host that may be asked soonest, after waiting for it."""
        ready = [(h.ready_at, name) for name, h in self._host.items() if h.queue]
        if not ready:
            return None
        ready_at, name = min(ready)
        wait = ready_at - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        depth, _, url, attempt = heapq.heappop(self._host[name].queue)
        return depth, url, attempt

    def _wait_host(self, url: str) -> _Host:
        host = self._host.setdefault(urlsplit(url).netloc, _Host())
        wait = host.ready_at - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        return host

    def _request(self, url: str, headers: dict[str, str] | None = None) -> Response:
        host = self._wait_host(url)
        self.stats.requests += 1
        try:
            response = self.fetcher.get(url, headers)
        finally:
            host.ready_at = time.monotonic() + self._delay(url, host.robots)
        self.stats.bytes += len(response.raw)
        return response

    def _robots(self, url: str) -> RobotRules:
        host = self._host.setdefault(urlsplit(url).netloc, _Host())
        if host.robots is not None:
            return host.robots
        parts = urlsplit(url)
        robots_url = urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))
        agent = self.options.user_agent
        rules: RobotRules
        target = robots_url
        for _ in range(self.options.max_redirects + 1):
            try:
                response = self._request(target)
            except FetchError as exc:
                rules = RobotRules.deny_all(agent, f"robots.txt unreachable: {exc}")
                break
            self._capture(response)
            location = response.header("Location")
            if response.status in REDIRECTS and location:
                target = normalize_url(_join(target, location)) or robots_url
                continue
            if response.status >= 500:
                rules = RobotRules.deny_all(agent, f"robots.txt answered HTTP {response.status}")
            elif response.status >= 400 or response.status in REDIRECTS:
                rules = RobotRules.allow_all(agent)
            else:
                rules = RobotRules.from_text(response.body.decode("utf-8", errors="replace"), agent)
            break
        else:
            rules = RobotRules.deny_all(agent, "robots.txt redirects too often")
        host.robots = rules
        host.ready_at = max(host.ready_at, time.monotonic() + self._delay(url, rules))  # its Crawl-delay counts
        if rules.crawl_delay is not None:
            self.on_event("info", f"{parts.netloc}: robots.txt asks for {rules.crawl_delay:g} s between requests")
        self._sitemap_seeds(url, rules)
        return rules

    def _sitemap_seeds(self, url: str, robots: RobotRules) -> None:
        """Queue robots.txt's ``Sitemap:`` URLs as more seeds when a seed of the host is the site root (``/``)
        or the host's site rule sets ``robots_sitemaps``."""
        if not robots.sitemaps:
            return
        netloc = urlsplit(url).netloc
        rule = self._rule(url)
        at_root = any(
            urlsplit(seed).netloc == netloc and urlsplit(seed).path in {"", "/"} and not urlsplit(seed).query
            for seed in self.seeds
        )
        if not at_root and not (rule is not None and rule.robots_sitemaps):
            return
        self.frontier.begin()
        for link in robots.sitemaps:
            target = normalize_url(_join(url, link))
            if target is None or target in self._known or not self.in_scope(target):
                continue
            if self.frontier.enqueue(target, 0, self.run_id):
                self._push(target, 0, 0)
                self.on_event("info", f"{target}: sitemap named by robots.txt, crawled as a seed")
            else:
                self._known.add(target)
        self.frontier.commit()

    def _capture(self, response: Response) -> tuple[str, int]:
        return self.warc.append(response)

    def _fail(self, url: str, reason: str, *, record: bool = True, depth: int = 0) -> None:
        self.stats.failed += 1
        self.stats.failures.append((url, reason))
        if record:
            self.frontier.begin()
            self.frontier.record(url, self.run_id, depth, state="failed", error=reason)
            self.frontier.commit()
        self.on_event("fail", f"{url}: {reason}")

    def _retry(self, url: str, depth: int, attempt: int, wait: float, reason: str) -> bool:
        """Queue ``url`` again after ``wait`` seconds unless its attempts are used up."""
        if attempt + 1 >= self.options.retries:
            return False
        self.stats.retries += 1
        host = self._host.setdefault(urlsplit(url).netloc, _Host())
        host.ready_at = max(host.ready_at, time.monotonic() + wait)
        self._push(url, depth, attempt + 1)
        self.on_event("info", f"{url}: {reason}; retrying in {wait:g} s")
        return True

    def _handle(self, url: str, depth: int, attempt: int) -> Document | None:
        chain = [url]
        current = url
        while True:
            robots = self._robots(current)
            if not robots.allowed(current):
                reason = robots.blocked_reason or "disallowed by robots.txt"
                self.stats.blocked += 1
                self.frontier.begin()
                self.frontier.record(url, self.run_id, depth, state="blocked", error=reason)
                self.frontier.commit()
                self.on_event("blocked", f"{current}: {reason}")
                return None
            previous = self.frontier.get(current)
            headers = _conditional(previous)
            try:
                response = self._request(current, headers)
            except FetchError as exc:
                backoff = self.options.backoff * (2**attempt)
                if exc.retryable and self._retry(url, depth, attempt, backoff, str(exc).split(": ", 1)[-1]):
                    return None
                self._fail(url, str(exc).split(": ", 1)[-1] + _attempts(attempt), depth=depth)
                return None
            warc_file, warc_offset = self._capture(response)
            status = response.status
            location = response.header("Location")
            if status in REDIRECTS and location:
                target = normalize_url(_join(current, location))
                if target is None:
                    self._fail(url, f"HTTP {status} to an unusable Location {location!r}", depth=depth)
                    return None
                if target in chain:
                    loop = " → ".join([*chain[chain.index(target) :], target])
                    self._fail(url, f"redirect loop: {loop}", depth=depth)
                    return None
                if len(chain) > self.options.max_redirects:
                    self._fail(url, f"more than {self.options.max_redirects} redirects", depth=depth)
                    return None
                if not self.in_scope(target):
                    self.stats.external += 1
                    self._fail(url, f"redirects outside the crawl to {target}", depth=depth)
                    return None
                self.frontier.begin()
                self.frontier.record(
                    current,
                    self.run_id,
                    depth,
                    state="redirected",
                    status=status,
                    final_url=target,
                    warc_file=warc_file,
                    warc_offset=warc_offset,
                    fetched_at=now_iso(),
                    error=None,
                )
                self.frontier.commit()
                chain.append(target)
                current = target
                continue
            break
        return self._result(url, current, depth, attempt, response, (warc_file, warc_offset), previous)

    def _result(
        self,
        url: str,
        final: str,
        depth: int,
        attempt: int,
        response: Response,
        capture: tuple[str, int],
        previous: PageState | None,
    ) -> Document | None:
        status = response.status
        if status == 429 or status >= 500:
            wait = retry_after_seconds(response.header("Retry-After"))
            if wait is not None and wait > MAX_RETRY_AFTER:
                self._fail(url, f"HTTP {status}, Retry-After {wait:.0f} s is too long", depth=depth)
                return None
            if wait is None:
                wait = self.options.backoff * (2**attempt)
            if self._retry(url, depth, attempt, wait, f"HTTP {status}"):
                return None
            self._fail(url, f"HTTP {status} {response.reason}".strip() + _attempts(attempt), depth=depth)
            return None
        self.stats.fetched += 1
        fetched_at = now_iso()
        warc_file, warc_offset = capture
        common = {"status": status, "fetched_at": fetched_at, "error": None}
        if status == 304 and previous is not None:
            self.stats.not_modified += 1
            self.frontier.begin()
            self.frontier.record(final, self.run_id, depth, state="not_modified", **common)
            if final != url:
                self.frontier.record(url, self.run_id, depth, final_url=final)
            if previous.kind == "list":
                self._queue_links(self.frontier.links_of(final), depth, previous.kind, final)
            elif previous.kind == "article":
                self.stats.unchanged += 1
            self.frontier.commit()
            return None
        if status >= 300:
            self._fail(url, f"HTTP {status} {response.reason}".strip(), depth=depth)
            return None
        if response.truncated:
            self._fail(url, f"response is over the {self.options.max_bytes:,}-byte limit", depth=depth)
            return None
        ctype = response.content_type
        fields = {
            **common,
            "etag": response.header("ETag"),
            "last_modified": response.header("Last-Modified"),
            "content_type": ctype,
            "warc_file": warc_file,
            "warc_offset": warc_offset,
            "final_url": None,
        }
        mime = (ctype or "").split(";", 1)[0].strip().lower()
        body = response.body
        self.frontier.begin()
        if final != url:
            self.frontier.record(url, self.run_id, depth, final_url=final)
        if _is_sitemap(mime, body):
            self.stats.lists += 1
            links = _sitemap_links(body)
            self.frontier.record(final, self.run_id, depth, state="fetched", kind="list", **fields)
            self.frontier.set_links(final, links)
            self._queue_links(links, depth, "list", final)
            self.frontier.commit()
            return None
        if mime not in {"text/html", "application/xhtml+xml", ""}:
            self.stats.other += 1
            self.frontier.record(final, self.run_id, depth, state="fetched", kind="other", **fields)
            self.frontier.commit()
            return None
        sha1 = hashlib.sha1(body).hexdigest()
        rule = self._rule(final)
        facts = analyse(body, ctype, final, rule)
        kind, _ = classify(final, facts, rule)
        links = [n for n in (normalize_url(link) for link in facts.links) if n is not None]
        self.frontier.set_links(final, links)
        follow = kind == "list" or (rule is not None and rule.article_links)
        if follow:
            self._queue_links(links, depth, kind, final)
        changed = previous is None or previous.sha1 != sha1 or previous.kind != kind
        handover = kind == "article" and changed
        if handover:  # left as it was otherwise: an article still waiting for the pipeline stays pending
            fields["ingested"] = 0
        self.frontier.record(final, self.run_id, depth, state="fetched", kind=kind, sha1=sha1, **fields)
        self.frontier.commit()
        if kind == "list":
            self.stats.lists += 1
            return None
        if not handover:
            self.stats.unchanged += 1
            return None
        self.stats.articles += 1
        return Document(
            data=body,
            kind="html",
            name=final,
            url=final,
            content_type=ctype,
            fetched_at=fetched_at,
            warc_file=warc_file,
            warc_offset=warc_offset,
            selectors=dict(rule.selectors) if rule is not None else {},
        )

    def _queue_links(self, links: list[str], depth: int, kind: str | None, source: str) -> None:
        """Queue in-scope links one level deeper (inside the caller's transaction)."""
        if self.options.depth is not None and depth + 1 > self.options.depth:
            return
        for link in links:
            if link in self._known:
                continue
            if not self.in_scope(link):
                self._known.add(link)
                self.stats.external += 1
                continue
            if skippable(link):
                continue
            rule = self._rule(link)
            if rule is not None and not rule.wants(link):
                continue
            if self.frontier.enqueue(link, depth + 1, self.run_id):
                self._push(link, depth + 1, 0)
            else:
                self._known.add(link)


def _conditional(previous: PageState | None) -> dict[str, str]:
    if previous is None or previous.state not in {"fetched", "not_modified"}:
        return {}
    headers = {}
    if previous.etag:
        headers["If-None-Match"] = previous.etag
    if previous.last_modified:
        headers["If-Modified-Since"] = previous.last_modified
    return headers


def _attempts(attempt: int) -> str:
    return f" (after {attempt + 1} attempts)" if attempt else ""


def _join(base: str, location: str) -> str:
    return urljoin(base, location.strip())


def _is_sitemap(mime: str, body: bytes) -> bool:
    if mime not in {"application/xml", "text/xml", "application/rss+xml", ""} and not mime.endswith("+xml"):
        return False
    head = body[:2048]
    return b"<urlset" in head or b"<sitemapindex" in head


def _sitemap_links(body: bytes) -> list[str]:
    out: list[str] = []
    for match in re.finditer(rb"<loc>\s*(.*?)\s*</loc>", body, re.DOTALL):
        text = match.group(1).decode("utf-8", errors="replace").replace("&amp;", "&")
        url = normalize_url(text)
        if url is not None:
            out.append(url)
    return out
