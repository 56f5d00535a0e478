"""The source of an event and its codes (issue 16, helper "16src", fourteenth session):
readings of English constructions that say whose a side is. Every sentence here is written
for these tests.
"""
from __future__ import annotations

import pytest

from coded import coded_events as events_of


def codes(side) -> tuple | None:
    return (side.country, side.sector) if side is not None else None


# A nation's word joined by a hyphen to "backed", "funded", "armed" ... names the party's
# sponsor, not its own country: the side is of the country where the text places it.
@pytest.mark.parametrize("text, category, side, country", [
    ("The insurgents attacked the U.S.-backed government in Kabul on Monday.",
     "ASSAULT", "target", "AFG"),
    ("Iranian-backed militias attacked a base in Iraq on Monday.", "ASSAULT", "source", "IRQ"),
    ("Turkish-backed rebels clashed with Syrian government forces in northern Syria on Monday.",
     "ASSAULT", "source", "SYR"),
    ("He was captured by U.S.-allied Afghan forces on Monday.", "COERCE", "source", "AFG"),
    ("Russian-funded separatists shelled a town in eastern Ukraine on Monday.",
     "ASSAULT", "source", "UKR"),
])
def test_a_sponsor_compound_is_not_the_sides_country(text, category, side, country):
    event = events_of(text, category)[0]
    assert getattr(event, side) is not None and getattr(event, side).country == country, getattr(event, side)


# A prefix of stance ("pro-", "anti-") before a nation's word names whom the party favours or
# opposes, not whose it is.
@pytest.mark.parametrize("text, category, country", [
    ("Pro-Russian separatists attacked a checkpoint in eastern Ukraine on Monday.", "ASSAULT", "UKR"),
    ("Pro-Russia separatists seized a building in Donetsk, Ukraine, on Monday.", "COERCE", "UKR"),
    ("Anti-Israeli guerrillas detonated a bomb near Tyre in Lebanon on Monday.", "ASSAULT", "LBN"),
])
def test_a_stance_prefix_is_not_the_sides_country(text, category, country):
    event = events_of(text, category)[0]
    assert event.source is not None and event.source.country == country, event.source


@pytest.mark.parametrize("text, category, side, country", [
    # guards: a leader is one of the side; a nation's word without a participle is the side's own
    ("The Saudi-led coalition struck a hospital in Yemen on Monday.", "ASSAULT", "source", "SAU"),
    ("Russian troops attacked a village in Ukraine on Monday.", "ASSAULT", "source", "RUS"),
    ("Iranian militias attacked a base in Iraq on Monday.", "ASSAULT", "source", "IRN"),
])
def test_a_nations_own_word_still_gives_the_side_its_country(text, category, side, country):
    event = events_of(text, category)[0]
    assert getattr(event, side) is not None and getattr(event, side).country == country, getattr(event, side)


# A bomber named by what carries the bomb is a person, an unidentified armed one, not the
# aircraft "bomber" of an air force (MIL): no state's force without a marker.
@pytest.mark.parametrize("text", [
    "A suicide truck bomber struck an army base in Helmand province on Monday.",
    "A suicide car bomber attacked a checkpoint in Baghdad on Monday.",
    "A car bomber struck a market in Mogadishu on Monday.",
])
def test_a_car_or_truck_bomber_is_no_army(text):
    event = events_of(text, "ASSAULT")[0]
    assert event.source is not None and event.source.sector == "UAF", event.source


def test_a_named_air_force_bomber_stays_military():
    # guard: the aircraft reading
    event = events_of("Russian bombers struck a village in Syria on Monday.", "ASSAULT")[0]
    assert codes(event.source) == ("RUS", "MIL"), event.source


