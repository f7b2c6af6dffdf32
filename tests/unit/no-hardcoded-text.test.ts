import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// UI strings live in src/content/strings/<locale>.json; scenario text lives in scenarios.
// Chinese text or punctuation in UI code would show the same in every locale.
const dirs = ["src/game", "src/ui", "src/a11y", "src/audio", "src/art", "src/store"];
const files = dirs.flatMap((d) =>
  readdirSync(d, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".ts") && f !== "wrap.ts") // wrap.ts lists punctuation rules, not text
    .map((f) => join(d, f)),
);

describe("no player-visible text is hard-coded in UI code", () => {
  it("scans the UI sources", () => expect(files.length).toBeGreaterThan(15));

  it.each(files)("%s has no CJK characters outside comments", (file) => {
    const code = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    const hits = code.split("\n").filter((l) => /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(l));
    expect(hits).toEqual([]);
  });
});
