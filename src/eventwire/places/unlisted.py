"""Named places that no gazetteer holds: "the T-4 Military Airport", "the Al-Assad Suburb",
"the village of Qaza Ali", "the Kodori Gorge", "clashed in S. (Azzawya)".

Wire and monitor reports name the sites of events (bases, suburbs, farms, hills, streets,
villages of a few hundred people) far below what GeoNames lists. A capitalised name counts
as such a place when the words say so: it ends in a site or area word ("Airport", "Suburb",
"Gorge"), begins like a place ("Wadi", "Tal"), a unit word frames it ("the village of X", "X
district", "the X airbase"), the model labels it a place where the parse agrees, a
preposition of place comes before it ("killed in X", "near the besieged X"), or a known place
qualifies it ("X (Y, Z)"). Organisations, peoples, months, titles and the names after them
never count (data/site_words.yaml holds the word lists).

Such a place is located by the place that holds it: the one the text names beside it ("X in
the Y district", "X (Y)", "Y's X"), else the most specific place of its sentence, else the
document's most named place. The gazetteer and the village index are asked first for a place
of that name near the holder: with one, the name is a toponym with its own point; without,
it is a named site at the holder's point (no GeoNames id), offered to event places but not
listed among the toponyms. A name nothing locates keeps its name and span and has no
coordinates: none are invented.
"""
from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from pathlib import Path


from ..datafiles import load_yaml
from ..nlp import doc_text
from ..record import Place
from ..regexscan import compile_with_start_filter
from ..spanindex import doc_entities
from ..tokentable import token_table
from .gazetteer import Entry, Gazetteer, normalize
from .recognize import CUE_AFTER, CUE_NOUNS, DIRECTIONS, TAKE_VERBS, _cued, _generic, not_places

# A capitalised name: words that start with a capital (or a digit after the first), Arabic
# articles and joining particles inside ("Tal al-Ahmar", "Jebel 'Amer"), an initial ("S.").
_WORD = r"(?:[A-Z]\.|St\.|[‘'’]?[A-Z][\w’'‘]*(?:-[\w’'‘]+)*)"
_INNER = r"(?:[‘'’]?[A-Z0-9][\w’'‘]*(?:-[\w’'‘]+)*)"
_ARTICLE = r"(?:(?:[Aa]l|[Ee]l|[Aa]d|[Aa]sh|[Aa]r|[Aa]s|[Aa]z|[Aa]t)[-‑])"
_PARTICLE = r"(?:(?:al|el|bin|ibn|de|la|del|do|da|ad|as|ash|ar|az|an|um|umm|abu|bani|beni)[ -])"
# every text is scanned: only where a name's first character is (``regexscan``)
NAME = compile_with_start_filter(rf"(?<![\w’'‘.-]){_ARTICLE}?{_WORD}(?:[ ]{_PARTICLE}?{_ARTICLE}?{_INNER})*")
# Between a name and the place that holds it: "X (Y", "X, Y", "X in the Y", "X of Y",
# "X, a village in the north of Y", "X near the city of Y".
_HOLDER_AFTER = re.compile(
    r"(?:\s+[a-z][\w-]*)?\s*(?:\(|,|\s+in\b|\s+of\b|\s+near\b|\s+outside\b|\s+inside\b)"
    r"(?:[^.;:()\n]{0,50}?\b(?:in|of|near|outside)\b)?\s*(?:the\s+)?(?:[\w-]+\s+){0,2}?$")
# Before a name: "Y's X", "the Y town of X", "Y's northern suburb of X".
_HOLDER_BEFORE = re.compile(r"^(?:'s|’s)?\s+(?:[\w-]+\s+){0,3}?(?:of\s+)?(?:the\s+)?$")
LOCATIVE_WORDS = {"in", "at", "near", "outside", "inside", "into", "around", "toward",
                  "towards", "through", "across", "between", "within", "from", "on", "onto"}
NOT_NAME_LABELS = {"DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "ORDINAL", "CARDINAL", "LAW",
                   "LANGUAGE"}
