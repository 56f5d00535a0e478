"""Merging reports of the same real-world event across documents."""
import datetime as dt
import itertools

import pytest
from hypothesis import given, settings, strategies as st

from eventwire.document import Document
from eventwire.merge import match_score
from eventwire.record import Event, EventActor, EventPlace, Mention, Place, Record, SentenceSpan
from eventwire.store import EventQuery, open_store

PLACES = {
    "Idlib": (35.93, 36.63, 169388),
    "Maarat al-Numan": (35.64, 36.67, 169113),  # ~32 km from Idlib
    "Aleppo": (36.20, 37.16, 170063),            # ~57 km from Idlib
    "Kabul": (34.53, 69.17, 1138958),
}


def report(doc_id, text, date, place, category="ASSAULT", src=("RUS", "MIL"), tgt=("SYR", "REB"),
           event_date=None, modality="asserted", precision="day"):
    lat, lon, gid = PLACES[place]
    start = text.index(place)
    ev = Event(
        id="E1", category=category, cameo="195", goldstein=-10.0, quad_class=4,
        source=EventActor(text="Russian warplanes", country=src[0], sector=src[1]),
        target=EventActor(text="rebels", country=tgt[0], sector=tgt[1]) if tgt else None,
        date=event_date or date, date_precision=precision,
        place=EventPlace(name=place, country="SYR", lat=lat, lon=lon, geonameid=gid),
        modality=modality, sentence=SentenceSpan(start=0, end=len(text)),
        evidence=Mention(start=0, end=len(text), text=text), confidence=0.8)
    rec = Record(id=doc_id, date=date, text=text, events=[ev],
                 places=[Place(start=start, end=start + len(place), text=place, name=place, feature="city",
                               country="SYR", lat=lat, lon=lon, geonameid=gid)])
    doc = Document(id=doc_id, text=text, date=dt.date.fromisoformat(date))
    return doc, rec


STRIKE_A = report("outlet-a", "Russian warplanes struck rebel positions in Idlib on Tuesday.", "2019-05-14", "Idlib")
STRIKE_B = report("outlet-b", "Airstrikes by Russian jets hit rebels in Idlib, monitors said.", "2019-05-15", "Idlib",
                  event_date="2019-05-14")
OTHER_TOWN = report("outlet-c", "Russian jets also bombed rebels in Aleppo on Tuesday.", "2019-05-14", "Aleppo")
LATER = report("outlet-d", "Russian warplanes struck rebel positions in Idlib again.", "2019-05-20", "Idlib")
PLANNED = report("outlet-e", "Russian warplanes will strike rebel positions in Idlib, officials warned.",
                 "2019-05-14", "Idlib", modality="future")


def merged(results, order=None):
    import tempfile, os

    with tempfile.TemporaryDirectory() as tmp:
        with open_store(os.path.join(tmp, "m.duckdb")) as store:
            for pair in (order or results):
                store.write_batch([pair])
            groups = store.con.execute(
                "SELECT list(doc_id ORDER BY doc_id) FROM events GROUP BY merged_id").fetchall()
            events = store.merged_events(EventQuery(modality=None))
    return sorted(tuple(g) for (g,) in groups), events


def test_two_outlets_one_strike():
    groups, events = merged([STRIKE_A, STRIKE_B])
    assert groups == [("outlet-a", "outlet-b")]
    (event,) = events
    assert event["n_sources"] == 2
    assert {s["doc"] for s in event["sources"]} == {"outlet-a", "outlet-b"}
    assert event["date"] == "2019-05-14"


def test_two_strikes_in_different_towns_same_day_stay_two():
    groups, _ = merged([STRIKE_A, OTHER_TOWN])
    assert groups == [("outlet-a",), ("outlet-c",)]


@pytest.mark.parametrize("other", [LATER, PLANNED])
def test_different_day_or_modality_stays_apart(other):
    groups, _ = merged([STRIKE_A, other])
    assert len(groups) == 2


def test_month_precision_report_joins_a_day_in_that_month():
    vague = report("outlet-f", "Russian warplanes struck rebels in Idlib in May.", "2019-06-02", "Idlib",
                   event_date="2019-05", precision="month")
    groups, _ = merged([STRIKE_A, vague])
    assert groups == [("outlet-a", "outlet-f")]


def test_report_that_bridges_two_merged_events_joins_them():
    near = report("outlet-g", "Russian jets struck rebels near Maarat al-Numan on Tuesday.", "2019-05-14",
                  "Maarat al-Numan")
    far = report("outlet-h", "Russian warplanes hit rebels around Idlib.", "2019-05-14", "Idlib")
    groups, events = merged([STRIKE_A, near, far])
    assert groups == [("outlet-a", "outlet-g", "outlet-h")] and events[0]["n_sources"] == 3


def test_match_score_is_symmetric():
    rows = []
    for doc, rec in (STRIKE_A, STRIKE_B, OTHER_TOWN, LATER, PLANNED):
        from eventwire.store.db import event_row

        rows.append(event_row(doc.content_hash, rec, rec.events[0], {p.geonameid: p.feature for p in rec.places}))
    for a, b in itertools.product(rows, rows):
        assert match_score(a, b) == match_score(b, a)


ALL = [STRIKE_A, STRIKE_B, OTHER_TOWN, LATER, PLANNED,
       report("outlet-g", "Russian jets struck rebels near Maarat al-Numan on Tuesday.", "2019-05-14",
              "Maarat al-Numan")]


@settings(max_examples=15, deadline=None)
@given(st.permutations(ALL))
def test_merging_does_not_depend_on_arrival_order(order):
    assert merged(ALL, order)[0] == merged(ALL)[0]
