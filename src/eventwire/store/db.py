"""The embedded DuckDB store: the only module that writes SQL.

It stores what it is given, one batch per transaction (coding documents and feeding them here
is eventwire.ingest's work: the store never imports the pipeline).
"""
from __future__ import annotations

import datetime as dt
import json
import math
import re
import sys as _sys
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any, Optional

import duckdb

from .. import merge
from ..document import Document
from ..errors import EventwireError
from ..record import SCHEMA, ErrorInfo, ErrorRecord, Record

_MIGRATION_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


def _migrations() -> list[tuple[int, str, str]]:
    folder = resources.files("eventwire.store").joinpath("migrations")
    out = []
    for entry in folder.iterdir():
        if m := _MIGRATION_NAME.match(entry.name):
            out.append((int(m.group(1)), entry.name, entry.read_text()))
    return sorted(out)


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


@dataclass
class EventQuery:
    """Filters over merged events; every value goes to SQL as a parameter."""
    start: Optional[dt.date] = None
    end: Optional[dt.date] = None
    country: Optional[str] = None          # actor or place country, ISO3
    actor: Optional[str] = None            # a resolved actor's name or code, a side's code or its words
    category: Optional[str] = None
    quad_class: Optional[int] = None
    modality: Optional[str] = "asserted"   # None: any modality
    min_sources: int = 1
    bbox: Optional[tuple[float, float, float, float]] = None  # west, south, east, north
    text: Optional[str] = None             # words in the evidence
    undated: bool = False                  # only the events no report dates
    sort: str = "date"                     # a key of SORT_KEYS, "-" first for descending
    limit: int = 100
    offset: int = 0

    @classmethod
    def from_params(cls, *, modality: Optional[str] = "asserted", bbox: Optional[str] = None,
                    **fields) -> "EventQuery":
        """A query from the filters as a user gives them, the same for the command line and
        the API: modality "any" for every modality, bbox as "W,S,E,N" (ValueError with
        BBOX_HELP when malformed); every other field as EventQuery has it."""
        return cls(modality=None if modality == "any" else modality, bbox=parse_bbox(bbox), **fields)


@dataclass
class QuoteQuery:
    """Filters over quotes; every value goes to SQL as a parameter."""
    speaker: Optional[str] = None   # letters of the speaker's name (resolved actor) or words
    actor: Optional[str] = None     # the speaker's resolved actor: its name or code, exactly
    text: Optional[str] = None      # words in the quote
    start: Optional[dt.date] = None  # said (else published) on or after
    end: Optional[dt.date] = None
    doc: Optional[str] = None       # one document's id
    limit: int = 100
    offset: int = 0


MAX_LIMIT = 10_000
BBOX_HELP = ("bbox is WEST,SOUTH,EAST,NORTH in degrees (latitudes -90..90, SOUTH <= NORTH; "
             "WEST > EAST crosses the date line)")
# Orders the event list can take: the SQL of each key over merged_events ``m``. Undated events
# and events with no country or place go last in either direction.
SORT_KEYS = {"date": "m.day", "sources": "m.n_sources", "category": "m.category",
             "country": "coalesce(m.place_country, m.source_country)", "quad_class": "m.quad_class"}
SORT_HELP = "date, sources, category, country or quad_class; a leading '-' sorts descending"


def parse_bbox(text: str | None) -> tuple[float, float, float, float] | None:
    """``"W,S,E,N"`` as four floats; None when absent; ValueError when malformed.

    Longitudes are wrapped into -180..180 (a map scrolled past the date line gives 190 for
    -170), so a box with WEST > EAST is one that crosses the date line; a box 360 degrees wide
    or more is the whole world."""
    if not text:
        return None
    box = tuple(float(v) for v in text.split(","))
    if len(box) != 4 or not all(math.isfinite(v) for v in box):
        raise ValueError(BBOX_HELP)
    west, south, east, north = box
    if not (-90 <= south <= north <= 90) or east - west > 720 or west - east >= 360:
        raise ValueError(BBOX_HELP)
    if east - west >= 360:
        return -180.0, south, 180.0, north
    return _wrap_lon(west), south, _wrap_lon(east), north


def _wrap_lon(lon: float) -> float:
    """A longitude in -180..180 (180 stays 180: a box's east edge on the date line)."""
    if -180 <= lon <= 180:
        return lon
    return (lon + 180) % 360 - 180


def parse_sort(text: str) -> tuple[str, bool]:
    """``"-date"`` -> (SQL of the key, descending); ValueError for an unknown key."""
    key = text[1:] if text.startswith("-") else text
    if key not in SORT_KEYS:
        raise ValueError(SORT_HELP)
    return SORT_KEYS[key], text.startswith("-")


