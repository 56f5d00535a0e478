"""Polite HTTP fetching for `watch`: robots.txt, a rate limit and a concurrency cap per host,
a user agent that names the tool, timeouts, retries with backoff, redirects (loops caught),
a size limit, and conditional requests.

urllib3 directly (the client trafilatura's own fetch uses): trafilatura's ``fetch_url`` sends
no ETag / If-Modified-Since, keeps no per-host pace, and follows redirects without letting
robots.txt see each hop. Extraction from the fetched page is trafilatura's (readers/html.py).
Every method is safe to call from many threads at once.
"""
from __future__ import annotations

import random
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from ..errors import EventwireError
from ..limits import (FETCH_CONNECT_TIMEOUT, FETCH_READ_TIMEOUT, FETCH_TOTAL_TIMEOUT, MAX_DOCUMENT_BYTES,
                      MAX_REDIRECTS)

ROBOTS_AGENT = "eventwire"
# RFC 9309: a crawler reads at least 500 KiB of robots.txt and may ignore the rest.
MAX_ROBOTS_BYTES = 512_000
RETRY_STATUSES = {429, 500, 502, 503, 504}
REDIRECT_STATUSES = {301, 302, 303, 307, 308}


class FetchError(EventwireError):
    """A failed fetch; ``status`` is the HTTP status when the server answered one."""

    def __init__(self, code: str, detail: str = "", status: int | None = None):
        super().__init__(code, detail)
        self.status = status


def user_agent() -> str:
    from .. import __version__

    return f"eventwire/{__version__} (political event data from news feeds; honours robots.txt)"


@dataclass
class FetchPolicy:
    """How hard `watch` may pull on a site."""
    rate: float = 1.0                  # requests per second to one host (robots.txt Crawl-delay can lower it)
    per_host: int = 2                  # requests in flight to one host
    retries: int = 2                   # further tries after a timeout, a lost connection, 429 or 5xx
    backoff: float = 1.0               # seconds before the first retry; doubled for each next one
    max_backoff: float = 60.0          # the longest wait for a retry, Retry-After included
    connect_timeout: float = FETCH_CONNECT_TIMEOUT
    read_timeout: float = FETCH_READ_TIMEOUT
    total_timeout: float = FETCH_TOTAL_TIMEOUT
    max_bytes: int = MAX_DOCUMENT_BYTES
    max_redirects: int = MAX_REDIRECTS
    robots_ttl: float = 3600.0         # seconds a host's robots.txt is kept
    user_agent: str = field(default_factory=user_agent)


@dataclass
class Answer:
    url: str                          # where the answer came from, after redirects
    status: int                       # 200, or 304 for a conditional request's "not modified"
    headers: dict[str, str]           # names in lower case
    body: bytes

    @property
    def media_type(self) -> str:
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


class _Host:
    """One host's pace: at most ``per_host`` requests at once, starts ``interval`` apart."""

    def __init__(self, per_host: int, interval: float):
        self.slots = threading.BoundedSemaphore(per_host)
        self.lock = threading.Lock()
        self.interval = interval
        self.next_start = 0.0

    @contextmanager
    def turn(self):
        with self.slots:
            with self.lock:
                now = time.monotonic()
                start = max(now, self.next_start)
                self.next_start = start + self.interval
            if start > now:
                time.sleep(start - now)
            yield


@dataclass
class _Robots:
    rules: RobotFileParser | None     # None: the site has no robots.txt (everything allowed)
    expires: float


