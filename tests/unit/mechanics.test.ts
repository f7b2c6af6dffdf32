import { describe, expect, it } from "vitest";
import { createRunner, loadScenario, switchingCost, LEVEL_THRESHOLDS, type Runner, type RunEvent } from "../../src/engine/index.ts";
import { TALK_SHARE_GOOD, TALK_SHARE_TOO_MUCH } from "../../src/engine/vocabulary.ts";
import { readJson } from "./helpers.ts";

// These tests name the principle each choice scores and assert signs and orderings, never the
// tuned points or meter steps, so a rebalance keeps them green while a broken rule fails them.

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
type ScoreEvent = Extract<RunEvent, { type: "score" }>;
type Scored = ScoreEvent & { principle: string };
/** The run's score events from `since`, each named by its principle (an unnamed one shows as such). */
const scoreEvents = (r: Runner, since = 0): Scored[] =>
  r.state.log
    .slice(since)
    .filter((e): e is ScoreEvent => e.type === "score")
    .map((e) => ({ ...e, principle: e.principle ?? "(no principle)" }));
/** The principles a run (or its log from `since`) scored, in order. */
const scores = (r: Runner, since = 0) => scoreEvents(r, since).map((e) => e.principle);
const buyer = (r: Runner) => r.state.account.stakeholders.buyer!;
/** Chooses and returns the score events that choice produced. */
function scored(r: Runner, option: string): Scored[] {
  const at = r.state.log.length;
  pick(r, option);
  return scoreEvents(r, at);
}
/** Chooses and returns the principles that choice scored. */
const step = (r: Runner, option: string): string[] => scored(r, option).map((e) => e.principle);
/** The points `principle` scored among `events`, over every competency it counts for (fails when it scored nothing). */
function points(events: readonly Scored[], principle: string): number {
  const hits = events.filter((e) => e.principle === principle);
  expect(hits.length, `${principle} among: ${events.map((e) => e.principle).join(", ")}`).toBeGreaterThan(0);
  return hits.reduce((sum, e) => sum + e.points, 0);
}
/** Chooses and returns the points `principle` scored for that choice. */
const pointsFor = (r: Runner, option: string, principle: string) => points(scored(r, option), principle);

