import { describe, expect, it } from "vitest";
import { createRunner, loadScenario, restoreRun, saveRun, SaveError } from "../../src/engine/index.ts";
import { mini, miniData, playThrough } from "./helpers.ts";

const first = (r: { options: readonly { id: string }[] }) => r.options[0]!.id;

describe("saves", () => {
  it("resumes a run mid-way exactly where it stood, through JSON", () => {
    const s = mini();
    const r = createRunner(s, 11);
    r.advance();
    r.choose("ask-problem");
    const json = JSON.stringify(saveRun(r));
    const back = restoreRun(s, JSON.parse(json));
    expect(back.status).toBe("awaiting-choice");
    expect(back.options.map((o) => o.id)).toEqual(r.options.map((o) => o.id));
    expect(back.state).toEqual(r.state);
  });

  it("gives the same ending after a restore as without one, random branches included", () => {
    for (let seed = 0; seed < 20; seed++) {
      const s = mini();
      const straight = createRunner(s, seed);
      straight.advance();
      straight.choose("ask-problem");
      const restored = restoreRun(s, JSON.parse(JSON.stringify(saveRun(straight))));
      for (const run of [straight, restored]) {
        run.choose("gamble");
        playThrough(run, first);
      }
      expect(restored.state).toEqual(straight.state);
    }
  });

  it("replays the recorded choices when the scenario got a new version", () => {
    const r = createRunner(mini(), 5);
    r.advance();
    r.choose("ask-problem");
    const snap = saveRun(r);
    const d = miniData();
    d.meta.version = "1.1.0";
    d.nodes.middle.lines.unshift({ speaker: "narrator", text: { "zh-CN": "新台词。", en: "A new line." } });
    const back = restoreRun(loadScenario(d), snap);
    expect(back.state.chosen).toEqual(["hello/ask-problem"]);
    expect(back.state.node).toBe("middle");
    expect(back.state.vars.trust).toBe(4);
  });

  it("says which choice no longer fits when a new version removed it", () => {
    const r = createRunner(mini(), 5);
    r.advance();
    r.choose("ask-problem");
    const d = miniData();
    d.meta.version = "2.0.0";
    d.nodes.hello.options.splice(0, 1);
    delete d.nodes.hello.options[0].effects[0].score.better;
    expect(() => restoreRun(loadScenario(d), saveRun(r))).toThrow(/\$\.inputs\[\d+\]: option "ask-problem" is not offered/);
  });

  it.each([
    ["not an object", "garbage", /\$: a saved run is a JSON object/],
    ["a save of another kind", { format: "other" }, /\$\.format/],
    ["a newer save version", { format: "dealcraft-run", version: 99 }, /\$\.version: save version 99/],
    ["a broken state", { format: "dealcraft-run", version: 1, scenario: { id: "mini", version: "1.0.0" }, seed: 1, state: { node: 3 } }, /\$\.state\.node/],
  ])("rejects %s with a message that names the path", (_what, snap, message) => {
    expect(() => restoreRun(mini(), snap)).toThrow(SaveError);
    expect(() => restoreRun(mini(), snap)).toThrow(message);
  });

  it("refuses a save of another scenario", () => {
    const snap = saveRun(createRunner(mini(), 1));
    snap.scenario.id = "other";
    expect(() => restoreRun(mini(), snap)).toThrow(/\$\.scenario\.id: the save is for "other"/);
  });
});
