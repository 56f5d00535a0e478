"""Cross-document merging: which reported events are the same real-world event.

Pure functions over plain dicts (rows of the store's ``events`` table); the store does the
blocking (same category, nearby day) and calls :func:`match_score` on the few candidates.
Reports are compared with reports, never with a merged event's summary, and a merged event
is a connected group of matching reports: so the grouping does not depend on the order in
which documents arrive. Which report a merged event shows is chosen by the store, in SQL.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any, Optional

# How far apart two reports of one event may place it, by the coarser place's feature.
PLACE_RADIUS_KM = {"city": 40.0, "admin2": 80.0, "admin1": 250.0, "region": 600.0,
                   "country": 1500.0, "other": 100.0}
SYMMETRIC = {"CONSULT", "ASSAULT", "COOPERATE", "AGREE"}  # "X and Y met/clashed": either order
# A report whose date is unknown or only a year is placed in time by its article: it can be
# the same event as another report only if the two articles appeared within this many days.
# This also keeps the candidates of such reports to a window of the feed, not the whole store.
PUBLICATION_WINDOW_DAYS = 30


def event_day(date: Optional[str], precision: Optional[str]) -> Optional[dt.date]:
    """The first day a (possibly partial) date can mean."""
    if not date:
        return None
    try:
        if precision == "year" or len(date) == 4:
            return dt.date(int(date[:4]), 1, 1)
        if precision == "month" or len(date) == 7:
            return dt.date(int(date[:4]), int(date[5:7]), 1)
        return dt.date.fromisoformat(date[:10])
    except ValueError:
        return None


def _day_range(row: dict) -> Optional[tuple[dt.date, dt.date]]:
    start = event_day(row.get("date"), row.get("date_precision"))
    if start is None:
        return None
    precision = row.get("date_precision") or "day"
    if precision == "year":
        return start, dt.date(start.year, 12, 31)
    if precision == "month":
        nxt = dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return start, nxt - dt.timedelta(days=1)
    return start, start


def is_coarse(row: dict) -> bool:
    """No date, or only a year: too vague to place the event in time by itself."""
    return event_day(row.get("date"), row.get("date_precision")) is None or row.get("date_precision") == "year"


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def _same(a: Any, b: Any) -> Optional[bool]:
    """True/False when both are known, None when either is missing."""
    if a is None or b is None:
        return None
    return a == b


_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_STOP = frozenset("the and for with that this from have has had was were are said says will would "
                  "its their his her they them into over after before about than also been".split())


def evidence_similarity(a: str | None, b: str | None) -> float:
    """Jaccard overlap of the content words of two evidence texts."""
    wa = {w.lower() for w in _WORD.findall(a or "")} - _STOP
    wb = {w.lower() for w in _WORD.findall(b or "")} - _STOP
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


# Statements (verbal cooperation and conflict) are told apart by what was said; material
# events by who did it to whom, where and when.
VERBAL_QUAD_CLASSES = {1, 3}
SAME_WORDS = 0.35


def match_score(new: dict, old: dict) -> float:
    """0 when the two reports cannot be one event; else a score in (0, 1], higher is likelier.
    Symmetric in its arguments."""
    if new["category"] != old["category"] or new.get("modality") != old.get("modality"):
        return 0.0
    if new.get("doc_key") is not None and new.get("doc_key") == old.get("doc_key"):
        return 0.0  # one article does not report one event as two
    score = 0.3
    # Dates: overlapping ranges, with a day's slack when both name a day (reports count days
    # differently across time zones and midnight); a month or a year is taken as written.
    ra, rb = _day_range(new), _day_range(old)
    if (ra is None) != (rb is None):
        return 0.0
    if ra and rb:
        slack = dt.timedelta(days=1 if ra[0] == ra[1] and rb[0] == rb[1] else 0)
        if ra[0] > rb[1] + slack or rb[0] > ra[1] + slack:
            return 0.0
        score += 0.2 if ra == rb else 0.1
    if is_coarse(new) or is_coarse(old):
        a, b = new.get("doc_date"), old.get("doc_date")
        if a and b and abs((a - b).days) > PUBLICATION_WINDOW_DAYS:
            return 0.0
    # Actors: known countries must agree (either order for symmetric categories).
    pairs = [(new.get("source_country"), new.get("target_country"))]
    if new["category"] in SYMMETRIC:
        pairs.append((new.get("target_country"), new.get("source_country")))
    best_actor = None
    for src, tgt in pairs:
        s, t = _same(src, old.get("source_country")), _same(tgt, old.get("target_country"))
        if s is False or t is False:
            continue
        agree = (s is True) + (t is True)
        best_actor = max(best_actor or 0, agree)
    if best_actor is None:
        return 0.0
    score += 0.1 * best_actor
    # Places: within a radius fitting the coarser place, or at least the same country. Only
    # a place finer than a country counts as evidence for the match.
    same_place = False
    coarse = "country" in (new.get("place_feature"), old.get("place_feature"))
    if None not in (new.get("lat"), new.get("lon"), old.get("lat"), old.get("lon")):
        radius = max(PLACE_RADIUS_KM.get(new.get("place_feature") or "other", 100.0),
                     PLACE_RADIUS_KM.get(old.get("place_feature") or "other", 100.0))
        dist = haversine_km(new["lat"], new["lon"], old["lat"], old["lon"])
        if dist > radius:
            return 0.0
        score += 0.2 * (1 - dist / radius)
        same_place = not coarse
    elif _same(new.get("place_country"), old.get("place_country")) is False:
        return 0.0
    # Nothing contradicts; now something positive must tie the two reports together.
    sim = evidence_similarity(new.get("sentence") or new.get("evidence"),
                              old.get("sentence") or old.get("evidence"))
    score += 0.3 * sim
    verbal = (new.get("quad_class") or old.get("quad_class")) in VERBAL_QUAD_CLASSES
    if sim < SAME_WORDS:
        # Told differently: a statement needs its words; an action needs both sides or its
        # side and a named place to agree.
        if verbal or not ((best_actor == 2) or (best_actor >= 1 and same_place)):
            return 0.0
    return min(score, 1.0)


MATCH_THRESHOLD = 0.5
