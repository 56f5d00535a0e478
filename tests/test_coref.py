"""Within-document event coreference (issue 16, pattern 1): the mentions of one real-world
event in one article give one event that keeps every evidence span, and what must stay apart
stays apart.

Every article here is written for these tests.
"""
from __future__ import annotations

import pytest

from eventwire.events.coref import corefer, merge_coreferent
from eventwire.pipeline import extract
from eventwire.record import Event, EventActor, EventPlace, Mention, SentenceSpan

from coded import asserted

DATE = "2024-03-18"  # a Monday


def _spans(event) -> list[str]:
    return [m.text for m in [event.evidence, *event.mentions]]


# ---------------------------------------------------------------- mentions that are one event
@pytest.mark.parametrize("text, category, words", [
    # a country named by its common name holds its cities ("Russia" is the Russian
    # Federation, "Turkey" Türkiye, "Ivory Coast" Côte d'Ivoire)
    ("Police detained hundreds of protesters across Russia on Sunday, rights monitors said.\n\n"
     "In Moscow, officers arrested more than 800 people at an unauthorised rally on Sunday.",
     "COERCE", {"detained", "arrested"}),
    ("Police detained dozens of students across Turkey on Friday, a rights group said.\n\n"
     "In Ankara, officers arrested at least 30 students on Friday, witnesses said.",
     "COERCE", {"detained", "arrested"}),
    ("Police detained dozens of activists across Ivory Coast on Friday, a rights group said.\n\n"
     "In Abidjan, officers arrested at least 30 activists on Friday, witnesses said.",
     "COERCE", {"detained", "arrested"}),
    # and so does a first-level region: a state, a province
    ("Police detained dozens of protesters across Bavaria on Saturday, a rights group said.\n\n"
     "In Nuremberg, officers arrested at least 30 people at an unauthorised rally on Saturday.",
     "COERCE", {"detained", "arrested"}),
    ("Police arrested dozens of students in Texas on Friday, a rights group said.\n\n"
     "In Austin, police arrested at least 30 students at a rally on Friday.",
     "COERCE", {"arrested"}),
    # a side's country read from the context yields to the one the other mention's words name:
    # "Protesters" and "Iranian protesters", "the embassy" and "the Saudi embassy"
    ("Iranian protesters stormed the Saudi embassy in Tehran on Sunday, setting it on fire.\n\n"
     "Protesters angry at the execution of a cleric in Saudi Arabia threw petrol bombs at the "
     "embassy in Tehran on Sunday, witnesses said.",
     "PROTEST", {"stormed", "threw"}),
    # the plan told in the lead and the deed told after it: the deed is the event
    ("Opposition leader Maria Lopez said on Monday that her supporters would march in Caracas.\n\n"
     "On Saturday, tens of thousands of opposition supporters marched in Caracas, chanting "
     "against the government.",
     "PROTEST", {"march", "marched"}),
    # a resignation demanded (an undemanded one is no event: test_invented_events)
    ("Protesters called for Senator Paul Okafor's resignation.\n\n"
     "Senator Paul Okafor announced that he would resign from the senate.\n\n"
     "Okafor resigned on Friday, his office said.",
     "RETREAT", {"resign", "resigned"}),
    # a demonstration that turned violent is one protest, told as a march and as a riot
    ("Thousands of students marched on parliament in Dhaka on Monday to demand the minister's "
     "resignation.\n\nSome of the marchers threw stones at police outside the building, witnesses said.",
     "PROTEST", {"marched", "threw"}),
    # one unnamed group, whose country each sentence guesses from its own context (Somalia,
    # Nairobi): the guesses do not make it two groups
    ("The mother of a Kenyan aid worker seized by militants in Somalia is pleading with the rebel "
     "group for his release.\n\nSpeaking in Nairobi, the mother appealed to the extremists to free her son.",
     "REQUEST", {"pleading", "appealed"}),
])
def test_mentions_of_one_event_give_one_event(text, category, words):
    found = asserted(text, category)
    assert len(found) == 1, [(e.evidence.text, e.source and e.source.country) for e in found]
    assert words <= set(_spans(found[0])), "every mention is kept as evidence"
    rec = extract(text, date=DATE)
    assert not [e for e in rec.events if e.category == category and e.modality != "asserted"], \
        "no planned event is left beside the deed"


# ------------------------------------------- an act and the purpose it was done for, in one sentence
@pytest.mark.parametrize("text, category, words", [
    # the purpose clause reads its own date ("last week" is the execution's) or side: still one act
    ("Iranian demonstrators held placards in a rally in Tehran on Monday to protest the execution "
     "of a cleric by Saudi Arabia last week.", "PROTEST", {"rally", "protest the execution"}),
    ("Opposition leader Ali Hassan held a meeting with President Vladimir Putin in Moscow on Sunday "
     "to discuss the war in Syria.", "CONSULT", {"held a meeting", "discuss"}),
    # the purpose of a demonstration the crowd gathered in
    ("Hundreds of farmers gathered outside parliament in Nairobi on Tuesday in a demonstration to "
     "protest the new land law passed last month.", "PROTEST", {"protest"}),
])
def test_an_act_and_its_purpose_of_one_category_are_one_event(text, category, words):
    rec = extract(text, date=DATE)
    found = [e for e in rec.events if e.category == category]
    assert len(found) == 1, [(e.evidence.text, e.modality, e.date) for e in found]
    assert found[0].modality == "asserted"
    assert words <= set(_spans(found[0]))