NEAR_KM = 150.0
SAME_PLACE_KM = 50.0
# Verbs whose object may as well be a person: "captured Ocalan" names no place.
PERSON_TAKING = {"capture", "seize", "surround", "evacuate"}
# Verbs of a physical attack: a building they take as object is the scene ("bombings struck
# the Jolo Cathedral"), while "Harvard University said" or "criticized the University" is a body.
STRIKE_VERBS = {"strike", "bomb", "hit", "raid", "storm", "shell", "torch", "ransack", "loot",
                "firebomb", "blow"}
# Participles between a preposition and a name: "in Serb-held Vogosca", "the besieged X".
HELD = {"held", "controlled", "besieged", "occupied", "dominated", "populated", "administered",
        "plagued", "hit", "torn", "ravaged", "rebel", "government", "regime"}
# Participles that make a word before them the holder, leader or backer of what follows:
# "the ISIS-held town of X", "the Islamist-controlled district of X", "the Ahmad Madobe-led
# Jubba administration", "a Kabul-based group". Such a word is no place's name, nor part of one.
# Of these, the ones of a backer: "Turkey-backed militants" fight where Turkey need not be,
# while "Indian-controlled Kashmir" lies in India's hold.
BACKER_PARTICIPLES = {"led", "backed", "allied", "aligned", "linked", "sponsored", "funded",
                      "supported", "affiliated", "leaning"}
CONTROL_PARTICIPLES = HELD | BACKER_PARTICIPLES | {"based", "run", "ruled"}
_JOINED_WORD = re.compile(r"[-‐–](\w+)")
INITIAL = re.compile(r"[A-Z]\.")
# Endings of English adjectives, which name no place ("Presidential", "Islamic", "Islamist");
# not "Yugoslav" or a transliterated name the tagger calls an adjective.
ADJECTIVE_ENDINGS = ("al", "ic", "ist", "ive", "ous", "ary")
# Parts of speech of words that are never a place's whole name.
FUNCTION_POS = {"ADP", "DET", "PRON", "CCONJ", "SCONJ", "AUX", "PART"}
FUNCTION_WORDS = {"the", "a", "an", "any", "this", "that", "these", "those", "every", "each",
                  "some", "our", "their", "its", "his", "her", "my", "your", "no", "all"}


@functools.lru_cache(maxsize=1)
def site_words() -> dict[str, frozenset[str]]:
    """The word lists of data/site_words.yaml, by name ("sites", "organisations", ...)."""
    path = Path(__file__).parent / "data" / "site_words.yaml"
    data = load_yaml(path.read_text(encoding="utf-8")) or {}
    words = {k: frozenset(str(w).lower() for w in data.get(k) or ()) for k in
             ("areas", "sites", "institutions", "organisations", "broad", "titles", "groups", "calendar", "prefixes",
              "units", "offices", "blocs", "posted", "undergoer_verbs", "speaking_verbs",
              "report_verbs", "waters")}
    # a building, site or area word of any kind ("hospital", "checkpoint", "village"), asked per word
    words["sites_and_areas"] = words["sites"] | words["institutions"] | words["areas"]
    return words


_POSSESSIVE_END = re.compile(r"(?:'s|’s|['’‘])$")
_NAME_TRAIL = re.compile(r"(?:'s|’s|['’‘.-])$")
_INITIAL = re.compile(r"(?:[A-Z]|St)\.")
_OWNER = re.compile(r"[^ ]+['’]s ")


def _bare(word: str) -> str:
    return _POSSESSIVE_END.sub("", word).lower()


def without_date_words(text: str, s: int, e: int) -> int:
    """The end of the name ``text[s:e]`` without the days and months after it ("the suburb of
    Dobrinja Friday morning": the day is the date's, not the name's)."""
    calendar = site_words()["calendar"]
    name = text[s:e]
    while " " in name and _bare(name.rsplit(" ", 1)[1]) in calendar:
        name = name[:name.rindex(" ")]
    return s + len(name)


