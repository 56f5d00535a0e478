// Quotes with their speaker by name (the actor the speaker resolves to, not "he"), newest
// first; a quote opens its article at the quote.
import { esc } from "./table.js";

export function drawQuotes(el, items, onOpen) {
  el.innerHTML = `<ul class="quotes">${items.map((q, i) => `<li>
      <blockquote>${q.direct ? "“" : ""}${esc(q.text)}${q.direct ? "”" : ""}</blockquote>
      <p><b class="speaker">${q.speaker ? esc(q.speaker) : '<span class="muted">unnamed speaker</span>'}</b>${q.actor_code ? ` <small>${esc(q.actor_code)}</small>` : ""}
      <small class="muted">· ${esc(q.date || q.published || "undated")} · ${esc(q.cue || "")}</small>
      · <button type="button" class="link" data-i="${i}">${esc((q.title || q.doc).slice(0, 70))}</button></p></li>`).join("")}</ul>`;
  for (const b of el.querySelectorAll("button[data-i]")) b.addEventListener("click", () => onOpen(items[+b.dataset.i]));
}
