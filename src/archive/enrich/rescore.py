"""A second look at the rules' answers: a logistic model over every candidate's contexts.

The rules (``people``, ``units``) decide a role from one pattern at a time; a speaker whose verb sits a few
words further on, or a body acting with a verb no rule lists, is missed. This stage gathers every
*candidate* of an article (each name the people finder knows, each body or place the gazetteer matches, each
body-shaped name) with the contexts of all its mentions, and a logistic model weighs them: the characters
right before and after each mention, the word pairs of the rest of its clause, whether the title names
it, how often the text does, what kind of name it is, and whether a rule already chose it.

The weights are data (``data/rescore.json``), fitted by ``bench/enrich_train.py`` to the development label
files of ``tests/data/enrich_eval/`` — never to the blind set. Features never include the candidate's own
name, so what is learnt is how texts speak of speakers and bodies, not who they are. A candidate is added
when the model's probability reaches the field's ``add_at``; a value the rules chose is dropped below
``drop_at`` (0: never); both thresholds are fitted per field. The city government (台南市政府) is weighed apart,
by a model of its own over what the whole text says of it: whether the government acts in the reported matter is
a reading of the whole release more than of one clause. Districts are weighed also by whether a mention is an
item of a list (安南区、北区及东区), and whether every mention names something else (盐水溪, 金门县长), is counted
in a tally (楠西区174.5毫米) or is one of a long enumeration (计有8个地点…，包含盐水区…). Themes are weighed by
how strongly and how widely the text speaks of each: its keywords' weighted count, density and share of the
strongest theme's, how many keywords and sections hold it, whether the title names it, and which keywords were
found (never the theme's own name).
"""

from __future__ import annotations

import bisect
import functools
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from archive.enrich.gazetteer import Unit, load
from archive.enrich.patterns import clause_start, patterns
from archive.enrich.people import occurrences
from archive.enrich.trie import Hit
from archive.enrich.units import (
    UnitMatcher,
    address_or_branch,
    bodies_named,
    government_opens,
    governments,
    in_enumeration,
    names_other,
    postal_address_at,
    region_named,
    resolve,
    short_of_body,
    tally_item,
)

#: How many mentions of one candidate are read (the first ones; later ones add little and cost time).
_MENTIONS = 4
#: …but of the city government, which a release may name a dozen times in as many roles, more are read.
_GOVERNMENT_MENTIONS = 12
#: Characters of the clause after and before a mention whose pairs are features.
_AFTER = 24
_BEFORE = 12
_CLAUSE_END = re.compile(r"[。！？!?\n；;]")
_DIGITS = re.compile(r"\d")


@dataclass
class Candidate:
    """One value an article might have for a field, with where the text names it and what is known of it."""

    value: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    tags: set[str] = field(default_factory=set)
    unit: Unit | None = None  # the body, for units
    contexts: bool = True  # whether the characters around its mentions are features (not for themes)

    def mention(self, start: int, end: int, most: int = _MENTIONS) -> None:
        if len(self.spans) < most and (start, end) not in self.spans:
            self.spans.append((start, end))


class Pool:
    """Candidates of one field, by value, in order of discovery."""

    def __init__(self) -> None:
        self.by_value: dict[str, Candidate] = {}

    def get(self, value: str) -> Candidate:
        candidate = self.by_value.get(value)
        if candidate is None:
            candidate = self.by_value[value] = Candidate(value)
        return candidate

    def __iter__(self) -> Iterator[Candidate]:
        return iter(self.by_value.values())


def people_pool(
    full: str, names: Iterable[str], forms: dict[str, str], chosen: Iterable[str], loose: dict[str, str]
) -> Pool:
    """Every name the people finder knows, with the mentions of the name and of its short forms, and the
    names found ``loose``ly (tagged with how)."""
    pool = Pool()
    spellings: dict[str, list[str]] = {}
    for short, name in forms.items():
        spellings.setdefault(name, []).append(short)
    for name in sorted((set(names) - set(forms)) | set(forms.values())):
        candidate = pool.get(name)
        for spelling in [name, *spellings.get(name, [])]:
            for start, end in occurrences(full, spelling):
                candidate.mention(start, end)
        candidate.tags.add(f"len={min(len(name), 5)}")
        if "·" in name:
            candidate.tags.add("dotted")
    for name, how in loose.items():
        candidate = pool.get(name)
        candidate.tags |= {"loose", f"loose={how}", f"len={min(len(name), 5)}"}
        for start, end in occurrences(full, name):
            candidate.mention(start, end)
    for name in chosen:
        pool.get(name).tags.add("rule")
    return pool


