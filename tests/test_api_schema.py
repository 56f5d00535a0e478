"""schemathesis over the app's own OpenAPI schema, in process (ASGI, no network):
whatever the schema allows, the API answers without a server error, in the one error shape."""
import atexit
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

schemathesis = pytest.importorskip("schemathesis", reason="pip install schemathesis (dev extra)")

from eventwire.api import create_app  # noqa: E402
from eventwire.readers import iter_documents  # noqa: E402
from eventwire.ingest import ingest
from eventwire.store import open_store  # noqa: E402

SAMPLE = Path(__file__).parents[1] / "samples" / "wikinews" / "wikinews.jsonl"


def _app():
    """An app over a small store of three sample articles (built at collection time)."""
    tmp = Path(tempfile.mkdtemp(prefix="eventwire-schema-"))
    atexit.register(shutil.rmtree, tmp, ignore_errors=True)
    src = tmp / "three.jsonl"
    src.write_text("\n".join(SAMPLE.read_text(encoding="utf-8").splitlines()[:3]) + "\n")
    db = tmp / "schema.duckdb"
    with open_store(db) as store:
        ingest(store, iter_documents([src]))
    # schemathesis calls the app as host "testserver"
    return create_app(db, allowed_hosts=["testserver", "localhost"])


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case):
    response = case.call()
    assert response.status_code < 500, response.text
    if response.status_code >= 400:
        error = response.json()["error"]
        assert error["code"].startswith("E") and error["message"]
