/**
 * Property: whatever a valid scenario and a player do, the autosave is never lost. At
 * every step of a random play of a random scenario, saveRun → JSON.stringify → JSON.parse
 * → restoreRun gives back the same run (status, node, line, points, ending and the options
 * on offer), stuck runs included; and from a random step on, the restored run and the
 * original, given the same choices, stay identical to the end.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { createRunner, loadScenario, restoreRun, saveRun, type Runner, type Scenario } from "../../src/engine/index.ts";
import { playArb, scenarioArb, type PlayStep } from "./property-arbitraries.ts";

/** Cases per run: with the mutation suite, over 2,000 generated cases in CI. */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 1500);
const tally = { cases: 0, steps: 0, roundTrips: 0, ended: 0, stuck: 0, open: 0, redirectStuck: 0, passed: false };
const stuckInRedirects = (r: Runner) => {
  const last = r.state.log.at(-1);
  return r.status === "stuck" && last?.type === "stuck" && /redirects/.test(last.reason);
};

/** What a player sees of a run, and what decides what comes next. */
function view(r: Runner) {
  return {
    status: r.status,
    node: r.state.node,
    line: r.state.line,
    turn: r.state.turn,
    points: r.state.points,
    ending: r.state.ending,
    stage: r.state.stage,
    vars: r.state.vars,
    account: r.state.account,
    options: r.options.map((o) => o.id),
  };
}

function roundTrip(s: Scenario, r: Runner): Runner {
  return restoreRun(s, JSON.parse(JSON.stringify(saveRun(r))));
}

/** Applies one play step; false when the run has nothing more to do. */
function step(r: Runner, st: PlayStep): boolean {
  if (r.status === "line") r.advance();
  else if (r.status === "awaiting-choice") {
    const o = r.options[st.pick % r.options.length]!;
    if (st.listen && r.state.account.meeting) r.setListening(st.listen);
    r.choose(o.id);
  } else return false;
  return true;
}

describe("property: saves survive JSON and continue identically", () => {
  afterAll(() => {
    console.log(`property-save: ${tally.cases} scenarios × plays, ${tally.steps} steps, ${tally.roundTrips} save→JSON→restore round trips; runs ended ${tally.ended}, stuck ${tally.stuck} (${tally.redirectStuck} in redirect loops), still open ${tally.open}; ${tally.passed ? "0 crashes, 0 lost saves" : "FAILED (see the counterexample)"}`);
  });

  it(`holds for ${RUNS} random scenarios and plays`, () => {
    fc.assert(
      fc.property(scenarioArb, playArb, fc.nat(), fc.nat({ max: 60 }), (data, play, seed, cut) => {
        const s = loadScenario(data);
        const r = createRunner(s, seed);
        let twin: Runner | null = null;
        tally.cases++;
        for (let i = 0; i <= play.length; i++) {
          const back = roundTrip(s, r);
          tally.roundTrips++;
          expect(view(back)).toEqual(view(r));
          if (i === Math.min(cut, play.length)) twin = back;
          if (twin) expect(view(twin)).toEqual(view(r));
          if (i === play.length) break;
          const moved = step(r, play[i]!);
          if (twin) step(twin, play[i]!);
          if (!moved) break;
          tally.steps++;
        }
        if (r.status === "ended") tally.ended++;
        else if (r.status === "stuck") {
          tally.stuck++;
          if (stuckInRedirects(r)) tally.redirectStuck++;
        }
        else tally.open++;
      }),
      { numRuns: RUNS, seed: Number(process.env.PROPERTY_SEED ?? 20261201) },
    );
    tally.passed = true;
  }, 90_000);
});

describe("found by the property (fixed on main in runner.ts)", () => {
  // A node whose onEnter sends the run back to itself: the runner gives up after 64
  // redirects and the run is stuck. Its autosave used to restore as a run waiting for a
  // choice at that node (the resume re-settled the status).
  it("a run stuck in an onEnter redirect loop stays stuck after save → JSON → restore", () => {
    const text = { "zh-CN": "「x」", en: "x" };
    const s = loadScenario({
      format: "dealcraft-scenario",
      formatVersion: 2,
      meta: { id: "loop", version: "1.0.0", title: text, summary: text, client: text, estimatedMinutes: 1, locales: ["zh-CN", "en"] },
      cast: {},
      stages: [{ id: "st", pipeline: "awareness" }],
      start: "a",
      nodes: { a: { lines: [{ speaker: "narrator", text }], onEnter: [{ goto: "a" }], options: [{ id: "go", text, move: { kind: "talk" }, next: "a" }] } },
      endings: {},
    });
    const r = createRunner(s, 1);
    expect(r.status).toBe("stuck");
    const back = roundTrip(s, r);
    expect(back.status).toBe("stuck");
    expect(back.options).toEqual([]);
  });
});
