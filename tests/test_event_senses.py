"""A trigger word's sense read from its arguments, and the ACLED type of an event (issue 16,
patterns 7 and 9): the same verb is a request or a naming, a reception or praise, a protest or
coercion, an arrest or an abduction, depending on its object's structure and on who acts.

Every sentence here is written for these tests.
"""
from __future__ import annotations

import pytest

from coded import asserted, categories


# ---------------------------------------------------------------- naming is no request
@pytest.mark.parametrize("text", [
    "The opposition leader called the president a liar at a rally in Lusaka on Tuesday.",
    "During an interview on state television on Monday, the minister called the deal a betrayal.",
    "A charity called Hope Worldwide delivered food to the camp near Goma on Sunday.",
    "On Cuba, the ruling party backs the trade pact while the opposition platform takes a harder "
    "line, calling it “a personal agreement between the two leaders and not binding on the next "
    "government.”",
])
def test_a_naming_is_not_a_request(text):
    assert "REQUEST" not in categories(text)


@pytest.mark.parametrize("text", [
    "The opposition called on the government to resign on Tuesday.",
    "Russia called for an immediate ceasefire in the region on Monday.",
])
def test_calls_on_and_for_stay_requests(text):
    assert "REQUEST" in categories(text)


# ---------------------------------------------------------------- who is welcomed
@pytest.mark.parametrize("text", [
    "Kenyan President William Ruto welcomed Chinese Premier Li Qiang at State House in Nairobi on Monday.",
    "The German chancellor was greeted by the Polish president in Warsaw on Friday.",
])
def test_a_person_welcomed_or_greeted_is_received(text):
    cats = categories(text)
    assert "CONSULT" in cats and "SUPPORT" not in cats


def test_a_decision_welcomed_is_praise():
    events = asserted("The European Union welcomed Ghana's decision to free the journalists on Monday.")
    assert [e.category for e in events if e.category in ("CONSULT", "SUPPORT")] == ["SUPPORT"]


# ---------------------------------------------------------------- who blocks the road
@pytest.mark.parametrize("text, category", [
    ("Soldiers blocked the roads leading to the village on Sunday.", "COERCE"),
    ("Riot police blocked the bridge into the old town on Sunday.", "COERCE"),
    ("Protesters blocked the main highway into the capital on Sunday.", "PROTEST"),
    ("Striking truckers blocked the border crossing near Calais on Sunday.", "PROTEST"),
])
def test_a_road_blocked_by_the_state_is_coercion_by_a_crowd_a_protest(text, category):
    cats = categories(text)
    assert category in cats and not cats & ({"COERCE", "PROTEST"} - {category})


# ---------------------------------------------------------------- who holds someone
@pytest.mark.parametrize("text, category, cameo", [
    ("Gunmen captured two aid workers near Gao on Saturday.", "ASSAULT", "181"),
    ("Islamist militants detained a local chief outside Mocimboa on Saturday.", "ASSAULT", "181"),
    ("Police arrested two journalists in Harare on Saturday.", "COERCE", "173"),
    ("Soldiers captured a rebel commander near Goma on Saturday.", "COERCE", "173"),
])
def test_an_armed_group_abducts_where_the_state_arrests(text, category, cameo):
    events = [e for e in asserted(text) if e.category in ("ASSAULT", "COERCE")]
    assert [(e.category, e.cameo) for e in events] == [(category, cameo)]


def test_an_abduction_is_violence_against_civilians():
    [event] = [e for e in asserted("Gunmen captured two aid workers near Gao on Saturday.")
               if e.category == "ASSAULT"]
    assert event.acled_event_type == "Violence against civilians"


# ---------------------------------------------------------------- an explosion aimed at someone
@pytest.mark.parametrize("text", [
    "An explosion targeting a police convoy killed three officers in Quetta on Monday.",
    "A blast targeted an army checkpoint outside Mogadishu on Monday.",
])
def test_an_explosion_aimed_at_someone_is_an_attack(text):
    events = [e for e in asserted(text) if e.category == "ASSAULT"]
    assert events and all(e.acled_event_type == "Explosions/Remote violence" for e in events)


@pytest.mark.parametrize("text", [
    "A gas explosion at a chemical plant killed three workers on Monday.",
    "An explosion at a fireworks factory injured twelve workers on Monday.",
])
def test_an_explosion_aimed_at_no_one_is_no_attack(text):
    assert "ASSAULT" not in categories(text)


