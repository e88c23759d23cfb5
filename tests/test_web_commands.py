"""`archive demo` and `archive serve` as a user runs them."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

from archive.commands.web import demo_dir
from archive.crawler.files import iter_documents
from archive.models import Document


def archive(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "archive", "--data", str(data), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


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


def test_serve_on_a_taken_port_says_so(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = archive(tmp_path / "data", "serve", "--port", str(port))
    assert result.returncode != 0
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr
