"""A round of `eventwire watch` over one host at its rate limit.

    python -m bench.watch [--articles 500] [--rate 4] [--per-host 2] [--workers 2] [--batch-size 8]

A fixture site on a loopback port (tests/feedsite.py: real Wikinews articles as pages, a news
sitemap listing them) is watched for one round into a new store, coding in --workers worker
processes. The site notes when each article request arrives, so the figures are the pace the
host saw: requests per second against the limit, the smallest gap between two request starts
and the busiest ten seconds, the most requests in flight, and the coding that was still left once the
last page was fetched (how far coding lagged behind fetching).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from feedsite import FeedSite, running, sample_articles  # noqa: E402

from eventwire.store import open_store  # noqa: E402
from eventwire.watch import FetchPolicy, WatchOptions, watch  # noqa: E402


class TimedSite(FeedSite):
    """The fixture site, noting the start and end of every article request."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.starts: list[float] = []
        self.in_flight = self.peak = 0

    def answer(self, path, base, headers):
        article = path.startswith("/news/")
        if article:
            with self.lock:
                self.starts.append(time.monotonic())
                self.in_flight += 1
                self.peak = max(self.peak, self.in_flight)
        try:
            return super().answer(path, base, headers)
        finally:
            if article:
                with self.lock:
                    self.in_flight -= 1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--rate", type=float, default=4.0, help="requests per second to the host")
    ap.add_argument("--per-host", type=int, default=2)
    ap.add_argument("--workers", type=int, default=2, help="coding processes")
    ap.add_argument("--batch-size", type=int, default=8)
    args = ap.parse_args()

    site = TimedSite(sample_articles(args.articles))
    options = WatchOptions(policy=FetchPolicy(rate=args.rate, per_host=args.per_host), batch_size=args.batch_size)
    with running(site) as base, tempfile.TemporaryDirectory() as tmp:
        with open_store(Path(tmp) / "bench.duckdb") as store:
            fetched_at: list[float] = []
            lock = threading.Lock()

            def on_fetched():
                with lock:
                    fetched_at.append(time.monotonic())

            started = time.monotonic()
            (report,) = watch(store, [base + "/sitemap.xml"], options, every=None, workers=args.workers,
                              on_fetched=on_fetched)
            ended = time.monotonic()
            counts = store.counts()
    starts = sorted(site.starts)
    span = starts[-1] - starts[0]
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    print(report.line())
    print(f"articles {args.articles}, limit {args.rate:g} requests/s per host, cap {args.per_host} in flight, "
          f"{args.workers} coding workers, batches of {args.batch_size}")
    print(f"article requests at the host: {len(starts)} over {span:.1f} s = "
          f"{(len(starts) - 1) / span:.2f} requests/s (limit {args.rate:g}; the ideal span is "
          f"{(len(starts) - 1) / args.rate:.1f} s)")
    window = 10.0
    busiest = max(sum(1 for t in starts[i:] if t < start + window) for i, start in enumerate(starts))
    print(f"busiest {window:.0f} s at the host: {busiest} requests (the limit allows {window * args.rate:.0f}, "
          f"+1 for the first); smallest gap between two arrivals {min(gaps) * 1000:.0f} ms "
          f"(1/rate = {1000 / args.rate:.0f} ms; arrivals jitter, the sends are paced); most in flight: {site.peak}")
    print(f"round: {ended - started:.1f} s, of which {starts[0] - started:.1f} s before the first article "
          f"(worker start, model load, robots.txt, sitemap) and {ended - starts[-1]:.1f} s after the last "
          f"(coding and storing what was still queued)")
    print(f"stored {counts['documents']} documents, {counts['events']} event reports, "
          f"{counts['merged_events']} merged events; "
          f"{report.stored / (ended - started):.2f} documents/s over the whole round")


if __name__ == "__main__":
    main()
