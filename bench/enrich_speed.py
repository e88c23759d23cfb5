"""Enrich stage speed on the Tainan corpus: articles and characters per second, extract time kept apart.

    python bench/enrich_speed.py                 # all 68,810 records
    python bench/enrich_speed.py --limit 10000   # the first 10,000

Prints a table and writes ``bench/results/enrich_speed.json``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import time
from pathlib import Path

from archive.crawler.files import iter_documents
from archive.enrich import enrich
from archive.errors import ArchiveError
from archive.extract import extract
from archive.models import Article

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ARCHIVE_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "tainan" / "tainan_news_2018-2026.jsonl.xz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="records to read (default: all)")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results" / "enrich_speed.json")
    args = parser.parse_args()

    if not CORPUS.is_file():
        raise SystemExit(f"enrich_speed: corpus not found: {CORPUS} (set ARCHIVE_SHARED to the shared folder)")
    stream = iter_documents([CORPUS])
    if args.limit is not None:
        stream = itertools.islice(stream, args.limit)
    started = time.perf_counter()
    articles: list[Article] = []
    for item in stream:
        if isinstance(item, ArchiveError):
            continue
        try:
            articles.append(extract(item))
        except ArchiveError:
            continue
    extract_seconds = time.perf_counter() - started
    if not articles:
        raise SystemExit(f"enrich_speed: no article could be read from {CORPUS}")

    warm = time.perf_counter()
    enrich(Article.from_dict(articles[0].to_dict()))  # loads the gazetteer, compiles the patterns
    load_seconds = time.perf_counter() - warm
    started = time.perf_counter()
    for article in articles:
        enrich(article)
    enrich_seconds = time.perf_counter() - started
    chars = sum(len(a.text) for a in articles)

    result = {
        "articles": len(articles),
        "characters": chars,
        "extract_seconds": round(extract_seconds, 2),
        "enrich_load_seconds": round(load_seconds, 3),
        "enrich_seconds": round(enrich_seconds, 2),
        "enrich_articles_per_second": round(len(articles) / enrich_seconds, 1),
        "enrich_mchars_per_second": round(chars / enrich_seconds / 1e6, 2),
        "with_speakers": sum(1 for a in articles if a.speakers),
        "with_units": sum(1 for a in articles if a.units),
        "with_districts": sum(1 for a in articles if a.districts),
        "with_themes": sum(1 for a in articles if a.themes),
        "python": platform.python_version(),
    }
    width = max(len(k) for k in result)
    for key, value in result.items():
        print(f"{key:<{width}}  {value}")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
