"""Acquire stage: documents from local files and folders, and from the web (fetch, robots, frontier, WARC)."""
