"""Toponym recognition: which spans of a parsed document name places.

Beyond spaCy's GPE/LOC labels: well-known places under other labels, adjectives and
demonyms ("Libyan", "Russians"), directional and unit words around a name ("northern
Syria" -> "Syria", "Idlib province" -> "Idlib"), lists with qualifiers ("Paris, Texas"), and
names the model missed but the gazetteer holds as a country, first-level unit or large city.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..nlp import doc_text
from ..regexscan import compile_with_start_filter
from ..spanindex import doc_entities, first_names, person_surnames
from ..tokentable import token_table
from .gazetteer import ARABIC_ARTICLES, Entry, Gazetteer, inside, normalize

NAME_LABELS = {"GPE", "LOC"}
# Labels the model sometimes gives to place names (and facilities named after places:
# "St George's Chapel"); trusted only for well-known places.
WEAK_LABELS = {"FAC", "ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"}
DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
              "central", "northeast", "northwest", "southeast", "southwest", "northeastern",
              "northwestern", "southeastern", "southwestern", "upstate", "downstate",
              "downtown", "greater", "rural", "coastal", "mid"}
UNIT_WORDS = {"province": "admin1", "governorate": "admin1", "state": "admin1",
              "region": None, "county": "admin2", "parish": "admin2", "district": None,
              "city": "city", "town": "city", "village": "city", "oblast": "admin1",
              "prefecture": "admin1", "municipality": None, "area": None}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "our", "their", "its", "his",
               "her", "my", "your", "every", "each", "any", "no", "some"}
LOCATIVE = {"in", "at", "near", "outside", "from", "to", "into", "around", "across", "of"}
# Words that name no place on their own, though the gazetteer has places so called.
GENERIC = DIRECTIONS | {"islands", "island", "valley", "river", "lake", "mount", "city", "county",
                        "state", "province", "region", "district", "bay", "beach", "park",
                        "center", "centre", "hills", "springs", "heights", "gulf", "coast",
                        "metro", "market", "forest", "harbor", "harbour", "port", "the city",
                        "downtown", "uptown", "midtown", "capital", "federal", "national"}
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_CAPITALIZED = re.compile(r"^[A-Z]")


@functools.lru_cache(maxsize=1)
def not_places() -> frozenset[str]:
    """Common words that alone are not places (data/not_places.txt)."""
    path = Path(__file__).parent / "data" / "not_places.txt"
    return frozenset(line.strip().lower() for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


@dataclass
class Mention:
    start: int
    end: int
    text: str
    candidates: list[tuple[Entry, bool]]
    demonym: bool = False
    feature_hint: str | None = None       # "Idlib province" -> admin1
    unit: str | None = None               # "the province of Hama" -> "province" (its readings only)
    qualifiers: list[int] = field(default_factory=list)  # indices of qualifying mentions


def _trim(doc_text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article and a trailing possessive or punctuation."""
    text = doc_text[start:end]
    for article in ("the ", "The "):
        if text.startswith(article):
            start += len(article)
            text = text[len(article):]
    m = _POSSESSIVE.search(text)
    if m and len(text) > m.end() - m.start():
        end -= m.end() - m.start()
        text = doc_text[start:end]
    stripped = text.rstrip(" ,;:-")
    end -= len(text) - len(stripped)
    return start, end


_NON_BLANK = re.compile(r"\S+")


def _words(doc_text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in _NON_BLANK.finditer(doc_text[start:end])]


def _resolve_span(gaz: Gazetteer, text: str, start: int, end: int, trusted: bool):
    """Find the part of [start, end) that names a place: (start, end, candidates, hint)."""
    whole = gaz.lookup(text[start:end])
    if whole:
        return start, end, whole, None
    words = _words(text, start, end)
    if len(words) >= 2:
        first = text[words[0][0]:words[0][1]].lower()
        last = text[words[-1][0]:words[-1][1]].lower().rstrip(".,")
        if first in DIRECTIONS:
            found = gaz.lookup(text[words[1][0]:end])
            if found and well_known(found):   # "northern Syria", not "West Wing"
                return words[1][0], end, found, None
        if last in UNIT_WORDS:
            found = gaz.lookup(text[start:words[-2][1]])
            if found:
                return start, words[-2][1], found, UNIT_WORDS[last]
    if not trusted or len(words) < 2:
        return None
    # the longest run of capitalized words inside the entity that the gazetteer knows; not
    # the last word(s) of a longer name after a name word of its own ("Rajya Sabha", "Mazars
    # USA", "Team USA": a house, a firm, a team named for or beside a place), where a
    # direction or grade ("North Texas", "Haut Zaire") or "of" ("the Gulf of Oman") would
    # say the run is a place
    for size in range(len(words) - 1, 0, -1):
        for i in range(len(words) - size + 1):
            s, e = words[i][0], words[i + size - 1][1]
            part = text[s:e]
            if not _CAPITALIZED.match(part) or part.lower() in GENERIC:
                continue
            if i > 0 and i + size == len(words) and _name_word_before(text, words[i - 1], gaz):
                continue
            found = [(c, p) for c, p in gaz.lookup(part) if p and c.feature in ("country", "admin1")
                     and c.population >= 50_000]
            if found:
                return s, e, found, None
    return None


# Words before a place's name that grade it, as a direction does: "Upper Egypt", "Haut Zaire".
GRADES = DIRECTIONS | {"upper", "lower", "haut", "haute", "inner", "outer", "old", "new", "greater",
                       "metro", "midtown", "uptown"}


def _name_word_before(text: str, word: tuple[int, int], gaz: Gazetteer) -> bool:
    """``word`` (start, end), the word before a place's name inside a longer proper name, is
    a name word of its own: capitalized, and no article, direction, grade or demonym ("Rajya"
    of "Rajya Sabha", "Mazars" of "Mazars USA"; not "The U.S. Army", "North Texas", "Greater
    Darfur", "Iraqi Kurdistan")."""
    w = text[word[0]:word[1]].rstrip(".,")
    if w.isupper() and len(w) > 1:
        return False    # a body's initials before its local office: "the RFE Prague offices"
    return bool(_CAPITALIZED.match(w)) and w.lower() not in GRADES and w.lower() not in DETERMINERS \
        and gaz.demonym(w) is None


