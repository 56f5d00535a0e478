"""WARC archives (plain or gzipped): each HTML response record is a document."""
from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from pathlib import Path

from ..document import Document
from ..errors import EventwireError
from .common import error_document
from .html import read_html_bytes


def _record_date(record) -> dt.date | None:
    value = record.rec_headers.get_header("WARC-Date")
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def iter_warc(stream, stem: str, source: str) -> Iterator[Document]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            if "html" not in ctype:
                continue
            n += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            doc_id = f"{stem}-{hashlib.sha256((url or str(n)).encode()).hexdigest()[:10]}"
            where = f"{source}#{n}"
            try:
                raw = record.content_stream().read()
            except Exception as exc:  # truncated gzip member or body
                yield error_document(doc_id, EventwireError("E109", f": record {n} truncated ({exc})"),
                                     None, where, url=url)
                return
            if getattr(record.raw_stream, "limit", 0):
                # The archive ended inside this record: its body is incomplete.
                yield error_document(doc_id, EventwireError(
                    "E109", f": record {n} truncated ({record.raw_stream.limit} bytes missing)"),
                    raw, where, url=url)
                return
            # The crawl date is only a fallback: the page's own date wins.
            yield read_html_bytes(raw, doc_id, _record_date(record), url=url, source=where)
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        yield error_document(f"{stem}-after-{n}", EventwireError("E109", f" after record {n}: {exc}"),
                             None, source)


def read_warc_file(path: Path, default_date: dt.date | None = None) -> Iterator[Document]:
    with open(path, "rb") as fh:
        yield from iter_warc(fh, path.name.split(".")[0], str(path))
