"""One HTTP GET at a time: no automatic redirects, a deadline and a size limit per response.

Built on ``http.client`` so the crawler sees every hop of a redirect chain and the raw status line and headers
that go into the WARC capture. Connections are kept alive per host and reopened when a server closed them.
"""

from __future__ import annotations

import http.client
import ssl
import time
import zlib
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from archive.errors import CrawlError

_CHUNK = 64 * 1024


class FetchError(CrawlError):
    """A request that produced no usable response; ``retryable`` for timeouts and broken connections."""

    def __init__(self, message: str, *, retryable: bool) -> None:
        super().__init__(message)
        self.retryable = retryable


@dataclass
class Response:
    url: str
    status: int
    reason: str
    headers: list[tuple[str, str]]
    raw: bytes  # the body as sent (after de-chunking, before content decoding): what the WARC record keeps
    body: bytes  # the body with Content-Encoding (gzip, deflate) undone: what extract reads
    truncated: bool = False  # the body went past the size limit and was cut there
    version: str = "HTTP/1.1"
    elapsed: float = 0.0
    extra: dict[str, str] = field(default_factory=dict)

    def header(self, name: str) -> str | None:
        wanted = name.lower()
        for key, value in self.headers:
            if key.lower() == wanted:
                return value
        return None

    @property
    def content_type(self) -> str | None:
        return self.header("Content-Type")


class Fetcher:
    """``get(url, headers)`` → ``Response``; raises ``FetchError`` when no response came."""

    def __init__(self, user_agent: str, *, timeout: float, max_bytes: int) -> None:
        self.user_agent = user_agent
        self.timeout = timeout
        self.max_bytes = max_bytes
        self._connections: dict[tuple[str, str], http.client.HTTPConnection] = {}

    def close(self) -> None:
        for conn in self._connections.values():
            conn.close()
        self._connections.clear()

    def _connection(self, scheme: str, netloc: str) -> tuple[http.client.HTTPConnection, bool]:
        key = (scheme, netloc)
        conn = self._connections.get(key)
        if conn is not None:
            return conn, True
        if scheme == "https":
            conn = http.client.HTTPSConnection(netloc, timeout=self.timeout, context=ssl.create_default_context())
        else:
            conn = http.client.HTTPConnection(netloc, timeout=self.timeout)
        self._connections[key] = conn
        return conn, False

    def _drop(self, scheme: str, netloc: str) -> None:
        conn = self._connections.pop((scheme, netloc), None)
        if conn is not None:
            conn.close()

    def get(self, url: str, headers: dict[str, str] | None = None) -> Response:
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise FetchError(f"{url}: not an http(s) URL", retryable=False)
        target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
        sent = {
            "User-Agent": self.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5",
            "Accept-Encoding": "gzip, deflate",
            **(headers or {}),
        }
        started = time.monotonic()
        for attempt in (0, 1):
            conn, reused = self._connection(parts.scheme, parts.netloc)
            try:
                conn.request("GET", target, headers=sent)
                resp = conn.getresponse()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError) as exc:
                self._drop(parts.scheme, parts.netloc)
                if reused and attempt == 0:
                    continue  # a kept-alive connection the server had closed: one fresh try
                raise FetchError(f"{url}: connection closed by the server ({exc})", retryable=True) from None
            except TimeoutError:
                self._drop(parts.scheme, parts.netloc)
                raise FetchError(f"{url}: timed out after {self.timeout:g} s", retryable=True) from None
            except ssl.SSLError as exc:
                self._drop(parts.scheme, parts.netloc)
                raise FetchError(f"{url}: TLS error: {exc.reason or exc}", retryable=False) from None
            except (OSError, http.client.HTTPException) as exc:
                self._drop(parts.scheme, parts.netloc)
                reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
                raise FetchError(f"{url}: connection failed: {reason}", retryable=True) from None
            try:
                return self._read(url, resp, started)
            except FetchError:
                self._drop(parts.scheme, parts.netloc)
                raise
        raise FetchError(f"{url}: connection closed by the server", retryable=True)  # pragma: no cover

    def _read(self, url: str, resp: http.client.HTTPResponse, started: float) -> Response:
        headers = [(k, v) for k, v in resp.getheaders()]
        length = resp.getheader("Content-Length")
        if length and length.strip().isdigit() and int(length) > self.max_bytes:
            resp.close()
            raise FetchError(
                f"{url}: response of {int(length):,} bytes is over the {self.max_bytes:,}-byte limit", retryable=False
            )
        chunks: list[bytes] = []
        size = 0
        truncated = False
        deadline = started + self.timeout
        try:
            while True:
                if time.monotonic() > deadline:
                    raise FetchError(f"{url}: timed out after {self.timeout:g} s reading the body", retryable=True)
                chunk = resp.read(_CHUNK)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
                if size > self.max_bytes:
                    truncated = True
                    break
        except TimeoutError:
            raise FetchError(f"{url}: timed out after {self.timeout:g} s reading the body", retryable=True) from None
        except (OSError, http.client.HTTPException) as exc:
            raise FetchError(f"{url}: connection broke while reading the body: {exc}", retryable=True) from None
        raw = b"".join(chunks)[: self.max_bytes] if truncated else b"".join(chunks)
        if truncated:
            resp.close()
        body = raw if truncated else _decode_content(url, raw, resp.getheader("Content-Encoding"), self.max_bytes)
        if len(body) > self.max_bytes:
            truncated = True
        version = "HTTP/1.0" if resp.version == 10 else "HTTP/1.1"
        return Response(
            url=url,
            status=resp.status,
            reason=resp.reason or "",
            headers=headers,
            raw=raw,
            body=body,
            truncated=truncated,
            version=version,
            elapsed=time.monotonic() - started,
        )


def _decode_content(url: str, raw: bytes, encoding: str | None, limit: int) -> bytes:
    coding = (encoding or "").strip().lower()
    if coding in {"", "identity"}:
        return raw
    if coding in {"gzip", "x-gzip", "deflate"}:
        wbits = 16 + zlib.MAX_WBITS if coding != "deflate" else zlib.MAX_WBITS
        try:
            inflater = zlib.decompressobj(wbits)
            out = inflater.decompress(raw, limit + 1)
        except zlib.error:
            if coding != "deflate":
                raise FetchError(f"{url}: damaged {coding} body", retryable=False) from None
            try:  # raw deflate without the zlib header, as some servers send it
                out = zlib.decompressobj(-zlib.MAX_WBITS).decompress(raw, limit + 1)
            except zlib.error:
                raise FetchError(f"{url}: damaged deflate body", retryable=False) from None
        return out
    raise FetchError(f"{url}: unsupported Content-Encoding {encoding!r}", retryable=False)
