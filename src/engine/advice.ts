/**
 * How good a move is right now, by the course's principles and the research on large
 * sales. One ranking serves two uses: the debrief's "better option" and the simulator's
 * `spin-disciplined` policy. Pure and cheap: no state is changed.
 */
import { levelIndex, strongestCompetitor, type AccountState } from "./account.ts";
import type { Scenario } from "./loader.ts";
import { summariseIsTimely, tacticFits } from "./rules.ts";
import type { Condition, MoveTag } from "./schema.ts";

export interface AdviceContext {
  scenario: Scenario;
  account: AccountState;
  holds(c: Condition): boolean;
}

function hasExplicitNeed(a: AccountState, who: string | undefined): boolean {
  if (who === undefined) return false;
  const needs = a.stakeholders[who]?.needs;
  if (!needs) return false;
  for (const k in needs) if (needs[k] === "explicit") return true;
  return false;
}

/** 0 (against the course) … 100 (exactly what the course teaches here). */
export function rankMove(ctx: AdviceContext, move: MoveTag, to: string | undefined): number {
  const a = ctx.account;
  const s = to ? a.stakeholders[to] : undefined;
  switch (move.kind) {
    case "spin": {
      const need = move.need && s ? s.needs[move.need] : undefined;
      if (move.type === "situation") {
        if (move.fact && a.researched.includes(move.fact)) return 0;
        return (a.meeting?.situation ?? 0) >= 2 ? 4 : 20;
      }
      if (move.type === "problem") return need === "hidden" ? 80 : 22;
      if (move.type === "implication") return need === "surfaced" ? 90 : need === "developed" ? 25 : 5;
      return need === "developed" ? 100 : need === "surfaced" ? 60 : need === "explicit" ? 20 : 5;
    }
    case "pitch": {
      const answered = !!(move.need && s && s.needs[move.need] === "explicit");
      const early = (move.parts.includes("feature") || move.parts.includes("advantage")) && !answered && !hasExplicitNeed(a, to);
      if (early) return 2;
      if (move.parts.includes("benefit")) return answered ? 95 + (move.parts.includes("evidence") ? 3 : 0) : 12;
      return move.parts.includes("evidence") ? 50 : 30;
    }
    case "listen":
      if (move.behaviour === "summarise") return summariseIsTimely(a, to) ? 70 : 10;
      return move.behaviour === "distracted" ? 0 : 40;
    case "close":
      return move.style === "push" ? 0 : s && levelIndex(s.level) >= levelIndex("awareness") ? 55 : 25;
    case "awareness":
      return hasExplicitNeed(a, to) ? 65 : 45;
    case "talk":
      return s && s.smalltalk === 0 ? 30 : 8;
    case "relationship": {
      const cap = ctx.scenario.policy?.giftCap;
      if (cap !== undefined && (move.value ?? 0) > cap) return 0;
      if (move.action === "bring-colleague") return move.colleague && !a.pairs.includes(move.colleague) ? 68 : 6;
      if (move.action === "executive-interaction" && !a.pairs.includes("executive")) return 8;
      return s && s.rapport < 2 ? 35 : 8;
    }
    case "tactic":
      return tacticFits(ctx, move).fits ? 85 : 3;
    case "rules":
      return s && levelIndex(s.level) >= levelIndex("personal-trust") && hasExplicitNeed(a, to) ? 88 : 10;
    case "screen": {
      const ready = s && levelIndex(s.level) >= levelIndex("personal-trust");
      return ready ? (strongestCompetitor(a) === move.competitor ? 86 : 40) : 10;
    }
    case "research":
      return a.researched.includes(move.fact) ? 5 : 75;
  }
}
