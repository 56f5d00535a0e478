"""The command line, as a user runs it."""
import json

import duckdb
import pytest
from typer.testing import CliRunner

from eventwire.cli import app

from conftest import ARTICLE, SAMPLE
from test_readers import HTML, _warc

runner = CliRunner()


def _records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


@pytest.fixture
def inputs(tmp_path):
    (tmp_path / "idlib.txt").write_text(f"date 2018-09-17 The world abetted Assad\n{ARTICLE}\n")
    (tmp_path / "libya.html").write_bytes(HTML)
    (tmp_path / "crawl.warc.gz").write_bytes(_warc([("http://example.org/libya", "text/html", HTML)]))
    (tmp_path / "wire.jsonl").write_text(
        json.dumps({"id": "w1", "text": ARTICLE, "date": "2018-09-17", "title": "Wire", "url": "http://x/w1"}) + "\n")
    return tmp_path


@pytest.mark.parametrize("name, date, title", [
    ("idlib.txt", "2018-09-17", "The world abetted Assad"),
    ("libya.html", "2020-10-23", "Ceasefire agreed in Libya"),
    ("crawl.warc.gz", "2020-10-23", "Ceasefire agreed in Libya"),
    ("wire.jsonl", "2018-09-17", "Wire"),
])
def test_extract_each_input_form(inputs, name, date, title):
    result = runner.invoke(app, ["extract", str(inputs / name)])
    assert result.exit_code == 0, result.output
    (record,) = _records(result.stdout)
    assert record["schema"] == "eventwire/1"
    assert record["date"] == date and record["title"].startswith(title)
    assert "error" not in record


