/**
 * A list of effects that jumps twice (issue 22): effects run in order, a later goto or end
 * replaces an earlier goto, and nothing runs after an end. The checker names the jump that
 * cannot win with its JSON path, and reachability follows only the jumps that can.
 */
import { describe, expect, it } from "vitest";
import { checkScenarioText, createRunner, loadScenario, type Problem } from "../../src/engine/index.ts";
import { isError } from "../../src/engine/problems.ts";
import { line, option, scenario, text, type Loose } from "./scenario-builder.ts";

const problemsOf = (d: Loose): Problem[] => checkScenarioText(JSON.stringify(d)).problems;
const at = (d: Loose, path: string) => problemsOf(d).filter((p) => p.path === path);

/** Start enters `hub`, whose onEnter is `onEnter`; `secret` leads to the ending "jackpot", `plain` to "won". */
function twoJumps(onEnter: Loose[]): Loose {
  return scenario(
    {
      start: { lines: [line("buyer")], options: [option("go", "hub")] },
      hub: { lines: [line("buyer", "Hub.")], onEnter, options: [option("stay", "plain")] },
      secret: { lines: [line("narrator", "Secret.")], ending: "jackpot" },
      plain: { lines: [line("narrator", "Plain.")], ending: "won" },
    },
    { endings: { won: { outcome: "won", title: text("Won"), summary: text("You won.") }, jackpot: { outcome: "won", title: text("Jackpot"), summary: text("Big.") } } },
  );
}

describe("a node whose entry effects jump twice", () => {
  it("two gotos in a row: the first is an error at its path, and its target and ending are not called reachable", () => {
    const d = twoJumps([{ goto: "secret" }, { goto: "plain" }]);
    const first = at(d, "$.nodes.hub.onEnter[0]");
    expect(first).toHaveLength(1);
    expect(isError(first[0]!)).toBe(true);
    expect(first[0]!.message).toMatch(/never takes effect.*last jump wins/);
    expect(at(d, "$.nodes.hub.onEnter[1]")).toEqual([]);
    // The engine agrees: the last goto wins, the secret node is never entered.
    const r = createRunner(loadScenario(d), "seed");
    while (r.status === "line") r.advance();
    r.choose("go");
    for (let i = 0; i < 10 && (r.status as string) === "line"; i++) r.advance();
    expect(r.state.visits.secret).toBeUndefined();
    // So the checker calls "secret" unreachable instead of a way to the jackpot.
    expect(at(d, "$.nodes.secret").some((p) => isError(p) && /unreachable/.test(p.message))).toBe(true);
  });

  it("a goto inside an if, then an unconditional goto: the one in the branch never wins", () => {
    const d = twoJumps([{ if: { visited: "start" }, then: [{ goto: "secret" }] }, { goto: "plain" }]);
    expect(at(d, "$.nodes.hub.onEnter[0].then[0]")[0]?.message).toMatch(/never takes effect/);
    expect(at(d, "$.nodes.secret")[0]?.message).toMatch(/unreachable/);
  });

  it("a goto then a conditional goto: a clear warning, and both targets stay reachable", () => {
    const d = twoJumps([{ goto: "secret" }, { if: { visited: "start" }, then: [{ goto: "plain" }] }]);
    const warned = at(d, "$.nodes.hub.onEnter[0]");
    expect(warned).toHaveLength(1);
    expect(warned[0]!.severity).toBe("warning");
    expect(warned[0]!.message).toMatch(/jump twice/);
    expect(at(d, "$.nodes.secret").filter(isError)).toEqual([]);
  });

  it("an end before a goto: the goto never runs, and an ending only after a second end is not used", () => {
    const d = twoJumps([{ end: "won" }, { goto: "secret" }, { end: "jackpot" }]);
    expect(at(d, "$.nodes.hub.onEnter[1]")[0]?.message).toMatch(/never runs: an "end" earlier/);
    expect(at(d, "$.nodes.hub.onEnter[2]")[0]?.message).toMatch(/never runs/);
    // "jackpot" is left with only the secret node, which nothing reaches.
    expect(at(d, "$.nodes.secret")[0]?.message).toMatch(/unreachable/);
  });

  it("alternatives in an if's branches are one jump each: no problem", () => {
    const d = twoJumps([{ if: { visited: "start" }, then: [{ goto: "secret" }], else: [{ goto: "plain" }] }]);
    expect(problemsOf(d).filter((p) => p.path.startsWith("$.nodes.hub") || isError(p))).toEqual([]);
  });

  it("an option's effects are checked the same way", () => {
    const d = scenario({
      start: { lines: [line("buyer")], options: [option("go", undefined, { effects: [{ goto: "done" }, { end: "won" }] })] },
      done: { lines: [line("narrator")], ending: "won" },
    });
    expect(at(d, "$.nodes.start.options[0].effects[0]")[0]?.message).toMatch(/never takes effect/);
  });

  it("an onEnter that always jumps: the node's own options are no way on", () => {
    const d = scenario({
      start: { lines: [line("buyer")], onEnter: [{ goto: "done" }], options: [option("skip", "hidden")] },
      hidden: { lines: [line("narrator")], ending: "won" },
      done: { lines: [line("narrator")], ending: "won" },
    });
    expect(at(d, "$.nodes.hidden")[0]?.message).toMatch(/unreachable/);
  });
});
