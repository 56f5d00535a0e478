// Builds the page into the package's flat web folder: index.html, app.js, app.css.
// Everything is bundled (no CDN, no tile server): the page works offline.
import * as esbuild from "esbuild";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";

const out = new URL("../src/eventwire/web/", import.meta.url).pathname;
mkdirSync(out, { recursive: true });

const result = await esbuild.build({
  metafile: true,
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

// The licence of every npm package that ended up in the bundle, in one file beside it.
const packages = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (m) packages.add(m[1]);
}
const notices = [...packages].sort().map((name) => {
  const dir = `node_modules/${name}/`;
  const meta = JSON.parse(readFileSync(dir + "package.json", "utf8"));
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f));
  const text = file && existsSync(dir + file) ? readFileSync(dir + file, "utf8").trim() : `License: ${meta.license}`;
  return `${name} ${meta.version} (${meta.license})\n${"=".repeat(60)}\n${text}\n`;
});
writeFileSync(out + "THIRD-PARTY-LICENSES.txt",
  "Third-party software bundled in app.js and app.css\n\n" + notices.join("\n"));
for (const name of ["index.html", "app.js", "app.css", "THIRD-PARTY-LICENSES.txt"]) {
  console.log(`${name}\t${(statSync(out + name).size / 1024).toFixed(0)} KB`);
}
