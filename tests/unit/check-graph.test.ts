/**
 * Graphs that can never end must not pass the checker: it proves every reachable node can
 * reach an ending and names each one that cannot. Each case here passed before.
 */
import { describe, expect, it } from "vitest";
import { checkScenarioText, createRunner, loadScenario, MAX_REDIRECTS as MAX_REDIRECT_CHAIN, type Problem } from "../../src/engine/index.ts";
import { line, option, scenario, type Loose } from "./scenario-builder.ts";

const problemsOf = (d: Loose): Problem[] => checkScenarioText(JSON.stringify(d)).problems;
const at = (d: Loose, path: string) => problemsOf(d).filter((p) => p.path === path);
/** The graph's own problems: these fixtures loop an option back to its node on purpose, which the teaching lint notes. */
const graphProblemsOf = (d: Loose): Problem[] => problemsOf(d).filter((p) => !p.message.startsWith("offered again right after"));
const cannotEnd = /no ending can be reached/;

describe("every reachable node can reach an ending", () => {
  it("a node whose only option loops to itself", () => {
    const d = scenario({
      start: { lines: [line("buyer")], options: [option("go", "loop"), option("win", "done")] },
      loop: { lines: [line("buyer", "Again?")], options: [option("again", "loop")] },
      done: { lines: [line("narrator")], ending: "won" },
    });
    expect(at(d, "$.nodes.loop").map((p) => p.message)).toEqual([expect.stringMatching(cannotEnd)]);
    expect(at(d, "$.nodes.start")).toEqual([]);
  });

  it("nodes that `next` each other", () => {
    const d = scenario({
      start: { lines: [line("buyer")], options: [option("go", "a"), option("win", "done")] },
      a: { lines: [line("buyer")], next: "b" },
      b: { lines: [line("buyer")], next: "a" },
      done: { lines: [line("narrator")], ending: "won" },
    });
    expect(at(d, "$.nodes.a")[0]?.message).toMatch(cannotEnd);
    expect(at(d, "$.nodes.b")[0]?.message).toMatch(cannotEnd);
  });

  it("onEnter gotos that bounce between two nodes", () => {
    const d = scenario({
      start: { lines: [line("buyer")], options: [option("go", "a"), option("win", "done")] },
      a: { lines: [line("buyer")], onEnter: [{ goto: "b" }], options: [option("out", "done")] },
      b: { lines: [line("buyer")], onEnter: [{ goto: "a" }], options: [option("out", "done")] },
      done: { lines: [line("narrator")], ending: "won" },
    });
    expect(at(d, "$.nodes.a")[0]?.message).toMatch(cannotEnd);
    expect(at(d, "$.nodes.b")[0]?.message).toMatch(cannotEnd);
    // The engine agrees: entering a bounces until it gives up.
    const r = createRunner(loadScenario(JSON.parse(JSON.stringify({ ...d, start: "a" }))), 1);
    expect(r.status).toBe("stuck");
  });

  it("treats conditions as satisfiable: a loop with a conditional way out passes", () => {
    const d = scenario(
      {
        start: {
          lines: [line("buyer")],
          options: [option("again", "start", { effects: [{ add: "tries", value: 1 }] }), option("win", "done", { condition: { var: "tries", op: ">=", value: 2 } })],
        },
        done: { lines: [line("narrator")], ending: "won" },
      },
      { variables: { tries: { initial: 0 } } },
    );
    expect(graphProblemsOf(d)).toEqual([]);
  });

  it("counts an end effect inside if/random as a way to an ending", () => {
    const d = scenario({
      start: { lines: [line("buyer")], options: [option("go", "start", { effects: [{ random: [{ weight: 1, effects: [] }, { weight: 1, effects: [{ end: "won" }] }] }] })] },
    });
    expect(graphProblemsOf(d)).toEqual([]);
  });

  it(`bounds redirect chains: more than ${MAX_REDIRECT_CHAIN} onEnter gotos in a row`, () => {
    const n = MAX_REDIRECT_CHAIN + 2;
    const nodes: Loose = { start: { lines: [line("buyer")], options: [option("go", "r0")] }, done: { lines: [line("narrator")], ending: "won" } };
    for (let i = 0; i < n; i++) nodes[`r${i}`] = { lines: [line("buyer")], onEnter: [{ goto: i + 1 < n ? `r${i + 1}` : "done" }], next: "done" };
    const d = scenario(nodes);
    expect(at(d, "$.nodes.r0").map((p) => p.message)).toEqual([expect.stringMatching(/redirects/)]);
    // A chain within the limit is fine.
    const short: Loose = { start: { lines: [line("buyer")], options: [option("go", "r0")] }, done: { lines: [line("narrator")], ending: "won" } };
    for (let i = 0; i < 10; i++) short[`r${i}`] = { lines: [line("buyer")], onEnter: [{ goto: i + 1 < 10 ? `r${i + 1}` : "done" }], next: "done" };
    expect(problemsOf(scenario(short))).toEqual([]);
  });

  it("a node whose every option costs more than the starting weeks or budget", () => {
    const d = scenario(
      {
        start: {
          lines: [line("buyer")],
          options: [
            option("visit", "done", { move: { kind: "awareness", method: "solution-test" }, cost: { weeks: 1 } }),
            option("care", "done", { move: { kind: "relationship", action: "personal-care" }, cost: { budget: 3 } }),
          ],
        },
        done: { lines: [line("narrator")], ending: "won" },
      },
      { resources: { weeks: 2, budget: 3 } },
    );
    // solution-test takes 2 weeks of the engine's own cost + 1 = 3 > 2; personal care costs 1 + 3 = 4 > 3.
    expect(at(d, "$.nodes.start.options").map((p) => p.message)).toEqual([expect.stringMatching(/costs more than/)]);
    // With more money personal care is affordable and the file passes.
    d.resources.budget = 4;
    expect(problemsOf(d)).toEqual([]);
  });

  it("the bundled scenarios pass the new graph checks", async () => {
    const { readFileSync } = await import("node:fs");
    for (const f of ["scenarios/first-meetings.json", "scenarios/ice-to-eskimos.json"]) {
      // Teaching-lint warnings (severity "warning") are advice, not graph problems.
      expect(checkScenarioText(readFileSync(f, "utf8")).problems.filter((p) => p.severity !== "warning")).toEqual([]);
    }
  });
});

describe("stage gates", () => {
  const staged = (gates: Array<unknown>) =>
    scenario(undefined, { stages: gates.map((gate, i) => ({ id: `st${i}`, pipeline: ["awareness", "shortlist", "bid"][i], ...(gate ? { gate } : {}) })) });

  it("a gate that tests itself is refused by the loader (evaluating it would recurse forever)", () => {
    const d = staged([undefined, { gate: "st1" }]);
    expect(at(d, "$.stages[1].gate").map((p) => p.message)).toEqual([expect.stringMatching(/depends on itself \(st1 → st1\)/)]);
    expect(() => loadScenario(d)).toThrow(/depends on itself/);
  });

  it("gates that test each other in a ring are refused", () => {
    const d = staged([{ not: { gate: "st2" } }, undefined, { any: [{ gate: "st0" }, { visited: "start" }] }]);
    const paths = problemsOf(d).map((p) => p.path);
    expect(paths).toContain("$.stages[0].gate");
    expect(paths).toContain("$.stages[2].gate");
  });

  it("a gate that tests an earlier stage's gate is fine", () => {
    expect(problemsOf(staged([{ visited: "start" }, { gate: "st0" }]))).toEqual([]);
  });
});
