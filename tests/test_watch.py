"""`eventwire watch`: feeds and sitemaps, polite fetching, rounds into the store, resuming after
SIGKILL. Every request goes to a fixture site on a loopback port (tests/feedsite.py)."""
from __future__ import annotations

import datetime as dt
import gzip
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from eventwire.errors import EventwireError
from eventwire.pipeline import extract_many
from eventwire.store import open_store
from eventwire.watch import (FetchPolicy, Fetcher, WatchOptions, doc_id_for, normalize_url, parse_every,
                             parse_feed, read_feeds_file, run_round)
from eventwire.watch.fetch import _Host
from feedsite import FeedSite, running, sample_articles

FAST = FetchPolicy(rate=100, per_host=4, retries=1, backoff=0.01, read_timeout=2, total_timeout=5)


@pytest.fixture
def site():
    s = FeedSite(sample_articles(4))
    with running(s) as base:
        s.base = base
        yield s


def in_process(nlp):
    return lambda docs: extract_many(docs, batch_size=8, nlp=nlp)


def stored_urls(store) -> list[str]:
    return sorted(u for (u,) in store.con.execute("SELECT url FROM documents").fetchall())


# --- parsing ----------------------------------------------------------------------------

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://news.example/</link>
<item><title>Protesters marched on the parliament in Tbilisi</title>
<link>https://news.example/world/tbilisi-march?utm_source=rss&amp;utm_medium=feed#comments</link>
<pubDate>Sat, 02 Dec 2023 18:30:00 +0000</pubDate></item>
<item><title>No link here</title></item>
<item><title>A script</title><link>javascript:alert(1)</link></item>
<item><title>Relative</title><link>/politics/budget-vote</link><pubDate>not a date</pubDate></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://wire.example/">
<title>Wire</title><id>urn:wire</id><updated>2023-12-02T00:00:00Z</updated>
<entry><title>Ceasefire talks resume in Doha</title><link rel="alternate" href="story/doha-talks"/>
<id>urn:1</id><published>2023-12-01T23:30:00-02:00</published></entry></feed>"""

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://paper.example/2023/12/02/election-result</loc><lastmod>2024-01-09</lastmod>
<news:news><news:publication><news:name>Paper</news:name><news:language>en</news:language></news:publication>
<news:publication_date>2023-12-02T10:00:00+01:00</news:publication_date>
<news:title>Opposition wins the runoff</news:title></news:news></url>
<url><loc>https://paper.example/about</loc><lastmod>2024-01-09</lastmod></url></urlset>"""

SITEMAP_INDEX = b"""<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://paper.example/sitemap-news.xml</loc></sitemap><sitemap><loc>ftp://paper.example/x</loc></sitemap>
</sitemapindex>"""

# Billion laughs: a parser that expands entities would need gigabytes.
ENTITY_BOMB = b"""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">
<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://a.example/x&lol9;</loc></url>
<url><loc>https://a.example/fine</loc></url></urlset>"""


@pytest.mark.parametrize("body, url, kind, expected", [
    (RSS, "https://news.example/rss", "rss", [
        ("https://news.example/world/tbilisi-march", "Protesters marched on the parliament in Tbilisi", "2023-12-02"),
        ("https://news.example/politics/budget-vote", "Relative", None)]),
    (ATOM, "https://wire.example/atom", "atom", [
        ("https://wire.example/story/doha-talks", "Ceasefire talks resume in Doha", "2023-12-02")]),
    (NEWS_SITEMAP, "https://paper.example/sitemap-news.xml", "sitemap", [
        ("https://paper.example/2023/12/02/election-result", "Opposition wins the runoff", "2023-12-02"),
        ("https://paper.example/about", None, None)]),       # <lastmod> is no publication date
    (gzip.compress(NEWS_SITEMAP), "https://paper.example/sitemap-news.xml.gz", "sitemap", [
        ("https://paper.example/2023/12/02/election-result", "Opposition wins the runoff", "2023-12-02"),
        ("https://paper.example/about", None, None)]),
])
def test_feeds_and_sitemaps_give_normalised_article_urls_with_titles_and_dates(body, url, kind, expected):
    answer = parse_feed(body, url)
    assert answer.kind == kind
    assert [(i.url, i.title, i.date.isoformat() if i.date else None) for i in answer.items] == expected


def test_a_sitemap_index_lists_its_sitemaps_not_articles():
    answer = parse_feed(SITEMAP_INDEX, "https://paper.example/sitemap.xml")
    assert answer.kind == "sitemapindex" and answer.items == []
    assert answer.sitemaps == ["https://paper.example/sitemap-news.xml"]


