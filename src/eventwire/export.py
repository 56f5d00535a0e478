"""Writing document records and merged events as JSON Lines, CSV or Parquet."""
from __future__ import annotations

import csv
import functools
import io
import json
import sys
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import IO

from .events.acled import is_crowd, load_acled, sub_event_type

FORMATS = ("jsonl", "csv", "parquet")
EVENT_FORMATS = FORMATS + ("gdelt", "acled")


def flatten_event(event: dict) -> dict:
    """One flat row per merged event, for tables (CSV, Parquet)."""
    row = {k: v for k, v in event.items()
           if k not in ("source", "target", "place", "sentence", "evidence", "sources", "dates_reported",
                        "casualties", "casualties_reported")}
    for side in ("source", "target"):
        actor = event.get(side) or {}
        for k in ("actor", "text", "country", "sector"):
            row[f"{side}_{k}"] = actor.get(k)
    place = event.get("place") or {}
    for k in ("name", "country", "feature", "lat", "lon", "geonameid"):
        row[f"place_{k}"] = place.get(k)
    row["evidence"] = (event.get("evidence") or {}).get("text")
    row["sentence"] = (event.get("sentence") or {}).get("text")
    row["sources"] = ";".join(f"{s['doc']}/{s['event']}" for s in event.get("sources", []))
    row["dates_reported"] = ";".join(event.get("dates_reported", []))
    casualties = event.get("casualties") or {}
    for kind in ("killed", "injured"):
        figure = casualties.get(kind) or {}
        row[kind] = figure.get("count")
        row[f"{kind}_qualifier"] = figure.get("qualifier")
        row[f"{kind}_text"] = figure.get("text")
    return row


def flatten_record(record: dict) -> dict:
    """One flat row per document record; nested parts stay as JSON strings."""
    row = {k: record.get(k) for k in ("schema", "id", "title", "date", "url", "language", "text")}
    for part in ("actors", "times", "places", "quotes", "events"):
        row[f"n_{part}"] = len(record.get(part, []))
        row[part] = json.dumps(record.get(part, []), ensure_ascii=False)
    return row


def write_events(events: Iterable[dict], fmt: str, out: str | Path | None, header: bool = False) -> int:
    """Merged events in one of EVENT_FORMATS; gdelt is GDELT 2.0's event table (61 columns,
    tab-separated, no quoting, a header line only with ``header``), acled a CSV with ACLED's
    columns holding only the events ACLED would record (conflict, protest, strategic types)."""
    if fmt == "gdelt":
        return _write_tsv((gdelt_row(e) for e in events), GDELT_COLUMNS, out, header)
    if fmt == "acled":
        return _write_csv((r for r in map(acled_row, events) if r is not None), out)
    return write_rows(events, fmt, out, flatten=flatten_event)


