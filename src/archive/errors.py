"""One exception hierarchy. Every message is a single line a user can act on, naming what failed."""

from __future__ import annotations


class ArchiveError(Exception):
    """Base of every error we raise on purpose; ``str(err)`` is the user-facing message."""

    exit_code = 1


class InputError(ArchiveError):
    """A file, record or page cannot be read (missing, empty, binary, too large, wrong type)."""


class ExtractError(ArchiveError):
    """A document was read but no article could be extracted from it."""


class StoreError(ArchiveError):
    """The document store cannot be opened or written."""


class SearchIndexError(ArchiveError):
    """The search index is missing, locked, or was built by another schema version."""


class QueryError(ArchiveError):
    """A search query or one of its parameters cannot be understood."""

    exit_code = 2


class CrawlError(ArchiveError):
    """A crawl cannot start (bad URL, bad rules file)."""


class ConfigError(ArchiveError):
    """A setting has a value we cannot use."""
