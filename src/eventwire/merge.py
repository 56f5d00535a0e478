"""Cross-document merging: which reported events are the same real-world event.

Pure functions over plain dicts (rows of the store's ``events`` table); the store does the
blocking (same category, nearby day) and calls :func:`match_score` on the few candidates.
Reports are compared with reports, never with a merged event's summary, and a merged event
is a connected group of matching reports: so the grouping does not depend on the order in
which documents arrive, but for one case (an undated report that matches two dated events
days apart joins only one of them, see below). Which report a merged event shows is chosen by
the store, in SQL.

One decision per pair of reports, in two steps (:func:`compare`):
1. what rules the pair out: another category or modality, the same article, dates that
   cannot overlap, places too far apart for either to hold the other, an undated report of an
   undated article against a dated report of another country (or of no place);
2. what ties it together, each a feature in [-1, 1] (:class:`MatchEvidence`): the dates, the
   places (the same place, one inside the other by the gazetteer's hierarchy, or near), the
   sides (countries and names), the casualty counts, how alike the two sentences and the two
   triggers read, whether the coder gave both the same kind of event (CAMEO code, PLOVER
   mode), how many of their most used words the two articles share (two reports of one
   story share names, places and words; two stories of one category share few), and whether
   the two sentences give a figure in common (reports of one event repeat its numbers: 23
   pirates, 89 arrests). A side, a place, a count, a figure or an article's words that one
   report leaves out count neither way. The
   weighted sum is compared with :data:`MATCH_THRESHOLD`, chosen on development data
   (``bench/merge.py --thresholds``).

A report that nothing places in time (no date of its own, in an article without one) may be
the same event as a dated report, but only on strong other evidence: the same country, and a
score :data:`TIMELESS_MARGIN` above the threshold. No match of an undated report joins two
merged events whose dates are days apart (the store applies that, :func:`dates_days_apart`):
an undated report matching two dated events goes with the better match within a batch, or
with the one already stored.
"""
from __future__ import annotations

import datetime as dt
import functools
import math
import re
from dataclasses import dataclass
from typing import Optional

from .categories import categories_where, load_categories
from .geodesy import haversine_km

# How far apart two reports of one event may place it, by the coarser place's feature.
PLACE_RADIUS_KM = {"city": 40.0, "admin2": 80.0, "admin1": 250.0, "region": 600.0,
                   "country": 1500.0, "other": 100.0}
# Places this close are one place, whatever the gazetteer calls them (Rafah, Gaza Strip and
# Rafah, Egypt, across the border, are one town to a reporter).
SAME_PLACE_KM = 5.0
# "X and Y met/clashed": either order (data/categories.json)
SYMMETRIC = categories_where("symmetric")
# A report whose date is unknown or only a year is placed in time by its article: it can be
# the same event as another report only if the two articles appeared within this many days.
# This also keeps the candidates of such reports to a window of the feed, not the whole store.
PUBLICATION_WINDOW_DAYS = 30
# A report with nothing that places it in time (no date, in an article without one) meets a
# dated report only with a score this far above the threshold (ECB+ dev topics: the best
# pairwise F1 from 0.35 to 0.45; bench/RESULTS.md, issue 24, fourteenth session).
TIMELESS_MARGIN = 0.40
# Statements (verbal cooperation and conflict) are told apart by what was said: who spoke,
# when and where says little, since leaders speak daily. Material events by who did it to
# whom, where and when.
VERBAL_QUAD_CLASSES = {q.number for q in load_categories().quad_classes.values() if q.verbal}

# The weight of each feature in the score; a feature is in [-1, 1] (0: nothing known).
WEIGHTS = {"date": 0.20, "place": 0.16, "sides": 0.08, "names": 0.28, "casualties": 0.26,
           "sentence": 0.38, "trigger": 0.42, "event_type": 0.10, "article": 0.15, "figures": 0.20}
VERBAL_FACT_SHARE = 0.5  # for statements, how much date, place and sides count
# The best pairwise F1 on ECB+'s dev topics with these weights (bench/RESULTS.md, issue 24).
MATCH_THRESHOLD = 0.75


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


