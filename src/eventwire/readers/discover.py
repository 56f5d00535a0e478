"""From command-line inputs (files, folders, ``-``) to a stream of Documents."""
from __future__ import annotations

import datetime as dt
import io
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..document import Document
from ..errors import EventwireError
from .common import MAX_DOCUMENT_BYTES, error_document
from .html import read_html_bytes, read_html_file
from .jsonl import bounded_lines, iter_jsonl, read_jsonl_file
from .text import read_text_bytes, read_text_file
from .warc import iter_warc, read_warc_file

READERS = {
    ".txt": read_text_file,
    ".text": read_text_file,
    ".jsonl": read_jsonl_file,
    ".ndjson": read_jsonl_file,
    ".html": read_html_file,
    ".htm": read_html_file,
    ".warc": read_warc_file,
    ".warc.gz": read_warc_file,
}


def reader_for(path: Path):
    name = path.name.lower()
    for suffix in sorted(READERS, key=len, reverse=True):
        if name.endswith(suffix):
            return READERS[suffix]
    return None


def _read_file(path: Path, default_date: dt.date | None) -> Iterator[Document]:
    reader = reader_for(path)
    if reader is None:
        yield error_document(path.stem, EventwireError("E110", f" ({path.name})"), None, str(path))
        return
    try:
        yield from reader(path, default_date)
    except EventwireError as err:
        yield error_document(path.stem, err, None, str(path))
    except FileNotFoundError as exc:
        yield error_document(path.stem, EventwireError("E100", f"{path} ({exc.strerror})"), None, str(path))
    except OSError as exc:  # permissions, an unreadable disk
        yield error_document(path.stem, EventwireError("E114", f"{path}: {exc.strerror or exc}"), None, str(path))
    except Exception as exc:  # a reader bug must not end the batch
        yield error_document(path.stem, EventwireError("E113", f"{type(exc).__name__}: {exc}"), None, str(path))


class _Replayed(io.RawIOBase):
    """A stream whose first bytes were read already (to sniff them): they come first."""

    def __init__(self, head: bytes, rest):
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n], self.head = self.head[:n], self.head[n:]
            return n
        data = self.rest.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def _read_stdin(default_date: dt.date | None, stream=None) -> Iterator[Document]:
    """Standard input, sniffed: JSON Lines, a WARC, an HTML page, or one plain text. Read as a
    stream: JSON Lines line by line, a WARC record by record, a page or text only up to the
    document limit, so no input is held in memory whole."""
    stream = stream or sys.stdin.buffer
    first = stream.read(4096)
    rest = io.BufferedReader(_Replayed(first, stream), buffer_size=1 << 16)
    head = first.lstrip()[:64].lower()
    if head.startswith(b"{"):
        yield from iter_jsonl(bounded_lines(rest), "stdin", default_date, "-")
    elif head.startswith(b"warc/") or first.startswith(b"\x1f\x8b"):
        yield from iter_warc(rest, "stdin", "-")
    else:
        raw = rest.read(MAX_DOCUMENT_BYTES + 1)
        if len(raw) > MAX_DOCUMENT_BYTES:
            yield error_document("stdin", EventwireError("E107", f"over {MAX_DOCUMENT_BYTES:,} bytes on stdin"),
                                 None, "-")
        elif head.startswith((b"<!doctype html", b"<html")):
            yield read_html_bytes(raw, "stdin", default_date, source="-")
        else:
            yield read_text_bytes(raw, "stdin", default_date, source="-")


def _walk(folder: Path) -> list[tuple[Path, OSError | None]]:
    """Every file under ``folder`` (hidden ones and hidden folders skipped), and every folder
    that could not be listed with its error, sorted by path. (``Path.rglob`` skips an
    unreadable folder without a word.)"""
    found: list[tuple[Path, OSError | None]] = []

    def unreadable(error: OSError) -> None:
        found.append((Path(error.filename), error))

    for top, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [(Path(top) / f, None) for f in files if not f.startswith(".")
                  and (Path(top) / f).is_file()]
    return sorted(found, key=lambda item: item[0])


def iter_documents(inputs: Iterable[str | Path], default_date: dt.date | None = None,
                   stdin=None) -> Iterator[Document]:
    """Every document in the inputs, in order; folders are walked recursively (sorted)."""
    for item in inputs:
        if str(item) == "-":
            yield from _read_stdin(default_date, stdin)
            continue
        path = Path(item)
        if path.is_dir():
            for child, error in _walk(path):
                if error is not None:
                    yield error_document(child.name, EventwireError("E114", f"folder {child}: {error.strerror or error}"),
                                         None, str(child))
                else:
                    yield from _read_file(child, default_date)
        elif path.exists():
            yield from _read_file(path, default_date)
        else:
            yield error_document(path.name or str(item), EventwireError("E100", str(item)), None, str(item))
