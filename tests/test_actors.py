"""The actors stage: recognition and coding of who acts, on small sentences written for
these tests."""
import datetime as dt
import textwrap

import pytest

from eventwire.actors import actor_at, find_actors, load_dictionary, merge_found_actors, resolve_phrase
from eventwire.actors.dictionary import fold
from eventwire.context import DocContext
from eventwire.document import Document


def run(nlp, text, date=None):
    ctx = DocContext(document=Document(id="t", text=text,
                                       date=dt.date.fromisoformat(date) if date else None))
    ctx.actors = find_actors(nlp(text), ctx)
    return ctx


def coded_at(ctx, phrase, occurrence=0):
    """(name, country, sector) of the actor for the n-th occurrence of ``phrase``."""
    text = ctx.document.text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    actor = actor_at(start, start + len(phrase), ctx)
    return None if actor is None else (actor.name, actor.country, actor.sector)


def the_actor(ctx, phrase, occurrence=0):
    text = ctx.document.text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return actor_at(start, start + len(phrase), ctx)


# --------------------------------------------------------------------------- metonymy

@pytest.mark.parametrize("text, phrase, country, sector", [
    ("Moscow vowed on Tuesday to respond to the sanctions.", "Moscow", "RUS", "GOV"),
    ("The Kremlin denied the report on Monday.", "The Kremlin", "RUS", "GOV"),
    ("Downing Street said the talks would continue.", "Downing Street", "GBR", "GOV"),
    ("Ankara summoned the Swedish ambassador.", "Ankara", "TUR", "GOV"),
    ("Washington imposed new tariffs on steel.", "Washington", "USA", "GOV"),
    ("The Pentagon said two drones were shot down.", "The Pentagon", "USA", "MIL"),
    ("Iran rejected the proposal.", "Iran", "IRN", "GOV"),
])
def test_capitals_and_seats_of_power_stand_for_governments(nlp, text, phrase, country, sector):
    ctx = run(nlp, text, "2019-05-01")
    _, got_country, got_sector = coded_at(ctx, phrase)
    assert (got_country, got_sector) == (country, sector)


def test_a_capital_as_the_scene_is_not_an_actor(nlp):
    ctx = run(nlp, "Talks between the two envoys were held in Damascus on Sunday.", "2019-05-01")
    assert not any(m.text == "Damascus" for a in ctx.actors for m in a.mentions)


# --------------------------------------------------------------------------- agents

@pytest.mark.parametrize("text, phrase, country, sector", [
    ("Russian warplanes bombed the town overnight.", "Russian warplanes", "RUS", "MIL"),
    ("Turkish troops crossed the border at dawn.", "Turkish troops", "TUR", "MIL"),
    ("The Syrian army recaptured the village.", "The Syrian army", "SYR", "MIL"),
    ("Belarusian riot police detained dozens.", "Belarusian riot police", "BLR", "COP"),
    ("Police fired tear gas at protesters in Minsk.", "protesters", "BLR", "CVL"),
    ("Police fired tear gas at protesters in Minsk.", "Police", "BLR", "COP"),
    ("Turkey's parliament approved the bill.", "Turkey's parliament", "TUR", "LEG"),
    ("Gunmen killed four villagers in Zamfara state, Nigeria, on Friday.", "Gunmen", "NGA", "UAF"),
    ("Hamas fighters fired rockets at the border town.", "Hamas fighters", "PSE", "REB"),
    ("A spokesman for the SDF said the attack was repelled.", "A spokesman for the SDF", "SYR", "REB"),
    ("Kurdish-led forces captured the town.", "Kurdish-led forces", "SYR", "REB"),
    ("The World Food Programme suspended deliveries.", "The World Food Programme", None, "IGO"),
    ("The UN mission in Libya called for a truce.", "The UN mission in Libya", None, "IGO"),
    ("Amnesty International said the trial was unfair.", "Amnesty International", None, "NGO"),
    ("Israeli settlers attacked a Palestinian village.", "Israeli settlers", "ISR", "CVL"),
])
def test_agents_take_the_country_of_their_modifier_or_their_scene(nlp, text, phrase, country, sector):
    ctx = run(nlp, text, "2019-10-20")
    got = coded_at(ctx, phrase)
    assert got is not None and got[1:] == (country, sector)


