"""Writing the store: one batch of coded documents per transaction (documents, their parts,
quarantine), merging each batch's events into merged events, and write tokens. It stores
what it is given: coding documents and feeding them here is eventwire.ingest's work."""
from __future__ import annotations

import datetime as dt
import json
import os
import sys as _sys
from dataclasses import dataclass, field, replace

import duckdb

from .. import merge
from ..document import Document
from ..errors import EventwireError
from ..record import ErrorInfo, ErrorRecord, Record
from . import merged as merged_events
from .query import _token_hash

# DuckDB checkpoints (writes what the write-ahead log holds into the file) inside the COMMIT that
# takes the log past ``checkpoint_threshold``. In a long-running writer a checkpoint's cost grows
# with the store, so at DuckDB's fixed 16 MiB its cost per document
# grew with the store too (bench/RESULTS.md, issue 24, eighth session). The threshold follows the
# file instead: a share of its size, so checkpoints come less often as the store grows and their
# cost per document stays flat. Committed batches are durable either way (the log is synced at
# each COMMIT); what grows is the log a crash leaves to replay on opening, at most this share.
CHECKPOINT_SHARE = 0.25
MIN_CHECKPOINT_BYTES = 16 * 2 ** 20  # DuckDB's default: a small store checkpoints as before

@dataclass
class IngestStats:
    read: int = 0
    stored: int = 0
    quarantined: int = 0
    skipped: int = 0  # already in the store (same content hash)
    events: int = 0
    errors: dict[str, int] = field(default_factory=dict)

    def add(self, other: "IngestStats") -> None:
        for name in ("read", "stored", "quarantined", "skipped", "events"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for code, n in other.errors.items():
            self.errors[code] = self.errors.get(code, 0) + n


class StoreWrites:
    """The store's writes (mixed into ``Store``, which holds the connection ``con``)."""

    def create_token(self, name: str = "token") -> tuple[str, str]:
        """A new write token: (token_id, token). Only the token's SHA-256 is stored; the token
        itself cannot be shown again."""
        import secrets

        token_id = secrets.token_hex(4)
        token = f"ew_{token_id}_{secrets.token_urlsafe(32)}"
        self.con.execute("INSERT INTO api_tokens (token_id, name, token_hash) VALUES (?, ?, ?)",
                         [token_id, name, _token_hash(token)])
        return token_id, token

    def revoke_token(self, token_id: str) -> None:
        row = self.con.execute("UPDATE api_tokens SET revoked_at = coalesce(revoked_at, current_timestamp) "
                               "WHERE token_id = ? RETURNING token_id", [token_id]).fetchone()
        if row is None:
            raise EventwireError("E306", f" ({token_id!r})")

    # --- ingest -----------------------------------------------------------------------
    def known_keys(self, keys: list[str]) -> set[str]:
        if not keys:
            return set()
        rows = self.con.execute(
            "SELECT doc_key FROM documents WHERE doc_key IN (SELECT unnest(?)) "
            "UNION SELECT doc_key FROM quarantine WHERE doc_key IN (SELECT unnest(?))",
            [keys, keys]).fetchall()
        return {k for (k,) in rows}

    def write_batch(self, results: list[tuple[Document, Record | ErrorRecord]]) -> IngestStats:
        """Store one batch in one transaction: documents, their parts, quarantine, merges.

        When the batch fails for a reason other than the disk, each document is stored again
        in its own transaction, and one that still fails is quarantined (E202): one poison
        document never costs the others. A failed write to the file itself raises E305."""
        try:
            return self._write_all(results)
        except EventwireError:
            raise
        except Exception as exc:
            if _is_file_failure(exc):
                raise _write_error(self.path, exc) from None
            if len(results) == 1:
                return self._write_poison(results[0])
        stats = IngestStats()
        for one in results:
            try:
                stats.add(self._write_all([one]))
            except EventwireError:
                raise
            except Exception as exc:
                if _is_file_failure(exc):
                    raise _write_error(self.path, exc) from None
                stats.add(self._write_poison(one))
        return stats

    def _write_poison(self, result: tuple[Document, Record | ErrorRecord]) -> IngestStats:
        """A document whose storing fails: its quarantine record instead (E202)."""
        import logging

        document, record = result
        logging.getLogger(__name__).exception("storing %s failed", document.id)
        exc = _sys.exc_info()[1]
        error = EventwireError("E202", f"{type(exc).__name__}: {str(exc)[:300]}")
        raw = document.raw if document.raw is not None else document.text.encode("utf-8", "replace")
        poison = ErrorRecord(id=document.id, title=document.title, url=document.url, source=document.source,
                             error=ErrorInfo(code=error.code, message=error.message))
        try:
            return self._write_all([(replace(document, raw=raw), poison)])
        except Exception as exc2:
            if _is_file_failure(exc2):
                raise _write_error(self.path, exc2) from None
            raise

    def follow_checkpoint_threshold(self) -> None:
        """Set DuckDB's checkpoint threshold to :data:`CHECKPOINT_SHARE` of the store file
        (at least :data:`MIN_CHECKPOINT_BYTES`); changed only when the file has grown by a
        quarter since, so that a batch rarely pays a statement for it."""
        try:
            size = os.path.getsize(self.path)
        except OSError:
            return  # an in-memory store has no file and no log
        wanted = max(MIN_CHECKPOINT_BYTES, int(size * CHECKPOINT_SHARE))
        current = getattr(self, "_checkpoint_bytes", None)
        if current is None or not current <= wanted < 1.25 * current:
            self.con.execute(f"SET checkpoint_threshold = '{wanted}B'")
            self._checkpoint_bytes = wanted

    def _write_all(self, results: list[tuple[Document, Record | ErrorRecord]]) -> IngestStats:
        stats = IngestStats()
        con = self.con
        self._pending_events = []
        self._pending_parts = {table: [] for table in self._PART_COLUMNS}
        con.execute("BEGIN TRANSACTION")
        try:
            for document, record in results:
                key = document.content_hash
                if isinstance(record, ErrorRecord):
                    con.execute(
                        "INSERT OR IGNORE INTO quarantine (doc_key, id, title, date, url, source, code, message, raw) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [key, record.id, record.title, record.date, record.url, document.source,
                         record.error.code, record.error.message, document.raw])
                    stats.quarantined += 1
                    stats.errors[record.error.code] = stats.errors.get(record.error.code, 0) + 1
                    continue
                self._insert_record(key, document, record)
                stats.stored += 1
                stats.events += len(record.events)
            self._insert_parts()
            self._merge_batch(self._pending_events)
            con.execute("COMMIT")
        except BaseException:
            # DuckDB may already have ended a transaction that failed on the file ("cannot
            # rollback - no transaction is active"): the original error is the one to report.
            try:
                con.execute("ROLLBACK")
            except duckdb.Error:
                pass
            raise
        self.follow_checkpoint_threshold()
        return stats

    # Each table's columns in the order its rows are built below.
    _PART_COLUMNS = {
        "documents": ("doc_key", "id", "title", "date", "url", "language", "source", "text", "record"),
        "actors": ("doc_key", "actor_id", "name", "type", "country", "sector", "code", "n_mentions"),
        "times": ("doc_key", "start", "end", "text", "type", "value"),
        "places": ("doc_key", "start", "end", "text", "name", "feature", "country", "admin1", "lat", "lon",
                   "geonameid"),
        "quotes": ("doc_key", "start", "end", "text", "direct", "cue", "date", "speaker_text", "speaker_actor"),
    }

    def _insert_record(self, key: str, document: Document, record: Record) -> None:
        """Queue a record's rows; :meth:`_insert_parts` writes the whole batch's at once (one
        INSERT a table, not one per row: DuckDB's executemany costs ~100 ms a document)."""
        rows = self._pending_parts
        rows["documents"].append([key, record.id, record.title, record.date, record.url, record.language,
                                  document.source, record.text, record.to_json()])
        rows["actors"] += [[key, a.id, a.name, a.type, a.country, a.sector, a.code, len(a.mentions)]
                           for a in record.actors]
        rows["times"] += [[key, t.start, t.end, t.text, t.type, t.value] for t in record.times]
        rows["places"] += [[key, p.start, p.end, p.text, p.name, p.feature, p.country, p.admin1, p.lat, p.lon,
                            p.geonameid] for p in record.places]
        rows["quotes"] += [[key, q.start, q.end, q.text, q.direct, q.cue, q.date,
                            q.speaker.text if q.speaker else None, q.speaker.actor if q.speaker else None]
                           for q in record.quotes]
        features = {p.geonameid: p.feature for p in record.places if p.geonameid is not None}
        terms = merge.article_terms(record.text) if record.events else None
        for event in record.events:
            self._pending_events.append(event_row(key, record, event, features, terms))

    def _insert_parts(self) -> None:
        import pyarrow as pa

        for table, rows in self._pending_parts.items():
            if not rows:
                continue
            columns = self._PART_COLUMNS[table]
            arrow = pa.table({name: [row[k] for row in rows] for k, name in enumerate(columns)})
            self.con.register("_new_parts", arrow)
            try:
                names = ", ".join(f'"{c}"' for c in columns)
                self.con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _new_parts")
            finally:
                self.con.unregister("_new_parts")

    def _merge_batch(self, rows: list[dict]) -> None:
        """Merge a batch's new reports into the stored merged events, then store them.

        One query fetches every stored report that could match any new one (same category,
        overlapping dates); matching happens in Python; a merged event is a connected group
        of matching reports, so a new report that matches two merged events joins them. The
        matches of an undated report (with another undated report, or a timeless one with a
        dated report of its country, :func:`merge.is_timeless`) are weighed last, strongest
        first, and never join two merged events whose dates are days apart
        (:func:`merge.dates_days_apart`): an undated report says nothing of when, so it must not
        be what ties two dated events together.
        """
        if not rows:
            return
        con = self.con
        probes = [_block_probe(r) for r in rows]
        cur = self._candidate_reports(probes)
        names = [d[0] for d in cur.description]
        # Stored reports bucketed by (category, day), so each new report is scored only against
        # its own block, not against every candidate the batch fetched.
        stored: dict[tuple, list[dict]] = {}
        # And by (category, country, timeless): what a dated report and a timeless one may meet.
        stored_by_country: dict[tuple, list[dict]] = {}
        for values in cur.fetchall():
            old = dict(zip(names, values))
            stored.setdefault((old["category"], old["day"]), []).append(old)
            if old["place_country"] and (old["day"] is not None or merge.is_timeless(old)):
                stored_by_country.setdefault(_country_key(old), []).append(old)

        parent: dict = {}

        def find(x):
            while parent.setdefault(x, x) != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        def union(a, b):
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)

        earlier: dict[tuple, list[tuple[int, dict]]] = {}  # this batch's reports, bucketed alike
        earlier_by_country: dict[tuple, list[tuple[int, dict]]] = {}
        undated_links = []  # (score, new report's node, the other's node): weighed after the rest
        for i, (row, probe) in enumerate(zip(rows, probes)):
            node = ("n", i)
            find(node)
            undated = row["day"] is None
            for key in ((row["category"], day) for day in _block_days(probe)):
                for old in stored.get(key, ()):
                    score = merge.match_score(row, old)
                    if score >= self.match_threshold:
                        if undated:
                            undated_links.append((score, node, ("m", _merged_number(old["merged_id"]))))
                        else:
                            union(("m", _merged_number(old["merged_id"])), node)
                for j, other in earlier.get(key, ()):
                    score = merge.match_score(row, other)
                    if score >= self.match_threshold:
                        if undated:
                            undated_links.append((score, node, ("n", j)))
                        else:
                            union(("n", j), node)
            if row["place_country"] and (not undated or merge.is_timeless(row)):
                # A dated report meets the timeless ones of its country; a timeless one, the dated.
                met = _country_key(row, met_by=True)
                for old in stored_by_country.get(met, ()):
                    score = merge.match_score(row, old)
                    if score >= self.match_threshold:
                        undated_links.append((score, node, ("m", _merged_number(old["merged_id"]))))
                for j, other in earlier_by_country.get(met, ()):
                    score = merge.match_score(row, other)
                    if score >= self.match_threshold:
                        undated_links.append((score, node, ("n", j)))
                earlier_by_country.setdefault(_country_key(row), []).append((i, row))
            earlier.setdefault((row["category"], row["day"]), []).append((i, row))
        if undated_links:
            self._join_undated_links(undated_links, rows, parent, find, union)

        components: dict = {}
        for x in list(parent):
            components.setdefault(find(x), []).append(x)
        fresh = [c for c in components.values() if not any(k == "m" for k, _ in c)]
        new_ids = iter(f"M{n}" for (n,) in con.execute(
            "SELECT nextval('merged_seq') FROM range(?)", [len(fresh)]).fetchall())
        joinings = []
        for members in components.values():
            stored = sorted(n for k, n in members if k == "m")
            if stored:
                joining = merged_events.Joining(f"M{stored[0]}", True, [f"M{n}" for n in stored[1:]])
            else:
                joining = merged_events.Joining(next(new_ids), False)
            for n in sorted(n for k, n in members if k == "n"):
                rows[n]["merged_id"] = joining.merged_id
                joining.reports.append(rows[n])
            joinings.append(joining)
        merged_events.update_merged_events(con, joinings)
        import pyarrow as pa

        con.register("_new_events", pa.Table.from_pylist(rows))
        try:
            con.execute("INSERT INTO events BY NAME SELECT * FROM _new_events")
        finally:
            con.unregister("_new_events")

    def _join_undated_links(self, links: list[tuple], rows: list[dict], parent: dict, find, union) -> None:
        """Join the matches of an undated report, strongest first, unless the two groups (stored
        merged events and this batch's reports, as the batch's other links left them) hold
        dates days apart."""
        for _, a, b in links:
            find(a), find(b)
        stored_ids = sorted(n for k, n in parent if k == "m")  # every stored merged event the batch touches
        days: dict = {}
        for (merged_id, day) in self.con.execute(
                "SELECT merged_id, day FROM merged_event_dates WHERE date_precision = 'day' AND merged_id IN "
                "(SELECT unnest(?::VARCHAR[]))", [[f"M{n}" for n in stored_ids]]).fetchall():
            days.setdefault(("m", _merged_number(merged_id)), set()).add(day)
        for i, row in enumerate(rows):
            if row["day"] is not None and (row["date_precision"] or "day") == "day":
                days.setdefault(("n", i), set()).add(row["day"])
        # The groups this batch's other links already made carry their members' dates.
        by_root: dict = {}
        for node, node_days in days.items():
            by_root.setdefault(find(node), set()).update(node_days)
        for score, a, b in sorted(links, key=lambda t: (-t[0], t[1], t[2])):
            ra, rb = find(a), find(b)
            if ra == rb or merge.dates_days_apart(by_root.get(ra, ()), by_root.get(rb, ())):
                continue
            union(a, b)
            joined = by_root.pop(ra, set()) | by_root.pop(rb, set())
            by_root[find(a)] = joined

    def _candidate_reports(self, probes: list[tuple]):
        """A cursor over every stored report that could match one of the batch's new reports
        (:func:`_block_probe`'s rule), read without a pass over the whole store's rows: the
        row numbers first, by equality joins on narrow columns (:func:`_block_keys`), then the
        rule itself on those few rows, then their full rows. (Testing the rule against every
        stored report copied each whole row and cost the store's size times the batch's.)"""
        by_day, by_article, undated_categories, timeless_wanted, dated_wanted = _block_keys(probes)
        return self.con.execute(
            "WITH reached AS ("
            "SELECT e.rowid AS rid, e.category, e.day, e.date_precision, e.doc_date, e.place_country FROM events e "
            "JOIN (SELECT unnest(?::VARCHAR[]) AS cat, unnest(?::DATE[]) AS day) k "
            "ON e.category = k.cat AND e.day = k.day "
            "UNION SELECT e.rowid, e.category, e.day, e.date_precision, e.doc_date, e.place_country FROM events e "
            "JOIN (SELECT unnest(?::VARCHAR[]) AS cat, unnest(?::DATE[]) AS published) k "
            "ON e.category = k.cat AND e.doc_date IS NOT DISTINCT FROM k.published "
            "UNION SELECT e.rowid, e.category, e.day, e.date_precision, e.doc_date, e.place_country FROM events e "
            "WHERE e.day IS NULL AND e.category IN (SELECT unnest(?::VARCHAR[])) "
            "UNION SELECT e.rowid, e.category, e.day, e.date_precision, e.doc_date, e.place_country FROM events e "
            "JOIN (SELECT unnest(?::VARCHAR[]) AS cat, unnest(?::VARCHAR[]) AS country) k "
            "ON e.category = k.cat AND e.place_country = k.country WHERE e.day IS NULL AND e.doc_date IS NULL "
            "UNION SELECT e.rowid, e.category, e.day, e.date_precision, e.doc_date, e.place_country FROM events e "
            "JOIN (SELECT unnest(?::VARCHAR[]) AS cat, unnest(?::VARCHAR[]) AS country) k "
            "ON e.category = k.cat AND e.place_country = k.country WHERE e.day IS NOT NULL), "
            f"matching AS (SELECT rid FROM reached e WHERE EXISTS (SELECT 1 FROM {_PROBES_SQL} p WHERE {_PROBE_RULE_SQL})) "
            "SELECT * FROM events WHERE rowid IN (SELECT rid FROM matching)",
            [*_key_columns(by_day), *_key_columns(by_article), sorted(undated_categories),
             *_key_columns(timeless_wanted), *_key_columns(dated_wanted), *[list(col) for col in zip(*probes)]])


