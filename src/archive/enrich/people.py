"""People: who is named in an article, and who spoke or only attended.

Two passes over the folded text. First the *candidates*: leaders from the gazetteer, names that follow a
title (市委副书记、市长龚正), names that precede one (黄伟哲市长表示) and the names of a list that ends in a verb
(市领导迟耀云、吴伟…出席会议). Then the *roles*: each mention of a candidate, with the names chained to it by
、/和 (A、B先后发言), is a speaker when a speech verb follows (指出, 主持, 作…点评, 就…指出), an attendee when an
attendance verb does (出席, 列席), a speaker again when it attended and spoke (出席会议并讲话).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from archive.enrich.gazetteer import load
from archive.enrich.patterns import (
    CLAUSE_END,
    HAN,
    ROMANISED,
    clause_start,
    patterns,
    sentence_start,
)
from archive.enrich.trie import trie_pattern


def candidates(text: str) -> set[str]:
    """Names of people in folded ``text``: gazetteer leaders plus title- and list-introduced names."""
    p = patterns()
    found: set[str] = set()
    known = load().person_matcher
    # gazetteer names and transliterated names after a foreign title may be long (博鲁阿尔特, 巴沙尔·贾法里)
    known_here = {m.group() for m in known.finditer(text)}
    long_ok = set(known_here)
    titled: list[tuple[int, int]] = []  # where a title and a foreign name stand
    for m in p.foreign_name.finditer(text):
        titled.append((m.start(), m.end()))
        name = m.group("name")
        if m.start() and _known_short_form(text[m.start() - 1], m.group()):
            continue  # 习主席系统总结
        if name[0] in _NOT_NAME_FIRST and not transliterated(name):
            continue  # 特使以来所做工作, 大臣会面后表示: a word after the title, not a name
        # after 部长 (a title of every government) only a name spelled like a foreign one (外贸部长帕卢库)
        if text.endswith("部长", 0, m.start("name")) and not transliterated(name):
            continue
        # 会见菲律宾总统马科斯。: at the end of a sentence only a name spelled like a foreign one (not 总统选举。), or
        # one the text names again (会见蒙古国总统呼日勒苏赫。…呼日勒苏赫祝贺…)
        if m.end() == len(text) or text[m.end()] in _SENTENCE_ENDS:
            if transliterated(name) or (len(name) >= 3 and text.count(name) >= 2):
                long_ok.add(name)
        elif _plausible(name) or transliterated(name):
            long_ok.add(name)
    # 央行行长萨利赫阿巴迪表示: after any title, a name spelled only like a foreign one that speaks
    long_ok.update(
        m.group("name") for m in p.titled_foreign.finditer(text) if transliterated(m.group("name"))
    )
    # 南非棒协理事长Marc Moreau也表示: after any title, a name in Latin letters that speaks
    long_ok.update(m.group("name") for m in p.titled_latin.finditer(text))
    found.update(long_ok)
    # (，向获奖代表表示祝贺: at a clause start, a preposition and its object are no name and title)
    # (请拉夫罗夫向普京总统转达…: a preposition before a name the text knows is no family name)
    before_title = {
        m.group("name")
        for m in p.name_title.finditer(text)
        if not (
            _PREPOSITION_BEFORE.match(m.group("name"))
            and (m.start() == 0 or text[m.start() - 1] in CLAUSE_END or m.group("name")[1:] in long_ok)
        )
        # (责成林副秘书长指示, 东盟公司黄董事长: the "family name" ends the word before it)
        and text[max(0, m.start() - 1) : m.start() + 1] not in _WORDS_ENDING_IN_A_SURNAME
    }
    found.update(m.group("name") for m in p.role_name.finditer(text))
    for m in p.title_name.finditer(text):
        # 黄伟哲市长严正要求: the title belongs to the name before it; what follows is no name.
        if any(text.endswith(name, 0, m.start()) for name in found):
            continue
        # 习主席系统总结: a family name and the title stand for a known leader; what follows is no name
        if m.start() and _known_short_form(text[m.start() - 1], m.group()):
            continue
        found.add(m.group("long") or m.group("name"))
    # 拜会许育典副市长。…许副市长表示: a name before a title anywhere, when the text goes on to call the person by
    # family name and that title, in a clause of its own (俄罗斯总统 holds no family name 斯)
    for m in p.clause_surname_title.finditer(text):
        surname, title = m.group("surname"), m.group("title")
        at = text.find(title)
        while at >= 0:
            for size in (2, 3, 4):
                name = text[max(0, at - size) : at]
                if at - size != m.start() and name.startswith(surname) and p.name.fullmatch(name):
                    before_title.add(name)
            at = text.find(title, at + len(title))
    # 周理事长志贤吁请…, 颜局长振标表示: the title written inside the name, a formal style; a name when it opens its
    # clause and a verb of speech follows, or when the text also writes it whole with a title (局长颜振标)
    # (主任委员黄明: the "family name" ends a title before it, 任; 黄市长特别指示: an adverb, not a given name)
    given_at: set[int] = set()
    for m in p.split_name.finditer(text):
        name = m.group("surname") + m.group("given")
        if p.titled_before.search(text, max(0, m.start() - 8), m.start() + 1):
            continue
        if _adverb(m.group("given")) or p.predicate.match(text, m.start("given")):
            continue
        # (劳工局王局长鑫基表示, 台南市黄市长伟哲指示: a body's or a place's name before it opens the clause as well)
        after_body = m.start() > 0 and text[m.start() - 1] in _BODY_END_BEFORE_NAME + _PLACE_END_BEFORE_NAME
        led = m.start() > 0 and text[m.start() - 1] in _LIST_OPENERS  # (由林副秘书长荣川主持)
        opens = (_opens_clause_here(text, m.start()) or after_body or led) and _VERB_NEXT.match(text, m.end())
        # (林委员国明、叶委员宜津两位监察委员, 由叶副市长泽山担任主祭官: a list mark or a phrase of the event
        # after the given name ends it)
        # (not after a word the family name ends, 俄罗斯总统普京; nor a verb of teaching, 李老师授课，)
        ended = (
            _SPLIT_NAME_END.match(text, m.end())
            and not _SPLIT_NAME_END.match(text, m.start("given"))
            and (_opens_clause_here(text, m.start()) or after_body or led)
            and m.group("given") not in _lecturer_verbs()
        )
        if opens or ended or _titled_somewhere(text, name, or_before=True):
            found.add(name)
            given_at.add(m.start("given"))  # (林副秘书长荣川主持: 荣川 after the title is no name of its own)
    # 邀请台湾照顾管理协会张淑慧老师，以实际案例…引导…: an invited lecturer, named before the title
    before_title.update(
        m.group("name")
        for m in p.lecturer_name.finditer(text)
        if p.lecturer_invited.search(text, clause_start(text, m.start()), m.start())
        # (颜豪主任担任讲师: no name begins with the last character of a title)
        and not p.title_end.search(text, max(0, m.start() - 6), m.start() + 1)
    )
    # 水利署也向黄市长说明, 过程中蔡组长表示: a name before a title that ends in the family name of another
    # person of the text is that person's short form (黄市长 = 黄伟哲) after a word, not a name
    # (checked against every other name at once, so the outcome does not depend on set order)
    others = found | before_title
    found.update(
        name
        for name in before_title
        if not any(other.startswith(name[-1]) and len(other) >= 2 for other in others if other != name)
    )
    # 教育局郑新辉局长表示, 内政部徐国勇部长: a name glued to the body before it, closed by a title
    for m in p.titles_after.finditer(text):
        glued = _glued_name(text, m.start())
        if glued:
            found.add(glued)
    # 经发局陈凯凌表示，…: …or by what the person then says
    for m in _SAYS.finditer(text):
        glued = _glued_name(text, m.start())
        if glued and len(glued) == 3 and glued[-1] not in _ADVERB_ENDS:
            found.add(glued)  # (国防部方面也表示: 方面 and an adverb, no name)
    # 获颁志工金质奖的郭淑惠表示，…: …or by a phrase of 的 that describes the person (not one called by a word of
    # kinship, 的陈阿嬷表示; nor 说 ending a word, 的信仰传说，)
    for m in _SAYS.finditer(text):
        start = m.start() - 3
        name = text[start : m.start()]
        described = start >= 1 and text[start - 1] == "的" and m.group()[0] != "说"
        if described and p.name.fullmatch(name) and not any(name.endswith(word) for word in _KIN_WORDS):
            found.add(name)
    for m in p.bare_foreign.finditer(text):
        # …and so does a foreign one, unless it is (the start of) a body's or a country's name (乌克兰表示), or a
        # word that stands between a name and its verb (特别指出)
        if text.count(m.group("name")) >= 2 and not _starts_body_name(m.group("name")) and not _adverb(m.group("name")):
            long_ok.add(m.group("name"))
            found.add(m.group("name"))
    # a dotted foreign name needs no title, unless a title's name overlaps it (总理伊什蒂亚克·艾哈迈德 holds 理)
    for m in p.dotted_foreign.finditer(text):
        if not any(start < m.end() and m.start() < end for start, end in titled):
            long_ok.add(m.group("name"))
            found.add(m.group("name"))
    # 会见来华访问的日本外相岩屋毅。…岩屋毅表示，…: a name the text writes right after a title, that later opens a
    # sentence before a speech verb (whatever its spelling: 阮富仲, 山口那津男)
    for m in [*p.opening_speaker.finditer(text), *p.clause_speaker.finditer(text)]:
        name = m.group("name")
        if name in found or name[0] in _NOT_NAME_FIRST or p.any_title.search(name):
            continue  # (对亚太棒球场则强调, 大会强调, 市长黄伟哲表示: a word, a body or a title, not a name)
        if _titled_somewhere(text, name):
            long_ok.add(name)
            found.add(name)
    for m in p.bare_name.finditer(text):
        # a name without a title counts only when the article names the person again
        if text.count(m.group("name")) >= 2:
            found.add(m.group("name"))
    for m in [*p.name_list.finditer(text), *p.attend_list.finditer(text), *p.legislator_list.finditer(text)]:
        found.update(_listed_names(m.group("list")))
    countries_here = [country for country in load().countries if country in text]
    titled_spans = [
        span for name in found if _titled_somewhere(text, name, or_before=True) for span in occurrences(text, name)
    ]
    return {
        name
        for name in found
        if (name in long_ok or _plausible(name))
        and name not in _not_names()
        and not _body_word(name, text)
        and not _inside_countries(name, text, countries_here)
        and name not in load().countries  # 沙特、伊朗宣布恢复外交关系: countries listed, not people
        and not _title_start(name)
        and not p.title_end.search(name)  # 高级代表 (希腊总理高级代表), 董事长: a word ending in a title is none
        and name[-1] not in _BODY_ENDS  # 苏丹卫生部22日表示: after the title 苏丹, a body, not a name
        and not (len(name) == 3 and name[-1] == "地")  # 颜振标局长关心地表示: an adverb of manner, not a name
        and not any(_known_and_more(name, person) for person in known_here)
        and not _only_inside_longer(name, found, text)
        and not _overlapping_titled(name, titled_spans, text)
        and not _given_only(name, given_at, text)
    }


def occurrences(text: str, word: str) -> Iterator[tuple[int, int]]:
    """Where ``text`` writes ``word``, one mention after another."""
    start = text.find(word)
    while start >= 0:
        yield start, start + len(word)
        start = text.find(word, start + len(word))


def _given_only(name: str, given_at: set[int], text: str) -> bool:
    """荣川 of 林副秘书长荣川: a name the text writes only as the given name after a title written inside a name."""
    starts = [start for start, _ in occurrences(text, name)]
    return bool(starts) and all(start in given_at for start in starts)


def _only_inside_longer(name: str, found: set[str], text: str) -> bool:
    """黄伟 beside 黄伟哲 (市长黄伟哲特地…, where 哲特地 reads like an adverb of 地): a two-character name the text
    writes only as the start of a three-character one found with a title."""
    return len(name) == 2 and any(
        len(other) == 3
        and other.startswith(name)
        and text.count(other) == text.count(name)
        and _titled_somewhere(text, other, or_before=True)
        for other in found
    )


def _overlapping_titled(name: str, titled: list[tuple[int, int]], text: str) -> bool:
    """文担任 beside 陈主明 (经理陈主明担任讲师): a name every mention of which begins inside a mention of another name
    the text writes with a title (``titled``: the mentions of such names); the titled one is the name."""
    starts = [start for start, _ in occurrences(text, name)]
    return bool(starts) and all(any(start < at < end for start, end in titled) for at in starts)


#: The last character of a place right before a name written with its title inside (台南市|黄市长伟哲指示).
_PLACE_END_BEFORE_NAME = "市县"
#: What may follow a name written with its title inside, ending it (林委员国明、…, 叶副市长泽山担任主祭官).
_SPLIT_NAME_END = re.compile("[、，,。；;：:]|及|与|和|担任|率领|率队|出席|亲自|以「|以“")
#: A verb of speech right after a name written with its title inside (周理事长志贤吁请).
_VERB_NEXT = re.compile(
    "(?:也|亦|则|更|还|并|特别|进一步)?(?:表示|指出|强调|说明|吁请|呼吁|指示|致词|致辞|期勉|感谢(?![状函奖])|提醒|补充|主持)"
)


def _opens_clause_here(text: str, start: int) -> bool:
    return start == 0 or text[start - 1] in CLAUSE_END or text[start - 1].isspace()


#: Characters that begin a subject or a verb after a title but no name (对…, 以来…, 大会, 会面后, 颁奖致词, 莅临).
_NOT_NAME_FIRST = frozenset("对以在于向与和及由从把被给将其该这那此大各全本会双我他她颁致莅偕")


def _titled_somewhere(text: str, name: str, or_before: bool = False) -> bool:
    """``text`` writes ``name`` right after a title somewhere (外相岩屋毅, 总书记阮富仲), or, ``or_before``, right
    before one (颜振标局长)."""
    p = patterns()
    at = text.find(name)
    while at >= 0:
        if p.titled_before.search(text, max(0, at - 8), at) or (
            or_before and p.titles_after.match(text, at + len(name))
        ):
            return True
        at = text.find(name, at + 1)
    return False


@functools.cache
def _not_names() -> frozenset[str]:
    return frozenset(str(word) for word in load().language.get("not_names", []))


@functools.cache
def _lecturer_verbs() -> frozenset[str]:
    return frozenset(str(word) for word in load().language.get("lecturer_verbs", []))


@functools.cache
def _adverbs() -> frozenset[str]:
    return frozenset(str(word) for word in load().language.get("adverbs", []))


def _adverb(word: str) -> bool:
    return word in _adverbs()


#: The last character of a body's name, right before a name glued to it (教育局郑新辉局长).
_BODY_END_BEFORE_NAME = "局处部署厅院所"
#: …or a school's (复兴国中|郭百成表示，, 台南女中|李昕慧…).
_SCHOOL_ENDS = ("高中", "国中", "国小", "女中", "中学", "小学", "大学", "高工", "高商", "高职", "附中")


def _names_ending_at(text: str, at: int, longest: int = 4) -> Iterator[tuple[int, str]]:
    """The stretches of two to ``longest`` characters that end at ``at``, longest first (4: a two-character
    family name, 管理局吉川雅则局长), with where each starts."""
    for size in range(longest, 1, -1):
        if at - size >= 0:
            yield at - size, text[at - size : at]


#: Words ending in a character that is also a family name, before a person (责成林副秘书长…, 有关陈议员提及…).
_WORDS_ENDING_IN_A_SURNAME = frozenset(
    {"责成", "促成", "赞成", "组成", "公司", "上司", "官司", "有关", "相关", "攸关", "无关", "机关", "海关", "公关"}
)
#: Words of kinship that make a name of a family name (陈阿嬷, 庄爸爸).
_KIN_WORDS = ("阿嬷", "阿公", "阿伯", "阿姨", "爸爸", "妈妈", "奶奶", "爷爷", "婆婆", "伯伯", "叔叔")
#: What someone says, opening with its verb (表示，…).
_SAYS = re.compile("(?:表示|指出|强调|说)[，,：:]")
_ADVERB_ENDS = frozenset("也还又都就才再亦均则")


def _glued_name(text: str, title_at: int) -> str | None:
    """The name of two to four characters right before the title at ``title_at``, when a body's or a school's
    name ends right before it (教育局|郑新辉|局长, 复兴国中|郭百成|表示); the family name must be a listed one."""
    for start, name in _names_ending_at(text, title_at):
        if start < 1 or (text[start - 1] not in _BODY_END_BEFORE_NAME and not text.endswith(_SCHOOL_ENDS, 0, start)):
            continue
        if patterns().name.fullmatch(name) and not _title_start(name):
            return name
    return None


def _known_and_more(name: str, person: str) -> bool:
    """普京贺信, 习近平邀: a known name and the word after it (but 刘奇葆 is no 刘奇 and more)."""
    return name.startswith(person) and (len(name) - len(person) >= 2 or (len(person) >= 3 and len(name) > len(person)))


def loose_names(text: str, known: set[str]) -> dict[str, str]:
    """Names the rules do not trust, each with how it was found, for the rescoring model to weigh: a name
    named once before a speech verb (王扬智表示), glued to a body before a title (内政部徐国勇部长), or a
    transliterated name after a word such as 夫人 or 领导人."""
    p = patterns()
    surnames, not_in = _bare_name_chars()
    letters = _transliteration_chars()
    found: dict[str, str] = {}

    def keep(name: str, how: str) -> None:
        if name in found or not _plausible(name) or _title_start(name) or patterns().title_end.search(name):
            return  # (游文玫董事长表示: 董事长 is a title, no name)
        if any(name in other or other in name for other in known):
            return  # 苏明 of 苏明远, 维达尔 of 凯蒂·维达尔: a piece of a name already known
        if not transliterated(name) and _body_word(name, text):
            return
        if name[-1] in _BODY_AFTER or patterns().body_suffix.search(name, 1) or name in load().countries:
            return  # 游局, 康协会: a family name and a body's short name; 沙特表示: a country
        found[name] = how

    for m in p.bare_name.finditer(text):
        keep(m.group("name"), "once")
    for m in p.bare_foreign.finditer(text):
        if not _starts_body_name(m.group("name")):
            keep(m.group("name"), "once_foreign")
    for m in _speech_verbs().finditer(text):
        # (常务监事李茂昌表示, 学生林予乔表示: whatever word comes before the name, a listed family name starts it)
        for _, name in _names_ending_at(text, m.start(), longest=3):
            if name[0] in surnames and _HAN_ONLY.fullmatch(name) and not any(c in not_in for c in name[1:]):
                keep(name, "before_verb")
                break
    for m in p.titles_after.finditer(text):
        for _, name in _names_ending_at(text, m.start(), longest=_LOOSE_GLUED):
            if name[0] in surnames and _HAN_ONLY.fullmatch(name):
                keep(name, "glued")
                break
    for word in load().language.get("foreign_holders", []):
        at = text.find(word)
        while at >= 0:
            start = end = at + len(word)
            while end < len(text) and end - start < _LONGEST_FOREIGN and (text[end] in letters or text[end] == "·"):
                end += 1
            name = text[start:end].strip("·")
            if len(name) >= 2:
                keep(name, "after_holder")
            at = text.find(word, at + 1)
    return found


@functools.cache
def _bare_name_chars() -> tuple[frozenset[str], frozenset[str]]:
    """The family names a name standing alone may begin with, and the characters its given name never holds."""
    return frozenset(patterns().bare_surnames), frozenset(str(load().language["bare_name_not_in"]))


@functools.cache
def _speech_verbs() -> re.Pattern[str]:
    return re.compile(trie_pattern(sorted(str(word) for word in load().language["bare_name_verbs"])))


def _title_start(name: str) -> bool:
    """常务 (主席团常务主席), 关于: a word that begins a title or is no name, though shaped like one; or a family
    name and a title (谢技监), which stands for a name but is none."""
    if len(name) <= 3 and patterns().titles_after.fullmatch(name, 1):
        return True
    return any(name.startswith(str(word)) for word in load().language.get("not_name_starts", []))


_BODY_AFTER = "局处所院厅署科司"
_HAN_ONLY = re.compile(f"[{HAN}]+")
_SENTENCE_ENDS = "。；;"
#: How far before a name 对, 向 or 跟 may stand (with the character before it, which the pattern looks behind at).
_OBJECT_REACH = 32
#: 对/向/跟 and the words before a name, titles and all: the name is spoken to (对到访的美国国务卿布林肯说,
#: 向…轮值主席阿尔及利亚总统特本致贺信); not 对, 向 inside a word (针对, 应对, 正向, 方向…; 对外, 对口, 向来, 跟进:
#: 中国人民对外友好协会会长杨万明致贺词).
_OBJECT_BEFORE = re.compile(
    r"(?<![针面相绝正方导倾走意动转志取双单流去一反横纵应核比校配派紧])(?:对|向|跟)(?![外内口象话手照比往来导进踪随])"
    f"[^，,。；;！!？?\\n：:]{{0,{_OBJECT_REACH - 2}}}$"
)
#: How far after the foreign leaders they were named with 外方领导人… may refer to them.
_GROUP_REACH = 600
#: The longest name glued before a title that the model weighs (the rules read four characters only after a body).
_LOOSE_GLUED = 3
#: The longest transliterated name taken after a foreign title (巴沙尔·贾法里).
_LONGEST_FOREIGN = 8
#: How far before a name 听取 may stand (the heard one's body and title between).
_HEARD_REACH = 34
#: How far back in a sentence to look for a speech verb that puts a name inside what was said.
_SENTENCE_REACH = 120
#: …but 郑新辉局长 is a three-character name before a title, not a body.
_TITLE_AFTER_BODY_CHAR = "长"


#: A sentence that opens with a date of its own year (2019年5月，…): what it tells happened on another day.
_ROMANISED = re.compile(ROMANISED)
_YEAR_OPENED = re.compile(r"\s*(?:19|20)\d\d年(?:\d{1,2}月)?(?:\d{1,2}日)?[，,]")


#: After a companion's name (and title): 陪同下, 的陪同下, 等人陪同下.
_ACCOMPANYING = re.compile("(?:等人?)?(?:的)?陪同下")
#: The verbs of a visit or a meeting, right before the list of those visited (慰问了…, 看望…).
_VISITED = re.compile("(?:慰问|看望|会见|接见|探望|拜访)了?")
#: The fewest people a list of those visited names for a group to refer back to them.
_VISITED_FEWEST = 3
#: …and the list of those visited, up to the end of the list (等, a comma, the sentence's end).
_VISITED_ITEM = "(?:[^\\W\\d_等]|·){2,12}"
_VISITED_LIST = re.compile(f"(?P<list>{_VISITED_ITEM}(?:(?:、|和|及){_VISITED_ITEM})+?)(?=等|[，,。；;]|$)")


#: Prepositions that may open a clause right before a list of names.
_LIST_OPENERS = "由经请"


def _listed_names(listed: str) -> list[str]:
    """The names of a list (A、B和C), when most of its items begin with a family name."""
    items = [part for piece in listed.split("、") for part in _split_and(piece)]
    # (由陈碧玉、王家贞议员质询: the preposition that opens the clause is no part of the first name)
    if items and len(items[0]) == 4 and items[0][0] in _LIST_OPENERS and patterns().name.fullmatch(items[0], 1):
        items[0] = items[0][1:]
    if sum(1 for item in items if patterns().name.match(item)) * 3 >= len(items) * 2:
        return items
    return []


def _split_and(piece: str) -> list[str]:
    """鲜铁可和吴艳刚 (沈震东与陈怡珍, 尤荣智及林美燕) is two names, 叶清和 is one."""
    parts = re.split("[和与及]", piece)
    return parts if len(parts) > 1 and all(len(part) >= 2 for part in parts) else [piece]


def _inside_countries(name: str, text: str, countries_here: list[str]) -> bool:
    """斯坦 of 吉尔吉斯斯坦: every time the text writes the name, it is inside the name of a country it writes."""
    holding = [country for country in countries_here if name in country and country != name]
    if not holding:
        return False
    outside = text
    for country in sorted(holding, key=len, reverse=True):
        outside = outside.replace(country, "")
    return name not in outside


def _body_word(name: str, text: str) -> bool:
    """卫生 of 卫生局长表示 is the start of a body's name, not a person (unless the gazetteer knows them)."""
    if name in load().persons:
        return False
    # a name of three or more characters before 局长 is a person (郑新辉局长); 卫生局长 is the head of a body
    title_ok = f"(?!{_TITLE_AFTER_BODY_CHAR})" if len(name) >= 3 else ""
    return re.search(re.escape(name) + f"[{_BODY_AFTER}]{title_ok}", text) is not None


