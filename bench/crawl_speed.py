"""Crawl speed over a local mirror of CCTV 新闻联播 pages at delay 0.

Serves day index pages and their item pages from ../shared/corpus/cctv on 127.0.0.1 (links rewritten to the
local server) and measures:

* fetch: the crawl loop alone (fetch, WARC capture, classification, frontier commits), articles discarded;
* full: ``archive crawl`` end to end (extract, enrich, store, index included).

Usage: python bench/crawl_speed.py [--pages 2000] [--full-pages 500]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from archive.crawler.crawl import Crawler, CrawlOptions

ROOT = Path(__file__).resolve().parent.parent
TARBALL = ROOT.parent / "shared" / "corpus" / "cctv" / "pages-2022-2024.tar.xz"
RESULTS = ROOT / "bench" / "results" / "crawl_speed.json"


def unpack(folder: Path, pages: int) -> list[str]:
    """Unpack whole months of day pages and items until about ``pages`` pages; returns the day stamps."""
    months = ["2024" + f"{m:02d}" for m in range(1, 13)]
    wanted: list[str] = []
    # About 20 items per day, 30 days a month: ~600 pages per month.
    while len(wanted) * 620 < pages and len(wanted) < len(months):
        wanted.append(months[len(wanted)])
    short = "|".join(m[2:] for m in wanted)
    keep = re.compile(rf"pages/((?:{'|'.join(wanted)})\d\d\.shtml|VIDE\w+(?:{short})\d\d\.shtml)$")
    days = []
    with tarfile.open(TARBALL) as archive:
        for member in archive:
            if keep.match(member.name):
                stream = archive.extractfile(member)
                if stream is not None:
                    name = Path(member.name).name
                    (folder / name).write_bytes(stream.read())
                    if not name.startswith("VIDE"):
                        days.append(name[:8])
    return sorted(days)


def serve(folder: Path, days: list[str]) -> tuple[ThreadingHTTPServer, str]:
    files: dict[str, Path] = {}
    for path in folder.glob("VIDE*.shtml"):
        stamp = path.stem[-6:]
        files[f"/20{stamp[:2]}/{stamp[2:4]}/{stamp[4:]}/{path.name}"] = path
    for day in days:
        files[f"/lm/xwlb/day/{day}.shtml"] = folder / f"{day}.shtml"
    home = "".join(f"<li><a href='/lm/xwlb/day/{d}.shtml'>{d}</a></li>" for d in days)
    state: dict[str, Any] = {"root": b""}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body in separate small writes would wait for delayed ACKs

        def do_GET(self) -> None:
            if self.path == "/lm/xwlb/index.shtml":
                body = f"<html><body><ul>{home}</ul></body></html>".encode()
            elif self.path in files:
                body = files[self.path].read_bytes()
                root = state["root"]
                for prefix in (b"https://tv.cctv.com", b"http://tv.cctv.com", b"//tv.cctv.com"):
                    body = body.replace(prefix + b"/", root + b"/")
            else:
                body = b"not found"
                self.send_response(404)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    root = f"http://127.0.0.1:{server.server_address[1]}"
    state["root"] = root.encode()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, root


def serve_forever(folder: Path) -> None:
    """Server mode (a separate process, so the crawler does not share its interpreter with the server)."""
    days = sorted(p.stem for p in folder.glob("*.shtml") if not p.name.startswith("VIDE"))
    server, root = serve(folder, days)
    print(root, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--full-pages", type=int, default=500)
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the JSON results")
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve_forever(args.serve)
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        started = time.perf_counter()
        days = unpack(folder, args.pages)
        print(
            f"unpacked {len(list(folder.iterdir()))} pages ({len(days)} days) in {time.perf_counter() - started:.1f} s"
        )
        server = subprocess.Popen([sys.executable, __file__, "--serve", str(folder)], stdout=subprocess.PIPE, text=True)
        assert server.stdout is not None
        root = server.stdout.readline().strip()
        seed = root + "/lm/xwlb/index.shtml"
        rows = []

        options = CrawlOptions(seeds=[seed], user_agent="archive-crawler/0.1", delay=0.0, max_pages=args.pages, depth=2)
        data = Path(tmp) / "fetch"
        t0 = time.perf_counter()
        with Crawler(data, options) as crawler:
            articles = sum(1 for _ in crawler.run())
            stats = crawler.stats
        seconds = time.perf_counter() - t0
        rows.append(
            {
                "mode": "fetch (no pipeline)",
                "pages": stats.fetched,
                "articles": articles,
                "seconds": round(seconds, 2),
                "pages_per_s": round(stats.fetched / seconds, 1),
                "mb": round(stats.bytes / 1e6, 1),
            }
        )

        data = Path(tmp) / "full"
        t0 = time.perf_counter()
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "archive",
                "--data",
                str(data),
                "crawl",
                seed,
                "--delay",
                "0",
                "--depth",
                "2",
                "--max-pages",
                str(args.full_pages),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        seconds = time.perf_counter() - t0
        match = re.search(r"([\d,]+) pages fetched", proc.stdout)
        fetched = int(match.group(1).replace(",", "")) if match else 0
        new = re.search(r"Articles: ([\d,]+) new", proc.stdout)
        rows.append(
            {
                "mode": "archive crawl (extract, enrich, store, index)",
                "pages": fetched,
                "articles": int(new.group(1).replace(",", "")) if new else 0,
                "seconds": round(seconds, 2),
                "pages_per_s": round(fetched / seconds, 1) if seconds else 0.0,
                "mb": None,
            }
        )
        if proc.returncode != 0:
            print(proc.stderr[-2000:])
        server.terminate()
        server.wait(10)

    print(f"{'mode':<48} {'pages':>6} {'articles':>8} {'seconds':>8} {'pages/s':>8}")
    for row in rows:
        print(f"{row['mode']:<48} {row['pages']:>6} {row['articles']:>8} {row['seconds']:>8} {row['pages_per_s']:>8}")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps({"rows": rows}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
