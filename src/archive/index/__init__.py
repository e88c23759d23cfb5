"""Index stage: the Whoosh index of sections. Every Whoosh import lives under this package.

Placeholder interface; the index is being written.
"""
