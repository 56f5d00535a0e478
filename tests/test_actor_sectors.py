"""The sector of an actor: what the dictionary's dates, its codes and the role nouns of the text
say a person or a body is, on sentences written for these tests (issue 16, helper "16sec")."""
import datetime as dt

import pytest

from eventwire.actors import actor_at, find_actors
from eventwire.context import DocContext
from eventwire.document import Document


def coded(nlp, text, phrase, date, occurrence=0):
    """(country, sector) of the actor at the n-th ``phrase`` in ``text`` published on ``date``."""
    ctx = DocContext(document=Document(id="t", text=text, date=dt.date.fromisoformat(date)))
    ctx.actors = find_actors(nlp(text), ctx)
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    actor = actor_at(start, start + len(phrase), ctx)
    return None if actor is None else (actor.country, actor.sector)


# --------------------------------------------------------------------------- dates of offices

@pytest.mark.parametrize("text, phrase, date, sector", [
    # a country's leading office ahead, within a campaign: a party's candidate or leader-elect
    ("Emmanuel Macron held a rally in Lyon on Saturday.", "Emmanuel Macron", "2017-02-05", "PTY"),
    ("Volodymyr Zelensky criticised the government on Sunday.", "Volodymyr Zelensky", "2019-03-10", "PTY"),
    # in office: the government
    ("Emmanuel Macron held a rally in Lyon on Saturday.", "Emmanuel Macron", "2018-02-05", "GOV"),
    # the office far ahead, a lesser office ahead, or behind: an elite as before
    ("Emmanuel Macron held a rally in Lyon on Saturday.", "Emmanuel Macron", "2012-02-05", "ELI"),
    ("Rex Tillerson met oil executives in Houston on Monday.", "Rex Tillerson", "2016-12-20", "ELI"),
    ("Jair Bolsonaro criticised the court on Monday.", "Jair Bolsonaro", "2023-06-05", "ELI"),
])
def test_a_leader_before_taking_office_is_a_party_politician(nlp, text, phrase, date, sector):
    assert coded(nlp, text, phrase, date)[1] == sector


# --------------------------------------------------------------------------- role nouns

@pytest.mark.parametrize("text, phrase, sector", [
    # the singular takes the plural's reading (PETRARCH's agents code some singulars otherwise)
    ("A demonstrator threw stones at the police in Caracas on Monday.", "A demonstrator", "CVL"),
    ("Demonstrators threw stones at the police in Caracas on Monday.", "Demonstrators", "CVL"),
    ("A rioter set fire to a bank in Lagos on Monday.", "A rioter", "CVL"),
    ("An assailant stabbed two guards in Mombasa on Monday.", "An assailant", "UAF"),
    ("A fighter was killed in the clashes near Aleppo on Monday.", "A fighter", "REB"),
    # dissidents are activists against a government: opposition (GUIDELINE.md section 5)
    ("Dissidents marched through Havana on Sunday.", "Dissidents", "OPP"),
    ("A dissident was arrested in Havana on Sunday.", "A dissident", "OPP"),
    # negatives: nouns the table codes the same in both numbers keep their reading
    ("A protester was arrested in Caracas on Monday.", "A protester", "CVL"),
    ("Police arrested an opposition activist in Minsk on Monday.", "an opposition activist", "OPP"),
    ("A journalist was arrested in Minsk on Monday.", "A journalist", "MED"),
])
def test_a_role_noun_has_one_sector_in_both_numbers(nlp, text, phrase, sector):
    assert coded(nlp, text, phrase, "2021-03-01")[1] == sector


@pytest.mark.parametrize("phrase, other", [
    ("demonstrators", ["demonstrator"]), ("gunman", ["gunmen"]), ("militia", ["militias"]),
    ("armed forces", ["armed force"]), ("prosecutor-general", []), ("witnesses", ["witness"]),
])
def test_the_other_number_of_a_role_noun(phrase, other):
    from eventwire.actors.dictionary import _other_numbers
    assert _other_numbers(phrase) == other


# --------------------------------------------------------------------------- event sides

@pytest.mark.parametrize("text, category, side, sector", [
    # a body's sector that wins over the role noun in the actors stage wins on the event side too
    ("ELN guerrillas clashed with FARC dissidents in Arauca on Monday.", "ASSAULT", "target", "REB"),
    ("Hamas fighters attacked an army post near Gaza on Monday.", "ASSAULT", "source", "REB"),
    # negatives: no body named, the role noun decides
    ("Police arrested two dissidents in Havana on Sunday.", "COERCE", "target", "OPP"),
    ("Police beat a demonstrator in Caracas on Monday.", "ASSAULT", "target", "CVL"),
])
def test_an_event_side_takes_the_sector_the_actors_stage_reads(text, category, side, sector):
    from coded import coded_record
    events = [e for e in coded_record(text, "2024-03-18").events if e.category == category]
    assert events, text
    assert getattr(events[0], side).sector == sector
