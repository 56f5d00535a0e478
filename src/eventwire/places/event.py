"""Where an event happened: the place tied to its trigger, else its clause, sentence,
paragraph, else the document's focus.

Each step is recorded in the event's place (``from``: trigger, clause, sentence, paragraph,
document) with the span of the mention it came from. Places that name no scene are kept
back: a dateline ("KABUL (AP) —") counts only when the text gives nothing else, a demonym
("Russian") or the owner of an office ("Russia's Foreign Minister") never beats a toponym,
and a place inside the name of a news agency, party, newspaper or other body ("the Kabul
Times", "the Moro Islamic Liberation Front") is no place of the event.
"""
from __future__ import annotations

import functools
import re
from collections import Counter

from ..context import DocContext, PlaceNotes
from ..nlp import doc_text
from ..paragraphs import paragraph_at
from ..record import EventPlace, Place
from ..spanindex import SpanIndex, cached_index, sentence_text_of
from .unlisted import site_words

# The more specific a place, the better it serves as an event's location.
SPECIFICITY = {"city": 5, "other": 4, "admin2": 3, "admin1": 2, "country": 1, "region": 0}

# Prepositions that put an event at a place, and how strongly.
LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "across", "around", "along", "over",
                  "into", "on", "within", "throughout", "through", "onto", "off", "toward",
                  "towards", "beyond", "between", "among", "amid", "behind", "under", "upon",
                  "north", "south", "east", "west", "northeast", "northwest", "southeast",
                  "southwest", "outskirts", "close", "next", "to", "of"}
WEAK_PREPS = {"from": 1.0, "via": 1.0, "against": 0.5, "with": 0.3, "by": 0.2, "for": 0.3,
              "about": 0.2, "since": 0.0, "after": 0.3, "before": 0.3, "during": 0.5}
# Words for a place or a site: "the city of X", "the X district", "a cottage near X".
PLACE_NOUNS = {"city", "town", "village", "province", "district", "region", "area", "governorate",
               "state", "county", "capital", "suburb", "neighbourhood", "neighborhood", "quarter",
               "camp", "countryside", "outskirts", "border", "municipality", "prefecture", "island",
               "islands", "port", "hamlet", "settlement", "settlements", "territory", "valley", "mountains",
               "commune", "oblast", "enclave", "zone", "part", "parts", "north", "south", "east",
               "west", "centre", "center", "heart", "streets", "street", "road", "highway",
               "checkpoint", "market", "base", "airport", "coast", "sea", "waters", "airspace",
               "frontier", "stronghold", "town's", "city's", "locality", "community", "home",
               "house", "office", "headquarters", "embassy", "consulate", "mosque", "church",
               "school", "hospital", "prison", "square", "neighbourhoods", "neighborhoods", "township",
               "villages", "towns", "airbase", "compound"}
OBJECT_DEPS = {"dobj", "nsubjpass", "attr", "oprd", "obj", "npadvmod", "dative"}
# Modifiers that keep a place within the phrase it names ("Baghdad's Adhamiyah district").
TRANSPARENT = {"pobj", "prep", "compound", "poss", "appos", "conj", "cc", "amod", "nmod", "case",
               "det", "nummod", "punct", "npadvmod", "quantmod"}
CLAUSE_DEPS = {"advcl", "ccomp", "relcl", "xcomp", "csubj", "csubjpass", "parataxis", "acl", "pcomp"}
ORG_WORDS = re.compile(
    r"^\W{0,2}(?:'s\s+|’s\s+)?(?:[A-Z0-9][\w-]*\s+){0,3}"
    r"(?:news\s+agency|agency|newspaper|daily|times|post|tribune|herald|gazette|radio|television|"
    r"tv|broadcasting|party|press|presse|news|observer|chronicle|journal|telegraph|bulletin|monitor)\b",
    re.IGNORECASE)
# "KABUL (AP) —", "CAIRO —", "Afrin, Aleppo, Syria    Text", "Kompong Speu (Cambodia) --"
DATELINE = re.compile(
    r"^\W{0,4}[A-Z][\w'.’-]*(?:[ ,]+[A-Z][\w'.’-]*){0,5},?\s*"
    r"(?:\([^)\n]{1,40}\)\s*)?(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*)?(?:\([^)\n]{1,40}\)\s*)?"
    r"(?:—|–|--|-|:|\s{3,}|\t|\.?\s*/[A-Z][\w-]{1,15}/\.?"   # "MOSCOW, March 5. /TASS/."
    r"|[ \t]*\n\s*|(?<=\d)[ \t]+(?=[A-Z]))")   # "Nairobi, October 12\nThe", "Lima, Mar 4 Police"
# the month of a dateline's date ("Mar 4", "October 12")
_DATELINE_DATE = re.compile(r",\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?\s+\d{1,2}\s*$")
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|outside|inside|across|of)\s+(?:the\s+)?$",
                              re.IGNORECASE)


def _notes(ctx: DocContext) -> PlaceNotes:
    """The places stage's notes (empty where the stage did not run), kept for the memos."""
    if ctx.place_notes is None:
        ctx.place_notes = PlaceNotes()
    return ctx.place_notes


# Words that begin a state's own name rather than an office's: "the Republic of Korea".
STATE_WORDS = {"republic", "kingdom", "emirate", "emirates", "caliphate", "union", "state", "states",
               "federation", "commonwealth", "principality", "sultanate", "confederation"}


def named_sites(ctx: DocContext) -> list[Place]:
    """The streets, bases and buildings the document names ("along Atlantic Avenue", "the
    T-4 Military Airport"), at the point of the place that holds them: places an event can
    happen at, though not toponyms, so not among ``ctx.places``."""
    return _notes(ctx).sites


def _specificity(place: Place, ctx: DocContext) -> int:
    """How specific a place is; a named part of a city is more specific than the city."""
    if (place.start, place.end) in _notes(ctx).parts:
        return SPECIFICITY["city"] + 1
    return SPECIFICITY.get(place.feature, 0)


