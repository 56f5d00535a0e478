"""Throughput and memory of extraction, against the bare spaCy parse of the same texts.

    .venv/bin/python bench/speed.py --docs 2000 --rss-docs 2000 20000

Measures, on the sample corpus repeated to reach --docs documents, in one run:
  (a) bare spaCy ``nlp.pipe`` with the same model and batch size over the same texts;
  (b) eventwire extraction in one process (readers excluded: Documents in, records out);
  (c) the same with --workers 2;  (d) the same on a Dask LocalCluster of 2 workers;
and prints docs/s for each and (b)/(a). Then runs ``eventwire extract`` as a subprocess on
each --rss-docs size and prints its peak RSS (streaming: it should not grow with size).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "wikinews" / "wikinews.jsonl"


def corpus(n: int) -> list[dict]:
    base = [json.loads(l) for l in SAMPLE.read_text(encoding="utf-8").splitlines() if l.strip()]
    return [{**base[i % len(base)], "id": f"{base[i % len(base)]['id']}-{i // len(base)}"} for i in range(n)]


def documents(rows):
    from eventwire.document import Document

    return [Document(id=r["id"], text=r["text"], date=dt.date.fromisoformat(r["date"]), title=r["title"],
                     url=r["url"]) for r in rows]


def timed(label: str, n: int, fn) -> float:
    t0 = time.perf_counter()
    fn()
    secs = time.perf_counter() - t0
    print(f"{label:<44} {n / secs:8.1f} docs/s  ({secs:.1f} s)", flush=True)
    return n / secs


def peak_rss_mb(n: int, tmp: Path) -> float:
    path = tmp / f"rss-{n}.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for r in corpus(n):
            fh.write(json.dumps(r) + "\n")
    # A fresh parent whose only child is the extract run, so its children's peak is that run's.
    probe = ("import resource, subprocess, sys; "
             "subprocess.run(sys.argv[1:], check=True, stderr=subprocess.DEVNULL); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", probe, sys.executable, "-m", "eventwire.cli", "extract",
                          str(path), "-o", os.devnull], check=True, capture_output=True, text=True)
    return int(out.stdout.strip()) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--rss-docs", type=int, nargs="*", default=[2000, 20000])
    ap.add_argument("--skip", nargs="*", default=[], choices=["workers", "dask"])
    args = ap.parse_args()

    from eventwire.nlp import load_nlp
    from eventwire.pipeline import extract_many

    rows = corpus(args.docs)
    docs = documents(rows)
    texts = [d.text for d in docs]
    print(f"cores: {os.cpu_count()}  documents: {len(docs)}  batch size: {args.batch_size}")
    nlp = load_nlp()
    list(nlp.pipe(texts[:64]))  # warm up
    a = timed("(a) bare spaCy nlp.pipe", len(texts), lambda: list(nlp.pipe(texts, batch_size=args.batch_size)))

    def run(**kw):
        for _, record in extract_many(docs, batch_size=args.batch_size, **kw):
            record.to_json()

    b = timed("(b) eventwire extract, 1 process", len(docs), lambda: run(nlp=nlp))
    print(f"    (b)/(a) = {b / a:.2f}")
    if "workers" not in args.skip:
        c = timed("(c) eventwire extract --workers 2", len(docs), lambda: run(workers=2))
        print(f"    (c)/(b) = {c / b:.2f}")
    if "dask" not in args.skip:
        from eventwire.distributed import connect, extract_with_dask

        client = connect("local:2")
        try:
            client.run(load_nlp)  # warm workers, as a long-running cluster would be
            d = timed("(d) eventwire extract --dask local:2", len(docs),
                      lambda: [r.to_json() for _, r in extract_with_dask(docs, client, args.batch_size)])
            print(f"    (d)/(b) = {d / b:.2f}")
        finally:
            client.close()
    with tempfile.TemporaryDirectory() as tmp:
        for n in sorted(args.rss_docs):
            print(f"peak RSS, eventwire extract on {n:>6} docs: {peak_rss_mb(n, Path(tmp)):.0f} MB", flush=True)


if __name__ == "__main__":
    main()