def _placed(doc, start: int, end: int) -> bool:
    """The words around [start, end) read as a place: "in Greer", "Greer, S.C.", "Greer-based"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end:span.end + 2]
    if before in LOCATIVE:
        return True
    return len(after) == 2 and after[0].text == "," and after[1].text[:1].isupper() \
        and after[1].pos_ == "PROPN"


# Labels of words that are no place names, whatever the words around them ("in May").
NOT_NAME_LABELS = {"DATE", "TIME", "NORP", "ORDINAL", "CARDINAL", "MONEY", "QUANTITY", "PERCENT"}
# Words before a name that say it names a place: "in Daraa", "the village of Mainok".
CUE_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "into", "toward",
             "towards", "outskirts", "between", "through", "throughout", "within"}
CUE_NOUNS = {"city", "town", "village", "villages", "towns", "province", "district", "governorate",
             "region", "area", "suburb", "neighbourhood", "neighborhood", "capital", "outskirts",
             "countryside", "hamlet", "settlement", "settlements", "municipality", "county", "state",
             "camp", "port", "vicinity", "cities", "neighbourhoods", "neighborhoods",
             "centre", "center", "heart", "stronghold", "edge", "governorates", "provinces",
             "districts", "suburbs", "north", "south", "east", "west", "northeast", "northwest",
             "southeast", "southwest"}
# Words after a name that say it names a place: "Hama countryside", "Shaab neighbourhood".
CUE_AFTER = (set(UNIT_WORDS) - {"area", "state"}) | {
    "countryside", "neighborhood", "neighbourhood", "neighborhoods", "neighbourhoods", "lga",
    "outskirts", "suburbs", "villages", "districts", "governorate"}
# Verbs whose object is a place when the gazetteer knows the name: "rebels captured Badme".
TAKE_VERBS = {"capture", "seize", "enter", "storm", "besiege", "surround", "retake", "recapture",
              "liberate", "overrun", "shell", "bombard", "encircle", "occupy", "evacuate"}

# Verbs and nouns of a journey whose "to X" is where it goes: "travelling to Rumbek", "the road
# leading to X", "marched to X", "a convoy bound to X"; not "said to X", "aid to X", "lost to X".
MOTION_WORDS = {"travel", "return", "march", "head", "flee", "drive", "fly", "move", "advance",
                "retreat", "withdraw", "lead", "walk", "sail", "rush", "redeploy", "deploy",
                "journey", "trip", "road", "route", "way", "convoy", "highway", "bound"}


def _cued(doc, start: int, end: int, strong: bool = False) -> bool:
    """The words around [start, end) say it names a place whatever the model's label:
    "in Daraa", "in southern Kobane", "the town of Hama", "Hama countryside", "rebels captured
    Badme", "travelling to Rumbek"; not "in Nasrallah's speech", "aid to Rumbek". ``strong``:
    only the unit words ("the town of X", "X province"), not a bare "in X" ("in May") or a
    verb."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    t = token_table(doc)    # the words around are read from the table, no Token made
    nxt = span.end
    if nxt < len(t) and t.text[nxt] in ("'s", "’s", "'"):
        # "in Honiara's Chinatown", "in Baghdad's Karrada": the owner of a named site after
        # "in" is its town; "in Nasrallah's speech" owns no named site
        owned = span.root.head if span.root.dep_ == "poss" else None
        return owned is not None and owned.pos_ == "PROPN" and owned.dep_ == "pobj" and \
            owned.head.lower_ in CUE_PREPS
    if nxt < len(t) and t.lower[nxt] in CUE_AFTER:
        return True
    # step back over adjectives: "in southern Kobane", "in Serb-held Vogosca", "downtown X"
    i = span.start - 1
    while i >= 0 and i >= span.start - 3 and (t.lower[i] in DIRECTIONS or t.pos[i] == "ADJ"
                                              or t.text[i].endswith(("-held", "-controlled"))):
        i -= 1
    before = t.lower[i] if i >= 0 else ""
    if before == "of" and i > 0 and t.lower[i - 1] in CUE_NOUNS:
        return True
    if strong:
        return False
    if before in CUE_PREPS:
        return True
    root = span.root
    if before == "to" and root.dep_ == "pobj" and root.head.i == i \
            and root.head.head.lemma_.lower() in MOTION_WORDS:
        return True         # "travelling to Rumbek", "the road leading to X"
    return root.dep_ == "dobj" and root.head.lemma_.lower() in TAKE_VERBS


# Capitalised words before a name that make a longer name of another place ("New Miami",
# "St. Paris", "Lake Ontario"), and words after it that do ("Bethel Park", "Canaan Valley",
# "Niger Delta"); directions are not among them ("northern Syria" is Syria).
NAME_PREFIXES = {"new", "st", "st.", "ste", "ste.", "saint", "fort", "ft", "ft.", "port", "mount",
                 "mt", "mt.", "lake", "upper", "lower", "little", "big", "great", "old", "glen"}
NAME_SUFFIXES = {"park", "woods", "heights", "falls", "valley", "delta", "peninsula", "lake",
                 "lakes", "river", "creek", "island", "islands", "bay", "beach", "hills", "springs",
                 "gorge", "sound", "lagoon", "canyon", "mountain", "mountains", "forest", "station",
                 "bend", "ridge", "harbor", "harbour", "point", "cove", "township", "castle",
                 "chapel", "cathedral", "basilica", "abbey", "sea", "strait", "straits", "gulf",
                 "ocean", "channel"}
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
WATER_WORDS = {"sea", "ocean", "strait", "straits", "gulf", "channel", "river", "lake", "bay"}
# "Gulf of Alaska", "Mall of Asia": X of Y names no Y (but "the University of Toronto" is
# in Toronto).
OF_HEADS = {"gulf", "bay", "sea", "strait", "straits", "isle", "cape", "mall",
            "church", "cathedral", "basilica", "shrine", "lake", "port"}
_WORD_BEFORE = re.compile(r"(?:^|\s)([A-Z][\w.'’]*)(?:\s+(of))?\s+$")
_WORD_AFTER = re.compile(r"^(?:'s|’s)?\s+([A-Z][\w'’]*)")


_RUN_AFTER = re.compile(r"^((?:\s+[A-Z][\w'’-]*){1,3})")
_EZAFE_BEFORE = re.compile(r"[A-Z][\w'’]*-(?:e|i|ye|yi)[- ]$")
_SAINT = re.compile(r"(?:St\.?|Saint)\s")


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """The name is part of a longer one that names another place or a building: "New
    Miami", "Lake Ontario", "Bethel Park", "Gulf of Alaska", "St George's Chapel"."""
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if before:
        word = before.group(1).lower()
        if before.group(2) and word.rstrip(".") in OF_HEADS:
            return True
        if not before.group(2) and word in NAME_PREFIXES:
            return True
    after = _WORD_AFTER.match(text[end:end + 30])
    if after and after.group(1).lower() in NAME_SUFFIXES:
        return True
    # "Washington Square Park", "Kennedy Airport", "Atlantic Avenue": a site's name (an
    # institution named after its town, "Lancaster University", is in that town)
    run = _RUN_AFTER.match(text[end:end + 60])
    if run:
        from .unlisted import site_words
        if run.group(1).split()[-1].lower() in site_words()["sites"]:
            return True
    # "Yaftal-e Bala", "Mazar-i-Sharif": a Persian name's last word after its linking "-e"/"-i"
    if _EZAFE_BEFORE.search(text, max(0, start - 30), start):
        return True
    # "St Patrick's" (a church or school), "St. Peter's Basilica"
    name = text[start:end]
    return bool(_SAINT.match(name)) and text[end:end + 2] in ("'s", "’s")


