/**
 * Clients who differ by seed (issue #21): a guarded client tires of background questions
 * from the first and trusts slowly but is won by proof; an analytical one wants evidence
 * with a benefit; an open one says more when asked. Drawn from the seed where a scenario
 * lists `temperaments`; a scenario without them plays as before.
 */
import { describe, expect, it } from "vitest";
import { createRunner, loadScenario, type Runner, type RunEvent } from "../../src/engine/index.ts";
import { readJson } from "./helpers.ts";
import type { Loose } from "./scenario-builder.ts";
const base = readJson("tests/fixtures/account.json") as Loose;

/** The account fixture, with the buyer's temperament fixed (or a pool to draw from), and a benefit pitch without evidence. */
function withTemperament(t?: string, pool?: string[]) {
  const data = structuredClone(base);
  if (t) data.cast.buyer.temperament = t;
  if (pool) data.temperaments = pool;
  data.nodes.hub.options.push({ id: "b-only", text: { "zh-CN": "b-only", en: "b-only" }, move: { kind: "pitch", parts: ["benefit"], need: "downtime" }, to: "buyer", next: "hub" });
  return loadScenario(data);
}

function pick(r: Runner, option: string): void {
  r.choose(option);
  for (let i = 0; i < 5 && r.status === "line" && r.line?.reaction; i++) r.advance();
}
function atHub(t?: string, seed: number | string = 1): Runner {
  const r = createRunner(withTemperament(t), seed);
  pick(r, "go");
  return r;
}
function step(r: Runner, option: string): string[] {
  const at = r.state.log.length;
  pick(r, option);
  return r.state.log
    .slice(at)
    .filter((e): e is Extract<RunEvent, { type: "score" }> => e.type === "score")
    .map((e) => `${e.principle} ${e.points}`);
}
/** Surfaces, develops and makes the buyer's downtime need explicit. */
function explicitNeed(r: Runner): void {
  for (const o of ["p-down", "i-down", "n-down"]) pick(r, o);
}

describe("temperaments", () => {
  it("a guarded client tires at the first background question, trusts less at first, and is won back by proof", () => {
    const neutral = atHub();
    const guarded = atHub("guarded");
    expect(guarded.state.account.stakeholders.buyer!.trust).toBeLessThan(neutral.state.account.stakeholders.buyer!.trust);
    expect(step(neutral, "s-other")).toEqual([]);
    expect(step(guarded, "s-other")).toContain("spin.situation-tires -2");
    expect(guarded.rank("s-other")).toBeLessThan(neutral.rank("s-other"));
    // Proof restores more trust with a guarded client.
    const n2 = atHub();
    const g2 = atHub("guarded");
    explicitNeed(n2);
    explicitNeed(g2);
    const before = [n2.state.account.stakeholders.buyer!.trust, g2.state.account.stakeholders.buyer!.trust];
    pick(n2, "be");
    pick(g2, "be");
    expect(g2.state.account.stakeholders.buyer!.trust - before[1]!).toBeGreaterThan(n2.state.account.stakeholders.buyer!.trust - before[0]!);
  });

  it("a guarded client takes a premature question worse than an open one", () => {
    const cost = (t: string) => step(atHub(t), "i-down").join();
    expect(cost("guarded")).toBe("spin.implication-flat -6");
    expect(cost("open")).toBe("spin.implication-flat -3");
  });

  it("an analytical client wants evidence with a benefit, and the course ranks the proof higher", () => {
    const neutral = atHub();
    const analytical = atHub("analytical");
    explicitNeed(neutral);
    explicitNeed(analytical);
    expect(analytical.rank("be")).toBeGreaterThan(analytical.rank("b-only"));
    expect(neutral.rank("b-only")).toBeGreaterThan(analytical.rank("b-only"));
    expect(step(neutral, "b-only")).not.toContain("fabe.wants-evidence -6");
    expect(step(analytical, "b-only")).toContain("fabe.wants-evidence -6");
    const withProof = (r: Runner) => step(r, "be").find((x) => x.startsWith("fabe.evidence-builds-trust"));
    const n = atHub();
    const a = atHub("analytical");
    explicitNeed(n);
    explicitNeed(a);
    expect(Number(withProof(a)!.split(" ")[1])).toBeGreaterThan(Number(withProof(n)!.split(" ")[1]));
  });

  it("an open client says more to the same questions: the rep's share of the talk is smaller", () => {
    const talk = (t?: string) => {
      const r = atHub(t);
      for (const o of ["p-down", "i-down"]) pick(r, o);
      const m = r.state.account.meeting!;
      return m.rep / (m.rep + m.client);
    };
    expect(talk("open")).toBeLessThan(talk());
  });

  it("is drawn from the seed where the scenario lists temperaments, the same for the same seed; none where it lists none", () => {
    const pooled = withTemperament(undefined, ["open", "guarded", "analytical"]);
    const drawn = new Set<string | undefined>();
    for (let i = 0; i < 20; i++) drawn.add(createRunner(pooled, `seed:${i}`).state.account.stakeholders.buyer!.temperament);
    expect(drawn.size).toBeGreaterThanOrEqual(2);
    expect(drawn.has(undefined)).toBe(false);
    expect(createRunner(pooled, 7).state.account.stakeholders.gm!.temperament).toBe(createRunner(pooled, 7).state.account.stakeholders.gm!.temperament);
    const plain = createRunner(withTemperament(), 7);
    expect(Object.values(plain.state.account.stakeholders).every((s) => s.temperament === undefined)).toBe(true);
  });
});
