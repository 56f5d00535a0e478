"""Places stage: recognition, disambiguation in context, event places, user gazetteers."""
from __future__ import annotations

import pytest

from eventwire.context import DocContext
from eventwire.document import Document
from eventwire.nlp import load_nlp
from eventwire.pipeline import extract
from eventwire.places import document_focus, event_place, find_places, is_demonym
from eventwire.places.gazetteer import Gazetteer, gazetteer
from eventwire.places.resolve import haversine_km


def places_of(text: str):
    doc = load_nlp()(text)
    ctx = DocContext(document=Document(id="t", text=text))
    ctx.places = find_places(doc, ctx)
    return doc, ctx


def place_named(ctx, surface: str):
    hits = [p for p in ctx.places if p.text == surface]
    assert hits, f"{surface!r} not found among {[p.text for p in ctx.places]}"
    return hits[0]


@pytest.mark.parametrize("text, surface, country, near", [
    # two Parises
    ("The storm knocked out power in Paris, Texas, on Tuesday, the Lamar County sheriff said.",
     "Paris", "USA", (33.66, -95.56)),
    ("Protesters marched through Paris as France debated the pension reform.",
     "Paris", "FRA", (48.85, 2.35)),
    # two Tripolis
    ("Militias clashed near Tripoli airport, and the Libyan government in Tripoli asked for calm.",
     "Tripoli", "LBY", (32.89, 13.19)),
    ("Lebanon's army deployed in Tripoli after fighting in the northern Lebanese city.",
     "Tripoli", "LBN", (34.43, 35.84)),
    # Georgia the country and Georgia the state
    ("Russia and Georgia fought a short war in 2008; Tbilisi accused Moscow of aggression.",
     "Georgia", "GEO", (42.0, 43.5)),
    ("The governor of Georgia signed the bill in Atlanta, and voters in Savannah cheered.",
     "Georgia", "USA", (32.8, -83.2)),
])
def test_ambiguous_names_resolve_with_their_context(text, surface, country, near):
    _, ctx = places_of(text)
    place = place_named(ctx, surface)
    assert place.country == country
    assert haversine_km(place.lat, place.lon, *near) < 161


@pytest.mark.parametrize("text, surface, admin1, feature", [
    ("Deputies searched a farm in Licking County, Ohio, on Friday.", "Licking County", "Ohio", "admin2"),
    ("The plant in Springfield, Ill., will close next year.", "Springfield", "Illinois", "city"),
    ("Flooding hit Columbus, Ga., and the river kept rising.", "Columbus", "Georgia", "city"),
])
def test_places_inside_qualifiers(text, surface, admin1, feature):
    _, ctx = places_of(text)
    place = place_named(ctx, surface)
    assert place.admin1 == admin1
    assert place.feature == feature
    assert place.country == "USA"
    # the qualifier is a place of its own
    assert len(ctx.places) >= 2


def test_unknown_toponyms_get_no_invented_coordinates():
    text = "Villagers in Zorblaxia and Quendorvale said the Vrellish hills were flooded."
    _, ctx = places_of(text)
    assert ctx.places == []


def test_every_place_has_true_offsets_and_gazetteer_coordinates():
    text = ("Turkish troops shelled Kurdish positions near Afrin in northern Syria, "
            "the Syrian Observatory said from London. Idlib province was quiet.")
    _, ctx = places_of(text)
    assert ctx.places
    for p in ctx.places:
        assert text[p.start:p.end] == p.text
        assert p.lat is not None and p.lon is not None
        assert -90 <= p.lat <= 90 and -180 <= p.lon <= 180
    assert place_named(ctx, "Syria").feature == "country"
    assert place_named(ctx, "Idlib").country == "SYR"


@pytest.mark.parametrize("text, surface, country", [
    ("Russian forces moved closer to the border.", "Russian", "RUS"),
    ("Two Palestinians were wounded, officials said.", "Palestinians", "PSE"),
    ("The Libyan capital was calm on Sunday.", "Libyan", "LBY"),
])
def test_demonyms_name_their_country(text, surface, country):
    _, ctx = places_of(text)
    place = place_named(ctx, surface)
    assert place.country == country and place.feature == "country"
    assert is_demonym(place, ctx)


def test_united_states_at_the_geonames_point():
    _, ctx = places_of("The United States imposed new sanctions.")
    us = place_named(ctx, "United States")
    assert haversine_km(us.lat, us.lon, 39.76, -98.5) < 5


def test_event_place_prefers_the_most_specific_named_place_of_the_sentence():
    text = ("Turkish officials met in Ankara on Monday. "
            "Later, Syrian troops shelled Aleppo in northern Syria. Nothing else happened.")
    doc, ctx = places_of(text)
    sents = list(doc.sents)
    assert event_place(sents[0], ctx).name == "Ankara"
    second = event_place(sents[1], ctx)
    assert second.name == "Aleppo" and second.from_ == "sentence"
    assert haversine_km(second.lat, second.lon, 36.2, 37.16) < 30
    # a sentence without a place: the nearest place named before it in its paragraph, the
    # town rather than the country that holds it ("Aleppo in northern Syria")
    fallback = event_place(sents[-1], ctx)
    assert (fallback.name, fallback.from_) == ("Aleppo", "paragraph")
    assert not is_demonym(document_focus(ctx), ctx)


def trigger_of(doc, word: str):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("text, trigger, surface, origin", [
    # prepositional attachment to the trigger, not the first or the most specific place
    ("Gunmen killed a policeman near Kandahar after officials in Kabul announced new talks.",
     "killed", "Kandahar", "trigger"),
    ("Militants stormed a checkpoint outside Mosul, officials in Baghdad said.",
     "stormed", "Mosul", "trigger"),
    ("Heavy clashes erupted north of Tripoli on Sunday.", "erupted", "Tripoli", "trigger"),
    ("Police in Lagos arrested twelve students who had travelled from Abuja.",
     "arrested", "Lagos", "trigger"),
    # "the city/town of X", "the X town of Y", "Y's X district": the place the phrase names
    ("Soldiers shot dead two men in the West Bank town of Jenin on Friday.", "shot", "Jenin", "trigger"),
    ("A Russian missile attack on the city of Kharkiv killed three people.", "attack", "Kharkiv", "trigger"),
    ("A farmer was shot dead in a village in Yala's Betong district.", "shot", "Betong", "trigger"),
    ("The president was shot in his office in Congo's capital, Kinshasa, on Monday.",
     "shot", "Kinshasa", "trigger"),
    # the object of the event verb is its place
    ("Rebel fighters captured Kidal on Tuesday, a spokesman in Bamako said.", "captured", "Kidal", "trigger"),
    # "X, 50 km south of Y": Y only says where X lies
    ("A car bomb exploded in Basra, 500 km south of Baghdad, on Monday.", "exploded", "Basra", "trigger"),
    ("A soldier was killed in protests in Miranda state, near Caracas.", "killed", "Miranda", "trigger"),
    ("Gunmen killed two men in Tarmiyah, near Baghdad, on Monday.", "killed", "Tarmiyah", "trigger"),
    ("A policeman in Kirkuk, north of Baghdad, was killed on Monday.", "killed", "Kirkuk", "trigger"),
    # coordinated verbs share their places
    ("In Dagestan on Wednesday, police shot and killed two gunmen in the town of Buinaksk.",
     "shot", "Buinaksk", "trigger"),
    ("Two observers, one from Jordan and the other from Malawi, were captured, tortured and "
     "killed near a mine north of Bunia.", "captured", "Bunia", "trigger"),
    # ... but not a conjunct clause with its own subject
    ("Police in the city of Mazatlan shot and killed a drug lord in 2001 and federal agents "
     "captured his brother in Puebla.", "shot", "Mazatlan", "trigger"),
    # "X, a town near Y": Y only says where X lies
    ("Jets hit a hospital in Hawija, a town near Kirkuk, on Saturday.", "hit", "Hawija", "trigger"),
    # "along X's border with Y": the place is X
    ("Militants seized two soldiers along Lebanon's border with Israel.", "seized", "Lebanon", "trigger"),
    # a province beside its country: the province
    ("A soldier was killed in Hasakah province, northeast Syria.", "killed", "Hasakah", "trigger"),
    # "the X district of Y": X, inside Y
    ("A teacher was shot dead in the Betong district of Yala on Friday.", "shot", "Betong", "trigger"),
    # a place hanging by "in" or "of" inside the phrase of another place holds it: the event
    # is at the place the phrase names, whatever grains the gazetteer gives the two
    ("Gunmen shot a doctor in the village of Mayrtup in Kurchaloi district on Monday.", "shot", "Mayrtup",
     "trigger"),
    ("A grenade exploded in Kulgam town of Anantnag district, wounding five people.", "exploded", "Kulgam",
     "trigger"),
    ("A bomb exploded in Lice town of the southeastern province of Diyarbakir.", "exploded", "Lice", "trigger"),
    ("Two policemen were killed in Yuksekova town of Hakkari province on Sunday.", "killed", "Yuksekova",
     "trigger"),
    ("A rebel detonated a roadside bomb in Cizre town of the southeastern province of Sirnak on Monday.",
     "detonated", "Cizre", "trigger"),
    # ... not a country or a body of water named before "in Y", which does not lie in Y; nor a
    # part of a town the places stage has read ("the Homs neighbourhood of X"); two places side
    # by side hold nothing
    ("The US embassy in Nairobi was attacked by gunmen on Friday.", "attacked", "Nairobi", "trigger"),
    ("Protesters gathered outside the British embassy in Tehran on Sunday.", "gathered", "Tehran", "trigger"),
    ("A car bomb exploded on a bridge over the Euphrates River in Fallujah on Monday.", "exploded", "Fallujah",
     "trigger"),
    ("Rockets hit the Homs neighbourhood of Khalidiya on Monday.", "hit", "Khalidiya", "trigger"),
    ("Mortar shells landed in the Hamidiya quarter of Homs, killing a child.", "landed", "Hamidiya", "trigger"),
    ("Troops killed two gunmen in Kabul and Herat on Monday.", "killed", "Kabul", "trigger"),
    # a weak tie ("against ... in X"): the clause
    ("Hundreds of people protested against the election result in Kenya.", "protested", "Kenya", "clause"),
    # another clause of the sentence
    ("Twelve people died in Homs when the army attacked at dawn.", "attacked", "Homs", "sentence"),
    # ... where "X, just south of Y" still keeps Y as a reference
    ("A bomb blew up near a recruiting centre in Hilla, just south of Baghdad, killing 12 people.",
     "killing", "Hilla", "sentence"),
])
def test_event_place_is_the_place_tied_to_the_trigger(text, trigger, surface, origin):
    doc, ctx = places_of(text)
    tok = trigger_of(doc, trigger)
    place = event_place(tok.sent, ctx, tok)
    assert place is not None, [p.text for p in ctx.places]
    assert (text[place.start:place.end], place.from_) == (surface, origin)


@pytest.mark.parametrize("text, trigger, surface, origin", [
    # the paragraph, then the document's focus
    ("Fighting raged in Kandahar on Monday. Two soldiers were killed.", "killed", "Kandahar", "paragraph"),
    ("Fighting raged in Kandahar on Monday.\nIn Kabul, officials met.\nTwo soldiers were killed.",
     "killed", "Kandahar", "document"),
    # a dateline is the event place only when the text gives nothing else
    ("KABUL (AP) — Gunmen attacked a convoy near Kandahar on Monday.", "attacked", "Kandahar", "trigger"),
    ("KABUL (AP) — Two soldiers were killed on Monday.", "killed", "KABUL", "document"),
    ("CAIRO — Police arrested dozens of protesters in Alexandria on Friday.", "arrested", "Alexandria", "trigger"),
    ("NAIROBI, Kenya (AP) — Fighting raged in Mogadishu.\nTwo soldiers were killed.",
     "killed", "Mogadishu", "document"),
    # a demonym never beats a toponym tied to the event, and serves only as a last resort
    ("Russian troops shelled Kharkiv on Monday.", "shelled", "Kharkiv", "trigger"),
    ("Russian troops shelled the city on Monday.", "shelled", "Russian", "document"),
])
def test_event_place_falls_back_step_by_step(text, trigger, surface, origin):
    doc, ctx = places_of(text)
    tok = trigger_of(doc, trigger)
    place = event_place(tok.sent, ctx, tok)
    assert place is not None, [p.text for p in ctx.places]
    assert (text[place.start:place.end], place.from_) == (surface, origin)


@pytest.mark.parametrize("text, trigger", [
    ("Gunmen attacked a bus on Monday, the SABA news agency reported.", "attacked"),
    ("Two soldiers were killed, the Kabul Times reported.", "killed"),
])
def test_news_agencies_and_newspapers_are_not_event_places(text, trigger):
    doc, ctx = places_of(text)
    tok = trigger_of(doc, trigger)
    assert event_place(tok.sent, ctx, tok) is None


def test_event_place_prefers_the_place_the_sentence_puts_the_event_at():
    text = "Troops sent from Aleppo attacked rebels in Idlib province on Sunday."
    doc, ctx = places_of(text)
    place = event_place(doc[:], ctx)
    assert text[place.start:place.end] == "Idlib" and place.country == "SYR"
    text = "Leaders of Turkey and Russia met in Tehran on Friday."
    doc, ctx = places_of(text)
    assert event_place(doc[:], ctx).name == "Tehran"


def test_event_place_without_any_place_is_none():
    doc, ctx = places_of("Nobody said anything about it.")
    assert event_place(doc[:], ctx) is None