def is_timeless(row: dict) -> bool:
    """No date of its own and no article's date: nothing places the report in time."""
    return event_day(row.get("date"), row.get("date_precision")) is None and not row.get("doc_date")


def dates_days_apart(days_a, days_b) -> bool:
    """Whether two merged events' day-precise dates (two collections of days) hold a day
    of one two or more days from a day of the other: then no undated report joins them."""
    if not days_a or not days_b:
        return False
    return (max(days_b) - min(days_a)).days > 1 or (max(days_a) - min(days_b)).days > 1


def is_coarse(row: dict) -> bool:
    """No date, or only a year: too vague to place the event in time by itself."""
    return event_day(row.get("date"), row.get("date_precision")) is None or row.get("date_precision") == "year"


@dataclass(frozen=True)
class MatchEvidence:
    """What ties two compatible reports together, feature by feature (see :data:`WEIGHTS`)."""
    date: float = 0.0        # 1 the same day; less for a day apart or a coarser date
    place: float = 0.0       # 1 the same place; less for nearby or one holding the other
    sides: float = 0.0       # share of the sides whose countries agree, minus those that differ
    names: float = 0.0       # share of the named words of the sides both reports use
    casualties: float = 0.0  # 1 the same dead (and wounded), -1 counts far apart
    sentence: float = 0.0    # character n-gram cosine of the two sentences
    trigger: float = 0.0     # the same, of the two evidence texts (the words that say what happened)
    event_type: float = 0.0  # 1 the same CAMEO code, 0.5 the same PLOVER mode, -1 another mode
    article: float = 0.0     # 1 the articles share many of their most used words, -1 almost none
    figures: float = 0.0     # 1 the two sentences give a figure in common (a count, not a date or a time)
    verbal: bool = False
    timeless: bool = False   # one report is dated, nothing places the other in time: TIMELESS_MARGIN

    def score(self) -> float:
        facts = sum(WEIGHTS[k] * getattr(self, k) for k in ("date", "place", "sides", "names", "casualties"))
        if self.verbal:
            facts *= VERBAL_FACT_SHARE
        return (facts + sum(WEIGHTS[k] * getattr(self, k) for k in ("sentence", "trigger", "event_type", "article", "figures"))
                - (TIMELESS_MARGIN if self.timeless else 0.0))


# --- dates --------------------------------------------------------------------------------
def _date_evidence(a: dict, b: dict) -> Optional[float]:
    """None when the dates cannot be one event's; else how much they agree. Reports count
    days differently across time zones and midnight, so two named days may be one apart; a
    month or a year holds any day in it; an undated report meets only another undated one, or
    a dated report of its country when nothing places it in time (its article has no date
    either: see :data:`TIMELESS_MARGIN`)."""
    ra, rb = _day_range(a), _day_range(b)
    if (ra is None) != (rb is None):
        undated = a if ra is None else b
        dated = b if ra is None else a
        same_country = bool(undated.get("place_country")) and undated.get("place_country") == dated.get("place_country")
        return 0.0 if same_country and is_timeless(undated) else None
    if is_coarse(a) or is_coarse(b):
        pa, pb = a.get("doc_date"), b.get("doc_date")
        if pa and pb and abs((pa - pb).days) > PUBLICATION_WINDOW_DAYS:
            return None
    if ra is None:
        return 0.0
    days_a, days_b = (ra[1] - ra[0]).days, (rb[1] - rb[0]).days
    slack = dt.timedelta(days=1 if days_a == 0 and days_b == 0 else 0)
    if ra[0] > rb[1] + slack or rb[0] > ra[1] + slack:
        return None
    if days_a == 0 and days_b == 0:
        return 1.0 if ra == rb else 0.5
    widest = max(days_a, days_b)
    return 0.4 if widest <= 31 else 0.1


# --- places -------------------------------------------------------------------------------
_FINE = {"city", "admin2", "other"}