class Fetcher:
    def __init__(self, policy: FetchPolicy | None = None):
        import urllib3

        self.policy = policy or FetchPolicy()
        self.http = urllib3.PoolManager(num_pools=64, maxsize=max(2, self.policy.per_host))
        self.headers = {"User-Agent": self.policy.user_agent, "Accept-Encoding": "gzip, deflate"}
        self._lock = threading.Lock()
        self._hosts: dict[str, _Host] = {}
        self._robots: dict[str, _Robots] = {}
        self._robots_locks: dict[str, threading.Lock] = {}

    # --- the public face ----------------------------------------------------------------
    def get(self, url: str, headers: dict[str, str] | None = None) -> Answer:
        """GET ``url`` as robots.txt allows, following redirects (each hop checked against its
        own host's robots.txt). Raises E121 (robots.txt forbids), E122 (redirect loop or too
        many), E107 (over the size limit), E120 (anything else, after the retries)."""
        seen = {url}
        for _ in range(self.policy.max_redirects + 1):
            self.check_allowed(url)
            answer = self._request(url, headers)
            if answer.status not in REDIRECT_STATUSES:
                if answer.status not in (200, 203, 304):
                    raise FetchError("E120", f"{url} (HTTP {answer.status})", status=answer.status)
                return answer
            location = answer.headers.get("location")
            if not location:
                raise EventwireError("E120", f"{url} (HTTP {answer.status} without a Location)")
            url = urljoin(url, location.strip())
            if urlsplit(url).scheme not in ("http", "https"):
                raise EventwireError("E120", f"{url[:200]} (a redirect to no web address)")
            if url in seen:
                raise EventwireError("E122", f"{url} (it redirects back to itself)")
            seen.add(url)
        raise EventwireError("E122", f"{url} (over {self.policy.max_redirects} redirects)")

    def check_allowed(self, url: str) -> None:
        """E121 when the host's robots.txt forbids ``url`` to eventwire; E120 when robots.txt
        cannot be read (RFC 9309: an unreachable robots.txt means wait, not go ahead)."""
        rules = self._robots_for(origin_of(url))
        if rules is not None and not rules.can_fetch(ROBOTS_AGENT, url):
            raise EventwireError("E121", url)

    # --- pacing -------------------------------------------------------------------------
    def _host(self, origin: str) -> _Host:
        with self._lock:
            host = self._hosts.get(origin)
            if host is None:
                host = self._hosts[origin] = _Host(self.policy.per_host, 1.0 / self.policy.rate)
            return host

    def _robots_for(self, origin: str) -> RobotFileParser | None:
        with self._lock:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:  # one thread reads a host's robots.txt; the others wait for it
            cached = self._robots.get(origin)
            if cached and cached.expires > time.monotonic():
                return cached.rules
            rules = self._read_robots(origin)
            self._robots[origin] = _Robots(rules, time.monotonic() + self.policy.robots_ttl)
            return rules

    def _read_robots(self, origin: str) -> RobotFileParser | None:
        url = origin + "/robots.txt"
        try:
            answer = self._request(url, None, limit=MAX_ROBOTS_BYTES, truncate=True)
            for _ in range(self.policy.max_redirects):
                if answer.status not in REDIRECT_STATUSES or not answer.headers.get("location"):
                    break
                answer = self._request(urljoin(url, answer.headers["location"]), None,
                                       limit=MAX_ROBOTS_BYTES, truncate=True)
        except EventwireError as exc:
            raise EventwireError("E120", f"{url} (robots.txt unreachable: {exc.detail})") from None
        if 400 <= answer.status < 500:
            return None  # no robots.txt: everything is allowed
        if answer.status != 200:
            raise EventwireError("E120", f"{url} (robots.txt answered HTTP {answer.status})")
        rules = RobotFileParser(url)
        rules.parse(answer.body.decode("utf-8", "replace").splitlines())
        delay = rules.crawl_delay(ROBOTS_AGENT)
        if delay:
            host = self._host(origin)
            with host.lock:  # a Crawl-delay slower than our own pace wins (capped at a minute)
                host.interval = max(host.interval, min(float(delay), 60.0))
        return rules

    # --- one request, with retries ------------------------------------------------------
    def _request(self, url: str, headers: dict[str, str] | None, limit: int | None = None,
                 truncate: bool = False) -> Answer:
        policy = self.policy
        host = self._host(origin_of(url))
        last = ""
        for attempt in range(policy.retries + 1):
            wait = 0.0
            with host.turn():
                try:
                    answer = self._send(url, headers, limit or policy.max_bytes, truncate)
                except EventwireError:
                    raise
                except Exception as exc:  # timeouts, refused or dropped connections, bad TLS
                    last = f"{type(exc).__name__}: {str(exc)[:200]}"
                    answer = None
            if answer is not None:
                if answer.status not in RETRY_STATUSES:
                    return answer
                last = f"HTTP {answer.status}"
                wait = _retry_after(answer.headers.get("retry-after"))
            if attempt < policy.retries:
                backoff = policy.backoff * 2 ** attempt * (1 + random.random() / 4)
                time.sleep(min(policy.max_backoff, max(wait, backoff)))
        if answer is not None:
            return answer  # the last 5xx/429: get() turns it into E120 with its status
        raise EventwireError("E120", f"{url} ({last}, {policy.retries + 1} tries)")

    def _send(self, url: str, headers: dict[str, str] | None, limit: int, truncate: bool) -> Answer:
        import urllib3

        policy = self.policy
        response = self.http.request(
            "GET", url, headers={**self.headers, **(headers or {})}, redirect=False, retries=False, preload_content=False,
            timeout=urllib3.Timeout(connect=policy.connect_timeout, read=policy.read_timeout))
        try:
            names = {k.lower(): v for k, v in response.headers.items()}
            declared = names.get("content-length", "")
            if declared.isdigit() and int(declared) > limit and not truncate:
                raise EventwireError("E107", f"{url} declares {int(declared):,} bytes, limit {limit:,}")
            deadline = time.monotonic() + policy.total_timeout
            body, size = [], 0
            # Decompressed as it comes, so a small gzip answer that inflates past the limit stops too.
            for chunk in response.stream(64 * 1024, decode_content=True):
                size += len(chunk)
                body.append(chunk)
                if size > limit:
                    if truncate:
                        response.close()  # robots.txt: what is past the limit is ignored (RFC 9309)
                        return Answer(url, response.status, names, b"".join(body)[:limit])
                    raise EventwireError("E107", f"{url} is over {limit:,} bytes")
                if time.monotonic() > deadline:
                    raise TimeoutError(f"no full answer within {policy.total_timeout:.0f} s")
        except BaseException:
            response.close()  # not back into the pool with unread bytes in it
            raise
        response.release_conn()
        return Answer(url, response.status, names, b"".join(body)[:limit])


def _retry_after(value: str | None) -> float:
    """Seconds a Retry-After header asks for (a number of seconds, or an HTTP date)."""
    if not value:
        return 0.0
    value = value.strip()
    if value.isdigit():
        return float(value)
    from email.utils import parsedate_to_datetime

    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return 0.0
