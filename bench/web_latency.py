"""Latency of the web interface as a browser sees it: `archive serve` (waitress) in a subprocess, real HTTP.

    python bench/web_latency.py                      # the demo archive, built in a temporary directory
    python bench/web_latency.py --tainan 5000        # plus the first 5,000 Tainan records (traditional script)
    python bench/web_latency.py --data DIR           # an existing data directory

Each page is requested ``--repeat`` times one after another (p50/p95 per page), then all pages at once from
``--clients`` threads (requests per second). Prints a table and writes ``bench/results/web_latency.json``.
"""

from __future__ import annotations

import argparse
import json
import lzma
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ARCHIVE_SHARED", ROOT.parent / "shared"))
TAINAN = SHARED / "corpus" / "tainan" / "tainan_news_2018-2026.jsonl.xz"
RESULTS = ROOT / "bench" / "results" / "web_latency.json"

PAGES = {
    "home": "/",
    "word": "/?q=" + quote("会议"),
    "rare word": "/?q=" + quote("防汛"),
    "phrase": "/?q=" + quote('"城市安全"'),
    "filtered": "/?q=" + quote("会议") + "&district=" + quote("浦东新区"),
    "by date, page 3": "/?q=" + quote("会议") + "&sort=date&page=3",
    "speaker page": "/speaker/" + quote("林海涛"),
    "article": None,  # filled in from the first hit
    "api search": "/api/search?q=" + quote("会议"),
    "suggest": "/api/suggest?q=" + quote("浦东"),
    "feed": "/feed?q=" + quote("会议"),
    "csv export": "/export.csv?q=" + quote("会议"),
}


def archive(data: Path, *args: str) -> None:
    subprocess.run([sys.executable, "-m", "archive", "--data", str(data), *args], check=True)


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 - our own local server
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="existing data dir (default: demo archive in a temp dir)")
    parser.add_argument("--tainan", type=int, default=0, help="also import this many Tainan records")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the JSON results")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        data = args.data or Path(tmp) / "data"
        if args.data is None:
            archive(data, "demo", "--no-serve")
            if args.tainan:
                slice_file = Path(tmp) / "tainan.jsonl"
                with lzma.open(TAINAN, "rt", encoding="utf-8") as src, slice_file.open("w", encoding="utf-8") as out:
                    for n, line in enumerate(src):
                        if n >= args.tainan:
                            break
                        out.write(line)
                archive(data, "import", str(slice_file))
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [sys.executable, "-m", "archive", "--data", str(data), "serve", "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(150):
                try:
                    if fetch(base + "/")[0] == 200:
                        break
                except (urllib.error.URLError, ConnectionError):
                    time.sleep(0.2)
            status, body = fetch(base + PAGES["api search"])  # type: ignore[operator]
            hits = json.loads(body)["hits"]
            PAGES["article"] = f"/article/{hits[0]['article_id']}?q={quote('会议')}" if hits else "/"
            rows = []
            for name, path in PAGES.items():
                url = base + str(path)
                fetch(url)  # warm
                times, statuses = [], set()
                for _ in range(args.repeat):
                    started = time.perf_counter()
                    status, _ = fetch(url)
                    times.append((time.perf_counter() - started) * 1000)
                    statuses.add(status)
                times.sort()
                rows.append(
                    {
                        "page": name,
                        "path": path,
                        "status": sorted(statuses),
                        "p50_ms": round(statistics.median(times), 1),
                        "p95_ms": round(times[max(0, int(len(times) * 0.95) - 1)], 1),
                    }
                )
            urls = [base + str(p) for p in PAGES.values()] * args.repeat
            started = time.perf_counter()
            with ThreadPoolExecutor(max_workers=args.clients) as pool:
                statuses_all = list(pool.map(lambda u: fetch(u)[0], urls))
            elapsed = time.perf_counter() - started
        finally:
            server.terminate()
            server.wait(timeout=10)

    print(f"{'page':<18}{'status':>8}{'p50 ms':>10}{'p95 ms':>10}")
    for row in rows:
        print(f"{row['page']:<18}{','.join(map(str, row['status'])):>8}{row['p50_ms']:>10}{row['p95_ms']:>10}")
    rate = len(urls) / elapsed
    errors = sum(1 for s in statuses_all if s >= 500)
    print(f"\n{len(urls)} requests from {args.clients} clients: {rate:.0f} requests/s, {errors} server errors")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        json.dumps(
            {
                "tainan": args.tainan,
                "rows": rows,
                "parallel": {"requests": len(urls), "per_second": round(rate, 1), "server_errors": errors},
            },
            ensure_ascii=False,
            indent=2,
        ),
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
