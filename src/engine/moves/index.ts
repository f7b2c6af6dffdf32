/**
 * The move-rule table: one entry per move kind (types.ts says what an entry holds). A new
 * move kind is one entry here plus its strings and icon; the type system lists what is
 * missing. Everything else reads the table through the helpers below.
 */
import type { Effect, MoveTag, Option } from "../schema.ts";
import { derivedOnce } from "../derived.ts";
import { spinRule } from "./spin.ts";
import { awarenessRule, pitchRule } from "./pitch.ts";
import { listenRule } from "./listen.ts";
import { relationshipRule, talkRule } from "./relationship.ts";
import { closeRule, researchRule, rulesRule, screenRule, tacticRule } from "./strategy.ts";
import type { Cost, JudgeContext, MoveKind, MoveOf, MoveRule, MoveTable, RuleContext, TalkUnits } from "./types.ts";

export type { Cost, JudgeContext, MoveKind, MoveRule, MoveTable, RuleContext, TalkUnits } from "./types.ts";
export { summariseIsTimely } from "./listen.ts";
export { tacticFits } from "./strategy.ts";
export { colleagueWouldPair, overGiftCap } from "./relationship.ts";
export { AWARENESS_COST } from "./pitch.ts";
export { SITUATION_LIMIT } from "./spin.ts";

export const MOVE_RULES: MoveTable = {
  spin: spinRule,
  pitch: pitchRule,
  listen: listenRule,
  tactic: tacticRule,
  relationship: relationshipRule,
  awareness: awarenessRule,
  close: closeRule,
  talk: talkRule,
  research: researchRule,
  rules: rulesRule,
  screen: screenRule,
};

/** Move kinds in table order: the one list tests, icons and strings are checked against. */
export const MOVE_KINDS = Object.keys(MOVE_RULES) as MoveKind[];

/** The table's entry for a move, typed for that move. */
function ruleOf<K extends MoveKind>(move: MoveOf<K>): MoveRule<K> {
  return MOVE_RULES[move.kind as K] as MoveRule<K>;
}

/** Time and money each kind of move takes before any option-specific cost. */
export function moveCost(move: MoveTag): Cost {
  return ruleOf(move).cost(move);
}

/** An option's whole cost: its kind's plus the author's extra. */
export function optionCost(o: Option): Cost {
  const base = moveCost(o.move);
  return { weeks: base.weeks + (o.cost?.weeks ?? 0), budget: base.budget + (o.cost?.budget ?? 0) };
}

/** Talk units a move costs the rep, and how much it gets the client talking. */
export function talkUnits(move: MoveTag): TalkUnits {
  return ruleOf(move).talk(move);
}

/** Applies the engine's reaction to a chosen move (before the author's own effects). */
export function applyMove(ctx: RuleContext, option: Option): void {
  ruleOf(option.move).apply(ctx, option.move, option);
}

/** How good a move is right now by the course (0-100). Pure: no state is changed. */
export function rankMove(ctx: JudgeContext, move: MoveTag, to: string | undefined): number {
  return ruleOf(move).rank(ctx, move, to);
}

/** The points an option's own top-level `score` effects always award: the author's verdict on choosing it. */
export function ownPoints(option: Pick<Option, "effects">): number {
  return option.effects ? ownPointsOf(option.effects) : 0;
}
// Summed once per effect list (scenario data no run changes): ranking reads it for every offered option at every choice.
const ownPointsOf = derivedOnce((effects: readonly Effect[]): number => {
  let sum = 0;
  for (const e of effects) if ("score" in e) sum += e.score.points;
  return sum;
});

/**
 * Highest rank an option the author penalised can have (its own score effects net below
 * zero): under any move the course would advise (advice names only ranks of 50 and up),
 * and lower the larger the penalty, so two penalised options keep an order.
 */
export const PENALISED_RANK = 10;

/**
 * How good an option is right now: its move by the course, unless the author scored the
 * option itself as a loss. The author knows the case (small talk where the client is
 * pressed for time), so the rank, the advice and the simulated players follow the
 * author's own penalty rather than walking into it.
 */
export function rankOption(ctx: JudgeContext, option: Pick<Option, "move" | "to" | "effects">): number {
  const rank = rankMove(ctx, option.move, option.to);
  const own = ownPoints(option);
  return own < 0 ? Math.min(rank, (PENALISED_RANK * PENALISED_RANK) / (PENALISED_RANK - own)) : rank;
}
