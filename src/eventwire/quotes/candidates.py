"""What the direct and indirect rules produce before they become Quote records."""
from __future__ import annotations

import bisect
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

    @property
    def cue_at(self) -> int:
        """Where the cue stands: its word, else the end of a pattern-found speaker."""
        if self.cue is not None:
            return self.cue.idx
        return self.speaker.end if self.speaker is not None else self.start




class Stretches:
    """Sorted, non-overlapping character stretches (quoted text) with a fast membership test."""

    def __init__(self, spans):
        self._spans = sorted(spans)
        self._starts = [s for s, _ in self._spans]

    def contains(self, pos: int) -> bool:
        i = bisect.bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._spans[i][1]
