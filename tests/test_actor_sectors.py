"""The sector of an actor: what the dictionary's dates, its codes and the role nouns of the text
say a person or a body is, on sentences written for these tests (issue 16, helper "16sec")."""
import datetime as dt

import pytest

from eventwire.actors import actor_at, find_actors
from eventwire.context import DocContext
from eventwire.document import Document


def coded(nlp, text, phrase, date):
    """(country, sector) of the actor at ``phrase`` in ``text`` published on ``date``."""
    ctx = DocContext(document=Document(id="t", text=text, date=dt.date.fromisoformat(date)))
    ctx.actors = find_actors(nlp(text), ctx)
    start = text.index(phrase)
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
