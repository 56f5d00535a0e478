// PLOVER categories grouped by quad class, one colour each.
export const QUADS = {
  1: { name: "verbal cooperation", color: "#4e9a6f" },
  2: { name: "material cooperation", color: "#3b6fb6" },
  3: { name: "verbal conflict", color: "#e0a030" },
  4: { name: "material conflict", color: "#c8423b" },
};

export const CATEGORIES = {
  AGREE: "#2e8b57", CONSULT: "#66b28a", SUPPORT: "#9fd0a8", CONCEDE: "#c5e3b5",
  COOPERATE: "#2f5fa7", AID: "#5b8fd6", RETREAT: "#a3c3ec",
  REQUEST: "#f2c14e", ACCUSE: "#e89a2c", REJECT: "#d8772a", THREATEN: "#b85c1c",
  PROTEST: "#9b59b6", SANCTION: "#7d3c98", MOBILIZE: "#e07b91", COERCE: "#d64541", ASSAULT: "#8e1b1b",
};

export function categoryColor(cat) {
  return CATEGORIES[cat] || "#888";
}

export function goldsteinColor(g) {
  if (g > 0) return "#2e8b57";
  if (g < 0) return "#c8423b";
  return "#999";
}
