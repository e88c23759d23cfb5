"""The section index: tokenizers, writing, replacing and deleting articles, schema versions, locks, crashes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from archive.errors import SearchIndexError
from archive.index import live_dir, open_writer, rebuild
from archive.index.analysis import JiebaTokenizer, bigrams, make_segmenter, words
from archive.index.matching import cover_offsets
from archive.models import Article, Section
from archive.search import SearchService

ROOT = Path(__file__).resolve().parent.parent


def article(art_id: str, texts: list[str], **extra: object) -> Article:
    return Article(
        id=art_id,
        url=f"https://example.gov.cn/{art_id}.html",
        title=str(extra.pop("title", f"标题{art_id}")),
        published=str(extra.pop("published", "2026-01-05")),
        sections=[Section(id=f"{art_id}#{i}", text=t) for i, t in enumerate(texts)],
    )


def section_ids(data_dir: Path, q: str) -> list[str]:
    with SearchService(data_dir) as service:
        result = service.search(q, per_page=100)
    return sorted(h["section_id"] for h in result["hits"])


# ---- tokenizers -------------------------------------------------------------------------------------------
def test_word_tokens_count_positions_in_tokens_and_offsets_in_the_original_text() -> None:
    # An invented name: no gazetteer word (jieba's dictionary is shared by the whole process) joins it.
    text = "市委書記鈕翊澄主持會議，地铁1号线"
    tokens = [(t.text, t.pos, t.startchar, t.endchar) for t in JiebaTokenizer()(text, positions=True, chars=True)]
    texts = [t[0] for t in tokens]
    assert texts[:2] == ["市委书记", "钮"]  # folded to simplified script
    assert [t[1] for t in tokens] == list(range(len(tokens)))  # consecutive, punctuation takes no position
    for word, _, start, end in tokens:
        assert len(text[start:end]) == len(word)
    assert text[tokens[0][2] : tokens[0][3]] == "市委書記"  # offsets point into the traditional original
    # Single digits and characters are kept.
    assert {"1", "号", "线"} <= set(texts)


def test_index_mode_adds_inner_words_at_the_position_of_their_word() -> None:
    indexed = list(words("中华人民共和国成立", index=True))
    plain = list(words("中华人民共和国成立"))
    assert [w for w, *_ in plain] == ["中华人民共和国", "成立"]
    inner = {w: pos for w, pos, *_ in indexed}
    assert inner["人民"] == inner["中华人民共和国"] == 0
    assert inner["成立"] == 1


def test_user_words_change_segmentation(data_dir: Path) -> None:
    # An invented name, so that no word loaded earlier in this process (gazetteer) joins it already.
    before = [w for w, *_ in words("钮翊澄部署工作")]
    with open_writer(data_dir, words=["钮翊澄"]):
        pass
    assert "钮翊澄" not in before
    assert next(w for w, *_ in words("鈕翊澄部署工作")) == "钮翊澄"
    assert "钮翊澄" in (live_dir(data_dir) / "words.txt").read_text(encoding="utf-8").split()  # type: ignore[operator]


def test_bigrams_start_at_every_character_of_the_squeezed_text() -> None:
    assert bigrams("統計 \n\t局") == ["统计", "计 ", " 局", "局 "]  # folded; a whitespace run is one space
    assert bigrams("  局 ") == ["局 "]
    assert bigrams(" \n ") == []
    # Reading every other bigram (and the last) still pins down every character of the string.
    assert cover_offsets(2) == [0]
    assert cover_offsets(3) == [0, 1]
    assert cover_offsets(6) == [0, 2, 4]
    assert cover_offsets(7) == [0, 2, 4, 5]


def test_rust_and_python_jieba_cut_alike(seed_path: Path, corpus_dir: Path) -> None:
    import lzma

    from archive.enrich import lexicon
    from archive.index.analysis import USER_WORD_FREQ, normalize

    texts = [normalize(seed_path.read_text(encoding="utf-8"))]
    with lzma.open(corpus_dir / "tainan" / "tainan_news_2018-2026.jsonl.xz", "rt", encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if n % 50 == 0:
                texts.append(normalize(json.loads(line).get("content") or ""))
            if len(texts) > 200:
                break
    user = {normalize(w): USER_WORD_FREQ for w in lexicon()}
    rust, python = make_segmenter("rjieba"), make_segmenter("jieba")
    rust.add_words(user)
    python.add_words(user)
    differing = [t for t in texts if rust.tokenize(t) != python.tokenize(t)]
    assert len(texts) > 200 and not differing


# ---- writing ---------------------------------------------------------------------------------------------
def test_update_replaces_all_sections_and_delete_removes_them(data_dir: Path) -> None:
    with open_writer(data_dir) as writer:
        writer.update_article(article("a", ["第一段防汛工作", "第二段防汛检查", "第三段防汛演练"]))
        writer.update_article(article("b", ["防汛物资"]))
    assert section_ids(data_dir, "防汛") == ["a#0", "a#1", "a#2", "b#0"]

    service = SearchService(data_dir)
    assert service.search("演练")["total"] == 1
    with open_writer(data_dir) as writer:
        writer.update_article(article("a", ["第一段防汛工作（修订）"]))
        writer.delete_article("b")
    # The open searcher still sees the old commit until it is refreshed.
    assert service.search("演练")["total"] == 1
    assert service.refresh() is True
    assert service.search("演练")["total"] == 0
    assert [h["section_id"] for h in service.search("防汛")["hits"]] == ["a#0"]
    assert service.refresh() is False
    service.close()


def test_last_update_of_an_article_in_one_writer_wins(data_dir: Path) -> None:
    with open_writer(data_dir) as writer:
        writer.update_article(article("a", ["旧的文字"]))
        writer.update_article(article("a", ["新的文字"]))
    assert section_ids(data_dir, "文字") == ["a#0"]
    assert section_ids(data_dir, "旧的") == []


def test_error_inside_the_writer_cancels_the_batch(data_dir: Path) -> None:
    with open_writer(data_dir) as writer:
        writer.update_article(article("a", ["保留的内容"]))
    with pytest.raises(RuntimeError), open_writer(data_dir) as writer:
        writer.update_article(article("b", ["不该出现的内容"]))
        raise RuntimeError("stop")
    assert section_ids(data_dir, "内容") == ["a#0"]


def test_second_writer_gets_a_clear_lock_message(data_dir: Path) -> None:
    with open_writer(data_dir) as writer:
        writer.update_article(article("a", ["内容"]))
    with (
        open_writer(data_dir),
        pytest.raises(SearchIndexError, match="being written by another process"),
        open_writer(data_dir, timeout=0.2),
    ):
        pass


def test_rebuild_swaps_in_a_new_index_that_an_open_service_picks_up(data_dir: Path) -> None:
    with open_writer(data_dir) as writer:
        writer.update_article(article("old", ["旧索引里的文字"]))
    service = SearchService(data_dir)
    assert service.search("旧索引")["total"] == 1
    first = live_dir(data_dir)
    assert rebuild(data_dir, [article("new", ["新索引里的文字"])]) == 1
    assert (data_dir / "whoosh").is_symlink()
    assert live_dir(data_dir) != first and first is not None and not first.exists()
    assert service.refresh() is True
    assert service.search("旧索引")["total"] == 0
    assert service.search("新索引")["total"] == 1
    service.close()


def _set_schema(data_dir: Path, version: int) -> None:
    info = live_dir(data_dir) / "archive-index.json"  # type: ignore[operator]
    info.write_text(json.dumps({"schema": version}), encoding="utf-8")


def test_old_schema_asks_for_a_rebuild_in_one_line(data_dir: Path) -> None:
    with open_writer(data_dir) as writer:
        writer.update_article(article("a", ["内容"]))
    _set_schema(data_dir, 0)
    with pytest.raises(SearchIndexError, match=r"schema v0 .*run `archive index --rebuild`"):
        SearchService(data_dir).search("内容")
    with pytest.raises(SearchIndexError, match="--rebuild"), open_writer(data_dir):
        pass
    proc = subprocess.run(
        [sys.executable, "-m", "archive", "--data", str(data_dir), "search", "内容"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert "archive index --rebuild" in proc.stderr


def test_foreign_index_directory_asks_for_a_rebuild(data_dir: Path) -> None:
    (data_dir / "whoosh").mkdir()
    (data_dir / "whoosh" / "_MAIN_1.toc").write_bytes(b"not ours")
    with pytest.raises(SearchIndexError, match=r"not built by this version.*--rebuild"):
        SearchService(data_dir).search("x")
    assert rebuild(data_dir, [article("a", ["重建之后可以搜索"])]) == 1
    assert section_ids(data_dir, "重建") == ["a#0"]


def test_missing_index_is_a_clear_error(data_dir: Path) -> None:
    with pytest.raises(SearchIndexError, match="no search index"):
        SearchService(data_dir).search("x")
    assert SearchService(data_dir).suggest("x") == []


KILLED_WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from archive.index import open_writer, rebuild
    from archive.models import Article, Section

    data, mode = Path(sys.argv[1]), sys.argv[2]

    def articles():
        n = 0
        while True:
            n += 1
            if n == 50:
                print("busy", flush=True)
            yield Article(id=f"k{n}", url=f"https://example.gov.cn/k{n}", title="killed",
                          sections=[Section(id=f"k{n}#0", text=f"未提交的内容 第{n}篇 " * 20)])

    if mode == "rebuild":
        rebuild(data, articles())
    else:
        with open_writer(data) as writer:
            for a in articles():
                writer.update_article(a)
                writer._flush()
    """
)


