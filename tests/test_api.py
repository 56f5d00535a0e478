"""The JSON API over a store built from real sample articles."""
import contextlib
import socket
import threading
import time

import pytest
from fastapi.testclient import TestClient

from eventwire.api import create_app
from eventwire.readers import iter_documents
from eventwire.ingest import ingest
from eventwire.store import open_store

from conftest import SAMPLE


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("api")
    src = tmp / "six.jsonl"
    src.write_text("\n".join(SAMPLE.read_text(encoding="utf-8").splitlines()[:6]) + "\n")
    db = tmp / "api.duckdb"
    with open_store(db) as store:
        ingest(store, iter_documents([src]))
    return db


@pytest.fixture(scope="module")
def copy_path(store_path, tmp_path_factory):
    """A copy of the store for read-only apps: DuckDB will not open one file read-only in a
    process that has it open read-write."""
    import shutil

    copy = tmp_path_factory.mktemp("ro") / "copy.duckdb"
    with open_store(store_path):   # migrated, as the writer's server will have it
        pass
    shutil.copy(store_path, copy)
    return copy


@pytest.fixture(scope="module")
def token(store_path):
    with open_store(store_path) as store:
        return store.create_token("tests")[1]


@pytest.fixture(scope="module")
def client(store_path, token):
    """A server that takes writes, and a client that sends its token."""
    app = create_app(store_path, allow_write=True, parse_in="thread")
    with TestClient(app, base_url="http://localhost", headers={"Authorization": f"Bearer {token}"}) as c:
        yield c


def test_documents_list_and_record(client):
    r = client.get("/api/documents", params={"limit": 3})
    assert r.status_code == 200
    items = r.json()["items"]
    assert len(items) == 3 and items[0]["date"] <= items[1]["date"]
    doc = client.get(f"/api/documents/{items[0]['id']}").json()
    assert doc["schema"] == "eventwire/1" and doc["id"] == items[0]["id"] and doc["text"]


@pytest.mark.parametrize("path, status, code", [
    ("/api/documents/does-not-exist", 404, "E302"),
    ("/api/documents?limit=0", 422, "E422"),
    ("/api/documents?limit=100000", 422, "E422"),
    ("/api/events?start=yesterday", 422, "E422"),
    ("/api/events?bbox=1,2,3", 400, "E400"),
    ("/api/network?bbox=1,2,3", 400, "E400"),
    ("/api/network?modality=maybe", 422, "E422"),
    ("/api/nothing-here", 404, "E404"),
])
def test_errors_have_one_shape(client, path, status, code):
    r = client.get(path)
    assert r.status_code == status
    assert r.json()["error"]["code"] == code and r.json()["error"]["message"]


def test_lists_and_stats(client):
    for path in ("/api/events", "/api/actors", "/api/places", "/api/quarantine"):
        r = client.get(path)
        assert r.status_code == 200 and "items" in r.json()
    stats = client.get("/api/stats").json()
    assert stats["counts"]["documents"] == 6
    assert client.get("/api/actors").json()["items"][0]["documents"] >= 1


@pytest.mark.parametrize("evil", ["' OR 1=1 --", "'; DROP TABLE documents; --", "%", "_", "\\"])
def test_injection_strings_are_harmless(client, evil):
    """Each string is looked for as it is: none is in the six articles, so nothing matches (a
    wildcard or a quote read as SQL would match every row)."""
    assert client.get("/api/events", params={"modality": "any"}).json()["items"]
    for params in ({"actor": evil}, {"text": evil}, {"category": evil[:20]}):
        r = client.get("/api/events", params={**params, "modality": "any"})
        assert r.status_code == 200 and r.json()["items"] == [], params
    assert client.get("/api/actors", params={"q": evil}).json()["items"] == []
    assert client.get("/api/quotes", params={"text": evil}).json()["items"] == []
    assert client.get("/api/stats").json()["counts"]["documents"] == 6


def test_ingest_json_and_text(client):
    r = client.post("/api/ingest", json={"id": "post-1", "date": "2020-10-23", "title": "Libya",
                                         "text": "The two rival Libyan governments signed a ceasefire in Geneva."})
    assert r.status_code == 200 and r.json()["id"] == "post-1"
    assert client.get("/api/documents/post-1").json()["title"] == "Libya"
    r = client.post("/api/ingest", content=b"date 2020-10-23 Libya talks\nTalks resumed in Geneva.",
                    headers={"content-type": "text/plain"})
    assert r.status_code == 200 and r.json()["title"] == "Libya talks"


