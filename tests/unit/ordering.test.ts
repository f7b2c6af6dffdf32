/**
 * The scorecard agrees with the research and the course (issue #8), on every bundled
 * scenario: the claims in tests/unit/claims/*.claims.json, run by one loop, each with its
 * margin printed. Medians over many seeded runs; orderings and margins, not tuning values.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadScenario, POLICIES, simulate, playOnce, createRng, seedToState, OUTCOMES, type Scenario, type SimulationResult } from "../../src/engine/index.ts";

interface Claim {
  id: string;
  better: string;
  worse: string;
  on: "total" | "questioning" | "listening" | "presenting" | "relationships" | "strategy" | "outcome";
  margin: number;
  offers?: Record<string, string>[];
  /** Only where this is part of the scenario: the rep defends an incumbent position, or price can be conceded. */
  where?: "incumbent" | "concessions";
}

function applies(s: Scenario, where: Claim["where"]): boolean {
  if (where === "incumbent") return !!s.position?.incumbent;
  if (where === "concessions") return JSON.stringify(s.nodes).includes('"figure":"concessions"');
  return true;
}
const files = readdirSync("tests/unit/claims").filter((f) => f.endsWith(".claims.json"));
const suites = files.map((f) => JSON.parse(readFileSync(`tests/unit/claims/${f}`, "utf8")) as { runs: number; claims: Claim[] });
const scenarios = readdirSync("scenarios")
  .filter((f) => f.endsWith(".json") && f !== "scenario.schema.json")
  .map((f) => loadScenario(JSON.parse(readFileSync(`scenarios/${f}`, "utf8"))));

/** Whether some option of the scenario carries a move with all these fields (array fields: includes). */
function offers(s: Scenario, want: Record<string, string>): boolean {
  return Object.values(s.nodes).some((n) =>
    (n.options ?? []).some((o) =>
      Object.entries(want).every(([k, v]) => {
        const have = (o.move as Record<string, unknown>)[k];
        return Array.isArray(have) ? have.includes(v) : have === v;
      }),
    ),
  );
}

const cache = new Map<string, SimulationResult>();
function sim(s: Scenario, policy: string, runs: number): SimulationResult {
  const key = `${s.meta.id}|${policy}|${runs}`;
  let r = cache.get(key);
  if (!r) {
    r = simulate(s, POLICIES[policy]!, runs, "claims");
    cache.set(key, r);
  }
  return r;
}
const median = (r: SimulationResult, on: Claim["on"]) => (on === "total" ? r.total.median : r.competencies[on].median);

describe.each(scenarios.map((s) => [s.meta.id, s] as const))("the score agrees with the research on %s", (_id, s) => {
  const cases = suites.flatMap((suite) => suite.claims.map((c) => [c.id, c, suite.runs] as const));
  it.each(cases)("%s", (_claim, c, runs) => {
    for (const name of [c.better, c.worse]) expect(POLICIES[name], `policy ${name}`).toBeDefined();
    if (c.offers && !c.offers.every((o) => offers(s, o))) return; // the scenario has no such move: nothing to claim
    if (!applies(s, c.where)) return;
    const a = median(sim(s, c.better, runs), c.on);
    const b = median(sim(s, c.worse, runs), c.on);
    console.log(`${s.meta.id} ${c.id}: ${c.better} ${a} vs ${c.worse} ${b} on ${c.on} (margin ${(a - b).toFixed(1)}, needs ≥ ${c.margin})`);
    if (c.margin === 0) expect(b).toBeLessThanOrEqual(a);
    else expect(a - b).toBeGreaterThanOrEqual(c.margin);
  });

  it("5: a disqualification for bribery scores below every honest loss", () => {
    const totals = { disqualified: [] as number[], honest: [] as number[] };
    const rng = createRng(seedToState("claim5"));
    for (const name of ["random", "briber", "feature-dumper", "pushy-closer", "poor-listener", "good+briber"]) {
      for (let i = 0; i < 60; i++) {
        const r = playOnce(s, POLICIES[name]!, `${name}:${i}`, rng);
        if (!r.state.ending) continue;
        const outcome = s.endings[r.state.ending]!.outcome;
        if (r.state.ending === s.policy?.disqualifiedEnding) totals.disqualified.push(r.score.total);
        else if (outcome !== "won" && outcome !== "strategic-partner") totals.honest.push(r.score.total);
      }
    }
    if (!totals.disqualified.length) return; // nothing in this scenario can get the bid disqualified
    console.log(`${s.meta.id} 5: disqualified max ${Math.max(...totals.disqualified)} vs honest loss min ${Math.min(...totals.honest)}`);
    expect(Math.max(...totals.disqualified)).toBeLessThan(Math.min(...totals.honest));
  });

  it("7: good play reaches the scenario's best ending on every seed", () => {
    const best = Math.max(...Object.values(s.endings).map((e) => OUTCOMES.indexOf(e.outcome)));
    const r = sim(s, "spin-disciplined", 200);
    const reached = Object.entries(r.endings).filter(([id]) => s.endings[id] && OUTCOMES.indexOf(s.endings[id]!.outcome) === best).reduce((n, [, k]) => n + k, 0);
    console.log(`${s.meta.id} 7: best ending (${OUTCOMES[best]}) reached in ${reached}/200 runs`);
    expect(reached).toBe(200);
  });

  it("keeps good play's competencies off the 100 ceiling, so differences stay visible", () => {
    const r = sim(s, "spin-disciplined", 200);
    for (const c of ["questioning", "listening", "presenting", "relationships", "strategy"] as const) expect(r.competencies[c].p90).toBeLessThan(100);
  });
});
