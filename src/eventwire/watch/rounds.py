"""Rounds of `eventwire watch`: read the feeds, fetch the new articles, code and store them.

A round: (1) each feed is fetched with a conditional request; the article URLs of a changed
one are noted as pending together with its new validators, in one transaction; (2) every
pending URL (and every failed one whose wait is over) that the store does not hold yet is
fetched, politely, in threads; (3) the pages go through the store's own ingest — the path
of `eventwire ingest`, coding in worker processes, merging included. A failed feed or page
is reported and tried again later; it never stops the round.

Nothing here remembers anything between rounds but the store, so a watch killed at any
moment resumes where it stopped: a URL is fetched again only while no stored document
carries it, and a stored document is never stored twice (content hash).
"""
from __future__ import annotations

import concurrent.futures
import datetime as dt
import hashlib
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..document import Document
from ..errors import EventwireError
from ..ingest import ingest
from ..limits import MAX_CODED_CHARS
from .feeds import normalize_url, parse_feed
from .fetch import FetchError, Fetcher, FetchPolicy

# What a web page may be served as; anything else (PDF, images, feeds) is not an article.
HTML_TYPES = {"", "text/html", "application/xhtml+xml"}
# A failed fetch that another try will not mend: robots.txt forbids it, not a page, too large.
FINAL_CODES = {"E121", "E123", "E107"}


@dataclass
class WatchOptions:
    policy: FetchPolicy = field(default_factory=FetchPolicy)
    batch_size: int = 8                  # articles per coding batch (and store transaction)
    fetch_threads: int = 8               # fetches in flight over all hosts (each host has its own cap)
    # Fetched articles (their text, a few KB each) waiting for coding, at most: fetching keeps
    # the sites' pace while coding catches up, and memory stays bounded on a huge sitemap.
    max_waiting: int = 1000
    max_attempts: int = 5                # fetches of one article before it is given up
    retry_wait: dt.timedelta = dt.timedelta(minutes=15)   # after a failed fetch; doubled each time
    max_sitemaps: int = 100              # child sitemaps of sitemap indexes read per round
    max_chars: int = MAX_CODED_CHARS


@dataclass
class RoundReport:
    number: int = 1
    feeds: int = 0                       # feeds and sitemaps asked
    feeds_changed: int = 0
    feeds_unchanged: int = 0             # 304 Not Modified
    feed_failures: list[tuple[str, str]] = field(default_factory=list)
    new_urls: int = 0
    due: int = 0                         # articles to fetch this round
    fetched: int = 0
    failed: int = 0                      # fetches that failed (tried again later unless final)
    stored: int = 0
    quarantined: int = 0
    skipped: int = 0                     # fetched, but the store held the same document already
    events: int = 0
    errors: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def count_error(self, code: str) -> None:
        self.errors[code] = self.errors.get(code, 0) + 1

    def line(self) -> str:
        """The round in one line, for the terminal and logs."""
        failed = f" ({len(self.feed_failures)} failed)" if self.feed_failures else ""
        errors = ", ".join(f"{c}×{n}" for c, n in sorted(self.errors.items()))
        return (f"round {self.number}: {self.feeds} feeds{failed}, {self.feeds_unchanged} unchanged; "
                f"{self.new_urls} new URLs; fetched {self.fetched}/{self.due}: stored {self.stored}, "
                f"quarantined {self.quarantined}, already stored {self.skipped}, failed {self.failed}; "
                f"{self.events} events; "
                f"{self.seconds:.1f} s" + (f"; errors {errors}" if errors else ""))


