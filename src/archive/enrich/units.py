"""Bodies and districts: which bodies reported or spoke, which district each belongs to.

A body counts when it has a role: a list of bodies followed by a speech verb (…、市统计局先后发言), a body
whose spokesperson spoke (市统计局主要负责同志汇报, 卫生局长…表示), a body heard (听取市统计局…汇报), a report
paragraph that begins with a body's or a place's name, or the department a record came with. A body named in
passing (按照市委部署) does not count, nor does a place: districts come from the bodies and reports only.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from archive.enrich.gazetteer import PROVINCE_END, Unit, load
from archive.enrich.patterns import SENTENCE_END, SENTENCE_MARK, clause_start, patterns, sentence_start
from archive.enrich.trie import Hit, WordMatcher, trie_pattern
from archive.fold import fold

#: What joins the items of a list of bodies (…、中国人权研究会和…; 生态环境部会同最高法、公安部等部门开展…,
#: 中国载人航天工程办公室联合教育部举办…).
_JOINER = re.compile(r"(?:[、和及与]|以及|会同|联合|协同|携手)")
_JOINER_BEFORE = re.compile(r"(?:[、和及与]|以及)$")
_LEADING_NOISE = re.compile(r"^[\s\W\d_]*")
_DEPARTMENT_SPLIT = re.compile(r"[、,，/／;；]|\s+")
_SENTENCE_MARKS = re.compile(r"[。！？!?：:「」“”『』（）()【】]")
#: What the name of a body ends with (an unknown department is kept only when it looks like one).
# (a section alone, 文教社福科, names no body: its parent is not said)
_BODY_END = re.compile(r"(?:局|处|所|室|组|会|馆|中心|署|院|部|厅|宫|庙|府|团|队|站|协会|学校|公司)$")


@functools.cache
def _markers() -> list[tuple[str, WordMatcher]]:
    return [(j.id, WordMatcher(j.markers)) for j in load().jurisdictions if j.markers and not j.always]


def jurisdictions(text: str) -> frozenset[str]:
    """Jurisdictions a folded text is about (their local spellings then apply)."""
    return frozenset(jid for jid, marker in _markers() if marker.search(text))


@dataclass
class UnitMatcher:
    pattern: WordMatcher  # bodies, and the places of the jurisdictions an article is about
    aliases: dict[str, Unit]
    place_district: dict[str, str]
    listed_district: dict[str, str]  # …and the short names that are common words too, for lists of places
    # county names of every jurisdiction marked `always` (all of China): only read in titles and openings
    counties: WordMatcher
    county_units: dict[str, Unit]
    city_before: re.Pattern[str]  # a city's name without 市 right before a county's (张家口崇礼区)
    district_end: re.Pattern[str]  # the last characters of the full district names in play (区, 县…)

    def find(self, text: str, pos: int = 0) -> Hit | None:
        return self.pattern.search(text, pos)

    def districts_named(self, text: str, hits: list[Hit] | None = None) -> Iterator[tuple[Hit, Unit]]:
        """Every body or place of ``text`` that has a district, county names included (``hits``: the
        text's matches of ``pattern``, when already read)."""
        taken: list[tuple[int, int]] = []
        for hit in self.pattern.finditer(text) if hits is None else hits:
            taken.append((hit.start(), hit.end()))
            unit = self.aliases[hit.group()]
            if unit.kind == "place" and hit.group() != unit.district and text.startswith("里", hit.end()):
                continue  # 佳里区下营里: a village (里) named like a district is none
            if unit.kind == "place" and _another_citys(text, hit.start(), unit):
                continue
            if unit.district:
                yield hit, unit
        for hit in self.counties.finditer(text):
            # 台南市南区 holds no 市南区, 南科教育新兴区 no 新兴区: a county name overlapping a name already
            # read, or glued to a word, is not one
            if any(start < hit.end() and hit.start() < end for start, end in taken):
                continue
            if hit.group().endswith("县") and text.startswith("市", hit.end()):
                continue  # 南部县市: the counties and cities of the south (县市), not 南部县
            if (
                hit.start()
                and _HAN.match(text, hit.start() - 1)
                and text[hit.start() - 1] not in _BEFORE_COUNTY
                and not self.city_before.search(text, max(0, hit.start() - 8), hit.start())
            ):
                continue
            yield hit, self.county_units[hit.group()]


@functools.cache
def _cities() -> tuple[re.Pattern[str], dict[str, str], frozenset[str]]:
    """The cities and counties whose governments the gazetteer lists (嘉义市政府 → 嘉义市), each with its
    jurisdiction, as a pattern that ends where a district's name would begin, past the districts listed before it
    (嘉义市西区及…); and the jurisdictions whose places apply to every article."""
    owner: dict[str, str] = {}
    for j in load().jurisdictions:
        for unit in (*j.global_aliases.values(), *j.local_aliases.values()):
            if len(unit.name) == 5 and unit.name.endswith(("市政府", "县政府")):
                owner.setdefault(unit.name[:-2], unit.jurisdiction)
    listed = r"(?:[\u4e00-\u9fff]{1,3}区[、和及与])*"
    always = frozenset(j.id for j in load().jurisdictions if j.always)
    return re.compile(f"(?P<city>{trie_pattern(owner)}){listed}$"), owner, always


#: How far before a district name another city's is looked for: the city, and up to three districts listed after it.
_CITY_REACH = 3 + 3 * 5


def _another_citys(text: str, start: int, place: Unit) -> bool:
    """The district name at ``start`` follows the name of a city of another jurisdiction: that city's district
    of the same name (嘉义市西区及东区, 台中市北区), not this one's."""
    pattern, owner, always = _cities()
    if place.jurisdiction in always:
        return False  # (a county of the national list is read after its province or prefecture by its own rules)
    before = pattern.search(text, max(0, start - _CITY_REACH), start)
    return before is not None and owner[before.group("city")] != place.jurisdiction


@functools.cache
def matcher(active: frozenset[str]) -> UnitMatcher:
    """One lookup of every global spelling and the local spellings and places of the ``active`` jurisdictions."""
    aliases: dict[str, Unit] = {}
    places: dict[str, str] = {}
    shorts: dict[str, str] = {}
    counties: dict[str, Unit] = {}
    for j in load().jurisdictions:
        for alias, unit in j.global_aliases.items():
            aliases.setdefault(alias, unit)
        if j.always:
            for place, district in j.places.items():
                counties.setdefault(place, Unit(name=place, district=district, jurisdiction=j.id, kind="place"))
    # a jurisdiction's own short names win over the same spelling elsewhere in its own texts (客委会 in a Tainan
    # release is the city's 客家事务委员会, not the national 客家委员会)
    local: dict[str, Unit] = {}
    for j in load().jurisdictions:
        if j.id in active:
            for alias, unit in j.local_aliases.items():
                local.setdefault(alias, unit)
    aliases.update(local)
    for j in load().jurisdictions:
        if j.id in active:
            for alias, unit in j.relative_aliases.items():
                aliases.setdefault(alias, unit)
            for short, district in j.district_short.items():
                shorts.setdefault(short, district)
            for place, district in j.places.items():
                places.setdefault(place, district)
                aliases.setdefault(place, Unit(name=place, district=district, jurisdiction=j.id, kind="place"))
    return UnitMatcher(
        pattern=WordMatcher(aliases),
        aliases=aliases,
        place_district=places,
        listed_district={**shorts, **places},
        counties=WordMatcher(counties),
        county_units=counties,
        city_before=re.compile(f"(?:{trie_pattern(c for j in load().jurisdictions for c in j.city_short_names)})$"),
        district_end=re.compile(
            "[" + "".join(sorted({re.escape(p[-1]) for p, d in places.items() if p == d})) + "]" if places else "(?!)"
        ),
    )


@dataclass
class UnitRoles:
    units: list[Unit] = field(default_factory=list)

    def add(self, unit: Unit) -> None:
        if unit not in self.units:
            self.units.append(unit)


_HAN = re.compile("[\u4e00-\u9fff]")
#: What may stand right before a county's name: the province, prefecture or city it is in, or a preposition.
_BEFORE_COUNTY = set("省市州盟地区县在于到赴的从自和与及是为至往向经了即或去过被对")
#: A short place name followed by one of these names a school or an office, not the place (麻豆国中).
_PLACE_NAMES_BODY = re.compile("国中|国小|高中|分局|分队|派出所|农会|卫生所|户政|地政|医院")
#: A district name of two characters that is also a region's (南区, 北区), followed by a word of a regional office
#: of some other body (农粮署南区分署, 南区水资源分署, 陆军南区联合测考中心): the region, not the district.
_REGION_OF_BODY = re.compile(
    "分署|分处|分校|水资源|职业安全|职安|劳工健康|健康服务中心|联合测考|示范机构|竞赛|赛区|初赛|复赛|决赛|场次"
    "|办事处|指挥官|传染病|医疗网|管制中心|气象|计画办公室|成果交流"
)


def _region_of_body(text: str, name: str, end: int) -> bool:
    return len(name) == 2 and name.endswith("区") and _REGION_OF_BODY.match(text, end) is not None


@functools.cache
def _place_words() -> frozenset[str]:
    """Names that mark a jurisdiction (台南, 南市) or a wider region (云嘉南): a district name read inside one is
    none."""
    return frozenset(word for j in load().jurisdictions for word in (*j.markers, *j.regions))


def _inside_place_name(text: str, start: int, name: str) -> bool:
    """A district name of two characters whose first one ends a jurisdiction's name (台南区农业改良场: the
    Tainan region, not 南区)."""
    words = _place_words()
    return len(name) == 2 and any(
        text[start + 1 - size : start + 1] in words for size in range(2, min(start + 1, 4) + 1)
    )


#: …and a short one followed by one of these names a river, a society, a branch or a home (盐水溪, 南区分署).
_SHORT_NAMES_OTHER = re.compile("溪|水库|学会|分署|分处|荣家")


#: A body's numbered term written before its name (十四届, 第十三届).
_TERM = re.compile(r"(?<![\u4e00-\u9fff])第?[一二三四五六七八九十]+届$")


def _inside_longer_name(text: str, start: int) -> bool:
    """伊朗外交部, 区发展改革委: a Chinese character before the name, other than a word that may stand there."""
    if not _HAN.match(text, start - 1):
        return False
    if _TERM.search(text, max(0, start - 6), start):
        return False  # 十三届全国人大常委会: the body's term, not a longer name
    return patterns().unit_prefix_ok.search(text, max(0, start - 4), start) is None


def resolve(unit: Unit, home: str | None) -> Unit | None:
    if unit.kind != "relative":
        return unit
    if home is None:
        return None
    return Unit(name=home + unit.name, district=home, jurisdiction=unit.jurisdiction)


def _distribute_suffix(chain: list[Unit], m: UnitMatcher) -> list[Unit]:
    """全国人大常委会、国务院…最高人民检察院党组: the last body's 党组 belongs to every body of the list."""
    if len(chain) < 2 or not chain[-1].name.endswith("党组"):
        return chain
    spread = [m.aliases.get(unit.name + "党组", unit) for unit in chain[:-1]]
    return [*spread, chain[-1]]


#: How far back in a sentence to look for a speech verb that puts a body inside what was said.
_SENTENCE_REACH = 120
#: A body's spelling ending in one of these is also the place's name (台南市), so 台南市长 is the mayor.
_PLACE_ENDS = set("市区县省镇乡")


def _shared_prefix(first: str, text: str, pos: int, m: UnitMatcher) -> tuple[Unit, int] | None:
    """全国人大监察司法委、环资委、农委: a list item that is a body once the first item's prefix is put back."""
    for cut in range(len(first) - 1, 1, -1):
        prefix = first[:cut]
        if prefix not in m.aliases:
            continue
        probe = prefix + text[pos : pos + 24]
        hit = m.pattern.match(probe)
        if hit is not None and hit.end() > cut + 1:
            return m.aliases[hit.group()], pos + hit.end() - cut
    return None


def _member_of_group(text: str, start: int) -> bool:
    return any(text.endswith(str(mark), 0, start) for mark in load().language.get("unit_member_marks", []))


def _head_reports(text: str, end: int) -> bool:
    """财政部部长蓝佛安作了关于…的报告: a head or official of the body reports or explains for it."""
    verb = patterns().head_report.match(text, end)
    return verb is not None and verb.group("report") is not None


#: How far a list item shaped like a body's name may reach.
_ITEM_REACH = 24


def short_form(name: str) -> str:
    """A body's name with the usual short form of its ending (中国驻英国大使馆 → 中国驻英国使馆)."""
    for long, short in load().language.get("body_short_endings", []):
        if name.endswith(str(long)):
            return name[: -len(str(long))] + str(short)
    return name


def _shaped_unit(name: str) -> Unit:
    """A body the gazetteer does not list, named by its shape (and its ending's short form); a body 旗下 (owned
    by) another is named alone (紫荆文化集团旗下联合出版集团 is 联合出版集团)."""
    owned = name.rfind("旗下")
    if owned > 0 and len(name) - owned - 2 >= 2:
        name = name[owned + 2 :]
    return Unit(name=short_form(name), district=None, jurisdiction="")


def _district_prefix(inside: Hit, m: UnitMatcher) -> bool:
    """东山|国小, 台南市|性别平等促进会: a district's or a city's name beginning the name of a body the gazetteer
    does not list."""
    unit = m.aliases[inside.group()]
    if inside.start() == 0 and unit.name in governments() and not inside.group().endswith("府"):
        return True  # 台南市|性别平等促进会: the city's name, not its government, begins the name
    return inside.start() == 0 and unit.kind == "place" and unit.district is not None


#: A legal form written before a body's name (社团法人, 财团法人).
_LEGAL_FORM = re.compile("社团法人|财团法人")


def _shaped_item(text: str, start: int, m: UnitMatcher) -> tuple[Unit, int] | None:
    """…、中国人权研究会和…: a list item the gazetteer does not hold, read as a body when it ends like one's name
    and the list goes on (or its verb follows) right after it; the body and where it ends."""
    p = patterns()
    form = _LEGAL_FORM.match(text, start)
    if form is not None:
        start = form.end()  # (财团法人台南市…基金会: the legal form before the name is no part of it)
    for suffix in p.list_body_suffix.finditer(text, start + 1, start + _ITEM_REACH):
        end = suffix.end()
        name = text[start:end]
        if not p.body_item.fullmatch(name):
            return None  # the item would run into another word (的, 在…) or past the list
        if not (_JOINER.match(text, end) or p.unit_predicate.match(text, end)):
            continue
        if p.titles_after.match(text, end + text.startswith("副", end)):
            return None  # 外事委员会副主任刘结一: the body a person belongs to
        title = p.title_end.search(name)
        if load().person_matcher.search(name) or _title_inside(name, suffix.start() - start) or title:
            return None  # a person or a title inside, or a title at the end (陈亭妃立委): not a body's name
        if p.not_body.search(name):
            return None  # 多家社会组织: many bodies, or a kind of them
        if any(
            (m.aliases[inside.group()].jurisdiction != "world" and not _district_prefix(inside, m))
            or inside.group() == name
            for inside in m.pattern.finditer(name)
        ):
            return None  # a listed body, or more words after or around one (联合国 may begin a longer name)
        return _shaped_unit(name), end
    return None


#: The field of a tender or a notice that names the agency issuing it ([机关名称]台南市政府; not the agency that
#: funds it or for which it is done: [补助机关名称], [洽办机关名称], [代办机关名称]).
_AGENCY_FIELD = re.compile(r"(?<![助办理])(?:机关名称|招标机关|公告机关)[\]】]?[:：]?\s*$")
#: A release's field naming the bodies of an event by their part in it (主办单位：…, 指导单位：…); hosts are units,
#: partners are not.
_ROLE_FIELD = re.compile(r"(?P<role>主办|承办|合办|协办|指导|赞助|督导|支持)(?:单位|机关)(?:[:：]\s*|为)?$")
_PARTNER_ROLES = frozenset({"协办", "指导", "赞助", "督导", "支持"})
#: …and the field naming the agency's unit that runs it ([单位名称]新闻及国际关系处).
_UNIT_FIELD = re.compile(r"单位名称[\]】]?[:：]?\s*$")
_NEWS_FROM = re.compile(r"记者[^，,。；;\n]{0,12}?从")
_NEWS_FROM_BEFORE = re.compile(_NEWS_FROM.pattern + "$")
#: 受 before the body on whose behalf someone reports, maybe with the body's term (受十三届全国人大常委会委托).
_ENTRUSTED_BY = re.compile(r"受(?:第?[\d一二三四五六七八九十]+届)?$")
#: A name or a title, then 代表 and the body (not 人大代表, 党代表: nouns before a name).
_ON_BEHALF = re.compile(r"(?<![人党大])(?<=[\u4e00-\u9fff])代表$")
_NEWS_FROM_AFTER = re.compile(r"(?:[、和及与][\u4e00-\u9fff]{2,20}?)*(?:获悉|了解到)")


def _behalf_round(text: str, at: int, m: UnitMatcher) -> bool:
    """The sentence around ``at`` has several people acting 代表 a body each."""
    begin = sentence_start(text, at, SENTENCE_END)
    stop = SENTENCE_MARK.search(text, at)
    sentence = text[begin : stop.start() if stop else len(text)]
    on_behalf = [
        found
        for found in re.finditer("代表", sentence)
        if _ON_BEHALF.search(sentence, 0, found.end()) and m.pattern.match(sentence, found.end())
    ]
    return len(on_behalf) >= 2


def _heard_list(text: str, end: int, first: str, m: UnitMatcher) -> list[Unit]:
    """The bodies that begin the later items of a list of reports (…、监察司法委主任委员吴玉良、财经委…), spelled
    in full or with the prefix of the ``first`` body left out, up to the end of the sentence."""
    titles = patterns().titles_after
    if not titles.match(text, end + text.startswith("副", end)):
        return []  # the first item is a body alone: the list is read as one chain
    stop = SENTENCE_MARK.search(text, end)
    found: list[Unit] = []
    for mark in re.finditer("、", text[: stop.start() if stop else len(text)][end:]):
        at = end + mark.end()
        listed = m.pattern.match(text, at)
        item = (m.aliases[listed.group()], listed.end()) if listed is not None else _shared_prefix(first, text, at, m)
        # the item is a body and the title of the one who reports for it
        if item is not None and item[0].kind == "body" and titles.match(text, item[1] + text.startswith("副", item[1])):
            found.append(item[0])
    return found


#: After a list of provinces, the same body of them all: their governments (河北、黑龙江、云南三省人民政府, 江苏、
#: 内蒙古…等省区市人民政府, 山西、辽宁、甘肃省政府) or their party committees' departments (江西、云南省委统战部, 湖北、
#: 重庆党委统战部).
_BODIES_AFTER = re.compile(
    r"等?(?:[\d一二两三四五六七八九十]{1,3}个?)?(?P<rank>[省区市]{0,3})"
    r"(?P<body>(?:人民)?政府|党?委(?:统战部|宣传部|组织部|政法委)?|人大常委会|政协)"
)
#: The marks and words that join the items of a list of places (河北、黑龙江和云南; 新营、盐水及麻豆).
_LIST_JOINER = re.compile("[、和及与]")


@functools.cache
def _province_spellings() -> tuple[re.Pattern[str], dict[str, str]]:
    """A province written in full or short (福建省, 福建), and its full name for each spelling (one whose
    government the gazetteer knows)."""
    spelled: dict[str, str] = {}
    for j in load().jurisdictions:
        for alias, unit in j.global_aliases.items():
            if unit.kind == "place" and unit.district is None and alias + "政府" in j.global_aliases:
                spelled.setdefault(alias, alias)
                short = PROVINCE_END.sub("", alias)
                if len(short) >= 2:
                    spelled.setdefault(short, alias)
    return re.compile(f"(?:{trie_pattern(spelled)})"), spelled


def _province_body(province: str, body: str, m: UnitMatcher) -> Unit | None:
    """The body of a province that the words after a list of provinces name (湖北省 and 党委统战部 → 湖北省委统战部)."""
    for spelling in (province + body, province + body.removeprefix("党")):
        if spelling in m.aliases and m.aliases[spelling].kind == "body":
            return m.aliases[spelling]
    return None


def province_bodies_at(text: str, pos: int, m: UnitMatcher) -> tuple[list[Unit], int] | None:
    """The bodies of the provinces listed from ``pos`` when the list ends with the body they all have
    (福建、上海、江苏、浙江、广东5省市政府): each province's body, and where the list ends."""
    pattern, full_name = _province_spellings()
    names: list[str] = []
    at = pos
    while (province := pattern.match(text, at)) is not None:
        names.append(full_name[province.group()])
        joiner = _LIST_JOINER.match(text, province.end())
        if joiner is None:
            at = province.end()
            break
        at = joiner.end()
    else:
        return None  # (the list ran out after a joiner: no province closes it)
    after = _BODIES_AFTER.match(text, at)
    if len(names) < 2 or after is None:
        return None
    # (with no 省/市 of its own, the body follows a province written in full, or is the party's: 湖北、重庆党委)
    if not after.group("rank") and text[at - 1] not in "省市区" and not after.group("body").startswith("党"):
        return None
    units = [unit for name in dict.fromkeys(names) if (unit := _province_body(name, after.group("body"), m))]
    return (units, after.end()) if units else None


def home_district(text: str, m: UnitMatcher) -> str | None:
    """The one district a text (a title, a lead) is about, if it names exactly one."""
    districts = {unit.district for _, unit in m.districts_named(text)}
    return districts.pop() if len(districts) == 1 else None


#: 《中共中央 国务院关于…的意见》正式发布: a document's title opening with its issuers, then its release.
_ISSUED_DOCUMENT = re.compile(
    r"《(?P<issuers>[^《》关]{2,40}?)关于[^《》]{2,80}》(?:[^，,。；;！!？?\n]{0,6}?)(?:发布|印发|公布|出台|发出)"
)
_ISSUER_JOINER = re.compile(r"[ 　、和与及]*")
_YEAR = re.compile(r"(?:19|20)\d\d年")


def document_issuers(text: str, m: UnitMatcher) -> list[Unit]:
    """The bodies whose document the text reports released (《中共中央办公厅、国务院办公厅关于…的意见》日前印发):
    every body of the title before 关于, when nothing else stands there."""
    found: list[Unit] = []
    for document in _ISSUED_DOCUMENT.finditer(text):
        if _YEAR.search(text, sentence_start(text, document.start()), document.start()):
            continue  # 2015年，《中共中央关于…的意见》出台: a release of another year, told in passing
        issuers, at, listed = document.group("issuers"), 0, []
        while at < len(issuers):
            hit = m.pattern.match(issuers, at)
            if hit is None or m.aliases[hit.group()].kind != "body":
                break
            listed.append(m.aliases[hit.group()])
            joiner = _ISSUER_JOINER.match(issuers, hit.end())
            at = joiner.end() if joiner else hit.end()
        if listed and at == len(issuers):
            found += [unit for unit in listed if unit not in found]
    return found


def _listed_province_bodies(text: str, m: UnitMatcher, roles: UnitRoles) -> None:
    """Provinces listed with the body they all have, which then acts (河北、黑龙江、云南三省人民政府负责同志作了发言,
    江西、云南省委统战部负责同志作了发言)."""
    p = patterns()
    pattern, _ = _province_spellings()
    pos = 0
    while (province := pattern.search(text, pos)) is not None:
        found = province_bodies_at(text, province.start(), m)
        if found is None:
            pos = province.end()
            continue
        units, pos = found
        if p.said_before.search(text, max(0, province.start() - _SENTENCE_REACH), province.start()):
            continue
        if p.unit_predicate.match(text, pos):
            for unit in units:
                roles.add(unit)


def speaking_units(text: str, m: UnitMatcher, home: str | None = None) -> UnitRoles:
    """Bodies that spoke, reported or were heard in folded ``text``; ``home`` resolves 区发展改革委."""
    roles = UnitRoles()
    _listed_bodies(text, m, home, roles)
    _listed_province_bodies(text, m, roles)
    for unit in unlisted_bodies(text, m):
        roles.add(unit)
    for unit in document_issuers(text, m):
        roles.add(unit)
    return roles


#: After a body's name in a title, the meeting it holds (全国政协十四届第十七次主席会议, 中俄投资合作委员会第十次会议).
_MEETING_AFTER = re.compile(
    r"(?:执行理事会|理事会|执委会)?(?:\d{4}年)?(?:[一二三四五六七八九十\d]{1,3}届)?(?:第[一二三四五六七八九十百\d]{1,4}[次届])?"
    r"(?:全体|主席|常务|联席|专题|集体|高级别|部长级|视频|紧急|专门委员会主任)?(?:会议|全会|峰会|座谈会|年会|学习|动员会|报告会|推进会)"
)
#: After a body's name, its own congress or anniversary (中国残联第八次全国代表大会, 全国工商联成立70周年庆祝大会);
#: a party's congress is its central committee's (meetings.toml), the Party's own is no unit of the news.
_CONGRESS_AFTER = re.compile(
    r"第[一二三四五六七八九十百\d]{1,4}次(?:全国|会员)?代表大会|成立[一二三四五六七八九十百\d]{1,4}周年(?:庆祝|纪念)?大会"
)
#: 韩正主持京津冀协同发展领导小组会议: a leading group's meeting, its name read from the verb before it.
_GROUP_MEETING = re.compile(
    r"(?:主持召开|主持|召开|出席|参加|举行)(?P<name>[\u4e00-\u9fff]{2,16}?领导小组)(?=(?:第[^会]{1,4}次)?(?:全体)?会议)"
)
#: A quoted name in a title, then a few words and its meeting (“中立之友小组”成员国议会领导人会议).
_QUOTED_MEETING = re.compile(r"[“\"「](?P<name>[^”\"」\s]{2,20}?)\+?[”\"」][\u4e00-\u9fff]{0,10}?(?:会议|峰会|座谈会)")
#: How a quoted group's name may end besides a body's ending (之友小组, 七国集团).
_GROUP_END = re.compile(r"(?:小组|集团|联盟|组织)$")


#: After a meeting's name: the title reports something else around it (…会议期间举办边会, …峰会新闻中心启用,
#: …峰会配偶活动, …会议主席).
_ELSEWHERE = re.compile("期间|前夕|之际|新闻中心|筹备|配偶|主席(?!团)|(?:重要)?精神")


def _meeting_at(title: str, end: int, meeting: int = 1) -> bool:
    """A meeting's name begins at ``end`` of ``title`` (or, with ``meeting`` 0, has just ended there) and the
    title reports that meeting, not something around it."""
    if meeting:
        held = _MEETING_AFTER.match(title, end)
        if held is None:
            return False
        end = held.end()
    return _ELSEWHERE.match(title, end) is None


#: The longest outlet's name read before a commentary kind.
_OUTLET_REACH = 6


@functools.cache
def _commentary() -> re.Pattern[str]:
    """A commentary kind of ``language.toml``, maybe 长篇 before it (新华社长篇述评)."""
    kinds = "|".join(map(re.escape, load().language["commentary_kinds"]))
    return re.compile(f"(?:长篇)?(?:{kinds})")


def commentary_publisher(title: str, m: UnitMatcher) -> list[Unit]:
    """The body that publishes a commentary the title names (人民日报评论员文章 → 人民日报社, 央视快评 →
    中央广播电视总台): the outlet written right before the kind, by its gazetteer name, that name with 社 after
    it, or a short name of ``outlet_names``."""
    short: dict[str, str] = load().language["outlet_names"]
    for kind in _commentary().finditer(title):
        before = title[max(0, kind.start() - _OUTLET_REACH) : kind.start()]
        for size in range(len(before), 1, -1):
            paper = before[-size:]
            for name in (paper + "社", paper, short.get(paper, "")):
                unit = m.aliases.get(name)
                if unit is not None and unit.kind == "body":
                    return [unit]
    return []


def periodical_publisher(title: str, m: UnitMatcher) -> list[Unit]:
    """The publisher of a periodical the title names as publishing (《求是》杂志发表… → 求是杂志社,
    《人民日报》刊发… → 人民日报社), when the gazetteer lists it."""
    for found in patterns().periodical.finditer(title):
        name, kind = found.group("name"), found.group("kind") or ""
        for candidate in (name + kind + "社", name + "社", name + kind):
            unit = m.aliases.get(candidate)
            if unit is not None and unit.kind == "body":
                return [unit]
    return []


#: 【权威部门话开局】公安部：…, 国际能源署：…: a title that opens with a body and a colon gives its statement.
_TITLE_SPEAKER = re.compile(r"(?:【[^】]{1,30}】)?(?P<name>[\u4e00-\u9fff]{2,20}?)[：:]")


def title_statement(title: str, m: UnitMatcher) -> list[Unit]:
    """The body a title opens with before a colon (国际能源署：俄石油出口收入大幅增长): listed as a body, or shaped
    like one."""
    found = _TITLE_SPEAKER.match(title)
    if found is None:
        return []
    name = found.group("name")
    unit = m.aliases.get(name)
    if unit is not None:
        return [unit] if unit.kind == "body" else []
    shaped = patterns().body_shape.fullmatch(name)
    return [_shaped_unit(name)] if shaped is not None else []


def meeting_bodies(title: str, m: UnitMatcher) -> list[Unit]:
    """Bodies a folded title names right before the meeting they hold, listed or not."""
    found: list[Unit] = []
    for hit in m.pattern.finditer(title):
        unit = m.aliases[hit.group()]
        # (or is a meeting itself: 第17届东亚峰会)
        itself = unit.name.endswith(("峰会", "会议"))
        meets = _meeting_at(title, hit.end()) or (itself and _meeting_at(title, hit.end(), 0))
        meets = meets or (_CONGRESS_AFTER.match(title, hit.end()) is not None and not unit.name.endswith("党"))
        if unit.kind == "body" and meets and unit not in found:
            found.append(unit)
    # (a title names the meeting anywhere: 丁薛祥…共同主持中俄投资合作委员会第十次会议)
    for shaped in patterns().body_shape.finditer(title):
        name = shaped.group("body")
        congress = _CONGRESS_AFTER.match(title, shaped.end()) is not None and not name.endswith("党")
        held = _meeting_at(title, shaped.end()) or congress
        if held and not m.pattern.match(title, shaped.start()):
            unit = _termed_body(title, shaped.start(), name, m) or _shaped_unit(name)
            if unit not in found:
                found.append(unit)
    for group in _GROUP_MEETING.finditer(title):
        name = group.group("name")
        unit = m.aliases[name] if name in m.aliases else Unit(name=name, district=None, jurisdiction="")
        if unit not in found:
            found.append(unit)
    for quoted in _QUOTED_MEETING.finditer(title):
        name = quoted.group("name")
        if _ELSEWHERE.match(title, quoted.end()):
            continue
        listed = m.pattern.match(name)
        if listed is not None and listed.end() == len(name):
            unit = m.aliases[name]
        elif patterns().body_suffix.search(name, len(name) - 3) or _GROUP_END.search(name):
            unit = Unit(name=name, district=None, jurisdiction="")
        else:
            continue  # “一带一路”高级别会议: a topic, not who meets
        if unit.kind == "body" and unit not in found:
            found.append(unit)
    return found


#: The term of a body, between its short prefix and its name (政协|第十四届|全国委员会).
_TERM_OF_BODY = re.compile(r"第?[一二三四五六七八九十\d]{1,4}届$")


def _termed_body(text: str, start: int, name: str, m: UnitMatcher) -> Unit | None:
    """The listed body that ``name`` (at ``start``) is when its short prefix and its term stand before it
    (政协第十四届全国委员会 is 政协全国委员会, 全国政协)."""
    term = _TERM_OF_BODY.search(text, max(0, start - 6), start)
    if term is None:
        return None
    for size in range(2, 5):
        spelled = text[max(0, term.start() - size) : term.start()] + name
        if spelled in m.aliases and m.aliases[spelled].kind == "body":
            return m.aliases[spelled]
    return None


#: The last character of a body's full name (台南市政府, 主计处), unlike a place's (台南市) or a group's (联合国).
_FULL_BODY_END = set("局处部厅署会府委办院")
#: 举办, 主办, 承办…: 办 after one of these ends a verb, not a body's name (市政府办).
_VERB_BEFORE_BAN = set("举承主协合创开筹督代")


#: A count of bodies (两家, 3个): a name counted is a kind of body, not one body's name.
_COUNTED = re.compile(r"[\d一二两三四五六七八九十几多]+[家个所]")
#: The longest name of a body missing from the gazetteer.
_LONGEST_UNLISTED = 24


#: The bodies of a profession, after its title (技师公会, 医师公会, 律师协会): the title is part of their name.
_GUILD = re.compile("公会|协会|学会|工会|全联会|联合会")


def _title_inside(name: str, upto: int) -> bool:
    """A title stands in ``name`` before ``upto`` (台南市长黄伟哲…), other than a profession's before the name of
    its guild (中华民国交通工程技师公会)."""
    p = patterns()
    return any(
        not (title.end() == upto and _GUILD.match(name, upto)) for title in p.titles_after.finditer(name, 0, upto)
    )


def _unlisted_acting(
    text: str, begin: int, start: int, end: int, suffix: str, m: UnitMatcher
) -> tuple[str, list[Unit]] | None:
    """The name shaped like a body's at ``text[start:end]`` (ending in ``suffix``; written from ``begin`` with
    a prefix like 社团法人) and the bodies listed after it, if it names a body missing from the gazetteer and they
    act."""
    p = patterns()
    name = text[start:end]
    listed = m.pattern.match(text, begin)
    if listed is not None and listed.end() >= end:
        return None  # the gazetteer's own name for it (or a longer one) is read elsewhere
    if (
        listed is not None
        and listed.group()[-1] in _FULL_BODY_END
        and m.aliases[listed.group()].jurisdiction != "world"
    ):
        return None  # 台南市政府主计处配合交通部: a listed body's full name and more words
    if text.startswith("长", end) or (name.endswith("办") and name[-2] in _VERB_BEFORE_BAN):
        return None  # 台南市陈良干局长, …亚利桑纳州举办: the ending is a title's or a verb's
    if load().person_matcher.search(name) is not None or p.not_body.search(name) or _COUNTED.search(name):
        return None  # 台南市陈良干局长表示, 中国多个社会组织, 两家航空公司: a person inside, or many bodies, no name
    if _title_inside(name, len(name) - len(suffix)) or any(
        hit_inside.start() > 0
        and m.aliases[hit_inside.group()].jurisdiction != "world"
        and m.aliases[hit_inside.group()].kind != "place"
        for hit_inside in m.pattern.finditer(name)
    ):
        return None  # 台南市长黄伟哲责成水利局, 台南市政府亦配合内政部: a title or another body (not a place) inside
    others, after, _ = _rest_of_list(text, end, m)
    if p.unit_predicate.match(text, after) is None:
        return None
    return name, others


#: Chairing or holding, before the numbered meetings of bodies.
#: (not 召开 alone: 决定召开…会议 tells of a meeting to come)
_HOLDS_MEETINGS = re.compile("(?:共同)?(?:主持召开|主持|举行)了?")
#: A body's numbered meeting, after its name (第十九次会议, 第七次全体会议).
_NUMBERED_MEETING = re.compile(r"第[一二三四五六七八九十百\d]{1,4}次(?:全体|联席|工作)?会议")


#: In a name before a numbered meeting: a verb (会谈并共同主持…), or the term of a body whose sessions the
#: meetings data names (政协第十四届全国委员会第三次会议).
_NOT_IN_MEETING_BODY = re.compile("并|主持|召开|举行|[一二三四五六七八九十\\d]届")


def _numbered_meeting_of(text: str, start: int, m: UnitMatcher) -> tuple[Unit, int] | None:
    """The body named at ``start`` (in the gazetteer, or shaped like a body's name) whose numbered meeting
    follows its name, and where the meeting's name ends."""
    listed = m.pattern.match(text, start)
    if listed is not None:
        meeting = _NUMBERED_MEETING.match(text, listed.end())
        unit = m.aliases[listed.group()]
        if meeting is not None and unit.kind == "body":
            return unit, meeting.end()
    return _shaped_before(text, start, _NUMBERED_MEETING)


def _shaped_before(text: str, start: int, after: re.Pattern[str]) -> tuple[Unit, int] | None:
    """A name shaped like a body's from ``start``, right before what ``after`` matches; the body and where that
    match ends."""
    p = patterns()
    for suffix in p.list_body_suffix.finditer(text, start + 1, start + _ITEM_REACH):
        name = text[start : suffix.end()]
        if not p.body_item.fullmatch(name):
            return None  # the name would run into another word (的, 在…)
        follows = after.match(text, suffix.end())
        if follows is None:
            continue
        if (
            load().person_matcher.search(name)
            or p.titles_after.search(name, 0, suffix.start() - start)
            or p.not_body.search(name)
            or _NOT_IN_MEETING_BODY.search(name)
        ):
            return None  # a person, a title or a verb inside: not a body's name; a term (第十四届) is a session's
        return _shaped_unit(name), follows.end()
    return None


def unlisted_bodies(text: str, m: UnitMatcher) -> list[Unit]:
    """日本气象厅称…, 中央宣讲团在…宣讲: bodies missing from the gazetteer that act at the start of a clause,
    named as written (a country's or a national prefix, a body's ending)."""
    p = patterns()
    found: list[Unit] = []
    for hit in p.unlisted_body.finditer(text):
        if p.said_before.search(text, max(0, hit.start() - _SENTENCE_REACH), hit.start()):
            continue
        # the shortest name first, then longer ones (乌克兰武装部队总参谋部8日称: not 乌克兰武装部队)
        # (黎巴嫩真主党武装称: up to where the gazetteer's body ends, it acts and is read elsewhere)
        listed = m.pattern.match(text, hit.start())
        acts_to = listed.end() if listed is not None and p.unit_predicate.match(text, listed.end()) else -1
        start, end, suffix = hit.start("body"), hit.end(), hit.group("suffix")
        acting = None
        while end > acts_to:
            acting = _unlisted_acting(text, hit.start(), start, end, suffix, m)
            more = p.body_more.match(text, end)
            if acting is not None or more is None or more.end() - start > _LONGEST_UNLISTED:
                break
            end, suffix = more.end(), more.group("suffix")
        if acting is None:
            continue
        name, others = acting
        # 也门胡塞武装: a listed foreign body after its country's name is that body (but 美国财政部 is no 财政部)
        inner = next(
            (
                m.aliases[name[cut:]]
                for cut in range(1, len(name) - 1)
                if name[cut:] in m.aliases and m.aliases[name[cut:]].jurisdiction == "world"
            ),
            None,
        )
        if inner is None and name.startswith("中共") and name[2:] in m.aliases:
            inner = m.aliases[name[2:]]  # 中共中央宣传部 is 中央宣传部
        unit = inner or _shaped_unit(name)
        for each in [unit, *others]:
            if each not in found:
                found.append(each)
    # 周大观文教基金会今(3)日在台南市政府举办…: a body of any name, dated at the start of the clause of its act;
    # 亚东工业气体股份有限公司表示…: a company by its registered name, opening the clause of its act
    for hit in itertools.chain(p.dated_body.finditer(text), p.registered_body.finditer(text)):
        if p.said_before.search(text, max(0, hit.start() - _SENTENCE_REACH), hit.start()):
            continue
        acting = _unlisted_acting(text, hit.start(), hit.start("body"), hit.end(), hit.group("suffix"), m)
        if acting is not None and (unit := _shaped_unit(acting[0])) not in found:
            found.append(unit)
    # 共同主持中新双边合作联委会第十九次会议、苏州工业园区联合协调理事会第二十四次会议: the bodies whose numbered
    # meetings are chaired or held
    for held in _HOLDS_MEETINGS.finditer(text):
        if "将" in text[sentence_start(text, held.start(), SENTENCE_END) : held.start()]:
            continue  # 丁薛祥将访问新加坡并共同主持…: meetings to come
        at = held.end()
        while (body := _numbered_meeting_of(text, at, m)) is not None:
            unit, at = body
            if unit not in found:
                found.append(unit)
            joiner = _JOINER.match(text, at)
            if joiner is None:
                break
            at = joiner.end()
    # 记者从昆明海关获悉: the body a reporter had the news from, missing from the gazetteer
    for told in _NEWS_FROM.finditer(text):
        if m.pattern.match(text, told.end()) is not None:
            continue  # a listed body is read with the others
        body = _shaped_before(text, told.end(), _NEWS_FROM_AFTER)
        if body is not None and body[0] not in found:
            found.append(body[0])
    # 论坛由世界顶尖科学家协会主办: after 由, a name shaped like a body's acts as one, whatever its prefix
    for by in _BY.finditer(text):
        if m.pattern.match(text, by.end()) is not None:
            continue  # a listed body is read with the others
        first = _shaped_item(text, by.end(), m)
        if first is None or p.said_before.search(text, max(0, by.start() - _SENTENCE_REACH), by.start()):
            continue
        others, end, _ = _rest_of_list(text, first[1], m)
        if p.unit_predicate.match(text, end) is not None:
            for each in [first[0], *others]:
                if each not in found:
                    found.append(each)
    return found


#: 由 marking who does what follows (not 自由, 理由, 由于…).
_BY = re.compile("(?<![自理缘事来藉借])由(?![于此衷])")


#: After a partner's name, what makes it act with the one before (与…共同办理, 与台积电文教基金会合作办理).
_GAP_BEFORE_PARTNER = re.compile(
    r"(?:今年|今日|今天|昨日|昨天|本年|日前|近日|[今昨][(（]\d{1,3}[)）][年日])?(?:首度|首次|再度|特别|特地|也|亦|更)?(?=与)"
)
_TOGETHER = re.compile("共同(?!合作)|联合|携手(?=办理|举办|主办|推出)|合作(?=办理|举办|主办|推出|开办)|合办|签署|签订")


#: A name's aside in brackets right after it (中央党校（国家行政学院）), or the title of its report in a list of
#: the reports heard (提案委员会《关于…情况》、经济委员会《…》的汇报).
_ASIDE = re.compile(r"[（(][^（()）\n]{1,24}[）)]|《[^《》\n]{1,80}》")


def _after_aside(text: str, end: int) -> int:
    aside = _ASIDE.match(text, end)
    return aside.end() if aside else end


def _party_prefixed(text: str, hit: Hit | None, m: UnitMatcher) -> Hit | None:
    """中共中央统战部 is 中央统战部, 中共浙江省委宣传部 is 浙江省委宣传部: after the party's prefix, a listed name that
    runs longer than the one read with the prefix; else the hit itself."""
    if hit is None or not hit.group().startswith("中共"):
        return hit
    longer = m.pattern.match(text, hit.start() + 2)
    return longer if longer is not None and longer.end() > hit.end() else hit


@functools.cache
def _countries() -> str:
    return trie_pattern(sorted(load().countries))


@functools.cache
def _country_item() -> re.Pattern[str]:
    """A list item that is a foreign country's body (美国白宫, 俄罗斯外交部), right before a joiner."""
    return re.compile(f"(?<![\u4e00-\u9fff])(?P<country>{_countries()})[\u4e00-\u9fff]{{2,12}}$")


@functools.cache
def _country_end() -> re.Pattern[str]:
    """A country's name, not the end of a longer word, right before a body's."""
    return re.compile(f"(?<![\u4e00-\u9fff])(?:{_countries()})$")


def _country_of(text: str, start: int, unit: Unit) -> bool:
    """美国白宫, 俄罗斯克里姆林宫: a foreign body of the gazetteer right after its country's name (the country is
    not the start of a longer name)."""
    return unit.jurisdiction == "world" and _country_end().search(text, max(0, start - 8), start) is not None


def _of_country_before(text: str, at: int, unit: Unit, m: UnitMatcher) -> Unit:
    """俄罗斯外交部和国防部, 美国白宫和财政部: a national body's bare name listed after a foreign country's body is
    that country's (俄罗斯国防部), not the national one; else ``unit`` itself. ``at`` is where the joiner begins."""
    if unit.jurisdiction != "national" or unit.kind != "body":
        return unit
    before = _country_item().search(text, max(0, at - 16), at)
    if before is None:
        return unit
    name = before.group("country") + unit.name
    return m.aliases.get(name) or _shaped_unit(name)


def _rest_of_list(
    text: str, end: int, m: UnitMatcher, first: str | None = None
) -> tuple[list[Unit], int, str | None]:
    """The items listed after the one ending at ``end`` (…、中国人权研究会和中国民间组织国际交流促进会): spellings
    the gazetteer lists (only bodies, unless the list began with the listed ``first``), names that are a body
    once ``first``'s prefix is put back (全国人大监察司法委、环资委), and names shaped like a body's (never after
    与, which more often joins a partner than a list). Returns them, where the list ends, and the last listed
    spelling read."""
    rest: list[Unit] = []
    last: str | None = None
    # (台南市政府社会局今日与嘉南药理大学合办…: a time or an adverb may stand before the partner that holds it too)
    gap = _GAP_BEFORE_PARTNER.match(text, end)
    if gap is not None and gap.end() > end:
        partner = _shaped_item(text, gap.end() + 1, m)
        listed = m.pattern.match(text, gap.end() + 1)
        item_end = partner[1] if partner else listed.end() if listed else -1
        if item_end > 0 and _TOGETHER.match(text, item_end):
            end = gap.end()
    while (joiner := _JOINER.match(text, _after_aside(text, end))) is not None:
        bodies = province_bodies_at(text, joiner.end(), m)
        if bodies is not None:
            rest.extend(bodies[0])
            end = bodies[1]
            continue
        listed = _party_prefixed(text, m.pattern.match(text, joiner.end()), m)
        # (与 more often joins a partner than a list item: an unlisted name after it only before 共同 or 联合,
        # or when the list goes on after it: 教育局与台南地方法院、地方检察署…共同办理)
        shaped = _shaped_item(text, joiner.end(), m)
        if (
            shaped is not None
            and joiner.group() == "与"
            and not _TOGETHER.match(text, shaped[1])
            and not text.startswith("、", shaped[1])
        ):
            shaped = None
        # (a name the list holds, unless an unlisted one runs longer from there: 联合国外层空间事务办公室)
        if (
            listed is not None
            and (first is not None or m.aliases[listed.group()].kind == "body")
            and (shaped is None or shaped[1] <= listed.end())
        ):
            rest.append(_of_country_before(text, joiner.start(), m.aliases[listed.group()], m))
            end, last = listed.end(), listed.group()
            continue
        item = _shared_prefix(first, text, joiner.end(), m) if first is not None else None
        if item is None:
            item = shaped
        if item is None and listed is None and joiner.group() == "与":
            item = _named_partner(text, joiner.end(), m)
        if item is None:
            break
        rest.append(item[0])
        end = item[1]
    return rest, end, last


#: What a partner's name is not: people and kinds of partners, many of them (与民众共同, 与各界携手, 与在地业者合办).
_NO_PARTNER = re.compile(
    "民众|市民|居民|乡亲|大家|各界|各方|社区|学校|家长|业者|厂商|企业|团体|单位|机关|民间|志工|青年|学生|师生|"
    "夫人|伙伴|专家|学者|县市|地方|中央|双方|我们|彼此|本府|本局|本市|市府|该|其|多|相关|有关|在地|当地|国内|国外|"
    # (与台南社大自109年起共同…, 与议联已…: a time or an adverb after the name)
    "年|月|起|自|已|院所|共同|携手|合作|一同|\\d"
)
#: A partner's name, up to where it acts together with the body before it (与华硕电脑于今(19)日共同举办).
_PARTNER_NAME = re.compile(
    r"(?P<name>[A-Za-z\d\u4e00-\u9fff·&\-]{3,16}?)"
    r"(?=(?:于|在)?(?:(?:今|昨)[(（]\d{1,3}[)）]日|今日|昨日)?(?:首度|首次|再度|特别|一同|也|亦)?"
    r"(?:共同(?!合作)|携手(?:办理|举办|主办|推出|合作)|合办|合作(?:办理|举办|主办|推出|开办)))"
)


def _named_partner(text: str, start: int, m: UnitMatcher) -> tuple[Unit, int] | None:
    """…与华硕电脑于今(19)日共同举办…: after 与, a name of any shape that acts together with the body before it (a
    company, a troupe), not a person, a listed name or a kind of partner; the body and where its name ends."""
    found = _PARTNER_NAME.match(text, start)
    if found is None:
        return None
    name = found.group("name")
    if _NO_PARTNER.search(name) or load().person_matcher.search(name) or m.pattern.search(name):
        return None
    if not patterns().body_item.fullmatch(name):
        return None  # (the name would run into another word: 的, 在…)
    return _shaped_unit(name), found.end("name")


def _listed_bodies(text: str, m: UnitMatcher, home: str | None, roles: UnitRoles) -> None:
    p = patterns()
    pos = 0
    while True:
        hit = m.find(text, pos)
        if hit is None:
            return
        # 中共中央统战部 is 中央统战部: the party's prefix before a listed name that runs longer
        body = _party_prefixed(text, hit, m) or hit
        start, end, spelled = hit.start(), body.end(), body.group()
        first = m.aliases[spelled]
        inside = start and first.kind != "relative" and _inside_longer_name(text, start)
        if inside and not _country_of(text, start, first):
            pos = start + 1
            continue
        joined = _JOINER_BEFORE.search(text, max(0, start - 2), start)
        if joined is not None:
            first = _of_country_before(text, joined.start(), first, m)  # (美国白宫和财政部: the country's)
        rest, end, last_listed = _rest_of_list(text, end, m, first=spelled)
        chain = [first, *rest]
        last = last_listed or spelled
        pos = end
        if p.blocked_before.search(text, max(0, start - 16), start) or _member_of_group(text, start):
            continue
        if p.said_before.search(text, max(0, start - _SENTENCE_REACH), start):
            continue
        if text.endswith("《", 0, start) and text.startswith("关于", end):
            continue  # 《中共中央关于…的决定》明确提出: the body begins a document's title, and the document speaks
        if last[-1] in _PLACE_ENDS and p.head_of_place.match(text, end):
            continue
        field = _ROLE_FIELD.search(text, max(0, start - 8), start)
        if field is not None and field.group("role") in _PARTNER_ROLES:
            continue  # 指导单位：台南市政府 / 协办单位：…: partners of the event, not its hosts
        heard = p.heard.search(text, max(0, start - 3), start) is not None or field is not None
        if heard:
            # 听取了全国人大民委主任委员白春礼、监察司法委主任委员吴玉良…的报告: each body of the list is heard
            chain += [unit for unit in _heard_list(text, end, spelled, m) if unit not in chain]
        # 受国务院委托: the body on whose behalf someone reports
        # (受十三届全国人大常委会委托: the body's term may stand before it)
        entrusted = _ENTRUSTED_BY.search(text, max(0, start - 8), start) is not None
        heard = heard or (text.startswith("委托", end) and entrusted)
        # 作的全国人大常委会办公厅关于…的报告, 审议了国务院关于…的议案: the body's own report
        own_report = text.startswith("关于", end) and p.report_of.search(text, max(0, start - 4), start) is not None
        heard = heard or own_report
        # [机关名称]台南市政府, 机关名称 台南市南区区公所: the agency named by a tender or a notice issues it
        heard = heard or _AGENCY_FIELD.search(text, max(0, start - 8), start) is not None
        heard = heard or _UNIT_FIELD.search(text, max(0, start - 8), start) is not None
        # 记者从国家卫生健康委获悉: the body a reporter had the news from announced it
        news_from = _NEWS_FROM_BEFORE.search(text, max(0, start - 16), start) and _NEWS_FROM_AFTER.match(text, end)
        heard = heard or news_from is not None
        # 万鄂湘代表民革中央，陈旭代表中共中央统战部…敬献花篮: people of a sentence each act on behalf of a body
        # (one leader speaking 代表党中央 does not make the party centre a body of the event)
        heard = heard or (
            _ON_BEHALF.search(text, max(0, start - 4), start) is not None and _behalf_round(text, start, m)
        )
        # 邀集A、B、C等单位召开会议: the bodies called to the meeting
        heard = heard or (
            p.invited_before.search(text, max(0, start - 64), start) is not None
            and p.invited_after.match(text, end) is not None
        )
        chain = _distribute_suffix(chain, m)
        # (a district speaks only with a verb of its own; a province, among bodies, is its government speaking)
        predicate = p.place_predicate if any(u.kind == "place" and u.district for u in chain) else p.unit_predicate
        reported = _head_reports(text, end)
        if reported:
            # 民建中央主席郝明金、民进中央主席蔡达峰…介绍调研成果: each head of the list reports for a body
            chain += [unit for unit in _heard_list(text, end, spelled, m) if unit not in chain]
        # (a place heard is its work heard of, not a body: 听取官田区政建设成果)
        heard = heard and not all(u.kind == "place" for u in chain)
        # 南市府积极争取…: the city government itself opens a clause about what it does
        # (spelled as the government: 市府, 南市府, 本府; 台南市 alone is the city)
        acts = first.name in governments() and spelled.endswith("府") and _government_acts(text, start, end)
        said = predicate.match(text, end)
        if said and any(u.kind == "place" for u in chain) and _news_verb(said):
            said = None  # (安徽省出台…: a province's own act is its government's, which the text does not name)
        if heard or said or reported or acts:
            for unit in chain:
                resolved = resolve(unit, home)
                if resolved is not None and resolved.kind == "place" and resolved.district is None:
                    # (上海市、江苏省…有关负责同志作了交流发言: a province among bodies is its government)
                    resolved = m.aliases.get(resolved.name + "政府", resolved)
                if resolved is not None:
                    roles.add(resolved)


@functools.cache
def _news_verbs() -> frozenset[str]:
    return frozenset(str(verb) for verb in load().language["unit_news_verbs"])


def _news_verb(said: re.Match[str]) -> bool:
    verb = said.groupdict().get("verb") or said.groupdict().get("topic_verb") or ""
    return verb in _news_verbs()


@functools.cache
def governments() -> frozenset[str]:
    """The canonical names of the jurisdictions' own governments (台南市政府)."""
    return frozenset(j.government for j in load().jurisdictions if j.government)


def government_opens(text: str, start: int) -> bool:
    """The government's name at ``start`` opens its clause, after a lead-in word at most (为此市府…)."""
    lead = patterns().government_lead.match(text, clause_start(text, start))
    return lead is not None and lead.end() == start


def _government_acts(text: str, start: int, end: int) -> bool:
    """The name at ``start`` opens its clause (after a lead-in word at most) and a verb of acting follows in it."""
    return government_opens(text, start) and patterns().government_act.match(text, end) is not None


def leading(text: str, m: UnitMatcher, home: str | None = None) -> Unit | None:
    """The body or the place a paragraph begins with (浦东新区深化… → the place 浦东新区)."""
    start = _LEADING_NOISE.match(text)
    offset = start.end() if start else 0
    hit = m.pattern.match(text, offset)
    return resolve(m.aliases[hit.group()], home) if hit else None


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
            bodies = [matcher(scope).aliases[hit.group()] for hit in matcher(scope).pattern.finditer(piece)]
            bodies = [unit for unit in bodies if unit.kind == "body"]
            if bodies:
                if bodies[0] not in found:
                    found.append(bodies[0])
                break
    if found:
        return found
    # Unknown body: keep it as written (simplified) unless it is a sentence rather than a name.
    if len(folded) <= 20 and _BODY_END.search(folded) and not _SENTENCE_MARKS.search(folded) and " " not in folded:
        return [Unit(name=folded, district=None, jurisdiction="")]
    return []


#: A place right after a postal code or an address label is an address (717台南市仁德区…, 地址:台南市…).
# (three, five or six digits: a four-digit number is a year, 2024佳里购物节)
_ADDRESS_BEFORE = re.compile(r"(?:(?<!\d)(?:\d{3}|\d{5,6})|地址[\]】]?[:：]?)\s*(?:[\u4e00-\u9fff]{2}[市县])?$")
#: 水利署南区水资源局, 管理署南区管理中心: a short district name right after a body is that body's region.
_BODY_BEFORE = re.compile(r"(?:署|部|局|公司|中心)$")
#: A national agency or network, or the whole country, before a region's name (疾管署南区, 医疗网南区,
#: 台湾南区, 全国南区).
_NATIONAL_BEFORE = re.compile(r"(?:署|部|网|台湾|全国)$")
#: A clause listing this many items (、) is an enumeration: its places are no site (玉井商圈、佳里商圈、安平商圈…).
_ENUMERATION = 5
_CLAUSE = re.compile(r"[^，,。；;！!？?\n：:]*")
#: After a place, more of a list than it names (…、安定区等10区): a city-wide enumeration.
_MORE_LISTED = re.compile(r"[^，,。；;\n]{0,24}?等(?:[\d一二三四五六七八九十]{1,3}|多)个?(?:行政)?区")


def postal_address_at(text: str, start: int) -> bool:
    """A postal code or an address label stands right before ``start`` (717台南市仁德区…, 地址:台南市…)."""
    return _ADDRESS_BEFORE.search(text, max(0, start - 12), start) is not None


def region_named(text: str, start: int, name: str) -> bool:
    """The district name at ``start`` names a region, not the district: of another body's branch (水利署南区,
    南区水资源分署, 医疗网南区指挥官), of a contest (南区竞赛), of a wider place (台南区) or of a river's bank
    (溪北区)."""
    if _region_of_body(text, name, start + len(name)) or _inside_place_name(text, start, name):
        return True
    if len(name) == 2 and text[start - 1 : start] == "溪":
        return True  # 溪北区, 溪南区: the lands north and south of a river, not 北区 or 南区
    if len(name) != 2 or not name.endswith("区"):
        return False
    return _NATIONAL_BEFORE.search(text, max(0, start - 2), start) is not None


def address_or_branch(text: str, start: int, name: str) -> bool:
    """The place at ``start`` is part of a postal address, names a region (``region_named``), or the seat of
    another body's branch (劳工局职训就服中心归仁台)."""
    if postal_address_at(text, start) or region_named(text, start, name):
        return True
    return len(name) == 2 and _BODY_BEFORE.search(text, max(0, start - 2), start) is not None


#: After a place, a school of its own in a list of schools (南区喜树国小、北区贤北国小): the school's seat; the
#: last of the list may end the text.
_SCHOOL = r"[\u4e00-\u9fff]{0,5}?(?:国小|国中|高中|高工|高商|小学|中学|国民小学|国民中学|幼儿园)"
_SCHOOL_LISTED = re.compile(f"{_SCHOOL}(?=[、及和与]|等)")
_SCHOOL_AT_END = re.compile(f"{_SCHOOL}$")


#: Earlier in the sentence, a count of the places it lists (计有10个地点…，包含盐水区…): six or more make a list.
_COUNTED_PLACES = re.compile(r"(\d{1,3})个?(?:地点|处|据点|接种站|站点|场地|区)")
_MANY_PLACES = 6


def _counted_many(text: str, start: int) -> bool:
    sentence = sentence_start(text, start, SENTENCE_END)
    return any(int(count.group(1)) >= _MANY_PLACES for count in _COUNTED_PLACES.finditer(text, sentence, start))


def in_enumeration(text: str, start: int, end: int) -> bool:
    """The place at ``start``…``end`` is one of many listed: its clause lists five or more items, more follow
    it than the list names (…、安定区等10区), its sentence counts six or more places before it (计有10个地点), or
    it is the seat of a school in a list of schools."""
    clause = _CLAUSE.match(text, clause_start(text, start))
    if clause is not None and clause.group().count("、") >= _ENUMERATION:
        return True
    listed_school = _SCHOOL_LISTED.match(text, end) is not None or (
        text.endswith("、", 0, start) and _SCHOOL_AT_END.match(text, end) is not None
    )
    if listed_school and _AT_BEFORE.search(text, max(0, start - 6), start) is None:
        return True  # (not 于北区民德国中及…: the venue of what is held)
    return _MORE_LISTED.match(text, end) is not None or _counted_many(text, start)


def _crowded(text: str, start: int, m: UnitMatcher) -> bool:
    """The sentence of the place at ``start`` names six or more districts, however it parts them (东区44例，安南区
    43例，永康区25例…): a tally by district, not the sites of one event."""
    begin = sentence_start(text, start, SENTENCE_END)
    stop = SENTENCE_MARK.search(text, start)
    sentence = text[begin : stop.start() if stop else len(text)]
    named = (hit.group() for hit in m.pattern.finditer(sentence))
    districts = {m.place_district[word] for word in named if word in m.place_district}
    return len(districts) >= _MANY_PLACES


#: …在善化高中共同举办: a venue, with the verb of holding something later in the clause.
_HELD_AFTER = re.compile(r"[^，,。；;！!？?\n]{0,16}?(?:举办|举行|办理|登场|开幕)")


def _held_at(text: str, start: int, end: int) -> bool:
    if _AT_BEFORE.search(text, max(0, start - 6), start) is None:
        return False
    return _HELD_AFTER.match(text, end) is not None


#: Before a place, where a person lives (居住东区的林先生, 家住南区): a resident's home, not where the event is.
_HOME_BEFORE = re.compile(r"(?:居住|住在|家住|住于|定居)(?:在|于)?(?:台南市|本市)?$")
#: After a place, the title of its head (东区区长陈…, 仁德区里长, 金门县长): a person who accompanies, not a site.
_HEAD_AFTER = re.compile(r"(?:区长|副区长|主任秘书|主秘|里长|县长|副县长|市长|副市长)")


def _head_after(text: str, name: str, end: int) -> bool:
    """The title of the place's head follows it, or 长 and a person's name, written on the full name (将军区长洪…,
    金门县长陈…; not 北区长兴公园)."""
    if _HEAD_AFTER.match(text, end) is not None:
        return True
    return name[-1] in "区县市" and text.startswith("长", end) and patterns().name.match(text, end + 1) is not None


#: After a place, a count of something (楠西区174.5毫米, 柳营区3笔, 永康区16例): an item of a tally, not a site.
_TALLY_AFTER = re.compile(
    r"(?:各|共|计|有)?\d[\d,.]*\s*(?:例|笔|件|户|人|名|座|毫米|公厘|公顷|公尺|次|位|家|辆|吨|个|处|场|里|%|％)"
)


def tally_item(text: str, end: int) -> bool:
    """The place ending at ``end`` is counted (楠西区174.5毫米、大内区171毫米): one item of a tally by place."""
    return _TALLY_AFTER.match(text, end) is not None


def names_other(text: str, hit: Hit, unit: Unit) -> bool:
    """The place ``hit`` begins the name of something else, or tells of a person: a region (新兴区域), a resident's
    home (家住南区), its head's title (东区区长), a school or an office named after it (善化高中, unless the event is
    held there), a river or a society (盐水溪)."""
    if unit.kind != "place":
        return False
    start, end = hit.start(), hit.end()
    if text.startswith("域", end):
        return True
    if _HOME_BEFORE.search(text, max(0, start - 8), start) or _head_after(text, hit.group(), end):
        return True
    if _PLACE_NAMES_BODY.match(text, end) and not _held_at(text, start, end):
        return True
    return hit.group() != unit.district and _SHORT_NAMES_OTHER.match(text, end) is not None


def bodies_named(m: UnitMatcher, hits: Iterable[Hit]) -> set[str]:
    """The names (as written) of the bodies among ``hits``."""
    return {hit.group() for hit in hits if m.aliases[hit.group()].kind != "place"}


def short_of_body(text: str, start: int, place: str, bodies: set[str]) -> bool:
    """南区管制中心 once the text has named 疾病管制署南区管制中心: the place begins the short form of a body the text
    names in full, with the place inside its name."""
    for body in bodies:
        at = body.find(place, 1)
        if at > 0 and len(body) - at > len(place) and text.startswith(body[at:], start):
            return True
    return False


def places_named(text: str, m: UnitMatcher, limit: int | None = None) -> list[str]:
    """Districts of the places (and of the district bodies) ``text`` names; none if more than ``limit``."""
    found: list[str] = []
    bodies = bodies_named(m, m.pattern.finditer(text))
    for hit, unit in sorted(m.districts_named(text), key=lambda pair: pair[0].start()):
        if names_other(text, hit, unit) or (unit.kind == "place" and tally_item(text, hit.end())):
            continue
        if unit.kind == "place" and short_of_body(text, hit.start(), hit.group(), bodies):
            continue
        if unit.kind == "place" and (
            address_or_branch(text, hit.start(), hit.group()) or _postal(text, hit.start(), hit.end())
        ):
            continue
        if unit.kind == "place" and (
            in_enumeration(text, hit.start(), hit.end()) or _crowded(text, hit.start(), m)
        ):
            continue
        if unit.district and unit.district not in found:
            found.append(unit.district)
    if limit is not None and len(found) > limit:
        return []
    return found


#: A county-level name right before a road or a stretch of one is where the work is (七股区市道176线, 东区东门路).
_ROAD_AFTER = re.compile(
    r"(?:(?![有的和与跟及在是将至到])[\u4e00-\u9fff\dA-Za-z]){0,5}?(?:路|街|大道|市道|区道|县道|乡道|线|段|桥)"
    r"|等\d+(?:路段|处|案)"
)
#: …unless a house number follows: that is a postal address (仁德区正义一街39号).
_HOUSE_NUMBER = re.compile(
    r"[\u4e00-\u9fff\d]{0,8}?(?:[\d一二三四五六七八九十]+段)?(?:\d+巷)?(?:\d+弄)?[\d一二三四五六七八九十百零〇]+(?:之\d+)?号"
)
#: …or right after a word placing the event there (于新市区…举办, 在安平区安北路进行…).
_AT_BEFORE = re.compile(r"(?:于|在|位于|至|赴|前往)(?:台南市|本市)?$")
#: A label naming the venue or the site of works shortly before the place (征才地点：新市就服台(台南市新市区…号),
#: [履约地点(含地区)]台南市-安平区); not the place where bids are opened or documents go.
_VENUE_BEFORE = re.compile(
    r"(?:(?:^|[^\[【\u4e00-\u9fff])(?:活动|征才|展览|展出|举办)?地点\s*(?:[:：|]|为|在|是|设[于在])"
    r"|履约地点\(含地区\)\])[^。；;\n\[【]*$"
)
#: …or the venue named after 于/在, its address in brackets (在永华市政中心(台南市安平区永华路2段6号)…).
_VENUE_ADDRESS = re.compile(r"(?:于|在|假)[\u4e00-\u9fffA-Za-z\d]{2,16}[(（](?:[\u4e00-\u9fff]{2}[市县])?$")
_VENUE_ADDRESS_REACH = 1 + 16 + 1 + 3  # (its longest match: the word, the venue, the bracket, the city)
_VENUE_REACH = 48
#: 佳里、七股、西港区: short names in a list ending in the full name of the last one, however many (the labels make
#: sites of all six in 置于佳里、七股、西港、学甲、将军、北门区逾50处据点); only short names that are no common
#: words, unlike the bounded lists closed by 区 below, which take 六甲 and 大内 too.
_SHORT_LIST = re.compile(r"((?:[\u4e00-\u9fff]{2}、)+)([\u4e00-\u9fff]{2})区")
#: 新营、盐水、白河、后壁及麻豆等五区: a list of places closed by their count; as many as it names, and few, are the
#: sites of what is reported (more is a city-wide enumeration).
_COUNTED_TAIL = re.compile(r"等?(?P<count>[2-5二两三四五])个?(?:行政)?区")
#: …and any list of short names closed by 区 (官田、六甲、大内及山上区公所): two to five of them.
_LIST_CLOSE = re.compile("(?<=[\u4e00-\u9fff])区")
_LEAST_LISTED = 2
_MOST_LISTED = 5
_COUNT = {"2": 2, "3": 3, "4": 4, "5": 5, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}


#: …(安南区大安街135号)办理…: an address in brackets right before the verb of holding is the venue's.
#: (not an office where one 办理 paperwork: …(中西区忠义路1段96号)办理或就近洽…)
_HELD_RIGHT_AFTER = re.compile(
    r"[^()（）\n]{0,30}?[)）](?:办理(?![或及与]|手续|业务|申请)|举办|举行|召开|开设|展出|开幕)"
)


def _venue(text: str, start: int, end: int) -> bool:
    """A label before the place at ``start``…``end`` (征才地点：…, 地点为…), a venue it is the bracketed address
    of (在永华市政中心(台南市安平区…)), or a verb of holding right after its address, makes it the venue of what
    is reported."""
    if _VENUE_BEFORE.search(text, max(0, start - _VENUE_REACH), start) is not None:
        return True
    if _VENUE_ADDRESS.search(text, max(0, start - _VENUE_ADDRESS_REACH), start) is not None:
        return True
    return _HELD_RIGHT_AFTER.match(text, end) is not None


#: A quoted name of works or of a plan that opens with a district (「安南区海东D2抽水站新建治理工程」,
#: 「台南市仁德区中正路…排水改善工程」): the district is where they are done.
_QUOTE_OPEN = re.compile(r"[「“『《](?:[\u4e00-\u9fff]{2}[市县])?$")
_WORKS_CLOSE = re.compile(r"[^」”』》\n]{0,40}?(?:工程|计划|计画)(?:[(（][^()（）\n]{0,12}[)）])?[」”』》]")


#: More districts than this opening names of works is a list of many (of awards, of a budget's items).
_MOST_WORKS = 3


def _works_named(text: str, start: int, end: int) -> re.Match[str] | None:
    if _QUOTE_OPEN.search(text, max(0, start - 4), start) is None:
        return None
    return _WORKS_CLOSE.match(text, end)


def _address_after(text: str, end: int) -> bool:
    """A road and a house number follow the place ending at ``end`` (东区中华东路二段133巷72号)."""
    return _ROAD_AFTER.match(text, end) is not None and _HOUSE_NUMBER.match(text, end) is not None


def _postal(text: str, start: int, end: int) -> bool:
    """The place at ``start``…``end`` begins a postal address that is no venue."""
    return _address_after(text, end) and not _venue(text, start, end)


def _listed_before(text: str, end: int, m: UnitMatcher, short: bool = False) -> list[str]:
    """The districts of the places listed right before ``end``, read backwards over 、和及与 (新营、盐水及麻豆; short
    names that are common words too count here: 六甲、大内及山上); with ``short``, only lists of short names."""
    places: list[str] = []
    at = end
    while True:
        words = (text[max(0, at - size) : at] for size in (4, 3, 2))
        word = next((w for w in words if w in m.listed_district), None)
        if word is None or (short and m.listed_district[word] == word):
            return []
        places.insert(0, m.listed_district[word])
        at -= len(word)
        if at == 0 or not _LIST_JOINER.match(text, at - 1):
            return places if len(places) > 1 else []
        at -= 1


def sites(text: str, m: UnitMatcher) -> list[str]:
    """Districts where what ``text`` reports takes place: full district names before a road or after 于/在,
    opening the quoted name of works (「安南区海东抽水站新建工程」, up to three districts), lists of short names
    closed by 区 (佳里、七股、西港区), and lists closed by their own count of five or fewer (新营、盐水及麻豆等三区).
    Not a district named in passing."""
    found: list[str] = []
    works: set[str] = set()  # districts opening the quoted names of works
    for suffix in m.district_end.finditer(text):
        # the longest full district name of the jurisdictions in play ending here (中西区 before 西区)
        end = suffix.end()
        name = None
        for size in (4, 3, 2):
            word = text[max(0, end - size) : end]
            if m.place_district.get(word) == word:
                name = word
                break
        if name is None:
            continue
        start = end - len(name)
        if _region_of_body(text, name, end) or _inside_place_name(text, start, name):
            continue
        road = _ROAD_AFTER.match(text, end)
        venue = _venue(text, start, end)
        if road is not None and _PLACE_NAMES_BODY.match(text, road.end()):
            continue  # a school named after a bridge (七股区竹桥国中)
        if not venue and _address_after(text, end):
            continue  # a postal address, unless it is the venue's (活动地点：…(台南市南区夏林路4号))
        if (not venue and address_or_branch(text, start, name)) or in_enumeration(text, start, end):
            continue  # (分别至北区、安南区、安定区等10区: the first of many listed, no site of its own)
        if tally_item(text, end):
            continue  # (楠西区174.5毫米: counted, not where what is reported happens)
        at = _AT_BEFORE.search(text, max(0, start - 6), start)
        if at is None and road is None and not venue and _works_named(text, start, end):
            works.add(name)
            continue
        # (the whole sentence is read only for a place that would be a site)
        if (road is not None or at is not None or venue) and name not in found and not _crowded(text, start, m):
            found.append(name)
    if len(works) <= _MOST_WORKS:
        found.extend(name for name in sorted(works) if name not in found)
    for listed in _SHORT_LIST.finditer(text):
        names = [short + "区" for short in listed.group(1).split("、") if short] + [listed.group(2) + "区"]
        if all(m.place_district.get(name) == name for name in names):
            found.extend(name for name in names if name not in found)
    for tail in _COUNTED_TAIL.finditer(text):
        places = _listed_before(text, tail.start(), m)
        if len(places) == _COUNT[tail.group("count")]:
            found.extend(place for place in places if place not in found)
    for close in _LIST_CLOSE.finditer(text):
        # (short names that are common words too, 六甲 and 大内, are places when a list of places holds them)
        places = _listed_before(text, close.start(), m, short=True)
        if _LEAST_LISTED <= len(set(places)) <= _MOST_LISTED:
            found.extend(place for place in places if place not in found)
    return found


@dataclass(frozen=True)
class _Counties:
    chain: re.Pattern[str]  # a province or prefecture, then a county's name, full or short (江苏阜宁, 沧州黄骅市)
    # 在 (位于, 来到, 前往) and a county's name, full or short, closing its phrase (在涿州，…; 在台安县的农业合作社;
    # 在定安、海口等地), or a county's name before 赛区 (a competition's zone there)
    at: re.Pattern[str]
    parents: dict[str, set[str]]
    short: dict[str, set[str]]


@functools.cache
def _counties() -> _Counties:
    parents: dict[str, set[str]] = {}
    short: dict[str, set[str]] = {}
    chained: dict[str, set[str]] = {}
    for j in load().jurisdictions:
        for name, spellings in j.county_parents.items():
            parents.setdefault(name, set()).update(spellings)
        for form, counties in j.county_short.items():
            short.setdefault(form, set()).update(counties)
        for name, spellings in j.chained_counties.items():
            chained.setdefault(name, set()).update(spellings)
    spelled = trie_pattern({p for found in [*parents.values(), *chained.values()] for p in found})
    written = trie_pattern([*parents, *short, *chained])
    # (one parent and an optional second, not a repeat {1,2}, which the regex engine reads ten times slower)
    chain = re.compile(f"(?P<parents>(?:{spelled})(?:{spelled})?)(?P<county>{written})")
    # (not a name a city's own gazetteer gives one of its districts: 在永康, 在安定 in a Tainan release)
    local = {
        word
        for j in load().jurisdictions
        if not j.always
        for word in (*j.places, *j.district_short, *(name[:-1] for name in j.places))
    }
    alone = trie_pattern(w for w in [*parents, *short] if w not in local)
    at = re.compile(
        f"(?:(?<=在)|(?<=位于)|(?<=来到)|(?<=前往))(?P<county>{alone})(?=[，,、和的])|(?P<zone>{alone})(?=赛区)"
    )
    # (a county of two characters is read only after its parents: 安徽歙县, never 歙县 alone)
    return _Counties(chain, at, {**chained, **parents}, short)


#: After a county: a body or a facility named after it (仙桃市委, 金湾机场), a route from it (汾阳至石楼), a phase of a
#: project (廉江一期), a person's native place (安徽定远人，); before it: a person's origin (来自安徽省金寨县).
_COUNTY_NAMES_OTHER = re.compile(
    r"委|政府|人大|政协|(?:国际)?机场|港|国宾馆|核电|至|[\d一二三四五六七八九十]+期|人[，,。;；]"
)
#: …or more of a list than it names (黑龙江庆安县等96个县): an enumeration.
_MORE_NAMED = re.compile(r"[^，,。；;\n]{0,30}?等(?:[\d一二三四五六七八九十]{1,3}|多)个")


#: After a county of two characters, what makes its last character a word of its own (县级, 县域).
_LEVEL_AFTER = frozenset("级域")

#: A sentence opened by a year (1974年3月起，…; 2013年11月，…).
_PAST_YEAR = re.compile(r"\s*(?:19|20)\d\d年[^，,。；;\n]{0,6}[，,]")
#: Before a county, a person's origin (来自安徽省金寨县, 出生福建省东山县, 祖籍山东莱州).
_ORIGIN_BEFORE = re.compile(r"(?:来自|出生于?|生于|籍贯|祖籍)$")


def county_sites(text: str) -> list[str]:
    """Counties of all China where what national news reports takes place: a county written right after its own
    province or prefecture, in full or without its last character (在江苏阜宁, 沧州黄骅市旧城镇, 四川凉山州金阳县),
    or after 在, 位于, 来到 or 前往 at the close of its phrase (在涿州，…; 在台安县的农业合作社; 位于崇礼的), or
    naming the zone of a competition (扎兰屯赛区); a county of two characters only after its parents (湖北房县).
    Not a person's origin, a body or facility named after the county, nor one of a longer list."""
    counties = _counties()
    found: list[str] = []
    for match in [*counties.chain.finditer(text), *counties.at.finditer(text)]:
        county = match.group("county") or match.group("zone")
        names = {county} if county in counties.parents else counties.short.get(county, set())
        if match.re is counties.chain:
            own = [n for n in names if _written_after(match.group("parents"), counties.parents[n])]
        else:
            # (alone after 在, 位于, 来到 or 前往, or naming a competition zone: a name of three characters or more,
            # or a short one of a single county: 在东区 is no county of China's)
            own = [n for n in names if len(county) >= 3 or county != n]
        if len(own) != 1 or _ORIGIN_BEFORE.search(text, max(0, match.start() - 4), match.start()):
            continue
        if len(county) == 2 and text[match.end() : match.end() + 1] in _LEVEL_AFTER:
            continue  # (安徽和县域经济: 安徽 and the counties' economies, not 和县)
        if _COUNTY_NAMES_OTHER.match(text, match.end()) or _MORE_NAMED.match(text, match.end()):
            continue
        if in_enumeration(text, match.start(), match.end()):
            continue
        if _PAST_YEAR.match(text, sentence_start(text, match.start(), SENTENCE_END)):
            continue  # (2013年11月，习近平总书记到山东曲阜考察: a sentence dated by its year tells of another time)
        if own[0] not in found:
            found.append(own[0])
    return found


def _written_after(before: str, parents: set[str]) -> bool:
    """``before`` is one or two of ``parents`` (江苏, 江苏盐城)."""
    return any(before == p or (before.endswith(p) and before[: -len(p)] in parents) for p in parents)
