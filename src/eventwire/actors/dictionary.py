"""The actor dictionary: data files loaded once per process, merged, and compiled into a
phrase matcher.

Sources, in increasing precedence (a later source overrides the same phrase):

1. ``data/petrarch_actors.tsv`` and ``data/petrarch_agents.tsv`` — the PETRARCH2/Phoenix
   dictionaries (MIT), converted by ``scripts/convert_petrarch_actors.py``;
2. ``data/countries.csv`` (names, demonyms, capitals), ``data/leaders.csv`` (office
   holders with date ranges) and ``data/actors.yaml`` (seats of power, organizations,
   agents, people) — eventwire's own;
3. user files: ``load_dictionary(extra=[path, ...])`` or the ``EVENTWIRE_ACTORS``
   environment variable (paths separated by ``os.pathsep``). A user file is YAML with any
   of the sections of ``actors.yaml`` (``seats``, ``organizations``, ``agents``,
   ``people``) plus ``leaders`` (rows as in ``leaders.csv``, as mappings).

Phrases are compared after ``fold`` (lower case, diacritics removed, punctuation other than
``' . & +`` turned into blanks), so "Erdogan" matches "Erdoğan" and "al-Assad" "al Assad".
"""
from __future__ import annotations

import csv
import datetime
import functools
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .. import tablecache
from ..datafiles import load_yaml

DATA = Path(__file__).resolve().parent / "data"
ENV_VAR = "EVENTWIRE_ACTORS"
DICTIONARY_ERROR = "E210"

# CAMEO actor types we emit as sectors (cameo_actor_types.csv), and codes that stand in
# the country slot but are international.
SECTORS = {
    "GOV", "MIL", "COP", "JUD", "SPY", "OPP", "REB", "INS", "SEP", "UAF", "PTY", "AGR", "BUS",
    "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD",
    "RAD", "IGO", "NGO", "IMG", "MNC", "NGM", "INT", "UIS", "PPL",
}
INTERNATIONAL = {"IGO": "IGO", "NGO": "NGO", "IMG": "REB", "MNC": "BUS", "NGM": "NGO",
                 "INT": None, "UIS": "GOV", "ISM": "NGO"}
SECTOR_ALIASES = {"INS": "REB", "SEP": "REB", "PPL": "CVL", "HLH": "HLH", "JRN": "MED",
                  "CIV": "CVL"}
# CAMEO country codes that are not ISO 3166 alpha-3.
CAMEO_COUNTRY = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "ZAR": "COD",
                 "TMP": "TLS", "YUG": "SRB", "SCG": "SRB", "KSV": "XKX", "PAL": "PSE",
                 "BRM": "MMR", "BUR": "MMR", "SUD": "SDN", "GER": "DEU", "UK_": "GBR"}

_FOLD_EXTRA = {"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "t", "’": "'", "‘": "'",
               "ʼ": "'", "`": "'", "´": "'", "ß": "s", "æ": "a", "œ": "o", "–": " ", "—": " "}
_KEEP = set("'.&+")


@functools.lru_cache(maxsize=8192)
def fold_char(ch: str) -> str:
    """One character folded to one character (so offsets map back): lower, no accents."""
    if ch in _FOLD_EXTRA:
        return _FOLD_EXTRA[ch]
    if ch.isascii():
        low = ch.lower()
        return low if (low.isalnum() or low in _KEEP) else " "
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    base = base.lower()[:1] if base else ""
    if not base:
        return " "
    if base in _FOLD_EXTRA:
        return _FOLD_EXTRA[base]
    return base if (base.isalnum() or base in _KEEP) else " "


class _FoldTable(dict):
    """``str.translate`` table that folds each new character once (see ``fold_char``)."""

    def __missing__(self, code: int) -> str:
        value = fold_char(chr(code))
        self[code] = value
        return value


