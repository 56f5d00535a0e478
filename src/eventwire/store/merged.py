"""Keeping merged events up to date as a batch's reports join them, from per-date summaries.

A merged event shows its best-supported report: the one with the most common date, then the
most specific date and place, then the highest confidence; ties go to the smallest document
key and event id. Reading every report of each merged event a batch touched to find it made a
batch's cost grow with its merged events (a long-running story gathers thousands of reports).
Instead the store keeps, per merged event and reported date, the number of its reports giving
that date and the best of them (``merged_event_dates``, migration 010). A batch changes only
the rows of the dates its reports bring (and of the merged events it joins together), and the
event's best is the best of those rows and its current best: votes only grow and a date's best
only gets better, so no row the batch left alone can overtake the current best.
"""
from __future__ import annotations

from dataclasses import dataclass, field

# A report's fields a merged event shows (and ranks its reports by).
REPORT_FIELDS = ("doc_key", "event_id", "day", "date", "date_precision", "source_country", "target_country",
                 "place_country", "place_feature", "lat", "lon", "confidence")
_DATE_ROW = ("merged_id", "votes", *REPORT_FIELDS)

# How specific a report's date and place are (a place without coordinates counts as none).
_PRECISION_RANK = {"day": 3, "month": 2, "year": 1}
_FEATURE_RANK = {"city": 5, "admin2": 4, "admin1": 3, "region": 2, "other": 2, "country": 1}


def report_rank(report: dict) -> tuple:
    """Orders one date's reports, best first: most specific date, then place, then the
    highest confidence, then the smallest document key and event id (migration 010 ranks an
    existing store's reports the same way in SQL)."""
    feature = 0 if report["lat"] is None else _FEATURE_RANK.get(report["place_feature"], 0)
    return (-_PRECISION_RANK.get(report["date_precision"], 0), -feature, -(report["confidence"] or 0),
            report["doc_key"], report["event_id"])


@dataclass
class DateSummary:
    """One merged event's reports that give one date: how many, and the best of them."""
    votes: int
    best: dict

    def add(self, votes: int, report: dict) -> None:
        self.votes += votes
        if report_rank(report) < report_rank(self.best):
            self.best = report

    def rank(self) -> tuple:
        return (-self.votes, *report_rank(self.best))


@dataclass
class Joining:
    """What a batch does to one merged event: the stored merged events it takes in
    (``absorbed``: reports that matched two merged events join them) and its new reports."""
    merged_id: str
    stored: bool                 # merged_id names a stored merged event (else a new one)
    absorbed: list[str] = field(default_factory=list)
    reports: list[dict] = field(default_factory=list)


