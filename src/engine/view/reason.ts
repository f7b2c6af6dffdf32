/**
 * Why a run ended where it did, for every kind of ending: the best ending the scenario has
 * (and, for a strategic partnership, which of the four traits the run built), a
 * disqualification (the gift that caused it), a gate or deciding branch that failed (its
 * unmet parts), or — where the ending was reached by a plain path — the choice that led
 * into it. "Best" is said only of an ending no other ending of the scenario outranks.
 */
import type { Runner } from "../runner.ts";
import type { Scenario } from "../loader.ts";
import { OUTCOMES, PARTNER_TRAITS, type Outcome, type PartnerTrait } from "../vocabulary.ts";
import { isDisqualification } from "../finish.ts";
import type { ConditionContext } from "../conditions.ts";
import { shortfalls, type Shortfall } from "./why.ts";

export type EndingReason =
  /** No ending of the scenario is better. For a strategic partnership: the traits the run built and those it did not. */
  | { kind: "best"; built: PartnerTrait[]; missing: PartnerTrait[] }
  /** The compliance policy ended the run at this choice (the gift). */
  | { kind: "disqualified"; node: string; option: string }
  /** A stage gate or a deciding branch did not hold: its unmet parts, as the run ended. */
  | { kind: "unmet"; stage?: string; shortfalls: Shortfall[] }
  /** The run walked into this ending from this choice, and what the choice cost by the course. */
  | { kind: "path"; node: string; option: string; principles: string[] }
  /** The run ended before any choice (the scenario's own setup). */
  | { kind: "none" };

/** The best outcome any ending of the scenario gives (the disqualification does not count). */
export function bestOutcome(scenario: Scenario): Outcome {
  let best = 0;
  for (const [id, e] of Object.entries(scenario.endings)) {
    if (scenario.policy?.disqualifiedEnding === id) continue;
    best = Math.max(best, OUTCOMES.indexOf(e.outcome));
  }
  return OUTCOMES[best]!;
}

export function conditionContext(r: Runner): ConditionContext {
  const s = r.scenario;
  const st = r.state;
  return {
    scenario: s,
    account: st.account,
    last: st.last,
    varValue: (n: string) => st.vars[n],
    stageOrder: (id: string) => s.stages.findIndex((x) => x.id === id),
    currentStageOrder: () => s.stages.findIndex((x) => x.id === st.stage),
    visited: (n: string) => (st.visits[n] ?? 0) > 0,
    hasChosen: (n: string, o: string) => st.chosen.includes(`${n}/${o}`),
  };
}

/** The principles a choice lost points on (not what the ending scored afterwards at the same turn), costliest first. */
export function lostAt(log: Runner["state"]["log"], turn: number, node: string): string[] {
  const sums = new Map<string, number>();
  for (const e of log) if (e.type === "score" && e.turn === turn && e.node === node && e.option !== undefined && e.principle) sums.set(e.principle, (sums.get(e.principle) ?? 0) + e.points);
  return [...sums].filter(([, p]) => p < 0).sort((a, b) => a[1] - b[1]).map(([p]) => p);
}

/** The reason for a finished run's ending, or null while it runs. */
export function endingReason(r: Runner): EndingReason | null {
  const s = r.scenario;
  const st = r.state;
  const ending = st.ending ? s.endings[st.ending] : undefined;
  if (!st.ending || !ending) return null;
  const choices = st.log.filter((e) => e.type === "choice");
  const last = choices.at(-1);
  if (isDisqualification(r, st.ending)) return last ? { kind: "disqualified", node: last.node, option: last.option } : { kind: "none" };
  if (OUTCOMES.indexOf(ending.outcome) >= OUTCOMES.indexOf(bestOutcome(s))) {
    const built = PARTNER_TRAITS.filter((t) => st.account.traits.includes(t));
    return ending.outcome === "strategic-partner" ? { kind: "best", built, missing: PARTNER_TRAITS.filter((t) => !built.includes(t)) } : { kind: "best", built: [], missing: [] };
  }
  // A failed check counts when it decided this ending: one that failed at the last decision,
  // or a gate into a stage the run never reached. Earlier branches the run later got past do not.
  const reached = s.stages.findIndex((x) => x.id === st.stage);
  const finalTurn = last?.turn ?? 0;
  const ctx = conditionContext(r);
  for (let i = st.blocked.length - 1; i >= 0; i--) {
    const b = st.blocked[i]!;
    const decisive = b.turn === finalTurn || (b.stage !== undefined && s.stages.findIndex((x) => x.id === b.stage) > reached);
    if (!decisive) continue;
    const unmet = shortfalls(b.condition, ctx).filter((x) => x.kind !== "other");
    if (unmet.length) return { kind: "unmet", ...(b.stage ? { stage: b.stage } : {}), shortfalls: unmet };
  }
  if (!last) return { kind: "none" };
  return { kind: "path", node: last.node, option: last.option, principles: lostAt(st.log, last.turn, last.node) };
}
