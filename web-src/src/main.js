// eventwire's page. One filter state, kept in the address, drives every view alike: the
// timeline and the country counts (/api/stats), the map and the network (the newest events,
// /api/events), the table (a server page, sorted, with the total) and the quotes. Any event
// opens its evidence in its article.
import "leaflet/dist/leaflet.css";
import "leaflet.markercluster/dist/MarkerCluster.css";
import "./style.css";
import { apiURL, getJSON, loadEvents } from "./api.js";
import { CATEGORIES } from "./colors.js";
import { drawTimeline } from "./timeline.js";
import { initMap, drawMap, drawRegion, mapBounds, showAreas } from "./map.js";
import { drawNetwork } from "./network.js";
import { drawTable, markRow, esc, PAGE_SIZE } from "./table.js";
import { drawCounts } from "./counts.js";
import { drawQuotes } from "./quotes.js";
import { renderArticle, drawLegend } from "./article.js";
import { pollForChanges, pollSeconds } from "./poll.js";
import { panelState } from "./panels.js";
import { FILTER_KEYS, bboxOf, filtersOf, readState, stateQuery } from "./state.js";

// The map and the network draw at most this many events (the newest); the table, the
// timeline and the counts cover every matching event.
const MAX_EVENTS = 3000;
const QUOTES_SHOWN = 30;
const $ = (s) => document.querySelector(s);
const form = $("#filters");
const state = { current: {}, events: [], timeline: null, timelineKey: null, loadSeq: 0, totals: {} };
window.eventwire = state; // for tests and the curious

// --- the filter state: form <-> address ---------------------------------------------------
function formState() {
  const out = {};
  for (const [k, v] of new FormData(form).entries()) if (v !== "") out[k] = v;
  if (out.country) out.country = out.country.toUpperCase();
  return { ...readState(stateQuery(out)), sort: state.current.sort, offset: undefined };
}

function fillForm(s) {
  for (const k of FILTER_KEYS) {
    const input = form.elements[k];
    if (!input) continue;
    if (input.type === "checkbox") input.checked = s[k] === "true";
    else input.value = s[k] ?? (k === "modality" ? "asserted" : k === "min_sources" ? "1" : "");
  }
}

function writeAddress(push) {
  const url = location.pathname + stateQuery(state.current) + location.hash;
  if (url !== location.pathname + location.search + location.hash) history[push ? "pushState" : "replaceState"](null, "", url);
}

function apply(changes = {}) {
  state.current = { ...formState(), ...changes };
  for (const [k, v] of Object.entries(changes)) if (v === "" || v === null) delete state.current[k];
  fillForm(state.current);
  writeAddress(true);
  return refresh();
}

// --- loading every view -------------------------------------------------------------------
async function inPanel(panel, work) {
  panelState(panel, "loading");
  try {
    const empty = await work();
    panelState(panel, empty ? "empty" : "ready", empty || "");
  } catch (err) {
    panelState(panel, "error", `Could not load: ${err.message || err}`);
  }
}

async function refresh() {
  const seq = ++state.loadSeq;
  const s = state.current;
  const f = filtersOf(s);
  const stale = () => seq !== state.loadSeq;
  $("#csv").href = apiURL("/api/events", { ...f, sort: s.sort, format: "csv" });
  $("#csv-bom").href = apiURL("/api/events", { ...f, sort: s.sort, format: "csv", bom: 1 });
  drawRegionChip(s.bbox);
  performance.mark("ew-load-start");
  await Promise.all([loadTimeline(f, stale), loadCounts(f, stale), loadMapAndNetwork(f, stale),
    loadTable(stale), loadQuotes(stale)]);
  if (stale()) return;
  document.body.dataset.loaded = String(seq);
  performance.mark("ew-drawn");
}

// The timeline leaves out its own dates (so the brush can move within them) and shows
// everything else the filters keep; the brushed range is drawn on it.
function loadTimeline(f, stale) {
  const { start, end, undated, ...rest } = f;
  const key = JSON.stringify(rest);
  if (key === state.timelineKey && state.timeline) {
    state.timeline.setRange(start, end);
    return Promise.resolve();
  }
  return inPanel($("#timeline-panel"), async () => {
    const stats = await getJSON("/api/stats", rest).catch((err) => {
      if (!state.timeline) $("#summary").textContent = "the store's counts could not be loaded";
      throw err;
    });
    if (stale()) return;
    state.timelineKey = key;
    state.totals.timeline = stats.matching;
    const c = stats.counts;  // the store's own totals, whatever the filters
    $("#summary").textContent = `${c.documents} documents · ${c.events} event reports · ${c.merged_events} merged events · ${c.quarantine} quarantined`;
    state.timeline = drawTimeline($("#timeline"), stats, {
      onBrush: (a, b) => apply({ start: a || "", end: b || "" }),
      onUndated: () => apply({ undated: "true", start: "", end: "" }),
    });
    if (state.timeline && (start || end)) state.timeline.setRange(start, end);
    return stats.matching ? "" : "No events match these filters.";
  });
}

