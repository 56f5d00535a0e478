"""Within-document event coreference: the mentions of one real-world event become one event.

News tells an event several times: the lead, the toll sentence, a quote, a later "the attack".
Two coded events of one document are the same event when nothing tells them apart: the same
category, the same modality (or a plan and the deed it announced), sides that do not contradict
each other (swapped sides are the same for joint and clash events; two people named apart are
two sides; in loosely told events a country read from the context yields to one a mention names;
two countries read from two contexts for a side of one sector tell nothing), dates and places
that agree where both are known (a country's name holds its cities, and so does a first-level
region's; a day told for a phase of an undertaking, "began Wednesday", "continued Thursday",
parts nothing: ``told_as_phase``), an assault and one answering it on its doer, told with no
fight word, are two acts, and that the sentence does not list as two ("Russian airstrikes and
Kurdish attacks") nor tell as another of the kind ("another attack", "in a separate clash").
The merged event keeps the most complete mention as its evidence, takes the fields the others
add (a side, a named country, a better-filled side, a date, a place, a place inside the one
another names: "in the state of Sonora" ... "the attack occurred in Cajeme") and lists every
other evidence span in ``mentions``; a restatement coded as no event of its own gives the event
told before the same (``take_restatement``). An event told only as the purpose of an
act of another category ("crossed the border to back up the rebels") is that act's aim, not a
second deed (``aims_of_other_acts``).
"""
from __future__ import annotations

import datetime as _dt
import functools

from ..actors import load_dictionary
from ..actors.dictionary import fold, looks_like_name
from ..categories import categories_where
from ..geodesy import haversine_km
from ..record import Event
from .lexicon import load_lexicon

# Joint events: "X met Y" and "Y held talks with X" are one meeting.
_JOINT = categories_where("symmetric") - {"ASSAULT"}   # an assault only as a fight (19x), below
# Events whose unnamed sides are described loosely from mention to mention ("gunmen",
# "militants", "the attackers"): sectors may differ, countries may not.
_LOOSE_SECTORS = {"ASSAULT", "PROTEST", "COERCE", "MOBILIZE"}
SAME_PLACE_KM = 50.0
# Modes one happening is told in from mention to mention: a demonstration that turned violent
# ("marched on parliament ... threw stones at police") is one protest.
_ONE_HAPPENING_MODES = [{"demo", "riot"}]


@functools.lru_cache(maxsize=512)
def _country_names(code: str) -> frozenset[str]:
    import pycountry

    c = pycountry.countries.get(alpha_3=code)
    if c is None:
        return frozenset()
    return frozenset(n.lower() for n in (c.name, getattr(c, "official_name", ""), getattr(c, "common_name", "")) if n)


@functools.lru_cache(maxsize=512)
def _gazetteer_country_name(code: str) -> str | None:
    from ..places.resolve import country_place

    place = country_place(code)
    return place.name.lower() if place is not None else None


def _country_level(p) -> bool:
    """"Russia" as well as "Russian Federation": the pycountry names and the gazetteer's."""
    if not p.country:
        return False
    name = p.name.lower()
    return p.feature == "country" or name in _country_names(p.country) or \
        name == _gazetteer_country_name(p.country)


# Dictionary entries that give a phrase its country by name ("Iranian", "Kabul", "Hamas");
# an agent noun ("protesters", "police") gives none.
_COUNTRY_KINDS = ("country", "demonym", "capital", "seat", "place", "org", "person")
_MAX_WORDS = 4


@functools.lru_cache(maxsize=4096)
def _country_named(text: str) -> str | None:
    """The country a side's own words name ("Iranian protesters", "the Kabul government"), or
    None when its country was read from the context ("protesters", "the rebel group")."""
    words = [w.removesuffix("'s").removesuffix("’s") for w in text.split()]
    phrases = load_dictionary().phrases
    for size in range(min(_MAX_WORDS, len(words)), 0, -1):
        for i in range(len(words) - size + 1):
            surface = " ".join(words[i:i + size])
            key = fold(surface)
            if not key or not looks_like_name(surface, key):
                continue
            for entry in phrases.get(key, []):
                if entry.kind in _COUNTRY_KINDS:
                    country = entry.coded(None)[0]
                    if country:
                        return country
    return None


