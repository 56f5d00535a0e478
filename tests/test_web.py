"""The web page in a real browser (Debian's chromium, driven by Playwright), over a store
built from the sample corpus; screenshots go to test-artifacts/screenshots/."""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from webstore import SAMPLE, build_store

ARTIFACTS = Path(__file__).parents[1] / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def find_chromium() -> str | None:
    for name in (os.environ.get("EVENTWIRE_CHROMIUM"), "chromium", "chromium-browser"):
        if name and (path := shutil.which(name)):
            return path
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def store_db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("web")
    db = tmp / "web.duckdb"
    build_store(db, n_docs=16, work=tmp)
    return db


@pytest.fixture(scope="module")
def token(store_db):
    from eventwire.store import open_store

    with open_store(store_db) as store:
        return store.create_token("web tests")[1]


@contextlib.contextmanager
def serving(db, **options):
    """uvicorn over the store in a background thread, on a free loopback port."""
    import uvicorn

    from eventwire.api import create_app

    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db, **options), host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started:
        if time.time() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(store_db, token):
    # Takes writes (with the token), so the page's tests can post an article.
    with serving(store_db, allow_write=True) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    path = find_chromium()
    if path is None:
        pytest.skip("chromium not found: `make test-deps` installs Debian's chromium (or set EVENTWIRE_CHROMIUM)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (dev extra)")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.requests = []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.goto(server + "/")
    pg.wait_for_selector("body.ready", timeout=20_000)
    yield pg
    context.close()


def api(server, path):
    import httpx

    return httpx.get(server + path, timeout=10).json()


def test_page_draws_every_view_offline(page, server):
    assert page.errors == []
    # Offline: every request the page made went to our own server.
    assert page.requests and all(u.startswith(server) for u in page.requests), page.requests
    # Map: the Natural Earth basemap is drawn (one path per country polygon group).
    assert page.locator("#map .leaflet-overlay-pane path").count() > 100
    events = api(server, "/api/events?limit=1000")["items"]
    rows = page.locator("#table tbody tr")
    assert rows.count() == min(len(events), 50)
    # the test store (16 sample articles) has dated, two-sided and placed events: every view
    # has something to draw, and an empty one is a failure, not a reason to look away
    assert api(server, "/api/stats")["by_day"]
    assert page.locator("#timeline svg g.bars rect").count() >= 1
    assert [e for e in events if e["source"] and e["target"]]
    assert page.locator("#network path.edge").count() >= 1
    assert [e for e in events if e["place"] and e["place"]["lat"] is not None]
    assert page.locator("#map .ew-marker, #map .ew-cluster").count() >= 1
    paint = page.evaluate("performance.getEntriesByType('paint').map(e => [e.name, e.startTime])")
    (ARTIFACTS / "first-paint.json").write_text(json.dumps(dict(paint)))
    page.screenshot(path=str(ARTIFACTS / "page.png"), full_page=True)
    page.locator("#timeline-panel").screenshot(path=str(ARTIFACTS / "timeline.png"))
    page.locator("#map-panel").screenshot(path=str(ARTIFACTS / "map.png"))
    page.locator("#network-panel").screenshot(path=str(ARTIFACTS / "network.png"))


def test_filter_then_click_event_shows_its_evidence(page, server):
    events = api(server, "/api/events?limit=1000")["items"]
    assert events, "the test store has no asserted events"
    category = max({e["category"] for e in events}, key=lambda c: sum(e["category"] == c for e in events))
    expected = [e for e in events if e["category"] == category]
    page.select_option("#filters select[name=category]", category)
    before = page.evaluate("document.body.dataset.loaded")
    page.click("#filters button[type=submit]")
    page.wait_for_function(f"document.body.dataset.loaded !== '{before}'")
    rows = page.locator("#table tbody tr")
    assert rows.count() == min(len(expected), 50)
    assert all(c.strip().endswith(category) for c in rows.locator("td:nth-child(2)").all_inner_texts())
    rows.first.click()
    first = expected[0]
    page.wait_for_function(f"document.body.dataset.article === {json.dumps(first['doc'] + '#' + first['id'])}")
    active = page.locator("#article .text .hl-evidence.active")
    assert active.count() >= 1
    assert "".join(active.all_text_contents()) == first["evidence"]["text"]
    assert active.first.is_visible()
    page.locator("#article-panel").screenshot(path=str(ARTIFACTS / "article.png"))
    page.screenshot(path=str(ARTIFACTS / "filtered.png"), full_page=True)


