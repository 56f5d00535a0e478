// leaflet.markercluster extends the global L, so publish it before that import runs.
import L from "leaflet";
window.L = L;
export default L;
