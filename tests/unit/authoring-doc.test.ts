import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderAuthoringDoc } from "../../src/cli/authoring-tables.ts";
import { LEVEL_THRESHOLDS, MOVE_RULES, PAIR_COVERS } from "../../src/engine/index.ts";

const committed = readFileSync("docs/authoring.md", "utf8");

describe("docs/authoring.md", () => {
  it("is what npm run docs:authoring generates from the engine today", () => {
    expect(committed, "run npm run docs:authoring").toBe(renderAuthoringDoc(readFileSync("docs/authoring.src.md", "utf8")));
  });

  it("has every move kind, level threshold and colleague pair the engine knows", () => {
    for (const kind of Object.keys(MOVE_RULES)) expect(committed).toContain(`| \`${kind}\` |`);
    for (const n of Object.values(LEVEL_THRESHOLDS)) expect(committed).toMatch(new RegExp(`\\| ${n} \\|`));
    for (const [colleague, depts] of Object.entries(PAIR_COVERS)) expect(committed).toContain(`| \`${colleague}\` | ${depts.join(", ")} |`);
    expect(committed).not.toMatch(/\{\{\w+\}\}/);
  });
});
