"""Enrichment quality against a set labelled by reading: precision, recall and F1 per field and per set.

The labels (``tests/data/enrich_eval/labels.jsonl``) hold references, never article text: each item's text
is read from ``../shared`` (the seed file, a CCTV ground-truth record's title and body, a Tainan record),
run through ``archive.extract.extract`` and ``archive.enrich.enrich``, and the article-level lists are
compared with the labels. Counts are micro-averaged over items; themes are scored only on items that
carry a ``themes`` label.

    python bench/enrich_eval.py                     # every item
    python bench/enrich_eval.py --set tainan -v     # one set, with each item's misses and extras
    python bench/enrich_eval.py --limit 5           # the first 5 items of each set
    python bench/enrich_eval.py --labels tests/data/enrich_eval/labels*.jsonl   # every development set

Prints a table and writes ``bench/results/enrich_eval.json``. Always exits 0 once the labels are read;
the lines under the table say which quality targets are met.
"""

from __future__ import annotations

import argparse
import json
import lzma
import os
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ARCHIVE_SHARED", ROOT.parent / "shared"))
LABELS = ROOT / "tests" / "data" / "enrich_eval" / "labels.jsonl"
RESULTS = ROOT / "bench" / "results" / "enrich_eval.json"
CCTV = SHARED / "corpus" / "cctv" / "ground_truth-2022-2024.jsonl.xz"
TAINAN = SHARED / "corpus" / "tainan" / "tainan_news_2018-2026.jsonl.xz"
SEEDS = SHARED / "seeds"

SETS = ("seed", "cctv", "tainan")
FIELDS = ("speakers", "attendees", "units", "districts", "themes")
# field -> (minimum precision, minimum recall or None)
TARGETS: dict[str, tuple[float, float | None]] = {
    "speakers": (0.95, 0.90),
    "units": (0.90, 0.85),
    "districts": (0.90, 0.85),
    "themes": (0.80, None),
}


# --- labels ------------------------------------------------------------------------------------------------


def load_labels(path: Path = LABELS) -> list[dict[str, Any]]:
    """Read the label file; raise ``ValueError`` naming the line of the first malformed item."""
    items: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path.name}:{number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{where}: not JSON ({exc.msg})") from None
        if not isinstance(item, dict):
            raise ValueError(f"{where}: not a JSON object")
        if item.get("set") not in SETS:
            raise ValueError(f"{where}: set must be one of {', '.join(SETS)}")
        if not isinstance(item.get("ref"), str) or not item["ref"]:
            raise ValueError(f"{where}: ref missing")
        key = (item["set"], item["ref"])
        if key in seen:
            raise ValueError(f"{where}: duplicate ref {item['ref']}")
        seen.add(key)
        for name in FIELDS:
            if name == "themes" and name not in item:
                continue
            values = item.get(name)
            if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
                raise ValueError(f"{where}: {name} must be a list of names")
            if len(set(values)) != len(values):
                raise ValueError(f"{where}: {name} repeats a value")
        items.append(item)
    return items


# --- texts -------------------------------------------------------------------------------------------------


def _scan_jsonl_xz(path: Path, wanted: set[str], key: str) -> dict[str, dict[str, Any]]:
    """Records of a compressed JSONL file whose ``key`` is in ``wanted`` (only candidate lines are parsed)."""
    found: dict[str, dict[str, Any]] = {}
    if not wanted:
        return found
    quick = re.compile(rf'"{re.escape(key)}":\s*"([^"]*)"')
    with lzma.open(path, "rt", encoding="utf-8") as stream:
        for line in stream:
            hit = quick.search(line)
            if hit is not None and hit.group(1) not in wanted:
                continue
            record = json.loads(line)
            value = record.get(key)
            if value in wanted and value not in found:
                found[value] = record
                if len(found) == len(wanted):
                    break
    return found


def load_sources(items: Iterable[dict[str, Any]]) -> dict[tuple[str, str], Any]:
    """The raw material for each labelled item: (set, ref) -> record dict or seed path."""
    refs: dict[str, set[str]] = {name: set() for name in SETS}
    for item in items:
        refs[item["set"]].add(item["ref"])
    sources: dict[tuple[str, str], Any] = {}
    for ref, record in _scan_jsonl_xz(CCTV, refs["cctv"], "id").items():
        sources[("cctv", ref)] = record
    for ref, record in _scan_jsonl_xz(TAINAN, refs["tainan"], "url").items():
        sources[("tainan", ref)] = record
    for ref in refs["seed"]:
        path = SEEDS / ref
        if path.is_file():
            sources[("seed", ref)] = path
    return sources


def make_document(set_name: str, source: Any) -> Any:
    """The ``Document`` the pipeline would see for this item."""
    from archive.models import Document

    if set_name == "seed":
        path = Path(source)
        return Document(data=path.read_bytes(), kind="text", name=str(path))
    if set_name == "cctv":
        text = f"{source['title']}\n{source['body']}\n"
        return Document(data=text.encode("utf-8"), kind="text", name=f"cctv:{source['id']}", url=source.get("url"))
    record = {k: v for k, v in source.items() if not k.startswith("_")}
    return Document(
        data=json.dumps(record, ensure_ascii=False).encode("utf-8"),
        kind="record",
        name=f"tainan:{source.get('url')}",
        url=source.get("url"),
    )


# --- scoring -----------------------------------------------------------------------------------------------


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    items: int = 0

    def add(self, gold: set[str], predicted: set[str]) -> None:
        self.tp += len(gold & predicted)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)
        self.items += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "items": self.items,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class ItemResult:
    set: str
    ref: str
    title: str
    error: str | None = None
    predicted: dict[str, list[str]] = field(default_factory=dict)
    missed: dict[str, list[str]] = field(default_factory=dict)
    extra: dict[str, list[str]] = field(default_factory=dict)


