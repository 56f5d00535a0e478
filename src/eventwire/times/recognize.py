"""First version: spaCy DATE/TIME entities, explicit ISO and month-name dates normalized."""
from __future__ import annotations

import datetime as dt
import re

from ..context import DocContext
from ..record import Time

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], 1)}
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MDY = re.compile(r"\b([A-Za-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b")
_DMY = re.compile(r"\b(\d{1,2}) ([A-Za-z]+),? (\d{4})\b")


def _normalize(text: str) -> str | None:
    if m := _ISO.search(text):
        return m.group(0)
    for rx, (mi, di, yi) in ((_MDY, (1, 2, 3)), (_DMY, (2, 1, 3))):
        if m := rx.search(text):
            month = _MONTHS.get(m.group(mi).lower())
            if month:
                try:
                    return dt.date(int(m.group(yi)), month, int(m.group(di))).isoformat()
                except ValueError:
                    return None
    return None


def find_times(doc, ctx: DocContext) -> list[Time]:
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        value = _normalize(ent.text)
        if value is None:
            continue
        out.append(Time(start=ent.start_char, end=ent.end_char, text=ent.text,
                        type="DATE", value=value))
    return out


def date_for(span, ctx: DocContext) -> tuple[str | None, str | None]:
    for t in ctx.times:
        if span.start_char <= t.start and t.end <= span.end_char and len(t.value) == 10:
            return t.value, "day"
    if ctx.document.date is not None:
        return ctx.document.date.isoformat(), "day"
    return None, None
