"""Invented events on ordinary news (issue 16, patterns 7 and 10): disasters, sport, business
and private life give no political event, read from the structure of the clause (who the
doer is, what the verb is done to), not from the words of one article. Plain political
reports keep their events (the guards).

Every sentence here is written for these tests.
"""
from __future__ import annotations

import pytest

from coded import asserted


def _described(text: str) -> list[tuple[str, str]]:
    return [(e.category, e.evidence.text) for e in asserted(text)]


# ---------------------------------------------------------------- a natural force is no attacker
@pytest.mark.parametrize("text", [
    # the doer reached through a relative clause
    "The earthquake, which struck shortly after dawn, flattened dozens of homes in the valley.",
    "The storm, which made landfall on Friday, killed four people in the port city.",
    # ... through a chain of participles hanging on the main verb
    "A strong earthquake hit the northern coast on Sunday, destroying several villages and killing "
    "at least 12 people.",
    "The cyclone tore through the delta overnight, flooding farms and injuring dozens of villagers.",
])
def test_a_disaster_found_as_the_doer_gives_no_attack(text):
    assert [e for e in asserted(text) if e.category == "ASSAULT"] == [], _described(text)


@pytest.mark.parametrize("text", [
    "Gunmen, who arrived on motorcycles, killed four villagers near the market on Monday.",
    "Rebels attacked the town on Sunday, burning several houses and killing 12 soldiers.",
    "Artillery fire killed four civilians in the town on Tuesday.",
    "Militants stormed the police post on Monday, killing three officers and wounding two.",
])
def test_armed_doers_still_attack(text):
    assert "ASSAULT" in {e.category for e in asserted(text)}, _described(text)


# ---------------------------------------------------------------- a feeling is no act
# Verbs of grief and of being troubled (``feeling_verbs`` in triggers.yaml): the verb
# dictionary's senses of disapproval and protest do not make them accusations or protests.
# A party's disappointment at another's act stays a disapproval (test_event_sides).
@pytest.mark.parametrize("text", [
    "Relatives of the victims wept outside the court when the verdict was read on Monday.",
    "Hundreds of villagers mourned the fishermen at a funeral in the port town on Sunday.",
    "The widow grieved beside the coffin of the slain senator on Tuesday.",
    "Residents of the evicted settlement bemoaned their fate as bulldozers moved in.",
    "The cardinal said he was deeply disturbed by what he saw in the documentary.",
    "The nomination of the judge has upset conservative clerics in the capital.",
])
def test_a_feeling_gives_no_event(text):
    assert asserted(text) == [], _described(text)


@pytest.mark.parametrize("text, category", [
    ("The opposition leader condemned the arrests of journalists on Monday.", "ACCUSE"),
    ("The minister criticised the army's conduct in the border town on Tuesday.", "ACCUSE"),
    ("Students protested against the fee rise outside parliament on Monday.", "PROTEST"),
])
def test_criticism_and_protest_still_coded(text, category):
    assert category in {e.category for e in asserted(text)}, _described(text)


# ---------------------------------------------------------------- a journey is no visit
# A word of travel (``journey_words`` in relevance.yaml) tells a visit only when a political
# party goes to another country's: a private party's journey and a trip at home meet no host.
@pytest.mark.parametrize("text", [
    "The US president traveled to Chicago on Tuesday for a campaign rally.",
    "French President Emmanuel Macron flew to Marseille on Monday to open a hospital.",
    "A British student traveled to Thailand last summer, his family said.",
    "An American journalist made a trip to Iraq in March to report on the oil fields.",
    "Relatives of the victims traveled to Canada for the funeral.",
])
def test_a_private_or_home_journey_is_no_visit(text):
    assert [e for e in asserted(text) if e.category == "CONSULT"] == [], _described(text)


@pytest.mark.parametrize("text", [
    "The Indian prime minister flew to Moscow on Tuesday.",
    "The US secretary of state traveled to Cairo on Sunday.",
    "The US president's trip to Japan last week cemented the alliance.",
    "The foreign minister traveled to Beijing on Monday for talks with his Chinese counterpart.",
    "The French president visited Kyiv on Monday.",
])
def test_a_state_visit_abroad_is_still_a_visit(text):
    assert "CONSULT" in {e.category for e in asserted(text)}, _described(text)