@pytest.mark.parametrize("text, categories", [
    # a purpose of another category is another event (the protest was planned, the arrests made)
    ("Police arrested dozens of students in Lagos on Friday to stop a planned march.", {"COERCE"}),
    # two acts joined by "and", each with its own day and target, are not a purpose
    ("Rebels attacked an army post in Goma on Monday and a police station in Bukavu on Tuesday.",
     {"ASSAULT"}),
])
def test_acts_that_are_not_one_purpose_stay_apart(text, categories):
    rec = extract(text, date=DATE)
    asserted_cats = {e.category for e in rec.events if e.modality == "asserted"}
    assert categories <= asserted_cats, [(e.category, e.evidence.text) for e in rec.events]


# ------------------------------------- the purpose of an act of another category is its aim
@pytest.mark.parametrize("text, deed, aim", [
    ("Some 500 Russian troops crossed into Ukraine on Monday to back up separatist fighters, a "
     "Ukrainian spokesman said.", ("MOBILIZE", "crossed"), ("SUPPORT", "back up")),
    ("Iraqi forces fought for weeks to oust the militants from the city, officials said on Sunday.",
     ("ASSAULT", "fought"), ("COERCE", "oust")),
    ("The senator sued the attorney general on Friday to block the release of his tax records.",
     ("ACCUSE", "sued"), ("COERCE", "block")),
])
def test_the_purpose_of_an_act_of_another_category_is_not_a_second_deed(text, deed, aim):
    rec = extract(text, date=DATE)
    told = {(e.category, e.evidence.text): e.modality for e in rec.events}
    assert told.get(deed) == "asserted", told
    assert told.get(aim) == "future", told


@pytest.mark.parametrize("text, category, word", [
    # no coded act hosts the purpose: the gathering is the protest told
    ("Hundreds of farmers gathered outside parliament in Nairobi on Tuesday to protest the new "
     "land law.", "PROTEST", "gathered"),
    # a purpose of the act's own category is that act (one event, asserted)
    ("Thousands of teachers marched in Paris on Sunday to protest the new pension law.", "PROTEST", "marched"),
    ("The president met the opposition leader in Kinshasa on Monday to discuss the election.",
     "CONSULT", "met"),
    # two acts joined by "and" are no purpose: both told as done
    ("Police arrested six protesters and charged them with rioting in Lagos on Friday.", "COERCE", "arrested"),
])
def test_acts_told_as_done_stay_asserted(text, category, word):
    found = asserted(text, category)
    assert [e.evidence.text for e in found] == [word], [(e.category, e.modality, e.evidence.text)
                                                       for e in extract(text, date=DATE).events]


# ---------------------------------------------------------------- what must stay apart
@pytest.mark.parametrize("text, category, n", [
    # the same kind of event in two cities of one country
    ("Police detained 40 protesters in Moscow on Sunday.\n\n"
     "In Vladivostok, police arrested 20 people at a rally on Sunday.", "COERCE", 2),
    # two cities of one state: the state holds both, neither holds the other
    ("Police arrested 40 protesters in Houston on Friday.\n\n"
     "In Austin, police arrested at least 30 students at a rally on Friday.", "COERCE", 2),
    # two countries' police, each named
    ("Kenyan police arrested 30 opposition supporters in Nairobi on Monday.\n\n"
     "Ugandan police arrested 12 opposition supporters in Kampala on Monday.", "COERCE", 2),
    # a peaceful march in one city, a riot in another
    ("Farmers demonstrated peacefully in Lahore on Monday against the new tax.\n\n"
     "In Karachi, rioters torched shops and threw stones at police on Monday.", "PROTEST", 2),
    # two attacks told with their own days
    ("Gunmen attacked a village near Maiduguri on Saturday, killing six people.\n\n"
     "On Wednesday, gunmen attacked a market near Maiduguri, killing nine.", "ASSAULT", 2),
    # an attack and the answer on its doers, told with no fight word
    ("Rebels attacked an army post near Idlib on Tuesday, killing three soldiers.\n\n"
     "The army carried out airstrikes against rebel hideouts near the town.", "ASSAULT", 2),
])
def test_events_that_differ_stay_apart(text, category, n):
    found = asserted(text, category)
    assert len(found) == n, [(e.evidence.text, e.date, e.place and e.place.name) for e in found]


