"""archive: full-text search over Chinese government meeting reports."""

__version__ = "0.1.0"