def test_network_edge_opens_evidence(page, server):
    assert page.locator("#network path.edge").count(), "no event has both a source and a target"
    page.locator("#network path.edge").first.dispatch_event("click")
    page.wait_for_function("document.body.dataset.article")
    doc, _, event_id = page.evaluate("document.body.dataset.article").partition("#")
    record = api(server, f"/api/documents/{doc}")
    event = next(e for e in record["events"] if e["id"] == event_id)
    active = page.locator("#article .text .hl-evidence.active")
    assert "".join(active.all_text_contents()) == event["evidence"]["text"]


def test_timeline_brush_filters_the_other_views(page, server):
    stats = api(server, "/api/stats")
    days = sorted({d["day"] for d in stats["by_day"]})
    assert len(days) >= 2, "fewer than two days of events"
    box = page.locator("#timeline svg .overlay").bounding_box()
    before = page.evaluate("document.body.dataset.loaded")
    page.mouse.move(box["x"] + 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + box["height"] / 2, steps=5)
    page.mouse.up()
    page.wait_for_function(f"document.body.dataset.loaded !== '{before}'")
    start = page.input_value("#filters input[name=start]")
    end = page.input_value("#filters input[name=end]")
    assert start and end and start <= end
    shown = page.evaluate("window.eventwire.events.map(e => e.date)")
    expected = api(server, f"/api/events?start={start}&end={end}&limit=1000")["items"]
    assert len(shown) == min(len(expected), 3000)
    # a month or a year stands at its first day ("2018-08" at 2018-08-01)
    first_days = [(d + "-01-01"[len(d) - 4:])[:10] for d in shown if d]
    assert all(start <= d <= end for d in first_days)
    page.locator("#timeline-panel").screenshot(path=str(ARTIFACTS / "timeline-brushed.png"))


def test_csv_link_carries_the_filters(page, server):
    page.fill("#filters input[name=country]", "usa")
    page.click("#filters button[type=submit]")
    href = page.get_attribute("#csv", "href")
    assert "country=USA" in href and "format=csv" in href
    import httpx

    r = httpx.get(server + href, timeout=10)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")


def test_map_marker_opens_evidence(page, server):
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    marker = page.locator("#map .ew-marker")
    # A marker a user can click: its centre is not under a map control or another marker.
    uncovered = """() => [...document.querySelectorAll('#map .ew-marker')].findIndex(el => {
        const r = el.getBoundingClientRect();
        return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)); })"""
    # A loaded machine can still be animating a zoom when the marker is picked, and the click
    # then lands where the marker was: pick again once the map has settled.
    for _attempt in range(3):
        for _ in range(12):  # open clusters (zoom in, or fan out at the last zoom) until one shows
            if (index := page.evaluate(uncovered)) >= 0:
                break
            page.locator("#map .ew-cluster").first.click()
            page.wait_for_timeout(400)
        assert index >= 0, "opening clusters shows single event markers"
        marker.nth(index).click()
        try:
            page.wait_for_function("document.body.dataset.article", timeout=10_000)
            break
        except PlaywrightTimeout:
            page.wait_for_timeout(1_000)
    page.wait_for_function("document.body.dataset.article")
    doc, _, event_id = page.evaluate("document.body.dataset.article").partition("#")
    event = next(e for e in api(server, f"/api/documents/{doc}")["events"] if e["id"] == event_id)
    active = page.locator("#article .text .hl-evidence.active")
    assert "".join(active.all_text_contents()) == event["evidence"]["text"]
    page.locator("#article-panel").screenshot(path=str(ARTIFACTS / "article-from-map.png"))


def test_article_highlights_every_kind_of_span(page, server):
    docs = api(server, "/api/documents?limit=50")["items"]
    doc = max(docs, key=lambda d: d["n_events"])
    record = api(server, f"/api/documents/{doc['id']}")
    page.select_option("#doc-select", doc["id"])
    page.wait_for_function(f"document.body.dataset.article === {json.dumps(doc['id'])}")
    # The text shown is the record's text, unchanged by the markup.
    assert page.locator("#article .text").text_content() == record["text"]
    for kind, items in (("actor", record["actors"]), ("time", record["times"]), ("place", record["places"]),
                        ("quote", record["quotes"]), ("evidence", record["events"])):
        if items:
            assert page.locator(f"#article .text .hl-{kind}").count() >= 1, kind
    if record["events"]:
        first = record["events"][0]
        page.locator("#article ul.events li").first.click()
        active = page.locator("#article .text .hl-evidence.active")
        assert "".join(active.all_text_contents()) == first["evidence"]["text"]


