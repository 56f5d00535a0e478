"""Places stage: toponyms resolved to coordinates with an offline gazetteer.

Public surface:
- ``find_places(doc, ctx) -> list[Place]``
- ``event_place(span, ctx) -> Place | None``: the most specific place the sentence ties to
  an event in ``span`` (a spaCy Span), else the document's focus.
- ``actor_place(start, end, ctx, country) -> Place | None``: where the actor a phrase names is
  from (a place inside the phrase, else its country); ``country_place(iso3)``.
- ``document_focus(ctx) -> Place | None`` and ``is_demonym(place, ctx) -> bool`` for the
  event stage ("Turkish" is a place mention but a weak event location).
"""
from __future__ import annotations

from .resolve import actor_place, country_place, document_focus, event_place, find_places, is_demonym

__all__ = ["find_places", "event_place", "actor_place", "country_place", "document_focus", "is_demonym"]