# A batch's probes (:func:`_block_probe`, one column each) and which stored report ``e`` a
# probe ``p`` reaches: same category, a date that can overlap its own (or, when one of the two
# is dated and nothing places the other in time, the same country of place) and, when either
# date is coarse, an article published within merge's window (the rule merge.compare applies).
_PROBES_SQL = ("(SELECT unnest(?::VARCHAR[]) AS cat, unnest(?::DATE[]) AS lo, unnest(?::DATE[]) AS hi, "
               "unnest(?::DATE[]) AS ms, unnest(?::DATE[]) AS ys, unnest(?::BOOLEAN[]) AS nd, "
               "unnest(?::BOOLEAN[]) AS coarse, unnest(?::DATE[]) AS pub_lo, unnest(?::DATE[]) AS pub_hi, "
               "unnest(?::VARCHAR[]) AS country)")
_PROBE_RULE_SQL = (
    "e.category = p.cat AND ((p.nd AND e.day IS NULL) OR (NOT p.nd AND (e.day BETWEEN p.lo AND p.hi "
    "OR (e.day = p.ms AND e.date_precision = 'month') OR (e.day = p.ys AND e.date_precision = 'year'))) "
    "OR (e.place_country = p.country AND ((p.nd AND p.pub_lo IS NULL AND e.day IS NOT NULL) "
    "OR (NOT p.nd AND e.day IS NULL AND e.doc_date IS NULL)))) "
    "AND (NOT (p.coarse OR e.day IS NULL OR e.date_precision = 'year') OR p.pub_lo IS NULL "
    "OR e.doc_date IS NULL OR e.doc_date BETWEEN p.pub_lo AND p.pub_hi)")


