"""Events stage: who did what to whom, coded in PLOVER with CAMEO, modality and evidence.

Public surface: ``code_events(doc, ctx) -> list[Event]``.
"""
from __future__ import annotations

from .code import code_events

__all__ = ["code_events"]