def test_entities_in_a_sitemap_are_never_expanded():
    try:
        urls = [i.url for i in parse_feed(ENTITY_BOMB, "https://a.example/sitemap.xml").items]
    except EventwireError as exc:   # refusing the document is as good as reading it unexpanded
        assert exc.code == "E124"
        return
    assert urls and all(len(u) < 100 for u in urls)


@pytest.mark.parametrize("body", [b"", b"<html><body>Our new app!</body></html>", b"\x1f\x8bnot gzip",
                                  b"\x00\x01\x02binary", gzip.compress(b"a" * 10)])
def test_what_is_no_feed_is_E124(body):
    with pytest.raises(EventwireError) as exc:
        parse_feed(body, "https://x.example/feed")
    assert exc.value.code == "E124"


@pytest.mark.parametrize("url, expected", [
    ("HTTPS://News.Example:443/World/Story?utm_source=rss&b=2&a=1#top", "https://news.example/World/Story?a=1&b=2"),
    ("http://127.0.0.1:8123/news/a.html?utm_campaign=x", "http://127.0.0.1:8123/news/a.html"),
    ("mailto:desk@news.example", None),
    ("javascript:alert(1)", None),
    ("  ", None),
    ("ftp://news.example/file", None),
])
def test_urls_are_normalised_with_courlan(url, expected):
    assert normalize_url(url) == expected


def test_feeds_file_takes_urls_comments_and_blank_lines(tmp_path):
    path = tmp_path / "feeds.txt"
    path.write_text("# world news\nhttps://news.example/rss\n\nhttps://paper.example/sitemap.xml  # news sitemap\n"
                    "https://news.example/rss\n", encoding="utf-8")
    assert read_feeds_file(path) == ["https://news.example/rss", "https://paper.example/sitemap.xml"]


@pytest.mark.parametrize("text", ["news.example/rss\n", "https://a.example/rss\nfile:///etc/passwd\n", "# nothing\n",
                                  "https://a.example/has space\n"])
def test_a_bad_feeds_file_is_E125(tmp_path, text):
    path = tmp_path / "feeds.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(EventwireError) as exc:
        read_feeds_file(path)
    assert exc.value.code == "E125"


def test_a_missing_feeds_file_is_E125(tmp_path):
    with pytest.raises(EventwireError) as exc:
        read_feeds_file(tmp_path / "nope.txt")
    assert exc.value.code == "E125"


@pytest.mark.parametrize("text, seconds", [("90", 90), ("90s", 90), ("15m", 900), ("1h", 3600), ("0.5m", 30)])
def test_intervals(text, seconds):
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["", "m", "0", "-5m", "15 minutes", "nan"])
def test_bad_intervals(text):
    with pytest.raises(ValueError):
        parse_every(text)


# --- fetching ---------------------------------------------------------------------------

@pytest.mark.parametrize("path, code", [
    ("/private/story-0000.html", "E121"),   # robots.txt: Disallow: /private/
    ("/loop/0", "E122"),                    # /loop/0 -> /loop/1 -> /loop/0
    ("/broken/page.html", "E120"),          # 500, every time
    ("/no-such-page.html", "E120"),         # 404
])
def test_fetch_failures_are_coded(site, path, code):
    with pytest.raises(EventwireError) as exc:
        Fetcher(FAST).get(site.base + path)
    assert exc.value.code == code
    if code == "E121":
        assert site.hits[path] == 0          # never asked for
    if path.startswith("/broken/"):
        assert site.hits[path] == FAST.retries + 1


def test_redirects_are_followed_and_the_tool_names_itself(site):
    answer = Fetcher(FAST).get(site.base + "/moved/story-0001")
    assert answer.url == site.base + "/news/story-0001.html" and b"<article>" in answer.body
    assert all(agent.startswith("eventwire/") for agent in site.agents)


@pytest.mark.parametrize("feed, validator, header", [("/feed.rss", "etag", "If-None-Match"),
                                                     ("/feed.atom", "last-modified", "If-Modified-Since")])
def test_a_conditional_request_for_an_unchanged_feed_is_answered_304(site, feed, validator, header):
    fetcher = Fetcher(FAST)
    first = fetcher.get(site.base + feed)
    again = fetcher.get(site.base + feed, {header: first.headers[validator]})
    assert (first.status, again.status, again.body) == (200, 304, b"")
    site.links.append("/news/story-0099.html")
    assert fetcher.get(site.base + feed, {header: first.headers[validator]}).status == 200


