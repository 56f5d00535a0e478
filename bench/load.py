"""A bounded load test of the read API on loopback.

Starts `eventwire serve` on a store (built from the sample corpus when missing), then sends
N read requests across the list endpoints with C in flight at once, and prints the status
counts, errors and latency percentiles. It only ever talks to 127.0.0.1 and stops by itself.

    .venv/bin/python bench/load.py --requests 2000 --concurrency 200
"""
from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
PATHS = ["/api/documents?limit=50", "/api/events?limit=100", "/api/events?modality=any&limit=50",
         "/api/actors", "/api/places", "/api/stats", "/api/events?category=ASSAULT&min_sources=1",
         "/api/documents?limit=20&offset=40", "/openapi.json"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def hammer(base: str, n: int, concurrency: int, timeout: float):
    sem = asyncio.Semaphore(concurrency)
    statuses: Counter = Counter()
    latencies: list[float] = []
    errors: Counter = Counter()
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=timeout, limits=limits) as client:
        async def one(i: int):
            async with sem:
                t0 = time.perf_counter()
                try:
                    r = await client.get(PATHS[i % len(PATHS)])
                    statuses[r.status_code] += 1
                except httpx.HTTPError as exc:
                    errors[type(exc).__name__] += 1
                latencies.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        await asyncio.gather(*(one(i) for i in range(n)))
        wall = time.perf_counter() - t0
    return statuses, errors, latencies, wall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, help="store to serve (default: build one from the sample corpus)")
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=200)
    ap.add_argument("--timeout", type=float, default=60.0)
    args = ap.parse_args()
    eventwire = [sys.executable, "-m", "eventwire.cli"]
    tmp = tempfile.TemporaryDirectory()
    db = args.db
    if db is None:
        db = Path(tmp.name) / "load.duckdb"
        subprocess.run(eventwire + ["ingest", str(REPO / "samples/wikinews/wikinews.jsonl"), "--db", str(db)],
                       check=True, stderr=subprocess.DEVNULL)
    port = free_port()
    server = subprocess.Popen(eventwire + ["serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                httpx.get(base + "/api/stats", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        statuses, errors, lat, wall = asyncio.run(hammer(base, args.requests, args.concurrency, args.timeout))
    finally:
        server.terminate()
        server.wait(timeout=10)
    lat.sort()
    q = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))] * 1000  # noqa: E731
    print(f"cores: {os.cpu_count()}  requests: {args.requests}  concurrency: {args.concurrency}")
    print(f"status counts: {dict(statuses)}  transport errors: {dict(errors) or 0}")
    print(f"throughput: {args.requests / wall:.0f} req/s  latency ms: median {statistics.median(lat) * 1000:.1f}, "
          f"p95 {q(0.95):.1f}, p99 {q(0.99):.1f}, max {lat[-1] * 1000:.1f}")
    bad = sum(n for s, n in statuses.items() if s >= 500) + sum(errors.values())
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