def test_each_report_of_a_merged_event_opens_its_own_evidence(page, server):
    # the table sorted by sources (kept in the address) lists the most reported first
    page.goto(server + "/?sort=-sources")
    page.wait_for_selector("body.ready", timeout=20_000)
    events = api(server, "/api/events?limit=50&sort=-sources")["items"]
    multi = [e for e in events if len(e["sources"]) >= 2]
    assert multi, "the web store holds a second outlet's copy of an article"
    e = multi[0]
    page.locator(f'#table tbody tr[data-event="{e["event_id"]}"]').click()
    links = page.locator("#reports a")
    links.first.wait_for()
    assert links.count() == len(e["sources"])
    other = e["sources"][-1]
    page.locator(f'#reports a[data-doc="{other["doc"]}"][data-event="{other["event"]}"]').click()
    page.wait_for_function(f"document.body.dataset.article === {json.dumps(other['doc'] + '#' + other['event'])}")
    record = api(server, f"/api/documents/{other['doc']}")
    event = next(x for x in record["events"] if x["id"] == other["event"])
    active = page.locator("#article .text .hl-evidence.active")
    assert "".join(active.all_text_contents()) == event["evidence"]["text"]


def test_link_to_an_event_opens_its_evidence(browser, server):
    events = api(server, "/api/events?limit=10")["items"]
    assert events, "the test store has no asserted events"
    e = events[0]
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.goto(f"{server}/#doc={e['doc']}&event={e['id']}")
    pg.wait_for_selector("body.ready", timeout=20_000)
    active = pg.locator("#article .text .hl-evidence.active")
    assert "".join(active.all_text_contents()) == e["evidence"]["text"]
    pg.goto(f"{server}/#doc=no-such-document")
    pg.reload()
    pg.wait_for_selector("body.ready", timeout=20_000)
    assert "E302" in pg.locator("#article").text_content()
    context.close()


def test_page_on_a_store_without_events(browser, tmp_path):
    from eventwire.pipeline import extract_many
    from eventwire.readers import iter_documents
    from eventwire.store import open_store

    src = tmp_path / "two.jsonl"
    src.write_text("\n".join(SAMPLE.read_text(encoding="utf-8").splitlines()[:2]) + "\n", encoding="utf-8")
    db = tmp_path / "plain.duckdb"
    results = [(d, r.model_copy(update={"events": []})) for d, r in extract_many(iter_documents([src]))]
    with open_store(db) as store:
        store.write_batch(results)
    with serving(db) as url:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        pg = context.new_page()
        errors = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.goto(url + "/")
        pg.wait_for_selector("body.ready", timeout=20_000)
        assert errors == []
        assert "No dated events match" in pg.locator("#timeline").text_content()
        for panel in ("#timeline-panel", "#table-panel", "#map-panel", "#network-panel"):
            assert "No events" in pg.locator(f"{panel} .state").text_content(), panel
        doc_id = results[0][1].id
        pg.select_option("#doc-select", doc_id)
        pg.wait_for_function(f"document.body.dataset.article === {json.dumps(doc_id)}")
        assert pg.locator("#article .text .hl-actor").count() >= 1
        pg.screenshot(path=str(ARTIFACTS / "no-events.png"), full_page=True)
        context.close()


def test_only_web_links_are_followed_from_an_article(page, server, token):
    # An ingested article's url is shown as a link only when it is http(s).
    import httpx

    for url, linked in (("javascript:alert(1)", False), ("https://example.org/a", True)):
        doc_id = f"url-test-{linked}"
        r = httpx.post(server + "/api/ingest", timeout=60, headers={"Authorization": f"Bearer {token}"}, json={
            "id": doc_id, "date": "2020-10-23", "url": url, "text": "Talks resumed in Geneva on Friday."})
        assert r.status_code == 200
        page.evaluate(f"window.location.hash = 'doc={doc_id}'")
        page.wait_for_function(f"document.body.dataset.article === {json.dumps(doc_id)}")
        assert page.locator("#article a[href]").count() == (1 if linked else 0)
        assert "javascript:" not in page.locator("#article").inner_html()


