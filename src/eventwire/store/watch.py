"""The watcher's bookkeeping in the store (``eventwire watch``): feeds with their validators
and failures, and article URLs waiting to be fetched."""
from __future__ import annotations

import datetime as dt

from ..errors import EventwireError
from .write import _suppress_duckdb


class WatchState:
    """Feeds and URLs of ``eventwire watch`` (mixed into ``Store``)."""

    def feed_validators(self, url: str) -> tuple[str | None, str | None]:
        """(ETag, Last-Modified) of a feed's last full answer, for a conditional request."""
        row = self.con.execute("SELECT etag, last_modified FROM watch_feeds WHERE url = ?", [url]).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def record_feed_answer(self, url: str, kind: str | None, items: list | None,
                           etag: str | None = None, last_modified: str | None = None,
                           parent: str | None = None) -> int:
        """A feed answered: its new article URLs become pending and its validators are kept,
        in one transaction, so a watch killed after this never loses the URLs of an answer
        whose validators it sent (the next answer would be 304). ``items`` (objects with url,
        title and date) is None for 304 Not Modified. Returns the number of new URLs."""
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            new = 0
            if items:
                unique = {item.url: item for item in items}
                rows = con.execute(
                    "INSERT OR IGNORE INTO watch_urls (url, feed, title, feed_date, status) "
                    "SELECT u, ?, t, d, 'pending' FROM (SELECT unnest(?::VARCHAR[]) AS u, "
                    "unnest(?::VARCHAR[]) AS t, unnest(?::DATE[]) AS d) RETURNING url",
                    [url, list(unique), [i.title for i in unique.values()],
                     [i.date for i in unique.values()]]).fetchall()
                new = len(rows)
            con.execute(
                "INSERT INTO watch_feeds (url, kind, parent, etag, last_modified, last_attempt, last_success, "
                "last_error, failures, items) VALUES (?, ?, ?, ?, ?, current_timestamp, current_timestamp, NULL, 0, ?) "
                "ON CONFLICT (url) DO UPDATE SET kind = coalesce(excluded.kind, kind), "
                "parent = coalesce(excluded.parent, parent), "
                "etag = CASE WHEN ? THEN etag ELSE excluded.etag END, "
                "last_modified = CASE WHEN ? THEN last_modified ELSE excluded.last_modified END, "
                "last_attempt = excluded.last_attempt, last_success = excluded.last_success, "
                "last_error = NULL, failures = 0, items = coalesce(excluded.items, items)",
                [url, kind, parent, etag, last_modified, None if items is None else len(items),
                 items is None, items is None])
            con.execute("COMMIT")
        except BaseException:
            with _suppress_duckdb():
                con.execute("ROLLBACK")
            raise
        return new

    def record_feed_failure(self, url: str, error: EventwireError, parent: str | None = None) -> None:
        """A feed that could not be fetched or read: reported, kept, tried again next round."""
        self.con.execute(
            "INSERT INTO watch_feeds (url, parent, last_attempt, last_error, failures) "
            "VALUES (?, ?, current_timestamp, ?, 1) ON CONFLICT (url) DO UPDATE SET "
            "last_attempt = excluded.last_attempt, last_error = excluded.last_error, failures = failures + 1",
            [url, parent, str(error)[:500]])

    def sync_watch_urls(self) -> None:
        """Mark watched URLs whose article the store holds (a document carrying the URL, or
        the address its redirects led to) as stored or quarantined: the documents are the
        truth, this table only follows them."""
        self.con.execute(
            "UPDATE watch_urls AS w SET status = CASE WHEN s.stored THEN 'stored' ELSE 'quarantined' END, "
            "done_at = coalesce(w.done_at, current_timestamp), last_error = NULL "
            "FROM (SELECT url, bool_or(stored) AS stored FROM (SELECT url, TRUE AS stored FROM documents "
            "UNION ALL SELECT url, FALSE FROM quarantine) WHERE url IS NOT NULL GROUP BY url) s "
            "WHERE s.url IN (w.url, w.resolved) AND w.status NOT IN ('stored', 'quarantined')")

    def note_resolved(self, url: str, resolved: str) -> None:
        """Where a watched URL's redirects led: its document is stored under that address."""
        self.con.execute("UPDATE watch_urls SET resolved = ? WHERE url = ?", [resolved, url])

    def due_urls(self, max_attempts: int, limit: int = 100_000) -> list[dict]:
        """Watched URLs to fetch now: pending ones, and failed ones whose wait is over, oldest
        first; never one whose article is stored."""
        return self._rows(
            "WITH held AS (SELECT url FROM documents WHERE url IS NOT NULL "
            "UNION SELECT url FROM quarantine WHERE url IS NOT NULL) "
            "SELECT w.url, w.feed, w.title, w.feed_date, w.attempts FROM watch_urls w "
            "WHERE (w.status = 'pending' OR (w.status = 'failed' AND w.attempts < ? "
            "AND coalesce(w.retry_after, current_timestamp) <= current_timestamp)) "
            "AND w.url NOT IN (SELECT url FROM held) "
            "AND (w.resolved IS NULL OR w.resolved NOT IN (SELECT url FROM held)) "
            "ORDER BY w.found_at, w.url LIMIT ?", [max_attempts, limit])

    def record_url_failure(self, url: str, error: EventwireError, max_attempts: int,
                           retry_in: dt.timedelta, final: bool = False) -> None:
        """A fetch that failed: tried again after ``retry_in``, given up after ``max_attempts``
        or at once when ``final``; a robots.txt refusal (E121) is noted as forbidden."""
        status = "forbidden" if error.code == "E121" else "gave_up"
        self.con.execute(
            "UPDATE watch_urls SET attempts = attempts + 1, last_error = ?, "
            "status = CASE WHEN ? OR attempts + 1 >= ? THEN ? ELSE 'failed' END, "
            "retry_after = current_timestamp + ?, "
            "done_at = CASE WHEN ? OR attempts + 1 >= ? THEN current_timestamp END "
            "WHERE url = ?", [str(error)[:500], final, max_attempts, status, retry_in, final, max_attempts, url])

    def child_feeds(self, parent: str) -> list[str]:
        """The sitemaps a sitemap index listed at its last full answer."""
        return [u for (u,) in self.con.execute(
            "SELECT url FROM watch_feeds WHERE parent = ? ORDER BY url", [parent]).fetchall()]

    def feeds(self) -> list[dict]:
        """Watched feeds with their last success and what became of the articles they listed."""
        if not self._has_table("watch_feeds"):
            return []
        return self._rows(
            "SELECT f.url, f.kind, f.parent, strftime(f.last_success, '%Y-%m-%d %H:%M:%S') AS last_success, "
            "strftime(f.last_attempt, '%Y-%m-%d %H:%M:%S') AS last_attempt, f.last_error, f.failures, f.items, "
            "count(w.url) FILTER (WHERE w.status = 'stored') AS stored, "
            "count(w.url) FILTER (WHERE w.status = 'quarantined') AS quarantined, "
            "count(w.url) FILTER (WHERE w.status IN ('pending', 'failed')) AS waiting, "
            "count(w.url) FILTER (WHERE w.status IN ('forbidden', 'gave_up')) AS not_fetched "
            "FROM watch_feeds f LEFT JOIN watch_urls w ON w.feed = f.url GROUP BY ALL ORDER BY f.url")
