"""Command: ``archive crawl`` — fetch portals politely into WARC captures and the archive."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

import click

from archive.cli import AppContext, pass_app
from archive.crawler.crawl import Crawler, CrawlOptions, CrawlStats
from archive.crawler.rules import DEFAULT_RULES, SiteRule, load_rules
from archive.errors import CrawlError
from archive.models import Document
from archive.pipeline import IngestReport, failure_line, ingest

BATCH = 50  # articles handed to the pipeline at once
BATCH_SECONDS = 20.0  # … or after this long, so a slow polite crawl still shows its articles soon


class _Meter:
    """One progress line on stderr when it is a terminal; failures printed above it as they happen."""

    def __init__(self, stats: CrawlStats, totals: IngestReport, stream: TextIO, live: bool) -> None:
        self.stats, self.totals, self.stream, self.live = stats, totals, stream, live
        self.start = time.monotonic()
        self.last = 0.0

    def line(self) -> str:
        s, t = self.stats, self.totals
        rate = s.fetched / max(time.monotonic() - self.start, 1e-9)
        return (
            f"{s.fetched:,} pages fetched ({rate:,.1f}/s), {s.not_modified:,} not modified; "
            f"articles {t.imported:,} new, {t.updated:,} updated; {s.failed + t.failed:,} errors"
        )

    def tick(self, force: bool = False) -> None:
        now = time.monotonic()
        if not self.live or (not force and now - self.last < 0.2):
            return
        self.last = now
        self.stream.write("\r" + self.line() + "\x1b[K")
        self.stream.flush()

    def say(self, message: str) -> None:
        if self.live:
            self.stream.write("\r\x1b[K")
        self.stream.write(message + "\n")
        self.stream.flush()
        self.tick(force=True)

    def clear(self) -> None:
        if self.live:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _add(total: IngestReport, part: IngestReport) -> None:
    for name in ("imported", "updated", "unchanged", "syndicated", "failed", "skipped", "indexed"):
        setattr(total, name, getattr(total, name) + getattr(part, name))
    total.failures.extend(part.failures)


def _rules(path: Path | None) -> list[SiteRule]:
    if path is not None:
        return load_rules(path)
    if DEFAULT_RULES.is_file():
        return load_rules(DEFAULT_RULES)
    return []


@click.command("crawl")
@click.argument("urls", nargs=-1)
@click.option(
    "--rules",
    "rules_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help=f"Site rules (TOML). Default: {DEFAULT_RULES} when it exists.",
)
@click.option("--max-pages", type=click.IntRange(min=1), help="Stop after this many pages (rerun to continue).")
@click.option("--depth", type=click.IntRange(min=0), help="Follow links at most this many steps from the start URLs.")
@click.option(
    "--delay", type=click.FloatRange(min=0), help="Seconds between requests to one host (robots.txt may ask more)."
)
@pass_app
def crawl_command(
    app: AppContext,
    urls: tuple[str, ...],
    rules_file: Path | None,
    max_pages: int | None,
    depth: int | None,
    delay: float | None,
) -> None:
    """Crawl portals from URL… (list pages or sitemaps) into the archive.

    Follows links within the start hosts, stores article pages as articles, captures every response in
    WARC files under the data directory, and continues an interrupted crawl when run again. Without URLs,
    the seeds of the rules file are crawled.
    """
    rules = _rules(rules_file)
    seeds = list(urls) or [seed for rule in rules for seed in rule.seeds]
    if not seeds:
        raise CrawlError("nothing to crawl: give start URLs, or a rules file whose sites have seeds")
    settings = app.settings
    agent = str(settings["user_agent"])
    if settings["contact_url"]:
        agent += f" (+{settings['contact_url']})"
    options = CrawlOptions(
        seeds=seeds,
        user_agent=agent,
        delay=float(delay if delay is not None else settings["crawl_delay"]),
        delay_override=delay is not None,
        timeout=float(settings["timeout"]),
        max_bytes=int(settings["max_bytes"]),
        max_pages=max_pages,
        depth=depth,
        rules=rules,
    )
    stream = sys.stderr
    totals = IngestReport()

    def on_event(kind: str, message: str) -> None:
        if kind == "fail":
            meter.say(f"failed: {message}")
        elif kind == "blocked":
            meter.say(f"skipped: {message}")
        else:
            meter.say(message)

    crawler = Crawler(app.data_dir, options, on_event=on_event)
    meter = _Meter(crawler.stats, totals, stream, stream.isatty())
    interrupted = False
    with crawler:
        try:
            _drive(crawler, app.data_dir, totals, meter)
        except KeyboardInterrupt:
            interrupted = True
    meter.clear()
    _summary(crawler.stats, totals, interrupted)
    if interrupted:
        click.get_current_context().exit(130)


def _drive(crawler: Crawler, data_dir: Path, totals: IngestReport, meter: _Meter) -> None:
    """Run the crawl, handing articles to the pipeline in small batches and confirming each batch."""
    batch: list[Document] = []
    since = time.monotonic()

    def flush() -> None:
        nonlocal since
        if batch:
            report = ingest(
                batch,
                data_dir,
                progress=False,
                on_failure=lambda name, message: meter.say(f"failed: {failure_line(name, message)}"),
            )
            _add(totals, report)
            crawler.confirm([d.name for d in batch])
            batch.clear()
        since = time.monotonic()

    documents: Iterator[Document] = crawler.run()
    try:
        for document in documents:
            batch.append(document)
            if len(batch) >= BATCH or time.monotonic() - since > BATCH_SECONDS:
                flush()
            meter.tick()
        flush()
    except KeyboardInterrupt:
        flush()
        raise


def _summary(stats: CrawlStats, totals: IngestReport, interrupted: bool) -> None:
    state = "interrupted" if interrupted else ("finished" if stats.finished else "stopped (rerun to continue)")
    resumed = " (continued)" if stats.resumed else ""
    lines = [
        f"Crawl #{stats.run}{resumed} {state}: {stats.fetched:,} pages fetched in {stats.requests:,} requests "
        f"({stats.bytes / 1e6:,.1f} MB), {stats.not_modified:,} not modified, {stats.lists:,} list pages, "
        f"{stats.blocked:,} blocked by robots.txt, {stats.external:,} external links not followed",
        f"Articles: {totals.imported:,} new, {totals.updated:,} updated, "
        f"{totals.unchanged + totals.syndicated + stats.unchanged:,} unchanged, {totals.failed:,} not extracted",
    ]
    failures = [*stats.failures, *totals.failures]
    if failures:
        lines.append(f"{len(failures)} failed:")
        lines.extend(f"  {failure_line(name, message)}" for name, message in failures)
    click.echo("\n".join(lines))


COMMANDS: list[click.Command] = [crawl_command]
