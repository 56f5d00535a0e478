"""What the whole pipeline codes for a sentence written for a test: the asserted events, and
their categories. Shared by the event test modules."""
from __future__ import annotations

from eventwire.pipeline import extract

DATE = "2024-03-18"  # a Monday


def asserted(text: str, category: str | None = None, date: str = DATE) -> list:
    """The asserted events coded for ``text`` (of ``category`` when given); a document the
    pipeline could not code fails the test with its error."""
    rec = extract(text, date=date)
    assert not hasattr(rec, "error"), getattr(rec, "error", None)
    return [e for e in rec.events if e.modality == "asserted" and (category is None or e.category == category)]


def categories(text: str) -> set[str]:
    return {e.category for e in asserted(text)}