def update_merged_events(con, joinings: list[Joining]) -> None:
    """Relabel the absorbed merged events' reports and bring ``merged_events`` and
    ``merged_event_dates`` up to date with a batch's ``joinings`` (the batch's reports are
    stored by the caller). Reads only the summaries the batch changes, never a merged event's
    reports, but for those of absorbed merged events (which are relabelled anyway)."""
    if not joinings:
        return
    stored_ids = [j.merged_id for j in joinings if j.stored]
    absorbed_ids = [a for j in joinings for a in j.absorbed]
    previous = _merged_rows(con, stored_ids + absorbed_ids)
    shared_sources = _sources_of_absorbed(con, [j for j in joinings if j.absorbed])
    # The summaries a batch reads: every one of the absorbed merged events, and the survivor's
    # current best and the dates that its new reports or the absorbed summaries bring.
    date_rows = _date_rows(con, set(), absorbed_ids) if absorbed_ids else {}
    wanted = {(j.merged_id, d) for j in joinings if j.stored
              for d in (previous[j.merged_id]["date"], *(r["date"] for r in j.reports),
                        *(row["date"] for a in j.absorbed for row in date_rows.get(a, ())))}
    for merged_id, rows in _date_rows(con, wanted, []).items():
        date_rows.setdefault(merged_id, []).extend(rows)

    changed_rows, merged_rows = [], []
    for j in joinings:
        summaries: dict = {}
        changed: set = set()
        for merged_id in ([j.merged_id] if j.stored else []) + j.absorbed:
            for row in date_rows.get(merged_id, ()):
                _add(summaries, row["date"], row["votes"], {k: row[k] for k in REPORT_FIELDS})
                if merged_id != j.merged_id:
                    changed.add(row["date"])
        for report in j.reports:
            _add(summaries, report["date"], 1, {k: report[k] for k in REPORT_FIELDS})
            changed.add(report["date"])
        best = min(summaries.values(), key=DateSummary.rank).best
        before = [previous[m] for m in ([j.merged_id] if j.stored else []) + j.absorbed]
        # A batch's reports come from documents new to the store: each adds its document once.
        n_sources = ((previous[j.merged_id]["n_sources"] if j.stored else 0) + shared_sources.get(j.merged_id, 0)
                     + len({r["doc_key"] for r in j.reports}))
        dates = {d for p in before for d in p["dates_reported"] or ()} | {
            r["date"] for r in j.reports if r["date"] is not None}
        merged_rows.append({"merged_id": j.merged_id, **{k: best[k] for k in REPORT_FIELDS[2:11]},
                            "n_sources": n_sources, "best_doc_key": best["doc_key"],
                            "best_event_id": best["event_id"], "dates_reported": sorted(dates)})
        changed_rows += [{"merged_id": j.merged_id, "votes": summaries[d].votes, **summaries[d].best}
                         for d in sorted(changed, key=lambda d: (d is None, d or ""))]

    for j in joinings:
        if j.absorbed:
            con.execute("UPDATE events SET merged_id = ? WHERE merged_id IN (SELECT unnest(?::VARCHAR[]))",
                        [j.merged_id, j.absorbed])
    gone = sorted({(m, row["date"]) for m in absorbed_ids for row in date_rows.get(m, ())}
                  | {(r["merged_id"], r["date"]) for r in changed_rows}, key=_pair_order)
    if gone:
        con.execute("DELETE FROM merged_event_dates AS d USING (SELECT unnest(?::VARCHAR[]) AS merged_id, "
                    "unnest(?::VARCHAR[]) AS date) w "
                    "WHERE d.merged_id = w.merged_id AND d.date IS NOT DISTINCT FROM w.date",
                    [[m for m, _ in gone], [d for _, d in gone]])
    _insert(con, "merged_event_dates", changed_rows, _DATE_ROW)
    if absorbed_ids:
        con.execute("DELETE FROM merged_events WHERE merged_id IN (SELECT unnest(?::VARCHAR[]))", [absorbed_ids])
    fresh = {j.merged_id: j.reports[0] for j in joinings if not j.stored}
    for row in merged_rows:
        if row["merged_id"] in fresh:
            first = fresh[row["merged_id"]]
            row.update(category=first["category"], quad_class=first["quad_class"], modality=first["modality"])
    _insert(con, "merged_events", [r for r in merged_rows if r["merged_id"] in fresh], _MERGED_NEW)
    updated = [r for r in merged_rows if r["merged_id"] not in fresh]
    if updated:
        _register(con, "_merged_updates", updated, _MERGED_SHOWN)
        try:
            con.execute("UPDATE merged_events AS m SET " + ", ".join(f"{c} = u.{c}" for c in _MERGED_SHOWN[1:])
                        + " FROM _merged_updates u WHERE m.merged_id = u.merged_id")
        finally:
            con.unregister("_merged_updates")


# merged_events' columns a batch sets: those it shows (updated), and with them a new event's kind.
_MERGED_SHOWN = ("merged_id", "day", "date", "date_precision", "source_country", "target_country", "place_country",
                 "place_feature", "lat", "lon", "n_sources", "best_doc_key", "best_event_id", "dates_reported")
_MERGED_NEW = (*_MERGED_SHOWN, "category", "quad_class", "modality")


