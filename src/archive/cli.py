"""The ``archive`` command: one click group; commands live in ``archive.commands``.

Library code raises ``ArchiveError``; here it becomes a one-line ``Error: …`` on stderr and the error's exit
status. Anything else unexpected is reported the same way, with a hint to rerun with ``--debug``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from archive import __version__
from archive.config import load_settings
from archive.errors import ArchiveError


@dataclass
class AppContext:
    settings: dict[str, Any]
    debug: bool = False

    @property
    def data_dir(self) -> Path:
        return Path(self.settings["data"])


pass_app = click.make_pass_decorator(AppContext)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="ARCHIVE_DATA",
    default="./index",
    show_default=True,
    help="Data directory (store, index, captures). Env: ARCHIVE_DATA.",
)
@click.option("--debug", is_flag=True, hidden=True, help="Show tracebacks of unexpected errors.")
@click.version_option(__version__, prog_name="archive")
@click.pass_context
def cli(ctx: click.Context, data_dir: Path, debug: bool) -> None:
    """Search engine for Chinese government meeting reports."""
    ctx.obj = AppContext(settings=load_settings(data_dir), debug=debug)


def _register() -> None:
    from archive.commands import available

    for command in available():
        cli.add_command(command)


def main(argv: list[str] | None = None) -> None:
    _register()
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        code = cli.main(args=argv, prog_name="archive", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except ArchiveError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # last line of defence: users never see a traceback
        if debug:
            raise
        click.echo(f"Error: unexpected {type(exc).__name__}: {exc} (rerun with --debug for details)", err=True)
        sys.exit(1)
    # Without standalone mode click returns ctx.exit(N)'s N; commands signal failure that way.
    sys.exit(code if isinstance(code, int) else 0)