class Store:
    def __init__(self, path: str | Path, read_only: bool = False, match_threshold: float | None = None):
        self.path = str(path)
        self.read_only = read_only
        # How sure merging must be that two reports are one event (merge.MATCH_THRESHOLD;
        # tune with bench/merge.py --thresholds). Keep one value for the life of a store.
        self.match_threshold = merge.MATCH_THRESHOLD if match_threshold is None else match_threshold
        if (isinstance(self.match_threshold, bool) or not isinstance(self.match_threshold, (int, float))
                or not 0 < self.match_threshold < float("inf")):
            raise EventwireError("E307", repr(match_threshold))  # 0 would merge every pair
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            if "lock" in str(exc).lower():
                # DuckDB: one process writes a file, or any number read it.
                raise EventwireError("E303", f" ({self.path} is open for {'writing' if read_only else 'reading or writing'}"
                                             " elsewhere)") from None
            raise EventwireError("E300", f" at {self.path}: {str(exc).splitlines()[0][:300]}") from None
        if not read_only:
            self.migrate()

    # --- schema -----------------------------------------------------------------------
    def migrate(self) -> None:
        self.con.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                         "version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)")
        applied = {v for (v,) in self.con.execute("SELECT version FROM schema_migrations").fetchall()}
        known = _migrations()
        if applied and max(applied) > max(v for v, _, _ in known):
            raise EventwireError("E301", f" (store at version {max(applied)})")
        for version, name, sql in known:
            if version in applied:
                continue
            self.con.execute("BEGIN TRANSACTION")
            try:
                self.con.execute(sql)
                self.con.execute("INSERT INTO schema_migrations VALUES (?, ?, current_timestamp)",
                                 [version, name])
                self.con.execute("COMMIT")
            except Exception:
                self.con.execute("ROLLBACK")
                raise

    def reader(self) -> "Store":
        """A view on its own cursor for one thread: reads see a consistent snapshot (DuckDB
        MVCC) while this store's connection writes. Close it when done."""
        view = Store.__new__(Store)
        view.path, view.read_only, view.con = self.path, True, self.con.cursor()
        view.match_threshold = self.match_threshold
        return view

    def close(self) -> None:
        self.con.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # --- write tokens for the API -------------------------------------------------------
    def create_token(self, name: str = "token") -> tuple[str, str]:
        """A new write token: (token_id, token). Only the token's SHA-256 is stored; the token
        itself cannot be shown again."""
        import secrets

        token_id = secrets.token_hex(4)
        token = f"ew_{token_id}_{secrets.token_urlsafe(32)}"
        self.con.execute("INSERT INTO api_tokens (token_id, name, token_hash) VALUES (?, ?, ?)",
                         [token_id, name, _token_hash(token)])
        return token_id, token

    def tokens(self) -> list[dict]:
        if not self._has_table("api_tokens"):
            return []
        return self._rows("SELECT token_id, name, CAST(created_at AS VARCHAR) AS created_at, "
                          "CAST(revoked_at AS VARCHAR) AS revoked_at FROM api_tokens ORDER BY created_at, token_id")

    def revoke_token(self, token_id: str) -> None:
        row = self.con.execute("UPDATE api_tokens SET revoked_at = coalesce(revoked_at, current_timestamp) "
                               "WHERE token_id = ? RETURNING token_id", [token_id]).fetchone()
        if row is None:
            raise EventwireError("E306", f" ({token_id!r})")

    def check_token(self, token: str) -> bool:
        """Whether ``token`` is a live (made here, not revoked) write token."""
        if not token or not self._has_table("api_tokens"):
            return False
        row = self.con.execute("SELECT 1 FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL",
                               [_token_hash(token)]).fetchone()
        return row is not None

    def _has_table(self, name: str) -> bool:
        return self.con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ?",
                                [name]).fetchone()[0] > 0

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
        of matching reports, so a new report that matches two merged events joins them.
        """
        if not rows:
            return
        con = self.con
        probes = [_block_probe(r) for r in rows]
        cur = con.execute(
            "SELECT e.* FROM events e WHERE EXISTS (SELECT 1 FROM (SELECT unnest(?::VARCHAR[]) AS cat, "
            "unnest(?::DATE[]) AS lo, unnest(?::DATE[]) AS hi, unnest(?::DATE[]) AS ms, "
            "unnest(?::DATE[]) AS ys, unnest(?::BOOLEAN[]) AS nd, unnest(?::BOOLEAN[]) AS coarse, "
            "unnest(?::DATE[]) AS pub_lo, unnest(?::DATE[]) AS pub_hi) p WHERE e.category = p.cat AND "
            "((p.nd AND e.day IS NULL) OR (NOT p.nd AND (e.day BETWEEN p.lo AND p.hi "
            "OR (e.day = p.ms AND e.date_precision = 'month') OR (e.day = p.ys AND e.date_precision = 'year')))) "
            # coarse reports on either side: only articles published near each other (merge.py)
            "AND (NOT (p.coarse OR e.day IS NULL OR e.date_precision = 'year') OR p.pub_lo IS NULL "
            "OR e.doc_date IS NULL OR e.doc_date BETWEEN p.pub_lo AND p.pub_hi))",
            [list(col) for col in zip(*probes)])
        names = [d[0] for d in cur.description]
        # Stored reports bucketed by (category, day), so each new report is scored only against
        # its own block, not against every candidate the batch fetched.
        stored: dict[tuple, list[dict]] = {}
        for values in cur.fetchall():
            old = dict(zip(names, values))
            stored.setdefault((old["category"], old["day"]), []).append(old)

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
        for i, (row, probe) in enumerate(zip(rows, probes)):
            node = ("n", i)
            find(node)
            for key in ((row["category"], day) for day in _block_days(probe)):
                for old in stored.get(key, ()):
                    if merge.match_score(row, old) >= self.match_threshold:
                        union(("m", _merged_number(old["merged_id"])), node)
                for j, other in earlier.get(key, ()):
                    if merge.match_score(row, other) >= self.match_threshold:
                        union(("n", j), node)
            earlier.setdefault((row["category"], row["day"]), []).append((i, row))

        components: dict = {}
        for x in list(parent):
            components.setdefault(find(x), []).append(x)
        touched: set[str] = set()
        absorbed: list[str] = []
        fresh = [c for c in components.values() if not any(k == "m" for k, _ in c)]
        new_ids = iter(f"M{n}" for (n,) in con.execute(
            "SELECT nextval('merged_seq') FROM range(?)", [len(fresh)]).fetchall())
        new_merged = []
        for members in components.values():
            stored = sorted(n for k, n in members if k == "m")
            if stored:
                merged_id = f"M{stored[0]}"
                absorbed_here = [f"M{n}" for n in stored[1:]]
                if absorbed_here:
                    con.execute("UPDATE events SET merged_id = ? WHERE merged_id IN (SELECT unnest(?))",
                                [merged_id, absorbed_here])
                    absorbed += absorbed_here
            else:
                merged_id = next(new_ids)
                first = rows[min(n for _, n in members)]
                new_merged.append([merged_id, first["category"], first["quad_class"], first["modality"]])
            for k, n in members:
                if k == "n":
                    rows[n]["merged_id"] = merged_id
            touched.add(merged_id)
        if absorbed:
            con.execute("DELETE FROM merged_events WHERE merged_id IN (SELECT unnest(?))", [absorbed])
        if new_merged:
            con.executemany("INSERT INTO merged_events (merged_id, category, quad_class, modality, n_sources) "
                            "VALUES (?, ?, ?, ?, 1)", new_merged)
        import pyarrow as pa

        con.register("_new_events", pa.Table.from_pylist(rows))
        try:
            con.execute("INSERT INTO events BY NAME SELECT * FROM _new_events")
        finally:
            con.unregister("_new_events")
        self._refresh_merged(sorted(touched))

    def _refresh_merged(self, merged_ids: list[str]) -> None:
        """Recompute merged events' best-supported values from all their reports, in SQL:
        a merged event reported thousands of times costs no Python work per report.

        The representative report has the most common date, then the most specific date and
        place, then the highest confidence; ties go to the smallest document key and event id."""
        if not merged_ids:
            return
        self.con.execute(f"""
            UPDATE merged_events AS m SET day = u.day, date = u.date, date_precision = u.date_precision,
                source_country = u.source_country, target_country = u.target_country,
                place_country = u.place_country, place_feature = u.place_feature, lat = u.lat, lon = u.lon,
                n_sources = u.n_sources, best_doc_key = u.doc_key, best_event_id = u.event_id,
                dates_reported = u.dates_reported
            FROM (
                SELECT r.*,
                       count(DISTINCT doc_key) OVER (PARTITION BY merged_id) AS n_sources,
                       list_sort(list_distinct(list(date) OVER (PARTITION BY merged_id))) AS dates_reported
                FROM (SELECT *, count(*) OVER (PARTITION BY merged_id, date) AS votes
                      FROM events WHERE merged_id IN (SELECT unnest(?::VARCHAR[]))) r
                QUALIFY row_number() OVER (PARTITION BY merged_id ORDER BY votes DESC,
                    {_PRECISION_RANK_SQL} DESC, {_FEATURE_RANK_SQL} DESC,
                    coalesce(confidence, 0) DESC, doc_key, event_id) = 1
            ) u
            WHERE m.merged_id = u.merged_id""", [merged_ids])

    # --- watch state (eventwire watch) ---------------------------------------------------
    def feed_validators(self, url: str) -> tuple[str | None, str | None]:
        """(ETag, Last-Modified) of a feed's last full answer, for a conditional request."""
        row = self.con.execute("SELECT etag, last_modified FROM watch_feeds WHERE url = ?", [url]).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def record_feed_answer(self, url: str, kind: str | None, items: list | None,
                           etag: str | None = None, last_modified: str | None = None,
                           parent: str | None = None) -> int:
        """A feed answered: its new article URLs become pending and its validators are kept,
        in one transaction, so a watch killed after this never loses the URLs of an answer
        whose validators it sent (the next answer would be 304). ``items`` (objects with url,
        title and date) is None for 304 Not Modified. Returns the number of new URLs."""
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            new = 0
            if items:
                unique = {item.url: item for item in items}
                rows = con.execute(
                    "INSERT OR IGNORE INTO watch_urls (url, feed, title, feed_date, status) "
                    "SELECT u, ?, t, d, 'pending' FROM (SELECT unnest(?::VARCHAR[]) AS u, "
                    "unnest(?::VARCHAR[]) AS t, unnest(?::DATE[]) AS d) RETURNING url",
                    [url, list(unique), [i.title for i in unique.values()],
                     [i.date for i in unique.values()]]).fetchall()
                new = len(rows)
            con.execute(
                "INSERT INTO watch_feeds (url, kind, parent, etag, last_modified, last_attempt, last_success, "
                "last_error, failures, items) VALUES (?, ?, ?, ?, ?, current_timestamp, current_timestamp, NULL, 0, ?) "
                "ON CONFLICT (url) DO UPDATE SET kind = coalesce(excluded.kind, kind), "
                "parent = coalesce(excluded.parent, parent), "
                "etag = CASE WHEN ? THEN etag ELSE excluded.etag END, "
                "last_modified = CASE WHEN ? THEN last_modified ELSE excluded.last_modified END, "
                "last_attempt = excluded.last_attempt, last_success = excluded.last_success, "
                "last_error = NULL, failures = 0, items = coalesce(excluded.items, items)",
                [url, kind, parent, etag, last_modified, None if items is None else len(items),
                 items is None, items is None])
            con.execute("COMMIT")
        except BaseException:
            with _suppress_duckdb():
                con.execute("ROLLBACK")
            raise
        return new

    def record_feed_failure(self, url: str, error: EventwireError, parent: str | None = None) -> None:
        """A feed that could not be fetched or read: reported, kept, tried again next round."""
        self.con.execute(
            "INSERT INTO watch_feeds (url, parent, last_attempt, last_error, failures) "
            "VALUES (?, ?, current_timestamp, ?, 1) ON CONFLICT (url) DO UPDATE SET "
            "last_attempt = excluded.last_attempt, last_error = excluded.last_error, failures = failures + 1",
            [url, parent, str(error)[:500]])

    def sync_watch_urls(self) -> None:
        """Mark watched URLs whose article the store holds (a document carrying the URL, or
        the address its redirects led to) as stored or quarantined: the documents are the
        truth, this table only follows them."""
        self.con.execute(
            "UPDATE watch_urls AS w SET status = CASE WHEN s.stored THEN 'stored' ELSE 'quarantined' END, "
            "done_at = coalesce(w.done_at, current_timestamp), last_error = NULL "
            "FROM (SELECT url, bool_or(stored) AS stored FROM (SELECT url, TRUE AS stored FROM documents "
            "UNION ALL SELECT url, FALSE FROM quarantine) WHERE url IS NOT NULL GROUP BY url) s "
            "WHERE s.url IN (w.url, w.resolved) AND w.status NOT IN ('stored', 'quarantined')")

    def note_resolved(self, url: str, resolved: str) -> None:
        """Where a watched URL's redirects led: its document is stored under that address."""
        self.con.execute("UPDATE watch_urls SET resolved = ? WHERE url = ?", [resolved, url])

    def due_urls(self, max_attempts: int, limit: int = 100_000) -> list[dict]:
        """Watched URLs to fetch now: pending ones, and failed ones whose wait is over, oldest
        first; never one whose article is stored."""
        return self._rows(
            "WITH held AS (SELECT url FROM documents WHERE url IS NOT NULL "
            "UNION SELECT url FROM quarantine WHERE url IS NOT NULL) "
            "SELECT w.url, w.feed, w.title, w.feed_date, w.attempts FROM watch_urls w "
            "WHERE (w.status = 'pending' OR (w.status = 'failed' AND w.attempts < ? "
            "AND coalesce(w.retry_after, current_timestamp) <= current_timestamp)) "
            "AND w.url NOT IN (SELECT url FROM held) "
            "AND (w.resolved IS NULL OR w.resolved NOT IN (SELECT url FROM held)) "
            "ORDER BY w.found_at, w.url LIMIT ?", [max_attempts, limit])

    def record_url_failure(self, url: str, error: EventwireError, max_attempts: int,
                           retry_in: dt.timedelta, final: bool = False) -> None:
        """A fetch that failed: tried again after ``retry_in``, given up after ``max_attempts``
        or at once when ``final``; a robots.txt refusal (E121) is noted as forbidden."""
        status = "forbidden" if error.code == "E121" else "gave_up"
        self.con.execute(
            "UPDATE watch_urls SET attempts = attempts + 1, last_error = ?, "
            "status = CASE WHEN ? OR attempts + 1 >= ? THEN ? ELSE 'failed' END, "
            "retry_after = current_timestamp + ?, "
            "done_at = CASE WHEN ? OR attempts + 1 >= ? THEN current_timestamp END "
            "WHERE url = ?", [str(error)[:500], final, max_attempts, status, retry_in, final, max_attempts, url])

    def child_feeds(self, parent: str) -> list[str]:
        """The sitemaps a sitemap index listed at its last full answer."""
        return [u for (u,) in self.con.execute(
            "SELECT url FROM watch_feeds WHERE parent = ? ORDER BY url", [parent]).fetchall()]

    def feeds(self) -> list[dict]:
        """Watched feeds with their last success and what became of the articles they listed."""
        if not self._has_table("watch_feeds"):
            return []
        return self._rows(
            "SELECT f.url, f.kind, f.parent, strftime(f.last_success, '%Y-%m-%d %H:%M:%S') AS last_success, "
            "strftime(f.last_attempt, '%Y-%m-%d %H:%M:%S') AS last_attempt, f.last_error, f.failures, f.items, "
            "count(w.url) FILTER (WHERE w.status = 'stored') AS stored, "
            "count(w.url) FILTER (WHERE w.status = 'quarantined') AS quarantined, "
            "count(w.url) FILTER (WHERE w.status IN ('pending', 'failed')) AS waiting, "
            "count(w.url) FILTER (WHERE w.status IN ('forbidden', 'gave_up')) AS not_fetched "
            "FROM watch_feeds f LEFT JOIN watch_urls w ON w.feed = f.url GROUP BY ALL ORDER BY f.url")

    # --- queries ------------------------------------------------------------------------
    def _rows(self, sql: str, params: list | None = None) -> list[dict]:
        cur = self.con.execute(sql, params or [])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]

    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("documents", "quarantine", "events", "merged_events", "actors", "places"):
            (out[table],) = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return out

    def documents(self, limit: int = 100, offset: int = 0) -> list[dict]:
        return self._rows(
            "SELECT d.id, d.title, CAST(d.date AS VARCHAR) AS date, d.url, d.language, "
            "(SELECT count(*) FROM events e WHERE e.doc_key = d.doc_key) AS n_events "
            "FROM documents d ORDER BY d.date, d.id LIMIT ? OFFSET ?",
            [_clamp(limit), max(0, offset)])

    def id_taken(self, document: Document) -> bool:
        """Whether another text is already stored under this document's id."""
        row = self.con.execute("SELECT 1 FROM documents WHERE id = ? AND text <> ? LIMIT 1",
                               [document.id, document.text]).fetchone()
        return row is not None

    def record(self, doc_id: str) -> dict | None:
        row = self.con.execute("SELECT record FROM documents WHERE id = ? ORDER BY ingested_at LIMIT 1",
                               [doc_id]).fetchone()
        return json.loads(row[0]) if row else None

    def records(self, limit: int | None = None, start: dt.date | None = None,
                end: dt.date | None = None, country: str | None = None) -> Iterator[dict]:
        """Stored records by publication date; ``country``: documents naming an actor or
        place of that country."""
        where, params = ["TRUE"], []
        if start:
            where.append("date >= ?"); params.append(start)
        if end:
            where.append("date <= ?"); params.append(end)
        if country:
            where.append("(doc_key IN (SELECT doc_key FROM actors WHERE country = upper(?)) OR "
                         "doc_key IN (SELECT doc_key FROM places WHERE country = upper(?)))")
            params += [country, country]
        sql = f"SELECT record FROM documents WHERE {' AND '.join(where)} ORDER BY date, id"
        if limit:
            sql += " LIMIT ?"; params.append(limit)
        cur = self.con.cursor().execute(sql, params)
        while rows := cur.fetchmany(500):
            for (rec,) in rows:
                yield json.loads(rec)

    def quarantined(self, limit: int = 100, offset: int = 0) -> list[dict]:
        return self._rows("SELECT id, source, code, message, date, ingested_at FROM quarantine "
                          "ORDER BY ingested_at, id LIMIT ? OFFSET ?", [_clamp(limit), max(0, offset)])

    def merged_events(self, query: EventQuery | None = None) -> list[dict]:
        """One page of the merged events matching ``query``, in its order."""
        q = query or EventQuery()
        return self._merged_by_ids(self.merged_ids(q, q.limit, q.offset))

    def merged_ids(self, query: EventQuery, limit: int | None = None, offset: int = 0) -> list[str]:
        """The ids of the merged events matching ``query``, in its order; all of them when
        ``limit`` is None."""
        where, params = _event_filters(query)
        key, descending = parse_sort(query.sort)
        direction = "DESC" if descending else "ASC"
        # The merged id's number breaks ties, in the key's direction: newest-first lists the
        # latest merged of one day first.
        sql = (f"SELECT m.merged_id FROM merged_events m WHERE {' AND '.join(where)} "
               f"ORDER BY {key} {direction} NULLS LAST, CAST(substr(m.merged_id, 2) AS BIGINT) {direction}")
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params = params + [_clamp(limit), max(0, offset)]
        return [i for (i,) in self.con.execute(sql, params).fetchall()]

    def count_merged(self, query: EventQuery) -> int:
        """How many merged events match ``query`` (all pages)."""
        where, params = _event_filters(query)
        return self.con.execute(f"SELECT count(*) FROM merged_events m WHERE {' AND '.join(where)}",
                                params).fetchone()[0]

    def iter_merged_events(self, query: EventQuery, chunk: int = 2000) -> Iterator[dict]:
        """Every merged event matching ``query``, in its order, fetched ``chunk`` at a time
        (the ids are listed once, so no page costs a deeper offset than the last)."""
        ids = self.merged_ids(query)
        for i in range(0, len(ids), chunk):
            yield from self._merged_by_ids(ids[i:i + chunk])

    def _merged_by_ids(self, ids: list[str]) -> list[dict]:
        """Merged events in the spec's shape, in the order of ``ids``.

        Every report of these events is read in one query (each is a source, and one of them
        the representative): joining merged events to their best reports would scan the whole
        events table, this reads only the rows it needs."""
        if not ids:
            return []
        merged = {r["merged_id"]: r for r in self._rows(
            "SELECT merged_id, n_sources, dates_reported, best_doc_key, best_event_id FROM merged_events "
            "WHERE merged_id IN (SELECT unnest(?::VARCHAR[]))", [ids])}
        reports: dict[str, list[dict]] = {}
        for r in self._rows(
                "SELECT e.*, d.title FROM events e LEFT JOIN documents d ON d.doc_key = e.doc_key "
                "WHERE e.merged_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY e.doc_date, e.doc_id, e.event_id", [ids]):
            reports.setdefault(r["merged_id"], []).append(r)
        out = []
        for merged_id in ids:
            m = merged.get(merged_id)
            best = next((r for r in reports.get(merged_id, ()) if (r["doc_key"], r["event_id"])
                         == (m["best_doc_key"], m["best_event_id"])), None) if m else None
            if best is None:
                continue
            sources = [{"doc": r["doc_id"], "event": r["event_id"], "url": r["url"], "title": r["title"],
                        "date": r["doc_date"].isoformat() if r["doc_date"] else None, "casualties": r["casualties"]}
                       for r in reports[merged_id]]
            out.append(merged_event_dict({**best, "n_sources": m["n_sources"], "dates_reported": m["dates_reported"]},
                                         sources))
        return out

    def network(self, query: EventQuery | None = None) -> list[dict]:
        """Who acts on whom among the matching merged events: one edge per (source, target)
        pair of coded actors (country + sector, else the actor's text), heaviest first."""
        q = query or EventQuery()
        where, params = _event_filters(q)
        node = "coalesce({side}_country || coalesce({side}_sector, ''), {side}_text)"
        sql = ("WITH sel AS (SELECT b.* FROM merged_events m JOIN events b ON b.doc_key = m.best_doc_key "
               f"AND b.event_id = m.best_event_id WHERE {' AND '.join(where)} AND b.source_text IS NOT NULL "
               "AND b.target_text IS NOT NULL) "
               f"SELECT {node.format(side='source')} AS source, {node.format(side='target')} AS target, "
               "mode(source_text) AS source_label, mode(target_text) AS target_label, "
               "any_value(source_country) AS source_country, any_value(target_country) AS target_country, "
               "count(*) AS events, round(avg(goldstein), 2) AS goldstein "
               "FROM sel GROUP BY 1, 2 HAVING source <> target ORDER BY events DESC, source, target LIMIT ?")
        return self._rows(sql, params + [_clamp(q.limit)])

    def actors(self, limit: int = 100, offset: int = 0, q: str | None = None) -> list[dict]:
        """Actors by the number of documents naming them; ``q``: those whose name or code holds
        these letters (for completing an actor's name as it is typed)."""
        where, params = "TRUE", []
        if q:
            where = "(name ILIKE ? ESCAPE '\\' OR code ILIKE ? ESCAPE '\\')"
            params = [f"%{_escape_like(q)}%"] * 2
        return self._rows(
            "SELECT name, code, country, sector, type, count(DISTINCT doc_key) AS documents, "
            f"sum(n_mentions) AS mentions FROM actors WHERE {where} GROUP BY ALL "
            "ORDER BY documents DESC, mentions DESC, name LIMIT ? OFFSET ?",
            params + [_clamp(limit), max(0, offset)])

    def quotes(self, query: "QuoteQuery | None" = None) -> list[dict]:
        """Quotes with their speaker by name (the resolved actor's, not the pronoun the text
        uses) and their document, newest first."""
        q = query or QuoteQuery()
        where, params = _quote_filters(q)
        return self._rows(
            "SELECT d.id AS doc, d.title, CAST(d.date AS VARCHAR) AS published, d.url, q.start, q.\"end\", "
            "q.text, q.direct, q.cue, q.date, coalesce(a.name, q.speaker_text) AS speaker, "
            "q.speaker_text, q.speaker_actor AS actor_id, a.code AS actor_code, a.type AS actor_type "
            f"FROM quotes q JOIN documents d ON d.doc_key = q.doc_key {_QUOTE_SPEAKER_JOIN} "
            f"WHERE {' AND '.join(where)} "
            "ORDER BY coalesce(q.date, CAST(d.date AS VARCHAR)) DESC NULLS LAST, d.id, q.start LIMIT ? OFFSET ?",
            params + [_clamp(q.limit), max(0, q.offset)])

    def count_quotes(self, query: "QuoteQuery") -> int:
        where, params = _quote_filters(query)
        return self.con.execute(
            f"SELECT count(*) FROM quotes q JOIN documents d ON d.doc_key = q.doc_key {_QUOTE_SPEAKER_JOIN} "
            f"WHERE {' AND '.join(where)}", params).fetchone()[0]

    def places(self, limit: int = 100, offset: int = 0) -> list[dict]:
        return self._rows(
            "SELECT name, feature, country, lat, lon, geonameid, count(DISTINCT doc_key) AS documents, "
            "count(*) AS mentions FROM places GROUP BY ALL "
            "ORDER BY documents DESC, mentions DESC, name LIMIT ? OFFSET ?",
            [_clamp(limit), max(0, offset)])

    def stats(self, query: EventQuery | None = None) -> dict[str, Any]:
        """Counts of the merged events matching ``query`` (default: asserted ones) for the
        timeline and the count views, and the store's totals.

        Time is told as honestly as the reports date it: ``by_day`` holds day-precise events,
        ``by_period`` those dated to a month or a year only (each at its period's first day),
        ``undated`` those no report dates; ``by_country_month`` counts by country (of the place,
        else the source), month (null for a year or no date) and quad class."""
        q = query or EventQuery()
        where, params = _event_filters(q)
        sel = f"FROM merged_events m WHERE {' AND '.join(where)}"
        precision = "coalesce(m.date_precision, 'day')"
        country = "coalesce(m.place_country, m.source_country)"
        return {
            "counts": self.counts(),
            "matching": self.con.execute(f"SELECT count(*) {sel}", params).fetchone()[0],
            "by_category": self._rows(f"SELECT m.category, count(*) AS n {sel} GROUP BY 1 ORDER BY 2 DESC, 1", params),
            "by_modality": self._rows("SELECT modality, count(*) AS n FROM merged_events GROUP BY 1 ORDER BY 2 DESC"),
            "by_day": self._rows(
                f"SELECT CAST(m.day AS VARCHAR) AS day, m.quad_class, count(*) AS n {sel} AND m.day IS NOT NULL "
                f"AND {precision} = 'day' GROUP BY 1, 2 ORDER BY 1, 2", params),
            "by_period": self._rows(
                f"SELECT CAST(m.day AS VARCHAR) AS start, {precision} AS precision, m.quad_class, count(*) AS n "
                f"{sel} AND m.day IS NOT NULL AND {precision} IN ('month', 'year') GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
                params),
            "undated": self._rows(f"SELECT m.quad_class, count(*) AS n {sel} AND m.day IS NULL GROUP BY 1 ORDER BY 1",
                                  params),
            "by_country": self._rows(
                f"SELECT {country} AS country, count(*) AS n {sel} AND {country} IS NOT NULL "
                "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 50", params),
            "by_country_month": self._rows(
                f"SELECT {country} AS country, CASE WHEN {precision} IN ('day', 'month') "
                "THEN strftime(m.day, '%Y-%m') END AS month, m.quad_class, count(*) AS n "
                f"{sel} AND {country} IS NOT NULL GROUP BY ALL ORDER BY 1, 2 NULLS LAST, 3", params),
            "quarantine_by_code": self._rows("SELECT code, count(*) AS n FROM quarantine GROUP BY 1 ORDER BY 1"),
        }