def _holds(outer: dict, inner: dict) -> bool:
    """Whether ``outer`` (a first-level unit or a country) holds ``inner``, by the gazetteer's
    hierarchy the records carry (each place's first-level unit and country)."""
    feature = outer.get("place_feature")
    if feature == "admin1":
        return (inner.get("place_admin1") is not None and inner.get("place_admin1") == outer.get("place_name")
                and inner.get("place_country") == outer.get("place_country"))
    if feature == "country":
        return inner.get("place_country") is not None and inner.get("place_country") == outer.get("place_country")
    return False


def _other_province(outer: dict, inner: dict) -> bool:
    """Whether ``outer``, a first-level unit, is known not to hold ``inner``: a place in
    another province (Zonguldak does not hold Istanbul, however near its centre lies)."""
    return (outer.get("place_feature") == "admin1" and inner.get("place_feature") != "country"
            and inner.get("place_admin1") is not None and inner.get("place_admin1") != outer.get("place_name"))


def _other_country(outer: dict, inner: dict) -> bool:
    """Whether ``outer``, a country, is not the country of ``inner``."""
    return (outer.get("place_feature") == "country" and bool(inner.get("place_country"))
            and inner.get("place_country") != outer.get("place_country"))


def _place_evidence(a: dict, b: dict) -> Optional[float]:
    """None when the places rule the pair out; else how much they agree (0 when a report
    names none: a place left out is no evidence either way)."""
    located = None not in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon"))
    if not located:
        if a.get("place_country") and b.get("place_country") and a["place_country"] != b["place_country"]:
            return None
        return 0.0
    fa, fb = a.get("place_feature") or "other", b.get("place_feature") or "other"
    # One name read as two entries of one country (a town and the district named after it) is
    # one place; the same name in two countries (Tripoli, Libya and Lebanon) is two.
    same_name = (a.get("place_name") is not None and a.get("place_name") == b.get("place_name") and fa == fb
                 and a.get("place_country") == b.get("place_country"))
    if same_name or (a.get("geonameid") is not None and a.get("geonameid") == b.get("geonameid")):
        return 1.0 if fa in _FINE else 0.3 if fa in ("admin1", "region") else 0.1
    if "region" in (fa, fb):
        return 0.0  # a continent or a sea holds too much to rule anything out
    dist = haversine_km(a["lat"], a["lon"], b["lat"], b["lon"])
    if dist <= SAME_PLACE_KM and fa in _FINE and fb in _FINE:
        return 1.0
    if _holds(a, b) or _holds(b, a):
        # A town and its province say the same where the province is named; a country says little.
        return 0.1 if "country" in (fa, fb) else 0.5
    if _other_province(a, b) or _other_province(b, a):
        return None
    if _other_country(a, b) or _other_country(b, a):
        # Speaks against, without ruling out: a country is often the coder's guess
        # (Vancouver read as the one in Washington, an attack placed in the country
        # its attackers are tied to).
        return -1.0
    radius = max(PLACE_RADIUS_KM.get(fa, 100.0), PLACE_RADIUS_KM.get(fb, 100.0))
    if dist > radius:
        return None
    if "country" in (fa, fb):
        return 0.1
    closeness = 1 - dist / radius
    return closeness if fa in _FINE and fb in _FINE else 0.5 * closeness


# --- sides --------------------------------------------------------------------------------
_NAME = re.compile(r"\b[A-Z][\w'’-]+")
_NOT_NAMES = frozenset("The A An This That These Those He She It They His Her Its Their Police Officials".split())


