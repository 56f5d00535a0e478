"""Merging a report that nothing places in time (no date of its own, in an article without
one) with dated reports: only on strong other evidence, and never across two dated events
days apart."""
import datetime as dt
import itertools
from dataclasses import replace

import pytest

from eventwire.document import Document
from eventwire.ingest import ingest
from eventwire.merge import MATCH_THRESHOLD, TIMELESS_MARGIN, compare, dates_days_apart, is_timeless, match_score
from eventwire.record import Event, EventActor, EventPlace, Mention, Place, Record, SentenceSpan
from eventwire.store import open_store

from mergestore import groups_of, merged

TOWNS = {"Idlib": (35.93, 36.63, 169388, "SYR", "city"), "Gaziantep": (37.07, 37.38, 314830, "TUR", "city"),
         "Aleppo": (36.20, 37.16, 170063, "SYR", "city"),  # ~57 km from Idlib: another town's strike
         "Syria": (35.0, 38.0, 163843, "SYR", "country")}


def strike(doc_id, text, published, town="Idlib", event_date=None):
    """One report of an air strike; ``published`` None for an article without a date,
    ``event_date`` None for a report without a date of its own."""
    lat, lon, gid, country, feature = TOWNS[town]
    ev = Event(id="E1", category="ASSAULT", cameo="195", goldstein=-10.0, quad_class=4,
               source=EventActor(text="Russian warplanes", country="RUS", sector="MIL"),
               target=EventActor(text="rebels", country="SYR", sector="REB"),
               date=event_date, date_precision="day" if event_date else None,
               place=EventPlace(name=town, country=country, lat=lat, lon=lon, geonameid=gid),
               modality="asserted", sentence=SentenceSpan(start=0, end=len(text)),
               evidence=Mention(start=0, end=len(text), text=text), confidence=0.8)
    start = text.find(town)
    places = [Place(start=start, end=start + len(town), text=town, name=town, feature=feature, country=country,
                    lat=lat, lon=lon, geonameid=gid)] if start >= 0 else []
    rec = Record(id=doc_id, date=published, text=text, events=[ev], places=places)
    return Document(id=doc_id, text=text, date=dt.date.fromisoformat(published) if published else None), rec


TUESDAY = strike("dated-tue", "Russian warplanes struck rebel positions in Idlib on Tuesday, killing 12 fighters.",
                 "2019-05-14", event_date="2019-05-14")
NEXT_WEEK = strike("dated-next", "Russian warplanes struck rebel positions in Idlib on Monday, killing 12 fighters.",
                   "2019-05-20", event_date="2019-05-20")
TIMELESS = strike("timeless", "Russian warplanes struck rebel positions in Idlib, killing 12 fighters.", None)
# Nothing but the category and the country in common: too little for a report with no time.
TIMELESS_WEAK = strike("timeless-weak", "A market was hit during the fighting, residents told reporters.", None)
# The same strike told with fewer of its facts: enough for a report of an article of that day,
# not for one that nothing places in time.
TIMELESS_MEDIUM = strike("timeless-medium", "Warplanes bombed rebel positions in Idlib, monitors said.", None)
TIMELESS_ABROAD = strike("timeless-abroad", "Russian warplanes struck rebel positions near Gaziantep, killing 12 "
                         "fighters.", None, town="Gaziantep")
# An undated report of a dated article is placed in time by its article, as before.
UNDATED_LATE = strike("undated-late", "Russian warplanes struck rebel positions in Idlib, killing 12 fighters.",
                      "2019-08-01")


def rows_of(*pairs):
    from eventwire.store.write import event_row

    return [event_row(doc.content_hash, rec, rec.events[0], {}) for doc, rec in pairs]


@pytest.mark.parametrize("pair, timeless", [(TIMELESS, True), (TUESDAY, False), (UNDATED_LATE, False)])
def test_a_report_is_timeless_when_neither_it_nor_its_article_has_a_date(pair, timeless):
    (row,) = rows_of(pair)
    assert is_timeless(row) is timeless


def test_a_timeless_report_meets_a_dated_one_with_a_margin_to_clear():
    dated, timeless, late = rows_of(TUESDAY, TIMELESS, UNDATED_LATE)
    evidence = compare(dated, timeless)
    assert evidence.timeless and evidence.date == 0.0
    assert match_score(dated, timeless) == pytest.approx(replace(evidence, timeless=False).score() - TIMELESS_MARGIN)
    assert match_score(dated, timeless) == match_score(timeless, dated)
    assert compare(dated, late) is None  # its article appeared months later