# A quote's speaker as the actor it resolves to in its document (the name, not "he").
_QUOTE_SPEAKER_JOIN = "LEFT JOIN actors a ON a.doc_key = q.doc_key AND a.actor_id = q.speaker_actor"


def _quote_filters(q: QuoteQuery) -> tuple[list[str], list]:
    """WHERE clauses over quotes ``q``, their documents ``d`` and speakers ``a``."""
    where, params = ["TRUE"], []
    if q.speaker:
        where.append("(a.name ILIKE ? ESCAPE '\\' OR (a.name IS NULL AND q.speaker_text ILIKE ? ESCAPE '\\'))")
        params += [f"%{_escape_like(q.speaker)}%"] * 2
    if q.actor:
        where.append("(lower(a.name) = lower(?) OR a.code = upper(?))")
        params += [q.actor, q.actor]
    if q.text:
        where.append("q.text ILIKE ? ESCAPE '\\'")
        params.append(f"%{_escape_like(q.text)}%")
    # When it was said where the text tells (a full date), else when it was published.
    said = "coalesce(TRY_CAST(q.date AS DATE), d.date)"
    if q.start:
        where.append(f"{said} >= ?"); params.append(q.start)
    if q.end:
        where.append(f"{said} <= ?"); params.append(q.end)
    if q.doc:
        where.append("d.id = ?"); params.append(q.doc)
    return where, params