def short_forms(text: str, names: set[str], active: frozenset[str] = frozenset()) -> dict[str, str]:
    """黄市长 → 黄伟哲: a family name and a title standing for the one person of the article (or the one leader
    of the gazetteer with that title) who has that family name. In a text of ``active`` jurisdictions (a Tainan
    release), the leaders are only theirs: its 张主任 is nobody of the national list."""
    p = patterns()
    persons = load().persons
    if active:
        persons = {
            name: title for j in load().jurisdictions if j.id in active for name, title in j.persons.items()
        }
    forms: dict[str, str] = {}
    for m in p.split_name.finditer(text):
        name = m.group("surname") + m.group("given")
        if name in names:
            forms[m.group()] = name  # 黄市长伟哲 = 黄伟哲
    for m in p.surname_title.finditer(text):
        form, surname, title = m.group(), m.group("surname"), m.group("title")
        if form in forms or form in names:
            continue
        # 陈吉宁市长: 宁市长 ends a name, it is no family name with a title
        if any(text.endswith(name, 0, m.start() + 1) for name in names):
            continue
        matching = sorted(n for n in names if n.startswith(surname) and len(n) > len(surname))
        if len(matching) > 1:
            # (黄市长 among 黄伟哲 and a student 黄子安: the one the text also writes with that title, 市长黄伟哲, or
            # the one the gazetteer gives it)
            titled = [n for n in matching if title + n in text or n + title in text]
            held = [n for n in matching if title in persons.get(n, "")]
            matching = titled if len(titled) == 1 else held if len(held) == 1 else matching
        if not matching:
            matching = sorted(n for n, held in persons.items() if n.startswith(surname) and title in held)
        if len(matching) == 1:
            forms[form] = matching[0]
    return forms


