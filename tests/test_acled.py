"""ACLED event types from the coder's PLOVER reading (events/data/acled.yaml)."""
from __future__ import annotations

import pytest

from eventwire.events.acled import assign_event_types, load_acled
from eventwire.record import Event, EventActor, Mention, SentenceSpan

SENTENCE = "Security forces opened fire on protesters in the capital on Tuesday."


def _event(category, cameo=None, mode=None, target_sector=None, evidence="opened fire", acled=None,
           source_sector=None):
    start = SENTENCE.find(evidence) if evidence in SENTENCE else 0
    return Event(id=f"e{category}{cameo}", category=category, cameo=cameo, mode=mode,
                 acled_event_type=acled, confidence=0.9,
                 target=EventActor(text="protesters", sector=target_sector) if target_sector else None,
                 source=EventActor(text="police", sector=source_sector) if source_sector else None,
                 sentence=SentenceSpan(start=0, end=len(SENTENCE)),
                 evidence=Mention(start=start, end=start + len(evidence), text=evidence))


@pytest.mark.parametrize("event, others, expected", [
    (_event("PROTEST", "141"), [], "Protests"),
    (_event("PROTEST", "145", mode="riot"), [], "Riots"),
    # police firing on a crowd at a protest that turned into a riot: the riot's type
    (_event("ASSAULT", "190", target_sector="OPP"), [_event("PROTEST", "145", mode="riot")], "Riots"),
    (_event("ASSAULT", "190", target_sector="OPP"), [_event("PROTEST", "141")], "Protests"),
    # the same side hit without a protest in the story: civilians
    (_event("ASSAULT", "190", target_sector="OPP"), [], "Violence against civilians"),
    (_event("ASSAULT", "195"), [], "Explosions/Remote violence"),
    (_event("ASSAULT", "181"), [], "Violence against civilians"),
    (_event("ASSAULT", "190", target_sector="MIL"), [], "Battles"),
    # arrests told with a protest are the protest's (a protest with intervention)
    (_event("COERCE", "173"), [_event("PROTEST", "141")], "Protests"),
    (_event("COERCE", "170", source_sector="COP"), [], "Strategic developments"),
    (_event("COERCE", "170", source_sector="JUD"), [], None),
    # a one-sided kind of violence against the police or soldiers is fighting between armed sides
    (_event("ASSAULT", "182", target_sector="COP"), [], "Battles"),
    (_event("ASSAULT", "182", target_sector="CVL"), [], "Violence against civilians"),
    (_event("COERCE", "173"), [], "Strategic developments"),
    (_event("COERCE", "172"), [], None),
    (_event("MOBILIZE", "152"), [], None),
    (_event("MOBILIZE", "150"), [], "Strategic developments"),
    (_event("RETREAT", "0874"), [], "Strategic developments"),
    (_event("RETREAT", "087", mode="withdraw"), [], "Strategic developments"),
    (_event("RETREAT", "081"), [], None),
    (_event("AGREE", "057", evidence="Tuesday"), [], None),
    (_event("AID", "074"), [], "Strategic developments"),
    (_event("CONSULT", "040"), [], None),
    # a type the trigger gave stands
    (_event("COERCE", "1711", acled="Riots"), [], "Riots"),
])
def test_acled_event_type(event, others, expected):
    assign_event_types([event, *others])
    assert event.acled_event_type == expected


def test_a_ceasefire_agreement_is_a_strategic_development():
    sentence = "The two sides agreed to a ceasefire on Tuesday."
    event = Event(id="e1", category="AGREE", cameo="057", confidence=0.9,
                  sentence=SentenceSpan(start=0, end=len(sentence)),
                  evidence=Mention(start=13, end=37, text="agreed to a Ceasefire"))
    assign_event_types([event])
    assert event.acled_event_type == "Strategic developments"


def test_every_type_the_coder_gives_has_a_disorder_type():
    table = load_acled()
    given = {r["event_type"] for r in table.event_types if r.get("event_type")} | {"Riots", "Protests"}
    assert given <= set(table.disorder_types)
    assert {r["event_type"] for r in table.sub_event_types} <= set(table.disorder_types)


@pytest.mark.parametrize("sentence, cameo, expected", [
    ("A roadside bomb killed four soldiers near Kandahar on Monday.", "190", "Explosions/Remote violence"),
    ("Rebels attacked the base with mortars and rockets overnight.", "190", "Explosions/Remote violence"),
    ("Militants attacked an army post in the north on Sunday.", "190", "Battles"),
    # the weapon word decides only for a general word of attack; a shooting stays one
    ("Gunmen shot three policemen a day after the bombing of the market.", "193", "Battles"),
])
def test_an_attack_whose_sentence_names_a_remote_weapon_is_remote_violence(sentence, cameo, expected):
    event = Event(id="e1", category="ASSAULT", cameo=cameo, confidence=0.9,
                  target=EventActor(text="soldiers", sector="MIL"),
                  sentence=SentenceSpan(start=0, end=len(sentence)),
                  evidence=Mention(start=0, end=5, text=sentence[:5]))
    assign_event_types([event], sentence)
    assert event.acled_event_type == expected


@pytest.mark.parametrize("target_text, expected", [
    # protesters are civilians by sector (the guideline); their words make them the crowd
    ("protesters", "Protests"),
    ("the demonstrators", "Protests"),
    # civilians hit in a story of protests, not named as the crowd, stay civilians
    ("villagers", "Violence against civilians"),
])
def test_violence_on_a_crowd_named_by_its_words_is_the_protests(target_text, expected):
    event = _event("ASSAULT", "190", target_sector="CVL")
    event.target = EventActor(text=target_text, sector="CVL")
    assign_event_types([event, _event("PROTEST", "141")])
    assert event.acled_event_type == expected
