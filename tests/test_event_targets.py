"""The target of an event (issue 16, pattern 3): places are where an event happens, not whom it
is aimed at; a party named by its tie to another is not the doer's own side. Every sentence
here is written for these tests.
"""
from __future__ import annotations

import pytest

from coded import asserted


def _one(text: str, category: str):
    found = asserted(text, category)
    assert found, (text, category)
    return found[0]


# A city, region or site a crowd goes to or stands in is the protest's place (GUIDELINE section
# 5: places used as the scene are never a side); so is the city an area or site lies in.
@pytest.mark.parametrize("text, place_word", [
    ("Thousands of protesters marched toward Trump Tower in New York on Monday.", "Trump Tower"),
    ("About 2,000 demonstrators marched on Manila's financial district on Monday.", "Manila"),
    ("Hundreds of protesters rallied at Egypt's Tahrir Square on Monday.", "Egypt"),
    ("Tens of thousands of people took to Sarajevo's streets on Monday.", "Sarajevo"),
    ("Protesters rallied at Moscow's Pushkin Square on Monday against corruption.", "Moscow"),
    ("Thousands of protesters gathered at Tehran's Azadi Square on Monday.", "Tehran"),
])
def test_where_a_crowd_goes_is_no_target(text, place_word):
    event = _one(text, "PROTEST")
    assert event.target is None or place_word not in event.target.text, event.target


# ... but a body addressed, a body's building the act is aimed at, or a party's stance is.
@pytest.mark.parametrize("text, target", [
    ("Protesters set fire to the Saudi embassy in Tehran on Monday.", "Saudi embassy"),
    ("Thousands of demonstrators marched to parliament in Nairobi on Monday.", "parliament"),
    ("Hundreds of farmers protested against the government in Paris on Monday.", "government"),
    ("Demonstrators protested against Washington's threat of military action on Monday.", "Washington"),
    ("Protesters threw stones at police in Nairobi on Monday.", "police"),
])
def test_a_body_a_protest_is_aimed_at_stays_its_target(text, target):
    event = _one(text, "PROTEST")
    assert event.target is not None and target in event.target.text, event.target


# The city an attacked site lies in, or an attacked town, is not attacked as a party (the
# scene, GUIDELINE section 5); a country named as the owner of what is hit is its state.
@pytest.mark.parametrize("text, target", [
    ("Rebels attacked Kabul's airport on Monday.", None),
    ("Israel struck Syria on Monday.", "Syria"),
    ("Rebels attacked the town of Goma on Monday.", None),
])
def test_the_city_a_site_lies_in_is_no_target(text, target):
    event = _one(text, "ASSAULT")
    if target is None:
        assert event.target is None, event.target
    else:
        assert event.target is not None and target in event.target.text, event.target


# A relative clause after "the N in PLACE" tells of the N: "the march in Tehran, which the
# authorities had prohibited" prohibited the march, not the city.
@pytest.mark.parametrize("text, category, not_target", [
    ("Police dispersed the march in Tehran, which the authorities had prohibited.", "COERCE", "Tehran"),
])
def test_a_relative_clause_after_a_placed_noun_is_about_the_noun(text, category, not_target):
    event = _one(text, category)
    assert event.target is None or not_target not in event.target.text, event.target


@pytest.mark.parametrize("text, category, target", [
    ("The ministry condemned Iran, which Washington blamed for the attack on Monday.", "ACCUSE", "Iran"),
])
def test_a_relative_clause_on_a_party_keeps_its_antecedent(text, category, target):
    event = _one(text, category)
    assert event.target is not None and target in event.target.text, event.target


# "his counterpart", "its rivals": a noun that names a party by its tie to the owner names
# another party, not the doer's own people ("its troops", "their commander" stay no target).
@pytest.mark.parametrize("text, category, target, country", [
    ("The president met his French counterpart in Paris on Monday.", "CONSULT", "counterpart", "FRA"),
    ("Russian Foreign Minister Sergei Lavrov met his Chinese counterpart Wang Yi in Beijing on Monday.",
     "CONSULT", "counterpart", "CHN"),
])
def test_a_counterpart_with_a_possessive_is_the_other_party(text, category, target, country):
    event = _one(text, category)
    assert event.target is not None and target in event.target.text, event.target
    assert event.target.country == country, event.target


@pytest.mark.parametrize("text, category", [
    ("Police arrested their own commander on Monday.", "COERCE"),
    ("The army deployed its troops to the border on Monday.", "MOBILIZE"),
])
def test_the_doers_own_people_stay_no_target(text, category):
    for event in asserted(text, category):
        assert event.target is None, event.target