def offices_of(doc, places: list[Place], words: frozenset[str], blocs: frozenset[str] = frozenset(),
               titles: frozenset[str] = frozenset()) -> set[tuple[int, int]]:
    """The spans of the places that only say whose head or body a phrase names: "the
    Chancellor of Germany", "King Salman of Saudi Arabia", "the Parliament of Iraq", "the
    leaders of Japan, China and Germany", and their possessive twins ("Russia's Foreign
    Minister", ``_owner_of_office``). ``words``: the titles and bodies that count, ``titles``
    those of them that name a person. A union
    of states named in ``blocs`` ("the EU") is itself a body, unless the sentence puts
    something in it ("in the EU")."""
    out = set()
    text = doc_text(doc)
    index = SpanIndex(places)
    for p in places:
        if p.text.lower() in blocs and not _locative(text, p):
            out.add((p.start, p.end))
            continue
        tok = _token_of(doc, p)
        if tok is None:
            continue
        while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ == "poss":
            if _owner_of_office(tok, words, titles, index):
                out.add((p.start, p.end))
            continue
        if tok.dep_ != "pobj" or tok.head.lower_ != "of":
            continue
        owner = tok.head.head
        if owner.ent_type_ in ("GPE", "LOC", "FAC") or owner.lower_ in STATE_WORDS:
            continue    # "the Democratic Republic of Congo", "the Kingdom of Saudi Arabia"
        if owner.lower_ in words or owner.pos_ == "PROPN" and (owner.ent_type_ == "PERSON" or _full_name(owner)):
            out.add((p.start, p.end))
    return out


def _owner_of_office(tok, words: frozenset[str], titles: frozenset[str], places: SpanIndex) -> bool:
    """``tok``, a possessor, says whose head, body or person the phrase names: "Russia's
    Foreign Minister Sergei Lavrov", "Japan's top police official", "Britain's Mark Cavendish",
    "Iraq's government" (the possessive twin of "the Foreign Minister of Russia"); not whose
    place or thing ("Baghdad's Adhamiyah district", "Jerusalem's main thoroughfares"), nor
    whose body where the sentence puts something at the body ("clashed near Pakistan's
    parliament", "won seats in the city's council": its building or its seat, in that place)."""
    head = tok.head
    chain = [head]
    while head.dep_ == "compound" and head.head.i != head.i and len(chain) < 6:
        head = head.head
        chain.append(head)
    if any(places.holding(t.idx) for t in chain):
        return False    # "Russia's North Caucasus": a place of a place
    person = head.pos_ == "PROPN" and head.ent_type_ == "PERSON" or any(t.lower_ in titles for t in chain)
    if person:
        return True
    if not any(t.lower_ in words for t in chain):
        return False
    return not (head.dep_ == "pobj" and head.head.lower_ in _SITE_PREPS)


# Prepositions that put something at a building or a body's seat: "near the parliament".
_SITE_PREPS = {"in", "at", "near", "outside", "inside", "on", "into", "onto", "around", "toward",
               "towards", "behind", "opposite", "across", "along"}


def _full_name(tok) -> bool:
    """A person's name of two or more words the model labels as something else
    ("Patrice Talon", tagged an organisation); not a building's ("Bank", "University")."""
    return tok.ent_type_ in ("ORG", "WORK_OF_ART", "NORP") and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == tok.i - 1 and c.ent_type_ == tok.ent_type_
        for c in tok.children)


def is_demonym(place: Place, ctx: DocContext) -> bool:
    """True when the place was named by an adjective or demonym ("Turkish", "Russians")."""
    return (place.start, place.end) in _notes(ctx).demonyms


# How far into a text a dateline may reach.
DATELINE_REACH = 160


def dateline_end(text: str) -> int:
    """The end of the dateline that opens a text ("KABUL (AP) —"), 0 when it has none."""
    m = DATELINE.match(text[:DATELINE_REACH])
    if not m:
        return 0
    head = m.group(0)
    # a dateline is short and mostly capitals, a wire tag or a place list before a dash;
    # not an ordinary sentence that happens to hold a dash
    words = re.findall(r"[A-Za-z][\w'.’-]*", head)
    if not words or len(words) > 8:
        return 0
    caps = sum(w[:1].isupper() for w in words)
    if caps < len(words) - 1:
        return 0
    # a wire dateline is in capitals, or carries the agency in brackets, or sets a list of
    # places off with a long dash or wide space; not "Russia - the largest country - said"
    stripped = head.rstrip()
    # agency copy may set the dateline off by a line break alone, or by nothing after its date
    # ("BAMAKO, Mali\n\nA military ...": a place and its country or date, not a headline)
    bare = "," in head and "\n" in head[len(stripped):] or bool(_DATELINE_DATE.search(stripped))
    if not (words[0].isupper() and len(words[0]) > 1) and "(" not in head and not bare and not (
            "," in head and (stripped.endswith(("—", "–", "--")) or head != head.rstrip(" \t") and
                             len(head) - len(head.rstrip(" \t")) >= 3)):
        return 0
    return m.end()


# "the Islamic State of Iraq and Syria", "the Army of Conquest", "the Bank of England"
ORG_BEFORE = re.compile(
    r"\b(?:Islamic\s+State|Army|Front|Brigades?|Battalions?|Council|Party|Movement|University|Bank|"
    r"Ministry|Emirate|Caliphate|Liberation|Front|Mujahideen|Assembly|Church|Organi[sz]ation|League|"
    r"Union|Federation|Association|Commission)\s+(?:for|of)\s+(?:the\s+)?"
    r"(?:[A-Z][\w'’-]*(?:\s+and\s+(?:the\s+)?|\s+|-))*$")


# "Sen. Leo Ryan, D-California", "Rep. X (R-Texas)": the state a politician stands for
PARTY_BEFORE = re.compile(r"\b[DRI]\s?-\s?$")


