"""The episodic filter (events/episodic.py) on the phenomena behind background statements coded
as dated events (issue 16, pattern 2): counts of events under a perfect, simple pasts put
into history, perfects over a span, kinds as subjects, participles describing a state, habits
in the passive, spans of two dates, many occasions. Each sentence is written for these
tests; plain episodic reports beside them must keep their event.
"""
from __future__ import annotations

import pytest

from eventwire.events.episodic import (
    EPISODIC, GENERIC, HABITUAL, HISTORICAL, ONGOING, SUMMARY, clause_kind, noun_kind,
)
from eventwire.nlp import load_nlp

from coded import asserted


def _token(doc, word: str):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("text, verb, kind", [
    # a simple past put into history by its adverb
    ("Moscow wants more influence in the country it once occupied.", "occupied", HISTORICAL),
    ("The party, which formerly governed the province, lost every seat.", "governed", HISTORICAL),
    # a perfect over a stretch of time, progressive or not
    ("Students have marched in the capital since March, organisers said.", "marched", ONGOING),
    ("The militia has blockaded the port for three months.", "blockaded", ONGOING),
    # a kind, not a group seen acting once
    ("Many observers have warned of a new round of violence.", "warned", GENERIC),
    # a participle that describes a noun
    ("Aden is the base of a coalition fighting the rebels.", "fighting", ONGOING),
    # a habit told in the passive present
    ("Dissidents are detained without trial in the province.", "detained", HABITUAL),
    # a span of two dates sums up many events
    ("Between 2015 and 2017, militants killed more than 300 villagers in the province.", "killed", SUMMARY),
    # one of many occasions
    ("There were many times that the two ministers disagreed.", "disagreed", HABITUAL),
    # plain episodic reports stay episodic
    ("Rebels attacked an army post on Monday.", "attacked", EPISODIC),
    ("Troops were attacking the village on Monday morning.", "attacking", EPISODIC),
    ("Rebels attacked the town after surrounding it on Monday.", "surrounding", EPISODIC),
    ("Police arrested 12 protesters.", "arrested", EPISODIC),
    ("Police have arrested 12 protesters in the capital.", "arrested", EPISODIC),
    ("Rebels once again attacked the town on Sunday.", "attacked", EPISODIC),
    ("Once the troops withdrew, the rebels attacked the town.", "attacked", EPISODIC),
    ("Two protesters were detained by police in Minsk on Saturday.", "detained", EPISODIC),
    ("Protesters are detained by police in Minsk, March 3, 2024", "detained", EPISODIC),  # a dated caption
    ("Soldiers guarding the border fired on the crowd on Friday.", "fired", EPISODIC),
    # a participle under an event happens with it; a passive over a span tells its event
    ("Police used tear gas to disperse students protesting the election results.", "protesting", EPISODIC),
    ("Two hundred fighters have been demobilized since the peace accord.", "demobilized", EPISODIC),
])
def test_clause_kind_of_each_phenomenon(text, verb, kind):
    doc = load_nlp()(text)
    assert clause_kind(_token(doc, verb)) == kind


@pytest.mark.parametrize("text, noun, kind", [
    ("IS fighters have launched multiple attacks on army checkpoints in the east.", "attacks", SUMMARY),
    ("The militia has carried out dozens of attacks on villages in the region.", "attacks", SUMMARY),
    # a run or a count as the verb's own object, or in a simple past, is the news
    ("Militants launched a series of attacks on the capital on Monday.", "attacks", EPISODIC),
    ("Militants launched three attacks on the capital on Monday.", "attacks", EPISODIC),
    ("The army has launched an offensive against the rebels.", "offensive", EPISODIC),
])
def test_noun_kind(text, noun, kind):
    doc = load_nlp()(text)
    assert noun_kind(_token(doc, noun)) == kind


@pytest.mark.parametrize("text", [
    "IS fighters in the province have launched multiple attacks on army checkpoints.",
    "The militia has carried out dozens of attacks on villages in the region.",
    "The army has conducted dozens of air strikes on rebel positions.",
    "Aden is the base of a coalition fighting the rebels.",
    "Dissidents are detained without trial in the province.",
    "Russia wants more influence in the country it once occupied.",
    "Students have protested in the capital since March, organisers said.",
    "Many observers have warned of a new round of violence by the militias.",
    "There were many times that the two ministers disagreed.",
    "Between 2015 and 2017, militants killed more than 300 villagers in the province.",
    # the span hung on a phrase of the clause, not on its verb
    "In the north and the east between June 2014 and April 2016, officials recorded that suicide "
    "bombers killed more than 1,000 people.",
    "In Borno state from 2013 to 2015, the army detained thousands of young men without charge.",
    # the second of the acts a pattern holds
    "North Korea has a pattern of detaining and sentencing American visitors to prison.",
    "The regime has a history of arresting and torturing journalists.",
])
def test_background_statements_give_no_asserted_event(text):
    events = asserted(text)
    assert events == [], [(e.category, e.evidence.text) for e in events]