_NOT_PEOPLE = ("country", "demonym", "capital", "seat", "place", "org", "agent")


@functools.lru_cache(maxsize=4096)
def _person_named(text: str) -> str | None:
    """The person a side names, folded: a name of two or more capitalised words that ends the
    phrase and names no place, organisation or agent ("Ricardo Llerandi"), else a person of
    the actors dictionary named by one word ("Warren" is Elizabeth Warren)."""
    words = [w.removesuffix("'s").removesuffix("’s") for w in text.split()]
    phrases = load_dictionary().phrases
    run: list[str] = []
    for w in reversed(words):
        if not w[:1].isupper():
            break
        run.insert(0, w)

    def titled(w: str) -> bool:   # "President", "U.S.", "Taliban", "Puerto Rico": no name
        return any(e.kind in _NOT_PEOPLE for e in phrases.get(fold(w), []))

    # the titles before the name, of one word or several ("President", "Foreign Secretary")
    while run and (k := next((k for k in range(min(_MAX_WORDS, len(run)), 0, -1)
                              if titled(" ".join(run[:k]))), 0)):
        del run[:k]
    if len(run) >= 2:
        if run[0].lower() == "the" or any(titled(" ".join(run[i:j])) for i in range(len(run))
                                           for j in range(i + 1, min(i + _MAX_WORDS, len(run)) + 1)):
            return None   # "the Puerto Rico Center", "Islamic State": no person
        return fold(" ".join(run))
    entries = phrases.get(fold(words[-1]), []) if words else []
    if any(e.kind in _NOT_PEOPLE for e in entries):
        return None
    person = next((e for e in entries if e.kind == "person"), None)
    return fold(person.name) if person is not None else None


def _different_people(x, y) -> bool:
    """Two people named apart ("Ricardo Llerandi" and "Ricardo Rosselló Nevares"); a surname
    alone ("Rosselló") is the same person as the full name that holds it."""
    p, q = _person_named(x.text), _person_named(y.text)
    if p is None or q is None:
        return False
    return p.split()[-1] not in q.split() and q.split()[-1] not in p.split()


def _sides_agree(x, y, loose: bool, guessed: bool = False) -> bool:
    """``loose``: sectors may differ; ``guessed``: a country read from the context yields to
    one the other mention names. Two countries read from the context, for sides of one
    sector, never tell the sides apart."""
    if x is None or y is None:
        return True
    if x.actor and y.actor and x.actor == y.actor:
        return True
    if _different_people(x, y):
        return False
    if x.country and y.country and x.country != y.country:
        named_x, named_y = bool(_country_named(x.text)), bool(_country_named(y.text))
        # two guesses read from two contexts for a side of one sector ("the rebel group", "the
        # extremists"): neither mention's words say where the side is from
        two_guesses = not named_x and not named_y and bool(x.sector) and x.sector == y.sector
        if not two_guesses and (not guessed or named_x == named_y):
            # a country one mention's words name beats one the other's read from its context: the
            # guess does not tell two loosely described sides apart ("protesters" and "Iranian
            # protesters" set fire to one embassy); two names that differ, or two guesses for
            # sides of two sectors, do
            return False
    if not loose and x.sector and y.sector and x.sector != y.sector:
        return False
    return True


# How long before the day of a report the act it tells may have happened: a week, as a lead's day.
TOLD_WITHIN_DAYS = 7


def dates_agree(a: Event, b: Event, told: set[int], reported: set[int] = frozenset()) -> bool:
    """Dates contradict when both were told in the events' own sentences; a date carried over
    or defaulted to the publication day says little, but not nothing: a year told for one
    ("overran the north in 2013") and another year carried to the other is another event.
    ``reported``: ids of the events whose sentence tells only the day of the report (a
    dateline's, "KABUL, March 5 (Reuters) -"): a day the act happened on or in the week before."""
    if not a.date or not b.date:
        return True
    dated_a, dated_b = id(a) in told or id(a) in reported, id(b) in told or id(b) in reported
    if not dated_a and not dated_b:
        return True
    if not dated_a or not dated_b:
        return a.date[:4] == b.date[:4]
    n = min(len(a.date), len(b.date))
    if a.date[:n] == b.date[:n]:
        return True
    return any(id(said) in reported and id(act) in told and _day_before(act.date, said.date)
               for said, act in ((a, b), (b, a)))


