"""Acts told with a light verb, and trigger senses the lexicon lacked (issue 16, the coder's
misses): a stance noun is the event when a light verb of stance voices it ("expressed
disappointment at", "announced their support for", "issued a request for", "applied pressure
on"); the light verb's subject is the source, the noun's or the verb's complement the target.
A private person's feeling voiced so is no party's act.

Every sentence here is written for these tests.
"""
from __future__ import annotations

import pytest

from coded import asserted


@pytest.mark.parametrize("text, category, source, target", [
    ("The foreign ministry expressed disappointment at the court's ruling on Monday.", "ACCUSE",
     "The foreign ministry", "the court"),
    ("The prime minister voiced strong opposition to the Senate's plan on Monday.", "ACCUSE",
     "The prime minister", "the Senate"),
    ("Two senators announced their support for Governor Ellis on Monday.", "SUPPORT",
     "Two senators", "Governor Ellis"),
    ("The opposition party offered its support to the president on Monday.", "SUPPORT",
     "The opposition party", "the president"),
    ("On Monday, tributes were paid by the Kenyan president to the late envoy.", "SUPPORT",
     "the Kenyan president", "the late envoy"),
    ("The interior minister issued a formal request to Interpol on Monday.", "REQUEST",
     "The interior minister", "Interpol"),
    ("Beijing is applying pressure on Pyongyang to halt its missile tests.", "REQUEST",
     "Beijing", "Pyongyang"),
    ("The Nigerian government extended an apology to Ghana on Monday.", "SUPPORT",
     "The Nigerian government", "Ghana"),
])
def test_a_stance_noun_told_with_a_light_verb_is_the_event(text, category, source, target):
    events = asserted(text, category)
    assert len(events) == 1, asserted(text)
    e = events[0]
    assert e.source is not None and e.source.text == source
    assert e.target is not None and e.target.text == target


@pytest.mark.parametrize("text", [
    "Three senators announced their support for the nuclear agreement on Monday.",
    "The governing party stressed its support for the reform bill on Monday.",
])
def test_support_for_a_measure_is_told_without_a_target(text):
    events = asserted(text, "SUPPORT")
    assert len(events) == 1 and events[0].target is None


@pytest.mark.parametrize("text", [
    # the light verb is evidence of the one event, not an event of its own
    "The opposition party offered its support to the president on Monday.",
    "The interior minister issued a formal request to Interpol on Monday.",
])
def test_the_light_verb_tells_no_second_event(text):
    assert len(asserted(text)) == 1


@pytest.mark.parametrize("text", [
    # a stance noun with no light verb: a state of things, no act
    "Support for the peace deal is growing among voters, a poll found.",
    "The country receives military support from its northern neighbour.",
    "Public anger over fuel prices has grown for months.",
    # private people voicing a feeling or a wish: no party acts
    "Residents expressed anger over the power cuts on Monday.",
    "His sister made public requests for information about the crash.",
    "Fans paid tribute to the striker before the match on Sunday.",
])
def test_no_stance_event_without_a_light_verb_or_a_party(text):
    assert asserted(text) == []