def _unit_tags(unit: Unit) -> set[str]:
    tags = {f"kind={unit.kind}", f"end={unit.name[-1]}"}
    tags.add("scope=world" if unit.jurisdiction == "world" else "scope=listed" if unit.jurisdiction else "scope=none")
    if unit.district:
        tags.add("has_district")
    return tags


def unit_pool(
    full: str, m: UnitMatcher, home: str | None, chosen: Iterable[str], given: Iterable[Unit], hits: list[Hit]
) -> Pool:
    """Every body the gazetteer matches (``hits``: ``m.pattern``'s matches in ``full``), every body-shaped
    name (with a national or a place's prefix, or any, dated at a clause start), and the record's own department."""
    pool = Pool()
    for hit in hits:
        unit = resolve(m.aliases[hit.group()], home)
        if unit is None or unit.kind == "place" or unit.name in governments():
            continue  # (the city government has a pool and a model of its own)
        candidate = pool.get(unit.name)
        candidate.mention(hit.start(), hit.end())
        candidate.tags |= _unit_tags(unit)
        candidate.unit = candidate.unit or unit
    for shaped in [*patterns().unlisted_body.finditer(full), *patterns().dated_body.finditer(full)]:
        name = shaped.group("body")
        if m.pattern.match(full, shaped.start()) is not None:
            continue
        candidate = pool.get(name)
        candidate.mention(shaped.start(), shaped.end())
        candidate.unit = candidate.unit or Unit(name=name, district=None, jurisdiction="")
        candidate.tags |= _unit_tags(candidate.unit)
    for unit in given:
        if unit.name in governments():
            continue
        candidate = pool.get(unit.name)
        candidate.tags.add("given")
        candidate.tags |= _unit_tags(unit)
        candidate.unit = candidate.unit or unit
    for name in chosen:
        if name not in governments():
            pool.get(name).tags.add("rule")
    return pool


def government_pool(
    full: str,
    title_end: int,
    m: UnitMatcher,
    home: str | None,
    chosen: Iterable[str],
    given: Iterable[Unit],
    hits: list[Hit],
) -> Pool:
    """The city government, when the text names it (市府, 南市府, 本府…) or the record comes from it or one of
    its departments: a candidate of its own, since whether it acts in the reported matter is read from the
    whole text (how often it opens a clause, with which verb; who issued the record; whether it is a notice).
    """
    pool = Pool()
    ours = governments()
    by_jurisdiction = {j.id: j.government for j in load().jurisdictions if j.government}
    named: Counter[str] = Counter()  # mentions of each government, and those that open a clause
    opening: Counter[str] = Counter()

    def mentioned(candidate: Candidate, start: int, end: int, how: str) -> None:
        candidate.mention(start, end, most=_GOVERNMENT_MENTIONS)
        candidate.tags.add(f"g_spelled={how}")
        if start < title_end:
            candidate.tags.add("g_title")
        if government_opens(full, start):
            candidate.tags |= {"g_opens", f"g_opens={full[end : end + 2]}"}
            opening[candidate.value] += 1
        named[candidate.value] += 1

    for hit in hits:
        unit = resolve(m.aliases[hit.group()], home)
        if unit is None or unit.name not in ours or not hit.group().endswith("府"):
            continue  # (台南市 alone is the city)
        how = "full" if hit.group() == unit.name else "short"
        mentioned(pool.get(unit.name), hit.start(), hit.end(), how)
    issuers = [unit for unit in given if by_jurisdiction.get(unit.jurisdiction)]
    in_play = set(pool.by_value) | {by_jurisdiction[u.jurisdiction] for u in issuers} | (set(chosen) & ours)
    if len(in_play) == 1:
        government = in_play.pop()
        candidate = pool.get(government)
        for word in patterns().government_self:
            for start, end in occurrences(full, word):
                mentioned(candidate, start, end, "self")  # 本府: a notice's own words
        for unit in issuers:
            if unit.name == government:
                candidate.tags.add("issued=itself")
            elif unit.name.startswith(government):
                candidate.tags.add("issued=department")
            elif unit.district:
                candidate.tags.add("issued=district")
            if "新闻" in unit.name:
                candidate.tags.add("issued=press")
        if not issuers:
            candidate.tags.add("issued=none")
    for candidate in pool:
        value = candidate.value
        candidate.tags |= {"government", f"g_named={_bucket(named[value])}", f"g_opening={_bucket(opening[value])}"}
        if "公告" in full[:title_end]:
            candidate.tags.add("g_notice")
    for name in chosen:
        if name in pool.by_value:
            pool.by_value[name].tags.add("rule")
    return pool


