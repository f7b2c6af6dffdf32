/**
 * The starter scenario must let a player meet every mechanic of the course (issue #3):
 * this checks what its data offers and what simulated players actually reach.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  AWARENESS_METHODS,
  loadScenario,
  playOnce,
  POLICIES,
  createRng,
  seedToState,
  SPIN_TYPES,
  FABE_PARTS,
  type RunEvent,
  explainScore,
} from "../../src/engine/index.ts";

const starter = loadScenario(JSON.parse(readFileSync("scenarios/first-meetings.json", "utf8")));
const options = Object.values(starter.nodes).flatMap((n) => n.options ?? []);
const moves = options.map((o) => o.move);

// Many plays by every policy: what a class of trainees would run into.
const events: RunEvent[] = [];
const endings = new Set<string>();
const visited = new Set<string>();
const rng = createRng(seedToState("coverage"));
for (const policy of Object.values(POLICIES)) {
  for (let i = 0; i < 150; i++) {
    const r = playOnce(starter, policy, `${policy.name}:${i}`, rng);
    events.push(...r.state.log);
    if (r.state.ending) endings.add(r.state.ending);
    for (const n of Object.keys(r.state.visits)) visited.add(n);
  }
}
const chosen = events.filter((e): e is Extract<RunEvent, { type: "choice" }> => e.type === "choice");

describe("the starter scenario covers the course", () => {
  it("has four or more stakeholders, the shortlist and bid stages, and three or more endings", () => {
    expect(Object.keys(starter.cast).length).toBeGreaterThanOrEqual(4);
    const pipeline = starter.stages.map((s) => s.pipeline);
    expect(pipeline).toEqual(expect.arrayContaining(["shortlist", "bid"]));
    expect(starter.stages.some((s) => s.gate)).toBe(true);
    expect(Object.keys(starter.endings).length).toBeGreaterThanOrEqual(3);
  });

  it("offers every SPIN type, every FABE part and the listening, tactic, relationship, awareness, close, rules and screen moves", () => {
    const kinds = new Set(moves.map((m) => m.kind));
    for (const k of ["spin", "pitch", "listen", "tactic", "relationship", "awareness", "close", "rules", "screen"]) expect(kinds).toContain(k);
    const spin = new Set(moves.flatMap((m) => (m.kind === "spin" ? [m.type] : [])));
    for (const t of SPIN_TYPES) expect(spin).toContain(t);
    const parts = new Set(moves.flatMap((m) => (m.kind === "pitch" ? m.parts : [])));
    for (const p of FABE_PARTS) expect(parts).toContain(p);
    const methods = new Set(moves.flatMap((m) => (m.kind === "awareness" ? [m.method] : [])));
    expect(methods.size).toBeGreaterThanOrEqual(Math.min(3, AWARENESS_METHODS.length));
    const actions = new Set(moves.flatMap((m) => (m.kind === "relationship" ? [m.action] : [])));
    expect(actions).toContain("bring-colleague");
    expect(actions).toContain("gift");
    const tactics = new Set(moves.flatMap((m) => (m.kind === "tactic" ? [m.tactic] : [])));
    expect(tactics.size).toBeGreaterThanOrEqual(2);
  });

  it("has hidden needs, meetings, notes, competitors acting from a script, resources and a compliance policy", () => {
    expect(Object.values(starter.cast).filter((c) => Object.keys(c.needs ?? {}).length > 0).length).toBeGreaterThanOrEqual(3);
    expect(Object.keys(starter.meetings ?? {}).length).toBeGreaterThanOrEqual(3);
    expect(Object.keys(starter.notes ?? {}).length).toBeGreaterThan(0);
    expect(starter.competitorScript?.length).toBeGreaterThan(0);
    expect(starter.resources).toBeDefined();
    expect(starter.policy).toBeDefined();
  });

  it("lets players reach every node and every ending", () => {
    expect(Object.keys(starter.nodes).filter((n) => !visited.has(n))).toEqual([]);
    expect(Object.keys(starter.endings).filter((e) => !endings.has(e))).toEqual([]);
  });

  it("lets players make explicit needs, land benefits, bring colleagues, meet competitor moves, and finish all five shortlist tasks", () => {
    const types = new Set(events.map((e) => e.type));
    for (const t of ["need", "level", "pair", "competitor", "note", "forgot", "meeting-end", "task", "gate"]) expect(types, t).toContain(t);
    expect(events.some((e) => e.type === "need" && e.to === "explicit")).toBe(true);
    const done = new Set(events.flatMap((e) => (e.type === "task" && e.status === "done" ? [e.task] : [])));
    expect([...done].sort()).toEqual(["choose-opponents", "get-shortlisted", "guide-client", "set-rules", "value-demonstration"]);
    expect(chosen.some((c) => c.move.kind === "research")).toBe(true);
  });

  it("explains every scored event in both languages", () => {
    const scored = events.filter((e): e is Extract<RunEvent, { type: "score" }> => e.type === "score");
    expect(scored.length).toBeGreaterThan(100);
    for (const e of scored) {
      const explain = explainScore(e);
      expect(explain["zh-CN"]?.trim(), JSON.stringify(e)).toBeTruthy();
      expect(explain.en?.trim(), JSON.stringify(e)).toBeTruthy();
      expect(explain["zh-CN"]).not.toBe(e.principle);
    }
  });
});