# Coordinated nationalities on one side of a joint act name two parties: the first named is
# the source, the next its partner, with the sector of the noun they share.
@pytest.mark.parametrize("text, category, source, target", [
    ("Russian and Chinese foreign ministers met in Beijing on Monday.", "CONSULT", ("RUS", "GOV"), ("CHN", "GOV")),
    ("Japanese and South Korean officials held talks in Seoul on Monday.", "CONSULT", ("JPN", "GOV"), ("KOR", "GOV")),
    ("Iranian and Iraqi troops held joint exercises near the border on Monday.", "COOPERATE",
     ("IRN", "MIL"), ("IRQ", "MIL")),
])
def test_coordinated_nationalities_of_a_joint_act_are_its_two_sides(text, category, source, target):
    event = _one(text, category)
    assert event.source is not None and (event.source.country, event.source.sector) == source, event.source
    assert event.target is not None and (event.target.country, event.target.sector) == target, event.target


# ... but co-doers of an act aimed elsewhere are not each other's target.
@pytest.mark.parametrize("text, category", [
    ("Russian and Syrian jets bombed rebel positions near Idlib on Monday.", "ASSAULT"),
    ("Russian and Chinese diplomats condemned the sanctions on Monday.", "ACCUSE"),
])
def test_coordinated_nationalities_of_a_directed_act_are_no_target(text, category):
    for event in asserted(text, category):
        assert event.target is None or event.target.country not in ("SYR", "CHN"), event.target


# A protest addresses the party its purpose clause denounces, urges or demands of; a purpose
# of another kind addresses nobody.
@pytest.mark.parametrize("text, target", [
    ("Thousands of protesters gathered in Tehran on Monday to denounce the government.", "government"),
    ("About 20 activists demonstrated in Bratislava on Monday to urge the president to act.", "president"),
])
def test_a_protest_addresses_the_party_of_its_purpose(text, target):
    event = _one(text, "PROTEST")
    assert event.target is not None and target in event.target.text, event.target


@pytest.mark.parametrize("text", [
    "Thousands of workers marched through Rome on Monday to show their strength.",
    "Protesters gathered outside the parliament in Nairobi on Monday to celebrate the new law.",
])
def test_a_protest_with_another_purpose_has_no_target(text):
    for event in asserted(text, "PROTEST"):
        assert event.target is None, event.target


# A site its own words give to a state or its body is that party's when violence is aimed at
# it: "struck a Syrian air base" is aimed at Syria, "attacked a police station" at the police.
@pytest.mark.parametrize("text, country, sector", [
    ("U.S. forces struck a Syrian air base on Friday.", "SYR", "GOV"),
    ("Gunmen attacked a police station in Mombasa on Sunday.", "KEN", "COP"),
    ("Militants attacked an Indian army base in Kashmir on Sunday.", "IND", "MIL"),
    # plural sites ("bases", which the tagger lemmatises to "basis")
    ("Militants fired rockets at American bases in Iraq on Monday.", "USA", "GOV"),
    ("Drones struck two Russian air bases on Monday.", "RUS", "GOV"),
])
def test_a_site_of_a_state_is_the_target_of_violence_aimed_at_it(text, country, sector):
    event = _one(text, "ASSAULT")
    assert event.target is not None and (event.target.country, event.target.sector) == (country, sector), event.target


# ... and of a threat of violence aimed at it.
@pytest.mark.parametrize("text, country", [
    ("North Korea threatened to strike American bases in Guam on Monday.", "USA"),
    ("The militia threatened on Monday to attack a Turkish army base in Syria.", "TUR"),
])
def test_a_site_of_a_state_is_the_target_of_a_threat_against_it(text, country):
    event = _one(text, "THREATEN")
    assert event.target is not None and event.target.country == country, event.target


@pytest.mark.parametrize("text", [
    "The rebels threatened to attack the capital on Monday.",
    "The gang threatened to burn down the market on Monday.",
])
def test_a_threat_against_a_site_of_nobody_has_no_target(text):
    for event in asserted(text, "THREATEN"):
        assert event.target is None, event.target


@pytest.mark.parametrize("text", [
    "Gunmen attacked a market in Kano on Sunday.",
    "Militants stormed the base on Sunday.",
    "Militants stormed the bases on Sunday.",
    "IS militants bombed the famed al-Nuri mosque in Mosul last week.",
])
def test_a_site_of_nobody_is_no_target(text):
    for event in asserted(text, "ASSAULT"):
        assert event.target is None, event.target


