"""Themes: what a section is about, from the weighted keywords of the taxonomy in ``data/themes.toml``.

One pass of one pattern over the section counts every keyword; a theme is kept when its weighted count
reaches ``min_score`` and its density (per thousand characters) reaches ``density``, so a passing word in a
long section does not make the section about that theme.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass

from archive.enrich.gazetteer import load
from archive.enrich.trie import WordMatcher


@dataclass(frozen=True)
class Taxonomy:
    pattern: WordMatcher
    weights: dict[str, list[tuple[str, float]]]  # keyword -> (theme, weight)
    order: dict[str, int]
    density: float
    min_score: float
    short_text: int
    top: int
    relative: float


@functools.cache
def taxonomy() -> Taxonomy:
    data = load().themes
    settings = data.get("settings", {})
    weights: dict[str, list[tuple[str, float]]] = defaultdict(list)
    order: dict[str, int] = {}
    for index, theme in enumerate(data.get("theme", [])):
        name = str(theme["name"])
        order[name] = index
        for keyword, weight in dict(theme.get("keywords", {})).items():
            weights[str(keyword)].append((name, float(weight)))
    return Taxonomy(
        pattern=WordMatcher(weights),
        weights=dict(weights),
        order=order,
        density=float(settings.get("density", 6.0)),
        min_score=float(settings.get("min_score", 3.0)),
        short_text=int(settings.get("short_text", 200)),
        top=int(settings.get("top", 3)),
        relative=float(settings.get("relative", 0.0)),
    )


def themes(text: str) -> list[str]:
    """Themes of folded ``text``, strongest first."""
    tax = taxonomy()
    scores: dict[str, float] = defaultdict(float)
    for m in tax.pattern.finditer(text):
        for theme, weight in tax.weights[m.group()]:
            scores[theme] += weight
    size = max(len(text), tax.short_text)
    chosen = [theme for theme, score in scores.items() if score >= tax.min_score and score * 1000 / size >= tax.density]
    chosen.sort(key=lambda t: (-scores[t], tax.order[t]))
    if chosen:
        floor = scores[chosen[0]] * tax.relative
        chosen = [t for t in chosen if scores[t] >= floor]
    return chosen[: tax.top]


def keywords() -> list[str]:
    return sorted(taxonomy().weights)