# --- without a browser ------------------------------------------------------------------

@pytest.fixture(scope="module")
def client(store_db):
    from fastapi.testclient import TestClient

    from eventwire.api import create_app

    # read-write like the page's server, which DuckDB holds open in this process
    return TestClient(create_app(store_db, allow_write=True), base_url="http://localhost")


def test_page_and_its_assets_are_served(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    for name, media in (("app.js", "text/javascript"), ("app.css", "text/css")):
        assert f"/static/{name}" in page.text
        r = client.get(f"/static/{name}")
        assert r.status_code == 200 and r.headers["content-type"].startswith(media) and len(r.content) > 1000
    # No CDN: the page and its bundle name no other host.
    assert "http://" not in page.text.replace("http://www.w3.org", "") and "https://" not in page.text


@pytest.mark.parametrize("name", ["nothing.js", "..%2Fapi.py", "%2E%2E%2F%2E%2E%2Fpyproject.toml", "index.html%00"])
def test_static_serves_only_the_shipped_files(client, name):
    r = client.get(f"/static/{name}")
    assert r.status_code == 404 and r.json()["error"]["code"] in ("E404",)


def test_every_event_in_the_store_points_into_its_article(client):
    for doc in client.get("/api/documents", params={"limit": 100}).json()["items"]:
        record = client.get(f"/api/documents/{doc['id']}").json()
        for e in record["events"]:
            ev = e["evidence"]
            assert record["text"][ev["start"]:ev["end"]] == ev["text"]
            assert e["sentence"]["start"] <= ev["start"] <= ev["end"] <= e["sentence"]["end"]


# --- another origin cannot write (issue 18) -------------------------------------------------------

EVIL_PAGE = """<!doctype html><html><body>
<form id="f" method="POST" enctype="text/plain" action="{api}/api/ingest">
<input name='{{"id": "evil-form", "text": "Planted' value=' by a form."}}'></form>
<script>
window.attack = async () => {{
  const out = {{}};
  const body = JSON.stringify({{id: "evil-fetch", text: "Planted by a fetch."}});
  try {{ await fetch("{api}/api/ingest", {{method: "POST", mode: "no-cors", body,
                     headers: {{"Content-Type": "text/plain"}}}}); out.nocors = "sent"; }}
  catch (e) {{ out.nocors = "blocked"; }}
  try {{ const r = await fetch("{api}/api/ingest", {{method: "POST", body,
                     headers: {{"Content-Type": "application/json", "Authorization": "Bearer {token}"}}}});
         out.cors = r.status; }}
  catch (e) {{ out.cors = "blocked"; }}
  return out;
}};
</script></body></html>"""


@contextlib.contextmanager
def other_origin(html: str):
    """A page on another origin (another port), as an attacker's site would serve it."""
    import http.server

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            data = html.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), Page)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}/"
    finally:
        srv.shutdown()


def test_a_page_on_another_origin_cannot_write(browser, server, token):
    # Even holding a token (stolen, say), a page elsewhere cannot send it: CORS is closed, so
    # the browser's preflight fails; what it can send without one (a form, a no-cors fetch)
    # has no token and is refused.
    before = api(server, "/api/stats")["counts"]
    context = browser.new_context()
    pg = context.new_page()
    with other_origin(EVIL_PAGE.format(api=server, token=token)) as evil:
        pg.goto(evil)
        out = pg.evaluate("window.attack()")
        with pg.expect_navigation():
            pg.evaluate("document.getElementById('f').submit()")
        answer = pg.locator("body").inner_text()
    context.close()
    assert out["cors"] == "blocked", out
    assert '"E401"' in answer                         # the form's POST reached the API: no token
    assert api(server, "/api/stats")["counts"] == before
    for doc_id in ("evil-form", "evil-fetch"):
        assert api(server, f"/api/documents/{doc_id}")["error"]["code"] == "E302"


# --- the analyst's questions (issue 23) ------------------------------------------------------------
# Each question is answered on the page alone; the test checks the answer against the API.

def applied(pg, action):
    """Run ``action`` and wait until every view has loaded again."""
    before = pg.evaluate("document.body.dataset.loaded || ''")
    action()
    pg.wait_for_function(f"(document.body.dataset.loaded || '') !== {json.dumps(before)}", timeout=20_000)