def _day_before(act: str, said: str) -> bool:
    """Whether day ``act`` lies within ``TOLD_WITHIN_DAYS`` before day ``said`` (or on it)."""
    if len(act) != 10 or len(said) != 10:
        return False
    gap = (_dt.date.fromisoformat(said) - _dt.date.fromisoformat(act)).days
    return 0 <= gap <= TOLD_WITHIN_DAYS


# Where a place was read: only a place tied to the event's own words can tell two mentions
# apart; one borrowed from the sentence, paragraph or document says where the story is.
_BORROWED_PLACE = {"sentence", "paragraph", "document"}


def places_agree(a: Event, b: Event) -> bool:
    p, q = a.place, b.place
    if p is None or q is None or p.from_ in _BORROWED_PLACE or q.from_ in _BORROWED_PLACE:
        return True
    if p.country and q.country and p.country != q.country:
        return False
    if p.country and p.country == q.country and (_country_level(p) or _country_level(q)):
        return True   # "in Kenya" and "in Mombasa": the country holds the city
    if _holds(p, q) or _holds(q, p):
        return True   # "across Bavaria" and "in Nuremberg": so does a first-level region
    if None not in (p.lat, p.lon, q.lat, q.lon):
        return haversine_km(p.lat, p.lon, q.lat, q.lon) <= SAME_PLACE_KM or p.name == q.name
    return p.name == q.name


def inside(inner, outer) -> bool:
    """``inner`` names a place within ``outer``, more narrowly: a town or district in the
    country or first-level region a mention named ("in the state of Sonora" ... "the attack
    occurred in Cajeme")."""
    if not inner.country or inner.country != outer.country or fold(inner.name) == fold(outer.name):
        return False
    if _country_level(outer):
        return not _country_level(inner)
    return _holds(outer, inner)


def _better_place(mine, theirs) -> bool:
    """Whether a mention's place ``theirs`` tells where the event happened better than ``mine``:
    a place tied to the event's own words where ``mine`` was borrowed from its surroundings or
    missing, or one inside ``mine`` (the guideline's most specific place tied to the event)."""
    return theirs is not None and theirs.from_ not in _BORROWED_PLACE and (
        mine is None or mine.from_ in _BORROWED_PLACE or inside(theirs, mine))


def _holds(region, place) -> bool:
    """A first-level region (a state, province, region) and a place in it."""
    return region.feature == "admin1" and bool(region.admin1) and place.feature != "admin1" and \
        region.country == place.country and fold(region.admin1) == fold(place.admin1 or "")


def _modalities_agree(m: str, n: str) -> bool:
    """The same modality; or an act announced or planned ("announced she would endorse",
    "aim to hold demonstrations") and the same act told as done: the deed is the event."""
    return m == n or {m, n} == {"asserted", "future"}


