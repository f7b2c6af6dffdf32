/**
 * A simulation that trains, not a quiz (issue #8), on every bundled scenario: the client's
 * next words depend on the choice at half or more of the choice points; the best option is
 * not parked in one position; two seeds of the same good play differ in what happens.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { goodPlay, loadScenario, randomPlay } from "../../src/engine/index.ts";
import { bestPositions, distinctStories, measureReactivity } from "../../src/engine/variety.ts";

const scenarios = readdirSync("scenarios")
  .filter((f) => f.endsWith(".json") && f !== "scenario.schema.json")
  .map((f) => loadScenario(JSON.parse(readFileSync(`scenarios/${f}`, "utf8"))));

describe.each(scenarios.map((s) => [s.meta.id, s] as const))("%s", (_id, s) => {
  it("changes what the client says next at half or more of its choice points", () => {
    const r = measureReactivity(s, randomPlay, 20);
    console.log(`${s.meta.id}: ${r.reactive}/${r.choicePoints} choice points react; flat: ${r.flat.join(", ") || "none"}`);
    expect(r.reactive * 2).toBeGreaterThanOrEqual(r.choicePoints);
  });

  it("does not park the best option in one position", () => {
    const counts = bestPositions(s, randomPlay, 100);
    const total = counts.reduce((a, b) => a + b, 0);
    console.log(`${s.meta.id}: best option by position ${counts.join(" / ")}`);
    expect(Math.max(...counts) / total).toBeLessThan(0.5);
  });

  it("plays out differently for two seeds of the same good play", () => {
    expect(distinctStories(s, goodPlay, 10)).toBeGreaterThanOrEqual(2);
  });
});
