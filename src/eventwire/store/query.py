"""Reading the store: the event and quote filters (one ``EventQuery`` for the CLI and the
API), documents, records, merged events, actors, quotes, places and summary figures."""
from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Optional

from ..document import Document
from ..record import SCHEMA
from .schema import has_table

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


class StoreQueries:
    """The store's reads (mixed into ``Store``, which holds the connection ``con``)."""

    def tokens(self) -> list[dict]:
        if not self._has_table("api_tokens"):
            return []
        return self._rows("SELECT token_id, name, CAST(created_at AS VARCHAR) AS created_at, "
                          "CAST(revoked_at AS VARCHAR) AS revoked_at FROM api_tokens ORDER BY created_at, token_id")

    def check_token(self, token: str) -> bool:
        """Whether ``token`` is a live (made here, not revoked) write token."""
        if not token or not self._has_table("api_tokens"):
            return False
        row = self.con.execute("SELECT 1 FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL",
                               [_token_hash(token)]).fetchone()
        return row is not None

    def _has_table(self, name: str) -> bool:
        return has_table(self.con, name)

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


def _clamp(limit: int) -> int:
    return max(0, min(int(limit), MAX_LIMIT))


def _escape_like(text: str) -> str:
    """``text`` matched literally by ``ILIKE ? ESCAPE '\\'`` (every clause using it declares it)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


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
