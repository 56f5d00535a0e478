"""Actors stage: who is named in the document, resolved to coded actors.

Public surface used by other stages:
- ``find_actors(doc, ctx) -> list[Actor]``
- ``actor_at(start, end, ctx) -> Actor | None``: the actor with a mention overlapping
  the character span (the event and quote stages use it for sources and targets).
"""
from __future__ import annotations

from .resolve import actor_at, find_actors

__all__ = ["find_actors", "actor_at"]