def test_the_store_keeps_both_validators_and_a_304_keeps_them(tmp_path):
    from eventwire.watch import FeedItem

    with open_store(tmp_path / "w.duckdb") as store:
        items = [FeedItem("https://news.example/a", "A", dt.date(2023, 12, 2))]
        assert store.record_feed_answer("https://news.example/rss", "rss", items, etag='"v1"',
                                        last_modified="Sat, 02 Dec 2023 10:00:00 GMT") == 1
        store.record_feed_answer("https://news.example/rss", None, None)            # 304
        assert store.feed_validators("https://news.example/rss") == ('"v1"', "Sat, 02 Dec 2023 10:00:00 GMT")
        assert store.record_feed_answer("https://news.example/rss", "rss", items + [
            FeedItem("https://news.example/b")], etag='"v2"') == 1                    # only b is new
        assert store.feed_validators("https://news.example/rss") == ('"v2"', None)


def test_a_page_over_the_size_limit_is_E107(site):
    policy = FetchPolicy(rate=100, max_bytes=1000)
    with pytest.raises(EventwireError) as exc:
        Fetcher(policy).get(site.base + "/news/story-0000.html")
    assert exc.value.code == "E107"


def test_a_slow_host_times_out_with_E120():
    slow = FeedSite(sample_articles(1), delay=1.5)
    with running(slow) as base:
        policy = FetchPolicy(rate=100, retries=1, backoff=0.01, read_timeout=0.3)
        with pytest.raises(EventwireError) as exc:
            Fetcher(policy).get(base + "/news/story-0000.html")
    assert exc.value.code == "E120" and "2 tries" in exc.value.message


