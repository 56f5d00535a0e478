"""Actors stage: who acts in a document, resolved to coded actors (country + CAMEO sector).

Public surface used by other stages:

- ``find_actors(doc, ctx) -> list[Actor]``: the stage. Every person, organization, country
  (or capital/seat of power used for its government) and agent group ("Russian warplanes",
  "protesters in Minsk") the document names, with its mentions.
- ``actor_at(start, end, ctx) -> Actor | None``: the actor a character span refers to. The
  mention that holds the span's head word wins ("the leaders of Turkey, Iran and Russia" ->
  the Turkish leaders); a span no mention covers ("Houthi targets", "an Israeli air strike")
  is coded on demand, and the new actor or mention kept in ``ctx.found_actors``.
- ``known_actors(ctx)``, ``mentions_of(actor, ctx)``: the actors and an actor's mentions
  with those found on demand so far: what later stages read instead of ``ctx.actors``.
- ``merge_found_actors(ctx)``: the step after the last stage (``pipeline.STAGES``) that adds
  what was found on demand to the record's actors.
- ``resolve_phrase(text, date=None, country=None) -> (country, sector, name) | None``: a
  free-standing phrase ("police", "Turkish troops"); ``country`` is the fallback for agents
  that name none (e.g. the document's focus).
- ``load_dictionary(extra=None)``: the merged dictionary (cached per process). The event
  stage reads its sides' countries and sectors from it too: one resolver for the record.

Data (``data/``): ``petrarch_actors.tsv``/``petrarch_agents.tsv`` converted from the
PETRARCH2/Phoenix dictionaries (MIT) by ``scripts/convert_petrarch_actors.py``;
``countries.csv`` (every ISO country: names, demonyms, capitals); ``leaders.csv`` (heads of
state and government and other office holders with date ranges); ``actors.yaml`` (seats of
power, IGOs/NGOs/armed groups/companies, agent nouns -> sectors).

User dictionaries: set ``EVENTWIRE_ACTORS=/path/mine.yaml`` (several paths separated by
``:``) or call ``load_dictionary(extra=[path])``. A user file is YAML with any of the
sections ``seats`` (phrase: CODE, or null to delete), ``organizations`` (``names``, and
``code`` or ``country``/``sector``), ``agents`` (phrase: SECTOR), ``people`` (``name``,
``aliases``, ``country``, ``sector``), ``regions`` (place name: ISO3, ties actors to a country
without making them its government) and ``leaders`` (rows as in ``leaders.csv``); its
entries override the built-in ones phrase by phrase. A file that cannot be read raises
``EventwireError`` E210.
"""
from __future__ import annotations

from .dictionary import load_dictionary
from .resolve import (actor_at, country_guessed, find_actors, known_actors, mentions_of, merge_found_actors,
                      resolve_phrase)

__all__ = ["find_actors", "actor_at", "country_guessed", "known_actors", "mentions_of", "merge_found_actors",
           "resolve_phrase", "load_dictionary"]
