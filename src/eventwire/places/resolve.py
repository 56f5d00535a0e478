"""Toponym resolution: each recognized name to one gazetteer place, read as a careful reader would.

Evidence, in order of weight:
1. qualifiers in the text ("Paris, Texas"; "Licking County, Ohio");
2. the document's other places: the countries and first-level units it names (its focus),
   nearness to the places already resolved, and for local names ("Richmond", "Madison
   County") readings that lie close to a reading of another local name;
3. the kind of place and its population (countries and states before towns, big before small),
   own names before alternate names;
4. one sense per document: the same name is resolved once for the whole document.
"""
from __future__ import annotations

import bisect
import math
import re
from collections import Counter

from ..context import DocContext, PlaceNotes
from ..geodesy import haversine_km
from ..nlp import doc_text
from ..record import Place
from ..spanindex import cached_index
from .event import SPECIFICITY, offices_of
from .gazetteer import Entry, gazetteer, inside, normalize
from .recognize import (Mention, drop_organisations, link_qualifiers, not_places,
                        recognize_local_names, recognize_qualified_names, recognize_repeats,
                        recognize_toponyms, recognize_villages)
from .unlisted import find_unlisted, find_water_bodies, site_words, without_date_words
from .villages import villages

FEATURE_BONUS = {"country": 4.0, "region": 4.0, "admin1": 2.5, "admin2": -1.0, "city": 0.0,
                 "other": 0.0}
ALIAS_PENALTY = 2.5
# Alternate names of small places are mostly foreign spellings that collide with other names.
SMALL_ALIAS_PENALTY = 4.0
SMALL = 100_000
CAPITAL_BONUS = 2.0
HINT_BONUS = 5.0
# A big city named like the first-level unit that holds it is what news means ("New York").
NAMESAKE_PENALTY = 4.0
NAMESAKE_CITY_POPULATION = 300_000
COUNTRY_NAME_PENALTY = 2.0
QUALIFIER_BONUS = 20.0
QUALIFIER_SUPPORT = 3.0
COUNTRY_WEIGHT = 4.0
ADMIN1_WEIGHT = 3.0
NEAR_BONUS = 2.5
# A reading outside the document's countries but near its other places.
REGION_BONUS = 2.5
REGION_KM = 400.0
NEAR_KM = 150.0
PAIR_BONUS = 1.5
LOCAL_MARGIN = 3.0
PAIR_KM = 50.0
PAIR_CANDIDATES = 12



def _prior(entry: Entry, primary: bool, hint: str | None) -> float:
    score = math.log10(max(entry.population, 0) + 10) + FEATURE_BONUS.get(entry.feature, 0.0)
    if entry.capital:
        score += CAPITAL_BONUS
    if not primary:
        score -= ALIAS_PENALTY if entry.population >= SMALL else SMALL_ALIAS_PENALTY
    if hint and (entry.feature == hint or hint == "region" and entry.feature == "other"):
        score += HINT_BONUS     # "the Red Sea": a natural feature (seas are "other") or region
    return score


class _Group:
    """All mentions of one name in a document: resolved together (one sense per document)."""

    def __init__(self, key):
        self.key = key
        self.mentions: list[Mention] = []
        self.candidates: dict[int, tuple[Entry, float]] = {}
        self.choice: Entry | None = None
        self.primary: set[int] = set()
        self.kin: list[_Group] = []       # groups of the same name with a unit word ("X district")

    def add(self, mention: Mention):
        self.mentions.append(mention)
        for entry, primary in mention.candidates:
            prior = _prior(entry, primary, mention.feature_hint)
            old = self.candidates.get(id(entry))
            if old is None or prior > old[1]:
                self.candidates[id(entry)] = (entry, prior)
            if primary:
                self.primary.add(id(entry))

    @property
    def local(self) -> bool:
        """True when the name may well be a town or county: one such reading of its own name
        comes within LOCAL_MARGIN of its best reading ("Hanover", not "Oregon")."""
        if not self.candidates:
            return False
        top = max(v[1] for v in self.candidates.values())
        return any(e.feature in ("city", "admin2", "other") and id(e) in self.primary
                   and prior > top - LOCAL_MARGIN for e, prior in self.candidates.values())

    def settle(self):
        """Adjust the priors once all mentions are in."""
        # a country's name means the country before a town of that name ("Mexico")
        if any(e.feature == "country" and id(e) in self.primary for e, _ in self.candidates.values()):
            for key, (entry, prior) in list(self.candidates.items()):
                if entry.feature == "city":
                    self.candidates[key] = (entry, prior - COUNTRY_NAME_PENALTY)
        # "New York" is the big city inside the state of that name, "Washington" the capital
        # rather than the state: the namesake unit steps back, and the city inside it keeps the
        # unit's weight, so that a third namesake ("Gaza", a province of Mozambique) does not win
        # where the pair, city and unit, is the better known
        cities = [e for e, _ in self.candidates.values() if e.feature == "city"]
        for key, (entry, prior) in list(self.candidates.items()):
            if entry.feature != "admin1":
                continue
            inside = [c for c in cities
                      if c.admin1 == entry.id and c.population >= NAMESAKE_CITY_POPULATION]
            if inside or any(c.capital and c.country == entry.country and key in self.primary
                             and id(c) in self.primary for c in cities):
                self.candidates[key] = (entry, prior - NAMESAKE_PENALTY)
            for city in inside:
                city_prior = self.candidates[id(city)][1]
                self.candidates[id(city)] = (city, max(city_prior, prior))