def _generic(name: str) -> bool:
    """A word or pair of words that names no one place: "South", "Southern District"."""
    low = name.lower()
    if low in GENERIC:
        return True
    words = low.split()
    return len(words) == 2 and words[0] in DIRECTIONS and words[1] in UNIT_WORDS


_CONJOINED_NAME = re.compile(r"(?: (?:and|&))? [A-Z][\w'-]+(?: [A-Z][\w'-]+){0,2}")
_NAME_WORD = re.compile(r"[\w'-]+")


def _extend_conjoined(gaz: Gazetteer, text: str, start: int, end: int) -> int:
    """'Trinidad' of 'Trinidad and Tobago', 'Bosnia' of 'Bosnia and Herzegovina', 'U.S.' of
    'U.S. Virgin Islands': the end of the longer country or state name when the text goes on
    to one (the longest), else ``end``."""
    m = _CONJOINED_NAME.match(text[end:end + 50])
    if m:
        for longer in sorted((end + w.end() for w in _NAME_WORD.finditer(m.group(0))
                              if w.group(0) not in ("and",)), reverse=True):
            if any(p and c.feature in ("country", "admin1") for c, p in gaz.lookup(text[start:longer])):
                return longer
    return end


def _state_long_name(name: str, candidates) -> bool:
    """A country's long-form name, which the model tags an organisation ("the Democratic
    People's Republic of Korea", "the Islamic Republic of Iran"): not its short name, which a
    body may bear too."""
    return len(name.split()) >= 3 and any(c.feature == "country" for c, _ in candidates)


def well_known(candidates) -> bool:
    """A country, first-level unit, region or city of 100,000 or more among the name's own readings."""
    return any(primary and (c.feature in ("country", "admin1", "region") or c.population >= 100_000)
               for c, primary in candidates)


# A person's name may be a place's only where the place is well known: a country, or a state or
# region this populous ("Georgia", "Washington"), not a parish of Bermuda called Hamilton.
STATE_POPULATION = 500_000


def _names_a_state(candidates) -> bool:
    return any(p and (c.feature == "country" or c.feature in ("admin1", "region")
                      and c.population >= STATE_POPULATION) for c, p in candidates)


_COMMA_CUT = re.compile(r"(,\s*)")
_COMMA = re.compile(r",\s*")


