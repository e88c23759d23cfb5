"""``archive extract FILE…``: show what the extractor makes of files, without storing anything."""

from __future__ import annotations

import json
from pathlib import Path

import click

from archive.cli import AppContext, pass_app
from archive.crawler.files import iter_documents
from archive.errors import ArchiveError
from archive.models import Article
from archive.pipeline import process


def _message(path: str, error: Exception) -> str:
    """The error's message without a leading ``PATH:`` (the path is printed beside it)."""
    text = str(error)
    for prefix in (f"{path}: ", f"{Path(path)}: "):
        if text.startswith(prefix):
            return text[len(prefix) :]
    return text


def _readable(article: Article) -> str:
    lines = [article.title or "(untitled)"]
    meeting = article.meeting.date or "-"
    if article.meeting.name:
        meeting = f"{article.meeting.name} {meeting}"
    lines.append(f"  published: {article.published or '-'}   source: {article.source or '-'}   meeting: {meeting}")
    lines.append(f"  url: {article.url}")
    lines.append(f"  id: {article.id}   sections: {len(article.sections)}")
    for section in article.sections:
        lines.append("")
        label = f"[{section.kind}]"
        lines.append(f"## {section.heading}  {label}" if section.heading else label)
        lines.extend(section.text.split("\n"))
    return "\n".join(lines)


@click.command("extract")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line per file (the extract format).")
@pass_app
def extract_command(app: AppContext, files: tuple[Path, ...], as_json: bool) -> None:
    """Extract articles from HTML, TXT or Markdown files and print them; nothing is stored.

    A file that fails prints {"file": PATH, "error": MESSAGE} in its place (with --json) or an error line;
    the exit status is 1 if any file failed.
    """
    failed = False
    first = True
    for path in files:
        for item in iter_documents([path], max_bytes=int(app.settings["max_bytes"])):
            name = str(path)
            try:
                if isinstance(item, ArchiveError):
                    raise item
                name = item.name if item.kind == "record" else str(path)
                article = process(item)
            except ArchiveError as exc:
                failed = True
                if as_json:
                    click.echo(json.dumps({"file": name, "error": _message(name, exc)}, ensure_ascii=False))
                else:
                    click.echo(f"Error: {name}: {_message(name, exc)}", err=True)
                continue
            if as_json:
                click.echo(json.dumps({"file": name, **article.to_dict()}, ensure_ascii=False))
            else:
                if not first:
                    click.echo("\n" + "=" * 60 + "\n")
                click.echo(f"# {name}")
                click.echo(_readable(article))
                first = False
    if failed:
        click.get_current_context().exit(1)


COMMANDS: list[click.Command] = [extract_command]
