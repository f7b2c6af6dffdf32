import { describe, expect, it } from "vitest";
import { buildGraph } from "../../src/studio/graph.ts";
import { checkScenarioText } from "../../src/engine/index.ts";
import { miniData } from "./helpers.ts";

describe("the studio map follows the jumps the engine takes", () => {
  it("does not reach an ending through a goto that a later goto always replaces, as the checker says", () => {
    const d = miniData();
    // hello's "ask-problem" now jumps twice: to lose, then to win; the last jump wins.
    d.nodes.hello.options[0].effects.push({ goto: "lose" }, { goto: "win" });
    d.nodes.middle.options[0].effects = [{ goto: "win" }]; // nothing else leads to lose
    const g = buildGraph(d);
    expect(g.nodes.find((n) => n.id === "lose")!.reachable).toBe(false);
    expect(g.nodes.find((n) => n.key === "ending:lost")!.reachable).toBe(true); // still reached by "push"
    // The written jump is drawn, marked lost; so is the option's own next, which the goto replaces.
    expect(g.edges).toContainEqual(expect.objectContaining({ from: "hello", to: "lose", lost: true }));
    expect(g.edges).toContainEqual(expect.objectContaining({ from: "hello", to: "middle", via: "option", lost: true }));
    expect(g.edges).toContainEqual(expect.objectContaining({ from: "hello", to: "win", via: "goto" }));
    expect(g.edges.find((e) => e.from === "hello" && e.to === "win")!.lost).toBeUndefined();
    // The checker agrees that lose is out of reach.
    const problems = checkScenarioText(JSON.stringify(d)).problems;
    expect(problems.some((p) => p.path === "$.nodes.lose")).toBe(true);
  });

  it("skips a node's lines and options when its entry always jumps away", () => {
    const d = miniData();
    d.nodes.middle.onEnter = [{ stage: "tender" }, { goto: "win" }];
    const g = buildGraph(d);
    expect(g.nodes.find((n) => n.id === "lose")!.reachable).toBe(false);
    expect(g.edges.filter((e) => e.from === "middle" && e.lost).map((e) => e.to)).toContain("win"); // the option "safe"'s own next
  });

  it("follows a jump that wins only on some paths", () => {
    const d = miniData();
    d.nodes.hello.options[0].effects.push({ if: { var: "trust", op: ">=", value: 9 }, then: [{ goto: "lose" }] });
    d.nodes.middle.options[0].effects = [{ goto: "win" }];
    expect(buildGraph(d).nodes.find((n) => n.id === "lose")!.reachable).toBe(true);
  });

  it("labels nodes, endings and stages by their title in the studio's language", () => {
    const d = miniData();
    d.nodes.hello.title = { "zh-CN": "初次拜访", en: "First visit" };
    d.stages[0].title = { "zh-CN": "入围", en: "Shortlist" };
    const zh = buildGraph(d, "zh-CN");
    const en = buildGraph(d, "en");
    expect(zh.nodes.find((n) => n.id === "hello")!.label).toBe("初次拜访");
    expect(en.nodes.find((n) => n.id === "hello")!.label).toBe("First visit");
    expect(en.nodes.find((n) => n.id === "middle")!.label).toBe("Too much downtime."); // no title: its first line
    expect(en.nodes.find((n) => n.key === "ending:won")!.label).toBe("Won");
    expect(en.stageTitles).toEqual({ entry: "Shortlist" });
    d.meetings = { first: { title: { "zh-CN": "第一次拜访", en: "First visit" } } };
    expect(buildGraph(d, "zh-CN").meetingTitles).toEqual({ first: "第一次拜访" });
  });
});