def _names(text: Optional[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in _NAME.findall(text or "") if w not in _NOT_NAMES)


def _side_evidence(a: dict, b: dict) -> tuple[float, float]:
    """(countries, names): for the better of the two orders a symmetric event allows, the
    share of sides whose countries agree less the share that differ, and the share of the
    sides' named words the two reports share."""
    orders = [("source", "target")]
    if a["category"] in SYMMETRIC:
        orders.append(("target", "source"))
    best = (-2.0, 0.0)
    for first, second in orders:
        countries, names = 0.0, 0.0
        for mine, theirs in (("source", first), ("target", second)):
            ca, cb = a.get(f"{mine}_country"), b.get(f"{theirs}_country")
            if ca and cb:
                countries += 0.5 if ca == cb else -0.5
            na, nb = _names(a.get(f"{mine}_text")), _names(b.get(f"{theirs}_text"))
            if na and nb:
                names += 0.5 * len(na & nb) / min(len(na), len(nb))
        best = max(best, (countries + names, countries))
    countries = best[1]
    return countries, best[0] - countries


# --- casualties ---------------------------------------------------------------------------
def _count_agreement(x: Optional[int], y: Optional[int]) -> Optional[float]:
    if x is None or y is None:
        return None
    if x == y:
        return 1.0
    low, high = min(x, y), max(x, y)
    # A toll rises as bodies are found: close counts are weak support, far ones a sign of two events.
    return 0.3 if high <= 1.25 * low + 1 else -1.0


def _casualty_evidence(a: dict, b: dict) -> float:
    killed = _count_agreement(a.get("killed"), b.get("killed"))
    injured = _count_agreement(a.get("injured"), b.get("injured"))
    if killed is None and injured is None:
        return 0.0
    if killed is None or injured is None:
        return killed if injured is None else 0.5 * injured
    return 0.75 * killed + 0.25 * injured


# --- words --------------------------------------------------------------------------------
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_STOP = frozenset("the and for with that this from have has had was were are said says will would "
                  "its their his her they them into over after before about than also been which who "
                  "but not one two on in at of to a an by as is be it he she".split())
GRAM = 4


@functools.lru_cache(maxsize=65536)
def char_grams(text: str) -> dict[str, float]:
    """The text's character n-grams within words (stop words left out), as a unit vector:
    'strike' and 'strikes', 'Israel' and 'Israeli' share most of theirs."""
    counts: dict[str, float] = {}
    for word in _WORD.findall(text.lower()):
        if word in _STOP:
            continue
        padded = f" {word} "
        for k in range(max(1, len(padded) - GRAM + 1)):
            gram = padded[k:k + GRAM]
            counts[gram] = counts.get(gram, 0.0) + 1.0
    norm = math.sqrt(sum(v * v for v in counts.values())) or 1.0
    return {g: v / norm for g, v in counts.items()}


def text_similarity(a: Optional[str], b: Optional[str]) -> float:
    """Cosine of the character n-gram vectors of two texts, in [0, 1]."""
    if not a or not b:
        return 0.0
    va, vb = char_grams(a), char_grams(b)
    return sum(va[g] * vb[g] for g in sorted(va.keys() & vb.keys()))  # sorted: the same sum both ways


# --- the kind of event -------------------------------------------------------------------
def _event_type_evidence(a: dict, b: dict) -> float:
    """Whether the coder read the same kind of event in both: one category holds kinds that
    one story often tells side by side (pirates' attack foiled, pirates arrested: both
    COERCE, modes seize and arrest), so the same CAMEO code or mode speaks for the match and
    another mode against it."""
    if a.get("cameo") and a.get("cameo") == b.get("cameo"):
        return 1.0
    mode_a, mode_b = a.get("mode"), b.get("mode")
    if not mode_a or not mode_b:
        return 0.0
    return 0.5 if mode_a == mode_b else -1.0


# --- the two articles ---------------------------------------------------------------------
ARTICLE_TERMS = 40  # how many of an article's most used words describe it
# The share of the shorter list that two articles' words overlap at which the feature is 0:
# on ECB+ dev, two reports of one story share 0.18 or more in nine pairs of ten, two
# different stories of one category 0.15 or less in eight of ten.
ARTICLE_OVERLAP_NEUTRAL = 0.15


def article_terms(text: Optional[str]) -> list[str]:
    """The article's most used words (stop words, numbers and words under three letters left
    out), most used first, ties in alphabetical order: what the store keeps of an article to
    tell whether two reports come from one story."""
    counts: dict[str, int] = {}
    for word in _WORD.findall((text or "").lower()):
        if len(word) > 2 and word not in _STOP and not word.isdigit():
            counts[word] = counts.get(word, 0) + 1
    return sorted(counts, key=lambda w: (-counts[w], w))[:ARTICLE_TERMS]


def _article_evidence(a: dict, b: dict) -> float:
    """The share of the shorter word list both articles use, around :data:`ARTICLE_OVERLAP_NEUTRAL`."""
    terms_a, terms_b = a.get("article_terms"), b.get("article_terms")
    if not terms_a or not terms_b:
        return 0.0
    overlap = len(set(terms_a) & set(terms_b)) / min(len(terms_a), len(terms_b))
    return max(-1.0, min(1.0, overlap / ARTICLE_OVERLAP_NEUTRAL - 1.0))


# --- figures ------------------------------------------------------------------------------
# A figure is a number written in digits (thousands separated or not), as news writes most
# counts. Left out: dates ("Nov 11", "11 November", "11th", "9/14/2013"), clock times ("2:30",
# "3 pm", "1052 GMT", "01 : 03 PM"), years (four digits from 1900 to 2100 without a
# separator), a person's age ("a 23-year-old", or set off after the name: "Gaetano Lo Presti,
# 52, ...": it ties two reports to one person, not to one event), and 0 and 1.
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DATE = re.compile(_MONTH + r"\s+\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th)\b|\b\d{1,2}\s+" + _MONTH
                   + r"|\b\d{1,4}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\b")
_AGE = re.compile(r"(\b[A-Z][\w'’-]*) ?, ?\d{1,3} ?,")
_FIGURE = re.compile(r"(?<![\d:/.,])(\d{1,3}(?:,\d{3})+|\d+)"
                     r"(?![\d:/]|\s*(?::|[aApP]\.?[mM]\b|[A-Z]{1,4}T\b|UTC\b|-?\s*years?\s*-?\s*old\b))")


@functools.lru_cache(maxsize=65536)
def figures(text: str) -> frozenset[int]:
    """The figures a sentence gives (see above)."""
    found = set()
    for m in _FIGURE.finditer(_AGE.sub(r"\1 ,", _DATE.sub(" ", text))):
        written = m.group(1)
        n = int(written.replace(",", ""))
        if n >= 2 and not ("," not in written and len(written) == 4 and 1900 <= n <= 2100):
            found.add(n)
    return frozenset(found)


def _figure_evidence(a: dict, b: dict) -> float:
    """1 when the two sentences give a figure in common, else 0: two reports of one event tell
    other facts beside it, so figures they do not share say nothing against the match."""
    sa, sb = a.get("sentence") or a.get("evidence"), b.get("sentence") or b.get("evidence")
    if not sa or not sb:
        return 0.0
    return 1.0 if figures(sa) & figures(sb) else 0.0


# --- the decision -------------------------------------------------------------------------
def compare(a: dict, b: dict) -> Optional[MatchEvidence]:
    """None when the two reports cannot be one event; else what ties them together.
    Symmetric in its arguments."""
    if a["category"] != b["category"] or a.get("modality") != b.get("modality"):
        return None
    if a.get("doc_key") is not None and a.get("doc_key") == b.get("doc_key"):
        return None  # one article does not report one event as two
    date = _date_evidence(a, b)
    if date is None:
        return None
    place = _place_evidence(a, b)
    if place is None:
        return None
    countries, names = _side_evidence(a, b)
    return MatchEvidence(
        date=date, place=place, sides=countries, names=names, casualties=_casualty_evidence(a, b),
        sentence=text_similarity(a.get("sentence") or a.get("evidence"), b.get("sentence") or b.get("evidence")),
        trigger=text_similarity(a.get("evidence"), b.get("evidence")),
        event_type=_event_type_evidence(a, b), article=_article_evidence(a, b),
        figures=_figure_evidence(a, b), verbal=(a.get("quad_class") or b.get("quad_class")) in VERBAL_QUAD_CLASSES,
        timeless=(_day_range(a) is None) != (_day_range(b) is None))


def match_score(a: dict, b: dict) -> float:
    """0 when the two reports cannot be one event; else the weighted evidence (at least
    :data:`MATCH_THRESHOLD` to merge). Symmetric in its arguments."""
    evidence = compare(a, b)
    return 0.0 if evidence is None else max(0.0, evidence.score())