@pytest.mark.parametrize("text, phrase, country", [
    # continents and oceans are not the towns GeoNames names after them (Asia in the
    # Philippines, Pacific in Missouri): no country from them
    ("Trade unions marched in cities across Asia on Sunday.", "Trade unions", None),
    ("Fishermen in the Pacific were rescued by a cargo ship.", "Fishermen", None),
    ("Students in Europe protested against the new law.", "Students", None),
    ("Farmers blocked roads in several countries of Latin America on Monday.", "Farmers", None),
    # a town named with its country lies in that country, not in its largest namesake's
    ("The chief minister of the state of Goa, India, resigned on Monday.", "The chief minister", "IND"),
    ("Police in Asia, Peru, arrested two men.", "Police", "PER"),
    # guards: a town alone still tells its country; a scene named with its state too
    ("Police in Djibo arrested two men.", "Police", "BFA"),
    ("Gunmen killed four villagers in Zamfara state, Nigeria, on Friday.", "Gunmen", "NGA"),
])
def test_the_scene_lends_its_own_country_only(nlp, text, phrase, country):
    ctx = run(nlp, text, "2019-10-20")
    got = coded_at(ctx, phrase)
    assert got is not None and got[1] == country


@pytest.mark.parametrize("text, phrase, country", [
    # a nation's word on a thing in a locative phrase names who acted, not where: "in U.S.
    # airstrikes" is no scene, the town named after it is
    ("Civilians died in U.S. airstrikes on the outskirts of Raqqa, Syrian officials said in Damascus.",
     "Civilians", "SYR"),
    # guards: a nation's word on a place noun, or a town owning a named place, is the scene
    ("Police arrested two men in the Iraqi capital on Monday.", "Police", "IRQ"),
    ("Police arrested two men in Kenya's capital on Monday.", "Police", "KEN"),
])
def test_the_scene_is_a_place_not_a_nations_deed(nlp, text, phrase, country):
    ctx = run(nlp, text, "2019-10-20")
    got = coded_at(ctx, phrase)
    assert got is not None and got[1] == country


@pytest.mark.parametrize("text, phrase, not_country", [
    # a region's people: "South American" is no American, "North African" no one nation's
    ("The minister met senior officials of the South American nation on Tuesday.",
     "senior officials of the South American nation", "USA"),
    ("Latin American diplomats criticized the decision on Monday.", "Latin American diplomats", "USA"),
])
def test_a_demonym_after_a_region_word_names_no_nation(nlp, text, phrase, not_country):
    ctx = run(nlp, text, "2019-10-20")
    got = coded_at(ctx, phrase)
    assert got is None or got[1] != not_country, got


@pytest.mark.parametrize("text, phrase, country", [
    # guards: nations named with a region word, as the dictionary or the country's name has it
    ("South Korean troops fired warning shots on Monday.", "South Korean troops", "KOR"),
    ("South African police arrested ten miners on Monday.", "South African police", "ZAF"),
    ("East Timorese leaders met Indonesian officials on Monday.", "East Timorese leaders", "TLS"),
])
def test_a_nation_named_with_a_region_word_keeps_its_country(nlp, text, phrase, country):
    ctx = run(nlp, text, "2019-10-20")
    got = coded_at(ctx, phrase)
    assert got is not None and got[1] == country, got


def test_compound_actor_lists_give_one_actor_per_country(nlp):
    ctx = run(nlp, "The leaders of Turkey, Iran, and Russia met in Tehran on Friday.", "2018-09-08")
    codes = {a.code for a in ctx.actors}
    assert {"TURGOV", "IRNGOV", "RUSGOV"} <= codes
    assert coded_at(ctx, "The leaders of Turkey, Iran, and Russia")[1:] == ("TUR", "GOV")


def test_conjoined_demonyms_give_two_actors(nlp):
    ctx = run(nlp, "U.S. and British warplanes struck radar sites.", "2024-01-12")
    assert coded_at(ctx, "U.S. and British warplanes")[1:] == ("USA", "MIL")
    assert coded_at(ctx, "British")[1:] == ("GBR", "MIL")


# --------------------------------------------------------------------------- titles, appositions

