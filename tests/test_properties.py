"""Property-based tests: readers never raise, records round-trip, spans always point into the text."""
import datetime as dt
import io

from hypothesis import HealthCheck, given, settings, strategies as st

from eventwire.document import Document
from eventwire.pipeline import extract_many
from eventwire.readers import iter_documents
from eventwire.readers.html import read_html_bytes
from eventwire.readers.jsonl import iter_jsonl
from eventwire.readers.text import read_text_bytes
from eventwire.record import (Actor, ErrorInfo, ErrorRecord, Event, EventActor, Mention, Place, Quote,
                              Record, SentenceSpan, Speaker, Time, parse_record)


def _valid(doc: Document) -> bool:
    if doc.error is not None:
        return doc.error.code.startswith("E1") and doc.text == ""
    return bool(doc.text.strip()) and "\r" not in doc.text


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_text_reader_never_raises(raw):
    assert _valid(read_text_bytes(raw, "x"))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.dates(min_value=dt.date(1600, 1, 1), max_value=dt.date(2025, 12, 31)), st.text(max_size=40).filter(lambda t: "\n" not in t and "\r" not in t))
def test_text_header_is_parsed(body, date, title):
    raw = f"date {date.isoformat()} {title}\n{body}".encode("utf-8", "surrogatepass")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return
    doc = read_text_bytes(raw, "x")
    if not body.strip() or b"\x00" in raw:
        assert doc.error is not None and doc.error.code in ("E101", "E103")
        return
    # any other body is a document: an error here is a reader refusing good text
    assert doc.error is None, doc.error
    assert doc.date == date
    assert doc.title == (title.strip() or None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.binary(max_size=300), max_size=8))
def test_jsonl_reader_yields_one_document_per_nonblank_line(lines):
    lines = [l.replace(b"\n", b" ") for l in lines]
    docs = list(iter_jsonl((l + b"\n" for l in lines), "x", None, "x"))
    assert len(docs) == sum(1 for l in lines if l.strip())
    assert all(_valid(d) for d in docs)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000) | st.text(max_size=3000).map(lambda t: f"<html><body><p>{t}</p></body></html>".encode()))
def test_html_reader_never_raises(raw):
    assert _valid(read_html_bytes(raw, "x"))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=3000))
def test_stdin_never_raises(raw):
    for doc in iter_documents(["-"], stdin=io.BytesIO(raw)):
        assert _valid(doc)


# --- the record serializer -----------------------------------------------------------------
short = st.text(max_size=20)
opt = lambda s: st.none() | s  # noqa: E731
spans = st.builds(Mention, start=st.integers(0, 10**6), end=st.integers(0, 10**6), text=short)
records = st.builds(
    Record, id=short, title=opt(short), date=opt(st.dates().map(dt.date.isoformat)), url=opt(short),
    language=opt(st.sampled_from(["en", "de"])), text=st.text(max_size=200),
    actors=st.lists(st.builds(Actor, id=short, name=short, country=opt(short), sector=opt(short),
                              code=opt(short), mentions=st.lists(spans, max_size=2)), max_size=2),
    times=st.lists(st.builds(Time, start=st.integers(0, 99), end=st.integers(0, 99), text=short,
                             type=st.sampled_from(["DATE", "TIME", "DURATION", "SET"]), value=short), max_size=2),
    places=st.lists(st.builds(Place, start=st.integers(0, 99), end=st.integers(0, 99), text=short, name=short,
                              lat=opt(st.floats(-90, 90)), lon=opt(st.floats(-180, 180)),
                              geonameid=opt(st.integers(1, 10**8))), max_size=2),
    quotes=st.lists(st.builds(Quote, start=st.integers(0, 99), end=st.integers(0, 99), text=short,
                              direct=st.booleans(), cue=opt(short),
                              speaker=opt(st.builds(Speaker, start=st.integers(0, 9), end=st.integers(0, 9),
                                                    text=short, actor=opt(short)))), max_size=2),
    events=st.lists(st.builds(Event, id=short, category=st.sampled_from(["ASSAULT", "AGREE"]),
                              goldstein=opt(st.floats(-10, 10)), quad_class=opt(st.integers(1, 4)),
                              source=opt(st.builds(EventActor, text=short, country=opt(short))),
                              modality=st.sampled_from(["asserted", "negated", "hypothetical", "future"]),
                              sentence=st.builds(SentenceSpan, start=st.integers(0, 9), end=st.integers(0, 9)),
                              evidence=spans, confidence=st.floats(0, 1)), max_size=2),
)


@settings(max_examples=200, deadline=None)
@given(records)
def test_record_round_trips(record):
    assert parse_record(record.to_json()) == record


@settings(max_examples=100, deadline=None)
@given(short, st.sampled_from(["E101", "E102", "E104"]), short)
def test_error_record_round_trips(doc_id, code, message):
    rec = ErrorRecord(id=doc_id, error=ErrorInfo(code=code, message=message))
    assert parse_record(rec.to_json()) == rec


# --- offsets of everything the pipeline writes ---------------------------------------------
SENTENCES = [
    "Turkish troops shelled Kurdish positions near Afrin on Tuesday.",
    "\"We will not abandon our positions,\" a spokesman said, \"whatever happens.\"",
    "Russian President Vladimir Putin met Recep Tayyip Erdoğan in Sochi last Friday.",
    "Protesters marched through Minsk on Sunday, demanding new elections.",
    "The United Nations said on 7 September 2018 that aid convoys had reached Idlib.",
    "Police in Hong Kong fired tear gas at demonstrators, officials said.",
    "Iran's foreign minister warned that Tehran would respond if attacked.",
    "  \n\n",
    "Two days ago, rebels withdrew from the town of Maarat al-Numan.",
    "«Nous ne céderons pas», a déclaré le ministre.",
    "The talks, which began in Geneva in January 2019, collapsed.",
]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=8), st.sampled_from(["\n\n", " ", "\n"]),
       st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1)))
def test_every_span_of_every_record_points_into_the_text(parts, sep, date):
    text = sep.join(parts)
    if not text.strip():
        return
    (_, record), = extract_many([Document(id="p", text=text, date=date)])
    assert record.misplaced_spans() == []
    for e in record.events:
        assert 0 <= e.sentence.start <= e.sentence.end <= len(record.text)