@pytest.mark.parametrize("mode", ["writer", "rebuild"])
def test_killed_indexing_leaves_the_last_commit_searchable(data_dir: Path, mode: str) -> None:
    with open_writer(data_dir) as writer:
        writer.update_article(article("kept", ["已经提交的内容"]))
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(data_dir), mode],
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "busy"
        time.sleep(0.3)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        if proc.stdout is not None:
            proc.stdout.close()
    assert section_ids(data_dir, "已经提交") == ["kept#0"]
    assert section_ids(data_dir, "未提交") == []
    # The lock died with the process: the next writer works.
    with open_writer(data_dir, timeout=1) as writer:
        writer.update_article(article("after", ["之后写入的内容"]))
    assert section_ids(data_dir, "内容") == ["after#0", "kept#0"]


def test_block_reads_and_the_public_matcher_interface_find_the_same_sections(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import random

    from archive.index import matching

    rng = random.Random(7)
    alphabet = "市区委会议工作安全发展 "
    texts = {f"r{n}": "".join(rng.choice(alphabet) for _ in range(40)) for n in range(400)}
    # Three commits (three segments) and replaced articles (deleted documents) in the postings read.
    ids = list(texts)
    for part in (ids[:150], ids[150:300], ids[300:]):
        with open_writer(data_dir) as writer:
            for art_id in part:
                writer.update_article(article(art_id, [texts[art_id]]))
    with open_writer(data_dir) as writer:
        for art_id in ids[::7]:
            texts[art_id] = "".join(rng.choice(alphabet) for _ in range(40))
            writer.update_article(article(art_id, [texts[art_id]]))
    queries = ["市", "安全", "会议", "区委会", "发展 市", "议工作"]

    def found(q: str) -> list[str]:
        with SearchService(data_dir) as service:
            return sorted(h["article_id"] for h in service.search(f'"{q}"', per_page=500)["hits"])

    by_blocks = {q: found(q) for q in queries}
    monkeypatch.setattr(matching, "BLOCK_READS", False)
    by_matcher = {q: found(q) for q in queries}
    squeezed = {k: " ".join(v.split()) for k, v in texts.items()}
    expected = {q: sorted(k for k, v in squeezed.items() if q in v) for q in queries}
    assert by_blocks == by_matcher == expected
    assert all(expected.values()) and len(expected["市"]) > 300  # postings span several blocks of 128


def test_phrases_past_the_sixteen_bit_positions_are_found(data_dir: Path) -> None:
    filler = "各区各部门要压实责任，" * 7_000  # 77,000 characters
    text = "开头说明年度目标。" + filler + "结尾部署防汛防台工作。"
    with open_writer(data_dir) as writer:
        writer.update_article(article("long", [text]))
        writer.update_article(article("short", ["防汛工作部署会议"]))
    assert text.index("防汛防台") > 0xFFFF
    assert section_ids(data_dir, '"部署防汛防台"') == ["long#0"]
    assert section_ids(data_dir, '"开头说明"') == ["long#0"]
    assert section_ids(data_dir, '"防汛"') == ["long#0", "short#0"]
    assert section_ids(data_dir, '"门要压实责任，各区"') == ["long#0"]


def test_ranking_counts_occurrences_of_the_string_not_only_its_words(data_dir: Path) -> None:
    # "长钮" crosses the words 市长|钮…: no word of the query is in either section, only the string is.
    with open_writer(data_dir) as writer:
        writer.update_article(article("twice", ["市长钮翊澄说，市长钮翊澄又说"], published="2026-01-05"))
        writer.update_article(article("once", ["市长钮翊澄说，其他人员又说"], published="2026-03-05"))
    with SearchService(data_dir) as service:
        hits = service.search("长钮")["hits"]
        by_date = service.search("长钮", sort="date")["hits"]
    assert [h["article_id"] for h in by_date] == ["once", "twice"]
    assert [h["article_id"] for h in hits] == ["twice", "once"]
    assert hits[0]["score"] > hits[1]["score"] > 0


def test_cached_matches_follow_deletions_in_the_same_segment(data_dir: Path) -> None:
    with open_writer(data_dir) as writer:
        writer.update_article(article("a", ["防汛物资清点"]))
        writer.update_article(article("b", ["防汛演练安排"]))
    with SearchService(data_dir) as service:
        assert service.search("防汛")["total"] == 2
        assert service.search("防汛", page=2, per_page=1)["total"] == 2  # served from the match cache
        with open_writer(data_dir) as writer:
            writer.delete_article("b")  # only a deletion: the segment stays, its deletion count grows
        assert service.refresh() is True
        assert [h["article_id"] for h in service.search("防汛")["hits"]] == ["a"]


def test_filters_ranking_and_strings_reach_sections_in_later_segments(data_dir: Path) -> None:
    # One commit each: the same section in the first and in two later segments is filtered, matched and
    # scored alike (a later segment's documents are numbered after the earlier ones').
    text = "全市防汛工作会议部署汛期安全"
    with open_writer(data_dir) as writer:
        writer.update_article(article("first", ["其他事项说明" * 5, text]))
    for art_id in ("second", "third"):
        later = article(art_id, [text])
        later.units = ["市水务局"]
        with open_writer(data_dir) as writer:
            writer.update_article(later)
    with SearchService(data_dir) as service:
        filtered = service.search("", filters={"unit": ["市水务局"]})["hits"]
        exact = service.search('"汛期安全"')["hits"]
        ranked = service.search("防汛 会议")["hits"]
    assert sorted(h["section_id"] for h in filtered) == ["second#0", "third#0"]
    assert sorted(h["section_id"] for h in exact) == ["first#1", "second#0", "third#0"]
    scores = {h["section_id"]: h["score"] for h in ranked}
    assert set(scores) == {"first#1", "second#0", "third#0"}
    assert scores["first#1"] == scores["second#0"] == scores["third#0"] > 0


def test_title_suggestions_put_titles_starting_with_the_text_first(data_dir: Path) -> None:
    titles = {"t1": "关于做好防汛工作的通知", "t2": "防汛工作會議召開", "t3": "全市防汛演练", "t4": "防汛"}
    with open_writer(data_dir) as writer:
        for art_id, title in titles.items():
            writer.update_article(article(art_id, ["正文"], title=title))
    with SearchService(data_dir) as service:
        reader = service.reader()
        found = reader.titles_containing("防汛", 10)
        assert sorted(found[:2]) == sorted(["防汛工作會議召開", "防汛"])
        assert set(found[2:]) == {"关于做好防汛工作的通知", "全市防汛演练"}
        assert reader.titles_containing("工作会议", 10) == ["防汛工作會議召開"]  # folded script
        assert reader.titles_containing("防汛", 1) in (["防汛工作會議召開"], ["防汛"])
        assert reader.titles_containing("没有", 10) == []
