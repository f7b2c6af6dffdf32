import { describe, expect, it } from "vitest";
import { createRunner, loadScenario, switchingCost, type Runner, type RunEvent } from "../../src/engine/index.ts";
import { readJson } from "./helpers.ts";

const scenario = loadScenario(readJson("tests/fixtures/account.json"));

/** Chooses, then listens to the client's spoken reaction (if any) before the next options. */
function pick(r: Runner, option: string): void {
  r.choose(option);
  for (let i = 0; i < 5 && r.status === "line" && r.line?.reaction; i++) r.advance();
}

/** A run standing in the first meeting's hub, ready for choices. */
function atHub(seed: number | string = 1, research = false): Runner {
  const r = createRunner(scenario, seed);
  if (research) pick(r, "research-fleet");
  pick(r, "go");
  expect(r.status).toBe("awaiting-choice");
  return r;
}
const scores = (r: Runner, since = 0) =>
  r.state.log.slice(since).filter((e): e is Extract<RunEvent, { type: "score" }> => e.type === "score").map((e) => `${e.principle} ${e.points}`);
const buyer = (r: Runner) => r.state.account.stakeholders.buyer!;
/** Chooses and returns the score events that choice produced. */
function step(r: Runner, option: string): string[] {
  const at = r.state.log.length;
  pick(r, option);
  return scores(r, at);
}

describe("SPIN: needs develop from hidden to explicit", () => {
  it("turns an implied need explicit through problem, implication and need-payoff questions", () => {
    const r = atHub();
    expect(buyer(r).needs.downtime).toBe("hidden");
    expect(step(r, "p-down")).toEqual(["spin.problem-surfaces 6"]);
    expect(buyer(r).needs.downtime).toBe("surfaced");
    expect(step(r, "i-down")).toContain("spin.implication-develops 8");
    expect(buyer(r).needs.downtime).toBe("developed");
    expect(step(r, "n-down")).toContain("spin.need-payoff-explicit 10");
    expect(buyer(r).needs.downtime).toBe("explicit");
    expect(r.score.competencies.questioning).toBeGreaterThan(70);
    expect(buyer(r).level).toBe("awareness"); // interest and trust grew with the need
  });

  it("lets implication and need-payoff questions fall flat when no need has surfaced", () => {
    const r = atHub();
    const emotion = buyer(r).emotion;
    expect(step(r, "i-down")).toEqual(["spin.implication-flat -4"]);
    expect(buyer(r).emotion).toBe(emotion - 1);
    expect(step(r, "n-down")).toEqual(["spin.need-payoff-flat -4"]);
    expect(buyer(r).needs.downtime).toBe("hidden");
  });

  it("gives less for a need made explicit without developing it first", () => {
    const r = atHub();
    step(r, "p-down");
    expect(step(r, "n-down")).toContain("spin.need-payoff-early 4");
  });

  it("tires the client more with each situation question past the first in a meeting", () => {
    const r = atHub();
    expect(step(r, "s-other")).toEqual([]);
    expect(step(r, "s-other")).toEqual(["spin.situation-tires -2"]);
    const emotion = buyer(r).emotion;
    expect(step(r, "s-other")).toEqual(["spin.situation-tires -5"]);
    expect(buyer(r).emotion).toBe(emotion - 1);
  });

  it("calls a situation question about a researched fact wasted time", () => {
    const r = atHub(1, true);
    expect(r.state.account.researched).toEqual(["fleet"]);
    expect(step(r, "s-fleet")).toEqual(["spin.situation-researched -6"]);
    const unresearched = atHub(1, false);
    expect(step(unresearched, "s-fleet")).toEqual(["research.before-asking -2"]);
  });

  it("punishes closing pressure", () => {
    const r = atHub();
    expect(step(r, "push")).toContain("spin.no-closing-pressure -10");
  });
});

