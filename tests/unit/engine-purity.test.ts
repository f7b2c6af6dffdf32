import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

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
      expect(spec, `${file} imports ${spec}`).not.toMatch(/^(phaser|howler|zustand)(\/|$)/);
      expect(spec, `${file} imports ${spec}`).not.toMatch(/\.\.\/(game|store|audio|a11y|ui|content)\//);
    }
  });

  it.each(engineFiles)("%s touches no DOM global and evaluates no code", (file) => {
    const code = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    expect(code).not.toMatch(/\b(window|document|localStorage|sessionStorage|navigator)\s*\./);
    expect(code).not.toMatch(/\beval\s*\(|new\s+Function\s*\(/);
  });
});
