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