def _add(summaries: dict, date, votes: int, report: dict) -> None:
    if date in summaries:
        summaries[date].add(votes, report)
    else:
        summaries[date] = DateSummary(votes, report)


def _pair_order(pair: tuple) -> tuple:
    return pair[0], pair[1] is None, pair[1] or ""


def _merged_rows(con, merged_ids: list[str]) -> dict[str, dict]:
    if not merged_ids:
        return {}
    rows = con.execute("SELECT merged_id, n_sources, date, dates_reported FROM merged_events "
                       "WHERE merged_id IN (SELECT unnest(?::VARCHAR[]))", [merged_ids]).fetchall()
    return {m: {"n_sources": n, "date": d, "dates_reported": dates} for m, n, d, dates in rows}


def _sources_of_absorbed(con, joinings: list[Joining]) -> dict[str, int]:
    """Per merged event that absorbs others: how many documents their reports add to its own
    (an article may have reports in two merged events a later report joins)."""
    if not joinings:
        return {}
    owner = {a: j.merged_id for j in joinings for a in j.absorbed}
    rows = con.execute(
        "SELECT DISTINCT merged_id, doc_key FROM events WHERE merged_id IN (SELECT unnest(?::VARCHAR[])) "
        "AND doc_key IN (SELECT doc_key FROM events WHERE merged_id IN (SELECT unnest(?::VARCHAR[])))",
        [[j.merged_id for j in joinings] + list(owner), list(owner)]).fetchall()
    own = {(m, k) for m, k in rows if m not in owner}
    added = {(owner[m], k) for m, k in rows if m in owner} - own
    counts: dict[str, int] = {}
    for merged_id, _ in added:
        counts[merged_id] = counts.get(merged_id, 0) + 1
    return counts


def _date_rows(con, wanted: set, absorbed_ids: list[str]) -> dict[str, list[dict]]:
    """The stored summaries of the (merged event, date) pairs ``wanted`` and every summary of
    the absorbed merged events, by merged event."""
    pairs = sorted(wanted, key=_pair_order)
    columns = ", ".join(f"d.{c}" for c in _DATE_ROW)
    rows = con.execute(
        f"SELECT {columns} FROM merged_event_dates d JOIN (SELECT unnest(?::VARCHAR[]) AS merged_id, "
        "unnest(?::VARCHAR[]) AS date) w ON d.merged_id = w.merged_id AND d.date IS NOT DISTINCT FROM w.date "
        f"UNION ALL SELECT {columns} FROM merged_event_dates d WHERE d.merged_id IN (SELECT unnest(?::VARCHAR[]))",
        [[m for m, _ in pairs], [d for _, d in pairs], absorbed_ids]).fetchall()
    out: dict[str, list[dict]] = {}
    for values in rows:
        row = dict(zip(_DATE_ROW, values))
        out.setdefault(row["merged_id"], []).append(row)
    return out


def _arrow_types():
    import pyarrow as pa

    text = pa.string()
    return {"merged_id": text, "votes": pa.int32(), "doc_key": text, "event_id": text, "day": pa.date32(),
            "date": text, "date_precision": text, "source_country": text, "target_country": text,
            "place_country": text, "place_feature": text, "lat": pa.float64(), "lon": pa.float64(),
            "confidence": pa.float64(), "n_sources": pa.int32(), "best_doc_key": text, "best_event_id": text,
            "dates_reported": pa.list_(text), "category": text, "quad_class": pa.int32(), "modality": text}


def _register(con, name: str, rows: list[dict], columns: tuple) -> None:
    import pyarrow as pa

    types = _arrow_types()
    con.register(name, pa.table({c: pa.array([r[c] for r in rows], type=types[c]) for c in columns}))


def _insert(con, table: str, rows: list[dict], columns: tuple) -> None:
    if not rows:
        return
    _register(con, "_merged_rows", rows, columns)
    try:
        names = ", ".join(columns)
        con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _merged_rows")
    finally:
        con.unregister("_merged_rows")
