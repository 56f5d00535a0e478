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


def _write_csv(rows: Iterator[dict], out) -> int:
    fh, close = _open(out)
    n = 0
    try:
        writer = None
        for row in rows:
            if writer is None:
                writer = csv.DictWriter(fh, fieldnames=list(row), extrasaction="ignore")
                writer.writeheader()
            writer.writerow(row)
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
        writer.writerow(row)
    return fh.getvalue()
