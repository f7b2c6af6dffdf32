import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/engine/index.ts";
import { teachingLint } from "../../src/engine/teaching-lint.ts";
import { checkScenarioText } from "../../src/engine/check.ts";
import { miniData, readJson } from "./helpers.ts";

const lint = (data: unknown) => teachingLint(loadScenario(data));
const at = (problems: { path: string; message: string }[], path: string) => problems.filter((p) => p.path === path).map((p) => p.message);

/** A chain of `n` question nodes, each with a right and a wrong answer, the right one at file position `best`. */
function chain(n: number, best: (i: number) => number) {
  const d = miniData();
  d.formatVersion = 2;
  d.nodes = {};
  for (let i = 0; i < n; i++) {
    const good = { id: "good", text: { "zh-CN": "好", en: "good" }, move: { kind: "talk" }, effects: [{ score: { competency: "strategy", points: 5, explain: { "zh-CN": "好", en: "good" } } }], next: i + 1 < n ? `q${i + 1}` : "win" };
    const bad = { id: "bad", text: { "zh-CN": "差", en: "bad" }, move: { kind: "talk" }, effects: [{ score: { competency: "strategy", points: -5, explain: { "zh-CN": "差", en: "bad" } } }], next: i + 1 < n ? `q${i + 1}` : "win" };
    d.nodes[`q${i}`] = { lines: [{ speaker: "buyer", text: { "zh-CN": "问", en: "ask" } }], shuffle: false, options: best(i) === 0 ? [good, bad] : [bad, good] };
  }
  d.nodes.win = { lines: [{ speaker: "buyer", text: { "zh-CN": "好", en: "ok" } }], ending: "won" };
  d.nodes.lose = { lines: [{ speaker: "buyer", text: { "zh-CN": "不", en: "no" } }], ending: "lost" };
  d.nodes.q0.options[0].effects.push({ if: { var: "trust", op: ">", value: 99 }, then: [{ goto: "lose" }] });
  d.start = "q0";
  return d;
}

describe("teaching lint", () => {
  it("flags a colleague with no counterpart in the cast and a tactic that never fits where it is offered", () => {
    const problems = lint(readJson("tests/fixtures/teaching/idle-moves.json"));
    expect(at(problems, "$.nodes.hello.options[2].move.colleague")[0]).toMatch(/"rnd" pairs with technical, and no one in the cast works there/);
    expect(at(problems, "$.nodes.hello.options[3].move")[0]).toMatch(/"barrier" never fitted when it was offered: Barrier defence relies on a high switching cost/);
    expect(problems.every((p) => p.severity === "warning")).toBe(true);
  });

  it("flags a colleague who is already in the account every time the option is offered", () => {
    const d = readJson("tests/fixtures/teaching/idle-moves.json") as ReturnType<typeof miniData>;
    const bring = { id: "bring-sales", text: { "zh-CN": "请销售经理", en: "Bring the sales manager" }, move: { kind: "relationship", action: "bring-colleague", colleague: "sales-manager" }, to: "buyer", next: "middle" };
    d.nodes.hello.options = [{ ...bring, next: "again" }];
    d.nodes.again = { lines: [{ speaker: "buyer", text: { "zh-CN": "又来？", en: "Again?" } }], options: [bring] };
    const problems = lint(d);
    expect(at(problems, "$.nodes.again.options[0].move")[0]).toMatch(/"sales-manager" was already in the account every time it was offered/);
    expect(at(problems, "$.nodes.hello.options[0].move")).toEqual([]);
  });

  it("flags a choice where every option loses points, and not one with a right answer", () => {
    const d = miniData();
    expect(at(lint(d), "$.nodes.hello.options")).toEqual([]);
    d.nodes.hello.options[0].effects[1].score.points = -3;
    expect(at(lint(d), "$.nodes.hello.options")[0]).toMatch(/every option here loses points/);
  });

  it("flags the best answer always at one place where the order is fixed, and not when it moves or is shuffled", () => {
    const same = lint(chain(5, () => 0));
    expect(at(same, "$.nodes")[0]).toMatch(/the best option is number 1 at 5 of 5 choices that keep their order/);
    expect(at(lint(chain(5, (i) => i % 2)), "$.nodes")).toEqual([]);
    const shuffled = chain(5, () => 0);
    for (const n of Object.values(shuffled.nodes) as { shuffle?: boolean }[]) delete n.shuffle;
    expect(at(lint(shuffled), "$.nodes")).toEqual([]); // the game shuffles these per run
  });

  it("flags an ending no policy reaches, and a node no simulated player reaches (lines never shown)", () => {
    const d = chain(2, (i) => i % 2);
    d.nodes.q1.options[0].condition = { var: "trust", op: ">", value: 99 };
    d.nodes.q1.options[0].next = "hidden";
    d.nodes.hidden = { lines: [{ speaker: "narrator", text: { "zh-CN": "……", en: "…" } }], next: "win" };
    const problems = lint(d);
    expect(at(problems, "$.endings.lost")[0]).toMatch(/no built-in policy reached this ending/);
    expect(at(problems, "$.nodes.hidden")[0]).toMatch(/no simulated player reached this node/);
  });

  it("reports warnings through the checker without failing the file", () => {
    const { problems, data } = checkScenarioText(JSON.stringify(readJson("tests/fixtures/teaching/idle-moves.json")));
    expect(data).toBeDefined();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.severity === "warning")).toBe(true);
  });
});

describe("an option offered again right after it was taken", () => {
  const tired = (guarded: boolean) => {
    const d = miniData();
    const ask = { id: "ask-again", text: { "zh-CN": "还有几位员工？", en: "How many staff again?" }, move: { kind: "spin", type: "situation" }, to: "buyer", next: "tired", ...(guarded ? { condition: { not: { chosen: { node: "tired", option: "ask-again" } } } } : {}) };
    const leave = { id: "leave", text: { "zh-CN": "那我先告辞。", en: "I'll leave it there." }, move: { kind: "close", style: "advance" }, to: "buyer", next: Object.keys(d.nodes).find((k) => d.nodes[k].ending) };
    d.nodes.tired = { lines: [{ speaker: "buyer", text: { "zh-CN": "还有别的吗？", en: "Anything else?" } }], options: [ask, leave] };
    d.nodes[d.start].options = [{ ...leave, id: "to-tired", next: "tired" }];
    return d;
  };

  it("is a warning at the option, naming what was just taken", () => {
    const problems = lint(tired(false));
    expect(at(problems, "$.nodes.tired.options[0]").join()).toMatch(/offered again right after "tired\/ask-again" was taken/);
  });

  it("is not, once a condition keeps it from coming back", () => {
    expect(at(lint(tired(true)), "$.nodes.tired.options[0]")).toEqual([]);
  });
});