def resolve_mentions(mentions: list[Mention]) -> list[Entry | None]:
    """One place for each mention (None where nothing fits)."""
    groups: dict[str, _Group] = {}
    group_of: list[_Group] = []
    for m in mentions:
        # "the province of Hama" is resolved apart from "Hama", as "Hama province" is
        key = ("demonym:" if m.demonym else "") + normalize(m.text) + (f" {m.unit}" if m.unit else "")
        group = groups.get(key)
        if group is None:
            group = groups[key] = _Group(key)
        group.add(m)
        group_of.append(group)

    # "Karak" and "the Karak district" name one area: neither is evidence for the other
    by_base: dict[str, list[_Group]] = {}
    for group in groups.values():
        by_base.setdefault(_base_name(group.key), []).append(group)
    for kin in by_base.values():
        for group in kin:
            group.kin = [g for g in kin if g is not group]

    # pass 1: priors and qualifiers only
    for group in groups.values():
        group.settle()
    _support_qualifiers(mentions, group_of)
    _couple_neighbours(list(groups.values()))
    for group in groups.values():
        group.choice = _best(group, mentions, group_of, Counter(), Counter())
    # passes 2-3: the document's focus and nearness, each group seeing the choices made
    # before it in the same pass (two local names that only support each other would
    # otherwise flip together from pass to pass: "Clark County" and "London")
    for _ in range(2):
        evidence = _focus(groups)
        for group in groups.values():
            before = group.choice
            group.choice = _best(group, mentions, group_of, *evidence)
            if group.choice is not before:
                evidence = _focus(groups)
    return [group.choice for group in group_of]


def _focus(groups: dict) -> tuple:
    """The document's focus as the groups' current choices give it: mentions per country and
    per first-level unit, towns and counties as points, every choice as an anchor."""
    countries: Counter = Counter()
    admin1s: Counter = Counter()
    named: Counter = Counter()     # first-level units named outright
    points = []
    anchors = []
    for group in groups.values():
        c = group.choice
        if c is None:
            continue
        anchors.append((group.key, c))
        weight = len(group.mentions)
        countries[c.country] += weight
        if c.feature == "admin1":
            admin1s[c.id] += 2 * weight
            named[c.id] += weight
        elif c.admin1 and c.feature in ("city", "admin2"):
            admin1s[c.admin1] += weight
            points.append((group.key, c))
    return countries, admin1s, _ByLatitude(points), _ByLatitude(anchors), named


_UNIT_SUFFIX = re.compile(r"\s+(?:district|province|governorate|county|parish|region|state|city|"
                          r"municipality|oblast|prefecture|department|zone)$")


def _base_name(key: str) -> str:
    """A group's name without a trailing unit word: "karak district" -> "karak"."""
    return _UNIT_SUFFIX.sub("", key)


def _support_qualifiers(mentions: list[Mention], group_of: list[_Group]) -> None:
    """'Athens, Georgia': the qualifier is read as the unit that holds a reading of the name
    it qualifies (the state, not the country), each such reading gaining QUALIFIER_SUPPORT."""
    done = set()
    for i, m in enumerate(mentions):
        if not m.qualifiers or not group_of[i].local:
            continue
        towns = [e for e, p in m.candidates if p and e.feature in ("city", "admin2", "other")]
        for q in m.qualifiers:
            group = group_of[q]
            for key, (entry, prior) in list(group.candidates.items()):
                if (id(group), key) in done or entry.feature not in ("country", "admin1", "admin2"):
                    continue
                if any(inside(t, entry) for t in towns):
                    group.candidates[key] = (entry, prior + QUALIFIER_SUPPORT)
                    done.add((id(group), key))


