// The events table; a row click opens the event's evidence in the article.
import { categoryColor } from "./colors.js";

const SHOWN = 300;

export function esc(s) {
  return String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

const actor = (a) => (a ? esc(a.text) + (a.country ? ` <small>${esc(a.country)}</small>` : "") : "—");

export function drawTable(el, events, onEventClick) {
  const rows = events.slice(0, SHOWN).map((e, i) => `
    <tr data-i="${i}" data-event="${esc(e.event_id)}" tabindex="0">
      <td>${esc(e.date || "")}</td>
      <td><i class="dot" style="background:${categoryColor(e.category)}"></i>${esc(e.category)}</td>
      <td>${actor(e.source)}</td><td>${actor(e.target)}</td>
      <td>${e.place ? esc(e.place.name) + (e.place.country ? ` <small>${esc(e.place.country)}</small>` : "") : "—"}</td>
      <td>${esc(e.modality)}</td><td class="num">${e.n_sources}</td>
      <td class="evidence">${esc(e.evidence.text)}</td>
    </tr>`).join("");
  el.innerHTML = `<table><thead><tr><th>Date</th><th>Category</th><th>Source</th><th>Target</th>
    <th>Place</th><th>Modality</th><th>Src</th><th>Evidence</th></tr></thead><tbody>${rows}</tbody></table>`
    + (events.length ? "" : `<p class="muted">No events match these filters.</p>`);
  const body = el.querySelector("tbody");
  body.addEventListener("click", (ev) => {
    const tr = ev.target.closest("tr");
    if (tr) onEventClick(events[+tr.dataset.i]);
  });
  body.addEventListener("keydown", (ev) => {
    const tr = ev.target.closest("tr");
    if (tr && ev.key === "Enter") onEventClick(events[+tr.dataset.i]);
  });
  return Math.min(SHOWN, events.length);
}

export function markRow(el, eventId) {
  for (const tr of el.querySelectorAll("tr.selected")) tr.classList.remove("selected");
  const tr = el.querySelector(`tr[data-event="${CSS.escape(eventId)}"]`);
  if (tr) tr.classList.add("selected");
}