class _NamedPlaces:
    """The document's located places not named by a demonym, in the document's order, found by
    their start: ``_holder`` asks for those around each name, and a walk of them all per name
    is quadratic in a long text."""

    def __init__(self, places: list[Place], demonyms: set) -> None:
        named = [p for p in places if (p.start, p.end) not in demonyms and p.lat is not None]
        self._by_start = sorted(range(len(named)), key=lambda i: named[i].start)
        self._starts = [named[i].start for i in self._by_start]
        self._named = named
        self._longest = max((p.end - p.start for p in named), default=0)

    def starting(self, lo: int, hi: int) -> list[Place]:
        """Those that start in [lo, hi], in the document's order."""
        window = self._by_start[bisect.bisect_left(self._starts, lo):bisect.bisect_right(self._starts, hi)]
        return [self._named[i] for i in sorted(window)]

    def ending(self, lo: int, hi: int) -> list[Place]:
        """Those that end in [lo, hi], in the document's order."""
        return [p for p in self.starting(lo - self._longest, hi) if lo <= p.end <= hi]


class _PersonNames:
    """The document's persons' names (spans and their words of three letters or more), asked
    around each unlisted name: by start for those that straddle it, by word for those named
    elsewhere. A walk of them all per name is quadratic in a long text."""

    def __init__(self, persons: list[tuple[int, int, set[str]]]) -> None:
        self._spans = sorted((p0, p1) for p0, p1, _ in persons)
        self._starts = [p0 for p0, _ in self._spans]
        self._longest = max((p1 - p0 for p0, p1 in self._spans), default=0)
        self._by_word: dict[str, list[tuple[int, int]]] = {}
        for p0, p1, names in persons:
            for w in names:
                self._by_word.setdefault(w, []).append((p0, p1))

    def straddle(self, s: int, e: int) -> bool:
        """A person's name overlaps [s, e) and reaches past it ("Jean Bosco Gasasira")."""
        lo = bisect.bisect_left(self._starts, s - self._longest)
        hi = bisect.bisect_left(self._starts, e)
        return any(s < p1 and (p0 < s or p1 > e) for p0, p1 in self._spans[lo:hi])

    def named_elsewhere(self, parts: set[str], s: int, e: int) -> bool:
        """A person's name outside [s, e) holds one of ``parts`` ("Mikheil Saakashvili")."""
        return any(p1 <= s or p0 >= e for w in parts for p0, p1 in self._by_word.get(w, ()))


def _holder(text: str, s: int, e: int, named: _NamedPlaces) -> tuple[Place | None, bool]:
    """The place that holds the name [s, e) and whether the text names it beside the name
    (True) or only in the name's sentence or document (False)."""
    after = named.starting(e, e + 70)
    for p in sorted(after, key=lambda p: p.start):
        if _HOLDER_AFTER.fullmatch(text[e:p.start]):
            return p, True
        break
    before = named.ending(s - 40, s)
    for p in sorted(before, key=lambda p: -p.end):
        gap = text[p.end:s]
        if _HOLDER_BEFORE.fullmatch(gap) and (gap.startswith(("'s", "’s")) or " of" in gap):
            return p, True
        break
    return None, False


def _sentence_holder(doc, s: int, places: list[Place], demonyms: set) -> Place | None:
    """The most specific named place of the sentence of ``s`` (the nearest on a tie)."""
    from .event import SPECIFICITY

    tok = doc.char_span(s, s + 1, alignment_mode="expand")
    if tok is None:
        return None
    sent = tok[0].sent
    inside = [p for p in places if sent.start_char <= p.start and p.end <= sent.end_char
              and (p.start, p.end) not in demonyms and p.lat is not None and not _qualifies_a_thing(doc, p)]
    if not inside:
        return None
    return max(inside, key=lambda p: (SPECIFICITY.get(p.feature, 0), -abs(p.start - s)))


def _qualifies_a_thing(doc, place: Place) -> bool:
    """'a U.S. patrol', 'the Kenyan-flagged ship', 'Turkey-backed militants': the place only
    says whose a thing is, or who leads or backs it. Not a dateline's place, which the parse
    hangs on the first noun of the story ("NEW DELHI (PTI) - Opposition parties")."""
    from .event import dateline_end

    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or place.end <= dateline_end(doc_text(doc)):
        return False
    joined = _JOINED_WORD.match(doc_text(doc), place.end)
    if joined and joined.group(1).lower() in BACKER_PARTICIPLES:
        return True
    root = span.root
    return root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ == "NOUN" and \
        root.head.lower_ not in CUE_NOUNS