def _couple_neighbours(groups: list[_Group]) -> None:
    """Two local names that each have a reading close to the other ("Richmond" and "Madison
    County") are read that way: each such reading gains PAIR_BONUS per supporting name."""
    local = []
    for group in groups:
        if not group.candidates:
            continue
        if not group.local:
            continue  # "Oregon", "Maine": a state first, not a town to pair up
        ranked = sorted((v for v in group.candidates.values()
                         if v[0].feature in ("city", "admin2") and id(v[0]) in group.primary),
                        key=lambda v: -v[1])[:PAIR_CANDIDATES]
        if ranked:
            local.append((group, [e for e, _ in ranked]))
    for group, cands in local:
        for entry in cands:
            support = 0
            for other, other_cands in local:
                if other is group:
                    continue
                if any(abs(entry.lat - o.lat) < 0.5 and abs(entry.lon - o.lon) < 1.5
                       and haversine_km(entry.lat, entry.lon, o.lat, o.lon) < PAIR_KM
                       for o in other_cands):
                    support += 1
            if support:
                e, prior = group.candidates[id(entry)]
                group.candidates[id(entry)] = (e, prior + PAIR_BONUS * min(support, 3))


# Kilometres per degree of latitude on haversine_km's sphere: no two points are nearer than
# their difference in latitude alone.
_KM_PER_DEGREE = 6371.0088 * math.pi / 180


class _ByLatitude:
    """(key, entry) points sorted by latitude, so that the question "is any other point
    within so many km?" looks only at the band of latitudes that near, not at every place
    the document names (which made resolution quadratic in a long text)."""

    def __init__(self, points: list):
        self._points = sorted(points, key=lambda kp: kp[1].lat)
        self._lats = [e.lat for _, e in self._points]

    def __bool__(self) -> bool:
        return bool(self._points)

    def any_near(self, entry: Entry, km: float, other_than: set) -> bool:
        band = km / _KM_PER_DEGREE + 1e-6
        lo = bisect.bisect_left(self._lats, entry.lat - band)
        hi = bisect.bisect_right(self._lats, entry.lat + band)
        return any(key not in other_than and haversine_km(entry.lat, entry.lon, a.lat, a.lon) < km
                   for key, a in self._points[lo:hi])


def _best(group: _Group, mentions, group_of, countries: Counter, admin1s: Counter,
          points: _ByLatitude | None = None, anchors: _ByLatitude | None = None,
          named_admin1s: Counter | None = None):
    if not group.candidates:
        return None
    total = sum(countries.values())
    local = group.local
    family = [g for g in [group] + group.kin if g.choice is not None]
    family_size = sum(len(g.mentions) for g in family)
    family_keys = {g.key for g in [group] + group.kin}
    best, best_score = None, -math.inf
    # "Paris, Texas": a qualifier counts for names that may be towns (not for "Mississippi"
    # in a list of states), with any of its readings as a unit
    qualifier_entries = []
    for m in group.mentions if local else ():
        for q in m.qualifiers:
            if group_of[q] is not group:
                qualifier_entries.extend(e for e, _ in mentions[q].candidates
                                         if e.feature in ("country", "admin1", "admin2"))
    def share_of(entry) -> int:
        """The document's other mentions of the entry's country (not this name's own, nor
        those of its kin)."""
        return countries.get(entry.country, 0) - sum(
            len(g.mentions) for g in family if g.choice.country == entry.country)

    def admin1_share(entry) -> int:
        share = admin1s.get(entry.admin1, 0)
        for g in family:
            if g.choice.feature == "admin1" and g.choice.id == entry.admin1:
                share -= 2 * len(g.mentions)
            elif g.choice.admin1 == entry.admin1 and g.choice.feature in ("city", "admin2"):
                share -= len(g.mentions)
        return share

    # the first-level units the document names outright, by mentions (not this name's own)
    named_admin1s = Counter(named_admin1s)
    for g in family:
        if g.choice.feature == "admin1":
            named_admin1s[g.choice.id] -= len(g.mentions)
    top_named = max(named_admin1s.values(), default=0)

    for entry, prior in group.candidates.values():
        score = prior
        if qualifier_entries and any(inside(entry, q) for q in qualifier_entries):
            score += QUALIFIER_BONUS
        if total:
            # the document's other mentions of this country (not counting this name's own)
            score += COUNTRY_WEIGHT * max(share_of(entry), 0) / max(total - family_size, 1)
        if entry.admin1 and admin1s.get(entry.admin1):
            # weighed by how often the document names the unit beside its most named one:
            # "Boone County" in a story that names Indiana six times and Kentucky once
            share = max(admin1_share(entry), 0)
            named = named_admin1s.get(entry.admin1, 0)
            score += ADMIN1_WEIGHT * min(1.0, share / 2) * (named + 1) / (top_named + 1)
        if anchors and share_of(entry) <= 0 and anchors.any_near(entry, REGION_KM, family_keys):
            # a reading in none of the document's countries: the one near its other places
            # ("Gaza" beside "Israel", not the province of Mozambique)
            score += REGION_BONUS
        if entry.feature in ("city", "admin2") and local and id(entry) in group.primary and \
                points and points.any_near(entry, NEAR_KM, family_keys):
            score += NEAR_BONUS
        if score > best_score:
            best, best_score = entry, score
    return best


