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
copyFileSync("src/favicon.svg", out + "favicon.svg");
// /docs and /redoc load these from the server itself, so the API's documentation works offline.
const docsAssets = {
  "swagger-ui-bundle.js": "swagger-ui-dist/swagger-ui-bundle.js",
  "swagger-ui.css": "swagger-ui-dist/swagger-ui.css",
  "redoc.standalone.js": "redoc/bundles/redoc.standalone.js",
};
for (const [name, path] of Object.entries(docsAssets)) {
  // their source-map comments would point at files we do not ship
  const text = readFileSync("node_modules/" + path, "utf8").replace(/\n\/[/*]# sourceMappingURL=\S+\s*$/, "\n")
    // ReDoc's footer logo would be fetched from its CDN: show ours, from this server
    .replaceAll("https://cdn.redoc.ly/redoc/logo-mini.svg", "/static/favicon.svg");
  writeFileSync(out + name, text);
}

// The licence of every npm package that ended up in the bundle, in one file beside it.
const packages = new Set(["swagger-ui-dist", "redoc"]);
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
// The docs bundles carry their own dependencies' notices beside them.
for (const path of ["swagger-ui-dist/swagger-ui-bundle.js.LICENSE.txt", "redoc/bundles/redoc.standalone.js.LICENSE.txt"]) {
  notices.push(`Notices of the packages inside ${path.replace(/\.LICENSE\.txt$/, "")}\n${"=".repeat(60)}\n`
    + readFileSync("node_modules/" + path, "utf8").trim() + "\n");
}
writeFileSync(out + "THIRD-PARTY-LICENSES.txt",
  "Third-party software bundled in app.js and app.css, and copied for /docs (swagger-ui-dist) and /redoc (redoc)\n\n" + notices.join("\n"));
for (const name of ["index.html", "app.js", "app.css", "THIRD-PARTY-LICENSES.txt", ...Object.keys(docsAssets)]) {
  console.log(`${name}\t${(statSync(out + name).size / 1024).toFixed(0)} KB`);
}
