"""Readers: every input form gives the right Document; bad input a coded error document."""
import datetime as dt
import gzip
import io
import json

import pytest

from eventwire.readers import iter_documents
from eventwire.readers.common import MAX_DOCUMENT_BYTES
from eventwire.readers.text import read_text_bytes

BODY = "Protesters marched through central Minsk on Sunday, demanding new elections."


@pytest.mark.parametrize("raw", [
    f"date 2020-08-17 Opposition rally in Minsk\n{BODY}",
    f"  date 2020-08-17 Opposition rally in Minsk\n{BODY}",
    f"\ufeffdate 2020-08-17 Opposition rally in Minsk\r\n{BODY}",
    f"\n\ndate 2020-08-17 Opposition rally in Minsk\n{BODY}",
])
def test_text_header_forms(raw):
    doc = read_text_bytes(raw.encode("utf-8"), "minsk")
    assert doc.error is None
    assert doc.date == dt.date(2020, 8, 17)
    assert doc.title == "Opposition rally in Minsk"
    assert doc.text == BODY


def test_text_without_header_takes_default_date():
    doc = read_text_bytes(BODY.encode(), "minsk", default_date=dt.date(2020, 8, 17))
    assert doc.date == dt.date(2020, 8, 17) and doc.title is None and doc.text == BODY


def test_text_without_header_or_date_has_no_date():
    assert read_text_bytes(BODY.encode(), "minsk").date is None


def test_crlf_and_lone_cr_become_newlines():
    doc = read_text_bytes(b"First paragraph.\r\n\r\nSecond.\rThird.", "x")
    assert doc.text == "First paragraph.\n\nSecond.\nThird."


def test_utf16_with_bom_is_read():
    raw = ("date 2020-08-17 Rally\n" + BODY).encode("utf-16")
    doc = read_text_bytes(raw, "u16")
    assert doc.error is None and doc.text == BODY


@pytest.mark.parametrize("raw, code", [
    (b"", "E101"),
    (b"   \n\t\n", "E101"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "E103"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "E103"),
    (gzip.compress(b"hello"), "E103"),
    (b"Protesters \xff\xfe marched", "E102"),
    (b"date 2018-13-45 Bad date\nSome text.", "E106"),
    (b"date 2018-02-30 Impossible\nSome text.", "E106"),
    (b"date 2018-09-17 Only a header\n   ", "E101"),
    (b"x" * (MAX_DOCUMENT_BYTES + 1), "E107"),
])
def test_text_bad_input_gets_coded_error(raw, code):
    doc = read_text_bytes(raw, "bad")
    assert doc.error is not None and doc.error.code == code
    assert doc.raw == raw  # kept for quarantine


def test_jsonl_reader_keeps_going_after_bad_lines(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a", "text": BODY, "date": "2020-08-17", "title": "Rally", "url": "http://x/a"}),
        "{not json",
        json.dumps({"id": "c", "title": "no text"}),
        json.dumps({"id": "d", "text": 42}),
        json.dumps({"id": "e", "text": BODY, "date": "2020-02-30"}),
        json.dumps([1, 2]),
        "",
        json.dumps({"text": BODY}),
    ]
    path.write_text("\n".join(lines) + "\n")
    docs = list(iter_documents([path]))
    got = [(d.id, d.error.code if d.error else None) for d in docs]
    assert got == [("a", None), ("batch-2", "E104"), ("c", "E105"), ("d", "E111"),
                   ("e", "E106"), ("batch-6", "E104"), ("batch-8", None)]
    assert docs[0].title == "Rally" and docs[0].url == "http://x/a"
    assert docs[0].date == dt.date(2020, 8, 17)


HTML = b"""<!DOCTYPE html><html><head><title>Ceasefire agreed in Libya | Example News</title>
<meta property="article:published_time" content="2020-10-23T10:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Ceasefire agreed in Libya</h1>
<p>The two rival Libyan governments signed a permanent ceasefire in Geneva on Friday, the United
Nations said, after five days of talks between military delegations.</p>
<p>The agreement requires all foreign fighters to leave Libya within three months, according to
the UN envoy, who called it a turning point for the country.</p></article>
<footer>Copyright Example News</footer></body></html>"""


def test_html_reader_extracts_main_text_title_and_date(tmp_path):
    path = tmp_path / "libya.html"
    path.write_bytes(HTML)
    (doc,) = iter_documents([path])
    assert doc.error is None
    assert doc.title.startswith("Ceasefire agreed in Libya")
    assert doc.date == dt.date(2020, 10, 23)
    assert "permanent ceasefire in Geneva" in doc.text
    assert "Copyright" not in doc.text and "Home | World" not in doc.text


