"""The DuckDB store: idempotent ingest, quarantine, queries, crash safety."""
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from eventwire.readers import iter_documents
from eventwire.ingest import ingest
from eventwire.store import EventQuery, QuoteQuery, open_store

from conftest import SAMPLE


def _sample_jsonl(tmp_path: Path, n: int, bad_lines: bool = True) -> Path:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()[:n]
    if bad_lines:
        lines.insert(3, "{broken json")
        lines.insert(7, json.dumps({"id": "empty", "text": "   "}))
        lines.insert(9, json.dumps({"id": "baddate", "text": "Talks resumed.", "date": "2018-13-45"}))
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_ingest_stores_good_and_quarantines_bad(tmp_path):
    path = _sample_jsonl(tmp_path, 8)
    with open_store(tmp_path / "s.duckdb") as store:
        stats = ingest(store, iter_documents([path]), batch_size=4)
        assert (stats.read, stats.stored, stats.quarantined) == (11, 8, 3)
        assert stats.errors == {"E104": 1, "E101": 1, "E106": 1}
        counts = store.counts()
        assert counts["documents"] == 8 and counts["quarantine"] == 3
        raw = store.con.execute("SELECT raw FROM quarantine WHERE code = 'E104'").fetchone()[0]
        assert raw == b"{broken json\n"


def test_ingest_twice_stores_once(tmp_path):
    path = _sample_jsonl(tmp_path, 6)
    db = tmp_path / "s.duckdb"
    with open_store(db) as store:
        ingest(store, iter_documents([path]))
    with open_store(db) as store:
        again = ingest(store, iter_documents([path]))
        assert again.stored == 0 and again.quarantined == 0 and again.skipped == again.read == 9
        assert store.counts()["documents"] == 6 and store.counts()["quarantine"] == 3


def test_same_document_twice_in_one_batch_is_stored_once(tmp_path):
    line = SAMPLE.read_text(encoding="utf-8").splitlines()[0]
    path = tmp_path / "dup.jsonl"
    path.write_text(line + "\n" + line + "\n")
    with open_store(tmp_path / "s.duckdb") as store:
        stats = ingest(store, iter_documents([path]))
        assert (stats.stored, stats.skipped) == (1, 1)


def test_record_round_trips_through_the_store(tmp_path):
    path = _sample_jsonl(tmp_path, 3, bad_lines=False)
    first = json.loads(path.read_text().splitlines()[0])
    with open_store(tmp_path / "s.duckdb") as store:
        ingest(store, iter_documents([path]))
        record = store.record(first["id"])
        assert record["text"] == first["text"] and record["date"] == first["date"]
        assert record["schema"] == "eventwire/1"
        for part in ("actors", "times", "places", "quotes", "events"):
            for span in record[part]:
                if "start" in span:
                    assert record["text"][span["start"]:span["end"]] == span["text"]
        assert store.record("no-such-id") is None


def test_migrations_are_recorded_and_reopen_cleanly(tmp_path):
    db = tmp_path / "s.duckdb"
    open_store(db).close()
    with open_store(db) as store:
        versions = store.con.execute("SELECT version FROM schema_migrations").fetchall()
        assert versions == [(1,), (2,), (3,), (4,), (5,), (6,), (7,), (9,), (10,)]