describe("SPIN: needs develop from hidden to explicit", () => {
  it("turns an implied need explicit through problem, implication and need-payoff questions", () => {
    const r = atHub();
    expect(buyer(r).needs.downtime).toBe("hidden");
    const problem = scored(r, "p-down");
    expect(problem.map((e) => e.principle)).toEqual(["spin.problem-surfaces"]);
    expect(points(problem, "spin.problem-surfaces")).toBeGreaterThan(0);
    expect(buyer(r).needs.downtime).toBe("surfaced");
    const implication = pointsFor(r, "i-down", "spin.implication-develops");
    expect(buyer(r).needs.downtime).toBe("developed");
    const needPayoff = pointsFor(r, "n-down", "spin.need-payoff-explicit");
    expect(buyer(r).needs.downtime).toBe("explicit");
    // Rackham: implication and need-payoff questions predict success more than problem questions.
    expect(implication).toBeGreaterThan(points(problem, "spin.problem-surfaces"));
    expect(needPayoff).toBeGreaterThan(points(problem, "spin.problem-surfaces"));
    expect(r.score.competencies.questioning).toBeGreaterThan(atHub().score.competencies.questioning);
    expect(buyer(r).level).toBe("awareness"); // interest and trust grew with the need
  });

  it("lets implication and need-payoff questions fall flat when no need has surfaced", () => {
    const r = atHub();
    const emotion = buyer(r).emotion;
    const implication = scored(r, "i-down");
    expect(implication.map((e) => e.principle)).toEqual(["spin.implication-flat"]);
    expect(points(implication, "spin.implication-flat")).toBeLessThan(0);
    expect(buyer(r).emotion).toBeLessThan(emotion);
    const needPayoff = scored(r, "n-down");
    expect(needPayoff.map((e) => e.principle)).toEqual(["spin.need-payoff-flat"]);
    expect(points(needPayoff, "spin.need-payoff-flat")).toBeLessThan(0);
    expect(buyer(r).needs.downtime).toBe("hidden");
  });

  it("gives less for a need made explicit without developing it first", () => {
    const r = atHub();
    step(r, "p-down");
    const early = pointsFor(r, "n-down", "spin.need-payoff-early");
    expect(buyer(r).needs.downtime).toBe("explicit");
    const developed = atHub();
    ["p-down", "i-down"].forEach((o) => pick(developed, o));
    const explicit = pointsFor(developed, "n-down", "spin.need-payoff-explicit");
    expect(early).toBeGreaterThan(0);
    expect(early).toBeLessThan(explicit);
  });

  it("tires the client more with each situation question past the first in a meeting", () => {
    const r = atHub();
    expect(step(r, "s-other")).toEqual([]);
    const second = scored(r, "s-other");
    expect(second.map((e) => e.principle)).toEqual(["spin.situation-tires"]);
    const emotion = buyer(r).emotion;
    const third = scored(r, "s-other");
    expect(third.map((e) => e.principle)).toEqual(["spin.situation-tires"]);
    expect(points(second, "spin.situation-tires")).toBeLessThan(0);
    expect(points(third, "spin.situation-tires")).toBeLessThan(points(second, "spin.situation-tires"));
    expect(buyer(r).emotion).toBeLessThan(emotion);
  });

  it("calls a situation question about a researched fact wasted time", () => {
    const r = atHub(1, true);
    expect(r.state.account.researched).toEqual(["fleet"]);
    const wasted = scored(r, "s-fleet");
    expect(wasted.map((e) => e.principle)).toEqual(["spin.situation-researched"]);
    expect(points(wasted, "spin.situation-researched")).toBeLessThan(0);
    const unresearched = atHub(1, false);
    const unprepared = scored(unresearched, "s-fleet");
    expect(unprepared.map((e) => e.principle)).toEqual(["research.before-asking"]);
    expect(points(unprepared, "research.before-asking")).toBeLessThan(0);
  });

  it("punishes closing pressure", () => {
    const r = atHub();
    expect(pointsFor(r, "push", "spin.no-closing-pressure")).toBeLessThan(0);
  });
});

