"""Dataclasses passed between the pipeline stages: the contract between them.

``Article.to_dict()`` is the *extract format* printed by ``archive extract --json``, returned by
``/api/article/<id>`` and written by ``archive export``; ``Article.from_dict()`` reads it back.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any


def article_id_for(url: str) -> str:
    """Stable article id derived from the article's URL (16 hex digits)."""
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]


def content_hash(text: str) -> str:
    """Fingerprint of an article's text, whitespace removed (used for dedup and change detection)."""
    squeezed = "".join(text.split())
    return hashlib.sha1(squeezed.encode("utf-8")).hexdigest()


@dataclass
class Meeting:
    name: str | None = None
    date: str | None = None  # YYYY-MM-DD

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "date": self.date}


@dataclass
class Section:
    id: str
    text: str
    heading: str | None = None
    kind: str = "body"  # lead | report | remarks | attendance | body
    speakers: list[str] = field(default_factory=list)
    attendees: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    districts: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "heading": self.heading,
            "text": self.text,
            "kind": self.kind,
            "speakers": list(self.speakers),
            "attendees": list(self.attendees),
            "units": list(self.units),
            "districts": list(self.districts),
            "themes": list(self.themes),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Section:
        return cls(
            id=str(data["id"]),
            text=str(data.get("text") or ""),
            heading=data.get("heading"),
            kind=str(data.get("kind") or "body"),
            speakers=list(data.get("speakers") or []),
            attendees=list(data.get("attendees") or []),
            units=list(data.get("units") or []),
            districts=list(data.get("districts") or []),
            themes=list(data.get("themes") or []),
        )


@dataclass
class Article:
    id: str
    url: str
    title: str
    sections: list[Section] = field(default_factory=list)
    source: str | None = None
    published: str | None = None  # YYYY-MM-DD
    meeting: Meeting = field(default_factory=Meeting)
    speakers: list[str] = field(default_factory=list)
    attendees: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    districts: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    # Where the article was seen: every URL it was published under (syndication), first one first.
    urls: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The article body: section headings and texts, one per line."""
        lines: list[str] = []
        for section in self.sections:
            if section.heading:
                lines.append(section.heading)
            if section.text:
                lines.append(section.text)
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "urls": list(self.urls) or [self.url],
            "title": self.title,
            "source": self.source,
            "published": self.published,
            "meeting": self.meeting.to_dict(),
            "speakers": list(self.speakers),
            "attendees": list(self.attendees),
            "units": list(self.units),
            "districts": list(self.districts),
            "themes": list(self.themes),
            "sections": [s.to_dict() for s in self.sections],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        meeting = data.get("meeting") or {}
        return cls(
            id=str(data["id"]),
            url=str(data.get("url") or ""),
            urls=list(data.get("urls") or []),
            title=str(data.get("title") or ""),
            source=data.get("source"),
            published=data.get("published"),
            meeting=Meeting(name=meeting.get("name"), date=meeting.get("date")),
            speakers=list(data.get("speakers") or []),
            attendees=list(data.get("attendees") or []),
            units=list(data.get("units") or []),
            districts=list(data.get("districts") or []),
            themes=list(data.get("themes") or []),
            sections=[Section.from_dict(s) for s in data.get("sections") or []],
        )


@dataclass
class Document:
    """Raw input to the extract stage: the bytes as acquired, with their provenance.

    ``kind`` says how to read ``data``: ``html``, ``text`` (plain text or Markdown dump) or ``record``
    (one JSON object from a JSONL file, UTF-8 encoded).

    ``selectors`` (``html`` only, from a site rule of the crawler): ``title``, ``body`` and ``date`` as ``tag``,
    ``#id``, ``.class``, ``tag#id`` or ``tag.class``. Extract takes the article container, the title and the
    published date from the elements they match, and finds each one itself when its selector matches nothing.
    """

    data: bytes
    kind: str
    name: str  # file path or URL, for messages
    url: str | None = None
    content_type: str | None = None  # HTTP Content-Type header, when there was one
    fetched_at: str | None = None  # ISO 8601 UTC
    # Pointer into a WARC capture instead of (or besides) keeping the bytes in the store.
    warc_file: str | None = None
    warc_offset: int | None = None
    # Site rule selectors for this page: keys "title", "body", "date" (see above); empty = automatic extraction.
    selectors: dict[str, str] = field(default_factory=dict)