# "at 4 a.m. (Kyiv time)", "at 0800 Moscow time": a place naming a clock's zone
CLOCK_AFTER = re.compile(r"^\s+(?:standard\s+|summer\s+|daylight\s+)?time\b", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _organisation_name_after() -> re.Pattern:
    """The rest of a proper name that makes the place before it part of an organisation's
    name: capitalised words that end in a word of a body ("the Moro Islamic Liberation Front",
    "the Baghdad Operations Command", site_words.yaml's ``organisations``) or that are followed
    by the name's initials in brackets ("the Asia-Pacific Economic Cooperation (APEC)").
    Not a name whose words say it is a place, a unit or a site ("Aleppo City", "Homs
    Governorate (HG)", "the Deir Ezzor Military Airport")."""
    words = site_words()
    placelike = PLACE_NOUNS | words["sites_and_areas"] | words["units"] | words["broad"]
    bodies = sorted(w for w in words["organisations"] if w not in placelike and w.isalpha())
    name_word = r"[A-Z][\w'’]*"
    body = "|".join(w.capitalize() for w in bodies)
    return re.compile(
        rf"(?P<words>(?:(?:\s+|-){name_word}){{0,4}}?)"
        rf"(?:(?:\s+|-)(?P<body>{body})\b|(?<=[\w'’])\s*\([A-Z][A-Z0-9&-]{{1,8}}\))")


def _in_organisation_name(text: str, place: Place) -> bool:
    """The place is the first part of an organisation's proper name (``_organisation_name_after``)."""
    m = _organisation_name_after().match(text, place.end, min(len(text), place.end + 80))
    if not m or not (m.group("body") or m.group("words")):
        return False
    # the name goes on after the body's word: "the Kabul Army Hospital" is a site
    rest = _NAME_GOES_ON.match(text, m.end(), min(len(text), m.end() + 60)).group(0)
    placelike = _words_of_places_in_names()
    return not any(w.lower() in placelike for w in re.findall(r"[\w'’]+", m.group("words") + rest))


@functools.lru_cache(maxsize=1)
def _words_of_places_in_names() -> frozenset[str]:
    """Words that make a name a place's, a site's, a unit's or a day's, not a body's ("Aleppo
    City", "the Kabul Army Hospital", "Homs Governorate"): united once, not per place."""
    words = site_words()
    return frozenset(PLACE_NOUNS | words["sites_and_areas"] | words["units"] | words["calendar"])


_NAME_GOES_ON = re.compile(r"(?:[ -][A-Z][\w'’]*){0,3}")


def _in_organisation(text: str, place: Place) -> bool:
    """'SABA news agency', 'the Kabul Times', 'the Baath Party', 'the Islamic State of Iraq
    and Syria', 'the Organization of American States', 'the Moro Islamic Liberation Front',
    'the Asia-Pacific Economic Cooperation (APEC)': a name of an organisation; or a
    politician's party and state ('D-California'); or the zone of a clock ('at 4 a.m.
    (Kyiv time)'): none is where anything happened."""
    return bool(ORG_WORDS.match(text[place.end:place.end + 40])
                or _in_organisation_name(text, place)
                or CLOCK_AFTER.match(text[place.end:place.end + 20])
                or ORG_BEFORE.search(text[max(0, place.start - 60):place.start])
                or PARTY_BEFORE.search(text[max(0, place.start - 6):place.start]))


def _locative(text: str, place: Place) -> bool:
    """'in Tehran', 'near the town of ...': the sentence puts something at this place."""
    return bool(_LOCATIVE_BEFORE.search(text[max(0, place.start - 20):place.start]))


def _put_at(place: Place, doc) -> bool:
    """By the parse, the place is itself the object of "in", "at", "near" ... or of "the city
    of" ("in Tehran", "in Kabul and Herat"): not a place that qualifies that object ("in
    Ukraine's politics") nor one "of" a thing ("the conduct of United States President
    Trump"). True where there is no parse."""
    tok = _token_of(doc, place) if doc is not None else None
    if tok is None:
        return True
    for _ in range(6):
        if tok.dep_ not in ("conj", "appos", "compound") or tok.head.i == tok.i:
            break
        if tok.dep_ == "compound" and tok.head.pos_ != "PROPN" and tok.head.lower_ not in PLACE_NOUNS:
            return False
        tok = tok.head
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ == "of":
        return prep.head.lower_ in PLACE_NOUNS
    return prep.lower_ in LOCATIVE_PREPS


def _token_of(doc, place: Place):
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _clause_head(tok):
    """The predicate whose clause holds ``tok``: itself when a verb, else its nearest verb."""
    t = tok
    for _ in range(40):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            return t
        t = t.head
    return t


def _clause_of_place(tok):
    """The predicate whose clause holds a place's word. A name the tagger took for a verb
    ("the Sagaing region", "Beijing" read as verbs in "-ing") is no predicate of its own: its
    clause is its head's."""
    if tok.pos_ in ("VERB", "AUX") and tok.head.i != tok.i:
        return _clause_head(tok.head)
    return _clause_head(tok)


def _strength(place_tok, trigger) -> float:
    """How firmly the syntax ties a place to the trigger: 3 for a locative attachment
    ("killed in X", "the attack on the city of X"), 2 for the place as the event's object
    ("shelled X", "stormed the village of X"), 1 for weaker ties ("from X"), 0 when the place
    only qualifies a participant ("U.S. jets") or lies in another clause; -1 when not below
    the trigger at all."""
    path = []
    t = place_tok
    while t.i != trigger.i:
        if t.head.i == t.i or len(path) > 12:
            return -1.0
        path.append(t)
        t = t.head
    if not path:
        return -1.0
    for t in path[1:]:
        if t.dep_ == "pobj" and t.pos_ == "VERB" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            continue            # a gerund as a noun: "killed in fighting with rebels in X"
        if t.pos_ in ("VERB", "AUX") or t.dep_ in CLAUSE_DEPS:
            return 0.0          # another predicate's clause
    if place_tok.dep_ in CLAUSE_DEPS and len(path) > 1:
        return 0.0
    top = path[-1]
    loc_inside = _locative_path(path[:-1] if top.dep_ == "prep" else path)
    if any(t.dep_ in ("prep", "agent") and t.lower_ == "by" for t in path[:-1]) and \
            not any(t.lower_ in PLACE_NOUNS for t in path[:-1]):
        return 0.0              # "the execution by Saudi Arabia": who did it, not where
    if any(t.dep_ == "prep" and t.lower_ in WEAK_PREPS for t in path[:-1]):
        return 1.0              # "along Lebanon's border with X", "troops from X"
    if top.dep_ == "prep":
        word = top.lower_
        if word == "of":
            return 2.0          # "the bombing of X"
        if word in LOCATIVE_PREPS:
            return 3.0
        if loc_inside and _temporal(top):
            return 3.0          # "rallied for an hour outside the embassy in X": the parse hangs
                                # the verb's own place on its duration
        return max(WEAK_PREPS.get(word, 0.5), 1.5 if loc_inside and word not in ("against", "by") else 0)
    if top.dep_ in ("advmod", "npadvmod") and top.lower_ in LOCATIVE_PREPS:
        return 3.0              # "north of X", "outside X" read as adverbs
    if top.dep_ in OBJECT_DEPS or top.dep_ == "conj":
        # the place is the object, or names the object's site; not a modifier of a thing
        if place_tok.i == top.i:
            return 2.0
        if loc_inside:
            # "detainees at X were captured": X says where the subject of a passive is kept,
            # as "demonstrators in X protested" does for an active one; "the town of X was
            # shelled" and "the embassy in X was bombed" name the place itself
            where = [t for t in path[:-1] if t.dep_ == "prep"]
            if top.dep_ == "nsubjpass" and where and where[0].lower_ != "of" and top.lower_ not in PLACE_NOUNS:
                return 1.5
            return 2.0
        between = path[1:]
        # a common noun on the way names a person or thing the place qualifies ("Smith, a
        # Toronto hockey coach on holiday in X, was shot"), not the place itself
        if all(t.lower_ in PLACE_NOUNS or t.pos_ == "PROPN" or (
                t.dep_ in ("prep", "pobj", "appos", "conj") and t.pos_ != "NOUN") for t in between) \
                and all(t.dep_ in TRANSPARENT for t in path[:-1]):
            return 2.0
        return 0.0
    if top.dep_ in ("compound", "poss", "nmod", "amod") and trigger.pos_ in ("NOUN", "PROPN"):
        return 1.5              # "the Baghdad bombing", "Monday's Kabul attack"
    if loc_inside:
        return 1.5              # "demonstrators in X protested"
    return 0.0


# Nouns of a stretch of time: "for an hour", "during the night".
TIME_NOUNS = {"second", "minute", "hour", "day", "night", "week", "month", "year", "morning",
              "afternoon", "evening", "weekend", "while", "time"}


def _temporal(prep) -> bool:
    """A preposition of time: its object a date or time, or a noun of a stretch of time."""
    return prep.lower_ in WEAK_PREPS and any(
        c.dep_ == "pobj" and (c.ent_type_ in ("DATE", "TIME") or c.lemma_.lower() in TIME_NOUNS)
        for c in prep.children)


def _locative_path(path) -> bool:
    """A locative preposition on the way up from the place ("a policeman in X", "the town
    of X", "south of X")."""
    return any(t.dep_ == "prep" and (t.lower_ in LOCATIVE_PREPS and t.lower_ != "of"
                                     or t.lower_ == "of" and t.head.lower_ in PLACE_NOUNS)
               for t in path)


# Prepositions that put a group somewhere ("troops in Iraq", "reporters at the airport").
_GROUP_PREPS = {"in", "at", "inside", "across", "throughout"}


def _of_group(tok, trigger) -> bool:
    """The place only locates a group or names its state ("U.S. troops in Iraq", "analysts in
    Washington", "United States troops"): a locative object or a modifier of one of the
    ``posted`` nouns of site_words.yaml that is not the event's own word (nor, for a locative,
    one of its arguments)."""
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in _GROUP_PREPS:
        group = tok.head.head
        if group.head.i == trigger.i:
            return False    # "captured 200 troops in Girishk": where the event's own side was
    elif tok.dep_ in ("compound", "nmod", "amod", "poss"):
        group = tok.head
    else:
        return False
    return group.i != trigger.i and group.pos_ == "NOUN" and group.lower_ in site_words()["posted"]


def _other_predicate(tok, trigger):
    """(the verb the place is tied to, the trigger's clause head) when that verb is another
    predicate of the sentence than the event's own; (None, None) otherwise."""
    verb, own = _clause_of_place(tok), _clause_head(trigger)
    if verb.i in (trigger.i, own.i) or verb.pos_ not in ("VERB", "AUX") or _strength(tok, verb) < 1.5:
        return None, None
    return verb, own


def _another_scene(tok, trigger) -> bool:
    """The place is where another predicate of the sentence happened, not the event: it is tied
    to that predicate ("in X" or its object) and the predicate's clause is a coordinated one
    with a subject of its own ("the embassy in X was attacked and Saudi Arabia severed ties"),
    the report the event is told in ("'We agreed ...,' Abe told reporters in X"), or one that
    describes a participant ("a Jordanian captured in X is pleading", "the decision to keep
    troops in X"), but not one that says where its speaker spoke ("the minister, speaking in
    X, condemned"). Tied to it also where the place only locates that predicate's agent ("a
    Jordanian captured by militants in X is pleading", "claimed by a militia in X, but Y has
    condemned it")."""
    verb, own = _other_predicate(tok, trigger)
    if verb is None:
        return False
    if own.dep_ == "conj" and own.head.i == verb.i:
        return _has_subject(own)
    if verb.dep_ == "conj" and verb.head.i == own.i:
        return _has_subject(verb)
    if verb.left_edge.i <= trigger.i <= verb.right_edge.i:
        t = own         # the event is told in the other predicate's complement
        for _ in range(6):
            if t.head.i == t.i:
                return False
            if t.dep_ in ("ccomp", "parataxis") and t.head.i == verb.i:
                return True
            t = t.head
        return False
    if verb.dep_ in ("acl", "relcl") and verb.lemma_.lower() in site_words()["speaking_verbs"] and \
            verb.head.dep_ in ("nsubj", "nsubjpass") and verb.head.head.i == own.i:
        return False    # "the minister, speaking in X, condemned": where the speaker spoke
    t = verb            # up to the noun whose clause it is, through infinitives and conjuncts
    for _ in range(12):
        if t.dep_ in ("acl", "relcl"):
            return True
        if t.head.i == t.i or t.dep_ not in ("xcomp", "conj", "advcl", "pcomp", "pobj", "prep"):
            return False
        t = t.head
    return False


_MODALS = frozenset({"should", "would", "could", "may", "might", "will", "shall", "must", "'ll"})


def _unreal_scene(tok, trigger) -> bool:
    """The place is where another predicate of the sentence may or should happen, not where the
    event did: "talks in which all agreed that negotiations should resume in Geneva" were not
    held in Geneva. Only a place tied to a predicate with a modal of its own, not the event's."""
    verb, _ = _other_predicate(tok, trigger)
    return verb is not None and any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children)


