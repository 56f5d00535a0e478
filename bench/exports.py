"""The GDELT and ACLED exports of the sample corpus, read as their users' tools read them.

    PYTHONPATH=src python -m bench.exports [--db PATH]

Ingests samples/wikinews into a fresh store (or uses --db), writes `events --format gdelt`
and `--format acled` (all modalities), and prints: rows, rows a strict line-based reader
rejects (not exactly 61 tab-separated fields, a field not of its column's type), how often
each column is filled, ACLED sub-event types and fatalities, and whether time zones or
multi-line names are among the actors.
"""
from __future__ import annotations

import argparse
import collections
import csv
import io
import re
import tempfile
from pathlib import Path

from bench.common import REPO

INT = re.compile(r"-?\d+")
FLOAT = re.compile(r"-?\d+(\.\d+)?")


def _type(name: str):
    if name in ("GlobalEventID", "Day", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions",
                "NumSources", "NumArticles", "DATEADDED") or name.endswith("Geo_Type"):
        return INT
    if name in ("FractionDate", "GoldsteinScale", "AvgTone") or name.endswith(("_Lat", "_Long")):
        return FLOAT
    return None


def main() -> None:
    from eventwire.export import GDELT_COLUMNS, write_events
    from eventwire.ingest import ingest
    from eventwire.readers import iter_documents
    from eventwire.store import EventQuery, open_store

    ap = argparse.ArgumentParser()
    ap.add_argument("--db")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="eventwire-exports-"))
    db = Path(args.db) if args.db else tmp / "sample.duckdb"
    if not args.db:
        with open_store(db) as store:
            stats = ingest(store, iter_documents([REPO / "samples" / "wikinews" / "wikinews.jsonl"]))
        print(f"ingested {stats.stored} articles, {stats.events} events")
    with open_store(db, read_only=True) as store:
        events = store.merged_events(EventQuery(modality=None, limit=100_000))
        actors = store.con.execute("SELECT name, count(*) FROM actors GROUP BY 1 ORDER BY 2 DESC").fetchall()
    out = tmp / "events.tsv"
    write_events(events, "gdelt", str(out))
    raw = out.read_bytes().decode("utf-8")
    lines = raw.split("\n")
    assert lines[-1] == ""
    bad_width = [ln for ln in lines[:-1] if len(ln.split("\t")) != 61]
    bad_type = collections.Counter()
    filled = collections.Counter()
    for ln in lines[:-1]:
        for name, value in zip(GDELT_COLUMNS, ln.split("\t")):
            if value:
                # (a Geo_Type of 0 is GDELT's "no place": the place is not filled)
                filled[name] += not (name.endswith("Geo_Type") and value == "0")
                pattern = _type(name)
                if pattern is not None and not pattern.fullmatch(value):
                    bad_type[name] += 1
    n = len(lines) - 1
    print(f"GDELT: {n} rows, {len(bad_width)} not 61 fields, {sum(bad_type.values())} fields not of "
          f"their column's type, {raw.count(chr(13))} carriage returns")
    print("  filled: " + ", ".join(f"{c} {filled[c] / n:.2f}" for c in GDELT_COLUMNS if filled[c]))
    print("  never filled: " + ", ".join(c for c in GDELT_COLUMNS if not filled[c]))
    out = tmp / "acled.csv"
    write_events(events, "acled", str(out))
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    print(f"ACLED: {len(rows)} rows")
    if rows:
        print("  filled: " + ", ".join(f"{c} {sum(bool(r[c]) for r in rows) / len(rows):.2f}" for c in rows[0]))
        print("  sub_event_type: " + ", ".join(f"{k} {v}" for k, v in
                                                collections.Counter(r["sub_event_type"] for r in rows).most_common()))
        print("  fatalities > 0: " + str(sum(int(r["fatalities"]) > 0 for r in rows)))
    zones = {"UTC", "GMT", "EST", "EDT", "PST", "CET"}
    print(f"actors: {len(actors)} names; time zones among them: "
          f"{[a for a in actors if a[0] in zones]}; multi-line names: {sum(1 for a in actors if chr(10) in a[0])}")
    print("  ten most frequent: " + ", ".join(f"{a} ({k})" for a, k in actors[:10]))


if __name__ == "__main__":
    main()