# a list of event nouns names different happenings when one of them has a side of its own;
# two verbs of one subject, or sideless nouns, may tell one act
@pytest.mark.parametrize("text, n", [
    ("Villagers near Idlib fled on Monday from Syrian army shelling and Turkish drone strikes.", 2),
    ("Farmers described Syrian army shelling and Turkish drone strikes near their villages on Friday.", 2),
    ("Displaced families in the north described Syrian army shelling, Russian airstrikes and Kurdish "
     "attacks on Monday.", 3),
    # guards: one act told by two verbs, one campaign told by two sideless nouns
    ("Gunmen attacked and killed six soldiers at a checkpoint near Kandahar on Monday.", 1),
    ("The bombing and shelling of the city continued on Monday, residents said.", 1),
])
def test_a_list_of_attacks_is_several_attacks(text, n):
    found = asserted(text, "ASSAULT")
    assert len(found) == n, [(e.evidence.text, e.source and e.source.text, _spans(e)) for e in found]


def _side(text, country, sector="CVL"):
    return EventActor(text=text, country=country, sector=sector)


def _event(category, source=None, target=None, place=None, start=0):
    return Event(id="E", category=category, source=source, target=target,
                 place=None if place is None else EventPlace(name=place[0], country=place[1],
                                                             lat=place[2], lon=place[3]),
                 sentence=SentenceSpan(start=start, end=start + 10),
                 evidence=Mention(start=start, end=start + 5, text="xxxxx"), confidence=0.9)


@pytest.mark.parametrize("a, b, same", [
    # a guessed country yields to a named one in loosely told events
    (_event("PROTEST", _side("protesters", "SAU", "OPP")),
     _event("PROTEST", _side("Iranian protesters", "IRN", "OPP"), start=20), True),
    (_event("ASSAULT", _side("gunmen", "NER", "UAF")),
     _event("ASSAULT", _side("Nigerian gunmen", "NGA", "UAF"), start=20), True),
    # two names that differ keep them apart
    (_event("PROTEST", _side("Kenyan protesters", "KEN", "OPP")),
     _event("PROTEST", _side("Ugandan protesters", "UGA", "OPP"), start=20), False),
    # two guesses do not, for a side of one sector: neither mention's words name a country,
    # each read one from its own context ("the rebel group", "the extremists")
    (_event("ASSAULT", _side("gunmen", "NER", "UAF")),
     _event("ASSAULT", _side("the attackers", "NGA", "UAF"), start=20), True),
    (_event("REQUEST", _side("the father", "JOR", "CVL"), _side("the rebel group", "SYR", "REB")),
     _event("REQUEST", _side("the father", "JOR", "CVL"), _side("the extremists", "IRQ", "REB"), start=20), True),
    # two guesses for sides of two sectors are two sides, in any category
    (_event("ASSAULT", _side("gunmen", "NER", "UAF")),
     _event("ASSAULT", _side("the soldiers", "NGA", "MIL"), start=20), False),
    (_event("COERCE", _side("the protesters", "IRQ", "CVL")),
     _event("COERCE", _side("a coalition", "USA", "MIL"), start=20), False),
    (_event("REQUEST", target=_side("the rebel group", "SYR", "REB")),
     _event("REQUEST", target=_side("the ministry", "IRQ", "GOV"), start=20), False),
    # nor a guess with no sector beside another guess
    (_event("ASSAULT", _side("they", "NER", None)),
     _event("ASSAULT", _side("the attackers", "NGA", "UAF"), start=20), False),
    # a statement's sides are not told loosely: a named country is not a guess's match
    (_event("ACCUSE", _side("the ministry", "IRN", "GOV")),
     _event("ACCUSE", _side("the Saudi ministry", "SAU", "GOV"), start=20), False),
    # a country's common name holds its cities
    (_event("COERCE", place=("Russia", "RUS", 61.5, 105.3)),
     _event("COERCE", place=("Moscow", "RUS", 55.75, 37.62), start=20), True),
    (_event("COERCE", place=("Vladivostok", "RUS", 43.1, 131.9)),
     _event("COERCE", place=("Moscow", "RUS", 55.75, 37.62), start=20), False),
    # a surname alone is the person its full name names; two names are two people
    (_event("RETREAT", _side("Ricardo Rosselló Nevares", "PRI", "GOV")),
     _event("RETREAT", _side("Rosselló", "PRI", "GOV"), start=20), True),
    (_event("RETREAT", _side("Governor Ricardo Rosselló Nevares", "PRI", "GOV")),
     _event("RETREAT", _side("Ricardo Llerandi", "PRI", "GOV"), start=20), False),
    (_event("ACCUSE", _side("Trump", "USA", "GOV")),
     _event("ACCUSE", _side("U.S. President Donald Trump", "USA", "GOV"), start=20), True),
    (_event("ACCUSE", _side("Trump", "USA", "GOV")),
     _event("ACCUSE", _side("Biden", "USA", "GOV"), start=20), False),
    # a country is not a person: "the United States" and "Washington" are one side
    (_event("ACCUSE", _side("The United States", "USA", "GOV")),
     _event("ACCUSE", _side("Washington", "USA", "GOV"), start=20), True),
])
def test_corefer_sides_and_places(a, b, same):
    assert corefer(a, b, {id(a), id(b)}) is same