def _purpose_host(tok):
    """The act an infinitive of purpose is told for, with the event nouns it holds: "marched
    ... to protest" (marched), "held a meeting ... to discuss" (held, meeting), "in a rally to
    protest" (rally); empty for other clauses."""
    if tok.tag_ != "VB" or tok.dep_ not in ("advcl", "acl", "xcomp") or \
            not any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children):
        return []
    head = tok.head
    if head.pos_ in ("NOUN", "PROPN"):   # and the verb it is told with ("gathered in a demonstration")
        verb = head.head.head if head.dep_ == "pobj" else head.head if head.dep_ in ("dobj", "attr") else None
        return [head] + ([verb] if verb is not None and verb.pos_ == "VERB" else [])
    held = [c for c in head.children if c.dep_ in ("dobj", "attr")]
    held += [g for c in head.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return [head, *held]


def purpose_links(told_in_sentence: list[tuple[Event, object]]) -> set[tuple[int, int]]:
    """Pairs (ids) of one sentence's events where one is the purpose the other was done for
    and both are of one category: "a rally to protest the execution", "held talks to discuss
    the truce" tell one protest and one meeting, whatever date or side each clause reads.
    ``told_in_sentence``: (event, trigger token) pairs."""
    by_token = {tok.i: e for e, tok in told_in_sentence}
    links = set()
    for e, tok in told_in_sentence:
        for host in _purpose_host(tok):
            other = by_token.get(host.i)
            if other is not None and other is not e and other.category == e.category:
                links.add((id(other), id(e)))
                links.add((id(e), id(other)))
    return links


def aims_of_other_acts(told_in_sentence: list[tuple[Event, object]]) -> set[int]:
    """Ids of one sentence's events told only as the purpose an act of another category was
    done for: "crossed into the country to back up the rebels", "fought for weeks to oust the
    militants", "sued to block the release of the files". The act is the deed told; its
    purpose is what it aimed at, not a second deed (the caller codes it as planned). A purpose
    of the act's own category is that act (``purpose_links``); a purpose whose host is no
    coded event ("gathered in the square to protest the law") is the event told.
    ``told_in_sentence``: (event, trigger token) pairs."""
    by_token = {tok.i: e for e, tok in told_in_sentence}
    aims = set()
    for e, tok in told_in_sentence:
        hosts = [by_token.get(h.i) for h in _purpose_host(tok)]
        if any(h is not None and h is not e and h.category != e.category and h.modality == "asserted"
               for h in hosts) and not any(h is not None and h.category == e.category for h in hosts):
            aims.add(id(e))
    return aims


def listed_apart(told_in_sentence: list[tuple[Event, object]]) -> set[tuple[int, int]]:
    """Pairs (ids) of one sentence's events told as items of one list of event nouns, where
    one has a side of its own: "an army ground offensive, Russian airstrikes and Kurdish
    attacks" are three attacks; a list names different things. Nouns with no side ("the
    bombing and shelling of the city") may be one campaign told twice and are left to the
    other tests. ``told_in_sentence``: (event, trigger token) pairs."""
    # a gerund in a list of nouns is a noun too ("shelling, airstrikes and attacks"); two
    # verbs ("stormed and attacked") may tell one act and are not listed here
    nominal = {tok.i: e for e, tok in told_in_sentence if tok.pos_ in ("NOUN", "PROPN") or tok.tag_ == "VBG"}
    apart = set()
    for e, tok in told_in_sentence:
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        for c in tok.conjuncts:
            other = nominal.get(c.i)
            if other is not None and other is not e and other.category == e.category and (
                    e.source or e.target or other.source or other.target):
                apart.update({(id(e), id(other)), (id(other), id(e))})
    return apart


def told_as_fight(told_in_sentence: list[tuple[Event, object]]) -> set[int]:
    """Ids of one sentence's assaults told as a fight, an act of two parties alike: a trigger
    the lexicon reads with its parties on either side ("clashed", "fighting between", "war
    broke out") or a fight noun, or the verb of one ("fought", "battled"), in the trigger's
    words (``fight_nouns``). "attacked", "shot" and "ambushed" tell who did it to whom, though
    CAMEO codes them 190 as it codes a clash. ``told_in_sentence``: (event, trigger) pairs."""
    fights = load_lexicon().cues["fight_nouns"]
    return {id(e) for e, trig in told_in_sentence if e.category == "ASSAULT" and (
        trig.rule.get("symmetric") or
        any(t.lemma_.lower() in fights for t in [trig.token, *trig.extra_tokens]))}


# Words that bring one more event of a kind already told into the story ("another attack",
# "in a separate clash"): not the one told before, whatever day and place it shares.
_ANOTHER = frozenset({"another", "separate"})


def introduced_as_another(noun) -> bool:
    """Whether an event noun is told as another event of its kind ("another attack", "a
    separate clash"); "separate talks" in the plural are several events, told apart among
    themselves."""
    return noun.tag_ == "NN" and any(c.dep_ in ("det", "amod") and c.lower_ in _ANOTHER for c in noun.children)


def told_as_another(told_in_sentence: list[tuple[Event, object]], earlier: list[Event]) -> set[tuple[int, int]]:
    """Pairs (ids) of an event of one sentence told as another of its kind ("another attack
    took place near Gao", "in a separate attack, gunmen killed two soldiers") and each event of
    its category told before it (``earlier``): two events, however their days and places agree.
    ``told_in_sentence``: (event, trigger) pairs."""
    pairs = set()
    for e, trig in told_in_sentence:
        if any(introduced_as_another(t) for t in [trig.token, *trig.extra_tokens] if t.pos_ == "NOUN"):
            pairs.update(p for x in earlier if x.category == e.category for p in ((id(x), id(e)), (id(e), id(x))))
    return pairs


# How a trigger hangs on the verb that tells a phase of it: its subject ("the operation to clear
# the camp began Wednesday"), its complement ("continued working Thursday to clear", "began
# evacuating"), or its object ("resumed the shelling"); a preposition's object is another act's
# circumstance ("entered the city after fighting").
_PHASE_DEPS = frozenset({"nsubj", "nsubjpass", "xcomp", "dobj", "acl", "advcl"})


def told_as_phase(told_in_sentence: list[tuple[Event, object]]) -> set[int]:
    """Ids of one sentence's events told through a verb of a phase of an undertaking ("the
    operation to clear the outpost began Wednesday", "security forces continued working
    Thursday to clear the last residents", "protests resumed"): the day such a sentence tells is
    the day a phase began or went on, not a day that tells the undertaking apart from its other
    mentions. ``told_in_sentence``: (event, trigger token) pairs."""
    phase_verbs = load_lexicon().cues["aspectual_verbs"]
    ids = set()
    for e, tok in told_in_sentence:
        for _ in range(3):   # the trigger, its clause, the clause that holds it
            if tok.dep_ not in _PHASE_DEPS or tok.head is tok:
                break
            tok = tok.head
            if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in phase_verbs:
                ids.add(id(e))
                break
    return ids


_PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them", "we", "us", "i", "me", "you",
                       "himself", "herself", "themselves", "who", "which", "that"})


