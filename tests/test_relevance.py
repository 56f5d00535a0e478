"""Political relevance of coded events (issue 16, patterns 8 and 10): news of private life,
business, science and sport gives no political event; a thing does not make statements; a
protest verb meaning "show" is no protest; what is asked in a question is not asserted. Plain
political reports keep their events (the guards).

Every sentence here is written for these tests.
"""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from eventwire.events.relevance import is_political, side_is_political
from eventwire.pipeline import extract

from coded import asserted

DATE = "2024-03-18"  # a Monday


# ---------------------------------------------------------------- no political party
MUSICIAN = ("The jazz drummer Carl Mobley met the bassist Ray Tanner at a club in Chicago in 1961. "
            "Mobley later collaborated with the singer Ana Ruiz on two albums. Tanner recommended "
            "Mobley to the band leader Hal Greer, and the two toured with Greer's orchestra for a "
            "decade. Mobley married the dancer June Pike in 1970. Their son told reporters that his "
            "father had asked the family to scatter his ashes at sea.")


@pytest.mark.parametrize("text", [
    MUSICIAN,
    "Relatives of the dead fisherman thanked the hospital staff on Monday.",
])
def test_no_political_party_gives_no_event(text):
    assert asserted(text) == []


def _side(sector):
    return SimpleNamespace(sector=sector)


_NO_CTX = SimpleNamespace(actors=[], private_document=None)


@pytest.mark.parametrize("category, src, tgt, political", [
    ("SUPPORT", "CVL", "HLH", False),     # relatives thanked the nurses
    ("AID", "HLH", None, False),          # the hospital sent doctors
    ("MOBILIZE", "HLH", None, True),      # conflict acts of private parties are kept
    ("ASSAULT", "CVL", "CVL", True),      # a mob attacking villagers: communal violence
    ("ACCUSE", "CVL", "CVL", True),       # clerics accusing two men of blasphemy
    ("ASSAULT", "CRM", "CVL", True),      # a gang's massacre
    ("COOPERATE", "BUS", "GOV", True),    # a company and a ministry
    ("PROTEST", "CVL", None, True),       # a crowd protesting is political by the act
    ("ACCUSE", "CVL", None, True),        # a resident's complaint: not judged private
    ("REQUEST", None, "CVL", True),       # an unknown name: the text does not tell
    ("ASSAULT", None, None, True),        # no side: left to the coder
])
def test_is_political_from_the_sides(category, src, tgt, political):
    sides = [_side(s) if s else None for s in (src, tgt)]
    assert is_political(category, *sides, _NO_CTX) is political


@pytest.mark.parametrize("sector, expected", [("GOV", True), ("COP", True), ("IGO", True),
                                              ("CVL", False), ("BUS", False), (None, None)])
def test_side_is_political(sector, expected):
    assert side_is_political(_side(sector)) is expected


# ---------------------------------------------------------------- a thing does not speak
@pytest.mark.parametrize("text", [
    "The satellite images contradicted the army's account of the raid.",
    "The treaty calls on both governments to withdraw their troops from the border.",
    "The March 3 accord calls on the rebels to hand over their weapons.",
])
def test_a_thing_makes_no_statement(text):
    assert asserted(text) == []


def test_a_document_speaks_for_its_unnamed_author():
    assert asserted("The report accuses the army of torturing detainees.", "ACCUSE")


# ---------------------------------------------------------------- "demonstrate" = show
@pytest.mark.parametrize("text", [
    "The trial demonstrated that the vaccine was safe.",
    "No treatment has been demonstrated effective against the virus.",
])
def test_showing_is_no_protest(text):
    assert asserted(text, "PROTEST") == []


# ---------------------------------------------------------------- questions
@pytest.mark.parametrize("text, category", [
    ("Did the police arrest the protesters on Monday?", "COERCE"),
    ("Has the army attacked the village again?", "ASSAULT"),
])
def test_what_a_question_asks_is_not_asserted(text, category):
    events = extract(text, date=DATE).events
    assert asserted(text, category) == []
    assert [e.modality for e in events if e.category == category] == ["hypothetical"]


@pytest.mark.parametrize("text", [
    "The senator asked whether the army had attacked the village.",
    "The journalist asked the president whether he would resign.",
])
def test_asking_a_question_is_no_request(text):
    assert asserted(text, "REQUEST") == []


# ---------------------------------------------------------------- guards: plain reports
@pytest.mark.parametrize("text, category, source_sector", [
    ("Police arrested dozens of protesters in the capital on Monday.", "COERCE", "COP"),
    ("Soldiers fired on a crowd of demonstrators in Khartoum on Sunday.", "ASSAULT", "MIL"),
    ("The opposition leader accused the prime minister of corruption on Tuesday.", "ACCUSE", "OPP"),
    ("Students demonstrated outside parliament on Monday.", "PROTEST", "EDU"),
    ("Villagers protested against the new mine on Friday.", "PROTEST", "CVL"),
    ("The session was boycotted by opposition lawmakers on Monday.", "PROTEST", "LEG"),
    ("The minister asked the army to withdraw from the town.", "REQUEST", "GOV"),
])
def test_plain_political_reports_keep_their_event(text, category, source_sector):
    events = asserted(text, category)
    assert [e.source.sector for e in events] == [source_sector]


