"""The Whoosh schema of the section index and how an article becomes its documents.

One document per section. Matching uses ``ng`` (character bigrams with positions: exact substrings, see
``archive.index.matching``); ranking adds ``words`` (jieba words of heading and text) and ``title`` (jieba
words of the article's title). Facet fields hold folded values, one term per value; the values as the
article states them are stored in ``meta`` for display.
"""

from __future__ import annotations

import json
from typing import Any

from whoosh.fields import ID, KEYWORD, STORED, Schema

from archive.index.analysis import normalize
from archive.index.fields import BigramField, WordField
from archive.models import Article, Section

# Bump when the schema or the analysis changes: older indexes then ask for ``archive index --rebuild``.
SCHEMA_VERSION = 6

BIGRAM_FIELD = "ng"  # exact substrings (archive.index.matching)

# Filter/facet name → index field. "year" is derived from the date.
FACET_FIELDS = ("speaker", "attendee", "unit", "district", "theme", "meeting")
LIST_ATTRS = {
    "speaker": "speakers",
    "attendee": "attendees",
    "unit": "units",
    "district": "districts",
    "theme": "themes",
}
FILTER_FIELDS = (*FACET_FIELDS, "year")


def build_schema() -> Schema:
    facet = {name: KEYWORD(commas=True, scorable=False, lowercase=False) for name in FACET_FIELDS}
    return Schema(
        section_id=ID(stored=True, unique=True),
        article_id=ID(stored=True),
        date=ID(stored=True, sortable=True),  # published, else meeting date; "" when unknown
        year=ID(stored=False),
        title=WordField(stored=True, sortable=True),  # column: completion
        words=WordField(),
        ng=BigramField(),
        heading=STORED(),
        text=STORED(),
        meta=STORED(),
        **facet,
    )


def content(section: Section) -> str:
    """The searchable text of a section: its heading, then its text."""
    return f"{section.heading}\n{section.text}" if section.heading else section.text


def facet_values(values: list[str]) -> str:
    """Folded values joined for a comma-separated KEYWORD field (commas inside a value become full-width)."""
    seen: list[str] = []
    for value in values:
        folded = normalize(value.strip()).replace(",", "，")
        if folded and folded not in seen:
            seen.append(folded)
    return ",".join(seen)


def article_date(article: Article) -> str:
    return article.published or article.meeting.date or ""


def section_documents(article: Article) -> list[dict[str, Any]]:
    """Whoosh documents for the article's sections; an empty section list in a section inherits the article's."""
    date = article_date(article)
    docs: list[dict[str, Any]] = []
    for section in article.sections:
        lists = {name: (getattr(section, attr) or getattr(article, attr)) for name, attr in LIST_ATTRS.items()}
        meeting = [article.meeting.name] if article.meeting.name else []
        text = content(section)
        meta = {
            "url": article.url,
            "source": article.source,
            "published": article.published,
            "meeting": article.meeting.to_dict(),
            "kind": section.kind,
            **{attr: list(lists[name]) for name, attr in LIST_ATTRS.items()},
        }
        doc: dict[str, Any] = {
            "section_id": section.id,
            "article_id": article.id,
            "date": date,
            "title": article.title,
            "words": text,
            BIGRAM_FIELD: text,
            "heading": section.heading or "",
            "text": section.text,
            "meta": json.dumps(meta, ensure_ascii=False),
            "meeting": facet_values(meeting),
        }
        if date[:4].isdigit():
            doc["year"] = date[:4]
        for name in LIST_ATTRS:
            value = facet_values(lists[name])
            if value:
                doc[name] = value
        if not doc["meeting"]:
            del doc["meeting"]
        docs.append(doc)
    return docs
