"""Background told over a span of time (issue 16, pattern 2), as agency reports give it in
their context paragraph: an event noun doing the act of a perfect over a span ("protests have
rocked the country since October"), a span opened by a clause of time ("since the insurgency
began"), the perfect progressive ("rebels have been fighting the government"). Each sentence
is written for these tests; the news told beside them (a day of its own, a span of this week's
days, a past progressive) must keep its event.
"""
from __future__ import annotations

import pytest

from eventwire.events.episodic import EPISODIC, ONGOING, SUMMARY, clause_kind, noun_kind
from eventwire.nlp import load_nlp

from coded import asserted


def _token(doc, word: str):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("text, noun, kind", [
    # the event noun is the doer of a perfect over a span
    ("Protests have rocked the country since October.", "Protests", ONGOING),
    ("Street protests have shaken the capital for months.", "protests", ONGOING),
    ("The region has been gripped by clashes since the election.", "clashes", ONGOING),
    ("Strikes and protests have paralysed the port since the reform was passed.", "protests", ONGOING),
    # a span of this week's days is the news told as it goes on; a perfect with no span, news
    ("Clashes have spread to three towns since Friday.", "Clashes", EPISODIC),
    ("Protests have spread to three more cities, witnesses said.", "Protests", EPISODIC),
    ("Protests rocked the capital on Monday.", "Protests", EPISODIC),
])
def test_an_event_noun_doing_a_perfect_over_a_span(text, noun, kind):
    doc = load_nlp()(text)
    assert noun_kind(_token(doc, noun)) == kind


@pytest.mark.parametrize("text, verb, kind", [
    # a clause of time opened by "since" is a span as "since 2009" is
    ("The militants have attacked army posts since the insurgency began.", "attacked", ONGOING),
    ("Police have arrested 300 people since the unrest started.", "arrested", SUMMARY),
    # the perfect progressive with no time of its own
    ("Rebels have been fighting the government in the hills.", "fighting", ONGOING),
    ("The two parties had been negotiating a coalition.", "negotiating", ONGOING),
    # a "since" of reason; a perfect progressive with its day; a past progressive
    ("Since the president is abroad, the minister has signed the decree.", "signed", EPISODIC),
    ("Troops have been shelling the town since dawn on Monday.", "shelling", ONGOING),
    ("Rebels have been shelling the town on Monday, residents said.", "shelling", EPISODIC),
    ("Troops were shelling the town when the envoy arrived.", "shelling", EPISODIC),
])
def test_a_span_of_a_clause_and_the_perfect_progressive(text, verb, kind):
    doc = load_nlp()(text)
    assert clause_kind(_token(doc, verb)) == kind


@pytest.mark.parametrize("text", [
    "Protests have rocked the country since October.",
    "The region has been gripped by violent clashes since the election.",
    "Anti-government protests have swept the country since the vote in March.",
    "The militants have attacked police stations since the insurgency began.",
    "Rebels have been fighting the government in the hills.",
    "Security forces have been battling the insurgents in the north.",
])
def test_background_over_a_span_gives_no_asserted_event(text):
    events = asserted(text)
    assert events == [], [(e.category, e.evidence.text) for e in events]


@pytest.mark.parametrize("text, category", [
    ("Protests rocked the capital on Monday.", "PROTEST"),
    ("Protesters clashed with police in the capital on Monday.", "PROTEST"),
    ("Since the president is abroad, the prime minister has met the envoy of the United Nations.", "CONSULT"),
    ("Troops were shelling the town on Monday when the envoy arrived.", "ASSAULT"),
    ("Police arrested 20 protesters in the capital on Sunday, days after the unrest began.", "COERCE"),
])
def test_news_beside_them_keeps_its_event(text, category):
    events = asserted(text)
    assert any(e.category == category for e in events), [(e.category, e.evidence.text) for e in events]


@pytest.mark.parametrize("text", [
    # an infinitive has no tense of its own: it is told over the span of the verb it completes
    "Social media firms have been struggling to censor the videos.",
    "Rebels have been trying to seize the town for weeks.",
    "The militia has long sought to seize the port.",
])
def test_an_infinitive_under_an_ongoing_verb_gives_no_asserted_event(text):
    events = asserted(text)
    assert events == [], [(e.category, e.evidence.text) for e in events]


@pytest.mark.parametrize("text, category", [
    ("Rebels tried to seize the town on Monday.", "ASSAULT"),   # a town taken by force is fought for
    ("The army continued to shell the town on Tuesday.", "ASSAULT"),
    ("Police used tear gas to disperse the crowd on Sunday.", "ASSAULT"),
])
def test_an_infinitive_under_a_told_verb_keeps_its_event(text, category):
    events = asserted(text)
    assert any(e.category == category for e in events), [(e.category, e.evidence.text) for e in events]