def _document_holder(doc, places: list[Place], demonyms: set) -> Place | None:
    """The document's most named place (names before demonyms; not one that only says whose
    a thing is, "a U.S. patrol")."""
    counts: Counter = Counter()
    first: dict = {}
    for p in places:
        if p.lat is None or _qualifies_a_thing(doc, p):
            continue
        key = (p.name, p.lat, p.lon)
        counts[key] += 0.5 if (p.start, p.end) in demonyms else 1
        first.setdefault(key, p)
    if not counts:
        return None
    return first[max(counts, key=lambda k: counts[k])]


def _reading(name: str, holder: Place, gaz: Gazetteer, villages) -> Entry | None:
    """A gazetteer or village place called ``name`` that lies in the holder's country and,
    when the holder is a town or a part of one, near it; the nearest such."""
    from ..geodesy import haversine_km

    candidates = [e for e, _ in gaz.lookup(name)]
    if villages is not None:
        candidates += [e for e, _ in (villages.lookup(name) or villages.lookup_spelling(name, gaz) or ())]
    local = holder.feature in ("city", "other", "admin2")
    best, best_km = None, float("inf")
    found = []
    for entry in candidates:
        if entry.country != holder.country or entry.feature in ("country", "region"):
            continue
        km = haversine_km(entry.lat, entry.lon, holder.lat, holder.lon)
        if local and km > NEAR_KM:
            continue
        found.append(entry)
        if km < best_km:
            best, best_km = entry, km
    # held only by a country or a state: one place of that name there, not one of many
    # ("Atlantic" or "Broadway", towns of the United States, are no reading of the ocean)
    if best is not None and not local and any(
            haversine_km(e.lat, e.lon, best.lat, best.lon) > SAME_PLACE_KM for e in found):
        return None
    return best


def _titled(doc, span, titles) -> bool:
    """The name follows a title: "Imam al- Hussein", "Sheikh Gen. X"."""
    lower = token_table(doc).lower
    i = span.start - 1
    while i >= 0 and lower[i] in ("al", "el", "-", "al-", "el-", "."):
        i -= 1
    return i >= 0 and lower[i].rstrip(".") in titles


def _headline_case(doc, span) -> bool:
    """The name stands among capitalised verbs, as in a headline ("71 Killed in Crash of Plane
    Carrying ...", "State of Emergency Remains in ..."): there capitals say nothing of names."""
    lo, hi = max(0, span.start - 4), min(len(doc), span.end + 4)
    return any(t.pos_ in ("VERB", "AUX") and t.text[:1].isupper() and not t.is_sent_start
               for t in doc[lo:hi])


def _cue(doc, span, head, labels) -> str | None:
    """What the words around a name say of it: "unit" ("south of the X", "the town of X"),
    "prep" ("in X", "near the besieged X", "at the X airbase"), "verb" ("stormed X"), "take"
    ("captured X": a place only if the gazetteer has one so called near the others), or
    None; none before a possessive ("in Nasrallah's speech")."""
    t = token_table(doc)
    if span.end < len(t) and t.text[span.end] in ("'s", "’s", "'", "’"):
        return None
    i = span.start - 1
    # step back over articles, adjectives and "-held": "in the rebel-held eastern X"
    while i >= max(0, span.start - 6) and (
            t.pos[i] in ("DET", "ADJ", "NUM") or t.lower[i] in DIRECTIONS
            or t.text[i] == "-" or t.lower[i] in HELD):
        i -= 1
    word = t.lower[i] if i >= 0 else ""
    if word == "of" and i > 0 and t.lower[i - 1] in CUE_NOUNS:
        return "unit"
    if word in LOCATIVE_WORDS:
        return "prep"
    if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_WORDS:
        return "prep"
    verb = head.head.lemma_.lower()
    if head.dep_ == "dobj" and verb in TAKE_VERBS:
        # "stormed Tal Bizam"; but "captured Henao" may name a man
        return "take" if verb in PERSON_TAKING or "PERSON" in labels else "verb"
    return None