@pytest.mark.parametrize("text, phrase, name, country, sector", [
    ("Russian President Vladimir Putin arrived in Ankara.", "Russian President Vladimir Putin",
     "Vladimir Putin", "RUS", "GOV"),
    ("Vladimir Putin, the president of Russia, arrived in Ankara.", "Vladimir Putin",
     "Vladimir Putin", "RUS", "GOV"),
    ("Amnesty International's Samah Hadid called the verdict a travesty.",
     "Amnesty International's Samah Hadid", "Samah Hadid", None, "NGO"),
    ("Ecuadorean President Daniel Noboa declared a state of emergency.",
     "Ecuadorean President Daniel Noboa", "Daniel Noboa", "ECU", "GOV"),
    ("Opposition leader Ana Petrova, a Bulgarian lawyer, was detained.",
     "Opposition leader Ana Petrova", "Ana Petrova", None, "OPP"),
    ("Former president Jair Bolsonaro was barred from office.", "Former president Jair Bolsonaro",
     "Jair Bolsonaro", "BRA", "ELI"),
])
def test_titles_and_appositions_code_the_person(nlp, text, phrase, name, country, sector):
    ctx = run(nlp, text, "2024-01-10")
    got = coded_at(ctx, phrase)
    assert got[0] == name
    assert got[2] == sector
    if country is not None:
        assert got[1] == country


def test_unknown_people_stay_uncoded(nlp):
    ctx = run(nlp, "Maria Kowalczyk said she had waited for six hours.", "2021-03-02")
    got = coded_at(ctx, "Maria Kowalczyk")
    assert got == ("Maria Kowalczyk", None, None)


# --------------------------------------------------------------------------- coreference

def test_name_surname_and_office_are_one_actor(nlp):
    text = ("Bashar al-Assad met Russian officials in Damascus. Assad thanked Moscow. "
            "The Syrian president also spoke with Iranian envoys.")
    ctx = run(nlp, text, "2018-05-17")
    full, short, office = (the_actor(ctx, "Bashar al-Assad"), the_actor(ctx, "Assad", 1),
                           the_actor(ctx, "The Syrian president"))
    assert full is short is office
    assert (full.name, full.code, full.type) == ("Bashar al-Assad", "SYRGOV", "person")
    assert len(full.mentions) == 3


def test_unknown_person_surname_joins_the_full_name(nlp):
    text = "Investigative journalist Tendai Moyo was arrested in Harare. Moyo denied the charges."
    ctx = run(nlp, text, "2020-07-21")
    assert the_actor(ctx, "Tendai Moyo") is the_actor(ctx, "Moyo", 1)
    assert the_actor(ctx, "Tendai Moyo").sector == "MED"


def test_a_surname_alone_needs_support(nlp):
    # "Brown" without a Gordon Brown in the text is not the British prime minister.
    ctx = run(nlp, "The brown bear was spotted near the river.", "2008-05-01")
    assert not any(a.type == "person" for a in ctx.actors)


# --------------------------------------------------------------------------- diacritics

@pytest.mark.parametrize("spelling", ["Erdoğan", "Erdogan", "Tayyip Erdogan", "Recep Tayyip Erdoğan"])
def test_diacritics_and_spelling_variants_resolve_to_one_person(nlp, spelling):
    ctx = run(nlp, f"President {spelling} spoke in Istanbul on Friday.", "2019-03-31")
    got = coded_at(ctx, spelling)
    assert got == ("Recep Tayyip Erdoğan", "TUR", "GOV")


def test_al_prefix_is_optional(nlp):
    ctx = run(nlp, "Bashar Assad and his wife visited the front.", "2016-01-05")
    assert coded_at(ctx, "Bashar Assad")[0] == "Bashar al-Assad"


def test_fold_keeps_offsets_one_to_one():
    assert fold("Erdoğan’s al-Assad") == "erdogan's al assad"


# --------------------------------------------------------------------------- dated offices

@pytest.mark.parametrize("date, name", [
    ("2018-06-01", "Recep Tayyip Erdoğan"),
    ("2009-06-01", "Abdullah Gül"),
    ("2003-01-01", "Ahmet Necdet Sezer"),
])
def test_the_same_title_resolves_to_the_holder_of_the_day(nlp, date, name):
    ctx = run(nlp, "The president of Turkey condemned the attack.", date)
    got = coded_at(ctx, "The president of Turkey")
    assert got == (name, "TUR", "GOV")


@pytest.mark.parametrize("date, name", [
    ("2019-02-01", "Theresa May"), ("2020-02-01", "Boris Johnson"), ("2025-02-01", "Keir Starmer"),
])
def test_prime_minister_of_britain_by_year(nlp, date, name):
    ctx = run(nlp, "Britain's prime minister said the deal was dead.", date)
    assert coded_at(ctx, "Britain's prime minister")[0] == name