describe("FABE presenting", () => {
  it("raises an objection and price pressure for features and advantages before an explicit need", () => {
    const r = atHub();
    const { objections, pricePressure } = r.state.account;
    const pitch = scored(r, "fa");
    expect(pitch.map((e) => e.principle)).toEqual(["fabe.features-too-early"]);
    expect(points(pitch, "fabe.features-too-early")).toBeLessThan(0);
    expect(r.state.account.objections).toBe(objections + 1);
    expect(r.state.account.pricePressure).toBeGreaterThan(pricePressure);
  });

  it("scores a benefit only when it answers the stakeholder's explicit need, and evidence raises trust", () => {
    const early = atHub();
    // Evidence behind a benefit nobody asked for builds a little trust but scores nothing.
    const unasked = scored(early, "be");
    expect(unasked.map((e) => e.principle)).toEqual(["fabe.benefit-unstated-need"]);
    expect(points(unasked, "fabe.benefit-unstated-need")).toBeLessThan(0);
    const r = atHub();
    ["p-down", "i-down", "n-down"].forEach((o) => pick(r, o));
    const trust = buyer(r).trust;
    const answered = scored(r, "be");
    const credited = ["fabe.benefit-answers-need", "task.done.guide-client", "fabe.evidence-builds-trust", "task.done.value-demonstration"];
    expect(answered.map((e) => e.principle)).toEqual(expect.arrayContaining(credited));
    for (const principle of credited) expect(points(answered, principle), principle).toBeGreaterThan(0);
    expect(buyer(r).trust).toBeGreaterThan(trust);
    expect(r.state.account.tasks["guide-client"]).toBe("done");
    expect(r.state.account.tasks["value-demonstration"]).toBe("done");
  });

  it("charges time and budget for an awareness method, and hides options the budget cannot pay", () => {
    const r = atHub();
    const cost = r.options.find((o) => o.id === "visit")?.cost;
    expect(cost?.weeks).toBeGreaterThan(0);
    expect(cost?.budget).toBeGreaterThan(0);
    const { weeks, budget } = r.state.account;
    expect(step(r, "visit")).toContain("awareness.method");
    // The shown cost is what the visit takes.
    expect(r.state.account.weeks).toBe(weeks - cost!.weeks!);
    expect(r.state.account.budget).toBe(budget - cost!.budget!);
    // Visit again while the budget pays for it: then the option goes.
    for (let i = 0; i < 20 && r.options.some((o) => o.id === "visit"); i++) pick(r, "visit");
    expect(r.state.account.budget).toBeGreaterThanOrEqual(0);
    expect(r.state.account.budget).toBeLessThan(cost!.budget!);
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
    expect(pointsFor(r, "chat", "listen.engaged")).toBeGreaterThan(0);
    expect(step(r, "chat")).not.toContain("listen.engaged");
    r.setListening({ posture: "distracted", notes: false });
    expect(pointsFor(r, "s-other", "listen.distracted")).toBeLessThan(0);
  });

  it("rewards a summary right after the client stated something, and calls a second one parroting", () => {
    const r = atHub();
    const summary = (principle: string, sign: 1 | -1) => {
      const events = scored(r, "sum");
      expect(events.map((e) => e.principle)).toEqual([principle]);
      expect(Math.sign(points(events, principle))).toBe(sign);
    };
    summary("listen.summarise-parrot", -1);
    pick(r, "p-down");
    summary("listen.summarise-right", 1);
    summary("listen.summarise-parrot", -1);
  });

  it("measures the rep's talk share per meeting: questions keep it low, pitching pushes it up", () => {
    const asker = atHub();
    ["p-down", "i-down", "n-down"].forEach((o) => pick(asker, o));
    pick(asker, "to-m2");
    expect(asker.state.account.talk.m1).toBeLessThanOrEqual(TALK_SHARE_GOOD);
    expect(points(scoreEvents(asker), "listen.talk-less")).toBeGreaterThan(0);
    const pitcher = atHub();
    ["fa", "fa", "be"].forEach((o) => pick(pitcher, o));
    pick(pitcher, "to-m2");
    expect(pitcher.state.account.talk.m1).toBeGreaterThan(TALK_SHARE_TOO_MUCH);
    expect(pitcher.state.account.talk.m1).toBeGreaterThan(asker.state.account.talk.m1!);
    expect(points(scoreEvents(pitcher), "listen.talk-too-much")).toBeLessThan(0);
    expect(scores(pitcher)).not.toContain("listen.talk-less");
  });
});

describe("relationships", () => {
  it("sets each stakeholder's level from trust + interest + emotion", () => {
    const r = atHub();
    expect(buyer(r).level).toBe("stranger");
    expect(pointsFor(r, "boost-buyer", "rel.level-up")).toBeGreaterThan(0);
    expect(buyer(r).level).toBe("personal-trust");
  });

  it("needs a colleague paired with the department for organisational trust (the relationship snowball)", () => {
    const r = atHub();
    pick(r, "boost-buyer");
    // Warm enough for organisational trust already: only the paired colleague is missing.
    expect(buyer(r).trust + buyer(r).interest + buyer(r).emotion).toBeGreaterThanOrEqual(LEVEL_THRESHOLDS["organisational-trust"]);
    expect(buyer(r).level).toBe("personal-trust");
    const paired = scored(r, "colleague");
    expect(points(paired, "rel.snowball-pair")).toBeGreaterThan(0);
    expect(points(paired, "rel.level-up")).toBeGreaterThan(0);
    expect(r.state.account.pairs).toEqual(["sales-manager"]);
    expect(buyer(r).level).toBe("organisational-trust");
  });

  it("gives rapport within the compliance cap diminishing returns", () => {
    const r = atHub();
    const first = pointsFor(r, "care", "rel.rapport");
    const second = pointsFor(r, "care", "rel.rapport");
    const third = scored(r, "care");
    expect(second).toBeGreaterThan(0);
    expect(second).toBeLessThan(first);
    expect(third.map((e) => e.principle)).not.toContain("rel.rapport");
    expect(points(third, "rel.diminishing")).toBeLessThan(0);
  });

  it("punishes a gift over the cap and disqualifies the bid when the risk reaches the limit", () => {
    const r = atHub();
    expect(pointsFor(r, "gift-big", "ethics.gift-over-cap")).toBeLessThan(0);
    expect(r.state.account.risk).toBeGreaterThanOrEqual(scenario.policy!.riskLimit);
    expect(r.status).toBe("ended");
    expect(r.state.ending).toBe("dq");
    expect(points(scoreEvents(r), "ethics.disqualified")).toBeLessThan(0);
  });
});

