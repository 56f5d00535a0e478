// An article with its actors, times, places, quotes and events highlighted;
// each event's evidence span is marked and can be made the active one.
import { esc } from "./table.js";
import { categoryColor } from "./colors.js";

export const LAYERS = ["actor", "time", "place", "quote", "evidence"];

// Spans of every kind over the record's text, from the record's own offsets.
export function recordSpans(rec) {
  const spans = [];
  for (const a of rec.actors || []) for (const m of a.mentions || []) spans.push({ start: m.start, end: m.end, kind: "actor", tip: `${a.name} (${a.code || a.type || "actor"})` });
  for (const t of rec.times || []) spans.push({ start: t.start, end: t.end, kind: "time", tip: `${t.type} ${t.value ?? ""}` });
  for (const p of rec.places || []) spans.push({ start: p.start, end: p.end, kind: "place", tip: `${p.name}, ${p.country ?? ""} (${p.feature})` });
  // A quote's speaker by name: the actor it resolves to, not the pronoun the text uses.
  const names = new Map((rec.actors || []).map((a) => [a.id, a.name]));
  for (const q of rec.quotes || []) {
    const who = q.speaker ? names.get(q.speaker.actor) || q.speaker.text : null;
    spans.push({ start: q.start, end: q.end, kind: "quote", tip: `quote${who ? " by " + who : ""}` });
  }
  for (const e of rec.events || []) spans.push({ start: e.evidence.start, end: e.evidence.end, kind: "evidence", event: e.id, tip: `${e.id} ${e.category} (${e.modality})` });
  return spans.filter((s) => s.end > s.start && s.start >= 0 && s.end <= rec.text.length);
}

// Cuts the text at every span boundary; each piece carries the kinds that cover it.
export function segments(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const starts = [...spans].sort((a, b) => a.start - b.start);
  const out = [];
  let open = [], next = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i], b = points[i + 1];
    while (next < starts.length && starts[next].start <= a) open.push(starts[next++]);
    open = open.filter((s) => s.end > a);
    out.push({ start: a, end: b, spans: open.filter((s) => s.start <= a && s.end >= b) });
  }
  return out;
}

export function renderArticle(el, rec, activeEvent) {
  const spans = recordSpans(rec);
  const active = (rec.events || []).find((e) => e.id === activeEvent);
  if (active && active.sentence) spans.push({ start: active.sentence.start, end: active.sentence.end, kind: "sentence", tip: "" });
  const segs = segments(rec.text, spans.filter((s) => s.end > s.start && s.start >= 0 && s.end <= rec.text.length));
  const html = segs.map(({ start, end, spans }) => {
    const piece = esc(rec.text.slice(start, end));
    if (!spans.length) return piece;
    const kinds = [...new Set(spans.map((s) => s.kind))];
    const events = spans.filter((s) => s.event).map((s) => s.event);
    const cls = kinds.map((k) => "hl-" + k);
    if (activeEvent && events.includes(activeEvent)) cls.push("active");
    const tip = spans.map((s) => s.tip).filter(Boolean).join("\n");
    return `<span class="${cls.join(" ")}"${events.length ? ` data-events="${esc(events.join(" "))}"` : ""} title="${esc(tip)}">${piece}</span>`;
  }).join("");
  const evs = (rec.events || []).map((e) => `<li data-event="${esc(e.id)}" tabindex="0" role="button" class="${e.id === activeEvent ? "active" : ""}">
      <i class="dot" style="background:${categoryColor(e.category)}"></i><b>${esc(e.category)}</b> ${esc(e.cameo || "")}
      ${esc(e.source ? e.source.text : "—")} → ${esc(e.target ? e.target.text : "—")}
      <small>${esc(e.date || "")} · ${esc(e.modality)}${e.place ? " · " + esc(e.place.name) : ""}</small></li>`).join("");
  el.innerHTML = `<h3>${esc(rec.title || rec.id)}</h3>
    <p class="muted">${esc(rec.date || "undated")} · ${esc(rec.id)}${/^https?:\/\//i.test(rec.url || "") ? ` · <a href="${esc(rec.url)}" rel="noopener noreferrer" target="_blank">source</a>` : ""}
    · ${(rec.events || []).length} event(s)</p>
    <div class="text">${html}</div>
    <h4>Events in this article</h4><ul class="events">${evs || "<li class='muted'>none</li>"}</ul>`;
  for (const li of el.querySelectorAll("ul.events li[data-event]")) {
    li.addEventListener("click", () => renderArticle(el, rec, li.dataset.event));
    li.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" || ev.key === " ") {
        ev.preventDefault();
        const id = li.dataset.event;
        renderArticle(el, rec, id);
        el.querySelector(`ul.events li[data-event="${CSS.escape(id)}"]`)?.focus();
      }
    });
  }
  for (const sp of el.querySelectorAll("span[data-events]")) {
    sp.addEventListener("click", () => renderArticle(el, rec, sp.dataset.events.split(" ")[0]));
  }
  const first = el.querySelector(".text .active");
  if (first) first.scrollIntoView({ block: "center", behavior: "instant" });
  return first;
}

export function drawLegend(el) {
  el.innerHTML = LAYERS.map((k) => `<label><input type="checkbox" data-layer="${k}" checked><span class="hl-${k}">${k}</span></label>`).join(" ");
  for (const cb of el.querySelectorAll("input")) {
    cb.addEventListener("change", () => document.body.classList.toggle("hide-" + cb.dataset.layer, !cb.checked));
  }
}