def _block_probe(row: dict) -> tuple:
    """What stored reports a new report could match, as (category, lo, hi, month_start,
    year_start, no_day, coarse, published_from, published_to, country): same category, a date
    that can overlap its own (a day's slack for day-precise dates; coarser dates match inside
    them) and, when either date is coarse, an article published within merge's window; a dated
    report and one that nothing places in time meet in the same country of place."""
    day, precision, cat = row["day"], row["date_precision"] or "day", row["category"]
    country = row.get("place_country") or None
    published = row.get("doc_date")
    window = dt.timedelta(days=merge.PUBLICATION_WINDOW_DAYS)
    pub = (published - window, published + window) if published else (None, None)
    coarse = merge.is_coarse(row)
    if day is None:
        return cat, None, None, None, None, True, coarse, *pub, country
    year_start = dt.date(day.year, 1, 1)
    if precision == "year":
        return (cat, year_start - dt.timedelta(days=1), dt.date(day.year, 12, 31) + dt.timedelta(days=1),
                None, None, False, coarse, *pub, country)
    month_start = day.replace(day=1)
    if precision == "month":
        month_end = (month_start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return (cat, month_start - dt.timedelta(days=1), month_end + dt.timedelta(days=1), None,
                year_start, False, coarse, *pub, country)
    return (cat, day - dt.timedelta(days=1), day + dt.timedelta(days=1), month_start, year_start, False,
            coarse, *pub, country)


def _block_days(probe: tuple) -> list:
    """The stored ``day`` values a probe reaches: every day of its range, the month and year
    starts that coarser reports are stored under, or None for an undated report. (Reports
    are stored under the first day their date can mean; the probe's SQL filter is the same.)"""
    _, lo, hi, month_start, year_start, no_day = probe[:6]
    if no_day:
        return [None]
    days = [lo + dt.timedelta(days=k) for k in range((hi - lo).days + 1)]
    return days + [d for d in (month_start, year_start) if d is not None and not lo <= d <= hi]


def _block_keys(probes: list[tuple]) -> tuple[set, set, set, set, set]:
    """Equality keys that reach every stored report a batch's probes may match, each a few
    days of the feed: (category, day) for the days a dated probe reaches (:func:`_block_days`);
    (category, article's day) for the days around a coarse report's article (None: stored
    reports of undated articles, which a coarse report may meet whenever); and the categories
    of undated reports of undated articles, which may meet any undated report of theirs.
    A year-precise report of a dated article is reached through its article's days, not the
    year's 365. And by (category, country of place): for a dated report, the stored reports that
    nothing places in time (``timeless_wanted``); for a report that nothing places in time, the
    dated ones (``dated_wanted``)."""
    by_day, by_article, undated_categories, timeless_wanted, dated_wanted = set(), set(), set(), set(), set()
    for probe in probes:
        category, no_day, coarse, published_from, published_to, country = probe[0], *probe[5:]
        if country is not None:
            if not no_day:
                timeless_wanted.add((category, country))
            elif published_from is None:
                dated_wanted.add((category, country))
        if coarse and published_from is not None:
            span = (published_to - published_from).days
            by_article.update((category, published_from + dt.timedelta(days=k)) for k in range(span + 1))
            by_article.add((category, None))
        elif no_day:
            undated_categories.add(category)
        else:
            by_day.update((category, day) for day in _block_days(probe))
    return by_day, by_article, undated_categories, timeless_wanted, dated_wanted


def _country_key(row: dict, met_by: bool = False) -> tuple:
    """Where a dated or timeless report is filed by its country (``met_by``: where the reports
    it may meet are filed): a dated report and a timeless one meet in one country."""
    timeless = row["day"] is None
    return row["category"], row["place_country"], timeless != met_by


def _key_columns(keys: set) -> list[list]:
    ordered = sorted(keys, key=lambda k: (k[0], k[1] is None, k[1] or dt.date.min))
    return [[k[0] for k in ordered], [k[1] for k in ordered]]


def _merged_number(merged_id: str) -> int:
    return int(merged_id[1:])


def event_row(key: str, record: Record, event, features: dict, terms: list[str] | None = None) -> dict:
    """The ``events`` row of one report; ``terms``, the article's (merge.article_terms), is
    computed here when the caller has not done it once for all the article's events."""
    src, tgt, place = event.source, event.target, event.place
    day = merge.event_day(event.date, event.date_precision)
    return {
        "doc_key": key, "event_id": event.id, "doc_id": record.id,
        "doc_date": dt.date.fromisoformat(record.date) if record.date else None,
        "url": record.url, "category": event.category, "mode": event.mode, "cameo": event.cameo,
        "goldstein": event.goldstein, "quad_class": event.quad_class,
        "acled_event_type": event.acled_event_type,
        "source_actor": src.actor if src else None, "source_text": src.text if src else None,
        "source_country": src.country if src else None, "source_sector": src.sector if src else None,
        "target_actor": tgt.actor if tgt else None, "target_text": tgt.text if tgt else None,
        "target_country": tgt.country if tgt else None, "target_sector": tgt.sector if tgt else None,
        "date": event.date, "date_precision": event.date_precision, "day": day,
        "place_name": place.name if place else None, "place_country": place.country if place else None,
        "place_feature": (place.feature or features.get(place.geonameid)) if place else None,
        "lat": place.lat if place else None, "lon": place.lon if place else None,
        "geonameid": place.geonameid if place else None,
        "modality": event.modality,
        "sentence_start": event.sentence.start, "sentence_end": event.sentence.end,
        "evidence_start": event.evidence.start, "evidence_end": event.evidence.end,
        "evidence": event.evidence.text, "confidence": event.confidence,
        "sentence": record.text[event.sentence.start:event.sentence.end],
        "casualties": _json(event.casualties),
        "killed": event.casualties.killed.count if event.casualties and event.casualties.killed else None,
        "injured": event.casualties.injured.count if event.casualties and event.casualties.injured else None,
        "place_admin1": place.admin1 if place else None,
        "source_place": _json(src.place if src else None),
        "target_place": _json(tgt.place if tgt else None),
        "is_lead": in_lead(record.text, event.sentence.start),
        "mentions": json.dumps([m.model_dump() for m in event.mentions]) if event.mentions else None,
        "claimed_by": _json(event.claimed_by),
        "place_from": place.from_ if place else None,
        "place_start": place.start if place else None, "place_end": place.end if place else None,
        "article_terms": merge.article_terms(record.text) if terms is None else terms,
    }


def _json(part) -> str | None:
    return None if part is None else part.model_dump_json(by_alias=True)


def in_lead(text: str, start: int) -> bool:
    """Whether a sentence starting at ``start`` is in the article's lead: its first paragraph
    (up to the first line break), or its first sentence when it has no line break."""
    body = len(text) - len(text.lstrip())
    brk = text.find("\n", body)
    if brk < 0:
        return not text[:start].strip()
    return start < brk


_FILE_FAILURES = ("No space left", "Could not write file", "Read-only file system", "Disk quota",
                  "database has been invalidated", "Could not fsync")


def _is_file_failure(exc: Exception) -> bool:
    """Whether a write failed on the store's file rather than on the document: DuckDB reports a
    full disk as an IOException, or as a TransactionException when the commit hits it."""
    return isinstance(exc, (duckdb.IOException, duckdb.FatalException)) or any(
        text in str(exc) for text in _FILE_FAILURES)


def _write_error(path: str, exc: Exception) -> EventwireError:
    """A failed write to the store's file (full disk, read-only or vanished file) as E305."""
    return EventwireError("E305", f" at {path} ({str(exc).splitlines()[0][:300]})")


def _suppress_duckdb():
    """For a ROLLBACK after a failure: DuckDB may have ended the transaction already."""
    import contextlib

    return contextlib.suppress(duckdb.Error)
