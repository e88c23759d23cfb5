"""A small run of each benchmark: it runs, prints its table and writes JSON with the figures it reports.

The figures themselves are not asserted on (they belong to the benchmarks, on the development machine).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_bench(script: str, *args: str | Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    return proc


def read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def test_search_bench_indexes_both_engines_and_times_every_query(tmp_path: Path) -> None:
    out = tmp_path / "search.json"
    proc = run_bench("search_bench.py", "--limit", "150", "--repeat", "2", "--procs", "2", "--out", out)
    result = read(out)
    ours, theirs = result["archive"], result["tantivy"]
    assert ours["articles"] == 150 and ours["sections"] == theirs["sections"] > 150
    assert ours["index_mb"] > 0 and theirs["index_mb"] > 0
    assert len(ours["queries"]) == 10 and all(q["p95_ms"] >= q["p50_ms"] > 0 for q in ours["queries"].values())
    assert ours["queries"]["common word 臺南"]["total"] > 0
    assert "p95" in proc.stdout and "tantivy" in proc.stdout


def test_import_throughput_reports_each_stage(tmp_path: Path) -> None:
    out = tmp_path / "import.json"
    proc = run_bench("import_throughput.py", "--limit", "60", "--batch", "25", "--output", out)
    result = json.dumps(read(out), ensure_ascii=False)
    for stage in ("extract", "store", "index"):
        assert stage in result and stage in proc.stdout


@pytest.mark.parametrize("script", ["crawl_speed.py", "web_latency.py"])
def test_http_benchmarks_run_against_local_servers(script: str, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    small = {"crawl_speed.py": ["--pages", "40", "--full-pages", "20"], "web_latency.py": ["--repeat", "2"]}
    args: list[str | Path] = ["--output", out, *small[script]]
    proc = run_bench(script, *args)
    assert read(out) and proc.stdout.strip()


def test_extraction_and_enrichment_benchmarks_run(tmp_path: Path) -> None:
    quality = tmp_path / "quality.json"
    run_bench("extract_quality.py", "--set", "cwced", "--output", quality)
    assert "cwced" in json.dumps(read(quality))
    speed = tmp_path / "speed.json"
    proc = run_bench("enrich_speed.py", "--limit", "100", "--output", speed)
    assert read(speed) and "with_themes" in proc.stdout
