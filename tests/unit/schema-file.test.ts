import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { scenarioJsonSchema } from "../../src/engine/json-schema.ts";

describe("scenarios/scenario.schema.json", () => {
  it("is up to date with the zod schema (run `npm run scenarios:schema` after changing it)", () => {
    expect(readFileSync("scenarios/scenario.schema.json", "utf8")).toBe(scenarioJsonSchema());
  });

  it("describes the input shape editors need: conditions, effects and move tags", () => {
    const text = scenarioJsonSchema();
    for (const key of ['"need-payoff"', '"goto"', '"random"', '"decisionRole"', '"estimatedMinutes"']) expect(text).toContain(key);
  });
});