def _reported_at(tok, trigger) -> bool:
    """The place says where the report the event is told in was made, not where the event
    happened: it hangs, after the verb, on a verb of reporting (site_words.yaml
    ``report_verbs``) whose complement tells the event ("Gunmen abducted two workers, a
    spokesman told reporters in X", "Troops arrested ten men, the ministry said in a
    statement issued in X"). Not a place before the verb ("In X, police said gunmen attacked
    ..."), nor one in its subject ("officials in X said")."""
    above = {t.i for t in trigger.ancestors}
    t, child = tok, None
    for _ in range(14):
        if t.i in above or t.head.i == t.i:
            break
        child, t = t, t.head
    verb = t
    if child is None or verb.i not in above or verb.pos_ not in ("VERB", "AUX") or \
            verb.lemma_.lower() not in site_words()["report_verbs"]:
        return False
    if child.i < verb.i or child.dep_ in ("nsubj", "nsubjpass", "ccomp", "parataxis", "conj"):
        return False
    c = trigger     # the event is told in the verb's complement
    while c.head.i != verb.i:
        c = c.head
    return c.dep_ in ("ccomp", "parataxis")


def _doer(tok, trigger) -> bool:
    """The place is the active subject of the trigger, or of a verb coordinated with it that
    shares its subject ("Israel captured and annexed the area", "Germany and the United States
    will patrol the border"): it names who did it, as a demonym does, not where. Only where the
    verb acts on something (an object, a complement, a particle: "shot down"): the subject of
    "Mosul fell to the militants" is what the event befell, and there."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = tok.head
    if tok.dep_ == "nsubjpass" or verb.i not in (trigger.i, *(v.i for v in _coordinated(trigger))):
        # the subject of a verb the trigger's infinitive completes is its doer too: "the US is
        # reported to have killed ...", "Russia tried to seize ...", "Israel continued to shell"
        # "Kharkiv is reported to have been shelled": the raised subject undergoes a passive
        above = _completed_by(trigger)
        if above is None or above.i != verb.i or any(c.dep_ == "auxpass" for c in trigger.children):
            return False
        return any(c.dep_ in _ACTED_ON for c in trigger.children)
    return any(c.dep_ in _ACTED_ON for v in (verb, trigger) for c in v.children)


def _completed_by(verb):
    """The verb whose open complement (an infinitive, "to have killed") ``verb`` heads, up a
    chain of such complements: "reported" of "the US is reported to have killed"; None when
    ``verb`` completes none."""
    top = None
    while verb.dep_ == "xcomp" and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        verb = top = verb.head
    return top


# A locative preposition right before a name, no article between: "in Afghanistan".
_BARE_LOCATIVE = re.compile(r"\b(?:in|at|near|inside|outside)\s+$", re.IGNORECASE)


def _whose(tok, place: Place) -> bool:
    """A country that modifies a common noun names whose the thing is, as its demonym would:
    "a U.S. drone strike", "U.S. forces", "the Indonesia military", "a U.S. patrol"; not
    where, unless the noun is a place, a site or a building ("a Hong Kong hotel", "the Sudan
    plant", "Pakistan's tribal region"). A town's name keeps its place ("the Kabul attack")."""
    if place.feature != "country" or _BARE_LOCATIVE.search(doc_text(tok.doc), max(0, place.start - 8), place.start):
        return False    # "captured in Afghanistan sobs": put there, whatever the parse hangs it on
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ not in ("compound", "nmod") or tok.head.pos_ != "NOUN":
        return False
    noun = tok.head.lower_
    words = site_words()
    return noun not in PLACE_NOUNS and noun not in words["sites_and_areas"] and noun not in words["institutions"]


def _undergoer(tok, trigger) -> bool:
    """The place is the passive subject or the object of the trigger, or of a verb coordinated
    with it, whose undergoer is a person or a craft ("Lincoln was shot down over Syria",
    "gunmen killed Houston near the border"; site_words.yaml ``undergoer_verbs``): it names
    whom the event befell, a person bearing a town's name, not where."""
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ not in ("nsubjpass", "dobj", "obj") or tok.pos_ != "PROPN":
        return False
    verb = tok.head
    if verb.i != trigger.i and not any(v.i == verb.i for v in _coordinated(trigger)):
        return False
    return verb.lemma_.lower() in site_words()["undergoer_verbs"]


# What a verb acts on: its object, a clause it governs, the particle of "shot down".
_ACTED_ON = {"dobj", "obj", "dative", "ccomp", "xcomp", "prt"}


def _has_subject(verb) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _holds(outer: Place, inner: Place, ctx: DocContext) -> bool:
    """``outer`` is a country, province or city that ``inner``, a more specific place, lies in."""
    return inner is not outer and inner.country == outer.country and \
        _specificity(inner, ctx) > _specificity(outer, ctx) and (
            outer.feature == "country" or (outer.feature == "admin1" and inner.admin1 == outer.name)
            or (outer.feature == "city" and _specificity(inner, ctx) > SPECIFICITY["city"]))


def _path_up(tok, head) -> list:
    path, t = [], tok
    while t.i != head.i and t.head.i != t.i and len(path) < 12:
        path.append(t)
        t = t.head
    return path


# Nouns of a part of a place: "the X neighbourhood of Y" is X, inside Y.
PART_NOUNS = {"neighborhood", "neighbourhood", "neighborhoods", "neighbourhoods", "suburb",
              "suburbs", "quarter", "district", "districts", "area", "region", "outskirts",
              "countryside", "part", "parts", "section", "sector", "outskirt"}


def _frames(tok, named: set[int]) -> bool:
    """The place only says where the place a unit phrase names lies: "the Aegean island of
    Lesbos", "the West Bank town of Hebron", "Manila's northern province of Bulacan"
    (``named``: the token indices of the sentence's other places). The phrase names the place
    after "of", whatever the grain of the two; not after a word for a part ("the Karrada
    neighbourhood of Baghdad", "the X district of Y": the name before it is the part's), nor
    a bare name before its unit word ("in Konduga town of Borno State": the town is Konduga)."""
    if tok.dep_ not in ("amod", "compound", "nmod", "poss") or tok.head.lower_ not in PLACE_NOUNS \
            or tok.head.lower_ in PART_NOUNS:
        return False
    if tok.dep_ != "poss" and not any(c.dep_ in ("det", "poss") for c in tok.head.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        g.dep_ == "pobj" and g.i in named for g in c.children) for c in tok.head.children)