#: Characters after the title that make the opening of an article (where its places are where the event is).
OPENING_CHARS = 200


def district_pool(
    full: str,
    m: UnitMatcher,
    chosen: Iterable[str],
    units: Iterable[Unit],
    sites: Iterable[str],
    hits: list[Hit],
    title_end: int = 0,
) -> Pool:
    """Every district a place or a body of the text lies in, and where it came from."""
    pool = Pool()
    plain: set[str] = set()  # districts with a mention that is not the name of something else
    uncounted: set[str] = set()  # …and with one that is no item of a tally
    unlisted: set[str] = set()  # …and with one that is no item of a long enumeration
    bodies = bodies_named(m, hits)
    aside: dict[str, list[tuple[int, int]]] = {}  # districts named only as the regions of branches
    for hit, unit in m.districts_named(full, hits):
        if unit.district is None or region_named(full, hit.start(), hit.group()):
            continue
        if address_or_branch(full, hit.start(), hit.group()):
            # a postal address says nothing of where the event is, and a branch's region (劳工局职训就服中心归仁
            # 就业服务台, 警察局新营分局) seldom does: weighed only for a district the text names no other way
            if not postal_address_at(full, hit.start()):
                aside.setdefault(unit.district, []).append((hit.start(), hit.end()))
            continue
        candidate = pool.get(unit.district)
        candidate.mention(hit.start(), hit.end())
        # (南区管制中心 after 疾病管制署南区管制中心: the short name of a body named in full)
        if not names_other(full, hit, unit) and not (
            unit.kind == "place" and short_of_body(full, hit.start(), hit.group(), bodies)
        ):
            plain.add(unit.district)
        if unit.kind != "place" or not tally_item(full, hit.end()):
            uncounted.add(unit.district)
        if unit.kind != "place" or not in_enumeration(full, hit.start(), hit.end()):
            unlisted.add(unit.district)
        candidate.tags.add(f"via={unit.kind}")
        if hit.group() == unit.district:
            candidate.tags.add("full_name")
    for candidate in pool:
        if candidate.spans and candidate.value not in plain:
            candidate.tags.add("names_other")  # (盐水溪, 佳里分局, 金门县长: every mention names something else)
        if candidate.spans and candidate.value not in uncounted:
            candidate.tags.add("tally")  # (楠西区174.5毫米: every mention is counted)
        if candidate.spans and candidate.value not in unlisted:
            candidate.tags.add("enumerated")  # (计有8个地点…，包含盐水区…: every mention is one of many)
    # a district's short name that is a common word too (新市, 仁德, 将军, 安定) is never matched as a place; where
    # the text names the district no other way, each mention is weighed by what stands around it (新市就业服务台,
    # 将军渔港, against 社会安定的力量 or 仁德的精神)
    apart = {district: (spans, "via=region") for district, spans in aside.items() if district not in pool.by_value}
    common = _common_short_mentions(full, m, hits, set(pool.by_value) | set(apart))
    apart.update((district, (spans, "via=common_short")) for district, spans in common.items())
    for district, (spans, how) in apart.items():
        candidate = pool.get(district)
        candidate.tags.add(how)
        for start, end in spans:
            candidate.mention(start, end)
    for unit in units:
        if unit.district:
            pool.get(unit.district).tags.add("unit_chosen")
    site_names = list(dict.fromkeys(sites))
    for name in site_names:
        pool.get(name).tags.add("site")
    # (a national roundup places one thing in each of many counties: 在河南遂平…在陕西绥德…)
    sited = _bucket(len(site_names))
    for name in chosen:
        pool.get(name).tags.add("rule")
    # (a district named as an item of a list is less likely the site of what is reported)
    for candidate in pool:
        if any(_listed(full, start, end) for start, end in candidate.spans):
            candidate.tags.add("listed")
    # what the article as a whole says of places: how many districts it names (a city-wide text names many),
    # whether its title places it elsewhere, and whether the value is first named in the opening
    named = [c for c in pool if c.spans and c.value not in apart]
    titled = {c.value for c in named if any(start < title_end for start, _ in c.spans)}
    for candidate in pool:
        candidate.tags.add(f"districts={_bucket(len(named))}")
        candidate.tags.add(f"sites={sited}")
        if titled and candidate.value not in titled:
            candidate.tags.add("title_elsewhere")
        if candidate.spans and min(start for start, _ in candidate.spans) < title_end + OPENING_CHARS:
            candidate.tags.add("in_opening")
    return pool


