"""Index the Tainan news corpus and time queries; the same documents in tantivy as the reference.

    python bench/search_bench.py                 # the first 10,000 articles
    python bench/search_bench.py --limit 0       # all 68,810
    python bench/search_bench.py --procs 2 --repeat 20

Articles are built straight from the JSONL (content split into sections of about 300 characters at line
breaks; the department becomes the unit), indexed with ``archive.index.rebuild`` into a temporary data
directory, and searched through one ``archive.search.SearchService`` kept open: every query computes the
total, six facets and snippets with marks for the first page, as the web app does. tantivy gets the same
sections as whitespace-separated jieba tokens (the words our word field indexes) plus the unit and year as
fast fields; its queries count the same facets with an aggregation and make snippets.

Prints a table and writes ``bench/results/search_bench[_<n>].json``.
"""

from __future__ import annotations

import argparse
import json
import lzma
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from archive.index import rebuild  # noqa: E402
from archive.index.analysis import words  # noqa: E402
from archive.models import Article, Section, article_id_for  # noqa: E402
from archive.search import SearchService  # noqa: E402

CORPUS = Path(os.environ.get("ARCHIVE_SHARED", ROOT.parent / "shared")) / "corpus"
TAINAN = CORPUS / "tainan" / "tainan_news_2018-2026.jsonl.xz"
SECTION_CHARS = 300
FACET_NAMES = ("speaker", "unit", "theme", "district", "year", "meeting")

# name → (query, filters, sort); traditional script as the corpus writes it unless noted.
QUERIES: dict[str, tuple[str, dict[str, list[str]] | None, str]] = {
    "common word 活動": ("活動", None, "relevance"),
    "common word 臺南": ("臺南", None, "relevance"),
    "rare word 蜂炮": ("蜂炮", None, "relevance"),
    'phrase "市長黃偉哲"': ('"市長黃偉哲"', None, "relevance"),
    "simplified 黄伟哲": ("黄伟哲", None, "relevance"),
    "one character 鹽": ("鹽", None, "relevance"),
    "two words 防疫 疫苗": ("防疫 疫苗", None, "relevance"),
    "OR / NOT": ("颱風 OR 豪雨 -停班", None, "relevance"),
    "filtered unit": ("防汛", {"unit": ["臺南市政府水利局"]}, "relevance"),
    "date sort 登革熱": ("登革熱", None, "date"),
}
TANTIVY_QUERIES: dict[str, list[str]] = {
    "common word 活動": ["活動"],
    "common word 臺南": ["臺南"],
    "rare word 蜂炮": ["蜂炮"],
    'phrase "市長黃偉哲"': ["市長黃偉哲"],
    "simplified 黄伟哲": ["黄伟哲"],
    "one character 鹽": ["鹽"],
    "two words 防疫 疫苗": ["防疫", "疫苗"],
}


