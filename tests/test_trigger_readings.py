"""Trigger readings by construction (issue 16, the coder's misses and misread categories):
a passive's subject is the one the verb is done to, as its object is in the active ("the
ambassador was summoned" is the summons of "summoned the ambassador"); a thing or a crowd's
act that is "met by" something meets no one (a response, not a CONSULT); a promise of harm in
return is a threat (THREATEN), any other promise commits to an act (AGREE); "left two dead"
puts its object in a state and tells no withdrawal.

Every sentence here is written for these tests.
"""
from __future__ import annotations

import pytest

from coded import asserted


@pytest.mark.parametrize("text, category, target", [
    ("The Dutch ambassador was summoned to the foreign ministry in Ankara on Monday.", "ACCUSE",
     "The Dutch ambassador"),
    ("Two Russian diplomats were summoned by the Polish foreign ministry on Monday.", "ACCUSE",
     "Two Russian diplomats"),
    ("Canada's ambassador to Riyadh was recalled on Monday.", "SANCTION", "Canada's ambassador"),
    ("The permanent representative of Chile to the UN was recalled on Monday.", "SANCTION",
     "The permanent representative of Chile"),
    ("The Russian charge d'affaires was summoned by the ministry on Monday.", "ACCUSE",
     "The Russian charge d'affaires"),
])
def test_a_passive_subject_is_read_as_the_verbs_object(text, category, target):
    events = asserted(text, category)
    assert len(events) == 1, asserted(text)
    assert events[0].target is not None and events[0].target.text == target


@pytest.mark.parametrize("text, category, target", [
    # a state's envoys are one word class for summoning, recalling and expelling
    ("Peru expelled two Bolivian consuls on Monday.", "SANCTION", "two Bolivian consuls"),
    ("Poland expelled the Russian consul general on Monday.", "SANCTION", "the Russian consul general"),
])
def test_the_envoys_of_a_state_are_one_word_class(text, category, target):
    events = asserted(text, category)
    assert len(events) == 1, asserted(text)
    assert events[0].target is not None and events[0].target.text == target


@pytest.mark.parametrize("text", [
    # the same verbs done to what their rules do not name: no event, passive or active
    "The students were summoned to the headmaster's office on Monday.",
    "The defective cars were recalled by the manufacturer on Monday.",
    "The manufacturer recalled the defective cars on Monday.",
    "The company's sales representatives were summoned to a meeting on Monday.",
])
def test_a_passive_subject_the_rules_do_not_name_gives_no_event(text):
    assert asserted(text) == []


@pytest.mark.parametrize("text", [
    "The protesters were met by tear gas on Monday.",
    "The march was met by riot police on Monday.",
    "The students' rally was met with water cannon on Monday.",
])
def test_met_by_a_thing_or_as_an_event_is_no_meeting(text):
    assert asserted(text, "CONSULT") == []


@pytest.mark.parametrize("text", [
    "The prime minister was met by the French president at the airport on Monday.",
    "The two leaders met in Geneva on Monday.",
    "The foreign minister met his Chinese counterpart in Beijing on Monday.",
])
def test_parties_meeting_stay_a_consultation(text):
    assert len(asserted(text, "CONSULT")) == 1


@pytest.mark.parametrize("text, source", [
    ("Moscow promised retaliation against Washington on Monday.", "Moscow"),
    ("The Iranian government pledged a decisive response to the strike on Monday.", "The Iranian government"),
    ("The rebel commander promised revenge for the killing of his men on Monday.", "The rebel commander"),
])
def test_a_promise_of_harm_in_return_is_a_threat(text, source):
    events = asserted(text, "THREATEN")
    assert len(events) == 1, asserted(text)
    assert events[0].source is not None and events[0].source.text == source
    assert asserted(text, "AGREE") == []


@pytest.mark.parametrize("text", [
    "The donors promised aid to Haiti on Monday.",
    "The government promised a response to the petition on Monday.",
    "The two parties pledged cooperation on trade on Monday.",
])
def test_any_other_promise_commits_to_an_act(text):
    assert asserted(text, "THREATEN") == []
    assert len(asserted(text, "AGREE")) == 1


@pytest.mark.parametrize("text", [
    "The police raid in the capital on Monday left two dead.",
    "The army assault on the base left more than 50 soldiers dead on Monday.",
])
def test_an_act_that_left_people_dead_tells_no_withdrawal(text):
    assert asserted(text, "RETREAT") == []


def test_troops_leaving_a_place_stay_a_withdrawal():
    assert len(asserted("Government troops left the city on Monday.", "RETREAT")) == 1