def _common_short_mentions(
    full: str, m: UnitMatcher, hits: list[Hit], known: set[str]
) -> dict[str, list[tuple[int, int]]]:
    """Where ``full`` writes the short name of a district of the jurisdictions in play that is a common word too
    (the gazetteer's ``short`` that is no alias), outside every name already read, by district; not for the
    districts in ``known``."""
    taken = sorted((hit.start(), hit.end()) for hit in hits)
    starts = [start for start, _ in taken]
    found: dict[str, list[tuple[int, int]]] = {}
    for short, district in m.listed_district.items():
        if len(short) < 2 or short in m.place_district or district in known:
            continue
        for start, end in occurrences(full, short):
            at = bisect.bisect_right(starts, end - 1)
            if any(s < end and start < e for s, e in taken[max(0, at - 4) : at]):
                continue  # (inside 新市区 or 仁德区公所, read already)
            found.setdefault(district, []).append((start, end))
    return found


def theme_pool(full: str, title_end: int, chosen: Iterable[str], section_starts: list[int]) -> Pool:
    """Every theme a keyword of the text hints at, with how strongly and how widely the text speaks of it: its
    weighted count, density and rank among the article's themes, its heaviest keyword, how many keywords and
    parts of the text (the title, each section) hold it, whether the title names it, and which keywords were
    found."""
    from archive.enrich.themes import evidence, taxonomy

    pool = Pool()
    found = evidence(full)
    titled = evidence(full[:title_end])
    ranked = sorted(found, key=lambda theme: -found[theme].score)
    best = found[ranked[0]].score if ranked else 0.0
    size = max(len(full) - title_end, taxonomy().short_text)  # (a short text counts as that long, as in themes)
    for rank, theme in enumerate(ranked, start=1):
        seen = found[theme]
        candidate = pool.get(theme)
        candidate.contexts = False  # (a theme is read from its keywords and counts, not from one mention)
        for start, end in seen.spans:
            candidate.mention(start, end)
        sections = {bisect.bisect_right(section_starts, start) for start, _ in seen.spans}
        candidate.tags |= {
            f"t_rank={min(rank, 4)}",
            f"t_score={_step(seen.score, (3, 6, 9, 15, 25, 50))}",
            f"t_density={_step(seen.score * 1000 / size, (2, 4, 8, 16, 32))}",
            f"t_share={_step(seen.score / best, (0.2, 0.35, 0.5, 0.75, 0.99))}",
            f"t_strongest={seen.strongest:g}",
            f"t_words={_bucket(len(seen.words))}",
            f"t_sections={_bucket(len(sections))}",
            f"t_themes={_bucket(len(ranked))}",
            f"t_size={_step(size, (300, 800, 2000, 5000))}",
        }
        candidate.tags |= {f"kw={word}" for word in seen.words}
        if theme in titled:
            candidate.tags.add("t_title_named" if titled[theme].strongest >= 3 else "t_title_hint")
    for theme in chosen:
        pool.get(theme).tags.add("rule")
    return pool


def _step(value: float, edges: tuple[float, ...]) -> str:
    """The first edge ``value`` stays below (``<9``), or ``>=`` the last."""
    for edge in edges:
        if value < edge:
            return f"<{edge:g}"
    return f">={edges[-1]:g}"


