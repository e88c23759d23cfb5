"""Extract stage: raw bytes → ``Article`` (decode, find the body, drop chrome, title/date/source, sections).

``extract(doc)`` reads the three kinds of ``Document``: ``html`` pages, ``text`` dumps (plain text or
Markdown) and ``record`` (one JSON object from a JSONL file). Metadata lists (speakers, units…) are left for
the enrich stage, except a record's ``department``/``unit``, which becomes ``article.units``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from archive.errors import ExtractError, InputError
from archive.extract import body, meta
from archive.extract.decode import decode_bytes
from archive.extract.patterns import fold
from archive.extract.sections import Paragraph, split_sections
from archive.extract.text import is_meta_line, read_lines, unescape_references
from archive.models import Article, Document, Meeting, Section, article_id_for

__all__ = ["decode_bytes", "extract"]

MIN_ARTICLE_CHARS = 10
_CLOCK = re.compile(r"\d{1,2}:\d{2}")
# How many blocks before the article container are searched for its date and source.
_META_WINDOW = 25


def extract(doc: Document) -> Article:
    """Turn one acquired document into an article (metadata lists left empty for the enrich stage).

    Raises ``InputError`` for unreadable input and ``ExtractError`` when no article is found.
    """
    if not doc.data or not doc.data.strip():
        raise InputError(f"{doc.name}: empty file")
    if doc.kind == "record":
        return _from_record(doc)
    try:
        text = decode_bytes(doc.data, doc.content_type)
    except InputError as exc:
        raise InputError(f"{doc.name}: {exc}") from None
    if doc.kind == "html":
        return _from_html(doc, text)
    if doc.kind == "text":
        return _from_text(doc, text)
    raise InputError(f"{doc.name}: unsupported document kind {doc.kind!r}")


def _default_url(doc: Document) -> str:
    if doc.url:
        return doc.url
    if "://" in doc.name:
        return doc.name
    return Path(doc.name).resolve().as_uri()


def _tidy_title(title: str) -> str:
    title = " ".join(title.split())
    return title.rstrip("。.").strip() if len(title) > 1 else title


def _build(
    doc: Document,
    url: str,
    title: str,
    paragraphs: list[Paragraph],
    *,
    published: str | None,
    source: str | None,
    units: list[str] | None = None,
) -> Article:
    paragraphs = [p for p in paragraphs if p.text.strip()]
    if sum(len(p.text) for p in paragraphs) < MIN_ARTICLE_CHARS and not title:
        raise ExtractError(f"{doc.name}: no article found")
    if not paragraphs:
        raise ExtractError(f"{doc.name}: no article text found")
    article_id = article_id_for(url)
    parts = split_sections(paragraphs)
    sections = [
        Section(id=f"{article_id}#{n}", text=part.text, heading=part.heading, kind=part.kind)
        for n, part in enumerate(parts)
    ]
    lead = " ".join([title, *(p.text for p in paragraphs[:4])])
    article = Article(
        id=article_id,
        url=url,
        title=_tidy_title(title) or _tidy_title(paragraphs[0].text[:60]),
        sections=sections,
        source=source,
        published=published,
        meeting=Meeting(date=meta.meeting_date(lead, published)),
        units=list(units or []),
        urls=[url],
    )
    return article


# --- HTML ----------------------------------------------------------------------------------------------------


def _from_html(doc: Document, text: str) -> Article:
    root = body.parse(text)
    chosen = _selected(root, doc.selectors)
    page = body.find_article(root, chosen.get("body"))
    if not page.article:
        raise ExtractError(f"{doc.name}: no article found")
    first, last = page.article[0].index, page.article[-1].index
    title = _selected_title(chosen.get("title")) or _html_title(root, page.blocks, first)
    folded_title = _letters(meta.strip_title_markers(title))

    meta_lines: list[str] = []
    paragraphs: list[Paragraph] = []
    for block in page.article:
        if not paragraphs and folded_title and _letters(meta.strip_title_markers(block.text)) == folded_title:
            continue  # the title repeated above the text
        if is_meta_line(block.text) and not (paragraphs and _is_signature_date(block.text)):
            meta_lines.append(block.text)
            continue
        hint = bool(block.heading >= 2 or (block.bold_only and block.chars <= 80))
        # (a page escaped twice shows its references as text: &amp;hellip; reads …)
        paragraphs.append(Paragraph(unescape_references(block.text), hint))
    title = unescape_references(title)
    if not title and paragraphs:
        title = paragraphs[0].text[:60]

    url = meta.canonical_url(root) or _default_url(doc)
    # Date and source lines sit just above the text (or inside its first lines), sometimes below it.
    near = [b.text for b in page.blocks[max(0, first - _META_WINDOW) : first + 20]]
    after = [b.text for b in page.blocks[max(0, last - 3) : last + 30] if len(b.text) <= 80]
    published = (
        _selected_date(chosen.get("date"))
        or meta.date_from_meta(root)
        or meta.date_from_lines(near, labelled_only=True)
        or meta.date_from_url(doc.url or url)
        or meta.date_from_lines(after, labelled_only=True)
        or meta.date_from_lines(near[: _META_WINDOW + 3])
        or meta.date_from_lines(after)
    )
    tail = [p.text for p in paragraphs[-3:]]
    source = meta.find_source(near + meta_lines + tail) or meta.meta_content(root, "source", "og:site_name")
    paragraphs = [p for p in paragraphs if not _is_source_line(p.text)]
    return _build(doc, url, title, paragraphs, published=published, source=source)


def _selected(root: Any, selectors: dict[str, str]) -> dict[str, Any]:
    """For each site rule selector, the first element it matches that holds text (none: extract as usual)."""
    chosen: dict[str, Any] = {}
    for key in ("title", "body", "date"):
        selector = selectors.get(key)
        if not selector:
            continue
        for el in body.select(root, selector):
            if body.element_text(el):
                chosen[key] = el
                break
    return chosen


def _selected_title(el: Any) -> str:
    """The title element's text without site suffixes (发布会 | 上海发布 → 发布会)."""
    return meta.clean_title(body.element_text(el), []) if el is not None else ""