def doc_id_for(url: str) -> str:
    """A fetched article's document id: stable for its normalised URL, short enough to show."""
    return "web-" + hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def run_round(store, feed_urls: list[str], fetcher: Fetcher, options: WatchOptions | None = None,
              extractor: Callable | None = None, number: int = 1,
              on_due: Callable[[int], None] | None = None,
              on_fetched: Callable[[], None] | None = None) -> RoundReport:
    """One round over ``feed_urls`` into ``store``. ``extractor`` codes documents as
    ``eventwire.ingest.ingest`` takes it (default: in this process). ``on_due(n)`` hears how many articles
    are to be fetched, ``on_fetched()`` each one fetched or failed (for a progress bar)."""
    options = options or WatchOptions()
    report = RoundReport(number=number)
    started = time.monotonic()
    store.sync_watch_urls()
    read_feeds(store, feed_urls, fetcher, options, report)
    due = store.due_urls(options.max_attempts)
    report.due = len(due)
    if on_due:
        on_due(len(due))
    documents = _fetched_documents(store, due, fetcher, options, report, on_fetched)
    stats = ingest(store, documents, batch_size=options.batch_size, extractor=extractor)
    store.sync_watch_urls()
    report.stored, report.quarantined, report.skipped = stats.stored, stats.quarantined, stats.skipped
    report.events = stats.events
    for code, n in stats.errors.items():
        report.errors[code] = report.errors.get(code, 0) + n
    report.seconds = time.monotonic() - started
    return report


# --- feeds ------------------------------------------------------------------------------

def read_feeds(store, feed_urls: list[str], fetcher: Fetcher, options: WatchOptions,
               report: RoundReport) -> None:
    """Ask every feed (concurrently; each host keeps its own pace) and note what changed. The
    child sitemaps of sitemap indexes are asked next, once each per round."""
    asked: set[str] = set()
    wave = [(url, None) for url in feed_urls]
    while wave:
        asked.update(url for url, _ in wave)
        validators = {url: store.feed_validators(url) for url, _ in wave}
        children: list[tuple[str, str]] = []
        with concurrent.futures.ThreadPoolExecutor(options.fetch_threads) as pool:
            answers = pool.map(lambda job: _ask_feed(fetcher, job[0], validators[job[0]]), wave)
            for (url, parent), (answer, parsed, error) in zip(wave, answers):
                report.feeds += 1
                if error is not None:
                    store.record_feed_failure(url, error, parent=parent)
                    report.feed_failures.append((url, str(error)))
                    report.count_error(error.code)
                    continue
                if parsed is None:  # 304: nothing new; an index's children are still asked
                    store.record_feed_answer(url, None, None, parent=parent)
                    report.feeds_unchanged += 1
                    children += [(c, url) for c in store.child_feeds(url)]
                    continue
                report.new_urls += store.record_feed_answer(
                    url, parsed.kind, parsed.items, etag=answer.headers.get("etag"),
                    last_modified=answer.headers.get("last-modified"), parent=parent)
                report.feeds_changed += 1
                children += [(c, url) for c in parsed.sitemaps]
        budget = options.max_sitemaps - (len(asked) - len(feed_urls))
        wave = [(c, p) for c, p in dict(children).items() if c not in asked][:max(0, budget)]


def _ask_feed(fetcher: Fetcher, url: str, validators: tuple[str | None, str | None]):
    """(answer, parsed feed or None for 304, error or None), never raising."""
    etag, modified = validators
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    try:
        answer = fetcher.get(url, headers)
        if answer.status == 304:
            return answer, None, None
        return answer, parse_feed(answer.body, answer.url, answer.headers.get("content-type")), None
    except EventwireError as exc:
        return None, None, exc
    except Exception as exc:  # a parser's own failure on a hostile answer: this feed's error only
        return None, None, EventwireError("E124", f"at {url} ({type(exc).__name__}: {str(exc)[:200]})")


# --- articles ---------------------------------------------------------------------------