# ---------------------------------------------------------------- ACLED types (pattern 9)
@pytest.mark.parametrize("text, category, acled", [
    # arrests told with a protest are the protest's (a protest with intervention) ...
    ("Police arrested dozens of protesters during a march in Lagos on Monday.", "COERCE", "Protests"),
    # ... arrests told apart from it, in a story of protests, are arrests
    ("Thousands of students marched through Lagos on Monday against fuel prices. The march ended "
     "peacefully outside the governor's office. Union leaders said they would meet the governor "
     "next week. Separately, police arrested an opposition senator at his home in Abuja on Sunday.",
     "COERCE", "Strategic developments"),
    ("Police raided the offices of an opposition newspaper in Harare on Monday.", "COERCE",
     "Strategic developments"),
    # a symbol burnt by a crowd is a protest, not a riot
    ("Protesters burned an effigy of the president outside parliament on Monday.", "PROTEST", "Protests"),
    # an attack told by a general word, with the weapon named in its sentence
    ("Insurgents attacked the garrison with mortars and rockets near Gao on Monday.", "ASSAULT",
     "Explosions/Remote violence"),
    ("Insurgents attacked the garrison near Gao on Monday.", "ASSAULT", "Battles"),
    # one-sided kinds of violence against armed men are fighting
    ("Two attackers stabbed a police officer outside the station in Mombasa on Monday.", "ASSAULT", "Battles"),
    ("Two attackers stabbed a shopkeeper outside the station in Mombasa on Monday.", "ASSAULT",
     "Violence against civilians"),
])
def test_acled_type(text, category, acled):
    events = [e for e in asserted(text) if e.category == category]
    assert events and {e.acled_event_type for e in events} == {acled}


# ---------------------------------------------------------------- nouns read from their doer
@pytest.mark.parametrize("text, category, cameo", [
    ("The air force carried out strikes on rebel positions near Goma on Monday.", "ASSAULT", "195"),
    ("The coalition, which conducted four strikes near Mosul on Monday, said its jets were safe.",
     "ASSAULT", "195"),
    ("Dock workers staged strikes in three ports on Monday.", "PROTEST", "143"),
])
def test_a_strike_is_an_air_strike_or_a_stoppage_by_who_strikes(text, category, cameo):
    assert [(e.category, e.cameo) for e in asserted(text) if e.category in ("ASSAULT", "PROTEST")] == \
        [(category, cameo)]


@pytest.mark.parametrize("text, cameo", [
    ("Heavy gunfire was heard near the presidential palace in Bamako on Monday.", "193"),
    ("Army artillery fire killed four fighters near Kilis on Monday.", "194"),
])
def test_a_weapons_fire_is_an_attack(text, cameo):
    assert [e.cameo for e in asserted(text) if e.category == "ASSAULT"] == [cameo]


def test_a_fire_with_no_weapon_is_a_blaze():
    assert "ASSAULT" not in categories("A fire destroyed three homes in the village on Monday.")


@pytest.mark.parametrize("text, category", [
    ("The senator spoke at a rally in Des Moines on Monday.", None),
    ("The candidate told a rally in Albany on Monday that he would win.", None),
    ("The opposition leader addressed a rally against the new constitution in Harare on Saturday.", "PROTEST"),
    ("Thousands of opposition supporters held a rally in Kampala on Monday.", "PROTEST"),
])
def test_a_rally_someone_speaks_at_is_no_protest(text, category):
    protests = [e for e in asserted(text) if e.category == "PROTEST"]
    assert bool(protests) == (category == "PROTEST")


def test_the_evidence_of_an_idiom_holds_its_noun():
    [event] = [e for e in asserted("Police took the opposition leader into custody in Kampala on Monday.")
               if e.category == "COERCE"]
    assert event.evidence.text.endswith("into custody")


@pytest.mark.parametrize("text, protest", [
    ("Tens of thousands demonstrated in support of the jailed senator in Lagos on Sunday.", True),
    ("Students protested in support of the striking teachers outside parliament on Sunday.", True),
    ("The army demonstrated its readiness during a parade in the capital on Sunday.", False),
    ("The firm's chief engineer demonstrated the new software at a fair on Monday.", False),
    ("The navy demonstrated its new missile system off the coast on Monday.", False),
    ("Thousands demonstrated outside parliament against the new law on Monday.", True),
    ("Dock workers protested the verdict outside the court on Monday.", True),
])
def test_demonstrating_in_support_is_a_protest_showing_support_is_not(text, protest):
    assert ("PROTEST" in categories(text)) == protest


# ---------------------------------------------------------------- nominalisations by morphology
@pytest.mark.parametrize("text, cameo", [
    ("The execution of the cleric by Saudi Arabia on Saturday sparked protests in Tehran.", "186"),
    ("The beheading of two hostages by the militants was filmed near Raqqa on Saturday.", "186"),
    ("A stabbing outside a synagogue in Halle on Wednesday left two people dead.", "182"),
])
def test_the_noun_of_a_verb_of_force_is_its_event(text, cameo):
    assert cameo in {e.cameo for e in asserted(text) if e.category == "ASSAULT"}


@pytest.mark.parametrize("text", [
    # the of-phrase names a thing, not someone the act is done to
    "The execution of the plan was delayed by the ministry on Saturday.",
    # the nouns of cooperative and verbal acts name relations and institutions
    "Bilateral cooperation between Kenya and Uganda has grown in recent years.",
    "The prosecution told the court in Nairobi on Monday that the case was strong.",
])
def test_other_nominalisations_are_no_event_of_force(text):
    assert not {"ASSAULT", "COOPERATE", "ACCUSE"} & categories(text)


# ---------------------------------------------------------------- warnings and contests
@pytest.mark.parametrize("text", [
    "Tribal elders warned against letting the militia into the city on Sunday.",
    "The foreign minister warned the army against a crackdown on the students.",
])
def test_warning_someone_against_an_act_asks_them_not_to(text):
    cats = categories(text)
    assert "REQUEST" in cats and "THREATEN" not in cats, cats


