/**
 * A run through the Phaser-free session, in node: it plays to its ending, autosaves after
 * every step (and what it saved resumes to the very same screen), records the result once,
 * and tells subscribers what each decision did. Saves are small and old ones still load.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createRng, goodPlay, loadScenario, restoreRun, saveRun, seedToState, type RunSnapshot } from "../../src/engine/index.ts";
import { createRunSession, type RunResult, type SessionEvent } from "../../src/session/index.ts";
import { resumeRunSession } from "../../src/session/resume.ts";

const starter = loadScenario(JSON.parse(readFileSync("scenarios/first-meetings.json", "utf8")));
const legacyStarter = loadScenario(JSON.parse(readFileSync("tests/fixtures/legacy/first-meetings.v2.json", "utf8")));
const fixedClock = () => new Date("2026-12-01T10:00:00Z");

function playByTheCourse(session: ReturnType<typeof createRunSession>, stopAfter = Infinity): void {
  const rng = createRng(seedToState("session-test"));
  let meeting: string | null = null;
  let choices = 0;
  for (let i = 0; i < 2000 && choices < stopAfter; i++) {
    if (session.status === "line") session.advance();
    else if (session.status === "awaiting-choice") {
      const m = session.runner.state.account.meeting;
      if (m && m.id !== meeting) {
        meeting = m.id;
        session.setListening(goodPlay.listening(session.runner, rng));
      }
      session.choose(goodPlay.choose(session.runner, rng));
      choices++;
    } else break;
  }
}

describe("a run session", () => {
  it("plays the starter to its ending with autosave after every step and the result recorded once", () => {
    const saves: RunSnapshot[] = [];
    const results: RunResult[] = [];
    const events: SessionEvent[] = [];
    const session = createRunSession({ scenario: starter, seed: "s1", mode: "assessment", autosave: (s) => saves.push(s), record: (r) => results.push(r), now: fixedClock });
    session.subscribe((e) => events.push(e));
    playByTheCourse(session);
    expect(session.status).toBe("ended");
    expect(results).toHaveLength(1);
    const result = results[0]!;
    expect(result).toMatchObject({ scenarioId: "first-meetings", mode: "assessment", seed: "s1", endedAt: "2026-12-01T10:00:00.000Z" });
    expect(["won", "strategic-partner"]).toContain(result.outcome);
    expect(result.total).toBe(session.score.total);
    // One autosave at the start and one per step; one decision event per choice.
    const steps = events.filter((e) => e.type === "step").length;
    expect(saves.length).toBe(steps + 1);
    const decisions = events.filter((e): e is Extract<SessionEvent, { type: "decision" }> => e.type === "decision");
    expect(decisions.length).toBe(session.runner.state.turn);
    expect(decisions.every((d) => d.rank <= d.bestRank)).toBe(true);
    expect(events.filter((e) => e.type === "ended")).toHaveLength(1);
    // The last autosave restores the same ended run.
    const back = restoreRun(starter, JSON.parse(JSON.stringify(saves.at(-1))));
    expect(back.state.ending).toBe(session.runner.state.ending);
    expect(back.score).toEqual(session.score);
  });

  it("resumes an autosave mid-run to exactly the screen the player left", () => {
    const saves: RunSnapshot[] = [];
    const session = createRunSession({ scenario: starter, seed: "s2", mode: "practice", autosave: (s) => saves.push(s) });
    playByTheCourse(session, 7);
    session.advance();
    const resumed = resumeRunSession(starter, JSON.parse(JSON.stringify(saves.at(-1))), { mode: "practice" });
    expect(resumed.meeting()).toEqual(session.meeting());
    expect(resumed.panel()).toEqual(session.panel());
    expect(resumed.runner.state.rng).toBe(session.runner.state.rng);
  });

  it("keeps a whole starter run's save under a fifth of the version-2 save of the same length", () => {
    const session = createRunSession({ scenario: starter, seed: "s3", mode: "practice" });
    playByTheCourse(session);
    const now = JSON.stringify(session.snapshot()).length;
    const v2 = readFileSync("tests/fixtures/saves/first-meetings-full.v2.json", "utf8").length;
    console.log(`save of a full starter run: ${now} bytes (version 2: ${v2} bytes, ${(now / v2).toFixed(3)} of it)`);
    expect(now).toBeLessThan(v2 / 5);
  });

  it("still loads version-2 saves, at the same node and line, by replaying their choices", () => {
    const mid = JSON.parse(readFileSync("tests/fixtures/saves/first-meetings-mid.v2.json", "utf8"));
    const r = restoreRun(legacyStarter, mid);
    expect(r.state.node).toBe(mid.state.node);
    expect(r.state.chosen).toEqual(mid.state.chosen);
    expect(r.status).toBe(mid.state.status);
    const full = JSON.parse(readFileSync("tests/fixtures/saves/first-meetings-full.v2.json", "utf8"));
    const ended = restoreRun(legacyStarter, full);
    expect(ended.status).toBe("ended");
    expect(ended.state.ending).toBe(full.state.ending);
    // …and what it saves now is the new, small kind.
    expect(saveRun(ended).version).toBe(3);
  });
});
