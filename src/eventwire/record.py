"""The document record of spec/output.md, defined once and used everywhere.

Every span is a pair of Python ``str`` offsets into the record's own ``text``.
"""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from .categories import load_categories

SCHEMA = "eventwire/1"

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Modality = Literal["asserted", "negated", "hypothetical", "future"]
Precision = Literal["day", "month", "year"]
PLOVER_CATEGORIES = tuple(load_categories().categories)   # data/categories.json


class Part(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Mention(Part):
    start: int
    end: int
    text: str


class Actor(Part):
    id: str
    name: str
    type: Literal["person", "organization", "country", "group", "other"] = "other"
    country: Optional[str] = None
    sector: Optional[str] = None
    code: Optional[str] = None
    mentions: list[Mention] = Field(default_factory=list)


class Time(Part):
    start: int
    end: int
    text: str
    type: TimexType
    value: str


class Place(Part):
    start: int
    end: int
    text: str
    name: str
    feature: Literal["city", "admin1", "admin2", "country", "region", "other"] = "other"
    country: Optional[str] = None
    admin1: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonameid: Optional[int] = None


class Speaker(Part):
    start: int
    end: int
    text: str
    actor: Optional[str] = None


class Quote(Part):
    start: int
    end: int
    text: str
    direct: bool
    cue: Optional[str] = None
    date: Optional[str] = None
    speaker: Optional[Speaker] = None


PlaceOrigin = Literal["trigger", "clause", "sentence", "paragraph", "document"]


class EventPlace(Part):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    name: str
    country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonameid: Optional[int] = None
    # where the place came from (added for issue 17; absent in older records): the mention
    # tied to the event's trigger, its clause, its sentence, its paragraph, or the
    # document's focus; and that mention's span in the text
    from_: Optional[PlaceOrigin] = Field(default=None, alias="from")
    start: Optional[int] = None
    end: Optional[int] = None
    feature: Optional[Literal["city", "admin1", "admin2", "country", "region", "other"]] = None
    admin1: Optional[str] = None


class EventActor(Part):
    actor: Optional[str] = None
    text: str
    country: Optional[str] = None
    sector: Optional[str] = None
    # where the side is from or based: a place its own phrase names, else its country
    place: Optional[EventPlace] = None


class SentenceSpan(Part):
    start: int
    end: int


class Count(Part):
    """A number of people reported killed or injured, and the words that give it.

    ``count`` is the lowest figure the text gives ("at least 12" -> 12, "between 10 and 15"
    -> 10, "dozens" -> 12), ``null`` for words with no number ("several"); ``qualifier`` says
    how to read it: exact, at least, about, at most, or vague."""
    count: Optional[int] = Field(default=None, ge=0)
    qualifier: Literal["exact", "at least", "about", "at most", "vague"] = "exact"
    start: int
    end: int
    text: str


class Casualties(Part):
    """Casualties of a violent event as the text reports them; ``null`` where it gives none."""
    killed: Optional[Count] = None
    injured: Optional[Count] = None


class Event(Part):
    id: str
    category: str
    mode: Optional[str] = None
    cameo: Optional[str] = None
    goldstein: Optional[float] = None
    quad_class: Optional[int] = None
    acled_event_type: Optional[str] = None
    source: Optional[EventActor] = None
    target: Optional[EventActor] = None
    date: Optional[str] = None
    date_precision: Optional[Precision] = None
    place: Optional[EventPlace] = None
    modality: Modality = "asserted"
    sentence: SentenceSpan
    evidence: Mention
    # other mentions of the same real-world event in this document ("the attack", the toll)
    mentions: list[Mention] = Field(default_factory=list)
    # an event told only inside a quotation or a reported claim: whose claim it is
    claimed_by: Optional[EventActor] = None
    # violent events (ASSAULT, riots, violent repression): people reported killed and injured
    casualties: Optional[Casualties] = None
    confidence: float = Field(ge=0.0, le=1.0)


class Record(Part):
    schema_: str = Field(default=SCHEMA, alias="schema")
    id: str
    title: Optional[str] = None
    date: Optional[str] = None
    url: Optional[str] = None
    language: Optional[str] = "en"
    text: str
    actors: list[Actor] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_json(self) -> str:
        return self.model_dump_json(by_alias=True)

    def to_dict(self) -> dict:
        return self.model_dump(by_alias=True, mode="json")

    def spans(self):
        """Every part with ``start``/``end``/``text`` into ``text``: actor mentions, times,
        places, quotes and their speakers, event evidence. The contract is that
        ``text[s.start:s.end] == s.text`` for each."""
        for actor in self.actors:
            yield from actor.mentions
        yield from self.times
        yield from self.places
        for quote in self.quotes:
            yield quote
            if quote.speaker is not None:
                yield quote.speaker
        for event in self.events:
            yield event.evidence
            yield from event.mentions
            if event.casualties is not None:
                yield from (c for c in (event.casualties.killed, event.casualties.injured) if c is not None)

    def misplaced_spans(self) -> list:
        """The spans that break the offset contract (empty for a sound record)."""
        return [s for s in self.spans() if self.text[s.start:s.end] != s.text]


class ErrorInfo(Part):
    code: str
    message: str


class ErrorRecord(Part):
    schema_: str = Field(default=SCHEMA, alias="schema")
    id: str
    title: Optional[str] = None
    date: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None
    error: ErrorInfo

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_json(self) -> str:
        return self.model_dump_json(by_alias=True, exclude={"source"})

    def to_dict(self) -> dict:
        return self.model_dump(by_alias=True, mode="json", exclude={"source"})


def parse_record(line: str) -> Record | ErrorRecord:
    """Read one JSON line written by ``extract`` back into its model."""
    import json

    data = json.loads(line)
    if "error" in data:
        return ErrorRecord.model_validate(data)
    return Record.model_validate(data)