@pytest.fixture(scope="module")
def four_documents(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("four")
    db = tmp / "s.duckdb"
    with open_store(db) as store:
        ingest(store, iter_documents([_sample_jsonl(tmp, 4, bad_lines=False)]))
    return db


@pytest.mark.parametrize("evil", ["'; DROP TABLE documents; --", "' OR 1=1 --", "%", "_", "\\", "%_%"])
def test_query_values_are_parameters_and_match_literally(four_documents, evil):
    with open_store(four_documents) as store:
        # what plain substring search finds, outside SQL's LIKE (none of these strings is in
        # the sample's texts: a wildcard read as a wildcard would match every row)
        literal = store.con.execute("SELECT count(*) FROM events WHERE strpos(lower(evidence), lower(?)) > 0",
                                    [evil]).fetchone()[0]
        assert literal == 0
        assert store.merged_events(EventQuery(text=evil, modality=None)) == []
        assert store.merged_events(EventQuery(actor=evil, modality=None)) == []
        assert store.merged_events(EventQuery(category=evil, country=evil[:3], modality=None)) == []
        assert store.actors(q=evil) == []
        assert store.quotes(QuoteQuery(text=evil)) == [] and store.quotes(QuoteQuery(speaker=evil)) == []
        assert store.counts()["documents"] == 4


def test_actor_search_finds_letters_of_a_name(four_documents):
    """The positive side of the test above (events by text: the wildcard test below)."""
    with open_store(four_documents) as store:
        actor = store.actors(limit=1)[0]
        assert actor in store.actors(q=actor["name"][1:].upper(), limit=1000)
        assert store.actors(q=actor["name"] + "qx") == []


INGEST = [sys.executable, "-m", "eventwire.cli", "ingest"]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sigkill_mid_ingest_then_resume_stores_each_document_once(tmp_path, seed):
    path = _sample_jsonl(tmp_path, 40)
    db = tmp_path / "crash.duckdb"
    rng = random.Random(seed)
    proc = subprocess.Popen(INGEST + [str(path), "--db", str(db), "--batch-size", "3"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(rng.uniform(2.0, 7.0))
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done = subprocess.run(INGEST + [str(path), "--db", str(db), "--batch-size", "3"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*), count(DISTINCT doc_key) FROM documents").fetchone() == (40, 40)
    assert con.execute("SELECT count(*) FROM quarantine").fetchone() == (3,)
    # Every document event belongs to exactly one merged event.
    assert con.execute("SELECT count(*) FROM events WHERE merged_id IS NULL OR merged_id NOT IN "
                       "(SELECT merged_id FROM merged_events)").fetchone() == (0,)
    con.close()


def test_readers_see_consistent_snapshots_while_ingest_writes(tmp_path):
    """Reader threads on their own cursors never see a half-written batch."""
    import threading

    path = _sample_jsonl(tmp_path, 24, bad_lines=False)
    store = open_store(tmp_path / "c.duckdb")
    seen, problems = [], []
    done = threading.Event()

    def read():
        while not done.is_set():
            view = store.reader()
            try:
                n_docs, n_actor_docs = view.con.execute(
                    "SELECT (SELECT count(*) FROM documents), "
                    "(SELECT count(DISTINCT doc_key) FROM actors)").fetchone()
                seen.append(n_docs)
                if n_docs % 4:  # batches of 4 commit together
                    problems.append(n_docs)
                if n_actor_docs > n_docs:
                    problems.append(("actors ahead", n_actor_docs, n_docs))
            finally:
                view.close()

    threads = [threading.Thread(target=read) for _ in range(3)]
    for t in threads:
        t.start()
    ingest(store, iter_documents([path]), batch_size=4)
    done.set()
    for t in threads:
        t.join()
    store.close()
    assert not problems
    assert len(set(seen)) > 2  # the readers really ran while batches were committed


@pytest.mark.parametrize("needle, hits", [
    ("50%", {"M1"}), ("a_b", {"M2"}), ("c\\d", {"M3"}), ("%", {"M1"}), ("_", {"M2"}), ("\\", {"M3"}),
    ("50", {"M1"}), ("axb", set()),
])
def test_text_and_actor_search_take_like_wildcards_literally(tmp_path, needle, hits):
    with open_store(tmp_path / "s.duckdb") as store:
        for n, text in ((1, "prices rose 50% in a day"), (2, "the a_b group protested"), (3, "path c\\d seized")):
            store.con.execute("INSERT INTO events (doc_key, event_id, doc_id, category, evidence, source_text, "
                              "modality) VALUES (?, 'E1', ?, 'PROTEST', ?, ?, 'asserted')",
                              [f"k{n}", f"d{n}", text, text])
            store.con.execute("INSERT INTO merged_events (merged_id, category, quad_class, modality, n_sources, "
                              "best_doc_key, best_event_id) VALUES (?, 'PROTEST', 3, 'asserted', 1, ?, 'E1')",
                              [f"M{n}", f"k{n}"])
            store.con.execute("UPDATE events SET merged_id = ? WHERE doc_key = ?", [f"M{n}", f"k{n}"])
        by_text = {e["event_id"] for e in store.merged_events(EventQuery(text=needle))}
        by_actor = {e["event_id"] for e in store.merged_events(EventQuery(actor=needle))}
    # the actor filter takes an actor or a side's whole words, never a pattern or a fragment
    assert by_text == hits and by_actor == set()


def test_merged_events_keep_mentions_claims_and_place_origin(tmp_path):
    """The store carries the event fields of issues 16 and 17 through to `eventwire events`."""
    from eventwire.document import Document, parse_date
    from eventwire.store.db import open_store

    text = ("Gunmen attacked a bus near Kaduna on Monday. \"They fired at everyone,\" a survivor said. "
            "The rebels claimed that government troops shelled the village of Kauru on Sunday.")
    store = open_store(tmp_path / "s.duckdb")
    ingest(store, [Document(id="k", text=text, date=parse_date("2024-03-18"))])
    events = {e["category"] + e["evidence"]["text"]: e for e in store.merged_events()}
    attack = next(e for k, e in events.items() if e["evidence"]["text"] == "attacked")
    assert attack["place"]["from"] == "trigger" and text[attack["place"]["start"]:attack["place"]["end"]] == "Kaduna"
    assert attack["claimed_by"] is None   # told in the journalist's voice as well as the quote
    assert [m["text"] for m in attack["mentions"]] == ["fired"]
    shelling = next(e for e in events.values() if e["evidence"]["text"] == "shelled")
    assert shelling["claimed_by"]["text"] == "The rebels"


@pytest.mark.parametrize("params, expected", [
    ({}, {"modality": "asserted", "bbox": None}),
    ({"modality": "any"}, {"modality": None}),
    ({"modality": "negated", "bbox": "30,40,50,60"}, {"modality": "negated", "bbox": (30.0, 40.0, 50.0, 60.0)}),
    ({"bbox": "170,-10,190,10"}, {"bbox": (170.0, -10.0, -170.0, 10.0)}),   # across the date line
    ({"country": "SYR", "text": "shelled", "limit": 5}, {"country": "SYR", "text": "shelled", "limit": 5}),
])
def test_one_query_from_the_filters_a_user_gives(params, expected):
    """The command line and the API build their queries the same way."""
    query = EventQuery.from_params(**params)
    assert {k: getattr(query, k) for k in expected} == expected


@pytest.mark.parametrize("bbox", ["1,2,3", "a,b,c,d", "0,50,10,40", "0,0,nan,1"])
def test_a_malformed_box_is_refused(bbox):
    with pytest.raises(ValueError):   # the CLI and the API answer it with BBOX_HELP
        EventQuery.from_params(bbox=bbox)