def test_a_leader_out_of_office_is_an_elite(nlp):
    ctx = run(nlp, "Hosni Mubarak appeared in court in Cairo.", "2012-06-02")
    assert coded_at(ctx, "Hosni Mubarak")[1:] == ("EGY", "ELI")
    ctx = run(nlp, "Hosni Mubarak addressed parliament.", "2005-06-02")
    assert coded_at(ctx, "Hosni Mubarak")[1:] == ("EGY", "GOV")


def test_dictionary_offices_are_queryable():
    d = load_dictionary()
    assert d.holders("USA", "president", "2018-01-01")[0].name == "Donald Trump"
    assert d.holders("USA", "president", "2022-01-01")[0].name == "Joe Biden"
    assert d.holders("DEU", "leader", "2015-01-01")[0].name == "Angela Merkel"


# --------------------------------------------------------------------------- user override

def test_a_user_file_adds_and_overrides_entries(nlp, tmp_path, monkeypatch):
    user = tmp_path / "mine.yaml"
    user.write_text(textwrap.dedent("""
        organizations:
          - {names: [Free Valley Front], country: ARM, sector: REB}
        seats:
          Moscow: null
        leaders:
          - {country: ARM, office: president, name: Vahe Sargsyan, aliases: Sargsyan,
             from: 2030-01-01, to: 2035-01-01, leader: 1}
    """), encoding="utf-8")
    monkeypatch.setenv("EVENTWIRE_ACTORS", str(user))
    text = "The Free Valley Front attacked a checkpoint, and the president of Armenia condemned it."
    ctx = run(nlp, text, "2031-02-02")
    assert coded_at(ctx, "The Free Valley Front")[1:] == ("ARM", "REB")
    assert coded_at(ctx, "the president of Armenia")[0] == "Vahe Sargsyan"
    # Without the variable the built-in dictionary comes back.
    monkeypatch.delenv("EVENTWIRE_ACTORS")
    ctx = run(nlp, text, "2031-02-02")
    assert coded_at(ctx, "The Free Valley Front")[1:] != ("ARM", "REB")


def test_load_dictionary_extra_argument(tmp_path):
    user = tmp_path / "extra.yaml"
    user.write_text("agents:\n  drone operators: MIL\n", encoding="utf-8")
    d = load_dictionary(extra=[user])
    assert d.phrases[fold("drone operators")][0].terms[0].sector == "MIL"
    assert fold("drone operators") not in load_dictionary().phrases


def test_a_broken_user_file_is_a_coded_error(tmp_path):
    from eventwire.errors import EventwireError

    bad = tmp_path / "bad.yaml"
    bad.write_text("agents: [unclosed", encoding="utf-8")
    with pytest.raises(EventwireError) as info:
        load_dictionary(extra=[bad])
    assert bad.name in str(info.value)


# --------------------------------------------------------------------------- phrases, bad input

@pytest.mark.parametrize("phrase, date, focus, expected", [
    ("Turkish troops", "2019-10-10", None, ("TUR", "MIL")),
    ("police", "2020-08-10", "BLR", ("BLR", "COP")),
    ("the Syrian president", "2018-01-01", None, ("SYR", "GOV")),
    ("Hamas", "2021-05-20", None, ("PSE", "REB")),
    ("protesters in Minsk", "2020-08-10", None, ("BLR", "CVL")),
])
def test_resolve_phrase(phrase, date, focus, expected):
    got = resolve_phrase(phrase, date=date, country=focus)
    assert got is not None and got[:2] == expected


@pytest.mark.parametrize("text", ["", "   ", "and the of", "12345 !!!", "the of and, for with"])
def test_bad_or_empty_text_gives_no_actors_and_no_error(nlp, text):
    ctx = run(nlp, text)
    assert ctx.actors == []
    assert actor_at(0, len(text), ctx) is None   # nothing to code on demand either
    assert resolve_phrase(text) is None


def test_every_mention_points_into_the_text(nlp):
    text = ("Turkish President Recep Tayyip Erdoğan said Kurdish-led forces and U.S. troops "
            "had left, while Amnesty International's Samah Hadid urged restraint.")
    ctx = run(nlp, text, "2019-10-15")
    for actor in ctx.actors:
        for m in actor.mentions:
            assert text[m.start:m.end] == m.text


# --------------------------------------------------------------------------- on demand, scene

