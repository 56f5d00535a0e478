// Events per day stacked by quad class; a brush selects the date range for everything else.
import { select } from "d3-selection";
import { scaleTime, scaleLinear } from "d3-scale";
import { axisBottom, axisLeft } from "d3-axis";
import { brushX } from "d3-brush";
import { QUADS } from "./colors.js";

const DAY = 86400000;
const parseDay = (s) => new Date(s + "T00:00:00Z");
const fmtDay = (d) => d.toISOString().slice(0, 10);

export function drawTimeline(el, byDay, onBrush) {
  el.innerHTML = "";
  const width = el.clientWidth || 900, height = 150;
  const m = { top: 8, right: 12, bottom: 22, left: 36 };
  const svg = select(el).append("svg").attr("width", width).attr("height", height);
  if (!byDay.length) {
    svg.append("text").attr("x", width / 2).attr("y", height / 2).attr("text-anchor", "middle")
      .attr("class", "muted").text("no dated asserted events in this store");
    return;
  }
  // day -> [n1, n2, n3, n4]
  const days = new Map();
  for (const { day, quad_class, n } of byDay) {
    if (!days.has(day)) days.set(day, [0, 0, 0, 0]);
    const q = quad_class >= 1 && quad_class <= 4 ? quad_class - 1 : 3;
    days.get(day)[q] += n;
  }
  const keys = [...days.keys()].sort();
  const x0 = parseDay(keys[0]), x1 = new Date(parseDay(keys[keys.length - 1]).getTime() + DAY);
  const x = scaleTime().domain([x0, x1]).range([m.left, width - m.right]);
  const maxN = Math.max(...[...days.values()].map((v) => v[0] + v[1] + v[2] + v[3]));
  const y = scaleLinear().domain([0, maxN]).nice().range([height - m.bottom, m.top]);
  const barW = Math.max(1, (x(new Date(x0.getTime() + DAY)) - x(x0)) - 1);

  const bars = [];
  for (const [day, counts] of days) {
    let acc = 0;
    counts.forEach((n, i) => {
      if (n) bars.push({ day, q: i + 1, y0: acc, y1: acc + n });
      acc += n;
    });
  }
  svg.append("g").selectAll("rect").data(bars).join("rect")
    .attr("x", (d) => x(parseDay(d.day)))
    .attr("width", barW)
    .attr("y", (d) => y(d.y1))
    .attr("height", (d) => Math.max(0, y(d.y0) - y(d.y1)))
    .attr("fill", (d) => QUADS[d.q].color)
    .append("title").text((d) => `${d.day}: ${d.y1 - d.y0} ${QUADS[d.q].name}`);
  svg.append("g").attr("transform", `translate(0,${height - m.bottom})`).call(axisBottom(x).ticks(Math.max(2, width / 90)));
  svg.append("g").attr("transform", `translate(${m.left},0)`).call(axisLeft(y).ticks(4));

  const legend = select(el).append("div").attr("class", "legend");
  for (const [q, { name, color }] of Object.entries(QUADS)) {
    legend.append("span").html(`<i style="background:${color}"></i>${q} ${name}`);
  }

  const brush = brushX().extent([[m.left, m.top], [width - m.right, height - m.bottom]])
    .on("end", (ev) => {
      if (!ev.sourceEvent) return; // programmatic moves
      if (!ev.selection) return onBrush(null, null);
      const [a, b] = ev.selection.map((px) => x.invert(px));
      onBrush(fmtDay(a), fmtDay(new Date(Math.max(a.getTime(), b.getTime() - 1))));
    });
  const g = svg.append("g").attr("class", "brush").call(brush);
  return {
    setRange(start, end) {
      if (!start && !end) return g.call(brush.move, null);
      const a = start ? parseDay(start) : x0, b = end ? new Date(parseDay(end).getTime() + DAY) : x1;
      g.call(brush.move, [Math.max(m.left, x(a)), Math.min(width - m.right, x(b))]);
    },
  };
}