# ---------------------------------------------------------------- an aim or a duty is no act
# A gerund after the preposition of a noun of aim or duty, or of a verb that gives a duty
# (``aim_nouns``, ``assigning_verbs`` in cues.yaml), is what someone aims at or is given to do.
@pytest.mark.parametrize("text", [
    "The coalition retreated on Monday from its earlier goal of ousting the president.",
    "The government abandoned its aim of expelling foreign journalists.",
    "The ministry set up a special unit tasked with investigating tax fraud.",
    "Police were given the task of arresting the gang's leaders.",
])
def test_an_aim_or_a_duty_is_not_asserted(text):
    assert asserted(text) == [], _described(text)


@pytest.mark.parametrize("text, category", [
    ("Rebels succeeded in capturing the town on Monday.", "ASSAULT"),   # a town taken by force is fought for
    ("The army achieved its goal when troops captured the town on Monday.", "ASSAULT"),
    ("Police arrested the gang's leaders on Monday.", "COERCE"),
])
def test_acts_done_stay_asserted(text, category):
    assert category in {e.category for e in asserted(text)}, _described(text)


# ---------------------------------------------------------------- no party in sight
# A doer, and the one it acts on if any, that the actors stage places nowhere (a name or an
# indefinite phrase), and no political actor in the sentence: no party takes part. Pronouns,
# definite descriptions and named organisations may stand for a party named elsewhere, and an
# unnamed doer ("was arrested") may be the state: those keep their events.
@pytest.mark.parametrize("text", [
    "A delivery van struck the cyclist on the bridge on Monday.",
    "Zarkowski offered Hendley a three-year contract on Friday.",
])
def test_no_party_in_sight_gives_no_event(text):
    assert asserted(text) == [], _described(text)


@pytest.mark.parametrize("text, category", [
    ("They took him into custody on Monday.", "COERCE"),
    ("A suspect was arrested near the station on Monday.", "COERCE"),
    ("The committee launched an investigation into the deaths on Monday.", "ACCUSE"),
    ("Members of the Association of Rural Jurists investigated the deaths of nine miners on Monday.", "ACCUSE"),
    ("Gunmen killed four villagers near the market on Monday.", "ASSAULT"),
    ("Zarkowski met the French foreign minister in Paris on Friday.", "CONSULT"),
])
def test_a_party_that_may_be_named_elsewhere_keeps_its_event(text, category):
    assert category in {e.category for e in asserted(text)}, _described(text)


# ---------------------------------------------------------------- violence that harms only its doer
@pytest.mark.parametrize("text", [
    "A 33-year-old man set himself on fire near the parliament on Wednesday.",
    "The gunman shot himself after an hours-long standoff with police.",
    "A student killed herself in the school bathroom on Monday.",
])
def test_self_harm_is_no_attack(text):
    assert "ASSAULT" not in [c for c, _ in _described(text)]


@pytest.mark.parametrize("text", [
    "A suicide bomber blew himself up at a checkpoint in Kabul, killing six soldiers.",
    "The attacker killed himself and a police officer outside the station.",
])
def test_a_suicide_attack_or_another_victim_is_still_an_attack(text):
    assert "ASSAULT" in [c for c, _ in _described(text)]


def test_self_immolation_in_protest_stays_a_protest():
    assert [c for c, _ in _described("A monk set himself on fire to protest Chinese policies in Tibet.")] == ["PROTEST"]


# ---------------------------------------------------------------- a resignation is no event
# GUIDELINE section 1: resignations are no political event unless they carry a PLOVER act. A
# resignation the text tells a demand for yields to it: a concession (RETREAT), kept
# (``relevance.resignation_not_demanded``; ``resignation_words``, ``demand_words`` in
# relevance.yaml). The PLOVER manual counts every official resignation; this project's gold does not.
@pytest.mark.parametrize("text", [
    "The finance minister resigned on Monday, citing health reasons.",
    "Senator Paul Okafor announced his resignation on Tuesday.",
    "The interior minister offered to resign on Monday.",
    "The governor stepped down on Friday after ten years in office.",
    "The ambassador tendered his resignation to the president on Tuesday.",
    # a demand for another person's resignation, or for a pronoun's, is not this one's
    "Protesters demanded the resignation of Governor Maria Soto.\n\n"
    "Her deputy, Juan Perez, resigned on Friday.",
    "Students said they want him to resign.\n\nThe finance minister, Ali Khan, stepped down on Friday.",
])
def test_a_resignation_gives_no_event(text):
    assert [e for e in asserted(text) if e.category in ("RETREAT", "AGREE", "COOPERATE")] == [], _described(text)