# Prepositions that put one place inside another: "the village of X in Y district".
_WITHIN_PREPS = {"in", "of", "inside", "within"}


def _holds_named(tok, named: dict, ctx: DocContext) -> bool:
    """The place hangs, by "in" or "of", inside the phrase that names another place of the
    sentence (``named``: the sentence's places by their token's index): "the village of X in Y
    district", "the X area of Y", "X town of the province of Y", "the village of X in western
    Y, southern Z". The text puts the other place in this one, so this one is its container,
    whatever grains the gazetteer gives the two. Not where the other place cannot lie inside
    it: a country ("the US embassy in Nairobi"), a body of water ("a bridge over the Tigris
    River in Baghdad"), a province the gazetteer puts this one in ("Virginia Tech in
    Blacksburg"); nor the place a unit phrase names ("the West Bank town of Hebron",
    ``_frames``); nor a place the places stage read as a part of the town before its unit
    word ("the Homs neighbourhood of Baba Amr")."""
    place = named.get(tok.i)
    while tok.dep_ == "appos" and tok.head.i != tok.i:
        tok = tok.head      # "in Adana, southern Turkey": Turkey holds what Adana holds
    t = tok.head if tok.dep_ in ("compound", "amod", "nmod") and tok.head.i != tok.i else tok
    outside = {i: p for i, p in named.items() if i not in {x.i for x in t.subtree}}
    words = site_words()
    waters, buildings = words["waters"], words["sites"] | words["institutions"]

    def held(word) -> bool:
        """The word, or a word of the proper name it ends ("Marj al-Sultan"), is another
        place's."""
        name = word.pos_ == "PROPN" and word.lower_ not in PLACE_NOUNS
        for w in (word, *(c for c in word.children if name and c.dep_ == "compound")):
            p = outside.get(w.i)
            if p is not None and p.feature != "country" and p.text.split()[-1].lower() not in waters \
                    and not (p.feature == "admin1" and place is not None and _holds(p, place, ctx)):
                return True
        return False

    for _ in range(3):
        if t.dep_ != "pobj" or t.head.dep_ != "prep" or t.head.lower_ not in _WITHIN_PREPS:
            return False
        prep, t = t.head, t.head.head
        if held(t):
            return True     # "X in Y": straight inside another place's name ("Sadr City")
        if t.lower_ not in PLACE_NOUNS or t.lower_ in buildings:
            continue    # "a Baghdad square in the neighbourhood of X": the square is Baghdad's
        if any(c.dep_ in ("compound", "nmod", "amod") and held(c) and not _frames(c, named.keys())
               for c in t.children):
            # "the Homs neighbourhood of X": which holds which, the places stage has read
            return not (prep.lower_ == "of" and t.lower_ in PART_NOUNS and place is not None
                        and (place.start, place.end) in _notes(ctx).parts)
        if any(c.dep_ == "prep" and c.lower_ == "of" and any(held(g) for g in c.children)
               for c in t.children if c.i != prep.i):
            return True     # "the village of X in Y"
    return False


