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
    assert rows.count() == min(len(events), 300)
    stats = api(server, "/api/stats")
    if stats["by_day"]:
        assert page.locator("#timeline svg rect").count() >= len({d["day"] for d in stats["by_day"]})
    with_both = [e for e in events if e["source"] and e["target"]]
    if with_both:
        assert page.locator("#network path.edge").count() >= 1
    placed = [e for e in events if e["place"] and e["place"]["lat"] is not None]
    if placed:
        assert page.locator("#map .ew-marker, #map .ew-cluster").count() >= 1
    paint = page.evaluate("performance.getEntriesByType('paint').map(e => [e.name, e.startTime])")
    (ARTIFACTS / "first-paint.json").write_text(json.dumps(dict(paint)))
    page.screenshot(path=str(ARTIFACTS / "page.png"), full_page=True)
    page.locator("#timeline-panel").screenshot(path=str(ARTIFACTS / "timeline.png"))
    page.locator("#map-panel").screenshot(path=str(ARTIFACTS / "map.png"))
    page.locator("#network-panel").screenshot(path=str(ARTIFACTS / "network.png"))


def test_filter_then_click_event_shows_its_evidence(page, server):
    events = api(server, "/api/events?limit=1000")["items"]
    if not events:
        pytest.skip("the store has no asserted events")
    category = max({e["category"] for e in events}, key=lambda c: sum(e["category"] == c for e in events))
    expected = [e for e in events if e["category"] == category]
    page.select_option("#filters select[name=category]", category)
    before = page.evaluate("document.body.dataset.loaded")
    page.click("#filters button[type=submit]")
    page.wait_for_function(f"document.body.dataset.loaded !== '{before}'")
    rows = page.locator("#table tbody tr")
    assert rows.count() == min(len(expected), 300)
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
    if page.locator("#network path.edge").count() == 0:
        pytest.skip("no event has both a source and a target")
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
    if len(days) < 2:
        pytest.skip("fewer than two days of events")
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
    assert all(start <= d[:10] <= end for d in shown if d)
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
    marker = page.locator("#map .ew-marker")
    # A marker a user can click: its centre is not under a map control or another marker.
    uncovered = """() => [...document.querySelectorAll('#map .ew-marker')].findIndex(el => {
        const r = el.getBoundingClientRect();
        return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)); })"""
    for _ in range(12):  # open clusters (zoom in, or fan out at the last zoom) until one shows
        if (index := page.evaluate(uncovered)) >= 0:
            break
        page.locator("#map .ew-cluster").first.click()
        page.wait_for_timeout(400)
    assert index >= 0, "opening clusters shows single event markers"
    marker.nth(index).click()
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
    events = api(server, "/api/events?limit=1000")["items"]
    multi = [e for e in events[:300] if len(e["sources"]) >= 2]
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
    if not events:
        pytest.skip("the store has no asserted events")
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
        assert "no dated asserted events" in pg.locator("#timeline").text_content()
        assert "No events match" in pg.locator("#table").text_content()
        doc_id = results[0][1].id
        pg.select_option("#doc-select", doc_id)
        pg.wait_for_function(f"document.body.dataset.article === {json.dumps(doc_id)}")
        assert pg.locator("#article .text .hl-actor").count() >= 1
        pg.screenshot(path=str(ARTIFACTS / "no-events.png"), full_page=True)
        context.close()


@pytest.mark.parametrize("by_day, limit, expected", [
    ([("2024-01-01", 1, 5), ("2024-01-02", 1, 3), ("2024-01-02", 4, 1), ("2024-01-03", 2, 3)], 8,
     ["2024-01-02", "2024-01-03"]),
    ([("2024-01-01", 1, 5), ("2024-01-02", 1, 3)], 100, None),   # everything fits
    ([("2024-01-01", 1, 5), ("2024-01-02", 1, 9)], 3, None),     # not even the last day fits
    ([], 10, None),
])
def test_a_big_store_opens_on_its_latest_days(page, by_day, limit, expected):
    rows = [{"day": d, "quad_class": q, "n": n} for d, q, n in by_day]
    assert page.evaluate("([rows, limit]) => window.eventwire.latestWindow(rows, limit)", [rows, limit]) == expected


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