def totals(pg):
    return pg.evaluate("window.eventwire.totals")


def test_q1_which_countries_had_the_most_material_conflict_and_when(page, server):
    everything = totals(page)["timeline"]
    applied(page, lambda: (page.select_option("#filters select[name=quad_class]", "4"),
                           page.click("#filters button[type=submit]")))
    conflict = api(server, "/api/stats?quad_class=4")
    assert conflict["matching"] < everything
    # every view counts the same events: the timeline, the table, the country counts
    shown = totals(page)
    assert shown["timeline"] == shown["table"] == shown["matching"] == conflict["matching"]
    assert "quad_class=4" in page.url
    # the count view ranks the countries with the most material-conflict events first
    per_country = {}
    for row in conflict["by_country_month"]:
        per_country[row["country"]] = per_country.get(row["country"], 0) + row["n"]
    ranked = page.locator("#counts tbody tr")
    if per_country:
        top = page.locator("#counts tbody tr th").first.inner_text().strip()
        assert per_country[top] == max(per_country.values())
        assert ranked.count() == min(15, len(per_country))
        # ... and when: its busiest month
        months = {}
        for row in conflict["by_country_month"]:
            if row["country"] == top and row["month"]:
                months[row["month"]] = months.get(row["month"], 0) + row["n"]
        if months:
            busiest = ranked.first.locator("td").nth(5).inner_text()
            assert busiest.split()[0] in [m for m, n in months.items() if n == max(months.values())]
    page.locator("#counts-panel").screenshot(path=str(ARTIFACTS / "q1-countries-material-conflict.png"))
    page.screenshot(path=str(ARTIFACTS / "q1-page.png"), full_page=True)


def test_a_category_filter_changes_the_timelines_count(page, server):
    stats = api(server, "/api/stats")
    category = max(stats["by_category"], key=lambda c: c["n"])["category"]
    before = totals(page)["timeline"]
    applied(page, lambda: (page.select_option("#filters select[name=category]", category),
                           page.click("#filters button[type=submit]")))
    after = totals(page)["timeline"]
    assert after == api(server, f"/api/stats?category={category}")["matching"] < before
    note = page.locator("#timeline .timeline-note").inner_text()
    dated = sum(d["n"] for d in api(server, f"/api/stats?category={category}")["by_day"])
    assert note.startswith(f"{dated} dated to the day")


def test_q2_what_did_this_leader_say_and_when(page, server):
    quotes = api(server, "/api/quotes?limit=1000")["items"]
    named = [q for q in quotes if q["actor_code"] and q["speaker"] and q["speaker"] != q["speaker_text"]] or \
        [q for q in quotes if q["actor_code"]]
    assert named, "no quote in the web store has a resolved speaker"
    speaker = max({q["speaker"] for q in named}, key=lambda s: sum(q["speaker"] == s for q in quotes))
    surname = speaker.split()[-1]
    expected = api(server, f"/api/quotes?speaker={surname}&limit=30")
    page.fill("#quote-search input[name=speaker]", surname)
    before = page.evaluate("document.body.dataset.quotes || '0'")
    page.click("#quote-search button[type=submit]")
    page.wait_for_function(f"(document.body.dataset.quotes || '0') !== {json.dumps(before)}")
    shown = page.locator("#quotes li")
    assert shown.count() == len(expected["items"]) >= 1
    names = page.locator("#quotes li .speaker").all_inner_texts()
    assert all(surname.lower() in n.lower() for n in names), names
    # by name, never by pronoun
    assert not {n.strip().lower() for n in names} & {"he", "she", "they", "it"}
    # ... and when: each quote shows its date
    first = expected["items"][0]
    assert (first["date"] or first["published"]) in shown.first.inner_text()
    page.locator("#quotes-panel").screenshot(path=str(ARTIFACTS / "q2-quotes-by-speaker.png"))
    # a quote opens its article
    shown.first.locator("button").click()
    page.wait_for_function(f"document.body.dataset.article === {json.dumps(first['doc'])}")


