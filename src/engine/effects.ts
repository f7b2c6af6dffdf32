/**
 * The effect interpreter: an author's structured effects (schema.ts `Effect`), applied in
 * order. Each effect is one object with one distinguishing key; `effectKind` names it and
 * the switch below handles every kind (the `never` default makes a new kind a type error).
 */
import type { Effect } from "./schema.ts";
import type { RunCore } from "./core.ts";
import { finite } from "./finite.ts";
import { changeStage } from "./pipeline.ts";
import { hear } from "./meetings.ts";

/** The distinguishing key of each effect shape. */
const EFFECT_KEYS = ["set", "add", "goto", "stage", "end", "score", "if", "random", "meter", "need", "task", "figure", "note", "research", "exclude", "trait"] as const;
export type EffectKind = (typeof EFFECT_KEYS)[number];
type EffectOf<K extends EffectKind> = Extract<Effect, Record<K, unknown>>;

export function effectKind(e: Effect): EffectKind {
  for (const k of EFFECT_KEYS) if (k in e) return k;
  throw new Error(`unknown effect ${JSON.stringify(e)}`);
}

/** Where the run goes after the effects: a `goto`, or an ending that stops the rest. */
export interface Flow {
  goto: string | undefined;
  ended: boolean;
  /** Set by `end`: the runner finishes the run with this ending. */
  ending?: string;
}

function unreachable(kind: never): never {
  throw new Error(`effect kind ${String(kind)} has no handler`);
}

/** Applies effects of a node or option; `option` is set when a choice caused them. */
export function applyEffects(core: RunCore, effects: readonly Effect[], node: string, option: string | undefined, flow: Flow): void {
  const a = core.account;
  for (const e of effects) {
    if (flow.ended) return;
    const kind = effectKind(e);
    switch (kind) {
      case "set": {
        const x = e as EffectOf<"set">;
        core.setVar(x.set, x.value);
        break;
      }
      case "add": {
        const x = e as EffectOf<"add">;
        core.setVar(x.add, finite((core.s.vars[x.add] as number) + x.value));
        break;
      }
      case "goto":
        flow.goto = (e as EffectOf<"goto">).goto;
        break;
      case "stage":
        changeStage(core, (e as EffectOf<"stage">).stage);
        break;
      case "end":
        flow.ended = true;
        flow.ending = (e as EffectOf<"end">).end;
        break;
      case "score": {
        const sc = (e as EffectOf<"score">).score;
        core.addPoints(sc.competency, sc.points);
        core.judge(sc.competency, sc.points, sc.principle);
        const ev = { type: "score" as const, turn: core.s.turn, node, competency: sc.competency, points: sc.points, explain: sc.explain };
        core.log({
          ...ev,
          ...(option !== undefined ? { option } : {}),
          ...(sc.principle !== undefined ? { principle: sc.principle } : {}),
          ...(sc.better !== undefined ? { better: sc.better } : {}),
        });
        break;
      }
      case "if": {
        const x = e as EffectOf<"if">;
        if (core.holds(x.if)) applyEffects(core, x.then, node, option, flow);
        else {
          // A branch not taken is a reason the deal went elsewhere: the debrief names it.
          if (x.else) core.s.blocked.push({ node, condition: x.if, turn: core.s.turn });
          if (x.else) applyEffects(core, x.else, node, option, flow);
        }
        break;
      }
      case "random":
        applyEffects(core, core.pick((e as EffectOf<"random">).random).effects, node, option, flow);
        break;
      case "meter": {
        const m = (e as EffectOf<"meter">).meter;
        // An author's event moves meters on its own account unless a choice caused it.
        const before = core.cause;
        if (option === undefined) core.cause ??= "event";
        if (m.trust) core.meter(m.who, "trust", m.trust);
        if (m.interest) core.meter(m.who, "interest", m.interest);
        if (m.emotion) core.meter(m.who, "emotion", m.emotion);
        core.cause = before;
        break;
      }
      case "need": {
        const n = (e as EffectOf<"need">).need;
        core.setNeed(n.who, n.need, n.to);
        break;
      }
      case "task": {
        const x = e as EffectOf<"task">;
        core.setTask(x.task, x.status);
        break;
      }
      case "figure": {
        const x = e as EffectOf<"figure">;
        const by = finite(x.by);
        if (x.figure === "weeks") a.weeks = Math.max(0, finite(a.weeks + by));
        else if (x.figure === "budget") a.budget = Math.max(0, finite(a.budget + by));
        else if (x.figure === "risk") a.risk = Math.max(0, finite(a.risk + by));
        else if (x.figure === "concessions") {
          // Giving price away teaches the client that the price was soft: each concession invites more pressure.
          if (by > 0) a.pricePressure += 1;
          a.concessions = Math.max(0, Math.min(100, a.concessions + by));
        } else a.integration = Math.max(0, Math.min(100, a.integration + by));
        break;
      }
      case "note":
        hear(core, (e as EffectOf<"note">).note, true);
        break;
      case "research": {
        // Known already, not found out now: the research move's points are for doing the work.
        const fact = (e as EffectOf<"research">).research;
        if (!a.researched.includes(fact)) a.researched.push(fact);
        break;
      }
      case "exclude": {
        const id = (e as EffectOf<"exclude">).exclude;
        if (Object.hasOwn(a.competitors, id)) a.competitors[id]!.excluded = true;
        break;
      }
      case "trait": {
        const t = (e as EffectOf<"trait">).trait;
        if (!a.traits.includes(t)) a.traits.push(t);
        break;
      }
      default:
        unreachable(kind);
    }
  }
}