@pytest.mark.parametrize("text", [
    "Engineers warned that it may be weeks before the pipeline is repaired.",
    "The UN agency warned on Monday that there is a risk of famine in the region.",
])
def test_a_warning_that_foretells_a_state_criticises_and_threatens_nothing(text):
    assert categories(text) == {"ACCUSE"}


@pytest.mark.parametrize("text", [
    "The army warned on Monday that it would crush any protest.",
    "The militants warned last week that new attacks would come in the spring.",
    "The city's police chief warned that officers will no longer tolerate rallies by the group.",
])
def test_a_coercive_warning_stays_a_threat(text):
    assert "THREATEN" in categories(text)


# ---------------------------------------------------------------- a time is no argument
@pytest.mark.parametrize("text, expected", [
    ("The club fired its head coach on Saturday after a losing streak.", set()),
    ("The ministry fired two senior officials on Friday morning.", set()),
    ("Soldiers fired on the crowd on Saturday.", {"ASSAULT"}),
    ("Troops fired at protesters near the square on Monday.", {"ASSAULT"}),
])
def test_a_preposition_of_time_takes_no_argument(text, expected):
    assert categories(text) == expected


# ---------------------------------------------------------------- natural forces do not attack
@pytest.mark.parametrize("text", [
    "A strong quake struck the island on Sunday, injuring five people.",
    "A 6.1-magnitude tremor killed 12 people in the province on Sunday.",
])
def test_an_earthquake_is_no_attack(text):
    assert "ASSAULT" not in categories(text)


def test_an_attack_that_struck_stays_an_attack():
    assert "ASSAULT" in categories("Rebels struck an army base near the town on Sunday.")


@pytest.mark.parametrize("text", [
    "Johnson competed for the party leadership against Jeremy Hunt.",
    "Ten parties are competing in the regional election on Sunday.",
    "The two mayors vied for the governor's seat last year.",
])
def test_a_contest_for_a_post_or_votes_is_no_event(text):
    assert asserted(text) == []



@pytest.mark.parametrize("text, category, source", [
    # one side's own instrument is no agreement: what it does is the event, by its signer
    ("On Friday, Youssef Chahed, the Prime Minister of Tunisia, signed a government decree banning "
     "face veils in public institutions.", "COERCE", "Youssef Chahed"),
    ("The governor signed a bill banning abortions after six weeks.", "COERCE", "The governor"),
    ("President Biden signed an executive order imposing sanctions on Russian officials.",
     "SANCTION", "President Biden"),
])
def test_signing_ones_own_decree_is_its_content_not_an_agreement(text, category, source):
    events = asserted(text)
    assert "SUPPORT" not in {e.category for e in events}
    found = [e for e in events if e.category == category]
    assert found and found[0].source is not None and found[0].source.text == source


def test_signing_an_agreement_stays_an_agreement():
    assert "SUPPORT" in categories("Kenya and Ethiopia signed a defence agreement in Nairobi on Friday.")


@pytest.mark.parametrize("text, category", [
    ("Despite signs of recovery on Sunday, he suffered a cardiac arrest on Monday and died.", None),
    ("The government announced the cause of death as a cardiac arrest.", None),
    ("The arrest of the opposition leader on Monday drew protests.", "COERCE"),   # guard
])
def test_a_cardiac_arrest_is_no_arrest(text, category):
    coerce = {e.category for e in asserted(text)} & {"COERCE"}
    assert coerce == ({category} if category else set())


@pytest.mark.parametrize("text, coerced", [
    ("On Friday, President Donald Trump declared a national emergency in response to the ongoing "
     "coronavirus outbreak.", False),
    ("The government declared a state of emergency over the floods in the south.", False),
    # guards: an emergency against unrest, protesters storming a building
    ("The army declared a state of emergency in the capital after days of protests.", True),
    ("Protesters stormed the mayor's office in Almaty, and the president declared a state of "
     "emergency across the country.", True),
])
def test_an_emergency_against_a_disease_or_disaster_is_no_coercion(text, coerced):
    assert ("COERCE" in {e.category for e in asserted(text)}) is coerced


# ---------------------------------------------------------------- signing what binds no one
@pytest.mark.parametrize("text", [
    "Before leaving the palace, the Korean prime minister signed the visitors' book.",
    "The president signed autographs for schoolchildren outside the embassy in Dhaka on Monday.",
    "The national team signed two players from Ghana on Friday.",
])
def test_signing_a_keepsake_or_a_player_is_no_agreement(text):
    assert not categories(text) & {"SUPPORT", "AGREE", "COOPERATE"}


@pytest.mark.parametrize("text", [
    "Bangladesh and South Korea signed three memoranda on trade in Dhaka on Sunday.",
    "The two prime ministers signed five instruments on trade and culture in Colombo on Monday.",
])
def test_signing_instruments_between_states_stays_an_agreement(text):
    assert categories(text) & {"SUPPORT", "AGREE", "COOPERATE"}
