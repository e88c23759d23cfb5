"""The double reading of a drawn label file: briefs for two readers, their disputes, a third reader's settling.

A draw (``bench/enrich_draw.py --out DRAW``) holds the texts and ``draw.jsonl``. Two readers each label every
item apart from each other, in halves if they like, into ``DRAW/reader1/*.jsonl`` and ``DRAW/reader2/*.jsonl``
(read in name order). The values only one of them gave go to a third reader, who is not told whose they are and
keeps those the guide supports (``DRAW/third/*.jsonl``); the settled file holds the values both gave plus those
kept.

    python bench/enrich_reading.py briefs DRAW                  # DRAW/briefs/reader{1,2}_{1,2}.md
    python bench/enrich_reading.py disputes DRAW                # DRAW/disputes.jsonl and DRAW/briefs/third.md
    python bench/enrich_reading.py settle DRAW --out FILE       # the settled label file
    python bench/enrich_reading.py agree DRAW [DRAW…]           # the readers' agreement, as in the README table

The briefs are the templates of ``tests/data/enrich_eval/READING.md`` with the guide (the README of that
folder, from "Format" on) appended. Bodies are compared as the gazetteer names them (``enrich_eval.gold_set``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from enrich_eval import FIELDS, ROOT, gold_set

LABEL_DIR = ROOT / "tests" / "data" / "enrich_eval"
READING = LABEL_DIR / "READING.md"


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _write(path: Path, items: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items), encoding="utf-8")


def _values(field: str, values: list[str]) -> set[str]:
    from archive.fold import fold

    return gold_set(field, [fold(v.strip()) for v in values if v.strip()])


def reader(draw: Path, number: int) -> list[dict[str, Any]]:
    """One reader's items, checked against the draw, with values canonical (a missing list is empty; a missing
    ``themes`` stays missing: the reader could not judge them)."""
    skeleton = _lines(draw / "draw.jsonl")
    parts = sorted((draw / f"reader{number}").glob("*.jsonl"))
    items = [item for part in parts for item in _lines(part)]
    if len(items) != len(skeleton):
        raise ValueError(f"reader {number} labelled {len(items)} items of {len(skeleton)} in {draw}")
    for drawn, item in zip(skeleton, items, strict=True):
        if (item.get("set"), item.get("ref")) != (drawn["set"], drawn["ref"]):
            raise ValueError(f"reader {number}: item {drawn['n']} is not {drawn['ref']}")
        for field in FIELDS:
            if field in item or field != "themes":
                item[field] = sorted(_values(field, item.get(field, [])))
    return items


def _split(first: dict[str, Any], second: dict[str, Any], field: str) -> tuple[set[str], set[str]] | None:
    """(values both gave, values one gave) for ``field``; a theme list only one reader gave is disputed whole."""
    if field not in first and field not in second:
        return None
    a, b = set(first.get(field, [])), set(second.get(field, []))
    if field not in first or field not in second:
        return set(), a | b
    return a & b, a ^ b


_BRIEFS = ("Reader brief", "Third-reader brief")


def _brief(name: str) -> str:
    """The template under ``## name`` in READING.md, up to the next brief's heading."""
    text = READING.read_text(encoding="utf-8")
    start = text.index(f"## {name}\n") + len(f"## {name}\n")
    ends = [at for other in _BRIEFS if (at := text.find(f"\n## {other}\n", start)) >= 0]
    return text[start : min(ends, default=len(text))].strip() + "\n"


def _fill(template: str, **values: object) -> str:
    """``template`` with each ``{name}`` replaced (its JSON examples keep their own braces)."""
    for name, value in values.items():
        template = template.replace("{" + name + "}", str(value))
    return template


def _guide() -> str:
    readme = (LABEL_DIR / "README.md").read_text(encoding="utf-8")
    return "\n# The guide\n\n" + readme[readme.index("## Format") :]


def briefs(draw: Path) -> list[Path]:
    count = len(_lines(draw / "draw.jsonl"))
    half = (count + 1) // 2
    template = _brief("Reader brief")
    out = draw / "briefs"
    out.mkdir(exist_ok=True)
    written = []
    for number in (1, 2):
        (draw / f"reader{number}").mkdir(exist_ok=True)
        for part, (first, last) in enumerate([(1, half), (half + 1, count)], start=1):
            target = draw / f"reader{number}" / f"{part}.jsonl"
            text = _fill(template, draw=draw, first=f"{first:03d}", last=f"{last:03d}", out=target)
            path = out / f"reader{number}_{part}.md"
            path.write_text(text + _guide(), encoding="utf-8")
            written.append(path)
    return written


