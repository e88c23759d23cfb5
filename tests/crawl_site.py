"""A real HTTP server on 127.0.0.1 for crawler tests: routes of our own, a log of every request."""

from __future__ import annotations

import contextlib
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from archive.cli import _register, cli

Reply = tuple[int, dict[str, str], bytes]
Route = Callable[["Request"], Reply | None]


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    at: float  # time.monotonic() when it arrived
    handler: BaseHTTPRequestHandler = field(repr=False)

    def header(self, name: str) -> str | None:
        for key, value in self.headers.items():
            if key.lower() == name.lower():
                return value
        return None


class Site:
    """``site.page(path, body)`` or ``site.routes[path] = fn``; ``site.log`` lists every request received."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.log: list[Request] = []
        self.served: list[str] = []  # paths whose response was fully written
        self.delay = 0.0  # seconds every response waits (for kill tests)
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def do_GET(self) -> None:
                request = Request(self.path, dict(self.headers.items()), time.monotonic(), self)
                with site.lock:
                    site.log.append(request)
                if site.delay:
                    time.sleep(site.delay)
                route = site.routes.get(self.path.split("#")[0])
                reply = route(request) if route else (404, {"Content-Type": "text/plain"}, b"not found")
                if reply is None:  # the route wrote the response itself
                    return
                status, headers, body = reply
                try:
                    self.send_response(status)
                    for key, value in headers.items():
                        self.send_header(key, value)
                    if "Content-Length" not in headers:
                        self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if status != 304:
                        self.wfile.write(body)
                    with site.lock:
                        site.served.append(self.path)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True

            def log_message(self, format: str, *args: Any) -> None:
                return

        class Server(ThreadingHTTPServer):
            def handle_error(self, request: Any, client_address: Any) -> None:
                return  # clients that hang up (timeouts, size limits) are part of the tests

        self.server = Server(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Site:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)

    @property
    def root(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.root + path

    def page(
        self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8", **headers: str
    ) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        fixed = {"Content-Type": content_type, **{k.replace("_", "-"): v for k, v in headers.items()}}
        self.routes[path] = lambda request: (200, fixed, data)

    def requests_for(self, path: str) -> list[Request]:
        return [r for r in self.log if r.path == path]


def article_html(title: str, paragraphs: list[str], date: str = "2024年3月5日", links: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<div class='nav'><a href='/'>首页</a> <a href='/about.html'>关于我们</a></div>"
        f"<h1>{title}</h1><div class='info'>发布时间：{date}</div><div id='content'>{body}</div>{links}"
        "</body></html>"
    )


def list_html(title: str, items: list[tuple[str, str]]) -> str:
    lis = "".join(
        f"<li><a href='{href}'>{text}</a><span>2024-03-0{n % 9 + 1}</span></li>" for n, (href, text) in enumerate(items)
    )
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<div class='nav'><a href='/'>首页</a></div><h1>{title}</h1><ul>{lis}</ul></body></html>"
    )


PARAGRAPHS = [
    "3月5日上午，市政府召开常务会议，听取关于本市推进城市更新和旧区改造工作情况的汇报，研究部署下一阶段重点任务。",
    "会议指出，城市更新是提升城市能级和核心竞争力的重要举措，各区各部门要坚持规划引领，统筹推进民生改善和功能提升。",
    "会议强调，要加强组织领导，压实工作责任，强化政策供给和资金保障，确保各项任务按时保质完成，让群众有更多获得感。",
    "会议还研究了其他事项。市政府领导和各委办局主要负责同志参加会议，各区政府主要负责同志列席会议并结合实际作了发言。",
]


def wait_until(predicate: Callable[[], bool], timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.01)
    return False


def crawl(data_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``archive crawl`` in this process (the pipeline's dictionaries load once per test process)."""
    _register()
    with contextlib.chdir(cwd):
        result = CliRunner().invoke(cli, ["--data", str(data_dir), "crawl", *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return subprocess.CompletedProcess(["archive", "crawl", *args], result.exit_code, result.stdout, result.stderr)
