"""Merged events kept from per-date summaries (store.merged) show what a recomputation from all
their reports shows, batch after batch, when reports join, outvote and join merged events."""
import datetime as dt

import duckdb
import pytest
from hypothesis import given, settings, strategies as st

from eventwire.document import Document
from eventwire.record import Event, EventActor, EventPlace, Mention, Place, Record, SentenceSpan
from eventwire.store import open_store
from eventwire.store import schema
from eventwire.store.merged import REPORT_FIELDS, Joining, update_merged_events

# What the refresh computed from every report of a merged event before the summaries: the oracle.
RECOMPUTED = """
    WITH totals AS (SELECT merged_id, count(DISTINCT doc_key) AS n_sources,
                           list_sort(list_distinct(list(date))) AS dates_reported FROM events GROUP BY merged_id),
    best AS (SELECT * FROM (SELECT *, count(*) OVER (PARTITION BY merged_id, date) AS votes FROM events)
             QUALIFY row_number() OVER (PARTITION BY merged_id ORDER BY votes DESC,
                 CASE date_precision WHEN 'day' THEN 3 WHEN 'month' THEN 2 WHEN 'year' THEN 1 ELSE 0 END DESC,
                 CASE WHEN lat IS NULL THEN 0 ELSE CASE place_feature WHEN 'city' THEN 5 WHEN 'admin2' THEN 4
                     WHEN 'admin1' THEN 3 WHEN 'region' THEN 2 WHEN 'other' THEN 2 WHEN 'country' THEN 1
                     ELSE 0 END END DESC,
                 coalesce(confidence, 0) DESC, doc_key, event_id) = 1)
    SELECT merged_id, day, date, date_precision, source_country, target_country, place_country, place_feature,
           lat, lon, n_sources, doc_key, event_id, dates_reported
    FROM best JOIN totals USING (merged_id) ORDER BY merged_id"""
SHOWN = """SELECT merged_id, day, date, date_precision, source_country, target_country, place_country,
                  place_feature, lat, lon, n_sources, best_doc_key, best_event_id, dates_reported
           FROM merged_events ORDER BY merged_id"""

PLACES = {"Idlib": ("city", 35.93, 36.63), "Idlib Governorate": ("admin1", 35.8, 36.6), "Syria": ("country", 35.0, 38.0),
          None: (None, None, None)}


def report(doc, event, date=None, precision="day", place="Idlib", confidence=0.8, source="RUS"):
    feature, lat, lon = PLACES[place]
    day = None if date is None else dt.date.fromisoformat((date + "-01-01")[:10])
    return {"doc_key": doc, "event_id": event, "doc_id": doc, "category": "ASSAULT", "quad_class": 4,
            "modality": "asserted", "day": day, "date": date, "date_precision": precision if date else None,
            "source_country": source, "target_country": "SYR", "place_country": "SYR" if place else None,
            "place_feature": feature, "lat": lat, "lon": lon, "confidence": confidence}


def store_batch(con, groups):
    """One batch: ``groups`` is a list of (stored merged ids the group joins, its new reports)."""
    joinings = []
    for stored, reports in groups:
        stored = sorted(stored, key=lambda m: int(m[1:]))
        joinings.append(Joining(stored[0], True, stored[1:], list(reports)) if stored
                        else Joining(f"M{con.execute('SELECT nextval(?)', ['merged_seq']).fetchone()[0]}", False, [],
                                     list(reports)))
    update_merged_events(con, joinings)
    columns = ("doc_id", "category", "quad_class", "modality", *REPORT_FIELDS)
    for j in joinings:
        for r in j.reports:
            con.execute(f"INSERT INTO events (merged_id, {', '.join(columns)}) VALUES (?{', ?' * len(columns)})",
                        [j.merged_id, *(r[c] for c in columns)])
    return [j.merged_id for j in joinings]


def assert_as_recomputed(con):
    assert con.execute(SHOWN).fetchall() == con.execute(RECOMPUTED).fetchall()