function loadCounts(f, stale) {
  return inPanel($("#counts-panel"), async () => {
    const stats = await getJSON("/api/stats", f);
    if (stale()) return;
    state.totals.counts = stats.by_country_month.reduce((a, r) => a + r.n, 0);
    state.totals.matching = stats.matching;
    const n = drawCounts($("#counts"), stats.by_country_month, (country) => apply({ country }));
    const placeless = stats.matching - state.totals.counts;
    $("#counts-title small").textContent = `${stats.matching} event(s) match; ${n} countries` +
      (placeless ? `; ${placeless} with no country` : "") + " — click a country to filter";
    return n ? "" : "No events with a country match these filters.";
  });
}

function loadMapAndNetwork(f, stale) {
  const work = loadEvents(f, MAX_EVENTS);
  const mapDone = inPanel($("#map-panel"), async () => {
    const { events, total } = await work;
    if (stale()) return;
    state.events = events;
    state.totals.loaded = total;
    const shown = drawMap(events);
    state.totals.map = shown.cities + shown.areas;
    const capped = total > events.length ? `the newest ${events.length} of ${total}: ` : "";
    $("#map-title small").textContent = `${capped}${shown.cities} at a town or city, ${shown.areas} only at a country or region (rings)`;
    return shown.cities + shown.areas ? "" : "No events with a place match these filters.";
  });
  const networkDone = inPanel($("#network-panel"), async () => {
    const { events } = await work;
    if (stale()) return;
    const edges = drawNetwork($("#network"), events, {
      onEdgeClick: (e) => openEvent(e),
      onNodeClick: (n) => apply({ actor: n.filter || "" }),
    });
    state.totals.network = edges;
    return edges ? "" : "No events with both a source and a target match these filters.";
  });
  return Promise.all([mapDone, networkDone]);
}

function loadTable(stale) {
  const s = state.current;
  const offset = Number(s.offset || 0);
  return inPanel($("#table-panel"), async () => {
    const body = await getJSON("/api/events", { ...filtersOf(s), sort: s.sort || "-date", limit: PAGE_SIZE, offset });
    if (stale()) return;
    state.page = body.items;
    state.totals.table = body.total;
    drawTable($("#table"), body.items, {
      sort: s.sort || "-date",
      onEventClick: openEvent,
      onSort: (sort) => { state.current = { ...state.current, sort, offset: undefined }; writeAddress(false); reloadTable(); },
    });
    const last = Math.min(offset + body.items.length, body.total);
    $("#table-count").textContent = `${body.total} merged event(s)`;
    $("#page-info").textContent = body.total ? `${offset + 1}–${last} of ${body.total}` : "";
    $("#prev-page").disabled = offset <= 0;
    $("#next-page").disabled = last >= body.total;
    return body.total ? "" : "No events match these filters.";
  });
}

async function reloadTable() {
  const seq = ++state.loadSeq;
  await loadTable(() => seq !== state.loadSeq);
  if (seq === state.loadSeq) document.body.dataset.loaded = String(seq);
}

function turnPage(step) {
  const offset = Math.max(0, Number(state.current.offset || 0) + step * PAGE_SIZE);
  state.current = { ...state.current, offset: offset || undefined };
  writeAddress(false);
  reloadTable().then(() => $("#table-panel").focus());
}

function loadQuotes(stale) {
  const search = Object.fromEntries(new FormData($("#quote-search")).entries());
  const s = state.current;
  return inPanel($("#quotes-panel"), async () => {
    const body = await getJSON("/api/quotes", { ...search, actor: s.actor, start: s.start, end: s.end, limit: QUOTES_SHOWN });
    if (stale()) return;
    state.quotes = body.items;
    state.totals.quotes = body.total;
    drawQuotes($("#quotes"), body.items, (q) => openDocument(q.doc, null, q));
    $("#quotes-count").textContent = body.total > body.items.length ? `the newest ${body.items.length} of ${body.total}` : `${body.total}`;
    return body.total ? "" : "No quotes match.";
  });
}

function drawRegionChip(bbox) {
  drawRegion(bbox);
  const chip = $("#region");
  chip.hidden = !bbox;
  $("#map-clear").hidden = !bbox;
  if (bbox) chip.innerHTML = `Region ${esc(bbox)} <button type="button" aria-label="Clear the region filter">×</button>`;
}