describe("FABE presenting", () => {
  it("raises an objection and price pressure for features and advantages before an explicit need", () => {
    const r = atHub();
    expect(step(r, "fa")).toEqual(["fabe.features-too-early -8"]);
    expect(r.state.account.objections).toBe(1);
    expect(r.state.account.pricePressure).toBe(1);
  });

  it("scores a benefit only when it answers the stakeholder's explicit need, and evidence raises trust", () => {
    const early = atHub();
    // Evidence behind a benefit nobody asked for builds a little trust but scores nothing.
    expect(step(early, "be")).toEqual(["fabe.benefit-unstated-need -3"]);
    const r = atHub();
    ["p-down", "i-down", "n-down"].forEach((o) => pick(r, o));
    const trust = buyer(r).trust;
    expect(step(r, "be")).toEqual(expect.arrayContaining(["fabe.benefit-answers-need 12", "task.done.guide-client 4", "fabe.evidence-builds-trust 5", "task.done.value-demonstration 4"]));
    expect(buyer(r).trust).toBe(trust + 2);
    expect(r.state.account.tasks["guide-client"]).toBe("done");
    expect(r.state.account.tasks["value-demonstration"]).toBe("done");
  });

  it("charges time and budget for an awareness method, and hides options the budget cannot pay", () => {
    const r = atHub();
    expect(r.options.find((o) => o.id === "visit")?.cost).toEqual({ weeks: 1, budget: 2 });
    const { weeks, budget } = r.state.account;
    expect(step(r, "visit").some((e) => e.startsWith("awareness.method "))).toBe(true);
    expect(r.state.account.weeks).toBe(weeks - 1);
    expect(r.state.account.budget).toBe(budget - 2);
    pick(r, "visit"); // budget 5 → 3 → 1
    expect(r.options.map((o) => o.id)).not.toContain("visit");
  });
});

describe("listening", () => {
  it("records what the client says in the notebook only while taking notes", () => {
    const noting = createRunner(scenario, 1);
    pick(noting, "go");
    expect(noting.state.account.notebook).toEqual([]); // notes start off
    noting.setListening({ posture: "engaged", notes: true });
    pick(noting, "chat"); // back to the hub: the penalty is mentioned again
    expect(noting.state.account.notebook).toEqual(["penalty"]);
  });

  it("forgets some un-noted statements when the meeting ends, decided by the seed", () => {
    const kept = new Set<string>();
    for (let seed = 0; seed < 30; seed++) {
      const r = atHub(seed);
      pick(r, "to-m2");
      kept.add(r.state.account.forgotten.includes("penalty") ? "forgot" : "kept");
    }
    expect([...kept].sort()).toEqual(["forgot", "kept"]);
  });

  it("rewards engaged body language once per meeting and punishes distraction", () => {
    const r = atHub();
    r.setListening({ posture: "engaged", notes: false });
    expect(step(r, "chat")).toContain("listen.engaged 3");
    expect(step(r, "chat")).not.toContain("listen.engaged 3");
    r.setListening({ posture: "distracted", notes: false });
    expect(step(r, "s-other")).toContain("listen.distracted -3");
  });

  it("rewards a summary right after the client stated something, and calls a second one parroting", () => {
    const r = atHub();
    expect(step(r, "sum")).toEqual(["listen.summarise-parrot -4"]);
    pick(r, "p-down");
    expect(step(r, "sum")).toEqual(["listen.summarise-right 8"]);
    expect(step(r, "sum")).toEqual(["listen.summarise-parrot -4"]);
  });

  it("measures the rep's talk share per meeting: questions keep it low, pitching pushes it up", () => {
    const asker = atHub();
    ["p-down", "i-down", "n-down"].forEach((o) => pick(asker, o));
    pick(asker, "to-m2");
    expect(asker.state.account.talk.m1).toBeLessThanOrEqual(0.4);
    expect(scores(asker)).toContain("listen.talk-less 5");
    const pitcher = atHub();
    ["fa", "fa", "be"].forEach((o) => pick(pitcher, o));
    pick(pitcher, "to-m2");
    expect(pitcher.state.account.talk.m1).toBeGreaterThan(0.55);
    expect(scores(pitcher)).toContain("listen.talk-too-much -6");
  });
});

describe("relationships", () => {
  it("sets each stakeholder's level from trust + interest + emotion", () => {
    const r = atHub();
    expect(buyer(r).level).toBe("stranger");
    expect(step(r, "boost-buyer")).toContain("rel.level-up 4");
    expect(buyer(r).level).toBe("personal-trust");
  });

  it("needs a colleague paired with the department for organisational trust (the relationship snowball)", () => {
    const r = atHub();
    pick(r, "boost-buyer");
    expect(buyer(r).trust + buyer(r).interest + buyer(r).emotion).toBe(30);
    expect(buyer(r).level).toBe("personal-trust");
    expect(step(r, "colleague")).toEqual(expect.arrayContaining(["rel.snowball-pair 6", "rel.level-up 4"]));
    expect(r.state.account.pairs).toEqual(["sales-manager"]);
    expect(buyer(r).level).toBe("organisational-trust");
  });

  it("gives rapport within the compliance cap diminishing returns", () => {
    const r = atHub();
    expect(step(r, "care")).toContain("rel.rapport 4");
    expect(step(r, "care")).toContain("rel.rapport 2");
    expect(step(r, "care")).toContain("rel.diminishing -2");
  });

  it("punishes a gift over the cap and disqualifies the bid when the risk reaches the limit", () => {
    const r = atHub();
    expect(step(r, "gift-big")).toContain("ethics.gift-over-cap -15");
    expect(r.state.account.risk).toBe(2.5);
    expect(r.status).toBe("ended");
    expect(r.state.ending).toBe("dq");
    expect(scores(r)).toContain("ethics.disqualified -10");
  });
});