@pytest.mark.parametrize("text, phrase, country, sector", [
    ("U.S. warplanes struck Houthi targets near the port.", "Houthi targets", "YEM", "REB"),
    ("Two children died in an Israeli air strike on the camp.", "Israeli", "ISR", "MIL"),
    ("The blast damaged Palestinian homes in the village.", "Palestinian homes", "PSE", "CVL"),
])
def test_phrases_no_mention_covers_are_coded_on_demand(nlp, text, phrase, country, sector):
    ctx = run(nlp, text, "2024-01-12")
    before = list(ctx.actors)
    actor = the_actor(ctx, phrase)
    assert (actor.country, actor.sector) == (country, sector)
    assert the_actor(ctx, phrase) is actor   # asked again: the same actor, found once
    # a new actor with the phrase as its mention, kept apart until the merge after the last stage
    assert ctx.actors == before and ctx.found_actors.actors == [actor]
    assert [m.text for m in actor.mentions] == [phrase]
    merge_found_actors(ctx)
    assert ctx.actors == before + [actor] and ctx.found_actors.actors == []
    assert actor.id == f"A{len(before) + 1}"


@pytest.mark.parametrize("text, phrase, country", [
    ("Police fired live rounds at protesters in Djibo on Sunday.", "Police", "BFA"),
    ("Gunmen stormed a school in the Talata Mafara area of Zamfara state.", "Gunmen", "NGA"),
    ("Villagers said soldiers had left Macomia (Cabo Delgado province).", "Villagers", "MOZ"),
])
def test_agents_without_a_country_take_the_scene(nlp, text, phrase, country):
    ctx = run(nlp, text, "2021-03-03")
    assert coded_at(ctx, phrase)[1] == country


def test_a_definite_phrase_repeats_the_earlier_actor(nlp):
    text = ("The Sudanese army shelled the market. Later the army said it had targeted fighters.")
    ctx = run(nlp, text, "2024-05-12")
    assert the_actor(ctx, "The Sudanese army") is the_actor(ctx, "the army")


def test_conjoined_demonyms_before_one_noun(nlp):
    ctx = run(nlp, "Senior Hungarian and Romanian officials agreed to cooperate.", "1994-01-01")
    assert coded_at(ctx, "Romanian officials")[1:] == ("ROU", "GOV")
    assert coded_at(ctx, "Senior Hungarian and Romanian officials")[1:] == ("HUN", "GOV")


def test_georgia_the_state_and_georgia_the_country(nlp):
    ctx = run(nlp, "Biden won the primaries in South Carolina and Georgia, while Sanders led "
                   "in Nevada and California.", "2020-03-11")
    assert not any(a.country == "GEO" for a in ctx.actors)
    ctx = run(nlp, "Georgia and Armenia signed a border deal in Tbilisi.", "2020-03-11")
    assert coded_at(ctx, "Georgia")[1:] == ("GEO", "GOV")


@pytest.mark.parametrize("text, person, role", [
    ("Sergei Lavrov arrived in Ankara on Monday. The minister said the talks had been useful.",
     "Lavrov", "The minister"),
    ("Emmanuel Macron visited Berlin on Tuesday, and the president later met students.",
     "Macron", "the president"),
])
def test_definite_role_refers_to_the_last_named_person(text, person, role):
    from eventwire import extract

    record = extract(text, date="2019-05-14")
    actor = next(a for a in record.actors if person in a.name)
    assert role in [m.text for m in actor.mentions]


# --- issue 21: no actor across a paragraph break; time zones are not actors ------------------

@pytest.mark.parametrize("text, zone", [
    ("The earthquake struck at 14:05 UTC, according to the USGS.", "UTC"),
    ("At 0300 UTC, Mexico's government said the storm had weakened.", "UTC"),
    ("The polls closed at 2100 GMT on Sunday and the army took to the streets.", "GMT"),
    ("The strike began at 9 a.m. EST when workers walked out of the plant.", "EST"),
])
def test_time_zones_are_never_actors(nlp, text, zone):
    ctx = run(nlp, text, "2019-01-04")
    assert not [a for a in ctx.actors if a.name == zone or any(zone in m.text for m in a.mentions)]


@pytest.mark.parametrize("text, name", [
    ("The motion was backed by 8 independent MPs\n\nTrudeau said on Monday the vote would go ahead.",
     "Trudeau"),
    ("Talks ended without a deal among the parties\n\nPutin met Erdogan in Sochi on Friday.", "Putin"),
])
def test_mentions_never_cross_a_paragraph_break(nlp, text, name):
    ctx = run(nlp, text, "2019-01-04")
    mentions = [m for a in ctx.actors for m in a.mentions]
    assert mentions and all("\n" not in m.text for m in mentions)
    assert all("\n" not in a.name for a in ctx.actors)
    assert any(m.text.endswith(name) for m in mentions)


