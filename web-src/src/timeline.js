// Events over time, stacked by quad class, drawn as precisely as the reports date them:
// day-precise events as daily bars, month- and year-only events as spans in their own band,
// undated events counted (and listed on request), never put on a day they do not have.
// The axis covers the filtered events; a few far outliers stay off it, counted in a note.
import { select } from "d3-selection";
import { scaleTime, scaleLinear } from "d3-scale";
import { axisBottom, axisLeft } from "d3-axis";
import { brushX } from "d3-brush";
import { QUADS } from "./colors.js";

const DAY = 86400000;
const parseDay = (s) => new Date(s + "T00:00:00Z");
const fmtDay = (d) => d.toISOString().slice(0, 10);
// Outliers: events before the day by which this share of events has happened are left off
// the axis when keeping them would take more than half of it.
const OUTLIER_SHARE = 0.05;

function periodEnd(start, precision) {
  const d = parseDay(start);
  return precision === "year" ? new Date(Date.UTC(d.getUTCFullYear() + 1, 0, 1))
    : new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
}

// The axis's first day: the earliest event unless a few outliers would squeeze the rest.
export function axisStart(byDay, periods) {
  const points = [...byDay.map((d) => [parseDay(d.day).getTime(), d.n]),
    ...periods.map((p) => [parseDay(p.start).getTime(), p.n])].sort((a, b) => a[0] - b[0]);
  if (!points.length) return null;
  const total = points.reduce((s, p) => s + p[1], 0);
  const last = Math.max(...byDay.map((d) => parseDay(d.day).getTime() + DAY), ...periods.map((p) => periodEnd(p.start, p.precision).getTime()));
  let acc = 0, cut = points[0][0];
  for (const [t, n] of points) {
    acc += n;
    if (acc > total * OUTLIER_SHARE) { cut = t; break; }
  }
  const first = points[0][0];
  return cut - first > last - cut ? { start: cut, left: points.filter((p) => p[0] < cut).reduce((s, p) => s + p[1], 0), last } : { start: first, left: 0, last };
}