# People named in apposition to a plural office ("the presidents of the two countries, A and
# B") are the sides, the first named the source and the next its partner, each with the
# office's sector even when no dictionary knows them.
@pytest.mark.parametrize("text, category", [
    ("The presidents of the two countries, Ahmad Karimi and Tomas Varga, met in Ankara on Monday.",
     "CONSULT"),
    ("The two foreign ministers, Ahmad Karimi and Tomas Varga, signed an agreement in Ankara on "
     "Monday.", "SUPPORT"),
])
def test_people_named_beside_their_office_take_its_sector(text, category):
    event = events_of(text, category)[0]
    assert event.source is not None and "Ahmad Karimi" in event.source.text, event.source
    assert event.source.sector == "GOV", event.source
    assert event.target is not None and "Tomas Varga" in event.target.text, event.target
    assert event.target.sector == "GOV", event.target


@pytest.mark.parametrize("text, category, source, codes_", [
    # guards: the states named in the "of" phrase stay the sides; a singular office and its
    # holder are one party and keep the office's words; people in no office get no office
    ("The presidents of Iran and Turkey, Ahmad Karimi and Tomas Varga, met in Ankara on Monday.",
     "CONSULT", "Iran", ("IRN", "GOV")),
    ("The interior minister, Amadou Sy, ordered the arrest of the mayor on Monday.",
     "COERCE", "interior minister", None),
    ("Two brothers, Ahmad Karimi and Tomas Varga, attacked a police station in Kabul on Monday.",
     "ASSAULT", "Two brothers", ("AFG", "CVL")),
])
def test_an_office_named_with_its_states_or_its_one_holder_is_unchanged(text, category, source, codes_):
    event = events_of(text, category)[0]
    assert event.source is not None and source in event.source.text, event.source
    if codes_ is not None:
        assert codes(event.source) == codes_, event.source


# The "of" phrase of a visit, a meeting or talks names who pays it or holds it, not whom it is
# done to: "the visit of a Sudanese delegation to Bulgaria" is the delegation's.
@pytest.mark.parametrize("text, source", [
    ("The visit of a Sudanese delegation to Bulgaria began on Monday.", "Sudanese delegation"),
    ("The visit of the French foreign minister to Algeria began on Monday.", "French foreign minister"),
])
def test_the_visitor_is_the_source_of_a_visit(text, source):
    event = events_of(text, "CONSULT")[0]
    assert event.source is not None and source in event.source.text, event.source
    assert event.target is None or source not in event.target.text, event.target


def test_the_arrest_of_someone_is_still_undergone():
    # guard: the "of" phrase of an act done to someone is its target
    event = events_of("Police confirmed the arrest of an opposition activist in Harare on Monday.",
                      "COERCE")[0]
    assert event.target is not None and "opposition activist" in event.target.text, event.target
    assert event.source is None or "activist" not in event.source.text, event.source


# A person is named again by one word of the full name: the last name ("Lam"), or the first
# where the family name is written first or the press uses the given name ("Kim Jong Un" ...
# "Kim", "Xi Jinping" ... "Xi"). A short name is a name as written in capitals and lower case:
# only codes ("US") must be written in capitals.
@pytest.mark.parametrize("text, category, codes_", [
    ("Chinese President Xi Jinping arrived in Paris on Sunday. Xi met the French president on "
     "Monday.", "CONSULT", ("CHN", "GOV")),
    ("Chinese President Xi Jinping arrived in Paris on Sunday. On Monday Xi accused North Korea "
     "of provocations.", "ACCUSE", ("CHN", "GOV")),
    ("North Korean leader Kim Jong Un met the Chinese envoy on Sunday. Kim criticized South "
     "Korea on Monday.", "ACCUSE", ("PRK", "GOV")),
])
def test_a_person_named_again_by_the_first_word_of_the_name(text, category, codes_):
    event = [e for e in events_of(text, category) if e.source is not None and " " not in e.source.text][0]
    assert codes(event.source) == codes_, event.source


