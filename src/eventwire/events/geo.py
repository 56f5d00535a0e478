"""Where an event's sides are from, and the event place's feature and first-level unit.

Run last in the event stage. A side's place is a place its own phrase names ("protesters in
Minsk", "Kenyan police") or else its country as a country-level place; it fills GDELT's
Actor1Geo/Actor2Geo. A side's text never runs across a paragraph break (the parse can join
the end of one paragraph to the start of the next).
"""
from __future__ import annotations

from ..actors import known_actors, mentions_of
from ..context import DocContext
from ..paragraphs import clip_to_paragraph
from ..places import actor_place
from ..record import Event, EventActor, EventPlace


def _event_place(place) -> EventPlace:
    return EventPlace(name=place.name, country=place.country, lat=place.lat, lon=place.lon,
                      geonameid=place.geonameid, feature=place.feature, admin1=place.admin1)


def _side_span(side: EventActor, event: Event, text: str, ctx: DocContext) -> tuple[int, int] | None:
    s0, s1 = event.sentence.start, event.sentence.end
    at = text.find(side.text, s0, s1)
    if at < 0:
        at = text.find(side.text, max(0, s0 - 2000), s1 + 2000)
    if at < 0:
        return None
    start, end = at, at + len(side.text)
    if "\n" in side.text:
        keep = end - 1
        actor = next((a for a in known_actors(ctx) if a.id == side.actor), None)
        if actor is not None:
            inside = [m for m in mentions_of(actor, ctx) if start <= m.start and m.end <= end]
            if inside:
                keep = inside[-1].start
        start, end = clip_to_paragraph(text, start, end, keep)
        side.text = text[start:end]
    return start, end


def attach_geo(events: list[Event], ctx: DocContext) -> None:
    text = ctx.document.text
    by_id = {p.geonameid: p for p in ctx.places if p.geonameid is not None}
    for event in events:
        if event.place is not None and event.place.feature is None:
            known = by_id.get(event.place.geonameid) or next(
                (p for p in ctx.places if p.name == event.place.name), None)
            if known is not None:
                event.place.feature, event.place.admin1 = known.feature, known.admin1
        for side in (event.source, event.target, event.claimed_by):
            if side is None:
                continue
            span = _side_span(side, event, text, ctx)
            place = actor_place(*span, ctx, side.country) if span else None
            if place is None and side.country:
                place = actor_place(0, 0, ctx, side.country)
            side.place = _event_place(place) if place is not None else None
