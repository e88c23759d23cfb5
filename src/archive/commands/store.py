"""Commands of the document store: ``import``, ``export``, ``stats``, ``reprocess``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, TextIO

import click

from archive.cli import AppContext, pass_app
from archive.crawler.files import iter_documents
from archive.errors import SearchIndexError, StoreError
from archive.index import index_stats
from archive.pipeline import DEFAULT_BATCH, IngestReport, failure_line, ingest, reprocess
from archive.store import STORE_FILE, Store


def _show_progress(flag: bool | None) -> bool:
    if flag is not None:
        return flag
    return sys.stdout.isatty() and sys.stderr.isatty()


def _print_failure(name: str, message: str) -> None:
    click.echo(f"failed: {failure_line(name, message)}", err=True)


def _finish(report: IngestReport, seconds: bool = True) -> None:
    line = report.summary()
    if seconds:
        line += f" ({report.seconds.get('total', 0.0):.1f} s)"
    click.echo(line)
    if report.failed:
        click.get_current_context().exit(1)


def _existing_store(app: AppContext) -> Store:
    if not (app.data_dir / STORE_FILE).is_file():
        raise StoreError(f"{app.data_dir}: no store here yet (run `archive import PATH` first)")
    return Store(app.data_dir)


_progress_option = click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress line on stderr (default: only when output is a terminal).",
)
_batch_option = click.option(
    "--batch",
    "batch_size",
    type=click.IntRange(min=1),
    default=DEFAULT_BATCH,
    show_default=True,
    help="Articles per commit of the search index.",
)


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_progress_option
@_batch_option
@pass_app
def import_command(app: AppContext, paths: tuple[Path, ...], progress: bool | None, batch_size: int) -> None:
    """Import files and folders: .html .htm .shtml .txt .md .warc[.gz] .jsonl[.gz|.xz].

    Folders are searched recursively; other file types in them are skipped. Each file that fails gets one line
    on stderr; the summary line goes to stdout. Exit status 1 if any file failed.
    """
    documents = iter_documents(paths, max_bytes=int(app.settings["max_bytes"]), exclude=[app.data_dir])
    report = ingest(
        documents,
        app.data_dir,
        progress=_show_progress(progress),
        batch_size=batch_size,
        on_failure=_print_failure,
    )
    _finish(report)


@click.command("reprocess")
@_progress_option
@_batch_option
@pass_app
def reprocess_command(app: AppContext, progress: bool | None, batch_size: int) -> None:
    """Extract and enrich every stored raw document again; update the store and the search index."""
    _existing_store(app).close()
    report = reprocess(
        app.data_dir, progress=_show_progress(progress), batch_size=batch_size, on_failure=_print_failure
    )
    _finish(report)


@click.command("export")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of stdout.",
)
@pass_app
def export_command(app: AppContext, output: Path | None) -> None:
    """Write every article as one JSON object per line (the extract format); `archive import` reads it back."""
    with _existing_store(app) as store:
        if output is None:
            _write_articles(store, sys.stdout)
            return
        partial = output.with_name(output.name + ".partial")
        try:
            with partial.open("w", encoding="utf-8") as stream:
                count = _write_articles(store, stream)
            partial.replace(output)
        except OSError as exc:
            raise StoreError(f"{output}: cannot write: {exc.strerror or exc}") from None
    click.echo(f"exported {count} articles to {output}", err=True)


def _write_articles(store: Store, stream: TextIO) -> int:
    count = 0
    for article in store.iter_articles():
        stream.write(json.dumps(article.to_dict(), ensure_ascii=False))
        stream.write("\n")
        count += 1
    stream.flush()
    return count


def _index_stats(app: AppContext, store_stats: dict[str, Any]) -> dict[str, Any]:
    """What the store knows about the index (articles indexed, pending) plus the index's own figures."""
    info: dict[str, Any] = {
        "indexed_articles": store_stats.pop("indexed_articles"),
        "pending_articles": store_stats.pop("pending_index"),
    }
    try:
        live = index_stats(app.data_dir)
    except SearchIndexError as exc:
        info["error"] = str(exc)
        return info
    info.update(
        {"articles": live["articles"], "sections": live["sections"], "bytes": live["bytes"], "schema": live["schema"]}
    )
    return info


@click.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@pass_app
def stats_command(app: AppContext, as_json: bool) -> None:
    """Counts of articles, sections, sources, raw documents and the search index."""
    with _existing_store(app) as store:
        stats = store.stats()
    stats["index"] = _index_stats(app, stats)
    if as_json:
        click.echo(json.dumps(stats, ensure_ascii=False))
        return
    labels = {
        "articles": "articles",
        "sections": "sections",
        "sources": "source URLs",
        "syndicated_articles": "articles with several sources",
        "previous_versions": "previous versions kept",
        "raw_documents": "raw documents",
        "raw_bytes": "raw bytes",
        "warc_pointers": "raw documents read from WARC captures",
        "published_from": "published from",
        "published_to": "published to",
        "schema_version": "store schema version",
        "store_file": "store file",
    }
    width = max(len(label) for label in labels.values())
    for key, label in labels.items():
        value = stats.get(key)
        click.echo(f"{label:<{width}}  {value:,}" if isinstance(value, int) else f"{label:<{width}}  {value or '-'}")
    for key, value in stats["index"].items():
        label = "index: " + key.replace("_", " ")
        click.echo(f"{label:<{width}}  {value:,}" if isinstance(value, int) else f"{label:<{width}}  {value}")


COMMANDS: list[click.Command] = [import_command, export_command, stats_command, reprocess_command]