def _display_name(m: Mention, entry: Entry) -> str:
    """The gazetteer's name, or the text's own spelling where the text used an alternate
    name the gazetteer writes in another form ("Aleppo" for "Ḩalab")."""
    if m.demonym or entry.name.isascii() or not m.text.isascii():
        return entry.name
    if any(e is entry and primary for e, primary in m.candidates):
        return entry.name
    text = m.text.title() if m.text.isupper() and len(m.text) > 4 else m.text
    return text


def _place(m: Mention, entry: Entry) -> Place:
    gaz = gazetteer()
    return Place(start=m.start, end=m.end, text=m.text, name=_display_name(m, entry),
                 feature=entry.feature if entry.feature in SPECIFICITY else "other",
                 country=entry.country or None, admin1=gaz.admin1_name(entry),
                 lat=round(entry.lat, 5), lon=round(entry.lon, 5), geonameid=entry.geonameid)


def find_places(doc, ctx: DocContext) -> list[Place]:
    """The places a document names, each resolved to a gazetteer entry with coordinates.

    Names the gazetteer does not know are left out, except the named parts of a resolved
    city ("the X neighbourhood of Baghdad"), which take the city's point (``city_parts``).
    """
    gaz = gazetteer()
    mentions = drop_organisations(doc, recognize_toponyms(doc, gaz))
    choices = resolve_mentions(mentions)
    # the states the document names, or holds two of its towns: look there for missed towns
    states: Counter = Counter()
    for m, entry in zip(mentions, choices):
        if entry is None or m.demonym:
            continue
        if entry.feature == "admin1":
            states[entry.id] += 2
        elif entry.admin1:
            states[entry.admin1] += 1
    countries = frozenset(e.country for m, e in zip(mentions, choices)
                          if e is not None and e.feature == "country" and e.country)
    extra = recognize_local_names(doc, gaz, mentions, {k for k, v in states.items() if v >= 2},
                                  countries)
    extra += recognize_qualified_names(doc, gaz, mentions + extra, choices + [None] * len(extra))
    # the countries of the document's places (not of its demonyms: "Iranian fighters" in Syria)
    named = frozenset(e.country for m, e in zip(mentions, choices)
                      if e is not None and e.country and not m.demonym)
    extra += recognize_villages(doc, villages(), mentions + extra, countries, gaz, named)
    extra = drop_organisations(doc, extra)
    extra += drop_organisations(doc, recognize_repeats(doc, mentions + extra, gaz))
    if extra:
        mentions = sorted(mentions + extra, key=lambda m: m.start)
        for m in mentions:
            m.qualifiers = []
        link_qualifiers(doc_text(doc), mentions)
        choices = resolve_mentions(mentions)
    places, demonyms = [], set()
    for m, entry in zip(mentions, choices):
        if entry is None:
            continue
        places.append(_place(m, entry))
        if m.demonym:
            demonyms.add((m.start, m.end))
    notes = ctx.place_notes = PlaceNotes(demonyms=demonyms)
    parts, known = city_parts(doc_text(doc), places, demonyms, gaz)
    # seas named after a place first: "the Taiwan Strait" is at Taiwan's point, not a name
    # no holder locates
    water = find_water_bodies(doc_text(doc), places + parts, gaz)
    unlisted, sites, held = find_unlisted(doc, places + parts + water, demonyms, gaz, villages())
    notes.parts = {(p.start, p.end) for p in parts} | known | held
    notes.sites = water + sites
    words = site_words()
    notes.offices = offices_of(doc, places, words["offices"] | words["titles"] | words["organisations"],
                               words["blocs"], words["titles"])
    extra_places = parts + unlisted
    return sorted(places + extra_places, key=lambda p: p.start) if extra_places else places