def _by_token(doc, places: list[Place]) -> dict:
    """The places of a sentence by the index of their token."""
    return {t.i: p for p in places if (t := _token_of(doc, p)) is not None}


def _modifier(tok) -> bool:
    """The place names the container of another place of the phrase ("the West Bank town of
    X", "Yala's X district", "Congo's capital, X", "the X neighbourhood of Baghdad"): the
    phrase is about the other place."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in PART_NOUNS and any(
            c.dep_ in ("compound", "nmod", "amod") and c.pos_ == "PROPN" for c in tok.head.head.children):
        return True     # "the Kadhimiya neighbourhood of Baghdad": Baghdad holds it
    if tok.dep_ not in ("poss", "compound", "nmod") or tok.head.pos_ not in ("NOUN", "PROPN"):
        return False
    head = tok.head
    if tok.dep_ != "poss" and head.lower_ in PLACE_NOUNS and (head.lower_ in PART_NOUNS or not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in head.children)):
        return False    # "the X district", "the X neighbourhood of Y": the unit itself
    if tok.dep_ == "poss" and head.lower_ in PLACE_NOUNS and not any(
            c.dep_ in ("compound", "nmod", "appos") and c.pos_ == "PROPN" or c.dep_ == "prep" and c.lower_ == "of"
            for c in head.children):
        return False    # "Pakistan's tribal region": the unit has no name but its holder's
    return True


_DISTANCE_FROM = re.compile(
    r"(?:\d[\d,.]*\s*(?:km|kilometers|kilometres|miles)\b[^.;:]{0,30}?|\b(?:a|the)\s+(?:\w+\s+)?"
    r"(?:town|city|village|suburb|district|area)\s+)(?:(?:north|south|east|west)(?:east|west)?(?:ern)?"
    r"\s+of|near|outside|from)\s+(?:the\s+)?(?:\w+\s+){0,2}$", re.IGNORECASE)
_REFERENCE = re.compile(
    r",\s*(?:about\s+|some\s+|around\s+|nearly\s+|just\s+|roughly\s+|approximately\s+|located\s+)?"
    r"(?:(?:[\d,.]+\s*(?:km|kilometers|kilometres|miles)\s*"
    r"(?:\([^)]{0,30}\)\s*)?)?(?:north|south|east|west)(?:east|west)?(?:ern)?\s+of|near|outside)\s+(?:the\s+)?"
    r"(?:(?:capital|city|town|province)\s+(?:of\s+)?)?$", re.IGNORECASE)


def _reference(text: str, place: Place) -> bool:
    """'in X, 50 km south of Baghdad', 'in Miranda state, near Caracas': Baghdad and Caracas
    only say where X lies."""
    before = text[max(0, place.start - 70):place.start]
    return bool(_REFERENCE.search(before) or _DISTANCE_FROM.search(before))


# "X south of Y", "X province to the west of Y", "X, just north of Y": a direction from Y
_DIRECTION_OF = re.compile(
    r"(?:\s+(?:just|some|about|to\s+the|in\s+the))?\s+(?:north|south|east|west)(?:east|west)?(?:ern)?"
    r"\s+of\s+(?:the\s+)?(?:(?:capital|city|town|province)\s+(?:of\s+)?)?$", re.IGNORECASE)
_NAME_OR_UNIT = re.compile(r"[A-Z][\w'’-]*|[a-z]+")


def _located_from(text: str, place: Place, others: list[Place]) -> bool:
    """'Minya University south of Cairo', 'the city of Baquba northeast of Baghdad', 'the Chlef
    province to the west of Algiers': a direction from the place, right after another place of
    the sentence (or its unit or site word), only says where that other place lies."""
    before = text[max(0, place.start - 50):place.start]
    m = _DIRECTION_OF.search(before)
    if not m:
        return False
    cut = place.start - (len(before) - m.start())
    unit_words = PLACE_NOUNS | site_words()["sites_and_areas"]
    for q in others:
        if q is place or not (cut - 30 <= q.end <= cut):
            continue
        gap = text[q.end:cut].split()
        if len(gap) <= 2 and all(_NAME_OR_UNIT.fullmatch(w) and (w[0].isupper() or w in unit_words) for w in gap):
            return True
    return False


def _candidates(ctx: DocContext, sites: bool = False):
    """The places that may serve as an event's place, and those kept back as fallbacks;
    with ``sites``, the document's named sites too. Sorted out once per document (every
    event asks)."""
    cache = _notes(ctx).candidates
    cached = cache.get(sites)
    if cached is not None and cached[0] is ctx.places and cached[1] == len(ctx.places):
        return cached[2]
    found = _sort_candidates(ctx, sites)
    cache[sites] = (ctx.places, len(ctx.places), found)
    return found


# "pro-Russia rebels", "anti-American protests": a side's stance, as a demonym names a side
_STANCE = re.compile(r"\b(?:pro|anti)[-‐–]\s*$", re.IGNORECASE)


def _sort_candidates(ctx: DocContext, sites: bool):
    text = ctx.document.text
    dl = dateline_end(text)
    offices = _notes(ctx).offices
    good, dateline, demonyms = [], [], []
    for p in ctx.places + named_sites(ctx) if sites else ctx.places:
        # "King Salman of Saudi Arabia" says whose king, as "the Saudi king" does
        if is_demonym(p, ctx) or (p.start, p.end) in offices or _STANCE.search(text[max(0, p.start - 6):p.start]):
            demonyms.append(p)
        elif p.end <= dl:
            dateline.append(p)
        elif _in_organisation(text, p):
            continue
        else:
            good.append(p)
    return good, dateline, demonyms


def _as_event_place(p: Place, origin: str) -> EventPlace:
    return EventPlace(name=p.name, country=p.country, lat=p.lat, lon=p.lon, geonameid=p.geonameid,
                      from_=origin, start=p.start, end=p.end, feature=p.feature, admin1=p.admin1)


def _focus(places: list[Place], ctx: DocContext) -> Place | None:
    """The most often named of ``places`` (names before demonyms, the more specific on a tie)."""
    if not places:
        return None
    counts: Counter = Counter()
    first: dict = {}
    for p in places:
        key = (p.geonameid, p.lat, p.lon) if p.geonameid else (p.name, p.lat, p.lon)
        demonym = is_demonym(p, ctx)
        counts[key] += 0.5 if demonym else 1
        if key not in first or (is_demonym(first[key], ctx) and not demonym):
            first[key] = p
    key = max(counts, key=lambda k: (counts[k], SPECIFICITY.get(first[k].feature, 0)))
    return first[key]


def _focus_of(places: list[Place], ctx: DocContext) -> Place | None:
    """``_focus`` of one of the lists ``_candidates`` keeps, counted once per document."""
    cache = _notes(ctx).focus
    if id(places) not in cache or cache[id(places)][0] is not places:
        cache[id(places)] = (places, _focus(places, ctx))
    return cache[id(places)][1]


def document_focus(ctx: DocContext) -> Place | None:
    """The place the document is about: its most often named place (names before demonyms,
    datelines only when nothing else, the more specific on a tie), else None."""
    good, dateline, demonyms = _candidates(ctx)
    return _focus(good, ctx) or _focus(dateline, ctx) or _focus(demonyms, ctx)


# A photo caption set into the story: "FILE - Rescue workers carry ...", "... in Havana, Cuba,
# Dec. 10, 2014." It tells the moment of its picture, often years before the story.
PHOTO_CAPTION = re.compile(r"^\s*(?:FILE|PHOTO)\s*[-–—:]|,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})\.\s*$")


def photo_caption(sentence: str) -> bool:
    """True for the text of a sentence that is a photo caption."""
    return bool(PHOTO_CAPTION.search(sentence))


def _in_caption(place: Place, doc) -> bool:
    """The place is named in a photo caption of the document (``doc`` the whole parse)."""
    if doc is None or not doc.has_annotation("SENT_START"):
        return False    # no sentences to tell a caption by
    tok = _token_of(doc, place)
    return tok is not None and photo_caption(sentence_text_of(doc, tok.i))


def _only_town(area: Place, ctx: DocContext, doc) -> Place | None:
    """The one town of ``area`` (a country or province) the document names outside its photo
    captions, if it names one only: a story set in one town of its country ("died in the city
    of Aden, in southern Yemen ... Yemen ... Yemen") happened there."""
    # asked for every event; the answer depends on the area's name and grain, not its mention:
    # read once per area, not once per event over every place of the document (quadratic)
    memo = _notes(ctx).only_town
    key = (area.country, area.feature, area.name, area.admin1, _specificity(area, ctx))
    if key not in memo:
        towns = {(p.name, p.lat, p.lon): p for p in _candidates(ctx)[0]
                 if _holds(area, p, ctx) and not _in_caption(p, doc)}
        memo[key] = next(iter(towns.values())) if len(towns) == 1 else None
    return memo[key]


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph(s) of the sentence [start, end): from the break before its first word to
    the break after its last. A sentence's span ends with the whitespace after it, the break
    itself: searched from there, the next paragraph's places would count as its own."""
    last = len(text[start:end].rstrip()) + start
    return paragraph_at(text, start)[0], paragraph_at(text, max(start, last - 1))[1]


def _coordinated(trigger) -> list:
    """The verbs coordinated with a verb trigger that share its subject ("captured, tortured
    and killed"): along the chain of conjuncts both ways, not a conjunct clause with a
    subject of its own ("police shot X, and agents captured Y in Z")."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return []

    def own_subject(verb) -> bool:
        return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)

    out, seen = [], {trigger.i}
    todo = [trigger]
    while todo:
        verb = todo.pop()
        near = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            near.append(verb.head)
        for other in near:
            if other.i in seen:
                continue
            seen.add(other.i)
            # the later conjunct must not bring its own subject
            later = other if other.i > verb.i else verb
            if own_subject(later) and later.dep_ == "conj":
                continue
            out.append(other)
            todo.append(other)
    return out


# Verbs whose subject, an attack or blast, hits its object: "bombings struck the cathedral",
# "a blast rocked Kabul", "the explosion killed five people in X".
SCENE_VERBS = {"hit", "strike", "rock", "shake", "target", "tear", "rip", "destroy", "damage",
               "kill", "wound", "injure", "level", "flatten", "engulf"}


def _struck_by(trigger) -> list:
    """The verb a nominal trigger is the subject of, when that verb says what it hit."""
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "nsubj" and \
            trigger.head.lemma_.lower() in SCENE_VERBS:
        return [trigger.head]
    return []


# Verbs of taking a place: an offensive launched "to capture X" is fought for X, so X is
# where it happens, as "the attack on X" says.
AIM_VERBS = {"capture", "recapture", "retake", "seize", "storm", "liberate", "reclaim", "regain",
             "overrun", "encircle", "besiege", "take"}


def _aimed_at(trigger) -> list:
    """The verbs of taking a purpose infinitive hangs on the trigger or on its object ("launched
    an offensive to capture X", "advanced to retake X"): the place taken is the event's."""
    hosts = [trigger] + [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
    return [c for host in hosts for c in host.children
            if c.dep_ in ("xcomp", "advcl", "acl") and c.pos_ == "VERB" and c.lemma_.lower() in AIM_VERBS
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]


def _bounds(span) -> tuple[int, int]:
    if hasattr(span, "start_char"):
        return span.start_char, span.end_char
    if isinstance(span, tuple):
        return span
    return span.start, span.end


def _coordinated_with(tok, spans) -> bool:
    """``tok`` is coordinated with a word inside one of ``spans`` ("France and Germany sent
    troops": Germany stands beside the side France, and is a side as well)."""
    return any(s0 <= t.idx < s1 for t in tok.conjuncts for s0, s1 in spans) and \
        not any(s0 <= tok.idx < s1 for s0, s1 in spans)


def event_place(span, ctx: DocContext, trigger=None, sides=(),
                locative_only: bool = False, partners=()) -> EventPlace | None:
    """Where the event of ``trigger`` (a spaCy Token in the sentence ``span``) happened.

    The place tied to the trigger by the syntax ("killed in X", "the attack on the city of X",
    "stormed the village of X"), the most specific first; else a place of its clause; else
    of its sentence (one the sentence puts things at first, "in X"); else the nearest place
    of its paragraph; else the document's focus; else a dateline or a demonym. ``None``
    when the document names no place. Without a trigger the sentence is the narrowest step.
    ``sides``: (start, end) spans of the event's source and target; a place inside one is
    who acts or is acted on ("aid to Thailand", "Russia's government"), not where.
    ``partners``: (start, end) spans of the event's sides for every category; a place
    coordinated with one is a side too ("France and Germany sent troops to Mali").
    ``locative_only`` (statements): in the sentence only a place it puts something at ("in X",
    X itself the object) counts, and not one where another predicate of the sentence happened
    (``_another_scene``); a statement's country ("criticized North Korea's belligerence") is its
    topic.
    """
    start, end = _bounds(span)
    text = ctx.document.text
    good, dateline, demonyms = _candidates(ctx, sites=True)
    doc = trigger.doc if trigger is not None else getattr(span, "doc", None)
    inside = [p for p in cached_index(ctx.scratch, "places.good", good).within(start, end)
              if not any(s0 <= p.start and p.end <= s1 for s0, s1 in sides)
              and (not locative_only or _locative(text, p) and _put_at(p, doc))]
    if partners and inside and doc is not None:
        inside = [p for p in inside if (tok := _token_of(doc, p)) is None
                  or not _coordinated_with(tok, partners)]
    if trigger is not None and inside and doc is not None:
        # "Israel captured the area", "Turkey launched an offensive": who did it, not where;
        # "a U.S. drone strike", "the Indonesia military": whose, as "American" says
        inside = [p for p in inside if (tok := _token_of(doc, p)) is None or not (
            _doer(tok, trigger) or _undergoer(tok, trigger) or _whose(tok, p))]
    if trigger is not None and inside and doc is not None:
        tied, clause = [], []
        head = _clause_head(trigger)
        by_token = _by_token(doc, inside)
        named = set(by_token)   # the indices of the places' tokens
        for p in inside:
            tok = _token_of(doc, p)
            if tok is None:
                continue
            strength = _strength(tok, trigger)
            if strength < 1:
                # "shot and killed X in Y": coordinated verbs share their attachments; "twin
                # bombings struck the cathedral in X": the verb an attack is the subject of
                # says where it hit
                for other in _coordinated(trigger) + _struck_by(trigger):
                    shared = _strength(tok, other)
                    if shared >= 2:
                        strength = max(strength, shared - 0.5)
                # "launched an offensive to capture the village of X": the place taken is the
                # object of the aim, as strong a tie as "the attack on X"
                for aim in _aimed_at(trigger):
                    if _strength(tok, aim) == 2.0:
                        strength = max(strength, 2.0)
            distance = abs(tok.i - trigger.i)
            if _reference(text, p) or _frames(tok, named) or _located_from(text, p, inside):
                strength = min(strength, 0.5)
            rank = (_specificity(p, ctx), not _modifier(tok))
            if strength >= 1:
                tier = 2 if strength >= 2 else 1 if strength >= 1.5 else 0
                # "in the village of X in Y district": Y holds the place the event is tied to
                tied.append((tier, not _holds_named(tok, by_token, ctx), *rank, strength, -distance, p))
            elif _clause_of_place(tok).i == head.i and (strength != 0.0 or _locative(text, p)):
                loc = _locative(text, p) or _locative_path(_path_up(tok, head))
                clause.append((loc, *rank, -distance, p))
        if tied:
            return _as_event_place(max(tied, key=lambda c: c[:-1])[-1], "trigger")
        if clause:
            return _as_event_place(max(clause, key=lambda c: c[:-1])[-1], "clause")
    if inside and trigger is not None and doc is not None:
        # not tied to the event: a place that only says where a group is, or whose it is,
        # is not the sentence's place of the event ("recommended U.S. troops in Iraq withdraw")
        # a statement is made where the text puts its speaker, not where another predicate of
        # the sentence happened
        inside = [p for p in inside if (tok := _token_of(doc, p)) is None or not (
            _of_group(tok, trigger) or _reported_at(tok, trigger) or _unreal_scene(tok, trigger)
            or locative_only and _another_scene(tok, trigger))]
    if inside:
        anchor = trigger.idx if trigger is not None else start

        by_token = _by_token(doc, inside) if doc is not None else {}
        named = set(by_token)

        def container(p, tok) -> bool:
            """A country, province or city the sentence also names a place inside of, by the
            gazetteer or by the phrase ("the village of X in Y district")."""
            return any(_holds(p, q, ctx) for q in inside) or tok is not None and _holds_named(tok, by_token, ctx)

        def rank(p):
            tok = _token_of(doc, p) if doc is not None else None
            loc = _locative(text, p) or (tok is not None and _locative_path(_path_up(tok, _clause_of_place(tok))))
            framing = tok is not None and _frames(tok, named)
            return (not _reference(text, p) and not framing and not _located_from(text, p, inside), loc and not container(p, tok), _specificity(p, ctx),
                    tok is None or not _modifier(tok), -abs(p.start - anchor))
        return _as_event_place(max(inside, key=rank), "sentence")
    p0, p1 = _paragraph(text, start, end)
    # the sentence's own places were weighed above: one set aside there (a side of the
    # event, a statement's topic) is not taken back as the paragraph's; nor is the place of
    # a photo caption set into the paragraph, which shows another moment ("FILE - ... in
    # Kabul, March 22, 2015.")
    around = [p for p in cached_index(ctx.scratch, "places.good", good).within(p0, p1)
              if not (start <= p.start < end) and not _in_caption(p, doc)]
    if around:
        # the nearest place named before the sentence, else the nearest after it
        before = [p for p in around if p.end <= start]
        best = max(before, key=lambda p: p.start) if before else min(around, key=lambda p: p.start)
        # "in Ferguson, Missouri": the pair names one place, the town, not its state; and a
        # paragraph that names a country and a town of it is about the town
        inner = [p for p in around if _holds(best, p, ctx)]
        if inner:
            before_inner = [p for p in inner if p.end <= start]
            best = max(before_inner, key=lambda p: p.start) if before_inner else min(inner, key=lambda p: p.start)
        if best.feature in ("country", "admin1"):
            best = _only_town(best, ctx, doc) or best
        return _as_event_place(best, "paragraph")
    focus = _focus_of(_candidates(ctx)[0], ctx) or _focus_of(dateline, ctx)
    if focus is not None and focus.feature in ("country", "admin1"):
        focus = _only_town(focus, ctx, doc) or focus
    if focus is None:
        in_sentence = cached_index(ctx.scratch, "places.demonyms", demonyms).within(start, end)
        focus = in_sentence[0] if in_sentence else _focus_of(demonyms, ctx)
    return _as_event_place(focus, "document") if focus is not None else None