def test_a_users_gazetteer_file_adds_places(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("name,lat,lon,country,feature,population,aliases\n"
                    "Zorblaxia,12.5,-3.25,XZZ,city,1200,Zorblax|Zorb City\n"
                    "Broken,not-a-number,1,XZZ,city,5,\n", encoding="utf-8")
    gaz = Gazetteer()
    assert gaz.add_csv(path) == 1
    (entry, primary), = gaz.lookup("zorblax")
    assert entry.name == "Zorblaxia" and not primary and entry.geonameid is None
    assert (entry.lat, entry.lon) == (12.5, -3.25)


@pytest.mark.parametrize("text", ["", "   ", "!!! ??? ...", "1234 5678", "the of and"])
def test_texts_without_places(text):
    _, ctx = places_of(text)
    assert ctx.places == []


def test_gazetteer_lookups():
    gaz = gazetteer()
    assert gaz.find("Texas", "admin1", "USA") is not None
    assert {e.country for e, _ in gaz.lookup("Tripoli")} >= {"LBY", "LBN"}
    assert gaz.lookup("W.Va.")[0][0].name == "West Virginia"
    assert gaz.demonym("Russians").name == "Russia"
    assert gaz.lookup("no such place anywhere") == []


def test_a_list_of_states_is_not_a_chain_of_qualifiers():
    text = ("Attorneys general from Maine, New York, New Jersey, Illinois and Oregon "
            "joined the lawsuit.")
    _, ctx = places_of(text)
    for state in ("Maine", "New Jersey", "Illinois", "Oregon"):
        place = place_named(ctx, state)
        assert place.feature == "admin1" and place.country == "USA", place


@pytest.mark.parametrize("text", [
    "Police said the suspect fled on foot.",
    "Most residents stayed home in March.",
    "The city council met on Tuesday, and the mayor spoke first.",
    "\"We heard music from a couple of houses away,\" Nelson said.",
    # a common noun the model labels a name ("van" as a person): Van, Turkey is no reading
    "Later in the morning, protesters attacked a riot police van parked in the area.",
    "Officers stopped a white van near the bridge and searched it.",
    # a title after "at the" is a person's office, not Minster, Ohio or Bishop, California
    "The talks began at the Prime Minister’s Office on Sunday afternoon.",
    "Reporters waited at the Minister's residence until the evening.",
    "Protesters gathered at the Bishop's house after the service.",
])
def test_common_words_are_not_places(text):
    _, ctx = places_of(text)
    assert ctx.places == []


def test_small_town_found_through_its_state():
    text = ("Flooding closed roads across South Carolina on Monday. In Greer, the fire "
            "department rescued two drivers, and Spartanburg opened a shelter.")
    _, ctx = places_of(text)
    greer = place_named(ctx, "Greer")
    assert greer.admin1 == "South Carolina"


def test_conjoined_country_names_are_one_place():
    text = "Voters in Trinidad and Tobago and in Bosnia and Herzegovina went to the polls."
    _, ctx = places_of(text)
    assert place_named(ctx, "Trinidad and Tobago").country == "TTO"
    assert place_named(ctx, "Bosnia and Herzegovina").country == "BIH"


def test_qualifier_decides_between_a_state_and_a_country():
    _, ctx = places_of("The University of Georgia is in Athens, Georgia, a college town.")
    athens = place_named(ctx, "Athens")
    assert athens.country == "USA" and athens.admin1 == "Georgia"
    georgia = [p for p in ctx.places if p.text == "Georgia" and p.start > athens.start][0]
    assert georgia.feature == "admin1" and georgia.country == "USA"


@pytest.mark.parametrize("text, surface, country", [
    # the model calls these names persons; the words around say they are places
    ("Government forces shelled the town of Khan Shaykhun overnight.", "Khan Shaykhun", "SYR"),
    ("Protesters blocked roads in Khan Younis on Friday.", "Khan Younis", "PSE"),
    ("Two fighters were killed in southern Kobane during the night.", "Kobane", "SYR"),
    ("Troops advanced in the northern Hama countryside on Tuesday.", "Hama", "SYR"),
    ("Clashes continued in the vicinity of Kobane.", "Kobane", "SYR"),
    # the object of a verb of taking ground
    ("Eritrean troops captured Badme at the start of the war.", "Badme", "ERI"),
    # short forms news copy uses (data/aliases.tsv)
    ("Clashes broke out in Ingushetia overnight.", "Ingushetia", "RUS"),
    ("Troops were deployed in Bosnia last year.", "Bosnia", "BIH"),
])
def test_names_cued_as_places_are_recognised(text, surface, country):
    _, ctx = places_of(text)
    assert place_named(ctx, surface).country == country


@pytest.mark.parametrize("text", [
    "Prices rose in May, the council said.",
    "The mayor spoke to Nasrallah's envoy in the capital.",
])
def test_a_bare_in_does_not_make_a_word_a_place(text):
    _, ctx = places_of(text)
    assert not [p for p in ctx.places if p.text in ("May", "Nasrallah")]


@pytest.mark.parametrize("text", [
    "Israeli officials said rockets were fired from Gaza.",
    "Israel said rockets were fired from Gaza overnight.",
])
def test_homonyms_resolve_near_the_documents_other_places(text):
    # "Gaza" is also a province of Mozambique; beside Israel it is the Palestinian city
    _, ctx = places_of(text)
    assert place_named(ctx, "Gaza").country == "PSE"


@pytest.mark.parametrize("text, surface, country", [
    # villages only the village index knows, named with a cue
    ("Gunmen attacked the village of Mainok on Monday.", "Mainok", "NGA"),
    # an Arabic name without its article ("Al Qamishli" in the gazetteer)
    ("Fighting erupted in Qamishli in northeastern Syria.", "Qamishli", "SYR"),
])
def test_villages_and_article_less_names_are_recognised(text, surface, country):
    _, ctx = places_of(text)
    assert place_named(ctx, surface).country == country


@pytest.mark.parametrize("text", [
    # "Hope" and "Best" are villages too (in Pakistan and Iran), but nothing here says so
    "He lives in Hope and works in Best.",
    "We hope for the best in Hope.",
])
def test_village_names_need_a_cue(text):
    _, ctx = places_of(text)
    assert all(p.country not in ("PAK", "IRN") for p in ctx.places)


@pytest.mark.parametrize("text, country, admin1", [
    # the same village name in Yemen and in Afghanistan: "X (Y, Z)" and "X in the Y district"
    # resolve X inside Y
    ("Gunmen clashed with troops in Dahnah (Taizz, Yemen) on Monday.", "YEM", "Tāʻizz"),
    ("Gunmen clashed with troops in Dahnah (Takhar, Afghanistan) on Monday.", "AFG", "Takhār"),
    ("A bomb killed two men in Jumjumah in the Ghazni province.", "AFG", "Ghaznī"),
    ("A bomb killed two men in Jumjumah in the Ibb governorate.", "YEM", "Ibb"),
])
def test_a_village_resolves_inside_the_unit_named_beside_it(text, country, admin1):
    _, ctx = places_of(text)
    village = ctx.places[0]
    assert (village.country, village.admin1) == (country, admin1)


@pytest.mark.parametrize("text, surface, country", [
    # spelled otherwise than the gazetteer ("Dayr az Zawr", "Ma'arrat an Nu'man")
    ("Fighting raged in Deir Ezzor on Monday.", "Deir Ezzor", "SYR"),
    ("Rebels shelled Maarat al-Numan in Idlib province.", "Maarat al-Numan", "SYR"),
])
def test_names_spelled_otherwise_are_found_by_their_skeleton(text, surface, country):
    _, ctx = places_of(text)
    assert place_named(ctx, surface).country == country


@pytest.mark.parametrize("a, b, same", [
    ("Deir Ezzor", "Dayr az Zawr", True),
    ("Maarat al-Numan", "Ma'arrat an Nu'man", True),
    ("Tall Afar", "Tal Afar", True),
    # letters doubled only once the vowels are gone are not one letter: two towns of Russia
    ("Babyninsky", "Buinsk", False),
])
def test_a_skeleton_folds_spellings_of_one_name_not_two_names(a, b, same):
    from eventwire.places.gazetteer import skeleton

    assert (skeleton(a) == skeleton(b)) is same


@pytest.mark.parametrize("text, not_country", [
    # the article of an Arabic name is no place ("Al" is a town in Norway)
    ("Militants attacked positions south of Al-Shadadi in Syria.", "NOR"),
    # a skeleton that matches a unit elsewhere ("South-West" of Cameroon) is not taken
    # against the document's own countries
    ("Georgian troops entered South Ossetia as Russia protested.", "CMR"),
])
def test_spelling_blind_matches_stay_within_the_documents_countries(text, not_country):
    _, ctx = places_of(text)
    assert all(p.country != not_country for p in ctx.places)


def test_a_village_abroad_does_not_take_a_name_in_a_city_of_the_document():
    # "Kadhimiya" is only a village of Yemen in the village index; beside Baghdad it is not
    _, ctx = places_of("A car bomb exploded in the Kadhimiya neighbourhood of Baghdad on Monday.")
    assert all(p.country == "IRQ" for p in ctx.places)


@pytest.mark.parametrize("text, trigger, surface, city", [
    ("A bomb exploded in the Kadhimiya neighbourhood of Baghdad on Monday.", "exploded", "Kadhimiya", "Baghdad"),
    ("A patrol captured him in Kandahar's Loi Karez neighborhood on Friday.", "captured", "Loi Karez", "Kandahār"),
    ("A car bomb went off in the Amiriyah district in western Baghdad.", "went", "Amiriyah", "Baghdad"),
    ("Twenty civilians were killed around the Homs neighbourhood of Baba Amr.", "killed", "Baba Amr", "Homs"),
    # a named site of the city
    ("A bomb detonated near al-Shaab Stadium in eastern Baghdad on Monday.", "detonated",
     "al-Shaab Stadium", "Baghdad"),
])
def test_a_named_part_of_a_city_is_the_event_place_at_the_citys_point(text, trigger, surface, city):
    doc, ctx = places_of(text)
    part = place_named(ctx, surface)
    town = next(p for p in ctx.places if p.name == city)
    assert (part.lat, part.lon, part.geonameid, part.feature) == (town.lat, town.lon, None, "other")
    tok = trigger_of(doc, trigger)
    place = event_place(tok.sent, ctx, tok)
    assert (text[place.start:place.end], place.from_) == (surface, "trigger")


@pytest.mark.parametrize("text", [
    "Shelling hit the Sunni neighbourhood of Baghdad.",
    "Police sealed off the business district of Nairobi.",
])
def test_a_describing_word_before_a_part_of_town_is_no_place(text):
    _, ctx = places_of(text)
    assert [p.text for p in ctx.places] in (["Baghdad"], ["Nairobi"])


def test_a_namesake_far_away_named_as_a_neighbourhood_takes_the_citys_point():
    # the gazetteer's "Adhamiyah" lies hundreds of km from Baghdad; the text says it is part of it
    text = "Ten people were killed in Baghdad's predominantly Sunni neighborhood of Adhamiyah."
    doc, ctx = places_of(text)
    part, city = place_named(ctx, "Adhamiyah"), place_named(ctx, "Baghdad")
    assert (part.lat, part.lon, part.geonameid) == (city.lat, city.lon, None)
    tok = trigger_of(doc, "killed")
    assert text[event_place(tok.sent, ctx, tok).start:][:9] == "Adhamiyah"


def test_a_part_of_town_in_another_clause_beats_its_city():
    text = ("After prayers in a mosque in the northern Huriyah neighborhood of Baghdad, ten people "
            "were killed when a shootout broke out.")
    doc, ctx = places_of(text)
    tok = trigger_of(doc, "broke")
    place = event_place(tok.sent, ctx, tok)
    assert (text[place.start:place.end], place.from_) == ("Huriyah", "sentence")


@pytest.mark.parametrize("text, dateline", [
    ("KABUL (AP) — Gunmen attacked a convoy.", "KABUL (AP) —"),
    ("CAIRO — Police arrested dozens.", "CAIRO —"),
    ("BEIRUT, Lebanon (Reuters) - Jets struck a village.", "BEIRUT, Lebanon (Reuters) -"),
    ("Goma, Congo — Rebels entered the town.", "Goma, Congo —"),
    ("MOSCOW, March 5. /TASS/. Russia expelled two diplomats.", "MOSCOW, March 5. /TASS/."),
    ("SEOUL, Nov. 1 (Yonhap) -- The two Koreas agreed to talk.", "SEOUL, Nov. 1 (Yonhap) --"),
    # an ordinary opening with a dash or a colon is no dateline
    ("Russia - the largest country - said it would respond.", ""),
    ("Syria: rebels seize a town near the border.", ""),
    ("Russia and China said. /They/ would meet.", ""),
    # agency copy: the dateline set off by nothing after its date, or by a line break alone
    ("Quito, Feb 9 Soldiers seized a shipment of arms.", "Quito, Feb 9 "),
    ("Kampala, September 30\nThe army said on Friday it had freed two hostages.", "Kampala, September 30\n"),
    ("NIAMEY, Niger\n\nGunmen attacked a village on Monday.", "NIAMEY, Niger\n\n"),
    # a headline on its own line is no dateline
    ("Uganda Army Frees Hostages\nThe army said on Friday it had freed two hostages.", ""),
])
def test_datelines_are_told_from_ordinary_openings(text, dateline):
    from eventwire.places.event import dateline_end
    assert text[:dateline_end(text)] == dateline


def event_place_of(text: str, trigger: str):
    doc, ctx = places_of(text)
    tok = trigger_of(doc, trigger)
    return event_place(tok.sent, ctx, tok), ctx


def _stated_place(text, trigger):
    """The surface of the event place when it was read from the event's own sentence."""
    p, _ = event_place_of(text, trigger)
    if p is None or p.start is None or p.from_ not in ("trigger", "clause", "sentence"):
        return None
    return text[p.start:p.end]


@pytest.mark.parametrize("text, trigger, surface, holder", [
    # a site: a base, a street, a building, at the point of the town named beside it
    ("Militants shelled the Qarmoush Military Airport near Raqqa on Sunday.", "shelled",
     "Qarmoush Military Airport", "Raqqa"),
    ("A man was shot dead on Bardawi Street in eastern Mosul late on Friday.", "shot",
     "Bardawi Street", "Mosul"),
    # the site word after the name: "the X airbase", "X prison"
    ("Troops were killed south of the Zabrin airbase in the countryside of Homs.", "killed",
     "Zabrin", "Homs"),
])
def test_a_named_site_no_gazetteer_holds_is_the_event_place_at_its_holders_point(text, trigger, surface,
                                                                                 holder):
    from eventwire.places import named_sites
    place, ctx = event_place_of(text, trigger)
    assert (text[place.start:place.end], place.from_, place.geonameid) == (surface, "trigger", None)
    town = place_named(ctx, holder)
    assert (place.lat, place.lon, place.country) == (town.lat, town.lon, town.country)
    assert surface in [p.text for p in ctx.places + named_sites(ctx)]


def test_a_street_is_a_place_of_events_but_not_a_toponym():
    from eventwire.places import named_sites
    _, ctx = places_of("A man was shot dead on Bardawi Street in eastern Mosul late on Friday.")
    assert [p.text for p in named_sites(ctx)] == ["Bardawi Street"]
    assert [p.text for p in ctx.places] == ["Mosul"]


@pytest.mark.parametrize("text, trigger, surface, country", [
    # a unit word frames the name: "the village of X", "X district"
    ("Gunmen killed four farmers in the village of Qarat Bindar in Idlib province.", "killed",
     "Qarat Bindar", "SYR"),
    # a name that begins like a place: "Wadi", "Tal", "Jabal"
    ("Government forces advanced into Wadi Zerqoun after shelling from Homs.", "advanced",
     "Wadi Zerqoun", "SYR"),
    ("Rebels recaptured Tal Qashbour, a hilltop north of Hama, on Monday.", "recaptured",
     "Tal Qashbour", "SYR"),
    # conflict-monitor notes: the village, then its district and province in brackets
    ("On 3 March, militiamen attacked a village in Mraisy (Qaatabah, Ad Dali).", "attacked",
     "Mraisy", "YEM"),
])
def test_a_village_no_gazetteer_holds_is_recognised_from_its_cue(text, trigger, surface, country):
    place, _ = event_place_of(text, trigger)
    assert (text[place.start:place.end], place.from_, place.country) == (surface, "trigger", country)


def test_an_arabic_article_before_a_known_name_belongs_to_it():
    # "Ad Dali" is a Yemeni province; "Dali" alone would be a city in China
    _, ctx = places_of("Militiamen attacked a village in Mraisy (Qaatabah, Ad Dali).")
    assert (place_named(ctx, "Ad Dali").country) == "YEM"


@pytest.mark.parametrize("text, trigger, surface", [
    # a man taken by a capture verb is no place
    ("Police captured Arnulfo Henao Vargas in Medellin on Monday.", "captured", "Medellin"),
    # a title and the man it names
    ("Gunmen fired on the convoy of Gov. Ramiro Alvarez near Culiacan.", "fired", "Culiacan"),
    # a people's adjective before a unit word
    ("Shells killed three children in the Kurdish town of Amuda.", "killed", "Amuda"),
    # a month the model does not call a date
    ("Ten people were killed in the 18 May fighting in Beledweyne district.", "killed", "Beledweyne"),
])
def test_people_titles_and_months_are_not_unlisted_places(text, trigger, surface):
    place, _ = event_place_of(text, trigger)
    assert text[place.start:place.end].split(" ")[0] == surface


def test_a_place_that_only_says_whose_a_thing_is_holds_nothing():
    # "a U.S. patrol" says whose the patrol is, not where the neighbourhood lies
    place, _ = event_place_of("A roadside bomb exploded near a U.S. patrol in the Qazzaz neighborhood.",
                              "exploded")
    assert place.country != "USA"
    assert (place.name, place.lat, place.lon) == ("Qazzaz", None, None)


def test_a_river_beside_a_town_is_not_more_specific_than_the_town():
    text = "A truck bomb exploded on a bridge over the Tigris River in Baghdad on Thursday."
    place, _ = event_place_of(text, "exploded")
    assert text[place.start:place.end] == "Baghdad"


def test_a_region_the_model_names_is_kept_only_where_the_gazetteer_knows_it():
    place, ctx = event_place_of("Militants raided a village in Indian-controlled Kashmir and killed six men.",
                                "raided")
    kashmir = place_named(ctx, "Kashmir")
    assert (kashmir.country, kashmir.feature) == ("IND", "admin1")
    assert (place.start, place.end) == (kashmir.start, kashmir.end)


@pytest.mark.parametrize("text", [
    "",
    "   \n\n  ",
    "A.B.C. (D.E.) F. (G.)",
    "Al- Al- Al-",
    "(((( ))))",
    "The The The city of of of",
    "Wadi Tal Jabal Hill Route",
    "ZZZZ ZZZZ ZZZZ Airport (ZZZZ, ZZZZ)",
])
def test_odd_texts_give_no_invented_places(text):
    from eventwire.places import named_sites
    _, ctx = places_of(text)
    for p in ctx.places + named_sites(ctx):
        assert text[p.start:p.end] == p.text
        # a name nothing locates has no coordinates at all
        assert (p.lat is None) == (p.lon is None)


@pytest.mark.parametrize("text, trigger, surface", [
    # a place inside an organisation's name is no event place
    ("The Islamic State of Iraq and Syria attacked the Qarmoush Military Airport near Palmyra.", "attacked",
     "Qarmoush Military Airport"),
    # where a passive's subject is held is weaker than where the verb puts the event
    ("Most of the prisoners at Guantanamo Bay were captured in Afghanistan in 2001.", "captured",
     "Afghanistan"),
    # unless the subject is a site: the embassy's place is the place of the bombing
    ("The Australian embassy in Jakarta was bombed last week.", "bombed", "Jakarta"),
])
def test_organisations_and_where_a_passive_subject_is_held(text, trigger, surface):
    place, _ = event_place_of(text, trigger)
    assert text[place.start:place.end] == surface


@pytest.mark.parametrize("text, trigger, surface", [
    # monitor notes: the town, then the units above it in brackets; the town is the place
    ("On 2 May, militiamen attacked a market in Kobo (Kobo woreda, North Wollo zone, Amhara region).",
     "attacked", "Kobo"),
    ("On 4 June, protesters blocked a road near Otavalo (Otavalo canton, Imbabura province).",
     "blocked", "Otavalo"),
])
def test_units_above_a_town_do_not_outrank_it(text, trigger, surface):
    place, _ = event_place_of(text, trigger)
    assert text[place.start:place.end] == surface


@pytest.mark.parametrize("text, surface, admin1", [
    # the model reads the town as an organisation or a person; the words say it is a town
    ("Sales rose across Licking County, Ohio, this spring. In Newark, Ohio, the county treasurer "
     "said a Pataskala man had bought the largest lot.", "Pataskala", "Ohio"),
    ("Charleston and Columbia, South Carolina, sent inspectors on Friday. Jane Porter of Ravenel "
     "said the bridge had been closed for a month.", "Ravenel", "South Carolina"),
    ("Snow fell across Georgia overnight. Officials in Athens, Georgia, said Jackson and Barrow "
     "counties were hit hardest.", "Barrow", "Georgia"),
    # a county named without its unit word before a town body
    ("CHARLESTON, W.Va. -- A Charleston man pleaded guilty in Kanawha Circuit Court on Monday. "
     "West Virginia police had arrested him in July.", "Kanawha", "West Virginia"),
    ("A Harrodsburg woman appeared in Mercer Circuit Court on Tuesday, Kentucky State Police "
     "said. Kentucky troopers had found her in Harrodsburg.", "Mercer", "Kentucky"),
    # in a list with a place of the same state
    ("Only a few Georgia cities, including Gainesville and Duluth, have zoning rules that "
     "restrict the signs.", "Duluth", "Georgia"),
])
def test_a_town_the_model_misreads_is_found_by_the_words_around_it(text, surface, admin1):
    _, ctx = places_of(text)
    p = place_named(ctx, surface)
    assert p.country == "USA" and p.admin1 == admin1


@pytest.mark.parametrize("text, surface, near", [
    ("Council trims the snow budget. TORRINGTON — The City Council voted 5-2 on Monday to cut "
     "the winter maintenance budget.", "TORRINGTON", (41.80, -73.12)),
    ("Barn fire under investigation. CHARLESTON, W.Va. -- Firefighters from three departments "
     "spent the night at the farm.", "CHARLESTON", (38.35, -81.63)),
])
def test_a_dateline_in_capitals_after_the_headline_is_a_place(text, surface, near):
    _, ctx = places_of(text)
    p = place_named(ctx, surface)
    assert haversine_km(p.lat, p.lon, *near) < 50


@pytest.mark.parametrize("text", [
    "Council meets. UPDATE — The meeting was moved to Tuesday evening at the library.",
    "Fire chief retires. EDITOR'S NOTE — This story was corrected on Friday.",
    "A Smith man said the weather had been mild this winter.",
])
def test_capitals_and_resident_nouns_alone_make_no_place(text):
    _, ctx = places_of(text)
    assert ctx.places == []


@pytest.mark.parametrize("text, trigger, not_surface", [
    # part of a longer person's name
    ("Thousands were killed in Rwanda's genocide-Jean Claude Mugabo, editor of a weekly, said "
     "the trial would open in Kigali.", "killed", "Claude Mugabo"),
    # words a headline capitalises
    ("40 Killed in Crash of Bus Carrying Pilgrims-At least 40 people were killed when a bus "
     "crashed near Multan, Pakistan.", "killed", "Crash"),
    # an English adjective before a site word
    ("The two presidents met at the Presidential palace in Dakar on Monday.", "met", "Presidential"),
    # the agent after "by", though the model calls it a place
    ("Thousands of Russians demonstrated across the country after a call by Navalny.",
     "demonstrated", "Navalny"),
])
def test_capitalised_words_that_name_no_place_are_no_event_place(text, trigger, not_surface):
    doc, ctx = places_of(text)
    p = event_place(trigger_of(doc, trigger).sent, ctx, trigger_of(doc, trigger))
    assert p is None or p.start is None or text[p.start:p.end] != not_surface
    from eventwire.places import named_sites
    assert not_surface not in [q.text for q in ctx.places + named_sites(ctx)]


@pytest.mark.parametrize("text, surface, admin1", [
    # a dateline names a town: one named like a country, in the state the story is about
    ("Jury hears closing arguments in Ohio murder trial. LEBANON (AP) — A jury in Warren County "
     "heard closing arguments on Monday in the trial of an Ohio man.", "LEBANON", "Ohio"),
    ("Fire destroys barn in rural Indiana. PERU (AP) — A fire destroyed a barn on Sunday outside "
     "the Miami County seat, Indiana state police said.", "PERU", "Indiana"),
    # a dateline of a capital stays the capital
    ("BEIRUT (AP) — Lebanon's parliament met on Monday to elect a speaker.", "BEIRUT", "Bayrūt"),
])
def test_a_dateline_names_a_town(text, surface, admin1):
    _, ctx = places_of(text)
    place = place_named(ctx, surface)
    assert place.feature == "city" and place.admin1 == admin1


@pytest.mark.parametrize("text, surface, admin1", [
    # a town named with its unit after a comma, though the model reads part of it as a person
    ("He grew up far from Texas, in Sault Ste. Marie, Ontario, where his mother taught school.",
     "Sault Ste. Marie", "Ontario"),
    ("The ferry from Sault Ste. Marie, Michigan, was late on Sunday.", "Sault Ste. Marie", "Michigan"),
])
def test_a_town_named_with_its_unit_after_a_comma(text, surface, admin1):
    _, ctx = places_of(text)
    assert place_named(ctx, surface).admin1 == admin1


@pytest.mark.parametrize("text, surface", [
    # English counties GeoNames holds only under the names of the authorities they were split into
    ("Floods hit towns across Yorkshire on Sunday, and the army was sent to York.", "Yorkshire"),
    ("The next round is at Rockingham, Northamptonshire, in August.", "Northamptonshire"),
    ("Volunteers drive patients to hospitals in Reading and Slough, Berkshire.", "Berkshire"),
    ("Storms closed roads in Brighton and across Sussex on Friday.", "Sussex"),
])
def test_english_counties_news_still_names(text, surface):
    _, ctx = places_of(text)
    assert place_named(ctx, surface).country == "GBR"


@pytest.mark.parametrize("text, surface, name", [
    # the short forms news copy gives a country and Australia's and Canada's states
    ("Ministers from T&T met in Port of Spain on Monday, and T&T officials later flew to "
     "Barbados.", "T&T", "Trinidad and Tobago"),
    ("Bushfires burned near Sydney, NSW, as crews from Qld arrived in Newcastle.", "NSW",
     "New South Wales"),
    ("Bushfires burned near Sydney, NSW, as crews from Qld arrived in Newcastle.", "Qld", "Queensland"),
    ("Wastewater in WA is treated before it reaches the sea at Rockingham and Perth.", "WA",
     "Western Australia"),
    ("The ferry left Charlottetown, P.E.I., on Friday.", "P.E.I.", "Prince Edward Island"),
])
def test_short_forms_of_countries_and_states(text, surface, name):
    _, ctx = places_of(text)
    assert place_named(ctx, surface).name == name


def test_a_name_read_as_a_place_once_is_a_place_wherever_the_text_repeats_it():
    text = ("Grant helps rebuild main street. IMMOKALEE – The congressman toured the town on Friday. "
            "The Immokalee Foundation will match the grant, and Immokalee's farmers will share it.")
    _, ctx = places_of(text)
    hits = [p for p in ctx.places if p.text.lower() == "immokalee"]
    assert len(hits) == 3 and {(p.lat, p.lon) for p in hits} == {(hits[0].lat, hits[0].lon)}
    assert hits[0].country == "USA"


@pytest.mark.parametrize("text, surface, start", [
    # the model reads the town's name as a person's in the headline: the whole "person" is the
    # name the dateline and the story give the town
    ("Firefighters battle Tega Cay blaze. TEGA CAY — A house burned in Tega Cay on Sunday, and "
     "Tega Cay Fire Chief Tom Reed said nobody was hurt.", "Tega Cay", 20),
    # a name after a sentence that ends with a capitalised word ("on Sunday.")
    ("Crews fought a fire in Tega Cay on Sunday. Tega Cay Mayor David O'Neal praised the "
     "Tega Cay Volunteer Fire Department.", "Tega Cay", 43),
])
def test_a_repeated_name_is_a_place_where_the_model_reads_a_person(text, surface, start):
    _, ctx = places_of(text)
    assert any(p.start == start and p.text == surface for p in ctx.places)


@pytest.mark.parametrize("text, surface, feature", [
    # a county the text names in full, then without its unit word
    ("Teachers in Clarke County and Oconee County may lose their jobs. While Clarke and Oconee "
     "update their layoff policies, Georgia school boards wait.", "Oconee", "admin2"),
    ("Teachers in Clarke County and Oconee County may lose their jobs. While Clarke and Oconee "
     "update their layoff policies, Georgia school boards wait.", "Clarke", "admin2"),
    # not a well-known place of that name (guard)
    ("Officials in Washington County met on Monday. In Washington, lawmakers debated the budget.",
     "Washington", "city"),
])
def test_a_county_named_in_full_is_spread_to_its_short_name(text, surface, feature):
    _, ctx = places_of(text)
    assert place_named(ctx, surface).feature == feature


@pytest.mark.parametrize("text, surface", [
    # "Greer Station", "Mauldin Lake" read as people: a name ending in a feature's word is a
    # place's, so the town's own name is still spread to its last mention
    ("Greer, South Carolina. The city keeps growing. Downtown Greer, known as Greer Station, has "
     "new shops. Greer Station took on a new look in 2008. Visitors say Greer has the feel of a "
     "small town.", "Greer"),
    ("Mauldin, South Carolina. Mauldin Station has new shops, and Mauldin Lake draws visitors. "
     "Officials say Mauldin's parks are full every weekend.", "Mauldin"),
])
def test_a_name_ending_in_a_features_word_is_no_persons(text, surface):
    _, ctx = places_of(text)
    last = text.rindex(surface)
    assert any(p.start == last and p.text == surface for p in ctx.places)


@pytest.mark.parametrize("text, not_surface", [
    # a person named in full, then by the last name, which a small unit abroad bears too (a
    # parish of Bermuda): the person, not a place
    ("Drummer Jeff Hamilton grew up in Dayton. Hamilton will appear on national television this "
     "week.", "Hamilton"),
    ("Coach Mike Pembroke praised his players after the game. Pembroke said the team had earned "
     "the win.", "Pembroke"),
])
def test_a_last_name_is_no_place_unless_a_country_or_large_state_bears_it(text, not_surface):
    _, ctx = places_of(text)
    assert not_surface not in [p.text for p in ctx.places]


@pytest.mark.parametrize("text, not_surface", [
    # a surname the model once misreads is not spread to the person's other mentions
    ("Kristina Lopez opened a bakery in Sycamore, Illinois. Kristina said DeKalb County "
     "inspectors approved it.", "Kristina"),
    # a name before a word that makes another place
    ("Rangers closed Glenrock, New South Wales, for a week. The Glenrock Lagoon track reopens "
     "in May.", "Glenrock Lagoon"),
])
def test_a_repeated_name_is_not_spread_into_other_names(text, not_surface):
    _, ctx = places_of(text)
    assert all(not (p.text == not_surface or text[p.start:p.end + 7] == not_surface)
               for p in ctx.places)


@pytest.mark.parametrize("text, inner", [
    ("Sailors were rescued from Lake Ontario after their boat capsized near the shore.", "Ontario"),
    ("Storms in the Gulf of Alaska delayed the fishing fleet by a week.", "Alaska"),
    ("Residents of New Miami, a village north of Cincinnati, voted on the levy.", "Miami"),
    ("The bridal party walked into St George's Chapel before noon.", "St George"),
    ("Rangers reopened the trail through Canaan Valley on Sunday.", "Canaan"),
    # a site named after a place or a person
    ("Thousands rallied in Washington Square Park in New York City on Wednesday.", "Washington"),
    # a demonym before a feature word names the feature, not the country
    ("Talks on the future of the Korean Peninsula resumed in Geneva.", "Korean"),
])
def test_a_place_name_inside_a_longer_name_of_another_place_is_not_that_place(text, inner):
    _, ctx = places_of(text)
    assert inner not in [p.text for p in ctx.places]


def test_a_university_named_after_its_city_is_in_that_city():
    _, ctx = places_of("She earned a medical degree from the University of Toronto in 1992.")
    assert place_named(ctx, "Toronto").country == "CAN"


def test_a_sea_named_after_a_place_is_a_place_of_events_near_its_namesake():
    from eventwire.places import named_sites
    text = "Warships from eight nations are patrolling the Gulf of Aden, where pirates attacked a tanker."
    doc, ctx = places_of(text)
    assert "Aden" not in [p.text for p in ctx.places]      # the sea is not the city
    site = next(p for p in named_sites(ctx) if p.text == "Gulf of Aden")
    assert site.country == "YEM" and site.geonameid is None
    p = event_place(trigger_of(doc, "patrolling").sent, ctx, trigger_of(doc, "patrolling"))
    assert text[p.start:p.end] == "Gulf of Aden"


@pytest.mark.parametrize("text, trigger, not_surface", [
    ("Rep. John Ames, D-California, was killed in an ambush in northern Guyana in 1978.",
     "killed", "California"),
    ("Supporters rallied on Friday against the charter of the Organization of American States.",
     "rallied", "States"),
])
def test_a_politicians_state_and_a_place_inside_an_organisations_name_are_no_event_place(
        text, trigger, not_surface):
    doc, ctx = places_of(text)
    p = event_place(trigger_of(doc, trigger).sent, ctx, trigger_of(doc, trigger))
    assert p is None or p.start is None or text[p.start:p.end] != not_surface


def test_a_name_and_its_district_are_not_evidence_for_each_other():
    # "the Karak district" has a reading only in Pakistan; "Karak" is Jordan's in a text that
    # names Jordan, though the district's reading would otherwise vouch for Pakistan's Karak
    from eventwire.places.recognize import Mention
    from eventwire.places.resolve import resolve_mentions

    gaz = gazetteer()
    names = ["Karak district", "Karak", "Karak", "Jordan", "Canada", "Karak"]
    mentions, pos = [], 0
    for name in names:
        mentions.append(Mention(pos, pos + len(name), name, gaz.lookup(name)))
        pos += len(name) + 20
    chosen = resolve_mentions(mentions)
    assert {e.country for m, e in zip(mentions, chosen) if m.text == "Karak"} == {"JOR"}


def test_a_town_named_beside_its_namesake_unit_keeps_the_towns_reading():
    text = ("On 1 February 2022, militiamen attacked a displacement site near Djugu (Djugu "
            "territory, Ituri province), killing at least 60 people.")
    doc, ctx = places_of(text)
    p = event_place(trigger_of(doc, "attacked").sent, ctx, trigger_of(doc, "attacked"))
    assert p.feature == "city" and text[p.start:p.end] == "Djugu"


@pytest.mark.parametrize("text, trigger, surface, not_surface", [
    # a head of state or government named with the state they lead: who acts, not where
    ("Followers of the cleric burned an effigy of King Salman of Saudi Arabia during a "
     "demonstration in Baghdad on Monday.", "demonstration", "Baghdad", "Saudi Arabia"),
    ("Leaders met in Niamey on Sunday, where Presidents Muhammadu Buhari of Nigeria and "
     "Patrice Talon of Benin signed the agreement.", "signed", "Niamey", "Benin"),
    ("Angela Merkel, the Chancellor of Germany, demanded an explanation on Friday.",
     "demanded", None, "Germany"),
    ("Trump made calls to the leaders of Japan, China and Germany on Monday.",
     "calls", None, "Japan"),
    ("Yesterday, the Parliament of Iraq voted on a resolution.", "voted", None, "Iraq"),
])
def test_a_place_that_says_whose_office_or_body_is_no_event_place(text, trigger, surface, not_surface):
    chosen = _stated_place(text, trigger)
    assert chosen != not_surface
    assert chosen == surface


@pytest.mark.parametrize("text, trigger, surface", [
    # a state's own name that begins like an office is still the state
    ("Fighting erupted in the Democratic Republic of Congo on Monday.", "erupted", "Congo"),
    ("Protesters gathered in the capital of Kenya on Monday.", "gathered", "Kenya"),
])
def test_a_states_own_name_and_a_capital_of_a_state_stay_event_places(text, trigger, surface):
    p, _ = event_place_of(text, trigger)
    assert p.from_ == "trigger" and text[p.start:p.end] == surface


@pytest.mark.parametrize("text, trigger", [
    ("Trump attacked the judge on Twitter on Friday.", "attacked"),
    ("The minister announced on Facebook that suspects were in custody.", "announced"),
    ("Staffers sent misogynistic comments using Telegram, a messaging app.", "sent"),
])
def test_online_platforms_are_not_places(text, trigger):
    p, ctx = event_place_of(text, trigger)
    assert p is None
    assert not ctx.places


@pytest.mark.parametrize("text, trigger, surface", [
    # the EU acts; the place of the sanctions is not the EU
    ("The European Union imposed new sanctions on Monday.", "imposed", None),
    ("The EU condemned the crackdown in Minsk.", "condemned", "Minsk"),
    # but a sentence can put an event in the EU
    ("Thousands of migrants arrived in the EU last year.", "arrived", "EU"),
])
def test_the_european_union_is_an_event_place_only_where_the_sentence_puts_the_event_in_it(
        text, trigger, surface):
    chosen = _stated_place(text, trigger)
    assert chosen == surface


@pytest.mark.parametrize("text, surface, name, feature, lat, lon", [
    # seas, oceans and regions of the table, each at the middle of its members' points; a sea
    # is a natural feature ("other"), a region as broad as a continent
    ("Hundreds of migrants drowned in the Mediterranean last week.", "Mediterranean",
     "Mediterranean Sea", "other", 38, 16),
    ("A storm formed over the Atlantic on Sunday.", "Atlantic", "Atlantic Ocean", "other", 19, -27),
    ("Tensions rose across the Middle East after the strike.", "Middle East", "Middle East",
     "region", 29, 44),
    ("Chinese ships clashed with a Vietnamese vessel in the South China Sea.", "South China Sea",
     "South China Sea", "other", 13, 112),
    # "the Red Sea" is the sea, though a province of Sudan bears the name
    ("Houthi rebels attacked a ship in the Red Sea on Monday.", "Red Sea", "Red Sea", "other", 23, 37),
])
def test_seas_oceans_and_regions_are_places(text, surface, name, feature, lat, lon):
    _, ctx = places_of(text)
    p = place_named(ctx, surface)
    assert p.name == name and p.feature == feature and p.geonameid is None
    assert haversine_km(p.lat, p.lon, lat, lon) < 150


@pytest.mark.parametrize("text, surface, country", [
    # the ocean's name does not take the town's reading, nor the town the ocean's
    ("Residents of Atlantic, Iowa, protested on Monday.", "Atlantic", "USA"),
    ("The Atlantic City council met on Monday.", "Atlantic City", "USA"),
])
def test_towns_named_like_an_ocean_keep_their_reading(text, surface, country):
    _, ctx = places_of(text)
    p = place_named(ctx, surface)
    assert p.feature == "city" and p.country == country


@pytest.mark.parametrize("text, trigger, surface, namesake", [
    # a sea or strait named after a country is a site at the country's point, not the country
    ("A US destroyer sailed through the Taiwan Strait on Tuesday.", "sailed", "Taiwan Strait", "TWN"),
    ("The fleet held a joint drill in the Philippine Sea on Monday.", "drill", "Philippine Sea", "PHL"),
    ("Fishermen were rescued in the Irish Sea on Friday.", "rescued", "Irish Sea", "IRL"),
])
def test_a_sea_named_after_a_country_is_a_site_at_its_namesakes_point(text, trigger, surface, namesake):
    p, ctx = event_place_of(text, trigger)
    assert text[p.start:p.end] == surface and p.country == namesake and p.geonameid is None
    assert not any(q.country == namesake for q in ctx.places)


def test_a_regions_member_missing_from_the_gazetteer_is_an_error(tmp_path):
    path = tmp_path / "regions.yaml"
    path.write_text("- name: Nowhere Sea\n  kind: sea\n  members: [Qwxzyville]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="Qwxzyville"):
        gazetteer().load_regions(path)


@pytest.mark.parametrize("text, trigger, surface, not_surface", [
    # a place that only says where a group is, or whose it is, when not tied to the event
    ("The prime minister recommended that the United States troops in Iraq withdraw.",
     "recommended", None, "Iraq"),
    ("Analysts in Washington said the government had threatened to cut crude oil supplies.",
     "threatened", None, "Washington"),
    ("Yesterday, the parliament voted on a resolution to expel United States troops from the "
     "country.", "expel", None, "United States"),
    # tied to the event's word, the group's place is where it happened
    ("Protesters in Caracas clashed with police on Tuesday.", "clashed", "Caracas", None),
    ("Journalists at the airport in Kabul were detained on Monday.", "detained", "Kabul", None),
    # the event's own word may be a group noun's neighbour: "troops" is not the trigger here
    ("Police arrested two men in Lahore, where troops were deployed.", "arrested", "Lahore", None),
])
def test_a_place_that_only_locates_a_group_is_no_event_place(text, trigger, surface, not_surface):
    chosen = _stated_place(text, trigger)
    assert chosen != not_surface
    assert chosen == surface


@pytest.mark.parametrize("text, trigger, surface", [
    # a building an attack verb takes as object is the scene of the attack
    ("Twin bombings yesterday struck the Jolo Cathedral in Mindanao, Philippines.", "struck",
     "Jolo Cathedral"),
    ("Militants stormed the Serena Hotel in Kabul on Friday.", "stormed", "Serena Hotel"),
])
def test_a_building_an_attack_takes_as_object_is_the_events_site(text, trigger, surface):
    p, _ = event_place_of(text, trigger)
    assert text[p.start:p.end] == surface and p.from_ == "trigger"


@pytest.mark.parametrize("text", [
    # an institution as the object of words, not of an attack, is a body
    "The senator criticized the Harvard University on Monday.",
    "The ministry praised the Jolo Cathedral for its charity work.",
])
def test_an_institution_criticized_is_no_site(text):
    _, ctx = places_of(text)
    from eventwire.places import named_sites
    assert not [s for s in named_sites(ctx) if s.text.endswith(("University", "Cathedral"))]


@pytest.mark.parametrize("text, trigger, surface", [
    # the parse hangs the place on the verb's duration: still the verb's own place
    ("In Kenya, hundreds of students protested for two hours outside the parliament in Nairobi.",
     "protested", "Nairobi"),
    ("In Iraq, dozens of people demonstrated for hours outside the governor's office in Basra.",
     "demonstrated", "Basra"),
    # a gerund as a noun keeps the place below it ("killed in fighting with X in Y"), and
    # "pro-Russia separatists" says whose side, not where
    ("Relatives mourned a serviceman who was killed in fighting with pro-Russia separatists in "
     "eastern Ukraine.", "killed", "Ukraine"),
    ("Mourners buried a guard who was killed in fighting with pro-government militias in southern "
     "Libya, at a funeral in Tripoli.", "killed", "Libya"),
])
def test_a_place_below_a_duration_or_a_gerund_is_the_events(text, trigger, surface):
    p, _ = event_place_of(text, trigger)
    assert text[p.start:p.end] == surface and p.from_ == "trigger"


@pytest.mark.parametrize("text, trigger, surface", [
    # an attack that is the subject of "struck", "rocked", "killed" happened where it hit
    ("Twin bombings yesterday struck the Jolo Cathedral in Mindanao, Philippines.", "bombings",
     "Jolo Cathedral"),
    ("A powerful blast rocked a market in Peshawar on Friday, officials said in Islamabad.", "blast",
     "Peshawar"),
    ("The explosion killed five people near a mosque in Kunduz, the governor told reporters in Kabul.",
     "explosion", "Kunduz"),
])
def test_an_attack_happened_where_the_verb_it_is_subject_of_hit(text, trigger, surface):
    p, _ = event_place_of(text, trigger)
    assert text[p.start:p.end] == surface and p.from_ == "trigger"


@pytest.mark.parametrize("text, surface, country, feature", [
    # islands and lands GeoNames keeps as no populated place: not a namesake village
    ("Twin bombings struck a cathedral in Mindanao on Sunday.", "Mindanao", "PHL", "admin1"),
    ("Floods displaced thousands in Java and Sumatra.", "Java", "IDN", "admin1"),
    ("Fighting resumed in Darfur on Sunday.", "Darfur", "SDN", "admin1"),
    ("Fires burned across Borneo.", "Borneo", "", "region"),
    # a land GeoNames holds under no name of its own
    ("Troops fired on protesters in Kashmir on Friday.", "Kashmir", "IND", "admin1"),
    # ... not in the name of the province that holds part of it
    ("Police arrested five men in Jammu and Kashmir on Monday.", "Jammu and Kashmir", "IND", "admin1"),
])
def test_islands_and_lands_resolve_to_the_land(text, surface, country, feature):
    _, ctx = places_of(text)
    p = place_named(ctx, surface)
    assert p.feature == feature and (p.country or "") == country


@pytest.mark.parametrize("text, trigger, surface", [
    # the paragraph's place: a town named with its state or country, not the state
    ("Police gathered in Ferguson, Missouri, on Monday. Officers fired tear gas at the crowd.",
     "fired", "Ferguson"),
    # a paragraph that names a country and a town of it is about the town
    ("Police in Tehran made arrests across Iran on Monday. The prosecutor issued warrants for 36 "
     "people.", "issued", "Tehran"),
])
def test_the_paragraphs_place_is_its_town_not_the_unit_holding_it(text, trigger, surface):
    p, _ = event_place_of(text, trigger)
    assert text[p.start:p.end] == surface and p.from_ == "paragraph"


def test_a_document_about_one_town_of_its_country_happened_there():
    text = ("A journalist from Yemen died in the city of Aden, in southern Yemen, on Tuesday.\n\n"
            "Yemen's government condemned the killing.\n\nMultiple assailants attacked him shortly "
            "after he left his home.")
    p, _ = event_place_of(text, "attacked")
    assert text[p.start:p.end] == "Aden" and p.from_ == "document"


@pytest.mark.parametrize("text, absent", [
    # a person named in full, then by the last name alone: the person, not a village
    ("Yesterday, Ukrainian President Volodymyr Zelensky declined Prime Minister Oleksiy Honcharuk's "
     "offer to resign. Honcharuk filed his resignation after the recording was uploaded.", "Honcharuk"),
])
def test_a_surname_after_the_full_name_is_no_village(text, absent):
    rec = extract(text, date="2020-01-18")
    assert absent not in [p.text for p in rec.places]


def test_a_country_sharing_a_persons_name_is_still_a_country():
    rec = extract("Basketball star Michael Jordan visited Jordan on Monday.", date="2020-01-18")
    assert "JOR" in [p.country for p in rec.places]


@pytest.mark.parametrize("text, absent", [
    # the tagger took only "Yulín Cruz" for the person: "Carmen" is her first name, not the
    # town in Mexico or the Philippines
    ("San Juan Mayor Carmen Yulín Cruz criticized the federal response to the hurricane on Tuesday.",
     "Carmen"),
    ("Protesters marched in San Juan on Monday. Carmen Yulín Cruz, the mayor, joined them.", "Carmen"),
    # the tagger read "Nadia Moayyad" as an organisation; the text calls her "Ms. Moayyad"
    ("Ms. Moayyad moved to North Texas in 1973. \"She was a very kind lady,\" said her "
     "daughter-in-law Nadia Moayyad of Southlake.", "Nadia"),
])
def test_a_first_name_before_a_persons_name_is_no_place(text, absent):
    _, ctx = places_of(text)
    assert absent not in [p.text for p in ctx.places]


def test_a_town_before_a_comma_and_a_persons_name_is_still_a_town():
    _, ctx = places_of("In Carmen, Juan Pérez was arrested by the police on Monday.")
    assert place_named(ctx, "Carmen").country == "MEX"


def test_two_local_names_do_not_flip_each_other_between_passes():
    # the Ohio reading of "Clark County" (the most populous) once pulled "London" to London,
    # Ohio, and London, Ohio then pulled "Clark County" back; the document is about Kentucky
    _, ctx = places_of("The trailers sent to Clark County were old, said the director of emergency "
                       "planning in Clark County. Laurel County got the same trailers, and officials in "
                       "London and across Kentucky complained.")
    assert {p.admin1 for p in ctx.places if p.text in ("Clark County", "London")} == {"Kentucky"}


@pytest.mark.parametrize("text, surface, admin1", [
    # a county of the state the story names again and again, not of a state named once in passing
    ("Boone County's jobless rate rose to 6 percent, the Indiana labor office said. Indiana's rate "
     "is the highest since 1983, and Indiana officials expect more layoffs across Indiana this "
     "spring. Kentucky's rate also rose.", "Boone County", "Indiana"),
    ("Flooding closed roads in Montgomery County on Tuesday. Indiana police said the rivers of "
     "Indiana would crest on Friday, and the Indiana governor sent crews. Ohio also saw rain.",
     "Montgomery County", "Indiana"),
    # a state named once still places the county when it is the only one named
    ("Flooding closed roads in Boone County on Tuesday, and Kentucky police warned drivers.",
     "Boone County", "Kentucky"),
])
def test_a_homonym_lies_in_the_state_the_story_names_most(text, surface, admin1):
    _, ctx = places_of(text)
    assert place_named(ctx, surface).admin1 == admin1


@pytest.mark.parametrize("text, trigger, surface, stated", [
    # a statement happens where the text puts its speaker ...
    ("The minister said in Kabul that talks would resume.", "said", "Kabul", True),
    ("Protesters in Tehran demanded the release of the students.", "demanded", "Tehran", True),
    ("The foreign minister met his counterpart in Cairo and said they had agreed on a truce.",
     "agreed", "Cairo", True),
    # ... not where another predicate of its sentence happened: the report it is told in,
    ("\"We agreed to strongly demand North Korea show restraint,\" Abe told reporters in Tokyo.",
     "agreed", "Tokyo", False),
    # a clause that describes a participant,
    ("The father of a Jordanian pilot captured in Syria is pleading with the group for his return.",
     "pleading", "Syria", False),
    ("The president supports the decision to keep American troops in Afghanistan.",
     "supports", "Afghanistan", False),
    # a coordinated clause with a subject of its own,
    ("Protesters stormed the embassy in Tehran and the foreign minister condemned the attack.",
     "condemned", "Tehran", False),
    # or a place that only qualifies what the statement is about
    ("The senator criticized the meddling in Ukraine's politics.", "criticized", "Ukraine", False),
])
def test_a_statement_is_placed_where_its_sentence_puts_it(text, trigger, surface, stated):
    doc, ctx = places_of(text)
    tok = trigger_of(doc, trigger)
    p = event_place(tok.sent, ctx, tok, locative_only=True)
    assert (p is not None and text[p.start:p.end] == surface and p.from_ in ("trigger", "clause", "sentence")) \
        == stated


@pytest.mark.parametrize("text, surface, name, admin1", [
    # a list ending in "counties" names counties, not the towns of those names elsewhere
    ("As many as 850 volunteers from Camden and Charlton counties in Georgia and Nassau and Baker "
     "counties in Florida will clean the St. Marys River today.", "Camden", "Camden County", "Georgia"),
    ("As many as 850 volunteers from Camden and Charlton counties in Georgia and Nassau and Baker "
     "counties in Florida will clean the St. Marys River today.", "Nassau", "Nassau County", "Florida"),
    # a town named alone stays the town
    ("Volunteers from Camden, Delaware, cleaned the river today.", "Camden", "Camden", "Delaware"),
])
def test_names_listed_before_counties_are_the_counties(text, surface, name, admin1):
    _, ctx = places_of(text)
    place = place_named(ctx, surface)
    assert (place.name, place.admin1) == (name, admin1)


@pytest.mark.parametrize("text, absent, present", [
    # a maker before its product: the car, not Toyota City in Japan
    ("She was struck by a gray 2013 Toyota Camry heading north on 117th St. in Queens, police said.",
     "Toyota", "Queens"),
    # the model year before it and the model after it, untagged here
    ("Vishwanand Subryan , 23 , of Richmond Hill , N . Y . , allegedly mowed into the older woman "
     "with his gray 2013 Toyota Camry around 7 p . m . , police said .", "Toyota", "Richmond Hill"),
    # a news outlet named after its kind: not the Dutch island of Saba, not Alia in Sicily
    ("Yemen's official news agency SABA reported that pirates seized two fishing boats in the Gulf "
     "of Aden.", "SABA", "Yemen"),
    ("Earlier this month the Georgian tabloid Alia reported that Bitsadze had resigned in Tbilisi.",
     "Alia", "Tbilisi"),
    # an outlet named after a province holds no place either (Fars, Tasnim's neighbour agency)
    ("The semi-official news agency Fars reported that police had detained a journalist in Tehran.",
     "Fars", "Tehran"),
    ("A correspondent of the daily Punjab told reporters that the march reached Lahore.",
     "Punjab", "Lahore"),
    # a source that names no well-known place (the model tags it GPE here): the agency
    ("Heavy rain triggered landslides that blocked a 2-kilometre section of a river, according to "
     "Xinhua.\nPictures from the scene showed rescuers in Sichuan.", "Xinhua", "Sichuan"),
    # a country glued to a press word names the agency: Agence France-Presse reports from Peru
    ("At least nine miners died in the flooded shaft, Agence France-Presse reported from Lima.",
     "France", "Lima"),
    # an acronym before a common noun: a police unit, not the Swat district of Pakistan
    ("Two more officers died when the city's SWAT team stormed an apartment in Oakland.", "SWAT", "Oakland"),
    ("SWAT team members and other officers surrounded the house in Dayton on Wednesday.", "SWAT", "Dayton"),
    # the model's organisation, a place only by another town's alternate name (Hamm, Germany)
    ("He accepted there had been clashes between Hamas and the Israeli army in the area of the "
     "school in Gaza.", "Hamas", "Gaza"),
])
def test_companies_agencies_and_units_are_no_places(text, absent, present):
    _, ctx = places_of(text)
    names = [p.text for p in ctx.places]
    assert absent not in names
    assert present in names


@pytest.mark.parametrize("text, surface, country", [
    # tagged ORG, read only by an alternate name, but "in southern X" makes it a place
    ("Nine other fighters were killed in southern Kobane during an attack by our forces.", "Kobane", "SYR"),
    # tagged ORG once, GPE elsewhere in the text
    ("The army patrolled the streets of the capital, Katmandu. Explosions in Katmandu killed two "
     "people.", "Katmandu", "NPL"),
    # a state before "news reports", a country that "said": places all the same
    ("The teacher was arrested in Miami, according to South Florida news reports.", "Florida", "USA"),
    ("Russia said it would send more troops to Syria.", "Russia", "RUS"),
    # a country after an outlet word is still the country
    ("The state television Iran showed pictures of the rally.", "Iran", "IRN"),
])
def test_places_named_like_organisations_stay_places(text, surface, country):
    _, ctx = places_of(text)
    assert place_named(ctx, surface).country == country


@pytest.mark.parametrize("text, surface, reason", [
    ("She was struck by a gray 2013 Toyota Camry in Queens.", "Toyota", "maker"),
    ("Yemen's official news agency SABA reported that pirates seized two boats.", "SABA", "outlet"),
    ("Two officers died when the city's SWAT team stormed an apartment in Oakland.", "SWAT", "acronym"),
])
def test_why_a_name_is_an_organisation(text, surface, reason):
    from eventwire.places.recognize import Mention, names_organisation
    doc = load_nlp()(text)
    start = text.index(surface)
    mention = Mention(start, start + len(surface), surface, gazetteer().lookup(surface))
    ents = {t: ent for ent in doc.ents for t in range(ent.start, ent.end)}
    assert names_organisation(doc, mention, ents) == reason


@pytest.mark.parametrize("text, surface, country", [
    # Gaza the city and Gaza the governorate that holds it outweigh the Mozambican province
    ("The envoy urged donors to send aid to Gaza.", "Gaza", "PSE"),
    # the province where the text says so
    ("Floods displaced thousands in Gaza province, and Mozambique's government asked for help.",
     "Gaza province", "MOZ"),
])
def test_a_city_inside_its_namesake_unit_takes_the_units_weight(text, surface, country):
    _, ctx = places_of(text)
    assert place_named(ctx, surface).country == country


@pytest.mark.parametrize("text, trigger, surface", [
    # the caption's town would be the nearest place before the event; the paragraph's own
    # country is the event's place
    ("Police detained dozens of opposition supporters across Belarus on Sunday. "
     "FILE - Riot police block a street during a rally in Minsk, Belarus, Aug. 16, 2020. "
     "Officers said they had also arrested the organisers.", "arrested", "Belarus"),
    ("Soldiers stormed a hotel held by gunmen in Mali on Friday. Troops patrol a street in "
     "Bamako, Mali, Nov. 21, 2015. The gunmen had killed several guests before the assault.",
     "killed", "Mali"),
])
def test_a_photo_caption_set_into_a_paragraph_lends_it_no_place(text, trigger, surface):
    place, _ = event_place_of(text, trigger)
    assert (text[place.start:place.end], place.from_) == (surface, "paragraph")
    assert place.start < text.index(". ") + 1     # the paragraph's first sentence, not the caption


def test_a_captions_own_event_keeps_its_place():
    text = ("Police detained dozens of opposition supporters across Belarus on Sunday. "
            "FILE - Riot police detain a man during a rally in Minsk, Belarus, Aug. 16, 2020.")
    place, _ = event_place_of(text, "detain")
    assert (text[place.start:place.end], place.from_) == ("Minsk", "trigger")


@pytest.mark.parametrize("sentence, caption", [
    ("FILE - Afghan women carry a coffin during a funeral in Kabul, March 22, 2015.", True),
    ("PHOTO: Protesters march in Caracas.", True),
    ("Law enforcement officers detain a man during a rally in Moscow, Russia, March 26, 2017.", True),
    ("Police detained dozens of protesters in Moscow on Sunday.", False),
    ("The file was sent to prosecutors in March 2017.", False),
    ("", False),
])
def test_photo_captions_are_told_from_story_sentences(sentence, caption):
    from eventwire.places import photo_caption
    assert photo_caption(sentence) is caption


@pytest.mark.parametrize("text, surface", [
    # the paragraph names only the country; the story is set in one town of it
    ("Protesters clashed with police in the city of Mandalay on Sunday.\n"
     "The junta in Myanmar has banned gatherings. Soldiers later arrested the organisers.", "Mandalay"),
    # two towns of the country: the paragraph's country stays
    ("Protesters clashed with police in Mandalay and in Yangon on Sunday.\n"
     "The junta in Myanmar has banned gatherings. Soldiers later arrested the organisers.", "Myanmar"),
    # a town named only in a photo caption does not set the story there
    ("Protesters clashed with police on Sunday. FILE - Riot police stand guard in Mandalay, "
     "Myanmar, Feb. 28, 2021.\n"
     "The junta in Myanmar has banned gatherings. Soldiers later arrested the organisers.", "Myanmar"),
])
def test_a_paragraphs_country_is_the_one_town_the_story_is_set_in(text, surface):
    place, _ = event_place_of(text, "arrested")
    assert (place.name if surface == "Myanmar" else text[place.start:place.end], place.from_) == (
        surface, "paragraph")


@pytest.mark.parametrize("text, trigger, surface, holder", [
    # "Y's X": the known place's possessive is no part of the name after it
    ("Inmates in Istanbul's Bayrampasa prison seized 25 guards on Friday.", "seized",
     "Bayrampasa", "Istanbul"),
    ("Mortars fell on Sarajevo's Dobrinja suburb overnight, killing two people.", "fell",
     "Dobrinja", "Sarajevo"),
    # a day after the name is the date's, not the name's
    ("Snipers shot a French soldier in the Sarajevo suburb of Dobrinja Friday morning.", "shot",
     "Dobrinja", "Sarajevo"),
])
def test_a_site_name_stands_apart_from_its_owner_and_its_day(text, trigger, surface, holder):
    place, ctx = event_place_of(text, trigger)
    assert (text[place.start:place.end], place.from_) == (surface, "trigger")
    assert place.country == place_named(ctx, holder).country


@pytest.mark.parametrize("text", [
    "In villages like Cailaco and Manapa, militias burned down entire neighbourhoods.",
    "At towns across the north, soldiers searched houses.",
])
def test_a_capitalised_preposition_is_no_site(text):
    from eventwire.places import named_sites
    _, ctx = places_of(text)
    assert not [p.text for p in ctx.places + named_sites(ctx) if p.text in ("In", "At")]


@pytest.mark.parametrize("text, surface, country", [
    # a state's long-form name, tagged an organisation or said to speak: the state, not the
    # short name inside it ("Korea" alone reads as South Korea)
    ("The Democratic People's Republic of Korea launched a missile on Sunday.",
     "Democratic People's Republic of Korea", "PRK"),
    ("The Islamic Republic of Iran said the tanker had entered its waters.", "Islamic Republic of Iran", "IRN"),
    # a country's name that goes on past the model's entity
    ("The U.S. Virgin Islands were hit by the storm on Monday.", "U.S. Virgin Islands", "VIR"),
    ("Flooding hit Trinidad and Tobago on Monday.", "Trinidad and Tobago", "TTO"),
])
def test_a_states_full_name_is_read_whole(text, surface, country):
    _, ctx = places_of(text)
    assert place_named(ctx, surface).country == country


@pytest.mark.parametrize("text, surface, country", [
    # an organisation named after its state stays the state's short name, no longer name
    ("The U.S. Army said troops landed in Poland.", "U.S.", "USA"),
    ("Officials of the Republic of Korea met envoys in Seoul.", "Republic of Korea", "KOR"),
])
def test_names_that_only_begin_with_a_state_keep_their_own_length(text, surface, country):
    _, ctx = places_of(text)
    assert place_named(ctx, surface).country == country


@pytest.mark.parametrize("text, trigger, surface, origin", [
    # an offensive launched "to capture X" is fought for X: X is its place, before the
    # province the launch is put in
    ("Rebel fighters launched an offensive in Idlib province on Monday to capture the town of Saraqib.",
     "launched", "Saraqib", "trigger"),
    ("Insurgents launched an attack in Anbar to take Ramadi.", "attack", "Ramadi", "trigger"),
    ("Government troops advanced to recapture Kidal after the rebels withdrew.", "advanced", "Kidal", "trigger"),
    ("Turkey-backed militants began an operation to capture the ISIS-held town of Dabiq.",
     "began", "Dabiq", "trigger"),
    # a purpose that takes no place keeps the place the act is put in
    ("Security forces raided a house in Basra to arrest a suspect wanted in Najaf.", "raided", "Basra", "trigger"),
    ("Police arrested two men in Lagos to stop a march to Abuja.", "arrested", "Lagos", "trigger"),
    # a plain attack on a place is unchanged
    ("Rebel fighters captured Kidal on Tuesday, a spokesman in Bamako said.", "captured", "Kidal", "trigger"),
])
def test_the_place_an_offensive_is_launched_to_take_is_its_place(text, trigger, surface, origin):
    place, _ = event_place_of(text, trigger)
    assert (text[place.start:place.end], place.from_) == (surface, origin)


@pytest.mark.parametrize("text, not_a_place", [
    # "X-held", "X-controlled", "X-led": the holder or leader of what follows, no place's name
    ("Turkey-backed militants began an operation to capture the ISIS-held town of Dabiq.", "ISIS-held"),
    ("Fighters launched an overnight assault on the Islamist-controlled district of Al-Hillak.",
     "Islamist-controlled"),
    ("A blast targeted an official of the Ahmad Madobe-led Jubba administration in Kismayo.",
     "Ahmad Madobe-led Jubba"),
])
def test_a_holders_participle_is_no_place_name(text, not_a_place):
    from eventwire.places import named_sites
    _, ctx = places_of(text)
    names = [text[p.start:p.end] for p in ctx.places + named_sites(ctx)]
    assert not_a_place not in names
    assert not any("-held" in n or "-controlled" in n or "-led" in n for n in names), names


@pytest.mark.parametrize("text, surface, country", [
    # a country that backs or leads a side does not hold the places the side fights for (the
    # text names no holder: Dabiq is a place of no country, not a town of Turkey)
    ("Turkey-backed militants began an operation to capture the ISIS-held town of Dabiq.", "Dabiq", None),
    # ... while a place named beside its holder still lies in it
    ("Turkey-backed militants began an operation to capture the town of Dabiq in Syria.", "Dabiq", "SYR"),
    ("Troops entered the rebel-held town of Dabiq in northern Syria on Monday.", "Dabiq", "SYR"),
])
def test_a_backer_is_no_holder(text, surface, country):
    from eventwire.places import named_sites
    _, ctx = places_of(text)
    found = [p for p in ctx.places + named_sites(ctx) if text[p.start:p.end] == surface]
    assert found and {p.country for p in found} == {country}


def test_a_controlling_state_still_holds_the_land_it_controls():
    _, ctx = places_of("Militants raided a village in Indian-controlled Kashmir on Tuesday.")
    assert place_named(ctx, "Kashmir").country == "IND"


@pytest.mark.parametrize("text, trigger, country", [
    # a town that owns a named site after "in" is a place, not a person or a company
    ("Rioters set fire to shops in Honiara's Chinatown for a second day on Thursday.", "set", "SLB"),
    # guard: a town the model already reads as one
    ("A car bomb exploded in Baghdad's Karrada district on Sunday.", "exploded", "IRQ"),
    # "the X neighbourhood of Y": Y is the city, X its part, even when a word of X is a
    # village elsewhere ("Salim" is one near Nablus)
    ("Rockets fell on the Abu Salim neighbourhood of Tripoli on Monday.", "fell", "LBY"),
    ("Rockets fell on the Abu Salim neighbourhood of Tripoli (Tripoli district) on Monday.", "fell", "LBY"),
])
def test_a_named_part_of_a_town_lies_in_that_town(text, trigger, country):
    place, _ = event_place_of(text, trigger)
    assert place is not None and place.country == country


@pytest.mark.parametrize("text, absent", [
    # a person owning a speech or a thing is no place
    ("The crowd cheered Nasrallah's speech in Beirut on Friday.", "Nasrallah"),
    ("Protesters gathered outside Trump's tower in New York.", "Trump"),
])
def test_an_owner_of_a_thing_is_no_place(text, absent):   # guards of the rule above
    _, ctx = places_of(text)
    assert absent not in [text[p.start:p.end] for p in ctx.places]


def test_the_larger_town_is_the_city_of_a_named_part():
    # "the Cincinnati suburb of West Chester": the part comes after "of", the city before
    _, ctx = places_of("Abdulkader, from the Cincinnati suburb of West Chester, pleaded guilty.")
    assert place_named(ctx, "West Chester").country == "USA"
    assert place_named(ctx, "Cincinnati").country == "USA"


@pytest.mark.parametrize("text, surface, feature, country", [
    # "the province of X", as "X province": the unit, not the town of that name
    ("Rebels shelled army posts across the province of Aleppo on Tuesday.", "Aleppo", "admin1", "SYR"),
    ("Gunmen shot two guards in the western province of Herat on Monday.", "Herat", "admin1", "AFG"),
    ("Three soldiers died in a roadside blast in the southern province of Kandahar.", "Kandahar",
     "admin1", "AFG"),
    ("Farmers blocked highways in the state of Durango to protest water quotas.", "Durango", "admin1", "MEX"),
    # guards: a unit the gazetteer knows under no town of its name is read so already; "the
    # state of X" where X is no first-level unit stays the country; "head of state of X" frames
    # no unit
    ("Police detonated a device found in Manila's neighbouring province of Pampanga.", "Pampanga",
     "admin2", "PHL"),
    ("The state of Israel signed the water accord with Jordan.", "Israel", "country", "ISR"),
    ("The head of state of Iran spoke at the summit in Tehran.", "Iran", "country", "IRN"),
])
def test_the_name_after_a_unit_word_and_of_is_that_unit(text, surface, feature, country):
    p = place_named(places_of(text)[1], surface)
    assert (p.feature, p.country) == (feature, country)


def test_the_unit_and_its_town_are_resolved_apart_in_one_text():
    text = "Rebels fought in Hama on Monday, and troops shelled villages across the province of Hama."
    _, ctx = places_of(text)
    by_start = {p.start: p for p in ctx.places if p.text == "Hama"}
    town, unit = (by_start[s] for s in sorted(by_start))
    assert (town.feature, unit.feature) == ("city", "admin1")


@pytest.mark.parametrize("text, trigger, surface", [
    # "the settlement(s) of X" names X as a place, as "the village of X" does, and the event
    # that shells the settlement happened there rather than in the province the text opens with
    ("In the province of Hama, militants shelled the settlements of Maharda and Suqaylabiyah overnight.",
     "shelled", "Maharda"),
    ("Army units shelled the settlement of Maharda in the province of Hama on Friday.", "shelled", "Maharda"),
    # guard: a settlement the gazetteer holds under its own name, named plainly
    ("Militants shelled Maharda in the province of Hama on Friday.", "shelled", "Maharda"),
])
def test_a_settlement_of_x_is_a_place_and_the_place_of_what_hits_it(text, trigger, surface):
    place, _ = event_place_of(text, trigger)
    assert place is not None and text[place.start:place.end] == surface


@pytest.mark.parametrize("text, trigger, surface", [
    # a common noun between the place and the event's participant: the place qualifies a
    # person or thing ("a Toronto hockey coach"), it does not name the participant's site
    ("John Smith, a Toronto hockey coach on holiday in Nairobi, was shot in the arm on Sunday.", "shot", "Nairobi"),
    ("Anna Berg, a Chicago bank clerk visiting Lagos, was killed on Friday.", "killed", "Lagos"),
    # guards: a unit word or a site word on the way still names the place
    ("The town of Saraqib, a rebel stronghold, was shelled on Monday.", "shelled", "Saraqib"),
    ("The Kabul office of the charity was bombed on Monday.", "bombed", "Kabul"),
])
def test_a_place_that_qualifies_a_person_is_not_the_persons_site(text, trigger, surface):
    place, _ = event_place_of(text, trigger)
    assert place is not None and text[place.start:place.end] == surface


@pytest.mark.parametrize("text, trigger, surface", [
    # "(Kyiv time)", "Moscow time": the zone of a clock, not where anything happened
    ("The offensive began at 4 a.m. (Kyiv time) when troops stormed the village of Pisky.",
     "began", "Pisky"),
    ("Shelling resumed at 6 a.m. Moscow time in the town of Avdiivka.", "resumed", "Avdiivka"),
    # guards: the town itself, and a clock with no place in its zone
    ("The attack began at dawn in Damascus.", "attack", "Damascus"),
    ("Rebels attacked an army post in Aleppo at 9 p.m. local time.", "attacked", "Aleppo"),
])
def test_a_clocks_zone_is_no_place_of_the_event(text, trigger, surface):
    place, _ = event_place_of(text, trigger)
    assert place is not None and text[place.start:place.end] == surface


@pytest.mark.parametrize("text, trigger, surface", [
    # "the Aegean island of Lesbos": the phrase names the place after "of"; the sea, region
    # or owner before the unit word only says where it lies, whatever the grain of the two
    ("The smuggler was captured on the Aegean island of Lesbos on Tuesday.", "captured", "Lesbos"),
    ("Two tourists were killed on the Pacific island of Guam.", "killed", "Guam"),
    ("The ferry sank off the Ionian island of Corfu.", "sank", "Corfu"),
    ("Troops stormed the Christian town of Qaraqosh on Sunday.", "stormed", "Qaraqosh"),
    ("Police arrested ten men in Manila's northern province of Bulacan.", "arrested", "Bulacan"),
    # guards: a word for a part ("the X neighbourhood of Y") and a bare name before its unit
    # word ("X town of Y") name the part and the town
    ("A bomb exploded in the Karrada neighbourhood of Baghdad on Monday.", "exploded", "Karrada"),
    ("Gunmen killed five people in Konduga town of Borno State.", "killed", "Konduga"),
    ("Protesters marched through the West Bank town of Hebron.", "marched", "Hebron"),
])
def test_the_unit_phrase_names_the_place_after_of(text, trigger, surface):
    place, _ = event_place_of(text, trigger)
    assert place is not None and text[place.start:place.end] == surface


@pytest.mark.parametrize("text, trigger, surface, holder", [
    # a word for what the site serves between the name and the site's word ("the X refugee
    # camp", "the X border crossing", "the X army base", "X maternity hospital"): a site,
    # though the model tags its name an organisation
    ("Two bombs exploded inside the Jalazone refugee camp near Ramallah on Monday.", "exploded", "Jalazone",
     "Ramallah"),
    ("Gunmen killed four customs officers at the Trebil border crossing in Anbar province.", "killed", "Trebil",
     "Anbar"),
    ("Rebels attacked soldiers near the Kefrazi army base east of Aleppo.", "attacked", "Kefrazi", "Aleppo"),
    ("A rocket fell on the Zahra maternity hospital in Aleppo on Sunday.", "fell", "Zahra", "Aleppo"),
])
def test_a_site_named_before_a_modifier_and_its_word_is_the_event_place(text, trigger, surface, holder):
    from eventwire.places import named_sites
    place, ctx = event_place_of(text, trigger)
    assert place is not None and (text[place.start:place.end], place.from_) == (surface, "trigger")
    assert place.country == place_named(ctx, holder).country
    assert surface in [p.text for p in ctx.places + named_sites(ctx)]


@pytest.mark.parametrize("text, not_a_site", [
    # guards: an owner after "a" ("a Hamas bomb factory"), and a site word that only modifies
    # the noun after it ("university students")
    ("Police found explosives in a Hamas bomb factory near Hebron on Monday.", "Hamas"),
    ("Several Khartoum university students marched on Sunday.", "Several"),
])
def test_an_owner_or_a_modifier_before_a_site_word_is_no_site(text, not_a_site):
    from eventwire.places import named_sites
    _, ctx = places_of(text)
    assert not_a_site not in [p.text for p in ctx.places + named_sites(ctx)]


@pytest.mark.parametrize("text, trigger, surface", [
    # a place inside a news agency's or a channel's name is no place of the event: the French
    # word for press ("Agence France-Presse") and a channel's number ("France 2 television")
    ("Agence France Presse reported that two soldiers were shot on Monday.", "shot", None),
    ("A cameraman for France 2 television was shot on Monday.", "shot", None),
    # guards: the country itself, and a place beside the agency's name
    ("Two soldiers were shot in France on Monday, the agency said.", "shot", "France"),
    ("Agence France Presse reported that two soldiers were shot in Lyon.", "shot", "Lyon"),
])
def test_a_place_in_an_agencys_or_channels_name_is_no_event_place(text, trigger, surface):
    place, _ = event_place_of(text, trigger)
    stated = place is not None and place.from_ in ("trigger", "clause", "sentence")
    assert (text[place.start:place.end] if stated else None) == surface


@pytest.mark.parametrize("text, trigger, surface", [
    # "X south of Y", "the X province to the west of Y": a direction from Y right after another
    # place (or its unit or site word) only says where that place lies
    ("Rebels killed nine villagers in the Medea province to the west of Algiers.", "killed", "Medea"),
    ("Students at Assiut University south of Cairo protested on Monday.", "protested", "Assiut"),
    ("A suicide bomber struck a market in a town near the city of Samarra north of Baghdad.", "struck", "Samarra"),
    # guards: a direction from Y with no place before it is the event's place
    ("Gunmen ambushed a convoy south of Baghdad on Friday.", "ambushed", "Baghdad"),
    ("Police captured the suspects on a road east of Caracas.", "captured", "Caracas"),
    ("Two soldiers were killed in Samarra, and a bomb exploded north of Baghdad.", "exploded", "Baghdad"),
])
def test_a_direction_from_a_place_after_another_locates_that_place(text, trigger, surface):
    place, _ = event_place_of(text, trigger)
    assert place is not None and text[place.start:place.end] == surface


@pytest.mark.parametrize("text, surface", [
    # the plural unit words frame a name as their singulars do: "the cities of X", "the
    # neighbourhoods of X"
    ("The cities of Kefrazi and Tamrini were shelled on Monday.", "Kefrazi"),
    ("Air raids hit the neighbourhoods of Bardeeni and Qurnawi in Aleppo.", "Bardeeni"),
    ("Air raids hit the neighborhoods of Bardeeni and Qurnawi in Aleppo.", "Bardeeni"),
    # guard: the singular, as before
    ("Air raids hit the neighbourhood of Bardeeni in Aleppo.", "Bardeeni"),
])
def test_a_plural_unit_word_frames_the_name_after_of(text, surface):
    from eventwire.places import named_sites
    _, ctx = places_of(text)
    assert surface in [p.text for p in ctx.places + named_sites(ctx)]


@pytest.mark.parametrize("text, trigger, surface", [
    # a country or town that is the active subject of the event's own verb names who did it,
    # as its demonym would, not where it happened
    ("Indonesia has captured hundreds of suspected rebels since May.", "captured", None),
    ("Israel captured and annexed the eastern district in 1967.", "annexed", None),
    ("Germany and Poland will patrol the border for three months.", "patrol", None),
    ("Russia has acknowledged the strike.", "acknowledged", None),
    # guards: another place of the sentence, the subject of another verb, a passive subject,
    # the subject of a verb that acts on nothing, a place inside the subject
    ("Eritrea seized the town of Tessenei on Monday after two days of fighting.", "seized", "Tessenei"),
    ("Turkey captured the rebel commander in Kenya last February.", "captured", "Kenya"),
    ("Police in Kabul arrested five men on Monday.", "arrested", "Kabul"),
    ("Mosul was shelled for a third day on Monday.", "shelled", "Mosul"),
    ("Mosul fell to the militants in June.", "fell", "Mosul"),
    ("Militants shot dead two soldiers in Kandahar as Kabul prepared for the vote.", "shot", "Kandahar"),
])
def test_the_subject_of_the_events_verb_is_its_doer_not_its_place(text, trigger, surface):
    assert _stated_place(text, trigger) == surface


def _statement_place(text, trigger):
    """The surface of a statement's place read from its own sentence (``locative_only``)."""
    doc, ctx = places_of(text)
    tok = trigger_of(doc, trigger)
    p = event_place(tok.sent, ctx, tok, locative_only=True)
    if p is None or p.start is None or p.from_ not in ("trigger", "clause", "sentence"):
        return None
    return text[p.start:p.end]


@pytest.mark.parametrize("text, trigger, surface", [
    # a statement is not made where another predicate of its sentence happened, also when the
    # place only locates the agent of that predicate ("captured by militants in X")
    ("The mother of a nurse kidnapped by gunmen in Darfur is appealing for her release.", "appealing", None),
    ("The raid was claimed by a militia in Yemen, but Britain has condemned it.", "condemned", None),
    # guards: the statement's own place
    ("The mother of a kidnapped nurse appealed for her release in Khartoum on Monday.", "appealed", "Khartoum"),
    ("Speaking to reporters in Geneva, the minister appealed for calm.", "appealed", "Geneva"),
])
def test_a_statement_is_not_placed_where_its_participants_agent_acted(text, trigger, surface):
    assert _statement_place(text, trigger) == surface


@pytest.mark.parametrize("text, trigger, surface", [
    # a place that owns an office, a person or a body by a possessive says whose, as "the
    # Foreign Minister of Ghana" and "the Ghanaian president" do: not where the event happened
    ("Ghana's president met the visiting envoy on Monday.", "met", None),
    ("Kenya's interior minister was shot dead outside his home on Friday.", "shot", None),
    ("Britain's Laura Trott captured the title on Sunday.", "captured", None),
    ("Gunmen attacked a convoy carrying Somalia's deputy prime minister on Tuesday.", "attacked", None),
    # guards: a body's seat the sentence puts something at, a place of a place, a thing's owner
    ("Protesters clashed with police near Kenya's parliament on Monday.", "clashed", "Kenya"),
    ("Two journalists were beaten in Russia's North Caucasus on Monday.", "beaten", "Russia"),
    ("Gunmen shelled Baghdad's Adhamiyah district on Monday.", "shelled", "Baghdad"),
])
def test_the_possessive_owner_of_an_office_is_no_event_place(text, trigger, surface):
    assert _stated_place(text, trigger) == surface


@pytest.mark.parametrize("text, trigger, surface", [
    # a place that begins the proper name of a body (ending in a body's word, or given with
    # its initials in brackets) is no place of the event, as one in an agency's name is not
    ("Troops overran a camp of the Moro Islamic Liberation Front on Monday.", "overran", None),
    ("The ministers met on the sidelines of the Asia-Pacific Economic Cooperation (APEC) "
     "summit on Monday.", "met", None),
    ("The Baghdad Operations Command said troops killed five militants on Monday.", "killed", None),
    # guards: a site's name, a common noun after the place, a body's site, a place beside the name
    ("Students protested at Kabul University on Monday.", "protested", "Kabul"),
    ("The Kabul police arrested five men on Monday.", "arrested", "Kabul"),
    ("Two wounded soldiers were treated at the Kabul Army Hospital on Monday.", "treated", "Kabul"),
    ("Rebels of the Tigray People's Liberation Front (TPLF) captured the town of Alamata.",
     "captured", "Alamata"),
])
def test_a_place_that_begins_a_bodys_name_is_no_event_place(text, trigger, surface):
    assert _stated_place(text, trigger) == surface


@pytest.mark.parametrize("text, trigger", [
    # with the body's name and the office's owner set aside, the dateline is the place left
    ("BEIJING, May 9. /TASS/. The two ministers met on the sidelines of the Asia-Pacific "
     "Economic Cooperation (APEC) summit.", "met"),
    ("BEIJING, May 9. /TASS/. The two ministers met on Sunday, Russia's Foreign Minister Ivan "
     "Petrov said.", "met"),
    ("NAIROBI, March 3 (Reuters) - Uganda's foreign minister met his Kenyan counterpart on Tuesday.", "met"),
])
def test_the_dateline_is_the_place_when_only_an_owner_or_a_bodys_name_remains(text, trigger):
    p, _ = event_place_of(text, trigger)
    assert p is not None and p.from_ == "document" and text[p.start:p.end] in ("BEIJING", "NAIROBI")


@pytest.mark.parametrize("text, trigger, surface", [
    # a name that is the passive subject or the object of a verb whose undergoer is a person
    # or a craft (site_words.yaml ``undergoer_verbs``) is whom the event befell, though a town
    # bears the name: the sentence's other place is where
    ("Lincoln was shot down over Syria in May 2015.", "shot", "Syria"),
    ("Austin was shot dead by a sniper near the border with Lebanon.", "shot", "Lebanon"),
    ("Gunmen killed Houston near the border with Mexico on Monday.", "killed", "Mexico"),
    ("Odessa was wounded near the border with Poland.", "wounded", "Poland"),
    # guards: a passive subject of a verb whose undergoer may be a place, a place inside the
    # undergoer's phrase, the place of a verb coordinated with a capture
    ("Mosul was shelled for a third day.", "shelled", "Mosul"),
    ("Police arrested five men in Kabul on Friday.", "arrested", "Kabul"),
    ("Five soldiers were killed in Kandahar on Monday.", "killed", "Kandahar"),
    ("Jordan was captured by rebels and killed near Aleppo.", "killed", "Aleppo"),
])
def test_the_undergoer_of_a_verb_of_harm_is_no_event_place(text, trigger, surface):
    assert _stated_place(text, trigger) == surface


@pytest.mark.parametrize("text, surface", [
    # "to X" after a verb or noun of a journey names where it goes: a name the gazetteer holds
    # is read as a place there whatever the model's tag
    ("The aid workers were travelling to Rumbek when gunmen stopped their car.", "Rumbek"),
    ("Troops marched to Bor on Friday.", "Bor"),
    ("Two soldiers were killed as they drove to Rumbek on Monday.", "Rumbek"),
    ("The rebels withdrew to Bor after the battle.", "Bor"),
    # guards: "to" after a verb of giving, speaking or going to someone is no journey's end
    ("The ministry sent aid to Bor on Friday.", None),
    ("The minister spoke to Rumbek on Monday.", None),
    ("The award went to Bor on Friday.", None),
])
def test_the_end_of_a_journey_after_to_is_a_place(text, surface):
    _, ctx = places_of(text)
    names = [p.text for p in ctx.places]
    assert (surface in names) if surface else names == []


@pytest.mark.parametrize("text, surface", [
    # a word of not_places.txt is not read as a place alone; after a unit word ("the town of
    # X", "the city of X") it is not alone, and the gazetteer's place of that name is meant
    ("Gunmen attacked the market in the city of Man on Sunday.", "Man"),
    ("Two shells fell on the town of Duma on Monday.", "Duma"),
    # guards: the same words alone
    ("The man was shot in Kabul on Monday.", "Kabul"),
    ("Duma deputies voted on Monday.", None),
])
def test_a_common_word_after_a_unit_word_is_a_place(text, surface):
    _, ctx = places_of(text)
    names = [p.text for p in ctx.places]
    assert names == ([surface] if surface else [])


@pytest.mark.parametrize("text, trigger, surface, origin", [
    # the paragraph step reads the event's own paragraph: a sentence's span ends with the
    # break after it, and the next paragraph's places are not its own
    ("Gunmen attacked a checkpoint in Kandahar on Monday. Kandahar is tense.\n\n"
     "The army said it would send reinforcements.\n\nIn Herat, police arrested five men.",
     "send", "Kandahar", "document"),
    ("Troops were deployed in Kano. Kano is calm.\nThe army said it would send reinforcements.\n"
     "Police in Lagos arrested twelve students.", "send", "Kano", "document"),
    # guards: a place named before it in its paragraph, or after it there
    ("Gunmen attacked a checkpoint in Kandahar on Monday. The army said it would send "
     "reinforcements.\n\nIn Herat, police arrested five men.", "send", "Kandahar", "paragraph"),
    ("The army said it would send reinforcements. They will be based in Lashkar Gah.\n\n"
     "In Herat, police arrested five men.", "send", "Lashkar Gah", "paragraph"),
])
def test_the_paragraph_step_stays_in_the_events_paragraph(text, trigger, surface, origin):
    p, _ = event_place_of(text, trigger)
    assert p is not None and (text[p.start:p.end], p.from_) == (surface, origin)


@pytest.mark.parametrize("text, trigger, surface", [
    # a place name the tagger reads as a verb ("Sagaing", in "-ing") is no predicate of its
    # own: it stands in the clause of the word it hangs on, where the event is told
    ("Myanmar's military junta carried out air strikes on villages in the northwestern "
     "Sagaing region on Tuesday.", "strikes", "Sagaing"),
    # guards: the name alone in its sentence, a name tagged as a name, as before
    ("The army carried out air strikes on villages in the Sagaing region on Tuesday.",
     "strikes", "Sagaing"),
    ("Myanmar's military junta carried out air strikes on villages in the northwestern "
     "Magway region on Tuesday.", "strikes", "Magway"),
])
def test_a_place_read_as_a_verb_is_in_the_clause_it_hangs_on(text, trigger, surface):
    assert _stated_place(text, trigger) == surface


@pytest.mark.parametrize("text, trigger, surface", [
    # a participle or relative clause of speaking on the statement's speaker says where the
    # statement was made, as an opening "Speaking in X, ..." does
    ("The president, speaking at a rally in Nairobi on Monday, condemned the attack.", "condemned", "Nairobi"),
    ("The envoy, who spoke in Geneva on Monday, urged both sides to talk.", "urged", "Geneva"),
    ("The minister, who was speaking at a conference in Doha, denounced the raid.", "denounced", "Doha"),
    # guards: a clause that describes the speaker or a participant, not the speech
    ("The minister, who was kidnapped in Darfur last year, denounced the raid.", "denounced", None),
    ("The mother of a nurse kidnapped by gunmen in Darfur is appealing for her release.", "appealing", None),
])
def test_a_statement_is_placed_where_its_speaker_is_told_speaking(text, trigger, surface):
    assert _statement_place(text, trigger) == surface


@pytest.mark.parametrize("text, trigger, surface", [
    # a place hung, after the verb, on the verb of reporting that tells an act is where the
    # report was made, not where the act happened
    ("Fighting has spread around Kandahar. Gunmen abducted three aid workers on Monday, a "
     "spokesman told reporters in Lashkar Gah.", "abducted", "Kandahar"),
    ("Fighting has spread around Kandahar. Security forces arrested 15 suspects, the ministry "
     "said in a statement issued in Kabul.", "arrested", "Kandahar"),
    # guards: the act's own place, a frame before the verb of reporting
    ("Fighting has spread around Herat. Gunmen attacked a checkpoint in Kandahar, a spokesman "
     "told reporters in Kabul.", "attacked", "Kandahar"),
    ("Fighting has spread around Herat. In Kandahar, police said gunmen attacked a checkpoint.",
     "attacked", "Kandahar"),
])
def test_the_place_a_report_was_made_is_not_the_acts(text, trigger, surface):
    p, _ = event_place_of(text, trigger)
    assert p is not None and text[p.start:p.end] == surface


@pytest.mark.parametrize("text, not_a_place", [
    # a place's name that ends a longer proper name after a name word of its own is that
    # name's word, not the place: a house of parliament, a firm, a team
    ("Opposition members walked out of the Rajya Sabha on Wednesday.", "Sabha"),
    ("The members of the Lok Sabha voted on the bill late on Monday.", "Sabha"),
    ("Prosecutors subpoenaed records from the accountants at Mazars USA last year.", "USA"),
    ("The match between Team USA and Canada ended in a draw.", "USA"),
    ("Air India cancelled its flights to Kabul.", "India"),
])
def test_a_place_name_that_ends_another_proper_name_is_no_place(text, not_a_place):
    _, ctx = places_of(text)
    assert not_a_place not in [p.text for p in ctx.places]


@pytest.mark.parametrize("text, surface", [
    # guards: a direction, a grade or a demonym before the name; "of" before it
    ("Storms knocked out power across North Texas on Sunday.", "Texas"),
    ("Fighting raged across Greater Darfur on Monday.", "Darfur"),
    ("Protesters rallied in Old Delhi on Monday.", "Old Delhi"),
    ("Veterans marched through Midtown Manhattan on Saturday.", "Manhattan"),
    ("Snow closed schools across Metro Vancouver on Monday.", "Vancouver"),
    ("Clashes broke out in Iraqi Kurdistan on Sunday.", "Kurdistan"),
    # a body's initials before its local office
    ("A reporter was shot dead near the RFE Prague offices on Friday.", "Prague"),
])
def test_a_graded_place_name_is_still_the_place(text, surface):
    _, ctx = places_of(text)
    assert surface in [p.text for p in ctx.places]


@pytest.mark.parametrize("text, trigger, surface", [
    # the subject of a verb the event's infinitive completes (a raising or control verb) is the
    # event's doer, as the subject of the event's own verb is: not its place
    ("The United States is reported to have killed a militant commander on Thursday.", "killed", None),
    ("Russia tried to seize the airport on Monday.", "seize", None),
    ("Israel continued to shell the border area overnight.", "shell", None),
    # guards: the place the sentence puts the act at; a place that undergoes it
    ("The United States is reported to have killed a militant commander in Yemen.", "killed", "Yemen"),
    ("The city of Mosul was reported to have been shelled overnight.", "shelled", "Mosul"),
])
def test_the_subject_of_a_verb_the_event_completes_is_its_doer(text, trigger, surface):
    assert _stated_place(text, trigger) == surface


@pytest.mark.parametrize("text, trigger, surface", [
    # the holder of an unnamed unit ("Pakistan's tribal region") names the event's place, before
    # a country that only says whose the weapon or the force was ("a U.S. drone strike")
    ("Four militants were killed in a suspected U.S. drone strike in Pakistan's northwestern "
     "tribal region on Friday.", "killed", "Pakistan"),
    ("Two soldiers died in a Turkish air raid in Iraq's mountainous north on Sunday.", "died", "Iraq"),
    # guards: the named unit the holder frames; the place after the weapon's owner
    ("Four militants were killed in a U.S. drone strike in Pakistan's Kurram district.", "killed", "Kurram"),
    ("Five people were killed in a U.S. air strike in Somalia on Monday.", "killed", "Somalia"),
])
def test_the_holder_of_an_unnamed_unit_is_the_place_not_the_weapons_owner(text, trigger, surface):
    assert _stated_place(text, trigger) == surface


@pytest.mark.parametrize("text, trigger, site, country", [
    # a site no gazetteer holds takes the point of the report's dateline, which the parse hangs
    # on the story's first noun ("NEW DELHI (PTI) - Opposition members"): the dateline names
    # where the story is set, not whose the members are
    ("NEW DELHI (PTI) - Opposition members staged a walkout in the Central Hall on Tuesday.",
     "walkout", "Central Hall", "IND"),
    ("DHAKA (Reuters) - Opposition activists clashed with police outside the Jatiya Sangsad "
     "Bhaban on Sunday.", "clashed", "Jatiya Sangsad Bhaban", "BGD"),
])
def test_a_site_no_gazetteer_holds_takes_the_datelines_point(text, trigger, site, country):
    p, _ = event_place_of(text, trigger)
    assert p is not None and text[p.start:p.end] == site and p.country == country and p.lat is not None


@pytest.mark.parametrize("text, trigger, surface", [
    # a country that modifies a common noun says whose the strike, the force or the craft is,
    # as its demonym would: not where the event happened
    ("Ten civilians were killed in a suspected US drone strike, residents said.", "killed", None),
    ("The Indonesia military burned down dozens of homes last week.", "burned", None),
    ("A roadside bomb exploded near a U.S. patrol on Tuesday.", "exploded", None),
    # guards: the place the sentence puts the strike in; a site or a building the country
    # names; a town that modifies the attack
    ("Ten civilians were killed in a suspected US drone strike in Somalia.", "killed", "Somalia"),
    ("Protesters marched on a Hong Kong hotel on Monday.", "marched", "Hong Kong"),
    ("Gunmen stormed a Kabul hotel on Monday.", "stormed", "Kabul"),
    # guard: a country right after "in" is put there, whatever noun the parse hangs it on
    ("A boy captured in Afghanistan sobs and calls for his mother.", "captured", "Afghanistan"),
])
def test_a_country_that_modifies_a_thing_says_whose_not_where(text, trigger, surface):
    assert _stated_place(text, trigger) == surface


@pytest.mark.parametrize("text, word", [
    # after a Persian name's linking "-e"/"-i" the word ends the name: no Bala in Romania
    ("Gunmen abducted two teachers in Dasht-e Bala district of Badakhshan province on Monday.", "Bala"),
    ("Police found the truck near Qala-i-Naw on Sunday.", "Naw"),
])
def test_the_last_word_of_a_persian_name_is_no_place_of_its_own(text, word):
    _, ctx = places_of(text)
    assert not [p for p in ctx.places if p.text == word], ctx.places


@pytest.mark.parametrize("text, trigger, surface", [
    # where another predicate may or should happen is no place of the event
    ("After the talks, the envoys agreed that negotiations should resume in Geneva soon.", "talks", None),
    ("The ministers met on Friday and said the next round would be held in Vienna.", "met", None),
    # the event's own modal clause keeps its place
    ("Negotiations will resume in Geneva on Monday, the envoy said.", "resume", "Geneva"),
    ("The ministers met in Munich on Friday and said talks should resume soon.", "met", "Munich"),
])
def test_where_something_may_happen_is_no_place_of_what_did(text, trigger, surface):
    assert _stated_place(text, trigger) == surface
