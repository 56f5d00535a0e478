"""What the whole pipeline codes for a sentence written for a test: its record, the asserted
events, and their categories. Shared by the event test modules."""
from __future__ import annotations

from eventwire.pipeline import extract

DATE = "2024-03-18"  # a Monday


def coded_record(text: str, date: str | None = DATE):
    """The record the pipeline makes of ``text``; a document it could not code fails the test
    with its error."""
    rec = extract(text, date=date)
    assert not hasattr(rec, "error"), getattr(rec, "error", None)
    return rec


def asserted(text: str, category: str | None = None, date: str = DATE) -> list:
    """The asserted events coded for ``text`` (of ``category`` when given)."""
    return [e for e in coded_record(text, date).events if e.modality == "asserted" and (category is None or e.category == category)]


def coded_events(text: str, category: str, date: str = DATE) -> list:
    """The events of ``category`` coded for ``text``, in any modality; none fails the test with
    what was coded."""
    rec = coded_record(text, date)
    found = [e for e in rec.events if e.category == category]
    assert found, [(e.category, e.evidence.text) for e in rec.events]
    return found


def categories(text: str) -> set[str]:
    return {e.category for e in asserted(text)}