def _actors(*sectors_and_counts):
    return [SimpleNamespace(type="country" if s == "country" else "person", sector=None if s == "country" else s,
                            mentions=[None] * n) for s, n in sectors_and_counts]


@pytest.mark.parametrize("actors, private", [
    (_actors((None, 6), ("CVL", 4), ("BUS", 2)), True),           # a death notice, a company report
    (_actors((None, 6), ("CVL", 4), ("GOV", 5)), False),          # officials take part
    (_actors((None, 2), ("country", 3), ("CVL", 4)), False),       # states named as actors
    (_actors((None, 3), ("CVL", 2)), False),                       # too few mentions to tell
    ([], False),                                                   # no actor at all
    (_actors(("XYZ", 9)), True),                                   # an unknown sector code is not political
])
def test_private_document(actors, private):
    from eventwire.events.relevance import private_document

    assert private_document(SimpleNamespace(actors=actors, private_document=None)) is private


# ---------------------------------------------------------------- an event word in a name
@pytest.mark.parametrize("text", [
    'The film "The Last Battle" opened in cinemas across Kenya on Friday.',
])
def test_an_event_word_in_a_title_is_no_event(text):
    assert asserted(text) == []


@pytest.mark.parametrize("text, category", [
    ("The Battle of Mosul began on Monday when government forces attacked the city.", "ASSAULT"),
    ("Protests erupted in Battle Creek, Michigan, on Monday.", "PROTEST"),
])
def test_an_event_named_or_told_beside_a_name_keeps_its_event(text, category):
    assert asserted(text, category)


@pytest.mark.parametrize("text, category", [
    ("A mob burned dozens of homes in the village of Kora on Tuesday after two men were accused of theft.",
     "ASSAULT"),
    ("A gang kidnapped twelve farmers near the town of Mirebalais on Sunday.", "ASSAULT"),
])
def test_violence_between_private_parties_is_kept(text, category):
    assert asserted(text, category)


@pytest.mark.parametrize("text, category", [
    ("Members of the Association of Rural Jurists investigated the deaths of nine miners on Monday.", "ACCUSE"),
    ("Delegates attended the NATO Summit in Vilnius on Tuesday.", "CONSULT"),
])
def test_a_named_party_or_a_named_meeting_keeps_its_event(text, category):
    assert asserted(text, category)


def test_peoples_named_by_nationality_are_not_private_parties():
    text = "The president said on Monday that Egypt was ready to mediate between Israelis and Palestinians."
    assert [e.category for e in extract(text, date=DATE).events if e.category == "CONSULT"]


# ---------------------------------------------------------------- a story that names no party
@pytest.mark.parametrize("text, kept", [
    # a report of a few sentences that names no state and no political actor anywhere: a crime
    # between private people, a game, a club's transfer
    ("A man was shot dead outside a bar in Leeds on Sunday. Two men were arrested on Monday. "
     "The victim's family thanked neighbours for their help.", []),
    ("The Colts beat the Chiefs 24-17 on Sunday. After the game, coach Tom Reed met his players in "
     "the locker room. He offered his kicker a new contract on Monday.", []),
    ("Chelsea agreed to sign the striker on Monday. The club said the deal would be completed this "
     "week. Fans welcomed the news.", []),
    # one sentence alone tells no domain; a story naming the police keeps its events; a crowd's
    # protest is political whoever marches
    ("A man was shot dead outside a bar in Leeds on Sunday.", ["ASSAULT"]),
    ("A man was shot dead outside a bar in Leeds on Sunday. Police arrested two men on Monday. "
     "The victim's family thanked neighbours for their help.", ["ASSAULT", "COERCE"]),
    ("Hundreds of residents marched through the town on Sunday to demand a new bridge. They "
     "carried banners. The march ended at the town hall.", ["PROTEST"]),
])
def test_a_story_naming_no_political_actor_gives_no_event(text, kept):
    events = asserted(text)
    assert sorted({e.category for e in events}) == kept, [(e.category, e.evidence.text) for e in events]


@pytest.mark.parametrize("text, actors, private", [
    # no political mention at all: private in a text of three sentences, not in one
    ("A man was shot. Two men were held. His family thanked the neighbours.", _actors(("CVL", 3)), True),
    ("A man was shot outside a bar on Sunday.", _actors(("CVL", 3)), False),
    # one state named: the share decides, and two mentions are too few to tell
    ("A man was shot. Two men were held. His family thanked the neighbours.",
     _actors(("CVL", 3), ("country", 1)), False),
])
def test_private_document_without_a_political_actor(text, actors, private):
    from eventwire.events.relevance import private_document
    from eventwire.nlp import load_nlp
    doc = load_nlp()(text)
    assert private_document(SimpleNamespace(actors=actors, private_document=None), doc) is private
