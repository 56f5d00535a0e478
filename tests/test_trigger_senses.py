"""A trigger word in a sense that tells no event, read from its object, its particle, its
complement or the sector of its sides (issue 16, patterns 7 and 10): the verb dictionary gives
"hear", "master", "direct", "manage", "engage", "battle" or "defeat" the code of their synonym
set, so that hearing screams was a meeting, mastering a skill an attack and winning a runoff
a battle. The phenomena were counted on the read part of M2E2 (VOA news),
where they made events on sentences with no event. Guards keep the senses that are events.

Every sentence here is written for these tests.
"""
from __future__ import annotations

import pytest

from coded import asserted, categories


@pytest.mark.parametrize("text", [
    # perception and court hearings are no consultation
    "Neighbours said they heard screams from the flat late on Monday.",
    "The appeals court heard the case of the former mayor on Tuesday.",
    # a thing released is published, not freed
    "The ministry released a photo of the two suspects on Monday.",
    # a skill mastered, a business engaged in, a camp run: no attack, no meeting
    "The movement has mastered online fundraising.",
    "The former minister engaged in bribery while in office, prosecutors said.",
    "The agency is directing three camps for flood victims.",
    # a fight against a thing is an effort, not a battle
    "The region's health workers are fighting the spread of measles.",
    "Volunteers fought the effects of the drought with water trucks.",
    "Rescue crews battled strong winds and high waves off the coast on Monday.",
    # a law struck down is annulled; a platform campaigned on is an election's
    "The constitutional court struck down the ban on Monday.",
    "The party campaigned on a promise of lower fuel prices.",
    # a victory with no armed force on either side is a contest's result
    "The incumbent defeated his rival in the runoff on Sunday.",
    "The governing party's candidate defeated the opposition leader by a wide margin.",
])
def test_a_word_in_a_sense_that_tells_no_event(text):
    assert asserted(text) == []


@pytest.mark.parametrize("text, wrong", [
    ("The ruling party managed to win a majority in the upper house.", "AGREE"),
    ("The opposition managed to block the bill in parliament on Monday.", "AGREE"),
])
def test_managing_to_do_something_is_no_promise(text, wrong):
    assert wrong not in categories(text)


def test_engaging_in_talks_is_the_talks_not_an_attack():
    assert categories("The two parties engaged in talks in Doha on Monday.") == {"CONSULT"}


@pytest.mark.parametrize("text, category", [
    ("The junta hanged four activists in Yangon on Monday.", "ASSAULT"),
    ("Government troops engaged the rebels near Goma on Monday.", "ASSAULT"),
    ("Soldiers fought a fierce battle with militants near Kidal on Monday.", "ASSAULT"),
    ("The army fought the rebels near the town of Beni on Monday.", "ASSAULT"),
    ("Rebel fighters fought their way into the provincial capital on Monday.", "ASSAULT"),
    ("A sniper struck down two soldiers near the checkpoint on Monday.", "ASSAULT"),
    ("Government troops battled the rebels near Goma on Monday.", "ASSAULT"),
    ("The army defeated the rebels near the border on Sunday.", "ASSAULT"),
    ("Authorities released 40 political prisoners on Monday.", "RETREAT"),
    ("The rebels freed four aid workers in Bunia on Monday.", "RETREAT"),
    ("The envoy approached the rebel leadership on Monday.", "CONSULT"),
])
def test_the_senses_that_are_events_stay(text, category):
    assert category in categories(text)


def test_a_hanging_by_a_state_is_an_execution():
    [event] = asserted("The junta hanged four activists in Yangon on Monday.")
    assert event.cameo == "186"


# ---------------------------------------------------------------- "capture": to record or win over
@pytest.mark.parametrize("text", [
    "Tourists captured pictures and video of the fire outside the palace.",
    "Her speech captured the imagination of voters across Brazil.",
    "The photographer captured the moment the ballots were counted.",
    "The newspaper captured the top prize for its reporting on the floods.",
])
def test_capture_that_records_or_wins_is_no_seizure(text):
    from coded import asserted

    assert [e.category for e in asserted(text)] == []


@pytest.mark.parametrize("text, category", [
    ("Police captured the suspect in Lagos on Friday.", "COERCE"),
    ("Rebels captured the town of Kidal on Tuesday.", "ASSAULT"),   # territory taken by force: the battle
])
def test_capture_of_people_and_places_is_still_coded(text, category):
    from coded import asserted

    assert category in [e.category for e in asserted(text)]


@pytest.mark.parametrize("text", [
    # tension made worse is the effect of a party's act, not a refusal (the verb dictionary's
    # "heighten tensions" is CAMEO 124, a rejection)
    "The army moved tanks to the frontier on Monday, heightening tensions with its neighbour.",
    "The naval standoff has heightened tensions between the two capitals.",
    "The governor's remarks inflamed tensions between the two communities.",
    "The arrests have exacerbated tensions with the opposition, analysts said.",
    "Both sides escalated tensions along the disputed border this week.",
    "The drills increased tensions with Tokyo, officials said.",
])
def test_tension_made_worse_is_no_rejection(text):
    assert "REJECT" not in categories(text)


@pytest.mark.parametrize("text, category", [
    ("The militia escalated its attacks on the capital on Monday.", "ASSAULT"),
    ("Rebels stepped up their attacks on army posts near Goma on Monday.", "ASSAULT"),
])
def test_acts_made_worse_are_still_coded(text, category):
    assert category in categories(text)


@pytest.mark.parametrize("text, category", [
    # a vow or an oath takes its category from what is vowed: help and ties are promised
    ("The two presidents vowed to boost trade and investment.", "AGREE"),
    ("The leaders swore to strengthen their alliance.", "AGREE"),
    ("The prime ministers vowed to enhance security cooperation.", "AGREE"),
    ("The governor swore to promote dialogue between the communities.", "AGREE"),
    # harm vowed stays a threat
    ("The rebels vowed to retake the city.", "THREATEN"),
    ("The militia swore to avenge its commander.", "THREATEN"),
])
def test_a_vow_is_coded_by_what_is_vowed(text, category):
    assert category in categories(text)
    assert ({"AGREE", "THREATEN"} - {category}).isdisjoint(categories(text))