@pytest.fixture
def con(tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        yield store.con


def test_a_date_more_reports_give_takes_over(con):
    [m] = store_batch(con, [([], [report("a", "E1", "2019-05-14")])])
    store_batch(con, [([m], [report("b", "E1", "2019-05-15", place="Syria"), report("c", "E1", "2019-05-15")])])
    assert_as_recomputed(con)
    assert con.execute("SELECT date, best_doc_key, n_sources FROM merged_events").fetchall() == [("2019-05-15", "c", 3)]


@pytest.mark.parametrize("later, best", [
    (report("b", "E1", "2019-05-14", place="Idlib Governorate"), "a"),   # a province never beats a city
    (report("b", "E1", "2019-05-14", confidence=0.9), "b"),              # more confident, same date and place
    (report("0", "E1", "2019-05-14"), "0"),                              # a tie: the smaller document key
    (report("b", "E1", "2019-05", precision="month"), "a"),              # another date with one vote: the older wins
    (report("b", "E1", None, place=None, confidence=None), "a"),
])
def test_the_best_report_of_a_merged_event(con, later, best):
    [m] = store_batch(con, [([], [report("a", "E1", "2019-05-14")])])
    store_batch(con, [([m], [later])])
    assert_as_recomputed(con)
    assert con.execute("SELECT best_doc_key FROM merged_events").fetchall() == [(best,)]


def test_joining_two_merged_events_that_share_an_article_counts_it_once(con):
    # Article "a" told two attacks that stayed apart; a third report matched both.
    first, second = store_batch(con, [([], [report("a", "E1", "2019-05-14")]),
                                      ([], [report("a", "E2", "2019-05-15", place="Syria"),
                                            report("b", "E1", "2019-05-15")])])
    [joined] = store_batch(con, [([first, second], [report("c", "E1", "2019-05-14", place="Idlib Governorate")])])
    assert_as_recomputed(con)
    assert joined == min(first, second, key=lambda m: int(m[1:]))
    assert con.execute("SELECT n_sources, dates_reported FROM merged_events").fetchall() == [
        (3, ["2019-05-14", "2019-05-15"])]
    assert con.execute("SELECT count(*), sum(votes) FROM merged_event_dates").fetchone() == (2, 4)


def test_votes_an_absorbed_event_brings_to_a_date_its_survivor_does_not_show(con):
    # The first merged event shows May (one vote against one undated report); the second holds
    # two undated reports; once joined, the undated reports outvote May three to two.
    first, second = store_batch(con, [([], [report("a", "E1", "2019-05", "month"), report("b", "E1", place=None)]),
                                      ([], [report("a", "E2", place="Syria"), report("c", "E1")])])
    store_batch(con, [([first, second], [report("d", "E1", "2019-05", "month")])])
    assert_as_recomputed(con)
    assert con.execute("SELECT date, best_doc_key, n_sources FROM merged_events").fetchall() == [(None, "c", 4)]


def test_undated_reports_give_no_date(con):
    [m] = store_batch(con, [([], [report("a", "E1", place=None, confidence=None)])])
    store_batch(con, [([m], [report("b", "E1", confidence=0.3)])])
    assert_as_recomputed(con)
    assert con.execute("SELECT date, dates_reported, best_doc_key FROM merged_events").fetchall() == [(None, [], "b")]


DATES = [None, "2019-05", "2019-05-14", "2019-05-15"]
REPORTS = st.tuples(st.sampled_from(DATES), st.sampled_from(list(PLACES)), st.sampled_from([None, 0.5, 0.8]))


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(st.tuples(st.lists(st.integers(0, 30), max_size=3), st.lists(REPORTS, min_size=1, max_size=3)),
                         min_size=1, max_size=4), min_size=1, max_size=5),
       st.integers(0, 3))
def test_summaries_agree_with_every_report_whatever_joins_what(batches, docs_per_batch):
    """Random batches: each group joins some of the stored merged events (or none) and brings
    reports whose articles may also have reports in other groups of the batch."""
    con = duckdb.connect()
    schema.migrate(con)
    doc_number = 0
    for batch in batches:
        alive = [m for (m,) in con.execute("SELECT merged_id FROM merged_events ORDER BY merged_id").fetchall()]
        taken, groups = set(), []
        for picks, reports in batch:
            stored = {alive[p % len(alive)] for p in picks if alive} - taken
            taken |= stored
            built = []
            for k, (date, place, confidence) in enumerate(reports):
                doc = f"d{doc_number + k % (docs_per_batch + 1)}"
                built.append(report(doc, f"E{len(groups)}{k}", date, "month" if date and len(date) == 7 else "day",
                                    place, confidence))
            groups.append((sorted(stored), built))
        doc_number += docs_per_batch + 1
        store_batch(con, groups)
        assert_as_recomputed(con)


def strike(doc, published, date, place, lat, lon, feature, confidence=0.8):
    text = f"Russian warplanes struck rebel positions in {place} on Tuesday, killing 12 fighters."
    start = text.index(place)
    event = Event(
        id="E1", category="ASSAULT", cameo="195", goldstein=-10.0, quad_class=4,
        source=EventActor(text="Russian warplanes", country="RUS", sector="MIL"),
        target=EventActor(text="rebel positions", country="SYR", sector="REB"), date=date, date_precision="day",
        place=EventPlace(name=place, country="SYR", lat=lat, lon=lon, feature=feature),
        modality="asserted", sentence=SentenceSpan(start=0, end=len(text)),
        evidence=Mention(start=18, end=24, text="struck"), confidence=confidence)
    record = Record(id=doc, date=published, text=text, events=[event], places=[Place(
        start=start, end=start + len(place), text=place, name=place, feature=feature, country="SYR", lat=lat, lon=lon)])
    return Document(id=doc, text=text, date=dt.date.fromisoformat(published)), record


IDLIB = ("Idlib", 35.93, 36.63, "city")
PROVINCE = ("Idlib Governorate", 35.8, 36.6, "admin1")


def test_an_existing_store_gets_its_summaries(tmp_path):
    """A store written before migration 010 (its summaries taken away, the migration undone):
    migrating gives each merged event its summaries, and a report joining one afterwards is
    counted with the old ones."""
    path = tmp_path / "old.duckdb"
    with open_store(path) as store:
        store.write_batch([strike("a", "2019-05-14", "2019-05-14", *PROVINCE),
                           strike("b", "2019-05-14", "2019-05-14", *IDLIB, confidence=0.9),
                           strike("c", "2019-05-15", "2019-05-15", *IDLIB)])
        assert store.con.execute("SELECT count(*), max(n_sources) FROM merged_events").fetchone() == (1, 3)
        store.con.execute("DROP TABLE merged_event_dates")
        store.con.execute("DELETE FROM schema_migrations WHERE version = 10")

    with open_store(path) as store:
        assert_as_recomputed(store.con)
        assert store.con.execute("SELECT d.date, votes, doc_id FROM merged_event_dates d JOIN events USING (doc_key) "
                                 "ORDER BY d.date").fetchall() == [
            ("2019-05-14", 2, "b"), ("2019-05-15", 1, "c")]
        # Another outlet's report of the 15th: two votes each, and the tie goes to the more
        # confident best report, the 14th's "b".
        store.write_batch([strike("d", "2019-05-16", "2019-05-15", *IDLIB)])
        assert store.con.execute("SELECT n_sources, doc_id FROM merged_events JOIN events ON doc_key = best_doc_key"
                                 ).fetchall() == [(4, "b")]
        assert_as_recomputed(store.con)