# --- issue 16a: private parties are not state actors -----------------------------------------

STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}


@pytest.mark.parametrize("text, phrase, country", [
    ("The Boston Celtics fired their coach after the season.", "The Boston Celtics", "USA"),
    ("The Denver Broncos signed a new quarterback on Monday.", "The Denver Broncos", "USA"),
    ("Two fans of the Leeds Rovers were hurt when the stand collapsed.", "the Leeds Rovers", "GBR"),
    ("The Austin Comets beat the visitors 3-1 on Saturday.", "The Austin Comets", "USA"),
])
def test_a_team_named_after_its_town_is_no_government(nlp, text, phrase, country):
    """A plural proper name after a town's name is a body from that town, not its state."""
    ctx = run(nlp, text, "2012-05-03")
    name, found_country, sector = coded_at(ctx, phrase)
    assert found_country == country and sector not in STATE_SECTORS


@pytest.mark.parametrize("text, phrase, country, sector", [
    ("The Madrid police detained three men on Sunday.", "The Madrid police", "ESP", "COP"),
    ("The New York police arrested two protesters.", "The New York police", "USA", "COP"),
    ("Ohio's governor signed the bill on Tuesday.", "Ohio's governor", "USA", "GOV"),
    ("Kabul insisted that the talks go on.", "Kabul", "AFG", "GOV"),
    ("The US Geological Survey put the epicentre south of the city.", "The US Geological Survey",
     "USA", "GOV"),
])
def test_a_towns_police_and_a_states_office_stay_state_actors(nlp, text, phrase, country, sector):
    ctx = run(nlp, text, "2012-05-03")
    assert coded_at(ctx, phrase)[1:] == (country, sector)


@pytest.mark.parametrize("text, phrase, sector", [
    ("Gunmen kidnapped five aid workers near Faizabad on Tuesday.", "five aid workers", "NGO"),
    ("Two relief workers were wounded when the convoy was shelled.", "Two relief workers", "NGO"),
    ("Striking workers blocked the port in Durban on Monday.", "Striking workers", "LAB"),
])
def test_the_people_of_an_aid_group_are_its_sector(nlp, text, phrase, sector):
    ctx = run(nlp, text, "2012-05-03")
    assert coded_at(ctx, phrase)[2] == sector


@pytest.mark.parametrize("text, phrase", [
    ("The team's general manager fired the coach on Tuesday.", "general manager"),
    ("General manager Tom Ellis signed the pitcher on Friday.", "General manager Tom Ellis"),
    ("The union called a general strike on Monday.", "general strike"),
])
def test_a_title_word_used_as_an_adjective_is_no_title(nlp, text, phrase):
    """"general" before another noun means "overall"; the dictionary's own phrases with it
    before a noun (contractor, practitioner, assembly) have every sector."""
    ctx = run(nlp, text, "2012-05-03")
    coded = coded_at(ctx, phrase)
    assert coded is None or coded[2] not in STATE_SECTORS


@pytest.mark.parametrize("text, phrase, sector", [
    ("General Tom Ellis ordered the troops to withdraw.", "General Tom Ellis", "MIL"),
    ("The general ordered the troops to withdraw.", "The general", "MIL"),
    ("Military vehicles blocked the road to the airport.", "Military vehicles", "MIL"),
    ("Naval patrols intercepted the boat near the coast.", "Naval patrols", "MIL"),
    ("Terrorist groups attacked the convoy.", "Terrorist groups", "UAF"),
])
def test_a_title_before_a_name_and_a_sector_adjective_keep_their_sector(nlp, text, phrase, sector):
    ctx = run(nlp, text, "2012-05-03")
    assert coded_at(ctx, phrase)[2] == sector


@pytest.mark.parametrize("text, phrase, name", [
    ("Talk show host Larry King criticized the network on Monday.", "Larry King", "Larry King"),
    ("Martin Luther King led a march in Selma.", "Martin Luther King", "Martin Luther King"),
    ("Stephen King met the publisher. King praised the young writer on Monday.", "King praised",
     "Stephen King"),
])
def test_an_office_word_ending_a_name_is_a_surname(nlp, text, phrase, name):
    ctx = run(nlp, text, "2012-05-03")
    at = ctx.document.text.index(phrase)
    actor = actor_at(at, at + len(phrase.split()[0]), ctx)
    assert actor is not None and actor.name == name and actor.sector not in STATE_SECTORS


