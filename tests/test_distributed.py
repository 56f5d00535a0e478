"""The Dask backend and date-partitioned Parquet give the same records as one process."""
import json

import duckdb
import pytest
from typer.testing import CliRunner

from eventwire.cli import app

from conftest import SAMPLE

runner = CliRunner()


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "eight.jsonl"
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()[:8]
    lines.insert(2, "{broken")
    path.write_text("\n".join(lines) + "\n")
    return path


def _lines(text):
    return [json.loads(l) for l in text.splitlines() if l.startswith("{")]


def test_dask_local_cluster_gives_the_same_records(corpus, tmp_path):
    plain = runner.invoke(app, ["extract", str(corpus), "-o", str(tmp_path / "a.jsonl"), "--batch-size", "3"])
    assert plain.exit_code == 0, plain.output
    dask = runner.invoke(app, ["extract", str(corpus), "-o", str(tmp_path / "b.jsonl"), "--batch-size", "3",
                               "--dask", "local:2", "--parquet", str(tmp_path / "pq")])
    assert dask.exit_code == 0, dask.output
    a, b = _lines((tmp_path / "a.jsonl").read_text()), _lines((tmp_path / "b.jsonl").read_text())
    assert a == b and len(a) == 9
    dates = duckdb.sql(f"SELECT date, count(*) FROM read_parquet('{tmp_path}/pq/**/*.parquet', "
                       "hive_partitioning = true) GROUP BY 1 ORDER BY 1").fetchall()
    assert sum(n for _, n in dates) == 8
    assert {str(d) for d, _ in dates} == {r["date"] for r in a if "error" not in r}


def test_workers_ingest_stores_everything_once(corpus, tmp_path):
    db = str(tmp_path / "w.duckdb")
    result = runner.invoke(app, ["ingest", str(corpus), "--db", db, "--workers", "2", "--batch-size", "2"])
    assert result.exit_code == 0, result.output
    assert "stored 8, quarantined 1" in result.output
    result = runner.invoke(app, ["ingest", str(corpus), "--db", db, "--workers", "2"])
    assert "already stored 9" in result.output