Pipeline = Callable[[Any], Any]


def load_pipeline() -> tuple[Pipeline | None, str | None]:
    """extract + enrich, or (None, reason) while a stage is missing."""
    try:
        from archive.enrich import enrich
        from archive.extract import extract
    except ImportError as exc:
        return None, f"pipeline not available: {exc}"

    def run(doc: Any) -> Any:
        return enrich(extract(doc))

    return run, None


def gold_set(name: str, values: list[str]) -> set[str]:
    """An item's labelled values as the program names them: a body labelled by another of its spellings
    (吉林省人民政府, the gazetteer's alias of 吉林省政府) counts as that body, and one the gazetteer lacks is
    read with the short form of its ending (中国驻墨西哥大使馆 as 中国驻墨西哥使馆)."""
    if name != "units":
        return set(values)
    try:
        from archive.enrich.units import matcher, short_form
    except ImportError:
        return set(values)
    aliases = matcher(frozenset()).aliases
    return {aliases[v].name if v in aliases and aliases[v].kind == "body" else short_form(v) for v in values}


def evaluate(
    items: list[dict[str, Any]], sources: dict[tuple[str, str], Any], pipeline: Pipeline | None
) -> tuple[dict[str, dict[str, Counts]], list[ItemResult]]:
    from archive.errors import ArchiveError

    table: dict[str, dict[str, Counts]] = {s: {f: Counts() for f in FIELDS} for s in (*SETS, "all")}
    results: list[ItemResult] = []
    for item in items:
        result = ItemResult(set=item["set"], ref=item["ref"], title=item.get("title", ""))
        source = sources.get((item["set"], item["ref"]))
        article = None
        if source is None:
            result.error = "text not found in ../shared"
        elif pipeline is None:
            result.error = "pipeline not available"
        else:
            try:
                article = pipeline(make_document(item["set"], source))
            except ArchiveError as exc:
                result.error = f"{type(exc).__name__}: {exc}"
        for name in FIELDS:
            if name not in item:
                continue
            gold = gold_set(name, item[name])
            predicted = set(getattr(article, name, None) or []) if article is not None else set()
            table[item["set"]][name].add(gold, predicted)
            table["all"][name].add(gold, predicted)
            result.predicted[name] = sorted(predicted)
            if gold - predicted:
                result.missed[name] = sorted(gold - predicted)
            if predicted - gold:
                result.extra[name] = sorted(predicted - gold)
        results.append(result)
    return table, results


