// One filter state for every view, kept in the page's address (?quad_class=4&bbox=...), so a
// link shares exactly what is shown; the article stays in the hash (#doc=ID&event=E3).
export const FILTER_KEYS = ["start", "end", "country", "actor", "quad_class", "category", "modality",
  "min_sources", "text", "undated", "bbox"];
// The table's own place in the list; kept in the address too.
export const TABLE_KEYS = ["sort", "offset"];
const DEFAULTS = { modality: "asserted", min_sources: "1", sort: "-date", offset: "0" };

// The state a query string holds, without defaults or empty values.
export function readState(search) {
  const params = new URLSearchParams(search);
  const out = {};
  for (const k of [...FILTER_KEYS, ...TABLE_KEYS]) {
    const v = params.get(k);
    if (v !== null && v !== "" && v !== DEFAULTS[k]) out[k] = v;
  }
  return out;
}

// The query string of a state: only what differs from the defaults, in a fixed order.
export function stateQuery(state) {
  const params = new URLSearchParams();
  for (const k of [...FILTER_KEYS, ...TABLE_KEYS]) {
    const v = state[k];
    if (v !== undefined && v !== null && v !== "" && String(v) !== DEFAULTS[k]) params.set(k, v);
  }
  const q = params.toString();
  return q ? "?" + q : "";
}

// The event filters of a state (what /api/events, /api/stats and /api/network take).
export function filtersOf(state) {
  return Object.fromEntries(FILTER_KEYS.filter((k) => state[k] !== undefined).map((k) => [k, state[k]]));
}

// A map view's bounds as the API's bbox: longitudes wrapped into -180..180, so a view across
// the date line gives WEST > EAST; a view a whole world wide is no region at all.
export function bboxOf(west, south, east, north) {
  if (east - west >= 360) return null;
  const wrap = (lon) => (lon >= -180 && lon <= 180 ? lon : ((((lon + 180) % 360) + 360) % 360) - 180);
  const r = (v) => Math.round(v * 1000) / 1000;
  return [r(wrap(west)), r(Math.max(-90, south)), r(wrap(east)), r(Math.min(90, north))].join(",");
}
