"""What the stages share while they annotate one document."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, Optional

from .document import Document
from .record import Actor, Event, Mention, Place, Quote, Time

if TYPE_CHECKING:
    from .actors.resolve import DocumentActors
    from .spanindex import SpanIndex
    from .times.recognize import Found


@dataclass
class PlaceNotes:
    """What the places stage knows beyond ``ctx.places``, for the event-place helpers."""
    demonyms: set[tuple[int, int]] = field(default_factory=set)   # spans named by a demonym
    parts: set[tuple[int, int]] = field(default_factory=set)      # parts of a city ("Gaza's Rimal")
    sites: list[Place] = field(default_factory=list)              # streets, bases, buildings
    offices: set[tuple[int, int]] = field(default_factory=set)    # "King Salman of Saudi Arabia"
    # per-document memos of places/event.py (every event asks)
    candidates: dict = field(default_factory=dict)
    focus: dict = field(default_factory=dict)
    only_town: dict = field(default_factory=dict)


@dataclass
class FoundActors:
    """What stages after the actors stage code on demand (``actors.actor_at``: "Houthi
    targets", a speaker the stage did not list), kept apart from ``DocContext.actors`` until
    the actors stage's merge step adds it to the record after the last stage. Lookups during
    the stages read both (``actors.known_actors``, ``actors.mentions_of``)."""
    actors: list[Actor] = field(default_factory=list)                # new actors, in the order found
    mentions: dict[str, list[Mention]] = field(default_factory=dict)  # actor id -> new mentions of ctx.actors


@dataclass
class DocContext:
    document: Document
    actors: list[Actor] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # Each stage's own working data, set by that stage; later stages read it only through
    # the owning stage's helpers (actor_at, date_for, event_place, statement_category).
    actor_state: Optional[DocumentActors] = None         # actors stage
    found_actors: FoundActors = field(default_factory=FoundActors)   # stages that declare finds=("actors",)
    times_found: Optional[list[Found]] = None            # times stage
    place_notes: Optional[PlaceNotes] = None             # places stage
    quote_cue_lemmas: Optional[dict[tuple[int, int], str]] = None   # quotes stage: (start, end) -> cue lemma
    # events stage: each coded event's confidence features by evidence span, for
    # scripts/train_confidence.py (the record keeps only the confidence)
    event_features: dict[tuple[int, int], dict[str, float]] = field(default_factory=dict)
    # events stage: whether the document is about private life, business or sport
    # (events.relevance.private_document), worked out once per document
    private_document: Optional[bool] = None
    # Memos only: span indexes over the parts, built once per document and keyed
    # ("spanindex", name) by spanindex.cached_index. No stage keeps its data here.
    scratch: dict[tuple[str, str], SpanIndex] = field(default_factory=dict)


# The parts of the record a stage can read or fill.
RECORD_PARTS = ("actors", "times", "places", "quotes", "events")


@dataclass(frozen=True)
class Stage:
    """One stage of the pipeline: ``run(spacy_doc, ctx)`` returns the list the stage
    ``assigns`` to its context field; ``requires`` names the fields, filled by earlier
    stages, that it reads (directly or through their helpers: actor_at, date_for, ...).
    ``finds`` names earlier parts it may find more of on demand (kept apart, e.g.
    ``ctx.found_actors``); the stage that fills such a part has ``merge_found``, run once
    after the last stage, to add them to its part."""
    name: str
    run: Callable[[Any, DocContext], list]
    assigns: str
    requires: tuple[str, ...] = ()
    finds: tuple[str, ...] = ()
    merge_found: Optional[Callable[[DocContext], None]] = None


def check_stage_order(stages: Sequence[Stage]) -> None:
    """Refuse (ValueError) a pipeline in which a stage reads a part no earlier stage filled,
    two stages fill one part, a stage names a part the record has not, or a stage finds more
    of a part whose stage merges nothing."""
    known = {f.name for f in fields(DocContext)} & set(RECORD_PARTS)
    filled: dict[str, Stage] = {}
    for stage in stages:
        unknown = ({stage.assigns} | set(stage.requires) | set(stage.finds)) - known
        if unknown:
            raise ValueError(f"stage {stage.name!r} names unknown record parts {sorted(unknown)}")
        missing = (set(stage.requires) | set(stage.finds)) - set(filled)
        if missing:
            raise ValueError(f"stage {stage.name!r} reads {sorted(missing)} before any stage fills it")
        unmerged = sorted(part for part in stage.finds if filled[part].merge_found is None)
        if unmerged:
            raise ValueError(f"stage {stage.name!r} finds more {unmerged}, which no stage merges")
        if stage.assigns in filled:
            raise ValueError(f"stage {stage.name!r} fills {stage.assigns!r}, which an earlier stage filled")
        filled[stage.assigns] = stage
