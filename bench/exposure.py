"""Issue 18's figures: how the server answers while it codes a big article, and what a
decompression bomb costs.

    PYTHONPATH=src python -m bench.exposure latency   # GET /api/stats while a 2 MB article is coded
    PYTHONPATH=src python -m bench.exposure bomb      # peak memory reading a 2 GB .warc.gz bomb

``latency`` starts `eventwire serve --allow-write` as its own process on a store of 16 sample
articles, posts one 2,000,000-byte article (the body limit) with a token, and times 50
`GET /api/stats` while the article is coded; then 50 more with the server idle.
``bomb`` writes a .warc.gz whose first record inflates to 2 GiB (then one good record) and
reads it with the WARC reader in a child process, printing the child's peak RSS.
"""
from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "wikinews" / "wikinews.jsonl"


def _env() -> dict:
    return {**os.environ, "PYTHONPATH": str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}


def _cli(*args) -> str:
    out = subprocess.run([sys.executable, "-m", "eventwire.cli", *map(str, args)], env=_env(),
                         capture_output=True, text=True, check=True)
    return out.stdout


def _percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def latency(n: int = 50) -> None:
    import httpx

    tmp = Path(tempfile.mkdtemp(prefix="eventwire-exposure-"))
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    (tmp / "sample.jsonl").write_text("\n".join(lines[:16]) + "\n", encoding="utf-8")
    db = tmp / "s.duckdb"
    _cli("ingest", tmp / "sample.jsonl", "--db", db)
    token = _cli("token", "create", "--db", db, "--name", "bench").strip()
    text = "\n\n".join(json.loads(line)["text"] for line in lines)
    while len(text) < 2_000_000:
        text += "\n\n" + text
    text = text[:2_000_000]
    while len(body := json.dumps({"id": "big", "date": "2020-10-23", "text": text}).encode()) > 1_999_000:
        text = text[:len(text) - (len(body) - 1_999_000) - 1]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "eventwire.cli", "serve", "--db", str(db), "--port",
                               str(port), "--allow-write"], env=_env())
    try:
        with httpx.Client(timeout=600) as client:
            for _ in range(100):
                try:
                    client.get(url + "/api/stats")
                    break
                except httpx.TransportError:
                    time.sleep(0.2)
            idle = []
            for _ in range(n):
                t = time.perf_counter()
                client.get(url + "/api/stats").raise_for_status()
                idle.append((time.perf_counter() - t) * 1000)
            done = threading.Event()
            posted = {}

            def post():
                t = time.perf_counter()
                r = httpx.post(url + "/api/ingest", content=body, timeout=900,
                               headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
                posted["status"], posted["s"] = r.status_code, time.perf_counter() - t
                posted["events"] = len(r.json().get("events", [])) if r.status_code == 200 else r.text[:200]
                done.set()

            threading.Thread(target=post, daemon=True).start()
            time.sleep(1.0)   # the body is sent and the worker is coding
            busy = []
            while len(busy) < n and not done.is_set():
                t = time.perf_counter()
                client.get(url + "/api/stats").raise_for_status()
                busy.append((time.perf_counter() - t) * 1000)
                time.sleep(0.02)
            all_busy = not done.is_set()
            done.wait()
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"article: {len(body):,} bytes posted; answered {posted['status']} after {posted['s']:.1f} s "
          f"(first worker start included); events: {posted['events']}")
    print(f"GET /api/stats while it was coded: {len(busy)} requests{'' if all_busy else ' (the coding ended first)'}, "
          f"median {statistics.median(busy):.1f} ms, p95 {_percentile(busy, 95):.1f} ms, max {max(busy):.1f} ms")
    print(f"GET /api/stats idle: {n} requests, median {statistics.median(idle):.1f} ms, "
          f"p95 {_percentile(idle, 95):.1f} ms")


def _gz(data: bytes) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    return c.compress(data) + c.flush()


def write_bomb(path: Path, inflated: int) -> None:
    http = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>"
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://bomb.example/\r\n"
            b"WARC-Date: 2020-01-01T00:00:00Z\r\n"
            b"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
            b"Content-Type: application/http; msgtype=response\r\n"
            b"Content-Length: %d\r\n\r\n" % (len(http) + inflated))
    good_page = b"<html><body><p>" + b"Police detained dozens of protesters in Minsk on Sunday. " * 4 + b"</p></body></html>"
    good_http = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + good_page
    good = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://good.example/\r\n"
            b"WARC-Date: 2020-01-01T00:00:00Z\r\n"
            b"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000002>\r\n"
            b"Content-Type: application/http; msgtype=response\r\n"
            b"Content-Length: %d\r\n\r\n" % len(good_http)) + good_http + b"\r\n\r\n"
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b" " * (1 << 24)
    with open(path, "wb") as out:
        out.write(c.compress(head + http))
        left = inflated
        while left:
            k = min(left, len(chunk))
            out.write(c.compress(chunk[:k]))
            left -= k
        out.write(c.compress(b"\r\n\r\n") + c.flush())
        out.write(_gz(good))


_READ = """
import json, resource, sys, time
from eventwire.readers import iter_documents
t = time.perf_counter()
docs = [(d.id, d.error.code if d.error else "ok") for d in iter_documents([sys.argv[1]])]
print(json.dumps({"docs": docs, "seconds": round(time.perf_counter() - t, 1),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}))
"""


def bomb(gib: float = 2.0) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="eventwire-bomb-"))
    path = tmp / "bomb.warc.gz"
    inflated = int(gib * (1 << 30))
    write_bomb(path, inflated)
    base = subprocess.run([sys.executable, "-c", "import resource; import eventwire.readers, trafilatura, warcio;"
                           "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)"],
                          env=_env(), capture_output=True, text=True, check=True).stdout.strip()
    out = json.loads(subprocess.run([sys.executable, "-c", _READ, str(path)], env=_env(), capture_output=True,
                                    text=True, check=True).stdout)
    print(f"bomb: {path.stat().st_size:,} bytes inflating to {inflated:,} bytes")
    print(f"documents: {out['docs']}; read in {out['seconds']} s")
    print(f"peak RSS of the reading process: {out['peak_mb']} MB "
          f"(the same process only importing the readers: {base} MB)")
    path.unlink()


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else "latency"
    {"latency": latency, "bomb": bomb}[what]()