def disputes(draw: Path) -> tuple[int, int]:
    """Write ``disputes.jsonl`` and the third reader's brief; return (items, values) in dispute."""
    first, second = reader(draw, 1), reader(draw, 2)
    found = []
    for number, (a, b) in enumerate(zip(first, second, strict=True), start=1):
        fields = {}
        for field in FIELDS:
            split = _split(a, b, field)
            if split and split[1]:
                fields[field] = {"agreed": sorted(split[0]), "disputed": sorted(split[1])}
        if fields:
            title = a.get("title") or b.get("title") or ""
            found.append({"n": number, "set": a["set"], "ref": a["ref"], "title": title, "fields": fields})
    _write(draw / "disputes.jsonl", found)
    (draw / "third").mkdir(exist_ok=True)
    (draw / "briefs").mkdir(exist_ok=True)
    brief = _fill(_brief("Third-reader brief"), draw=draw, out=draw / "third" / "1.jsonl")
    (draw / "briefs" / "third.md").write_text(brief + _guide(), encoding="utf-8")
    return len(found), sum(len(f["disputed"]) for item in found for f in item["fields"].values())


def settle(draw: Path) -> list[dict[str, Any]]:
    """The values both readers gave, plus the disputed values the third reader kept."""
    first, second = reader(draw, 1), reader(draw, 2)
    open_items = {item["n"] for item in _lines(draw / "disputes.jsonl")}
    kept = {rec["n"]: rec.get("keep", {}) for part in sorted((draw / "third").glob("*.jsonl")) for rec in _lines(part)}
    if open_items - set(kept):
        raise ValueError(f"the third reader has not decided items {sorted(open_items - set(kept))}")
    settled = []
    for number, (a, b) in enumerate(zip(first, second, strict=True), start=1):
        item = {"set": a["set"], "ref": a["ref"], "title": a.get("title") or b.get("title") or ""}
        for field in FIELDS:
            split = _split(a, b, field)
            if split is None:
                continue
            keep = set(kept.get(number, {}).get(field, []))
            if keep - split[1]:
                raise ValueError(f"item {number}: the third reader kept {sorted(keep - split[1])}, not in dispute")
            item[field] = sorted(split[0] | keep)
        settled.append(item)
    return settled


def agreement(draws: list[Path]) -> dict[str, tuple[int, int, int, float]]:
    """Per field: values of reader 1, of reader 2, given by both, and F1 (themes: items both judged)."""
    table = {}
    for field in FIELDS:
        one = two = both = 0
        for draw in draws:
            for a, b in zip(reader(draw, 1), reader(draw, 2), strict=True):
                if field not in a or field not in b:
                    continue
                one, two, both = one + len(a[field]), two + len(b[field]), both + len(set(a[field]) & set(b[field]))
        table[field] = (one, two, both, 2 * both / (one + two) if one + two else 1.0)
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("step", choices=["briefs", "disputes", "settle", "agree"])
    parser.add_argument("draws", type=Path, nargs="+", help="draw directories (enrich_draw.py --out)")
    parser.add_argument("--out", type=Path, help="settle: where to write the settled label file")
    args = parser.parse_args(argv)
    if args.step != "agree" and len(args.draws) != 1:
        parser.error(f"{args.step} takes one draw directory")
    draw = args.draws[0]
    try:
        if args.step == "briefs":
            for path in briefs(draw):
                print(path)
        elif args.step == "disputes":
            items, values = disputes(draw)
            print(f"{items} items, {values} values in dispute: {draw / 'disputes.jsonl'}, {draw / 'briefs/third.md'}")
        elif args.step == "settle":
            if args.out is None:
                parser.error("settle needs --out FILE")
            settled = settle(draw)
            _write(args.out, settled)
            print(f"{len(settled)} items settled into {args.out}")
        else:
            for field, (one, two, both, f1) in agreement(args.draws).items():
                print(f"| {field} | {one} / {two}, {both}, {f1:.3f} |")
    except (OSError, ValueError, KeyError) as exc:
        print(f"enrich_reading: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