@pytest.mark.parametrize("other, joins", [(TIMELESS, True), (TIMELESS_MEDIUM, False), (TIMELESS_WEAK, False),
                                          (TIMELESS_ABROAD, False)])
def test_a_timeless_report_joins_a_dated_event_only_on_strong_evidence(other, joins):
    groups, events = merged([TUESDAY, other])
    assert (groups == [tuple(sorted(("dated-tue", other[0].id)))]) is joins
    if joins:
        (event,) = events
        assert event["n_sources"] == 2 and event["date"] == "2019-05-14"


def test_the_medium_report_is_kept_apart_by_the_margin_alone():
    """Dated by its article, the medium report would join; with nothing to date it, it does not."""
    dated, medium = rows_of(TUESDAY, TIMELESS_MEDIUM)
    evidence = compare(dated, medium)
    assert evidence.score() < MATCH_THRESHOLD <= replace(evidence, timeless=False).score()
    groups, _ = merged([TUESDAY, strike("medium-dated", TIMELESS_MEDIUM[0].text, "2019-05-14", event_date="2019-05-14")])
    assert groups == [("dated-tue", "medium-dated")]


@pytest.mark.parametrize("order", list(itertools.permutations([TUESDAY, NEXT_WEEK, TIMELESS])))
def test_a_timeless_report_never_joins_two_dated_events_days_apart(order):
    groups, events = merged([TUESDAY, NEXT_WEEK, TIMELESS], list(order))
    assert not any({"dated-tue", "dated-next"} <= set(g) for g in groups)
    assert any("timeless" in g and len(g) == 2 for g in groups)  # it joins one of them
    assert sorted(e["n_sources"] for e in events) == [1, 2]


def test_undated_reports_never_chain_two_dated_events_days_apart():
    """Each strike has its timeless report; a third, placed only in the country, matches both
    timeless reports: it joins one strike, never both."""
    tuesday = strike("idlib-tue", "Russian warplanes struck rebel positions in Idlib on Tuesday.", "2019-05-14",
                     event_date="2019-05-14")
    idlib = strike("idlib-timeless", "Russian warplanes struck rebel positions in Idlib.", None)
    monday = strike("aleppo-mon", "Russian warplanes struck rebel positions in Aleppo on Monday.", "2019-05-20",
                    town="Aleppo", event_date="2019-05-20")
    aleppo = strike("aleppo-timeless", "Russian warplanes struck rebel positions in Aleppo.", None, town="Aleppo")
    country = strike("syria-timeless", "Russian warplanes struck rebel positions in Syria.", None, town="Syria")
    groups, _ = merged([tuesday, idlib, monday, aleppo, country])
    assert any({"idlib-tue", "idlib-timeless"} <= set(g) for g in groups)
    assert any({"aleppo-mon", "aleppo-timeless"} <= set(g) for g in groups)
    assert not any({"idlib-tue", "aleppo-mon"} <= set(g) for g in groups)
    assert any("syria-timeless" in g and len(g) == 3 for g in groups)


def test_a_timeless_report_in_one_batch_with_two_dated_events_days_apart(tmp_path):
    with open_store(tmp_path / "b.duckdb") as store:
        store.write_batch([TUESDAY, NEXT_WEEK, TIMELESS])
        with_batch = groups_of(store)
    assert not any({"dated-tue", "dated-next"} <= set(g) for g in with_batch)
    assert len(with_batch) == 2


@pytest.mark.parametrize("days_a, days_b, apart", [
    ({dt.date(2019, 5, 14)}, {dt.date(2019, 5, 15)}, False),   # a day apart: one event told across midnight
    ({dt.date(2019, 5, 14)}, {dt.date(2019, 5, 20)}, True),
    ({dt.date(2019, 5, 13), dt.date(2019, 5, 14)}, {dt.date(2019, 5, 15)}, True),
    (set(), {dt.date(2019, 5, 20)}, False),                     # a group of undated reports
])
def test_which_merged_events_are_days_apart(days_a, days_b, apart):
    assert dates_days_apart(days_a, days_b) is apart
    assert dates_days_apart(days_b, days_a) is apart


