"""Click commands, one module per area; ``archive.cli`` gathers them into one group.

Each module lists its commands in ``COMMANDS``.
"""

from __future__ import annotations

import importlib

import click

_MODULES = ("extract", "store", "search", "web", "crawl")


def available() -> list[click.Command]:
    commands: list[click.Command] = []
    for name in _MODULES:
        module = importlib.import_module(f"archive.commands.{name}")
        commands.extend(module.COMMANDS)
    return commands
