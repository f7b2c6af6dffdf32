/**
 * A simulation that trains, not a quiz (issue #8), on every bundled scenario: the client's
 * next words depend on the choice at half or more of the choice points; the best option is
 * not parked in one position; two seeds of the same good play differ in what happens; and
 * (issue #21) a steady player who never adapts meets a different client on other seeds —
 * different totals — while good play wins on every seed.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createRng, goodPlay, loadScenario, OUTCOMES, playOnce, randomPlay, seedToState, type Policy, type Runner } from "../../src/engine/index.ts";
import { bestOutcome } from "../../src/engine/view/reason.ts";
import { bestPositions, distinctStories, measureReactivity } from "../../src/engine/variety.ts";

/**
 * A steady player: plays by the course, but breaks ties the same way every time (the order
 * the author wrote the options in) and has no randomness of its own. Only the client can
 * make two of its runs differ.
 */
const steady: Policy = {
  name: "steady",
  describe: "the course's best option, ties by written order",
  listening: () => ({ posture: "engaged", notes: true }),
  choose: (r) => {
    const written = r.scenario.nodes[r.state.node]!.options!.map((o) => o.id);
    const key = (o: Runner["options"][number]) => -r.rank(o.id) * 1000 + written.indexOf(o.id);
    return [...r.options].sort((a, b) => key(a) - key(b))[0]!.id;
  },
};

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

  it("gives a steady player different totals over 20 seeds, and good play the best ending on all of them", () => {
    const totals = new Set<number>();
    const best = OUTCOMES.indexOf(bestOutcome(s));
    let wins = 0;
    for (let i = 0; i < 20; i++) {
      totals.add(playOnce(s, steady, `steady:${i}`, createRng(seedToState("steady"))).score.total);
      const g = playOnce(s, goodPlay, `steady:${i}`, createRng(seedToState(`good:${i}`)));
      if (OUTCOMES.indexOf(s.endings[g.state.ending!]!.outcome) === best) wins++;
    }
    console.log(`${s.meta.id}: a steady player's distinct totals over 20 seeds: ${totals.size}; good play's best endings: ${wins}/20`);
    expect(totals.size).toBeGreaterThanOrEqual(5);
    expect(wins).toBe(20);
  });
});