def _known_short_form(surname: str, titled: str) -> bool:
    """习 + 主席习…: the family name of a gazetteer leader whose title begins ``titled`` (习主席)."""
    return any(titled.startswith(word) for word in _leader_titles().get(surname, ()))


@functools.cache
def _leader_titles() -> dict[str, frozenset[str]]:
    """Family name (first character) -> the title words of the gazetteer's leaders with that family name."""
    titles: dict[str, set[str]] = {}
    for person, held in load().persons.items():
        words = {match.group() for match in patterns().titles_after.finditer(held)}
        titles.setdefault(person[0], set()).update(words)
    return {surname: frozenset(words) for surname, words in titles.items()}


def full_forms(text: str, names: set[str]) -> dict[str, str]:
    """维达尔 → 凯蒂·维达尔: a name that the text also writes in full, with given names joined by a dot."""
    forms: dict[str, str] = {}
    if "·" not in text:
        return forms
    letters = re.escape("".join(sorted(_transliteration_chars())))
    for name in names:
        if "·" in name:
            continue
        spelled = {
            m.group() for m in re.finditer(f"(?:[{letters}]{{1,8}}·)+{re.escape(name)}(?![{letters}])", text)
        }
        if not spelled:  # the last part may begin before the name found: 穆铁礼甫·哈斯木 holds 斯木
            spelled = {
                m.group()
                for m in re.finditer(f"(?:[{HAN}]{{2,4}}·)+[{HAN}]{{0,2}}{re.escape(name)}", text)
            }
        if len(spelled) == 1:
            full = spelled.pop()
            if len(full) <= _LONGEST_FOREIGN + 6:
                forms[name] = full
    return forms


