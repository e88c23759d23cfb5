from __future__ import annotations

from pathlib import Path

from archive.fold import fold


def test_fold_traditional_names_and_units() -> None:
    assert fold("市委書記陳吉寧") == "市委书记陈吉宁"
    assert fold("市國動辦") == "市国动办"
    assert fold("臺南市") == "台南市"


def test_fold_keeps_length_and_simplified_text(seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    folded = fold(text)
    assert len(folded) == len(text)
    assert "陈吉宁主持会议并强调" in folded
    assert fold(folded) == folded


def test_fold_full_width_ascii() -> None:
    assert fold("２０２６年") == "2026年"


def test_fold_the_misprint_of_shi_for_city() -> None:
    # 巿 stands for 市 in modern texts (南巿府, 巿长): a search for 台南市 finds 台南巿 too
    assert fold("台南巿政府巿长") == "台南市政府市长"


def test_fold_compatibility_ideographs_to_their_unified_simplified_forms() -> None:
    # (U+F963 is a compatibility form of 北, U+F9B1 of 鈴: such forms stand in some Taiwanese government pages)
    assert fold("\uf963區區公所") == "北区区公所"
    assert fold("\uf9b1木") == "铃木"
    assert len(fold("\uf963\U0002f800")) == 2


def test_fold_radicals_that_stand_for_characters() -> None:
    # (text taken from PDF files writes Kangxi radicals and radicals of the supplement for the characters they
    # look like: ⽥ U+2F65 for 田, ⼯ U+2F2F for 工, ⺠ U+2EA0 for 民, ⻄ U+2EC4 for 西)
    assert fold("官\u2f65区\u2f2f务局") == "官田区工务局"
    assert fold("居\u2ea0往\u2ec4接台1线") == "居民往西接台1线"
    assert fold("\u2f9e辆") == "车辆"  # ⾞ is 車, folded on to simplified


def test_fold_variants_and_misprints_to_the_standard_characters() -> None:
    # (Taiwanese pages write 砲 for 炮 and misprint 褔 for 福: a search for 炮兵 or 社福 finds them)
    assert fold("陆军砲兵训练指挥部") == "陆军炮兵训练指挥部"
    assert fold("社褔中心发放优惠劵") == "社福中心发放优惠券"
