"""Extraction quality against labelled pages: body F1 (character 4-gram shingles), titles, dates.

Sets:
  cwced  ../shared/corpus/extraction/cwced: hand-labelled bodies (eval/cleaned_ground.json) and dates
  cctv   ../shared/corpus/cctv: item pages vs ground_truth (a seeded sample of pages; --all for every page)

Usage: python bench/extract_quality.py [--set cwced|cctv|all] [--sample N] [--all] [--worst K]
Prints a table per set and writes bench/results/extract_quality.json.
"""

from __future__ import annotations

import argparse
import json
import lzma
import random
import re
import sys
import tarfile
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from archive.errors import ArchiveError
from archive.extract import extract
from archive.extract.meta import strip_title_markers
from archive.models import Document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
RESULTS = ROOT / "bench" / "results"


def shingles(text: str, n: int = 4) -> Counter[str]:
    squeezed = "".join(text.split())
    if len(squeezed) < n:
        return Counter([squeezed]) if squeezed else Counter()
    return Counter(squeezed[i : i + n] for i in range(len(squeezed) - n + 1))


def f1(predicted: str, expected: str) -> float:
    p, e = shingles(predicted), shingles(expected)
    if not p and not e:
        return 1.0
    overlap = sum((p & e).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(e.values())
    return 2 * precision * recall / (precision + recall)


_DATE = re.compile(r"((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})")


def expected_date(label: str) -> str | None:
    match = _DATE.match(label.strip())
    if not match:
        return None
    return f"{int(match.group(1)):04d}-{int(match.group(2)):02d}-{int(match.group(3)):02d}"


def run_cwced(worst: int) -> dict[str, Any]:
    base = CORPUS / "extraction" / "cwced"
    bodies = json.loads((base / "eval" / "cleaned_ground.json").read_text(encoding="utf-8"))
    dates = json.loads((base / "eval" / "date_ground.json").read_text(encoding="utf-8"))
    scores: list[tuple[float, str]] = []
    date_ok = date_total = failed = 0
    started = time.perf_counter()
    for key, label in sorted(bodies.items()):
        path = base / "original" / f"{key}.html"
        doc = Document(data=path.read_bytes(), kind="html", name=str(path))
        try:
            article = extract(doc)
            text, published = article.text, article.published
        except ArchiveError:
            text, published, failed = "", None, failed + 1
        scores.append((f1(text, label["articleBody"]), key))
        want = expected_date(dates.get(key, {}).get("articleBody", ""))
        if want:
            date_total += 1
            date_ok += published == want
    elapsed = time.perf_counter() - started
    scores.sort()
    return {
        "pages": len(scores),
        "body_f1": sum(s for s, _ in scores) / len(scores),
        "dates_ok": date_ok,
        "dates_total": date_total,
        "failed": failed,
        "seconds": elapsed,
        "worst": [{"page": k, "f1": round(s, 3)} for s, k in scores[:worst]],
    }


def _cctv_pages(tmp: Path) -> Path:
    with tarfile.open(CORPUS / "cctv" / "pages-2022-2024.tar.xz") as tar:
        tar.extractall(tmp, filter="data")
    found = next(tmp.rglob("*.shtml"))
    return found.parent


_GT_NOISE = re.compile(r"<!--.*?-->|\*\*|^---$|^更新时间：\S*$", re.MULTILINE)


def run_cctv(sample: int | None, worst: int, pages_dir: Path | None = None, seed: int = 7) -> dict[str, Any]:
    with lzma.open(CORPUS / "cctv" / "ground_truth-2022-2024.jsonl.xz", "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    # Pages the upstream crawl got as error pages have no body or title: nothing to compare.
    # Some item pages have no text in the ground truth (only the upstream footer): no body to compare either.
    truth = [
        r
        for r in rows
        if "NOTFOUND" not in r["body"] and "NOTFOUND" not in r["title"] and _GT_NOISE.sub("", r["body"]).strip()
    ]
    if sample is not None and sample < len(truth):
        truth = random.Random(seed).sample(truth, sample)
    scores: list[tuple[float, str]] = []
    title_ok = date_ok = failed = missing = 0
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        pages = pages_dir or _cctv_pages(Path(tmp))
        started = time.perf_counter()
        for row in truth:
            path = pages / f"{row['id']}.shtml"
            if not path.is_file():
                missing += 1
                continue
            doc = Document(data=path.read_bytes(), kind="html", name=str(path), url=row["url"])
            try:
                article = extract(doc)
                text, title, published = article.text, article.title, article.published
            except ArchiveError as exc:
                text, title, published, failed = "", "", None, failed + 1
                failures.append(str(exc))
            # The ground truth is the upstream Markdown: drop its HTML comments and bold markers.
            scores.append((f1(text, _GT_NOISE.sub("", row["body"])), row["id"]))
            title_ok += "".join(title.split()) == "".join(strip_title_markers(row["title"]).split())
            date_ok += published == row["date"]
        elapsed = time.perf_counter() - started
    scores.sort()
    n = len(scores)
    return {
        "pages": n,
        "missing": missing,
        "skipped_without_truth": len(rows) - len(truth) if sample is None else None,
        "body_f1": sum(s for s, _ in scores) / n if n else 0.0,
        "titles_ok": title_ok,
        "dates_ok": date_ok,
        "failed": failed,
        "seconds": elapsed,
        "pages_per_second": n / elapsed if elapsed else 0.0,
        "failures": failures,
        "worst": [{"page": k, "f1": round(s, 3)} for s, k in scores[:worst]],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=["cwced", "cctv", "all"], default="all")
    parser.add_argument("--sample", type=int, default=2000, help="cctv pages to sample (default 2000)")
    parser.add_argument("--all", action="store_true", help="every cctv page")
    parser.add_argument("--pages", type=Path, help="cctv pages already unpacked in this folder")
    parser.add_argument("--worst", type=int, default=5, help="list the K lowest-scoring pages")
    parser.add_argument("--output", type=Path, default=RESULTS / "extract_quality.json", help="JSON results")
    args = parser.parse_args(argv)
    results: dict[str, Any] = {}
    if args.set in ("cwced", "all"):
        results["cwced"] = run_cwced(args.worst)
    if args.set in ("cctv", "all"):
        results["cctv"] = run_cctv(None if args.all else args.sample, args.worst, args.pages)

    print(f"{'set':<8}{'pages':>7}{'body F1':>9}{'titles':>14}{'dates':>14}{'failed':>8}{'s':>8}")
    for name, r in results.items():
        n = r["pages"]
        titles = f"{r['titles_ok']}/{n}" if "titles_ok" in r else "-"
        dates = f"{r['dates_ok']}/{r.get('dates_total', n)}"
        print(f"{name:<8}{n:>7}{r['body_f1']:>9.4f}{titles:>14}{dates:>14}{r['failed']:>8}{r['seconds']:>8.1f}")
        for w in r["worst"]:
            print(f"    worst {w['page']}  F1 {w['f1']}")
    out = args.output
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