def transliterated(name: str) -> bool:
    """博鲁阿尔特, 巴沙尔·贾法里: a long name made only of the characters that spell foreign names."""
    letters = _transliteration_chars()
    return len(name) <= _LONGEST_FOREIGN and all(char in letters for char in name.replace("·", ""))


@functools.cache
def _transliteration_chars() -> frozenset[str]:
    return frozenset(str(load().language.get("transliteration", "")))


def _plausible(name: str) -> bool:
    """A name of two to four characters, or a longer one with a dot (帕巴拉·格列朗杰)."""
    return 2 <= len(name) <= 4 or ("·" in name and 5 <= len(name) <= _LONGEST_FOREIGN and not name.startswith("·"))


@functools.cache
def _body_names() -> list[str]:
    names = {
        alias
        for j in load().jurisdictions
        for table in (j.global_aliases, j.local_aliases)
        for alias in table
    }
    return sorted(names)


def _starts_body_name(word: str) -> bool:
    """乌克兰 (乌克兰政府), 哈马斯: a word that is a body's name or begins one in the gazetteer."""
    names = _body_names()
    at = bisect.bisect_left(names, word)
    return at < len(names) and names[at].startswith(word)


@dataclass
class Roles:
    speakers: list[str] = field(default_factory=list)
    attendees: list[str] = field(default_factory=list)
    # (end offset, name) of every mention, for pronouns (他指出) in later text
    mentions: list[tuple[int, str]] = field(default_factory=list)
    # foreign leaders spoke as a group (与会外方领导人高度评价…) with none of them named in the sentences before
    group_unnamed: bool = False

    def add(self, bucket: list[str], names: list[str]) -> None:
        for name in names:
            if name not in bucket:
                bucket.append(name)