def read_articles(limit: int) -> Iterator[Article]:
    with lzma.open(TAINAN, "rt", encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if limit and n >= limit:
                return
            record = json.loads(line)
            url = record["url"]
            art_id = article_id_for(url)
            chunks: list[str] = []
            current = ""
            for para in (p.strip() for p in (record.get("content") or "").split("\n")):
                if not para:
                    continue
                current = f"{current}\n{para}" if current else para
                if len(current) >= SECTION_CHARS:
                    chunks.append(current)
                    current = ""
            if current or not chunks:
                chunks.append(current)
            department = (record.get("department") or "").strip()
            yield Article(
                id=art_id,
                url=url,
                title=record.get("title") or "",
                published=record.get("published") or None,
                units=[department] if department else [],
                sections=[Section(id=f"{art_id}#{i}", text=text) for i, text in enumerate(chunks)],
            )


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def cpu_with_children() -> float:
    """CPU seconds of this process and its finished children (the indexing processes)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def bench_archive(articles: list[Article], data_dir: Path, procs: int, repeat: int, reuse: bool) -> dict[str, Any]:
    sections = sum(len(a.sections) for a in articles)
    chars = sum(len(s.text) for a in articles for s in a.sections)
    timing_file = data_dir / "bench-index-timing.json"
    if reuse and timing_file.exists():
        index_seconds, index_cpu = json.loads(timing_file.read_text())
    elif (data_dir / "whoosh").exists():
        raise SystemExit(f"{data_dir} holds an index already: add --reuse or choose another --work")
    else:
        t0, c0 = time.perf_counter(), cpu_with_children()
        rebuild(data_dir, articles, procs=procs)
        index_seconds = time.perf_counter() - t0
        index_cpu = cpu_with_children() - c0
        timing_file.write_text(json.dumps([index_seconds, index_cpu]))
    size = dir_size((data_dir / "whoosh").resolve())
    out: dict[str, Any] = {
        "articles": len(articles),
        "sections": sections,
        "text_mb": round(chars * 3 / 1e6, 1),
        "index_seconds": round(index_seconds, 1),
        "sections_per_s": round(sections / index_seconds),
        "articles_per_s": round(len(articles) / index_seconds),
        "index_cpu_seconds": round(index_cpu, 1),
        "sections_per_cpu_s": round(sections / index_cpu),
        "index_mb": round(size / 1e6, 1),
        "queries": {},
    }
    t0 = time.perf_counter()
    service = SearchService(data_dir)
    service.search("臺南", per_page=1)
    out["first_query_s"] = round(time.perf_counter() - t0, 2)  # opens the searcher, reads facet columns
    for name, (q, filters, sort) in QUERIES.items():
        times, cpu = [], []
        result: dict[str, Any] = {}
        for _ in range(repeat):
            service.reader().forget_matches()  # every timed run matches afresh (cold for our caches)
            t, c = time.perf_counter(), time.process_time()
            result = service.search(q, filters=filters, sort=sort, per_page=10)
            times.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
        # Page 2 of the same query, as a reader paging or clicking a facet asks for it: the matches are cached.
        t = time.perf_counter()
        service.search(q, filters=filters, sort=sort, per_page=10, page=2)
        again = (time.perf_counter() - t) * 1000
        marked = sum("<mark>" in h["snippet"] for h in result["hits"])
        out["queries"][name] = {
            "total": result["total"],
            "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(percentile(times, 95), 1),
            "cpu_p50_ms": round(statistics.median(cpu), 1),
            "cpu_p95_ms": round(percentile(cpu, 95), 1),
            "snippets_marked": f"{marked}/{len(result['hits'])}",
            "page_2_ms": round(again, 1),
        }
    out["breakdown"] = breakdown(service)
    service.close()
    return out


def breakdown(service: SearchService) -> dict[str, Any]:
    """Where the time of a query goes: matching docs, facets, top hits, snippets (one common query)."""
    from archive.index.query import to_whoosh
    from archive.search import parse_query

    reader = service.reader()
    parts: dict[str, Any] = {}
    for q in ("活動", "臺南", '"市長黃偉哲"', "黄伟哲", "鹽"):
        node = parse_query(q)
        assert node is not None
        wq = to_whoosh(node)
        searcher = reader._searcher
        t = time.perf_counter()
        import numpy as np

        reader.forget_matches()
        docs = reader.docnums(wq)
        t_match = time.perf_counter() - t
        mask = np.zeros(searcher.reader().doc_count_all(), dtype=bool)
        mask[docs] = True
        t = time.perf_counter()
        for name in FACET_NAMES:
            reader._count(name, mask, 20)
        t_facets = time.perf_counter() - t
        from archive.index.query import rank_terms

        t = time.perf_counter()
        reader.forget_matches()
        reader.search(wq, rank=rank_terms(node), limit=10, facet_fields=FACET_NAMES)
        t_reader = time.perf_counter() - t
        t = time.perf_counter()
        reader.forget_matches()
        service.search(q)
        t_service = time.perf_counter() - t
        parts[q] = {
            "matches": len(docs),
            "match_ms": round(t_match * 1000, 1),
            "facets_ms": round(t_facets * 1000, 1),
            "ranked_page_ms": round((t_reader - t_match - t_facets) * 1000, 1),
            "snippets_json_ms": round((t_service - t_reader) * 1000, 1),
        }
    return parts


def tantivy_index(index: Any, articles: list[Article]) -> tuple[float, float, int]:
    import tantivy

    t0, c0 = time.perf_counter(), time.process_time()
    writer = index.writer(heap_size=256_000_000, num_threads=2)
    sections = 0
    for article in articles:
        title = " ".join(w for w, *_ in words(article.title, index=True))
        for section in article.sections:
            body = " ".join(w for w, *_ in words(section.text, index=True))
            writer.add_document(
                tantivy.Document(
                    section_id=section.id,
                    title=title,
                    body=body,
                    unit=(article.units or [""])[0],
                    year=(article.published or "")[:4],
                )
            )
            sections += 1
    writer.commit()
    writer.wait_merging_threads()
    return time.perf_counter() - t0, time.process_time() - c0, sections


def bench_tantivy(articles: list[Article], path: Path, repeat: int, reuse: bool) -> dict[str, Any]:
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("section_id", stored=True, tokenizer_name="raw")
    builder.add_text_field("title", stored=True, tokenizer_name="whitespace")
    builder.add_text_field("body", stored=True, tokenizer_name="whitespace", index_option="position")
    builder.add_text_field("unit", stored=True, tokenizer_name="raw", fast=True)
    builder.add_text_field("year", stored=True, tokenizer_name="raw", fast=True)
    schema = builder.build()
    timing_file = path.parent / "tantivy-timing.json"
    if reuse and timing_file.exists():
        index = tantivy.Index(schema, path=str(path))
        seconds, cpu_seconds, sections = json.loads(timing_file.read_text())
    else:
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir(parents=True)
        index = tantivy.Index(schema, path=str(path))
        seconds, cpu_seconds, sections = tantivy_index(index, articles)
        timing_file.write_text(json.dumps([seconds, cpu_seconds, sections]))
    index.reload()
    out: dict[str, Any] = {
        "sections": sections,
        "index_seconds": round(seconds, 1),
        "sections_per_s": round(sections / seconds),
        "index_cpu_seconds": round(cpu_seconds, 1),
        "sections_per_cpu_s": round(sections / cpu_seconds),
        "index_mb": round(dir_size(path) / 1e6, 1),
        "queries": {},
    }
    searcher = index.searcher()
    agg = {"unit": {"terms": {"field": "unit", "size": 20}}, "year": {"terms": {"field": "year", "size": 20}}}
    snippets = tantivy.SnippetGenerator
    for name, parts in TANTIVY_QUERIES.items():
        subqueries = []
        for part in parts:
            tokens = [w for w, *_ in words(part)]
            if len(tokens) == 1:
                sub = tantivy.Query.term_query(schema, "body", tokens[0])
            else:
                sub = tantivy.Query.phrase_query(schema, "body", tokens)
            subqueries.append((tantivy.Occur.Must, sub))
        query = tantivy.Query.boolean_query(subqueries)
        times, cpu = [], []
        total = 0
        for _ in range(repeat):
            t, c = time.perf_counter(), time.process_time()
            total = searcher.search(query, 1, count=True).count
            searcher.aggregate(query, agg)
            top = searcher.search(query, 10).hits
            generator = snippets.create(searcher, query, schema, "body")
            for _score, address in top:
                generator.snippet_from_doc(searcher.doc(address)).to_html()
            times.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
        out["queries"][name] = {
            "total": total,
            "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(percentile(times, 95), 1),
            "cpu_p50_ms": round(statistics.median(cpu), 1),
            "cpu_p95_ms": round(percentile(cpu, 95), 1),
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=10_000, help="articles (0: all)")
    parser.add_argument("--procs", type=int, default=min(4, os.cpu_count() or 1), help="indexing processes (Whoosh)")
    parser.add_argument("--repeat", type=int, default=20, help="runs per query")
    parser.add_argument("--no-tantivy", action="store_true")
    parser.add_argument("--work", type=Path, help="keep the indexes in this directory (default: a temporary one)")
    parser.add_argument("--reuse", action="store_true", help="with --work: search the indexes built before")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    t0 = time.perf_counter()
    articles = list(read_articles(args.limit))
    load_seconds = time.perf_counter() - t0
    work = args.work or Path(tempfile.mkdtemp(prefix="search-bench-"))
    try:
        ours = bench_archive(articles, work / "data", args.procs, args.repeat, args.reuse)
        theirs = None if args.no_tantivy else bench_tantivy(articles, work / "tantivy", args.repeat, args.reuse)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    report = {
        "corpus": str(TAINAN.name),
        "limit": args.limit,
        "procs": args.procs,
        "repeat": args.repeat,
        "load_seconds": round(load_seconds, 1),
        "cpu_count": os.cpu_count(),
        "load_average_at_end": [round(x, 1) for x in os.getloadavg()],
        "archive": ours,
        "tantivy": theirs,
    }
    print_table(report)
    out = args.out or ROOT / "bench" / "results" / f"search_bench_{len(articles)}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {out}")


def print_table(report: dict[str, Any]) -> None:
    ours, theirs = report["archive"], report["tantivy"]
    print(f"\n{ours['articles']:,} articles, {ours['sections']:,} sections, ~{ours['text_mb']} MB text (UTF-8)")
    print(f"{'':24}{'archive (Whoosh)':>22}{'tantivy (jieba tokens)':>26}")
    rows = [
        ("index seconds", ours["index_seconds"], theirs and theirs["index_seconds"]),
        ("sections / s", ours["sections_per_s"], theirs and theirs["sections_per_s"]),
        ("index CPU seconds", ours["index_cpu_seconds"], theirs and theirs["index_cpu_seconds"]),
        ("sections / CPU s", ours["sections_per_cpu_s"], theirs and theirs["sections_per_cpu_s"]),
        ("index MB", ours["index_mb"], theirs and theirs["index_mb"]),
    ]
    for label, a, b in rows:
        print(f"{label:24}{a!s:>22}{'' if b is None else b!s:>26}")
    print(f"first query (open + facet columns): {ours['first_query_s']} s")
    print(f"load average at the end: {report['load_average_at_end']} on {report['cpu_count']} cores")
    print("\nlatency in ms, wall clock (CPU time of this process in brackets)")
    head = f"{'query':26}{'total':>8}{'p50':>14}{'p95':>14}{'marked':>8}{'page 2':>8}"
    print(f"{head}   {'tantivy total':>13}{'p50':>13}{'p95':>13}")
    for name, row in ours["queries"].items():
        t = (theirs or {}).get("queries", {}).get(name)
        p50 = f"{row['p50_ms']} ({row['cpu_p50_ms']})"
        p95 = f"{row['p95_ms']} ({row['cpu_p95_ms']})"
        extra = ""
        if t:
            t50 = f"{t['p50_ms']} ({t['cpu_p50_ms']})"
            t95 = f"{t['p95_ms']} ({t['cpu_p95_ms']})"
            extra = f"   {t['total']:>13}{t50:>13}{t95:>13}"
        page2 = row.get("page_2_ms", "")
        print(f"{name:26}{row['total']:>8}{p50:>14}{p95:>14}{row['snippets_marked']:>8}{page2!s:>8}{extra}")
    print("\nwhere the time goes (ms):")
    for q, parts in ours["breakdown"].items():
        print(f"  {q}: {parts}")


if __name__ == "__main__":
    main()
