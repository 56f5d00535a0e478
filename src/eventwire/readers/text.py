"""Plain-text articles, with the optional header line ``date YYYY-MM-DD Title``."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from ..document import Document, parse_date
from ..errors import EventwireError
from .common import check_text, decode_bytes, error_document, read_bytes

_HEADER = re.compile(r"\A[ \t]*\n*[ \t]*date[ \t]+(\S+)(?:[ \t]+([^\n]*))?\n?", re.IGNORECASE)


def parse_text(text: str, doc_id: str, default_date: dt.date | None = None,
               source: str | None = None) -> Document:
    """A Document from article text; the header line, when present, gives date and title."""
    text = check_text(text)
    title = None
    date = default_date
    if m := _HEADER.match(text):
        date = parse_date(m.group(1))
        title = (m.group(2) or "").strip() or None
        text = text[m.end():]
        if not text.strip():
            raise EventwireError("E101", " after the header line")
    return Document(id=doc_id, text=text, date=date, title=title, source=source)


def read_text_bytes(raw: bytes, doc_id: str, default_date: dt.date | None = None,
                    source: str | None = None) -> Document:
    try:
        return parse_text(decode_bytes(raw), doc_id, default_date, source)
    except EventwireError as err:
        return error_document(doc_id, err, raw, source or doc_id)


def read_text_file(path: Path, default_date: dt.date | None = None) -> Iterator[Document]:
    yield read_text_bytes(read_bytes(path), path.stem, default_date, str(path))