@functools.lru_cache(maxsize=2048)
def _compiled(names: tuple[str, ...]) -> re.Pattern[str]:
    """The names as one pattern (many articles share a set of names)."""
    return re.compile(trie_pattern(names))


#: Endings of bodies' names (卫生部, 气象局) that no person's name has.
_BODY_ENDS = frozenset("部局厅署")
#: The characters a joiner of two names begins with.
_JOINER_STARTS = frozenset("、和及与以，,")
#: Longer than any one person's name, foreign names spelled out included.
_LONGEST_NAME = 32


#: Right after a name: maybe 亦 or 也, then a verb that opens what the person says (林渊淙亦表示，).
_NEXT_SPEAKS = re.compile(r"(?:亦|也|则|另|并|更)?(?:表示|指出|强调|说)[，,：:]")
#: After a name (and its title), the name's instruction: at most one clause of its own, then 指示, 责成 or 叮嘱.
_INSTRUCTS = re.compile(r"[^。；;！!？?\n，,]{0,30}?[，,]?(?:特别|也|更|即|亦|立即|已)?(?:指示|责成|叮嘱)")
#: An office's name and its head's title right before a name (…示范中心主任, …办公室主任, …协会理事长).
_OFFICE_TITLE_BEFORE = re.compile(
    r"(?:中心|办公室|协会|学会|基金会|[局处所科室会])的?(?:主任|理事长|局长|处长|所长|科长|会长|组长|校长|馆长|院长|主委)$"
)
#: The end of an office's name right before a name (…示范中心|钟秀琴主任); not a bare 会, which ends 领会.
_OFFICE_BEFORE = re.compile(r"(?:中心|办公室|协会|学会|基金会|委员会|[局处所科室])$")
#: Titles of heads of party, state and government, written after a name that another's speech refers to.
HEAD_TITLE = re.compile("主席|总书记|总统|总理|首相|国王")
#: A title, then 代表 right before a name: that person is represented by the one with the title (副市长代表…市长).
_REPRESENTED_BEFORE = re.compile(r"(?:长|主任|秘书|委员|书记|主委|执行长|总干事)代表$")
#: 代表 or 代理, then maybe a title of the one represented (沙特国王), right before a name; how far back it may start.
_BEHALF_BEFORE = re.compile(
    f"(?:代表|代理)(?:[^{CLAUSE_END}]{{0,8}}?(?:国王|总统|主席|首相|总理|市长|部长|王储|埃米尔))?$"
)
#: A title right before 代表 or 代理 (方进呈秘书长代表市长黄伟哲): its holder acts for the one named after.
_TITLE_BEFORE_BEHALF = re.compile("(?:长|主任|秘书|委员|书记|主委|执行长|总干事)$")
_BEHALF_REACH = 14
#: A preposition between the start of a clause and a name: the name is its object.
_PREPOSITION_BEFORE = re.compile("[与向对和同跟为把被给]")


