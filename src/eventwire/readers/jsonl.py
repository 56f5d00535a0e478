"""JSON Lines: one article per line, fields ``id``, ``text``, optional ``date``, ``title``, ``url``."""
from __future__ import annotations

import codecs
import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..document import Document, parse_date
from ..errors import EventwireError
from .common import MAX_DOCUMENT_BYTES, check_text, decode_bytes, error_document, sniff_binary

_OPTIONAL_STR = ("title", "url")


def parse_jsonl_line(line: bytes, lineno: int, stem: str, default_date: dt.date | None,
                     source: str) -> Document:
    fallback_id = f"{stem}-{lineno}"
    where = f"{source}:{lineno}"
    try:
        if len(line) > MAX_DOCUMENT_BYTES:
            raise EventwireError("E107", f"line {lineno}: {len(line):,} bytes")
        try:
            obj = json.loads(decode_bytes(line))
        except json.JSONDecodeError as exc:
            raise EventwireError("E104", f" at line {lineno}, column {exc.colno}: {exc.msg}") from None
        except RecursionError:
            raise EventwireError("E104", f" at line {lineno}: nested too deeply") from None
        if not isinstance(obj, dict):
            raise EventwireError("E104", f" at line {lineno}: a {type(obj).__name__}, not an object")
        doc_id = obj.get("id", fallback_id)
        if isinstance(doc_id, int) and not isinstance(doc_id, bool):
            doc_id = str(doc_id)
        if not isinstance(doc_id, str) or not doc_id.strip():
            raise EventwireError("E111", f": 'id' at line {lineno} must be a string")
        fallback_id = doc_id
        text = obj.get("text")
        if text is None:
            raise EventwireError("E105", f" at line {lineno}")
        if not isinstance(text, str):
            raise EventwireError("E111", f": 'text' at line {lineno} is a {type(text).__name__}")
        for name in _OPTIONAL_STR:
            if obj.get(name) is not None and not isinstance(obj[name], str):
                raise EventwireError("E111", f": '{name}' at line {lineno} must be a string")
        date = parse_date(obj["date"]) if obj.get("date") is not None else default_date
        return Document(id=doc_id, text=check_text(text), date=date, title=obj.get("title"),
                        url=obj.get("url"), source=where)
    except EventwireError as err:
        return error_document(fallback_id, err, line, where)
    except Exception as exc:  # a bug on one line must not cost the lines after it
        return error_document(fallback_id, EventwireError("E113", f"line {lineno}: {type(exc).__name__}"),
                              line, where)


def iter_jsonl(lines: Iterable[bytes], stem: str, default_date: dt.date | None,
               source: str) -> Iterator[Document]:
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        yield parse_jsonl_line(line, lineno, stem, default_date, source)


def bounded_lines(fh, limit: int = MAX_DOCUMENT_BYTES) -> Iterator[bytes]:
    """The lines of a binary file, each read to at most ``limit + 1`` bytes: a longer line is
    given cut there (and refused as too large, E107) and the rest of it is skipped a megabyte
    at a time, so one endless line never sits in memory whole."""
    while line := fh.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
        yield line


def _utf8_text(head: bytes) -> bool:
    """Whether the first bytes of a file decode as UTF-8 (a character cut at the end allowed)."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _text_after_first_line(head: bytes) -> bool:
    """Whether a file's first bytes read as text, at least after its first line."""
    if _utf8_text(head):
        return True
    rest = head.partition(b"\n")[2]
    return bool(rest) and _utf8_text(rest)


def read_jsonl_file(path: Path, default_date: dt.date | None = None) -> Iterator[Document]:
    with open(path, "rb") as fh:
        head = fh.read(4096)
        kind = sniff_binary(head)
        # A compressed or binary file: one error for the file, not one per "line". NUL bytes
        # alone do not make a file binary: the line holding them is refused, the rest is read;
        # nor does a first line that merely starts like one ("%PDF-", "BZh") in a file that is
        # all text (a real PDF or archive is not UTF-8 past its first bytes), or whose lines
        # after a first bad one are text (a line of junk that happens to open with xz's magic).
        if kind and kind != "NUL bytes" and not _text_after_first_line(head):
            yield error_document(path.stem, EventwireError("E103", kind), None, str(path))
            return
        fh.seek(0)
        yield from iter_jsonl(bounded_lines(fh), path.stem, default_date, str(path))