@pytest.mark.parametrize("text, category, not_codes", [
    # guards: a first word two people named share is neither's ("Kim Jong Un", "Kim Jong
    # Nam"); a last name shared with a person named before stays that person's; the first word
    # of a person the article names in full is not the dictionary's namesake (Abiy Ahmed)
    ("Opposition leader Ahmed Dorbi was arrested in Cairo on Friday. On Monday Ahmed accused the "
     "police of torture.", "ACCUSE", ("ETH", "GOV")),
    ("North Korean leader Kim Jong Un met the envoy on Sunday. His half-brother Kim Jong Nam was "
     "killed in Malaysia. Kim criticized South Korea on Monday.", "ACCUSE", ("PRK", "GOV")),
    ("Opposition leader Ahmed Dorbi met the envoy on Friday. Police chief Samir Ahmed accused him "
     "of fraud on Monday. On Tuesday Ahmed arrested two activists.", "COERCE", (None, "OPP")),
])
def test_a_first_word_is_not_taken_for_another_person(text, category, not_codes):
    event = [e for e in events_of(text, category) if e.source is not None and " " not in e.source.text][0]
    assert codes(event.source) != not_codes, event.source


# The doer of the act a passive harm was done in is its source: the adjunct may be "amid" or
# "under" the act, and verbs of harm coordinated with the passive share it though the parser
# hangs it on the last ("eight were killed and twenty wounded under shelling by the rebels").
@pytest.mark.parametrize("text, source", [
    ("At least eight people were killed and twenty others wounded under heavy shelling by the "
     "rebels west of Kobane on Monday.", "rebels"),
    ("Six civilians were killed in the city of Homs amid airstrikes by the Syrian air force on "
     "Sunday.", "Syrian air force"),
    ("Eleven people were killed and four injured in a suicide bombing by a Boko Haram militant in "
     "Mora on Monday.", "Boko Haram militant"),
])
def test_the_doer_of_the_act_a_harm_was_done_in(text, source):
    event = events_of(text, "ASSAULT")[0]
    assert event.source is not None and source in event.source.text, event.source


@pytest.mark.parametrize("text", [
    # guards: an adjunct of time or of a place is no act; the victims are no doer
    "Six civilians were killed in the city of Homs on Sunday.",
    "At least eight people were killed and twenty others wounded under the bridge in Kobane on Monday.",
])
def test_no_act_in_the_adjunct_no_source(text):
    event = events_of(text, "ASSAULT")[0]
    assert event.source is None, event.source


# A fight with a party told in an adjunct: the undergoers of a passive harm (or arrest) were
# hurt by the party they fought, whether the adjunct hangs on the verb or on a coordinated
# one; the doer of an active clause is the one who fought.
@pytest.mark.parametrize("text, category, source", [
    ("At least three soldiers were killed and others injured during clashes with rebel fighters "
     "in Deir ez-Zor on Sunday.", "ASSAULT", "rebel fighters"),
    ("Six protesters were killed after violent clashes with security forces in Cairo on Friday.",
     "ASSAULT", "security forces"),
    ("Forty protesters were detained during clashes with police in Dakar on Monday.", "COERCE",
     "police"),
    ("ISIS captured most of the camp after prolonged clashes with Nusra Front fighters on Monday.",
     "ASSAULT", "ISIS"),
    ("The Syrian army retook the hill after a violent battle with the rebels on Monday.", "ASSAULT",
     "Syrian army"),
])
def test_the_party_fought_in_an_adjunct(text, category, source):
    event = [e for e in events_of(text, category) if e.source is not None][0]
    assert source in event.source.text, event.source


def test_who_fought_is_not_told_by_a_passive():
    # guard: the undergoers of a passive are not the fight's doers
    event = [e for e in events_of("Forty protesters were detained during clashes with police in Dakar "
                                  "on Monday.", "ASSAULT") if "clash" in e.evidence.text][0]
    assert event.source is None or "protesters" not in event.source.text, event.source


