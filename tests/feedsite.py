"""A news site on a loopback port, for `watch`'s tests and benchmark: an RSS feed, an Atom feed,
a news sitemap and a sitemap index (all answering conditional requests: the Atom feed by
Last-Modified, the others by ETag), article pages made
from the sample corpus (Wikinews, CC BY 2.5), a robots.txt that forbids /private/, a page
that always fails with 500, a redirect loop, a good redirect, a PDF, a page with no text, and, when asked, a delay
on every answer (a slow host). The feeds list ``site.links``; change it between rounds.
"""
from __future__ import annotations

import contextlib
import email.utils
import hashlib
import html
import http.server
import json
import threading
import time
from collections import Counter
from pathlib import Path

SAMPLE = Path(__file__).parents[1] / "samples" / "wikinews" / "wikinews.jsonl"


def sample_articles(n: int, start: int = 0) -> list[dict]:
    """``n`` articles of the sample corpus as the site's pages: slug, title, date, text. Past
    the corpus's end the articles repeat under new slugs (the text of an outlet's copy)."""
    corpus = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    out = []
    for k in range(start, start + n):
        a = corpus[k % len(corpus)]
        out.append({"slug": f"story-{k:04d}", "title": a["title"], "date": a["date"], "text": a["text"]})
    return out


def article_page(article: dict, dated: bool = True) -> bytes:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in article["text"].split("\n") if p.strip())
    meta = (f'<meta property="article:published_time" content="{article["date"]}T08:00:00Z">'
            if dated else "")
    return (f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{html.escape(article['title'])}"
            f"</title>{meta}</head><body><nav><a href=/>Home</a> <a href=/world>World</a></nav>"
            f"<article><h1>{html.escape(article['title'])}</h1>\n{paragraphs}</article>"
            f"<footer>Fixture News, all rights reversed</footer></body></html>").encode()


class FeedSite:
    def __init__(self, articles: list[dict], delay: float = 0.0, undated: set[str] = frozenset()):
        self.articles = {a["slug"]: a for a in articles}
        self.undated = set(undated)          # slugs whose page carries no date (the feed's counts)
        self.links = [f"/news/{a['slug']}.html" for a in articles]   # what the feeds list
        self.delay = delay
        self.hits: Counter = Counter()
        self.agents: set[str] = set()
        self.changed_at: dict[str, str] = {}  # the Atom feed's Last-Modified for each of its versions
        self.lock = threading.Lock()
        self.server = None

    # --- what the feeds say -------------------------------------------------------------
    def _items(self):
        for link in list(self.links):
            slug = link.rsplit("/", 1)[-1].split(".")[0]
            a = self.articles.get(slug, {"title": slug, "date": "2020-01-01"})
            yield link, a

    def rss(self, base: str) -> str:
        items = "".join(
            f"<item><title>{html.escape(a['title'])}</title><link>{base}{link}?utm_source=rss</link>"
            f"<pubDate>{email.utils.format_datetime(_noon(a['date']))}</pubDate></item>"
            for link, a in self._items())
        return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Fixture News</title>'
                f"<link>{base}/</link><description>test</description>{items}</channel></rss>")

    def atom(self, base: str) -> str:
        entries = "".join(
            f"<entry><title>{html.escape(a['title'])}</title><link href=\"{link}\"/><id>{base}{link}</id>"
            f"<updated>{a['date']}T12:00:00Z</updated></entry>" for link, a in self._items())
        return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" '
                f'xml:base="{base}/"><title>Fixture News</title><id>{base}/</id>'
                f"<updated>2020-01-01T00:00:00Z</updated>{entries}</feed>")

    def sitemap(self, base: str) -> str:
        urls = "".join(
            f"<url><loc>{base}{link}</loc><news:news><news:publication><news:name>Fixture News</news:name>"
            f"<news:language>en</news:language></news:publication><news:publication_date>{a['date']}"
            f"</news:publication_date><news:title>{html.escape(a['title'])}</news:title></news:news></url>"
            for link, a in self._items())
        return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">' + urls + "</urlset>")

    def sitemap_index(self, base: str) -> str:
        return ('<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"<sitemap><loc>{base}/sitemap.xml</loc></sitemap></sitemapindex>")

    # --- serving ------------------------------------------------------------------------
    def answer(self, path: str, base: str, headers) -> tuple[int, dict, bytes]:
        path = path.split("?", 1)[0]
        if path == "/robots.txt":
            return 200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n"
        feeds = {"/feed.rss": (self.rss, "application/rss+xml"), "/feed.atom": (self.atom, "application/atom+xml"),
                 "/sitemap.xml": (self.sitemap, "application/xml"),
                 "/sitemap-index.xml": (self.sitemap_index, "application/xml")}
        if path in feeds:
            make, ctype = feeds[path]
            body = make(base).encode()
            digest = hashlib.sha1(body).hexdigest()[:16]
            if path == "/feed.atom":  # validated by date: Last-Modified / If-Modified-Since
                with self.lock:
                    changed = self.changed_at.setdefault(digest, email.utils.formatdate(
                        time.time() + len(self.changed_at), usegmt=True))
                if headers.get("If-Modified-Since") == changed:
                    return 304, {"Last-Modified": changed}, b""
                return 200, {"Content-Type": ctype, "Last-Modified": changed}, body
            etag = f'"{digest}"'
            if headers.get("If-None-Match") == etag:
                return 304, {"ETag": etag}, b""
            return 200, {"Content-Type": ctype, "ETag": etag}, body
        if path == "/not-a-feed.xml":
            return 200, {"Content-Type": "application/xml"}, b"<html><body>Moved to our app!</body></html>"
        if path.startswith("/loop/"):
            n = int(path.rsplit("/", 1)[-1] or 0)
            return 302, {"Location": f"/loop/{(n + 1) % 2}"}, b""
        if path.startswith("/moved/"):
            return 301, {"Location": f"/news/{path.rsplit('/', 1)[-1]}.html"}, b""
        if path.startswith("/broken/"):
            return 500, {"Content-Type": "text/plain"}, b"internal error"
        if path.startswith("/app/"):  # a page whose text a script would write: nothing to read
            return 200, {"Content-Type": "text/html"}, b"<!doctype html><html><body><div id=root></div><script>start()</script></body></html>"
        if path.startswith("/files/"):
            return 200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 not an article"
        if path.startswith(("/news/", "/private/")):
            slug = path.rsplit("/", 1)[-1].removesuffix(".html")
            if slug in self.articles:
                page = article_page(self.articles[slug], dated=slug not in self.undated)
                return 200, {"Content-Type": "text/html; charset=utf-8"}, page
        return 404, {"Content-Type": "text/plain"}, b"not found"

    def start(self) -> str:
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                with site.lock:
                    site.hits[self.path.split("?", 1)[0]] += 1
                    site.agents.add(self.headers.get("User-Agent", ""))
                if site.delay:
                    time.sleep(site.delay)
                base = f"http://{self.headers.get('Host')}"
                status, headers, body = site.answer(self.path, base, self.headers)
                try:
                    self.send_response(status)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()
            self.server.server_close()

    def article_hits(self) -> int:
        with self.lock:
            return sum(n for p, n in self.hits.items() if p.startswith(("/news/", "/private/")))


def _noon(day: str):
    import datetime as dt

    return dt.datetime.fromisoformat(day + "T12:00:00+00:00")


@contextlib.contextmanager
def running(site: FeedSite):
    base = site.start()
    try:
        yield base
    finally:
        site.stop()