# --- the candidate query reaches the dated reports of a timeless one's country, and back ---------
@pytest.mark.parametrize("probe", [TIMELESS, TIMELESS_ABROAD, TUESDAY, UNDATED_LATE])
def test_the_candidate_query_reaches_what_the_rule_allows_across_countries(probe, tmp_path):
    from eventwire.store.write import _PROBE_RULE_SQL, _PROBES_SQL, _block_probe

    stored = [strike(f"s-{town}-{published}-{event_date}", f"Russian warplanes struck {town} ({published}, {event_date}).",
                     published, town=town, event_date=event_date)
              for town, published, event_date in itertools.product(
                  ["Idlib", "Gaziantep"], ["2019-05-14", None], ["2019-05-14", "2019-05-20", None])]
    with open_store(tmp_path / "q.duckdb") as store:
        store.write_batch(stored)
        probes = [_block_probe(rows_of(probe)[0])]
        cur = store._candidate_reports(probes)
        names = [d[0] for d in cur.description]
        reached = sorted(dict(zip(names, r))["doc_id"] for r in cur.fetchall())
        ruled = sorted(doc_id for (doc_id,) in store.con.execute(
            f"SELECT e.doc_id FROM events e WHERE EXISTS (SELECT 1 FROM {_PROBES_SQL} p WHERE {_PROBE_RULE_SQL})",
            [list(col) for col in zip(*probes)]).fetchall())
    assert reached == ruled
    town = probe[1].events[0].place.name
    if probe is TIMELESS or probe is TIMELESS_ABROAD:   # the dated reports of its own country
        assert {d for d in reached if not d.endswith("-None")} == {
            f"s-{town}-{p}-{d}" for p in ["2019-05-14", None] for d in ["2019-05-14", "2019-05-20"]}
    if probe is TUESDAY:                                # and the timeless ones of its country
        assert "s-Idlib-None-None" in reached and "s-Gaziantep-None-None" not in reached


# --- written articles, through the whole pipeline --------------------------------------------
def ingest_articles(articles, nlp, tmp_path):
    docs = [Document(id=doc_id, text=text, date=dt.date.fromisoformat(date) if date else None)
            for doc_id, date, text in articles]
    with open_store(tmp_path / "articles.duckdb") as store:
        ingest(store, docs, nlp=nlp)
        rows = store._rows("SELECT * FROM events WHERE category = 'ASSAULT' AND modality = 'asserted' "
                           "ORDER BY doc_id, event_id", [])
    first = {}
    for r in rows:
        first.setdefault(r["doc_id"], r)
    return first


MARKET_DATED = ("dated", "2024-03-09", "Suicide bombers killed 31 people at a crowded market in Maiduguri on "
                                       "Saturday, Nigerian police said.")
MARKET_TIMELESS = ("timeless", None, "Suicide bombers killed 31 people at a crowded market in Maiduguri, Nigerian "
                                     "police said.")
MARKET_WEEK_LATER = ("week-later", "2024-03-16", "Suicide bombers killed 31 people at a crowded market in "
                                                 "Maiduguri on Saturday, Nigerian police said.")
MARKET_ABROAD = ("abroad", None, "Suicide bombers killed 31 people at a crowded market in Maroua, Cameroonian "
                                 "police said.")


def test_an_article_without_a_date_joins_the_dated_report_of_its_bombing(nlp, tmp_path):
    first = ingest_articles([MARKET_DATED, MARKET_TIMELESS], nlp, tmp_path)
    dated, timeless = first["dated"], first["timeless"]
    assert timeless["day"] is None and timeless["doc_date"] is None
    assert compare(dated, timeless).timeless
    assert dated["merged_id"] == timeless["merged_id"]


def test_an_article_without_a_date_does_not_join_two_bombings_a_week_apart(nlp, tmp_path):
    first = ingest_articles([MARKET_DATED, MARKET_WEEK_LATER, MARKET_TIMELESS], nlp, tmp_path)
    assert first["dated"]["merged_id"] != first["week-later"]["merged_id"]
    assert first["timeless"]["merged_id"] in (first["dated"]["merged_id"], first["week-later"]["merged_id"])


def test_an_article_without_a_date_in_another_country_stays_apart(nlp, tmp_path):
    first = ingest_articles([MARKET_DATED, MARKET_ABROAD], nlp, tmp_path)
    assert first["abroad"]["place_country"] != first["dated"]["place_country"]
    assert first["dated"]["merged_id"] != first["abroad"]["merged_id"]
