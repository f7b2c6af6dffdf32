import { describe, expect, it } from "vitest";
import { startAt } from "../../src/studio/harness.ts";
import { parsePlayRequest, STUDIO_PROTOCOL } from "../../src/content/studio-protocol.ts";
import { checkScenarioText, createRunner, evaluate, loadScenario, validateScenario } from "../../src/engine/index.ts";
import { miniData } from "./helpers.ts";

function withNotesAndResearch() {
  const d = miniData();
  d.notes = { downtime: { "zh-CN": "停机太多", en: "Too much downtime" } };
  d.research = { "annual-report": { "zh-CN": "年报说要扩产", en: "The annual report plans more capacity" } };
  return d;
}

describe("play from here sets colleagues, notes and researched facts", () => {
  it("starts with the colleagues paired, the notes in the notebook and the facts known", () => {
    const doc = startAt(withNotesAndResearch(), { node: "middle", pairs: ["service", "rnd"], notes: ["downtime"], research: ["annual-report"] });
    expect(validateScenario(doc).problems).toEqual([]); // what the game checks before it plays a studio file
    const r = createRunner(loadScenario(doc), "x");
    expect(r.state.node).toBe("middle");
    const a = r.state.account;
    expect([...a.pairs].sort()).toEqual(["rnd", "service"]);
    expect(a.notebook).toContain("downtime");
    expect(a.researched).toEqual(["annual-report"]);
    // Conditions read them as the game does.
    const ctx = { scenario: r.scenario, account: a, varValue: () => undefined, stageOrder: () => 0, currentStageOrder: () => 0, visited: () => false, hasChosen: () => false, last: null };
    expect(evaluate({ researched: "annual-report" }, ctx as never)).toBe(true);
    expect(evaluate({ noted: "downtime" }, ctx as never)).toBe(true);
  });

  it("leaves them unset when not asked for, and a research effect naming no fact is refused with its path", () => {
    const r = createRunner(loadScenario(startAt(withNotesAndResearch(), { node: "middle" })), "x");
    expect(r.state.account.researched).toEqual([]);
    expect(r.state.account.pairs).toEqual([]);
    const bad = withNotesAndResearch();
    bad.nodes.hello.options[0].effects.push({ research: "nope" });
    expect(checkScenarioText(JSON.stringify(bad)).problems.map((p) => p.path)).toContain("$.nodes.hello.options[0].effects[2].research");
  });

  it("carries the request to take the keyboard focus, and nothing else by that name", () => {
    const base = { protocol: STUDIO_PROTOCOL, kind: "play", text: "{}", seed: "s", decisions: [] };
    expect(parsePlayRequest({ ...base, focus: true })?.focus).toBe(true);
    expect(parsePlayRequest({ ...base, focus: "yes" })?.focus).toBeUndefined();
    expect(parsePlayRequest(base)?.focus).toBeUndefined();
  });
});