@pytest.mark.parametrize("raw", [
    b"<html><head><title>x</title></head></html>",
    b"<html><body><script>var a = 1;</script></body></html>",
])
def test_html_without_text_is_E108(tmp_path, raw):
    path = tmp_path / "empty.html"
    path.write_bytes(raw)
    (doc,) = iter_documents([path])
    assert doc.error.code == "E108"


def _warc(records, gz=True):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for url, ctype, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        rec = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                        warc_headers_dict={"WARC-Date": "2020-10-24T08:00:00Z"})
        writer.write_record(rec)
    return buf.getvalue()


def test_warc_reader_yields_each_html_response(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_warc([("http://example.org/libya", "text/html; charset=utf-8", HTML),
                            ("http://example.org/logo.png", "image/png", b"\x89PNG...."),
                            ("http://example.org/libya2", "text/html", HTML.replace(b"Geneva", b"Berlin"))]))
    docs = list(iter_documents([path]))
    assert len(docs) == 2
    assert all(d.error is None for d in docs)
    assert docs[0].url == "http://example.org/libya" and docs[0].date == dt.date(2020, 10, 23)
    assert "Berlin" in docs[1].text


def test_truncated_warc_keeps_what_was_read(tmp_path):
    data = _warc([("http://example.org/a", "text/html", HTML)] * 3, gz=False)
    path = tmp_path / "cut.warc"
    path.write_bytes(data[: len(data) - 400])
    docs = list(iter_documents([path]))
    assert [d.error is None for d in docs[:2]] == [True, True]
    assert docs[-1].error is not None and docs[-1].error.code == "E109"


def test_folder_is_walked_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(f"date 2020-08-17 A\n{BODY}")
    (tmp_path / "b" / "c.txt").write_text(f"date 2020-08-18 C\n{BODY}")
    (tmp_path / ".hidden.txt").write_text("ignored")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    docs = list(iter_documents([tmp_path]))
    assert [(d.id, d.error.code if d.error else None) for d in docs] == [
        ("a", None), ("c", None), ("notes", "E110")]


def test_missing_path_is_E100(tmp_path):
    (doc,) = iter_documents([tmp_path / "nope.txt"])
    assert doc.error.code == "E100"


@pytest.mark.parametrize("raw, n", [
    (f"date 2020-08-17 Rally\n{BODY}".encode(), 1),
    ((json.dumps({"id": "a", "text": BODY}) + "\n" + json.dumps({"id": "b", "text": BODY})).encode(), 2),
    (HTML, 1),
])
def test_stdin_is_sniffed(raw, n):
    docs = list(iter_documents(["-"], stdin=io.BytesIO(raw)))
    assert len(docs) == n and all(d.error is None for d in docs)


@pytest.mark.parametrize("raw", [
    b"\xff<![$\x98<e",                      # found by scripts/fuzz.py: malformed marked section
    b"\xdb|<<\xc4OOOOO\xdb<![<\x1c<<\xdbO",
])
def test_fuzz_regressions_html(raw):
    from eventwire.readers.html import read_html_bytes

    doc = read_html_bytes(raw, "f")
    assert doc.error is not None and doc.error.code.startswith("E1")


def test_an_unreadable_folder_is_reported_not_skipped(tmp_path, monkeypatch):
    # Running as root, chmod cannot make a folder unreadable: os.scandir fails as it would.
    import os

    from eventwire.readers import iter_documents

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("date 2020-08-16 One\nPolice detained protesters in Minsk.")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "two.txt").write_text("date 2020-08-16 Two\nPolice detained protesters in Minsk.")
    (tmp_path / "z.txt").write_text("date 2020-08-16 Three\nPolice detained protesters in Minsk.")
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    docs = list(iter_documents([tmp_path]))
    assert [(d.id, d.error.code if d.error else None) for d in docs] == [
        ("one", None), ("locked", "E114"), ("z", None)]
    assert "Permission denied" in docs[1].error.message


@pytest.mark.parametrize("head, whole_file_refused", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", True),      # a real PDF: binary past its first bytes
    (gzip.compress(b'{"id": "g", "text": "hello"}\n'), True),
    (b"%PDF-\n", False),                            # a text line that starts like a PDF
    (b"BZh and other letters\n", False),
])
def test_jsonl_file_that_only_starts_like_binary_is_read_line_by_line(tmp_path, head, whole_file_refused):
    """Found by tests/test_fuzz_store.py: a first line "%PDF-" made the whole file a PDF, and
    the good documents after it were lost."""
    path = tmp_path / "batch.jsonl"
    path.write_bytes(head + json.dumps({"id": "good", "text": BODY}).encode() + b"\n")
    docs = list(iter_documents([str(path)]))
    if whole_file_refused:
        assert [(d.id, d.error.code) for d in docs] == [("batch", "E103")]
    else:
        assert [d.id for d in docs if d.error is None] == ["good"]
        assert [d.id for d in docs if d.error is not None] == ["batch-1"]   # the line alone is refused