def recognize_toponyms(doc, gaz: Gazetteer) -> list[Mention]:
    """The place mentions of a parsed document, in text order, with gazetteer candidates."""
    text = doc_text(doc)
    mentions: list[Mention] = []
    taken = bytearray(len(text) + 1)
    blocked = bytearray(len(text) + 1)   # inside a person's name

    def claim(start, end):
        if any(taken[start:end]):
            return False
        taken[start:end] = b"\x01" * (end - start)
        return True

    ents = [(ent.label_, ent.start_char, ent.end_char) for ent in doc_entities(doc)]
    person_words, place_words = set(), set()
    surname_given = person_surnames(doc)
    given_first = set(first_names(doc))
    for label, e_start, e_end in ents:
        words_of = text[e_start:e_end].split()
        if label == "PERSON":
            blocked[e_start:e_end] = b"\x01" * (e_end - e_start)
            if len(words_of) > 1:
                person_words.update(w for w in words_of if len(w) > 2)
        elif label in NAME_LABELS:
            place_words.update(words_of)
    given_names = set(person_words)
    person_words -= place_words  # the model reads it as a place elsewhere in the document
    from .unlisted import site_words   # unlisted reads this module's cues: imported when called
    titles = site_words()["titles"]

    def personal(name: str, candidates, start: int, end: int) -> bool:
        """'Nelson' where the document also has 'Willie Nelson', or 'Police': a name or a
        word, not a place, unless it names a country or state; 'Kristina' where the text has
        'Kristina Lopez', read as a place only by another place's alternate name, is hers.
        A word of not_places.txt after a unit word is not alone: "the city of Man"; a title is,
        whatever cue precedes it: "at the Prime Minister's Office" is no Minster, Ohio."""
        if name in given_names and not any(p for _, p in candidates):
            return True
        title = normalize(name) in titles
        if name not in person_words and normalize(name) not in not_places() and not title:
            return False
        if name not in person_words and not title and _cued(doc, start, end, strong=True):
            return False
        return not _names_a_state(candidates)

    for label, e_start, e_end in ents:
        if label not in NAME_LABELS and label not in WEAK_LABELS:
            continue
        # "Paris, Texas" and lists come as one entity at times: split at commas
        pieces, pos = [], e_start
        for part in _COMMA_CUT.split(text[e_start:e_end]):
            if part and not _COMMA.fullmatch(part):
                pieces.append((pos, pos + len(part)))
            pos += len(part)
        for p_start, p_end in pieces:
            start, end = _trim(text, p_start, p_end)
            if end <= start:
                continue
            end = _extend_conjoined(gaz, text, start, end)
            if label == "NORP":
                entry = gaz.demonym(text[start:end])
                if entry is not None and _inside_longer_name(text, start, end):
                    continue    # "the Korean Peninsula" is no country
                if entry is not None and claim(start, end):
                    mentions.append(Mention(start, end, text[start:end], [(entry, True)], demonym=True))
                    continue
            found = _resolve_span(gaz, text, start, end, label in NAME_LABELS)
            if found is None:
                continue
            s, e, candidates, hint = found
            if text[s:e].islower():
                continue   # "a riot police van", labelled a name by the model: a name is written capitalized
            if _inside_longer_name(text, s, e):
                continue
            if hint is None and label in ("LOC", "GPE") and _THE_BEFORE.search(text, max(0, s - 5), s):
                # "the Red Sea", "the Atlantic", "the Sahel": a sea or region takes the article,
                # a province or a town ("Atlantic, Iowa") does not
                hint = "region"
            if label not in NAME_LABELS and not well_known(candidates) and not (
                    _cued(doc, s, e) and label not in ("NORP", "WORK_OF_ART", "EVENT")) and not (
                    label == "ORG" and _state_long_name(text[s:e], candidates)):
                continue
            if label == "PERSON" and not (any(p and (c.feature == "country" or (
                    c.feature == "city" and c.population >= 100_000)) for c, p in candidates)
                                          or _placed(doc, s, e)):
                continue  # "Nelson said": a person, though a region bears the name
            if _generic(text[s:e]):
                continue
            if label == "LOC" and not any(p and (c.feature != "city" or c.population >= 10_000)
                                          for c, p in candidates):
                continue  # a natural feature ("the Atlantic") the gazetteer lacks, not a hamlet
            if surname_given.get(text[s:e], len(text) + 1) <= s and not _names_a_state(candidates):
                continue   # "Prime Minister Oleksiy Honcharuk ... Honcharuk filed": him, not a village
            if personal(text[s:e], candidates, s, e) or _first_name(given_first, s, e, candidates):
                continue
            if claim(s, e):
                mentions.append(Mention(s, e, text[s:e], candidates, feature_hint=hint))

    # a dateline in capitals opening a paragraph or following the headline ("TORRINGTON —",
    # "CHARLESTON, W.Va. --", "NEWARK  It was"): the model rarely labels it. A dateline names a
    # town: "LEBANON (AP) —" over a story of Warren County, Ohio is the town, not the country
    datelines = set()
    for found_line in _DATELINE_NAME.finditer(text):
        s, e = found_line.span("name")
        datelines.add((s, e))
        name = text[s:e]
        if any(taken[s:e]) or any(blocked[s:e]) or normalize(name) in not_places() or _generic(name):
            continue
        candidates = [(c, p) for c, p in gaz.lookup(name) if p]
        if candidates and claim(s, e):
            mentions.append(Mention(s, e, name, candidates))

    # adjectives and demonyms the model did not label, and well-known names it missed
    table = token_table(doc)    # offsets, words and tags read once per Doc, not per stage
    starts, words = table.idx, table.text
    lowers = [w.lower() for w in words]
    capital = [w[:1].isupper() for w in words]
    # a token that may be part of a name: a proper noun, or the dot of "St."
    namelike = [p == "PROPN" or w == "." for p, w in zip(table.pos, words)]
    for i, word in enumerate(words):
        s, e = starts[i], starts[i] + len(word)
        if not capital[i] or any(taken[s:e]) or any(blocked[s:e]):
            continue
        entry = gaz.demonym(word)
        if entry is not None and not _inside_longer_name(text, s, e) and claim(s, e):
            mentions.append(Mention(s, e, word, [(entry, True)], demonym=True))
    size = len(words)
    for n in (3, 2, 1):
        for i in range(size - n + 1):
            if not capital[i]:
                continue
            last = i + n - 1
            # before a unit word ("Idlib province") a capitalized name counts whatever its tag
            before_unit = (last + 1 < size and lowers[last + 1] in UNIT_WORDS
                           and all(capital[i:last + 1]) and lowers[i] not in DETERMINERS)
            if not before_unit and not all(namelike[i:last + 1]):
                continue
            s, e = starts[i], starts[last] + len(words[last])
            if any(taken[s:e]) or any(blocked[s:e]):
                continue
            if text[e:e + 1] == "-" and text[s:e].lower() in ARABIC_ARTICLES or (
                    text[s - 1:s] == "-" and text[max(0, s - 4):s - 1].lower().split(" ")[-1]
                    in ARABIC_ARTICLES):
                continue  # "Al" or "Shadadi" of "Al-Shadadi": part of an Arabic name
            name = text[s:e]
            if _generic(name):
                continue  # "South" of "South Ossetia", "Islands" of "Farallon Islands"
            if _inside_longer_name(text, s, e):
                continue
            if before_unit:
                # "Laurel County", "Idlib Province": the unit's own full name first
                unit_end = starts[last + 1] + len(words[last + 1])
                found = gaz.lookup(text[s:unit_end])
                if found and not any(taken[s:unit_end]) and claim(s, unit_end):
                    mentions.append(Mention(s, unit_end, text[s:unit_end], found))
                    continue
            # own names only: alternate names of units ("Federal", "First", "Coast") are
            # too often plain words
            candidates = gaz.lookup(name)
            if candidates and i > 0 and not before_unit and doc[i].ent_iob_ == "I" and namelike[i - 1] and \
                    _name_word_before(text, (starts[i - 1], starts[i - 1] + len(words[i - 1])), gaz):
                continue    # "the Rajya Sabha", "Mazars USA": the last words of another name
            trusted = any((p or before_unit) and (
                c.feature in ("country", "admin1", "region") or c.population >= 100_000 or before_unit)
                for c, p in candidates) or (candidates and _cued(doc, s, e, strong=True))
            # the gate decides whether the name is read as a place; then every reading competes
            found = candidates if trusted else []
            if found and not personal(name, found, s, e) and not _first_name(given_first, s, e, found) \
                    and claim(s, e):
                hint = UNIT_WORDS[lowers[last + 1]] if before_unit else None
                mentions.append(Mention(s, e, name, found, feature_hint=hint))

    mentions.sort(key=lambda m: m.start)
    for m in mentions:
        if (m.start, m.end) in datelines and m.feature_hint is None and not m.demonym:
            m.feature_hint = "city"
    _take_articles(text, gaz, mentions)
    read_unit_frames(text, gaz, mentions)
    read_county_lists(text, gaz, mentions)
    link_qualifiers(text, mentions)
    return mentions


def _first_name(given_first: set, start: int, end: int, candidates) -> bool:
    """'Carmen' of 'Mayor Carmen Yulín Cruz', 'Nadia' of 'Nadia Moayyad' (``first_names``): her
    first name, not a town, unless it names a country."""
    return (start, end) in given_first and not any(p and c.feature == "country" for c, p in candidates)


_DATELINE_NAME = compile_with_start_filter(   # scans every text: only where a capital is
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<name>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3})"
    r"(?:,\s+[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*(?:\([^)\n]{1,40}\)\s*)?(?:—|–|--|\s{2,}(?=[A-Z]))",
    re.MULTILINE)
_ARTICLE_BEFORE = re.compile(r"\b(?:%s) $" % "|".join(a.capitalize() for a in ARABIC_ARTICLES))


def _take_articles(text: str, gaz: Gazetteer, mentions: list[Mention]) -> None:
    """'Ad Dali' read as 'Dali' (a town in China): a mention right after a capitalised Arabic
    article takes it when the gazetteer knows the longer name, and only its readings."""
    for m in mentions:
        if m.demonym:
            continue
        article = _ARTICLE_BEFORE.search(text, max(0, m.start - 4), m.start)
        if article is None:
            continue
        found = gaz.lookup(text[article.start():m.end])
        if found:
            m.start, m.text, m.candidates = article.start(), text[article.start():m.end], found