def _fight(source=None, target=None, start=0):
    return _event("ASSAULT", source, target, start=start).model_copy(update={"cameo": "190"})


@pytest.mark.parametrize("a, b, same", [
    # a clash told from either side is one clash
    (_fight(_side("Turkish troops", "TUR", "MIL"), _side("Kurdish fighters", "SYR", "REB")),
     _fight(_side("Kurdish fighters", "SYR", "REB"), _side("Turkish troops", "TUR", "MIL"), start=20), True),
    (_fight(_side("Turkish troops", "TUR", "MIL"), _side("Kurdish fighters", "SYR", "REB")),
     _fight(_side("Kurdish fighters", "SYR", "REB"), start=20), True),
    # a fight told once from each side, with no target: one clash (measured: keeping such
    # mentions apart cost the held-out gold a duplicate)
    (_fight(_side("Israeli troops", "ISR", "MIL")),
     _fight(_side("Palestinian gunmen", "PSE", "UAF"), start=20), True),
])
def test_a_clash_told_from_either_side_is_one_clash(a, b, same):
    assert corefer(a, b, {id(a), id(b)}, fights={id(a), id(b)}) is same   # both told as fights


_ATTACK = (_side("militants", "PAK", "REB"), _side("a checkpoint", "PAK", "MIL"))
_ANSWER = (_side("the military", "PAK", "MIL"), _side("militant hideouts", "PAK", "REB"))


@pytest.mark.parametrize("fight_words, same", [
    (0, False),   # "attacked" ... "carried out airstrikes against": an attack and its answer
    (1, True),    # "attacked" ... "fighting between the army and militants": one fight
    (2, True),
])
def test_sides_swapped_by_sector_are_one_fight_only_where_a_mention_tells_a_fight(fight_words, same):
    a, b = _event("ASSAULT", *_ATTACK), _event("ASSAULT", *_ANSWER, start=20)
    a.cameo = b.cameo = "190"
    assert corefer(a, b, {id(a), id(b)}, fights={id(e) for e in (a, b)[:fight_words]}) is same


def test_the_merged_event_keeps_the_country_a_mention_names():
    guessed = _event("PROTEST", _side("protesters", "SAU", "OPP"), _side("the embassy", "IRN", "GOV"))
    guessed.confidence = 0.95   # the more confident mention, whose sides were guessed
    named = _event("PROTEST", _side("Iranian protesters", "IRN", "OPP"),
                   _side("the Saudi embassy", "SAU", "GOV"), start=20)
    (merged,) = merge_coreferent([guessed, named], {id(guessed), id(named)})
    assert (merged.source.country, merged.target.country) == ("IRN", "SAU")
    assert merged.evidence.start == 0 and [m.start for m in merged.mentions] == [20]


def test_a_year_told_for_one_mention_and_another_carried_to_the_other_are_two_events():
    def attack(date, start):
        return Event(id="E", category="ASSAULT", date=date, date_precision="year" if len(date) == 4 else "day",
                     source=EventActor(text="militants", sector="REB"),
                     sentence=SentenceSpan(start=start, end=start + 10),
                     evidence=Mention(start=start, end=start + 5, text="xxxxx"), confidence=0.9)
    told_2013, carried = attack("2013", 0), attack("2014-12-24", 20)
    assert not corefer(told_2013, carried, {id(told_2013)})       # "overran the north in 2013"
    same_year = attack("2014", 40)
    assert corefer(same_year, carried, {id(same_year)})          # a year that holds the day
    assert corefer(attack("2013", 60), carried, set())            # neither told: no evidence


# ---------------------------------------------------------------- a link read from the text
# Retellings across sentences stay one event: a noun pointing back, the same word's noun, a
# quote's retelling, the doers named again. Guards for any rule that asks coreference for a
# link read from the text (one was tried and dropped, RESULTS issue 16, ninth session, 16d).
@pytest.mark.parametrize("text, category, n", [
    ("Gunmen attacked a police station on Sunday. The assault lasted two hours, residents said.", "ASSAULT", 1),
    ("Jets bombed an arms depot outside the port on Tuesday. The bombing set off blasts heard for miles.",
     "ASSAULT", 1),
    ("Gunmen stormed a hotel in the capital on Friday. 'They were shooting at everyone,' a guest said.",
     "ASSAULT", 1),
    ("Rebels ambushed a convoy on the highway on Thursday. The attackers fired rockets at the trucks "
     "from a ridge.", "ASSAULT", 1),
    ("Thousands demonstrated outside the ministry on Monday. Some of the demonstrators threw bottles "
     "at the police.", "PROTEST", 1),
])
def test_retellings_across_sentences_stay_one_event(text, category, n):
    found = asserted(text, category)
    assert len(found) == n, [(e.evidence.text, e.source and e.source.text, _spans(e)) for e in found]