def test_requests_to_one_host_never_exceed_its_cap(site):
    in_flight, peak, lock = [0], [0], threading.Lock()
    answer = site.answer

    def counting(*args):
        with lock:
            in_flight[0] += 1
            peak[0] = max(peak[0], in_flight[0])
        try:
            time.sleep(0.3)
            return answer(*args)
        finally:
            with lock:
                in_flight[0] -= 1

    site.answer = counting
    fetcher = Fetcher(FetchPolicy(rate=1000, per_host=2))
    fetcher.get(site.base + "/robots.txt")
    threads = [threading.Thread(target=fetcher.get, args=(f"{site.base}/news/story-000{k % 4}.html",)) for k in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert peak[0] == 2


class FakeClock:
    def __init__(self):
        self.now = 100.0

    def monotonic(self):
        return self.now

    def sleep(self, seconds):
        self.now += seconds


@pytest.mark.parametrize("rate, expected", [(2.0, [100.0, 100.5, 101.0, 101.5]), (0.25, [100.0, 104.0, 108.0, 112.0])])
def test_requests_to_one_host_start_at_its_pace(monkeypatch, rate, expected):
    from eventwire.watch import fetch

    clock = FakeClock()
    monkeypatch.setattr(fetch, "time", clock)
    host = _Host(per_host=2, interval=1 / rate)
    starts = []
    for _ in range(4):
        with host.turn():
            starts.append(clock.now)
    assert starts == expected


def test_robots_crawl_delay_slows_the_pace(site, monkeypatch):
    monkeypatch.setattr(site, "answer", lambda path, base, headers: (
        (200, {"Content-Type": "text/plain"}, b"User-agent: eventwire\nCrawl-delay: 7\nDisallow: /x/\n")
        if path == "/robots.txt" else FeedSite.answer(site, path, base, headers)))
    fetcher = Fetcher(FetchPolicy(rate=10))
    fetcher.get(site.base + "/news/story-0000.html")
    assert fetcher._host(site.base).interval == 7.0


# --- rounds -----------------------------------------------------------------------------

def test_two_rounds_store_each_article_once_and_a_changed_feed_brings_only_its_new_articles(site, tmp_path, nlp):
    site.undated = {"story-0002"}
    site.links += ["/private/story-0000.html", "/broken/a.html", "/loop/0", "/moved/story-0001", "/files/r.pdf"]
    feeds = [site.base + "/feed.rss", site.base + "/sitemap-index.xml", site.base + "/feed.atom",
             site.base + "/not-a-feed.xml"]
    options = WatchOptions(policy=FAST, retry_wait=dt.timedelta(0))
    fetcher = Fetcher(FAST)
    with open_store(tmp_path / "w.duckdb") as store:
        first = run_round(store, feeds, fetcher, options, in_process(nlp))
        news = [f"{site.base}/news/story-000{k}.html" for k in range(4)]
        assert stored_urls(store) == news                 # /moved/story-0001 is story-0001, stored once
        assert first.stored == 4 and first.new_urls == 9
        assert [u for u, _ in first.feed_failures] == [site.base + "/not-a-feed.xml"]
        assert first.errors["E124"] == 1 and first.errors["E121"] == 1 and first.errors["E122"] == 1
        assert site.hits["/private/story-0000.html"] == 0
        # The undated page takes the feed item's date; the others their own.
        dates = dict(store.con.execute("SELECT url, CAST(date AS VARCHAR) FROM documents").fetchall())
        assert dates[news[2]] == site.articles["story-0002"]["date"]

        second = run_round(store, feeds, fetcher, options, in_process(nlp), number=2)
        assert second.feeds_unchanged == 4 and second.new_urls == 0 and second.stored == 0
        assert stored_urls(store) == news
        assert site.article_hits() == 4 + 1              # each article once, and the redirect's hop

        site.articles.update({a["slug"]: a for a in sample_articles(2, start=4)})
        site.links += ["/news/story-0004.html", "/news/story-0005.html"]
        third = run_round(store, feeds, fetcher, options, in_process(nlp), number=3)
        assert third.new_urls == 2 and third.stored == 2
        assert (third.feeds_changed, third.feeds_unchanged) == (3, 1)   # the sitemap index is as it was
        assert len(stored_urls(store)) == len(set(stored_urls(store))) == 6
        status = dict(store.con.execute("SELECT url, status FROM watch_urls").fetchall())
        assert status[site.base + "/private/story-0000.html"] == "forbidden"
        assert status[site.base + "/files/r.pdf"] == "gave_up"
        assert status[site.base + "/broken/a.html"] == "failed"
        assert status[site.base + "/moved/story-0001"] == "stored"
        feeds_seen = {f["url"]: f for f in store.feeds()}
        assert feeds_seen[site.base + "/sitemap.xml"]["parent"] == site.base + "/sitemap-index.xml"
        assert feeds_seen[site.base + "/feed.rss"]["last_success"] is not None
        assert feeds_seen[site.base + "/not-a-feed.xml"]["failures"] == 3


def test_a_failed_article_is_tried_again_until_it_is_given_up(site, tmp_path, nlp):
    site.links = ["/broken/a.html"]
    options = WatchOptions(policy=FAST, retry_wait=dt.timedelta(0), max_attempts=2)
    fetcher = Fetcher(FAST)
    with open_store(tmp_path / "w.duckdb") as store:
        for _ in range(3):
            run_round(store, [site.base + "/feed.rss"], fetcher, options, in_process(nlp))
        row = store.con.execute("SELECT status, attempts FROM watch_urls").fetchone()
    assert row == ("gave_up", 2)
    assert site.hits["/broken/a.html"] == 2 * (FAST.retries + 1)


def test_a_page_without_text_is_quarantined_not_lost(site, tmp_path, nlp):
    site.links = ["/app/story.html"]
    with open_store(tmp_path / "w.duckdb") as store:
        report = run_round(store, [site.base + "/feed.rss"], Fetcher(FAST), WatchOptions(policy=FAST), in_process(nlp))
        assert report.quarantined == 1 and report.errors == {"E108": 1}
        assert store.con.execute("SELECT status FROM watch_urls").fetchone() == ("quarantined",)
        again = run_round(store, [site.base + "/feed.rss"], Fetcher(FAST), WatchOptions(policy=FAST), in_process(nlp))
        assert again.due == 0


def test_an_extractor_crash_on_one_page_quarantines_it_and_the_round_goes_on(site, tmp_path, nlp, monkeypatch):
    from eventwire.readers import html

    real = html.read_html_bytes

    def fragile(raw, doc_id, default_date=None, url=None, source=None):
        if url.endswith("story-0001.html"):
            raise RuntimeError("lxml gave up")
        return real(raw, doc_id, default_date, url, source)

    monkeypatch.setattr(html, "read_html_bytes", fragile)
    with open_store(tmp_path / "w.duckdb") as store:
        report = run_round(store, [site.base + "/feed.rss"], Fetcher(FAST), WatchOptions(policy=FAST), in_process(nlp))
        assert (report.stored, report.quarantined, report.errors) == (3, 1, {"E113": 1})
        code, url = store.con.execute("SELECT code, url FROM quarantine").fetchone()
        assert code == "E113" and url == site.base + "/news/story-0001.html"


def test_documents_are_named_by_their_address():
    assert doc_id_for("https://news.example/a") == doc_id_for("https://news.example/a") != doc_id_for("https://news.example/b")
    assert doc_id_for("https://news.example/a").startswith("web-")


# --- the command line, killed and resumed -----------------------------------------------

def _watch_cmd(feeds: Path, db: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "eventwire.cli", "watch", str(feeds), "--db", str(db), "--once",
            "--workers", "0", "--rate", "6", *extra]


@pytest.mark.parametrize("kill_after", [3, 12])
def test_sigkill_during_a_round_then_restart_loses_nothing_and_doubles_nothing(tmp_path, kill_after):
    site = FeedSite(sample_articles(16))
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    with running(site) as base:
        feeds = tmp_path / "feeds.txt"
        feeds.write_text(f"{base}/feed.rss\n{base}/sitemap.xml\n", encoding="utf-8")
        db = tmp_path / "w.duckdb"
        proc = subprocess.Popen(_watch_cmd(feeds, db), env=env, stderr=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL)
        deadline = time.time() + 120
        while site.article_hits() < kill_after and proc.poll() is None and time.time() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, "the round ended before it could be killed"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        with open_store(db, read_only=True) as store:
            assert store.counts()["documents"] < 16          # killed mid-round indeed
        feed_hits = site.hits["/feed.rss"]
        done = subprocess.run(_watch_cmd(feeds, db), env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        assert site.hits["/feed.rss"] == feed_hits + 1
    with open_store(db, read_only=True) as store:
        urls = stored_urls(store)
        assert urls == [f"{base}/news/story-{k:04d}.html" for k in range(16)]     # nothing lost, nothing twice
        assert store.counts()["documents"] == 16
        assert store.con.execute("SELECT count(*) FROM watch_urls WHERE status <> 'stored'").fetchone() == (0,)
        # Every report belongs to exactly one merged event, as after an uninterrupted ingest.
        assert store.con.execute("SELECT count(*) FROM events WHERE merged_id IS NULL").fetchone() == (0,)


def test_watch_once_then_stats_and_api_list_the_feeds(site, tmp_path):
    from fastapi.testclient import TestClient
    from typer.testing import CliRunner

    from eventwire.api import create_app
    from eventwire.cli import app

    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{site.base}/feed.rss\n{site.base}/broken/feed.xml\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    runner = CliRunner()
    result = runner.invoke(app, ["watch", str(feeds), "--db", str(db), "--once", "--workers", "0", "--rate", "50"])
    assert result.exit_code == 0, result.output
    assert "round 1: 2 feeds (1 failed)" in result.output and "stored 4" in result.output
    stats = runner.invoke(app, ["stats", "--db", str(db)])
    flat = re.sub(r"[\s│]", "", stats.output)   # table cells fold long addresses over lines
    assert "Watchedfeeds" in flat and f"{site.base}/feed.rss" in flat and "E120:couldnotfetch" in flat
    client = TestClient(create_app(db), base_url="http://localhost")
    items = {f["url"]: f for f in client.get("/api/feeds").json()["items"]}
    assert items[f"{site.base}/feed.rss"]["stored"] == 4 and items[f"{site.base}/feed.rss"]["last_error"] is None
    broken = items[f"{site.base}/broken/feed.xml"]
    assert broken["last_success"] is None and broken["last_error"].startswith("E120")


def test_watch_refuses_a_bad_feeds_file_and_a_bad_interval(tmp_path):
    from typer.testing import CliRunner

    from eventwire.cli import app

    feeds = tmp_path / "feeds.txt"
    feeds.write_text("not a url\n", encoding="utf-8")
    runner = CliRunner()
    bad_file = runner.invoke(app, ["watch", str(feeds), "--db", str(tmp_path / "w.duckdb"), "--once"])
    assert bad_file.exit_code == 2 and "E125" in bad_file.output
    feeds.write_text("https://news.example/rss\n", encoding="utf-8")
    bad_every = runner.invoke(app, ["watch", str(feeds), "--db", str(tmp_path / "w.duckdb"), "--every", "soon"])
    assert bad_every.exit_code == 2 and "no interval" in bad_every.output


def test_api_feeds_on_a_store_that_never_watched(tmp_path):
    from fastapi.testclient import TestClient

    from eventwire.api import create_app

    open_store(tmp_path / "s.duckdb").close()
    client = TestClient(create_app(tmp_path / "s.duckdb"), base_url="http://localhost")
    assert client.get("/api/feeds").json() == {"items": []}