def find_unlisted(doc, places: list[Place], demonyms: set, gaz: Gazetteer, villages=None,
                  ) -> tuple[list[Place], list[Place], set]:
    """The named places of ``doc`` that ``places`` lacks and the words call places (see the
    module's docstring), each with the point of its holder or its own reading near the
    holder. Returns the new toponyms, the new sites (streets, bases, buildings: places of
    events but no toponyms) and the spans of those that name a place below a town (all but
    rivers, seas and regions: "broad" in the word lists), more specific than a town."""
    text = doc_text(doc)
    table = token_table(doc)
    words_of = site_words()
    taken = bytearray(len(text) + 1)
    for p in places:
        taken[p.start:p.end] = b"\x01" * (p.end - p.start)
    persons = [(ent.start_char, ent.end_char, {w.lower() for w in ent.text.split() if len(w) > 2})
               for ent in doc_entities(doc) if ent.label_ == "PERSON"]
    named = _NamedPlaces(places, demonyms)
    person_names = _PersonNames(persons)
    out: list[Place] = []
    sites: list[Place] = []
    specific: set = set()
    document_holder = None
    for m in NAME.finditer(text):
        s, e = m.start(), m.end()
        name = text[s:e]
        # a leading article or sentence word is no part of the name: "The Syrian Army"
        while True:
            first = name.split(" ", 1)[0]
            if " " in name and (first.lower() in ("the", "a", "an", "in", "at", "near", "on", "and")
                                or first.rsplit("-", 1)[-1].lower() in HELD):    # "Serb-held X"
                s += len(first) + 1
                name = text[s:e]
                continue
            break
        # "the ISIS-held town of X", "the Madobe-led Jubba": the name, if any, is after the
        # participle
        words = name.split(" ")
        control = [i for i, w in enumerate(words) if "-" in w and w.rsplit("-", 1)[-1].lower() in CONTROL_PARTICIPLES]
        if control:
            cut = control[-1] + 1
            if cut == len(words):
                continue
            s += len(" ".join(words[:cut])) + 1
            name = text[s:e]
        trail = _NAME_TRAIL.search(name)
        if trail and not _INITIAL.fullmatch(name.rsplit(" ", 1)[-1]):
            e -= len(trail.group(0))
            name = text[s:e]
        # "Istanbul's Bayrampasa prison": a known place's possessive holds the name after it
        owner = _OWNER.match(name)
        if owner and any(taken[s:s + len(owner.group(0)) - 3]):
            s += len(owner.group(0))
            name = text[s:e]
        e = without_date_words(text, s, e)
        name = text[s:e]
        if e - s < 2 or any(taken[s:e]):
            continue
        words = [_bare(w) for w in name.split(" ")]
        parts = set(words) | {p for w in words for p in w.split("-")}
        if parts & (words_of["organisations"] | words_of["groups"] | words_of["calendar"]) \
                or normalize(name) in not_places() \
                or _generic(name):
            continue
        if name.isupper() and len(name) <= 6 and "." not in name:
            continue    # "UN", "NATO", "ISIS": acronyms name groups
        if name.lower() in FUNCTION_WORDS:
            continue    # "The city is ...", "Any town"
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or not len(span):
            continue
        if len(span) == 1 and span[0].is_stop and span[0].pos_ in FUNCTION_POS:
            continue    # "In villages like X": a capitalised preposition opening the sentence
        labels = {table.ent_type[i] for i in range(span.start, span.end)}
        if labels & NOT_NAME_LABELS:
            continue
        if gaz.demonym(name) is not None or (len(words) > 1 and gaz.demonym(name.split(" ")[0]) is not None
                                             and words[-1] not in words_of["sites"]):
            continue    # "Kurdish", "Syrian Arab Republic"
        last = words[-1]
        # "Kodori Gorge", not "Box Elder School District" (a body that runs schools)
        area = len(words) > 1 and (last in words_of["areas"] or words[0].split("-")[0] in words_of["prefixes"]) \
            and not set(words[:-1]) & words_of["institutions"]
        site = len(words) > 1 and last in words_of["sites"]
        institution = len(words) > 1 and last in words_of["institutions"]
        after = table.lower[span.end] if span.end < len(table) else ""
        # "the Kweires airbase", "Bayrampasa prison", "the Sani area": a place's own name
        # before the word for what is there
        site_after = after in words_of["sites"] or after in words_of["institutions"]
        unit = _cued(doc, s, e, strong=True) or after in CUE_AFTER or after in words_of["areas"]
        # the phrase the name heads: "the Kweires airbase" is headed by "airbase"
        head = doc[span.end] if (site_after or after in words_of["areas"]) and \
            span.root.head.i == span.end else span.root
        if not (site_after or unit):
            # "the Balata refugee camp", "the Waleed border crossing", "Kawkab army base": a
            # word for what the site serves stands between the name and the site's word
            at = _site_word_after_modifier(table, span, words_of)
            if at is not None:
                site_after, after, head = True, table.lower[at], doc[at]
        cue = _cue(doc, span, head, labels)
        unit = unit or cue == "unit"
        locative = cue is not None
        holder, beside = _holder(text, s, e, named)
        qualified = beside and text[e:e + 2].startswith((" (", "("))
        # the model's place name where the syntax agrees ("from Beitunia", "X and Y"); not a
        # region or sea the model calls a place ("the Middle East": no holder locates it)
        modelled = labels == {"GPE"} and (span.root.dep_ in ("pobj", "conj", "appos") or beside) and not (
            span.root.dep_ == "pobj" and span.root.head.lower_ == "by")   # "a call by Navalny"
        # a region or sea the model calls a place, no word of a site or unit around it:
        # kept only where the gazetteer knows it ("in Indian-controlled Kashmir")
        loose_region = labels == {"LOC"} and not (area or unit or beside or site_after)
        if span[0].is_sent_start and len(words) == 1 and not (unit or qualified):
            continue    # a capital that only opens the sentence
        if len(span) == 1 and span[0].pos_ == "ADJ" and labels == {"NORP"}:
            continue    # "the Himalayan region of Kashmir", "the Andean town of X": an adjective, whatever unit word follows
        if not (area or site or institution) and (words[0].rstrip(".") in words_of["titles"] or _titled(
                doc, span, words_of["titles"])):
            continue    # "Gov. Jose Reyes Baez", "the shrine of Imam al- Hussein"
        if not (area or site or institution or unit) and (
                person_names.straddle(s, e)
                or (len(span) == 1 and span[0].pos_ == "ADJ" and span[0].lower_.endswith(ADJECTIVE_ENDINGS))
                or _headline_case(doc, span)):
            # part of a longer person's name ("Jean Bosco Gasasira"), an English adjective ("the
            # Presidential palace", "Islamic schools"), or words a headline capitalises ("Killed
            # in Crash of Plane")
            continue
        if INITIAL.fullmatch(name) and not qualified:
            continue    # "G. B. Hall": an initial is a place only as "S. (Azzawya)"
        if not (area or site or institution or unit) and person_names.named_elsewhere(parts, s, e):
            continue    # "Saakashvili" where the text names "Mikheil Saakashvili"
        struck = institution and head.dep_ == "dobj" and head.head.lemma_.lower() in STRIKE_VERBS
        if not (area or site or unit or modelled or qualified or struck or (site_after and locative)):
            if not locative:
                continue
            if labels & {"ORG", "WORK_OF_ART", "EVENT", "LAW"} and not beside:
                continue    # "in Congress", "at Google": groups unless a place holds them
        elif institution and not (locative or unit or struck):
            continue
        if holder is None:
            holder = _sentence_holder(doc, s, places, demonyms)
        if holder is None:
            if document_holder is None:
                document_holder = _document_holder(doc, places, demonyms) or False
            holder = document_holder or None
        # only a capture verb says it is a place: it must be one the gazetteer knows there
        only_taken = cue == "take" and not (area or site or institution or unit or modelled or qualified)
        if holder is None:
            if loose_region or only_taken:
                continue
            # nothing says where it lies: a named place of events, with no coordinates
            taken[s:e] = b"\x01" * (e - s)
            sites.append(Place(start=s, end=e, text=name, name=name, feature="other"))
            if not _broad(last, after, None, words_of):
                specific.add((s, e))
            continue
        entry = _reading(name, holder, gaz, villages) if not (site or institution) else None
        if entry is None and (loose_region or only_taken):
            continue    # "captured Henao": no place of that name where the text is set
        if entry is not None:
            place = Place(start=s, end=e, text=name, name=entry.name,
                          feature=entry.feature if entry.feature in ("city", "admin1", "admin2") else "other",
                          country=entry.country or None, admin1=gaz.admin1_name(entry),
                          lat=round(entry.lat, 5), lon=round(entry.lon, 5), geonameid=entry.geonameid)
        else:
            place = Place(start=s, end=e, text=name, name=name, feature="other", country=holder.country,
                          admin1=holder.admin1, lat=holder.lat, lon=holder.lon, geonameid=None)
        taken[s:e] = b"\x01" * (e - s)
        # a name located only by its holder is offered to event places, not listed as a toponym
        (out if entry is not None else sites).append(place)
        if not _broad(last, after, entry, words_of):
            specific.add((s, e))
    return out, sites, specific