# ---------------------------------------------------------------- the merged event's sides
@pytest.mark.parametrize("thin, full", [
    # a mention that read no country for a side yields to one that did (from the context: a
    # country the words name already did, test_the_merged_event_keeps_the_country_a_mention_names)
    (_side("the crowd", None, None), _side("the farmers", "CHL", "AGR")),
    (_side("the crowd", None, "CVL"), _side("the farmers", "CHL", "AGR")),
    # nor a sector: the same country, described with one
    (_side("Mario Rossi", "ITA", None), _side("the shopkeepers", "ITA", "BUS")),
    # a body of no country (an alliance) and a description of it that read none
    (_side("alliance members", None, None), _side("NATO members", None, "IGO")),
])
@pytest.mark.parametrize("thin_first", [True, False])
def test_the_merged_event_takes_the_better_filled_side(thin, full, thin_first):
    a = _event("PROTEST", thin, place=("Santiago", "CHL", -33.45, -70.67))
    a.confidence = 0.95   # the more complete mention, whose side says less
    b = _event("PROTEST", full, start=20)
    events = [a, b] if thin_first else [b, a]
    (merged,) = merge_coreferent(events, {id(a), id(b)})
    assert (merged.source.text, merged.source.country, merged.source.sector) == (full.text, full.country, full.sector)
    assert sorted([merged.evidence.start, *(m.start for m in merged.mentions)]) == [0, 20]


@pytest.mark.parametrize("kept, other", [
    # a country read for the side is not given up for a fuller side of another country
    (_side("the ministry", "IRN", None), _side("the ministry", "IRQ", "GOV")),
    # nor for one as full as it
    (_side("Chilean farmers", "CHL", "AGR"), _side("the farmers", "CHL", "CVL")),
])
def test_the_merged_event_keeps_a_side_no_mention_fills_better(kept, other):
    a = _event("PROTEST", kept)
    a.confidence = 0.95
    b = _event("PROTEST", other, start=20)
    merged = merge_coreferent([a, b], set())   # no told dates: only the sides decide
    assert (merged[0].source.text, merged[0].source.country, merged[0].source.sector) == \
        (kept.text, kept.country, kept.sector)


def test_a_clash_told_from_either_side_keeps_two_sides():
    # the second mention tells the fight swapped: its fuller "source" is the other party
    thin = _fight(_side("the troops", None, "MIL"), _side("Kurdish fighters", "SYR", "REB"))
    thin.confidence = 0.95
    swapped = _fight(_side("Kurdish fighters", "SYR", "REB"), _side("Turkish troops", "TUR", "MIL"), start=20)
    (merged,) = merge_coreferent([thin, swapped], {id(thin), id(swapped)}, fights={id(thin), id(swapped)})
    assert merged.source.text != merged.target.text


@pytest.mark.parametrize("place, country", [
    # two guesses for one side: the one of the country where the event took place (the
    # guideline's country for an unnamed side)
    (("Goma", "COD", -1.68, 29.22), "COD"),
    # where no place is known, the most complete mention's guess stays
    (None, "RWA"),
])
def test_two_guessed_countries_for_one_side_the_one_where_it_happened(place, country):
    told_here = _event("REQUEST", _side("the families", "COD", "CVL"), _side("the militia", "RWA", "REB"),
                       place=place)
    told_here.confidence = 0.95
    other = _event("REQUEST", _side("the families", "COD", "CVL"), _side("the fighters", "COD", "REB"), start=20)
    (merged,) = merge_coreferent([told_here, other], {id(told_here), id(other)})
    assert merged.target.country == country


# an assault done to the doer of an earlier one is another act: the police's killing of the
# attackers is not the attack told again, though CAMEO codes "shot" as it codes "clashed"
@pytest.mark.parametrize("text, n", [
    ("Three men armed with knives attacked a police station in Mombasa on Sunday, stabbing two "
     "officers. Police shot the three attackers dead, officials said.", 2),
    ("Gunmen ambushed an army convoy near Peshawar on Monday, killing four soldiers. Police later "
     "killed two of the gunmen in a raid on their hideout, officials said.", 2),
    ("Militants attacked a checkpoint in the district on Tuesday, wounding three policemen. "
     "Security forces killed the militants after a chase, police said.", 2),
    ("A gunman opened fire on worshippers at a mosque in the city on Friday, killing five people. "
     "Officers shot and wounded the gunman outside the mosque, police said.", 2),
    # guards: a fight told from each side, and the attackers' own further acts, are one event
    ("Turkish troops clashed with Kurdish fighters near the border on Monday. Kurdish fighters "
     "fought Turkish troops for hours, officials said.", 1),
    ("Israeli troops fought Palestinian gunmen in Jenin on Monday. The gunmen battled the troops "
     "until dawn, witnesses said.", 1),
    ("Gunmen attacked a bus near the town on Monday, killing four passengers. The attackers shot "
     "the driver first, police said.", 1),
])
def test_an_assault_on_the_doer_of_another_is_another_act(text, n):
    found = asserted(text, "ASSAULT")
    assert len(found) == n, [(e.evidence.text, e.source and e.source.text, e.target and e.target.text,
                              _spans(e)) for e in found]


