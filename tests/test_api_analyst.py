"""The API behind the page's analyst questions (issue 23): filters that every view shares, the
paged and sorted event list with its total, the streamed CSV, actors not words, regions
across the date line, quotes by speaker, honest counts over time and by country."""
from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from eventwire.api import create_app
from eventwire.store import EventQuery, QuoteQuery, open_store, parse_bbox, parse_sort

# Reports as the store keeps them: (merged id, category, quad class, date, precision, place
# (name, feature, country, lat, lon), source (actor id, words, country, sector), target).
EVENTS = [
    ("M1", "ASSAULT", 4, "2020-03-02", "day", ("Suva", "city", "FJI", -18.14, 178.44),
     ("A1", "Fijian troops", "FJI", "MIL"), ("A2", "protesters", "FJI", "CVL")),
    ("M2", "PROTEST", 4, "2020-03-05", "day", ("Apia", "city", "WSM", -13.83, -171.76),
     ("A1", "Students", "WSM", "EDU"), None),
    ("M3", "CONSULT", 1, "2020-03-05", "day", ("London", "city", "GBR", 51.51, -0.13),
     ("A1", "Boris Johnson", "GBR", "GOV"), ("A2", "Emmanuel Macron", "FRA", "GOV")),
    ("M4", "ACCUSE", 3, "2020-03", "month", ("United States", "country", "USA", 39.76, -98.5),
     ("A1", "the White House", "USA", "GOV"), ("A2", "Johnson", "GBR", "GOV")),
    ("M5", "AID", 2, "2019", "year", ("Kenya", "country", "KEN", 1.0, 38.0),
     ("A1", "the United Nations", None, "IGO"), None),
    ("M6", "REQUEST", 1, None, None, None,
     ("A1", "Senator Johnson", "USA", "LEG"), ("A2", "=cmd|' /C calc'!A0", None, None)),
]
# The actors each report's document resolves its sides to: (doc, actor id, name, code).
ACTORS = {"M3": [("A1", "Boris Johnson", "GBRGOV"), ("A2", "Emmanuel Macron", "FRAGOV")],
          "M4": [("A1", "White House", "USAGOV"), ("A2", "Boris Johnson", "GBRGOV")],
          "M6": [("A1", "Ron Johnson", "USALEG")]}


def _day(date, precision):
    if date is None:
        return None
    return {"day": date, "month": date + "-01", "year": date + "-01-01"}[precision]


def add_events(store, events=EVENTS, actors=ACTORS):
    for merged, cat, quad, date, precision, place, src, tgt in events:
        key, doc = f"k{merged}", f"doc-{merged}"
        text = f"Report {merged}: {src[1]} and {tgt[1] if tgt else 'nobody'} met."
        store.con.execute("INSERT INTO documents (doc_key, id, title, date, url, text, record) VALUES (?, ?, ?, ?, ?, ?, '{}')",
                          [key, doc, f"Title of {merged} — Überschrift", "2020-03-10", f"https://news.example/{merged}", text])
        for actor_id, name, code in actors.get(merged, []):
            store.con.execute("INSERT INTO actors (doc_key, actor_id, name, code, n_mentions) VALUES (?, ?, ?, ?, 1)",
                              [key, actor_id, name, code])
        pname, feature, pcountry, lat, lon = place or (None,) * 5
        row = dict(doc_key=key, event_id="E1", doc_id=doc, doc_date="2020-03-10", url=f"https://news.example/{merged}",
                   category=cat, quad_class=quad, date=date, date_precision=precision, day=_day(date, precision),
                   source_actor=src[0], source_text=src[1], source_country=src[2], source_sector=src[3],
                   target_actor=tgt[0] if tgt else None, target_text=tgt[1] if tgt else None,
                   target_country=tgt[2] if tgt else None, target_sector=tgt[3] if tgt else None,
                   place_name=pname, place_feature=feature, place_country=pcountry, lat=lat, lon=lon,
                   modality="asserted", sentence_start=0, sentence_end=len(text), evidence_start=0,
                   evidence_end=6, evidence="Report", sentence=text, merged_id=merged)
        store.con.execute(f"INSERT INTO events ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
        store.con.execute(
            "INSERT INTO merged_events (merged_id, category, quad_class, day, date, date_precision, source_country, "
            "target_country, place_country, place_feature, lat, lon, modality, n_sources, best_doc_key, best_event_id, "
            "dates_reported) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'asserted', ?, ?, 'E1', ?)",
            [merged, cat, quad, row["day"], date, precision, src[2], row["target_country"], pcountry, feature, lat, lon,
             1 + (merged == "M3"), key, [date] if date else []])


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("analyst") / "a.duckdb"
    with open_store(path) as store:
        add_events(store)
    return path


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db), base_url="http://localhost") as c:
        yield c


