"""WARC captures: every response the crawler receives, appended to ``<data>/captures/*.warc.gz``.

Each process writes its own file (``crawl-<UTC time>-<pid>.warc.gz``), so a crawl killed in the middle of a
record damages only the tail of a file no state points into. ``append`` returns the file and the offset of
the record, which is what a stored document keeps to be reprocessed later from the capture alone.
"""

from __future__ import annotations

import io
import os
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from archive import __version__
from archive.crawler.fetch import Response
from archive.errors import InputError

# Hop-by-hop framing already undone by the HTTP client: kept, the record would be read back wrongly.
_DROPPED = {"transfer-encoding"}


class WarcWriter:
    def __init__(self, folder: Path, *, user_agent: str) -> None:
        self.folder = folder
        self.user_agent = user_agent
        self.path: Path | None = None
        self._stream: io.BufferedWriter | None = None
        self._writer: object | None = None
        self.records = 0

    def __enter__(self) -> WarcWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()
            self._stream = None

    def _open(self) -> tuple[io.BufferedWriter, object]:
        if self._stream is not None and self._writer is not None:
            return self._stream, self._writer
        from warcio.warcwriter import WARCWriter

        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        self.path = self.folder / f"crawl-{stamp}-{os.getpid()}.warc.gz"
        stream = self.path.open("ab")
        writer = WARCWriter(stream, gzip=True)
        info = writer.create_warcinfo_record(
            self.path.name,
            {"software": f"archive {__version__}", "http-header-user-agent": self.user_agent, "format": "WARC/1.0"},
        )
        writer.write_record(info)
        stream.flush()
        self._stream, self._writer = stream, writer
        return stream, writer

    def append(self, response: Response) -> tuple[str, int]:
        """Write one response record (status line, headers, body as received); returns (file, offset)."""
        from warcio.statusandheaders import StatusAndHeaders

        stream, writer = self._open()
        headers = [(k, v) for k, v in response.headers if k.lower() not in _DROPPED and k.lower() != "content-length"]
        headers.append(("Content-Length", str(len(response.raw))))
        http_headers = StatusAndHeaders(
            f"{response.status} {response.reason}".strip(), headers, protocol=response.version
        )
        warc_headers = {}
        if response.truncated:
            warc_headers["WARC-Truncated"] = "length"
        record = writer.create_warc_record(  # type: ignore[attr-defined]
            response.url,
            "response",
            payload=io.BytesIO(response.raw),
            length=len(response.raw),  # known: warcio need not spool the body to a temporary file
            http_headers=http_headers,
            warc_headers_dict=warc_headers,
        )
        offset = stream.tell()
        writer.write_record(record)  # type: ignore[attr-defined]
        stream.flush()
        self.records += 1
        assert self.path is not None
        return str(self.path), offset


def read_payload(path: Path, offset: int) -> tuple[bytes, str | None, str | None]:
    """The HTTP body (content encoding undone), Content-Type and WARC-Date of the record at ``offset``."""
    from warcio.archiveiterator import ArchiveIterator

    try:
        with path.open("rb") as stream:
            stream.seek(offset)
            for record in ArchiveIterator(stream):
                data: bytes = record.content_stream().read()
                ctype = record.http_headers.get_header("Content-Type") if record.http_headers else None
                return data, ctype, record.rec_headers.get_header("WARC-Date")
    except OSError as exc:
        raise InputError(f"{path}: cannot read WARC capture: {exc.strerror or exc}") from None
    except Exception as exc:  # noqa: BLE001 - warcio raises plain exceptions for damaged captures
        raise InputError(f"{path}@{offset}: damaged WARC record: {exc}") from None
    raise InputError(f"{path}@{offset}: no WARC record at this offset")