@pytest.mark.parametrize("text, phrase, country", [
    ("King Abdullah met the Egyptian president in Amman.", "King Abdullah", "JOR"),
    ("Jordan's King Abdullah met the Egyptian president in Amman.", "King Abdullah", "JOR"),
])
def test_an_office_word_before_a_name_is_still_the_title(nlp, text, phrase, country):
    ctx = run(nlp, text, "2012-05-03")
    assert coded_at(ctx, phrase)[1:] == (country, "GOV")


@pytest.mark.parametrize("text", ["", "   ", "Celtics", "The Boston", "Larry King", "general manager",
                                  "the Boston Celtics"])
def test_bare_fragments_give_no_error_and_no_state(nlp, text):
    ctx = run(nlp, text, "2012-05-03")
    assert all(a.sector not in STATE_SECTORS for a in ctx.actors)


# --- names after a place: the kind of body by the name's last word (data/body_kinds.yaml) ------

@pytest.mark.parametrize("text, phrase, country, sector", [
    ("The Portland Herald reported the sale on Tuesday.", "The Portland Herald", "USA", "MED"),
    ("The Kansas City Star said the mayor had resigned.", "The Kansas City Star", "USA", "MED"),
    ("USA Today published the letter on Friday.", "USA Today", "USA", "MED"),
    ("The Toronto Symphony Orchestra cancelled its tour.", "The Toronto Symphony Orchestra", "CAN", None),
    ("The Denver Marathon was postponed after the storm.", "The Denver Marathon", "USA", None),
    ("The Vermont Wildlife Foundation sued the developer.", "The Vermont Wildlife Foundation", "USA", "NGO"),
])
def test_a_private_body_named_after_its_place_is_no_government(nlp, text, phrase, country, sector):
    ctx = run(nlp, text, "2012-05-03")
    assert coded_at(ctx, phrase)[1:] == (country, sector)


@pytest.mark.parametrize("text, phrase, country, sector", [
    ("The Oregon Highway Patrol stopped the truck on Monday.", "The Oregon Highway Patrol", "USA", "COP"),
    ("The Ohio Department of Health closed the clinic.", "The Ohio Department of Health", "USA", "GOV"),
    ("The Denver City Council approved the budget.", "The Denver City Council", "USA", "GOV"),
    ("The Nevada Gaming Commission fined the casino.", "The Nevada Gaming Commission", "USA", "GOV"),
])
def test_a_state_body_named_after_its_place_keeps_its_state_sector(nlp, text, phrase, country, sector):
    ctx = run(nlp, text, "2012-05-03")
    assert coded_at(ctx, phrase)[1:] == (country, sector)


@pytest.mark.parametrize("text, phrase", [
    ("Police detained him near Moscow's Pushkin Square on Sunday.", "Moscow's Pushkin Square"),
    ("Hundreds marched across the Brooklyn Bridge on Saturday.", "the Brooklyn Bridge"),
])
def test_a_named_square_or_bridge_is_the_scene_not_an_actor(nlp, text, phrase):
    ctx = run(nlp, text, "2012-05-03")
    assert coded_at(ctx, phrase) is None


# --- a nation's word on a thing (data/thing_nouns.txt) or a maker's word names no party --------

@pytest.mark.parametrize("text, phrase", [
    ("The two envoys met at an Irish pub near the station.", "an Irish pub"),
    ("Delegates were served Thai food after the vote.", "Thai food"),
    ("The minister answered in the French language.", "the French language"),
    ("Critics praised a new Iranian film on Sunday.", "a new Iranian film"),
])
def test_a_nations_word_on_a_thing_makes_no_actor(nlp, text, phrase):
    ctx = run(nlp, text, "2012-05-03")
    assert coded_at(ctx, phrase) is None


@pytest.mark.parametrize("text, phrase", [
    ("The officers met at an Irish pub on Monday.", "The officers"),
    ("Gunmen fired a Russian-made rifle at the convoy.", "Gunmen"),
    ("Rebels shot down the helicopter with a Chinese-built missile.", "Rebels"),
])
def test_a_nations_word_on_a_thing_lends_no_country_to_its_sentence(nlp, text, phrase):
    ctx = run(nlp, text, "2012-05-03")
    coded = coded_at(ctx, phrase)
    assert coded is not None and coded[1] is None
    assert not any(a.type == "country" or a.name in ("Russian", "Chinese") for a in ctx.actors)


