// Each panel says what it is doing: loading, empty, or the error it met (with its code).
export function panelState(panel, state, text = "") {
  const el = panel.querySelector(".state");
  panel.dataset.state = state;
  panel.setAttribute("aria-busy", state === "loading" ? "true" : "false");
  el.className = "state " + state;
  el.setAttribute("role", state === "error" ? "alert" : "status");
  el.textContent = state === "loading" ? text || "Loading…" : text;
  el.hidden = state === "ready" && !text;
}