_NAME = r"(?:(?:[Aa]l|[Ee]l|[Aa]d|[Aa]sh|[Aa]r|[Aa]s|[Aa]z)-)?[A-Z][\w'’]*(?:[ -](?:(?:al|el|bin|ibn|de|la|del)[ -])?[A-Z][\w'’]*){0,3}"
_PART = r"(?:neighbou?rhoods?|districts?|suburbs?|quarters?|area|section|locality)"
_FACILITY = (r"(?:Stadium|Airport|Airbase|Air\s+Base|Square|Hotel|Hospital|Market|Mosque|"
             r"University|Prison|Bridge|Refugee\s+Camp|Camp|Roundabout|Palace|Checkpoint)")
_CITY_SIDES = r"(?:(?:central|northern|southern|eastern|western|north|south|east|west|downtown|old)\s+)?"
# "the X neighbourhood of Y", "X district in western Y", "X, a suburb of Y" (before Y)
_PART_BEFORE = re.compile(
    rf"(?:\b(?P<a>{_NAME})\s+{_PART}\s+(?:of|in)\s+(?:the\s+)?{_CITY_SIDES}(?:(?:city|capital)\s+(?:of\s+)?)?"
    rf"|\b(?P<b>{_NAME}),\s+an?\s+(?:\w+\s+)?{_PART}\s+(?:of|in)\s+(?:the\s+)?{_CITY_SIDES}"
    rf"|\b(?P<f>{_NAME}\s+{_FACILITY})\s+(?:in|near|of|outside)\s+(?:the\s+)?(?:nearby\s+)?{_CITY_SIDES})$")
# "Y's X district", "Y's (predominantly Sunni) neighbourhood of X" (after Y)
_PART_AFTER = re.compile(
    rf"^(?:(?:'s|’s)\s+(?:[\w-]+\s+){{0,3}}?{_PART}\s+of\s+(?P<a>{_NAME})"
    rf"|(?:'s|’s)\s+(?:(?:northern|southern|eastern|western|central)\s+)?(?P<b>{_NAME})\s+{_PART}"
    rf"|(?:'s|’s)\s+(?P<f>{_NAME}\s+{_FACILITY})"
    rf"|\s+{_PART}\s+of\s+(?P<c>{_NAME}))")
# adjectives of a part of town that are not its name
_PART_WORDS = {"sunni", "shiite", "shia", "christian", "muslim", "jewish", "alawite", "druze",
               "industrial", "commercial", "residential", "government", "green", "red", "old", "new",
               "central", "northern", "southern", "eastern", "western", "main", "business",
               "diplomatic", "embassy", "market", "the", "a", "an", "this", "that"}
PART_KM = 30.0


def _population(place: Place, gaz) -> int:
    entry = gaz.by_id(place.geonameid) if place.geonameid else None
    return entry.population if entry is not None else 0


