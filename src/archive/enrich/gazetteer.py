"""The gazetteer: places, bodies and people of each jurisdiction, read from the TOML files in ``data/``.

A jurisdiction file (any ``data/*.toml`` with a ``[jurisdiction]`` table) lists its districts (with towns),
its bodies (``[[unit]]``: canonical ``name``, ``aliases`` that match anywhere, ``local_aliases`` that match
only in articles about that jurisdiction and win there over the same spelling elsewhere, an optional
``district``) and its leaders (``[[person]]``).
Adding a city is adding such a file. Everything is in simplified script; texts are folded before matching.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from archive.enrich.trie import WordMatcher
from archive.errors import ConfigError

#: Files in ``data/`` that are not jurisdictions.
_SPECIAL_FILES = {"language.toml", "themes.toml", "meetings.toml"}


@dataclass(frozen=True)
class Unit:
    """A body: its canonical facet value, its district (None for city-level and national bodies)."""

    name: str
    district: str | None
    jurisdiction: str
    # "place": a district or town speaking as a body (浦东新区作交流发言);
    # "relative": a district's own body written without the district (区发展改革委), name = the stem.
    kind: str = "body"


@dataclass
class Jurisdiction:
    id: str
    name: str
    markers: list[str] = field(default_factory=list)
    # wider regions named with the start of a district's name (云嘉南区: not 南区)
    regions: list[str] = field(default_factory=list)
    always: bool = False  # its places apply to every article
    # alias -> unit; `global_aliases` are specific enough to match in any article.
    global_aliases: dict[str, Unit] = field(default_factory=dict)
    local_aliases: dict[str, Unit] = field(default_factory=dict)
    # place name (district or town) -> district
    places: dict[str, str] = field(default_factory=dict)
    # a district's short name, common word or not (六甲 → 六甲区): read only inside a list of places
    district_short: dict[str, str] = field(default_factory=dict)
    # district -> its party committee (the body a district's report belongs to)
    district_party: dict[str, str] = field(default_factory=dict)
    # 区统计局 -> 统计局: bodies of "the" district, named without it (the article says which district)
    relative_aliases: dict[str, Unit] = field(default_factory=dict)
    persons: dict[str, str] = field(default_factory=dict)
    # prefecture-level cities written without 市, after which a county name may follow (张家口崇礼区)
    city_short_names: list[str] = field(default_factory=list)
    # county -> the names of its province and prefecture it may be written after (江苏阜宁, 沧州黄骅市)
    county_parents: dict[str, set[str]] = field(default_factory=dict)
    # a county's name without its last character or its peoples (阜宁县 → 阜宁, 北川羌族自治县 → 北川) -> counties
    county_short: dict[str, set[str]] = field(default_factory=dict)
    # counties of two characters (歙县, 芒市), read only right after their province or prefecture (安徽歙县) -> the
    # names of those parents
    chained_counties: dict[str, set[str]] = field(default_factory=dict)
    # countries by full name (俄罗斯): the start of the names of their bodies, listed or not
    countries: list[str] = field(default_factory=list)
    # the city government itself (台南市政府), which acts in its own name (市府今日举办…)
    government: str = ""


@dataclass
class Gazetteer:
    jurisdictions: list[Jurisdiction]
    language: dict[str, Any]
    themes: dict[str, Any]
    meetings: list[dict[str, Any]]

    @functools.cached_property
    def persons(self) -> dict[str, str]:
        """Every leader's name and title (the first jurisdiction listing a name wins); built once."""
        people: dict[str, str] = {}
        for jurisdiction in self.jurisdictions:
            for name, title in jurisdiction.persons.items():
                people.setdefault(name, title)
        return people

    @functools.cached_property
    def countries(self) -> frozenset[str]:
        """Every foreign country's full name (俄罗斯), of all jurisdictions."""
        return frozenset(country for jurisdiction in self.jurisdictions for country in jurisdiction.countries)

    @functools.cached_property
    def person_matcher(self) -> WordMatcher:
        """The leaders' names as one lookup."""
        return WordMatcher(self.persons)


def _read(name: str) -> dict[str, Any]:
    path = resources.files("archive.enrich") / "data" / name
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(f"enrich data file {name}: {err}") from err