def _site_word_after_modifier(table, span, words_of) -> int | None:
    """The index of the site or area word that a name and one lower-case modifier come before,
    the phrase headed by it: "Balata refugee camp" (camp), "Waleed border-crossing" (crossing),
    "al-Dabbit maternity hospital"; None for any other phrase ("Hamas bomb factory workers":
    the site word only modifies the noun after it), nor after "a" ("a Hamas bomb factory": a
    site named by its owner)."""
    k = span.end
    if span.start > 0 and table.lower[span.start - 1] in ("a", "an"):
        return None
    if k >= len(table) or table.pos[k] not in ("NOUN", "ADJ") or not table.text[k].isalpha() \
            or not table.text[k].islower():
        return None
    at = k + 2 if k + 2 < len(table) and table.text[k + 1] == "-" else k + 1
    if at >= len(table) or not table.text[at].islower() or table.dep[at] == "compound" or \
            table.lower[at] not in words_of["sites_and_areas"]:
        return None
    if table.head[k] != at or table.head[span.root.i] not in (k, at):
        return None
    return at


def _broad(last: str, after: str, entry: Entry | None, words_of) -> bool:
    """A name no more specific than the town named with it: a river, sea or region, a unit
    above a town ("Pichincha province", "North Wollo zone"), or a reading of such a unit."""
    return (last in words_of["broad"] or last in words_of["units"] or after in words_of["units"]
            or (entry is not None and entry.feature in ("country", "region", "admin1")))


