/**
 * Presenting (DOMAIN.md §4): FABE pitches and the six ways to build product and brand
 * awareness. A benefit lands only when it answers an explicit need that stakeholder
 * stated; features and advantages before any explicit need raise objections and price
 * pressure (Rackham: objections are mostly caused by the seller).
 */
import type { JudgeContext, MoveOf, MoveRule, RuleContext } from "./types.ts";
import { hasExplicitNeed, stakeholderOf } from "./types.ts";
import type { Option } from "../schema.ts";
import type { AwarenessMethod } from "../vocabulary.ts";
import { temperamentOf } from "../temperament.ts";

type Pitch = MoveOf<"pitch">;

/** Whether the pitch names a need this stakeholder has stated explicitly. */
function answersNeed(ctx: JudgeContext, move: Pitch, who: string | undefined): boolean {
  const needs = stakeholderOf(ctx.account, who)?.needs;
  return !!(move.need && needs && Object.hasOwn(needs, move.need) && needs[move.need] === "explicit");
}

/** Features or advantages thrown at someone who has stated no explicit need. */
function tooEarly(ctx: JudgeContext, move: Pitch, who: string | undefined): boolean {
  const fa = move.parts.includes("feature") || move.parts.includes("advantage");
  return fa && !answersNeed(ctx, move, who) && !hasExplicitNeed(ctx.account, who);
}

/** A need made explicit without being developed by an implication question first. */
function isShallow(ctx: JudgeContext, move: Pitch, who: string | undefined): boolean {
  return move.need !== undefined && ctx.account.shallow.includes(`${who}/${move.need}`);
}

function applyPitch(ctx: RuleContext, move: Pitch, option: Option): void {
  const a = ctx.account;
  const who = option.to;
  const answered = answersNeed(ctx, move, who);
  if (tooEarly(ctx, move, who)) {
    a.objections += 1;
    a.pricePressure += 1;
    ctx.award("presenting", -8, "fabe.features-too-early", who);
    if (who) ctx.meter(who, "emotion", -1);
  }
  if (move.parts.includes("benefit")) {
    if (answered && isShallow(ctx, move, who)) {
      // Rackham: implication questions build the value that justifies the price in a large sale.
      a.pricePressure += 1;
      ctx.award("presenting", 5, "fabe.benefit-shallow-need", who);
      ctx.meter(who!, "interest", 1);
      ctx.setTask("guide-client", "done");
    } else if (answered) {
      ctx.award("presenting", 12, "fabe.benefit-answers-need", who);
      ctx.meter(who!, "interest", 2);
      ctx.setTask("guide-client", "done");
      // An analytical client believes a benefit only with proof behind it.
      if (!move.parts.includes("evidence") && temperamentOf(ctx, who) === "analytical") {
        ctx.award("presenting", -6, "fabe.wants-evidence", who);
        ctx.meter(who!, "trust", -1);
      }
    } else ctx.award("presenting", -3, "fabe.benefit-unstated-need", who);
  }
  if (move.parts.includes("evidence") && who) {
    // Evidence behind an unanswered claim still builds a little trust, but only a pitch
    // that answers a need scores as presenting well.
    // A guarded client starts with less trust, and proof is what wins it back.
    ctx.meter(who, "trust", (answered ? 2 : 1) + (temperamentOf(ctx, who) === "guarded" ? 1 : 0));
    if (answered) {
      // Proof is what an analytical client was waiting for: it lands harder with them.
      ctx.award("presenting", temperamentOf(ctx, who) === "analytical" ? 8 : 5, "fabe.evidence-builds-trust", who);
      ctx.setTask("value-demonstration", "done");
    }
  }
}

function rankPitch(ctx: JudgeContext, move: Pitch, to: string | undefined): number {
  if (tooEarly(ctx, move, to)) return 2;
  const answered = answersNeed(ctx, move, to);
  const proof = move.parts.includes("evidence") ? (temperamentOf(ctx, to) === "analytical" ? 4 : 3) : temperamentOf(ctx, to) === "analytical" ? -30 : 0;
  if (move.parts.includes("benefit")) return answered ? (isShallow(ctx, move, to) ? 60 : 95) + proof : 12;
  return move.parts.includes("evidence") ? 30 : 20;
}

export const pitchRule: MoveRule<"pitch"> = {
  competency: "presenting",
  cost: () => ({ weeks: 0, budget: 0 }),
  talk: (move) => ({ rep: move.parts.length * 1.5, client: 1 }),
  apply: applyPitch,
  rank: rankPitch,
  guide: {
    needs: {
      "zh-CN": "利益（B）要回应对方已明确表达的需求（need 指向该需求且其状态为明确）。对方尚无任何明确需求时不要讲特性/优势。",
      en: "A benefit (B) must answer a need this stakeholder has made explicit (`need` names it). No features/advantages before they have stated any explicit need.",
    },
    does: {
      "zh-CN": "回应明确需求的利益 +12 呈现、+2 利益，完成“引导客户”；附证据 +5（对重数据的客户 +8）、+2 信任（谨慎的客户 +3），完成“价值展示”；对重数据的客户不附证据 −6、−1 信任。过早的特性/优势 −8，增加异议与价格压力，−1 情感；未回应明确需求的利益 −3。",
      en: "A benefit answering an explicit need +12 presenting, +2 interest, completes 引导客户; with evidence +5 (+8 to an analytical client) and +2 trust (+3 from a guarded one), completes 价值展示; to an analytical client, without evidence −6 and −1 trust. Early features/advantages −8, an objection and price pressure, −1 emotion; a benefit for no stated need −3.",
    },
  },
};

/** Time and money each of the six awareness methods takes (DOMAIN.md §4). */
export const AWARENESS_COST: Record<AwarenessMethod, { weeks: number; budget: number }> = {
  "technical-exchange": { weeks: 1, budget: 1 },
  "track-record": { weeks: 0, budget: 0 },
  "product-intro": { weeks: 0, budget: 0 },
  "factory-visit": { weeks: 1, budget: 2 },
  authority: { weeks: 0, budget: 1 },
  "solution-test": { weeks: 2, budget: 2 },
};

export const awarenessRule: MoveRule<"awareness"> = {
  competency: "presenting",
  cost: (move) => AWARENESS_COST[move.method],
  talk: () => ({ rep: 3, client: 1 }),
  apply(ctx, _move, option) {
    const who = option.to;
    if (!who) return;
    const fit = hasExplicitNeed(ctx.account, who);
    ctx.meter(who, "trust", 1);
    ctx.meter(who, "interest", 1);
    ctx.award("presenting", fit ? 7 : 3, fit ? "awareness.solution-fit" : "awareness.method", who);
    ctx.setTask("value-demonstration", "done");
  },
  rank: (ctx, _move, to) => (to === undefined ? 10 : hasExplicitNeed(ctx.account, to) ? 65 : 45),
  guide: {
    needs: {
      "zh-CN": "对象（to）为一位干系人；对方已有明确需求时效果最好。",
      en: "Addressed (`to`) to a stakeholder; best once they have an explicit need.",
    },
    does: {
      "zh-CN": "+1 信任、+1 利益；+3 呈现（有明确需求时 +7），完成“价值展示”。消耗见费用表。",
      en: "+1 trust, +1 interest; +3 presenting (+7 with an explicit need); completes 价值展示. Costs as in the table.",
    },
  },
};
