"""Fit the enrichment rescoring model (``src/archive/enrich/data/rescore.json``) to the development labels.

Every candidate of every labelled text (``archive.enrich.candidates_of``) becomes one row: its binary
features and whether the label lists it. A logistic model with an L2 penalty is fitted per field. Before the
final fit, each development file is held out in turn and predicted by a model fitted to the others; those
out-of-file predictions choose the thresholds and give the figures printed here, which are what the model can be
expected to do on texts it never saw. The thresholds are those with the best recall whose precision stays a margin
above the field's precision target when the best F1 already clears it, else those with the best F1; for themes,
whose target is precision alone, the best recall at no less precision than the rules' own.

    python bench/enrich_train.py                   # fit, print the cross-validated table, write the model
    python bench/enrich_train.py --dry-run         # the table only
    python bench/enrich_train.py --fields themes   # refit one field; the others keep their weights

The blind set (``holdout.jsonl``) is refused: it is for ``bench/enrich_eval.py`` alone.
"""

from __future__ import annotations

import argparse
import json
import lzma
import multiprocessing
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

sys.path.insert(0, str(Path(__file__).resolve().parent))
import enrich_eval as ev

ROOT = ev.ROOT
LABEL_DIR = ROOT / "tests" / "data" / "enrich_eval"
MODEL = ROOT / "src" / "archive" / "enrich" / "data" / "rescore.json"
RESULTS = ROOT / "bench" / "results" / "enrich_train.json"
FIELDS = ("speakers", "units", "districts", "government", "themes")
#: The field whose values a pool holds (the city government is a unit, weighed apart from the others).
LABELLED = {"government": "units"}
#: Features seen on fewer rows than this are left out (they would only remember single texts).
MIN_COUNT = 4
PENALTY = 1.0
GRID = [round(0.05 * i, 2) for i in range(1, 20)]
#: Thresholds below which a value the rules chose is dropped (0: the model only adds): chosen with the adding
#: threshold, on held-out predictions, for every field.
DROPS = [0.0, *GRID]


@dataclass
class Row:
    item: int  # index of the labelled item
    file: str
    value: str
    features: set[str]
    rule: bool
    gold: bool


@dataclass
class Item:
    file: str
    gold: dict[str, set[str]]


def gather(paths: list[Path]) -> tuple[list[Item], dict[str, list[Row]]]:
    from archive.enrich import candidates_of
    from archive.enrich.rescore import features
    from archive.enrich.units import governments
    from archive.extract import extract
    from archive.fold import fold

    labelled = [(path.name, item) for path in paths for item in ev.load_labels(path)]
    sources = ev.load_sources([item for _, item in labelled])
    items: list[Item] = []
    rows: dict[str, list[Row]] = {name: [] for name in FIELDS}
    for index, (file, item) in enumerate(labelled):
        source = sources.get((item["set"], item["ref"]))
        if source is None:
            raise SystemExit(f"enrich_train: text of {item['ref']} not found in ../shared")
        found = candidates_of(extract(ev.make_document(item["set"], source)))
        entry = Item(file=file, gold={})
        for name in FIELDS:
            if LABELLED.get(name, name) not in item:
                continue  # (themes are left out of an item whose subject its readers could not judge)
            gold = ev.gold_set(LABELLED.get(name, name), item[LABELLED.get(name, name)])
            # (the city government is weighed by a model of its own: the units' rows and figures leave it out)
            gold = gold & governments() if name == "government" else gold - governments() if name == "units" else gold
            if name == "speakers":
                # candidates are spelled as in the folded text (陈良干); the label keeps the name's own 乾
                gold = {fold(value) for value in gold}
            pool = found.pools[name]
            entry.gold[name] = gold
            for candidate in pool:
                rows[name].append(
                    Row(
                        item=index,
                        file=file,
                        value=candidate.value,
                        features=features(found.full, found.title_end, candidate),
                        rule="rule" in candidate.tags,
                        gold=candidate.value in gold,
                    )
                )
        items.append(entry)
    return items, rows


