// The events table: one server page at a time (the store sorts and pages; the total is
// shown), sortable by its column headers; a row click or Enter opens the event's evidence.
import { categoryColor } from "./colors.js";

export const PAGE_SIZE = 50;
// Column -> the API's sort key (null: not sortable).
const COLUMNS = [["Date", "date"], ["Category", "category"], ["Source", null], ["Target", null],
  ["Place", "country"], ["Modality", null], ["Src", "sources"], ["Evidence", null]];

export function esc(s) {
  return String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

const actor = (a) => (a ? esc(a.text) + (a.country ? ` <small>${esc(a.country)}</small>` : "") : "—");

function dateCell(e) {
  if (!e.date) return `<span class="muted">undated</span>`;
  return esc(e.date) + (e.date_precision && e.date_precision !== "day" ? ` <small class="muted">(${esc(e.date_precision)})</small>` : "");
}

function placeCell(p) {
  if (!p) return "—";
  const coarse = p.feature && p.feature !== "city" ? ` <small class="muted">(${esc(p.feature)})</small>` : "";
  return esc(p.name) + (p.country ? ` <small>${esc(p.country)}</small>` : "") + coarse;
}

export function drawTable(el, events, { sort, onEventClick, onSort }) {
  const key = sort.replace(/^-/, ""), desc = sort.startsWith("-");
  const head = COLUMNS.map(([label, k]) => {
    if (!k) return `<th scope="col">${label}</th>`;
    const on = k === key;
    const aria = on ? ` aria-sort="${desc ? "descending" : "ascending"}"` : "";
    return `<th scope="col"${aria}><button type="button" class="sort" data-sort="${k}">${label}${on ? (desc ? " ▼" : " ▲") : ""}</button></th>`;
  }).join("");
  const rows = events.map((e, i) => `
    <tr data-i="${i}" data-event="${esc(e.event_id)}" tabindex="0">
      <td>${dateCell(e)}</td>
      <td><i class="dot" style="background:${categoryColor(e.category)}"></i>${esc(e.category)}</td>
      <td>${actor(e.source)}</td><td>${actor(e.target)}</td>
      <td>${placeCell(e.place)}</td>
      <td>${esc(e.modality)}</td><td class="num">${e.n_sources}</td>
      <td class="evidence">${esc(e.evidence.text)}</td>
    </tr>`).join("");
  el.innerHTML = `<table><caption class="sr-only">Merged events; press Enter on a row to open its evidence</caption>
    <thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
  for (const b of el.querySelectorAll("button.sort")) {
    // a new key sorts descending first (newest, most sources); the same key flips
    b.addEventListener("click", () => onSort(b.dataset.sort === key ? (desc ? key : "-" + key) : "-" + b.dataset.sort));
  }
  const body = el.querySelector("tbody");
  body.addEventListener("click", (ev) => {
    const tr = ev.target.closest("tr");
    if (tr) onEventClick(events[+tr.dataset.i]);
  });
  body.addEventListener("keydown", (ev) => {
    const tr = ev.target.closest("tr");
    if (tr && ev.key === "Enter") onEventClick(events[+tr.dataset.i]);
  });
  return events.length;
}

export function markRow(el, eventId) {
  for (const tr of el.querySelectorAll("tr.selected")) tr.classList.remove("selected");
  const tr = el.querySelector(`tr[data-event="${CSS.escape(eventId)}"]`);
  if (tr) tr.classList.add("selected");
}
