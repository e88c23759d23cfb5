"""Enrich stage: speakers, attendees, units, districts, themes and meeting, per article and per section.

``enrich(article)`` reads the article's title and sections (folded to simplified script, so 陳吉寧指出 reads
like 陈吉宁指出) and fills the metadata lists of each section and of the article (their union) in place. The
knowledge is data: the gazetteer, the word lists and the theme taxonomy in ``archive/enrich/data/``.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass

from archive.enrich.gazetteer import Unit, load
from archive.enrich.meeting import find_meeting, meeting_date
from archive.enrich.patterns import SENTENCE_MARK
from archive.enrich.people import (
    HEAD_TITLE,
    PeopleFinder,
    candidates,
    full_forms,
    loose_names,
    short_forms,
    transliterated,
)
from archive.enrich.rescore import (
    OPENING_CHARS,
    FieldModel,
    Pool,
    decide,
    district_pool,
    government_pool,
    model,
    people_pool,
    theme_pool,
    unit_pool,
)
from archive.enrich.themes import keywords, named, themes
from archive.enrich.units import (
    UnitMatcher,
    canonical_department,
    commentary_publisher,
    county_sites,
    home_district,
    jurisdictions,
    leading,
    matcher,
    meeting_bodies,
    periodical_publisher,
    places_named,
    sites,
    speaking_units,
    title_statement,
)
from archive.fold import fold
from archive.models import Article, Section

__all__ = ["Candidates", "candidates_of", "enrich", "lexicon"]

#: How many places of the opening (``OPENING_CHARS``) make a mere enumeration.
_OPENING_PLACES = 4


def _opening(text: str) -> str:
    """The first ``OPENING_CHARS`` of ``text``, run on to the end of the sentence they cut (at most as far
    again)."""
    end = SENTENCE_MARK.search(text, OPENING_CHARS - 1, 2 * OPENING_CHARS)
    return text[: end.end() if end else 2 * OPENING_CHARS]


#: More sites than this in one article is a city-wide list (dengue cases in twelve districts), not a place.
_MOST_SITES = 6

#: Sections whose first words may name the body whose report they are.
_REPORT_KINDS = {"report", "body"}

#: A release's own line naming the body that issued it (发稿单位：社会局 / 发稿时间…), like a record's department.
_ISSUED_BY = re.compile(
    r"(?:发稿单位|发布单位|发稿机关|发稿人)[:：]\s*(?P<unit>[^\s/／,，。:：\"|｜]{2,24}?)(?=发稿|[\s/／,，。:：\"|｜]|$)"
)


def _add(bucket: list[str], values: list[str]) -> None:
    for value in values:
        if value and value not in bucket:
            bucket.append(value)


def _specific(units: list[Unit]) -> list[Unit]:
    """Drop a place speaking as a body when a body of that place is there too (浦东新区 and 浦东新区区委)."""
    covered = {u.district for u in units if u.kind != "place" and u.district}
    return [u for u in units if u.kind != "place" or u.name != u.district or u.district not in covered]


def _holder_name(template: str, holder: str | None, m: UnitMatcher) -> str | None:
    """The gazetteer's name of a meeting's body as the article's jurisdictions spell it (市政府 is 台南市政府 in
    a Tainan release). A body named by the data alone that no jurisdiction in play knows (市政府 in a text about
    no covered city) is left out; one spelled from the text (民革中央) is kept as it is."""
    if not holder:
        return None
    unit = m.aliases.get(holder)
    if unit is not None and unit.kind == "body":
        return unit.name
    return holder if "{" in template else None


def _owner(template: str, home: str | None, match: re.Match[str] | None) -> str | None:
    """A body whose meeting it is: a name, a body of the article's district, or of the party the meeting's
    name begins with (民革十四届三中全会 → 民革中央)."""
    if "{" not in template:
        return template
    owner = match.groupdict().get("owner") if match is not None else None
    if "{owner}" in template:
        return template.format(owner=owner) if owner else None
    if home is None:
        return None
    party = next((j.district_party[home] for j in load().jurisdictions if home in j.district_party), home + "委")
    return template.format(district=home, district_party=party)


@functools.cache
def _name_hyphen() -> re.Pattern[str]:
    """A hyphen between two characters that spell foreign names joins the parts of one (阿库福-阿多), like ·;
    elsewhere it is a dash (美食达人－谢松益)."""
    letters = re.escape(str(load().language.get("transliteration", "")))
    return re.compile(f"(?<=[{letters}])[-‐‑－](?=[{letters}])")


def _folded(text: str) -> str:
    """Folded to simplified script, with name hyphens read as · (one character for one)."""
    return _name_hyphen().sub("·", fold(text))


def _restored_names(names: set[str], folded: str, raw: str) -> dict[str, str]:
    """陈良乾, not 陈良干: where the text spells a name with a character whose simplified form is ambiguous
    (乾 is 干 in 乾燥 but stays 乾 in names), the name keeps the text's character. ``folded`` and ``raw`` have
    the same length (folding maps one character to one)."""
    keep = str(load().language.get("name_keep_traditional", ""))
    images = {fold(char) for char in keep}
    restored: dict[str, str] = {}
    for name in names:
        if name in load().persons or not (images.intersection(name) or "·" in name):
            continue
        at = folded.find(name)
        if at < 0:
            continue
        # the text's own character where it is one to keep, or the hyphen a · stands for
        spelled = "".join(
            raw[at + i] if raw[at + i] in keep or (char == "·" and raw[at + i] != char) else char
            for i, char in enumerate(name)
        )
        if spelled != name:
            restored[name] = spelled
    return restored


#: …引起各地干部群众热烈反响: who reacted may stand between the verb and 反响.
_REACTION = re.compile("引[发起][\u4e00-\u9fff]{0,12}?反响")


def _reaction_at(title: str) -> int:
    """Where a title reporting reactions (…讲话引发反响) names them, or -1."""
    marks = [str(mark) for mark in load().language.get("reaction_marks", [])]
    found = [title.find(mark) for mark in marks if mark in title]
    reaction = _REACTION.search(title)
    if reaction is not None:
        found.append(reaction.start())
    return min(found, default=-1)


#: How far after a mark ending in 评价 the one whose speech is judged may be named (人士评价习近平…).
_JUDGED_REACH = 4


def _reacted_to(title: str, names: set[str], full: str = "") -> set[str]:
    """习近平…座谈会讲话引发反响, 多国人士评价习近平…演讲: the people a title names as those reacted to, and,
    in such a piece, the heads the text names with their title (习近平总书记强调…: the one whose words are
    reacted to)."""
    at = _reaction_at(title)
    if at < 0:
        return set()
    judged = title.find("评价", at)
    after = judged + len("评价") if judged >= 0 else -1
    reacted = {
        name
        for name in names
        if 0 <= title.find(name) < at or (after >= 0 and 0 <= title.find(name, after) <= after + _JUDGED_REACH)
    }
    heads = {name for name in names if re.search(f"{re.escape(name)}(?:{HEAD_TITLE.pattern})", full)}
    return reacted | heads


def enrich(article: Article, models: dict[str, FieldModel] | None = None) -> Article:
    """Fill the article's and its sections' metadata lists in place and return the article.

    ``models`` are the rescoring models by field (default: the shipped ``data/rescore.json``; ``{}``: the
    rules alone)."""
    return _enrich(article, model() if models is None else models)[0]


def candidates_of(article: Article) -> Candidates:
    """Enrich ``article`` by the rules alone and return every candidate of the fields the model rescores,
    with the text they were read from (for fitting the model)."""
    return _enrich(article, {}, collect=True)[1]


@dataclass
class Candidates:
    full: str  # the folded title and sections, joined by newlines
    title_end: int
    pools: dict[str, Pool]
    section_starts: list[int]  # where each section's (headed) text begins in ``full``


def _enrich(article: Article, spec: dict[str, FieldModel], collect: bool = False) -> tuple[Article, Candidates]:
    title = _folded(article.title or "")
    texts = [_folded(section.text or "") for section in article.sections]
    headed = [
        f"{_folded(section.heading)}\n{text}" if section.heading else text
        for section, text in zip(article.sections, texts, strict=True)
    ]
    full = "\n".join([title, *headed])
    active = jurisdictions(full)
    names = candidates(full)
    finder = PeopleFinder(names, {**full_forms(full, names), **short_forms(full, names, active)}, context=full)

    # Bodies given with the record (a JSONL department) come first, canonicalised; the jurisdiction of the body
    # that issued the text is in play even when the text does not name it (a post of 台南市政府民政局 naming only
    # 南区塩埕天后宫)
    given: list[Unit] = []
    issuers = [m.group("unit") for m in _ISSUED_BY.finditer(full)]
    for raw in [*article.units, *issuers]:
        for unit in canonical_department(raw, active):
            if unit not in given:
                given.append(unit)
    # (…and the jurisdictions whose markers the body's name holds: 台南市渔港及近海管理所 puts the Taiwan bodies in
    # play for a notice of 行政院农业委员会 that the office republishes)
    active = active | {unit.jurisdiction for unit in given if unit.jurisdiction} | jurisdictions(
        "\n".join(unit.name for unit in given)
    )
    units_matcher = matcher(active)

    home = home_district(title, units_matcher)
    if home is None and texts:
        home = home_district(texts[0], units_matcher)
    section_units = [speaking_units(text, units_matcher, home).units for text in headed]
    title_units = speaking_units(title, units_matcher, home).units
    title_units += [u for u in commentary_publisher(title, units_matcher) if u not in title_units]
    title_units += [u for u in periodical_publisher(title, units_matcher) if u not in title_units]
    title_units += [u for u in title_statement(title, units_matcher) if u not in title_units]
    if _reaction_at(title) < 0:  # a reaction piece names the meeting reacted to, not one it reports
        title_units += [u for u in meeting_bodies(title, units_matcher) if u not in title_units]
    speaking: list[Unit] = [u for units in [title_units, *section_units] for u in units]

    speakers: list[str] = []
    attendees: list[str] = []
    title_roles = finder.roles(title)
    # (a name that is a body's or a place's is none: 代表欧盟对…表示 names no person 欧盟)
    _add(speakers, [n for n in title_roles.speakers if n not in units_matcher.aliases])
    _add(attendees, [n for n in title_roles.attendees if n not in units_matcher.aliases])
    last_mention = title_roles.mentions[-1][1] if title_roles.mentions else None

    section_leads: list[Unit] = []
    section_sites: list[list[str]] = []
    group_sections: list[Section] = []  # where foreign leaders spoke as a group, none of them named there
    for section, text, headed_text, found in zip(article.sections, texts, headed, section_units, strict=True):
        roles = finder.roles(headed_text, last_mention)
        if roles.group_unnamed:
            group_sections.append(section)
        if roles.mentions:
            last_mention = roles.mentions[-1][1]
        units = list(found)
        districts: list[str] = []
        lead = leading(text, units_matcher, home) if section.kind in _REPORT_KINDS else None
        before = len(units)
        if lead is not None and lead.kind == "place":
            # 浦东新区深化…: the report of the body of that place that spoke (浦东新区区委), else the place.
            owners = [u for u in speaking if u.district == lead.district and u.kind != "place"]
            if owners:
                units.insert(0, owners[0])
            elif lead in speaking:
                units.insert(0, lead)
            elif section.kind == "report" and lead.district:
                districts.append(lead.district)
        elif lead is not None and (section.kind == "report" or lead in speaking):
            units.insert(0, lead)
        if len(units) > before:
            section_leads.append(units[0])
        for unit in given:
            if unit not in units:
                units.append(unit)
        section.speakers = [n for n in roles.speakers if n not in units_matcher.aliases]
        section.attendees = [n for n in roles.attendees if n not in units_matcher.aliases]
        units = _specific(units)
        section.units = []
        _add(section.units, [u.name for u in units])
        _add(districts, [u.district for u in units if u.district])
        section.districts = districts
        section_sites.append([*sites(headed_text, units_matcher), *county_sites(headed_text)])
        section.themes = themes(text, fold(section.heading or ""))
        _add(speakers, section.speakers)
        _add(attendees, section.attendees)

    raw_sections = [f"{s.heading}\n{s.text or ''}" if s.heading else s.text or "" for s in article.sections]
    raw_full = "\n".join([article.title or "", *raw_sections])
    restored = _restored_names({*speakers, *attendees}, full, raw_full) if len(raw_full) == len(full) else {}
    if restored:
        speakers = [restored.get(n, n) for n in speakers]
        attendees = [restored.get(n, n) for n in attendees]
        for section in article.sections:
            section.speakers = [restored.get(n, n) for n in section.speakers]
            section.attendees = [restored.get(n, n) for n in section.attendees]
    quoted = _reacted_to(title, {*speakers, *attendees}, full)
    if quoted:
        speakers = [n for n in speakers if n not in quoted]
        for section in article.sections:
            section.speakers = [n for n in section.speakers if n not in quoted]
    # 其他与会海方领导人高度评价…: the foreign leaders who attended spoke
    # (老同志们对此表示感谢 opens the paragraph after the one that named them: read over the whole text)
    starts = list(itertools.accumulate((len(text) + 1 for text in headed), initial=0))
    for at, group in finder.visited_groups("\n".join(headed)):
        _add(speakers, group)
        _add(article.sections[bisect.bisect_right(starts, at) - 1].speakers, group)
        for section in article.sections:
            section.attendees = [a for a in section.attendees if a not in group]
    if group_sections:
        spoke_as_group = [a for a in attendees if transliterated(a)]
        _add(speakers, spoke_as_group)
        _add(group_sections[0].speakers, spoke_as_group)
        for section in article.sections:
            section.attendees = [a for a in section.attendees if a not in spoke_as_group]
    article.speakers = speakers
    article.attendees = [a for a in attendees if a not in speakers]
    all_units: list[Unit] = list(given)
    for unit in [*title_units, *[u for s in section_units for u in s], *section_leads]:
        if unit not in all_units:
            all_units.append(unit)
    all_units = _specific(all_units)
    article.units = []
    _add(article.units, [u.name for u in all_units])
    article.districts = []
    _add(article.districts, [u.district for u in all_units if u.district])
    # where the reported event takes place: the places the title names, else those of the opening paragraph
    # (when a body or the title already places the article, other places of the opening are passing mentions)
    opening = texts[0][:OPENING_CHARS] if texts else ""
    _add(article.districts, places_named(title, units_matcher))
    _add(article.districts, county_sites(title))
    if not article.districts:
        # (a list the cut leaves unfinished is read whole: a place it drops as one of many, or too many places,
        # make none)
        whole = places_named(_opening(texts[0]), units_matcher)
        if len(whole) < _MOST_SITES:
            cut = places_named(opening, units_matcher, limit=_OPENING_PLACES)
            _add(article.districts, [d for d in cut if d in whole])
    if len({d for found in section_sites for d in found}) <= _MOST_SITES:
        for section, places in zip(article.sections, section_sites, strict=True):
            _add(section.districts, places)
    for section in article.sections:
        _add(article.districts, section.districts)
    article.themes = []
    for section in article.sections:
        _add(article.themes, section.themes)
    _add(article.themes, named(title))

    held_names: list[str] = []
    body = "\n".join(texts)
    meeting, match, where = find_meeting(title, body)
    if meeting is not None:
        if not article.meeting.name:
            article.meeting.name = meeting.name
        if not article.meeting.date:
            article.meeting.date = meeting_date(where, match, article.published)
            if article.meeting.date is None and where is title:
                _, body_match, body_where = find_meeting("", body)
                article.meeting.date = meeting_date(body_where, body_match, article.published)
        # a reaction piece names the meeting reacted to, not one it reports
        held_by = [] if _reaction_at(title) >= 0 else meeting.units
        for template in reversed(held_by):
            name = _holder_name(template, _owner(template, home, match), units_matcher)
            if name and name not in article.units:
                article.units.insert(0, name)
                held_names.append(name)

    starts = [len(title) + 1]
    for text in headed[:-1]:
        starts.append(starts[-1] + len(text) + 1)
    gathered = Candidates(full=full, title_end=len(title), pools={}, section_starts=starts)
    if not (spec or collect):
        return article, gathered  # the rules alone: no candidate is weighed
    seen = _RuleState(
        names=names,
        forms=finder.forms,
        quoted=quoted,
        restored=restored,
        raw_full=raw_full,
        matcher=units_matcher,
        home=home,
        given=given,
        units=all_units,
        sites=[d for found in section_sites for d in found],
        titled={u.name for u in title_units} | set(held_names),
    )
    _second_look(article, gathered, seen, spec)
    for bodies in [article.units, *(section.units for section in article.sections)]:
        bodies[:] = _without_inner_names(bodies, units_matcher)
    return article, gathered


def _without_inner_names(names: list[str], m: UnitMatcher) -> list[str]:
    """``names`` without a body named by its shape that ends another name of the list (国家合作委员会 beside
    海湾阿拉伯国家合作委员会): a piece of the longer name read on its own."""
    return [n for n in names if n in m.aliases or not any(o != n and o.endswith(n) for o in names)]


@dataclass
class _RuleState:
    """What the rules read of an article that the second look needs again."""

    names: set[str]  # every name the people finder knows
    forms: dict[str, str]  # short and full spellings of names (黄市长 → 黄伟哲)
    quoted: set[str]  # names a reaction piece quotes (no speakers)
    restored: dict[str, str]  # folded name → the text's own spelling (陈良干 → 陈良乾)
    raw_full: str  # the unfolded title and sections
    matcher: UnitMatcher
    home: str | None
    given: list[Unit]  # the record's own department
    units: list[Unit]  # the bodies the rules chose
    sites: list[str]  # districts where the sections' events take place
    titled: set[str]  # bodies the title names as speaking or holding its meeting: never dropped by a model


def _second_look(article: Article, gathered: Candidates, seen: _RuleState, spec: dict[str, FieldModel]) -> None:
    """Gather every candidate of the rescored fields into ``gathered`` and, for each field ``spec`` has a model
    of, let the model add the candidates it finds likely."""
    full = gathered.full
    restored = seen.restored
    unrestored = {v: k for k, v in restored.items()}
    gathered.pools["speakers"] = people_pool(
        full,
        (n for n in seen.names if n not in seen.quoted),
        {k: v for k, v in seen.forms.items() if v not in seen.quoted},
        [unrestored.get(n, n) for n in article.speakers],
        loose_names(full, seen.names | set(seen.forms)),
    )
    unit_of = {u.name: u for u in seen.units}
    hits = list(seen.matcher.pattern.finditer(full))
    gathered.pools["units"] = unit_pool(full, seen.matcher, seen.home, article.units, seen.given, hits)
    if "speakers" in spec:
        if len(seen.raw_full) == len(full):  # a name the model adds keeps the text's spelling too
            pool = set(gathered.pools["speakers"].by_value) - set(unrestored)
            restored = {**_restored_names(pool, full, seen.raw_full), **restored}
        _rescored(article, gathered, "speakers", spec["speakers"], restored)
    if "units" in spec:
        _rescored(article, gathered, "units", spec["units"], {}, keep=seen.titled)
    gathered.pools["government"] = government_pool(
        full, gathered.title_end, seen.matcher, seen.home, article.units, seen.given, hits
    )
    if "government" in spec:
        _rescored(article, gathered, "units", spec["government"], {}, pool="government")
    for candidate in gathered.pools["units"]:
        if candidate.value in article.units and candidate.unit is not None:
            unit_of.setdefault(candidate.value, candidate.unit)
    chosen_units = [unit_of[name] for name in article.units if name in unit_of]
    gathered.pools["districts"] = district_pool(
        full, seen.matcher, article.districts, chosen_units, seen.sites, hits, gathered.title_end
    )
    if "districts" in spec:
        _rescored(article, gathered, "districts", spec["districts"], {})
    gathered.pools["themes"] = theme_pool(full, gathered.title_end, article.themes, gathered.section_starts)
    if "themes" in spec:
        _rescored(article, gathered, "themes", spec["themes"], {})


def _rescored(
    article: Article,
    found: Candidates,
    name: str,
    spec: FieldModel,
    restored: dict[str, str],
    pool: str | None = None,
    keep: set[str] | frozenset[str] = frozenset(),
) -> None:
    """Replace the article's ``name`` list by the model's decision over the candidates of ``pool`` (default:
    the field's own); a value it adds goes to the sections that mention it, a value it drops leaves every
    section."""
    before: list[str] = getattr(article, name)
    back = {v: k for k, v in restored.items()}
    chosen = [back.get(v, v) for v in before]
    weighed = found.pools[pool or name]
    kept = [restored.get(v, v) for v in decide(weighed, chosen, found.full, found.title_end, spec, keep)]
    setattr(article, name, kept)
    dropped = set(before) - set(kept)
    for section in article.sections:
        values: list[str] = getattr(section, name)
        setattr(section, name, [v for v in values if v not in dropped])
    for value in kept:
        if value in before:
            continue
        candidate = weighed.by_value.get(back.get(value, value))
        spans = candidate.spans if candidate else []
        for start, _ in spans:
            index = bisect.bisect_right(found.section_starts, start) - 1
            if index >= 0:
                _add(getattr(article.sections[index], name), [value])
    if name == "speakers":
        article.attendees = [a for a in article.attendees if a not in kept]
        for section in article.sections:
            section.attendees = [a for a in section.attendees if a not in section.speakers]


def lexicon() -> list[str]:
    """Names, bodies (with their other spellings), places and theme keywords for jieba's user dictionary."""
    gazetteer = load()
    words: set[str] = set(gazetteer.persons)
    for jurisdiction in gazetteer.jurisdictions:
        words.update(jurisdiction.global_aliases)
        words.update(jurisdiction.local_aliases)
        words.update(u.name for u in jurisdiction.global_aliases.values())
        words.update(jurisdiction.places)
    words.update(keywords())
    return sorted(w for w in words if len(w) >= 2)