_TABLE = _FoldTable()
_BLANK_RUN = re.compile(r"  +")


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """``text`` folded, blanks collapsed; and for each folded character its source offset.

    Blanks at either end are dropped and a run of blanks becomes its last blank: the folded
    text is copied run by run, not word by word (punctuation folds to a blank, so runs are
    fewer than words)."""
    translated = text.translate(_TABLE)
    lo = len(translated) - len(translated.lstrip(" "))
    hi = len(translated.rstrip(" "))
    parts: list[str] = []
    pos: list[int] = []
    kept_from = lo
    for m in _BLANK_RUN.finditer(translated, lo, hi):
        run_start, run_end = m.span()
        parts.append(translated[kept_from:run_start])
        pos.extend(range(kept_from, run_start))
        kept_from = run_end - 1
    parts.append(translated[kept_from:hi])
    pos.extend(range(kept_from, hi))
    return "".join(parts), pos


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    # the stages fold the same few thousand words and phrases tens of thousands of times
    # per hundred articles
    return " ".join(text.translate(_TABLE).split()).strip(" .")


@functools.lru_cache(maxsize=None)
def looks_like_name(surface: str, phrase: str, person: bool = False) -> bool:
    """Whether ``surface`` is written as a name: short codes in capitals ("US", not "us"),
    longer names capitalized ("Turkey", not "turkey"). A person's name is capitalized whatever
    its length: "Xi", "Li", "Abe" are names as written, though no code."""
    letters = [c for c in phrase if c.isalnum()]
    if len(letters) <= 3 and not person:
        return all(c.isupper() or not c.isalpha() for c in surface) and any(c.isalpha() for c in surface)
    words = [w for w in surface.replace("-", " ").split() if w.lower() not in ("the", "of", "and", "al", "el", "de", "bin")]
    if not words:
        return False
    return words[0][:1].isupper() or words[0][:1].isdigit() or words[-1][:1].isupper()


def split_code(code: str) -> tuple[str | None, str | None]:
    """A CAMEO actor code such as ``TURGOVAGR`` or ``IGOUNO`` -> (country, sector)."""
    code = (code or "").strip().upper()
    if not code:
        return None, None
    head = code[:3]
    if len(code) == 3 and head in SECTORS and head not in INTERNATIONAL:
        return None, SECTOR_ALIASES.get(head, head)  # a bare sector ("[ELI]")
    if head in INTERNATIONAL:
        if head in ("IGO", "NGO"):
            return None, head
        for i in range(3, len(code) - 2, 3):
            block = SECTOR_ALIASES.get(code[i:i + 3], code[i:i + 3])
            if block in SECTORS and block not in INTERNATIONAL:
                return None, block
        return None, INTERNATIONAL[head]
    country = CAMEO_COUNTRY.get(head, head)
    if not re.fullmatch(r"[A-Z]{3}", country) or country in {"---", "***"}:
        country = None
    sector = None
    for i in range(3, len(code) - 2, 3):
        block = SECTOR_ALIASES.get(code[i:i + 3], code[i:i + 3])
        if block in SECTORS:
            sector = SECTOR_ALIASES.get(block, block)
            break
    if country is not None and not _is_country(country):
        # Regions (MEA, AFR, WST, ...) are not countries.
        country = None
    return country, sector


@functools.lru_cache(maxsize=1)
def _name_words_by_code() -> dict[str, frozenset[str]]:
    """ISO3 code -> the lower-cased words of the country's names, ``countries.csv`` read once."""
    with open(DATA / "countries.csv", encoding="utf-8") as fh:
        return {row["iso3"]: frozenset(w for n in row["names"].split("|") for w in re.split(r"[\s-]+", n.lower()) if w)
                for row in csv.DictReader(fh)}


@functools.lru_cache(maxsize=1)
def _iso3_codes() -> frozenset[str]:
    return frozenset(_name_words_by_code())


def country_name_words(code: str) -> frozenset[str]:
    """The lower-cased words of a country's names in ``countries.csv`` ("east", "timor", ...)."""
    return _name_words_by_code().get(code, frozenset())


def _is_country(code: str) -> bool:
    return code in _iso3_codes()


@dataclass(frozen=True)
class Term:
    """One coded period: (country, sector) between ``start`` (incl.) and ``end`` (excl.).
    Empty dates are open; a term with both empty is the undated fallback."""
    country: str | None
    sector: str | None
    start: str = ""
    end: str = ""
    office: str = ""
    leader: bool = False

    @property
    def dated(self) -> bool:
        return bool(self.start or self.end)

    def covers(self, day: str) -> bool:
        return (not self.start or self.start <= day) and (not self.end or day < self.end)