# "the province of Hama", "the southeastern province of Sirnak", "Manila's neighbouring province
# of Pampanga", "the state of Georgia": a determiner or owner, up to two words, a unit word, "of"
_UNIT_FRAME = re.compile(
    r"(?:\b(?:the|a|an|its|their)|'s|’s)\s+(?:[\w-]+\s+){0,2}?"
    r"(province|governorate|state|oblast|prefecture|county|parish)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def read_unit_frames(text: str, gaz: Gazetteer, mentions: list[Mention]) -> None:
    """'the province of Hama': the name after a unit word and "of" is that unit, not the town
    of that name, where the gazetteer has such a unit (as "Hama province" is); the mention
    keeps only those readings and its unit word, so that it is resolved apart from the town's
    mentions ("in Hama city ... the province of Hama"). "The state of Israel", which names no
    first-level unit, stays the country."""
    for m in mentions:
        if m.demonym:
            continue
        frame = _UNIT_FRAME.search(text, max(0, m.start - 60), m.start)
        if frame is None:
            continue
        word = frame.group(1).lower()
        feature = UNIT_WORDS[word]
        found = [(c, p) for c, p in m.candidates if c.feature == feature] or [
            (c, p) for c, p in gaz.lookup(f"{m.text} {word}") if c.feature == feature]
        if found:
            m.candidates, m.feature_hint, m.unit = found, feature, word


# "Camden and Charlton counties", "Nassau, Baker and Clay counties": each name of the list
_NAME_WORDS = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}"
_COUNTY_LIST = re.compile(
    rf"(?:\s*,\s*{_NAME_WORDS})*,?\s+(?:and|or|&)\s+{_NAME_WORDS}\s+counties\b|\s+counties\b")


def read_county_lists(text: str, gaz: Gazetteer, mentions: list[Mention]) -> None:
    """'Camden and Charlton counties in Georgia': each name of a list that ends in "counties"
    is the county ('Camden County'), not a town of that name, where the gazetteer has one."""
    for m in mentions:
        if m.demonym or m.text.lower().endswith(" county") or not _COUNTY_LIST.match(text, m.end):
            continue
        found = gaz.lookup(m.text + " County")
        if found:
            m.candidates, m.feature_hint = found, "admin2"


_UNIT_AFTER = re.compile(r"\s+(?:district|province|governorate|region|county|state|municipality)\b",
                         re.IGNORECASE)
_UNIT_ENDINGS = (" district", " province", " governorate", " region", " county")
_APPOSITION_GAP = re.compile(r"\s*[,(]\s*")
_IN_GAP = re.compile(r"\s+in\s+(?:the\s+)?")


def link_qualifiers(text: str, mentions: list[Mention]) -> None:
    """'Paris, Texas', 'Paris (Texas)', 'Licking County, Ohio': the next name qualifies the one
    before it (and the one after that when the first is a county: 'Ada, Pontotoc County,
    Oklahoma'); a list ('Maine, New York, New Jersey') only ever pairs neighbours."""
    for i, m in enumerate(mentions):
        j, pos = i + 1, m.end
        while j < len(mentions) and j <= i + 2:
            gap = text[pos:mentions[j].start]
            if mentions[j].demonym:
                break
            if not _APPOSITION_GAP.fullmatch(gap):
                # "X in the Y district": Y holds X
                if j == i + 1 and _IN_GAP.fullmatch(gap) and (
                        _UNIT_AFTER.match(text[mentions[j].end:mentions[j].end + 20])
                        or mentions[j].text.lower().endswith(_UNIT_ENDINGS)):
                    m.qualifiers.append(j)
                break
            m.qualifiers.append(j)
            if not mentions[j].text.endswith(("County", "Parish", "District", "Province")):
                break
            pos = mentions[j].end
            j += 1


# The unit word a county's own name ends in, which a text often leaves out ("Kanawha").
_UNIT_SUFFIX = re.compile(r" (?:county|parish|borough)$")


