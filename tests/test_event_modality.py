"""Modality on constructions of real news (issue 16): acts a text says did not happen are not
asserted events. Every sentence here is written for these tests."""
from __future__ import annotations

import pytest

from coded import coded_record

DATE = "2024-03-18"


def modality_of_category(text: str, category: str) -> set[str]:
    return {e.modality for e in coded_record(text, DATE).events if e.category == category}


@pytest.mark.parametrize("text, category", [
    ("Soldiers blocked hundreds of students from marching to the monument on Saturday.", "MOBILIZE"),
    ("Police prevented the opposition from holding a rally in the capital.", "PROTEST"),
    ("The rebels refrained from attacking the town after the ceasefire.", "ASSAULT"),
    ("Troops shielded the villagers from being attacked by the militia.", "ASSAULT"),
    ("The junta banned the party from staging demonstrations in the capital.", "PROTEST"),
])
def test_an_act_someone_was_kept_from_did_not_happen(text, category):
    assert modality_of_category(text, category) == {"negated"}


@pytest.mark.parametrize("text, category", [
    ("Protesters marched from the university to the parliament on Monday.", "PROTEST"),
    ("The army withdrew from Kidal on Monday.", "RETREAT"),
    ("Rebels attacked the town on Monday, days after the army withdrew.", "ASSAULT"),
])
def test_from_a_place_or_no_prevention_keeps_the_act_asserted(text, category):
    assert modality_of_category(text, category) == {"asserted"}


def events_of(text: str) -> list:
    return coded_record(text, DATE).events


@pytest.mark.parametrize("text, category", [
    ("The opposition leader warned the army against a crackdown on protesters.", "COERCE"),
    ("The UN cautioned against a military offensive in the north.", "ASSAULT"),
    ("Police warned protesters of arrest if they blocked the road.", "COERCE"),
])
def test_what_a_warning_is_against_is_no_event(text, category):
    assert modality_of_category(text, category) == set()


@pytest.mark.parametrize("text, category", [
    ("Officials warned that the rebels attacked two villages on Monday.", "ASSAULT"),
    ("The army launched an offensive against the rebels in the north on Monday.", "ASSAULT"),
])
def test_a_warning_about_a_deed_done_or_an_act_against_someone_stays_asserted(text, category):
    assert modality_of_category(text, category) == {"asserted"}


@pytest.mark.parametrize("text, category, expected", [
    ("Police announced on Friday they have made an arrest in the double murder case.", "COERCE", "asserted"),
    ("The government announced on Monday that troops had withdrawn from the town.", "RETREAT", "asserted"),
    ("The government announced on Monday that it will hold talks with the rebels.", "CONSULT", "future"),
    ("The army announced on Monday that it would withdraw its troops from the town.", "RETREAT", "future"),
])
def test_an_announced_deed_is_told_as_done_an_announced_plan_is_future(text, category, expected):
    assert modality_of_category(text, category) == {expected}


@pytest.mark.parametrize("text, category, expected", [
    ("The arrest will not affect the minister's status.", "COERCE", "asserted"),
    ("The killing of the activist will not change the policy of the government.", "ASSAULT", "asserted"),
    ("The attack did not happen.", "ASSAULT", "negated"),
    ("The protest did not go ahead on Monday.", "PROTEST", "negated"),
])
def test_a_definite_event_subject_happened_unless_its_own_verb_denies_it(text, category, expected):
    assert modality_of_category(text, category) == {expected}


@pytest.mark.parametrize("text", [
    "The general vowed to crush any protest in the capital.",
    "The government threatened to crush any protest against the election result.",
    "Police said any protest would be crushed.",
])
def test_any_protest_threatened_with_repression_is_no_protest(text):
    assert modality_of_category(text, "PROTEST") == set()


def test_no_talks_at_all_are_negated_not_dropped():
    assert modality_of_category("The rebels did not hold any talks with the government on Monday.",
                                "CONSULT") == {"negated"}


@pytest.mark.parametrize("text, verb", [
    ("Police quelled a riot in the capital on Monday.", "quelled"),
    ("Police crushed the protest in the capital on Monday.", "crushed"),
])
def test_the_force_that_puts_down_a_protest_is_not_its_protester(text, verb):
    events = events_of(text)
    assert any(e.evidence.text == verb and e.category in ("COERCE", "ASSAULT") for e in events)
    assert not any(e.category == "PROTEST" and e.source is not None and e.source.text == "Police"
                   for e in events)


def test_a_headline_run_into_the_body_does_not_scope_over_it():
    text = ("Navy foils pirate attack off Aden\nThe Indian Navy patrolling the Gulf of Aden on Thursday "
            "thwarted an attack by pirates on a merchant ship, apprehending 26 pirates.")
    assert "negated" not in {e.modality for e in events_of(text) if e.evidence.text != "attack"}


@pytest.mark.parametrize("text", ["any", "Warned against.", "\n\nAny protest\n", "announced that", "warned of"])
def test_fragments_give_no_asserted_event_and_no_error(text):
    assert not [e for e in events_of(text) if e.modality == "asserted"]


@pytest.mark.parametrize("text, category, modality", [
    # a necessity told in the present is not a deed
    ('"We still need to fight for equal adoption rights," the campaigner said.', "ASSAULT", "hypothetical"),
    ("The army needs to attack the rebel bases before the rains, a general said.", "ASSAULT", "hypothetical"),
    ("Ministers need to meet the union leaders this week, the mayor said.", "CONSULT", "hypothetical"),
    # guards: the deed itself, and a past need told beside the deed done
    ("Rebels attacked the border town on Monday.", "ASSAULT", "asserted"),
    ("Police said they detained the two men on Monday after they needed to flee.", "COERCE", "asserted"),
])
def test_what_someone_needs_to_do_is_not_done(text, category, modality):
    assert modality_of_category(text, category) == {modality}


@pytest.mark.parametrize("text, category, modality", [
    # an event noun under a word of what is still to come is no deed yet
    ("The president spoke of the neighbour's pending invasion of the south.", "ASSAULT", "future"),
    ("Officials fear an imminent assault on the city by the army.", "ASSAULT", "future"),
    # guard: the deed told as done
    ("The army's assault on the city began on Monday.", "ASSAULT", "asserted"),
])
def test_an_event_still_to_come_is_not_done(text, category, modality):
    assert modality_of_category(text, category) == {modality}


@pytest.mark.parametrize("text", [
    "The powers agreed on Friday to a cessation of hostilities in Yemen.",
    "Mediators called for an end to the fighting around Tripoli on Sunday.",
    "Both armies observed a pause in the shelling of the border towns on Monday.",
    "The council demanded a halt to attacks on aid convoys near Goma.",
])
def test_an_act_named_as_what_stops_is_no_assault(text):
    assert "asserted" not in modality_of_category(text, "ASSAULT")


@pytest.mark.parametrize("text", [
    "Militias shelled the border towns on Monday, at the end of a week of talks.",
    "The end of the talks came when rebels attacked a convoy near Goma on Sunday.",
])
def test_an_act_beside_a_stopping_noun_stays_asserted(text):
    assert modality_of_category(text, "ASSAULT") == {"asserted"}