# An event noun that is the subject of a passive verb of doing or owning it takes the verb's
# "by" phrase as its doer ("the attack was carried out by X" says what "X carried out the
# attack" says); a verb that puts the act on someone names the doer with "on" or "to"; a "by"
# phrase the parser hangs on the undergoer of an event noun ("the arrest of X by police") is
# the noun's doer.
@pytest.mark.parametrize("text, category, source", [
    ("Police said the attack on the checkpoint was carried out by al-Shabaab militants.", "ASSAULT",
     "al-Shabaab militants"),
    ("The kidnapping of the engineers was claimed by the Pakistani Taliban on Sunday.", "ASSAULT",
     "Pakistani Taliban"),
    ("The ambush on the convoy was blamed on Boko Haram.", "ASSAULT", "Boko Haram"),
    ("The bombing of the market was attributed to the Islamic State group.", "ASSAULT", "Islamic State"),
    ("The arrest of the opposition leader by police sparked protests in Dakar on Monday.", "COERCE",
     "police"),
    ("The attack, which was claimed by the Islamic State group, killed 20 people in Kabul on Monday.",
     "ASSAULT", "Islamic State"),
])
def test_the_doer_named_by_a_passive_verb_of_the_act(text, category, source):
    event = [e for e in events_of(text, category) if e.source is not None][0]
    assert source in event.source.text, event.source


@pytest.mark.parametrize("text, category, not_source", [
    # guards: who saw, told, answered or stopped the act did not do it
    ("The attack on the convoy was condemned by France on Monday.", "ASSAULT", "France"),
    ("The attack on the checkpoint was reported by Reuters on Monday.", "ASSAULT", "Reuters"),
    ("The march was halted by police in Dakar on Monday.", "PROTEST", "police"),
    ("The bombing, which was condemned by the United Nations, killed 20 people in Kabul on Monday.",
     "ASSAULT", "United Nations"),
])
def test_a_passive_verb_of_answering_the_act_names_no_doer(text, category, not_source):
    event = events_of(text, category)[0]
    assert event.source is None or not_source not in event.source.text, event.source


# A bare number with no noun of its own ("Thousands marched", "More than 5,000 demonstrated")
# names a crowd of people: civilians, of the country where the text places the act.
@pytest.mark.parametrize("text, category, side, country", [
    ("Thousands marched in Belgrade on Monday to demand new elections.", "PROTEST", "source", "SRB"),
    ("Hundreds rallied outside parliament in Tbilisi on Monday.", "PROTEST", "source", "GEO"),
    ("More than 5,000 demonstrated in Lima on Monday against the new law.", "PROTEST", "source", "PER"),
    ("Hundreds of thousands rallied across France on Monday against the pension reform.",
     "PROTEST", "source", "FRA"),
    ("Police arrested dozens in Minsk on Monday.", "COERCE", "target", "BLR"),
])
def test_a_bare_number_is_a_crowd_of_people(text, category, side, country):
    event = events_of(text, category)[0]
    assert codes(getattr(event, side)) == (country, "CVL"), getattr(event, side)


@pytest.mark.parametrize("text, category", [
    # guards: a number of something named is that thing; the crowd a march drew is no target
    ("The march drew thousands in Minsk on Monday.", "PROTEST"),
    ("The army fired 500 shells at the town in Donetsk on Monday.", "ASSAULT"),
])
def test_a_number_that_is_no_crowd_is_no_target(text, category):
    event = events_of(text, category)[0]
    assert event.target is None or event.target.text != "thousands", event.target
    assert event.target is None or not event.target.text[:1].isdigit(), event.target


# A verb that puts an act on someone ("blamed on", "attributed to") in a relative clause on
# the act, or on the noun of its "on"/"in" phrase, names the doer; so does a verb of doing it
# ("which X carried out"), unless a complement says what the act is.
@pytest.mark.parametrize("text, source", [
    ("The bombing, which the government blamed on the ELN, killed 20 cadets in Bogota on Monday.", "the ELN"),
    ("Seven police officers died in an ambush in Guerrero state that officials attributed to a drug cartel.",
     "a drug cartel"),
    ("Twelve people died on Monday in an attack on a market in Borno that was blamed on Boko Haram.",
     "Boko Haram"),
    ("The attack, which al-Shabaab carried out at dawn, killed nine soldiers in Lower Shabelle on Monday.",
     "al-Shabaab"),
])
def test_the_doer_named_in_a_relative_clause_on_the_act(text, source):
    event = events_of(text, "ASSAULT")[0]
    assert event.source is not None and event.source.text == source, event.source


