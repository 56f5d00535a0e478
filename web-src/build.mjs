// Builds the page into the package's flat web folder: index.html, app.js, app.css.
// Everything is bundled (no CDN, no tile server): the page works offline.
import * as esbuild from "esbuild";
import { copyFileSync, mkdirSync, statSync } from "node:fs";

const out = new URL("../src/eventwire/web/", import.meta.url).pathname;
mkdirSync(out, { recursive: true });

await esbuild.build({
  entryPoints: { app: "src/main.js" },
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  outdir: out,
  loader: { ".png": "dataurl", ".json": "json" },
  legalComments: "eof",
  logLevel: "info",
});
copyFileSync("src/index.html", out + "index.html");
for (const name of ["index.html", "app.js", "app.css"]) {
  console.log(`${name}\t${(statSync(out + name).size / 1024).toFixed(0)} KB`);
}
