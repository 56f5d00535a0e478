"""The bad-input matrix: every bad input gets a coded error or a correct record, the rest
of the batch is stored, and read = stored + quarantined."""
import gzip
import json

import pytest

from eventwire.readers import iter_documents
from eventwire.ingest import ingest
from eventwire.store import open_store

GOOD = "Police detained dozens of protesters in Minsk on Sunday, witnesses said."


def _html_nested(depth: int) -> bytes:
    return (b"<html><body>" + b"<div>" * depth + b"<p>" + GOOD.encode() + b" " + GOOD.encode()
            + b"</p>" + b"</div>" * depth + b"</body></html>")


# name, bytes, expected: an error code, or "record" (optionally with a language): a record
# whose text holds every sentence of the input, read as written
MATRIX = [
    ("empty.txt", b"", "E101"),
    ("blank.txt", b" \n\t \r\n ", "E101"),
    ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "E103"),
    ("paper.txt", b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n", "E103"),
    ("zipped.jsonl", gzip.compress(json.dumps({"id": "z", "text": GOOD}).encode()), "E103"),
    ("latin1.txt", "Protesters in Bogotá said".encode("latin-1"), "E102"),
    ("utf16.txt", ("date 2020-08-17 Minsk\n" + GOOD).encode("utf-16"), "record"),
    ("mixed-newlines.txt", f"date 2020-08-17 Minsk\r\n{GOOD}\r{GOOD}\n{GOOD}".encode(), "record"),
    ("huge-line.txt", b"a" * (50 * 1024 * 1024), "E107"),
    ("no-body.html", b"<html><head><title>Only a title</title></head></html>", "E108"),
    ("script-only.html", b"<html><body><script>document.write('x')</script></body></html>", "E108"),
    ("deep.html", _html_nested(5000), "record"),
    ("future-date.txt", f"date 2099-01-01 From the future\n{GOOD}".encode(), "E106"),
    ("impossible-date.txt", f"date 2018-02-30 Impossible\n{GOOD}".encode(), "E106"),
    ("german.txt", ("date 2020-08-17 Minsk\nDie Polizei hat am Sonntag in Minsk Dutzende Demonstranten "
                    "festgenommen, und die Regierung sagte, dass die Proteste nicht erlaubt seien.").encode(),
     "record:de"),
    ("unknown.xyz", b"what is this", "E110"),
]


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    folder = tmp_path_factory.mktemp("matrix")
    for name, raw, _ in MATRIX:
        (folder / name).write_bytes(raw)
    lines = [json.dumps({"id": "j1", "text": GOOD, "date": "2020-08-17"}),
             '{"id": "j2", "text": "unterminated',
             json.dumps({"id": "j3", "title": "missing text"}),
             json.dumps({"id": "j4", "text": ["wrong", "type"]}),
             json.dumps({"id": "j5", "text": GOOD, "date": 20200817}),
             json.dumps({"id": "j6", "text": GOOD + " Talks resumed.", "date": "2020-08-18"})]
    (folder / "batch.jsonl").write_text("\n".join(lines) + "\n")
    with open_store(tmp_path_factory.mktemp("db") / "store.duckdb") as store:
        stats = ingest(store, iter_documents([folder]), batch_size=4)
        docs = {r["id"]: r for r in store._rows(
            "SELECT id, language, title, CAST(date AS VARCHAR) AS date, text FROM documents")}
        errors = {r["id"]: r["code"] for r in store._rows("SELECT id, code FROM quarantine")}
    return stats, docs, errors


@pytest.mark.parametrize("name, raw, expected", MATRIX, ids=[m[0] for m in MATRIX])
def test_matrix_entry(ingested, name, raw, expected):
    _, docs, errors = ingested
    stem = name.split(".")[0]
    if expected.startswith("record"):
        assert stem in docs, errors.get(stem)
        language = expected.partition(":")[2] or "en"
        assert docs[stem]["language"] == language
        if language == "en":
            assert GOOD in docs[stem]["text"]
            assert "\r" not in docs[stem]["text"]   # newlines normalized, none lost or added
    else:
        assert errors.get(stem) == expected


def test_jsonl_lines(ingested):
    _, docs, errors = ingested
    assert "j1" in docs and "j6" in docs
    assert errors["batch-2"] == "E104" and errors["j3"] == "E105"
    assert errors["j4"] == "E111" and errors["j5"] == "E106"


def test_counts_reconcile(ingested):
    stats, docs, errors = ingested
    assert stats.read == stats.stored + stats.quarantined + stats.skipped
    assert stats.read == len(MATRIX) + 6  # each file is one document, plus the six JSONL lines
    assert stats.stored == len(docs) and stats.quarantined == len(errors)


def test_many_tiny_documents(tmp_path):
    path = tmp_path / "tiny.jsonl"
    n = 100_000
    with open(path, "w") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"t{i}", "text": "ok" if i % 1000 else " "}) + "\n")
    docs = list(iter_documents([path]))
    assert len(docs) == n
    assert sum(d.error is not None for d in docs) == n // 1000