def _matrix(rows: list[Row], vocabulary: dict[str, int]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Sparse binary rows as (column indices, row starts)."""
    columns: list[int] = []
    starts = [0]
    for row in rows:
        columns.extend(sorted(vocabulary[f] for f in row.features if f in vocabulary))
        starts.append(len(columns))
    return np.asarray(columns, dtype=np.int64), np.asarray(starts, dtype=np.int64)


def fit(rows: list[Row]) -> dict[str, float]:
    """L2-penalised logistic regression by gradient descent (Adam) on the rows' binary features."""
    counts = Counter(f for row in rows for f in row.features)
    vocabulary = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT or f == "bias"))}
    columns, starts = _matrix(rows, vocabulary)
    y = np.asarray([row.gold for row in rows], dtype=np.float64)
    per_row = np.diff(starts)
    owner = np.repeat(np.arange(len(rows)), per_row)
    w = np.zeros(len(vocabulary))
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    bias = vocabulary["bias"]
    rate, beta1, beta2 = 0.05, 0.9, 0.999
    for step in range(1, 601):
        z = np.bincount(owner, weights=w[columns], minlength=len(rows))
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        grad = np.bincount(columns, weights=(p - y)[owner], minlength=len(w)) / len(rows)
        penalty = PENALTY / len(rows) * w
        penalty[bias] = 0.0
        grad += penalty
        m = beta1 * m + (1 - beta1) * grad
        v = beta2 * v + (1 - beta2) * grad * grad
        w -= rate * (m / (1 - beta1**step)) / (np.sqrt(v / (1 - beta2**step)) + 1e-8)
    return {f: float(w[i]) for f, i in vocabulary.items() if abs(w[i]) >= 1e-3}


def score(
    items: list[Item], rows: list[Row], probs: list[float], name: str, add_at: float, drop_at: float
) -> tuple[int, int, int]:
    """Micro counts (tp, fp, fn) of the decisions over ``items``."""
    predicted: dict[int, set[str]] = {i: set() for i in range(len(items))}
    for row, p in zip(rows, probs, strict=True):
        if (row.rule and p >= drop_at) or (not row.rule and p >= add_at):
            predicted[row.item].add(row.value)
    tp = fp = fn = 0
    for index, item in enumerate(items):
        if name not in item.gold:
            continue
        got = predicted[index]  # every value the rules chose is a candidate: it has a row
        tp += len(got & item.gold[name])
        fp += len(got - item.gold[name])
        fn += len(item.gold[name] - got)
    return tp, fp, fn


def _pr(counts: tuple[int, int, int]) -> tuple[float, float]:
    tp, fp, fn = counts
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)


#: The rows being cross-validated, for the worker processes (forked: they share them without a copy).
_SHARED_ROWS: list[Row] = []


def _held_out(file: str) -> list[tuple[int, float]]:
    """The probabilities of ``file``'s rows by a model fitted to the other files' rows."""
    from archive.enrich.rescore import FieldModel

    rows = _SHARED_ROWS
    held_out = FieldModel(weights=fit([row for row in rows if row.file != file]), add_at=1.0, drop_at=0.0)
    return [(i, held_out.probability(row.features)) for i, row in enumerate(rows) if row.file == file]


def cross_validate(items: list[Item], rows: list[Row], jobs: int = 1) -> list[float]:
    """Each row's probability from a model fitted without the row's file (the files fitted in ``jobs`` processes)."""
    global _SHARED_ROWS
    _SHARED_ROWS = rows
    files = sorted({row.file for row in rows})
    probs = [0.0] * len(rows)
    if jobs > 1 and "fork" in multiprocessing.get_all_start_methods():
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            results = pool.map(_held_out, files, chunksize=1)
    else:
        results = [_held_out(file) for file in files]
    for found in results:
        for i, p in found:
            probs[i] = p
    return probs


#: How far above its precision target (``enrich_eval.TARGETS``) a field's held-out precision must stay for the
#: thresholds to be chosen for recall.
MARGIN = 0.02
#: Thresholds chosen for recall: of those whose held-out recall comes this close to the best, the ones with the
#: best precision (a sliver of recall is not worth a threshold that adds values the model finds unlikely, and
#: the choice then moves less from one refit to the next).
RECALL_SLACK = 0.003