def _selected_date(el: Any) -> str | None:
    return meta.find_date(body.element_text(el)) if el is not None else None


def _html_title(root: Any, blocks: list[body.Block], first: int) -> str:
    """og:title or <title> without site suffixes, preferring a page heading it starts with."""
    heading_blocks = [b for b in blocks if b.heading in (1, 2, 3) and len(b.text) >= 4]
    heading_blocks.sort(key=lambda b: abs(b.index - first))  # the title usually sits just above the text
    headings = [b.text for b in heading_blocks]
    raw = meta.meta_content(root, "og:title", "twitter:title")
    if not raw:
        title_el = root.find(".//title")
        raw = "".join(title_el.itertext()) if title_el is not None else ""
    if raw.strip():
        return meta.clean_title(raw, headings)
    return headings[0] if headings else ""


def _is_signature_date(text: str) -> bool:
    """A written-out date without a clock time (2023年3月10日于北京): the closing line of a notice."""
    return "年" in text and _CLOCK.search(text) is None


def _letters(text: str) -> str:
    """Text without spaces and punctuation, folded: for comparing a line with the title."""
    return "".join(ch for ch in fold(text) if ch.isalnum())


def _is_source_line(text: str) -> bool:
    return len(text) <= 40 and meta.find_source([text]) is not None and "。" not in text


# --- text dumps ----------------------------------------------------------------------------------------------


def _from_text(doc: Document, text: str) -> Article:
    dump = read_lines(text)
    if not dump.paragraphs and not dump.title:
        raise ExtractError(f"{doc.name}: no article text found")
    published = meta.date_from_lines(dump.meta_lines)
    source = meta.find_source(dump.meta_lines)
    paragraphs = list(dump.paragraphs)
    if not paragraphs and dump.title:
        paragraphs = [Paragraph(dump.title)]
    return _build(doc, _default_url(doc), dump.title or "", paragraphs, published=published, source=source)


# --- JSONL records -------------------------------------------------------------------------------------------


def _field(record: dict[str, Any], *names: str) -> str:
    for name in names:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
    return ""


def _from_record(doc: Document) -> Article:
    try:
        record = json.loads(doc.data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{doc.name}: not a JSON object: {exc}") from None
    if not isinstance(record, dict):
        raise InputError(f"{doc.name}: not a JSON object")
    content = _field(record, "content", "body", "text")
    title = unescape_references(_field(record, "title"))
    if not content:
        raise ExtractError(f"{doc.name}: record has no content")
    dump = read_lines(content, title_from_first_line=not title, known_title=title or None)
    title = title or dump.title or ""
    published = meta.find_date(_field(record, "published", "date", "publish_date", "time")) or (
        meta.date_from_lines(dump.meta_lines)
    )
    source = _field(record, "source") or meta.find_source(dump.meta_lines) or None
    unit = _field(record, "department", "unit")
    url = _field(record, "url") or doc.url or _default_url(doc)
    # (the text of a whole page whose article holds nothing past its heading is its title alone)
    paragraphs = dump.paragraphs or [Paragraph(title if dump.whole_page and title else content)]
    return _build(doc, url, title, paragraphs, published=published, source=source, units=[unit] if unit else [])
