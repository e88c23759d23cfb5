"""Blueprints: ``pages`` (HTML), ``api`` (JSON, OpenSearch), ``feeds`` (Atom, CSV)."""