def recognize_local_names(doc, gaz: Gazetteer, mentions: list[Mention],
                          admin1_ids: set[int], countries: frozenset[str] = frozenset()) -> list[Mention]:
    """Small towns the model missed, found once the document's states are known: a run of
    proper nouns that is the own name of a town inside one of those states ("Greer" in a
    story about South Carolina), or a name the words around call a place ("in Daraa") that is
    a place of a country the document names. Returns the new mentions (not yet in
    ``mentions``)."""
    if not admin1_ids and not countries:
        return []
    text = doc_text(doc)
    taken = bytearray(len(text) + 1)
    for m in mentions:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    named = bytearray(len(text) + 1)   # inside a name the model gave a person or an organisation
    for ent in doc_entities(doc):
        if ent.label_ not in ("PERSON", "ORG", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"):
            continue
        # "In Greer, ..." : a one-word "person" after a preposition of place is a town
        if (ent.label_ == "PERSON" and len(ent) == 1 and ent.start > 0
                and doc[ent.start - 1].lower_ in LOCATIVE):
            continue
        named[ent.start_char:ent.end_char] = b"\x01" * (ent.end_char - ent.start_char)
    for s0, e0 in first_names(doc):
        named[s0:e0] = b"\x01" * (e0 - s0)
    table = token_table(doc)
    words = table.text
    mention_ends = {m.end for m in mentions if not m.demonym}
    mention_starts = {m.start for m in mentions if not m.demonym}
    # a capitalized proper noun, decided once per token rather than once per window
    proper = [p == "PROPN" and w[:1].isupper() for p, w in zip(table.pos, words)]
    found_new: list[Mention] = []
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            if not all(proper[i:i + n]):
                continue
            s, e = table.idx[i], table.idx[i + n - 1] + len(words[i + n - 1])
            if any(taken[s:e]):
                continue
            # a town's name inside an organisation's or read as a person's counts only where
            # the words say it is the town ("the Carthage Police Chief", "a Crafton man"), or
            # in a list with a place ("Gainesville and Duluth")
            coordinated = _coordinated(text, s, e, mention_starts, mention_ends)
            local_cue = bool(admin1_ids) and (coordinated or _local_cue(doc, i, i + n))
            if any(named[s:e]) and not local_cue:
                continue
            name = text[s:e]
            if _generic(name) or normalize(name) in not_places():
                continue
            cued = bool(countries) and (_cued(doc, s, e) or coordinated) and not any(
                doc[k].ent_type_ in NOT_NAME_LABELS for k in range(i, i + n))
            if not admin1_ids and not cued:
                continue    # nothing to look for: spare the look-up
            found = gaz.lookup(name)
            if local_cue and i + n < len(doc) and doc[i + n].lower_ in ("county", "counties") or (
                    i + n + 2 < len(doc) and doc[i + n].lower_ in ("and", "to", "or")
                    and doc[i + n + 2].lower_ == "counties"):
                # "Jackson and Barrow counties": the county, not the town
                found = gaz.lookup(name + " County") or found
            local = [(c, p) for c, p in found
                     if p and c.feature in ("city", "admin2") and c.admin1 in admin1_ids]
            if not local and local_cue:
                # "Kanawha Circuit Court": a county of those states by its name without the
                # unit word
                local = [(c, p) for c, p in found if c.feature == "admin2" and c.admin1 in admin1_ids
                         and _UNIT_SUFFIX.sub("", normalize(c.name)) == normalize(name)]
            if not local and cued:
                local = [(c, p) for c, p in found if c.country in countries and c.feature != "country"]
            if local:
                taken[s:e] = b"\x01" * (e - s)
                found_new.append(Mention(s, e, name, local))
                mention_starts.add(s)   # the next name of a list may lean on this one
                mention_ends.add(e)
    return found_new


# "Sault Ste. Marie, Ontario", "Rockingham, Northamptonshire": a run of capitalised words right
# before a comma and the unit that holds it
_BEFORE_QUALIFIER = re.compile(r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*),\s*$")


def recognize_qualified_names(doc, gaz: Gazetteer, mentions: list[Mention],
                              units: list[Entry | None]) -> list[Mention]:
    """Towns the model missed or read as a person, named with their unit after a comma: the
    run before ", Ontario" is a place where the gazetteer holds a town of that name inside the
    unit the text names ("Sault Ste. Marie, Ontario", with "Marie" read as a person's name).
    ``units`` are the resolved readings of ``mentions``. Not a person the model names in full
    ("John Smith, Texas Republican") or by the last name, nor a name inside a longer one.
    Returns the new mentions."""
    text = doc_text(doc)
    taken = bytearray(len(text) + 1)
    for m in mentions:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    persons = {(ent.start_char, ent.end_char) for ent in doc_entities(doc)
               if ent.label_ == "PERSON" and len(ent) > 1}
    surnames = person_surnames(doc)
    found: list[Mention] = []
    for m, unit in zip(mentions, units):
        if unit is None or m.demonym or unit.feature not in ("country", "admin1", "admin2"):
            continue
        window = max(0, m.start - 60)
        run = _BEFORE_QUALIFIER.search(text, window, m.start)
        if run is None:
            continue
        words = list(re.finditer(r"\S+", run.group(1)))
        for k in range(len(words)):     # the longest run the gazetteer holds in the unit
            s, e = run.start(1) + words[k].start(), run.end(1)
            name = text[s:e]
            if any(taken[s:e]) or (s, e) in persons or name in surnames or _generic(name) \
                    or normalize(name) in not_places() or _inside_longer_name(text, s, e):
                continue
            held = [(c, p) for c, p in gaz.lookup(name) if p and c.feature in ("city", "admin2")
                    and inside(c, unit)]
            if held:
                taken[s:e] = b"\x01" * (e - s)
                found.append(Mention(s, e, name, held))
                break
    return found


_LIST_GAP = re.compile(r"\s*(?:,|;|,?\s+and|,?\s+or)\s+")
_LIST_GAP_BEFORE = re.compile(r"(?:,|;|,?\s+and|,?\s+or)\s+$")


def _coordinated(text: str, start: int, end: int, mention_starts: set, mention_ends: set) -> bool:
    """The name stands in a list with a place the document names: "Gainesville and Duluth",
    "Newark, Heath and Pataskala", "Hornsey, Stoke Newington and Walthamstow"."""
    before = _LIST_GAP_BEFORE.search(text[max(0, start - 8):start])
    if before and start - len(before.group(0)) in mention_ends:
        return True
    after = _LIST_GAP.match(text, end)
    return bool(after) and after.end() in mention_starts


# Words after a town's name that say it is the town: "a Crafton man", "four Hopkinton homes",
# "the Carthage Police Chief", "Jackson and Barrow counties".
RESIDENT_NOUNS = {"man", "woman", "men", "women", "resident", "residents", "native", "natives",
                  "home", "homes", "teen", "teenager", "boy", "girl", "couple", "family", "families",
                  "community", "communities", "county", "counties"}
TOWN_BODIES = {"Police", "Fire", "City", "Town", "Township", "County", "Council", "Sheriff",
               "Circuit", "Municipal", "Board", "Borough", "Village", "Mayor", "Selectmen"}


def _local_cue(doc, i: int, j: int) -> bool:
    """The words around tokens [i, j) say they name a town, though the model read them as a
    person or an organisation: a resident noun or a town body after them ("a Crafton man",
    "the Laconia police", "Hopkinton Police Department"), "X and Y counties", or "of"/"from"
    right after a person's name ("Mindy Miller of Ravenel", "Stephen Davis, of Chiefland")."""
    t = token_table(doc)
    if j < len(t):
        lower, text = t.lower[j], t.text[j]
        if lower in RESIDENT_NOUNS and text.islower() or text in TOWN_BODIES or lower == "police":
            return True
        if lower in ("and", "or", "to") and j + 2 < len(t) and t.lower[j + 2] == "counties":
            return True
    k = i - 1
    if k >= 0 and t.lower[k] in ("of", "from"):
        k -= 1
        if k >= 0 and t.text[k] == ",":
            k -= 1
        return k >= 0 and t.ent_type[k] == "PERSON"
    return False


def _agent(doc, start: int, end: int) -> bool:
    """The name is the agent after "by" ("a call by Navalny"), whatever the model's label."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "pobj" and span.root.head.lower_ == "by"


_QUALIFIER_GAP = re.compile(r"\s*(?:\(|,|\s+in\s+(?:the\s+)?)\s*$")


def recognize_villages(doc, villages, mentions: list[Mention], countries: frozenset[str],
                       gaz: Gazetteer | None = None,
                       named: frozenset[str] = frozenset()) -> list[Mention]:
    """Villages and small towns that only the village index knows, where the text says they
    are places: "the village of X", "X district", "X (Y, Z)" or "X in the Y district" with Y
    a known place (the village is looked for where Y is), or "in X" with X in a country the
    document names, or a name the model calls a place found in one country only (and in
    none other than those of the document's places, ``named``, when it has any). With
    ``gaz``, a name spelled otherwise than the index ("Deir Ezzor") is also looked for by
    its skeleton, under the same conditions. Common words stay words: a name on the list of
    non-places, or one with no such cue, is skipped. Returns the new mentions."""
    text = doc_text(doc)
    taken = bytearray(len(text) + 1)
    for m in mentions:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    # the countries each known mention may stand for, by where it starts
    holders = {m.start: (m, {c.country for c, p in m.candidates
                             if c.feature in ("country", "admin1", "admin2") and c.country})
               for m in mentions if not m.demonym}
    holder_starts = sorted(holders)
    holder_rank = {start: k for k, start in enumerate(holders)}
    spans = []
    ents = list(doc_entities(doc))
    for ent in ents:
        if ent.label_ in NOT_NAME_LABELS:
            continue
        s, e = _trim(text, ent.start_char, ent.end_char)
        words = _words(text, s, e)
        if len(words) >= 2 and text[words[-1][0]:words[-1][1]].lower() in UNIT_WORDS:
            e = words[-2][1]       # "Rangae district": the name without its unit word
        if e > s:
            spans.append((s, e, ent.label_))
    in_ent = bytearray(len(doc) + 1)
    for ent in ents:
        in_ent[ent.start:ent.end] = b"\x01" * (ent.end - ent.start)
    table = token_table(doc)
    run: list = []   # token indices of a run of capitalised proper nouns outside entities
    for i in range(len(table) + 1):
        if i < len(table) and not in_ent[i] and table.pos[i] == "PROPN" and table.text[i][:1].isupper():
            run.append(i)
            continue
        if run:
            spans.append((table.idx[run[0]], table.idx[run[-1]] + len(table.text[run[-1]]), ""))
            run = []
    surname_given = person_surnames(doc)
    given_first = set(first_names(doc))
    found: list[Mention] = []
    for s, e, label in sorted(set(spans)):
        if any(taken[s:e]) or (s, e) in given_first:
            continue
        name = text[s:e]
        if len(name) < 3 or not name[:1].isupper() or _generic(name) or normalize(name) in not_places():
            continue
        if surname_given.get(name, len(text) + 1) <= s:
            continue    # "Oleksiy Honcharuk ... Honcharuk filed": the person, not Honcharka
        if name.rsplit(" ", 1)[-1].lower() in WATER_WORDS:
            continue    # "the Irish Sea" is no village spelled otherwise
        # "X (Y, Z)", "X, Y", "X in the Y district": Y says where to look
        qualifier = None
        near = holder_starts[bisect.bisect_right(holder_starts, e):bisect.bisect_right(holder_starts, e + 12)]
        for start in sorted(near, key=holder_rank.get):   # in the mentions' order, as listed
            if _QUALIFIER_GAP.fullmatch(text[e:start]):
                qualifier = holders[start][1]
                break
        strong = not qualifier and _cued(doc, s, e, strong=True)
        modelled = label in NAME_LABELS and text[e:e + 2] not in ("'s", "’s") and not _agent(doc, s, e)
        weak = bool(countries) and not (qualifier or strong) and _cued(doc, s, e)
        if not (qualifier or strong or modelled or weak):
            continue    # no cue: not worth a look-up
        candidates = villages.lookup(name) or (gaz is not None and villages.lookup_spelling(name, gaz))
        if not candidates:
            continue
        span_countries = {c.country for c, _ in candidates}
        one_country = len(span_countries) == 1 and (not named or span_countries <= named)
        if qualifier:
            chosen = [(c, p) for c, p in candidates if c.country in qualifier]
        elif (strong or modelled) and one_country:
            # "the village of X", or the model's place name: in one country, not a foreign one
            chosen = candidates
        elif weak or (strong and countries):
            chosen = [(c, p) for c, p in candidates if c.country in countries]
        else:
            chosen = []
        if chosen:
            taken[s:e] = b"\x01" * (e - s)
            found.append(Mention(s, e, name, chosen))
    return found


# Words after a name that make it the name of another, natural or built, place.
FEATURE_WORDS = {"lagoon", "creek", "sound", "peninsula", "delta", "gorge", "woods", "station",
                 "lake", "river", "mountain", "mountains", "canyon", "ocean", "sea", "strait"}
# Unit words after a name that make it the unit rather than the town of that name.
REPEAT_UNITS = set(UNIT_WORDS) | {"territory", "commune", "sector", "chiefdom", "department",
                                  "municipality", "canton", "woreda", "wilaya", "lga", "tehsil",
                                  "upazila", "zone", "governorate", "oblast", "prefecture"}


_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")


def _unit_after(text: str, end: int) -> bool:
    after = _NEXT_WORD.match(text[end:end + 20])
    return bool(after) and after.group(1).lower() in REPEAT_UNITS


_AGENCY_AFTER = re.compile(r"\s+(?:news\s+)?(?:agency|newspaper|daily|news|radio|television|tv)\b",
                           re.IGNORECASE)


def recognize_repeats(doc, mentions: list[Mention], gaz: Gazetteer | None = None) -> list[Mention]:
    """One sense per document: a name recognised as a place once is a place wherever else the
    text writes it with a capital ("IMMOKALEE —" then "Immokalee's streets", "the Enfield
    Council"), with the same readings, so that it resolves with it. Not inside a longer
    person's name ("Andrew Jackson"), after a capitalised word that makes another name ("Lake
    Ontario", "New Miami"), or before a unit word ("Jackson County" is another place).
    Returns the new mentions."""
    text = doc_text(doc)
    taken = bytearray(len(text) + 1)
    for m in mentions:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    persons = bytearray(len(text) + 1)
    person_words = set()
    place_names = {normalize(m.text) for m in mentions if not m.demonym}
    for ent in doc_entities(doc):
        # a "person" whose whole name is a place the text names elsewhere is that place
        # ("Tega Cay Fire Department Chief ...", "TEGA CAY —"), not a person bearing its name;
        # nor is one whose name ends in a feature's word ("Greer Station", "Apalache Lake")
        if ent.label_ == "PERSON" and len(ent) > 1 and normalize(ent.text) not in place_names \
                and ent[-1].lower_ not in GENERIC and ent[-1].lower_ not in FEATURE_WORDS:
            persons[ent.start_char:ent.end_char] = b"\x01" * (ent.end_char - ent.start_char)
            person_words.update(normalize(t.text) for t in ent)
    by_name: dict[str, Mention] = {}
    for m in mentions:
        key = normalize(m.text)
        if _unit_after(text, m.end):
            continue    # "Djugu (Djugu territory, ...)": the unit, not the town the text repeats
        # a name the text also gives a person ("Barack Obama") or an agency ("Xinhua news
        # agency") may have been misread once: it is not spread
        if not m.demonym and len(m.text) > 2 and m.text[:1].isupper() and key not in person_words \
                and not _AGENCY_AFTER.match(text, m.end):
            by_name.setdefault(key, m)
            # "Clarke County ... While Clarke and Oconee update their policies": the county by
            # its name without the unit word, where that name is no well-known place of its own
            # ("Washington County ... in Washington" is the capital)
            base = _UNIT_SUFFIX.sub("", key)
            if base != key and gaz is not None and base not in person_words and \
                    any(c.feature == "admin2" for c, _ in m.candidates) and not well_known(gaz.lookup(base)):
                by_name.setdefault(base, m)
    if not by_name:
        return []
    found: list[Mention] = []
    names = sorted(by_name, key=len, reverse=True)
    pattern = re.compile(r"\b(?:%s)\b" % "|".join(re.escape(n) for n in names), re.IGNORECASE)
    for hit in pattern.finditer(text):
        s, e = hit.span()
        if any(taken[s:e]) or any(persons[s:e]) or not text[s].isupper():
            continue
        before = re.search(r"([A-Z][\w'’.-]*)\s+$", text[max(0, s - 30):s])
        if before and not _sentence_opening(text, s - len(before.group(0))) and not _ends_sentence(
                before.group(1)):
            continue    # "Lake Ontario", "New Miami": part of another name
        after = re.match(r"\s+([A-Za-z]+)", text[e:e + 20])
        if _unit_after(text, e) or after and after.group(1)[:1].isupper() and (
                after.group(1).lower() in GENERIC or after.group(1).lower() in FEATURE_WORDS):
            continue    # "Jackson County", "Glenrock Lagoon", "Greer Station": other places
        source = by_name.get(normalize(text[s:e]))
        if source is None or _AGENCY_AFTER.match(text, e):
            continue
        taken[s:e] = b"\x01" * (e - s)
        found.append(Mention(s, e, text[s:e], list(source.candidates), feature_hint=source.feature_hint))
    return found


def _ends_sentence(word: str) -> bool:
    """A capitalised word with a full stop that is no abbreviation ends the sentence before a
    name ("on Sunday. Tega Cay officials"); "St." and "Gen." belong to the name or title after."""
    return word.endswith(".") and len(word) > 5 and "." not in word[:-1]


def _sentence_opening(text: str, start: int) -> bool:
    """Whether ``start`` opens a sentence or the text (a capital there says nothing)."""
    return not text[:start].strip() or text[:start].rstrip()[-1:] in ".!?\"'”’—–-:\n"


# Words before a name that make it a news outlet: "the news agency SABA", "the tabloid Alia".
# A place glued by a hyphen to a press word is part of an agency's name.
_PRESS_GLUED = re.compile(r"-(?:Presse?|Press-?Agentur|Agentur)\b")
_OUTLET_BEFORE = re.compile(r"\b(?:agency|newspaper|tabloid|daily|weekly|broadcaster|magazine|radio|"
                            r"television|channel|outlet|website)\s+$", re.IGNORECASE)
# Verbs whose subject is a source, not a scene: "Xinhua said", "Xinhua reported".
SOURCE_VERBS = {"say", "report", "tell", "quote", "announce", "claim", "add", "write", "confirm", "cite"}
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_MODEL_YEAR = re.compile(r"(?:19|20)\d\d")


def _named_unit(candidates) -> bool:
    """A country, first-level unit or region by its own name: such a name stays a place under
    any label ("Russia said", "Texas Rangers")."""
    return any(p and c.feature in ("country", "admin1", "region") for c, p in candidates)


def names_organisation(doc, mention: Mention, ents_by_token: dict, place_names: frozenset = frozenset()
                       ) -> str | None:
    """The mention names a company, news agency or unit, not a place: "a Toyota Camry" (a
    maker before a product), "Yemen's news agency SABA", "Xinhua news agency", "according to
    Xinhua", "Xinhua reported" (a source that names no well-known place), "a SWAT team" (an
    acronym before a common noun), "between Hamas and the army" (a name the model tags an
    organisation as a whole that is a place only by another place's alternate name, unless the
    model tags it a place elsewhere in the text, ``place_names``, or a locative word precedes
    it). Returns which of these it is ("maker", "outlet", "source", "acronym", "organisation"),
    or None."""
    if mention.demonym:
        return None
    text = doc_text(doc)
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    following = doc[span.end] if span.end < len(doc) else None
    if following is not None and following.ent_type_ == "PRODUCT" and following.ent_iob_ == "B":
        return "maker"    # "Toyota Camry", "Ford Focus"
    previous = doc[span.start - 1] if span.start > 0 else None
    if previous is not None and _MODEL_YEAR.fullmatch(previous.text) and following is not None \
            and following.pos_ == "PROPN" and following.text[:1].isupper() \
            and not _named_unit(mention.candidates):
        return "maker"    # a model year before it, a model after it: "his gray 2013 Toyota Camry"
    major = any(p and (c.feature in ("country", "region")
                       or c.feature == "admin1" and c.population >= 100_000)
                for c, p in mention.candidates)
    if not major and _AGENCY_AFTER.match(text, mention.end):
        return "outlet"   # not "South Florida news reports"
    if _PRESS_GLUED.match(text, mention.end):
        return "outlet"   # "Agence France-Presse", "Deutsche Presse-Agentur": one name, even a country's
    if _OUTLET_BEFORE.search(text, max(0, mention.start - 40), mention.start) and not any(
            p and c.feature in ("country", "region") for c, p in mention.candidates):
        return "outlet"   # "the news agency Fars" names the agency, though Fars is a province too
    root = span.root
    # not coordinated subjects: "Heathrow and Gatwick also reported" (airports closing)
    source = (root.dep_ == "nsubj" and root.head.lemma_.lower() in SOURCE_VERBS
              and not any(t.dep_ == "conj" for t in root.children)) or (
        root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according")
    # a dateline in capitals ("CROMWELL — The third Democrat ...") is parsed as anything
    if source and not mention.text.isupper() and not _named_unit(mention.candidates) \
            and not well_known(mention.candidates) and not _state_long_name(mention.text, mention.candidates):
        return "source"
    if _ACRONYM.match(mention.text) and not major and following is not None \
            and following.pos_ == "NOUN" and following.text.islower():
        return "acronym"    # "a SWAT team", "SWAT officers"
    ent = ents_by_token.get(span.start)
    if ent is not None and ent.label_ == "ORG" and not any(p for _, p in mention.candidates) \
            and not any(c.feature in ("country", "admin1", "region") for c, _ in mention.candidates) \
            and _trim(text, ent.start_char, ent.end_char) == (mention.start, mention.end) \
            and mention.text not in place_names \
            and not (_cued(doc, mention.start, mention.end)
                     and (previous is None or previous.lower_ != "between")):
        # the model's organisation, a town only by another town's alternate name: "Hamas" (an
        # alternate name of Hamm, "clashes between Hamas and the army"), not "in southern Kobane"
        # or "Enugu State"; the small model tags too many towns ORG to drop them all
        return "organisation"
    return None


def drop_organisations(doc, mentions: list[Mention]) -> list[Mention]:
    """The mentions that do not name an organisation (``names_organisation``), their
    qualifiers linked anew (they are indices into the list)."""
    ents_by_token = {t: ent for ent in doc_entities(doc) for t in range(ent.start, ent.end)}
    place_names = frozenset(ent.text for ent in doc_entities(doc) if ent.label_ in NAME_LABELS)
    kept = [m for m in mentions if not names_organisation(doc, m, ents_by_token, place_names)]
    if len(kept) < len(mentions):
        for m in kept:
            m.qualifiers = []
        link_qualifiers(doc_text(doc), kept)
    return kept
