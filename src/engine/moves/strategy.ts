/**
 * Strategy moves (DOMAIN.md §1, §6): attack and defence tactics that fit or fail by the
 * account's state, 我定规则 (terms that favour us in the tender), 我定对手 (screening a
 * rival out), research before meeting anyone, and closing — where pressure backfires
 * in a large sale (Rackham).
 */
import { levelIndex, ourStrength, strongestCompetitor, switchingCost } from "../account.ts";
import type { JudgeContext, MoveOf, MoveRule } from "./types.ts";
import { hasExplicitNeed, stakeholderOf } from "./types.ts";

/** Whether a tactic fits the account as it stands (DOMAIN.md §6), unless the scenario says otherwise. */
export function tacticFits(ctx: JudgeContext, move: MoveOf<"tactic">): { fits: boolean; principle: string } {
  const a = ctx.account;
  if (move.fits) return { fits: ctx.holds(move.fits), principle: "tactic.misfit" };
  const rival = move.against ?? strongestCompetitor(a);
  const comp = rival ? ctx.scenario.competitors?.[rival] : undefined;
  const strength = comp?.strength ?? 5;
  const ours = ourStrength(a);
  const anyExplicit = Object.keys(a.stakeholders).some((w) => hasExplicitNeed(a, w));
  switch (move.tactic) {
    case "frontal":
      return { fits: ours >= strength + 2, principle: "tactic.frontal-no-strength" };
    case "flanking":
      return { fits: anyExplicit && comp?.position !== "challenger", principle: "tactic.flanking-no-gap" };
    case "guerrilla":
      return { fits: ours < strength && comp?.position === "incumbent", principle: "tactic.guerrilla-misfit" };
    case "barrier":
      return { fits: switchingCost(a) >= 40, principle: "tactic.barrier-no-cost" };
    case "in-depth": {
      const cast = ctx.scenario.cast;
      const depts = new Set(Object.values(cast).map((c) => c.department));
      const covered = [...depts].every((d) =>
        Object.entries(cast).some(([id, c]) => c.department === d && levelIndex(a.stakeholders[id]!.level) >= levelIndex("awareness")),
      );
      return { fits: covered && a.pairs.length >= 2, principle: "tactic.in-depth-no-coverage" };
    }
    case "strategic":
      return {
        fits: Object.entries(ctx.scenario.cast).some(([id, c]) => c.department === "executive" && a.stakeholders[id]!.level === "organisational-trust"),
        principle: "tactic.strategic-no-partner",
      };
  }
}

export const tacticRule: MoveRule<"tactic"> = {
  competency: "strategy",
  cost: () => ({ weeks: 0, budget: 0 }),
  talk: () => ({ rep: 1, client: 1 }),
  apply(ctx, move, option) {
    const a = ctx.account;
    const { fits, principle } = tacticFits(ctx, move);
    const rival = move.against ?? strongestCompetitor(a);
    if (fits) {
      const c = rival ? a.competitors[rival] : undefined;
      if (c) c.standing = Math.max(0, c.standing - 20);
      if (move.tactic === "barrier" || move.tactic === "in-depth" || move.tactic === "strategic") a.integration = Math.min(100, a.integration + 10);
      ctx.award("strategy", 12, "tactic.fits", option.to);
    } else {
      ctx.award("strategy", -10, principle, option.to);
      if (option.to) ctx.meter(option.to, "trust", -1);
    }
  },
  rank: (ctx, move) => (tacticFits(ctx, move).fits ? 85 : 3),
  guide: {
    needs: {
      "zh-CN": "正面进攻：我方实力（干系人三项均值）≥ 对手实力 + 2；侧翼：已有明确需求且对手不是挑战者；游击：我方较弱且对手是在位者；壁垒：转换成本 ≥ 40；纵深：每个部门至少一人达到认知且已带入两位同事；战略防御：对方高层达到组织信任。作者可用 fits 条件覆盖。",
      en: "Frontal: our strength (mean meters) ≥ the rival's strength + 2; flanking: an explicit need and a rival that is not the challenger; guerrilla: we are weaker and the rival is the incumbent; barrier: switching cost ≥ 40; in depth: every department has someone at awareness and two colleagues are in; strategic: their executive at organisational trust. An author's `fits` condition overrides.",
    },
    does: {
      "zh-CN": "合适 +12 策略，对手声势 −20；防御类再 +10 融合度。不合适 −10 策略，−1 信任。",
      en: "A fit +12 strategy and the rival's standing −20; defences also +10 integration. A misfit −10 strategy and −1 trust.",
    },
  },
};

/** 我定规则 works with someone who trusts us personally and has stated what they need. */
function rulesReady(ctx: JudgeContext, to: string | undefined): boolean {
  const s = stakeholderOf(ctx.account, to);
  return !!s && levelIndex(s.level) >= levelIndex("personal-trust") && hasExplicitNeed(ctx.account, to);
}

