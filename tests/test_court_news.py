"""Court and police news (issue 16, part 16k): a verdict told as "found guilty" is a
conviction (PLOVER SANCTION, mode convict), "found not guilty" an acquittal; the act a charge or
a verdict names ("guilty of raping", "charged with killing", "acquitted of attacking") is an
allegation or a past act, not an event that happened on the verdict's or the charge's day.
Guards keep plain reports of the same acts, and the charges and sentences themselves.

Every sentence here is written for these tests.
"""
from __future__ import annotations

import pytest

from coded import asserted, categories, coded_record


# ---------------------------------------------------------------- a verdict convicts
@pytest.mark.parametrize("text, target", [
    ("A court in Tunis found the blogger guilty of insulting the army on Monday.", "the blogger"),
    ("The jury found the two former ministers guilty of fraud on Friday.", "the two former ministers"),
    ("Three police officers were found guilty on Thursday of beating a student in 2019.", "Three police officers"),
    ("The opposition leader was found guilty of treason by a military court.", "The opposition leader"),
])
def test_a_guilty_verdict_is_a_conviction(text, target):
    sanctions = asserted(text, "SANCTION")
    assert len(sanctions) == 1
    assert sanctions[0].mode == "convict"
    assert sanctions[0].evidence.text == "found"
    assert sanctions[0].target is not None and sanctions[0].target.text == target


@pytest.mark.parametrize("text, court", [
    ("A court in Tunis found the blogger guilty of insulting the army on Monday.", "A court"),
    ("The jury found the two former ministers guilty of fraud on Friday.", "The jury"),
])
def test_the_court_that_finds_guilty_is_the_source(text, court):
    [sanction] = asserted(text, "SANCTION")
    assert sanction.source is not None and sanction.source.text.startswith(court)


@pytest.mark.parametrize("text", [
    "A judge in Lima found the former mayor not guilty of ordering the beatings.",
    "The activists were found not guilty of attacking the police station.",
])
def test_a_not_guilty_verdict_is_an_acquittal(text):
    assert categories(text) == {"CONCEDE"}


@pytest.mark.parametrize("text", [
    "Investigators found the wreckage of the plane on Tuesday.",
    "The inspectors found no evidence of chemical weapons at the site.",
    "A survey found most voters unhappy with the government.",
])
def test_other_findings_are_no_event(text):
    assert asserted(text) == []


# ---------------------------------------------------------------- the act charged is no new event
@pytest.mark.parametrize("text, kept", [
    ("Two soldiers were found guilty on Wednesday of killing a farmer in 2016.", {"SANCTION"}),
    ("The court found the commander guilty of shelling the village.", {"SANCTION"}),
    ("The rebel leader was charged with kidnapping three aid workers.", {"ACCUSE"}),
    ("The student was acquitted of attacking a police officer.", {"CONCEDE"}),
    ("The former general pleaded guilty to torturing prisoners.", set()),
    ("The former minister was convicted of bombing the party offices.", {"SANCTION"}),
    ("The militia commander was found guilty of looting and assault.", {"SANCTION"}),
    ("Prosecutors charged two opposition activists with arson and assault on Friday.", {"ACCUSE"}),
])
def test_the_act_a_charge_or_verdict_names_is_not_an_asserted_event(text, kept):
    assert categories(text) == kept
    assert asserted(text, "ASSAULT") == []


@pytest.mark.parametrize("text", [
    "The army was accused of shelling the town.",
    "Two men were charged with attacking the embassy.",
])
def test_charged_acts_are_not_dated_to_the_charge(text):
    dated = [e for e in coded_record(text).events if e.category == "ASSAULT" and e.modality == "asserted"]
    assert dated == []


# ---------------------------------------------------------------- guards: the same acts told as news
@pytest.mark.parametrize("text, category", [
    ("Soldiers killed a farmer in the village of Bani on Wednesday.", "ASSAULT"),
    ("The army shelled the village on Tuesday.", "ASSAULT"),
    ("Police arrested the rebel leader in Goma on Monday.", "COERCE"),
    ("A judge sentenced the former president to ten years in prison on Friday.", "SANCTION"),
    ("Prosecutors charged the governor with corruption on Monday.", "ACCUSE"),
    ("Gunmen kidnapped three aid workers with the help of a driver on Sunday.", "ASSAULT"),
])
def test_plain_reports_keep_their_event(text, category):
    assert category in categories(text)


def test_a_sentence_keeps_its_convict_mode():
    [sanction] = asserted("A court in Ankara sentenced the journalist to five years in prison on Monday.", "SANCTION")
    assert sanction.mode == "convict"


# ---------------------------------------------------------------- fragments do not break the coder
@pytest.mark.parametrize("text", [
    "Found guilty.",
    "Guilty of treason, the court said",
    "found not guilty of of of",
    "Charged with.",
])
def test_headline_fragments_code_without_error(text):
    record = coded_record(text)
    assert all(e.category != "ASSAULT" for e in record.events)