@dataclass
class Entry:
    """A dictionary entry. ``kind``: country, demonym, capital, seat, place, person, org, agent."""
    key: str
    kind: str
    name: str
    terms: list[Term] = field(default_factory=list)
    context_country: bool = False
    source: str = ""

    def coded(self, day: str | None) -> tuple[str | None, str | None]:
        """(country, sector) at ISO date ``day`` (None: the latest dated term, else the fallback)."""
        if not self.terms:
            return None, None
        dated = [t for t in self.terms if t.dated]
        undated = [t for t in self.terms if not t.dated]
        if day:
            for term in dated:
                if term.covers(day):
                    return term.country, term.sector
            if undated:
                return undated[0].country, undated[0].sector
            # Outside every dated term: keep the country, call the person an elite, unless a
            # country's leading office lies ahead within a campaign's reach: a candidate or a
            # leader-elect is a party's politician ("Trump" in July 2016), not a former official.
            nearest = min(dated, key=lambda t: abs(_day_distance(t, day)))
            if nearest.sector == "GOV" and nearest.leader and _campaign_ahead(nearest, day):
                return nearest.country, "PTY"
            return nearest.country, ("ELI" if nearest.sector in ("GOV", "MIL") else nearest.sector)
        if dated and (self.kind == "person" or not undated):
            latest = max(dated, key=lambda t: t.start or "0000")
            return latest.country, latest.sector
        return undated[0].country, undated[0].sector


# How long before a leading office its holder is already its candidate: a campaign, from the
# first primaries to the inauguration, runs under two years.
CAMPAIGN_DAYS = 730


def _campaign_ahead(term: Term, day: str) -> bool:
    """``term`` starts after ``day``, by no more than a campaign."""
    if not term.start or day >= term.start:
        return False
    try:
        ahead = datetime.date.fromisoformat(term.start[:10]) - datetime.date.fromisoformat(day[:10])
    except ValueError:
        return False
    return ahead.days <= CAMPAIGN_DAYS


def _day_distance(term: Term, day: str) -> int:
    def num(d: str) -> int:
        return int(d.replace("-", "")[:8]) if d else 0
    if term.end and day >= term.end:
        return num(day) - num(term.end)
    if term.start and day < term.start:
        return num(term.start) - num(day)
    return 0


@dataclass
class Office:
    country: str
    office: str
    person: str  # entry key
    term: Term


@dataclass
class Dictionary:
    phrases: dict[str, list[Entry]]       # folded phrase -> entries (first is preferred)
    weak: set[str]                          # folded phrases that need support (surnames)
    offices: list[Office]
    entries: dict[str, Entry]
    countries: dict[str, str]               # iso3 -> display name
    automaton: object = None
    ambiguous: dict = field(default_factory=dict)  # folded country name -> other ISO3 reading
    _memos: dict = field(default_factory=dict, repr=False, compare=False)

    MEMO_SIZE = 100_000   # answers kept per table; a table that outgrows it starts again

    def memo(self, name: str) -> dict:
        """A table of answers read from this dictionary's phrases, kept with it (the event
        stage asks about the same words and phrases hundreds of times per document)."""
        table = self._memos.setdefault(name, {})
        if len(table) >= self.MEMO_SIZE:
            table.clear()
        return table

    def match(self, folded: str):
        """Yield (start, end, phrase) for every phrase occurrence on word boundaries."""
        for end_idx, phrase in self.automaton.iter(folded):
            start = end_idx - len(phrase) + 1
            end = end_idx + 1
            if start > 0 and folded[start - 1].isalnum():
                continue
            if end < len(folded) and folded[end].isalnum():
                continue
            yield start, end, phrase

    def holders(self, country: str | None, office: str, day: str | None) -> list[Entry]:
        """Who held ``office`` ("president", or "leader" for the country's leading office) of
        ``country`` on ``day`` (today's holder when ``day`` is None)."""
        out = []
        for off in self.offices:
            if off.country != country:
                continue
            if office == "leader":
                if not off.term.leader:
                    continue
            elif off.office != office:
                continue
            if day is None:
                if off.term.end:
                    continue
            elif not off.term.covers(day):
                continue
            out.append(self.entries[off.person])
        return out