describe("competitors, tactics and the stage-3 tasks", () => {
  it("lets a competitor act as a meeting starts, hurting less when the switching cost is high", () => {
    const exposed = atHub();
    const before = buyer(exposed).trust;
    const exposedCost = switchingCost(exposed.state.account);
    pick(exposed, "to-m2");
    const hit = exposed.state.log.find((e) => e.type === "competitor") as { damage: number } | undefined;
    expect(hit).toMatchObject({ competitor: "rival", action: "relationship", target: "buyer" });
    expect(hit!.damage).toBeGreaterThan(0);
    expect(buyer(exposed).trust).toBe(Math.max(0, before - hit!.damage));

    const guarded = atHub();
    ["boost-all", "colleague", "boost-buyer"].forEach((o) => pick(guarded, o));
    expect(switchingCost(guarded.state.account)).toBeGreaterThan(exposedCost);
    pick(guarded, "to-m2");
    const softer = guarded.state.log.find((e) => e.type === "competitor") as { damage: number };
    expect(softer.damage).toBeLessThan(hit!.damage);
  });

  it("fails a frontal attack without superior strength and lets it land with it", () => {
    const weak = atHub();
    const failed = scored(weak, "frontal");
    expect(failed.map((e) => e.principle)).toEqual(["tactic.frontal-no-strength"]);
    expect(points(failed, "tactic.frontal-no-strength")).toBeLessThan(0);
    const weakStanding = weak.state.account.competitors.rival!.standing;
    const strong = atHub();
    pick(strong, "boost-all");
    const standing = strong.state.account.competitors.rival!.standing;
    const landed = scored(strong, "frontal");
    expect(landed.map((e) => e.principle)).toEqual(["tactic.fits"]);
    expect(points(landed, "tactic.fits")).toBeGreaterThan(0);
    expect(strong.state.account.competitors.rival!.standing).toBeLessThan(standing);
    expect(weakStanding).toBe(atHub().state.account.competitors.rival!.standing);
  });

  it("fails defence in depth until every department is covered and colleagues are paired", () => {
    const r = atHub();
    const failed = scored(r, "in-depth");
    expect(failed.map((e) => e.principle)).toEqual(["tactic.in-depth-no-coverage"]);
    expect(points(failed, "tactic.in-depth-no-coverage")).toBeLessThan(0);
  });

  it("sets the rules and screens the strongest rival only with a trusting stakeholder who has an explicit need", () => {
    const r = atHub();
    const only = (option: string, principles: string[], sign: 1 | -1) => {
      const events = scored(r, option);
      expect(events.map((e) => e.principle)).toEqual(principles);
      for (const e of events) expect(Math.sign(e.points), e.principle).toBe(sign);
    };
    only("rules", ["rules.too-early"], -1);
    only("screen", ["screen.too-early"], -1);
    expect(r.state.account.competitors.rival!.excluded).toBeFalsy();
    ["boost-buyer", "p-down", "i-down", "n-down"].forEach((o) => pick(r, o));
    only("rules", ["task.done.set-rules", "rules.set"], 1);
    only("screen", ["task.done.choose-opponents", "screen.done"], 1);
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