def _expand(alias: str, prefix: str, prefix_forms: list[str], local_forms: list[str]) -> tuple[list[str], list[str]]:
    """Spellings of ``alias`` (global, local) when it begins with the jurisdiction's prefix."""
    if not prefix or not alias.startswith(prefix):
        return [alias], []
    stem = alias[len(prefix) :]
    global_forms = [form + stem for form in prefix_forms]
    local = [form + stem for form in local_forms if form + stem]
    return global_forms, local


#: The ending a province's name may drop (江苏省 → 江苏, 广西壮族自治区 → 广西), and a prefecture's (沧州市 → 沧州,
#: 阿克苏地区 → 阿克苏, 兴安盟 → 兴安).
PROVINCE_END = re.compile(r"(?:省|市|(?:壮族|回族|维吾尔)?自治区)$")
_PREFECTURE_END = re.compile(r"(?:市|地区|盟)$")


def _autonomous(groups: list[str]) -> re.Pattern[str]:
    """An autonomous prefecture's or county's name: its own words, then peoples and 自治 (凉山 + 彝族自治州)."""
    peoples = "|".join(sorted((re.escape(g) for g in groups), key=len, reverse=True)) or "(?!)"
    return re.compile(f"^(.{{2,}}?)(?:(?:{peoples})族?)+自治[州县旗]$")


def _parent_spellings(parents: str, autonomous: re.Pattern[str]) -> set[str]:
    """The ways news writes a county's province and prefecture (``"江苏省/盐城市"``) before its name; an
    autonomous prefecture is written with its own words, with or without 州 (凉山彝族自治州 → 凉山州, 凉山)."""
    province, _, prefecture = parents.partition("/")
    spelled = {province, PROVINCE_END.sub("", province)}
    if prefecture:
        spelled.add(prefecture)
        spelled.add(_PREFECTURE_END.sub("", prefecture))
        own = autonomous.match(prefecture)
        if own:
            spelled.update({own.group(1), own.group(1) + "州"})
    return {name for name in spelled if len(name) >= 2}