def ids(client, **params):
    return [e["event_id"] for e in client.get("/api/events", params=params).json()["items"]]


# --- regions ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, box", [
    ("30,30,40,40", (30, 30, 40, 40)),
    ("170,-50,-170,0", (170, -50, -170, 0)),             # across the date line
    ("170,-50,190,0", (170, -50, -170, 0)),              # a map scrolled east past 180
    ("-190,-50,-170,0", (170, -50, -170, 0)),            # ... or west past -180
    ("-200,-90,200,90", (-180, -90, 180, 90)),           # wider than the world: all of it
    ("-180,-90,180,90", (-180, -90, 180, 90)),
])
def test_a_box_is_read_with_its_longitudes_wrapped(text, box):
    assert parse_bbox(text) == box


@pytest.mark.parametrize("text", ["1,2,3", "1,2,3,4,5", "a,b,c,d", "nan,0,1,1", "0,inf,1,1", "0,10,1,5",
                                  "0,-91,1,0", "0,0,1,91", "0,0,1000,1"])
def test_a_bad_box_is_a_coded_error(client, text):
    with pytest.raises(ValueError):
        parse_bbox(text)
    r = client.get("/api/events", params={"bbox": text})
    assert r.status_code == 400 and r.json()["error"]["code"] == "E400"


@pytest.mark.parametrize("bbox, expected", [
    ("170,-50,-170,0", {"M1", "M2"}),     # Fiji and Samoa, either side of the date line
    ("170,-50,190,0", {"M1", "M2"}),
    ("170,-50,180,0", {"M1"}),
    ("-10,40,10,60", {"M3"}),
    ("-180,-90,180,90", {"M1", "M2", "M3", "M4", "M5"}),  # every placed event; M6 has no place
])
def test_a_box_across_the_date_line_finds_both_sides(client, bbox, expected):
    assert set(ids(client, bbox=bbox)) == expected


# --- actors, not words -------------------------------------------------------------------------

@pytest.mark.parametrize("actor, expected", [
    ("Boris Johnson", {"M3", "M4"}),     # resolved on either side, whatever words the report used
    ("boris johnson", {"M3", "M4"}),
    ("GBRGOV", {"M3", "M4"}),            # an actor's code
    ("USAGOV", {"M4"}),                  # a side's country + sector, as the network shows it
    ("FJI", {"M1"}),                     # a country
    ("Johnson", {"M4"}),                 # exactly a side's words, not any side holding the word
    ("Students", {"M2"}),
    ("Jo", set()),
    ("Ron Johnson", {"M6"}),
])
def test_the_actor_filter_takes_actors_and_codes_not_words(client, actor, expected):
    assert set(ids(client, actor=actor)) == expected


def test_actor_names_complete_from_letters(client):
    names = [a["name"] for a in client.get("/api/actors", params={"q": "johns"}).json()["items"]]
    assert set(names) == {"Boris Johnson", "Ron Johnson"}
    assert [a["name"] for a in client.get("/api/actors", params={"q": "fragov"}).json()["items"]] == ["Emmanuel Macron"]
    assert client.get("/api/actors", params={"q": "%"}).json()["items"] == []


# --- the table: sorted, paged, counted -------------------------------------------------------------

