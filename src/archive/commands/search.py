"""Commands of the search index: ``search`` and ``index``."""

from __future__ import annotations

import json
import os
import re
import sys
import time
from collections.abc import Iterator
from typing import Any

import click

from archive import enrich
from archive.cli import AppContext, pass_app
from archive.errors import QueryError, StoreError
from archive.index import FILTER_FIELDS, index_stats, rebuild
from archive.models import Article
from archive.search import FACETS, SearchService
from archive.store import STORE_FILE, Store

_MARK = re.compile(r"<mark>(.*?)</mark>", re.S)


def _check_words(words: tuple[str, ...]) -> None:
    """Words shaped like a long option are a mistyped option, not a query (-word excludes a word; --word is none)."""
    for word in words:
        if word.startswith("--") and len(word) > 2:
            name = word[2:].partition("=")[0].lower()
            hint = f"; filter with --filter {name}=VALUE or {name}:VALUE" if name in FILTER_FIELDS else ""
            raise QueryError(f"no such option: {word} (see archive search --help){hint}")


def _parse_filters(values: tuple[str, ...]) -> dict[str, list[str]]:
    filters: dict[str, list[str]] = {}
    for item in values:
        name, sep, value = item.partition("=")
        name = name.strip().lower()
        if not sep or not value.strip():
            raise QueryError(f"--filter {item!r}: use FIELD=VALUE, e.g. --filter district=浦东新区")
        if name not in FILTER_FIELDS:
            raise QueryError(f"--filter {item!r}: unknown field {name!r} (known: {', '.join(FILTER_FIELDS)})")
        filters.setdefault(name, []).append(value.strip())
    return filters


def _plain(fragment: str, tty: bool) -> str:
    """A snippet for the terminal: matches bold yellow on a terminal, 【】 elsewhere, entities decoded."""
    import html

    if tty:
        marked = _MARK.sub(lambda m: click.style(m.group(1), fg="yellow", bold=True), fragment)
    else:
        marked = _MARK.sub(lambda m: f"【{m.group(1)}】", fragment)
    return html.unescape(marked)


def _describe_search(result: dict[str, Any]) -> str:
    parts = [f"searched: {' '.join(result['searched']) or '(everything)'}"]
    filters = [f"{k}={v}" for k, values in result["filters"].items() for v in values]
    if result.get("date_from") or result.get("date_to"):
        filters.append(f"date {result.get('date_from') or '…'} to {result.get('date_to') or '…'}")
    parts.append(f"filters: {', '.join(filters) if filters else 'none'}")
    return ", ".join(parts)


def _print_human(result: dict[str, Any]) -> None:
    tty = sys.stdout.isatty()
    if not result["total"]:
        click.echo(f"no results for {result['query']!r} ({_describe_search(result)})")
        return
    first = (result["page"] - 1) * result["per_page"] + 1
    last = first + len(result["hits"]) - 1
    click.echo(
        f"{result['total']} matching sections; showing {first}–{last} (page {result['page']} of "
        f"{result['pages']}) — {_describe_search(result)}"
    )
    for number, hit in enumerate(result["hits"], start=first):
        click.echo("")
        title = click.style(hit["title"], bold=True) if tty else hit["title"]
        click.echo(f"{number}. {title}  {hit['date'] or ''}".rstrip())
        if hit["heading"]:
            click.echo(f"   {hit['heading']}")
        click.echo(f"   {_plain(hit['snippet'], tty)}")
        click.echo(f"   {hit['url'] or ''}  [{hit['section_id']}]")
    lines = []
    for name in FACETS:
        values = result["facets"].get(name) or []
        if values:
            shown = ", ".join(f"{v['value']} ({v['count']})" for v in values[:5])
            lines.append(f"  {name}: {shown}")
    if lines:
        click.echo("\nfacets:")
        for line in lines:
            click.echo(line)


@click.command("search", context_settings={"ignore_unknown_options": True})
@click.argument("query", nargs=-1)
@click.option(
    "--filter",
    "filters",
    multiple=True,
    metavar="FIELD=VALUE",
    help=f"Only sections with this value ({', '.join(FILTER_FIELDS)}); repeat to combine (AND).",
)
@click.option("--from", "date_from", metavar="DATE", help="Earliest date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--to", "date_to", metavar="DATE", help="Latest date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--sort", type=click.Choice(["relevance", "date"]), default="relevance", show_default=True)
@click.option("--limit", type=click.IntRange(1, 1000), default=None, help="Hits per page (default: setting per_page).")
@click.option("--page", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@pass_app
def search_command(
    app: AppContext,
    query: tuple[str, ...],
    filters: tuple[str, ...],
    date_from: str | None,
    date_to: str | None,
    sort: str,
    limit: int | None,
    page: int,
    as_json: bool,
) -> None:
    """Search the index. Words must all occur (substrings, either script); "quoted phrase", OR, -word,
    field:value (speaker, unit, district, theme, year, attendee, meeting).

    Exit status 2 when the query, a filter or a date cannot be understood.
    """
    _check_words(query)
    text = " ".join(query)
    per_page = limit or int(app.settings.get("per_page", 10))
    parsed = _parse_filters(filters)
    with SearchService(app.data_dir) as service:
        result = service.search(
            text, filters=parsed, date_from=date_from, date_to=date_to, sort=sort, page=page, per_page=per_page
        )
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        _print_human(result)


def _articles(store: Store, seen: list[str]) -> Iterator[Article]:
    for article in store.iter_articles():
        seen.append(article.id)
        yield article


@click.command("index")
@click.option("--rebuild", "do_rebuild", is_flag=True, help="Rebuild the index from the store and swap it in.")
@click.option(
    "--procs",
    type=click.IntRange(1, 8),
    default=min(4, os.cpu_count() or 1),
    show_default="the number of CPUs, at most 4",
    help="Indexing processes for --rebuild.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the index statistics as JSON.")
@pass_app
def index_command(app: AppContext, do_rebuild: bool, procs: int, as_json: bool) -> None:
    """Show the search index (location, schema, counts, size), or rebuild it from the store.

    The rebuilt index replaces the old one only when it is complete; searches keep working meanwhile.
    """
    if do_rebuild:
        if not (app.data_dir / STORE_FILE).is_file():
            raise StoreError(f"{app.data_dir}: no store here yet (run `archive import PATH` first)")
        started = time.perf_counter()
        show = sys.stderr.isatty()

        def progress(count: int) -> None:
            if show:
                click.echo(f"\r{count:,} articles indexed\x1b[K", nl=False, err=True)

        seen: list[str] = []
        with Store(app.data_dir) as store:
            count = rebuild(app.data_dir, _articles(store, seen), enrich.lexicon(), procs=procs, progress=progress)
            versions = [(aid, store.version_of(aid)) for aid in seen]
            store.mark_indexed((aid, v) for aid, v in versions if v is not None)
            store.commit()
        if show:
            click.echo("\r\x1b[K", nl=False, err=True)
        click.echo(f"rebuilt the search index: {count:,} articles in {time.perf_counter() - started:.1f} s")
    stats = index_stats(app.data_dir)
    if as_json:
        click.echo(json.dumps(stats, ensure_ascii=False, indent=2))
        return
    click.echo(
        f"index {stats['path']} (schema v{stats['schema']}): {stats['articles']:,} articles, "
        f"{stats['sections']:,} sections, {stats['bytes'] / 1e6:.1f} MB in {stats['segments']} segments, "
        f"{stats['words']:,} user words"
    )


COMMANDS: list[click.Command] = [search_command, index_command]
