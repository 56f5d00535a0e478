"""Web page and API speed on generated stores.

    python -m bench.web [--events 100000] [--api-events 100000] [--docs 16] [--runs 5]

1. First paint of the page (browser performance API, in Debian's chromium via Playwright)
   and the time until every view is drawn, on a store with --events merged events.
2. Median time of every API list endpoint (FastAPI test client, in process) at
   --api-events merged events, and of streaming the whole event set as CSV.

The documents are real sample articles ingested through the pipeline; the events are
generated rows (direct inserts into the events and merged_events tables) whose evidence
spans point into those articles' text, spread over two years, 16 categories, 24 countries.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import pyarrow as pa

from eventwire.readers import iter_documents
from eventwire.categories import quad_class
from eventwire.record import PLOVER_CATEGORIES
from eventwire.ingest import ingest
from eventwire.store import open_store

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "wikinews" / "wikinews.jsonl"
PLACES = [("Kabul", "AFG", 34.53, 69.17), ("Damascus", "SYR", 33.51, 36.29), ("Kyiv", "UKR", 50.45, 30.52),
          ("Moscow", "RUS", 55.75, 37.62), ("Washington", "USA", 38.90, -77.04), ("Beijing", "CHN", 39.90, 116.40),
          ("Tehran", "IRN", 35.69, 51.42), ("Baghdad", "IRQ", 33.31, 44.36), ("Tripoli", "LBY", 32.89, 13.19),
          ("Khartoum", "SDN", 15.50, 32.56), ("Caracas", "VEN", 10.48, -66.90), ("Bogotá", "COL", 4.71, -74.07),
          ("Lagos", "NGA", 6.52, 3.38), ("Nairobi", "KEN", -1.29, 36.82), ("Delhi", "IND", 28.61, 77.21),
          ("Islamabad", "PAK", 33.68, 73.05), ("Manila", "PHL", 14.60, 120.98), ("Jakarta", "IDN", -6.21, 106.85),
          ("Berlin", "DEU", 52.52, 13.40), ("Paris", "FRA", 48.86, 2.35), ("London", "GBR", 51.51, -0.13),
          ("Ankara", "TUR", 39.93, 32.86), ("Cairo", "EGY", 30.04, 31.24), ("Brasília", "BRA", -15.79, -47.88)]
SECTORS = ["GOV", "MIL", "REB", "OPP", "CVL", "MED", "JUD", "COP"]


def generate_events(store, n: int, seed: int = 7) -> None:
    """Insert n merged events (one report each) over the store's documents."""
    rng = random.Random(seed)
    docs = store.con.execute("SELECT doc_key, id, date, url, text FROM documents").fetchall()
    spans = []  # (doc, start, end) of real sentences
    for doc in docs:
        for m in re.finditer(r"[^.\n]{30,200}\.", doc[4]):
            spans.append((doc, m.start(), m.end()))
    day0 = dt.date(2023, 1, 1)
    ev: dict[str, list] = {k: [] for k in (
        "doc_key event_id doc_id doc_date url category mode cameo goldstein quad_class acled_event_type "
        "source_actor source_text source_country source_sector target_actor target_text target_country "
        "target_sector date date_precision day place_name place_country place_feature lat lon geonameid "
        "modality sentence_start sentence_end evidence_start evidence_end evidence confidence merged_id").split()}
    for i in range(n):
        (key, doc_id, doc_date, url, text), s0, s1 = rng.choice(spans)
        cat = rng.choice(PLOVER_CATEGORIES)
        q = quad_class(cat)
        day = day0 + dt.timedelta(days=int(rng.triangular(0, 730, 600)))
        src, tgt, place = rng.choice(PLACES), rng.choice(PLACES), rng.choice(PLACES)
        row = dict(doc_key=key, event_id=f"G{i}", doc_id=doc_id, doc_date=doc_date, url=url,
                   category=cat, mode=None, cameo=f"{rng.randint(1, 20):02d}0",
                   goldstein=round(rng.uniform(-10, 10) if q > 2 else rng.uniform(0, 10), 1) * (1 if q < 3 else -1) if q != 2 else 7.0,
                   quad_class=q, acled_event_type=None,
                   source_actor="A1", source_text=f"{src[1]} officials", source_country=src[1],
                   source_sector=rng.choice(SECTORS),
                   target_actor="A2" if tgt != src else None, target_text=f"{tgt[1]} forces" if tgt != src else None,
                   target_country=tgt[1] if tgt != src else None, target_sector=rng.choice(SECTORS) if tgt != src else None,
                   date=day.isoformat(), date_precision="day", day=day,
                   place_name=place[0], place_country=place[1], place_feature="city",
                   lat=place[2] + rng.uniform(-1.5, 1.5), lon=place[3] + rng.uniform(-1.5, 1.5), geonameid=None,
                   modality=rng.choices(["asserted", "negated", "hypothetical", "future"], [85, 5, 5, 5])[0],
                   sentence_start=s0, sentence_end=s1, evidence_start=s0, evidence_end=s1,
                   evidence=text[s0:s1], confidence=round(rng.uniform(0.3, 1), 2), merged_id=f"G{i}")
        for k, v in row.items():
            ev[k].append(v)
    events = pa.table(ev)
    con = store.con
    con.register("gen_events", events)
    con.execute("BEGIN TRANSACTION")
    con.execute(f"INSERT INTO events ({', '.join(ev)}) SELECT * FROM gen_events")
    con.execute(
        "INSERT INTO merged_events SELECT merged_id, category, quad_class, day, date, date_precision, "
        "source_country, target_country, place_country, place_feature, lat, lon, modality, 1, doc_key, "
        "event_id, [date] FROM gen_events")
    con.execute("COMMIT")
    con.unregister("gen_events")


