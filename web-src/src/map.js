// Merged events on an offline world basemap (Natural Earth via world-atlas), clustered.
// A town or city is a filled dot; a place known only as a country, region or province is a
// ring (its point is that area's centre, not where the event was), in its own layer that a
// toggle hides. The region filter is drawn as a box.
import L from "./leaflet-global.js";
import "leaflet.markercluster";
import { feature } from "topojson-client";
import countries from "world-atlas/countries-110m.json";
import { categoryColor } from "./colors.js";

let map, cities, areas, regionBox;
const AREA_FEATURES = new Set(["country", "admin1", "admin2", "region", "other"]);

export const isArea = (place) => AREA_FEATURES.has(place.feature);

function clusterGroup(kind) {
  return L.markerClusterGroup({
    maxClusterRadius: 40,
    showCoverageOnHover: false,
    iconCreateFunction(c) {
      const n = c.getChildCount();
      const s = Math.round(22 + Math.min(30, Math.log2(n) * 5));
      return L.divIcon({ html: `<span>${n}</span>`, className: `ew-cluster ew-cluster-${kind}`, iconSize: [s, s] });
    },
  });
}

export function initMap(el, { onEventClick, onBox }) {
  map = L.map(el, { worldCopyJump: true, minZoom: 1, maxZoom: 10, zoomSnap: 0.25 });
  map.fitBounds([[-50, -165], [75, 175]]);
  map.attributionControl.addAttribution("Natural Earth");
  L.geoJSON(unwrapped(feature(countries, countries.objects.countries)), {
    style: { color: "#9aa6b2", weight: 0.6, fillColor: "#eef0e8", fillOpacity: 1 },
    interactive: false,
  }).addTo(map);
  cities = clusterGroup("city");
  areas = clusterGroup("area");
  map.addLayer(areas);
  map.addLayer(cities);
  map._onEventClick = onEventClick;
  // Shift-drag (Leaflet's box zoom) draws the region to filter to.
  map.on("boxzoomend", (ev) => onBox(ev.boxZoomBounds));
  return map;
}

export function mapBounds() {
  const b = map.getBounds();
  return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
}

export function showAreas(on) {
  if (on) map.addLayer(areas); else map.removeLayer(areas);
}

// The region filter's box (WEST,SOUTH,EAST,NORTH; WEST > EAST crosses the date line).
export function drawRegion(bbox) {
  if (regionBox) { map.removeLayer(regionBox); regionBox = null; }
  if (!bbox) return;
  let [w, s, e, n] = bbox.split(",").map(Number);
  if (w > e) e += 360;
  regionBox = L.rectangle([[s, w], [n, e]], { color: "#1d2630", weight: 1.5, dashArray: "4 3", fill: false, interactive: false }).addTo(map);
}

export function drawMap(events) {
  cities.clearLayers();
  areas.clearLayers();
  const dots = [], rings = [];
  for (const e of events) {
    const p = e.place;
    if (!p || p.lat == null || p.lon == null) continue;
    const s = Math.round(10 + Math.min(16, Math.sqrt(e.n_sources) * 4));
    const area = isArea(p);
    const color = categoryColor(e.category);
    const icon = L.divIcon({
      className: area ? "ew-marker ew-area" : "ew-marker",
      html: area ? `<span style="border-color:${color};width:${s + 4}px;height:${s + 4}px"></span>`
        : `<span style="background:${color};width:${s}px;height:${s}px"></span>`,
      iconSize: [s + 4, s + 4],
    });
    const label = `${e.category} ${e.date || "undated"} ${p.name}${area ? ` (${p.feature}: somewhere in it)` : ""}`;
    const mk = L.marker([p.lat, p.lon], { icon, title: label, alt: label, keyboard: true });
    mk.on("click", () => map._onEventClick(e));
    (area ? rings : dots).push(mk);
  }
  cities.addLayers(dots);
  areas.addLayers(rings);
  return { cities: dots.length, areas: rings.length };
}

export function invalidate() {
  if (map) map.invalidateSize();
}

// Rings that cross the antimeridian (Russia, Fiji) jump from +180 to -180; on a flat map
// that draws a stripe across the world. Unwrap each ring so its longitudes run on.
function unwrapped(fc) {
  const ring = (r) => {
    const out = [r[0].slice()];
    for (let i = 1; i < r.length; i++) {
      let lon = r[i][0];
      const prev = out[i - 1][0];
      while (lon - prev > 180) lon -= 360;
      while (lon - prev < -180) lon += 360;
      out.push([lon, r[i][1]]);
    }
    return out;
  };
  for (const f of fc.features) {
    const g = f.geometry;
    if (!g) continue;
    if (g.type === "Polygon") g.coordinates = g.coordinates.map(ring);
    else if (g.type === "MultiPolygon") g.coordinates = g.coordinates.map((p) => p.map(ring));
  }
  return fc;
}
