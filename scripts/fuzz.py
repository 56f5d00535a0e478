"""Coverage-guided fuzzing (atheris) of the readers and the pipeline, for a fixed time.

Not part of CI: run it by hand, e.g.

    .venv/bin/pip install atheris
    .venv/bin/python scripts/fuzz.py readers --seconds 600
    .venv/bin/python scripts/fuzz.py pipeline --seconds 600

A harness fails (and prints the input) when a reader raises instead of returning a
Document, when a Document is neither an error nor non-empty text, or when the pipeline
raises or writes a span whose offsets do not point at its text. libFuzzer's closing line
("Done N runs in S second(s)") gives the executions run, for bench/RESULTS.md.
"""
from __future__ import annotations

import argparse
import io
import sys

import atheris

with atheris.instrument_imports():
    from eventwire.document import Document
    from eventwire.readers import iter_documents
    from eventwire.readers.html import read_html_bytes
    from eventwire.readers.jsonl import iter_jsonl
    from eventwire.readers.text import read_text_bytes
    from eventwire.readers.warc import iter_warc

def check_document(doc: Document) -> None:
    if doc.error is not None:
        assert doc.error.code.startswith("E1"), doc.error
    else:
        assert doc.text.strip(), "document with no text and no error"
        assert "\r" not in doc.text


def fuzz_readers(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    which = fdp.ConsumeIntInRange(0, 4)
    raw = fdp.ConsumeBytes(fdp.remaining_bytes())
    if which == 0:
        check_document(read_text_bytes(raw, "f"))
    elif which == 1:
        check_document(read_html_bytes(raw, "f"))
    elif which == 2:
        for doc in iter_jsonl(io.BytesIO(raw), "f", None, "f"):
            check_document(doc)
    elif which == 3:
        for doc in iter_warc(io.BytesIO(raw), "f", "f"):
            check_document(doc)
    else:
        for doc in iter_documents(["-"], stdin=io.BytesIO(raw)):
            check_document(doc)


_NLP = None


def fuzz_pipeline(data: bytes) -> None:
    global _NLP
    from eventwire.nlp import load_nlp
    from eventwire.pipeline import extract_many

    _NLP = _NLP or load_nlp()
    doc = read_text_bytes(data[:20000], "f")
    (_, record), = extract_many([doc], nlp=_NLP)
    if hasattr(record, "error"):
        return
    assert record.misplaced_spans() == [], record.misplaced_spans()

def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("harness", choices=["readers", "pipeline"])
    parser.add_argument("--seconds", type=int, default=600)
    args, rest = parser.parse_known_args()
    target = fuzz_readers if args.harness == "readers" else fuzz_pipeline
    atheris.Setup([sys.argv[0], f"-max_total_time={args.seconds}", "-rss_limit_mb=4096", *rest], target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
