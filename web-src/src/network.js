// Who acts on whom: actors as nodes, source → target edges weighted by events,
// coloured by the sign of the mean Goldstein score.
import { select } from "d3-selection";
import { forceSimulation, forceLink, forceManyBody, forceCenter, forceCollide, forceX, forceY } from "d3-force";
import { scaleSqrt } from "d3-scale";
import { goldsteinColor } from "./colors.js";

const MAX_NODES = 40;
const MAX_EDGES = 120;

// An actor's key across documents: its CAMEO code when coded, else its words.
export function actorKey(a) {
  if (!a) return null;
  if (a.country || a.sector) return (a.country || "") + (a.sector || "");
  return (a.text || "").toLowerCase().replace(/^the\s+/, "").trim() || null;
}

export function buildNetwork(events) {
  const nodes = new Map(), edges = new Map();
  const node = (a) => {
    const key = actorKey(a);
    if (!key) return null;
    // filter: what the actor filter takes for this node, its code or the side's own words
    const coded = Boolean(a.country || a.sector);
    if (!nodes.has(key)) nodes.set(key, { id: key, label: coded ? key : a.text, names: new Map(), n: 0, filter: coded ? key : a.text });
    const nd = nodes.get(key);
    nd.n += 1;
    nd.names.set(a.text, (nd.names.get(a.text) || 0) + 1);
    return nd;
  };
  for (const e of events) {
    const s = node(e.source), t = node(e.target);
    if (!s || !t || s === t) continue;
    const k = s.id + "\u2192" + t.id;
    if (!edges.has(k)) edges.set(k, { source: s.id, target: t.id, n: 0, g: 0, events: [] });
    const ed = edges.get(k);
    ed.n += 1;
    ed.g += e.goldstein || 0;
    ed.events.push(e);
  }
  // Keep the heaviest edges, then the busiest actors among them.
  const heavy = [...edges.values()].sort((a, b) => b.n - a.n).slice(0, MAX_EDGES);
  const degree = new Map();
  for (const ed of heavy) {
    degree.set(ed.source, (degree.get(ed.source) || 0) + ed.n);
    degree.set(ed.target, (degree.get(ed.target) || 0) + ed.n);
  }
  const keep = new Set([...degree.entries()].sort((a, b) => b[1] - a[1]).slice(0, MAX_NODES).map((d) => d[0]));
  const links = heavy.filter((e) => keep.has(e.source) && keep.has(e.target)).map((e) => ({ ...e, mean: e.g / e.n }));
  const linked = new Set(links.flatMap((e) => [e.source, e.target]));
  return {
    nodes: [...nodes.values()].filter((n) => linked.has(n.id)).map((n) => ({ ...n, degree: degree.get(n.id) })),
    links,
  };
}