def city_parts(text: str, places: list[Place], demonyms: set, gaz) -> tuple[list[Place], set]:
    """Named parts of a resolved city that no gazetteer knows: "the Huriyah neighbourhood of
    Baghdad", "Kandahar's Loi Karez district", "X district in western Baghdad", "the Homs
    neighbourhood of X", and its named sites ("al-Shaab Stadium in eastern Baghdad"). Each gets
    the name from the text and the city's point (feature ``other``, no GeoNames id): for a
    neighbourhood, district or suburb of a city that is within the city's reach.

    Returns the new places and the spans of places already found that the text names as
    such a part ("Baghdad's neighbourhood of Adhamiyah", a district in the gazetteer) and that
    lie within PART_KM of the city; one farther away is a namesake: it is dropped from
    ``places`` and the part takes the city's point."""
    taken = bytearray(len(text) + 1)
    for p in places:
        taken[p.start:p.end] = b"\x01" * (p.end - p.start)
    by_span = {(p.start, p.end): p for p in places}
    known: set = set()
    out = []
    for city in places:
        if city.feature != "city" or (city.start, city.end) in demonyms:
            continue
        spans = []
        m = _PART_BEFORE.search(text[max(0, city.start - 90):city.start])
        if m:
            base = max(0, city.start - 90)
            group = next(g for g in ("a", "b", "f") if m.group(g))
            spans.append((base + m.start(group), base + m.end(group)))
        m = _PART_AFTER.match(text[city.end:city.end + 90])
        if m:
            group = next(g for g in ("a", "b", "f", "c") if m.group(g))
            span = (city.end + m.start(group), city.end + m.end(group))
            after = by_span.get(span)
            # "the Abu Salim neighbourhood of Tripoli" (not "the Cincinnati suburb of West
            # Chester"): when the town after "of" is larger than the one before, it is the city
            if not (group == "c" and after is not None and _population(after, gaz) > _population(city, gaz)):
                spans.append(span)
        for s, e in spans:
            e = without_date_words(text, s, e)
            name = text[s:e]
            held = by_span.get((s, e))
            if held is None:
                # a word of the part's name read as a town of its own ("Salim" in "the Abu
                # Salim neighbourhood of Tripoli"), far away: the part's name is not that town
                inner = [p for p in places if s <= p.start and p.end <= e and p is not city and
                         p.feature in ("city", "other") and (s, e) != (p.start, p.end) and
                         haversine_km(p.lat, p.lon, city.lat, city.lon) > PART_KM]
                for p in inner:
                    places.remove(p)
                    taken[p.start:p.end] = b"\x00" * (p.end - p.start)
            if held is not None and held is not city:
                if held.country == city.country and held.feature in ("admin2", "city", "other") and \
                        haversine_km(held.lat, held.lon, city.lat, city.lon) <= PART_KM:
                    known.add((s, e))
                    continue
                window = text[min(s, city.start):max(e, city.end)].lower()
                if held.feature in ("country", "admin1") or (s, e) in demonyms or not any(
                        w in window for w in ("neighbo", "suburb", "quarter")):
                    continue    # a district may well lie far from the town it is named after
                # a namesake elsewhere ("Adhamiyah" read as a district far from Baghdad): the
                # text says it is a part of this city
                places.remove(held)
                taken[s:e] = b"\x00" * (e - s)
            words = [w.strip("'’").lower() for w in re.split(r"[ -]", name)]
            if any(taken[s:e]) or not name[:1].isupper() and not name[:3].lower() in ("al-", "el-"):
                continue
            if words[0] in _PART_WORDS or words[-1] in _PART_WORDS or any(
                    gaz.demonym(w) is not None for w in name.split()) or normalize(name) in not_places():
                continue
            taken[s:e] = b"\x01" * (e - s)
            out.append(Place(start=s, end=e, text=name, name=name, feature="other",
                             country=city.country, admin1=city.admin1, lat=city.lat, lon=city.lon,
                             geonameid=None))
    return out, known


def actor_place(start: int, end: int, ctx: DocContext, country: str | None) -> Place | None:
    """Where an actor named by the phrase ``[start, end)`` is from or based: the most
    specific place the phrase itself names ("protesters in Minsk", "Kenyan police"), else its
    country as a country-level place, else None."""
    inside = cached_index(ctx.scratch, "places.all", ctx.places).within(start, end)
    if inside:
        return max(inside, key=lambda p: (SPECIFICITY.get(p.feature, 0), -p.start))
    return country_place(country) if country else None


def country_place(iso3: str) -> Place | None:
    """A country as a place with no span in the text (start = end = 0, text empty)."""
    entry = _country_entry(iso3)
    if entry is None:
        return None
    return Place(start=0, end=0, text="", name=entry.name, feature="country", country=iso3,
                 lat=entry.lat, lon=entry.lon, geonameid=entry.geonameid)


_COUNTRY_ENTRIES: dict[str, Entry | None] = {}


def _country_entry(iso3: str) -> Entry | None:
    if iso3 not in _COUNTRY_ENTRIES:
        import pycountry

        found = None
        country = pycountry.countries.get(alpha_3=iso3)
        if country is not None:
            names = [getattr(country, k, None) for k in ("common_name", "name", "official_name")]
            if ", " in country.name:   # "Congo, The Democratic Republic of the"
                head, _, tail = country.name.partition(", ")
                names += [f"{tail} {head}", f"{tail} {head}".removeprefix("The "), head]
            for name in filter(None, names):
                found = gazetteer().find(name, feature="country", country=iso3)
                if found is not None:
                    break
        _COUNTRY_ENTRIES[iso3] = found
    return _COUNTRY_ENTRIES[iso3]