def test_extract_text_without_header_uses_date_option(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text(ARTICLE)
    result = runner.invoke(app, ["extract", str(path), "--date", "2018-09-17"])
    (record,) = _records(result.stdout)
    assert record["date"] == "2018-09-17" and record["title"] is None


def test_extract_reports_bad_documents_and_goes_on(inputs):
    (inputs / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    result = runner.invoke(app, ["extract", str(inputs / "bad.txt"), str(inputs / "idlib.txt")])
    assert result.exit_code == 0
    bad, good = _records(result.stdout)
    assert bad["error"]["code"] == "E103" and bad["id"] == "bad"
    assert good["title"] == "The world abetted Assad"


def test_extract_fails_only_when_nothing_could_be_read(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = runner.invoke(app, ["extract", str(tmp_path / "empty.txt")])
    assert result.exit_code == 1
    assert _records(result.stdout)[0]["error"]["code"] == "E101"


def test_extract_writes_output_file(inputs, tmp_path):
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(inputs), "-o", str(out)])
    assert result.exit_code == 0
    assert len(_records(out.read_text())) == 4


def test_ingest_events_export_stats(tmp_path):
    db = str(tmp_path / "e.duckdb")
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()[:5]
    src = tmp_path / "five.jsonl"
    src.write_text("\n".join(lines) + "\n")
    result = runner.invoke(app, ["ingest", str(src), "--db", db])
    assert result.exit_code == 0, result.output
    assert "stored 5" in result.output
    result = runner.invoke(app, ["ingest", str(src), "--db", db])
    assert "stored 0" in result.output and "already stored 5" in result.output

    out = tmp_path / "records.parquet"
    assert runner.invoke(app, ["export", "--db", db, "--format", "parquet", "-o", str(out)]).exit_code == 0
    assert duckdb.sql(f"SELECT count(*) FROM '{out}'").fetchall() == [(5,)]
    result = runner.invoke(app, ["export", "--db", db, "--format", "jsonl"])
    assert len(_records(result.stdout)) == 5
    result = runner.invoke(app, ["export", "--db", db, "--format", "csv"])
    assert result.stdout.splitlines()[0].startswith("schema,id,title,date")

    for fmt in ("jsonl", "csv"):
        assert runner.invoke(app, ["events", "--db", db, "--format", fmt]).exit_code == 0
    events_pq = tmp_path / "events.parquet"
    assert runner.invoke(app, ["events", "--db", db, "--format", "parquet", "-o", str(events_pq)]).exit_code == 0
    duckdb.sql(f"SELECT * FROM '{events_pq}'").fetchall()

    result = runner.invoke(app, ["stats", "--db", db])
    assert result.exit_code == 0 and "5 documents" in result.stdout


def test_bad_format_is_a_clear_error(tmp_path):
    db = str(tmp_path / "e.duckdb")
    from eventwire.store import open_store

    open_store(db).close()
    result = runner.invoke(app, ["events", "--db", db, "--format", "xml"])
    assert result.exit_code == 2 and "unknown format" in result.output


@pytest.mark.parametrize("speed, shown", [(None, "- docs/s"), (12.34, "12.3 docs/s")])
def test_progress_shows_documents_per_second(speed, shown):
    from types import SimpleNamespace

    from eventwire.cli import _RateColumn

    assert str(_RateColumn().render(SimpleNamespace(speed=speed))) == shown


# --- serving beside the command line (issue 18) ------------------------------------------------

import contextlib  # noqa: E402
import os  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

SRC = str(Path(__file__).parents[1] / "src")


def _cli(*args, timeout=120):
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.run([sys.executable, "-m", "eventwire.cli", *map(str, args)], capture_output=True,
                          text=True, timeout=timeout, env=env)


@contextlib.contextmanager
def _served(db, *options):
    """`eventwire serve` in its own process, as a user runs it, until the block ends."""
    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.Popen([sys.executable, "-m", "eventwire.cli", "serve", "--db", str(db), "--port", str(port),
                             *options], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while True:
            try:
                httpx.get(url + "/api/stats", timeout=2)
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.time() > deadline:
                    raise RuntimeError(proc.stderr.read().decode())
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture(scope="module")
def served_store(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("served")
    src = tmp / "three.jsonl"
    src.write_text("\n".join(SAMPLE.read_text(encoding="utf-8").splitlines()[:3]) + "\n")
    db = tmp / "s.duckdb"
    assert runner.invoke(app, ["ingest", str(src), "--db", str(db)]).exit_code == 0
    return db, src


def test_the_command_line_reads_while_the_store_is_served(served_store, tmp_path):
    import httpx

    db, src = served_store
    with _served(db) as url:
        for args in (["stats"], ["events", "--format", "csv"], ["export", "-o", tmp_path / "r.jsonl"]):
            result = _cli(*args, "--db", db)
            assert result.returncode == 0, result.stderr
        assert httpx.get(url + "/api/stats", timeout=10).json()["counts"]["documents"] == 3
        # DuckDB lets one process write a file or many read it: a writer gets a coded error.
        result = _cli("ingest", src, "--db", db)
        assert result.returncode == 2 and "E303" in result.stderr and "Traceback" not in result.stderr
        assert httpx.get(url + "/api/stats", timeout=10).status_code == 200


def test_a_writing_server_makes_the_command_line_say_so(served_store):
    db, _ = served_store
    with _served(db, "--allow-write"):
        result = _cli("stats", "--db", db)
        assert result.returncode == 2 and "E303" in result.stderr and "Traceback" not in result.stderr


def test_tokens_are_made_listed_and_revoked(tmp_path):
    db = tmp_path / "t.duckdb"
    made = runner.invoke(app, ["token", "create", "--db", str(db), "--name", "newsroom"])
    assert made.exit_code == 0, made.output
    token = made.stdout.strip()
    assert token.startswith("ew_") and len(token) > 40
    other = runner.invoke(app, ["token", "create", "--db", str(db), "--name", "desk"]).stdout.strip()
    listed = runner.invoke(app, ["token", "list", "--db", str(db)])
    assert "newsroom" in listed.stdout and token not in listed.stdout
    from eventwire.store import open_store

    with open_store(db) as store:
        assert store.check_token(token) and store.check_token(other)
        assert not store.check_token(token[:-1] + ("x" if token[-1] != "x" else "y"))
    token_id = token.split("_")[1]
    assert runner.invoke(app, ["token", "revoke", token_id, "--db", str(db)]).exit_code == 0
    with open_store(db) as store:
        # that token, and only that one, stops working
        assert not store.check_token(token) and store.check_token(other)
        assert [(t["name"], bool(t["revoked_at"])) for t in store.tokens()] == [("newsroom", True), ("desk", False)]
    missing = runner.invoke(app, ["token", "revoke", "nope", "--db", str(db)])
    assert missing.exit_code == 2 and "E306" in missing.output


def test_a_zero_date_option_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "--date", "0001-01-01"])
    assert result.exit_code == 2 and "E106" in result.output


def test_the_coding_worker_ends_with_a_killed_server(tmp_path):
    import signal

    import httpx

    db = tmp_path / "w.duckdb"
    token = _cli("token", "create", "--db", db).stdout.strip()
    with _served(db, "--allow-write") as url:
        r = httpx.post(url + "/api/ingest", json={"text": ARTICLE}, timeout=120,
                       headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 200
        server = int(subprocess.run(["pgrep", "-f", f"serve --db {db}"], capture_output=True, text=True).stdout.split()[0])
        workers = [int(p) for p in subprocess.run(["pgrep", "-P", str(server), "-f", "spawn_main"],
                                                  capture_output=True, text=True).stdout.split()]
        assert workers
        os.kill(server, signal.SIGKILL)   # no shutdown handler runs
        deadline = time.time() + 10
        while any(Path(f"/proc/{w}").exists() and b"spawn_main" in Path(f"/proc/{w}/cmdline").read_bytes()
                  for w in workers):
            assert time.time() < deadline, "the worker outlived its server"
            time.sleep(0.2)