# A threat or warning with no target of its own announces the speaker's act or a danger: it is
# aimed at the last other party of the story only when told as a reply (code._REACTIVE,
# participants.told_as_reply).
@pytest.mark.parametrize("text", [
    "Police arrested twelve protesters in Lagos on Monday. The rebels warned that new attacks were coming.",
    "Soldiers raided a village near Goma on Monday. Aid agencies warned of a hunger crisis.",
    "Police detained two activists in Harare on Monday. The union vowed that the strike would go on.",
])
def test_a_warning_answers_nobody(text):
    event = _one(text, "THREATEN")
    assert event.target is None, event.target


@pytest.mark.parametrize("text, target", [
    ("Britain expelled four Iranian diplomats on Monday. Tehran threatened to retaliate.", "Britain"),
    ("Britain expelled four Iranian diplomats on Monday, and Tehran vowed to respond in kind.", "Britain"),
    ("Israeli jets struck a convoy in Syria on Monday. Damascus responded by threatening to strike back.",
     "Israeli jets"),
    # an accusation or a refusal answers the act told before, as it did
    ("Britain expelled four Iranian diplomats on Monday. Tehran condemned the decision.", "Britain"),
])
def test_a_threat_told_as_a_reply_answers_the_last_other_party(text, target):
    category = "ACCUSE" if "condemned" in text else "THREATEN"
    event = _one(text, category)
    assert event.target is not None and target in event.target.text, event.target


# GUIDELINE section 5: victims are civilians unless the text marks them otherwise. A person
# named with no office, trade or group, the target of violence or coercion, is CVL in the
# record (participants.victim_sector).
@pytest.mark.parametrize("text, category", [
    ("Gunmen shot Maria Lopez in Bogota on Monday.", "ASSAULT"),
    ("Police arrested Juan Perez in Lima on Monday.", "COERCE"),
    ("Masked men abducted Ahmed Nouri near Basra on Monday.", "ASSAULT"),
])
def test_a_named_victim_with_no_office_is_a_civilian(text, category):
    event = _one(text, category)
    assert event.target is not None and event.target.sector == "CVL", event.target


# ... but a sector the text gives stays, and other categories' targets are not victims.
@pytest.mark.parametrize("text, category, sector", [
    ("Gunmen shot Maria Lopez, a teacher, in Bogota on Monday.", "ASSAULT", "EDU"),
    ("Gunmen shot the mayor of Cali, Maria Lopez, on Monday.", "ASSAULT", "GOV"),
    ("Police arrested opposition leader Juan Perez in Lima on Monday.", "COERCE", "OPP"),
])
def test_a_sector_the_text_gives_stays(text, category, sector):
    event = _one(text, category)
    assert event.target is not None and event.target.sector == sector, event.target


@pytest.mark.parametrize("text, category", [
    ("The minister met Juan Perez in Lima on Monday.", "CONSULT"),
    ("The senator praised Juan Perez in Lima on Monday.", "SUPPORT"),
])
def test_a_person_in_another_act_is_no_victim(text, category):
    event = _one(text, category)
    assert event.target is not None and event.target.sector != "CVL", event.target


# A city named as where something is (the object of "in", "at", "outside" ...) is the scene:
# a pronoun does not stand for it ("outside the embassy in Moscow, pelting it": the embassy).
@pytest.mark.parametrize("text, category, place_word", [
    ("About 40 activists gathered outside the embassy in Moscow on Monday, pelting it with eggs.",
     "ASSAULT", "Moscow"),
    ("Students rallied outside the parliament in Kampala on Monday and police surrounded it.",
     "COERCE", "Kampala"),
])
def test_a_pronoun_does_not_stand_for_the_scene(text, category, place_word):
    event = _one(text, category)
    assert event.target is None or place_word not in event.target.text, event.target


# An act answered through its doer: a protest or a statement aimed at an act told with "by"
# ("against plans by the government", "the raids carried out by the army") addresses the doer.
@pytest.mark.parametrize("text, category, target", [
    ("Hundreds of people rallied in Sofia on Monday against plans by the government to raise taxes.",
     "PROTEST", "government"),
    ("Thousands of farmers demonstrated in Lima on Monday against the evictions carried out by the army.",
     "PROTEST", "army"),
    ("Protesters marched in Karachi on Monday to denounce the raids by security forces.",
     "PROTEST", "security forces"),
    ("The proposal by Moscow was rejected by the council on Monday.", "REJECT", "Moscow"),
])
def test_an_act_is_answered_through_its_doer(text, category, target):
    event = _one(text, category)
    assert event.target is not None and target in event.target.text, event.target