export function drawNetwork(el, events, { onEdgeClick, onNodeClick }) {
  el.innerHTML = "";
  const width = el.clientWidth || 500, height = el.clientHeight || 380;
  const { nodes, links } = buildNetwork(events);
  const svg = select(el).append("svg").attr("width", width).attr("height", height)
    .attr("role", "group").attr("aria-label", "Actor network; Tab moves through actors and links");
  if (!links.length) {
    svg.remove();
    return 0;
  }
  const r = scaleSqrt().domain([1, Math.max(...nodes.map((n) => n.degree))]).range([4, 13]);
  const w = scaleSqrt().domain([1, Math.max(...links.map((l) => l.n))]).range([0.8, 6]);
  const sim = forceSimulation(nodes)
    .force("link", forceLink(links).id((d) => d.id).distance(90))
    .force("charge", forceManyBody().strength(-120).distanceMax(250))
    .force("center", forceCenter(width / 2, height / 2))
    // weak gravity keeps separate components on screen
    .force("x", forceX(width / 2).strength(0.07))
    .force("y", forceY(height / 2).strength(0.1))
    .force("collide", forceCollide().radius((d) => r(d.degree) + 3))
    .stop();
  for (let i = 0; i < 250; i++) sim.tick();
  const pad = 20;
  for (const n of nodes) {
    n.x = Math.max(pad, Math.min(width - pad, n.x));
    n.y = Math.max(pad, Math.min(height - pad, n.y));
  }
  const defs = svg.append("defs");
  for (const [name, color] of [["pos", goldsteinColor(1)], ["neg", goldsteinColor(-1)], ["zero", goldsteinColor(0)]]) {
    defs.append("marker").attr("id", "arrow-" + name).attr("viewBox", "0 -4 8 8").attr("refX", 8)
      .attr("markerUnits", "userSpaceOnUse").attr("markerWidth", 9).attr("markerHeight", 9).attr("orient", "auto")
      .append("path").attr("d", "M0,-4L8,0L0,4").attr("fill", color);
  }
  const sign = (g) => (g > 0 ? "pos" : g < 0 ? "neg" : "zero");
  svg.append("g").selectAll("path").data(links).join("path")
    .attr("class", "edge")
    .attr("d", (d) => {
      const dx = d.target.x - d.source.x, dy = d.target.y - d.source.y, len = Math.hypot(dx, dy) || 1;
      const rt = r(d.target.degree) + 2;
      const tx = d.target.x - (dx / len) * rt, ty = d.target.y - (dy / len) * rt;
      // a slight curve keeps A→B and B→A apart
      const mx = (d.source.x + tx) / 2 - dy * 0.12, my = (d.source.y + ty) / 2 + dx * 0.12;
      return `M${d.source.x},${d.source.y}Q${mx},${my} ${tx},${ty}`;
    })
    .attr("fill", "none")
    .attr("stroke", (d) => goldsteinColor(d.mean))
    .attr("stroke-width", (d) => w(d.n))
    .attr("stroke-opacity", 0.75)
    .attr("marker-end", (d) => `url(#arrow-${sign(d.mean)})`)
    .attr("tabindex", 0).attr("role", "button")
    .attr("aria-label", (d) => `${d.source.label} to ${d.target.label}: ${d.n} event(s); open the first`)
    .on("click", (ev, d) => onEdgeClick(d.events[0], d))
    .on("keydown", (ev, d) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); onEdgeClick(d.events[0], d); } })
    .append("title").text((d) => `${d.source.label} → ${d.target.label}: ${d.n} event(s), mean Goldstein ${d.mean.toFixed(1)}`);
  const g = svg.append("g").selectAll("g").data(nodes).join("g")
    .attr("class", "node").attr("transform", (d) => `translate(${d.x},${d.y})`)
    .attr("tabindex", 0).attr("role", "button")
    .attr("aria-label", nodeName)
    .on("click", (ev, d) => onNodeClick(d))
    .on("keydown", (ev, d) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); onNodeClick(d); } });
  g.append("circle").attr("r", (d) => r(d.degree)).attr("fill", "#5a6b7d").attr("stroke", "#fff");
  g.append("title").text(nodeName);
  // The shortened labels are drawn in a layer of their own, outside the buttons: a button's
  // name is its full name (aria-label), never the cut one.
  svg.append("g").attr("class", "labels").attr("aria-hidden", "true").selectAll("text").data(nodes).join("text")
    .attr("x", (d) => d.x + r(d.degree) + 3).attr("y", (d) => d.y + 4).text((d) => truncate(d.label, 24));
  return links.length;
}

// A node's name for the tooltip and for assistive technology alike (one text, so both agree).
function nodeName(d) {
  return `${d.label}: ${d.degree} event(s), as ${[...d.names.keys()].slice(0, 5).join("; ")}. Click or press Enter to filter by this actor.`;
}

function truncate(s, n) {
  s = s || "";
  return s.length > n ? s.slice(0, n - 1) + "…" : s;
}
