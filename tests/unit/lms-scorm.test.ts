import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Scorm12API, Scorm2004API } from "scorm-again";
import { createRng, createRunner, loadScenario, playOnce, POLICIES, type Runner, type Scenario } from "../../src/engine/index.ts";
import { duration2004, findScormApi, ScormConnection, scormId, timespan12 } from "../../src/lms/scorm-api.ts";
import { ScormReporter } from "../../src/lms/scorm.ts";
import type { Refusal } from "../../src/lms/scorm-api.ts";
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
    const reporter = new ScormReporter(lms, 0, { now: () => (t += 1000), spent: () => 0 }); // mastery 0: a pass as soon as allowed
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

  // (scorm-again hands out write-only elements only while it serialises)
  const cmi = (api: unknown) => JSON.parse(JSON.stringify((api as { cmi: unknown }).cmi)) as Record<string, Record<string, unknown> & { core?: Record<string, unknown> }>;
  const sessionTime = (api: unknown) => String(version === "1.2" ? cmi(api).core!.session_time : cmi(api).session_time);
  const exitMode = (api: unknown) => String(version === "1.2" ? cmi(api).core!.exit : cmi(api).exit);
  const toSeconds = (t: string) => {
    const iso = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(t);
    if (iso) return Number(iso[1] ?? 0) * 3600 + Number(iso[2] ?? 0) * 60 + Number(iso[3] ?? 0);
    const [h, m, sec] = t.split(":").map(Number);
    return h! * 3600 + m! * 60 + sec!;
  };

  it("commits this launch's own session time and exit = suspend with every step, before the page closes", () => {
    // First launch: 4 minutes of play, then the window is closed without a word to the game.
    const api1 = makeApi();
    let spent = 0;
    const first = new ScormReporter(connect(api1), 70, { now: Date.now, spent: () => spent });
    first.start();
    expect(exitMode(api1)).toBe("suspend");
    let json = "";
    play(starter, 11, first, (r) => {
      spent += 20_000;
      if (r.state.turn === 6 && !json) json = encodeSuspend(r);
    });
    // (the run ended in this helper; a launch that stops mid-run is the second one below)
    expect(toSeconds(sessionTime(api1))).toBeGreaterThan(60);

    // The second launch resumes; a minute passes, mid-run, and no pagehide ever arrives.
    const api2 = makeApi();
    (api2 as unknown as { loadFromJSON(o: unknown, p: string): void }).loadFromJSON({ suspend_data: json, ...(version === "1.2" ? { core: { entry: "resume" } } : { entry: "resume" }) }, "");
    let spent2 = 0;
    const lms2 = connect(api2);
    const second = new ScormReporter(lms2, 70, { now: Date.now, spent: () => spent2 });
    const back = second.start();
    expect(back?.decisions.length).toBeGreaterThan(0);
    const runner = resumeFromSuspend(starter, back!);
    spent2 = 61_000;
    runner.advance();
    second.suspend(encodeSuspend(runner), runner.state.node);
    expect(toSeconds(sessionTime(api2))).toBeCloseTo(61, 0);
    expect(exitMode(api2)).toBe("suspend");
  });

  it("keeps playing when the LMS refuses values: says so once per kind, writes them again when it recovers, retries a refused commit", () => {
    const api = makeApi() as unknown as Record<string, (...a: string[]) => string>;
    const setName = version === "1.2" ? "LMSSetValue" : "SetValue";
    const commitName = version === "1.2" ? "LMSCommit" : "Commit";
    const errName = version === "1.2" ? "LMSGetLastError" : "GetLastError";
    const realSet = api[setName]!.bind(api);
    const realCommit = api[commitName]!.bind(api);
    const realErr = api[errName]!.bind(api);
    let down = false;
    let forced = "";
    // A flaky LMS: while down, every SetValue of suspend data and every commit answers "false" with a general error.
    const flaky = {
      ...Object.fromEntries(Object.keys(Object.getPrototypeOf(api)).map((k) => [k, api[k]])),
      [setName]: (n: string, v: string) => (down && (n === "cmi.suspend_data" || n.includes("interactions")) ? ((forced = "101"), "false") : ((forced = ""), realSet(n, v))),
      [commitName]: (a: string) => (down ? ((forced = "101"), "false") : ((forced = ""), realCommit(a))),
      [errName]: () => forced || realErr(),
      [version === "1.2" ? "LMSGetErrorString" : "GetErrorString"]: () => "General exception",
    };
    for (const k of ["LMSInitialize", "Initialize", "LMSGetValue", "GetValue", "LMSFinish", "Terminate"]) if (api[k]) flaky[k] = api[k]!.bind(api);
    const lms = new ScormConnection(version === "1.2" ? { version, api: flaky as never } : { version, api: flaky as never });
    const problems: Refusal[] = [];
    const retries: (() => void)[] = [];
    const reporter = new ScormReporter(lms, 0, { now: Date.now, spent: () => 1000, later: (fn) => retries.push(fn) });
    reporter.onProblem = (r) => problems.push(r);
    reporter.start();
    down = true;
    let last = "";
    let decisions: DecisionReport[] = [];
    expect(() =>
      ({ decisions } = play(ice, 3, reporter, (r) => {
        if (r.state.turn === 3 && down) {
          last = encodeSuspend(r);
          down = false; // the LMS recovers
        }
      })),
    ).not.toThrow();
    expect(problems.map((p) => p.name.replace(/\.\d+\./, ".n."))).toEqual(expect.arrayContaining(["cmi.suspend_data", "commit"]));
    expect(new Set(problems.map((p) => p.name.replace(/\.\d+\./, ".n."))).size).toBe(problems.length); // once per kind
    expect(problems.every((p) => p.retry && p.code === "101" && p.reason === "General exception")).toBe(true);
    expect(retries.length).toBeGreaterThan(0);
    retries.forEach((fn) => fn());
    // Once the LMS answered again, what it refused was written: every decision's interaction and the final status.
    const kept = (api as unknown as { cmi: { interactions: { childArray: { toJSON(): Record<string, string> }[] } } }).cmi.interactions.childArray.map((x) => x.toJSON());
    expect(decisions.length).toBeGreaterThan(3);
    expect(kept.map((x) => x.id)).toEqual(decisions.map((d) => scormId(`${d.node}.${d.index + 1}`)));
    expect(kept.every((x) => x.type === "choice" && x.result)).toBe(true);
    expect(lms.get(statusField)).toBe("passed");
    expect(last).not.toBe("");
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

  it("follows the opener chain: a frame inside a popup opened by a popup of the LMS page", () => {
    const lmsPage = win({ API_1484_11: api2004 });
    const player = win();
    player.opener = lmsPage; // the LMS opened the player window...
    const popupTop = win();
    popupTop.opener = player; // ...which opened the course in another window, with the game in a frame
    const frame = win({}, popupTop);
    expect(findScormApi(frame as never)?.api).toBe(api2004);
    // Windows that opened each other do not loop.
    const a = win();
    const b = win();
    a.opener = b;
    b.opener = a;
    expect(findScormApi(a as never)).toBeNull();
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
