"""Places stage: toponyms resolved to coordinates with an offline gazetteer.

Public surface:
- ``find_places(doc, ctx) -> list[Place]``
- ``event_place(span, ctx) -> Place | None``: the most specific place the sentence ties to
  an event in ``span`` (a spaCy Span), else the document's focus.
"""
from __future__ import annotations

from .resolve import event_place, find_places

__all__ = ["find_places", "event_place"]
