"""What the stages share while they annotate one document."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .document import Document
from .record import Actor, Event, Place, Quote, Time


@dataclass
class DocContext:
    document: Document
    actors: list[Actor] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # Stage-private working data (e.g. actor mention index) that later stages may read
    # through the owning stage's helper functions, never directly.
    scratch: dict[str, Any] = field(default_factory=dict)
