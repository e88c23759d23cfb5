"""The exactness check of ``bench/exactness.py`` on a small sample: quoted substrings find exactly what a scan finds."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from archive.index import open_writer

ROOT = Path(__file__).resolve().parent.parent


def load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("exactness_bench", ROOT / "bench" / "exactness.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_quoted_random_substrings_have_precision_and_recall_one(data_dir: Path, corpus_dir: Path) -> None:
    bench = load_bench()
    bench.CORPUS = corpus_dir
    articles = bench.corpus_articles(tainan=120, cctv=60)
    with open_writer(data_dir) as writer:
        for article in articles:
            writer.update_article(article)
    report = bench.run(articles, data_dir, samples=80, seed=11)
    assert report["articles_expected"] > 80
    assert report["misses"] == []
    assert (report["precision"], report["recall"]) == (1.0, 1.0)
    assert (report["section_precision"], report["section_recall"]) == (1.0, 1.0)
    assert report["totals_agree"] == 80
