"""The offline gazetteer: the compact prebuilt index, alias and demonym tables, user files.

``data/gazetteer.tsv.gz`` is built by ``scripts/build_gazetteer.py`` from GeoNames data
(CC BY 4.0, see ``data/ATTRIBUTION.md``). It is read once per process (``gazetteer()``), in
place: the first start inflates it and its name index into the table cache
(``eventwire.tablecache``) and later ones map those files, so a start-up neither inflates
29 MB nor splits 700,000 lines.

A user adds places with a CSV file (header ``name,lat,lon,country,feature,population,aliases``;
``aliases`` separated by ``|``), named in ``$EVENTWIRE_GAZETTEER`` (several paths separated
by ``os.pathsep``) or passed to ``Gazetteer.add_csv``.
"""
from __future__ import annotations

import bisect
import csv
import functools
import gzip
import math
import os
import re
import shutil
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .. import tablecache
from ..geodesy import haversine_km

DATA = Path(__file__).parent / "data"
FEATURES = ("city", "admin1", "admin2", "country", "region", "other")
# The population a sea or region of ``regions.yaml`` counts as when readings compete: that of
# a small town, so that "Atlantic, Iowa" still goes to the town its state names; "the Atlantic"
# and "the Red Sea" (a province of Sudan too) are the sea through the article before them.
REGION_PROMINENCE = 5000


@dataclass(slots=True)
class Entry:
    id: int                 # GeoNames id; negative for a user's own entries
    name: str
    feature: str            # one of FEATURES
    country: str            # ISO 3166-1 alpha-3, "" for continents
    admin1: int             # id of the first-level unit that holds it, 0 if none
    lat: float
    lon: float
    population: int
    capital: bool = False

    @property
    def geonameid(self) -> int | None:
        return self.id if self.id > 0 else None


def inside(entry: Entry, container: Entry) -> bool:
    """Whether ``container`` (a country, a first-level unit, or a county within 60 km) holds
    ``entry``."""
    if container.feature == "country":
        return entry.country == container.country and entry is not container
    if container.feature == "admin1":
        return entry.admin1 == container.id
    if container.feature == "admin2":
        return entry.feature == "city" and entry.country == container.country and \
            haversine_km(entry.lat, entry.lon, container.lat, container.lon) < 60
    return False


_ABBREV = [(re.compile(r"\bst\.? "), "saint "), (re.compile(r"\bmt\.? "), "mount "),
           (re.compile(r"\bft\.? "), "fort ")]