# ... but not the maker of a thing ("a bomb planted by rebels" is no target), nor a "by" that
# names no party, and a doer already named keeps its own reading.
@pytest.mark.parametrize("text, category, not_target", [
    ("A bomb planted by rebels was detonated near a market in Kano on Monday.", "ASSAULT", "rebels"),
    ("Students protested in Dhaka on Monday against the decision by 2025 to close schools.",
     "PROTEST", "2025"),
])
def test_no_doer_of_a_thing_or_of_no_party(text, category, not_target):
    event = _one(text, category)
    assert event.target is None or not_target not in event.target.text, event.target


def test_the_condemned_act_s_own_by_phrase_still_names_its_doer():
    event = _one("The minister condemned the shelling by rebel forces on Monday.", "ACCUSE")
    assert event.target is not None and "rebel forces" in event.target.text, event.target


# Who an attack hit, when a clause tells its result ("that left six passengers dead", "caused
# the death of", "claimed the lives of"): the victims (GUIDELINE section 5: participial and
# relative clauses keep their own roles).
@pytest.mark.parametrize("text, target", [
    ("Gunmen carried out an attack on a bus in Kaduna on Monday that left six passengers dead.",
     "six passengers"),
    ("Police said a mass shooting in Dallas on Monday caused the death of at least 20 people.",
     "20 people"),
    ("The clashes in Bamako on Monday claimed the lives of two students.", "two students"),
    ("A surge of attacks in Durban on Monday left at least eight people dead.", "eight people"),
])
def test_the_victims_of_a_result_clause_are_the_target(text, target):
    event = _one(text, "ASSAULT")
    assert event.target is not None and target in event.target.text, event.target


# ... but a result that is no harm names no victim, and a clause whose own verb kills keeps
# its own event.
@pytest.mark.parametrize("text, category", [
    ("The protest in Lagos on Monday left the city center deserted.", "PROTEST"),
    ("The fighting in Goma on Monday left hundreds of residents homeless.", "ASSAULT"),
])
def test_a_result_that_is_no_harm_names_no_victim(text, category):
    event = _one(text, category)
    assert event.target is None, event.target


# A stance or conduct noun's "of" phrase names who holds it (cues.yaml held_by_of_nouns): acting
# against the stance answers its holder, as "the government's policies" does.
@pytest.mark.parametrize("text, category, target", [
    ("Students protested against the policies of the government in Nairobi on Tuesday.", "PROTEST", "the government"),
    ("Dock workers went on strike against the decision of the port authority on Tuesday.", "PROTEST",
     "the port authority"),
    ("Parliament opened an inquiry into the conduct of the president on Tuesday.", "ACCUSE", "the president"),
    ("Farmers rallied against the presence of foreign troops in Bamako on Friday.", "PROTEST", "foreign troops"),
])
def test_the_holder_of_an_opposed_stance_is_the_target(text, category, target):
    event = _one(text, category)
    assert event.target is not None and event.target.text == target, event.target


# ... but not the one a measure or an arrest is done to: "the blockade of Gaza" is not Gaza's.
@pytest.mark.parametrize("text, not_target", [
    ("Thousands protested against the blockade of Gaza in London on Tuesday.", "Gaza"),
    ("Thousands protested against the arrest of the opposition leader in Nairobi on Tuesday.", "leader"),
])
def test_the_undergoer_of_an_opposed_act_is_no_target(text, not_target):
    event = _one(text, "PROTEST")
    assert event.target is None or not_target not in event.target.text, event.target


# "IS", the Islamic State, is a name spelt like the verb "is" (data/name_norms.json): read as
# the verb, "attacked IS militants" had no object and "strikes against IS" no target.
@pytest.mark.parametrize("text, category, target", [
    ("Kurdish fighters attacked IS militants near Kobani on Monday.", "ASSAULT", "IS militants"),
    ("Iraqi troops launched an offensive against IS near Mosul on Monday.", "ASSAULT", "IS"),
    ("Coalition jets struck IS positions near Raqqa on Monday.", "ASSAULT", "IS"),
])
def test_an_acronym_spelt_like_a_function_word_is_a_name(text, category, target):
    event = _one(text, category)
    assert event.target is not None and event.target.text == target, event.target


def test_the_function_word_itself_stays_a_verb():
    from eventwire.nlp import load_nlp

    doc = load_nlp()("The army is attacking the town. IS is a group.")
    assert [t.norm_ for t in doc if t.lower_ == "is"] == ["is", "isis", "is"]
    assert [t.pos_ for t in doc if t.text == "is"] == ["AUX", "AUX"]
