"""No poison document: whatever one input holds, it becomes its own quarantine record and
every good document around it is stored (issue 18)."""
import io
import json
import tracemalloc
import zlib

import duckdb
import pytest

from eventwire.readers import iter_documents
from eventwire.readers.warc import iter_warc
from eventwire.ingest import ingest
from eventwire.store import open_store

GOOD = "Police detained dozens of protesters in Minsk on Sunday, witnesses said."


def _ingest(tmp_path, name: str, raw: bytes, batch_size: int = 32):
    src = tmp_path / name
    src.write_bytes(raw)
    with open_store(tmp_path / "s.duckdb") as store:
        stats = ingest(store, iter_documents([src]), batch_size=batch_size)
        docs = {r["id"] for r in store._rows("SELECT id FROM documents")}
        errors = {r["id"]: r["code"] for r in store._rows("SELECT id, code FROM quarantine")}
    return stats, docs, errors


def _line(**fields) -> bytes:
    return json.dumps(fields).encode() + b"\n"


def test_zero_date_is_refused_at_read_time_and_the_batch_goes_on(tmp_path):
    # Go's zero time, on an article whose events the store dates around it: before, the
    # store's date arithmetic overflowed, the batch rolled back and ingest stopped for good.
    raw = (_line(id="before", text=GOOD, date="2020-08-16")
           + _line(id="zero", text="Police arrested dozens of protesters in Minsk.", date="0001-01-01")
           + _line(id="after", text=GOOD + " Talks resumed.", date="2020-08-17"))
    stats, docs, errors = _ingest(tmp_path, "zero.jsonl", raw)
    assert docs == {"before", "after"}
    assert errors == {"zero": "E106"}
    assert stats.read == stats.stored + stats.quarantined == 3


def test_a_document_the_store_cannot_write_is_quarantined_alone(tmp_path, monkeypatch):
    from eventwire.store.db import Store

    insert = Store._insert_record

    def failing(self, key, document, record):
        if document.id == "poison":
            raise OverflowError("date value out of range")
        return insert(self, key, document, record)

    monkeypatch.setattr(Store, "_insert_record", failing)
    raw = b"".join(_line(id=i, text=f"{GOOD} ({i})", date="2020-08-17") for i in ("a", "poison", "b", "c"))
    stats, docs, errors = _ingest(tmp_path, "p.jsonl", raw, batch_size=4)
    assert docs == {"a", "b", "c"} and errors == {"poison": "E202"}
    assert (stats.stored, stats.quarantined) == (3, 1)


def test_a_full_disk_is_a_coded_error_naming_the_store(tmp_path):
    # What DuckDB raised when its WAL hit a full tmpfs (measured on a 3 MB mount); before,
    # the rollback that followed hid it behind "cannot rollback - no transaction is active".
    from eventwire.document import Document
    from eventwire.errors import EventwireError
    from eventwire.record import Record

    class FullDisk:
        def __init__(self, con):
            self.con = con

        def execute(self, sql, *args):
            if sql == "COMMIT":
                self.con.execute("ROLLBACK")
                raise duckdb.TransactionException(
                    'TransactionContext Error: Failed to commit: Could not write file "s.duckdb.wal": '
                    "No space left on device")
            return self.con.execute(sql, *args)

        def __getattr__(self, name):
            return getattr(self.con, name)

    store = open_store(tmp_path / "s.duckdb")
    store.con = FullDisk(store.con)
    doc = Document(id="d", text=GOOD)
    with pytest.raises(EventwireError) as caught:
        store.write_batch([(doc, Record(id="d", text=GOOD, language="en"))])
    assert caught.value.code == "E305" and "s.duckdb" in str(caught.value)


@pytest.mark.parametrize("bad", [
    b"[" * 200_000 + b"]" * 200_000 + b"\n",           # deeper than json can recurse
    b'{"id": "nul", "text": "a\x00b"}\n',               # a NUL byte near the start of the file
    b'\x00\x00\x00\n',
])
def test_a_bad_jsonl_line_keeps_the_good_lines(tmp_path, bad):
    raw = _line(id="first", text=GOOD, date="2020-08-16") + bad + _line(id="last", text=GOOD + " Again.")
    stats, docs, errors = _ingest(tmp_path, "mixed.jsonl", raw)
    assert docs == {"first", "last"}
    assert len(errors) == 1 and set(errors.values()) <= {"E103", "E104"}


def test_a_lone_surrogate_is_replaced_not_a_stage_failure(tmp_path):
    raw = b'{"id": "s", "date": "2020-08-17", "text": "' + GOOD.encode() + b' \\ud800 More."}\n'
    stats, docs, errors = _ingest(tmp_path, "s.jsonl", raw)
    assert docs == {"s"} and errors == {}
    with open_store(tmp_path / "s.duckdb", read_only=True) as store:
        assert "\ufffd" in store.record("s")["text"]


