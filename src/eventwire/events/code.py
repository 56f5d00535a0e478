"""Placeholder until the event coder lands (issue 8): the code path exists, codes nothing."""
from __future__ import annotations

from ..context import DocContext
from ..record import Event


def code_events(doc, ctx: DocContext) -> list[Event]:
    return []
