/**
 * `npm run package:scorm -- [--standard 1.2|2004] [--scenario <id>] [--mastery 70] [--out file.zip] [--dist dir]`
 * Builds the game (into a temporary folder, or takes an existing build with --dist) and
 * writes a SCORM content package: imsmanifest.xml, its schema files, and the game as one
 * SCO, optionally locked to one scenario in assessment mode.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { zipSync, strToU8 } from "fflate";
import { manifest, schemaDocument, SCHEMAS, type Standard } from "../lms/package/manifest.ts";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function fail(message: string): never {
  console.error(`package:scorm: ${message}`);
  process.exit(2);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split(sep).join("/"))
    .filter((f) => !f.startsWith(".vite/")) // Vite's build manifest is not part of the game
    .sort();
}

const standard = (arg("standard") ?? "1.2") as Standard;
if (standard !== "1.2" && standard !== "2004") fail(`--standard must be 1.2 or 2004, not "${standard}"`);
const mastery = Number(arg("mastery") ?? 70);
if (!Number.isFinite(mastery) || mastery < 0 || mastery > 100) fail("--mastery must be a number from 0 to 100");
const scenarioId = arg("scenario");
let scenario: { id: string; title: string } | undefined;
if (scenarioId !== undefined) {
  const file = join("scenarios", `${scenarioId}.json`);
  let meta: { id?: string; title?: Record<string, string> };
  try {
    meta = (JSON.parse(readFileSync(file, "utf8")) as { meta: typeof meta }).meta;
  } catch {
    fail(`--scenario ${scenarioId}: no bundled scenario file ${file}`);
  }
  if (meta.id !== scenarioId) fail(`--scenario ${scenarioId}: ${file} has meta.id "${meta.id}"`);
  scenario = { id: scenarioId, title: meta.title?.["zh-CN"] ?? meta.title?.en ?? scenarioId };
}
const out = arg("out") ?? `dealcraft-scorm${standard === "1.2" ? "12" : "2004"}${scenario ? "-" + scenario.id : ""}.zip`;

let dist = arg("dist");
let temp: string | null = null;
if (!dist) {
  temp = mkdtempSync(join(tmpdir(), "dealcraft-sco-"));
  dist = temp;
  execFileSync("npx", ["vite", "build", "--logLevel", "error"], { stdio: "inherit", env: { ...process.env, DEALCRAFT_OUT: temp } });
}
const files = listFiles(dist);
if (!files.includes("index.html")) fail(`${dist} has no index.html: is it a build of the game?`);

const entries: Record<string, Uint8Array> = {};
for (const f of files) entries[f] = readFileSync(join(dist, f));
entries["imsmanifest.xml"] = strToU8(manifest({ standard, scenario, mastery, files, title: "大客户攻防 Dealcraft" }));
for (const [file, ns] of Object.entries(SCHEMAS[standard])) entries[file] = strToU8(schemaDocument(ns));
writeFileSync(out, zipSync(entries, { level: 9 }));
if (temp) rmSync(temp, { recursive: true, force: true });
console.log(`wrote ${relative(".", out) || out}: SCORM ${standard}, ${files.length} game files${scenario ? `, locked to ${scenario.id} (assessment)` : ""}, mastery ${mastery}`);
