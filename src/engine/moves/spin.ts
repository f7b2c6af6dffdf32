/**
 * SPIN questions (DOMAIN.md §3). Research on large sales: fewer situation questions
 * (they can be researched, and buyers tire of them); problem questions surface implied
 * needs; implication questions make them hurt; need-payoff questions turn them into
 * explicit needs — the strongest predictors of success.
 */
import type { JudgeContext, MoveOf, MoveRule, RuleContext } from "./types.ts";
import { stakeholderOf } from "./types.ts";
import type { Option } from "../schema.ts";
import { temperamentOf } from "../temperament.ts";

/** Situation questions a meeting bears before the client tires (the second already costs a little). */
export const SITUATION_LIMIT = 2;

type Spin = MoveOf<"spin">;

function needState(ctx: JudgeContext, move: Spin, who: string | undefined) {
  const needs = stakeholderOf(ctx.account, who)?.needs;
  return move.need && needs && Object.hasOwn(needs, move.need) ? needs[move.need] : undefined;
}

/** What a situation question will do now: the course's judgement, shared by rules and advice. */
function situationVerdict(ctx: JudgeContext, move: Spin, who: string | undefined): "researched" | "tiring" | "researchable" | "another" | "fine" {
  const a = ctx.account;
  // A guarded client is tired of background questions from the first one: it counts as the second.
  const asked = (a.meeting?.situation ?? 0) + (temperamentOf(ctx, who) === "guarded" ? 1 : 0);
  if (move.fact && a.researched.includes(move.fact)) return "researched";
  if (asked >= SITUATION_LIMIT) return "tiring";
  // Rackham: in large sales, situation questions correlate with failure; one sets the scene, more cost.
  if (asked >= 1) return "another";
  if (move.fact && ctx.scenario.research?.[move.fact]) return "researchable";
  return "fine";
}

/** What a question asked before its time costs beyond the usual: a guarded client takes it worse, an open one shrugs it off. */
function premature(ctx: JudgeContext, who: string | undefined): number {
  const t = temperamentOf(ctx, who);
  return t === "guarded" ? 2 : t === "open" ? -1 : 0;
}

function apply(ctx: RuleContext, move: Spin, option: Option): void {
  const who = option.to;
  const need = needState(ctx, move, who);
  switch (move.type) {
    case "situation": {
      const verdict = situationVerdict(ctx, move, who);
      if (ctx.account.meeting) ctx.account.meeting.situation += 1;
      if (verdict === "researched") {
        ctx.award("questioning", -6, "spin.situation-researched", who);
        if (who) ctx.meter(who, "emotion", -1);
      } else if (verdict === "tiring") {
        // Each one past the limit tires them more (Rackham: buyers tire of situation questions).
        const over = ctx.account.meeting ? ctx.account.meeting.situation - SITUATION_LIMIT : 1;
        ctx.award("questioning", -3 - 2 * over, "spin.situation-tires", who);
        if (who) ctx.meter(who, "emotion", -1);
        if (who && over > 1) ctx.meter(who, "interest", -1);
      } else if (verdict === "researchable") ctx.award("questioning", -2, "research.before-asking", who);
      else if (verdict === "another") ctx.award("questioning", -2, "spin.situation-tires", who);
      return;
    }
    case "problem":
      if (need === "hidden") {
        ctx.setNeed(who!, move.need!, "surfaced");
        ctx.award("questioning", 6, "spin.problem-surfaces", who);
        ctx.meter(who!, "interest", 1);
      }
      return;
    case "implication":
      if (need === "surfaced") {
        ctx.setNeed(who!, move.need!, "developed");
        ctx.award("questioning", 8, "spin.implication-develops", who);
        ctx.meter(who!, "interest", 2);
      } else if (need === undefined || need === "hidden") {
        ctx.award("questioning", -4 - premature(ctx, who), "spin.implication-flat", who);
        if (who) ctx.meter(who, "emotion", -1);
      }
      return;
    case "need-payoff":
      if (need === "developed" || need === "surfaced") {
        ctx.setNeed(who!, move.need!, "explicit");
        const developed = need === "developed";
        // Made explicit without an implication question: the client wants it, but has not felt what it costs them.
        if (!developed) ctx.account.shallow.push(`${who}/${move.need}`);
        ctx.award("questioning", developed ? 10 : 4, developed ? "spin.need-payoff-explicit" : "spin.need-payoff-early", who);
        ctx.meter(who!, "interest", 1);
        ctx.meter(who!, "trust", developed ? 2 : 1);
      } else if (need === undefined || need === "hidden") {
        ctx.award("questioning", -4 - premature(ctx, who), "spin.need-payoff-flat", who);
        if (who && temperamentOf(ctx, who) === "guarded") ctx.meter(who, "emotion", -1);
      }
      return;
  }
}

function rank(ctx: JudgeContext, move: Spin, to: string | undefined): number {
  const need = needState(ctx, move, to);
  switch (move.type) {
    case "situation": {
      const v = situationVerdict(ctx, move, to);
      return v === "fine" ? 20 : v === "researchable" || v === "another" ? 10 : v === "tiring" ? 4 : 0;
    }
    case "problem":
      return need === "hidden" ? 80 : 22;
    case "implication":
      return need === "surfaced" ? 90 : need === "developed" ? 25 : 5;
    case "need-payoff":
      return need === "developed" ? 100 : need === "surfaced" ? 60 : need === "explicit" ? 20 : 5;
  }
}

export const spinRule: MoveRule<"spin"> = {
  competency: "questioning",
  cost: () => ({ weeks: 0, budget: 0 }),
  // Situation questions get short, factual answers; the others get the client talking.
  talk: (move) => ({ rep: 1, client: move.type === "situation" ? 1 : 3 }),
  apply,
  rank,
  guide: {
    needs: {
      "zh-CN": "P 需要对方有尚未暴露的隐含需求（need）；I 需要该需求已暴露；N 在需求已被放大后效果最好。S 每次会议最多两个，已调研过的事实不要再问。",
      en: "P needs a hidden implied need (`need`); I needs it surfaced; N works best once it is developed. At most two S per meeting; never ask what research already told you.",
    },
    does: {
      "zh-CN": "P：隐藏 → 暴露（+6 提问，+1 利益）；I：暴露 → 放大（+8，+2 利益）；N：放大 → 明确（+10，+1 利益 +2 信任；仅暴露时 +4）。无需求可谈的 I/N −4（谨慎的客户 −6 并 −1 情感，健谈的 −3）；第二个 S −2、第三个 −5、第四个 −7（并 −1 利益）……，已调研的 S −6，可调研的 S −2。谨慎的客户第一个 S 就算第二个。",
      en: "P: hidden → surfaced (+6 questioning, +1 interest); I: surfaced → developed (+8, +2 interest); N: developed → explicit (+10, +1 interest +2 trust; +4 from surfaced). I/N with nothing to work on −4 (−6 and −1 emotion from a guarded client, −3 from an open one); a second S −2, a third −5, a fourth −7 (and −1 interest), …, an S research answered −6, a researchable S −2. To a guarded client the first S counts as the second.",
    },
  },
};
