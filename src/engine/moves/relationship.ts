/**
 * Relationship moves (DOMAIN.md §2): bringing colleagues into the account (关系雪球),
 * rapport within the compliance policy (客情维护), and small talk, whose returns fall
 * off sharply. Gifts over the policy's cap are bribery risk: punished, never rewarded.
 */
import { PAIR_COVERS } from "../account.ts";
import { finite } from "../finite.ts";
import { scenarioFacts } from "../scenario-facts.ts";
import type { Scenario } from "../loader.ts";
import type { AccountState } from "../account.ts";
import type { JudgeContext, MoveOf, MoveRule } from "./types.ts";
import { stakeholderOf } from "./types.ts";

type Relationship = MoveOf<"relationship">;

/** Whether a gift or hospitality is over the scenario's compliance cap. */
export function overGiftCap(scenario: Scenario, move: Relationship): boolean {
  const cap = scenario.policy?.giftCap;
  return cap !== undefined && (move.value ?? 0) > cap;
}

/** Whether bringing this colleague in would pair them with someone: not yet in, and their counterpart department is in the cast. */
export function colleagueWouldPair(ctx: JudgeContext, move: Relationship): boolean {
  const c = move.colleague;
  if (!c || ctx.account.pairs.includes(c)) return false;
  return scenarioFacts(ctx.scenario).departments.some((d) => PAIR_COVERS[c].includes(d));
}

/** Whether a rapport gesture still builds goodwill (executive interaction needs our executive in the account). */
function rapportWorks(a: AccountState, move: Relationship, who: string | undefined): boolean {
  const s = stakeholderOf(a, who);
  if (!s) return false;
  if (move.action === "executive-interaction" && !a.pairs.includes("executive")) return false;
  return s.rapport < 2;
}

export const relationshipRule: MoveRule<"relationship"> = {
  competency: "relationships",
  cost: (move) => ({ weeks: 0, budget: move.action === "gift" ? 2 : 1 }),
  talk: () => ({ rep: 1, client: 1 }),
  apply(ctx, move, option) {
    const a = ctx.account;
    const who = option.to;
    if (move.action === "bring-colleague") {
      if (colleagueWouldPair(ctx, move)) {
        const c = move.colleague!;
        a.pairs.push(c);
        ctx.award("relationships", 6, "rel.snowball-pair", who);
        ctx.award("strategy", 3, "rel.snowball-pair", who);
        for (const [id, member] of Object.entries(ctx.scenario.cast)) {
          if (PAIR_COVERS[c].includes(member.department)) ctx.meter(id, "trust", 1);
        }
      } else ctx.award("relationships", -2, "rel.colleague-idle", who);
      return;
    }
    if (overGiftCap(ctx.scenario, move)) {
      const cap = ctx.scenario.policy!.giftCap;
      a.risk = finite(a.risk + (move.value ?? 0) / Math.max(1, cap));
      ctx.award("relationships", -15, "ethics.gift-over-cap", who);
      ctx.award("strategy", -8, "ethics.gift-over-cap", who);
      if (who) ctx.meter(who, "emotion", 1);
      return;
    }
    const s = stakeholderOf(a, who);
    if (!s || !who) return;
    const works = rapportWorks(a, move, who);
    s.rapport += 1;
    if (!works) {
      ctx.award("relationships", -2, "rel.diminishing", who);
      return;
    }
    ctx.meter(who, "emotion", s.rapport === 1 ? 2 : 1);
    ctx.award("relationships", s.rapport === 1 ? 4 : 2, "rel.rapport", who);
  },
  rank(ctx, move, to) {
    if (move.action === "bring-colleague") return colleagueWouldPair(ctx, move) ? 68 : 6;
    if (overGiftCap(ctx.scenario, move)) return 0;
    return rapportWorks(ctx.account, move, to) ? 35 : 8;
  },
  guide: {
    needs: {
      "zh-CN": "带同事（colleague）要对方公司有其对口部门且该同事尚未加入；礼品价值（value）不得超过合规上限；同一人的客情维护第三次起收益递减；高层互动需要我方高层已加入。",
      en: "A colleague (`colleague`) needs their counterpart department in the cast and must not be in already; a gift's `value` must stay within the compliance cap; rapport to one person falls off from the third gesture; executive interaction needs our executive in the account.",
    },
    does: {
      "zh-CN": "带同事配对 +6 关系 +3 策略，对口部门每人 +1 信任（关系雪球，组织信任的前提）；无人可配 −2。客情 +4/+2 关系、+2/+1 情感，之后 −2。超标礼品 −15 关系 −8 策略，增加合规风险，达到上限即取消资格。",
      en: "A paired colleague +6 relationships +3 strategy, +1 trust for each person in the counterpart department (关系雪球; organisational trust needs it); nobody to pair −2. Rapport +4/+2 relationships, +2/+1 emotion, then −2. A gift over the cap −15 relationships −8 strategy and compliance risk; at the risk limit the bid is disqualified.",
    },
  },
};

/** Flattery and small talk: the first one warms, the third and later cost. */
export const talkRule: MoveRule<"talk"> = {
  competency: "relationships",
  cost: () => ({ weeks: 0, budget: 0 }),
  talk: () => ({ rep: 2, client: 1 }),
  apply(ctx, _move, option) {
    const who = option.to;
    const s = stakeholderOf(ctx.account, who);
    if (!s || !who) return;
    s.smalltalk += 1;
    if (s.smalltalk === 1) ctx.meter(who, "emotion", 1);
    else if (s.smalltalk >= 3) {
      ctx.meter(who, "emotion", -1);
      ctx.award("relationships", -3, "rel.diminishing", who);
    }
  },
  rank: (ctx, _move, to) => (stakeholderOf(ctx.account, to)?.smalltalk === 0 ? 30 : 8),
  guide: {
    needs: { "zh-CN": "对象为一位干系人。", en: "Addressed to a stakeholder." },
    does: {
      "zh-CN": "第一次 +1 情感；第三次起 −1 情感、−3 关系（奉承的回报急剧递减）。",
      en: "The first +1 emotion; from the third −1 emotion and −3 relationships (flattery's returns fall off sharply).",
    },
  },
};
