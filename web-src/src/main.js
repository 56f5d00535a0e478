// eventwire's page: filters drive one event load that feeds the map, network and table;
// the timeline (from /api/stats) brushes the date filter; any event opens its evidence.
import "leaflet/dist/leaflet.css";
import "leaflet.markercluster/dist/MarkerCluster.css";
import "./style.css";
import { getJSON, loadEvents, eventsURL } from "./api.js";
import { CATEGORIES } from "./colors.js";
import { drawTimeline } from "./timeline.js";
import { initMap, drawMap } from "./map.js";
import { drawNetwork } from "./network.js";
import { drawTable, markRow, esc } from "./table.js";
import { renderArticle, drawLegend } from "./article.js";
import { pollForChanges } from "./poll.js";

const MAX_EVENTS = 3000;
const $ = (s) => document.querySelector(s);
const form = $("#filters");
const state = { events: [], timeline: null, loadSeq: 0 };
window.eventwire = state; // for tests and the curious

function filters() {
  const f = Object.fromEntries(new FormData(form).entries());
  if (f.country) f.country = f.country.toUpperCase();
  if (f.min_sources === "1") delete f.min_sources;
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== ""));
}

function setStatus(text) {
  $("#summary").textContent = text;
}

async function refresh() {
  const seq = ++state.loadSeq;
  const f = filters();
  $("#csv").href = eventsURL(f, { format: "csv", limit: 1000 });
  document.body.classList.add("loading");
  let events;
  performance.mark("ew-load-start");
  const drawFirstPage = (first) => {
    if (seq !== state.loadSeq) return;
    drawViews(first, " — loading more…");
    performance.mark("ew-first-page-drawn");
  };
  try {
    events = await loadEvents(f, MAX_EVENTS, 1000, drawFirstPage);
    performance.mark("ew-events-loaded");
  } catch (err) {
    setStatus(String(err.message || err));
    document.body.classList.remove("loading");
    return;
  }
  if (seq !== state.loadSeq) return; // a newer request won
  const capped = events.length >= MAX_EVENTS ? ` — the first ${MAX_EVENTS} by date; brush the timeline or filter to narrow` : "";
  drawViews(events, capped);
  document.body.classList.remove("loading");
  document.body.dataset.loaded = String(state.loadSeq);
  performance.mark("ew-drawn");
}

function drawViews(events, note) {
  state.events = events;
  const t0 = performance.now();
  const onMap = drawMap(events);
  const t1 = performance.now();
  drawNetwork($("#network"), events, {
    onEdgeClick: (e) => openEvent(e),
    onNodeClick: (n) => { form.actor.value = n.filter || ""; refresh(); },
  });
  const t2 = performance.now();
  const shown = drawTable($("#table"), events, openEvent);
  state.drawMs = { map: t1 - t0, network: t2 - t1, table: performance.now() - t2 };
  $("#table-count").textContent = `${events.length} merged event(s)${note}; ${onMap} on the map; ${shown} listed`;
}

async function openDocument(docId, eventId) {
  const rec = await getJSON("/api/documents/" + encodeURIComponent(docId));
  if (![...$("#doc-select").options].some((o) => o.value === docId)) {
    $("#doc-select").add(new Option(rec.title || docId, docId));
  }
  $("#doc-select").value = docId;
  history.replaceState(null, "", `#doc=${encodeURIComponent(docId)}${eventId ? "&event=" + encodeURIComponent(eventId) : ""}`);
  state.article = { doc: docId, event: eventId };
  const active = renderArticle($("#article"), rec, eventId);
  document.body.dataset.article = docId + (eventId ? "#" + eventId : "");
  return active;
}

