"""Times stage: temporal expressions normalized to TIMEX3 against the document date.

Public surface:
- ``find_times(doc, ctx) -> list[Time]``: every temporal expression of the document with its
  TIMEX3 ``type`` (DATE, TIME, DURATION, SET) and ``value`` (``2018-09-14``, ``2018-W37``,
  ``2018-Q3``, ``P2W``, ``PRESENT_REF`` ...), resolved against ``ctx.document.date``; without
  a document date relative expressions keep ``X`` placeholders (``XXXX-WXX-1``) or a
  reference word, never an invented day.
- ``date_for(span, ctx, anchor_token=None) -> (value, precision)``: the date an event in
  ``span`` (a spaCy Span: the sentence or the event's clause) happened: ``YYYY-MM-DD``,
  ``YYYY-MM`` or ``YYYY`` with precision ``day``/``month``/``year``, from the DATE expression
  attached to the event's verb (``anchor_token``, else the span's root), else the nearest one
  in the span, else the document date; ``(None, None)`` when nothing absolute is known.
- ``time_for(span, ctx, anchor_token=None) -> (value, precision) | None``: the same choice
  without the document-date fallback: None when the span tells no time the event can take
  (only durations, another clause's year, a day to come in a past clause).

Modules: ``lexicon`` (data/lexicon.yaml and data/patterns.yaml, loaded once), ``recognize``
(matching and overlap resolution, the stage function, date_for), ``normalize`` (one function
per rule), ``calendar`` (weeks, quarters, seasons, holidays), ``tense`` (past/future of the
governing clause from the dependency parse).
"""
from __future__ import annotations

from .recognize import date_for, find_times, time_for

__all__ = ["find_times", "date_for", "time_for"]