def _fetched_documents(store, due: list[dict], fetcher: Fetcher, options: WatchOptions,
                       report: RoundReport, on_fetched: Callable[[], None] | None) -> Iterator[Document]:
    """Documents of the due articles as their fetches finish; failed fetches are noted in the
    store (from this thread: the store's connection is not shared with the fetchers)."""
    window = options.fetch_threads + options.max_waiting
    todo = iter(due)
    pool = concurrent.futures.ThreadPoolExecutor(options.fetch_threads)
    running: set = set()
    try:
        while True:
            for row in todo:
                running.add(pool.submit(fetch_article, fetcher, row))
                if len(running) >= window:
                    break
            if not running:
                return
            done, running = concurrent.futures.wait(running, return_when=concurrent.futures.FIRST_COMPLETED)
            for future in done:
                row, document, error = future.result()
                if document is not None and document.url != row["url"]:
                    store.note_resolved(row["url"], document.url)
                if on_fetched:
                    on_fetched()
                if error is not None:
                    report.failed += 1
                    report.count_error(error.code)
                    wait = options.retry_wait * 2 ** min(row["attempts"], 10)
                    store.record_url_failure(row["url"], error, options.max_attempts, wait,
                                             final=is_final(error))
                    continue
                report.fetched += 1
                yield document
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def is_final(error: EventwireError) -> bool:
    """Whether another try cannot mend a failed fetch: robots.txt, not a page, too large, or a
    page the site says is gone or refused (4xx other than 408 timeout and 429 too many)."""
    status = getattr(error, "status", None)
    return error.code in FINAL_CODES or (status is not None and 400 <= status < 500 and status not in (408, 429))


def fetch_article(fetcher: Fetcher, row: dict) -> tuple[dict, Document | None, EventwireError | None]:
    """Fetch one article and read it (trafilatura: main text, title, the page's own date, else
    the feed's). A page with no article text becomes an error document, which the store keeps
    in quarantine; a fetch that failed comes back as its error."""
    from ..readers.common import error_document
    from ..readers.html import read_html_bytes

    url = row["url"]
    try:
        answer = fetcher.get(url)
        if answer.media_type not in HTML_TYPES:
            raise EventwireError("E123", f"{url} is {answer.media_type}")
    except EventwireError as exc:
        return row, None, exc
    except Exception as exc:  # never lose the round to one page
        return row, None, FetchError("E120", f"{url} ({type(exc).__name__}: {str(exc)[:200]})")
    # Stored under the address its redirects led to, so two links to one article store it once.
    final = normalize_url(answer.url) or url
    try:
        document = read_html_bytes(answer.body, doc_id_for(final), default_date=row.get("feed_date"),
                                   url=final, source=answer.url)
    except Exception as exc:  # the extractor's own failure on a hostile page: quarantined, kept
        document = error_document(doc_id_for(final), EventwireError("E113", f"{type(exc).__name__}: {str(exc)[:200]}"),
                                  answer.body, answer.url, url=final)
    if document.error is None and not document.title and row.get("title"):
        document.title = row["title"]
    return row, document, None


# --- rounds, one after another ----------------------------------------------------------

def watch(store, feed_urls: list[str], options: WatchOptions | None = None, every: float | None = None,
          workers: int = 1, stop: threading.Event | None = None,
          on_round: Callable[[RoundReport], None] | None = None,
          on_due: Callable[[int], None] | None = None,
          on_fetched: Callable[[], None] | None = None) -> list[RoundReport]:
    """Rounds every ``every`` seconds (counted from each round's start) until ``stop`` is set,
    or one round when ``every`` is None. ``workers`` coding processes stay warm across rounds
    (0: code in this process)."""
    from ..pipeline import coding_pool, extract_many

    options = options or WatchOptions()
    stop = stop or threading.Event()
    fetcher = Fetcher(options.policy)
    pool = coding_pool(workers) if workers > 0 else None

    def extractor(docs):
        return extract_many(docs, batch_size=options.batch_size, workers=max(1, workers),
                            max_chars=options.max_chars, pool=pool)

    reports = []
    try:
        number = 0
        while not stop.is_set():
            number += 1
            started = time.monotonic()
            report = run_round(store, feed_urls, fetcher, options, extractor, number, on_due, on_fetched)
            reports.append(report)
            if on_round:
                on_round(report)
            if every is None or stop.wait(max(0.0, every - (time.monotonic() - started))):
                break
    finally:
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
    return reports


def parse_every(text: str) -> float:
    """``90``, ``90s``, ``15m``, ``1h`` as seconds; ValueError otherwise (or under a second)."""
    text = text.strip().lower()
    units = {"s": 1, "m": 60, "h": 3600}
    number, unit = (text[:-1], text[-1]) if text[-1:] in units else (text, "s")
    seconds = float(number) * units[unit]
    if not seconds >= 1:
        raise ValueError(text)
    return seconds