export function drawTimeline(el, stats, { onBrush, onUndated }) {
  el.innerHTML = "";
  const byDay = stats.by_day || [], periods = stats.by_period || [];
  const undated = (stats.undated || []).reduce((s, u) => s + u.n, 0);
  const dayN = byDay.reduce((s, d) => s + d.n, 0), periodN = periods.reduce((s, p) => s + p.n, 0);
  const note = select(el).append("p").attr("class", "timeline-note");
  note.append("span").text(`${dayN} dated to the day · ${periodN} to a month or year only (band below the bars) · `);
  if (undated) {
    note.append("button").attr("type", "button").attr("class", "link").attr("id", "undated-button")
      .text(`${undated} undated — list them`).on("click", onUndated);
  } else note.append("span").text("0 undated");
  const width = el.clientWidth || 900, height = 170;
  const m = { top: 8, right: 12, bottom: 22, left: 36 }, band = 26;
  const chartBottom = height - m.bottom - band;
  const axis = axisStart(byDay, periods);
  if (!axis) {
    select(el).append("p").attr("class", "muted empty").text("No dated events match these filters.");
    return null;
  }
  if (axis.left) note.append("span").attr("class", "muted").text(` · ${axis.left} earlier event(s) left of the axis (set From to see them)`);
  const x0 = new Date(axis.start), x1 = new Date(axis.last);
  const svg = select(el).append("svg").attr("width", width).attr("height", height)
    .attr("tabindex", 0).attr("role", "img").attr("aria-label",
      `Timeline from ${fmtDay(x0)} to ${fmtDay(new Date(x1.getTime() - DAY))}. Arrow keys move the selected dates, Shift+arrows widen it, Escape clears it.`);
  const x = scaleTime().domain([x0, x1]).range([m.left, width - m.right]);
  const days = new Map();
  for (const { day, quad_class, n } of byDay) {
    if (parseDay(day) < x0) continue;
    if (!days.has(day)) days.set(day, [0, 0, 0, 0]);
    days.get(day)[(quad_class >= 1 && quad_class <= 4 ? quad_class : 4) - 1] += n;
  }
  const maxN = Math.max(1, ...[...days.values()].map((v) => v[0] + v[1] + v[2] + v[3]));
  const y = scaleLinear().domain([0, maxN]).nice().range([chartBottom, m.top]);
  const barW = Math.max(1, (x(new Date(x0.getTime() + DAY)) - x(x0)) - 1);
  const bars = [];
  for (const [day, counts] of days) {
    let acc = 0;
    counts.forEach((n, i) => {
      if (n) bars.push({ day, q: i + 1, y0: acc, y1: acc + n });
      acc += n;
    });
  }
  svg.append("g").attr("class", "bars").selectAll("rect").data(bars).join("rect")
    .attr("x", (d) => x(parseDay(d.day))).attr("width", barW)
    .attr("y", (d) => y(d.y1)).attr("height", (d) => Math.max(0, y(d.y0) - y(d.y1)))
    .attr("fill", (d) => QUADS[d.q].color)
    .append("title").text((d) => `${d.day}: ${d.y1 - d.y0} ${QUADS[d.q].name}`);
  // Month- and year-only events: one lane per quad class, each span as long as its period.
  const lane = (band - 6) / 4;
  svg.append("g").attr("class", "periods").selectAll("rect").data(periods.filter((p) => periodEnd(p.start, p.precision) > x0)).join("rect")
    .attr("x", (p) => Math.max(m.left, x(parseDay(p.start))))
    .attr("width", (p) => Math.max(2, x(periodEnd(p.start, p.precision)) - Math.max(m.left, x(parseDay(p.start))) - 1))
    .attr("y", (p) => chartBottom + 4 + ((p.quad_class || 4) - 1) * lane).attr("height", lane - 1)
    .attr("fill", (p) => QUADS[p.quad_class || 4].color).attr("fill-opacity", (p) => Math.min(0.9, 0.3 + 0.1 * p.n))
    .append("title").text((p) => `${p.precision === "year" ? p.start.slice(0, 4) : p.start.slice(0, 7)} (${p.precision} only): ${p.n} ${QUADS[p.quad_class || 4].name}`);
  svg.append("text").attr("x", 2).attr("y", chartBottom + band - 6).attr("class", "muted band-label").text("month/yr");
  svg.append("g").attr("transform", `translate(0,${height - m.bottom})`).call(axisBottom(x).ticks(Math.max(2, width / 90)));
  svg.append("g").attr("transform", `translate(${m.left},0)`).call(axisLeft(y).ticks(4));
  const legend = select(el).append("div").attr("class", "legend");
  for (const [q, { name, color }] of Object.entries(QUADS)) legend.append("span").html(`<i style="background:${color}"></i>${q} ${name}`);

  const brush = brushX().extent([[m.left, m.top], [width - m.right, height - m.bottom]])
    .on("end", (ev) => {
      if (!ev.sourceEvent) return; // programmatic moves
      if (!ev.selection) return onBrush(null, null);
      const [a, b] = ev.selection.map((px) => x.invert(px));
      onBrush(fmtDay(a), fmtDay(new Date(Math.max(a.getTime(), b.getTime() - 1))));
    });
  const g = svg.append("g").attr("class", "brush").call(brush);
  // The keyboard's brush: move the selection by its own length, widen it, or clear it.
  let selected = null;
  svg.on("keydown", (ev) => {
    const span = selected ? selected[1] - selected[0] : 30 * DAY;
    const step = Math.max(DAY, span);
    let [a, b] = selected || [Math.max(x0.getTime(), x1.getTime() - 30 * DAY), x1.getTime()];
    if (ev.key === "Escape") { selected = null; g.call(brush.move, null); return onBrush(null, null); }
    if (ev.key === "ArrowLeft" && ev.shiftKey) a -= step / 2;
    else if (ev.key === "ArrowRight" && ev.shiftKey) b += step / 2;
    else if (ev.key === "ArrowLeft") { if (selected) { a -= step; b -= step; } }
    else if (ev.key === "ArrowRight") { if (selected) { a += step; b += step; } }
    else return;
    ev.preventDefault();
    a = Math.max(x0.getTime(), a); b = Math.min(x1.getTime(), Math.max(a + DAY, b));
    selected = [a, b];
    g.call(brush.move, [x(new Date(a)), x(new Date(b))]);
    onBrush(fmtDay(new Date(a)), fmtDay(new Date(b - DAY)));
  });
  return {
    setRange(start, end) {
      if (!start && !end) { selected = null; return g.call(brush.move, null); }
      const a = start ? parseDay(start) : x0, b = end ? new Date(parseDay(end).getTime() + DAY) : x1;
      selected = [Math.max(x0.getTime(), a.getTime()), Math.min(x1.getTime(), b.getTime())];
      if (selected[1] <= selected[0]) return g.call(brush.move, null);
      g.call(brush.move, [x(new Date(selected[0])), x(new Date(selected[1]))]);
    },
  };
}