# --- WARC ------------------------------------------------------------------------------------

def _warc_record(url: str, body: bytes) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                  http_headers=http))
    return buf.getvalue()


def _gz(data: bytes) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    return c.compress(data) + c.flush()


PAGE = b"<html><body><p>" + (GOOD.encode() + b" ") * 4 + b"</p></body></html>"


def warc_bomb(inflated: int) -> bytes:
    """A .warc.gz whose first record's HTML body inflates to ``inflated`` bytes of spaces,
    then a good record."""
    http = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>"
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://bomb.example/\r\n"
            b"WARC-Date: 2020-01-01T00:00:00Z\r\n"
            b"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
            b"Content-Type: application/http; msgtype=response\r\n"
            b"Content-Length: %d\r\n\r\n" % (len(http) + inflated))
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    out = [c.compress(head + http)]
    chunk = b" " * (1 << 20)
    for _ in range(inflated // len(chunk)):
        out.append(c.compress(chunk))
    out.append(c.compress(b" " * (inflated % len(chunk)) + b"\r\n\r\n") + c.flush())
    return b"".join(out) + _gz(_warc_record("http://good.example/", PAGE))


def test_a_decompression_bomb_is_refused_with_bounded_memory():
    # 200 MB inflated from 200 KB. warcio inflates 16 KB of input at a time, up to ~17 MB of
    # output: memory is bounded by that, not by the bomb (66 MB measured for 20 MB to 2 GB).
    bomb = warc_bomb(200 * 1024 * 1024)
    assert len(bomb) < 400_000
    tracemalloc.start()
    try:
        docs = list(iter_warc(io.BytesIO(bomb), "bomb", "bomb.warc.gz"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [d.error.code if d.error else "ok" for d in docs] == ["E115", "ok"]
    assert peak < 100_000_000, f"{peak:,} bytes held while reading a 200 MB bomb"


def test_a_truncated_warc_is_a_readable_input_error(tmp_path):
    first, second = _gz(_warc_record("http://a.example/", PAGE)), _gz(_warc_record("http://b.example/", PAGE))
    codes = set()
    for cut in range(len(first) + 5, len(first) + len(second), 7):   # every cut through the 2nd
        docs = list(iter_warc(io.BytesIO((first + second)[:cut]), "t", "t.warc.gz"))
        assert docs[0].error is None
        codes |= {d.error.code for d in docs[1:] if d.error}
    assert codes == {"E109"}


def test_an_endless_jsonl_line_is_refused_without_holding_it(tmp_path):
    src = tmp_path / "long.jsonl"
    with open(src, "wb") as fh:
        fh.write(_line(id="first", text=GOOD))
        fh.write(b'{"id": "huge", "text": "' + b"a" * (60 * 1024 * 1024) + b'"}\n')
        fh.write(_line(id="last", text=GOOD + " Again."))
    tracemalloc.start()
    try:
        docs = list(iter_documents([src]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [(d.id, d.error.code if d.error else None) for d in docs] == [
        ("first", None), ("long-2", "E107"), ("last", None)]
    assert peak < 30_000_000, f"{peak:,} bytes held for a 60 MB line"


class _Pipe:
    """Standard input as a pipe gives it: bytes made as they are read, none held before."""

    def __init__(self, *parts):
        self.parts = list(parts)   # bytes, or (byte, count) for count copies made on demand

    def read(self, n: int = -1) -> bytes:
        out = b""
        while self.parts and (n < 0 or len(out) < n):
            part = self.parts[0]
            if isinstance(part, tuple):
                byte, count = part
                k = count if n < 0 else min(count, n - len(out))
                out += byte * k
                self.parts[0] = (byte, count - k)
                if count == k:
                    self.parts.pop(0)
            else:
                k = len(part) if n < 0 else n - len(out)
                out += part[:k]
                self.parts[0] = part[k:]
                if not self.parts[0]:
                    self.parts.pop(0)
        return out


@pytest.mark.parametrize("head", [b"date 2020-08-16 Minsk\n", b'{"id": "big", "text": "'])
def test_standard_input_is_read_as_a_stream(head):
    # 60 MB on stdin (one text, or one JSON line then a good one): never held whole.
    stdin = _Pipe(head, (b"a", 60 * 1024 * 1024), b'"}\n' + _line(id="after", text=GOOD))
    tracemalloc.start()
    try:
        docs = list(iter_documents(["-"], stdin=stdin))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert docs[0].error.code == "E107"
    if head.startswith(b"{"):
        assert [d.id for d in docs] == ["stdin-1", "after"] and docs[1].error is None
    assert peak < 30_000_000, f"{peak:,} bytes held for 60 MB on stdin"