def _jurisdiction(data: dict[str, Any], filename: str) -> Jurisdiction:
    head = data["jurisdiction"]
    jid = str(head["id"])
    result = Jurisdiction(
        id=jid,
        name=str(head.get("name", jid)),
        markers=list(head.get("markers", [])),
        regions=[str(name) for name in head.get("regions", [])],
        always=bool(head.get("always", False)),
    )
    result.city_short_names = [str(name) for name in head.get("city_short_names", [])]
    result.government = str(head.get("government", ""))
    autonomous = _autonomous([str(g) for g in head.get("ethnic_groups", [])])
    for parents, names in head.get("counties", {}).items():
        spellings = _parent_spellings(str(parents), autonomous)
        for name in names:
            result.places.setdefault(str(name), str(name))
            result.county_parents.setdefault(str(name), set()).update(spellings)
    for parents, names in head.get("chained_counties", {}).items():
        spellings = _parent_spellings(str(parents), autonomous)
        for name in names:
            result.chained_counties.setdefault(str(name), set()).update(spellings)
    parent_names = {spelled for spellings in result.county_parents.values() for spelled in spellings}
    parent_names.update(str(word) for word in head.get("short_names_not", []))
    for name in result.county_parents:
        own = autonomous.match(name)
        short = own.group(1) if own else name[:-1]
        # (长沙县 is not written 长沙: that is the city; nor 振兴区 振兴, a common word)
        if len(short) >= 2 and short not in parent_names:
            result.county_short.setdefault(short, set()).add(name)
    for province in head.get("province_names", []):
        # the province itself is a place with no district (a list of bodies may name it for its government)
        itself = Unit(name=str(province), district=None, jurisdiction=jid, kind="place")
        result.global_aliases.setdefault(str(province), itself)
        for forms in head.get("province_bodies", []):
            # {party}: the province's party committee (湖北省委, 北京市委, 新疆维吾尔自治区党委)
            party = f"{province}党委" if str(province).endswith("自治区") else f"{province}委"
            spelled = list(dict.fromkeys(str(f).format(province=province, party=party) for f in forms))
            unit = Unit(name=spelled[0], district=None, jurisdiction=jid)
            for alias in spelled:
                result.global_aliases.setdefault(alias, unit)
    # countries: "俄罗斯/俄" = the name and its one-character short form (俄国防部 = 俄罗斯国防部)
    for country in head.get("country_names", []):
        name, _, short = str(country).partition("/")
        result.countries.append(name)
        for forms in head.get("country_bodies", []):
            spelled = [str(f).format(country=name, short=short) for f in forms if short or "{short}" not in f]
            unit = Unit(name=spelled[0], district=None, jurisdiction=jid)
            for alias in spelled:
                result.global_aliases.setdefault(alias, unit)
    prefix = str(head.get("prefix", ""))
    prefix_forms = [str(f) for f in head.get("prefix_forms", [])]
    local_forms = [str(f) for f in head.get("local_forms", [])]

    def add(alias: str, unit: Unit, *, local: bool) -> None:
        table = result.local_aliases if local else result.global_aliases
        table.setdefault(alias, unit)

    stems: list[tuple[str, str]] = []  # (stem, canonical stem) for district bodies named like the city's
    for entry in data.get("unit", []):
        if "name" not in entry:
            raise ConfigError(f"enrich data file {filename}: a [[unit]] has no name")
        name = str(entry["name"])
        unit = Unit(name=name, district=entry.get("district"), jurisdiction=jid)
        # (local = true: every spelling matches only in articles about the jurisdiction: 内政部 of Taiwan)
        only_local = bool(entry.get("local", False))
        for alias in [name, *entry.get("aliases", [])]:
            global_forms, local = _expand(str(alias), prefix, prefix_forms, local_forms)
            for form in global_forms:
                add(form, unit, local=only_local)
            for form in local:
                add(form, unit, local=True)
            if prefix and str(alias).startswith(prefix) and unit.district is None:
                stems.append((str(alias)[len(prefix) :], name[len(prefix) :] if name.startswith(prefix) else name))
        for alias in entry.get("local_aliases", []):
            add(str(alias), unit, local=True)
            for form in local_forms:
                if form:
                    add(form + str(alias), unit, local=True)
            for form in [prefix, *prefix_forms]:
                if form:
                    add(form + str(alias), unit, local=False)

    templates = [list(map(str, forms)) for forms in head.get("district_bodies", [])]
    for district in data.get("district", []):
        dname = str(district["name"])
        short = str(district.get("short", dname))
        result.places[dname] = dname
        if 2 <= len(short) < len(dname):
            result.district_short[short] = dname
        for town in district.get("towns", []):
            result.places.setdefault(str(town), dname)
        for alias in district.get("aliases", []):
            result.places.setdefault(str(alias), dname)
        renames = [str(r) for r in district.get("rename", [])]
        for index, forms in enumerate(templates):
            # (a one-character short name, 东 of 东区, names no body: 南地政事务所 is part of 台南地政事务所)
            if len(short) < 2 and any("{short}" in f for f in forms):
                continue
            spelled = [f.format(district=dname, short=short) for f in forms]
            canonical = renames[index] if index < len(renames) and renames[index] else spelled[0]
            unit = Unit(name=canonical, district=dname, jurisdiction=jid)
            if index == 0:
                result.district_party[dname] = canonical
            for alias in [canonical, *spelled]:
                add(alias, unit, local=False)
        if head.get("district_stems"):
            for stem, canonical_stem in stems:
                result.relative_aliases.setdefault(
                    "区" + stem, Unit(name=canonical_stem, district=None, jurisdiction=jid, kind="relative")
                )
                unit = Unit(name=dname + canonical_stem, district=dname, jurisdiction=jid)
                add(dname + stem, unit, local=False)

    for person in data.get("person", []):
        result.persons[str(person["name"])] = str(person.get("title", ""))
    result.markers.extend(place for place in result.places if len(place) >= 3)
    result.markers.extend(result.persons)
    return result


@functools.cache
def load() -> Gazetteer:
    """Read every data file once (cached for the life of the process)."""
    folder = resources.files("archive.enrich") / "data"
    names = sorted(item.name for item in folder.iterdir() if item.name.endswith(".toml"))
    jurisdictions = []
    for name in names:
        if name in _SPECIAL_FILES:
            continue
        data = _read(name)
        if "jurisdiction" in data:
            jurisdictions.append(_jurisdiction(data, name))
    # National bodies first: they are the most widely shared spellings; then the cities (上海市委宣传部 is
    # Shanghai's 市委宣传部), then the country-wide and world files, whose templates spell every province's bodies.
    jurisdictions.sort(key=lambda j: (j.id != "national", j.always or not j.markers, j.id))
    return Gazetteer(
        jurisdictions=jurisdictions,
        language=_read("language.toml"),
        themes=_read("themes.toml"),
        meetings=list(_read("meetings.toml").get("meeting", [])),
    )
