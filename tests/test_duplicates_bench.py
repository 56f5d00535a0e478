"""The duplicates diagnosis of the real-news bench (bench/duplicates.py): which test of the
within-article merge keeps a duplicate apart from the event that took its gold event, and
which coded events are duplicates. Events and spans are imagined; no article text is needed."""
from __future__ import annotations

from types import SimpleNamespace as NS

import pytest

from bench.duplicates import duplicate_pairs, why_kept_apart
from eventwire.record import Event, EventActor, EventPlace, Mention, SentenceSpan


def _side(text, country, sector="GOV"):
    return EventActor(text=text, country=country, sector=sector)


def _event(category, source=None, target=None, start=0, **fields):
    place = fields.pop("place", None)
    return Event(id="E", category=category, source=source, target=target,
                 place=None if place is None else EventPlace(name=place[0], country=place[1], lat=place[2],
                                                             lon=place[3], from_="trigger"),
                 sentence=SentenceSpan(start=start, end=start + 10),
                 evidence=Mention(start=start, end=start + 5, text="xxxxx"), confidence=0.9, **fields)


MINISTER, ENVOY = _side("the foreign minister", "FRA"), _side("the ambassador", "DEU")
FRANCE, IRAN = _side("France", "FRA"), _side("Iran", "IRN")


@pytest.mark.parametrize("a, b, why", [
    (_event("ASSAULT"), _event("COERCE", start=20), "categories ASSAULT/COERCE"),
    (_event("CONSULT", MINISTER, ENVOY), _event("CONSULT", MINISTER, ENVOY, start=20, modality="hypothetical"),
     "modalities"),
    (_event("COERCE", mode="arrest"), _event("COERCE", mode="deport", start=20), "modes"),
    (_event("ACCUSE", MINISTER, ENVOY, date="2024-03-18"),
     _event("ACCUSE", MINISTER, ENVOY, start=20, date="2024-03-11"), "dates"),
    (_event("PROTEST", place=("Lyon", "FRA", 45.76, 4.84)),
     _event("PROTEST", start=20, place=("Lille", "FRA", 50.63, 3.06)), "places"),
    (_event("ACCUSE", MINISTER, ENVOY), _event("ACCUSE", MINISTER, _side("Iran", "IRN"), start=20),
     "sides target"),
    (_event("ACCUSE", MINISTER, ENVOY), _event("ACCUSE", MINISTER, None, start=20), "joinable"),
    (_event("ACCUSE", FRANCE, IRAN), _event("ACCUSE", IRAN, FRANCE, start=20), "sides source+target"),
    (_event("CONSULT", FRANCE, IRAN), _event("CONSULT", IRAN, FRANCE, start=20), "joinable"),   # one meeting
    (_event("PROTEST", date="2024-03-14"), _event("PROTEST", start=20, modality="future", date="2024-03-16"),
     "plan after deed"),
])
def test_why_kept_apart(a, b, why):
    told = {id(a), id(b)}   # both dated by their own sentences
    assert why_kept_apart(a, b, told) == why


def test_dates_carried_over_do_not_keep_two_mentions_apart():
    a = _event("ACCUSE", MINISTER, ENVOY, date="2024-03-18")
    b = _event("ACCUSE", MINISTER, ENVOY, start=20, date="2024-03-11")
    assert why_kept_apart(a, b, told={id(a)}) == "joinable"


def _coded(category, evidence, sentence=(0, 100), modality="asserted"):
    span = lambda s, e: NS(start=s, end=e)   # noqa: E731
    return NS(category=category, modality=modality, evidence=span(*evidence), mentions=[],
              sentence=span(*sentence))


def _gold(category, evidence):
    return {"category": category, "modality": "asserted", "evidence": {"start": evidence[0], "end": evidence[1]},
            "mentions": []}


def test_a_second_event_on_a_taken_gold_event_is_a_duplicate():
    # an attack told in the lead (0-100) and again in the body (100-200), coded twice; a protest
    # coded on its own gold event is no duplicate; nor is a background statement
    golds = [_gold("ASSAULT", (10, 60)), _gold("PROTEST", (210, 260))]
    lead, body = _coded("ASSAULT", (20, 28)), _coded("ASSAULT", (40, 50))
    protest = _coded("PROTEST", (220, 227), (200, 300))
    pairs = duplicate_pairs({"events": golds}, NS(events=[lead, body, protest]))
    assert [(d, t, g["category"]) for d, t, g in pairs] == [(body, lead, "ASSAULT")]
    background = {"events": golds, "non_events": [{"start": 35, "end": 55, "kind": "background"}]}
    assert duplicate_pairs(background, NS(events=[lead, body, protest])) == []