def _event_filters(q: EventQuery) -> tuple[list[str], list]:
    """WHERE clauses over merged_events ``m`` for a query; values only ever as parameters."""
    where, params = ["m.n_sources >= ?"], [q.min_sources]
    if q.start:
        where.append("m.day >= ?"); params.append(q.start)
    if q.end:
        where.append("m.day <= ?"); params.append(q.end)
    if q.category:
        where.append("m.category = ?"); params.append(q.category.upper())
    if q.quad_class:
        where.append("m.quad_class = ?"); params.append(q.quad_class)
    if q.modality:
        where.append("m.modality = ?"); params.append(q.modality)
    if q.country:
        where.append("? IN (m.source_country, m.target_country, m.place_country)")
        params.append(q.country.upper())
    if q.undated:
        where.append("m.day IS NULL")
    if q.bbox:
        west, south, east, north = q.bbox
        where.append("m.lat BETWEEN ? AND ?")
        params += [south, north]
        if west <= east:
            where.append("m.lon BETWEEN ? AND ?"); params += [west, east]
        else:  # the box crosses the date line: east of WEST or west of EAST
            where.append("(m.lon >= ? OR m.lon <= ?)"); params += [west, east]
    if q.actor:
        # An actor, not words: a report whose side resolves to an actor of that name or code,
        # or whose side is coded so (USAGOV), of that country (USA), or says exactly that.
        where.append(
            "m.merged_id IN (SELECT x.merged_id FROM actors a JOIN events x ON x.doc_key = a.doc_key "
            "AND (x.source_actor = a.actor_id OR x.target_actor = a.actor_id) "
            "WHERE lower(a.name) = lower(?) OR a.code = upper(?) "
            "UNION ALL SELECT x.merged_id FROM events x WHERE upper(?) IN (x.source_country, x.target_country, "
            "x.source_country || x.source_sector, x.target_country || x.target_sector) "
            "OR lower(?) IN (lower(x.source_text), lower(x.target_text)))")
        params += [q.actor] * 4
    if q.text:
        where.append("m.merged_id IN (SELECT x.merged_id FROM events x WHERE x.evidence ILIKE ? ESCAPE '\\')")
        params.append(f"%{_escape_like(q.text)}%")
    return where, params


