import { describe, expect, it } from "vitest";
import { createRunner, RunnerError, loadScenario } from "../../src/engine/index.ts";
import { mini, miniData, playThrough } from "./helpers.ts";

describe("runner", () => {
  it("shows a node's lines one by one, then offers its options with their move tags", () => {
    const r = createRunner(mini(), 1);
    expect(r.status).toBe("line");
    expect(r.line).toMatchObject({ speaker: "narrator", id: "hello#0", isLast: false });
    expect(r.options).toEqual([]);
    r.advance();
    expect(r.status).toBe("awaiting-choice");
    expect(r.line).toMatchObject({ speaker: "buyer", isLast: true });
    expect(r.options.map((o) => [o.id, o.move.kind]).sort()).toEqual([
      ["ask-problem", "spin"],
      ["push", "close"],
    ]);
    expect(r.options.find((o) => o.id === "ask-problem")!.to).toBe("buyer");
  });

  it("shuffles the options per run from the seed: same seed same order, and no position is always first", () => {
    const order = (seed: number) => {
      const r = createRunner(mini(), seed);
      r.advance();
      return r.options.map((o) => o.id).join(",");
    };
    expect(order(7)).toBe(order(7));
    const firsts = new Set(Array.from({ length: 40 }, (_, i) => order(i).split(",")[0]));
    expect(firsts.size).toBe(2);
  });

  it("hides an option until its condition holds", () => {
    const d = miniData();
    d.nodes.hello.options[0].effects[0].value = 2; // trust 2 < 4
    const r = createRunner(loadScenario(d), 1);
    r.advance();
    r.choose("ask-problem");
    expect(r.options.map((o) => o.id)).toEqual(["gamble"]);
  });

  it("clamps number variables to their declared range and logs each change", () => {
    const d = miniData();
    d.nodes.hello.options[0].effects[0].value = 50;
    const r = createRunner(loadScenario(d), 1);
    r.advance();
    r.choose("ask-problem");
    expect(r.state.vars.trust).toBe(10);
    expect(r.state.log).toContainEqual({ type: "var", turn: 1, name: "trust", from: 0, to: 10 });
  });

  it("records every decision, score, stage change and the ending in the event log", () => {
    const r = createRunner(mini(), 3);
    r.advance();
    r.choose("ask-problem");
    r.choose("safe");
    r.advance();
    const types = r.state.log.map((e) => e.type).filter((t) => t !== "task" && t !== "score");
    expect(types).toEqual(["enter", "choice", "var", "enter", "stage", "choice", "var", "enter", "ended"]);
    const score = r.state.log.find((e) => e.type === "score");
    expect(score).toMatchObject({ competency: "questioning", points: 10, principle: "spin.problem", option: "ask-problem", node: "hello" });
    expect(r.state.log.filter((e) => e.type === "task").map((e) => (e as { status: string }).status)).toEqual(["done"]); // the mini scenario offers no move for the other four tasks: not tracked, not failed
    expect(r.state.log.at(-1)).toMatchObject({ type: "ended", ending: "won", outcome: "won", turn: 2 });
  });

  it("gives the same outcome for the same seed and choices, always", () => {
    const outcome = (seed: number) => {
      const r = createRunner(mini(), seed);
      r.advance();
      r.choose("ask-problem");
      r.choose("gamble");
      playThrough(r, (x) => x.options[0]!.id);
      return JSON.stringify(r.state);
    };
    for (const seed of [1, 2, 3, 42, 1000]) expect(outcome(seed)).toBe(outcome(seed));
  });

  it("lets the seed decide a random branch, and different seeds reach both branches", () => {
    const endings = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const r = createRunner(mini(), seed);
      r.advance();
      r.choose("ask-problem");
      r.choose("gamble");
      playThrough(r, (x) => x.options[0]!.id);
      endings.add(r.state.ending!);
    }
    expect([...endings].sort()).toEqual(["lost", "won"]);
  });

  it("accepts text seeds such as a room code", () => {
    const a = createRunner(mini(), "ROOM-42");
    const b = createRunner(mini(), "ROOM-42");
    expect(a.state.rng).toBe(b.state.rng);
    expect(createRunner(mini(), "ROOM-43").state.rng).not.toBe(a.state.rng);
  });

  it("refuses an option that is not on offer and keeps the run intact", () => {
    const r = createRunner(mini(), 1);
    expect(() => r.choose("push")).toThrow(RunnerError);
    r.advance();
    expect(() => r.choose("safe")).toThrow(/not offered/);
    expect(r.status).toBe("awaiting-choice");
    expect(r.state.turn).toBe(0);
  });

  it("ends immediately on an end effect, skipping the rest", () => {
    const r = createRunner(mini(), 1);
    r.advance();
    r.choose("push");
    expect(r.status).toBe("ended");
    expect(r.line).toBeNull();
    expect(r.state.ending).toBe("lost");
  });

  it("reports stuck instead of hanging when no option is available", () => {
    const d = miniData();
    d.nodes.hello.options[1].condition = { var: "trust", op: ">", value: 5 };
    d.nodes.hello.options[0].condition = { var: "trust", op: ">", value: 5 };
    const r = createRunner(loadScenario(d), 1);
    r.advance();
    expect(r.status).toBe("stuck");
    expect(r.state.log.at(-1)).toMatchObject({ type: "stuck", node: "hello" });
  });

  it("stops an endless loop of onEnter redirects", () => {
    const d = miniData();
    d.nodes.win.onEnter = [{ goto: "lose" }];
    d.nodes.lose.onEnter = [{ goto: "win" }];
    const r = createRunner(loadScenario(d), 1);
    r.advance();
    r.choose("ask-problem");
    r.choose("safe");
    expect(r.status).toBe("stuck");
  });

  it("compares stages by pipeline order", () => {
    const d = miniData();
    d.nodes.middle.options[1].condition = { stage: "entry", op: ">" };
    const r = createRunner(loadScenario(d), 1);
    r.advance();
    r.choose("ask-problem"); // middle's onEnter moves to tender, which is after entry
    expect(r.options.map((o) => o.id)).toContain("safe");
  });
});
