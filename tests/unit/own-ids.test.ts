/**
 * Ids are only names: `constructor` (the one inherited name an id may spell) must find the
 * author's entry or nothing, never Object.prototype. Before the fix such files passed the
 * checker when they referred to things never declared, and playing one wrote NaN onto the
 * global Object.
 */
import { describe, expect, it } from "vitest";
import { checkScenarioText, createRunner, loadScenario, scoreSheet } from "../../src/engine/index.ts";
import { freezeScenarioData } from "../../src/engine/freeze.ts";
import { line, option, scenario, text, type Loose } from "./scenario-builder.ts";

const ID = "constructor";

/** Every kind of id in one file spelled `constructor`. */
function inheritedNames(): Loose {
  return scenario(
    {
      [ID]: {
        meeting: ID,
        notes: [ID],
        lines: [line(ID, "Hello."), line("rep", "Hi.")],
        onEnter: [{ add: ID, value: 1 }],
        options: [
          option("ask", "close", {
            to: ID,
            move: { kind: "spin", type: "problem", need: ID },
            effects: [{ meter: { who: ID, trust: 2 } }, { need: { who: ID, need: ID, to: "surfaced" } }, { note: ID }],
          }),
          option("study", "close", { move: { kind: "research", fact: ID }, condition: { researched: ID } }),
          option("screen", "close", { move: { kind: "screen", competitor: ID }, condition: { var: ID, op: ">=", value: 5 } }),
        ],
      },
      close: {
        meeting: ID,
        lines: [line(ID, "Well then.")],
        options: [option("finish", undefined, { to: ID, effects: [{ if: { visited: ID }, then: [{ end: ID }], else: [{ end: ID }] }] })],
      },
    },
    {
      start: ID,
      cast: {
        [ID]: {
          name: text("Wang"),
          title: text("Buyer"),
          department: "procurement",
          decisionRole: "decider",
          needs: { [ID]: { implied: text("downtime"), explicit: text("less downtime") } },
        },
      },
      variables: { [ID]: { initial: 0, min: 0, max: 10 } },
      meetings: { [ID]: { title: text("First meeting") } },
      notes: { [ID]: text("They hate downtime.") },
      research: { [ID]: text("A fact.") },
      competitors: { [ID]: { name: text("Rival"), position: "incumbent", strength: 5 } },
      competitorScript: [{ at: ID, competitor: ID, moves: [{ weight: 1, action: "relationship", target: ID, power: 2, news: text("The rival called.") }] }],
      endings: { [ID]: { outcome: "won", title: text("Won"), summary: text("You won.") } },
    },
  );
}

function snapshotOfGlobals() {
  return {
    objectProto: Object.getOwnPropertyNames(Object.prototype).sort(),
    objectStatics: Object.getOwnPropertyNames(Object).sort(),
    arrayProto: Object.getOwnPropertyNames(Array.prototype).sort(),
    functionProto: Object.getOwnPropertyNames(Function.prototype).sort(),
  };
}

