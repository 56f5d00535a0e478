// PLOVER categories and quad classes with their colours: one table for the package and the
// page (src/eventwire/data/categories.json, bundled at build time).
import table from "../../src/eventwire/data/categories.json";

export const QUADS = Object.fromEntries(
  Object.entries(table.quad_classes).map(([q, { name, color }]) => [q, { name, color }]));

export const CATEGORIES = Object.fromEntries(
  Object.entries(table.categories).map(([name, { color }]) => [name, color]));

export function categoryColor(cat) {
  return CATEGORIES[cat] || "#888";
}

export function goldsteinColor(g) {
  if (g > 0) return "#2e8b57";
  if (g < 0) return "#c8423b";
  return "#999";
}