def test_q3_show_me_this_region(page, server):
    events = api(server, "/api/events?limit=1000")["items"]
    placed = [e["place"] for e in events if e["place"] and e["place"]["lat"] is not None]
    assert placed, "no placed events"
    # a box around the place with the most events: drawn with Shift-drag, as a user would
    spot = max(placed, key=lambda p: sum(abs(q["lat"] - p["lat"]) < 5 and abs(q["lon"] - p["lon"]) < 5 for q in placed))
    page.locator("#map").scroll_into_view_if_needed()
    page.evaluate(f"window.eventwire.map.setView([{spot['lat']}, {spot['lon']}], 4, {{animate: false}})")
    box = page.locator("#map").bounding_box()
    point = page.evaluate(f"(() => {{ const p = window.eventwire.map.latLngToContainerPoint([{spot['lat']}, {spot['lon']}]); return [p.x, p.y]; }})()")
    x, y = box["x"] + point[0], box["y"] + point[1]
    before = totals(page)

    # start the drag on the map itself, not on a marker (a marker takes the press)
    corners = [(dx, dy) for dx in (-60, 60) for dy in (-60, 60) if page.evaluate(
        f"document.elementFromPoint({x + dx}, {y + dy}).closest('.leaflet-marker-icon') === null")]
    assert corners, "a corner of the box is free of markers"
    dx, dy = corners[0]

    def draw():
        page.keyboard.down("Shift")
        page.mouse.move(x + dx, y + dy)
        page.mouse.down()
        page.mouse.move(x - dx, y - dy, steps=6)
        page.mouse.up()
        page.keyboard.up("Shift")
    applied(page, draw)
    bbox = page.input_value("#filters input[name=bbox]")
    assert bbox and f"bbox={bbox.replace(',', '%2C')}" in page.url
    west, south, east, north = map(float, bbox.split(","))
    expected = api(server, f"/api/events?bbox={bbox}&limit=1000")
    assert expected["total"] >= 1
    # all four views changed alike: timeline, table, map, network show the region's events only
    shown = totals(page)
    assert shown["timeline"] == shown["table"] == shown["map"] == expected["total"] < before["table"]
    inside = page.evaluate("window.eventwire.events.map(e => [e.place.lat, e.place.lon])")
    assert len(inside) == expected["total"]
    assert all(south <= lat <= north and west <= lon <= east for lat, lon in inside)
    edges = sum(1 for e in expected["items"] if e["source"] and e["target"])
    assert shown["network"] <= edges
    assert not page.locator("#region").is_hidden()
    page.screenshot(path=str(ARTIFACTS / "q3-region.png"), full_page=True)
    # "filter to the map view" takes the visible map instead; clearing the region brings all back
    applied(page, lambda: page.click("#map-clear"))
    assert totals(page)["table"] == before["table"]
    applied(page, lambda: page.click("#map-filter"))
    assert page.input_value("#filters input[name=bbox]")


def test_q4_the_latest_events_newest_first_and_all_of_them_as_csv(page, server):
    import httpx

    newest = api(server, "/api/events?limit=100")
    first_dates = page.locator("#table tbody tr td:first-child").all_inner_texts()
    assert first_dates[0].split()[0] == (newest["items"][0]["date"] or "undated")
    assert page.locator("#table-count").inner_text().startswith(f"{newest['total']} merged")
    if newest["total"] > 50:   # the next page is the API's next page
        applied(page, lambda: page.click("#next-page"))
        ids = page.locator("#table tbody tr").evaluate_all("rows => rows.map(r => r.dataset.event)")
        assert ids == [e["event_id"] for e in api(server, "/api/events?limit=50&offset=50")["items"]]
        assert "offset=50" in page.url
    # sorting by a column is done by the server over every event
    applied(page, lambda: page.click("#table th button[data-sort=date]"))   # -date -> date
    oldest = api(server, "/api/events?limit=1&sort=date")["items"][0]
    assert page.locator("#table tbody tr").first.get_attribute("data-event") == oldest["event_id"]
    page.locator("#table-panel").screenshot(path=str(ARTIFACTS / "q4-table.png"))
    # the CSV holds every matching event, with its evidence sentence, title and URL
    r = httpx.get(server + page.get_attribute("#csv", "href"), timeout=30)
    header, *rows = r.text.splitlines()
    for column in ("evidence", "sentence", "title", "url", "place_feature"):
        assert column in header.split(",")
    import csv
    import io
    assert len(list(csv.DictReader(io.StringIO(r.text)))) == newest["total"]
    excel = httpx.get(server + page.get_attribute("#csv-bom", "href"), timeout=30)
    assert excel.content.startswith(b"\xef\xbb\xbf") and excel.content[3:] == r.content


