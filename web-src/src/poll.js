// Live updates: while `eventwire watch --serve` stores new articles, the page asks /api/stats
// every few seconds and redraws when the store has grown — no reload, no server push to keep
// open. `?poll=SECONDS` in the page's address sets the pace (default 10; 0 turns it off).
import { getJSON } from "./api.js";

const DEFAULT_SECONDS = 10;

export function pollSeconds(search = window.location.search) {
  const value = new URLSearchParams(search).get("poll");
  const n = value === null || value === "" ? DEFAULT_SECONDS : Number(value);
  return Number.isFinite(n) && n >= 0 ? n : DEFAULT_SECONDS;
}

// What tells that the store changed: every count the summary shows.
const countsKey = (c) => [c.documents, c.quarantine, c.events, c.merged_events].join("/");

// Calls `onChange(stats)` (it may return a promise) each time /api/stats shows other counts
// than the last seen; returns a function that stops polling.
export function pollForChanges(counts, onChange, seconds = pollSeconds()) {
  if (!seconds) return () => {};
  let last = countsKey(counts);
  let busy = false;
  const timer = setInterval(async () => {
    if (busy || document.hidden) return; // one request at a time; none for a hidden tab
    busy = true;
    try {
      const stats = await getJSON("/api/stats");
      const key = countsKey(stats.counts);
      if (key !== last) {
        last = key;
        await onChange(stats);
        document.body.dataset.updates = String(Number(document.body.dataset.updates || 0) + 1);
      }
    } catch (err) {
      // The server may be restarting: the next tick tries again.
    } finally {
      busy = false;
    }
  }, seconds * 1000);
  return () => clearInterval(timer);
}
