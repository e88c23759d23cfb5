"""`archive demo` and `archive serve` as a user runs them."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

from archive.commands.web import demo_dir
from archive.crawler.files import iter_documents
from archive.models import Document
from processes import archive


def test_demo_bundle_is_big_enough() -> None:
    documents = [d for d in iter_documents([demo_dir()]) if isinstance(d, Document)]
    assert len(documents) >= 30


def test_demo_imports_once_then_changes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = archive(data, "demo", "--no-serve")
    assert first.returncode == 0, first.stderr
    assert "failed 0" in first.stdout
    imported = int(first.stdout.split("imported ")[1].split(",")[0])
    assert imported >= 30
    second = archive(data, "demo", "--no-serve")
    assert second.returncode == 0, second.stderr
    assert "imported 0," in second.stdout and "updated 0," in second.stdout
    assert f"unchanged {imported}," in second.stdout
    searched = archive(data, "search", "会议", "--json")
    assert searched.returncode == 0, searched.stderr
    assert '"total"' in searched.stdout
    # ids must not depend on where the package is installed: no file:// URLs for the demo text dumps
    exported = archive(data, "export")
    urls = [json.loads(line)["url"] for line in exported.stdout.splitlines()]
    assert len(urls) == imported
    assert not [url for url in urls if url.startswith("file:")]
    assert any(url.startswith("archive-demo:") for url in urls)


def test_serve_on_a_taken_port_says_so(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = archive(tmp_path / "data", "serve", "--port", str(port))
    assert result.returncode != 0
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def test_served_archive_answers_in_parallel_while_an_import_runs(tmp_path: Path, seed_path: Path) -> None:
    data = tmp_path / "data"
    imported = archive(data, "import", str(seed_path))
    assert imported.returncode == 0, imported.stderr
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log = tmp_path / "server.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "archive", "--data", str(data), "serve", "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if fetch(base + "/")[0] == 200:
                    break
            except (urllib.error.URLError, ConnectionError):
                pass
            assert server.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        urls = [base + "/?q=" + quote(q) for q in ("浦东", "陈吉宁", "统计", "会议", "城市安全")] * 8
        urls += [base + "/api/search?q=" + quote("浦东"), base + "/api/suggest?q=" + quote("浦")] * 4
        with ThreadPoolExecutor(max_workers=8) as pool:
            importing = pool.submit(archive, data, "demo", "--no-serve")
            statuses = list(pool.map(lambda u: fetch(u)[0], urls))
            assert importing.result().returncode == 0
        assert statuses == [200] * len(urls), log.read_text()
        status, body = fetch(base + "/api/search?q=" + quote("林海涛"))
        assert status == 200 and json.loads(body)["total"] > 0, "articles imported while serving are found"
    finally:
        server.terminate()
        server.wait(timeout=10)