_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=65536)
def normalize(name: str) -> str:
    """The lookup key of a name: case and accents folded, quotes unified, 'St.' spelled out."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").replace("‘", "'").replace("–", "-").casefold()
    text = _SPACES.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    for pattern, repl in _ABBREV:
        text = pattern.sub(repl, text)
    return text


ARABIC_ARTICLES = ("al", "el", "ar", "as", "ash", "ad", "at", "az", "an", "adh", "ath")
_ARTICLE = re.compile(r"^(?:%s)[- ]" % "|".join(ARABIC_ARTICLES))


def article_variants(key: str) -> list[str]:
    """Lookup keys of an Arabic place name with its article dropped, or with one added:
    "al-raqqa" -> ["raqqa"], "qamishli" -> ["al qamishli", "al-qamishli", "ar qamishli", ...]."""
    m = _ARTICLE.match(key)
    if m:
        return [key[m.end():]]
    if " " in key or len(key) < 4 or not key[0].isalpha():
        return []
    # the article takes the sound of a "sun letter" ("ar-Raqqa", "ash-Shaddadah")
    sun = next((a for a in ("ash", "ath", "adh") if key.startswith(a[1:])), None) or (
        "a" + key[0] if key[0] in "tdrzsn" else None)
    articles = ("al", "el") + ((sun,) if sun else ())
    return [f"{a}{sep}{key}" for a in articles for sep in (" ", "-")]


_INNER_ARTICLE = re.compile(r"(?:^|[\s-])(?:%s)[\s-]" % "|".join(ARABIC_ARTICLES))


@functools.lru_cache(maxsize=65536)
def skeleton(name: str) -> str:
    """A spelling-blind key for transliterated names: articles, doubled letters, vowels and
    punctuation dropped ("Deir Ezzor", "Dayr az Zawr" -> "drzr"; "Maarat al-Numan",
    "Ma'arrat an Nu'man" -> "mrtnmn"). Empty for short names, which collide too often."""
    key = _INNER_ARTICLE.sub(" ", " " + normalize(name)).strip()
    key = key.replace("ou", "u").replace("ph", "f").replace("q", "k").replace("ck", "k")
    key = re.sub(r"[^a-z]", "", key)
    key = re.sub(r"([ae])h$", r"\1", key)
    if not key:
        return ""
    # doubled letters fold before the vowels go, not after: "Babyninsky" (b-b-n-n-s-k) and
    # "Buinsk" (b-n-s-k) are two places, while "Ma'arrat" and "Maarat" are one name
    key = re.sub(r"(.)\1+", r"\1", key)
    out = key[0] + re.sub(r"[aeiouyw]", "", key[1:])
    return out if len(out) >= 4 else ""


class TextTable:
    """The lines of a prebuilt text file, read in place from its bytes: line ``i`` through a
    table of line starts, and (for a file sorted by the field before the first tab) the rest
    of the line that a key opens. Nothing is split up front."""

    # Every 32nd key is kept as bytes: a lookup bisects them in C to a block of 32 lines and
    # finds the key in that block with one bytes search (bisecting the mapped lines with a
    # Python call per step made the whole stages 8% slower).
    SAMPLE = 32

    def __init__(self, blob=b"", starts=None):
        self._blob = blob
        # line i is blob[starts[i]:starts[i + 1] - 1] (the newline dropped)
        self._starts = starts if starts is not None else memoryview(
            np.zeros(1, np.uint32).tobytes()).cast("I")
        self._sampled: list[bytes] | None = None
        # news names the same places again and again: their lines are remembered
        self.value = functools.lru_cache(maxsize=1 << 16)(self._value)

    @classmethod
    def from_gzip(cls, path: Path) -> "TextTable":
        """The table of a gzip text file, inflated once into the table cache and mapped."""
        blob = tablecache.cached_bytes(f"{path.name}-inflated", [path], lambda fh: _inflate_to(path, fh))
        starts = tablecache.cached_bytes(f"{path.name}-line-starts", [path, __file__],
                                         lambda fh: fh.write(_line_starts(blob)))
        return cls(blob, memoryview(starts).cast("I"))

    def __len__(self) -> int:
        return len(self._starts) - 1

    def line(self, i: int) -> str:
        return self._blob[self._starts[i]:self._starts[i + 1] - 1].decode("utf-8")

    def _key(self, i: int) -> bytes:
        start, end = self._starts[i], self._starts[i + 1] - 1
        tab = self._blob.find(b"\t", start, end)
        return self._blob[start:tab if tab >= 0 else end]

    def _value(self, key: str) -> str | None:
        """``value(key)``: the rest of the line whose first field is ``key`` (keys are sorted
        and unique; UTF-8 bytes sort as the code points do), else None."""
        probe = key.encode("utf-8")
        if b"\n" in probe or b"\t" in probe:
            return None
        if self._sampled is None:
            self._sampled = [self._key(i) for i in range(0, len(self), self.SAMPLE)]
        block = bisect.bisect_right(self._sampled, probe) - 1
        if block < 0:
            return None
        first = block * self.SAMPLE
        start = self._starts[first]
        end = self._starts[min(first + self.SAMPLE, len(self))]
        blob = self._blob
        if blob[start:start + len(probe) + 1] == probe + b"\t":
            at = start
        else:
            at = blob.find(b"\n" + probe + b"\t", start, end)  # a newline opens a line
            if at < 0:
                return None
            at += 1
        value_start = at + len(probe) + 1
        value_end = blob.find(b"\n", value_start)
        return blob[value_start:value_end if value_end >= 0 else len(blob)].decode("utf-8")


def _inflate_to(path: Path, out) -> None:
    with gzip.open(path, "rb") as fh:
        shutil.copyfileobj(fh, out, 1 << 20)


def _line_starts(blob) -> bytes:
    """Where each line of ``blob`` starts, and one past the end of the last, as uint32s."""
    ends = np.flatnonzero(np.frombuffer(blob, np.uint8) == 10) + 1
    if len(blob) and blob[-1:] != b"\n":
        ends = np.append(ends, len(blob) + 1)  # a last line without its newline
    return np.concatenate(([0], ends)).astype(np.uint32).tobytes()


class Gazetteer:
    """Places and the names that lead to them.

    ``lookup(name)`` gives ``[(entry, primary)]``: every place the name may denote, with
    ``primary`` true when it is the place's own name rather than an alternate one.

    The prebuilt rows stay as text until a lookup needs them; a user's entries and aliases
    live in small overlay structures.
    """

    def __init__(self):
        self._rows = TextTable()            # prebuilt rows, sorted by id, parsed on demand
        self._parsed: dict[int, Entry] = {}
        self._names = TextTable()           # prebuilt, sorted: "key\trow,~row,..."
        self._extra_entries: list[Entry] = []
        self._extra_names: dict[str, list[tuple[Entry, bool]]] = {}
        self.demonyms: dict[str, Entry] = {}

    # -- building -------------------------------------------------------------------------
    def load_index(self, rows_path: Path, names_path: Path) -> None:
        """Open the prebuilt rows and the sorted name lines; nothing is parsed until asked."""
        self._rows = TextTable.from_gzip(rows_path)
        self._names = TextTable.from_gzip(names_path)

    def _entry(self, row: int) -> Entry:
        entry = self._parsed.get(row)
        if entry is None:
            f = self._rows.line(row).split("\t")
            entry = Entry(int(f[0]), f[1], f[2], f[3], int(f[4]), float(f[5]), float(f[6]),
                          int(f[7]), f[8] == "C")
            self._parsed[row] = entry
        return entry

    def add(self, entry: Entry, aliases=()) -> None:
        """Add a place of one's own under its name and aliases."""
        self._extra_entries.append(entry)
        self.add_name(entry.name, entry, True)
        for alias in aliases:
            self.add_name(alias, entry, False)

    def add_name(self, name: str, entry: Entry, primary: bool = False) -> None:
        key = normalize(name)
        if key:
            slot = self._extra_names.setdefault(key, [])
            if all(e is not entry for e, _ in slot):
                slot.append((entry, primary))

    def find(self, name: str, feature: str | None = None, country: str | None = None) -> Entry | None:
        """The most populous place of that name (and feature, country when given)."""
        best = None
        for entry, _ in self.lookup(name):
            if feature and entry.feature != feature:
                continue
            if country and entry.country != country:
                continue
            if best is None or entry.population > best.population:
                best = entry
        return best

    def load_aliases(self, path: Path, demonyms: bool = False) -> None:
        """Rows ``alias, place name, feature, country``: the alias names that place."""
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip() or line.startswith("#"):
                    continue
                alias, name, feature, country = (line.rstrip("\n").split("\t") + ["", "", ""])[:4]
                entry = self.find(name, feature or None, country or None)
                if entry is None:
                    continue
                if demonyms:
                    self.demonyms[normalize(alias)] = entry
                else:
                    self.add_name(alias, entry, True)  # curated: as good as its own name

    def load_regions(self, path: Path) -> int:
        """Seas, oceans and regions (``data/regions.yaml``), each at the spherical mean of the
        points of its members: places this gazetteer already holds (ports on a sea's shores,
        the countries of a region). Returns how many were added."""
        from ..datafiles import load_yaml

        added = 0
        for item in load_yaml(path.read_text(encoding="utf-8")) or ():
            points = []
            kind, land_of = item.get("kind"), str(item.get("country") or "").upper()
            # a sea's members are ports, a region's are countries (or provinces: "Dagestan"),
            # a land's are its towns
            feature = "country" if kind == "region" else "city"
            for member in item["members"]:
                name, _, country = (part.strip() for part in member.partition(","))
                entry = self.find(name, feature, country or None) or self.find(name, country=country or None)
                if entry is None:
                    raise ValueError(f"{path.name}: member {member!r} of {item['name']!r} is not in the gazetteer")
                points.append((entry.lat, entry.lon))
            lat, lon = spherical_mean(points)
            # a sea is as specific a place of events as a named site ("other"); a region is
            # broad, as a continent is; a land of one country (an island, a peninsula:
            # "Mindanao", "Sinai") is as broad as a province of it
            feature = {"region": "region", "land": "admin1" if land_of else "region"}.get(kind, "other")
            entry = Entry(-(len(self._extra_entries) + 1), item["name"], feature, land_of, 0,
                          round(lat, 4), round(lon, 4), REGION_PROMINENCE)
            self._extra_entries.append(entry)
            for name in [item["name"], *(item.get("aliases") or ())]:
                self.add_name(name, entry, True)    # curated: each name as good as its own
            added += 1
        return added

    def add_csv(self, path: str | Path) -> int:
        """Add a user's places (CSV with header name,lat,lon,country,feature,population,aliases)."""
        added = 0
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                try:
                    lat, lon = float(row["lat"]), float(row["lon"])
                    name = row["name"].strip()
                except (KeyError, TypeError, ValueError, AttributeError):
                    continue
                if not name or not (-90 <= lat <= 90 and -180 <= lon <= 180):
                    continue
                feature = (row.get("feature") or "other").strip()
                try:
                    population = int(float(row.get("population") or 0))
                except ValueError:
                    population = 0
                entry = Entry(-(len(self._extra_entries) + 1), name,
                              feature if feature in FEATURES else "other",
                              (row.get("country") or "").strip().upper(), 0, lat, lon, population)
                self.add(entry, [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()])
                added += 1
        return added

    # -- reading --------------------------------------------------------------------------
    def lookup(self, name: str) -> list[tuple[Entry, bool]]:
        """Every place ``name`` may denote; an Arabic name is also tried with and without its
        article ("Qamishli" finds "Al Qamishli", "Al-Raqqa" finds "Raqqa") when it has no
        reading as written."""
        found = self._lookup(normalize(name))
        if not found and name[:1].isupper():
            for key in article_variants(normalize(name)):
                found = self._lookup(key)
                if found:
                    break
        return found

    def _lookup(self, key: str) -> list[tuple[Entry, bool]]:
        out = list(self._extra_names.get(key, ()))
        packed = self._names.value(key) if key else None
        if packed:
            for item in packed.split(","):
                if item[0] == "~":
                    out.append((self._entry(int(item[1:])), False))
                else:
                    out.append((self._entry(int(item)), True))
        return out

    def by_id(self, place_id: int) -> Entry | None:
        # the rows are sorted by id: bisect them, reading only the ids it visits (listing
        # every id took a quarter of a second of the first document that asked)
        rows = self._rows
        i = bisect.bisect_left(range(len(rows)), place_id, key=lambda row: _row_id(rows.line(row)))
        if i < len(rows) and _row_id(rows.line(i)) == place_id:
            return self._entry(i)
        return next((e for e in self._extra_entries if e.id == place_id), None)

    def demonym(self, word: str) -> Entry | None:
        """The place an adjective or demonym names ("Libyan", "Russians"), else None."""
        key = normalize(word)
        entry = self.demonyms.get(key)
        if entry is None and key.endswith("s"):
            entry = self.demonyms.get(key[:-1])
        return entry

    def admin1_name(self, entry: Entry) -> str | None:
        if entry.feature == "admin1":
            return entry.name
        parent = self.by_id(entry.admin1) if entry.admin1 else None
        return parent.name if parent else None


def spherical_mean(points) -> tuple[float, float]:
    """The point at the mean of unit vectors (lat, lon in degrees): a middle that does not
    break at the antimeridian, as averaging longitudes does across the Pacific."""
    x = y = z = 0.0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def _row_id(row: str) -> int:
    return int(row[:row.index("\t")])


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer: prebuilt index, aliases, demonyms, user files."""
    gaz = Gazetteer()
    gaz.load_index(DATA / "gazetteer.tsv.gz", DATA / "names.tsv.gz")
    gaz.load_aliases(DATA / "aliases.tsv")
    gaz.load_aliases(DATA / "demonyms.tsv", demonyms=True)
    gaz.load_regions(DATA / "regions.yaml")
    for path in filter(None, os.environ.get("EVENTWIRE_GAZETTEER", "").split(os.pathsep)):
        gaz.add_csv(path)
    return gaz