# --------------------------------------------------------------------------- loading

@functools.lru_cache(maxsize=None)
def _parse_term(part: str) -> Term:
    code, _, rng = part.partition("@")
    start, _, end = rng.partition("-")
    country, sector = split_code(code)
    fmt = lambda d: f"{d[:4]}-{d[4:6]}-{d[6:8]}" if d else ""
    return Term(country, sector, fmt(start), fmt(end))


def _parse_terms(spec: str) -> list[Term]:
    return [_parse_term(part) for part in spec.split(";") if part]


_ORG_WORDS = re.compile(
    r"\b(party|front|council|ministry|army|forces?|union|movement|organi[sz]ation|agency|"
    r"committee|association|bank|group|brigades?|league|alliance|corporation|company|court|"
    r"assembly|parliament|government|commission|institute|university|police|news|radio|"
    r"television|tv|times|post|congress|federation|coalition|society|foundation|authority|"
    r"service|office|department|bureau|fund|program|programme|mission|school|centre|center|"
    r"militia|network|club|church|jihad|islamic|liberation|national|people's|revolutionary)\b")


_TRAILING = {"in", "to", "of", "the", "and", "for", "at", "on", "from", "with", "a", "an", "by"}


def _add(phrases: dict[str, list[Entry]], phrase: str, entry: Entry, override: bool) -> None:
    key = fold(phrase)
    words = key.split(" ")
    while len(words) > 1 and words[-1] in _TRAILING:
        words.pop()  # "embassy in", "ambassador to": the object is not part of the name
    key = " ".join(words)
    if not key or len(key) < 2:
        return
    if override:
        phrases[key] = [entry] + [e for e in phrases.get(key, []) if e.source == "petrarch-agent"
                                  and entry.kind != "agent"]
    else:
        phrases.setdefault(key, []).append(entry)


