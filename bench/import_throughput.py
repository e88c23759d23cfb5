"""Import throughput on the Tainan corpus: articles per second for extract+enrich, store, index, and overall.

    python bench/import_throughput.py                 # all 68,810 records
    python bench/import_throughput.py --limit 10000   # the first 10,000
    python bench/import_throughput.py --no-index      # extract, enrich and store only

Imports into a fresh temporary data directory (or ``--data DIR``, which must not exist yet), prints a table
and writes ``bench/results/import_throughput.json``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from archive.crawler.files import iter_documents
from archive.errors import ArchiveError
from archive.models import Document
from archive.pipeline import ingest
from archive.store import Store

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ARCHIVE_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "tainan" / "tainan_news_2018-2026.jsonl.xz"


def records(limit: int | None) -> Iterator[Document | ArchiveError]:
    stream = iter_documents([CORPUS])
    return stream if limit is None else itertools.islice(stream, limit)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="records to import (default: all)")
    parser.add_argument("--batch", type=int, default=500, help="articles per index commit")
    parser.add_argument("--no-index", action="store_true", help="store only; leave the search index out")
    parser.add_argument("--data", type=Path, default=None, help="data dir to create and keep")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results" / "import_throughput.json")
    args = parser.parse_args()

    keep = args.data is not None
    data_dir = args.data if keep else Path(tempfile.mkdtemp(prefix="archive-bench-"))
    if keep and data_dir.exists() and any(data_dir.iterdir()):
        parser.error(f"{data_dir} is not empty")
    try:
        started = time.perf_counter()
        report = ingest(
            records(args.limit), data_dir, batch_size=args.batch, progress=sys.stderr.isatty(), index=not args.no_index
        )
        wall = time.perf_counter() - started
        with Store(data_dir) as store:
            stats = store.stats()
        sizes = {
            p.name: p.stat().st_size if p.is_file() else sum(f.stat().st_size for f in p.rglob("*") if f.is_file())
            for p in data_dir.iterdir()
        }
        store_bytes = sum(v for k, v in sizes.items() if k.startswith("archive.sqlite"))
        index_bytes = sum(v for k, v in sizes.items() if not k.startswith("archive.sqlite"))
    finally:
        if not keep:
            shutil.rmtree(data_dir, ignore_errors=True)

    processed = report.documents - report.skipped
    stored = report.imported + report.updated + report.unchanged + report.syndicated
    seconds = report.seconds
    reading = max(wall - seconds["process"] - seconds["store"] - seconds["index"], 0.0)
    rows = [
        ("read + decompress", processed, reading),
        ("extract + enrich", processed, seconds["process"]),
        ("store", stored, seconds["store"]),
        ("index", report.indexed, seconds["index"]),
        ("total", stored, wall),
    ]
    print(f"\nTainan import: {processed:,} records → {stats['articles']:,} articles, {stats['sections']:,} sections")
    print(f"{report.summary()}")
    print(f"\n{'stage':<20}{'items':>10}{'seconds':>10}{'items/s':>12}")
    for stage, items, secs in rows:
        rate = items / secs if secs else float("inf")
        print(f"{stage:<20}{items:>10,}{secs:>10.1f}{rate:>12,.0f}")
    print(f"\nstore {store_bytes / 1e6:,.1f} MB, index and other files {index_bytes / 1e6:,.1f} MB")

    result = {
        "records": processed,
        "limit": args.limit,
        "batch": args.batch,
        "index": not args.no_index,
        "report": {k: v for k, v in report.to_dict().items() if k != "failures"},
        "failures_sample": report.failures[:10],
        "articles": stats["articles"],
        "sections": stats["sections"],
        "stages": {
            stage: {"items": items, "seconds": round(secs, 3), "per_second": round(items / secs, 1) if secs else None}
            for stage, items, secs in rows
        },
        "store_bytes": store_bytes,
        "index_bytes": index_bytes,
        "python": platform.python_version(),
        "cpu_count": os.cpu_count(),
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