@pytest.mark.parametrize("b, fights, same", [
    # the police shooting the attackers: another act
    (_event("ASSAULT", _side("Police", "KEN", "COP"), _side("the attackers", "KEN", "UAF"), start=20), False, False),
    (_event("ASSAULT", _side("soldiers", "KEN", "MIL"), _side("the gunmen", "KEN", "UAF"), start=20), False, False),
    # the attackers again, and a fight told from the other side
    (_event("ASSAULT", _side("the attackers", "KEN", "UAF"), _side("a driver", "KEN", "CVL"), start=20), False, True),
    (_event("ASSAULT", _side("Police", "KEN", "COP"), _side("the gunmen", "KEN", "UAF"), start=20), True, True),
])
def test_corefer_an_assault_on_the_doer(b, fights, same):
    a = _event("ASSAULT", _side("Gunmen", "KEN", "UAF"), _side("two officers", "KEN", "COP"))
    assert corefer(a, b, {id(a), id(b)}, fights={id(a), id(b)} if fights else frozenset()) is same


# ---------------------------------- a mention told again joins the event it can be a mention of
# "the state of emergency" told again belongs to the state of emergency, not to the arrests told
# between; "the attack" to the attack of its day, not to a later one of another
@pytest.mark.parametrize("text, category, other", [
    ("The president declared a state of emergency in the northern province on Monday.\n\n"
     "Police arrested dozens of protesters in the capital on Tuesday, witnesses said.\n\n"
     "The state of emergency will last 30 days, officials said.",
     "COERCE", "arrested"),
    ("The government imposed a state of emergency across the country on Friday.\n\n"
     "Police detained 40 opposition supporters in the capital on Saturday.\n\n"
     "The state of emergency bans all public gatherings, the interior ministry said.",
     "COERCE", "detained"),
])
def test_a_mention_told_again_joins_the_event_it_can_be(text, category, other):
    found = asserted(text, category)
    assert len(found) == 2, [(e.evidence.text, _spans(e)) for e in found]
    emergency, = [e for e in found if other not in _spans(e)]
    assert [_spans(e) for e in found if e is not emergency] == [[other]]
    assert len(_spans(emergency)) == 2, "the state of emergency keeps both its mentions"


# ---------------------------------------------------- two officials named with titles of two words
@pytest.mark.parametrize("text, category, n", [
    ("Prime Minister Anna Berglund urged the ambassador to reconsider on Monday.\n\n"
     "Foreign Secretary Lars Holmqvist urged the embassy to cooperate with the police on Monday.", "REQUEST", 2),
    ("Interior Minister Anna Berglund condemned the opposition leaders on Monday.\n\n"
     "Foreign Secretary Lars Holmqvist criticized the opposition leaders on Monday.", "ACCUSE", 2),
    # guard: the same official named again by her surname
    ("Prime Minister Anna Berglund urged the ambassador to reconsider on Monday.\n\n"
     "Berglund also urged the embassy to cooperate with the police, her office said.", "REQUEST", 1),
])
def test_two_officials_named_after_their_titles_are_two_sides(text, category, n):
    found = asserted(text, category)
    assert len(found) == n, [(e.evidence.text, e.source and e.source.text, _spans(e)) for e in found]


@pytest.mark.parametrize("a, b, same", [
    ("Foreign Secretary Lars Holmqvist", "Prime Minister Anna Berglund", False),
    ("Foreign Secretary Lars Holmqvist", "Holmqvist", True),
    ("Defence Minister Lars Holmqvist", "Lars Holmqvist", True),
])
def test_corefer_people_named_after_titles_of_two_words(a, b, same):
    x = _event("REQUEST", _side(a, "SWE", "GOV"), _side("the embassy", "USA", "GOV"))
    y = _event("REQUEST", _side(b, "SWE", "GOV"), _side("the embassy", "USA", "GOV"), start=20)
    assert corefer(x, y, {id(x), id(y)}) is same