def _load_petrarch(phrases, entries) -> None:
    path = DATA / "petrarch_actors.tsv"
    if not path.exists():
        return
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if line.startswith("#"):
                continue
            source, kind, names, codes = line.rstrip("\n").split("\t")
            terms = _parse_terms(codes)
            names = names.split("|")
            if kind == "country":
                country = terms[0].country
                if country is None:
                    continue
                # The block's own names are in countries.csv; the rest are its places.
                for name in names:
                    entry = Entry(f"place:{country}:{name}", "place", name.title(),
                                  [Term(country, None)], source="petrarch")
                    _add(phrases, name, entry, override=False)
                continue
            is_org = source != "countries" or any(_ORG_WORDS.search(nm) for nm in names[:2])
            entry = Entry(f"p{n}", "org" if is_org else "person", names[0].title(), terms,
                          source="petrarch")
            entries[entry.key] = entry
            for name in names:
                if not is_org and " " not in name.strip():
                    continue  # single-word person names in PETRARCH are too ambiguous
                _add(phrases, name, entry, override=False)
    agents = DATA / "petrarch_agents.tsv"
    with open(agents, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            phrase, code = line.rstrip("\n").split("\t")
            sector = _agent_sector(code)
            entry = Entry(f"agent:{phrase}", "agent", phrase, [Term(None, sector)],
                          source="petrarch-agent")
            _add(phrases, phrase, entry, override=False)


def _agent_sector(code: str) -> str | None:
    code = code.strip()
    if code.endswith("~"):
        return INTERNATIONAL.get(code[:3], None)
    code = code.lstrip("~")
    for i in range(0, len(code) - 2, 3):
        block = code[i:i + 3]
        block = SECTOR_ALIASES.get(block, block)
        if block in SECTORS:
            return block
    if code[:3] in ("REL", "MUS", "CHR", "JEW", "HIN", "BUD"):
        return "CVL"
    return None


def _load_countries(phrases, entries, countries) -> None:
    with open(DATA / "countries.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            iso = row["iso3"]
            names = [n for n in row["names"].split("|") if n]
            display = names[0] if names else iso
            countries[iso] = display
            entry = Entry(f"country:{iso}", "country", display, [Term(iso, "GOV")], source="eventwire")
            entries[entry.key] = entry
            for name in names:
                _add(phrases, name, entry, override=True)
                if not name.lower().startswith("the "):
                    _add(phrases, "the " + name, entry, override=True)
            dem = Entry(f"demonym:{iso}", "demonym", display, [Term(iso, None)], source="eventwire")
            entries[dem.key] = dem
            for name in filter(None, row["demonyms"].split("|")):
                _add(phrases, name, dem, override=True)
                if not name.endswith(("ese", "ish", "ch", "ss", "i", "y")) and " " not in name:
                    _add(phrases, name + "s", dem, override=True)
                elif name.endswith("i") and name not in ("Thai",):
                    _add(phrases, name + "s", dem, override=True)
            cap = Entry(f"capital:{iso}", "capital", display, [Term(iso, "GOV")], source="eventwire")
            entries[cap.key] = cap
            for name in filter(None, row["capitals"].split("|")):
                _add(phrases, name, cap, override=True)


_PARTICLES = ("al ", "el ", " al-", "el-", "bin ", "ibn ", "van ", "von ", "de ", "da ")


def name_variants(name: str) -> tuple[list[str], list[str]]:
    """(strong, weak) phrases for a person's name: the full name with and without Arabic
    article particles; weak: the surname alone (needs support in the document)."""
    strong = [name]
    tokens = name.replace("-", " ").split()
    stripped = [t for t in tokens if t.lower() not in ("al", "el", "ad", "ash", "as")]
    if len(stripped) != len(tokens) and len(stripped) >= 2:
        strong.append(" ".join(stripped))
    weak = []
    if len(tokens) >= 2:
        last = tokens[-1]
        if last.lower().rstrip(".") in ("jr", "sr", "ii", "iii", "iv"):
            last = tokens[-2]
        weak.append(last)
        if len(tokens) >= 3 and tokens[-2].lower() in ("al", "el"):
            weak.append(f"{tokens[-2]} {last}")
    return strong, weak


def _add_person(phrases, weak, entries, key: str, name: str, aliases: list[str],
                terms: list[Term]) -> Entry:
    entry = entries.get(key)
    if entry is None:
        entry = Entry(key, "person", name, [], source="eventwire")
        entries[key] = entry
    for term in terms:
        if term not in entry.terms:
            entry.terms.append(term)
    for full in [name] + aliases:
        strong, weak_names = name_variants(full) if " " in full.strip() else ([], [full])
        for phrase in strong:
            _add(phrases, phrase, entry, override=True)
        for phrase in weak_names:
            folded = fold(phrase)
            # A surname is weak: it needs the full name earlier, a title, or no rival.
            existing = phrases.get(folded, [])
            if any(e.kind != "person" for e in existing):
                continue
            # Ours first (PETRARCH's may have an older reading of the same name).
            phrases[folded] = [entry] + [e for e in existing if e is not entry and e.source != "petrarch"] \
                + [e for e in existing if e.source == "petrarch"]
            weak.add(folded)
    return entry


def _load_leaders(rows, phrases, weak, entries, offices) -> None:
    for row in rows:
        country = (row.get("country") or "").strip() or None
        iso = None if country in (None, "IGO") else country
        name = row["name"].strip()
        aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
        office = (row.get("office") or "").strip().lower()
        sector = (row.get("sector") or "").strip() or ("IGO" if country == "IGO" else "GOV")
        start = str(row.get("from") or "").strip()
        end = str(row.get("to") or "").strip()
        key = f"person:{fold(name)}"
        if office:
            term = Term(iso, sector, start, end, office, str(row.get("leader") or "").strip() == "1")
        else:
            term = Term(iso, sector, start, end)
        entry = _add_person(phrases, weak, entries, key, name, aliases, [term])
        if office:
            offices.append(Office(country or "", office, entry.key, term))


def _normalize_people_terms(entries: dict[str, Entry]) -> None:
    """Undated fallbacks go last; people who held an office but have no fallback are elites."""
    for entry in entries.values():
        if entry.kind != "person" or entry.source != "eventwire":
            continue
        dated = [t for t in entry.terms if t.dated]
        undated = [t for t in entry.terms if not t.dated]
        entry.terms = dated + undated


def _load_yaml(data: dict, phrases, weak, entries, offices, origin: str, ambiguous: dict) -> None:
    for phrase, code in (data.get("seats") or {}).items():
        if code is None:
            phrases.pop(fold(phrase), None)
            continue
        country, sector = split_code(str(code))
        entry = Entry(f"seat:{fold(phrase)}", "seat", phrase, [Term(country, sector)], source=origin)
        entries[entry.key] = entry
        _add(phrases, phrase, entry, override=True)
    for i, org in enumerate(data.get("organizations") or []):
        names = [str(n) for n in org.get("names", [])]
        if not names:
            continue
        if org.get("code"):
            country, sector = split_code(str(org["code"]))
        else:
            country, sector = org.get("country"), org.get("sector")
        terms = []
        after = org.get("after")
        if after:
            start = str(after.get("date"))
            terms.append(Term(after.get("country", country), after.get("sector", sector), start, ""))
            terms.append(Term(country, sector, "", start))
        terms.append(Term(country, sector))
        entry = Entry(f"org:{origin}:{fold(names[0])}", "org", names[0], terms,
                      context_country=bool(org.get("country_from_context")) or
                      (country is None and sector not in ("IGO", "NGO", None)),
                      source=origin)
        entries[entry.key] = entry
        for name in names:
            _add(phrases, name, entry, override=True)
    agents = data.get("agents") or {}
    agents_folded = {fold(str(p)) for p in agents}
    for phrase, value in agents.items():
        context = True
        if isinstance(value, dict):
            sector = value.get("sector")
            context = value.get("country", "context") == "context"
        else:
            sector = value
        entry = Entry(f"agent:{fold(phrase)}", "agent", phrase, [Term(None, sector)],
                      context_country=context, source=origin)
        _add(phrases, phrase, entry, override=True)
        for other in _other_numbers(phrase):
            # The number of a noun does not change who it names: where PETRARCH's agents code
            # the other number otherwise ("demonstrator" OPP against "demonstrators" CVL here),
            # this file's reading holds for both.
            if other in agents or fold(other) in agents_folded:
                continue
            have = phrases.get(fold(other), [])
            if have and all(e.kind == "agent" and e.source == "petrarch-agent" for e in have) and \
                    all(e.coded(None)[1] != sector for e in have):
                _add(phrases, other, Entry(f"agent:{fold(other)}", "agent", other, [Term(None, sector)],
                                           context_country=context, source=origin), override=True)
    for phrase, iso in (data.get("regions") or {}).items():
        entry = Entry(f"region:{fold(phrase)}", "place", phrase, [Term(str(iso), None)], source=origin)
        entries[entry.key] = entry
        _add(phrases, phrase, entry, override=False)
    for phrase, other in (data.get("ambiguous_countries") or {}).items():
        ambiguous[fold(phrase)] = other
    for person in data.get("people") or []:
        name = str(person["name"])
        aliases = [str(a) for a in person.get("aliases", [])]
        term = Term(person.get("country"), person.get("sector"))
        _add_person(phrases, weak, entries, f"person:{fold(name)}", name, aliases, [term])
    leaders = data.get("leaders") or []
    if leaders:
        _load_leaders(leaders, phrases, weak, entries, offices)


def _other_numbers(phrase: str) -> list[str]:
    """The phrase with its last word in the other grammatical number: "demonstrators" ->
    "demonstrator", "gunman" -> "gunmen", "militia" -> "militias" (regular English forms only)."""
    *rest, last = phrase.split(" ")
    if not last.isalpha():
        return []
    if last.endswith("men"):
        forms = [last[:-3] + "man"]
    elif last.endswith("man"):
        forms = [last[:-3] + "men"]
    elif last.endswith("ies"):
        forms = [last[:-3] + "y"]
    elif last.endswith(("ses", "xes", "ches", "shes")):
        forms = [last[:-2]]
    elif last.endswith("s") and not last.endswith("ss"):
        forms = [last[:-1]]
    elif last.endswith("y") and last[-2:-1] not in tuple("aeiou"):
        forms = [last[:-1] + "ies"]
    elif last.endswith(("s", "x", "ch", "sh")):
        forms = [last + "es"]
    else:
        forms = [last + "s"]
    return [" ".join(rest + [f]) for f in forms]


def _read_csv_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines))


