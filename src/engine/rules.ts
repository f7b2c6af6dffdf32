/**
 * The sales course as rules: how the client reacts to each kind of move, and what the
 * scorecard makes of it. Each scored reaction names the principle it met or broke
 * (principles.json), so the debrief can say why. Numbers are tuned so that the research
 * findings of DOMAIN.md §3-4 hold (tests/unit/ordering.test.ts checks them).
 */
import {
  levelIndex,
  needProgress,
  ourStrength,
  strongestCompetitor,
  switchingCost,
  PAIR_COVERS,
  type AccountState,
} from "./account.ts";
import type { Scenario } from "./loader.ts";
import { type Competency, type Meter, type NeedState, type Stage3Task, type TaskStatus } from "./vocabulary.ts";
import type { Condition, MoveTag, Option } from "./schema.ts";

/** What a rule may do to a run. The runner implements it; rules never touch RunState directly. */
export interface RuleContext {
  readonly scenario: Scenario;
  readonly account: AccountState;
  /** Scores a principle for the current choice; `points` may be negative. */
  award(competency: Competency, points: number, principle: string): void;
  /** Changes a stakeholder's meter, clamped to 0-10. */
  meter(who: string, meter: Meter, delta: number): void;
  setNeed(who: string, need: string, state: NeedState): void;
  setTask(task: Stage3Task, status: TaskStatus): void;
  /** Evaluates an author's `fits` override of a tactic. */
  holds(condition: Condition): boolean;
}

/** Time and money each kind of move takes before any option-specific cost. */
export function moveCost(move: MoveTag): { weeks: number; budget: number } {
  switch (move.kind) {
    case "awareness":
      return {
        "technical-exchange": { weeks: 1, budget: 1 },
        "track-record": { weeks: 0, budget: 0 },
        "product-intro": { weeks: 0, budget: 0 },
        "factory-visit": { weeks: 1, budget: 2 },
        authority: { weeks: 0, budget: 1 },
        "solution-test": { weeks: 2, budget: 2 },
      }[move.method];
    case "relationship":
      if (move.action === "bring-colleague") return { weeks: 0, budget: 1 };
      return { weeks: 0, budget: move.action === "gift" ? 2 : 1 };
    case "research":
      return { weeks: 1, budget: 0 };
    default:
      return { weeks: 0, budget: 0 };
  }
}

export function optionCost(o: Option): { weeks: number; budget: number } {
  const base = moveCost(o.move);
  return { weeks: base.weeks + (o.cost?.weeks ?? 0), budget: base.budget + (o.cost?.budget ?? 0) };
}

/** Talk units a move costs the rep, and how much it gets the client talking. */
export function talkUnits(move: MoveTag): { rep: number; client: number } {
  switch (move.kind) {
    case "spin":
      return { rep: 1, client: move.type === "situation" ? 2 : 3 };
    case "pitch":
      return { rep: move.parts.length * 1.5, client: 1 };
    case "listen":
      return move.behaviour === "summarise" ? { rep: 1, client: 2 } : { rep: 0, client: move.behaviour === "distracted" ? 1 : 2 };
    case "awareness":
      return { rep: 3, client: 1 };
    case "close":
    case "talk":
      return { rep: 2, client: 1 };
    default:
      return { rep: 1, client: 1 };
  }
}

function hasExplicitNeed(a: AccountState, who: string | undefined): boolean {
  return who !== undefined && Object.values(a.stakeholders[who]?.needs ?? {}).some((n) => n === "explicit");
}

function stakeholder(a: AccountState, who: string | undefined) {
  return who === undefined ? undefined : a.stakeholders[who];
}

/** Whether summarising now is "the right moment": the client said something new since the last summary. */
export function summariseIsTimely(a: AccountState, who: string | undefined): boolean {
  const s = stakeholder(a, who);
  if (!s || !a.meeting) return false;
  const progress = needProgress(s);
  return progress > 0 && progress > (a.meeting.summarisedAt[who!] ?? 0);
}