describe("inherited names as ids", () => {
  it("a scenario using `constructor` for every kind of id loads, checks clean and plays to its ending with a finite score", () => {
    const before = snapshotOfGlobals();
    const json = JSON.stringify(inheritedNames());
    expect(checkScenarioText(json).problems).toEqual([]);
    const s = loadScenario(JSON.parse(json));
    for (const table of [s.cast, s.nodes, s.endings, s.meetings, s.notes, s.research, s.competitors, s.variables, s.cast[ID]!.needs]) {
      expect(Object.getPrototypeOf(table)).toBeNull();
    }
    const r = createRunner(s, 7);
    for (let i = 0; i < 50 && r.status !== "ended" && r.status !== "stuck"; i++) {
      if (r.status === "line") r.advance();
      else r.choose(r.options[0]!.id);
    }
    expect(r.status).toBe("ended");
    expect(r.state.ending).toBe(ID);
    const sheet = scoreSheet(r.state.points);
    expect(Number.isFinite(sheet.total)).toBe(true);
    for (const v of Object.values(sheet.competencies)) expect(Number.isFinite(v)).toBe(true);
    expect(r.state.account.stakeholders[ID]!.trust).toBeGreaterThan(1);
    expect(snapshotOfGlobals()).toEqual(before);
    expect(({} as Loose).trust).toBeUndefined();
    expect((Object as unknown as Loose).trust).toBeUndefined();
  });

  it("a scenario that crossed from the catalogue worker (structured clone) is made prototype-free again", () => {
    const crossed = structuredClone(loadScenario(inheritedNames()));
    expect(Object.getPrototypeOf(crossed.nodes)).toBe(Object.prototype); // what postMessage hands over
    const s = freezeScenarioData(crossed);
    for (const table of [s.cast, s.nodes, s.endings, s.meetings, s.notes, s.research, s.competitors, s.variables, s.cast[ID]!.needs]) {
      expect(Object.getPrototypeOf(table)).toBeNull();
    }
    expect(Object.isFrozen(s.nodes[ID])).toBe(true);
  });

  // Each reference spelled `constructor` without declaring it must be caught with its path.
  const undeclared: Array<[string, (d: Loose) => void, string]> = [
    ["a speaker", (d) => (d.nodes.start.lines[0].speaker = ID), "$.nodes.start.lines[0].speaker"],
    ["an option's target", (d) => (d.nodes.start.options[0].to = ID), "$.nodes.start.options[0].to"],
    ["a node's ending", (d) => (d.nodes.done.ending = ID), "$.nodes.done.ending"],
    ["an end effect", (d) => (d.nodes.start.options[0].effects = [{ end: ID }]), "$.nodes.start.options[0].effects[0].end"],
    ["a next node", (d) => (d.nodes.start.options[0].next = ID), "$.nodes.start.options[0].next"],
    ["the start node", (d) => (d.start = ID), "$.start"],
    ["a need", (d) => Object.assign(d.nodes.start.options[0], { to: "buyer", move: { kind: "spin", type: "problem", need: ID } }), "$.nodes.start.options[0].move.need"],
    ["a variable", (d) => (d.nodes.start.options[0].effects = [{ add: ID, value: 1 }]), "$.nodes.start.options[0].effects[0].add"],
    ["a meeting", (d) => (d.nodes.start.meeting = ID), "$.nodes.start.meeting"],
    ["a note", (d) => (d.nodes.start.notes = [ID]), "$.nodes.start.notes[0]"],
    ["a research fact", (d) => (d.nodes.start.options[0].condition = { researched: ID }), "$.nodes.start.options[0].condition.researched"],
    ["a competitor", (d) => (d.nodes.start.options[0].move = { kind: "screen", competitor: ID }), "$.nodes.start.options[0].move.competitor"],
    ["a meter's stakeholder", (d) => (d.nodes.start.options[0].effects = [{ meter: { who: ID, trust: 1 } }]), "$.nodes.start.options[0].effects[0].meter.who"],
    ["the disqualification ending", (d) => (d.policy = { giftCap: 1, riskLimit: 5, disqualifiedEnding: ID }), "$.policy.disqualifiedEnding"],
  ];
  it.each(undeclared)("`constructor` as %s that was never declared is reported at its path", (_what, bend, path) => {
    const d = scenario();
    bend(d);
    const paths = checkScenarioText(JSON.stringify(d)).problems.map((p) => p.path);
    expect(paths).toContain(path);
  });

  it("other inherited names (toString, hasOwnProperty, __proto__) are refused as ids with their path, never looked up", () => {
    for (const name of ["toString", "hasOwnProperty", "__proto__", "valueOf"]) {
      const d = scenario();
      d.nodes.start.lines[0].speaker = name;
      d.nodes.done.ending = name;
      const paths = checkScenarioText(JSON.stringify(d)).problems.map((p) => p.path);
      expect(paths).toContain("$.nodes.start.lines[0].speaker");
      expect(paths).toContain("$.nodes.done.ending");
    }
  });
});
