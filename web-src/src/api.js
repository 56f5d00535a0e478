// Fetches from the JSON API; every error has the shape {"error": {"code", "message"}}.
export async function getJSON(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, v);
  }
  const r = await fetch(url);
  const body = await r.json();
  if (!r.ok) {
    const e = body.error || { code: "E" + r.status, message: r.statusText };
    throw new Error(`${e.code}: ${e.message}`);
  }
  return body;
}

export function eventsURL(filters, extra = {}) {
  const url = new URL("/api/events", window.location.origin);
  for (const [k, v] of Object.entries({ ...filters, ...extra })) {
    if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, v);
  }
  return url.pathname + url.search;
}

// Pages through /api/events until `max` events or the end; `onFirstPage` sees the first
// page when more are coming, so the views can be drawn before the rest arrives.
export async function loadEvents(filters, max = 3000, page = 1000, onFirstPage = null) {
  const out = [];
  for (let offset = 0; offset < max; offset += page) {
    const body = await getJSON("/api/events", { ...filters, limit: Math.min(page, max - offset), offset });
    out.push(...body.items);
    if (body.items.length < page) break;
    if (offset === 0 && onFirstPage && max > page) onFirstPage(out.slice());
  }
  return out;
}
