"""Places stage: toponyms resolved to coordinates with an offline gazetteer.

Public surface:
- ``find_places(doc, ctx) -> list[Place]``
- ``event_place(span, ctx, trigger=None) -> EventPlace | None``: where the event of
  ``trigger`` (a token of the sentence ``span``) happened: the place tied to the trigger,
  else its clause, sentence, paragraph, else the document's focus, with where it came from.
- ``actor_place(start, end, ctx, country) -> Place | None``: where the actor a phrase names is
  from (a place inside the phrase, else its country); ``country_place(iso3)``.
- ``document_focus(ctx) -> Place | None`` and ``is_demonym(place, ctx) -> bool`` for the
  event stage ("Turkish" is a place mention but a weak event location).
- ``named_sites(ctx) -> list[Place]``: streets, bases and buildings the document names, at
  the point of the place that holds them; event places, not toponyms (not in ``ctx.places``).
- ``photo_caption(sentence_text) -> bool``: a photo caption set into the story, whose places
  are its picture's, not the paragraph's.
"""
from __future__ import annotations

from .event import document_focus, event_place, is_demonym, named_sites, photo_caption
from .resolve import actor_place, country_place, find_places

__all__ = ["find_places", "event_place", "actor_place", "country_place", "document_focus", "is_demonym",
           "named_sites", "photo_caption"]
