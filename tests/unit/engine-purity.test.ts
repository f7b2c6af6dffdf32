import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DOM_GLOBALS, HOST_FOLDERS, HOST_PACKAGES } from "../../layers.js";

const engineFiles = readdirSync("src/engine", { recursive: true })
  .map(String)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => join("src/engine", f));

describe("the engine stays pure", () => {
  it("has source files to check", () => expect(engineFiles.length).toBeGreaterThan(5));

  it.each(engineFiles)("%s imports no Phaser, Howler, Zustand, or host module", (file) => {
    const src = readFileSync(file, "utf8");
    const imports = [...src.matchAll(/(?:import|export)[^"']*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2]);
    for (const spec of imports) {
      expect(HOST_PACKAGES.some((p) => spec === p || spec!.startsWith(`${p}/`)), `${file} imports ${spec}`).toBe(false);
      expect(HOST_FOLDERS.some((f) => spec!.includes(`../${f}/`)), `${file} imports ${spec}`).toBe(false);
    }
  });

  it.each(engineFiles)("%s touches no DOM global and evaluates no code", (file) => {
    const code = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    expect(code).not.toMatch(new RegExp(`\\b(${DOM_GLOBALS.join("|")})\\s*\\.`));
    expect(code).not.toMatch(/\beval\s*\(|new\s+Function\s*\(/);
  });
});
