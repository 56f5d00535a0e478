// Fetches from the JSON API; every error has the shape {"error": {"code", "message"}}.
export function apiURL(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, v);
  }
  return url.pathname + url.search;
}

export async function getJSON(path, params = {}) {
  const r = await fetch(apiURL(path, params));
  let body;
  try {
    body = await r.json();
  } catch {
    throw new Error(`E${r.status}: ${r.statusText || "the server's answer was not JSON"}`);
  }
  if (!r.ok) {
    const e = body.error || { code: "E" + r.status, message: r.statusText };
    throw new Error(`${e.code}: ${e.message}`);
  }
  return body;
}

// Pages through /api/events (newest first) until `max` events or the end.
export async function loadEvents(filters, max = 3000, page = 1000) {
  const out = [];
  let total = 0;
  for (let offset = 0; offset < max; offset += page) {
    const body = await getJSON("/api/events", { ...filters, sort: "-date", limit: Math.min(page, max - offset), offset });
    out.push(...body.items);
    total = body.total;
    if (body.items.length < page) break;
  }
  return { events: out, total };
}
