"""The enrichment evaluation sets are well-formed and the script runs and reports (no quality thresholds here).

A hundred and twenty-five label files: ``labels.jsonl`` (main development set), ``labels2.jsonl`` to
``labels124.jsonl`` (further development sets) and ``holdout.jsonl`` (blind test set, read here only for its form).
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tomllib
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from archive.fold import fold

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "bench" / "enrich_eval.py"
LABEL_DIR = ROOT / "tests" / "data" / "enrich_eval"
LABELS = LABEL_DIR / "labels.jsonl"
# file -> items expected per set
LABEL_FILES = {
    "labels.jsonl": None,
    "labels2.jsonl": {"cctv": 30, "tainan": 30},
    "labels3.jsonl": {"cctv": 48, "tainan": 48},
    "labels4.jsonl": {"cctv": 48, "tainan": 48},
    "labels5.jsonl": {"cctv": 48, "tainan": 48},
    "labels6.jsonl": {"cctv": 48, "tainan": 48},
    "labels7.jsonl": {"cctv": 48, "tainan": 48},
    "labels8.jsonl": {"cctv": 48, "tainan": 48},
    "labels9.jsonl": {"cctv": 47, "tainan": 48},
    "labels10.jsonl": {"cctv": 48, "tainan": 47},
    "labels11.jsonl": {"cctv": 48, "tainan": 48},
    "labels12.jsonl": {"cctv": 48, "tainan": 48},
    "labels13.jsonl": {"cctv": 48, "tainan": 48},
    "labels14.jsonl": {"cctv": 48, "tainan": 48},
    "labels15.jsonl": {"cctv": 48, "tainan": 48},
    "labels16.jsonl": {"cctv": 48, "tainan": 48},
    "labels17.jsonl": {"cctv": 48, "tainan": 48},
    "labels18.jsonl": {"cctv": 48, "tainan": 48},
    "labels19.jsonl": {"cctv": 47, "tainan": 48},
    "labels20.jsonl": {"cctv": 48, "tainan": 48},
    "labels21.jsonl": {"cctv": 47, "tainan": 48},
    "labels22.jsonl": {"cctv": 48, "tainan": 48},
    "labels23.jsonl": {"cctv": 47, "tainan": 48},
    "labels24.jsonl": {"cctv": 48, "tainan": 48},
    "labels25.jsonl": {"cctv": 47, "tainan": 48},
    "labels26.jsonl": {"cctv": 48, "tainan": 48},
    "labels27.jsonl": {"cctv": 48, "tainan": 48},
    "labels28.jsonl": {"cctv": 48, "tainan": 48},
    "labels29.jsonl": {"cctv": 48, "tainan": 48},
    "labels30.jsonl": {"cctv": 48, "tainan": 48},
    "labels31.jsonl": {"cctv": 46, "tainan": 48},
    "labels32.jsonl": {"cctv": 48, "tainan": 48},
    "labels33.jsonl": {"cctv": 47, "tainan": 48},
    "labels34.jsonl": {"cctv": 48, "tainan": 48},
    "labels35.jsonl": {"cctv": 46, "tainan": 47},
    "labels36.jsonl": {"cctv": 48, "tainan": 48},
    "labels37.jsonl": {"cctv": 48, "tainan": 48},
    "labels38.jsonl": {"cctv": 48, "tainan": 48},
    "labels39.jsonl": {"cctv": 48, "tainan": 48},
    "labels40.jsonl": {"cctv": 48, "tainan": 48},
    "labels41.jsonl": {"cctv": 46, "tainan": 47},
    "labels42.jsonl": {"cctv": 48, "tainan": 48},
    "labels43.jsonl": {"cctv": 48, "tainan": 48},
    "labels44.jsonl": {"cctv": 48, "tainan": 48},
    "labels45.jsonl": {"cctv": 46, "tainan": 48},
    "labels46.jsonl": {"cctv": 48, "tainan": 48},
    "labels47.jsonl": {"cctv": 48, "tainan": 48},
    "labels48.jsonl": {"cctv": 48, "tainan": 48},
    "labels49.jsonl": {"cctv": 47, "tainan": 48},
    "labels50.jsonl": {"cctv": 48, "tainan": 48},
    "labels51.jsonl": {"cctv": 48, "tainan": 48},
    "labels52.jsonl": {"cctv": 48, "tainan": 48},
    "labels53.jsonl": {"cctv": 47, "tainan": 48},
    "labels54.jsonl": {"cctv": 48, "tainan": 48},
    "labels55.jsonl": {"cctv": 46, "tainan": 48},
    "labels56.jsonl": {"cctv": 48, "tainan": 48},
    "labels57.jsonl": {"cctv": 46, "tainan": 48},
    "labels58.jsonl": {"cctv": 48, "tainan": 48},
    "labels59.jsonl": {"cctv": 47, "tainan": 48},
    "labels60.jsonl": {"cctv": 48, "tainan": 48},
    "labels61.jsonl": {"cctv": 48, "tainan": 48},
    "labels62.jsonl": {"cctv": 48, "tainan": 48},
    "labels63.jsonl": {"cctv": 48, "tainan": 48},
    "labels64.jsonl": {"cctv": 48, "tainan": 48},
    "labels65.jsonl": {"cctv": 46, "tainan": 48},
    "labels66.jsonl": {"cctv": 48, "tainan": 48},
    "labels67.jsonl": {"cctv": 44, "tainan": 48},
    "labels68.jsonl": {"cctv": 48, "tainan": 48},
    "labels69.jsonl": {"cctv": 46, "tainan": 48},
    "labels70.jsonl": {"cctv": 48, "tainan": 48},
    "labels71.jsonl": {"cctv": 46, "tainan": 47},
    "labels72.jsonl": {"cctv": 48, "tainan": 48},
    "labels73.jsonl": {"cctv": 41, "tainan": 48},
    "labels74.jsonl": {"cctv": 48, "tainan": 48},
    "labels75.jsonl": {"cctv": 38, "tainan": 48},
    "labels76.jsonl": {"cctv": 40, "tainan": 56},
    "labels77.jsonl": {"cctv": 16, "tainan": 80},
    "labels78.jsonl": {"cctv": 16, "tainan": 80},
    "labels79.jsonl": {"cctv": 16, "tainan": 80},
    "labels80.jsonl": {"cctv": 16, "tainan": 80},
    "labels81.jsonl": {"cctv": 16, "tainan": 80},
    "labels82.jsonl": {"cctv": 16, "tainan": 80},
    "labels83.jsonl": {"cctv": 16, "tainan": 80},
    "labels84.jsonl": {"cctv": 16, "tainan": 80},
    "labels85.jsonl": {"cctv": 16, "tainan": 80},
    "labels86.jsonl": {"cctv": 16, "tainan": 79},
    "labels87.jsonl": {"cctv": 16, "tainan": 80},
    "labels88.jsonl": {"cctv": 16, "tainan": 80},
    "labels89.jsonl": {"cctv": 16, "tainan": 80},
    "labels90.jsonl": {"cctv": 16, "tainan": 80},
    "labels91.jsonl": {"cctv": 16, "tainan": 80},
    "labels92.jsonl": {"cctv": 16, "tainan": 80},
    "labels93.jsonl": {"cctv": 16, "tainan": 80},
    "labels94.jsonl": {"cctv": 16, "tainan": 80},
    "labels95.jsonl": {"cctv": 16, "tainan": 80},
    "labels96.jsonl": {"cctv": 16, "tainan": 80},
    "labels97.jsonl": {"cctv": 16, "tainan": 80},
    "labels98.jsonl": {"cctv": 16, "tainan": 79},
    "labels99.jsonl": {"cctv": 16, "tainan": 80},
    "labels100.jsonl": {"cctv": 16, "tainan": 79},
    "labels101.jsonl": {"cctv": 16, "tainan": 80},
    "labels102.jsonl": {"cctv": 16, "tainan": 80},
    "labels103.jsonl": {"cctv": 16, "tainan": 80},
    "labels104.jsonl": {"cctv": 16, "tainan": 80},
    "labels105.jsonl": {"cctv": 16, "tainan": 80},
    "labels106.jsonl": {"cctv": 16, "tainan": 80},
    "labels107.jsonl": {"cctv": 16, "tainan": 80},
    "labels108.jsonl": {"cctv": 16, "tainan": 80},
    "labels109.jsonl": {"cctv": 16, "tainan": 80},
    "labels110.jsonl": {"cctv": 16, "tainan": 80},
    "labels111.jsonl": {"cctv": 16, "tainan": 80},
    "labels112.jsonl": {"cctv": 16, "tainan": 80},
    "labels113.jsonl": {"cctv": 16, "tainan": 80},
    "labels114.jsonl": {"cctv": 16, "tainan": 80},
    "labels115.jsonl": {"cctv": 16, "tainan": 80},
    "labels116.jsonl": {"cctv": 16, "tainan": 79},
    "labels117.jsonl": {"cctv": 16, "tainan": 80},
    "labels118.jsonl": {"cctv": 16, "tainan": 80},
    "labels119.jsonl": {"cctv": 16, "tainan": 80},
    "labels120.jsonl": {"cctv": 16, "tainan": 80},
    "labels121.jsonl": {"cctv": 16, "tainan": 80},
    "labels122.jsonl": {"cctv": 16, "tainan": 80},
    "labels123.jsonl": {"cctv": 16, "tainan": 80},
    "labels124.jsonl": {"cctv": 16, "tainan": 80},
    "holdout.jsonl": {"cctv": 24, "tainan": 24},
}
KEYS = {"set", "ref", "title", *("speakers", "attendees", "units", "districts")}
THEMES = ROOT / "src" / "archive" / "enrich" / "data" / "themes.toml"
FIELDS = ("speakers", "attendees", "units", "districts", "themes")
# Simplified-script characters that the one-to-one folding table still maps elsewhere (乾 → 干 is right
# for "dry" but not for the qián of names such as 陈良乾).
FOLD_EXCEPTIONS = {"乾"}


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("enrich_eval_bench", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def all_items(bench: ModuleType) -> dict[str, list[dict[str, Any]]]:
    return {name: bench.load_labels(LABEL_DIR / name) for name in LABEL_FILES}


@pytest.fixture(scope="module", params=list(LABEL_FILES))
def items(request: pytest.FixtureRequest, all_items: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    return all_items[request.param]


@pytest.fixture(scope="module")
def main_items(all_items: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    return all_items["labels.jsonl"]


@pytest.mark.parametrize("name", list(LABEL_FILES))
def test_every_line_is_a_json_object_with_the_fields(name: str) -> None:
    for number, line in enumerate((LABEL_DIR / name).read_text(encoding="utf-8").splitlines(), 1):
        item = json.loads(line)
        assert isinstance(item, dict), (name, number)
        assert KEYS <= set(item) <= KEYS | {"themes"}, (name, number)
        assert item["set"] in {"seed", "cctv", "tainan"}, (name, number)
        assert all(isinstance(item[key], str) and item[key] for key in ("set", "ref", "title")), (name, number)
        for field in FIELDS:
            values = item.get(field, [])
            assert isinstance(values, list) and all(isinstance(v, str) and v for v in values), (name, number)
            assert len(set(values)) == len(values), (name, number, field)


def test_refs_are_unique_across_the_label_files(all_items: dict[str, list[dict[str, Any]]]) -> None:
    seen: dict[tuple[str, str], str] = {}
    for name, loaded in all_items.items():
        for item in loaded:
            key = (str(item["set"]), str(item["ref"]))
            assert key not in seen, (key, seen.get(key), name)
            seen[key] = name


@pytest.mark.parametrize("name", [name for name, sizes in LABEL_FILES.items() if sizes])
def test_new_label_files_have_their_promised_sizes(name: str, all_items: dict[str, list[dict[str, Any]]]) -> None:
    assert Counter(str(item["set"]) for item in all_items[name]) == LABEL_FILES[name]


def test_label_file_has_the_promised_size(main_items: list[dict[str, Any]]) -> None:
    sets = Counter(str(item["set"]) for item in main_items)
    assert sets["seed"] == 1
    assert sets["cctv"] >= 100
    assert sets["tainan"] >= 60
    assert sum("themes" in item for item in main_items) >= 60


def test_every_value_is_canonical_simplified_and_themes_come_from_the_taxonomy(
    items: list[dict[str, Any]],
) -> None:
    taxonomy = {theme["name"] for theme in tomllib.loads(THEMES.read_text(encoding="utf-8"))["theme"]}
    for item in items:
        for name in FIELDS:
            for value in item.get(name, []):
                assert value == value.strip(), (item["ref"], name, value)
                traditional = [c for c in value if fold(c) != c and c not in FOLD_EXCEPTIONS]
                assert not traditional, (item["ref"], name, value)
        assert set(item.get("themes", [])) <= taxonomy, item["ref"]


def test_nobody_is_both_speaker_and_attendee(items: list[dict[str, Any]]) -> None:
    for item in items:
        both = set(item["speakers"]) & set(item["attendees"])
        assert not both, (item["ref"], both)


def test_refs_have_the_shape_of_their_set(items: list[dict[str, Any]], shared_dir: Path) -> None:
    for item in items:
        ref = str(item["ref"])
        if item["set"] == "cctv":
            assert ref.startswith("VIDE"), ref
        elif item["set"] == "tainan":
            assert ref.startswith("https://www.tainan.gov.tw/"), ref
        else:
            assert (shared_dir / "seeds" / ref).is_file(), ref


def test_seed_labels_match_the_issue(main_items: list[dict[str, Any]]) -> None:
    seed = next(item for item in main_items if item["set"] == "seed")
    assert set(seed["speakers"]) == {"陈吉宁", "龚正"}
    assert "朱忠明" in seed["attendees"]
    assert set(seed["districts"]) == {"浦东新区", "金山区", "青浦区", "崇明区"}


def test_a_malformed_label_line_is_reported_with_its_number(bench: ModuleType, tmp_path: Path) -> None:
    good = LABELS.read_text(encoding="utf-8").splitlines()[0]
    bad = json.loads(good)
    bad["speakers"] = "陈吉宁"
    path = tmp_path / "labels.jsonl"
    path.write_text(good.replace('"ref": "', '"ref": "x') + "\n" + json.dumps(bad, ensure_ascii=False) + "\n")
    with pytest.raises(ValueError, match=r"labels.jsonl:2: speakers must be a list"):
        bench.load_labels(path)


@pytest.mark.slow
def test_every_ref_points_at_a_text_in_shared(bench: ModuleType, main_items: list[dict[str, Any]]) -> None:
    items = main_items
    sources = bench.load_sources(items)
    missing = [(item["set"], item["ref"]) for item in items if (item["set"], item["ref"]) not in sources]
    assert not missing


def test_script_scores_a_subset_prints_its_table_and_writes_json(tmp_path: Path) -> None:
    output = tmp_path / "enrich_eval.json"
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--limit", "2", "--verbose", "--output", str(output)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["set", "field", "items", "gold", "pred", "P", "R", "F1"]
    for set_name in ("seed", "cctv", "tainan", "all"):
        assert any(line.split()[:2] == [set_name, "speakers"] for line in lines if line.strip()), set_name
    assert "targets (all sets):" in lines
    assert any(line.strip().startswith("speakers   P ≥ 0.95, R ≥ 0.90") for line in lines)
    result = json.loads(output.read_text(encoding="utf-8"))
    assert result["items"] == 5
    assert set(result["scores"]["all"]) == set(FIELDS)
    assert set(result["targets"]) == {"speakers", "units", "districts", "themes"}
    assert result["scores"]["seed"]["speakers"]["items"] == 1


def test_script_rejects_a_missing_label_file(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--labels", str(tmp_path / "none.jsonl"), "--output", str(tmp_path / "o.json")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "enrich_eval:" in done.stderr and "none.jsonl" in done.stderr
    assert "Traceback" not in done.stderr


def test_script_scores_several_files_together_and_refuses_a_repeated_one(tmp_path: Path) -> None:
    first = LABEL_DIR / "labels2.jsonl"
    second = LABEL_DIR / "labels3.jsonl"
    output = tmp_path / "o.json"
    args = [sys.executable, str(SCRIPT), "--limit", "1", "--output", str(output), "--labels"]
    done = subprocess.run([*args, str(first), str(second)], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    result = json.loads(output.read_text(encoding="utf-8"))
    assert result["items"] == 2  # one CCTV and one Tainan item, the first of each set across both files
    assert result["labels"] == [str(first), str(second)]
    repeated = subprocess.run([*args, str(first), str(first)], capture_output=True, text=True, timeout=60, check=False)
    assert repeated.returncode == 2
    assert "same ref" in repeated.stderr and "Traceback" not in repeated.stderr


def test_a_body_labelled_by_another_spelling_counts_as_the_body(bench: ModuleType) -> None:
    labelled = ["吉林省人民政府", "中国农业大学", "教育部"]
    assert bench.gold_set("units", labelled) == {"吉林省政府", "中国农业大学", "教育部"}
    assert bench.gold_set("speakers", ["吉林省人民政府"]) == {"吉林省人民政府"}


def test_script_reports_a_missing_corpus_in_one_line(tmp_path: Path) -> None:
    env = {**os.environ, "ARCHIVE_SHARED": str(tmp_path / "nowhere")}
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--limit", "1", "--output", str(tmp_path / "o.json")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("enrich_eval: cannot read the texts in ") and "nowhere" in done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "o.json").exists()


def test_draws_made_together_skip_each_others_records(tmp_path: Path, shared_dir: Path) -> None:
    script = ROOT / "bench" / "enrich_draw.py"

    def draw(out: Path, *more: str) -> set[str]:
        counts = ["--cctv-meeting", "0", "--cctv-other", "2", "--tainan", "6"]
        done = subprocess.run(
            [sys.executable, str(script), "--seed", "7", *counts, "--out", str(out), *more],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            env={**os.environ, "ARCHIVE_SHARED": str(shared_dir)},
        )
        assert done.returncode == 0, done.stderr
        return {json.loads(line)["ref"] for line in (out / "draw.jsonl").read_text(encoding="utf-8").splitlines()}

    first = draw(tmp_path / "a")
    assert len(first) == 8 and draw(tmp_path / "again") == first  # a seed draws the same records
    second = draw(tmp_path / "b", "--skip", str(tmp_path / "a"))
    assert len(second) == 8 and not first & second
    missing = subprocess.run(
        [sys.executable, str(script), "--seed", "7", "--out", str(tmp_path / "c"), "--skip", str(tmp_path / "none")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert missing.returncode == 2
    assert missing.stderr == f"enrich_draw: --skip {tmp_path / 'none'}: no draw.jsonl there\n"


def test_two_readings_are_compared_and_settled_by_a_third(tmp_path: Path) -> None:
    script = ROOT / "bench" / "enrich_reading.py"
    draw = tmp_path / "draw"
    draw.mkdir()
    refs = [("tainan", "https://example.org/a"), ("cctv", "VIDEexample")]
    (draw / "draw.jsonl").write_text(
        "".join(json.dumps({"n": n, "set": s, "ref": r}) + "\n" for n, (s, r) in enumerate(refs, start=1)),
        encoding="utf-8",
    )

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, str(script), *args]
        return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)

    assert run("briefs", str(draw)).returncode == 0
    brief = (draw / "briefs" / "reader2_2.md").read_text(encoding="utf-8")
    assert "from 002 to 002" in brief and str(draw / "reader2" / "2.jsonl") in brief and "## Format" in brief

    def label(reader: int, first: dict[str, object], second: dict[str, object]) -> None:
        pairs = zip(refs, [first, second], strict=True)
        lines = [{"set": s, "ref": r, "title": "t", **values} for (s, r), values in pairs]
        (draw / f"reader{reader}" / "1.jsonl").write_text(
            "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8"
        )

    # (traditional script and a gazetteer alias are the same value as the canonical simplified name)
    label(1, {"speakers": ["黃偉哲"], "units": ["臺南市政府衛生局"], "districts": ["东区"]}, {"units": ["国务院"]})
    label(2, {"speakers": ["黄伟哲"], "units": ["台南市政府卫生局", "台南市政府"]}, {"units": ["国务院"]})
    assert "1 items, 2 values in dispute" in run("disputes", str(draw)).stdout
    disputed = [json.loads(line) for line in (draw / "disputes.jsonl").read_text(encoding="utf-8").splitlines()]
    assert disputed[0]["fields"] == {
        "units": {"agreed": ["台南市政府卫生局"], "disputed": ["台南市政府"]},
        "districts": {"agreed": [], "disputed": ["东区"]},
    }
    out = tmp_path / "settled.jsonl"
    # the third reader must decide every disputed item, and only what is in dispute
    assert run("settle", str(draw), "--out", str(out)).returncode == 2
    (draw / "third" / "1.jsonl").write_text(json.dumps({"n": 1, "keep": {"units": ["国务院"]}}) + "\n")
    failed = run("settle", str(draw), "--out", str(out))
    assert failed.returncode == 2 and "国务院" in failed.stderr and not out.exists()
    (draw / "third" / "1.jsonl").write_text(json.dumps({"n": 1, "keep": {"districts": ["东区"]}}) + "\n")
    assert run("settle", str(draw), "--out", str(out)).returncode == 0
    settled = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert settled[0]["units"] == ["台南市政府卫生局"] and settled[0]["districts"] == ["东区"]
    assert settled[0]["speakers"] == ["黄伟哲"] and settled[1]["units"] == ["国务院"]
    assert "| units | 2 / 3, 2, 0.800 |" in run("agree", str(draw)).stdout
    # a reader who skipped an item is named, in one line
    label(2, {"speakers": []}, {})
    (draw / "reader2" / "1.jsonl").write_text(
        (draw / "reader2" / "1.jsonl").read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8"
    )
    skipped = run("disputes", str(draw))
    assert skipped.returncode == 2
    assert skipped.stderr.strip() == f"enrich_reading: reader 2 labelled 1 items of 2 in {draw}"
