"""WARC archives (plain or gzipped): each HTML response record is a document."""
from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from pathlib import Path

from ..document import Document
from ..errors import EventwireError
from ..document import parse_date
from .common import MAX_DOCUMENT_BYTES, error_document
from .html import read_html_bytes


def _record_date(record) -> dt.date | None:
    value = record.rec_headers.get_header("WARC-Date")
    try:
        return parse_date(value[:10]) if value else None
    except EventwireError:
        return None


def read_bounded(stream, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """At most ``limit`` bytes of a (decompressing) stream; E115 as soon as it gives more.
    The check is on the inflated output, so a small archive that inflates to gigabytes
    costs ``limit`` bytes of memory, not gigabytes."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise EventwireError("E115", f"a record's body is over {limit:,} bytes once decompressed")
    return data


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
                raw = read_bounded(record.content_stream())
            except EventwireError as err:
                # The iterator skips the rest of the record in fixed-size chunks.
                yield error_document(doc_id, err, None, where, url=url)
                continue
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
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, AttributeError) as exc:
        # warcio meets an archive cut inside a record's headers as an AttributeError on the
        # half-parsed record: that too is an unreadable archive, not a reader bug.
        yield error_document(f"{stem}-after-{n}", EventwireError(
            "E109", f" after record {n}: cut short or damaged ({type(exc).__name__}: {exc})"), None, source)


def read_warc_file(path: Path, default_date: dt.date | None = None) -> Iterator[Document]:
    with open(path, "rb") as fh:
        yield from iter_warc(fh, path.name.split(".")[0], str(path))
