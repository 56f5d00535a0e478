"""Where an event's sides are from (GDELT's Actor1Geo/Actor2Geo), issue 21."""
import pytest

from eventwire import extract


@pytest.mark.parametrize("text, side, name, feature", [
    ("Russian jets bombed rebels in Idlib on Tuesday.", "source", "Russia", "country"),
    ("Russian jets bombed rebels in Idlib on Tuesday.", "target", "Syria", "country"),
    ("Nairobi police arrested 30 opposition supporters on Monday.", "source", "Nairobi", "city"),
])
def test_side_places(text, side, name, feature):
    record = extract(text, date="2019-05-20")
    event = record.events[0]
    place = getattr(event, side).place
    assert (place.name, place.feature) == (name, feature)


def test_event_place_carries_feature_and_admin1():
    event = extract("Russian jets bombed rebels in Aleppo on Tuesday.", date="2019-05-20").events[0]
    assert event.place.feature == "city" and event.place.admin1


@pytest.mark.parametrize("side_text, kept", [
    ("8 independent MPs\n\nTrudeau", "Trudeau"),
    ("the leader\nof the opposition", "of the opposition"),
])
def test_side_text_stays_in_one_paragraph(side_text, kept):
    from eventwire.context import DocContext
    from eventwire.document import Document
    from eventwire.events.geo import attach_geo
    from eventwire.record import Event, EventActor, Mention, SentenceSpan

    text = f"The motion was backed by {side_text} who attacked the plan."
    ctx = DocContext(document=Document(id="t", text=text))
    event = Event(id="E1", category="ASSAULT", source=EventActor(text=side_text),
                  sentence=SentenceSpan(start=0, end=len(text)),
                  evidence=Mention(start=0, end=3, text=text[:3]), confidence=0.9)
    attach_geo([event], ctx)
    assert event.source.text == kept


@pytest.mark.parametrize("text, category, place", [
    # a country coordinated with the side is a side too, not the scene
    ("France and Germany sent troops to Mali on Monday.", "AID", "Mali"),
    ("Kenya and Uganda deployed soldiers in Somalia on Monday.", None, "Somalia"),
    # guard: two places coordinated with each other stay places
    ("Protesters marched in Paris and Lyon on Saturday.", "PROTEST", "Paris"),
])
def test_a_place_coordinated_with_a_side_is_no_scene(text, category, place):
    events = [e for e in extract(text, date="2019-05-20").events if category in (None, e.category)]
    assert events and events[0].place is not None and events[0].place.name == place


@pytest.mark.parametrize("text, place", [
    # an adjective before "region of X", "town of X" is no place; X is
    ("Troops shot dead three rebels in the mountainous Caucasian republic of Dagestan on Monday.", "Dagestan"),
    ("Soldiers killed five fighters in the restive Caucasian region of Ingushetia on Monday.", "Ingushetiya"),
    # guard: the adjective was never taken where the name after it is a known town
    ("Gunmen killed two guards in the remote Balkan town of Presevo on Monday.", "Preševo"),
])
def test_an_adjective_before_a_unit_word_is_no_place(text, place):
    events = [e for e in extract(text, date="2019-05-20").events if e.category == "ASSAULT"]
    assert events and events[0].place is not None and events[0].place.name == place