export const rulesRule: MoveRule<"rules"> = {
  competency: "strategy",
  cost: () => ({ weeks: 0, budget: 0 }),
  talk: () => ({ rep: 1, client: 1 }),
  apply(ctx, _move, option) {
    const who = option.to;
    if (rulesReady(ctx, who)) {
      ctx.setTask("set-rules", "done");
      ctx.account.integration = Math.min(100, ctx.account.integration + 15);
      ctx.award("strategy", 10, "rules.set", who);
    } else {
      ctx.award("strategy", -6, "rules.too-early", who);
      if (who) ctx.meter(who, "trust", -1);
    }
  },
  rank: (ctx, _move, to) => (rulesReady(ctx, to) ? 88 : 10),
  guide: {
    needs: {
      "zh-CN": "对象已达到对个人信任且有明确需求。",
      en: "The stakeholder is at personal trust or above and has an explicit need.",
    },
    does: {
      "zh-CN": "完成“我定规则”，融合度 +15，+10 策略；过早 −6 策略、−1 信任。",
      en: "Completes 我定规则, +15 integration, +10 strategy; too early −6 strategy, −1 trust.",
    },
  },
};

/** 我定对手 needs an influential stakeholder (decider, gatekeeper or influencer) who trusts us personally. */
function screenReady(ctx: JudgeContext, move: MoveOf<"screen">, to: string | undefined): boolean {
  const s = stakeholderOf(ctx.account, to);
  const role = to !== undefined ? ctx.scenario.cast[to]?.decisionRole : undefined;
  const influential = role === "decider" || role === "gatekeeper" || role === "influencer";
  return !!s && influential && !!ctx.account.competitors[move.competitor] && levelIndex(s.level) >= levelIndex("personal-trust");
}

export const screenRule: MoveRule<"screen"> = {
  competency: "strategy",
  cost: () => ({ weeks: 0, budget: 0 }),
  talk: () => ({ rep: 1, client: 1 }),
  apply(ctx, move, option) {
    const who = option.to;
    if (!screenReady(ctx, move, who)) {
      ctx.award("strategy", -6, "screen.too-early", who);
      return;
    }
    const strongest = strongestCompetitor(ctx.account);
    ctx.account.competitors[move.competitor]!.excluded = true;
    ctx.setTask("choose-opponents", "done");
    if (strongest === move.competitor) ctx.award("strategy", 10, "screen.done", who);
    else ctx.award("strategy", 2, "screen.wrong-rival", who);
  },
  rank: (ctx, move, to) => (screenReady(ctx, move, to) ? (strongestCompetitor(ctx.account) === move.competitor ? 86 : 40) : 10),
  guide: {
    needs: {
      "zh-CN": "对象是决策者、把关者或影响者，且已达到对个人信任；competitor 为场景中的对手。",
      en: "Addressed to a decider, gatekeeper or influencer at personal trust or above; `competitor` names a rival of the scenario.",
    },
    does: {
      "zh-CN": "把该对手排除出投标，完成“我定对手”；排除最强对手 +10 策略，其他 +2；过早 −6。",
      en: "Screens that rival out of the tender and completes 我定对手; the strongest rival +10 strategy, another +2; too early −6.",
    },
  },
};

export const closeRule: MoveRule<"close"> = {
  competency: "questioning",
  cost: () => ({ weeks: 0, budget: 0 }),
  talk: () => ({ rep: 2, client: 1 }),
  apply(ctx, move, option) {
    const who = option.to;
    const s = stakeholderOf(ctx.account, who);
    if (move.style === "push") {
      ctx.award("questioning", -10, "spin.no-closing-pressure", who);
      ctx.award("strategy", -4, "spin.no-closing-pressure", who);
      if (who) {
        ctx.meter(who, "emotion", -2);
        ctx.meter(who, "trust", -1);
      }
    } else if (s && levelIndex(s.level) >= levelIndex("awareness")) ctx.award("strategy", 4, "close.advance", who);
  },
  rank: (ctx, move, to) => {
    if (move.style === "push") return 0;
    const s = stakeholderOf(ctx.account, to);
    return s && levelIndex(s.level) >= levelIndex("awareness") ? 55 : 25;
  },
  guide: {
    needs: {
      "zh-CN": "推进（advance）：对方至少达到认知。施压成交（push）在大订单中总是适得其反。",
      en: "An advance needs the stakeholder at awareness or above. A push always backfires in a large sale.",
    },
    does: {
      "zh-CN": "推进 +4 策略；施压 −10 提问 −4 策略，−2 情感 −1 信任。",
      en: "An advance +4 strategy; a push −10 questioning −4 strategy, −2 emotion −1 trust.",
    },
  },
};

/** Research facts that score before the rep runs out of useful homework. */
const USEFUL_RESEARCH = 3;

export const researchRule: MoveRule<"research"> = {
  competency: "questioning",
  cost: () => ({ weeks: 1, budget: 0 }),
  talk: () => ({ rep: 0, client: 0 }),
  apply(ctx, move) {
    const a = ctx.account;
    if (a.researched.includes(move.fact)) return;
    a.researched.push(move.fact);
    if (a.researched.length <= USEFUL_RESEARCH) ctx.award("questioning", 3, "research.before-asking");
  },
  rank: (ctx, move) => (ctx.account.researched.includes(move.fact) ? 5 : ctx.account.researched.length < USEFUL_RESEARCH ? 75 : 30),
  guide: {
    needs: { "zh-CN": "fact 为 research 中的事实。", en: "`fact` names an entry of `research`." },
    does: {
      "zh-CN": "记下该事实（之后问到它的背景问题会扣分），前三条各 +3 提问；每条花 1 周。",
      en: "Learns the fact (a situation question about it later costs points); the first three +3 questioning each; one week each.",
    },
  },
};