@pytest.mark.parametrize("text", [
    "Thousands of protesters called for Governor Maria Soto's resignation last week.\n\n"
    "Governor Soto resigned on Friday, her office said.",
    "Protesters demanded that Finance Minister Ali Khan resign.\n\nKhan stepped down on Friday.",
    "Students urged the prime minister to resign.\n\nThe prime minister stepped down on Friday.",
])
def test_a_demanded_resignation_is_a_concession(text):
    assert "RETREAT" in {e.category for e in asserted(text)}, _described(text)


@pytest.mark.parametrize("text, category", [
    ("The minister refused to resign on Monday despite calls from the opposition.", "REJECT"),
    ("Rebels released three hostages on Sunday.", "RETREAT"),
    ("The army withdrew from the town on Friday.", "RETREAT"),
])
def test_refusals_and_other_concessions_stay(text, category):
    assert category in {e.category for e in asserted(text)}, _described(text)


# ---------------------------------------------------------------- disclosing is a statement
# The verb dictionary's block of disclosing (PETRARCH DISCLOSE, default 050) codes "unveiled",
# "confided" as cooperation; they are statements, as "revealed" and "disclosed" already were
# (``no_event_verbs`` in triggers.yaml). What is disclosed keeps its own event.
@pytest.mark.parametrize("text", [
    "The company unveiled a new laptop at its annual conference on Monday.",
    "The finance minister unveiled a new budget on Tuesday.",
    "The army unveiled a new missile at a parade in the capital on Sunday.",
    "The minister confided to reporters that the talks had stalled.",
])
def test_disclosing_gives_no_event(text):
    assert asserted(text) == [], _described(text)


@pytest.mark.parametrize("text, category", [
    ("Police arrested two men on Monday, the ministry revealed.", "COERCE"),
    ("The minister disclosed that troops had attacked the village on Sunday.", "ASSAULT"),
])
def test_what_is_disclosed_keeps_its_event(text, category):
    assert category in {e.category for e in asserted(text)}, _described(text)


# ---------------------------------------------------------------- what a speaker takes a thing to be
# The complement of a verb of regarding after "as", and the predicate of a verb of naming's
# object, say what something is taken to be; no act is told there. What is so described keeps
# its own event (``relevance.characterized``).
@pytest.mark.parametrize("text, category", [
    ("The authorities consider the leaflet as calling for violence.", "REQUEST"),
    ("The ruling party sees the strike as an attack on the state.", "ASSAULT"),
    ("The vote was seen by the opposition as an attack on democracy.", "ASSAULT"),
    ("Kyiv regards the blockade as an invasion.", "ASSAULT"),
    ("Tehran interpreted the drills as a rehearsal for an invasion.", "ASSAULT"),
    ("The unions portrayed the reform as an assault on workers.", "ASSAULT"),
    ("The government called the detentions a kidnapping.", "ASSAULT"),
])
def test_what_a_thing_is_taken_to_be_is_no_event(text, category):
    assert category not in {e.category for e in asserted(text)}, _described(text)


@pytest.mark.parametrize("text, category", [
    # the thing described keeps its event, and so does the speaker's act
    ("Police detained the editor on Monday; the ministry described the detention as lawful.", "COERCE"),
    ("Kyiv regards the blockade as an invasion.", "COERCE"),
    ("The opposition denounced the vote as an assault on democracy.", "ACCUSE"),
    # an "as" that is no such complement
    ("A banner was hung from the bridge as part of several protests across Europe on Friday.", "PROTEST"),
    ("Rebels attacked the town on Sunday as government troops withdrew.", "ASSAULT"),
    ("Soldiers fired on the crowd as it marched toward parliament on Tuesday.", "ASSAULT"),
])
def test_described_acts_and_other_as_phrases_keep_their_event(text, category):
    assert category in {e.category for e in asserted(text)}, _described(text)


# ---------------------------------------------------------------- "it" that kills is the disaster told before
# "it" as the doer of violence stands for the last singular subject before it: a disaster or
# an accident kills and attacks nobody (``relevance.a_force_told_as_it``); a party told so
# ("Israel said it killed ...") still attacks.
@pytest.mark.parametrize("text", [
    "The fire destroyed 200 homes in the slum on Sunday. Officials said it killed nine people and "
    "injured 50 more.",
    "A stampede broke out at the stadium on Saturday. Police said it killed 14 fans.",
])
def test_it_standing_for_a_disaster_attacks_nobody(text):
    assert [e for e in asserted(text) if e.category == "ASSAULT"] == [], _described(text)


