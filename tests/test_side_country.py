"""A side's country (issue 16, pattern 5; GUIDELINE.md section 5): unnamed civilians and armed
groups are of the country where the text places the event, never of another agent's country
named beside them ("Israeli troops fired at the demonstrators" in a story set in Gaza); a side
named with its own country keeps it wherever the event happens; a side the text ties to no
country gets none. Written articles, each through the whole pipeline."""
import pytest

from eventwire import pipeline
from eventwire.document import Document, parse_date


def sides(text: str) -> dict[str, str | None]:
    """Each asserted event side's text -> its country."""
    (_, record), = pipeline.extract_many([Document(id="t", text=text, date=parse_date("2023-05-16"))])
    out = {}
    for event in record.events:
        if event.modality == "asserted":
            for side in (event.source, event.target):
                if side is not None:
                    out[side.text] = side.country
    return out


@pytest.mark.parametrize("text, side, country", [
    # another state's forces named beside the unnamed crowd: the crowd is of the scene
    ("Thousands of Palestinians marched toward the fence east of Gaza City on Monday. "
     "Israeli soldiers fired tear gas at the demonstrators.", "the demonstrators", "PSE"),
    ("Palestinians marched toward the border fence in Gaza on Monday. Israeli troops shot at "
     "the protesters, killing three.", "the protesters", "PSE"),
    ("Fighting raged in Aleppo and Damascus on Sunday. Russian jets bombed rebels loyal to the "
     "Free Syrian Army on Monday.", "rebels", "SYR"),
])
def test_unnamed_people_are_not_of_another_agents_country(text, side, country):
    assert sides(text).get(side) == country


@pytest.mark.parametrize("text, side, country", [
    # the marker is the document's own country: a state acting at home
    ("Myanmar's junta freed 5,000 prisoners on Monday.", "5,000 prisoners", "MMR"),
    # police act at home: the people they detain are of the police's country
    ("A car bomb killed 12 people in Damascus on Thursday. Syrian officials blamed the Islamic "
     "State group. Turkish police detained 40 militants on Friday.", "40 militants", "TUR"),
    # a side named with its own country keeps it, wherever the event is placed
    ("Russian troops shelled the city of Kharkiv on Sunday.", "Russian troops", "RUS"),
    ("Villagers fled after Sudanese soldiers attacked them near Adre in Chad on Monday.",
     "Sudanese soldiers", "SDN"),
    ("Chadian villagers said Sudanese soldiers attacked them near Adre on Monday.",
     "Chadian villagers", "TCD"),
    # an unnamed group in a placed event: the event's country
    ("Villagers fled after Sudanese soldiers attacked them near Adre in Chad on Monday.",
     "Villagers", "TCD"),
])
def test_a_sides_own_country_or_the_scenes_stays(text, side, country):
    assert sides(text).get(side) == country


@pytest.mark.parametrize("text, side", [
    # no place, no country named: no country, never a guess
    ("Gunmen attacked a bus on Monday, killing six passengers.", "Gunmen"),
    ("Gunmen attacked a bus on Monday, killing six passengers.", "six passengers"),
])
def test_a_side_the_text_ties_to_no_country_has_none(text, side):
    found = sides(text)
    assert side in found and found[side] is None