_WATER_OF = compile_with_start_filter(r"\b(?:Gulf|Bay|Sea|Straits?)\s+of\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})"
                                      # "the Philippine Sea", "the Taiwan Strait", "the East Siberian Sea"
                                      r"|\b(?:(?:North|South|East|West|Eastern|Western)\s+)?(?!(?:The|A|An|This|That)\s)"
                                      r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)"
                                      r"\s+(?:Sea|Straits?|Gulf|Channel)\b")


def find_water_bodies(text: str, taken_spans: list[Place], gaz: Gazetteer) -> list[Place]:
    """Seas named after a place ("the Gulf of Aden", "the Bay of Bengal", "the Taiwan Strait",
    "the Philippine Sea"): places of events (ships patrol there) though no toponym reading of
    ours names them; each a named site at the point of its namesake's best-known reading
    (near, though not the sea's own point)."""
    busy = bytearray(len(text) + 1)
    for p in taken_spans:
        busy[p.start:p.end] = b"\x01" * (p.end - p.start)
    out = []
    for m in _WATER_OF.finditer(text):
        s, e = m.span()
        if any(busy[s:e]):
            continue
        name = m.group(1) or m.group(2)
        namesake = max((c for c, p in gaz.lookup(name) if p), default=None,
                       key=lambda c: (c.feature in ("country", "admin1", "region"), c.population))
        if m.group(2) and namesake is None:
            namesake = gaz.demonym(name)    # a people's sea: "the Philippine Sea", "the Irish Sea"
        if namesake is None:
            continue
        out.append(Place(start=s, end=e, text=text[s:e], name=text[s:e], feature="other",
                         country=namesake.country or None, admin1=gaz.admin1_name(namesake),
                         lat=round(namesake.lat, 5), lon=round(namesake.lon, 5), geonameid=None))
    return out

