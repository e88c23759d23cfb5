"""The rescoring model over the rules' candidates: what it reads, how it decides, and the script that fits it."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

from archive.enrich import candidates_of, enrich
from archive.enrich.rescore import Candidate, FieldModel, Pool, decide, features
from archive.models import Article, Section

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "bench" / "enrich_train.py"
LABEL_DIR = ROOT / "tests" / "data" / "enrich_eval"
MODEL = ROOT / "src" / "archive" / "enrich" / "data" / "rescore.json"

TEXT = (
    "市政府今天召开防汛工作会议。市长周立新主持会议并讲话。",
    "会上，水务局局长韩明远汇报了汛前准备情况，闵行区、宝山区分别作交流发言。",
    "周立新指出，要压实责任。副市长钱宏出席会议。",
)


def article(*paragraphs: str, title: str = "") -> Article:
    sections = [Section(id=f"a#{n}", text=text, kind="body") for n, text in enumerate(paragraphs)]
    return Article(id="a", url="file:///a.txt", title=title, sections=sections)


def test_features_never_hold_a_candidates_own_name() -> None:
    found = candidates_of(article(*TEXT, title="市政府召开防汛工作会议"))
    assert {"周立新", "韩明远", "钱宏"} <= set(found.pools["speakers"].by_value)
    assert "闵行区" in found.pools["districts"].by_value
    for pool in found.pools.values():
        for candidate in pool:
            for feature in features(found.full, found.title_end, candidate):
                assert candidate.value not in feature, (candidate.value, feature)


def test_the_rules_choices_are_tagged_and_every_mention_is_read() -> None:
    found = candidates_of(article(*TEXT))
    zhou = found.pools["speakers"].by_value["周立新"]
    assert "rule" in zhou.tags
    assert [found.full[s:e] for s, e in zhou.spans] == ["周立新", "周立新"]
    qian = found.pools["speakers"].by_value["钱宏"]
    assert "rule" not in qian.tags  # an attendee, not a speaker


def _candidate(pool: Pool, full: str, value: str, rule: bool = False) -> Candidate:
    candidate = pool.get(value)
    start = full.find(value)
    candidate.mention(start, start + len(value))
    if rule:
        candidate.tags.add("rule")
    return candidate


def test_a_likely_candidate_is_added_after_the_rules_values_and_none_is_dropped() -> None:
    full = "标题\n王小明说，要抓落实。李大川出席。赵一鸣参加座谈。"
    pool = Pool()
    _candidate(pool, full, "王小明")
    _candidate(pool, full, "李大川", rule=True)
    _candidate(pool, full, "赵一鸣")
    spec = FieldModel(weights={"bias": -2.0, "R1=说": 5.0, "rule": -9.0}, add_at=0.5, drop_at=0.0)
    assert decide(pool, ["李大川"], full, 2, spec) == ["李大川", "王小明"]
    strict = FieldModel(weights=spec.weights, add_at=0.99, drop_at=0.0)
    assert decide(pool, ["李大川"], full, 2, strict) == ["李大川"]


def test_enrich_puts_an_added_value_in_the_sections_that_mention_it() -> None:
    paragraphs = ("会议由市长周立新主持。", "杨文川强调，要压实防汛责任。", "钱宏出席会议。")
    rules = enrich(article(*paragraphs), models={})
    assert "杨文川" not in rules.speakers  # named once, without a title: the rules do not trust the name
    model = {"speakers": FieldModel(weights={"bias": -3.0, "loose=once": 6.0}, add_at=0.5, drop_at=0.0)}
    learned = enrich(article(*paragraphs), models=model)
    assert "杨文川" in learned.speakers
    assert [s.speakers for s in learned.sections][1] == ["杨文川"]
    assert "杨文川" not in learned.sections[0].speakers + learned.sections[2].speakers
    assert learned.speakers[: len(rules.speakers)] == rules.speakers


def test_a_name_after_a_word_no_rule_reads_as_a_title_is_weighed() -> None:
    paragraphs = (
        "億載國小六年級學童林予喬表示，平常喜歡看書。",  # no title before the name (nor a phrase of 的, a rule's)
        "林業局表示，將持續宣導。",  # a body, not a family name and two characters
    )
    found = candidates_of(article(*paragraphs))
    pool = found.pools["speakers"].by_value
    assert "loose=before_verb" in pool["林予乔"].tags
    assert not {"林业局", "业局"} & set(pool)
    model = {"speakers": FieldModel(weights={"bias": -3.0, "loose=before_verb": 6.0}, add_at=0.5, drop_at=0.0)}
    assert "林予乔" in enrich(article(*paragraphs), models=model).speakers


def test_the_city_government_is_weighed_from_the_whole_text_by_a_model_of_its_own() -> None:
    acting = (
        "南市府積極輔導傳統市場落實防疫，並請攤商設置熟食遮罩。",
        "經發局表示，請民眾配合防疫。",
    )
    found = candidates_of(article(*acting, title="市府輔導傳統市場防疫"))
    government = found.pools["government"].by_value["台南市政府"]
    # how often it opens a clause, and with which words, not the name itself
    assert {"government", "g_title", "g_opens", "g_opens=积极", "g_named=2", "g_opening=2"} <= government.tags
    assert "台南市政府" not in found.pools["units"].by_value  # the other units' model never weighs it
    rules = enrich(article(*acting, title="市府輔導傳統市場防疫"), models={})
    assert "台南市政府" not in rules.units
    opens = {"government": FieldModel(weights={"bias": -4.0, "g_opening=2": 5.0}, add_at=0.5, drop_at=0.5)}
    learned = enrich(article(*acting, title="市府輔導傳統市場防疫"), models=opens)
    assert learned.units == [*rules.units, "台南市政府"]
    assert "台南市政府" in learned.sections[0].units and "台南市政府" not in learned.sections[1].units
    # …and it may overrule the rules: 南市府今日舉辦 is the rules' unit, which a model finding too little drops
    held = ("南市府今日舉辦就業博覽會，勞工局表示將提供三千個職缺。",)
    assert "台南市政府" in enrich(article(*held), models={}).units
    dropped = enrich(article(*held), models=opens)
    assert "台南市政府" not in dropped.units and "台南市政府" not in dropped.sections[0].units
    assert "台南市政府劳工局" in dropped.units


def test_the_shipped_model_covers_its_five_fields_and_never_saw_the_blind_set() -> None:
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    assert set(data["fields"]) == {"speakers", "units", "districts", "government", "themes"}
    assert "holdout.jsonl" not in data["trained_on"]
    for spec in data["fields"].values():
        assert 0.0 < spec["add_at"] <= 1.01
        assert "bias" in spec["weights"]


def test_training_refuses_the_blind_set_and_a_single_file(tmp_path: Path) -> None:
    for labels in (["holdout.jsonl", "labels2.jsonl"], ["labels2.jsonl"], ["none.jsonl", "labels2.jsonl"]):
        done = subprocess.run(
            [sys.executable, str(SCRIPT), "--dry-run", "--output", str(tmp_path / "o.json"), "--labels"]
            + [str(LABEL_DIR / name) for name in labels],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 2, labels
        assert done.stderr.startswith("enrich_train: ") and "Traceback" not in done.stderr
    assert not (tmp_path / "o.json").exists()


def test_training_reports_a_missing_corpus_in_one_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--dry-run", "--output", str(tmp_path / "o.json")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "ARCHIVE_SHARED": str(tmp_path / "nowhere")},
    )
    assert done.returncode == 2
    assert done.stderr.startswith("enrich_train: cannot read the texts in ") and "Traceback" not in done.stderr


def test_training_cross_validates_by_file_and_writes_the_model_where_told(tmp_path: Path) -> None:
    output, model = tmp_path / "train.json", tmp_path / "rescore.json"
    command = [sys.executable, str(SCRIPT), "--output", str(output), "--model", str(model), "--labels"]
    done = subprocess.run(
        [*command, str(LABEL_DIR / "labels2.jsonl"), str(LABEL_DIR / "labels3.jsonl")],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    rows = {line.split()[0] for line in done.stdout.splitlines() if line.strip()}
    assert {"speakers", "units", "districts"} <= rows
    report = json.loads(output.read_text(encoding="utf-8"))
    assert report["items"] == 60 + 96
    for field in ("speakers", "units", "districts"):
        scores = report["fields"][field]
        assert 0.0 < scores["cross_validated"]["recall"] <= 1.0
        assert scores["rows"] > 0
    fitted = json.loads(model.read_text(encoding="utf-8"))
    assert fitted["trained_on"] == ["labels2.jsonl", "labels3.jsonl"]
    spec = fitted["fields"]["speakers"]
    assert spec["trained_on"] == ["labels2.jsonl", "labels3.jsonl"] and spec["items"] == 60 + 96
    assert FieldModel(weights=spec["weights"], add_at=spec["add_at"], drop_at=spec["drop_at"]).weights
    # refitting one field to other files keeps the others' weights and says what each field was fitted to
    again = [*command, str(LABEL_DIR / "labels3.jsonl"), str(LABEL_DIR / "labels4.jsonl"), "--fields", "districts"]
    done = subprocess.run(again, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    refitted = json.loads(model.read_text(encoding="utf-8"))
    assert refitted["fields"]["speakers"] == spec
    assert refitted["fields"]["districts"]["trained_on"] == ["labels3.jsonl", "labels4.jsonl"]
    assert refitted["trained_on"] == ["labels2.jsonl", "labels3.jsonl", "labels4.jsonl"]


def test_districts_listed_are_weighed_as_such_and_may_be_dropped() -> None:
    listed = ("台南市政府今日宣布，安南區、北區及東區的公園將整修步道。",)
    found = candidates_of(article(*listed, title="公園整修"))
    pool = found.pools["districts"].by_value
    assert {"安南区", "北区", "东区"} <= set(pool)
    assert all("listed" in pool[name].tags for name in ("安南区", "北区", "东区"))
    alone = candidates_of(article("台南市東區公園今日完成整修，市府於東區舉辦啟用典禮。", title="公園整修"))
    assert "listed" not in alone.pools["districts"].by_value["东区"].tags
    # a model that doubts listed districts drops those the rules chose, from the article and its sections
    rules = enrich(article(*listed, title="公園整修"), models={})
    assert "北区" in rules.districts
    doubt = {"districts": FieldModel(weights={"bias": 3.0, "listed": -6.0}, add_at=0.5, drop_at=0.5)}
    learned = enrich(article(*listed, title="公園整修"), models=doubt)
    assert not {"安南区", "北区", "东区"} & set(learned.districts)
    assert not any({"安南区", "北区", "东区"} & set(s.districts) for s in learned.sections)


def test_districts_are_weighed_by_what_the_whole_article_says_of_places() -> None:
    opening = "台南市政府今日於東區舉辦市民健走活動，吸引上千人參加。"
    later = "".join(f"{place}的里民也組隊參加。" for place in ("北區", "南區", "安平區", "永康區", "仁德區", "歸仁區"))
    middle = "健走路線沿途設有補給站與醫護站，主辦單位提醒民眾穿著輕便服裝、隨身攜帶飲用水，並注意防曬。" * 3
    found = candidates_of(article(opening, middle, "活動前夕，" + later, title="安南區健走活動"))
    pool = found.pools["districts"].by_value
    # (eight districts named: a city-wide text; the title places it in 安南区)
    assert all("districts=6+" in candidate.tags for candidate in pool.values())
    assert "title_elsewhere" in pool["东区"].tags and "title_elsewhere" not in pool["安南区"].tags
    assert "in_opening" in pool["东区"].tags and "in_opening" not in pool["归仁区"].tags
    alone = candidates_of(article(opening, title="健走活動"))
    assert alone.pools["districts"].by_value["东区"].tags >= {"districts=1", "in_opening"}
    assert "title_elsewhere" not in alone.pools["districts"].by_value["东区"].tags


def test_districts_named_by_a_common_word_or_a_branch_are_weighed_apart() -> None:
    text = "臺南市勞工局職訓就服中心新市就業服務台今日辦理徵才活動，警察局新營分局派員協助。社會安定的力量來自就業。"
    found = candidates_of(article(text, title="新市就業服務台徵才"))
    pool = found.pools["districts"].by_value
    # 新市 and 安定 are common words, never matched as places: each is weighed by what stands around it
    assert "via=common_short" in pool["新市区"].tags and "via=common_short" in pool["安定区"].tags
    assert [found.full[s:e] for s, e in pool["新市区"].spans] == ["新市", "新市"]
    # a branch's region (新营分局 after 警察局) is weighed only because the text names 新营区 no other way
    assert "via=region" in pool["新营区"].tags
    # …and none of them counts among the districts the article names
    assert all("districts=1" in candidate.tags for candidate in pool.values())
    written = candidates_of(article("臺南市新營區公所今日表示，警察局新營分局派員協助安南區居民。", title="新營區活動"))
    assert "via=region" not in written.pools["districts"].by_value["新营区"].tags
    # (named plainly too, it counts among the article's districts: two here)
    assert "districts=2" in written.pools["districts"].by_value["新营区"].tags
    # a model that trusts only such names adds the district, to the sections that write it
    trust = {"districts": FieldModel(weights={"bias": -3.0, "R2=就业": 6.0}, add_at=0.5, drop_at=0.0)}
    learned = enrich(article("本市今日辦理徵才。", text, title="徵才活動"), models=trust)
    assert learned.districts == ["新市区"]
    assert learned.sections[0].districts == [] and learned.sections[1].districts == ["新市区"]


def test_a_speech_verb_past_a_comma_is_read_for_the_name_before_it() -> None:
    text = "台南市長黃偉哲亦高度關心重視穿山甲的保育工作與後續照護情形，要求市府相關局處全力協助。"
    found = candidates_of(article(text, title="保育穿山甲"))
    assert "V=past_comma" in features(found.full, found.title_end, found.pools["speakers"].by_value["黄伟哲"])
    # (a verb in the name's own clause is read by the pairs after it; a noun is no verb: 的讲话另行报道)
    for text in ("黃偉哲市長今天表示，將全力協助。", "市長黃偉哲出席典禮，他的講話另行報導。"):
        near = candidates_of(article(text, title="協助"))
        assert "V=past_comma" not in features(near.full, near.title_end, near.pools["speakers"].by_value["黄伟哲"])


def test_themes_are_weighed_by_how_strongly_and_widely_the_text_speaks_of_them() -> None:
    fair = (
        "台南市政府劳工局今日举办就业博览会，提供上千个职缺，吸引求职民众踊跃参加。",
        "劳工局表示，征才活动将持续办理，协助青年就业。因应新冠疫情，入场民众须配合防疫措施，确诊者请勿参加。",
    )
    found = candidates_of(article(*fair, title="就业博览会登场"))
    pool = found.pools["themes"].by_value
    jobs, health = pool["就业"].tags, pool["医疗卫生"].tags
    assert {"rule", "t_rank=1", "t_title_named", "t_share=>=0.99", "kw=征才", "kw=求职"} <= jobs
    assert {"rule", "t_rank=2", "t_sections=1", "kw=疫情"} <= health and "t_title_named" not in health
    # themes are read from their keywords and counts, not from the characters around one mention
    assert not any(f.startswith(("L1=", "A=")) for f in features(found.full, found.title_end, pool["就业"]))
    # a model that doubts a theme the title does not name drops it from the article and its sections
    rules = enrich(article(*fair, title="就业博览会登场"), models={})
    assert rules.themes == ["就业", "医疗卫生"]
    doubt = {"themes": FieldModel(weights={"bias": -3.0, "t_title_named": 6.0}, add_at=0.5, drop_at=0.5)}
    learned = enrich(article(*fair, title="就业博览会登场"), models=doubt)
    assert learned.themes == ["就业"]
    assert all("医疗卫生" not in section.themes for section in learned.sections)


def test_a_model_never_drops_the_body_whose_meeting_the_title_reports() -> None:
    paragraphs = ("会上，外交部作交流发言。",)
    title = "第十届中俄投资合作委员会会议举行"
    rules = enrich(article(*paragraphs, title=title), models={})
    assert {"中俄投资合作委员会", "外交部"} <= set(rules.units)
    doubt = {"units": FieldModel(weights={"bias": -9.0}, add_at=0.5, drop_at=0.5)}
    learned = enrich(article(*paragraphs, title=title), models=doubt)
    assert "中俄投资合作委员会" in learned.units
    assert "外交部" not in learned.units


def test_thresholds_are_chosen_for_recall_while_precision_clears_the_target() -> None:
    spec = importlib.util.spec_from_file_location("enrich_train", SCRIPT)
    assert spec is not None and spec.loader is not None
    train = importlib.util.module_from_spec(spec)
    sys.modules["enrich_train"] = train  # (its dataclasses look their module up)
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        spec.loader.exec_module(train)
    finally:
        sys.path.remove(str(SCRIPT.parent))

    def tiers(*groups: tuple[int, float, bool]) -> tuple[list[object], list[float]]:
        """Rows of 1,000 texts with one right body (甲局) each: per group, how many texts, the probability, and
        whether the row is the right body or a wrong one (乙局), numbered from the first text for each kind."""
        rows, probs, taken = [], [], {True: 0, False: 0}
        for count, probability, right in groups:
            for index in range(taken[right], taken[right] + count):
                rows.append(train.Row(index, "a", "甲局" if right else "乙局", set(), rule=False, gold=right))
                probs.append(probability)
            taken[right] += count
        return rows, probs

    # 900 found surely, 30 found doubtfully along with 40 wrong bodies, 70 missed
    items = [train.Item(file="a", gold={"units": {"甲局"}, "government": {"甲局"}}) for _ in range(1000)]
    rows, probs = tiers((900, 0.9, True), (30, 0.3, True), (40, 0.3, False))
    # units (precision target 0.90): the doubtful tier keeps precision at 0.959, so it is taken for recall
    assert train.choose(items, rows, probs, "units")[0] <= 0.3
    # the city government has no target of its own: the best F1 leaves the doubtful tier out
    assert train.choose(items, rows, probs, "government")[0] > 0.3
    # …but a tier that adds a sliver of recall (two right bodies and three wrong ones) is not worth its threshold
    rows, probs = tiers((900, 0.9, True), (30, 0.3, True), (40, 0.3, False), (2, 0.1, True), (3, 0.1, False))
    assert train.choose(items, rows, probs, "units")[0] == 0.3
    # districts (target 0.90) whose best F1 falls short of it keep the best F1, not a precise sliver of recall
    rows, probs = tiers((500, 0.95, True), (400, 0.6, True), (20, 0.95, False), (100, 0.6, False))
    items = [train.Item(file="a", gold={"districts": {"甲局"}}) for _ in range(1000)]
    assert train.choose(items, rows, probs, "districts")[0] <= 0.6
    # themes (a precision target alone) take the best recall at no less precision than the rules' own: here the
    # rules chose the 900 sure rows and 30 of the wrong ones (P 0.968), so the doubtful tier (P 0.96) is left out
    rows, probs = tiers((900, 0.9, True), (30, 0.9, False), (60, 0.4, True), (10, 0.4, False), (40, 0.2, True))
    for row in rows[:930]:
        row.rule = True
    items = [train.Item(file="a", gold={"themes": {"甲局"}}) for _ in range(1000)]
    add_at, drop_at = train.choose(items, rows, probs, "themes")
    assert 0.4 < add_at <= 1.0 and drop_at <= 0.9


def test_a_national_roundup_of_county_sites_is_weighed_by_how_many_there_are() -> None:
    roundup = "各地举办丰收节活动。在河南遂平，小麦入仓；在陕西绥德，苹果挂满枝头；在江西鄱阳县，渔民收网。"
    found = candidates_of(article(roundup, title="各地庆丰收"))
    pool = found.pools["districts"].by_value
    assert {"遂平县", "绥德县", "鄱阳县"} <= set(pool)
    assert all("sites=3-5" in pool[name].tags for name in ("遂平县", "绥德县", "鄱阳县"))
    single = candidates_of(article("在河南遂平，小麦入仓。", title="遂平麦收")).pools["districts"].by_value
    assert "sites=1" in single["遂平县"].tags
    # a model that doubts a roundup's sites keeps the single county only
    doubt = {"districts": FieldModel(weights={"bias": 3.0, "sites=3-5": -6.0}, add_at=0.5, drop_at=0.5)}
    assert enrich(article(roundup, title="各地庆丰收"), models=doubt).districts == []
    assert enrich(article("在河南遂平，小麦入仓。", title="遂平麦收"), models=doubt).districts == ["遂平县"]
