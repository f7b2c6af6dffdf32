/**
 * `npm run bench:size`: builds the game twice in one run — with the custom Phaser build
 * (what ships) and with the whole Phaser library (the baseline) — and prints, from Vite's
 * manifest, the gzip size of the JavaScript a first visit downloads before the title
 * screen (the entry chunk and its static imports), against the 260 KB budget. Chunks
 * loaded later (scenarios, the schema validator) are listed apart.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const BUDGET_KB = 260;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

function build(outDir: string, phaser: "custom" | "full", page: "game" | "studio" | "team" = "game"): void {
  execFileSync("npx", ["vite", "build", "--logLevel", "error"], {
    stdio: "inherit",
    env: { ...process.env, DEALCRAFT_OUT: outDir, PHASER_BUILD: phaser, ...(page === "game" ? {} : { DEALCRAFT_PAGE: page }) },
  });
}

function gz(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

function measure(outDir: string, page = "index.html") {
  const file = page === "index.html" ? "manifest.json" : `${page.replace(/\.html$/, "")}-manifest.json`;
  const manifest = JSON.parse(readFileSync(`${outDir}/.vite/${file}`, "utf8")) as Record<string, ManifestChunk>;
  // The page's entry: host.html and join.html (team sessions) are entries too, but not a game visit.
  const entry = Object.entries(manifest).find(([key, c]) => c.isEntry && key === page)!;
  const first = new Set<string>();
  const visit = (key: string) => {
    const c = manifest[key];
    if (!c || first.has(c.file)) return;
    first.add(c.file);
    c.imports?.forEach(visit);
  };
  visit(entry[0]);
  const later = new Set(Object.values(manifest).map((c) => c.file).filter((f) => f.endsWith(".js") && !first.has(f)));
  const rows = [...first].map((f) => ({ file: f, gzip: gz(`${outDir}/${f}`) }));
  return { rows, total: rows.reduce((s, r) => s + r.gzip, 0), later: [...later].map((f) => ({ file: f, gzip: gz(`${outDir}/${f}`) })) };
}

const kb = (n: number) => (n / 1024).toFixed(1).padStart(7) + " KB";
build("dist-bench/custom", "custom");
build("dist-bench/full", "full");
build("dist-bench/custom", "custom", "studio");
build("dist-bench/custom", "custom", "team");
const custom = measure("dist-bench/custom");
const full = measure("dist-bench/full");

console.log("\nJavaScript before the title screen (gzip -9)");
console.log("chunk".padEnd(44) + "custom Phaser".padStart(15) + "full Phaser".padStart(15));
const name = (f: string) => f.replace(/^assets\//, "").replace(/-[\w-]{8}\.js$/, ".js");
const names = [...new Set([...custom.rows, ...full.rows].map((r) => name(r.file)))];
for (const n of names) {
  const c = custom.rows.find((r) => name(r.file) === n);
  const f = full.rows.find((r) => name(r.file) === n);
  console.log(n.padEnd(44) + (c ? kb(c.gzip) : "—").padStart(15) + (f ? kb(f.gzip) : "—").padStart(15));
}
console.log("total".padEnd(44) + kb(custom.total).padStart(15) + kb(full.total).padStart(15));
console.log(`budget ${BUDGET_KB} KB`.padEnd(44) + (custom.total <= BUDGET_KB * 1024 ? "ok" : "OVER").padStart(15) + (full.total <= BUDGET_KB * 1024 ? "ok" : "OVER").padStart(15));
console.log("\nloaded after the title (custom build):");
for (const r of custom.later) console.log("  " + name(r.file).padEnd(42) + kb(r.gzip));

// The studio is a page of its own (studio.html): none of it is in the game's first visit.
const studio = measure("dist-bench/custom", "studio.html");
const shared = studio.rows.filter((r) => custom.rows.some((g) => g.file === r.file));
console.log("\nstudio page (studio.html, a build of its own), its first load (gzip -9):");
for (const r of studio.rows) console.log("  " + name(r.file).padEnd(42) + kb(r.gzip));
console.log("  " + "total".padEnd(42) + kb(studio.total) + `   (shared with the game's first visit: ${kb(shared.reduce((s, r) => s + r.gzip, 0)).trim()})`);
const assets = readdirSync("dist-bench/custom/assets");
for (const w of ["analysis.worker", "balance.worker"]) {
  const f = assets.find((a) => a.startsWith(w) && a.endsWith(".js"));
  if (f) console.log("  worker " + w.padEnd(35) + kb(gz(`dist-bench/custom/assets/${f}`)) + "   (loaded when the studio opens / on Balance)");
}
// The team view (team.html) is a page of its own too.
const team = measure("dist-bench/custom", "team.html");
const teamShared = team.rows.filter((r) => custom.rows.some((g) => g.file === r.file));
console.log("\nteam view (team.html, a build of its own), its first load (gzip -9):");
for (const r of team.rows) console.log("  " + name(r.file).padEnd(42) + kb(r.gzip));
console.log("  " + "total".padEnd(42) + kb(team.total) + `   (shared with the game's first visit: ${kb(teamShared.reduce((s, r) => s + r.gzip, 0)).trim()})`);
process.exitCode = custom.total <= BUDGET_KB * 1024 ? 0 : 1;
