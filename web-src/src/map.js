// Merged events on an offline world basemap (Natural Earth via world-atlas), clustered.
import L from "./leaflet-global.js";
import "leaflet.markercluster";
import { feature } from "topojson-client";
import countries from "world-atlas/countries-110m.json";
import { categoryColor } from "./colors.js";

let map, cluster;

export function initMap(el, onEventClick) {
  map = L.map(el, { worldCopyJump: true, minZoom: 1, maxZoom: 10, zoomSnap: 0.25 });
  map.fitBounds([[-50, -165], [75, 175]]);
  map.attributionControl.addAttribution("Natural Earth");
  L.geoJSON(unwrapped(feature(countries, countries.objects.countries)), {
    style: { color: "#9aa6b2", weight: 0.6, fillColor: "#eef0e8", fillOpacity: 1 },
    interactive: false,
  }).addTo(map);
  cluster = L.markerClusterGroup({
    maxClusterRadius: 40,
    showCoverageOnHover: false,
    iconCreateFunction(c) {
      const n = c.getChildCount();
      const s = Math.round(22 + Math.min(30, Math.log2(n) * 5));
      return L.divIcon({ html: `<span>${n}</span>`, className: "ew-cluster", iconSize: [s, s] });
    },
  });
  map.addLayer(cluster);
  map._onEventClick = onEventClick;
  return map;
}

export function drawMap(events) {
  cluster.clearLayers();
  const markers = [];
  for (const e of events) {
    const p = e.place;
    if (!p || p.lat == null || p.lon == null) continue;
    const s = Math.round(10 + Math.min(16, Math.sqrt(e.n_sources) * 4));
    const icon = L.divIcon({
      className: "ew-marker",
      html: `<span style="background:${categoryColor(e.category)};width:${s}px;height:${s}px"></span>`,
      iconSize: [s, s],
    });
    const mk = L.marker([p.lat, p.lon], { icon, title: `${e.category} ${e.date || ""} ${p.name}` });
    mk.on("click", () => map._onEventClick(e));
    markers.push(mk);
  }
  cluster.addLayers(markers);
  return markers.length;
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
