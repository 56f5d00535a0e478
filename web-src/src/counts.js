// Events by country × month × quad class: which countries, how many of each kind, and when.
// One row per country (most events first): its totals by quad class and a strip of months.
import { QUADS } from "./colors.js";
import { esc } from "./table.js";

const MAX_COUNTRIES = 15;
const MAX_MONTHS = 36;

export function countryTable(rows) {
  const byCountry = new Map(), months = new Set();
  for (const { country, month, quad_class, n } of rows) {
    if (!byCountry.has(country)) byCountry.set(country, { country, total: 0, quads: [0, 0, 0, 0], months: new Map(), undatedMonth: 0 });
    const c = byCountry.get(country);
    c.total += n;
    c.quads[(quad_class >= 1 && quad_class <= 4 ? quad_class : 4) - 1] += n;
    if (month) { months.add(month); c.months.set(month, (c.months.get(month) || 0) + n); } else c.undatedMonth += n;
  }
  const countries = [...byCountry.values()].sort((a, b) => b.total - a.total || a.country.localeCompare(b.country));
  return { countries, months: [...months].sort().slice(-MAX_MONTHS) };
}

export function drawCounts(el, rows, onCountry) {
  const { countries, months } = countryTable(rows);
  if (!countries.length) { el.innerHTML = ""; return 0; }
  const peak = Math.max(1, ...countries.slice(0, MAX_COUNTRIES).flatMap((c) => [...c.months.values()]));
  const quadHead = Object.entries(QUADS).map(([q, { name, color }]) => `<th scope="col" class="num" title="${name}"><i style="background:${color}"></i>${q}<span class="sr-only"> ${name}</span></th>`).join("");
  const body = countries.slice(0, MAX_COUNTRIES).map((c) => {
    const busiest = [...c.months.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    const strip = months.map((m) => {
      const n = c.months.get(m) || 0;
      return `<i class="cell" style="opacity:${n ? 0.15 + 0.85 * n / peak : 0.06}" title="${esc(c.country)} ${m}: ${n}"></i>`;
    }).join("");
    return `<tr data-country="${esc(c.country)}"><th scope="row"><button type="button" class="link" data-country="${esc(c.country)}">${esc(c.country)}</button></th>
      <td class="num">${c.total}</td>${c.quads.map((n) => `<td class="num">${n}</td>`).join("")}
      <td>${busiest ? `${busiest[0]} <small class="muted">(${busiest[1]})</small>` : "—"}</td>
      <td class="strip" aria-hidden="true">${strip}</td></tr>`;
  }).join("");
  el.innerHTML = `<table class="counts"><thead><tr><th scope="col">Country</th><th scope="col" class="num">Events</th>${quadHead}
    <th scope="col">Busiest month</th><th scope="col">${months.length ? `${months[0]} … ${months[months.length - 1]}` : "months"}</th></tr></thead>
    <tbody>${body}</tbody></table>` + (countries.length > MAX_COUNTRIES ? `<p class="muted">${countries.length - MAX_COUNTRIES} more countries; /api/stats has them all.</p>` : "");
  for (const b of el.querySelectorAll("button[data-country]")) b.addEventListener("click", () => onCountry(b.dataset.country));
  return countries.length;
}
