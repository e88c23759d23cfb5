"""`archive extract`: JSON lines in file order, error objects in place, exit status, readable view."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from archive.cli import _register, cli

PAGE = (
    "<html><head><meta charset='gb2312'><title>国务院常务会议研究经济工作_示范市人民政府</title></head><body>"
    "<div class='nav'><a href='/'>首页</a></div><div class='content'><h1>国务院常务会议研究经济工作</h1>"
    "<p>国务院总理朱镕基3月2日主持召开国务院常务会议，研究部署进一步做好经济工作。</p>"
    "<p>会议指出，要坚持扩大内需的方针，保持国民经济持续快速健康发展。</p></div></body></html>"
)


def run_archive(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "archive", "--data", str(cwd / "data"), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        check=False,
    )


def test_json_lines_in_order_with_errors_in_place(tmp_path: Path, seed_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(PAGE.encode("gbk"))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.html"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    result = run_archive(
        "extract", "--json", str(seed_path), str(empty), str(page), str(binary), str(pdf), cwd=tmp_path
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 5
    seed, bad_empty, good, bad_binary, bad_type = lines
    assert seed["title"].startswith("新年首次市委季度工作會議")
    assert seed["source"] == "上海發布"
    assert {
        "id",
        "url",
        "title",
        "source",
        "published",
        "meeting",
        "speakers",
        "attendees",
        "units",
        "districts",
        "themes",
        "sections",
    } <= set(seed)
    assert seed["sections"][0]["id"] == f"{seed['id']}#0"
    assert {"id", "heading", "text", "speakers", "units", "districts", "themes"} <= set(seed["sections"][0])
    assert bad_empty == {"file": str(empty), "error": "empty file"}
    assert good["title"] == "国务院常务会议研究经济工作"
    assert "朱镕基" in good["sections"][0]["text"]
    assert bad_binary["file"] == str(binary) and "binary" in bad_binary["error"]
    assert bad_type["file"] == str(pdf) and "unsupported" in bad_type["error"]
    # nothing was stored
    assert not (tmp_path / "data" / "archive.sqlite").exists()


def test_all_good_exits_zero_and_readable_view(tmp_path: Path, seed_path: Path) -> None:
    result = run_archive("extract", str(seed_path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "新年首次市委季度工作會議1月5日下午舉行" in out
    assert "source: 上海發布" in out
    assert f"url: {seed_path.resolve().as_uri()}" in out
    assert "## 保持自我加壓、奮勇爭先的姿態" in out
    assert "[report]" in out and "[attendance]" in out


def test_missing_file_and_no_article(tmp_path: Path) -> None:
    _register()
    scripts = tmp_path / "scripts.html"
    scripts.write_text("<html><body><script>var x = 1;</script><p>   </p></body></html>", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(
        cli, ["--data", str(tmp_path / "data"), "extract", "--json", str(tmp_path / "nope.html"), str(scripts)]
    )
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert lines[0] == {"file": str(tmp_path / "nope.html"), "error": "no such file or folder"}
    assert lines[1]["file"] == str(scripts) and "no article" in lines[1]["error"]


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("会议强调要抓好落实。\n" * 200, encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.toml").write_text("max_bytes = 1000\n", encoding="utf-8")
    result = run_archive("extract", "--json", str(big), cwd=tmp_path)
    assert result.returncode == 1
    line = json.loads(result.stdout)
    assert line["file"] == str(big) and "limit" in line["error"]