@pytest.mark.parametrize("text", [
    "Israel said it killed a Hamas commander in an air strike on Monday.",
    "The army said it killed 12 militants in the north on Sunday.",
    "A fire broke out at the market on Sunday. The militia said it killed two soldiers in the north.",
    "A bomb exploded in the market on Monday. Police said it killed nine people.",
])
def test_it_standing_for_a_party_or_a_bomb_still_attacks(text):
    assert "ASSAULT" in {e.category for e in asserted(text)}, _described(text)


# ---------------------------------------------------------------- a relative clause in the present describes its noun
# A simple present heading a relative clause says what its noun is or does, not what happened
# (``episodic._describes_its_noun``), even in a dated sentence and for verbs of state or speech.
@pytest.mark.parametrize("text, category", [
    ("The charity, which provides food to refugees in the camp, closed its office on Friday 7 October "
     "2011.", "AID"),
    ("The governor, who leaves office next spring, spoke to reporters in the capital on 3 May 2022.",
     "RETREAT"),
    ("Lawmakers introduced a bill on Tuesday that calls for new sanctions on Iran.", "REQUEST"),
    ("The militia, which attacks army posts in the north, signed a ceasefire with the government on "
     "4 May 2021.", "ASSAULT"),
    ("The laptop, which contains a faster chip, went on sale on Friday, June 3, 2022.", "COERCE"),
    ("Rebels who oppose the ceasefire attacked an army post near the town on Monday.", "REJECT"),
])
def test_a_present_relative_clause_gives_no_event(text, category):
    assert [e for e in asserted(text) if e.category == category] == [], _described(text)


@pytest.mark.parametrize("text, category", [
    # a relative clause in the past tells a happening
    ("The militia, which attacked army posts in the north on Monday, signed a ceasefire with the "
     "government on Tuesday.", "ASSAULT"),
    ("Police arrested a man who threw stones at officers on Monday.", "COERCE"),
    # the main clause of a caption in the present tells its moment
    ("Protesters march against the president in the capital, April 19, 2017.", "PROTEST"),
    ("Rebels who oppose the ceasefire attacked an army post near the town on Monday.", "ASSAULT"),
    ("The militia, which attacks army posts in the north, signed a ceasefire with the government on "
     "4 May 2021.", "SUPPORT"),
])
def test_past_relative_clauses_and_present_captions_keep_their_event(text, category):
    assert category in {e.category for e in asserted(text)}, _described(text)


# ---------------------------------------------------------------- no party in sight: the teller is no party
# A party named only as the one who tells the sentence ("..., police said", "according to the
# police") takes no part in what it tells (``relevance._political_actor_in``); a clause that
# describes the doer is not the doer's name (``relevance._unplaced``).
@pytest.mark.parametrize("text", [
    "A cyclist was struck by a delivery van driving too fast near Yorkshire, police said.",
    "A cyclist was struck by a delivery van on a country lane, police said.",
    "A delivery van struck a cyclist on the coast road on Monday, according to the police.",
])
def test_a_teller_alone_puts_no_party_in_sight(text):
    assert asserted(text) == [], _described(text)


@pytest.mark.parametrize("text, category", [
    # a doer with a sector, or a victim of one, told by the police
    ("Gunmen killed two villagers near the border, police said.", "ASSAULT"),
    ("Kenya's interior ministry said two fishermen were killed in a clash with Somali militants on "
     "Monday.", "ASSAULT"),
    ("Three protesters were injured in clashes with police in the capital on Sunday.", "ASSAULT"),
    # an unnamed doer is not read
    ("Two journalists were detained in Minsk on Monday.", "COERCE"),
    # a visit hung by the parser on a relative clause in the present keeps its own event
    ("Kenya launched a trade scheme on Monday that lets farmers sell maize abroad, during a visit by "
     "the Ugandan president to Nairobi.", "CONSULT"),
])
def test_parties_told_by_the_police_keep_their_event(text, category):
    assert category in {e.category for e in asserted(text)}, _described(text)


