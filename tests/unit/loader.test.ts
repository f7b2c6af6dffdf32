import { describe, expect, it } from "vitest";
import { loadScenario, ScenarioError, validateScenario } from "../../src/engine/index.ts";
import { mini, miniData } from "./helpers.ts";

function problemsOf(json: unknown): string[] {
  return validateScenario(json).problems.map((p) => `${p.path}: ${p.message}`);
}

describe("loadScenario", () => {
  it("returns a deeply frozen scenario that a host cannot change by accident", () => {
    const s = mini();
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.nodes.hello!.options![0]!.effects)).toBe(true);
    expect(() => {
      (s.meta as { id: string }).id = "x";
    }).toThrow();
  });

  it("lists every problem with its JSON path, not only the first", () => {
    const d = miniData();
    delete d.meta.title;
    d.cast.buyer.department = "marketing";
    d.nodes.hello.options[0].move = { kind: "spin", type: "rhetorical" };
    let err: unknown;
    try {
      loadScenario(d, "bad.json");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ScenarioError);
    const lines = (err as ScenarioError).problems.map((p) => p.path);
    expect(lines).toEqual(
      expect.arrayContaining(["$.meta.title", "$.cast.buyer.department", "$.nodes.hello.options[0].move.type"]),
    );
    expect((err as Error).message).toContain("bad.json has 3 problem(s)");
  });

  it("points inside a nested condition instead of saying 'invalid input'", () => {
    const d = miniData();
    d.nodes.middle.options[1].condition = { all: [{ var: "trust", op: "=", value: 4 }] };
    expect(problemsOf(d)).toEqual([expect.stringMatching(/^\$\.nodes\.middle\.options\[1\]\.condition\.all\[0\]\.op: /)]);
  });

  it("names the known forms when an effect has an unknown key", () => {
    const d = miniData();
    d.nodes.hello.options[0].effects.push({ sett: "trust", value: 1 });
    const [p] = problemsOf(d);
    expect(p).toMatch(/^\$\.nodes\.hello\.options\[0\]\.effects\[2\]: not a known form; .*set, add, goto/);
  });

  it("reports references to missing nodes, stages, variables, cast and endings", () => {
    const d = miniData();
    d.start = "nowhere";
    d.nodes.hello.options[0].next = "middel";
    d.nodes.hello.options[0].to = "cfo";
    d.nodes.middle.onEnter = [{ stage: "negotiation" }];
    d.nodes.middle.options[1].effects = [{ set: "budget", value: 3 }];
    d.nodes.win.ending = "victory";
    d.nodes.lose.lines[0].speaker = "boss";
    expect(problemsOf(d)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\$\.start: no node "nowhere"/),
        expect.stringMatching(/^\$\.nodes\.hello\.options\[0\]\.next: no node "middel"/),
        expect.stringMatching(/^\$\.nodes\.hello\.options\[0\]\.to: no cast member "cfo"/),
        expect.stringMatching(/^\$\.nodes\.middle\.onEnter\[0\]\.stage: no stage "negotiation"/),
        expect.stringMatching(/^\$\.nodes\.middle\.options\[1\]\.effects\[0\]\.set: no variable "budget"/),
        expect.stringMatching(/^\$\.nodes\.win\.ending: no ending "victory"/),
        expect.stringMatching(/^\$\.nodes\.lose\.lines\[0\]\.speaker: no cast member "boss"/),
      ]),
    );
  });

  it("rejects a variable used with the wrong type", () => {
    const d = miniData();
    d.nodes.middle.options[1].effects = [{ add: "asked-budget", value: 1 }];
    expect(problemsOf(d)).toEqual([expect.stringMatching(/effects\[0\]\.add: variable "asked-budget" holds a boolean, not a number/)]);
  });

  it("requires exactly one way on from a node", () => {
    const d = miniData();
    d.nodes.win.next = "lose";
    expect(problemsOf(d)).toEqual([expect.stringMatching(/^\$\.nodes\.win: a node needs exactly one way on/)]);
  });

  it("tells the author to update Dealcraft for a newer scenario format", () => {
    const d = miniData();
    d.formatVersion = 9;
    expect(problemsOf(d)).toEqual([expect.stringMatching(/^\$\.formatVersion: written for scenario format 9; .*Update Dealcraft/)]);
  });

  it("accepts a $schema key for editor completion", () => {
    const d = miniData();
    d.$schema = "./scenario.schema.json";
    expect(problemsOf(d)).toEqual([]);
  });
});
