"""Countries from nowhere and people coded as states (issue 16, pattern 5): a dictionary person's
surname after another given name is someone else; a nation's people are named by their own noun
("Swedes", "a Briton") and one of them is a person, not the state."""
import pytest

from eventwire import pipeline
from eventwire.document import Document, parse_date


def actors_of(text: str) -> dict[str, str | None]:
    (_, record), = pipeline.extract_many([Document(id="t", text=text, date=parse_date("2020-02-05"))])
    return {a.name: a.country for a in record.actors if a.type == "person"}


@pytest.mark.parametrize("text, name", [
    # the tagger leaves the given name out of the entity; the surname alone is a dictionary name
    ("The mayor of London, Sadiq Khan, condemned the stabbing.", "Imran Khan"),
    ("Rebels loyal to Laurent Kabila's army crossed the river.", "Joseph Kabila"),
])
def test_a_surname_after_another_given_name_is_not_the_dictionary_person(text, name):
    assert name not in actors_of(text)


@pytest.mark.parametrize("text, name, country", [
    ("Prime Minister Khan condemned the stabbing in Islamabad.", "Imran Khan", "PAK"),
    ("The Syrian leader, Bashar Assad, condemned the strike.", "Bashar al-Assad", "SYR"),
    ("Protesters carried a picture of Mr. Erdogan through the square.", "Recep Tayyip Erdoğan", "TUR"),
])
def test_a_title_or_a_given_name_of_the_person_keeps_the_dictionary_person(text, name, country):
    assert actors_of(text).get(name) == country


def codes_of(text: str) -> dict[str, str | None]:
    (_, record), = pipeline.extract_many([Document(id="t", text=text, date=parse_date("2020-02-05"))])
    return {a.name: a.code for a in record.actors}


@pytest.mark.parametrize("text, name, code", [
    # nouns of a nation's people (the country table listed only the adjectives)
    ("Thousands of Swedes joined the protest in Stockholm.", "Swedes", "SWECVL"),
    ("Two Britons were kidnapped near the border.", "Two Britons", "GBRCVL"),
    ("Two Frenchmen were kidnapped near the border.", "Two Frenchmen", "FRACVL"),
    # one of a nation's people is a person, not the state
    ("An American was detained at the airport.", "An American", "USACVL"),
    ("A Swede was detained at the airport.", "A Swede", "SWECVL"),
    # the nation as a collective stays the state
    ("The French said they would send more troops.", "French", "FRAGOV"),
])
def test_a_nations_people_by_their_noun(text, name, code):
    assert codes_of(text).get(name) == code
