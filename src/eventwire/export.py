"""Writing document records and merged events as JSON Lines, CSV or Parquet."""
from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

FORMATS = ("jsonl", "csv", "parquet")
EVENT_FORMATS = FORMATS + ("gdelt", "acled")


def flatten_event(event: dict) -> dict:
    """One flat row per merged event, for tables (CSV, Parquet)."""
    row = {k: v for k, v in event.items()
           if k not in ("source", "target", "place", "sentence", "evidence", "sources", "dates_reported")}
    for side in ("source", "target"):
        actor = event.get(side) or {}
        for k in ("actor", "text", "country", "sector"):
            row[f"{side}_{k}"] = actor.get(k)
    place = event.get("place") or {}
    for k in ("name", "country", "lat", "lon", "geonameid"):
        row[f"place_{k}"] = place.get(k)
    row["evidence"] = (event.get("evidence") or {}).get("text")
    row["sources"] = ";".join(f"{s['doc']}/{s['event']}" for s in event.get("sources", []))
    row["dates_reported"] = ";".join(event.get("dates_reported", []))
    return row


def flatten_record(record: dict) -> dict:
    """One flat row per document record; nested parts stay as JSON strings."""
    row = {k: record.get(k) for k in ("schema", "id", "title", "date", "url", "language", "text")}
    for part in ("actors", "times", "places", "quotes", "events"):
        row[f"n_{part}"] = len(record.get(part, []))
        row[part] = json.dumps(record.get(part, []), ensure_ascii=False)
    return row


def write_events(events: Iterable[dict], fmt: str, out: str | Path | None) -> int:
    """Merged events in one of EVENT_FORMATS; gdelt is tab-separated like GDELT's files,
    acled a CSV holding only the events ACLED would record (conflict and protest types)."""
    if fmt == "gdelt":
        return _write_csv((gdelt_row(e) for e in events), out, delimiter="\t")
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
# Column names are the projects' own; fields we do not produce stay empty rather than guessed.

GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat",
    "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
]

_GDELT_GEO_TYPE = {"country": 1, "admin1": 5, "admin2": 5, "region": 5, "city": 4}
_STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "SPY", "LEG"}


def _date_parts(date: str | None):
    if not date:
        return None, None, None, None
    year = int(date[:4])
    month = int(date[5:7]) if len(date) >= 7 else None
    day = int(date[8:10]) if len(date) >= 10 else None
    sqldate = f"{year:04d}{month or 0:02d}{day or 0:02d}"
    monthyear = f"{year:04d}{month:02d}" if month else None
    import datetime as _dt

    fraction = None
    if month and day:
        doy = _dt.date(year, month, day).timetuple().tm_yday
        fraction = round(year + doy / 365.0, 4)
    return sqldate, monthyear, year, fraction


def _code(actor: dict | None) -> str | None:
    if not actor:
        return None
    return ((actor.get("country") or "") + (actor.get("sector") or "")) or None


def gdelt_row(event: dict) -> dict:
    """A merged event as a GDELT 2.0 event-table row (ISO3 country codes, not FIPS)."""
    sqldate, monthyear, year, fraction = _date_parts(event.get("date"))
    src, tgt, place = event.get("source") or {}, event.get("target") or {}, event.get("place") or {}
    cameo = event.get("cameo") or ""
    sources = event.get("sources") or []
    first_url = next((s.get("url") for s in sources if s.get("url")), None)
    return {
        "GLOBALEVENTID": int(event["event_id"][1:]) if str(event.get("event_id", "")).startswith("M") else None,
        "SQLDATE": sqldate, "MonthYear": monthyear, "Year": year, "FractionDate": fraction,
        "Actor1Code": _code(src), "Actor1Name": src.get("text"), "Actor1CountryCode": src.get("country"),
        "Actor1Type1Code": src.get("sector"),
        "Actor2Code": _code(tgt), "Actor2Name": tgt.get("text"), "Actor2CountryCode": tgt.get("country"),
        "Actor2Type1Code": tgt.get("sector"),
        "IsRootEvent": None, "EventCode": cameo or None, "EventBaseCode": cameo[:3] or None,
        "EventRootCode": cameo[:2] or None, "QuadClass": event.get("quad_class"),
        "GoldsteinScale": event.get("goldstein"),
        "NumMentions": len(sources), "NumSources": event.get("n_sources"), "NumArticles": len(sources),
        "AvgTone": None,
        "ActionGeo_Type": _GDELT_GEO_TYPE.get(place.get("feature") or "city") if place else None,
        "ActionGeo_FullName": place.get("name"), "ActionGeo_CountryCode": place.get("country"),
        "ActionGeo_Lat": place.get("lat"), "ActionGeo_Long": place.get("lon"),
        "ActionGeo_FeatureID": place.get("geonameid"),
        "DATEADDED": min((s.get("date") or "" for s in sources), default=None) or None,
        "SOURCEURL": first_url,
    }


ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "inter1", "actor2", "inter2", "interaction", "iso", "country", "location",
    "latitude", "longitude", "geo_precision", "source", "notes", "fatalities", "timestamp",
]

_ACLED_TIME_PRECISION = {"day": 1, "month": 3, "year": 3}
_ACLED_GEO_PRECISION = {"city": 1, "admin2": 2, "admin1": 3, "region": 3, "country": 3}


def _inter(actor: dict | None, event_type: str | None) -> int | None:
    """ACLED's actor-type code from the CAMEO sector."""
    if not actor:
        return None
    sector = actor.get("sector")
    if sector in _STATE_SECTORS:
        return 1
    if sector in ("REB", "INS", "SEP"):
        return 2
    if event_type == "Protests" or sector == "OPP":
        return 6
    if event_type == "Riots":
        return 5
    if sector in ("CVL", "REF", "EDU", "MED", "HLH", "BUS", "LAB", "REL"):
        return 7
    if sector in ("IGO", "NGO") or actor.get("country") is None:
        return 8
    return None


def acled_row(event: dict) -> dict | None:
    """A merged event as an ACLED-style row; None for events ACLED does not record."""
    event_type = event.get("acled_event_type")
    if not event_type:
        return None
    import pycountry

    src, tgt, place = event.get("source") or {}, event.get("target") or {}, event.get("place") or {}
    iso3 = place.get("country") or src.get("country")
    country = pycountry.countries.get(alpha_3=iso3) if iso3 else None
    inter1, inter2 = _inter(src, event_type), _inter(tgt or None, event_type)
    date = event.get("date") or ""
    return {
        "event_id_cnty": f"{iso3 or 'XXX'}{event['event_id'][1:]}",
        "event_date": date or None, "year": int(date[:4]) if date else None,
        "time_precision": _ACLED_TIME_PRECISION.get(event.get("date_precision")),
        "event_type": event_type, "sub_event_type": None,
        "actor1": src.get("text"), "inter1": inter1, "actor2": tgt.get("text") if tgt else None,
        "inter2": inter2,
        "interaction": int(f"{min(inter1, inter2)}{max(inter1, inter2)}") if inter1 and inter2 else
        (inter1 * 10 if inter1 else None),
        "iso": int(country.numeric) if country else None, "country": country.name if country else None,
        "location": place.get("name"), "latitude": place.get("lat"), "longitude": place.get("lon"),
        "geo_precision": _ACLED_GEO_PRECISION.get(place.get("feature") or "city") if place else None,
        "source": "; ".join(s.get("url") or s["doc"] for s in event.get("sources", [])),
        "notes": (event.get("evidence") or {}).get("text"), "fatalities": None,
        "timestamp": None,
    }