def write_rows(rows: Iterable[dict], fmt: str, out: str | Path | None,
               flatten=None) -> int:
    """Write rows to ``out`` (stdout when None or "-"); returns the number written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "jsonl":
        return _write_jsonl(rows, out)
    flat = (flatten(r) if flatten else r for r in rows)
    if fmt == "csv":
        return _write_csv(flat, out)
    if out in (None, "-"):
        raise ValueError("Parquet needs a file: give -o PATH")
    return _write_parquet(flat, Path(out))


def _open(out) -> tuple[IO[str], bool]:
    if out in (None, "-"):
        return sys.stdout, False
    return open(out, "w", encoding="utf-8", newline=""), True


def _write_jsonl(rows: Iterable[dict], out) -> int:
    fh, close = _open(out)
    n = 0
    try:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
            n += 1
    finally:
        if close:
            fh.close()
    return n


# A cell starting with one of these is run as a formula by spreadsheet tools (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """A CSV cell a spreadsheet shows as text: a string starting like a formula gets a leading
    apostrophe (OWASP's advice); numbers, negative ones included, stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _safe_row(row: dict) -> dict:
    return {k: safe_cell(v) for k, v in row.items()}


def _write_csv(rows: Iterator[dict], out, delimiter: str = ",") -> int:
    fh, close = _open(out)
    n = 0
    try:
        writer = None
        for row in rows:
            if writer is None:
                writer = csv.DictWriter(fh, fieldnames=list(row), extrasaction="ignore",
                                        delimiter=delimiter)
                writer.writeheader()
            writer.writerow(_safe_row(row))
            n += 1
    finally:
        if close:
            fh.close()
    return n


def _tsv_field(value) -> str:
    """One field of a GDELT-style line: empty for None, no tab or line break inside."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, str):
        return safe_cell(" ".join(value.split()))   # text only: numbers stay numbers
    return str(value)


def _write_tsv(rows: Iterator[dict], columns: list[str], out, header: bool) -> int:
    """Tab-separated lines with a fixed column order and no quoting (as GDELT writes them)."""
    fh, close = _open(out)
    n = 0
    try:
        if header:
            fh.write("\t".join(columns) + "\n")
        for row in rows:
            fh.write("\t".join(_tsv_field(row.get(c)) for c in columns) + "\n")
            n += 1
    finally:
        if close:
            fh.close()
    return n


def _write_parquet(rows: Iterator[dict], path: Path) -> int:
    """One table for the whole file, so a column that is empty early keeps its later type."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    buf = list(rows)
    table = pa.Table.from_pylist(buf) if buf else pa.table({"id": pa.array([], pa.string())})
    pq.write_table(table, str(path))
    return len(buf)


def csv_text(rows: Iterable[dict], flatten=None) -> str:
    """CSV as a string (the API's download)."""
    fh = io.StringIO()
    writer = None
    for row in rows:
        row = flatten(row) if flatten else row
        if writer is None:
            writer = csv.DictWriter(fh, fieldnames=list(row), extrasaction="ignore")
            writer.writeheader()
        writer.writerow(_safe_row(row))
    return fh.getvalue()


# --- the two tables researchers already load ------------------------------------------------
# Column names and order are the projects' own; fields we do not produce stay empty rather
# than guessed (the README lists them).

_GDELT_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                "Religion2Code", "Type1Code", "Type2Code", "Type3Code"]
_GDELT_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
# The GDELT 2.0 Event Codebook's 61 columns, in its order and with its names.
GDELT_COLUMNS = (
    ["GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{c}" for c in _GDELT_ACTOR] + [f"Actor2{c}" for c in _GDELT_ACTOR]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"Actor1Geo_{c}" for c in _GDELT_GEO] + [f"Actor2Geo_{c}" for c in _GDELT_GEO]
    + [f"ActionGeo_{c}" for c in _GDELT_GEO]
    + ["DATEADDED", "SOURCEURL"]
)
assert len(GDELT_COLUMNS) == 61

# GDELT's geographic resolution: 1 country, 2 US state, 3 US city, 4 world city, 5 world state
# (first-level unit); 0 no place. A second-level unit or a region counts as a state.


def _gdelt_geo_type(place: dict) -> int | None:
    feature = place.get("feature") or "city"
    us = place.get("country") == "USA"
    if feature == "country":
        return 1
    if feature == "city" or feature == "other":
        return 3 if us else 4
    return 2 if us else 5


def _country_name(iso3: str | None) -> str | None:
    if not iso3:
        return None
    import pycountry

    country = pycountry.countries.get(alpha_3=iso3)
    return (getattr(country, "common_name", None) or country.name) if country else None


