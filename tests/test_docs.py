"""The README documents every setting and every command."""

from __future__ import annotations

from archive.cli import _register, cli
from archive.config import SETTINGS
from conftest import ROOT


def _readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented() -> None:
    readme = _readme()
    missing = [s.name for s in SETTINGS if f"`{s.name}`" not in readme]
    assert not missing, f"settings missing from README: {missing}"


def test_every_command_is_documented() -> None:
    _register()
    readme = _readme()
    missing = [name for name in cli.commands if f"archive {name}" not in readme]
    assert not missing, f"commands missing from README: {missing}"


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "scripts/test.sh" in ci
    assert "bash scripts/test.sh" in _readme()
