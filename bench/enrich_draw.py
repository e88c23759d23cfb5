"""Draw a fresh random sample of texts for a new enrichment label file.

The draw is reproducible from its seed and skips every ref already labelled in ``tests/data/enrich_eval``,
so that a new file never repeats an item. For each drawn item it writes the text a labeller reads
(``NNN_<set>.txt``: title, then body; for Tainan also the record's department) and a skeleton line
``{"set", "ref"}`` in ``draw.jsonl``, both under ``--out``.

    python bench/enrich_draw.py --seed 4242 --cctv-meeting 30 --cctv-other 10 --tainan 40 --out /tmp/draw

Draws made together, before any of them is labelled, skip each other's refs with ``--skip`` (the ``--out``
directories of the earlier ones), so that no record is read into two files.

With ``--relabel FILE`` it writes the items of an existing label file instead, in its order and in the same
form, for a second reader who labels them without seeing the first reader's labels.

CCTV "meeting" texts are those whose title names a meeting (会议, 座谈会, 全会, 常委会, 集体学习, …).
"""

from __future__ import annotations

import argparse
import json
import lzma
import random
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from enrich_eval import CCTV, ROOT, TAINAN

LABEL_DIR = ROOT / "tests" / "data" / "enrich_eval"
MEETING_TITLE = re.compile(r"会议|座谈会|全会|常委会|集体学习|研讨会|推进会|论坛|峰会|大会|会见|会谈")


def labelled_refs() -> set[str]:
    refs: set[str] = set()
    for path in sorted(LABEL_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                refs.add(json.loads(line)["ref"])
    return refs


def read_records(path: Path) -> list[dict[str, Any]]:
    with lzma.open(path, "rt", encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, help="seed of a fresh draw")
    parser.add_argument("--relabel", type=Path, help="write the items of this label file instead of drawing")
    parser.add_argument("--cctv-meeting", type=int, default=30)
    parser.add_argument("--cctv-other", type=int, default=10)
    parser.add_argument("--tainan", type=int, default=40)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument(
        "--skip", type=Path, nargs="+", default=[], metavar="DRAW", help="earlier draws (their --out): skip their refs"
    )
    args = parser.parse_args(argv)
    if args.relabel is not None:
        return write_items(relabelled(args.relabel), args.out, f"from {args.relabel}")
    if args.seed is None:
        parser.error("give --seed for a fresh draw, or --relabel FILE")

    rng = random.Random(args.seed)
    taken = labelled_refs()
    for draw in args.skip:
        skeleton = draw / "draw.jsonl"
        if not skeleton.is_file():
            print(f"enrich_draw: --skip {draw}: no draw.jsonl there", file=sys.stderr)
            return 2
        taken.update(json.loads(line)["ref"] for line in skeleton.read_text(encoding="utf-8").splitlines() if line)
    cctv = [r for r in read_records(CCTV) if r.get("body", "").strip() and r["id"] not in taken]
    cctv.sort(key=lambda r: r["id"])
    meeting = [r for r in cctv if MEETING_TITLE.search(r.get("title", ""))]
    other = [r for r in cctv if not MEETING_TITLE.search(r.get("title", ""))]
    records = read_records(TAINAN)
    # (a URL the corpus holds twice with different texts is read by bench/enrich_eval.py as its first record:
    # the readers are given that one too)
    first: dict[str, dict[str, Any]] = {}
    for record in records:
        first.setdefault(record["url"], record)
    tainan = [r for r in records if r.get("content", "").strip() and r["url"] not in taken]
    tainan.sort(key=lambda r: r["url"])

    drawn: list[tuple[str, str, str]] = []
    for record in rng.sample(meeting, args.cctv_meeting) + rng.sample(other, args.cctv_other):
        drawn.append(("cctv", record["id"], cctv_text(record)))
    for record in rng.sample(tainan, args.tainan):
        if any(ref == record["url"] for _, ref, _ in drawn):
            continue  # the corpus holds a few releases twice under one URL: one ref is labelled once
        drawn.append(("tainan", record["url"], tainan_text(first[record["url"]])))
    return write_items(drawn, args.out, f"(seed {args.seed})")


def cctv_text(record: dict[str, Any]) -> str:
    return f"{record['title']}\n{record['body']}\n"


def tainan_text(record: dict[str, Any]) -> str:
    return f"{record['title']}\n[department: {record.get('department', '')}]\n{record['content']}\n"


def relabelled(path: Path) -> list[tuple[str, str, str]]:
    """The items of a label file as a draw: seed items are skipped (a second reading needs corpus texts)."""
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    wanted = {item["ref"] for item in items}
    records = {r["id"]: cctv_text(r) for r in read_records(CCTV) if r["id"] in wanted}
    for record in read_records(TAINAN):
        if record["url"] in wanted and record["url"] not in records:
            records[record["url"]] = tainan_text(record)  # (the first record of a URL, as the evaluation reads)
    return [(item["set"], item["ref"], records[item["ref"]]) for item in items if item["ref"] in records]


def write_items(drawn: list[tuple[str, str, str]], out: Path, origin: str) -> int:
    out.mkdir(parents=True, exist_ok=True)
    with (out / "draw.jsonl").open("w", encoding="utf-8") as skeleton:
        for number, (set_name, ref, text) in enumerate(drawn, start=1):
            (out / f"{number:03d}_{set_name}.txt").write_text(text, encoding="utf-8")
            skeleton.write(json.dumps({"n": number, "set": set_name, "ref": ref}, ensure_ascii=False) + "\n")
    print(f"wrote {len(drawn)} items {origin} into {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
