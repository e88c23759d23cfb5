"""Extract stage: raw bytes → ``Article`` (decode, find the body, drop chrome, title/date/source, sections).

Placeholder interface; the extractor is being written.
"""

from __future__ import annotations

from archive.models import Article, Document


def extract(doc: Document) -> Article:
    """Turn one acquired document into an article (metadata lists left empty for the enrich stage).

    Raises ``InputError`` for unreadable input and ``ExtractError`` when no article is found.
    """
    raise NotImplementedError