@pytest.mark.parametrize("kwargs, code", [
    ({"json": {"text": "Talks resumed.", "date": "2020-02-30"}}, "E106"),
    ({"json": {"text": "   "}}, "E101"),
    ({"json": {"title": "no text"}}, "E400"),
    ({"content": b"\xff\xfe\x00bad", "headers": {"content-type": "text/plain"}}, "E102"),
])
def test_ingest_bad_article(client, kwargs, code):
    r = client.post("/api/ingest", **kwargs)
    assert r.status_code == 400 and r.json()["error"]["code"] == code


def test_oversize_body_is_refused(client):
    r = client.post("/api/ingest", content=b"x" * 2_100_000, headers={"content-type": "text/plain"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "E413"


def test_openapi_schema(client):
    schema = client.get("/openapi.json").json()
    assert "/api/events" in schema["paths"] and "/api/documents/{doc_id}" in schema["paths"]


def test_network_endpoint(client):
    r = client.get("/api/network", params={"limit": 5})
    assert r.status_code == 200 and r.json()["items"]
    assert client.get("/api/network", params={"limit": 0}).json()["error"]["code"] == "E422"
    # the same filters as /api/events: a box around nowhere has no edges
    assert client.get("/api/network", params={"bbox": "-30,-60,-29,-59"}).json()["items"] == []


def test_posting_the_same_article_twice_stores_it_once(client):
    body = {"date": "2020-10-24", "text": "Rival Libyan delegations met again in Geneva on Saturday."}
    before = client.get("/api/stats").json()["counts"]["documents"]
    first = client.post("/api/ingest", json=body).json()
    second = client.post("/api/ingest", json=body).json()
    assert first["id"] == second["id"] and first["id"].startswith("api-")
    assert client.get("/api/stats").json()["counts"]["documents"] == before + 1


# --- issue 18: safe to expose --------------------------------------------------------------

ARTICLE = {"id": "sec-1", "date": "2020-10-23", "text": "Rival Libyan delegations signed a ceasefire in Geneva."}


@pytest.fixture(scope="module")
def reader(copy_path):
    """A read-only server (across processes, see test_cli's serve tests)."""
    with TestClient(create_app(copy_path), base_url="http://localhost") as c:
        yield c


def test_a_read_only_server_refuses_writes(reader, token):
    r = reader.post("/api/ingest", json=ARTICLE, headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 403 and r.json()["error"]["code"] == "E403"
    assert reader.get("/api/stats").status_code == 200


@pytest.mark.parametrize("auth", [None, "", "Bearer", "Bearer wrong-token", "Basic dXNlcjpwYXNz"])
def test_a_write_without_a_valid_token_is_401(client, auth):
    headers = {"Authorization": auth} if auth is not None else {}
    with TestClient(client.app, base_url="http://localhost", headers=headers) as anonymous:
        before = anonymous.get("/api/stats").json()["counts"]
        r = anonymous.post("/api/ingest", json={**ARTICLE, "id": "no-token"})
        assert r.status_code == 401 and r.json()["error"]["code"] == "E401"
        assert r.headers["www-authenticate"] == "Bearer"
        assert anonymous.get("/api/stats").json()["counts"] == before


def test_a_revoked_token_no_longer_writes(store_path, client):
    with open_store(store_path) as store:   # tokens may be made while the server runs in-process
        token_id, token = store.create_token("short-lived")
    headers = {"Authorization": f"Bearer {token}"}
    r = client.post("/api/ingest", json={**ARTICLE, "id": "revoked-1"}, headers=headers)
    assert r.status_code == 200
    client.app.state.store.revoke_token(token_id)
    r = client.post("/api/ingest", json={**ARTICLE, "id": "revoked-2"}, headers=headers)
    assert r.status_code == 401


def test_tokens_are_stored_hashed(client, token):
    rows = client.app.state.store._rows("SELECT * FROM api_tokens")
    assert rows and all(token not in str(row) for row in rows)


@pytest.mark.parametrize("ctype", [None, "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                                   "text/html", "application/jsonp"])
def test_only_json_and_plain_text_bodies_are_taken(client, ctype):
    headers = {"content-type": ctype} if ctype else {}
    r = client.post("/api/ingest", content=b"text=Talks resumed in Geneva.", headers=headers)
    assert r.status_code == 415 and r.json()["error"]["code"] == "E415"


def test_cors_is_closed_by_default(client):
    evil = {"Origin": "https://evil.example"}
    pre = client.options("/api/ingest", headers={**evil, "Access-Control-Request-Method": "POST",
                                                 "Access-Control-Request-Headers": "authorization"})
    assert "access-control-allow-origin" not in pre.headers
    assert "access-control-allow-origin" not in client.get("/api/stats", headers=evil).headers


def test_cors_origins_given_may_read_only(copy_path):
    app = create_app(copy_path, cors_origins=["https://newsroom.example"])
    with TestClient(app, base_url="http://localhost") as c:
        r = c.get("/api/stats", headers={"Origin": "https://newsroom.example"})
        assert r.headers["access-control-allow-origin"] == "https://newsroom.example"
        pre = c.options("/api/ingest", headers={"Origin": "https://newsroom.example",
                                                "Access-Control-Request-Method": "POST"})
        assert pre.status_code == 400


@pytest.mark.parametrize("host, status", [
    ("localhost", 200), ("localhost:8000", 200), ("127.0.0.1:8000", 200), ("[::1]:8000", 200),
    ("evil.example", 421), ("localhost.evil.example", 421), ("", 421),
])
def test_only_allowed_host_names_are_answered(client, host, status):
    r = client.get("/api/stats", headers={"Host": host})
    assert r.status_code == status
    if status != 200:
        assert r.json()["error"]["code"] == "E421"


def test_allowed_hosts_are_configurable(copy_path):
    app = create_app(copy_path, allowed_hosts=["events.example.org", "fd00::5", "10.0.0.5:8000"])
    with TestClient(app, base_url="http://events.example.org") as c:
        assert c.get("/api/stats").status_code == 200
        assert c.get("/api/stats", headers={"Host": "localhost"}).status_code == 421
        for host in ("[fd00::5]:8000", "10.0.0.5:8000", "EVENTS.example.org:443"):
            assert c.get("/api/stats", headers={"Host": host}).status_code == 200, host


def test_a_reposted_id_with_other_text_is_refused(client):
    body = {"id": "sec-repost", "date": "2020-10-23", "text": "Rival Libyan delegations met in Geneva."}
    assert client.post("/api/ingest", json=body).status_code == 200
    assert client.post("/api/ingest", json=body).status_code == 200        # the same: idempotent
    r = client.post("/api/ingest", json={**body, "text": "Someone else's article under that id."})
    assert r.status_code == 409 and r.json()["error"]["code"] == "E304"
    assert client.get("/api/documents/sec-repost").json()["text"] == body["text"]
    n = client.app.state.store._rows("SELECT count(*) AS n FROM documents WHERE id = 'sec-repost'")[0]["n"]
    assert n == 1


def test_an_id_with_a_slash_can_be_opened(client):
    doc_id = "https://news.example/2020/10/23/geneva"
    assert client.post("/api/ingest", json={**ARTICLE, "id": doc_id}).status_code == 200
    from urllib.parse import quote

    r = client.get("/api/documents/" + quote(doc_id, safe=""))
    assert r.status_code == 200 and r.json()["id"] == doc_id
    assert client.get("/api/documents/a%2Fb").json()["error"]["code"] == "E302"


# --- bounded work: a real server, as a client meets it -------------------------------------------

@contextlib.contextmanager
def _serving(app):
    """uvicorn over ``app`` in a background thread on a free loopback port."""
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started:
        assert time.time() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield port
    finally:
        srv.should_exit = True
        thread.join(timeout=20)


@pytest.fixture(scope="module")
def live(tmp_path_factory, copy_path):
    """A writing server in a thread (its own copy of the store) and a token for it."""
    import shutil

    db = tmp_path_factory.mktemp("live") / "live.duckdb"
    shutil.copy(copy_path, db)
    with open_store(db) as store:
        _, live_token = store.create_token("live")
    with _serving(create_app(db, allow_write=True)) as port:
        yield f"http://127.0.0.1:{port}", live_token, port


def test_the_api_answers_while_an_article_is_coded(live):
    import httpx

    url, live_token, _ = live
    text = " ".join([ARTICLE["text"]] * 300)   # ~16,000 characters: seconds of parsing
    done = threading.Event()
    answer = {}

    def post():
        answer["r"] = httpx.post(url + "/api/ingest", timeout=300, json={"id": "long-1", "text": text},
                                 headers={"Authorization": f"Bearer {live_token}"})
        done.set()

    threading.Thread(target=post, daemon=True).start()
    time.sleep(0.3)
    answered_meanwhile = 0
    while not done.is_set():
        assert httpx.get(url + "/api/stats", timeout=60).status_code == 200
        answered_meanwhile += not done.is_set()
    assert answer["r"].status_code == 200, answer["r"].text
    # Before, the parse ran in the event loop: no request was answered until it ended.
    assert answered_meanwhile >= 3


def _send_chunked(port: int, token: str, chunk: bytes, most: int) -> tuple[int, bytes]:
    """POST a chunked body of up to ``most`` bytes, stopping as soon as the server answers;
    the bytes sent and the answer."""
    import select

    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(b"POST /api/ingest HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                 b"Authorization: Bearer " + token.encode() + b"\r\nTransfer-Encoding: chunked\r\n\r\n")
    sent = 0
    try:
        while sent < most:
            if select.select([sock], [], [], 0)[0]:
                break
            sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            sent += len(chunk)
    except (BrokenPipeError, ConnectionResetError):
        pass
    sock.settimeout(10)
    answer = b""
    try:   # the status line, the headers and a JSON body of Content-Length bytes
        while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
            if not (part := sock.recv(65536)):
                break
            answer += part
    except (ConnectionResetError, socket.timeout):
        pass
    sock.close()
    return sent, answer


def test_a_streamed_body_is_refused_at_the_limit_not_buffered(live):
    from eventwire.api import MAX_BODY_BYTES

    _, live_token, port = live
    sent, answer = _send_chunked(port, live_token, b"x" * 65536, 200 * MAX_BODY_BYTES)
    assert answer.startswith(b"HTTP/1.1 413") and b'"E413"' in answer
    # What the sockets' buffers hold on top of the limit, never the whole 400 MB offered.
    assert sent < 10 * MAX_BODY_BYTES, f"{sent:,} bytes sent before the server refused"


def test_two_posts_of_one_id_at_once_store_one_text(client):
    # Both pass the first check while both are coded; the second check, under the write
    # lock, refuses the later one.
    import concurrent.futures

    bodies = [{"id": "race-1", "text": f"Rival Libyan delegations met in Geneva, report {n}."} for n in range(4)]
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        statuses = sorted(r.status_code for r in pool.map(lambda b: client.post("/api/ingest", json=b), bodies))
    assert statuses == [200, 409, 409, 409]
    n = client.app.state.store._rows("SELECT count(*) AS n FROM documents WHERE id = 'race-1'")[0]["n"]
    assert n == 1


def _post_bodies():
    from hypothesis import strategies as st

    fields = st.fixed_dictionaries({}, optional={
        "id": st.one_of(st.text(max_size=30), st.integers(), st.none()),
        "text": st.one_of(st.text(max_size=200), st.sampled_from([ARTICLE["text"], "\ud800", "a\x00b"]), st.integers()),
        "date": st.one_of(st.text(max_size=12), st.sampled_from(["0001-01-01", "2020-02-30", "2020-10-23"]), st.none()),
        "title": st.one_of(st.text(max_size=20), st.lists(st.integers(), max_size=2)),
        "url": st.text(max_size=30)})
    json_body = fields.map(lambda d: json.dumps(d).encode())
    return st.tuples(st.one_of(json_body, st.binary(max_size=200), st.text(max_size=200).map(str.encode)),
                     st.sampled_from(["application/json", "text/plain", "text/plain; charset=utf-8",
                                      "application/json; charset=utf-8"]))


import json  # noqa: E402

from hypothesis import HealthCheck, given, settings  # noqa: E402


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(post=_post_bodies())
def test_no_post_makes_a_server_error(client, post):
    body, ctype = post
    r = client.post("/api/ingest", content=body, headers={"content-type": ctype})
    assert r.status_code in (200, 400, 409, 422), r.text
    if r.status_code != 200:
        error = r.json()["error"]
        assert error["code"].startswith("E") and error["message"]