def _extra_paths(extra) -> tuple[str, ...]:
    paths = list(extra or ())
    env = os.environ.get(ENV_VAR)
    if env:
        paths = [p for p in env.split(os.pathsep) if p] + paths
    return tuple(str(p) for p in paths)


def load_dictionary(extra=None) -> Dictionary:
    """The merged dictionary, built once per process for each set of user files.

    ``extra``: paths of user YAML files (added after ``$EVENTWIRE_ACTORS``); their entries
    override the built-in ones phrase by phrase.
    """
    if extra is None:  # the stages ask tens of times per document
        return _load_for_env(_environment_value(ENV_VAR))
    return _load(_extra_paths(extra))


def _environment_value(name: str) -> str | None:
    """``os.environ.get(name)``, read as it is now. For a name that is not set, ``get`` raises
    and catches two KeyErrors (about 1.5 µs; the event stage asks for the dictionary some 130
    times per article); the mapping behind ``os.environ`` answers the same without them."""
    environ = os.environ
    data = getattr(environ, "_data", None)   # CPython's os._Environ keeps its values there
    if data is None:   # os.environ replaced by a plain mapping
        return environ.get(name)
    value = data.get(environ.encodekey(name))
    return None if value is None else environ.decodevalue(value)


@functools.lru_cache(maxsize=8)
def _load_for_env(env: str | None) -> Dictionary:
    return _load(_extra_paths(None))