// --- the article --------------------------------------------------------------------------
async function openDocument(docId, eventId, quote = null) {
  const rec = await getJSON("/api/documents/" + encodeURIComponent(docId));
  if (![...$("#doc-select").options].some((o) => o.value === docId)) {
    $("#doc-select").add(new Option(rec.title || docId, docId));
  }
  $("#doc-select").value = docId;
  history.replaceState(null, "", `${location.pathname}${location.search}#doc=${encodeURIComponent(docId)}${eventId ? "&event=" + encodeURIComponent(eventId) : ""}`);
  state.article = { doc: docId, event: eventId };
  const active = renderArticle($("#article"), rec, eventId);
  document.body.dataset.article = docId + (eventId ? "#" + eventId : "");
  if (quote) {
    const el = [...$("#article").querySelectorAll(".hl-quote")].find((q) => quote.text.startsWith(q.textContent.trim().slice(0, 20)));
    if (el) el.scrollIntoView({ block: "center", behavior: "instant" });
  }
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
state.openEvent = openEvent;

// #doc=ID&event=E3 opens that article at that event's evidence (links can be shared).
function openFromHash() {
  const h = new URLSearchParams(window.location.hash.slice(1));
  if (!h.get("doc")) return;
  return openDocument(h.get("doc"), h.get("event")).catch((err) => {
    $("#article").innerHTML = `<p class="state error" role="alert">${esc(err.message || err)}</p>`;
  });
}

// Actor names and codes as they are typed, from /api/actors.
function completeActors() {
  let timer = null, seq = 0;
  form.actor.addEventListener("input", () => {
    clearTimeout(timer);
    const q = form.actor.value.trim();
    if (q.length < 2) return;
    timer = setTimeout(async () => {
      const mine = ++seq;
      const body = await getJSON("/api/actors", { q, limit: 12 }).catch(() => ({ items: [] }));
      if (mine !== seq) return;
      const seen = new Set();
      $("#actor-options").innerHTML = body.items.flatMap((a) => [[a.name, `${a.code || a.type || ""} · ${a.documents} doc(s)`], [a.code, a.name]])
        .filter(([v]) => v && !seen.has(v) && seen.add(v))
        .map(([v, label]) => `<option value="${esc(v)}" label="${esc(label)}"></option>`).join("");
    }, 150);
  });
}

async function init() {
  for (const c of Object.keys(CATEGORIES)) form.category.add(new Option(c, c));
  drawLegend($("#legend"));
  $("#map-legend").innerHTML = Object.entries(CATEGORIES)
    .map(([c, color]) => `<span><i class="dot" style="background:${color}"></i>${c.toLowerCase()}</span>`).join("");
  state.map = initMap($("#map"), {
    onEventClick: openEvent,
    onBox: (b) => apply({ bbox: bboxOf(b.getWest(), b.getSouth(), b.getEast(), b.getNorth()) || "" }),
  });
  form.addEventListener("submit", (ev) => { ev.preventDefault(); apply(); });
  // (not form.reset(): the form's own controls could shadow the method by name)
  $("#clear-filters").addEventListener("click", () => { HTMLFormElement.prototype.reset.call(form); form.bbox.value = ""; apply(); });
  $("#map-filter").addEventListener("click", () => apply({ bbox: bboxOf(...mapBounds()) || "" }));
  $("#map-clear").addEventListener("click", () => apply({ bbox: "" }));
  $("#region").addEventListener("click", (ev) => { if (ev.target.closest("button")) apply({ bbox: "" }); });
  $("#show-coarse").addEventListener("change", (ev) => showAreas(ev.target.checked));
  $("#prev-page").addEventListener("click", () => turnPage(-1));
  $("#next-page").addEventListener("click", () => turnPage(1));
  $("#quote-search").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const seq = state.loadSeq;
    await loadQuotes(() => seq !== state.loadSeq);
    document.body.dataset.quotes = String(Number(document.body.dataset.quotes || 0) + 1);
  });
  $("#doc-select").addEventListener("change", (ev) => { drawReports(null); if (ev.target.value) openDocument(ev.target.value, null); });
  window.addEventListener("hashchange", openFromHash);
  window.addEventListener("popstate", () => { state.current = readState(location.search); fillForm(state.current); refresh(); });
  completeActors();

  const pollEvery = pollSeconds();   // read before a filter rewrites the address
  state.current = readState(location.search);
  fillForm(state.current);
  const loaded = refresh();
  const docs = await getJSON("/api/documents", { limit: 500 });
  for (const d of docs.items) $("#doc-select").add(new Option(`${d.date || "undated"} — ${d.title || d.id}`.slice(0, 90), d.id));
  await loaded;
  await openFromHash();
  document.body.classList.add("ready");
  // A store that grows (`eventwire watch --serve`) is redrawn as it grows.
  const { counts } = await getJSON("/api/stats");
  pollForChanges(counts, () => {
    state.timelineKey = null;   // the same filters, a bigger store: redraw the timeline too
    return refresh();
  }, pollEvery);
}

init().catch((err) => {
  $("#summary").textContent = "could not load: " + (err.message || err);
  document.body.classList.add("ready", "failed");
});