@pytest.mark.parametrize("sort, expected", [
    ("-date", ["M3", "M2", "M1", "M4", "M5", "M6"]),   # newest first (the default); undated last
    ("date", ["M5", "M4", "M1", "M2", "M3", "M6"]),
    ("-sources", ["M3", "M6", "M5", "M4", "M2", "M1"]),
    ("category", ["M4", "M5", "M1", "M3", "M2", "M6"]),
])
def test_events_are_sorted_on_the_server(client, sort, expected):
    assert ids(client, sort=sort) == expected


def test_the_default_order_is_newest_first(client):
    assert ids(client) == ids(client, sort="-date")


@pytest.mark.parametrize("sort", ["place", "--date", "date;DROP TABLE", ""])
def test_an_unknown_sort_is_a_coded_error(client, sort):
    r = client.get("/api/events", params={"sort": sort})
    assert r.status_code == 400 and r.json()["error"]["code"] == "E400"
    with pytest.raises(ValueError):
        parse_sort(sort)


def test_pages_carry_the_total_and_follow_on(client):
    first = client.get("/api/events", params={"limit": 4}).json()
    second = client.get("/api/events", params={"limit": 4, "offset": 4}).json()
    assert first["total"] == second["total"] == 6
    assert [e["event_id"] for e in first["items"] + second["items"]] == ids(client)
    assert client.get("/api/events", params={"quad_class": 4}).json()["total"] == 2


def test_undated_events_are_listed(client):
    assert ids(client, undated="true") == ["M6"]
    # a date range keeps only dated events
    assert "M6" not in ids(client, start="2000-01-01")


# --- counts over time and by country -------------------------------------------------------------

def test_stats_count_time_as_precisely_as_it_is_known(client):
    stats = client.get("/api/stats").json()
    assert stats["matching"] == 6
    assert {(d["day"], d["quad_class"], d["n"]) for d in stats["by_day"]} == {
        ("2020-03-02", 4, 1), ("2020-03-05", 4, 1), ("2020-03-05", 1, 1)}
    assert [(p["start"], p["precision"], p["n"]) for p in stats["by_period"]] == [
        ("2019-01-01", "year", 1), ("2020-03-01", "month", 1)]
    assert stats["undated"] == [{"quad_class": 1, "n": 1}]


@pytest.mark.parametrize("params, matching, days", [
    ({"quad_class": 4}, 2, {"2020-03-02", "2020-03-05"}),
    ({"category": "CONSULT"}, 1, {"2020-03-05"}),
    ({"bbox": "170,-50,-170,0"}, 2, {"2020-03-02", "2020-03-05"}),
    ({"actor": "Boris Johnson"}, 2, {"2020-03-05"}),
    ({"start": "2020-03-03"}, 2, {"2020-03-05"}),
])
def test_stats_obey_the_event_filters(client, params, matching, days):
    stats = client.get("/api/stats", params=params).json()
    assert stats["matching"] == matching == client.get("/api/events", params=params).json()["total"]
    assert {d["day"] for d in stats["by_day"]} == days


def test_counts_by_country_month_and_quad_class(client):
    rows = client.get("/api/stats").json()["by_country_month"]
    assert {(r["country"], r["month"], r["quad_class"], r["n"]) for r in rows} == {
        ("FJI", "2020-03", 4, 1), ("WSM", "2020-03", 4, 1), ("GBR", "2020-03", 1, 1),
        ("USA", "2020-03", 3, 1), ("KEN", None, 2, 1),      # a year alone has no month
        ("USA", None, 1, 1)}                                  # undated: by its source's country
    conflict = client.get("/api/stats", params={"quad_class": 4}).json()["by_country_month"]
    assert {r["country"] for r in conflict} == {"FJI", "WSM"}


# --- the CSV: every matching event, with its evidence and where it came from ----------------------

