"""Bodies and districts: which bodies reported or spoke, which district each belongs to.

A body counts when it has a role: a list of bodies followed by a speech verb (…、市统计局先后发言), a body
whose spokesperson spoke (市统计局主要负责同志汇报, 卫生局长…表示), a body heard (听取市统计局…汇报), a report
paragraph that begins with a body's or a place's name, or the department a record came with. A body named in
passing (按照市委部署) does not count, nor does a place: districts come from the bodies and reports only.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from archive.enrich.gazetteer import Unit, load
from archive.enrich.patterns import patterns
from archive.enrich.trie import trie_pattern
from archive.fold import fold

_JOINER = re.compile(r"(?:[、和及与]|以及)")
_LEADING_NOISE = re.compile(r"^[\s\W\d_]*")
_DEPARTMENT_SPLIT = re.compile(r"[、,，/／;；]|\s+")
_SENTENCE_MARKS = re.compile(r"[。！？!?：:「」“”『』（）()【】]")
#: What the name of a body ends with (an unknown department is kept only when it looks like one).
_BODY_END = re.compile(r"(?:局|处|所|科|课|股|室|组|会|馆|中心|署|院|部|厅|宫|庙|府|团|队|站|协会|学校|公司)$")


@functools.cache
def _markers() -> list[tuple[str, re.Pattern[str]]]:
    return [(j.id, re.compile(trie_pattern(j.markers))) for j in load().jurisdictions if j.markers]


def jurisdictions(text: str) -> frozenset[str]:
    """Jurisdictions a folded text is about (their local spellings then apply)."""
    return frozenset(jid for jid, marker in _markers() if marker.search(text))


@dataclass
class UnitMatcher:
    pattern: re.Pattern[str]
    aliases: dict[str, Unit]
    places: re.Pattern[str]
    place_district: dict[str, str]

    def find(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.pattern.search(text, pos)


@functools.cache
def matcher(active: frozenset[str]) -> UnitMatcher:
    """One pattern over every global spelling and the local spellings of the ``active`` jurisdictions."""
    aliases: dict[str, Unit] = {}
    places: dict[str, str] = {}
    for j in load().jurisdictions:
        for alias, unit in j.global_aliases.items():
            aliases.setdefault(alias, unit)
    for j in load().jurisdictions:
        if j.id in active:
            for alias, unit in j.local_aliases.items():
                aliases.setdefault(alias, unit)
            for place, district in j.places.items():
                places.setdefault(place, district)
    return UnitMatcher(
        pattern=re.compile(trie_pattern(aliases)),
        aliases=aliases,
        places=re.compile(trie_pattern(places)),
        place_district=places,
    )


@dataclass
class UnitRoles:
    units: list[Unit] = field(default_factory=list)

    def add(self, unit: Unit) -> None:
        if unit not in self.units:
            self.units.append(unit)


def speaking_units(text: str, m: UnitMatcher) -> UnitRoles:
    """Bodies that spoke, reported or were heard in folded ``text``."""
    p = patterns()
    roles = UnitRoles()
    pos = 0
    while True:
        hit = m.find(text, pos)
        if hit is None:
            return roles
        chain = [m.aliases[hit.group()]]
        start, end = hit.start(), hit.end()
        while True:
            joiner = _JOINER.match(text, end)
            nxt = m.pattern.match(text, joiner.end()) if joiner else None
            if nxt is None:
                break
            chain.append(m.aliases[nxt.group()])
            end = nxt.end()
        pos = end
        if p.blocked_before.search(text, max(0, start - 16), start):
            continue
        heard = p.heard.search(text, max(0, start - 3), start) is not None
        if heard or p.unit_predicate.match(text, end):
            for unit in chain:
                roles.add(unit)


def leading(text: str, m: UnitMatcher) -> tuple[Unit | None, str | None]:
    """The body or the place a paragraph begins with (浦东新区深化… → district 浦东新区)."""
    start = _LEADING_NOISE.match(text)
    offset = start.end() if start else 0
    hit = m.pattern.match(text, offset)
    if hit:
        unit = m.aliases[hit.group()]
        return unit, unit.district
    place = m.places.match(text, offset)
    if place:
        return None, m.place_district[place.group()]
    return None, None


def canonical_department(raw: str, active: frozenset[str]) -> list[Unit]:
    """The bodies named by a record's department field (臺南市政府衛生局綜合企劃科 → 台南市政府卫生局)."""
    folded = fold(raw).strip()
    if not folded:
        return []
    everywhere = frozenset(j.id for j in load().jurisdictions)
    found: list[Unit] = []
    for piece in _DEPARTMENT_SPLIT.split(folded):
        piece = piece.strip()
        if not piece:
            continue
        for scope in (active, everywhere):
            hit = matcher(scope).find(piece)
            if hit:
                unit = matcher(scope).aliases[hit.group()]
                if unit not in found:
                    found.append(unit)
                break
    if found:
        return found
    # Unknown body: keep it as written (simplified) unless it is a sentence rather than a name.
    if len(folded) <= 20 and _BODY_END.search(folded) and not _SENTENCE_MARKS.search(folded) and " " not in folded:
        return [Unit(name=folded, district=None, jurisdiction="")]
    return []