def test_a_complement_that_says_what_the_act_is_names_no_doer():
    event = events_of("The march, which police called illegal, went ahead in Minsk on Monday.", "PROTEST")[0]
    assert event.source is None or event.source.text != "police", event.source


# "the X group": the organisation X, not a group of people.
@pytest.mark.parametrize("text, side", [
    ("The Islamic State group attacked a checkpoint in Diyala on Monday.", "source"),
    ("The attack on the convoy in Diyala on Monday was claimed by the Islamic State group.", "source"),
])
def test_a_group_named_for_an_organisation_is_that_organisation(text, side):
    event = events_of(text, "ASSAULT")[0]
    assert getattr(event, side) is not None and getattr(event, side).sector == "REB", getattr(event, side)


# "X met his Polish counterpart in Warsaw": a counterpart named with a nation is of another
# state than its owner, so the owner does not take that nation from the scene.
@pytest.mark.parametrize("text, country", [
    ("Defense Minister Oleksii Reznikov met his Polish counterpart in Warsaw on Monday.", None),
    ("Interior Minister Ana Ruiz met her Moroccan counterpart in Rabat on Monday.", None),
    # guards: the owner's own nation, a leader the dictionary knows, a counterpart with no nation
    ("Ukraine's defense minister met his Polish counterpart in Warsaw on Monday.", "UKR"),
    ("Sergei Lavrov met his Turkish counterpart in Ankara on Monday.", "RUS"),
    ("The Senate majority leader met his House counterpart in Washington on Monday.", "USA"),
])
def test_a_counterparts_nation_is_not_its_owners(text, country):
    event = events_of(text, "CONSULT")[0]
    assert event.source is not None and event.source.country == country, event.source


# "...; the Islamic State group claimed responsibility", "..., the army said, blaming jihadists":
# a claim of responsibility or a blame in another clause of the act's sentence, naming no act
# of its own, names the doer of the one act told.
@pytest.mark.parametrize("text, source", [
    ("The mosque in Kabul was bombed on Monday; the Islamic State group claimed responsibility.",
     "the Islamic State group"),
    ("The convoy was ambushed near Gao on Monday and the rebels later claimed responsibility.", "the rebels"),
    ("The convoy was attacked near Gao on Monday, the army said, blaming jihadists.", "jihadists"),
    # an imputing relative clause with its pronoun left out
    ("A checkpoint was attacked near Gao on Monday in an assault the army blamed on jihadists.", "jihadists"),
])
def test_a_claim_in_another_clause_names_the_doer(text, source):
    event = events_of(text, "ASSAULT")[0]
    assert event.source is not None and event.source.text == source, event.source


@pytest.mark.parametrize("text", [
    # guards: a denied claim names no doer
    "The convoy was ambushed near Gao on Monday and no group claimed responsibility.",
    "The convoy was ambushed near Gao on Monday; nobody claimed responsibility.",
])
def test_a_denied_claim_names_no_doer(text):
    event = next(e for e in events_of(text, "ASSAULT") if e.evidence.text.startswith("ambushed"))
    assert event.source is None, event.source


# A caption's present-tense verb the parser reads as a plural noun ("A woman protests against
# ...") keeps its subject as the doer; a copular predicate noun does not take one.
@pytest.mark.parametrize("text, source", [
    ("A woman protests against child marriage in Lagos, Nigeria, March 18, 2024.", "A woman"),
    ("FILE - A man protests outside parliament in Accra, Ghana, March 18, 2024.", "A man"),
])
def test_the_subject_of_a_verb_read_as_a_noun(text, source):
    event = events_of(text, "PROTEST")[0]
    assert event.source is not None and event.source.text == source, event.source
