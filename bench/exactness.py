"""Exactness of quoted queries: the index must find exactly the articles whose text contains the string.

    python bench/exactness.py                        # 2,000 Tainan + 1,000 CCTV articles, 200 substrings
    python bench/exactness.py --data ./index         # the articles and index of an existing data directory
    python bench/exactness.py --tainan 500 --cctv 0 --samples 50 --seed 7

Draws random substrings of 1–6 characters from the stored section texts, searches each as a quoted query
(``"…"``) and compares the sections and articles found with a brute-force scan of the folded text (script
folding + ASCII lower case; whitespace runs count as one space, as in the index). Substrings containing a
quote character or starting/ending with whitespace are redrawn: they cannot be written inside quotes.
Prints precision and recall (micro-averaged) and writes ``bench/results/exactness.json``.
"""

from __future__ import annotations

import argparse
import json
import lzma
import os
import random
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from archive.index import open_writer  # noqa: E402
from archive.index.analysis import normalize  # noqa: E402
from archive.index.query import match_query  # noqa: E402
from archive.models import Article, Section, article_id_for  # noqa: E402
from archive.search import SearchService  # noqa: E402

CORPUS = Path(os.environ.get("ARCHIVE_SHARED", ROOT.parent / "shared")) / "corpus"
QUOTES = set('"“”「」『』')


def corpus_articles(tainan: int, cctv: int) -> list[Article]:
    articles: list[Article] = []
    sources = [
        (CORPUS / "tainan" / "tainan_news_2018-2026.jsonl.xz", tainan, "content", "published"),
        (CORPUS / "cctv" / "ground_truth-2022-2024.jsonl.xz", cctv, "body", "date"),
    ]
    for path, count, body_key, date_key in sources:
        if count <= 0:
            continue
        with lzma.open(path, "rt", encoding="utf-8") as handle:
            for n, line in enumerate(handle):
                if n >= count:
                    break
                record = json.loads(line)
                art_id = article_id_for(record["url"])
                body = re.sub(r"<!--.*?-->", "", record.get(body_key) or "")
                parts = [p.strip() for p in body.split("\n") if p.strip()] or [""]
                articles.append(
                    Article(
                        id=art_id,
                        url=record["url"],
                        title=record.get("title") or "",
                        published=record.get(date_key),
                        sections=[Section(id=f"{art_id}#{i}", text=t) for i, t in enumerate(parts)],
                    )
                )
    return articles


def searchable(section: Section) -> str:
    content = f"{section.heading}\n{section.text}" if section.heading else section.text
    return " ".join(normalize(content).split())


def draw(articles: list[Article], samples: int, rng: random.Random) -> list[str]:
    sections = [s for a in articles for s in a.sections if s.text.strip()]
    needles: list[str] = []
    while len(needles) < samples:
        text = rng.choice(sections).text
        size = rng.randint(1, 6)
        if len(text) < size:
            continue
        start = rng.randrange(len(text) - size + 1)
        needle = text[start : start + size]
        if needle != needle.strip() or QUOTES & set(needle) or not needle.strip():
            continue
        needles.append(needle)
    return needles


def run(articles: list[Article], data_dir: Path, samples: int, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    needles = draw(articles, samples, rng)
    folded = {s.id: (a.id, searchable(s)) for a in articles for s in a.sections}
    service = SearchService(data_dir)
    searcher = service.reader()._searcher
    tp = fp = fn = 0
    sec_tp = sec_fp = sec_fn = 0
    misses: list[dict[str, Any]] = []
    totals_agree = 0
    started = time.perf_counter()
    for needle in needles:
        key = " ".join(normalize(needle).split())
        expected_sections = {sid for sid, (_, text) in folded.items() if key in text}
        expected = {folded[sid][0] for sid in expected_sections}
        query = match_query(needle)
        assert query is not None
        found_sections = {searcher.stored_fields(d)["section_id"] for d in searcher.docs_for_query(query)}
        found = {folded[sid][0] for sid in found_sections if sid in folded}
        total = service.search(f'"{needle}"', per_page=1)["total"]
        totals_agree += total == len(expected_sections)
        tp += len(found & expected)
        fp += len(found - expected)
        fn += len(expected - found)
        sec_tp += len(found_sections & expected_sections)
        sec_fp += len(found_sections - expected_sections)
        sec_fn += len(expected_sections - found_sections)
        if found != expected or total != len(expected_sections):
            misses.append({"needle": needle, "expected": len(expected), "found": len(found), "total": total})
    service.close()
    return {
        "articles": len(articles),
        "sections": len(folded),
        "samples": len(needles),
        "seed": seed,
        "precision": round(tp / (tp + fp), 6) if tp + fp else 1.0,
        "recall": round(tp / (tp + fn), 6) if tp + fn else 1.0,
        "section_precision": round(sec_tp / (sec_tp + sec_fp), 6) if sec_tp + sec_fp else 1.0,
        "section_recall": round(sec_tp / (sec_tp + sec_fn), 6) if sec_tp + sec_fn else 1.0,
        "exact_queries": len(needles) - len(misses),
        "totals_agree": totals_agree,
        "articles_expected": tp + fn,
        "seconds": round(time.perf_counter() - started, 1),
        "misses": misses[:20],
        "examples": needles[:20],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, help="use this data directory's store and index")
    parser.add_argument("--tainan", type=int, default=2000)
    parser.add_argument("--cctv", type=int, default=1000)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "exactness.json")
    args = parser.parse_args()
    if args.data:
        from archive.store import Store

        with Store(args.data) as store:
            articles = list(store.iter_articles())
        report = run(articles, args.data, args.samples, args.seed)
    else:
        articles = corpus_articles(args.tainan, args.cctv)
        with tempfile.TemporaryDirectory(prefix="exactness-") as tmp:
            data = Path(tmp) / "data"
            with open_writer(data) as writer:
                for article in articles:
                    writer.update_article(article)
            report = run(articles, data, args.samples, args.seed)
    print(f"{report['articles']:,} articles, {report['sections']:,} sections, {report['samples']} quoted substrings")
    print(f"article precision {report['precision']:.4f}  recall {report['recall']:.4f}")
    print(f"section precision {report['section_precision']:.4f}  recall {report['section_recall']:.4f}")
    print(f"queries with exactly the expected articles: {report['exact_queries']}/{report['samples']}")
    print(f"totals equal to the brute-force section count: {report['totals_agree']}/{report['samples']}")
    for miss in report["misses"]:
        print(f"  miss: {miss}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
