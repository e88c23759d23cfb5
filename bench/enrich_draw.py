"""Draw a fresh random sample of texts for a new enrichment label file.

The draw is reproducible from its seed and skips every ref already labelled in ``tests/data/enrich_eval``,
so that a new file never repeats an item. For each drawn item it writes the text a labeller reads
(``NNN_<set>.txt``: title, then body; for Tainan also the record's department) and a skeleton line
``{"set", "ref"}`` in ``draw.jsonl``, both under ``--out``.

    python bench/enrich_draw.py --seed 4242 --cctv-meeting 30 --cctv-other 10 --tainan 40 --out /tmp/draw

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
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--cctv-meeting", type=int, default=30)
    parser.add_argument("--cctv-other", type=int, default=10)
    parser.add_argument("--tainan", type=int, default=40)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    taken = labelled_refs()
    cctv = [r for r in read_records(CCTV) if r.get("body", "").strip() and r["id"] not in taken]
    cctv.sort(key=lambda r: r["id"])
    meeting = [r for r in cctv if MEETING_TITLE.search(r.get("title", ""))]
    other = [r for r in cctv if not MEETING_TITLE.search(r.get("title", ""))]
    tainan = [r for r in read_records(TAINAN) if r.get("content", "").strip() and r["url"] not in taken]
    tainan.sort(key=lambda r: r["url"])

    drawn: list[tuple[str, str, str]] = []
    for record in rng.sample(meeting, args.cctv_meeting) + rng.sample(other, args.cctv_other):
        drawn.append(("cctv", record["id"], f"{record['title']}\n{record['body']}\n"))
    for record in rng.sample(tainan, args.tainan):
        if any(ref == record["url"] for _, ref, _ in drawn):
            continue  # the corpus holds a few releases twice under one URL: one ref is labelled once
        text = f"{record['title']}\n[department: {record.get('department', '')}]\n{record['content']}\n"
        drawn.append(("tainan", record["url"], text))

    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "draw.jsonl").open("w", encoding="utf-8") as skeleton:
        for number, (set_name, ref, text) in enumerate(drawn, start=1):
            (args.out / f"{number:03d}_{set_name}.txt").write_text(text, encoding="utf-8")
            skeleton.write(json.dumps({"n": number, "set": set_name, "ref": ref}, ensure_ascii=False) + "\n")
    print(f"drew {len(drawn)} items (seed {args.seed}) into {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