@pytest.mark.parametrize("text, category", [
    ("Rebels attacked an army post on Monday.", "ASSAULT"),
    ("Police arrested 12 protesters.", "COERCE"),
    ("Police have arrested 12 protesters in the capital.", "COERCE"),
    ("Rebels once again attacked the town on Sunday.", "ASSAULT"),
    ("Militants launched a series of attacks on the capital on Monday.", "ASSAULT"),
    ("Two protesters were detained by police in Minsk on Saturday.", "COERCE"),
    ("Troops were attacking the village on Monday morning.", "ASSAULT"),
    ("Rebels attacked the town after surrounding it on Monday.", "ASSAULT"),
    # one act told with its day, and acts coordinated outside a pattern noun
    ("Police detained and sentenced two American visitors in Pyongyang on Monday.", "SANCTION"),
    ("In the capital on Monday, police arrested and beat dozens of journalists.", "COERCE"),
    # a span of two dates on another clause does not reach the event's own
    ("Officials said the rebels, who ruled the region between 2014 and 2016, attacked the town on "
     "Monday.", "ASSAULT"),
    # a span after which the event came orders it, it does not hold it
    ("After his years in exile from 2005 to 2015, the general was arrested by police in Kinshasa "
     "on Monday.", "COERCE"),
])
def test_episodic_reports_keep_their_event(text, category):
    events = asserted(text)
    assert any(e.category == category for e in events), [(e.category, e.evidence.text) for e in events]


@pytest.mark.parametrize("text, verb, kind", [
    # a frequency adverb that grades an adjective or a noun inside a phrase of the clause
    # describes the thing, not how often the act happens
    ("Residents of usually quiet suburbs blocked roads on Tuesday.", "blocked", EPISODIC),
    ("The often violent protesters attacked a police station on Monday.", "attacked", EPISODIC),
    ("Villagers in normally peaceful valleys have blocked the highway this week.", "blocked", EPISODIC),
    # on the verb (or on an adverb of the verb) it tells a habit
    ("Rebels often attack army posts in the north.", "attack", HABITUAL),
    ("Militants very frequently attack convoys on the highway.", "attack", HABITUAL),
    ("The army usually shells the villages at night.", "shells", HABITUAL),
    ("Dissidents are regularly arrested by the security services.", "arrested", HABITUAL),
])
def test_a_frequency_adverb_tells_a_habit_only_on_its_verb(text, verb, kind):
    doc = load_nlp()(text)
    assert clause_kind(_token(doc, verb)) == kind


@pytest.mark.parametrize("text, category", [
    ("Residents of usually quiet suburbs blocked roads in the capital on Tuesday.", "PROTEST"),
    ("The often violent protesters attacked a police station in the capital on Monday.", "ASSAULT"),
])
def test_a_graded_phrase_keeps_its_event(text, category):
    events = asserted(text)
    assert any(e.category == category for e in events), [(e.category, e.evidence.text) for e in events]


# Background paragraphs of agency reports (issue 16, 18bg): a run of events marked on the event
# noun, history set in a decade, a standing quarrel told in the present.
@pytest.mark.parametrize("text", [
    "The insurgents continue to stage near-daily attacks on police stations.",
    "The valley has seen small but regular skirmishes between herders and farmers.",
    "The brigade, which fought for the junta in the north in the early 1990s, now guards the airport.",
    "During the 1980s, the guerrillas attacked army convoys in the mountains.",
    "The two parties accuse one another of rigging the count.",
    "Both governments blame each other for the collapse of the talks.",
])
def test_agency_background_gives_no_asserted_event(text):
    events = asserted(text)
    assert events == [], [(e.category, e.evidence.text) for e in events]


@pytest.mark.parametrize("text, category", [
    # a run of events told with its day is still news
    ("Gunmen launched repeated attacks on the convoy on Thursday.", "ASSAULT"),
    ("For the second time this week, rebels attacked the garrison in Beni on Sunday.", "ASSAULT"),
    # a decade named in another clause does not reach the event's own
    ("The rebels, who ruled the valley in the 1990s, attacked the town on Monday.", "ASSAULT"),
    # one accusation, in the past or with its day
    ("The two parties accused each other on Friday of rigging the count.", "ACCUSE"),
    ("Police arrested the daily newspaper's editor on Monday.", "COERCE"),
])
def test_agency_news_beside_background_keeps_its_event(text, category):
    events = asserted(text)
    assert any(e.category == category for e in events), [(e.category, e.evidence.text) for e in events]
