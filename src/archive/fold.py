"""Script folding: map traditional (and variant) Chinese characters to simplified, one character for one.

The mapping never changes a string's length, so character offsets computed on folded text point into the
original text. Documents and queries go through the same table, so they always agree (phrase-level
conversion is context-dependent and is not used for matching).

The table is built from the single-character tables of OpenCC (shipped by ``opencc-python-reimplemented``);
where a character has several simplified forms the first, most common one is taken.
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path


def _opencc_dictionary_dir() -> Path:
    import opencc  # opencc-python-reimplemented: pure data + python

    return Path(opencc.__file__).parent / "dictionary"


def _read_pairs(path: Path) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) != 2:
            continue
        src, targets = parts[0], parts[1].split()
        if len(src) == 1 and targets and len(targets[0]) == 1 and src != targets[0]:
            pairs[src] = targets[0]
    return pairs


#: Radicals of the CJK Radicals Supplement whose shape is that of a whole character, and those characters.
_SUPPLEMENT_RADICALS = "⺟⺠⻁⻄⻅⻆⻉⻋⻑⻓⻔⻘⻙⻚⻛⻜⻝⻢⻣⻤⻥⻦⻧⻨⻩⻬⻮⻰⻳"
_SUPPLEMENT_CHARACTERS = "母民虎西见角贝车長长门青韦页风飞食马骨鬼鱼鸟卤麦黄齐齿龙龟"


#: Variants (砲 炮, 擡 抬, 塩 盐, 菓 果, 鳯 凤, 漥 洼, 舖 铺, 姪 侄, 牠 它, 妳 你, 遶 绕, 濬 浚, 叡 睿, 迺 乃,
#: 牴 抵) and misprints (褔 for 福, 劵 for 券, 踨 for 踪, 辧 for 办) with their standard simplified characters.
_VARIANTS = "砲擡塩菓鳯漥舖姪牠妳遶濬叡迺牴褔劵踨辧"
_STANDARD = "炮抬盐果凤洼铺侄它你绕浚睿乃抵福券踪办"


@functools.cache
def _table() -> dict[int, str]:
    directory = _opencc_dictionary_dir()
    to_simplified = _read_pairs(directory / "TSCharacters.txt")
    mapping: dict[str, str] = {}
    # Regional variants first go to their standard traditional form, then on to simplified.
    for variants in ("TWVariantsRev.txt", "HKVariantsRev.txt"):
        for src, dst in _read_pairs(directory / variants).items():
            mapping[src] = to_simplified.get(dst, dst)
    mapping.update(to_simplified)
    # Full-width ASCII forms fold to ASCII (same length) so "２０２６" matches "2026".
    for code in range(0xFF01, 0xFF5F):
        mapping[chr(code)] = chr(code - 0xFEE0)
    mapping["\u3000"] = " "
    # CJK compatibility ideographs (U+F963 for 北, kept by some Big5 and government encoders for round trips)
    # are canonically the same characters as their unified forms: fold them there, and on to simplified.
    for first, last in ((0xF900, 0xFAFF), (0x2F800, 0x2FA1F)):
        for code in range(first, last + 1):
            unified = unicodedata.normalize("NFC", chr(code))
            if len(unified) == 1 and unified != chr(code):
                mapping[chr(code)] = to_simplified.get(unified, unified)
    # Kangxi radicals (U+2F65 ⽥ for 田, ⼯ for 工), which text taken from PDF files often holds in place of the
    # characters they look like: compatibility forms of those characters, folded there and on to simplified
    for code in range(0x2F00, 0x2FE0):
        unified = unicodedata.normalize("NFKC", chr(code))
        if len(unified) == 1 and unified != chr(code):
            mapping[chr(code)] = to_simplified.get(unified, unified)
    # …and the radicals of the supplement that stand for a whole character (⺠ for 民, ⻄ for 西, ⻓ for 长),
    # which have no compatibility mapping of their own
    for radical, character in zip(_SUPPLEMENT_RADICALS, _SUPPLEMENT_CHARACTERS, strict=True):
        mapping[radical] = to_simplified.get(character, character)
    # Variant and misprinted forms that Taiwanese pages write and that the tables above leave as they are, each
    # to the standard simplified character (陆军砲兵 is 陆军炮兵, 社褔 is 社福, 优惠劵 is 优惠券)
    for variant, standard in zip(_VARIANTS, _STANDARD, strict=True):
        mapping[variant] = standard
    # 巿 (fú, an archaic word for a knee cover) stands in modern texts only as a misprint of 市 (南巿府, 巿长).
    mapping["巿"] = "市"
    return {ord(src): dst for src, dst in mapping.items()}


def fold(text: str) -> str:
    """Fold ``text`` to simplified script, full-width ASCII to ASCII; ``len(fold(t)) == len(t)``."""
    return text.translate(_table())


def is_folded(text: str) -> bool:
    return fold(text) == text