# ---------------------------------------------------------------- a gathering is no protest by itself
# Verbs of moving or gathering (``gathering_verbs`` in relevance.yaml) tell a protest only where
# the text tells one: a political side, a protester or a crowd, "against", or a word of protest
# in the story (a story of a few sentences: one sentence alone tells no story).
@pytest.mark.parametrize("text", [
    "The home side rallied in the final quarter to force a draw against the visitors. The coach "
    "praised his players. The two teams meet again in May.",
    "The school band paraded through the old town on Sunday afternoon. Parents lined the route. "
    "The festival ends on Monday.",
    "The veteran quarterback marched his team down the field in the final minute. The kicker "
    "then scored the winning goal. The team plays its next game on Sunday.",
])
def test_a_gathering_with_no_protest_told_is_no_protest(text):
    assert [e for e in asserted(text) if e.category == "PROTEST"] == [], _described(text)


@pytest.mark.parametrize("text", [
    "Thousands of people marched against the new tax law in the capital on Saturday.",
    "Opposition supporters rallied outside parliament on Monday.",
    "Protesters poured into the streets of the capital on Friday.",
    # a crowd as the doer is told as protesting
    "Thousands of people marched through the capital on Saturday. Police closed the main square. "
    "The march ended peacefully.",
    # a sentence alone tells no story to read a protest from
    "The women marched down the boulevard in silence on Sunday.",
    # the story tells the protest in another sentence
    "Thousands of people marched through the capital on Saturday. Organisers said the protest "
    "was the largest in a decade.",
])
def test_a_gathering_told_as_a_protest_stays_a_protest(text):
    assert "PROTEST" in {e.category for e in asserted(text)}, _described(text)


# ---------------------------------------------------------------- a vehicle is no attacker
# A bare vehicle as the doer (subject, passive by-phrase, or the subject a participle or a
# conjunct takes over) with no weapon in the sentence is an accident.
@pytest.mark.parametrize("text", [
    "A teenage cyclist was struck by a car outside the school on Monday.",
    "A pedestrian was hit by a bus near the central station on Tuesday.",
    "The lorry hit a pedestrian near the bridge on Tuesday.",
])
def test_a_vehicle_as_the_doer_gives_no_attack(text):
    assert [e for e in asserted(text) if e.category == "ASSAULT"] == [], _described(text)


@pytest.mark.parametrize("text", [
    "A police patrol was struck by a car bomb outside the base on Monday.",
    "A bus was attacked by gunmen near the border on Monday.",
    "Two soldiers were shot by a sniper near the base on Tuesday.",
])
def test_a_weapon_or_an_armed_doer_still_attacks(text):
    assert "ASSAULT" in {e.category for e in asserted(text)}, _described(text)


# ---------------------------------------------------------------- a talk with the press is a statement
@pytest.mark.parametrize("text", [
    "The prime minister talks to media during a press conference in the capital on Monday.",
    "The defence minister spoke with reporters outside parliament on Monday.",
    "The envoy chatted with the press after the summit on Tuesday.",
])
def test_talking_to_the_press_is_no_consultation(text):
    assert [e for e in asserted(text) if e.category == "CONSULT"] == [], _described(text)


@pytest.mark.parametrize("text", [
    "The foreign minister spoke with his Iranian counterpart on Monday.",
    "The president spoke with the German chancellor by phone on Tuesday.",
])
def test_talking_with_a_party_stays_a_consultation(text):
    assert "CONSULT" in {e.category for e in asserted(text)}, _described(text)


# ---------------------------------------------------------------- an office read from a title in a sports story
SPORTS_STORY = (
    "The Hawks fired head coach Tom Barrett on Monday after a losing season. Team president Mark "
    "Ellis met with Barrett on Sunday night. Ellis said the Hawks wanted a fresh start. Guard Danny "
    "Moore scored 30 points in the final game against the Lions, and center Luis Ortega added 12 "
    "rebounds. Moore and Ortega both praised Barrett. The Lions beat the Hawks by four points. "
    "Forward Jake Hill missed the game with an injury.")


def test_a_team_president_in_a_sports_story_is_no_state_official():
    assert asserted(SPORTS_STORY) == [], _described(SPORTS_STORY)


def test_an_official_in_a_political_story_keeps_the_meeting():
    text = ("The Interior Ministry said on Monday that police arrested five men. The minister met the "
            "head of the police in the capital. Opposition leaders criticised the arrests.")
    assert "CONSULT" in {e.category for e in asserted(text)}, _described(text)