describe("competitors, tactics and the stage-3 tasks", () => {
  it("lets a competitor act as a meeting starts, hurting less when the switching cost is high", () => {
    const exposed = atHub();
    const before = buyer(exposed).trust;
    pick(exposed, "to-m2");
    const hit = exposed.state.log.find((e) => e.type === "competitor");
    expect(hit).toMatchObject({ competitor: "rival", action: "relationship", target: "buyer", damage: 4 });
    expect(buyer(exposed).trust).toBe(Math.max(0, before - 4));

    const guarded = atHub();
    ["boost-all", "colleague", "boost-buyer"].forEach((o) => pick(guarded, o));
    expect(switchingCost(guarded.state.account)).toBeGreaterThanOrEqual(50);
    pick(guarded, "to-m2");
    const softer = guarded.state.log.find((e) => e.type === "competitor") as { damage: number };
    expect(softer.damage).toBeLessThan(4);
  });

  it("fails a frontal attack without superior strength and lets it land with it", () => {
    const weak = atHub();
    expect(step(weak, "frontal")).toEqual(["tactic.frontal-no-strength -10"]);
    const strong = atHub();
    pick(strong, "boost-all");
    const standing = strong.state.account.competitors.rival!.standing;
    expect(step(strong, "frontal")).toEqual(["tactic.fits 12"]);
    expect(strong.state.account.competitors.rival!.standing).toBe(standing - 20);
  });

  it("fails defence in depth until every department is covered and colleagues are paired", () => {
    const r = atHub();
    expect(step(r, "in-depth")).toEqual(["tactic.in-depth-no-coverage -10"]);
  });

  it("sets the rules and screens the strongest rival only with a trusting stakeholder who has an explicit need", () => {
    const r = atHub();
    expect(step(r, "rules")).toEqual(["rules.too-early -6"]);
    expect(step(r, "screen")).toEqual(["screen.too-early -6"]);
    ["boost-buyer", "p-down", "i-down", "n-down"].forEach((o) => pick(r, o));
    expect(step(r, "rules")).toEqual(["task.done.set-rules 4", "rules.set 10"]);
    expect(step(r, "screen")).toEqual(["task.done.choose-opponents 4", "screen.done 10"]);
    expect(r.state.account.competitors.rival!.excluded).toBe(true);
    expect(r.state.account.tasks["set-rules"]).toBe("done");
    expect(r.state.account.tasks["choose-opponents"]).toBe("done");
  });

  it("keeps the tender gate shut until two deciders are at personal trust, and fails open tasks on leaving the stage", () => {
    const shut = atHub();
    pick(shut, "force-tender");
    expect(shut.state.log.some((e) => e.type === "gate" && e.stage === "tender")).toBe(true);
    expect(shut.state.stage).toBe("entry");
    pick(shut, "to-tender");
    shut.advance();
    expect(shut.state.ending).toBe("out");
    const open = atHub();
    ["boost-buyer", "boost-gm"].forEach((o) => pick(open, o));
    pick(open, "to-tender");
    expect(open.state.stage).toBe("tender");
    expect(open.state.account.tasks["get-shortlisted"]).toBe("done");
    expect(open.state.account.tasks["set-rules"]).toBe("failed");
  });
});

describe("the scorecard", () => {
  it("keeps every competency within 0-100, never flattening differences at a cap, and makes the total their mean", () => {
    const r = atHub();
    const seen: number[] = [];
    for (let i = 0; i < 12; i++) {
      pick(r, "push");
      seen.push(r.score.competencies.questioning);
    }
    // Each further push still shows: strictly falling, never stuck at 0.
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeLessThan(seen[i - 1]!);
    expect(seen.at(-1)!).toBeGreaterThan(0);
    const values = Object.values(r.score.competencies);
    expect(values.every((v) => v >= 0 && v <= 100)).toBe(true);
    expect(r.score.total).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 0);
  });

  it("names a better option on every negative engine-scored move where one was offered", () => {
    const r = atHub();
    pick(r, "fa");
    const ev = r.state.log.find((e) => e.type === "score" && e.points < 0) as { better?: string };
    expect(ev.better).toBe("p-down");
  });
});
