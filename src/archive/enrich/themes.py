"""Themes: what a section is about, from the weighted keywords of the taxonomy in ``data/themes.toml``.

One pass of one pattern over the section counts every keyword; a theme is kept when its weighted count
reaches ``min_score``, its density (per thousand characters) reaches ``density`` and one of the keywords
found names the theme outright (weight ``named``), so passing words in a long section, or hints alone, do
not make the section about that theme. Words of a section's heading weigh more; a title names themes by
such keywords alone.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field

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
    heading_weight: float
    named: float
    form_subjects: frozenset[str]
    body_stems: frozenset[str]


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
        heading_weight=float(settings.get("heading_weight", 1.0)),
        named=float(settings.get("named", 3.0)),
        form_subjects=frozenset(str(field) for field in settings.get("form_subjects", [])),
        body_stems=frozenset(str(word) for word in settings.get("body_stems", [])),
    )


#: After a keyword, the end of a body's name: the keyword is the body's, not a subject of the text.
_BODY_AFTER = re.compile("局|处|署|厅|部(?!署|门|分)|委员会")


def _scores(text: str, factor: float = 1.0, strongest: dict[str, float] | None = None) -> dict[str, float]:
    """Weighted keyword count per theme; ``strongest`` collects each theme's heaviest keyword found."""
    scores: dict[str, float] = defaultdict(float)
    for theme, seen in evidence(text).items():
        scores[theme] = seen.score * factor
        if strongest is not None:
            strongest[theme] = max(strongest.get(theme, 0.0), seen.strongest)
    return scores


def named(text: str) -> list[str]:
    """Themes a short text (a title) names outright: one of their keywords that name the theme (weight 3)."""
    tax = taxonomy()
    return sorted((t for t, score in _scores(text).items() if score >= tax.named), key=lambda t: tax.order[t])


#: A field of a form ([预算金额]3,761,967元, [是否含特别预算]否): its label, and its value when short.
_FORM_FIELD = re.compile(r"\[[^\[\]\n]{1,60}\](?:[^\[\n]{0,16}(?=\[))?")
#: A field and its whole value, up to the next field ([标案名称]市区道路改善工程).
_FIELD_VALUE = re.compile(r"\[(?P<label>[^\[\]\n]{1,60})\](?P<value>[^\[\n]*)")
#: This many fields make the text a form (a tender or award notice): its labels and short values are the
#: form's, not what the text is about.
_FORM_FIELDS = 5


def _unformed(text: str) -> str:
    """What a form is about: the values of the fields naming its subject ([标案名称]…) where it has them, else
    ``text`` without the labels and short values of its fields; any other text as it is."""
    if len(_FORM_FIELD.findall(text)) < _FORM_FIELDS:
        return text
    subjects = taxonomy().form_subjects
    named = [f.group("value") for f in _FIELD_VALUE.finditer(text) if f.group("label").strip() in subjects]
    return "\n".join(named) if named else _FORM_FIELD.sub(" ", text)


def themes(text: str, heading: str = "") -> list[str]:
    """Themes of folded ``text``, strongest first; words of its ``heading`` weigh ``heading_weight`` times.
    (The fields of a form count only for their long values: [标案名称]…, not [预算金额]….)"""
    tax = taxonomy()
    text = _unformed(text)
    strongest: dict[str, float] = {}
    scores = _scores(text, strongest=strongest)
    for theme, score in _scores(heading, tax.heading_weight, strongest).items():
        scores[theme] += score
    size = max(len(text), tax.short_text)
    chosen = [
        theme
        for theme, score in scores.items()
        if score >= tax.min_score and score * 1000 / size >= tax.density and strongest[theme] >= tax.named
    ]
    chosen.sort(key=lambda t: (-scores[t], tax.order[t]))
    if chosen:
        floor = scores[chosen[0]] * tax.relative
        chosen = [t for t in chosen if scores[t] >= floor]
    return chosen[: tax.top]


@dataclass
class Evidence:
    """What a text holds of one theme: its weighted count, its heaviest keyword, the keywords and where."""

    score: float = 0.0
    strongest: float = 0.0
    words: set[str] = field(default_factory=set)
    spans: list[tuple[int, int]] = field(default_factory=list)


def evidence(text: str) -> dict[str, Evidence]:
    """Every theme any keyword of folded ``text`` hints at (a body's name excepted, as in ``themes``)."""
    tax = taxonomy()
    found: dict[str, Evidence] = defaultdict(Evidence)
    for m in tax.pattern.finditer(text):
        if m.group() in tax.body_stems and _BODY_AFTER.match(text, m.end()):
            continue
        for theme, weight in tax.weights[m.group()]:
            seen = found[theme]
            seen.score += weight
            seen.strongest = max(seen.strongest, weight)
            seen.words.add(m.group())
            seen.spans.append((m.start(), m.end()))
    return dict(found)


def keywords() -> list[str]:
    return sorted(taxonomy().weights)