# What the built-in tables are built from: a change to any of them builds them again.
BUILTIN_SOURCES = ("petrarch_actors.tsv", "petrarch_agents.tsv", "countries.csv", "leaders.csv",
                   "actors.yaml")


def _builtin_tables() -> tuple:
    """(phrases, weak, entries, offices, countries, ambiguous) of the built-in data files."""
    phrases: dict[str, list[Entry]] = {}
    weak: set[str] = set()
    entries: dict[str, Entry] = {}
    offices: list[Office] = []
    countries: dict[str, str] = {}
    ambiguous: dict[str, str] = {}
    _load_petrarch(phrases, entries)
    _load_countries(phrases, entries, countries)
    _load_leaders(_read_csv_rows(DATA / "leaders.csv"), phrases, weak, entries, offices)
    with open(DATA / "actors.yaml", encoding="utf-8") as fh:
        _load_yaml(load_yaml(fh) or {}, phrases, weak, entries, offices, "eventwire", ambiguous)
    _normalize_people_terms(entries)
    return phrases, weak, entries, offices, countries, ambiguous


def _phrase_automaton(phrases) -> object:
    """An Aho-Corasick automaton that finds every phrase (each phrase is its own value)."""
    import ahocorasick

    automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
    for phrase in phrases:
        automaton.add_word(phrase, phrase)
    automaton.make_automaton()
    return automaton


@functools.lru_cache(maxsize=8)
def _load(extra: tuple[str, ...]) -> Dictionary:
    # 28,000 entries and 40,000 phrases: built once, then read from the table cache
    sources = [DATA / name for name in BUILTIN_SOURCES] + [__file__]
    phrases, weak, entries, offices, countries, ambiguous = tablecache.cached_object(
        "actors", sources, _builtin_tables)
    for path in extra:
        from ..errors import EventwireError

        try:
            with open(path, encoding="utf-8") as fh:
                data = load_yaml(fh) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise EventwireError(DICTIONARY_ERROR, f" ({path}: {exc})") from exc
        if not isinstance(data, dict):
            raise EventwireError(DICTIONARY_ERROR, f" ({path}: not a YAML mapping of sections: seats, "
                                  "organizations, agents, people, leaders)")
        _load_yaml(data, phrases, weak, entries, offices, f"user:{path}", ambiguous)
    if extra:
        _normalize_people_terms(entries)   # a user's terms may join a built-in person's
        automaton = _phrase_automaton(phrases)
    else:
        # reading the built automaton is a quarter of the time of building it (0.04 / 0.18 s)
        automaton = tablecache.cached_object("actors-automaton", sources,
                                             lambda: _phrase_automaton(phrases))
    return Dictionary(phrases, weak, offices, entries, countries, automaton, ambiguous)