@pytest.mark.parametrize("text, phrase, country, sector", [
    ("Israeli forces demolished Palestinian homes on Tuesday.", "Palestinian homes", "PSE", "CVL"),
    ("Washington imposed tariffs on Chinese goods.", "Chinese goods", "CHN", "CVL"),
    ("The Saudi-led coalition struck the port.", "The Saudi-led coalition", "SAU", "MIL"),
    ("Russian troops crossed the border at dawn.", "Russian troops", "RUS", "MIL"),
])
def test_a_nations_word_on_people_or_their_property_keeps_its_country(nlp, text, phrase, country, sector):
    ctx = run(nlp, text, "2012-05-03")
    assert coded_at(ctx, phrase)[1:] == (country, sector)


@pytest.mark.parametrize("text, thing", [
    ("The two envoys met at an Irish pub on Monday.", "an Irish pub"),
    ("Police raided a Thai restaurant in the city on Friday.", "a Thai restaurant"),
])
def test_an_event_has_no_side_that_is_a_thing(nlp, text, thing):
    from eventwire.pipeline import extract

    rec = extract(text, date="2012-05-03")
    sides = [s for e in rec.events for s in (e.source, e.target) if s is not None]
    assert rec.events and not any(s.text == thing for s in sides)


# --- "the Fund", "the council": a bare definite noun is the body named in full before it -------

@pytest.mark.parametrize("text, phrase, name", [
    ("The International Monetary Fund sent a team to Kyiv. The Fund approved the loan on Monday.",
     "The Fund approved", "International Monetary Fund"),
    ("The United States House of Representatives passed the bill. The White House said the House had acted.",
     "the House had", "United States House of Representatives"),
    ("The Southern Transitional Council seized the port. Both the council and the government called for talks.",
     "the council and", "Southern Transitional Council"),
    ("The Ford Motor Company recalled the cars. The company paid a fine in March.",
     "The company paid", "Ford Motor Company"),
])
def test_a_bare_definite_noun_is_the_body_named_before_with_that_head(nlp, text, phrase, name):
    ctx = run(nlp, text, "2019-05-03")
    at = text.index(phrase)
    end = at + len(" ".join(phrase.split()[:2]))
    actor = actor_at(at, end, ctx)
    assert actor is not None and actor.name == name


@pytest.mark.parametrize("text, phrase", [
    ("The council met on Monday to discuss the budget.", "The council"),
    ("The World Bank sent a team. The fund approved the loan on Monday.", "The fund"),
    ("Islamic State fighters attacked the town. The state sent troops on Monday.", "The state"),
])
def test_a_bare_definite_noun_with_no_body_of_that_head_before_is_no_body(nlp, text, phrase):
    ctx = run(nlp, text, "2019-05-03")
    at = text.index(phrase)
    actor = actor_at(at, at + len(phrase), ctx)
    assert actor is None or actor.type != "organization" or actor.name.lower() == phrase.split()[-1]


# --- a town's name not used as a place lends its country only where the text names it otherwise --

@pytest.mark.parametrize("text, phrase", [
    ("Time magazine named the senator its person of the year.", "Time magazine"),
    ("The editors of Time criticized the senator on Monday.", "Time"),
    ("Time magazine said the police had arrested two men.", "the police"),
])
def test_a_name_not_used_as_a_place_lends_no_country_the_text_names_nowhere(nlp, text, phrase):
    ctx = run(nlp, text, "2019-05-03")
    coded = coded_at(ctx, phrase)
    assert coded is None or coded[1] is None


@pytest.mark.parametrize("text, phrase", [
    ("Protesters clashed with police in Time, Norway, on Monday.", "police"),
    ("Norwegian officials said protesters clashed with police in Time on Monday.", "police"),
    ("Protesters clashed with police in Time on Monday. The Norwegian government called for calm.", "police"),
    ("Police arrested two protesters in Bergen on Monday.", "Police"),
    ("Protesters clashed with police in Time on Monday.", "police"),
    ("Gunmen killed two farmers near the town of Time on Monday.", "two farmers"),
])
def test_a_town_keeps_its_country_where_the_text_names_it_or_uses_it_as_a_place(nlp, text, phrase):
    ctx = run(nlp, text, "2019-05-03")
    assert coded_at(ctx, phrase)[1] == "NOR"