_JOINERS = frozenset("、及和与")


def _listed(full: str, start: int, end: int) -> bool:
    """The mention at ``start``…``end`` is an item of a list (、 or a joining word right before or after it)."""
    return full[end : end + 1] in _JOINERS or full[start - 1 : start] in _JOINERS


def _bucket(count: int) -> str:
    return "1" if count <= 1 else "2" if count == 2 else "3-5" if count <= 5 else "6+"


def features(full: str, title_end: int, candidate: Candidate) -> set[str]:
    """The binary features of one candidate: its tags, its mention count and the contexts of its mentions."""
    found = set(candidate.tags)
    found.add(f"n={_bucket(len(candidate.spans))}")
    if not candidate.spans:
        found.add("unmentioned")
    for start, end in candidate.spans:
        if start < title_end:
            found.add("in_title")
        if not candidate.contexts:
            continue
        for size in (1, 2, 3):
            if start >= size:
                found.add(f"L{size}={_DIGITS.sub('0', full[start - size : start])}")
            if end + size <= len(full):
                found.add(f"R{size}={_DIGITS.sub('0', full[end : end + size])}")
        stop = _CLAUSE_END.search(full, end)
        sentence_end = stop.start() if stop else len(full)
        after = full[end : min(sentence_end, end + _AFTER)]
        found.update(f"A={after[i : i + 2]}" for i in range(len(after) - 1))
        before = full[clause_start(full, start, max(start - _BEFORE, 0)) : start]
        found.update(f"B={before[i : i + 2]}" for i in range(len(before) - 1))
        # the first speech verb of the rest of the sentence stands past a comma (市长黄伟哲亦高度关心重视，要求市府…),
        # further than the pairs above may reach (not a noun: 的讲话另行报道)
        verb = _speech_verb().search(full, end, sentence_end)
        if verb is not None and _COMMA.search(full, end, verb.start()) is not None:
            found.add("V=past_comma")
    found.add("bias")
    return found


_COMMA = re.compile("[，,]")


@functools.cache
def _speech_verb() -> re.Pattern[str]:
    """A speech verb of two characters or more (one of a single character, 说, is too often part of another word)."""
    words = sorted((w for w in patterns().speech_words if len(w) >= 2), key=len, reverse=True)
    nouns = "".join(f"(?<!{re.escape(str(mark))})" for mark in load().language["speech_noun_marks"])
    return re.compile(f"{nouns}(?:{'|'.join(map(re.escape, words))})")


@dataclass
class FieldModel:
    weights: dict[str, float]
    add_at: float
    drop_at: float

    def probability(self, found: Iterable[str]) -> float:
        z = sum(self.weights.get(name, 0.0) for name in found)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@functools.cache
def model() -> dict[str, FieldModel]:
    """The fitted weights, per field; empty when no model file is shipped."""
    path = resources.files("archive.enrich") / "data" / "rescore.json"
    if not path.is_file():
        return {}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return {
        name: FieldModel(weights=dict(spec["weights"]), add_at=float(spec["add_at"]), drop_at=float(spec["drop_at"]))
        for name, spec in data.get("fields", {}).items()
    }


def decide(
    pool: Pool,
    chosen: list[str],
    full: str,
    title_end: int,
    spec: FieldModel,
    keep: set[str] | frozenset[str] = frozenset(),
) -> list[str]:
    """The rules' values, less those the model finds unlikely (never one of ``keep``, such as the body whose
    meeting the title reports), plus the candidates it finds likely."""
    kept: list[str] = []
    for candidate in pool:
        was = candidate.value in chosen
        if was and (spec.drop_at <= 0.0 or candidate.value in keep):
            kept.append(candidate.value)  # nothing could drop it: no need to weigh it
            continue
        p = spec.probability(features(full, title_end, candidate))
        if (was and p >= spec.drop_at) or (not was and p >= spec.add_at):
            kept.append(candidate.value)
    kept += [value for value in chosen if value not in pool.by_value]
    order = {value: i for i, value in enumerate(chosen)}
    return sorted(kept, key=lambda value: order.get(value, len(order)))
