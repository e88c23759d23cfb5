"""File importers: local files and folders → ``Document`` objects for the extract stage.

``iter_documents`` never raises for bad input: each unreadable file (or JSONL line, or WARC record) is yielded
as an ``InputError`` naming it and the reason, and the stream goes on. Files of a type we do not import are
``SkippedFileError`` when found inside a folder, and an error when named explicitly.

Formats, by file name:

* ``.html .htm .shtml`` → one ``html`` document;
* ``.txt .md`` → one ``text`` document (plain text or Markdown dump);
* ``.warc .warc.gz`` → one ``html`` document per HTML response record, with the record's URL, date and
  Content-Type, and a pointer (file + offset) to the record;
* ``.jsonl .jsonl.gz .jsonl.xz`` → one ``record`` document per line (the line's JSON bytes).
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import lzma
import os
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from archive.errors import InputError
from archive.models import Document

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

PAGE_SUFFIXES = {".html": "html", ".htm": "html", ".shtml": "html", ".txt": "text", ".md": "text"}
WARC_SUFFIXES = (".warc", ".warc.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".jsonl.xz")
SUPPORTED = ", ".join([*PAGE_SUFFIXES, *WARC_SUFFIXES, *JSONL_SUFFIXES])

# Leading bytes of common binary formats that end up in download folders next to saved pages.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ", "xz archive"),
    (b"\xd0\xcf\x11\xe0", "Office document"),
    (b"\x7fELF", "executable"),
)
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Share of undecodable characters above which no candidate encoding fits the text.
_MAX_BAD_SHARE = 0.02


class SkippedFileError(InputError):
    """A file inside a folder that is not of a type we import: counted as skipped, not as a failure."""


def iter_documents(
    paths: Iterable[Path | str], *, max_bytes: int = DEFAULT_MAX_BYTES, exclude: Iterable[Path] = ()
) -> Iterator[Document | InputError]:
    """Documents from files and folders (recursively, in name order); bad input comes as ``InputError``.

    Folders in ``exclude`` (such as the data directory itself) are not entered.
    """
    excluded = {p.resolve() for p in exclude}
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in _walk(path, excluded):
                if _format(child) is None:
                    yield SkippedFileError(f"{child}: not an importable type, skipped")
                else:
                    yield from _read(child, max_bytes)
        elif path.is_file():
            if _format(path) is None:
                yield InputError(f"{path}: unsupported file type (importable: {SUPPORTED})")
            else:
                yield from _read(path, max_bytes)
        elif path.exists():
            yield InputError(f"{path}: not a regular file")
        else:
            yield InputError(f"{path}: no such file or folder")


def _walk(folder: Path, excluded: set[Path]) -> Iterator[Path]:
    if folder.resolve() in excluded:
        return
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and (Path(root) / d).resolve() not in excluded)
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def _format(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    return PAGE_SUFFIXES.get(path.suffix.lower())


def _mtime(path: Path) -> str | None:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    except OSError:
        return None


def _read(path: Path, max_bytes: int) -> Iterator[Document | InputError]:
    fmt = _format(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield InputError(f"{path}: cannot read: {exc.strerror or exc}")
        return
    if size == 0:
        yield InputError(f"{path}: empty file")
        return
    if fmt == "warc":
        yield from _read_warc(path, max_bytes)
    elif fmt == "jsonl":
        yield from _read_jsonl(path, max_bytes)
    else:
        assert fmt is not None
        yield _read_page(path, fmt, size, max_bytes)


def _read_page(path: Path, kind: str, size: int, max_bytes: int) -> Document | InputError:
    if size > max_bytes:
        return InputError(f"{path}: {_mb(size)} is over the {_mb(max_bytes)} limit")
    try:
        data = path.read_bytes()
    except OSError as exc:
        return InputError(f"{path}: cannot read: {exc.strerror or exc}")
    problem = check_bytes(data)
    if problem:
        return InputError(f"{path}: {problem}")
    return Document(data=data, kind=kind, name=str(path), fetched_at=_mtime(path))


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size % (1024 * 1024) else f"{size // (1024 * 1024)} MB"


def check_bytes(data: bytes) -> str | None:
    """Why ``data`` cannot be a web page or text dump (empty, binary, undecodable), or ``None``."""
    if not data.strip():
        return "empty file"
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return f"binary file ({what}), not a page or text"
    if data.startswith(_BOMS):
        return None
    head = data[:8192]
    if b"\x00" in head:
        return "binary file (contains NUL bytes), not a page or text"
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    if controls > len(head) * 0.05:
        return "binary file (control characters), not a page or text"
    if _undecodable(data):
        return "undecodable text: not valid UTF-8, GB18030 or Big5, and no usable charset declared"
    return None


def _undecodable(data: bytes) -> bool:
    candidates = ["utf-8", "gb18030", "big5"]
    declared = _CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii", "replace").lower()
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            codec = None
        if codec is not None:
            candidates.insert(0, codec)
    for encoding in candidates:
        try:
            data.decode(encoding)
            return False
        except UnicodeDecodeError:
            pass
    # Real pages carry the odd broken byte; only reject text that no candidate decodes nearly cleanly.
    best = min(data.decode(enc, "replace").count("\ufffd") for enc in candidates)
    return best > len(data) * _MAX_BAD_SHARE / 2


def _open_text_stream(path: Path) -> io.BufferedIOBase:
    name = path.name.lower()
    if name.endswith(".xz"):
        return lzma.open(path, "rb")
    if name.endswith(".gz"):
        return gzip.open(path, "rb")
    return path.open("rb")


def _read_jsonl(path: Path, max_bytes: int) -> Iterator[Document | InputError]:
    line_no = 0
    records = 0
    errors = 0
    try:
        with _open_text_stream(path) as stream:
            for line_no, raw in enumerate(stream, start=1):
                line = raw.strip()
                if not line:
                    continue
                name = f"{path}:{line_no}"
                if len(line) > max_bytes:
                    errors += 1
                    yield InputError(f"{name}: record of {_mb(len(line))} is over the {_mb(max_bytes)} limit")
                    continue
                try:
                    record = json.loads(line)
                except ValueError as exc:
                    errors += 1
                    yield InputError(f"{name}: not valid JSON ({getattr(exc, 'msg', exc)})")
                    continue
                if not isinstance(record, dict):
                    errors += 1
                    yield InputError(f"{name}: not a JSON object")
                    continue
                records += 1
                url = record.get("url")
                yield Document(data=line, kind="record", name=name, url=url if isinstance(url, str) and url else None)
    except (OSError, EOFError, lzma.LZMAError) as exc:
        where = f" after line {line_no}" if line_no else ""
        yield InputError(f"{path}: damaged or unreadable file{where}: {exc}")
        return
    if not records and not errors:
        yield InputError(f"{path}: empty file" if not line_no else f"{path}: no records (only blank lines)")


def _read_warc(path: Path, max_bytes: int) -> Iterator[Document | InputError]:
    from warcio.archiveiterator import ArchiveIterator

    found = 0
    try:
        with path.open("rb") as stream:
            records = ArchiveIterator(stream)
            for record in records:
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = record.http_headers.get_header("Content-Type") or ""
                if not _is_html(content_type):
                    continue
                status = record.http_headers.get_statuscode() or ""
                if not status.startswith("2"):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                data = record.content_stream().read(max_bytes + 1)
                offset = records.get_record_offset()  # after reading: asking first skips the record
                name = f"{path}@{offset}"
                found += 1
                if len(data) > max_bytes:
                    yield InputError(f"{name} ({url}): response is over the {_mb(max_bytes)} limit")
                    continue
                yield Document(
                    data=data,
                    kind="html",
                    name=name,
                    url=url or None,
                    content_type=content_type or None,
                    fetched_at=record.rec_headers.get_header("WARC-Date"),
                    warc_file=str(path.resolve()),
                    warc_offset=int(offset),
                )
    except OSError as exc:
        yield InputError(f"{path}: cannot read: {exc.strerror or exc}")
        return
    except Exception as exc:  # noqa: BLE001 - warcio raises plain exceptions for damaged captures
        yield InputError(f"{path}: damaged WARC file after {found} HTML records: {exc}")
        return
    if not found:
        yield InputError(f"{path}: no HTML response records in this WARC file")


def _is_html(content_type: str) -> bool:
    mime = content_type.split(";", 1)[0].strip().lower()
    return mime in {"text/html", "application/xhtml+xml"}
