import { describe, expect, it } from "vitest";
import { loadScenario, playOnce, POLICIES, createRng, seedToState } from "../../src/engine/index.ts";
import { balance, traceRun } from "../../src/studio/balance-core.ts";
import { readJson } from "./helpers.ts";

const starter = loadScenario(readJson("scenarios/first-meetings.json"));

describe("the studio scores runs as the game does", () => {
  it("gives a disqualified (bribery) run 0 in the balance panel and the trace, as the game's scorecard does", () => {
    const report = balance(starter, 4);
    const briber = report.policies.find((p) => p.policy === "briber")!;
    const disqualified = briber.endings[starter.policy!.disqualifiedEnding] ?? 0;
    expect(disqualified).toBeGreaterThan(0);
    // Every disqualified run is a 0; the runs counted as zeros are at least the disqualified ones.
    expect(briber.totals.filter((t) => t === 0).length).toBeGreaterThanOrEqual(disqualified);
    // Same run in the engine: its scorecard and the studio's trace agree.
    const r = playOnce(starter, POLICIES.briber!, "t1", createRng(seedToState("trace:t1")), 3000);
    const trace = traceRun(starter, "briber", "t1");
    expect(trace.total).toBe(r.score.total);
    if (r.state.ending === starter.policy!.disqualifiedEnding) expect(trace.total).toBe(0);
    // Other players still score above 0: the zeros are the disqualification, not a broken sum.
    const good = report.policies.find((p) => p.policy === "spin-disciplined") ?? report.policies[0]!;
    expect(Math.max(...good.totals)).toBeGreaterThan(0);
  });
});