# How specific a report's date and place are, for choosing a merged event's representative.
_PRECISION_RANK_SQL = "CASE date_precision WHEN 'day' THEN 3 WHEN 'month' THEN 2 WHEN 'year' THEN 1 ELSE 0 END"
_FEATURE_RANK_SQL = ("CASE WHEN lat IS NULL THEN 0 ELSE CASE place_feature WHEN 'city' THEN 5 WHEN 'admin2' THEN 4 "
                     "WHEN 'admin1' THEN 3 WHEN 'region' THEN 2 WHEN 'other' THEN 2 WHEN 'country' THEN 1 "
                     "ELSE 0 END END")


def _block_probe(row: dict) -> tuple:
    """What stored reports a new report could match, as (category, lo, hi, month_start,
    year_start, no_day, coarse, published_from, published_to): same category, a date that can
    overlap its own (a day's slack for day-precise dates; coarser dates match inside them) and,
    when either date is coarse, an article published within merge's window."""
    day, precision, cat = row["day"], row["date_precision"] or "day", row["category"]
    published = row.get("doc_date")
    window = dt.timedelta(days=merge.PUBLICATION_WINDOW_DAYS)
    pub = (published - window, published + window) if published else (None, None)
    coarse = merge.is_coarse(row)
    if day is None:
        return cat, None, None, None, None, True, coarse, *pub
    year_start = dt.date(day.year, 1, 1)
    if precision == "year":
        return (cat, year_start - dt.timedelta(days=1), dt.date(day.year, 12, 31) + dt.timedelta(days=1),
                None, None, False, coarse, *pub)
    month_start = day.replace(day=1)
    if precision == "month":
        month_end = (month_start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return (cat, month_start - dt.timedelta(days=1), month_end + dt.timedelta(days=1), None,
                year_start, False, coarse, *pub)
    return (cat, day - dt.timedelta(days=1), day + dt.timedelta(days=1), month_start, year_start, False,
            coarse, *pub)


def _block_days(probe: tuple) -> list:
    """The stored ``day`` values a probe reaches: every day of its range, the month and year
    starts that coarser reports are stored under, or None for an undated report. (Reports
    are stored under the first day their date can mean; the probe's SQL filter is the same.)"""
    _, lo, hi, month_start, year_start, no_day = probe[:6]
    if no_day:
        return [None]
    days = [lo + dt.timedelta(days=k) for k in range((hi - lo).days + 1)]
    return days + [d for d in (month_start, year_start) if d is not None and not lo <= d <= hi]


def _merged_number(merged_id: str) -> int:
    return int(merged_id[1:])


def _clamp(limit: int) -> int:
    return max(0, min(int(limit), MAX_LIMIT))


def _escape_like(text: str) -> str:
    """``text`` matched literally by ``ILIKE ? ESCAPE '\\'`` (every clause using it declares it)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


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


def _loads(value):
    if value is None:
        return None
    return json.loads(value) if isinstance(value, str) else value


def _actor(row: dict, side: str) -> dict | None:
    if row.get(f"{side}_text") is None:
        return None
    return {"actor": row[f"{side}_actor"], "text": row[f"{side}_text"],
            "country": row[f"{side}_country"], "sector": row[f"{side}_sector"],
            "place": _loads(row.get(f"{side}_place"))}


def merged_casualties(reports: list[dict]) -> tuple[dict | None, list[dict]]:
    """A merged event's casualties: for killed and for injured, the figure of the most
    recently published report that gives one (a later report knows the later toll); and
    every report's figures, oldest first. ``reports`` are the merged event's reports, each with ``doc``, ``event``, ``date`` and ``casualties``."""
    told = sorted((r for r in reports if r.get("casualties") is not None),
                  key=lambda r: (r.get("date") is not None, r.get("date") or ""))   # stable: undated first
    if not told:
        return None, []
    latest: dict = {"killed": None, "injured": None}
    for kind in latest:
        for r in reversed(told):
            figure = r["casualties"].get(kind)
            if figure is not None and figure.get("count") is not None:
                latest[kind] = dict(figure, doc=r["doc"], event=r["event"])
                break
    history = [{"doc": r["doc"], "event": r["event"], "date": r["date"], **r["casualties"]} for r in told]
    return latest, history


def merged_event_dict(row: dict, sources: list[dict]) -> dict:
    """A merged event in the spec's shape: the best report's event fields plus its sources."""
    place = None
    if row.get("place_name") is not None:
        place = {"name": row["place_name"], "country": row["place_country"], "lat": row["lat"],
                 "lon": row["lon"], "geonameid": row["geonameid"], "feature": row.get("place_feature"),
                 "admin1": row.get("place_admin1"), "from": row.get("place_from"),
                 "start": row.get("place_start"), "end": row.get("place_end")}
    reports = [dict(s, casualties=_loads(s.get("casualties"))) for s in sources]
    casualties, casualties_reported = merged_casualties(reports)
    return {
        "schema": SCHEMA, "event_id": row["merged_id"], "n_sources": row["n_sources"],
        "id": row["event_id"], "doc": row["doc_id"], "title": row.get("title"), "url": row.get("url"),
        "category": row["category"], "mode": row["mode"], "cameo": row["cameo"],
        "goldstein": row["goldstein"], "quad_class": row["quad_class"],
        "acled_event_type": row["acled_event_type"],
        "source": _actor(row, "source"), "target": _actor(row, "target"),
        "date": row["date"], "date_precision": row["date_precision"], "place": place,
        "modality": row["modality"],
        "sentence": {"start": row["sentence_start"], "end": row["sentence_end"], "text": row.get("sentence")},
        "evidence": {"start": row["evidence_start"], "end": row["evidence_end"], "text": row["evidence"]},
        "mentions": _loads(row.get("mentions")) or [],
        "claimed_by": _loads(row.get("claimed_by")),
        "confidence": row["confidence"],
        "is_lead": row.get("is_lead"),
        "casualties": casualties,
        "casualties_reported": casualties_reported,
        "dates_reported": list(row.get("dates_reported") or []),
        "sources": [{k: v for k, v in s.items() if k != "casualties"} for s in sources],
    }


def _token_hash(token: str) -> str:
    # Tokens are 256 random bits: a plain SHA-256 cannot be reversed, no salt or slow hash needed.
    import hashlib

    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


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


def open_store(path: str | Path, read_only: bool = False, match_threshold: float | None = None) -> Store:
    return Store(path, read_only=read_only, match_threshold=match_threshold)