def _head_word(side) -> str:
    words = side.text.lower().replace("’", "'").removesuffix("'s").split()
    return words[-1] if words else ""


def _singular(word: str) -> str:
    return word[:-2] + "an" if word.endswith("men") else word[:-1] if word.endswith("s") else word


def _names_doer(side, doer) -> bool:
    """Whether ``side`` names the party ``doer`` stands for: the same actor, the same head noun
    ("gunmen", "the gunmen"), or a noun that names a party by its act ("the attackers")."""
    if side is None or doer is None:
        return False
    if side.actor and side.actor == doer.actor:
        return True
    head = _head_word(side)
    if not head or head in _PRONOUNS:
        return False
    return head == _head_word(doer) or _singular(head) in load_lexicon().cues["doer_nouns"]


def _turned_on_doer(a: Event, b: Event) -> bool:
    """``b`` is done to the doer of ``a`` by someone else: "gunmen stabbed two officers ...
    police shot the attackers dead", "militants ambushed a convoy ... troops killed the
    militants". Another act, aimed at the first one's doer, not the first told again."""
    return _names_doer(b.target, a.source) and not _names_doer(b.source, a.source) and \
        not _names_doer(a.target, a.source)


def corefer(a: Event, b: Event, told: set[int] = frozenset(),
            linked: set[tuple[int, int]] = frozenset(), apart: set[tuple[int, int]] = frozenset(),
            fights: set[int] = frozenset(), reported: set[int] = frozenset()) -> bool:
    """Could ``a`` and ``b`` be two mentions of one real-world event? ``told``: ids of the
    events whose date comes from a time expression of their own sentence; ``linked``: pairs
    the syntax already tells are one act (``purpose_links``), ``apart``: pairs it tells are
    two (``listed_apart``, ``told_as_another``); ``fights``: ids of the assaults told as fights
    (``told_as_fight``); ``reported``: ids of the events dated only by the report's dateline
    (``dates_agree``)."""
    return kept_apart_by(a, b, told, linked, apart, fights, reported) is None


