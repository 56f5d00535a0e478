"""When the store checkpoints: DuckDB's threshold follows the store file's size (store.write),
and what a writer killed before its next checkpoint leaves in the log comes back on opening."""
import signal
import subprocess
import sys
import textwrap

import duckdb
import pytest

from eventwire.store import open_store
from eventwire.store import write as store_write

from conftest import SAMPLE

MiB = 2 ** 20


def _threshold_bytes(store) -> int:
    text = store.con.execute("SELECT current_setting('checkpoint_threshold')").fetchone()[0]
    number, unit = text.split()
    return round(float(number) * {"bytes": 1, "KiB": 2 ** 10, "MiB": MiB, "GiB": 2 ** 30}[unit])


@pytest.mark.parametrize("file_bytes, expected", [
    (0, 16 * MiB),                 # a new store: DuckDB's default
    (40 * MiB, 16 * MiB),          # a quarter under the floor
    (200 * MiB, 50 * MiB),         # a quarter of the file
    (2000 * MiB, 500 * MiB),
])
def test_checkpoint_threshold_is_a_share_of_the_file(tmp_path, monkeypatch, file_bytes, expected):
    with open_store(tmp_path / "s.duckdb") as store:
        monkeypatch.setattr(store_write.os.path, "getsize", lambda path: file_bytes)
        store._checkpoint_bytes = None
        store.follow_checkpoint_threshold()
        # DuckDB shows the setting rounded to a tenth of its unit
        assert _threshold_bytes(store) == pytest.approx(expected, rel=0.005)


@pytest.mark.parametrize("grown_to, reset", [
    (210 * MiB, False),  # grown by 5%: not worth a statement
    (260 * MiB, True),   # by 30%
    (100 * MiB, True),   # shrunk (a file rewritten smaller): follow it down
])
def test_checkpoint_threshold_changes_only_when_the_file_has_grown_a_quarter(tmp_path, monkeypatch, grown_to, reset):
    with open_store(tmp_path / "s.duckdb") as store:
        monkeypatch.setattr(store_write.os.path, "getsize", lambda path: 200 * MiB)
        store._checkpoint_bytes = None
        store.follow_checkpoint_threshold()
        monkeypatch.setattr(store_write.os.path, "getsize", lambda path: grown_to)
        store.follow_checkpoint_threshold()
        assert _threshold_bytes(store) == pytest.approx(grown_to // 4 if reset else 50 * MiB, rel=0.005)


def test_an_in_memory_store_has_no_file_to_follow():
    with open_store(":memory:") as store:
        store.follow_checkpoint_threshold()
        assert store.counts()["documents"] == 0


def _articles(tmp_path, n: int):
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(SAMPLE.read_text(encoding="utf-8").splitlines()[:n]) + "\n", encoding="utf-8")
    return path


# Ingests the articles in batches of 2, then dies by SIGKILL: no close, so no checkpoint on
# closing; whatever the last checkpoint did not write into the file is only in the log.
_KILLED_WRITER = textwrap.dedent("""
    import os, signal, sys
    from eventwire.ingest import ingest
    from eventwire.readers import iter_documents
    from eventwire.store import open_store
    from eventwire.store import write as store_write

    store_write.MIN_CHECKPOINT_BYTES = int(sys.argv[3])
    store = open_store(sys.argv[2])
    ingest(store, iter_documents([sys.argv[1]]), batch_size=2)
    os.kill(os.getpid(), signal.SIGKILL)
""")


def _groups(con) -> tuple:
    """Each merged event as the documents of its reports, and the merged events' own rows."""
    groups = con.execute("SELECT list(DISTINCT d.id ORDER BY d.id) FROM events e JOIN documents d USING (doc_key) "
                         "GROUP BY e.merged_id").fetchall()
    merged = con.execute("SELECT n_sources, date, category, place_country, lat, lon, dates_reported FROM merged_events "
                         "ORDER BY ALL").fetchall()
    return sorted(g[0] for g in groups), merged


@pytest.mark.parametrize("min_checkpoint_bytes, log_left", [
    (16 * MiB, True),  # no checkpoint yet: the log holds every batch at the kill
    (1, False),        # a quarter of a small file: a checkpoint at every batch's COMMIT
])
def test_batches_committed_before_a_kill_are_all_there_on_reopening(tmp_path, min_checkpoint_bytes, log_left):
    articles = _articles(tmp_path, 8)
    killed = tmp_path / "killed.duckdb"
    proc = subprocess.run([sys.executable, "-c", _KILLED_WRITER, str(articles), str(killed), str(min_checkpoint_bytes)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    log = tmp_path / "killed.duckdb.wal"
    assert (log.exists() and log.stat().st_size > 0) == log_left

    from eventwire.ingest import ingest
    from eventwire.readers import iter_documents

    with open_store(tmp_path / "closed.duckdb") as clean:
        ingest(clean, iter_documents([articles]), batch_size=2)
        expected = _groups(clean.con)
    with open_store(killed) as store:  # replays the log
        assert store.counts()["documents"] == 8
        assert _groups(store.con) == expected
    con = duckdb.connect(str(killed), read_only=True)  # and closing checkpointed it into the file
    assert _groups(con) == expected
    con.close()