def test_q5_what_did_this_actor_do(page, server):
    actors = [a for a in api(server, "/api/actors?limit=100")["items"] if a["code"]]
    with_events = [(a, api(server, f"/api/events?actor={a['name']}&limit=1")["total"]) for a in actors[:15]]
    with_events = [(a, n) for a, n in with_events if n]
    assert with_events, "no resolved actor with events"
    actor, total = max(with_events, key=lambda x: x[1])
    # completion offers the actor's name from /api/actors as it is typed
    page.locator("#filters input[name=actor]").press_sequentially(actor["name"][:-1], delay=20)
    page.wait_for_function(f"[...document.querySelectorAll('#actor-options option')].some(o => o.value === {json.dumps(actor['name'])})")
    page.fill("#filters input[name=actor]", actor["name"])
    applied(page, lambda: page.click("#filters button[type=submit]"))
    assert totals(page)["table"] == total
    page.screenshot(path=str(ARTIFACTS / "q5-actor.png"), full_page=True)
    # a network node, reached by keyboard, filters by that actor's code (or words)
    applied(page, lambda: page.click("#clear-filters"))
    node = page.locator("#network g.node").first
    assert node.count(), "no network"
    label = node.get_attribute("aria-label").split(":")[0]
    node.focus()
    applied(page, lambda: page.keyboard.press("Enter"))
    chosen = page.input_value("#filters input[name=actor]")
    assert chosen and chosen.lower().startswith(label.lower()[:10].rstrip("…"))
    assert totals(page)["table"] == api(server, f"/api/events?actor={chosen}&limit=1")["total"] >= 1


def test_undated_events_are_counted_and_listed(page, server):
    undated = sum(u["n"] for u in api(server, "/api/stats")["undated"])
    if not undated:
        assert "0 undated" in page.locator("#timeline .timeline-note").inner_text()
        return
    applied(page, lambda: page.click("#undated-button"))
    assert totals(page)["table"] == undated
    assert set(t.strip() for t in page.locator("#table tbody tr td:first-child").all_inner_texts()) == {"undated"}
    assert "undated=true" in page.url


def test_time_and_place_are_drawn_as_precisely_as_known(page, server):
    stats = api(server, "/api/stats")
    if stats["by_period"]:
        assert page.locator("#timeline svg g.periods rect").count() >= 1
    events = page.evaluate("window.eventwire.events")
    areas = [e for e in events if e["place"] and e["place"]["feature"] in ("country", "admin1", "admin2", "region", "other")]
    if areas:
        assert page.locator("#map .ew-area, #map .ew-cluster-area").count() >= 1
        page.uncheck("#show-coarse")
        assert page.locator("#map .ew-area, #map .ew-cluster-area").count() == 0
        page.check("#show-coarse")
    page.locator("#timeline-panel").screenshot(path=str(ARTIFACTS / "timeline-precision.png"))


def test_the_filter_state_in_the_address_is_shared(browser, server):
    category = max(api(server, "/api/stats")["by_category"], key=lambda c: c["n"])["category"]
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.goto(f"{server}/?category={category}&sort=date")
    pg.wait_for_selector("body.ready", timeout=20_000)
    assert pg.input_value("#filters select[name=category]") == category
    expected = api(server, f"/api/events?category={category}&sort=date&limit=50")
    shown = totals(pg)
    assert shown["table"] == shown["timeline"] == expected["total"]
    assert pg.locator("#table tbody tr").first.get_attribute("data-event") == expected["items"][0]["event_id"]
    context.close()


def test_every_control_is_reached_by_keyboard(page):
    page.locator("#article ul.events li").count()  # the article opens on a click below
    reached = set()
    page.locator("body").focus()
    for _ in range(500):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("""(() => { const a = document.activeElement;
            if (a.matches('#network g.node')) return 'network node';
            if (a.matches('#network path.edge')) return 'network edge';
            if (a.matches('#timeline svg')) return 'timeline';
            if (a.matches('#table tbody tr')) return 'table row';
            if (a.matches('#table th button')) return 'table sort';
            if (a.matches('#counts button')) return 'country';
            if (a.matches('#quote-search input')) return 'quote search';
            if (a.matches('#filters select[name=quad_class]')) return 'quad class';
            if (a.matches('#map-filter')) return 'map filter';
            return a.id || a.tagName; })()"""))
    for control in ("quad class", "timeline", "country", "map filter", "network node", "network edge",
                    "table sort", "table row", "quote search"):
        assert control in reached, control
    # the timeline's brush by keyboard: widen the selection with Shift+Left
    page.locator("#timeline svg").focus()
    applied(page, lambda: page.keyboard.press("Shift+ArrowLeft"))
    assert page.input_value("#filters input[name=start]") and page.input_value("#filters input[name=end]")
    # the article's events by keyboard
    page.locator("#table tbody tr").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.body.dataset.article")
    items = page.locator("#article ul.events li[data-event]")
    if items.count() > 1:
        items.nth(1).focus()
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.dataset.event") == items.nth(1).get_attribute("data-event")
        assert "active" in page.locator("#article ul.events li.active").first.get_attribute("class")


