"""What the direct and indirect rules produce before they become Quote records."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..record import Speaker


@dataclass
class Candidate:
    start: int
    end: int
    direct: bool
    cue: object = None  # the cue Token, when the cue is a word
    cue_text: str | None = None
    speaker: Speaker | None = None
    segments: list = field(default_factory=list)  # quoted Segments making up a direct quote
    embedded: bool = False  # a quoted phrase inside a sentence with no cue of its own
