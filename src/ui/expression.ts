/**
 * Which face a stakeholder shows: from their relationship meters and how the last step
 * moved them. Pure, so the rule is tested; the portraits only draw the result.
 */
import type { StakeholderState } from "../engine/account.ts";

export const EXPRESSIONS = ["neutral", "interested", "pleased", "sceptical", "annoyed"] as const;
export type Expression = (typeof EXPRESSIONS)[number];

/** `delta` is the sum of this stakeholder's meter changes in the last step. */
export function expressionOf(s: Pick<StakeholderState, "trust" | "interest" | "emotion" | "level">, delta = 0): Expression {
  if (delta <= -2 || s.emotion <= 1) return "annoyed";
  if (delta < 0 || (s.trust <= 1 && s.emotion <= 3)) return "sceptical";
  if (delta >= 2 || s.emotion >= 7 || s.level === "personal-trust" || s.level === "organisational-trust") return "pleased";
  if (delta > 0 || s.interest >= 5) return "interested";
  return "neutral";
}
