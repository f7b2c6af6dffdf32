/**
 * Old files keep working: each bundled scenario as it stood before this format's additions
 * (kept in tests/fixtures/legacy/) still loads and plays to an ending with every kind of player.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createRng, loadScenario, playOnce, POLICIES, seedToState } from "../../src/engine/index.ts";

const files = readdirSync("tests/fixtures/legacy").filter((f) => f.endsWith(".json"));

describe.each(files)("legacy scenario %s", (file) => {
  const scenario = loadScenario(JSON.parse(readFileSync(`tests/fixtures/legacy/${file}`, "utf8")));
  it.each(["spin-disciplined", "random", "always-first", "briber"])("plays to an ending with %s", (policy) => {
    const rng = createRng(seedToState(policy));
    for (let i = 0; i < 20; i++) {
      const r = playOnce(scenario, POLICIES[policy]!, `${policy}:${i}`, rng);
      expect(r.status, `seed ${i}`).toBe("ended");
      expect(Number.isFinite(r.score.total)).toBe(true);
    }
  });
});
