"""Enrich stage: speakers, attendees, units, districts, themes and meeting, per article and per section.

Placeholder interface; the enricher is being written.
"""

from __future__ import annotations

from archive.models import Article


def enrich(article: Article) -> Article:
    """Fill the article's and its sections' metadata lists in place and return the article."""
    return article


def lexicon() -> list[str]:
    """Names and units the tokenizer must keep whole (for jieba's user dictionary)."""
    return []
