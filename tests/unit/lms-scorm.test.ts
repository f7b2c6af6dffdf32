import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Scorm12API, Scorm2004API } from "scorm-again";
import { createRng, createRunner, loadScenario, playOnce, POLICIES, type Runner, type Scenario } from "../../src/engine/index.ts";
import { duration2004, findScormApi, ScormConnection, scormId, timespan12 } from "../../src/lms/scorm-api.ts";
import { ScormReporter } from "../../src/lms/scorm.ts";
import { RunFeed, type DecisionReport } from "../../src/lms/tracker.ts";
import { decodeSuspend, encodeSuspend, resumeFromSuspend, SCORM12_SUSPEND_MAX } from "../../src/lms/suspend.ts";

const load = (f: string) => loadScenario(JSON.parse(readFileSync(`scenarios/${f}.json`, "utf8")));
const ice = load("ice-to-eskimos");
const starter = load("first-meetings");

/** Plays with a policy, feeding the reporter after every step as the game does after every autosave. */
function play(scenario: Scenario, seed: number, reporter: ScormReporter, onStep?: (r: Runner) => void) {
  const decisions: DecisionReport[] = [];
  const feed = new RunFeed(scenario, { onDecision: (d) => (decisions.push(d), reporter.onDecision(d)), onEnded: (e) => reporter.onEnded(e) }, "en");
  const r = createRunner(scenario, seed);
  const rng = createRng(seed);
  for (let i = 0; i < 2000 && (r.status === "line" || r.status === "awaiting-choice"); i++) {
    if (r.status === "line") r.advance();
    else r.choose(POLICIES["spin-disciplined"]!.choose(r, rng));
    feed.update(r);
    reporter.suspend(encodeSuspend(r), r.state.node);
    onStep?.(r);
  }
  return { runner: r, decisions };
}

describe.each([
  ["1.2", () => new Scorm12API({ logLevel: 5 }), "cmi.core.lesson_status"],
  ["2004", () => new Scorm2004API({ logLevel: 5 }), "cmi.success_status"],
] as const)("SCORM %s reporting", (version, makeApi, statusField) => {
  const connect = (api: unknown) => new ScormConnection(version === "1.2" ? { version, api: api as never } : { version, api: api as never });

  it("reports incomplete while playing, never passed before the end, then the score, the status and one interaction per decision", () => {
    const api = makeApi();
    const lms = connect(api);
    let t = Date.parse("2026-12-01T10:00:00Z");
    const reporter = new ScormReporter(lms, 0, () => (t += 1000)); // mastery 0: a pass as soon as allowed
    expect(reporter.start()).toBeNull();
    const statuses = new Set<string>();
    const { runner, decisions } = play(ice, 3, reporter, () => statuses.add(lms.get(statusField)));
    expect(runner.status).toBe("ended");
    const before = [...statuses].slice(0, -1);
    expect(before).not.toContain("passed");
    expect(lms.get(statusField)).toBe("passed");
    if (version === "2004") expect(lms.get("cmi.completion_status")).toBe("completed");
    expect(Number(lms.get(lms.name("raw")))).toBeGreaterThan(0);
    expect(lms.get(lms.name("max"))).toBe("100");
    const kept = (api as unknown as { cmi: { interactions: { childArray: { toJSON(): Record<string, string> }[] } } }).cmi.interactions.childArray;
    const interactions = kept.map((x) => x.toJSON());
    expect(interactions).toHaveLength(decisions.length);
    expect(decisions.length).toBeGreaterThan(3);
    const first = interactions[0]!;
    expect(first.type).toBe("choice");
    expect(first[version === "1.2" ? "student_response" : "learner_response"]).toBe(scormId(decisions[0]!.option));
    if (version === "2004") expect(interactions.some((x) => x.description && x.description.length > 10)).toBe(true);
    reporter.finish();
    expect(lms.lastError).toBe("");
  });

  it("fails against a mastery score above what was reached, and says so only at the end", () => {
    const lms = connect(makeApi());
    const reporter = new ScormReporter(lms, 101);
    reporter.start();
    play(ice, 3, reporter);
    expect(lms.get(statusField)).toBe("failed");
  });

  it("resumes from suspend data at the decision where the learner stopped", () => {
    const api = makeApi();
    const lms = connect(api);
    const reporter = new ScormReporter(lms, 70);
    reporter.start();
    let mid: { json: string; node: string; turn: number } | null = null;
    play(starter, 11, reporter, (r) => {
      if (!mid && r.state.turn === 6 && r.status === "awaiting-choice") mid = { json: encodeSuspend(r), node: r.state.node, turn: r.state.turn };
    });
    const back = resumeFromSuspend(starter, decodeSuspend(mid!.json)!);
    expect(back.state.turn).toBe(mid!.turn);
    expect(back.state.node).toBe(mid!.node);
  });
});