def _opens_clause(text: str, start: int) -> bool:
    """The name at ``start`` is not the object of its clause: no preposition and no verb that takes a person
    stands before it (高度赞赏习近平主席提出的…，表示)."""
    before = text[clause_start(text, start) : start]
    return not _PREPOSITION_BEFORE.search(before) and patterns().object_verb_before.search(before) is None


#: What may stand before a title that opens a clause: a place's short name (安平区长), a name ending like a
#: place's (台南市长), or a country (俄罗斯总统).
_SHORT_PLACE = 2
_PLACE_ENDS = frozenset("市区县省州国")


def _clauses(span: str) -> int:
    return span.count("，") + span.count(",")


def _heads_clause(text: str, start: int) -> bool:
    """The name at ``start`` opens its clause, alone or after its title (市长黄伟哲…): the subject that the
    clauses after it, up to a verb of speech, go on telling of."""
    before = text[clause_start(text, start) : start].strip()
    title = patterns().title_before_end.search(before)
    if title is not None:
        before = before[: title.start()]  # (a place may stand before the title: 安平区长萧泰华)
    return not before or len(before) <= _SHORT_PLACE or before[-1] in _PLACE_ENDS or before in load().countries


def _past_title(text: str, end: int) -> int:
    """Where the title written right after a name ending at ``end`` ends (``end`` itself when there is none)."""
    title = patterns().titles_after.match(text, end)
    return title.end() if title else end