def kept_apart_by(a: Event, b: Event, told: set[int] = frozenset(),
                  linked: set[tuple[int, int]] = frozenset(), apart: set[tuple[int, int]] = frozenset(),
                  fights: set[int] = frozenset(), reported: set[int] = frozenset()) -> str | None:
    """The first test that tells ``a`` and ``b`` apart, by name ("categories ASSAULT/COERCE",
    "modalities", "told apart", "plan after deed", "modes", "dates", "places", "an assault on
    the other's doer", "an assault answering the other", "sides source", "sides target", "sides
    source+target"), or None when they could be two mentions of one event (``corefer``'s
    arguments)."""
    if a.category != b.category:
        return "categories " + "/".join(sorted((a.category, b.category)))
    if not _modalities_agree(a.modality, b.modality):
        return "modalities"
    if (id(a), id(b)) in apart:
        return "told apart"   # listed as two, or one told as another
    if (id(a), id(b)) in linked:
        return None
    if a.modality != b.modality:
        plan, deed = (a, b) if a.modality == "future" else (b, a)
        if plan.evidence.start > deed.evidence.start and id(plan) in told:
            return "plan after deed"   # told after the deed with a time of its own: the next one
            # ("thousands marched on Thursday ... they would march again on Saturday")
    if a.mode and b.mode and a.mode != b.mode and a.category != "ASSAULT" and \
            {a.mode, b.mode} not in _ONE_HAPPENING_MODES:
        return "modes"    # a strike and a march, an expulsion and a closure: two events
        # (an attack's mentions name its means loosely: "shelled", "the attack", "killed")
    if not dates_agree(a, b, told, reported):
        return "dates"
    if not places_agree(a, b):
        return "places"
    # an assault done to the doer of another is another act ("gunmen stabbed two officers ...
    # police shot the attackers dead"), unless both tell a fight ("Turkish troops clashed with
    # Kurdish fighters ... the fighters fought the troops"): CAMEO gives 190 to "attacked" and
    # "clashed" alike. (Other categories' sides are too often misread for this: "Ford" as the
    # doer of "its investigation" beside an investigation of Ford)
    if a.category == "ASSAULT" and not (id(a) in fights and id(b) in fights) and (
            _turned_on_doer(a, b) or _turned_on_doer(b, a)):
        return "an assault on the other's doer"
    # an assault answered by one on its doer, told without a fight word ("militants attacked a
    # checkpoint ... the military carried out airstrikes against militant bunkers"): the sides'
    # sectors swapped tell two acts, however loosely each side is described
    if a.category == "ASSAULT" and id(a) not in fights and id(b) not in fights and _sectors_swapped(a, b):
        return "an assault answering the other"
    # one sentence telling one kind of event twice ("pleaded ... and appealed", "held a meeting
    # to discuss"): the sides' descriptions vary more than their countries
    guessed = a.category in _LOOSE_SECTORS
    loose = guessed or a.sentence == b.sentence
    differ = [name for name, x, y in (("source", a.source, b.source), ("target", a.target, b.target))
              if not _sides_agree(x, y, loose, guessed)]
    if not differ:
        return None
    # a fight told once from each side ("Israeli troops fought", "Palestinian gunmen fought")
    # is one clash; two attackers listed apart are kept apart by ``listed_apart``
    if _symmetric(a) and _sides_agree(a.source, b.target, loose, guessed) and \
            _sides_agree(a.target, b.source, loose, guessed):
        return None
    return "sides " + "+".join(differ)


def _sectors_swapped(a: Event, b: Event) -> bool:
    """One event's doer is of the other's target's sector and the other way round, the two
    sectors differing (a rebel attack on the army and an army strike on rebels)."""
    sides = (a.source, a.target, b.source, b.target)
    if any(s is None or not s.sector for s in sides):
        return False
    return a.source.sector == b.target.sector != a.target.sector == b.source.sector


def _symmetric(e: Event) -> bool:
    """A joint event or a fight, whose mentions may tell the sides swapped."""
    return e.category in _JOINT or (e.category == "ASSAULT" and (e.cameo or "").startswith("19"))


def _filled(side) -> tuple[bool, bool]:
    """How much a side's record says: a country, then a sector."""
    return side.country is not None, side.sector is not None


def _completeness(e: Event) -> tuple:
    return (e.modality == "asserted", e.source is not None, e.target is not None, e.date is not None,
            len(e.date or ""), e.place is not None, e.confidence)


def merge_coreferent(events: list[Event], told: set[int] = frozenset(),
                     linked: set[tuple[int, int]] = frozenset(),
                     apart: set[tuple[int, int]] = frozenset(),
                     fights: set[int] = frozenset(), reported: set[int] = frozenset()) -> list[Event]:
    """One event per real-world event, in the order of first mention. ``fights``: ids of the
    assaults told as fights (``told_as_fight``); ``reported``: of the events dated only by their
    report's dateline (``dates_agree``), whose day yields to one a mention tells for the act."""
    clusters: list[list[Event]] = []
    for e in events:
        for cluster in clusters:
            if all(corefer(other, e, told, linked, apart, fights, reported) for other in cluster):
                cluster.append(e)
                break
        else:
            clusters.append([e])
    return [_merge(c, told, reported) if len(c) > 1 else c[0] for c in clusters]


