"""Text patterns shared by the body, metadata and section steps (data, not logic).

Patterns are matched against text folded to simplified script (``archive.fold.fold``), so one pattern serves
both scripts; folding never changes a string's length, so match positions apply to the original text.
"""

from __future__ import annotations

import functools
import re

from archive.fold import fold as _fold_uncached

# Lines that are page chrome wherever they appear (matched on the whole, whitespace-free, folded line).
CHROME_LINE = re.compile(
    r"^(?:[\[【(（]?(?:责任编辑|责编|编辑|审核|审校|校对|编审|值班编辑|监制|制作|来源编辑|初审|复审|终审)"
    r"[\]】)）]?[:：|丨]"
    r"|当前位置|您的位置|你的位置|您现在的位置|您所在的位置|所在位置|位置[:：]|首页[>＞»›/]"
    r"|分享到|分享至|分享[:：]|打印本页|打印此页|关闭窗口|【?打印】?$|【?关闭】?$|【?收藏】?$"
    r"|返回顶部|返回首页|回到顶部|上一篇|下一篇|上一页|下一页|字号[:：]?|【字[体号]|字体[:：]|\[?字体[大中小]"
    r"|相关新闻|相关阅读|相关文章|相关链接|相关报道|相关稿件|延伸阅读|推荐阅读|猜你喜欢|热门推荐|热点推荐"
    r"|扫一扫|扫描二维码|微信扫一扫|手机扫一扫|【?纠错】?|我要纠错|网站地图|联系我们|版权声明"
    r"|(?:视频|内容|节目)简介[:：]?|简介$|栏目介绍$|主要内容$|正文$|内容提要$"
    r"|特别声明[:：]?|声明[:：]|关键[字词]\s*[:：]|扫描.{0,8}二维码|长按.{0,8}二维码|点击.{0,8}(?:菜单|关注|阅读原文|在看)"
    r"|notice[:：]thecontentabove|免责声明|本文来源[:：]?.*转载"
    r"|点击(?:进入|查看|这里|收看)|(?:打开|下载).{0,6}客户端|更多精彩|阅读全文|展开全文|查看原文|原标题[:：]"
    r"|\[?(?:我来说两句|发表评论|参与评论|网友评论|评论\d*条|我要跟帖|已输入\d*字|不感兴趣|举报$|调整字体|文章关键词|关键词[:：]"
    r"|标签[:：]|已收藏|关注$|阅读\d+$|推荐\d+$|\d+条评论|评论[(（]\d*[)）]|精彩组图$|热词$"
    r"|the end|-the end-|\d*\s*条回复)"
    r")",
    re.IGNORECASE,
)

# Chrome found anywhere in a short line (footers: "某某网 版权所有", ICP numbers).
CHROME_ANYWHERE = re.compile(
    r"版权所有|copyright|©|all rights reserved|icp备|icp证|网安备|公网安备|未经授权.{0,10}(?:转载|使用)"
    r"|分享到[:：]?|打印本页|关闭窗口|责任编辑[:：]|当前位置[:：]|(?:安装|下载|打开).{0,8}客户端"
    r"|[仅不]代表.{0,12}(?:观点|立场)|如有侵权|回复【|点【在看】|(?:地址|电话)[:：].{0,60}(?:电话|传真|邮箱|邮编)[:：]|信息(?:存储|发布)(?:服务|平台)|公众号$|二维码关注|欢迎.{0,6}关注",
    re.IGNORECASE,
)

# Licence notes appended by wiki-style sources, at any length.
LICENCE = re.compile(r"公有领域|public\s*domain|维基文库|^(?:true|false)$", re.IGNORECASE)

# A heading (or short line) that introduces a list of links after the article: everything after it goes.
TRAILER_HEADING = re.compile(
    r"^(?:相关新闻|相关阅读|相关文章|相关链接|相关报道|延伸阅读|推荐阅读|猜你喜欢|热门推荐|热点推荐|更多新闻"
    r"|精彩推荐|专题推荐|热门文章|最新文章|图片新闻|网友评论|热门评论|最新评论|最热评论|全部评论|发表评论|相关推荐"
    r"|为您推荐|大家都在看|热门阅读|排行榜|热搜|评论[(（]?\d*[)）]?|相关资讯|精彩图集|为你推荐|猜你想看|热门新闻)[:：]?$"
)

# Markdown image placeholders left by republishing platforms: ![](), ![alt](url).
IMAGE_PLACEHOLDER = re.compile(r"!\[[^\]]*\]\([^)]*\)")

# 来源：上海发布   来源:新华社   稿件来源：…   (the value stops at whitespace or the next label)
SOURCE = re.compile(
    r"(?:来源|来自|稿源|出处|稿件来源|文章来源|信息来源)\s*[:：]\s*"
    r"([^\s:：|丨/,，。;；【】\[\]()（）<>]{2,30})"
)
# Words that end a source value when a label follows without a space (来源：新华社作者：…).
SOURCE_TAIL = re.compile(
    r"(?:作者|记者|编辑|责任编辑|发布时间|时间|日期|更新时间|发布日期|点击|浏览|阅读|字号|举报|分享|评论|\d).*$"
)

# Closing punctuation: a line ending with one of these is a sentence, not a heading.
SENTENCE_END = "。！？!?；;…：:”’」』\"'）)】》"
CJK_PUNCT = "，。！？；：、“”‘’（）《》「」"


@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """``archive.fold.fold`` with a cache: one paragraph is looked at by several rules."""
    return _fold_uncached(text)