/** Whether a tactic fits the account as it stands (DOMAIN.md §6), unless the scenario says otherwise. */
export function tacticFits(ctx: Pick<RuleContext, "account" | "scenario" | "holds">, move: Extract<MoveTag, { kind: "tactic" }>): { fits: boolean; principle: string } {
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
      const depts = new Set(Object.values(ctx.scenario.cast).map((c) => c.department));
      const covered = [...depts].every((d) =>
        Object.entries(ctx.scenario.cast).some(([id, c]) => c.department === d && levelIndex(a.stakeholders[id]!.level) >= levelIndex("awareness")),
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

/** Applies the engine's reaction to a chosen move (before the author's own effects). */
export function applyMove(ctx: RuleContext, option: Option): void {
  const a = ctx.account;
  const move = option.move;
  const who = option.to;
  const s = stakeholder(a, who);
  const meeting = a.meeting;

  switch (move.kind) {
    case "spin": {
      const need = move.need && s ? s.needs[move.need] : undefined;
      if (move.type === "situation") {
        if (meeting) meeting.situation += 1;
        if (move.fact && a.researched.includes(move.fact)) {
          ctx.award("questioning", -6, "spin.situation-researched");
          if (who) ctx.meter(who, "emotion", -1);
        } else if ((meeting?.situation ?? 1) > 2) {
          ctx.award("questioning", -5, "spin.situation-tires");
          if (who) ctx.meter(who, "emotion", -1);
        } else if (move.fact && ctx.scenario.research?.[move.fact]) {
          ctx.award("questioning", -2, "research.before-asking");
        }
        return;
      }
      if (move.type === "problem") {
        if (need === "hidden") {
          ctx.setNeed(who!, move.need!, "surfaced");
          ctx.award("questioning", 6, "spin.problem-surfaces");
          ctx.meter(who!, "interest", 1);
        }
        return;
      }
      if (move.type === "implication") {
        if (need === "surfaced") {
          ctx.setNeed(who!, move.need!, "developed");
          ctx.award("questioning", 8, "spin.implication-develops");
          ctx.meter(who!, "interest", 2);
        } else if (need === undefined || need === "hidden") {
          ctx.award("questioning", -4, "spin.implication-flat");
          if (who) ctx.meter(who, "emotion", -1);
        }
        return;
      }
      // need-payoff
      if (need === "developed" || need === "surfaced") {
        ctx.setNeed(who!, move.need!, "explicit");
        ctx.award("questioning", need === "developed" ? 10 : 4, need === "developed" ? "spin.need-payoff-explicit" : "spin.need-payoff-early");
        ctx.meter(who!, "interest", 1);
        ctx.meter(who!, "trust", 1);
      } else if (need === undefined || need === "hidden") {
        ctx.award("questioning", -4, "spin.need-payoff-flat");
      }
      return;
    }

    case "pitch": {
      const parts = new Set(move.parts);
      const answered = !!(move.need && s && s.needs[move.need] === "explicit");
      if ((parts.has("feature") || parts.has("advantage")) && !answered && !hasExplicitNeed(a, who)) {
        a.objections += 1;
        a.pricePressure += 1;
        ctx.award("presenting", -8, "fabe.features-too-early");
        if (who) ctx.meter(who, "emotion", -1);
      }
      if (parts.has("benefit")) {
        if (answered) {
          ctx.award("presenting", 12, "fabe.benefit-answers-need");
          ctx.meter(who!, "interest", 2);
          ctx.setTask("guide-client", "done");
        } else ctx.award("presenting", -3, "fabe.benefit-unstated-need");
      }
      if (parts.has("evidence") && who) {
        ctx.meter(who, "trust", answered ? 2 : 1);
        ctx.award("presenting", 5, "fabe.evidence-builds-trust");
        ctx.setTask("value-demonstration", "done");
      }
      return;
    }

    case "awareness": {
      if (!who) return;
      const fit = hasExplicitNeed(a, who);
      ctx.meter(who, "trust", 1);
      ctx.meter(who, "interest", 1);
      ctx.award("presenting", fit ? 7 : 4, fit ? "awareness.solution-fit" : "awareness.method");
      ctx.setTask("value-demonstration", "done");
      return;
    }

    case "listen": {
      if (move.behaviour === "summarise") {
        if (summariseIsTimely(a, who)) {
          meeting!.summarisedAt[who!] = needProgress(s!);
          ctx.award("listening", 8, "listen.summarise-right");
          ctx.meter(who!, "trust", 1);
          ctx.meter(who!, "emotion", 1);
        } else {
          ctx.award("listening", -4, "listen.summarise-parrot");
          if (who) ctx.meter(who, "emotion", -1);
        }
      } else if (move.behaviour === "distracted") {
        ctx.award("listening", -6, "listen.distracted");
        if (who) ctx.meter(who, "emotion", -2);
      } else if (move.behaviour === "take-notes" && meeting) {
        meeting.notes = true;
      } else if (move.behaviour === "body-language" && meeting) {
        meeting.posture = "engaged";
      }
      return;
    }

    case "close": {
      if (move.style === "push") {
        ctx.award("questioning", -10, "spin.no-closing-pressure");
        if (who) {
          ctx.meter(who, "emotion", -2);
          ctx.meter(who, "trust", -1);
        }
      } else if (s && levelIndex(s.level) >= levelIndex("awareness")) {
        ctx.award("strategy", 4, "close.advance");
      }
      return;
    }

    case "talk": {
      if (!s || !who) return;
      s.smalltalk += 1;
      if (s.smalltalk === 1) ctx.meter(who, "emotion", 1);
      else if (s.smalltalk >= 3) {
        ctx.meter(who, "emotion", -1);
        ctx.award("relationships", -3, "rel.diminishing");
      }
      return;
    }

    case "relationship": {
      if (move.action === "bring-colleague") {
        const c = move.colleague;
        if (c && !a.pairs.includes(c)) {
          a.pairs.push(c);
          ctx.award("relationships", 6, "rel.snowball-pair");
          for (const [id, member] of Object.entries(ctx.scenario.cast)) {
            if (PAIR_COVERS[c].includes(member.department)) ctx.meter(id, "trust", 1);
          }
        }
        return;
      }
      const cap = ctx.scenario.policy?.giftCap;
      const value = move.value ?? 0;
      if (cap !== undefined && value > cap) {
        a.risk += value / Math.max(1, cap);
        ctx.award("relationships", -15, "ethics.gift-over-cap");
        if (who) ctx.meter(who, "emotion", 1);
        return;
      }
      if (!s || !who) return;
      s.rapport += 1;
      if (move.action === "executive-interaction" && !a.pairs.includes("executive")) {
        ctx.award("relationships", -2, "rel.diminishing");
        return;
      }
      if (s.rapport <= 2) {
        ctx.meter(who, "emotion", s.rapport === 1 ? 2 : 1);
        ctx.award("relationships", s.rapport === 1 ? 4 : 2, "rel.rapport");
      } else ctx.award("relationships", -2, "rel.diminishing");
      return;
    }

    case "tactic": {
      const { fits, principle } = tacticFits(ctx, move);
      const rival = move.against ?? strongestCompetitor(a);
      if (fits) {
        if (rival && a.competitors[rival]) a.competitors[rival]!.standing = Math.max(0, a.competitors[rival]!.standing - 20);
        if (move.tactic === "barrier" || move.tactic === "in-depth" || move.tactic === "strategic") a.integration += 10;
        ctx.award("strategy", 12, "tactic.fits");
      } else {
        ctx.award("strategy", -10, principle);
        if (who) ctx.meter(who, "trust", -1);
      }
      return;
    }

    case "rules": {
      if (s && who && levelIndex(s.level) >= levelIndex("personal-trust") && hasExplicitNeed(a, who)) {
        ctx.setTask("set-rules", "done");
        a.integration += 15;
        ctx.award("strategy", 10, "rules.set");
      } else {
        ctx.award("strategy", -6, "rules.too-early");
        if (who) ctx.meter(who, "trust", -1);
      }
      return;
    }

    case "screen": {
      const role = who ? ctx.scenario.cast[who]?.decisionRole : undefined;
      const influential = role === "decider" || role === "gatekeeper" || role === "influencer";
      const c = a.competitors[move.competitor];
      if (s && c && influential && levelIndex(s.level) >= levelIndex("personal-trust")) {
        const strongest = strongestCompetitor(a);
        c.excluded = true;
        ctx.setTask("choose-opponents", "done");
        if (strongest === move.competitor) ctx.award("strategy", 10, "screen.done");
        else ctx.award("strategy", 2, "screen.wrong-rival");
      } else ctx.award("strategy", -6, "screen.too-early");
      return;
    }

    case "research": {
      if (!a.researched.includes(move.fact)) {
        a.researched.push(move.fact);
        if (a.researched.length <= 3) ctx.award("questioning", 3, "research.before-asking");
      }
      return;
    }
  }
}