@functools.lru_cache(maxsize=1)
def _adm1_codes() -> dict[tuple[str, str], str]:
    """GDELT's ADM1 codes by (country ISO3, folded first-level unit name; "" for the country
    itself): ``places/data/admin1_codes.tsv``, built by ``scripts/build_admin1_codes.py``."""
    from .places.gazetteer import normalize

    table = {}
    with resources.files("eventwire").joinpath("places/data/admin1_codes.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                iso3, name, _gid, code = line.rstrip("\n").split("\t")
                table[(iso3, normalize(name))] = code
    return table


def gdelt_adm1_code(place: dict) -> str | None:
    """GDELT's ADM1 code of a place: its country's FIPS code for a country, else the FIPS code
    followed by its first-level unit's code ("IR26"); None where the place names no unit or
    the unit has no code in the table."""
    from .places.gazetteer import normalize

    country = place.get("country")
    if not country:
        return None
    if place.get("feature") == "country":
        return _adm1_codes().get((country, ""))
    unit = place.get("admin1")
    return _adm1_codes().get((country, normalize(unit))) if unit else None


def _gdelt_geo(prefix: str, place: dict | None) -> dict:
    if not place:
        # GDELT's files write type 0 and leave the other fields empty where there is no place
        return {f"{prefix}_{c}": 0 if c == "Type" else None for c in _GDELT_GEO}
    geo_type = _gdelt_geo_type(place)
    names = [place.get("name")]
    if geo_type != 1:
        if place.get("admin1") and place.get("admin1") != place.get("name"):
            names.append(place["admin1"])
        names.append(_country_name(place.get("country")))
    return {
        f"{prefix}_Type": geo_type,
        f"{prefix}_FullName": ", ".join(n for n in names if n),
        f"{prefix}_CountryCode": place.get("country"),
        f"{prefix}_ADM1Code": gdelt_adm1_code(place),
        f"{prefix}_ADM2Code": None,
        f"{prefix}_Lat": place.get("lat"), f"{prefix}_Long": place.get("lon"),
        f"{prefix}_FeatureID": place.get("geonameid"),
    }


def _date_parts(date: str | None):
    """(Day, MonthYear, Year, FractionDate) of a possibly partial ISO date; unknown parts of
    Day and MonthYear are 00 ("20190500"; a year alone "20190000" and "201900"), so the three
    integer date columns are filled together, as on every GDELT row."""
    if not date:
        return None, None, None, None
    import datetime as _dt

    year = int(date[:4])
    month = int(date[5:7]) if len(date) >= 7 else None
    day = int(date[8:10]) if len(date) >= 10 else None
    sqldate = int(f"{year:04d}{month or 0:02d}{day or 0:02d}")
    monthyear = int(f"{year:04d}{month or 0:02d}")
    fraction = None
    if month and day:
        doy = _dt.date(year, month, day).timetuple().tm_yday
        fraction = round(year + doy / 365.0, 4)
    return sqldate, monthyear, year, fraction


def _code(actor: dict | None) -> str | None:
    if not actor:
        return None
    return ((actor.get("country") or "") + (actor.get("sector") or "")) or None


def _gdelt_actor(prefix: str, actor: dict | None) -> dict:
    actor = actor or {}
    row = {f"{prefix}{c}": None for c in _GDELT_ACTOR}
    row.update({f"{prefix}Code": _code(actor), f"{prefix}Name": actor.get("text"),
                f"{prefix}CountryCode": actor.get("country"), f"{prefix}Type1Code": actor.get("sector")})
    if actor.get("sector") in ("IGO", "NGO"):
        row[f"{prefix}KnownGroupCode"] = None   # we code the body's type, not its CAMEO group
    return row


def _first_report_day(sources: list[dict]) -> str | None:
    """The earliest report's publication day (ISO), or None when no report is dated."""
    first = min((s.get("date") or "" for s in sources), default="")
    return first[:10] if len(first) >= 10 else None


def _date_added(sources: list[dict]) -> int | None:
    """GDELT's DATEADDED (YYYYMMDDHHMMSS, UTC): the earliest report's publication day."""
    first = _first_report_day(sources)
    return int(first.replace("-", "") + "000000") if first else None


def _gdelt_date(event: dict) -> str | None:
    """The date GDELT's Day and its twins are made from: the event's own date, else (an event
    the text does not date) its earliest report's day. GDELT's rows always carry a Day, and
    GDELT dates an event by the article that reports it; the record keeps ``date`` null."""
    return event.get("date") or _first_report_day(event.get("sources") or [])


def gdelt_row(event: dict) -> dict:
    """A merged event as a GDELT 2.0 event-table row (ISO3 country codes throughout)."""
    day, monthyear, year, fraction = _date_parts(_gdelt_date(event))
    src, tgt, place = event.get("source"), event.get("target"), event.get("place")
    cameo = event.get("cameo") or ""
    sources = event.get("sources") or []
    first_url = next((s.get("url") for s in sources if s.get("url")), None)
    event_id = str(event.get("event_id", ""))
    row = {
        "GlobalEventID": int(event_id[1:]) if event_id[:1] == "M" and event_id[1:].isdigit() else None,
        "Day": day, "MonthYear": monthyear, "Year": year, "FractionDate": fraction,
        **_gdelt_actor("Actor1", src), **_gdelt_actor("Actor2", tgt),
        "IsRootEvent": None if event.get("is_lead") is None else int(bool(event["is_lead"])),
        "EventCode": cameo or None, "EventBaseCode": cameo[:3] or None,
        "EventRootCode": cameo[:2] or None, "QuadClass": event.get("quad_class"),
        "GoldsteinScale": event.get("goldstein"),
        "NumMentions": len(sources), "NumSources": event.get("n_sources"), "NumArticles": len(sources),
        "AvgTone": None,
        **_gdelt_geo("Actor1Geo", (src or {}).get("place")),
        **_gdelt_geo("Actor2Geo", (tgt or {}).get("place")),
        **_gdelt_geo("ActionGeo", place),
        "DATEADDED": _date_added(sources), "SOURCEURL": first_url,
    }
    return row


# ACLED's export columns, in its order (ACLED codebook, 2023-2024).
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]

# ACLED's types, codes and precision scales: events/data/acled.yaml (``load_acled``).