# ---------------------------------------------------------------- a phase of an undertaking
# The day told with "began", "continued", "resumed" is the day of a phase of one undertaking:
# it does not tell its mentions apart. Days told for two acts stay two events, and so do a
# fight and the entry it preceded ("after heavy fighting": a circumstance, not a phase).
@pytest.mark.parametrize("text, category, n", [
    ("Police began arresting opposition supporters in Dhaka on Tuesday. Officers continued arresting "
     "opposition supporters in Dhaka on Thursday, a rights group said.", "COERCE", 1),
    ("Thousands of farmers began a march on the capital on Saturday. The farmers' march continued on "
     "Monday, organisers said.", "PROTEST", 1),
    ("Soldiers started shelling rebel positions near Kidal on Saturday. The army resumed the shelling "
     "of rebel positions near Kidal on Monday.", "ASSAULT", 1),
    # no phase: two days, two acts
    ("Police arrested 40 opposition supporters in Dhaka on Tuesday. On Thursday, police arrested 30 "
     "opposition supporters in Dhaka, a rights group said.", "COERCE", 2),
    ("Troops entered Kidal on Monday after heavy fighting with rebels. Soldiers fought rebels near "
     "Kidal on Saturday.", "ASSAULT", 2),
])
def test_days_told_for_phases_of_one_undertaking_do_not_part_it(text, category, n):
    found = asserted(text, category)
    assert len(found) == n, [(e.evidence.text, e.date, _spans(e)) for e in found]



# ------------------------------------- one happening told through acts of two CAMEO categories
@pytest.mark.parametrize("text, words", [
    # a town captured and the fighting for it: the battle (PLOVER, ACLED "territory taken by force")
    ("Rebels seized the town of Kitagoma on Monday after two days of heavy fighting with the army.\n\n"
     "The fighting forced thousands of residents to flee across the border.",
     {"seized", "fighting"}),
    ("Army units fought the militia for three weeks around the city of Bara.\n\n"
     "On Sunday the soldiers took control of the last neighbourhood the militia held, a spokesman said.",
     {"fought", "took"}),
    # what the attackers looted, and people an armed group seized, in the raid told before
    ("Gunmen killed nine villagers in Kebbi state on Sunday, police said.\n\n"
     "The attackers also looted shops and burned houses before fleeing into the bush.",
     {"killed", "looted"}),
    ("Insurgents attacked the town of Gajiram in Borno state on Tuesday, killing six soldiers.\n\n"
     "Seven women were seized by the insurgents and taken into the forest, a resident said.",
     {"attacked", "seized"}),
])
def test_one_happening_told_through_two_kinds_of_act_is_one_assault(text, words):
    found = asserted(text)
    assert [e.category for e in found] == ["ASSAULT"], [(e.category, e.evidence.text) for e in found]
    assert words <= set(_spans(found[0]))


@pytest.mark.parametrize("text, categories", [
    # a capture by others, on another day and in another town, is another battle
    ("Rebels seized the town of Kitagoma on Monday after heavy fighting with the army.\n\n"
     "On Thursday government troops recaptured the village of Rubare, 40 kilometres to the south.",
     ["ASSAULT", "ASSAULT"]),
    # the state seizing goods, and looting by a crowd, keep their own categories
    ("Gunmen killed nine villagers in Kebbi state on Sunday, police said.\n\n"
     "On Wednesday soldiers seized a cache of rifles and ammunition in a forest near the village.",
     ["ASSAULT", "COERCE"]),
    ("Rioters looted shops in Durban on Monday as unrest spread, police said.", ["PROTEST"]),
])
def test_acts_of_other_happenings_stay_apart(text, categories):
    assert [e.category for e in asserted(text)] == categories


# ------------------------------------------------- an attack answered for, with the claim's day
@pytest.mark.parametrize("text, source", [
    ("A car bomb killed seven soldiers at a checkpoint in Mogadishu on Saturday, police said.\n\n"
     "Al Shabaab claimed responsibility for the attack on Sunday in a statement.", "Al Shabaab"),
    ("A bomb tore through a market in Quetta on Friday, killing 11 people.\n\n"
     "On Saturday the Pakistani Taliban claimed responsibility for the bombing.", "the Pakistani Taliban"),
])
def test_an_attack_claimed_on_another_day_is_the_attack_told(text, source):
    found = asserted(text, "ASSAULT")
    assert len(found) == 1, [(e.evidence.text, e.date) for e in found]
    assert found[0].source is not None and found[0].source.text.endswith(source.split()[-1])
    assert found[0].date in ("2024-03-16", "2024-03-15")   # the attack's day, not the claim's


def test_an_attack_claimed_is_no_earlier_attack_of_its_kind():
    # a new attack, brought in with its own article and day, stays apart from the one told before
    found = asserted("A car bomb killed seven soldiers in Mogadishu on Saturday.\n\n"
                     "On Monday, a suicide attack on a hotel in Baidoa killed 12 people.", "ASSAULT")
    assert len(found) == 2