describe("suspend data", () => {
  it("fits SCORM 1.2's 4096 characters for the longest bundled scenario's longest play", () => {
    let longest = 0;
    for (const scenario of [starter, ice]) {
      const rng = createRng(1);
      for (let seed = 0; seed < 150; seed++) {
        const policy = seed % 2 ? POLICIES.random! : POLICIES["spin-disciplined"]!;
        longest = Math.max(longest, encodeSuspend(playOnce(scenario, policy, seed, rng)).length);
      }
    }
    console.log(`longest suspend data over 300 plays of each bundled scenario: ${longest} of ${SCORM12_SUSPEND_MAX} characters`);
    expect(longest).toBeLessThan(SCORM12_SUSPEND_MAX);
  });

  it("refuses damaged or foreign suspend data", () => {
    for (const bad of ["", "{", "[]", '{"v":2,"s":"x","r":1,"d":[]}', '{"v":1,"s":"x","r":1,"d":["a/b/q9"]}', '{"v":1,"s":"x","r":1,"d":["a"]}']) {
      expect(decodeSuspend(bad)).toBeNull();
    }
    expect(decodeSuspend('{"v":1,"s":"x","r":"7","d":["a/b","c/d/e1"]}')).toEqual({
      scenarioId: "x",
      seed: "7",
      decisions: [{ node: "a", option: "b" }, { node: "c", option: "d", listening: { posture: "engaged", notes: true } }],
    });
  });
});

describe("the SCORM API shim", () => {
  type W = Record<string, unknown> & { parent?: W; opener?: W | null };
  const win = (props: Record<string, unknown> = {}, parent?: W): W => {
    const w: W = { ...props };
    w.parent = parent ?? w;
    return w;
  };
  const api12 = { LMSInitialize: () => "true" };
  const api2004 = { Initialize: () => "true" };

  it("finds the API in a parent, preferring 2004, then in the opener's frames", () => {
    const top = win({ API: api12 });
    const frame = win({}, win({}, win({}, top)));
    expect(findScormApi(frame as never)).toEqual({ version: "1.2", api: api12 });
    const both = win({}, win({ API: api12, API_1484_11: api2004 }));
    expect(findScormApi(both as never)?.version).toBe("2004");
    const popup = win();
    popup.opener = win({}, win({ API_1484_11: api2004 }));
    expect(findScormApi(popup as never)?.api).toBe(api2004);
  });

  it("stops at a bounded depth and at windows it may not read", () => {
    let w = win({ API: api12 });
    for (let i = 0; i < 12; i++) w = win({}, w);
    expect(findScormApi(w as never)).toBeNull();
    const foreign = win();
    Object.defineProperty(foreign, "API", { get: () => { throw new Error("cross-origin"); } });
    expect(findScormApi(win({}, foreign) as never)).toBeNull();
  });

  it("writes times in each version's format", () => {
    expect(timespan12(3_723_450)).toBe("0001:02:03.45");
    expect(duration2004(3_723_450)).toBe("PT1H2M3.45S");
    expect(scormId("会谈 1/a")).toBe("___1_a");
  });
});
