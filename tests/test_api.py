"""The JSON API over a store built from real sample articles."""
import pytest
from fastapi.testclient import TestClient

from eventwire.api import create_app
from eventwire.readers import iter_documents
from eventwire.store import open_store

from conftest import SAMPLE


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("api")
    src = tmp / "six.jsonl"
    src.write_text("\n".join(SAMPLE.read_text(encoding="utf-8").splitlines()[:6]) + "\n")
    db = tmp / "api.duckdb"
    with open_store(db) as store:
        store.ingest(iter_documents([src]))
    return TestClient(create_app(db))


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


@pytest.mark.parametrize("evil", ["' OR 1=1 --", "'; DROP TABLE documents; --", "%", "\\"])
def test_injection_strings_are_harmless(client, evil):
    r = client.get("/api/events", params={"actor": evil, "text": evil, "category": evil[:20]})
    assert r.status_code == 200
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