# ------------------------------------- a lead told vaguely and the sentence that restates it
# Agency reports tell the event in the lead with a wide place or the day it was reported, then
# restate it with the town and the day: one event, at the narrower place, on the stated day.
@pytest.mark.parametrize("text, category, place, date", [
    # "the attack occurred in X": a town inside the lead's state or province
    ("Gunmen killed three police officers in the state of Jalisco on Saturday.\n\n"
     "The attack occurred in Tlaquepaque, officials said.", "ASSAULT", "Tlaquepaque", "2024-03-16"),
    ("Police arrested dozens of students in the province of Punjab on Friday. "
     "The arrests happened in Lahore, a rights group said.", "COERCE", "Lahore", "2024-03-15"),
    # a toll told with the attack's town and day, after a lead that told neither
    ("At least four soldiers died after an attack on a checkpoint in the east.\n\n"
     "Six others were wounded in the attack in Goma early Sunday.", "ASSAULT", "Goma", "2024-03-17"),
    # the lead's only day is the dateline's: the restatement's day is the act's
    ("KABUL, March 18 (Reuters) - Soldiers killed four insurgents in a clash in Helmand province, "
     "the army said.\n\nThe fighting between the troops and the insurgents took place in Lashkar Gah "
     "on Sunday.", "ASSAULT", "Lashkar Gāh", "2024-03-17"),
])
def test_a_restatement_gives_the_event_its_narrower_place_and_its_day(text, category, place, date):
    found = asserted(text, category)
    assert len(found) == 1, [(e.evidence.text, e.date, e.place and e.place.name) for e in found]
    assert (found[0].place.name, found[0].date) == (place, date)


# what tells another event of the kind apart, whatever day and place it shares
@pytest.mark.parametrize("text", [
    "Gunmen killed three police officers in the state of Jalisco on Saturday.\n\n"
    "Another attack took place in Guadalajara on Saturday, officials said.",
    "Gunmen killed three police officers in the state of Jalisco on Saturday.\n\n"
    "In a separate attack, gunmen killed two soldiers in Guadalajara on Saturday.",
    "Militants attacked a checkpoint in Gao on Friday, killing three soldiers.\n\n"
    "In a separate clash, militants fought soldiers in Gao on Friday.",
    # guard: a town outside the lead's state, on the same day
    "Gunmen killed three police officers in the state of Jalisco on Saturday.\n\n"
    "Gunmen killed two soldiers in Culiacan on Saturday, officials said.",
])
def test_another_event_of_the_kind_stays_apart(text):
    found = asserted(text, "ASSAULT")
    assert len(found) == 2, [(e.evidence.text, _spans(e)) for e in found]


@pytest.mark.parametrize("wide, narrow", [
    (("Sonora", "admin1", "Sonora"), ("Cajeme", "admin2", "Sonora")),
    (("Mexico", "country", None), ("Cajeme", "admin2", "Sonora")),
])
@pytest.mark.parametrize("wide_first", [True, False])
def test_the_merged_event_takes_the_place_inside_the_other(wide, narrow, wide_first):
    def mention(place, start, source):
        name, feature, admin1 = place
        e = _event("ASSAULT", source, _side("four police officers", "MEX", "COP"), start=start)
        e.place = EventPlace(name=name, country="MEX", feature=feature, admin1=admin1, **{"from": "trigger"})
        return e
    # the fuller mention (with a source) is the evidence either way
    a = mention(wide, 0, _side("gunmen", "MEX", "UAF") if wide_first else None)
    b = mention(narrow, 20, None if wide_first else _side("gunmen", "MEX", "UAF"))
    merged, = merge_coreferent([a, b])
    assert merged.place.name == "Cajeme"


# A day only the dateline gives ("DHAKA, March 18 (Reuters) -") is the report's: it bounds the
# act's day from above. An act told for a day in the week before it may be the act reported; an
# act after the report's day or weeks before it is not.
@pytest.mark.parametrize("act_day, said_day, same", [
    ("2024-03-16", "2024-03-18", True),
    ("2024-03-18", "2024-03-18", True),
    ("2024-03-01", "2024-03-18", False),
    ("2024-03-18", "2024-03-16", False),
])
def test_a_dateline_day_bounds_the_act_day(act_day, said_day, same):
    said = _event("ASSAULT", _side("gunmen", "FRA", "UAF"), _side("two officers", "FRA", "COP"))
    act = _event("ASSAULT", _side("two assailants", "FRA", "UAF"), _side("the officers", "FRA", "COP"), start=20)
    said.date, act.date = said_day, act_day
    assert corefer(said, act, {id(act)}, reported={id(said)}) is same
    assert corefer(said, act, {id(act), id(said)}) is (act_day == said_day)   # both the act's own days


@pytest.mark.parametrize("text, n", [
    # two days of telling that differ: two reports of arrests, two events
    ("Police said on Thursday they had arrested 40 opposition supporters in Dhaka.\n\n"
     "Police said on Monday they had arrested 30 opposition supporters in Dhaka.", 2),
    # the dateline's day, and the act's own day in the week before it: one event
    ("DHAKA, March 18 (Reuters) - Police arrested 40 opposition supporters in Dhaka, a spokesman "
     "said.\n\nOfficers detained the opposition supporters in Dhaka on Saturday night, the spokesman "
     "said.", 1),
])
def test_days_of_the_report_and_of_the_act(text, n):
    found = asserted(text, "COERCE")
    assert len(found) == n, [(e.evidence.text, e.date) for e in found]