def build(db: Path, n_docs: int, n_events: int) -> None:
    src = db.parent / "docs.jsonl"
    src.write_text("\n".join(SAMPLE.read_text(encoding="utf-8").splitlines()[:n_docs]) + "\n", encoding="utf-8")
    with open_store(db) as store:
        ingest(store, iter_documents([src]))
        generate_events(store, n_events)
        counts = store.counts()
    print(f"  store: {counts['documents']} documents, {counts['merged_events']} merged events")


def first_paint(db: Path, runs: int) -> None:
    import shutil
    import socket

    import uvicorn
    from playwright.sync_api import sync_playwright

    from eventwire.api import create_app

    chromium = shutil.which("chromium")
    if not chromium:
        print("  chromium not found (make test-deps); first paint not measured")
        return
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=srv.run, daemon=True).start()
    while not srv.started:
        time.sleep(0.05)
    fp, fcp, ready = [], [], []
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, headless=True, args=args)
        for _ in range(runs + 1):  # the first run warms the server and the disk cache
            ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
            page = ctx.new_page()
            page.goto(f"http://127.0.0.1:{port}/")
            page.wait_for_selector("body.ready", timeout=60_000)
            paint = dict(page.evaluate("performance.getEntriesByType('paint').map(e => [e.name, e.startTime])"))
            done = page.evaluate("performance.getEntriesByName('ew-drawn')[0].startTime")
            n = page.evaluate("window.eventwire.events.length")
            total = page.evaluate("window.eventwire.totals.table")
            fp.append(paint.get("first-paint", float("nan")))
            fcp.append(paint.get("first-contentful-paint", float("nan")))
            ready.append(done)
            ctx.close()
        browser.close()
    srv.should_exit = True
    fp, fcp, ready = fp[1:], fcp[1:], ready[1:]
    print(f"  first paint:            median {statistics.median(fp):7.0f} ms  (runs: {', '.join(f'{v:.0f}' for v in fp)})")
    print(f"  first contentful paint: median {statistics.median(fcp):7.0f} ms")
    print(f"  every view drawn (table page of {total:,} events, timeline, counts, quotes; map and network"
          f" with the newest {n:,}): median {statistics.median(ready):7.0f} ms")


def api_timings(db: Path, runs: int) -> None:
    from fastapi.testclient import TestClient

    from eventwire.api import create_app

    # the app answers only this machine's names (issue 18), so not the client's "testserver"
    client = TestClient(create_app(db), base_url="http://localhost")
    paths = [
        "/api/documents", "/api/actors", "/api/actors?q=offic", "/api/places", "/api/quarantine",
        "/api/events", "/api/events?limit=1000", "/api/events?offset=50000",
        "/api/events?sort=date", "/api/events?sort=-sources", "/api/events?sort=country&offset=50000",
        "/api/events?start=2024-06-01&end=2024-06-30", "/api/events?country=SYR",
        "/api/events?category=ASSAULT&min_sources=1", "/api/events?quad_class=4",
        "/api/events?actor=SYRGOV", "/api/events?actor=Syr%20officials", "/api/events?undated=true",
        "/api/events?text=president", "/api/events?bbox=30,30,40,40", "/api/events?bbox=100,-20,-60,60",
        "/api/events?modality=any", "/api/network", "/api/quotes", "/api/quotes?speaker=obama",
        "/api/stats", "/api/stats?quad_class=4", "/api/stats?bbox=30,30,40,40",
    ]
    print(f"  {'endpoint':48s} {'median ms':>9s} {'max ms':>8s}  items")
    for path in paths:
        times = []
        for _ in range(runs + 1):
            t0 = time.perf_counter()
            r = client.get(path)
            times.append((time.perf_counter() - t0) * 1000)
            assert r.status_code == 200, (path, r.text)
        times = times[1:]
        body = r.json()
        items = f"{len(body['items'])} of {body['total']:,}" if "total" in body else len(body["items"]) if "items" in body else "-"
        print(f"  {path:48s} {statistics.median(times):9.1f} {max(times):8.1f}  {items}")
    # Not a list page: every matching event, streamed.
    for path in ("/api/events?format=csv", "/api/events?format=csv&quad_class=4"):
        t0 = time.perf_counter()
        with client.stream("GET", path) as r:
            size = sum(len(chunk) for chunk in r.iter_bytes())
        print(f"  {path:48s} {(time.perf_counter() - t0) * 1000:9.1f} {'':8s}  {size / 1e6:.1f} MB")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--api-events", type=int, default=100_000)
    ap.add_argument("--docs", type=int, default=16)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--only", choices=("page", "api"), help="measure only the page or only the API")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-web-") as tmp:
        tmp = Path(tmp)
        if args.only != "api":
            print(f"page on {args.events:,} merged events")
            (tmp / "page").mkdir()
            build(tmp / "page" / "web.duckdb", args.docs, args.events)
            first_paint(tmp / "page" / "web.duckdb", args.runs)
        if args.only != "page":
            print(f"API list endpoints on {args.api_events:,} merged events")
            (tmp / "api").mkdir()
            build(tmp / "api" / "api.duckdb", args.docs, args.api_events)
            api_timings(tmp / "api" / "api.duckdb", args.runs)


if __name__ == "__main__":
    sys.exit(main())