class PeopleFinder:
    """Roles of the people of one article (its candidate names compiled into one pattern)."""

    def __init__(self, names: set[str], forms: dict[str, str] | None = None, context: str = "") -> None:
        self.names = None
        self.forms = forms or {}
        self.context = context  # the whole article, where a title alone finds its holder
        if names or self.forms:
            self.names = _compiled(tuple(sorted(names | set(self.forms))))

    def visited_groups(self, text: str) -> Iterator[tuple[int, list[str]]]:
        """习近平…慰问了A、B、C…。老同志们对此表示感谢: a group that speaks is the people the sentence before named
        as those visited or met, and whoever visited them (by telephone or in person) spoke to them. Yields where
        each such group speaks, with the names."""
        for m in patterns().group_named.finditer(text):
            end = len(text[: m.start()].rstrip("。\n "))  # the end of the sentence before
            if end == 0 or m.start() - end > _GROUP_REACH:
                continue
            begin = max(text.rfind(mark, 0, end) for mark in "。\n") + 1
            # (慰问或委托…慰问了胡锦涛、…: the verb right before the list)
            for visited in _VISITED.finditer(text, begin, end):
                listed = _VISITED_LIST.match(text, visited.end(), end)
                names = _listed_names(listed.group("list")) if listed is not None else []
                if len(names) >= _VISITED_FEWEST:
                    found = self.names.finditer(text, begin, visited.start()) if self.names is not None else ()
                    hosts = [self.forms.get(n.group(), n.group()) for n in found]
                    # (every item of a list of names is a name, whatever its length: 乌云其木格, 司马义·铁力瓦尔地)
                    yield m.start(), list(dict.fromkeys([*hosts, *names]))
                    break

    def _next_name(self, text: str, at: int) -> re.Match[str] | None:
        """The next name of a chain: the nearest known name that a joiner (、, 及, ，市长…) leads to from ``at``.
        (The joiner is one pattern for every article, tried up to each place a name starts, rather than a
        pattern of joiner and names compiled for each article's names.)"""
        if self.names is None or at >= len(text) or text[at] not in _JOINER_STARTS:
            return None
        joiner, reach = patterns().joiner, at + patterns().joiner_reach
        start = at + 1
        # (searched no further than the longest name could end, so a text without names near is not read on)
        while (name := self.names.search(text, start, reach + _LONGEST_NAME)) is not None and name.start() <= reach:
            if joiner.fullmatch(text, at, name.start()):
                return name
            start = name.start() + 1
        return None

    def _holder(self, text: str, title: str) -> str | None:
        """The one person ``text`` names with ``title`` right before or after the name (黄伟哲市长, 市长黄伟哲;
        not 副市长), if there is exactly one. (A name of two characters must be a known one: 市长关心 names no
        one.)"""
        if self.names is None:
            return None
        holders = {
            self.forms.get(m.group(), m.group())
            for m in self.names.finditer(text)
            if text.startswith(title, m.end())
            or (text.endswith(title, 0, m.start()) and not text.endswith("副" + title, 0, m.start()))
        }
        holders = {name for name in holders if len(name) >= 3 or name in load().persons}
        return holders.pop() if len(holders) == 1 else None

    def _in_others_speech(self, text: str, start: int, name: str) -> bool:
        """The paragraph around ``start`` opens with what another person said (李克强表示，…), before
        ``start``."""
        paragraph = text.rfind("\n", 0, start) + 1
        opened = patterns().speech_paragraph.match(text, paragraph)
        if opened is None or opened.end() > start or self.names is None:
            return False
        speakers = {found.group() for found in self.names.finditer(opened.group())}
        return bool(speakers) and name not in speakers

    def _named_before_behalf(self, text: str, start: int) -> bool:
        """A known name or a title, then 代表 (or 代理) and maybe the title of the one represented, right before
        ``start`` (卢禹璁代表黄伟哲市长, 穆罕默德代表沙特国王萨勒曼, 方进呈秘书长代表市长黄伟哲, 赵卿惠代理市长黄伟哲):
        the name at ``start`` is represented."""
        if self.names is None:
            return False
        behalf = _BEHALF_BEFORE.search(text, max(0, start - _BEHALF_REACH), start)
        if behalf is None:
            return False
        at = behalf.start()
        if _TITLE_BEFORE_BEHALF.search(text, max(0, at - 4), at):
            return True
        return any(hit.end() == at for hit in self.names.finditer(text, max(0, at - 8), at))

    @staticmethod
    def _head_of_state(text: str, start: int, end: int) -> bool:
        """The name at ``start``…``end`` carries the title of a head of party or state, before or after it."""
        return HEAD_TITLE.match(text, end) is not None or HEAD_TITLE.search(text, max(0, start - 4), start) is not None

    def _instructed(self, text: str, start: int, end: int) -> bool:
        """The name at ``start``…``end``, no head of party or state, gives an instruction in its own clause or the
        next (市长黄伟哲非常重视…，指示交通局…)."""
        return not self._head_of_state(text, start, end) and _INSTRUCTS.match(text, end) is not None

    def _speaks_next(self, text: str, start: int, end: int) -> bool:
        """The name at ``start``…``end``, titled and no head of party or state, speaks in a clause of its own after
        another's words (黄伟哲市长指出，…，环保局长林渊淙亦表示，…)."""
        if self._head_of_state(text, start, end):
            return False
        titled = patterns().title_before_end.search(text, max(0, start - 8), start)
        return titled is not None and _opens_clause(text, titled.start()) and _NEXT_SPEAKS.match(text, end) is not None

    @staticmethod
    def _possessed(text: str, end: int) -> bool:
        """The name ending at ``end`` (maybe with its title) is followed by 的: it qualifies a noun, the subject
        of what follows (李克强同志的遗体…)."""
        return text.startswith("的", _past_title(text, end))

    @staticmethod
    def _accompanying(text: str, end: int) -> bool:
        """The name ending at ``end`` (maybe with its title) is followed by 陪同下: the person accompanies someone
        named before, who is the subject of what follows."""
        return _ACCOMPANYING.match(text, _past_title(text, end)) is not None

    def _named_earlier_in_clause(self, text: str, start: int) -> bool:
        """Another known name stands between the start of the clause and ``start``: it is the subject."""
        return self.names is not None and self.names.search(text, clause_start(text, start), start) is not None

    def roles(self, text: str, last_mention: str | None = None) -> Roles:
        roles = Roles()
        if self.names is None:
            return roles
        p = patterns()
        consumed = 0
        for m in self.names.finditer(text):
            if m.start() < consumed:
                continue
            chain = [self.forms.get(m.group(), m.group())]
            end = m.end()
            while True:
                nxt = self._next_name(text, _past_title(text, end))
                if nxt is None:
                    break
                chain.append(self.forms.get(nxt.group(), nxt.group()))
                end = nxt.end()
            romanised = _ROMANISED.match(text, end)
            if romanised is not None:
                end = romanised.end()
            consumed = end
            # (学习 or 推动 inside an office's name is no word of following: 数位学习推动办公室主任高志健表示)
            # (…学习示范中心钟秀琴主任表示: so too when the office's name ends right before a name with its title)
            if p.blocked_before.search(text, max(0, m.start() - 16), m.start()) and not (
                _OFFICE_TITLE_BEFORE.search(text, max(0, m.start() - 8), m.start())
                or (
                    _OFFICE_BEFORE.search(text, max(0, m.start() - 3), m.start())
                    and p.titles_after.match(text, m.end())
                )
            ):
                continue
            # 王沪宁表示，…习近平总书记…发表重要讲话: someone named inside what another said
            # (but 局长王铭德表示，市长黄伟哲…，指示交通局…: the instruction another reports was given)
            if (
                p.said_before.search(text, max(0, m.start() - _SENTENCE_REACH), m.start())
                and not self._instructed(text, m.start(), end)
                and not self._speaks_next(text, m.start(), end)
            ):
                continue
            # 2019年5月，习近平主席在亚洲文明对话大会上发表演讲: a sentence dated by its year tells of another day
            if _YEAR_OPENED.match(text, sentence_start(text, m.start())):
                continue
            # 李克强表示，…。习近平主席指出，…: a name with its title after it, in a paragraph that another
            # opened with what they said, is quoted in that speech
            if HEAD_TITLE.match(text, m.end()) and self._in_others_speech(text, m.start(), m.group()):
                continue
            # 副市长姜淋煌在社会局郭乃文局长陪同下致词: the companion attends; the one accompanied acts
            if self._accompanying(text, end):
                roles.add(roles.attendees, chain)
                continue
            # 赵卿惠副市长代表黄伟哲市长欢迎…: the one represented is not there; the representative speaks
            if _REPRESENTED_BEFORE.search(text, max(0, m.start() - 4), m.start()) or self._named_before_behalf(
                text, m.start()
            ):
                continue
            # (a later 他 refers to a subject, not to one congratulated or spoken to: 对岑浩辉当选…致以祝贺。他表示)
            spoken_to = _OBJECT_BEFORE.search(text, max(0, m.start() - _OBJECT_REACH), m.start()) is not None
            if not spoken_to and p.object_verb_before.search(text, max(0, m.start() - 4), m.start()) is None:
                for name in chain:
                    roles.mentions.append((end, name))
            # 陈秋宏议员关心…, 议员王家贞关切…: a legislator's question to the government
            if p.legislator_title_verb.match(text, end) or (
                p.legislator_verb.match(text, end)
                and p.legislator_title_before.search(text, max(0, m.start() - 4), m.start())
            ):
                roles.add(roles.speakers, chain)
                continue
            # 包括主讲者全国家长团体联盟理事长萧东原: the one the programme gives a lecturer's role speaks (not the
            # next of a list: …萧东原、台南市家长会联合会理事长赖建良)
            if p.lecturer_role.search(text, clause_start(text, m.start()), m.start()):
                roles.add(roles.speakers, chain[:1])
                if len(chain) == 1:
                    continue
            predicate = p.predicate.match(text, end)
            if predicate is None:
                # …宣读习近平主席贺信: the letter's writer speaks to the event
                read = p.letter_after.match(text, end) and p.read_before.search(text, max(0, m.start() - 16), m.start())
                # 听取了国务院港澳办主任夏宝龙关于…的汇报, 听取地政局长陈淑美简报: the one heard reports
                heard = p.heard_report.match(text, end) and p.heard_before.search(
                    text, max(0, m.start() - _HEARD_REACH), m.start()
                )
                # 邀请台湾照顾管理协会张淑慧老师，以实际案例…引导…: one invited to teach at the event speaks there
                invited = p.lecturer_invited.search(text, clause_start(text, m.start()), m.start()) and (
                    p.lecturer_talk.match(text, end)
                )
                if read or heard or invited:
                    roles.add(roles.speakers, chain)
                continue
            # 总理内塔尼亚胡对到访的国务卿布林肯说: the one spoken to does not speak
            if spoken_to:
                continue
            # (…，表示 after a clause of the name's own, but not when a preposition makes the name its object:
            # 与任建新同志亲属一一握手，表示慰问)
            # (nor when another name opens the clause: 李强首先转达习近平总书记…的问候，表示; so too for a comma
            # before an adverb and the verb: 迎接习近平，并为…)
            if (predicate.group("then_said") or predicate.group("comma")) and (
                not _opens_clause(text, m.start())
                or self._named_earlier_in_clause(text, m.start())
                or self._possessed(text, end)
                or (_clauses(predicate.group()) > 1 and not _heads_clause(text, m.start()))
            ):
                continue
            spoke = any(predicate.group(g) for g in ("verb", "topic_verb", "said", "group_verb", "then_said"))
            if spoke or p.attend_then_speak.match(text, predicate.end()):
                roles.add(roles.speakers, chain)
            else:
                roles.add(roles.attendees, chain)
        for m in p.attend_list.finditer(text):
            roles.add(roles.attendees, [n for n in _listed_names(m.group("list")) if _plausible(n)])
        for m in p.pronoun.finditer(text):
            ends = [e for e, _ in roles.mentions]
            index = bisect.bisect_right(ends, m.start())
            referent = roles.mentions[index - 1][1] if index else last_mention
            if referent:
                roles.add(roles.speakers, [referent])
        for m in p.bare_title.finditer(text):
            held = self._holder(self.context or text, m.group("title"))
            if held is not None:
                roles.add(roles.speakers, [held])
        for m in p.group_speech.finditer(text):
            # the foreign leaders named last, in one sentence (会见了…总统武契奇、…总理卡卡尔。外方领导人…)
            foreign = [(end, n) for end, n in roles.mentions if end <= m.start() and transliterated(n)]
            # (其他与会…领导人: the others, not those named before; no one named near: those who attended)
            if m.group().startswith("其他") or not foreign or m.start() - foreign[-1][0] > _GROUP_REACH:
                # (not a list that a colon opens, 外国领导人有：…, nor leaders who are the object of their clause,
                # 为来华的外国领导人举行欢迎宴会)
                if m.group()[-1] not in "：:" and _opens_clause(text, m.start()):
                    roles.group_unnamed = True
                continue
            before = max(text.rfind(mark, 0, foreign[-1][0]) for mark in "。\n") + 1
            roles.add(roles.speakers, [n for end, n in foreign if end > before])
        # 《求是》杂志发表…习近平的重要文章: the author of the work a periodical publishes speaks in it (the name last
        # in the span, with nothing but titles after it)
        for m in p.published_work.finditer(text):
            authors = list(self.names.finditer(text, m.start("span"), m.end("span")))
            if authors:
                rest = text[authors[-1].end() : m.end("span")]
                if not rest or p.titles_after.fullmatch(rest):
                    roles.add(roles.speakers, [self.forms.get(authors[-1].group(), authors[-1].group())])
        roles.attendees = [a for a in roles.attendees if a not in roles.speakers]
        return roles
