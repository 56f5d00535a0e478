"""Quotes stage: who said what, when — direct and indirect, attributed to coded actors.

Public surface:
- ``find_quotes(doc, ctx) -> list[Quote]``: the stage.
- ``quote_for(span, ctx) -> Quote | None``: the quote whose content contains ``span`` (for
  callers that hold a span: is it reported speech, and whose?).
- ``statement_category(quote, ctx) -> str | None``: the PLOVER category the statement itself
  codes as (ACCUSE for "accused", THREATEN for "warned", ...), with the speaker as source.
"""
from __future__ import annotations

from .find import find_quotes, quote_for, statement_category

__all__ = ["find_quotes", "quote_for", "statement_category"]