def _merge(cluster: list[Event], told: set[int] = frozenset(), reported: set[int] = frozenset()) -> Event:
    best = max(cluster, key=_completeness)
    # a shallow copy with its own parts: the later stages fill sides' and places' fields in
    # place (a deep copy of every merged event cost more than the rest of coreference)
    merged = best.model_copy(update={f: getattr(best, f).model_copy() for f in
                                     ("source", "target", "place", "claimed_by", "evidence")
                                     if getattr(best, f) is not None})
    for other in cluster:
        if other is best:
            continue
        for field in ("source", "target", "place"):
            if getattr(merged, field) is None and getattr(other, field) is not None:
                setattr(merged, field, getattr(other, field).model_copy())
        for field in ("source", "target") if merged.category not in _JOINT else ():
            mine, theirs = getattr(merged, field), getattr(other, field)
            if mine is not None and theirs is not None and mine.country != theirs.country and \
                    theirs.country and not _country_named(mine.text) and _country_named(theirs.text):
                setattr(merged, field, theirs.model_copy())   # a country named beats a guessed one
            elif mine is not None and theirs is not None and _filled(theirs) > _filled(mine) and \
                    mine.country in (None, theirs.country) and not _symmetric(merged):
                # the better-filled description of one side: "Chilean farmers" (CHL, CVL)
                # beside "the crowd", for which a mention read no country or sector
                setattr(merged, field, theirs.model_copy())
        if _better_place(merged.place, other.place):
            merged.place = other.place.model_copy()
        if merged.claimed_by is not None and other.claimed_by is None:
            merged.claimed_by = None   # told in the journalist's own voice somewhere
        merged.confidence = max(merged.confidence, other.confidence)
    where = merged.place.country if merged.place is not None else None
    for field in ("source", "target") if where and not _symmetric(merged) else ():
        mine = getattr(merged, field)
        if mine is None or not mine.country or mine.country == where or _country_named(mine.text):
            continue
        # two guesses for one side: the one of the country where the event took place, as an
        # unnamed side's country is read where the coder reads one event alone
        guess = next((s for e in cluster if (s := getattr(e, field)) is not None and s.country == where
                      and s.sector == mine.sector and not _country_named(s.text)), None)
        if guess is not None:
            setattr(merged, field, guess.model_copy())
    # the most precise date, and a day a mention's own sentence tells beats the dateline's, which
    # beats one carried over or defaulted; the best mention's on a tie
    dated = [e for e in cluster if e.date and id(e) in told] or \
        [e for e in cluster if e.date and id(e) in reported] or [e for e in cluster if e.date]
    if dated:
        teller = max(dated, key=lambda e: (len(e.date), e is best))
        merged.date, merged.date_precision = teller.date, teller.date_precision
    spans = {(m.start, m.end): m for e in cluster for m in [e.evidence, *e.mentions]}
    spans.pop((merged.evidence.start, merged.evidence.end), None)
    merged.mentions = [spans[k] for k in sorted(spans)]
    first = min(cluster, key=lambda e: e.evidence.start)
    if first is not best:
        merged.sentence = best.sentence
    return merged


def take_restatement(event: Event, restatement: Event, day: bool = False) -> None:
    """``event`` takes what a later mention that restates it adds, the mention coded no event
    of its own ("the attack occurred in Cajeme", "eight others were wounded in the attack in
    Kidal early Saturday" after a lead that told the attack vaguely): a place inside the one
    the event's own words gave, or a place where it had none; with ``day`` (a toll whose
    sentence tells a day of the act), the toll's day where the event had none. (A definite
    noun's sentence often tells its day for another clause, "a day after the attack, on
    Tuesday, police arrested ...": its day is not taken.)"""
    p, q = event.place, restatement.place
    if q is not None and q.from_ not in _BORROWED_PLACE and (
            p is None or p.from_ not in _BORROWED_PLACE and inside(q, p)):
        event.place = q.model_copy()
    if day and restatement.date and not event.date:
        event.date, event.date_precision = restatement.date, restatement.date_precision