def target_lines(overall: dict[str, Counts]) -> list[tuple[str, bool]]:
    lines: list[tuple[str, bool]] = []
    for name, (min_p, min_r) in TARGETS.items():
        counts = overall[name]
        met = counts.precision >= min_p and (min_r is None or counts.recall >= min_r)
        wanted = f"P ≥ {min_p:.2f}" + (f", R ≥ {min_r:.2f}" if min_r is not None else "")
        got = f"P {counts.precision:.3f}" + (f", R {counts.recall:.3f}" if min_r is not None else "")
        lines.append((f"{name:<10} {wanted:<20} {got:<22} {'met' if met else 'NOT met'}", met))
    return lines


def print_report(
    table: dict[str, dict[str, Counts]], sets: list[str], results: list[ItemResult], verbose: bool
) -> None:
    header = f"{'set':<7} {'field':<10} {'items':>5} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}"
    print(header)
    print("-" * len(header))
    for set_name in [*sets, "all"]:
        for name in FIELDS:
            c = table[set_name][name]
            if not c.items:
                continue
            print(
                f"{set_name:<7} {name:<10} {c.items:>5} {c.tp + c.fn:>5} {c.tp + c.fp:>5} "
                f"{c.precision:>6.3f} {c.recall:>6.3f} {c.f1:>6.3f}"
            )
        print()
    failed = [r for r in results if r.error]
    if failed:
        print(f"{len(failed)} of {len(results)} items not processed (first: {failed[0].ref}: {failed[0].error})")
    print("targets (all sets):")
    for line, _met in target_lines(table["all"]):
        print(f"  {line}")
    if verbose:
        print()
        for r in results:
            if not (r.error or r.missed or r.extra):
                continue
            print(f"[{r.set}] {r.ref}  {r.title}")
            if r.error:
                print(f"    error: {r.error}")
            for name in FIELDS:
                if name in r.missed:
                    print(f"    {name:<10} missed: {'、'.join(r.missed[name])}")
                if name in r.extra:
                    print(f"    {name:<10} extra:  {'、'.join(r.extra[name])}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--set", choices=[*SETS, "all"], default="all", help="which set to score")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N items of each set")
    parser.add_argument("-v", "--verbose", action="store_true", help="list each item's missed and extra values")
    parser.add_argument(
        "--labels", type=Path, nargs="+", default=[LABELS], help="label files (JSONL), scored together"
    )
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the JSON results")
    args = parser.parse_args(argv)

    try:
        items = [item for path in args.labels for item in load_labels(path)]
        refs = [(item["set"], item["ref"]) for item in items]
        if len(set(refs)) != len(refs):
            raise ValueError("the same ref is labelled in two of the files given")
    except (OSError, ValueError) as exc:
        print(f"enrich_eval: {exc}", file=sys.stderr)
        return 2
    sets = list(SETS) if args.set == "all" else [args.set]
    items = [i for i in items if i["set"] in sets]
    if args.limit is not None:
        items = [i for s in sets for i in [j for j in items if j["set"] == s][: args.limit]]

    started = time.perf_counter()
    try:
        sources = load_sources(items)
    except (OSError, EOFError, lzma.LZMAError) as exc:
        print(f"enrich_eval: cannot read the texts in {SHARED}: {exc}", file=sys.stderr)
        return 2
    pipeline, problem = load_pipeline()
    if problem:
        print(f"note: {problem}; every prediction is empty")
    table, results = evaluate(items, sources, pipeline)
    seconds = time.perf_counter() - started
    print_report(table, sets, results, args.verbose)

    payload = {
        "labels": [str(path) for path in args.labels],
        "sets": sets,
        "items": len(items),
        "seconds": round(seconds, 2),
        "pipeline_problem": problem,
        "scores": {s: {f: c.to_dict() for f, c in table[s].items() if c.items} for s in [*sets, "all"]},
        "targets": {line.split()[0]: met for line, met in target_lines(table["all"])},
        "errors": [
            {
                "set": r.set,
                "ref": r.ref,
                "title": r.title,
                "error": r.error,
                "missed": r.missed,
                "extra": r.extra,
            }
            for r in results
            if r.error or r.missed or r.extra
        ],
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.output} ({len(items)} items, {seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
