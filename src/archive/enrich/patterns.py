"""Compiled patterns shared by the people and unit finders, built once from ``data/language.toml``.

All patterns run over folded text (``archive.fold.fold``: simplified script, same length as the original).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from archive.enrich.gazetteer import load
from archive.enrich.trie import trie_pattern

#: The Chinese characters: the unified block, extension A, and the extensions beyond the first plane, which
#: given names use (蔡泛𫔄, 洪𬀩哲).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f"
#: Ends a clause: a verb is never looked for across one of these.
CLAUSE_END = "，,。；;！!？?\n：:"
#: A name's romanised form written right after it (白惠兰Salau Kaljimuran指出): read past, like a title.
ROMANISED = r"[A-Z][A-Za-z'’.\-]+(?: [A-Z][A-Za-z'’.\-]+){0,3}(?=[\u4e00-\u9fff（(，,])"
#: What ends a sentence, and a pattern of any one of those marks.
SENTENCE_END = "。；;！!？?\n"
SENTENCE_MARK = re.compile(f"[{SENTENCE_END}]")
DATE = (
    r"(?:(?:\d{3,4}年)?(?:\d{1,2}月)?\d{1,2}日|\d{1,2}号(?=[\u4e00-\u9fff])(?![线楼院馆店])|[今昨明]\(\d{1,2}\)日|\d{1,2}/\d{1,2}"
    r"|(?:今天|今日|昨天|昨日)?[(（]\d{1,2}月\d{1,2}日[)）])"
    # (4月1日至5日; a Taiwan release's 109年7月15日至109年8月11日, its years counted from 1912)
    r"(?:(?:至|到|-|~|～)(?:(?:\d{3,4}年)?\d{1,2}月)?\d{1,2}日)?"
    r"(?:上午|下午|晚上|晚间|早上|中午|凌晨|傍晚|深夜)?"
)


@dataclass(frozen=True)
class Patterns:
    surnames: str  # regex fragment: one family name
    bare_surnames: str  # the family names a name standing alone may begin with (characters)
    given: str  # regex fragment: one character allowed in a given name
    name: re.Pattern[str]  # a bare name-shaped string (family name + 1-2 characters), anchored
    title_name: re.Pattern[str]  # TITLE + NAME, name in group "name"
    foreign_name: re.Pattern[str]  # 总统 + any 2-4 characters before a verb (俄罗斯总统普京表示)
    # any title, then a name spelled like a foreign one, then a speech verb (央行行长萨利赫阿巴迪表示)
    titled_foreign: re.Pattern[str]
    # any title, then a name in Latin letters of two to four words, then a speech verb (总教练Neil Adonis表示)
    titled_latin: re.Pattern[str]
    name_title: re.Pattern[str]  # NAME + TITLE + verb (黄伟哲市长表示)
    role_name: re.Pattern[str]  # ROLE + three-character NAME + verb (学生林予乔表示), group "name"
    surname_title: re.Pattern[str]  # family name + title (黄市长), groups "surname" and "title"
    # family name + title + given name (黄市长伟哲, 周理事长志贤), groups "surname", "title" and "given"
    split_name: re.Pattern[str]
    clause_surname_title: re.Pattern[str]  # surname_title opening a clause of its own (。许副市长表示)
    name_list: re.Pattern[str]  # 市领导A、B、C出席… lists, group "list"
    attend_list: re.Pattern[str]  # 出席会议的有A、B、C / 出席座谈会的党外人士还有A、B等, group "list"
    predicate: re.Pattern[str]  # what follows a name: group "verb" (speech) or "attend"
    attend_then_speak: re.Pattern[str]  # 出席会议并讲话
    joiner: re.Pattern[str]  # between two names of a chain: 、和及与, maybe the next one's title phrase
    joiner_reach: int  # the longest a joiner may be
    titles_after: re.Pattern[str]
    title_end: re.Pattern[str]  # a title at the end of a word (希腊总理高级代表, 陈亭妃立委)
    title_before_end: re.Pattern[str]  # a title written before names, at the end of a text (安平区长)
    unit_predicate: re.Pattern[str]
    place_predicate: re.Pattern[str]  # a place speaks as a body only with its own verb (浦东新区介绍)
    heard: re.Pattern[str]  # 听取… before a unit
    legislator_title_before: re.Pattern[str]  # 议员 right before a name
    legislator_verb: re.Pattern[str]  # 关心… after a name that 议员 stands before
    legislator_title_verb: re.Pattern[str]  # 议员关心… after a name
    pronoun: re.Pattern[str]
    bare_title: re.Pattern[str]  # 市长致词表示: a title alone before a speech verb, group "title"
    blocked_before: re.Pattern[str]  # 按照… before a name or body: not a role here
    unit_prefix_ok: re.Pattern[str]  # words that may stand right before a body's name
    speech_words: frozenset[str]
    # after a body: its spokesperson, or a title and a name (财政部部长蓝佛安), then group "report" (作…报告) or
    # "attend" (出席…: a guest, whatever follows)
    head_report: re.Pattern[str]
    said_before: re.Pattern[str]  # 会议强调， before a body in the same sentence: the body is in the speech
    speech_paragraph: re.Pattern[str]  # 李克强表示，…: what opens a paragraph with someone's words
    object_verb_before: re.Pattern[str]  # 高度赞赏…: a verb that takes a person, right before a name
    head_of_place: re.Pattern[str]  # 台南市长: a place's head, not its government
    report_of: re.Pattern[str]  # 作的 / 审议了 before a body followed by 关于: the body's report
    # 邀集A、B、C等单位召开会议: the bodies called together to meet take part in it
    invited_before: re.Pattern[str]  # 邀集, maybe earlier items of the list, right before a body
    invited_after: re.Pattern[str]  # the rest of the list, then the meeting verb
    lecturer_invited: re.Pattern[str]  # 邀请 earlier in the clause of a name (邀请台湾照顾管理协会|张淑慧)
    lecturer_talk: re.Pattern[str]  # after an invited name: the rest of its list, then a verb of teaching
    lecturer_name: re.Pattern[str]  # a name, its title after it, then such a talk (张淑慧老师，…引导)
    lecturer_role: re.Pattern[str]  # a lecturer's role before a name, its body and title between (主讲者…理事长|萧东原)
    # 外方领导人高度评价…: the foreign leaders named before speak together
    group_speech: re.Pattern[str]
    group_named: re.Pattern[str]  # 老同志们表示: a group of people, who may have been named just before
    periodical: re.Pattern[str]  # 《求是》杂志发表: a periodical (group name, its kind) that publishes
    published_work: re.Pattern[str]  # 《求是》杂志发表…习近平的重要文章: a periodical publishes someone's work
    # 黄永珍表示: a bare three-character name of a common family name at a clause start, right before a verb
    bare_name: re.Pattern[str]
    # 希普金斯表示: a bare name spelled like a foreign one, at a clause start, right before a verb
    bare_foreign: re.Pattern[str]
    # any two to twelve characters opening a sentence before a speech verb and a comma (岩屋毅表示，); a name only
    # when the text also writes it right after a title (see ``titled_before``)
    opening_speaker: re.Pattern[str]
    # …or two to four opening a clause after a comma (…副指挥官王志谦视讯与会，王志谦呼吁，…)
    clause_speaker: re.Pattern[str]
    titled_before: re.Pattern[str]  # a title ending right here
    # a legislator's title, then a list of names and a verb of a question (议员李中岑、方一峰关心…), group "list"
    legislator_list: re.Pattern[str]
    any_title: re.Pattern[str]  # any title, anywhere
    # 宣读习近平主席贺信: a letter of the name's, read out at the event (groups: none)
    read_before: re.Pattern[str]
    letter_after: re.Pattern[str]
    heard_before: re.Pattern[str]  # 听取(了)… in the clause before a name…
    heard_report: re.Pattern[str]  # …and (关于…的)汇报 after it: the one heard reported
    # 南市府积极争取…: the city government acting, read after its name (and the lead-in allowed before it)
    government_act: re.Pattern[str]
    government_lead: re.Pattern[str]
    government_self: tuple[str, ...]  # 本府: how a government's own notice names it
    # 米哈伊尔·波波夫3日表示: a name of two dotted parts spelled like a foreign one, right before a verb
    dotted_foreign: re.Pattern[str]
    # 日本气象厅称: a body the gazetteer does not list, at a clause start (its verb is checked apart), group "body"
    unlisted_body: re.Pattern[str]
    registered_body: re.Pattern[str]  # a company's registered name opening a clause
    dated_body: re.Pattern[str]  # a name shaped like a body's, any prefix, at a clause start and before a date
    body_shape: re.Pattern[str]  # the same name anywhere (group "body")
    body_more: re.Pattern[str]  # more words and a body's ending after one (乌克兰武装部队 + 总参谋部)
    # the ending of a body's name (委员会, 基金会, 部…), and what a list item shaped like a name may hold
    body_suffix: re.Pattern[str]
    list_body_suffix: re.Pattern[str]  # …and the endings of a list item's name (…法院, …公会)
    body_item: re.Pattern[str]
    not_body: re.Pattern[str]  # 多个, 社会组织…: a name holding one describes no single body


def _alt(words: list[str]) -> str:
    return trie_pattern(sorted(set(words)))


def _list_pattern(head: str, item: str, after: str, *, repeat: str = "+", last: str = "") -> re.Pattern[str]:
    """HEAD, then a list in group "list" (ITEM with its joiner, 、 and the like, REPEAT times, then LAST), right
    before AFTER: the verb (or the end of the text) is looked ahead to, not matched."""
    return re.compile(f"{head}(?P<list>(?:{item}){repeat}{last})(?={after})")


@functools.cache
def patterns() -> Patterns:
    lang = load().language
    surnames = "".join(str(lang["surnames"]).split())
    compound = _alt([*lang["compound_surnames"], *lang.get("japanese_surnames", [])])
    banned = re.escape(str(lang["not_in_names"]))
    title_starts = _alt(list(lang.get("not_name_starts", [])))
    given = f"(?:(?!{title_starts}|[{banned}])[{HAN}])"
    # transliterated foreign names use characters a Chinese given name would not (佩斯科夫, 约翰·柯比)
    # (nor a word of the sentence around it: 主席将率团与会, 主席团)
    foreign_char = f"(?:(?![的了在和与及是等各该其这那我你他她们将也还亦已曾并就又都均即团互相对向为邀兼用])[{HAN}·])"
    translit = re.escape(str(lang["transliteration"]))
    countries = sorted(load().countries)
    # the cities the gazetteer covers (台南市三义堂爱心协会表示) also begin names of bodies it does not list
    cities = [j.name for j in load().jurisdictions if j.markers and j.name.endswith("市")]
    surname = f"(?:{compound}|[{surnames}])"
    name_core = f"{surname}{given}{{1,2}}?"

    speech = _alt(list(lang["speech_verbs"]))
    light = _alt(list(lang["light_verbs"]))
    objects = _alt(list(lang["light_objects"]))
    # (感谢中方…: a blocker that begins a word of its own does not block)
    blockers = f"(?!{_alt(list(lang['speech_unblocked']))}){_alt(list(lang['speech_blockers']))}"
    noun_marks = "".join(f"(?<!{re.escape(str(w))})" for w in lang["speech_noun_marks"])
    # 作 inside a word (工作, 合作) is no light verb.
    light_ok = "(?<![工合协操创写运制著佳振动])"
    # 作的关于…的报告: the title of a report may run long and hold commas, not a full stop
    light_span = "[^。；;！!？?\\n]{0,200}?"
    # 以「浅谈审议民主」为题进行专题演讲: a talk given under a quoted title
    lecture = (
        f"(?:则|更|亦|也)?以[「“『\"][^」”』\"\\n]{{1,60}}[」”』\"]为题[，,]?(?:进行|发表|举行|和学员|与学员)?(?:专题|开幕)?"
        f"(?:{_alt(list(lang['lecture_verbs']))})"
    )
    speech_full = (
        f"(?:{light_ok}(?:{light}){light_span}(?:{objects})|{noun_marks}(?:{speech})(?!{blockers})|{lecture})"
    )
    # after a clause that may hold anything (就…, 出席…并), only verbs of two characters or more count
    strong = _alt([str(w) for w in lang["speech_verbs"] if len(str(w)) >= 2])
    speech_strong = (
        f"(?:{light_ok}(?:{light}){light_span}(?:{objects})|{noun_marks}(?:{strong})(?!{blockers})|{lecture})"
    )
    attend = _alt(list(lang["attendance_verbs"]))
    # 感动地表示: any short word made an adverb by 地 counts as one
    adverbs = f"(?:{_alt(list(lang['adverbs']))}|[{HAN}]{{1,2}}地(?!区|方|点|址|铁|震|下))"
    titles_before = _alt(list(lang["titles_before"]))
    # every title, as one trie (a name of foreign letters may follow any of them)
    any_title = trie_pattern(
        [*lang["titles_before"], *lang["titles_foreign"], *lang["foreign_holders"], "团长", "秘书"]
    )
    # (a deputy's title is the title with 副 before it: 王扬智副秘书长; spelled out in the one trie, which the
    # regex engine scans much faster than an optional character before it)
    titles_after = _alt([*lang["titles_after"], *(f"副{title}" for title in lang["titles_after"])])
    heads = _alt(list(lang["list_heads"]))
    spokes = _alt(list(lang["unit_spokespeople"]))

    legislator_titles = _alt(list(lang["legislator_titles"]))
    legislator_verbs = _alt(list(lang["legislator_verbs"]))
    after_name = (
        f'(?=[、，,。；;：:\\s（(“"]|$|\\d|{ROMANISED}|同志|等|和|与|及|在|于|就|对|向|为|从|到|将|今|昨|近|受|结合|围绕|针对|根据|关于|通过|有鉴于|鉴于|率|'
        f"会谈|会见|会晤|通电话|举行|简报|担任|的(?:工作)?(?:汇报|报告|简报|介绍|说明)|"
        f"(?:{speech})|(?:{light})|(?:{attend})|(?:{adverbs})|(?:{titles_after})|(?:{legislator_verbs}))"
    )
    clause = f"[^{CLAUSE_END}]"
    # …or a short place right before the verb (在合肥作宣讲报告)
    setting = (
        f"(?:(?:在|于){clause}{{1,40}}?(?:上|中|时|期间|之际|前夕|后|里|会上|现场)"
        f"|(?:在|于)[{HAN}]{{2,6}}?(?=(?:{light}|{speech})))"
    )
    # (民政局颜振标局长对疫情非常关心，并指示…: the topic's clause may end in a comma and 并 before the verb)
    # (徐留平代表中华全国总工会、…、中国残疾人联合会向大会致贺词: on behalf of a long list of bodies; but in
    # 习近平主席特别代表、…丁薛祥…致辞 the envoy speaks, not the one named before 特别代表)
    # (王全兴校长就学校的特色与愿景，阐述…: after 就, 针对 or 围绕 and its matter, a comma may come; not after
    # the 就 of 就业, 就服台, 就任…; 主任郑炳源有鉴于…偏高，指示…: the reason for an instruction; 副市长…率市府团队
    # 向市民报告: the team one leads, then the speech)
    topic = (
        f"(?:(?:(?:就(?![业服职医读任近地])|针对|围绕|有?鉴于){clause}{{1,40}}?(?:[，,]并?)?"
        f"|(?:对|结合|代表|向|同|与|为|对于|关于|受|根据|面向|通过|率领|率){clause}{{1,40}}?(?:[，,]并)?"
        f"|(?<!特别)(?<!特使)(?<!私人)代表{clause}{{41,120}}?(?:[，,]并)?))"
    )
    # (姜鹏，也讲述了…: a comma may part the names from an adverb and their verb)
    # (凯根女士(Cheryl Kagan)则分享了…, 白惠兰Salau Kaljimuran表示: the name in Latin letters, in brackets or not)
    latin_aside = r"(?:[(（][A-Za-z][A-Za-z .·'\-]{1,40}[)）]|[A-Za-z][A-Za-z .·'\-]{1,40}(?=[\u4e00-\u9fff，,]))"
    lead_in = (
        f"(?:{titles_after})?{latin_aside}?(?:{titles_after})?(?:等{clause}{{0,12}}?(?:{DATE})?|(?:{DATE})?(?:(?P<comma>[，,])(?=(?:{adverbs})))?)(?:{adverbs})*{setting}?"
        f"(?:{adverbs})*"
    )
    # …应勇，国务院有关部门负责同志到会: others join the listed people before the verb
    # 与会同志提出询问: 与会 before a noun is no verb (陪同人员同机抵达 still is one)
    plain_attend = _alt([str(a) for a in lang["attendance_verbs"] if a not in ("与会", "参会")])
    attend_verb = f"(?:(?:与会|参会)(?!同志|人员|代表|嘉宾)|{plain_attend})"
    # 在主席台执行主席席就座: seated on the rostrum
    rostrum = f"(?:在{clause}{{1,12}}?(?=就座))?"
    # …王岐山和大会主席团成员在主席台就座: a group joins the listed people before the verb
    # (…等21个阿盟国家领导人以及阿拉伯国家联盟秘书长盖特等国际组织负责人出席峰会: heads of other bodies too)
    others = (
        f"(?:[，,]{clause}{{0,20}}?(?:负责同志|负责人|同志|代表)|(?:和|及|以及){clause}{{1,12}}?成员"
        f"|(?:以及|和|及|[，,]){clause}{{1,40}}?等(?:国际组织|国际和地区组织|有关方面|各方)?(?:负责人|代表)"
        # (…伊朗代理总统穆赫贝尔和印度代表以及上海合作组织秘书长等参加: unnamed envoys and heads close the list)
        f"|(?:以及|和|及)(?:(?!的){clause}){{1,16}}?(?:代表|秘书长|负责人)等?(?={attend_verb}))?"
    )
    # 曾毓群、解冬…等6位委员，围绕…等作了发言: a group, a comma, then a long topic of its own clause and the verb
    # (刘国中、李干杰…等5位同志结合自身思想和工作实际，交流了…: the topic may hold commas of its own)
    group_topic = (
        f"等{clause}{{0,8}}?(?:[，,](?:就|围绕|针对|结合)|围绕|针对|结合)[^{SENTENCE_END}]{{1,120}}?(?:{adverbs})*"
        f"(?P<group_verb>{speech_strong})"
    )
    predicate = re.compile(
        f"(?:{group_topic}|{lead_in}(?:{others}{rostrum}(?P<attend>{attend_verb})|(?P<verb>{speech_full}|[：:](?!\\d))"
        f"|{topic}(?:{adverbs})*(?P<topic_verb>{speech_strong})"
        # 对到访的国务卿说，…: one-character verbs after a 对… phrase, before what was said
        f"|对{clause}{{1,30}}?(?P<said>说|称)(?=[，,：:“\"])"
        # 新浪刚史高度赞赏中国发展成就，表示…: a short clause of the name's own, a comma, then what it said
        # (亲切会见会议代表，向他们表示热烈祝贺 / 代表党中央向大家表示热烈欢迎: the greeting of those met)
        f"|(?:{clause}{{2,40}}?[，,]){{1,3}}?(?:{adverbs})*"
        f"(?:(?:代表{clause}{{1,20}}?)?向(?:他们|大家|与会[{HAN}]{{0,6}}|全体[{HAN}]{{0,8}}))?"
        f"(?P<then_said>表示|指出|强调|希望|指示|要求|呼吁|叮嘱|提醒|责成|期许)))"
    )
    # (公告栏, 公布栏: a notice board, where a notice is posted, is no act of the body it belongs to)
    unit_verbs = (
        f"(?:{_alt([*lang['unit_verbs'], *lang['unit_news_verbs']])}"
        # (农业农村部小麦机收调度显示: the body's own figures on a matter, as the news)
        f"|的?(?:(?!公布|发布|的)[{HAN}]){{0,8}}?(?:数据|统计|调度|监测|进度|测算)(?:结果)?显示)(?!栏)"
    )
    foreign_spokes = _alt(list(lang["unit_foreign_spokespeople"]))
    # 市府今(25)日于永华市政中心举行…: where a body held something
    venue = f"(?:于|在){clause}{{1,24}}?(?:{unit_verbs}|办理)"
    # …负责同志和老战士代表先后发言: others speak with the body's spokesperson
    with_others = f"(?:(?:[，,]?(?:[、和及与]|以及)|[，,]){clause}{{0,20}}?(?:代表|同志|负责人|专家学者|学者|专家))?"
    # (a body's name and its verb may stand apart as a notice's heading: 台南市政府 公告)
    unit_predicate = re.compile(
        f"(?:[ \u3000]{{1,2}}(?=(?:{unit_verbs})[ \u3000]*(?:\\n|$|[/／|｜])))?"
        f"(?:{_alt(list(lang['unit_subgroups']))})?"
        # 商务部等9部门发布…: the body heads a group of others that act with it
        # (…玉丰国小等10所学校共同办理, 等5家企业: counted by 所 or 家 too)
        # (…等10个公私单位，今(27)日在安平商港联合举办: the date or place of the act may follow a comma)
        f"(?:等(?:[\\d一二三四五六七八九十多]+[个所家]?)?(?:有关|相关|公私)?(?:{_alt(list(lang['unit_groups']))})"
        f"(?:[，,](?=(?:{DATE})|[于在将]|(?:共同|一同|联合|携手)))?)?"
        # 台南市政府将于11月26日在善化啤酒厂举办…: what a body will hold is its act already (a person who will
        # speak has not spoken)
        f"(?:将(?=于|在|[{HAN}]{{0,4}}(?:{unit_verbs})))?"
        # (…携手台南市性别平等促进会及盐水国小，于3月举办…: the date or place of the act after a comma)
        f"(?:[，,](?=(?:{DATE})|[于在](?:{DATE}|[\\d今明昨本])))?"
        # (卫生福利部为庆祝国际志工日，于昨(2)日…举办: the purpose of the act, in a clause of its own)
        f"(?:为了?[^，,。；;！!？?\\n]{{2,24}}?[，,](?=(?:{DATE})|[于在将]|今|昨))?"
        # (警察局黄局长指出, 教育局郑新辉局长表示: the head named by family name or name, and title)
        f"(?:(?:{surname}?(?:{spokes})(?:{name_core})?|{name_core}(?:{spokes})|(?:{foreign_spokes}){foreign_char}{{2,6}}?){with_others})?(?:{DATE})?(?:{adverbs})*{setting}?(?:{adverbs})*"
        # (中宣部、财政部等部门负责同志出席并作发言: the bodies' unnamed officials attend, then speak; a leader
        # named with a body's title who attends speaks as a guest, 中央宣传部部长李书磊应邀出席会议并作…报告)
        f"(?:(?:(?<=负责同志)|(?<=负责人))出席(?:会议|座谈会)?并)?"
        f"(?:(?P<verb>{speech_full}|{unit_verbs})|{topic}(?:{adverbs})*(?P<topic_verb>{speech_strong}|{unit_verbs})|{venue})"
        # 台南市议会第4届第7次定期会…: the body's own session, numbered
        f"|(?P<session>第[\\d一二三四五六七八九十]+届(?:第[\\d一二三四五六七八九十]+次)?(?:定期会|临时会))"
    )
    titles = _alt(list(lang["titles_before"]))
    head_verbs = _alt(list(lang["unit_head_verbs"]))
    head_objects = _alt(list(lang["unit_head_objects"]))
    sentence = "[^。；;！!？?\\n]"
    head_stops = _alt(list(lang["unit_head_stops"]))
    # 作了说明, 作了关于…的审查报告, 作的…工作报告: the light verb right after the name, the object at the end
    report = (
        f"(?:{light_ok}(?:{light})(?:(?:关于|有关|题为){light_span}|[^，,。；;\\n]{{0,10}}?)(?:{head_objects})"
        f"|(?:{head_verbs}))"
    )
    # 公安部部长王小洪，最高人民法院院长张军…到会听取意见、回答询问: others listed before the shared verb
    # (a separator never stands inside an item, so a long list is split one way only: no runaway backtracking)
    listed = "(?:[，,、][^。；;！!？?\\n，,、]{2,30}?)*?"
    place_predicate = re.compile(
        f"(?:{DATE})?(?:{adverbs})*(?:(?P<verb>{speech_full})|{topic}(?:{adverbs})*(?P<topic_verb>{speech_strong}))"
    )
    # in a list the 、 marks the ends, so any name-like item of 2-4 characters will do (斯泽夫, 欧阳明高);
    # the caller keeps a list only when most items begin with a family name
    list_item = f"{given}{{2,4}}"
    # before a 、 any 2-4 characters will do (何报翔 holds 报, 户思社 holds 社, which end bodies elsewhere), with a
    # ·-joined second part maybe (帕巴拉·格列朗杰, 艾力更·依明巴海): one such name does not break the list
    loose_item = f"(?:(?!等)[{HAN}]){{2,4}}(?:·[{HAN}]{{2,6}})?"
    # 日本气象厅, 中俄投资合作委员会: a country's, a covered city's or a national prefix, a few words, a body's ending
    # (中国—沙特高级别联合委员会: a bilateral body may begin with 中国—)
    body_shape = (
        f"(?P<body>(?:中国—)?(?:{_alt([*countries, *cities, *lang['body_prefixes']])})"
        f"(?:(?![的和与及在于是将对向从为、等各亦也]|举行|召开|出席|主持)[{HAN}]){{0,10}}?(?P<suffix>{_alt(list(lang['body_suffixes']))}))"
    )
    periodical = (
        f"《(?P<name>[^《》]{{1,12}})》(?P<kind>{_alt(list(lang['periodical_kinds']))})?"
        f"(?:{_alt(list(lang['publish_verbs']))})"
    )
    bare_surnames = "".join(str(lang["bare_name_surnames"]).split())
    # (the items of the rest of a list hold no joiner, so the list is read in one way only)
    lecturer_talk = (
        f"(?:{titles_after})?(?:(?:[、和及与]|以及)[^、和及与{CLAUSE_END}]{{1,24}}?)*?(?:等{clause}{{0,8}}?)?"
        f"[，,]?(?:{adverbs})*(?:(?:以|就|针对|从|为|向|结合|透过|通过|分别){clause}{{1,30}}?[，,]?)?(?:{adverbs})*"
        f"(?:{_alt(list(lang['lecturer_verbs']))}|担任{clause}{{0,12}}?(?:{_alt(list(lang['lecturer_roles']))}))"
    )
    return Patterns(
        surnames=surname,
        bare_surnames=bare_surnames,
        given=given,
        name=re.compile(f"{surname}{given}{{1,2}}"),
        # a three-character name right before a verb wins over a two-character one (科长方川和表示)
        title_name=re.compile(
            f"(?:{titles_before})(?:(?P<long>{surname}{given}(?![作做]|演讲|演说|讲话|发言){given})(?=(?:{adverbs})*(?:{speech_full}|{attend}))"
            f"|(?P<name>{name_core}){after_name})"
        ),
        foreign_name=re.compile(
            f"(?:{_alt(list(lang['titles_foreign']))})"
            f"(?!{speech}|{attend}|{adverbs}|{titles_after}|举行|会见|接见|会谈|会晤|通电话|表达|伉俪|夫妇|夫人|一行|率|访问|抵达|部)"
            # (苏丹红海州: a place after a title that is also a country's name is no name; 会见…特使翟隽时，: the
            # name ends before 时)
            f"(?P<name>{foreign_char}{{2,8}}?)(?<![州省市县时])(?!{titles_after})"
            f"(?=(?:{DATE})?(?:{adverbs})*{setting}?(?:{adverbs})*"
            # (埃及总统塞西高度赞赏…，表示: an appraisal, then what was said)
            f"(?:{speech_full}|{attend}|举行|会见|会谈|访华|访问|抵达|一行|率领|通电话|高度赞赏|赞赏|同|对|和|与|及|等|[，,、。；;]|$))"
        ),
        titled_foreign=re.compile(
            f"(?:{any_title})(?P<name>[{translit}·]{{3,8}}?)(?=(?:{DATE})?(?:{adverbs})*(?:{speech_full}))"
        ),
        titled_latin=re.compile(
            f"(?:{any_title})(?P<name>[A-Z][A-Za-z'\\-]+(?:[ ·][A-Z][A-Za-z'\\-]+){{1,3}})"
            f"(?=\\s*(?:{DATE})?(?:{adverbs})*(?:{speech_full}))"
        ),
        role_name=re.compile(
            f"(?:{_alt(list(lang['role_titles']))})(?P<name>{surname}{given}{{2}})"
            f"(?=(?:{DATE})?(?:{adverbs})*{setting}?(?:{adverbs})*(?:{speech_full}))"
        ),
        name_title=re.compile(
            # 何志敏常委代表民进中央发言: speaking for a body
            # (许引弦处长及郑明昌理事担任讲座: other titled names may stand between the title and the verb)
            f"(?P<name>{name_core})(?:{titles_after})"
            f"(?=(?:(?:[、及和与]|以及){name_core}(?:{titles_after}))*(?:{DATE})?(?:{adverbs})*(?:{speech_full}|{attend}|{legislator_verbs}|就|在|于|受|对|代表{clause}{{2,16}}?(?:{speech_full})|(?:为|针对){clause}{{1,16}}?(?:{speech_full})))"
        ),
        attend_list=_list_pattern(
            f"(?:(?:{_alt(list(lang['attendance_list_heads']))})"
            f"|(?:出席|参加|列席|就座)[^。；;！!？?\\n，,]{{0,12}}?的[^。；;！!？?\\n，,]{{0,12}}?(?:还|也)?有)[：:]?",
            f"{loose_item}[、和]",
            "等|[。；;，,\\n]|$",
            last=loose_item,
        ),
        surname_title=re.compile(f"(?P<surname>{surname})(?P<title>{titles_after})"),
        split_name=re.compile(f"(?P<surname>{surname})(?P<title>{titles_after})(?P<given>{given}{{2}})"),
        clause_surname_title=re.compile(f"(?<![{HAN}])(?P<surname>{surname})(?P<title>{titles_after})"),
        name_list=_list_pattern(
            # (由陈碧玉、王家贞、吴禹寰议员质询: 由 before the names that act)
            f"(?:(?:{heads})|(?:{titles_before})|^|(?<=[，,。；;：:\\s由]))",
            f"{loose_item}[、和与及]",
            # 市议员郭清华、沈震东与陈怡珍议员亦到现场: the title may close the list too
            # (薛其坤、孙东明、姜鹏，也讲述了…: a comma may part the list from an adverb and its verb)
            # (叶聪、莫荣、张兴赢也分别就…等问题回答了…: a topic of their own before the verb)
            f"{group_topic}|(?:{adverbs})*{topic}(?:{adverbs})*{speech_strong}"
            f"|(?:{titles_after})?(?:等{clause}{{0,8}}?|[，,](?=(?:{adverbs})))?(?:{adverbs})*{others}{rostrum}"
            f"(?:{attend}|{speech_full})",
            last=f"{list_item}?",
        ),
        predicate=predicate,
        # 出席会议并讲话, 出席…时表示, 出席大会发表讲话; not 到场表达关心与鼓励 (what is expressed is no speech)
        # (到会祝贺: coming to congratulate is attending, and so is 出席欢迎仪式, where the verb names the
        # ceremony; 到会祝贺并讲话 still speaks)
        attend_then_speak=re.compile(
            f"(?!祝贺(?!并))(?:(?!表达|表示){clause}){{0,20}}?(?:并|时|后|[，,](?=分别|并|先后))?(?:{adverbs})*"
            f"(?!欢迎(?:仪式|宴会|晚宴|午宴|酒会|典礼|晚会|会))(?:{speech_strong})"
        ),
        # between two names of a chain: 、 and the like, maybe the second one's title phrase
        # (民革中央主席郑建邦、民盟中央主席丁仲礼…先后发言)
        joiner=re.compile(
            f"(?:[、和及与]|以及)(?:{clause}{{0,16}}?(?:{titles_before}))??"
            f"|[，,]{clause}{{0,24}}?(?:{titles_before})"
        ),
        joiner_reach=1 + 24 + max(len(str(title)) for title in lang["titles_before"]),
        titles_after=re.compile(titles_after),
        title_end=re.compile(f"(?:{titles_after})$"),
        title_before_end=re.compile(f"(?:{titles_before})$"),
        unit_predicate=unit_predicate,
        place_predicate=place_predicate,
        heard=re.compile("(?:听取|听了|听取了)$"),
        legislator_title_before=re.compile(f"(?:{legislator_titles})$"),
        legislator_verb=re.compile(f"(?:{adverbs})*(?:{legislator_verbs})"),
        legislator_title_verb=re.compile(f"(?:{legislator_titles})(?:{adverbs})*(?:{legislator_verbs})"),
        pronoun=re.compile(
            f"(?<![其])(?P<pronoun>他|她)(?![们])(?:{adverbs})*{setting}?(?:{adverbs})*(?P<verb>{speech_full})"
        ),
        bare_title=re.compile(
            f"(?:^|(?<=[，,。；;：:\\s」”]))(?P<title>{_alt(list(lang['bare_titles']))})"
            f"(?:{adverbs})*{setting}?(?:{adverbs})*(?P<verb>{speech_full})"
        ),
        speech_words=frozenset(str(w) for w in lang["speech_verbs"]),
        unit_prefix_ok=re.compile(f"(?:{_alt(list(lang['unit_prefix_ok']))})$"),
        blocked_before=re.compile(f"(?:{_alt(list(lang['role_blockers_before']))}){clause}{{0,12}}$"),
        # (公安部分管日常工作的副部长王小洪: a short phrase with 的 may stand before the title)
        head_report=re.compile(
            f"(?:(?:{clause}{{2,10}}?的)?(?:常务副|副)?(?:{titles})(?:{name_core})|(?:{spokes})){listed}(?:{DATE})?(?:{adverbs})*{setting}?(?:{adverbs})*"
            # (中国人民银行行长潘功胜就关于提请审议…的议案作了说明: the matter explained may be long)
            f"(?:(?:就|对|关于){clause}{{8,60}}?(?=(?:{adverbs})*(?:{report})))?"
            f"(?:(?P<attend>{head_stops})|(?:(?!{head_stops}){clause}){{0,8}}?(?P<report>{report}))"
        ),
        said_before=re.compile(f"(?:{_alt(list(lang['speech_openers']))})[，,：:]{sentence}*$"),
        # 李克强表示，…。习近平主席指出，…: a paragraph opened by what someone said (its own name first)
        speech_paragraph=re.compile(f"(?:[^，,。；;\\n]{{1,20}}时[，,])?[^，,。；;\\n]{{2,16}}?(?:{_alt(list(lang['speech_openers']))})[，,：:]"),
        object_verb_before=re.compile(f"(?:{_alt(list(lang['object_verbs']))})了?$"),
        head_of_place=re.compile(_alt(list(lang["head_of_place"]))),
        report_of=re.compile("(?:作的|审议了)$"),
        periodical=re.compile(periodical),
        published_work=re.compile(f"{periodical}(?P<span>[^，,。；;\\n《]{{2,60}}?)的?(?:重要|署名)?(?:文章|讲话)"),
        group_speech=re.compile(
            # (其他与会海方领导人, 与会阿方领导人: the leaders of one side, by its one-character name; 与会成员国领导人:
            # those of the member states)
            f"(?:{_alt(list(lang['group_subjects']))}|(?:其他)?与会(?:[{HAN}]方|成员国|各国)领导人)(?:{adverbs})*{clause}{{0,12}}?"
            f"(?:{speech_full}|{_alt(list(lang['group_verbs']))})"
        ),
        # 老同志们对此表示感谢: a group (…们, not a pronoun) that opens its clause and speaks
        group_named=re.compile(
            f"(?:^|(?<=[，,。；;\\n]))(?![他她我你咱人]们)[{HAN}]{{1,5}}们(?:对此|{adverbs})*{clause}{{0,12}}?"
            f"(?:{speech_full}|{_alt(list(lang['group_verbs']))})"
        ),
        bare_name=re.compile(
            f"(?:^|(?<=[，,。；;：:\\s」”]))(?P<name>[{bare_surnames}]"
            f"(?:(?![{re.escape(str(lang['bare_name_not_in']))}]){given}){{2}})"
            f"(?=(?:{_alt(list(lang['bare_name_verbs']))}))"
        ),
        bare_foreign=re.compile(
            f"(?:^|(?<=[，,。；;：:\\s」”]))(?P<name>[{translit}]{{2,8}}(?:·[{translit}]{{2,8}})?)"
            f"(?=等?(?:{_alt([*lang['bare_name_verbs'], *lang['bare_foreign_verbs']])}))"
        ),
        opening_speaker=re.compile(
            f"(?:^|(?<=[。！？!?\\n]))(?P<name>[{HAN}·]{{2,12}}?)(?:{adverbs})*(?:表示|指出|强调|说|称)[，,：:]"
        ),
        clause_speaker=re.compile(
            f"(?<=[，,])(?P<name>[{HAN}]{{2,4}}?)(?:{adverbs})*(?:表示|指出|强调|呼吁|提醒|说明)[，,：:]"
        ),
        titled_before=re.compile(f"(?:{any_title})$"),
        legislator_list=re.compile(
            f"(?:{legislator_titles})(?P<list>(?:{list_item}[、和与及])+{list_item})(?:{adverbs})*(?:{legislator_verbs})"
        ),
        any_title=re.compile(any_title),
        # (会上传达了习近平重要指示: an instruction to this meeting, conveyed at it; not 传达学习…重要讲话和指示精神,
        # the study of what was said elsewhere)
        read_before=re.compile(f"(?:宣读了?|传达(?:学习)?了|(?<=会上)传达){clause}{{0,14}}$"),
        letter_after=re.compile(f"(?:{titles_after})?的?(?:贺信|贺电|贺词|致信|重要(?:指示|批示)(?!精神))"),
        heard_before=re.compile(f"听取了?{clause}{{0,30}}$"),
        heard_report=re.compile(f"(?:{titles_after})?(?:关于{clause}{{0,80}}?的|(?:所?作)?的)?(?:工作)?(?:汇报|报告|简报|介绍|说明)"),
        government_act=re.compile(
            f"(?!{_alt(list(lang['government_not_after']))})"
            # (台南市政府为感谢志工的付出，今日…办理: a clause of purpose, of time or of a partner may come first:
            # 市府针对…，推出; 台南市政府今(8)日携手…，于…共同举办)
            f"(?:(?:为|针对|携手|结合|今\\(\\d+\\)日){clause}{{1,50}}?[，,])?"
            f"(?:(?!{_alt(list(lang['government_background']))}|自\\d|自民国){clause}){{0,30}}?"
            f"(?:{_alt(list(lang['government_acts']))})"
        ),
        government_self=tuple(str(word) for word in lang["government_self"]),
        government_lead=re.compile(f"(?:{_alt(list(lang['government_leads']))})?[\\s\u3000]*"),
        dotted_foreign=re.compile(
            # (谢尔达尔·别尔德穆哈梅多夫: the family name may run to eight characters)
            f"(?<![{translit}·])(?P<name>[{translit}]{{2,6}}·[{translit}]{{2,8}})"
            f"(?=(?:{DATE})?(?:{adverbs})*{setting}?(?:{adverbs})*(?:{speech_full}))"
        ),
        # (社团法人台南市…协会: a legal form before the name is no part of it)
        unlisted_body=re.compile(f"(?:^|(?<=[，,。；;：:\\s」”]))(?:社团法人|财团法人)?{body_shape}"),
        # (周大观文教基金会今(3)日在…举办: a body of any name that a date follows opens the clause of its act)
        dated_body=re.compile(
            f"(?:^|(?<=[，,。；;：:\\s」”]))(?:社团法人|财团法人)?"
            f"(?P<body>(?!据|根据|依据|经|接续|{_alt([*countries, *lang['body_prefixes']])})"
            f"(?:(?![的和与及在于是将对向从为、等各亦也由])[{HAN}]){{2,14}}?"
            # (…协进会于7月29日在台北举行; …基金会为持续推动偏乡艺阵教育，今(26)日…: 于 or the purpose of the act
            # may come before the date)
            f"(?P<suffix>{_alt(list(lang['local_body_suffixes']))}))"
            f"(?=于?(?:{DATE})|为了?[^，,。；;！!？?\\n]{{2,24}}?[，,](?:{DATE}|于|在|今|昨))"
        ),
        # (亚东工业气体股份有限公司表示…: a company's registered name, whose legal form ends it, is a name of its
        # own wherever the clause it opens begins)
        registered_body=re.compile(
            f"(?:^|(?<=[，,。；;：:\\s」”]))"
            f"(?P<body>(?!据|根据|依据|经|接续|由|与|和|及|在|于|为|对|向|从|让|请|感谢|包括|今年|去年|此次|本次|目前)"
            f"(?:(?![的和与及在于是将对向从为、等各亦也由])[{HAN}]){{2,14}}?"
            f"(?P<suffix>{_alt(list(lang['registered_body_suffixes']))}))"
        ),
        body_shape=re.compile(body_shape),
        body_more=re.compile(
            f"(?:(?![的和与及在于是将对向从为、等各亦也])[{HAN}]){{0,10}}?(?P<suffix>{_alt(list(lang['body_suffixes']))})"
        ),
        body_suffix=re.compile(_alt(list(lang["body_suffixes"]))),
        list_body_suffix=re.compile(_alt([*lang["body_suffixes"], *lang["list_body_suffixes"]])),
        not_body=re.compile(f"{_alt(list(lang['not_body_words']))}|(?:{_alt(list(lang['not_body_ends']))})$"),
        body_item=re.compile(
            # (平等 is a word of a name, 性别平等促进会; 等 alone ends a list)
            f"(?![本该此其我])(?:(?![的之和与及或在于是将向从为、各亦也]|(?<!平)等|对(?!外)|分别)[{HAN}A-Za-z\\d\\-—]){{2,24}}"
        ),
        # the body stands inside the list: the items before it end with 、, those after it begin with one
        invited_before=_list_pattern(
            f"(?:{_alt(list(lang['invite_verbs']))})", f"{clause}{{0,60}}?、", "$", repeat="?"
        ),
        invited_after=_list_pattern(
            "",
            # (an item holds no 、 of its own, so a long list is read in one way, not in exponentially many)
            f"、[^、{CLAUSE_END}]{{1,20}}",
            f"(?:等{clause}{{0,8}}?)?(?:共同|一同|一起|并)?(?:{_alt(list(lang['invited_meet']))})",
            repeat="*?",
        ),
        # (应邀 is one coming at another's invitation: the verb after it tells what they did)
        lecturer_invited=re.compile(f"(?<!应)(?:{_alt(list(lang['lecturer_invite_words']))}){clause}{{0,80}}$"),
        lecturer_role=re.compile(
            f"(?:{_alt(list(lang['lecturer_roles_before']))})[为是的]?[^、{CLAUSE_END}]{{0,{int(lang['lecturer_role_reach'])}}}$"
        ),
        lecturer_talk=re.compile(lecturer_talk),
        # (张淑慧老师，以实际案例…引导: a name before its title is a name when what follows is such a talk)
        lecturer_name=re.compile(f"(?P<name>{name_core})(?=(?:{titles_after}))(?={lecturer_talk})"),
    )


def sentence_start(text: str, at: int, marks: str = "。！？\n") -> int:
    """Where the sentence holding offset ``at`` of ``text`` begins: right after the last of ``marks`` before it."""
    return max(text.rfind(mark, 0, at) for mark in marks) + 1


def clause_start(text: str, at: int, lowest: int = 0) -> int:
    """Where the clause holding offset ``at`` of ``text`` begins: right after the last clause mark before it,
    looking back no further than ``lowest``."""
    return max(lowest, max(text.rfind(mark, lowest, at) for mark in CLAUSE_END) + 1)