def _inter(actor: dict | None, event_type: str | None, where: str | None, target: bool = False) -> int | None:
    """ACLED's actor type from the CAMEO sector, the event type and where it happened (a
    target is a protester or rioter only when named as a crowd or a political group)."""
    if not actor:
        return None
    table = load_acled()
    inter, sectors = table.inter, table.sectors
    sector, country = actor.get("sector"), actor.get("country")
    if sector in sectors["external_forces"]:
        return inter["external_forces"]
    if sector in sectors["state_forces"]:
        # state forces active outside their own country are external forces
        return inter["external_forces"] if where and country and country != where else inter["state_forces"]
    if sector in sectors["rebel_groups"]:
        return inter["rebel_groups"]
    if sector in sectors["identity_militias"]:
        return inter["identity_militias"]
    # the crowd of a protest or riot: a target only when named as one ("fired on the
    # protesters"; civilians hit stay civilians), a source also when a civilian group leads it
    crowd = is_crowd(actor) or not target and sector in ("LAB", "EDU", "CVL", None)
    if event_type == "Protests" and crowd:
        return inter["protesters"]
    if event_type == "Riots" and crowd:
        return inter["rioters"]
    if sector in sectors["political_militias"]:
        return inter["political_militias"]
    if sector in sectors["civilians"]:
        return inter["civilians"]
    return None


def _interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's two-digit interaction code: the two actor types, lower first; one actor
    alone is its type times ten ("60": protesters alone)."""
    if inter1 and inter2:
        return int(f"{min(inter1, inter2)}{max(inter1, inter2)}")
    return inter1 * 10 if inter1 else None


def acled_fatalities(event: dict) -> int:
    """ACLED's fatalities: the reported killed count (its lower bound); 10 for a word with no
    number ("several"); 0 where none is reported, as ACLED codes it."""
    killed = (event.get("casualties") or {}).get("killed") or {}
    if killed.get("count") is not None:
        return int(killed["count"])
    return load_acled().vague_fatalities if killed.get("qualifier") == "vague" else 0


def _acled_date(event: dict) -> tuple[str | None, int | None]:
    """(event_date, time_precision): a month or a year is dated to its first day; an undated
    event to its earliest report's publication day, precision 3."""
    date, precision = event.get("date"), event.get("date_precision")
    if date:
        full = (date + "-01-01")[:10] if len(date) == 4 else (date + "-01")[:10] if len(date) == 7 else date[:10]
        return full, load_acled().time_precision.get(precision or "day", 3)
    first = _first_report_day(event.get("sources") or [])
    return (first, 3) if first else (None, None)


def acled_row(event: dict) -> dict | None:
    """A merged event as an ACLED row; None for events ACLED does not record."""
    event_type = event.get("acled_event_type")
    if not event_type:
        return None
    import pycountry

    src, tgt, place = event.get("source") or {}, event.get("target") or {}, event.get("place") or {}
    iso3 = place.get("country") or src.get("country")
    country = pycountry.countries.get(alpha_3=iso3) if iso3 else None
    inter1 = _inter(src or None, event_type, iso3)
    inter2 = _inter(tgt or None, event_type, iso3, target=True)
    date, time_precision = _acled_date(event)
    sub_type = sub_event_type(event)
    evidence = (event.get("evidence") or {}).get("text")
    sentence = (event.get("sentence") or {}).get("text")
    return {
        "event_id_cnty": f"{iso3 or 'XXX'}{event['event_id'][1:]}",
        "event_date": date, "year": int(date[:4]) if date else None, "time_precision": time_precision,
        "disorder_type": load_acled().disorder_types.get(event_type), "event_type": event_type, "sub_event_type": sub_type,
        "actor1": src.get("text"), "assoc_actor_1": None, "inter1": inter1,
        "actor2": tgt.get("text") if tgt else None, "assoc_actor_2": None, "inter2": inter2,
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if inter2 == 7 and event_type in (
            "Violence against civilians", "Explosions/Remote violence", "Riots") else None,
        "iso": int(country.numeric) if country else None, "region": load_acled().regions.get(iso3),
        "country": country.name if country else None,
        "admin1": place.get("admin1") if place.get("feature") != "country" else None,
        "admin2": None, "admin3": None,
        "location": place.get("name"), "latitude": place.get("lat"), "longitude": place.get("lon"),
        "geo_precision": load_acled().geo_precision.get(place.get("feature") or "city") if place else None,
        "source": "; ".join(s.get("url") or s["doc"] for s in event.get("sources", [])),
        "source_scale": None,
        "notes": " ".join((sentence or evidence or "").split()) or None,
        "fatalities": acled_fatalities(event),
        "tags": None, "timestamp": None,
    }
