"""Fuzzing the store path (read JSONL, code, store): good documents mixed with random dates,
ids, texts, nesting and bytes. Zero runs may lose a good document or end the ingest."""
import datetime as dt
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from eventwire.readers import iter_documents
from eventwire.ingest import ingest
from eventwire.store import open_store

SENTENCES = [
    "Police detained dozens of protesters in Minsk on Sunday.",
    "Russian warplanes bombed rebel positions near Idlib last week.",
    "The two rival Libyan governments signed a ceasefire in Geneva on Friday.",
    "Turkey warned that an attack would cause a humanitarian disaster.",
    "The ministers met in Paris in March 1999 to discuss the talks.",
]

good_dates = st.one_of(st.none(), st.dates(dt.date(1600, 1, 1), dt.date.today()).map(dt.date.isoformat))
any_dates = st.one_of(
    st.dates().map(dt.date.isoformat),
    st.sampled_from(["0001-01-01", "9999-12-31", "1969-12-31", "2020-02-30", "", "0000-00-00",
                     "2020-01-01T00:00:00Z", "-0001-01-01", "1e308"]),
    st.integers(), st.floats(allow_nan=True), st.text(max_size=12))
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20)),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)),
    max_leaves=10)


@st.composite
def good_line(draw, n):
    text = " ".join(draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3)))
    text += " " + draw(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30))
    obj = {"id": f"good-{n}-" + draw(st.text("ab/%_\\ é", max_size=6)), "text": text}
    date = draw(good_dates)
    if date:
        obj["date"] = date
    return obj["id"], (json.dumps(obj) + "\n").encode()


bad_line = st.one_of(
    st.binary(max_size=60).filter(lambda b: b"\n" not in b),
    st.builds(lambda v: json.dumps(v).encode(), json_values),
    st.builds(lambda d, t: json.dumps({"id": "bad", "text": t, "date": d}).encode(), any_dates,
              st.sampled_from(SENTENCES)),
    st.builds(lambda d, t: json.dumps({"id": "edge", "text": t, "date": d}).encode(),
              st.sampled_from(["0001-01-01", "0001-12-31", "1000-01-01", "1599-12-31"]),
              st.sampled_from(SENTENCES)),
    st.builds(lambda i, t: json.dumps({"id": i, "text": t}).encode(), json_values, json_values),
    st.builds(lambda k: (b"[" * k + b"]" * k), st.integers(1, 50_000)),
    st.builds(lambda t: json.dumps({"id": "nul", "text": t + "\x00"}).encode(), st.text(max_size=10)),
    st.builds(lambda t: json.dumps({"id": "sur", "text": SENTENCES[0] + t}).encode(),
              st.sampled_from(["\ud800", "\udfff x", "\ud83d"])),
).map(lambda b: b + b"\n")


@st.composite
def batches(draw):
    lines, good = [], []
    for n in range(draw(st.integers(1, 6))):
        if draw(st.booleans()):
            doc_id, line = draw(good_line(n))
            good.append(doc_id)
        else:
            line = draw(bad_line)
        lines.append(line)
    return lines, good


_GOOD = json.dumps({"id": "good-0", "text": SENTENCES[0], "date": "2020-08-16"}).encode() + b"\n"
_ZERO = json.dumps({"id": "zero", "text": SENTENCES[1], "date": "0001-01-01"}).encode() + b"\n"


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(batches())
@example(([_ZERO, _GOOD], ["good-0"]))                      # the store's date arithmetic
@example(([b"[" * 5000 + b"]" * 5000 + b"\n", _GOOD], ["good-0"]))  # json's recursion limit
@example(([b'{"id": "n", "text": "\x00"}\n', _GOOD], ["good-0"]))  # a NUL near the start
@example(([b"\xfd7zXZ\x00\x01junk\n", _GOOD], ["good-0"]))     # a junk line that opens like xz
def test_no_good_document_is_ever_lost(nlp, batch):
    lines, good = batch
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "fuzz.jsonl"
        src.write_bytes(b"".join(lines))
        with open_store(Path(tmp) / "s.duckdb") as store:
            stats = ingest(store, iter_documents([src]), batch_size=4, nlp=nlp)
            stored = {r["id"] for r in store._rows("SELECT id FROM documents")}
            quarantined = {r["id"]: r["code"] for r in store._rows("SELECT id, code FROM quarantine")}
    assert set(good) <= stored, (set(good) - stored, quarantined)
    assert stats.read == stats.stored + stats.quarantined + stats.skipped
    assert not any(code in ("E200", "E202", "E113") for code in quarantined.values()), quarantined