def read_csv(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_the_csv_holds_every_matching_event_with_its_sources(client):
    r = client.get("/api/events", params={"format": "csv", "modality": "any"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = read_csv(r.text)
    assert [row["event_id"] for row in rows] == ids(client)
    m3 = next(row for row in rows if row["event_id"] == "M3")
    assert m3["title"] == "Title of M3 — Überschrift" and m3["url"] == "https://news.example/M3"
    assert m3["sentence"].startswith("Report M3: Boris Johnson") and m3["evidence"] == "Report"
    assert m3["place_feature"] == "city"
    assert next(row for row in rows if row["event_id"] == "M4")["place_feature"] == "country"
    # a cell a spreadsheet would run as a formula is shown as text
    assert next(row for row in rows if row["event_id"] == "M6")["target_text"].startswith("'=")


def test_the_csv_for_spreadsheets_starts_with_a_byte_order_mark(client):
    plain = client.get("/api/events", params={"format": "csv"}).content
    marked = client.get("/api/events", params={"format": "csv", "bom": "1"}).content
    assert not plain.startswith(b"\xef\xbb\xbf") and marked == b"\xef\xbb\xbf" + plain
    assert "Überschrift".encode() in plain


def test_the_csv_is_not_cut_at_a_page(tmp_path):
    with open_store(tmp_path / "big.duckdb") as store:
        add_events(store, EVENTS[:1], {})
        # 2,400 copies of Suva's report, one a day from 2020-03-02 on
        store.con.execute("INSERT INTO events SELECT e.* REPLACE ('M' || i AS merged_id, 'k' || i AS doc_key, "
                          "CAST(day + CAST(i AS INTEGER) AS DATE) AS day) FROM events e, (SELECT range AS i FROM range(2, 2401))")
        store.con.execute("INSERT INTO merged_events SELECT m.* REPLACE ('M' || i AS merged_id, 'k' || i AS best_doc_key, "
                          "CAST(day + CAST(i AS INTEGER) AS DATE) AS day) FROM merged_events m, (SELECT range AS i FROM range(2, 2401))")
        assert store.count_merged(EventQuery()) == 2400
        streamed = list(store.iter_merged_events(EventQuery(sort="-date"), chunk=1000))
        assert [e["event_id"] for e in streamed] == store.merged_ids(EventQuery(sort="-date"))
    with TestClient(create_app(tmp_path / "big.duckdb"), base_url="http://localhost") as c:
        rows = read_csv(c.get("/api/events", params={"format": "csv"}).text)
    assert len(rows) == 2400 and len({r["event_id"] for r in rows}) == 2400
    assert [r["event_id"] for r in rows[:3]] == ["M2400", "M2399", "M2398"]   # newest first


# --- quotes ------------------------------------------------------------------------------------

QUOTES = [
    # (doc, published, quote text, said, speaker words, speaker actor (id, name, code))
    ("q1", "2020-03-10", "We will get this done", "2020-03-09", "he", ("A1", "Boris Johnson", "GBRGOV")),
    ("q1", "2020-03-10", "Nobody is above the rules", None, "Johnson", ("A1", "Boris Johnson", "GBRGOV")),
    ("q2", "2020-04-02", "Europe must act together", "2020-04-01", "Macron", ("A1", "Emmanuel Macron", "FRAGOV")),
    ("q3", "2020-05-01", "The water is rising", None, "a resident", None),
]


@pytest.fixture(scope="module")
def quotes_client(tmp_path_factory):
    path = tmp_path_factory.mktemp("quotes") / "q.duckdb"
    with open_store(path) as store:
        for n, (doc, published, text, said, words, actor) in enumerate(QUOTES):
            key = "key-" + doc
            if not store.con.execute("SELECT 1 FROM documents WHERE doc_key = ?", [key]).fetchone():
                store.con.execute("INSERT INTO documents (doc_key, id, title, date, text, record) VALUES (?, ?, ?, ?, ?, '{}')",
                                  [key, doc, f"Article {doc}", published, " ".join(q[2] for q in QUOTES if q[0] == doc)])
            if actor and not store.con.execute("SELECT 1 FROM actors WHERE doc_key = ? AND actor_id = ?", [key, actor[0]]).fetchone():
                store.con.execute("INSERT INTO actors (doc_key, actor_id, name, code, type) VALUES (?, ?, ?, ?, 'person')",
                                  [key, actor[0], actor[1], actor[2]])
            store.con.execute("INSERT INTO quotes VALUES (?, ?, ?, ?, true, 'said', ?, ?, ?)",
                              [key, n, n + len(text), text, said, words, actor[0] if actor else None])
    with TestClient(create_app(path), base_url="http://localhost") as c:
        yield c


def quote_texts(client, **params):
    return [q["text"] for q in client.get("/api/quotes", params=params).json()["items"]]


def test_a_quote_names_its_speaker_not_the_pronoun(quotes_client):
    items = quotes_client.get("/api/quotes").json()["items"]
    first = next(q for q in items if q["text"] == "We will get this done")
    assert first["speaker"] == "Boris Johnson" and first["speaker_text"] == "he" and first["actor_code"] == "GBRGOV"
    assert next(q for q in items if q["text"] == "The water is rising")["speaker"] == "a resident"


@pytest.mark.parametrize("params, expected", [
    # newest first: said on the 9th, or (not said when) published on the 10th
    ({"speaker": "johnson"}, ["Nobody is above the rules", "We will get this done"]),
    ({"speaker": "he"}, []),                       # the pronoun is no name
    ({"actor": "GBRGOV"}, ["Nobody is above the rules", "We will get this done"]),
    ({"actor": "emmanuel macron"}, ["Europe must act together"]),
    ({"text": "rules"}, ["Nobody is above the rules"]),
    ({"start": "2020-04-01"}, ["The water is rising", "Europe must act together"]),
    ({"end": "2020-03-09"}, ["We will get this done"]),  # said on the 9th, published on the 10th
    ({"doc": "q2"}, ["Europe must act together"]),
    ({"speaker": "%"}, []),
])
def test_quotes_are_found_by_speaker_actor_words_date_and_document(quotes_client, params, expected):
    assert quote_texts(quotes_client, **params) == expected
    assert quotes_client.get("/api/quotes", params=params).json()["total"] == len(expected)


@pytest.mark.parametrize("params", [{"start": "soon"}, {"limit": 0}, {"speaker": "x" * 201}])
def test_bad_quote_queries_are_coded_errors(quotes_client, params):
    r = quotes_client.get("/api/quotes", params=params)
    assert r.status_code == 422 and r.json()["error"]["code"] == "E422"


def test_store_quotes_take_a_query_object(tmp_path):
    with open_store(tmp_path / "empty.duckdb") as store:
        assert store.quotes(QuoteQuery(speaker="anyone")) == [] and store.count_quotes(QuoteQuery()) == 0


# --- documentation offline, pages for browsers ------------------------------------------------------

@pytest.mark.parametrize("path, assets", [
    ("/docs", ["/static/swagger-ui-bundle.js", "/static/swagger-ui.css"]),
    ("/redoc", ["/static/redoc.standalone.js"]),
])
def test_the_api_documentation_needs_no_other_host(client, path, assets):
    page = client.get(path)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "https://" not in page.text and "http://" not in page.text
    for asset in assets:
        assert asset in page.text
        r = client.get(asset)
        assert r.status_code == 200 and len(r.content) > 100_000


@pytest.mark.parametrize("path, accept, html", [
    ("/no/such/page", "text/html,application/xhtml+xml", True),
    ("/static/nothing.js", "text/html", True),
    ("/no/such/page", "application/json", False),
    ("/no/such/page", "*/*", False),
    ("/api/nothing", "text/html", False),          # the API answers JSON whoever asks
])
def test_a_browser_gets_a_page_for_an_unknown_address(client, path, accept, html):
    r = client.get(path, headers={"accept": accept})
    assert r.status_code == 404
    if html:
        assert r.headers["content-type"].startswith("text/html") and "Not found" in r.text
        assert 'href="/"' in r.text
    else:
        assert r.json()["error"]["code"] == "E404"


def test_an_unknown_address_is_escaped_in_the_page(client):
    r = client.get("/<script>alert(1)</script>", headers={"accept": "text/html"})
    assert r.status_code == 404 and "<script>alert" not in r.text


def test_the_merged_event_names_its_article(client):
    event = client.get("/api/events", params={"actor": "USAGOV"}).json()["items"][0]
    assert event["title"] == "Title of M4 — Überschrift" and event["url"] == "https://news.example/M4"
    assert event["sources"][0]["title"] == event["title"]
    json.dumps(event)