AXE = Path(__file__).parent / "assets" / "axe.min.js"


def test_no_serious_or_critical_accessibility_violations(page):
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
           if v["impact"] in ("serious", "critical")]
    (ARTIFACTS / "axe.json").write_text(json.dumps(result["violations"], indent=1))
    assert bad == []


def test_usable_at_390_pixels(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    pg = context.new_page()
    pg.goto(server + "/")
    pg.wait_for_selector("body.ready", timeout=20_000)
    assert pg.evaluate("document.documentElement.scrollWidth") <= 390
    for panel in ("#timeline-panel", "#map-panel", "#network-panel", "#table-panel", "#quotes-panel", "#article-panel"):
        box = pg.locator(panel).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, panel
    # wide tables scroll inside their panel, not the page
    assert pg.evaluate("getComputedStyle(document.querySelector('#table')).overflowX") in ("auto", "scroll")
    pg.screenshot(path=str(ARTIFACTS / "phone-390.png"), full_page=True)
    context.close()


def test_each_panel_says_when_it_fails(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    # the events list fails; the counts still answer
    pg.route("**/api/events?*", lambda route: route.fulfill(
        status=500, content_type="application/json", body='{"error": {"code": "E500", "message": "internal error"}}'))
    pg.route("**/api/quotes?*", lambda route: route.fulfill(status=502, content_type="text/html", body="<h1>Bad gateway</h1>"))
    pg.goto(server + "/")
    pg.wait_for_selector("body.ready", timeout=20_000)
    for panel in ("#map-panel", "#network-panel", "#table-panel"):
        state = pg.locator(f"{panel} .state")
        assert pg.get_attribute(panel, "data-state") == "error" and "E500" in state.inner_text(), panel
        assert state.get_attribute("role") == "alert"
    assert "E502" in pg.locator("#quotes-panel .state").inner_text()
    assert pg.get_attribute("#timeline-panel", "data-state") in ("ready", "empty")
    pg.screenshot(path=str(ARTIFACTS / "panel-errors.png"), full_page=True)
    context.close()


def test_each_panel_says_it_is_loading(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    held = []
    pg.route("**/api/quotes?*", lambda route: held.append(route))
    pg.goto(server + "/")
    pg.wait_for_function("document.querySelector('#quotes-panel').dataset.state === 'loading'")
    assert "Loading" in pg.locator("#quotes-panel .state").inner_text()
    assert pg.get_attribute("#quotes-panel", "aria-busy") == "true"
    for route in held:
        route.continue_()
    pg.wait_for_function("document.querySelector('#quotes-panel').dataset.state !== 'loading'")
    context.close()


def test_the_api_documentation_works_offline(browser, server):
    context = browser.new_context()
    pg = context.new_page()
    requests = []
    pg.on("request", lambda r: requests.append(r.url))
    pg.goto(server + "/docs")
    pg.wait_for_selector(".swagger-ui .opblock", timeout=20_000)
    assert pg.locator(".swagger-ui .opblock").count() >= 8
    pg.goto(server + "/redoc")
    pg.wait_for_selector("redoc h1, [role=navigation], .menu-content", timeout=30_000)
    assert all(u.startswith(server) or u.startswith(("data:", "blob:")) for u in requests), requests
    context.close()


def test_a_browser_gets_a_page_for_an_unknown_address(browser, server):
    context = browser.new_context()
    pg = context.new_page()
    response = pg.goto(server + "/no/such/page")
    assert response.status == 404 and pg.locator("h1").inner_text() == "Not found"
    pg.click("text=The event page")
    pg.wait_for_selector("body.ready", timeout=20_000)
    context.close()
