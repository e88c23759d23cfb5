"""Commands: ``archive serve`` (the web interface under waitress) and ``archive demo`` (import the bundled
demo articles, then serve them)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

import click

from archive.cli import AppContext, pass_app
from archive.errors import ArchiveError
from archive.models import Document

DEMO_PACKAGE = "archive.data"
DEMO_FOLDER = "demo"


def _serve(app_ctx: AppContext, host: str | None, port: int | None, threads: int) -> None:
    import waitress

    from archive.web import create_app

    host = host or str(app_ctx.settings["host"])
    port = port if port is not None else int(app_ctx.settings["port"])
    app = create_app({"DATA_DIR": app_ctx.data_dir})
    try:
        server = waitress.create_server(app, host=host, port=port, threads=threads, ident="archive")
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"Serving {app_ctx.data_dir} at http://{shown}:{port}/ (Ctrl+C to stop)")
    try:
        server.run()
    except KeyboardInterrupt:
        click.echo("Stopped.")
    finally:
        server.close()
        app.extensions["archive"].close()


host_option = click.option("--host", default=None, help="Address to listen on (setting `host`, default 127.0.0.1).")
port_option = click.option(
    "--port", type=click.IntRange(1, 65535), default=None, help="Port (setting `port`, default 8000)."
)
threads_option = click.option(
    "--threads", type=click.IntRange(1, 64), default=4, show_default=True, help="Worker threads."
)


@click.command()
@host_option
@port_option
@threads_option
@pass_app
def serve(app_ctx: AppContext, host: str | None, port: int | None, threads: int) -> None:
    """Serve the search interface (pages, JSON API, feeds) for the data dir."""
    _serve(app_ctx, host, port, threads)


def demo_dir() -> Path:
    """The demo articles bundled with the package."""
    found = Path(str(resources.files(DEMO_PACKAGE) / DEMO_FOLDER))
    if not found.is_dir():
        raise click.ClickException(f"demo articles not found at {found}: the package is incomplete")
    return found


def _with_stable_urls(items: Iterable[Document | ArchiveError]) -> Iterator[Document | ArchiveError]:
    """Text dumps carry no URL; name them after their file so their ids do not depend on the install path."""
    for item in items:
        if isinstance(item, Document) and item.url is None and item.kind == "text":
            item.url = f"archive-demo:{Path(item.name).name}"
        yield item


@click.command()
@host_option
@port_option
@threads_option
@click.option("--no-serve", is_flag=True, help="Import the demo articles and stop.")
@pass_app
def demo(app_ctx: AppContext, host: str | None, port: int | None, threads: int, no_serve: bool) -> None:
    """Import the bundled demo meeting reports into the data dir (again: no change) and serve them."""
    from archive.crawler.files import iter_documents
    from archive.pipeline import ingest

    folder = demo_dir()
    app_ctx.data_dir.mkdir(parents=True, exist_ok=True)
    articles = sorted(p for p in folder.iterdir() if p.name != "README.md")  # the README describes them
    report = ingest(_with_stable_urls(iter_documents(articles)), app_ctx.data_dir, progress=False)
    click.echo(f"Demo articles from {folder}: {report.summary()}")
    for name, message in report.failures:
        click.echo(f"  failed: {name}: {message}", err=True)
    if not no_serve:
        _serve(app_ctx, host, port, threads)


COMMANDS: list[click.Command] = [serve, demo]