// A merged event's reports: each opens its own article at its own evidence.
function drawReports(e) {
  const el = $("#reports");
  if (!e || !e.sources || e.sources.length < 2) { el.innerHTML = ""; return; }
  el.innerHTML = `${e.event_id}: reported by ${e.sources.length} articles — ` + e.sources.map((s) =>
    `<a href="#doc=${encodeURIComponent(s.doc)}&event=${encodeURIComponent(s.event)}" data-doc="${esc(s.doc)}" data-event="${esc(s.event)}">${esc(s.doc)}</a> <small>${esc(s.date || "")}</small>`).join(", ");
}

async function openEvent(e) {
  markRow($("#table"), e.event_id);
  drawReports(e);
  await openDocument(e.doc, e.id);
  $("#article-panel").scrollIntoView({ block: "nearest" });
}

// #doc=ID&event=E3 opens that article at that event's evidence (links can be shared).
function openFromHash() {
  const h = new URLSearchParams(window.location.hash.slice(1));
  if (!h.get("doc")) return;
  return openDocument(h.get("doc"), h.get("event")).catch((err) => {
    $("#article").innerHTML = `<p class="muted">${esc(err.message || err)}</p>`;
  });
}
state.openEvent = openEvent;

// The latest run of days holding at most `max` events, or null when all of them fit.
export function latestWindow(byDay, max) {
  const perDay = new Map();
  for (const { day, n } of byDay) perDay.set(day, (perDay.get(day) || 0) + n);
  const days = [...perDay.keys()].sort();
  let total = 0, i = days.length;
  while (i > 0 && total + perDay.get(days[i - 1]) <= max) total += perDay.get(days[--i]);
  if (i === 0 || i === days.length) return null;
  return [days[i], days[days.length - 1]];
}

state.latestWindow = latestWindow;

async function init() {
  const sel = form.category;
  for (const c of Object.keys(CATEGORIES)) sel.add(new Option(c, c));
  drawLegend($("#legend"));
  $("#map-legend").innerHTML = Object.entries(CATEGORIES)
    .map(([c, color]) => `<span><i class="dot" style="background:${color}"></i>${c.toLowerCase()}</span>`).join("");
  initMap($("#map"), openEvent);

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    if (state.timeline) state.timeline.setRange(form.start.value, form.end.value);
    refresh();
  });
  $("#reset").addEventListener("click", () => {
    form.reset();
    if (state.timeline) state.timeline.setRange(null, null);
    refresh();
  });
  $("#doc-select").addEventListener("change", (ev) => { drawReports(null); if (ev.target.value) openDocument(ev.target.value, null); });
  window.addEventListener("hashchange", openFromHash);

  const [stats, docs] = await Promise.all([getJSON("/api/stats"), getJSON("/api/documents", { limit: 500 })]);
  // A big store opens on its latest days, as many as the views can show at once.
  const recent = latestWindow(stats.by_day, MAX_EVENTS);
  if (recent && !window.location.hash) [form.start.value, form.end.value] = recent;
  const events = refresh();
  showCounts(stats.counts);
  for (const d of docs.items) $("#doc-select").add(new Option(`${d.date || "undated"} — ${d.title || d.id}`.slice(0, 90), d.id));
  const onBrush = (start, end) => {
    form.start.value = start || "";
    form.end.value = end || "";
    refresh();
  };
  state.timeline = drawTimeline($("#timeline"), stats.by_day, onBrush);
  if (form.start.value || form.end.value) state.timeline?.setRange(form.start.value, form.end.value);
  await events;
  await openFromHash();
  document.body.classList.add("ready");
  // A store that grows (`eventwire watch --serve`) is redrawn as it grows.
  pollForChanges(stats.counts, (s) => {
    showCounts(s.counts);
    state.timeline = drawTimeline($("#timeline"), s.by_day, onBrush);
    if (form.start.value || form.end.value) state.timeline?.setRange(form.start.value, form.end.value);
    return refresh();
  });
}

function showCounts(c) {
  setStatus(`${c.documents} documents · ${c.events} event reports · ${c.merged_events} merged events · ${c.quarantine} quarantined`);
}

init().catch((err) => setStatus("could not load: " + (err.message || err)));
