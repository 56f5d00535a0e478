"""The page updates while `eventwire watch --serve` stores new articles: headless Chromium over
a watch of the fixture site (tests/feedsite.py), whose feed grows while the page is open."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from feedsite import FeedSite, running, sample_articles
from test_web import ARTIFACTS, CHROMIUM_ARGS, find_chromium, free_port


def wait_for_documents(url: str, n: int, proc, timeout: float = 180) -> dict:
    import httpx

    deadline = time.time() + timeout
    while time.time() < deadline:
        assert proc.poll() is None, "watch --serve ended"
        try:
            stats = httpx.get(url + "/api/stats", timeout=5).json()
            if stats["counts"]["documents"] >= n:
                return stats
        except httpx.HTTPError:
            pass  # not listening yet
        time.sleep(0.3)
    raise AssertionError(f"the store did not reach {n} documents")


def test_the_page_shows_new_events_while_watch_runs(tmp_path):
    chromium = find_chromium()
    if chromium is None:
        pytest.skip("chromium not found: `make test-deps` installs Debian's chromium (or set EVENTWIRE_CHROMIUM)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (dev extra)")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    site = FeedSite(sample_articles(3))
    site.articles.update({a["slug"]: a for a in sample_articles(3, start=3)})   # served, not yet in the feed
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    with running(site) as base:
        feeds = tmp_path / "feeds.txt"
        feeds.write_text(f"{base}/feed.rss\n", encoding="utf-8")
        proc = subprocess.Popen(
            [sys.executable, "-m", "eventwire.cli", "watch", str(feeds), "--db", str(tmp_path / "live.duckdb"),
             "--serve", "--port", str(port), "--every", "2s", "--workers", "0", "--rate", "20"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        server = f"http://127.0.0.1:{port}"
        try:
            before = wait_for_documents(server, 3, proc)
            with sync_api.sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                errors = []
                page.on("pageerror", lambda e: errors.append(str(e)))
                page.goto(server + "/?poll=1")
                page.wait_for_selector("body.ready", timeout=30_000)
                assert page.locator("#summary").text_content().startswith("3 documents")
                rows_before = page.locator("#table tbody tr").count()
                page.evaluate("window.__sameDocument = true")     # gone if the page reloads

                site.links += [f"/news/story-{k:04d}.html" for k in range(3, 6)]
                after = wait_for_documents(server, 6, proc)
                page.wait_for_function("document.querySelector('#summary').textContent.startsWith('6 documents')",
                                       timeout=30_000)
                page.wait_for_function(f"document.querySelectorAll('#table tbody tr').length > {rows_before}",
                                       timeout=30_000)
                assert page.evaluate("window.__sameDocument") is True
                # the counter moves once the whole redraw is done, after the summary and rows
                page.wait_for_function("Number(document.body.dataset.updates || 0) >= 1", timeout=30_000)
                shown = page.evaluate("window.eventwire.events.length")
                assert shown > rows_before and after["counts"]["merged_events"] > before["counts"]["merged_events"]
                assert errors == []
                page.screenshot(path=str(ARTIFACTS / "watch-live.png"), full_page=True)
                browser.close()
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
