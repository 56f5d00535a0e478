"""Times stage: temporal expressions normalized to TIMEX3 against the document date.

Public surface:
- ``find_times(doc, ctx) -> list[Time]``
- ``date_for(span, ctx) -> tuple[str | None, str | None]``: (``YYYY-MM-DD``/``YYYY-MM``/
  ``YYYY``, precision ``day``/``month``/``year``) for the event in ``span`` (a spaCy Span,
  typically the sentence or the event's clause).
"""
from __future__ import annotations

from .recognize import date_for, find_times

__all__ = ["find_times", "date_for"]
