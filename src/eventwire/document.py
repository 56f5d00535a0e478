"""The Document a reader produces: what the stages read."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Optional

from .errors import EventwireError


@dataclass
class Document:
    id: str
    text: str
    date: Optional[dt.date] = None
    title: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None  # where it was read from (path, path:line, WARC record)
    error: Optional[EventwireError] = None  # set when the reader could not produce text
    raw: Optional[bytes] = None  # kept for quarantine when ``error`` is set
    meta: dict = field(default_factory=dict)

    @property
    def date_str(self) -> Optional[str]:
        return self.date.isoformat() if self.date else None

    @property
    def content_hash(self) -> str:
        """Identity for idempotent ingest: id, date and text, or the raw bytes when bad."""
        h = hashlib.sha256()
        h.update((self.id or "").encode())
        h.update(b"\0")
        h.update((self.date_str or "").encode())
        h.update(b"\0")
        if self.error is not None:
            h.update(self.raw or b"")
            h.update(self.error.code.encode())
        else:
            h.update(self.text.encode("utf-8", "surrogatepass"))
        return h.hexdigest()


# Earlier than this, a "publication date" is a placeholder (Go's zero time 0001-01-01, a
# spreadsheet's 1900-01-00) rather than a date; the stages and the store reckon days around a
# document's date, which Python cannot do next to year 1. Refused at read time (E106).
EARLIEST_DATE = dt.date(1600, 1, 1)


def parse_date(value: object) -> Optional[dt.date]:
    """A YYYY-MM-DD date, or None when absent; a bad value raises E106."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise EventwireError("E106", repr(value))
    text = value.strip()[:10]
    try:
        date = dt.date.fromisoformat(text)
    except ValueError:
        raise EventwireError("E106", repr(value)) from None
    # A day's slack for time zones; later than that, the date cannot be a publication date.
    if date > dt.date.today() + dt.timedelta(days=1):
        raise EventwireError("E106", f"{value!r} (in the future)")
    if date < EARLIEST_DATE:
        raise EventwireError("E106", f"{value!r} (before {EARLIEST_DATE.isoformat()}, not a publication date)")
    return date