def choose(items: list[Item], rows: list[Row], probs: list[float], name: str) -> tuple[float, float]:
    """The thresholds with the best held-out F1 (ties: the higher precision); when their precision stays ``MARGIN``
    above the field's precision target, those with the best recall whose precision still does (within
    ``RECALL_SLACK`` of that recall, the best precision). (A field whose best F1 falls short of its precision
    target, or that has no target of its own, such as the city government, keeps the best F1: buying precision
    there would cost far more recall.) A field with a precision target alone (themes)
    takes the best recall whose precision stays at the rules' own and ``MARGIN`` above the target: the model may
    only add what the rules miss, never cost precision."""
    target = ev.TARGETS.get(name)
    floor = target[0] + MARGIN if target is not None else None
    if target is not None and target[1] is None:
        rules = _pr(score(items, rows, [0.5] * len(rows), name, 1.01, 0.0))[0]
        floor = max(target[0] + MARGIN, rules)
    best: tuple[float, float, float, float] | None = None  # f1, precision, add_at, drop_at
    above: list[tuple[float, float, float, float]] = []  # recall, precision, add_at, drop_at
    for add_at in [*GRID, 1.01]:
        for drop_at in DROPS:
            precision, recall = _pr(score(items, rows, probs, name, add_at, drop_at))
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            if best is None or (f1, precision) > best[:2]:
                best = (f1, precision, add_at, drop_at)
            if floor is not None and precision >= floor:
                above.append((recall, precision, add_at, drop_at))
    assert best is not None
    safe = None
    if above:
        most = max(recall for recall, *_ in above)
        # (ties: the higher add threshold short of adding nothing, and the lower drop threshold)
        safe = max(
            (c for c in above if c[0] >= most - RECALL_SLACK),
            key=lambda c: (c[1], c[0], c[2] if c[2] <= 1.0 else 0.0, -c[3]),
        )
    if safe is not None and (best[1] >= (floor or 0.0) or (target is not None and target[1] is None)):
        return safe[2], safe[3]  # (the best F1 clears the target: trade the precision to spare for recall)
    return best[2], best[3]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--labels", nargs="+", type=Path, help="development label files (default: all but the blind set)"
    )
    parser.add_argument("--dry-run", action="store_true", help="print the cross-validated table, write no model")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the JSON results")
    parser.add_argument("--model", type=Path, default=MODEL, help="where to write the fitted model")
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="processes fitting the held-out models (default: all)"
    )
    parser.add_argument(
        "--fields", nargs="+", choices=FIELDS, default=list(FIELDS),
        help="refit only these fields; the others keep their weights in the model file",
    )
    args = parser.parse_args(argv)
    paths = args.labels or sorted(p for p in LABEL_DIR.glob("labels*.jsonl"))
    if any(p.name == "holdout.jsonl" for p in paths):
        print("enrich_train: holdout.jsonl is the blind set; it is never trained on", file=sys.stderr)
        return 2
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        print(f"enrich_train: no such label file: {missing[0]}", file=sys.stderr)
        return 2
    if len(paths) < 2:
        print("enrich_train: cross-validation by file needs at least two label files", file=sys.stderr)
        return 2
    began = time.perf_counter()
    try:
        items, rows = gather(paths)
    except ValueError as exc:
        print(f"enrich_train: {exc}", file=sys.stderr)
        return 2
    except (OSError, EOFError, lzma.LZMAError) as exc:
        print(f"enrich_train: cannot read the texts in {ev.SHARED}: {exc}", file=sys.stderr)
        return 2
    report: dict[str, Any] = {"files": [p.name for p in paths], "items": len(items), "fields": {}}
    spec: dict[str, Any] = {}
    print(f"{'field':10} {'rows':>6}  {'rules P':>8} {'rules R':>8}  {'model P':>8} {'model R':>8}  add_at drop_at")
    for name in args.fields:
        probs = cross_validate(items, rows[name], args.jobs)
        add_at, drop_at = choose(items, rows[name], probs, name)
        rules = _pr(score(items, rows[name], [0.5] * len(rows[name]), name, 1.01, 0.0))
        learned = _pr(score(items, rows[name], probs, name, add_at, drop_at))
        print(
            f"{name:10} {len(rows[name]):>6}  {rules[0]:>8.3f} {rules[1]:>8.3f}  {learned[0]:>8.3f} {learned[1]:>8.3f}"
            f"  {add_at:>6} {drop_at:>7}"
        )
        report["fields"][name] = {
            "rows": len(rows[name]),
            "rules": {"precision": round(rules[0], 4), "recall": round(rules[1], 4)},
            "cross_validated": {"precision": round(learned[0], 4), "recall": round(learned[1], 4)},
            "add_at": add_at,
            "drop_at": drop_at,
        }
        weights = fit(rows[name])
        rounded = {f: round(w, 4) for f, w in sorted(weights.items())}
        spec[name] = {
            "add_at": add_at,
            "drop_at": drop_at,
            "trained_on": report["files"],
            "items": len(items),
            "weights": rounded,
        }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    seconds = time.perf_counter() - began
    print(f"cross-validated by label file; {len(items)} items, {seconds:.1f} s; wrote {args.output}")
    if not args.dry_run:
        if set(args.fields) != set(FIELDS) and args.model.is_file():
            before = json.loads(args.model.read_text(encoding="utf-8"))
            kept = before.get("fields", {})
            for name in FIELDS:
                if name in kept and name not in spec:
                    # (a model written before fields named their files was fitted as a whole to its own list)
                    spec[name] = {"trained_on": before.get("trained_on", []), **kept[name]}
        # (each field names the files it was fitted to, since a field refitted alone may see more than the others)
        files = sorted({f for field in spec.values() for f in field.get("trained_on", report["files"])})
        model = {"trained_on": files, "fields": dict(sorted(spec.items()))}
        args.model.write_text(json.dumps(model, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {args.model}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
