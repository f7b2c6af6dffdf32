/**
 * Why a condition failed, for people: the leaves of a gate or a decisive branch that did
 * not hold, each with what the account had and what it needed ("陈总 was at 认知; the bid
 * needed 对个人信任"). Pure: reads the run, changes nothing.
 */
import { figure, compare, type ConditionContext } from "../conditions.ts";
import { evaluate } from "../conditions.ts";
import { levelIndex } from "../account.ts";
import type { Comparison, Condition } from "../schema.ts";
import type { AccountFigure, DecisionRole, Level, Meter, NeedState, Stage3Task, TaskStatus } from "../vocabulary.ts";

/** One unmet part of a condition. `who` ids are the scenario's cast ids. */
export type Shortfall =
  | { kind: "level"; who: string; has: Level; op: Comparison; needs: Level }
  | { kind: "count"; level: Level; roles?: DecisionRole[]; has: number; op: Comparison; needs: number; short: { who: string; level: Level }[] }
  | { kind: "need"; who: string; need: string; has: NeedState | "absent"; needs: NeedState }
  | { kind: "meter"; who: string; meter: Meter; has: number; op: Comparison; needs: number }
  | { kind: "figure"; figure: AccountFigure; has: number; op: Comparison; needs: number }
  | { kind: "task"; task: Stage3Task; has: TaskStatus; needs: TaskStatus }
  | { kind: "excluded"; competitor: string }
  | { kind: "pair"; colleague: string }
  | { kind: "noted"; note: string }
  | { kind: "researched"; fact: string }
  | { kind: "var"; name: string; has: string | number | boolean | undefined; op: Comparison; needs: string | number | boolean }
  | { kind: "visited"; node: string }
  | { kind: "chosen"; node: string; option: string }
  | { kind: "other" };

/** The unmet leaves of `c` (empty when it holds). For `any`, the branch with the fewest shortfalls. */
export function shortfalls(c: Condition, ctx: ConditionContext): Shortfall[] {
  if (evaluate(c, ctx)) return [];
  const a = ctx.account;
  if ("all" in c) return c.all.flatMap((x) => shortfalls(x, ctx));
  if ("any" in c) {
    const options = c.any.map((x) => shortfalls(x, ctx)).filter((s) => s.length);
    return options.sort((x, y) => x.length - y.length)[0] ?? [];
  }
  if ("level" in c) {
    const s = Object.hasOwn(a.stakeholders, c.level) ? a.stakeholders[c.level] : undefined;
    return s ? [{ kind: "level", who: c.level, has: s.level, op: c.op, needs: c.value }] : [{ kind: "other" }];
  }
  if ("count" in c) {
    const min = levelIndex(c.count.level);
    const roles = c.count.roles;
    let has = 0;
    const short: { who: string; level: Level }[] = [];
    for (const [id, s] of Object.entries(a.stakeholders)) {
      if (roles && !roles.includes(ctx.scenario.cast[id]!.decisionRole)) continue;
      if (levelIndex(s.level) >= min) has++;
      else short.push({ who: id, level: s.level });
    }
    const out: Shortfall = { kind: "count", level: c.count.level, has, op: c.op, needs: c.value, short };
    if (roles) out.roles = roles;
    return [out];
  }
  if ("need" in c) {
    const who = Object.hasOwn(a.stakeholders, c.need.who) ? a.stakeholders[c.need.who] : undefined;
    const has = who && Object.hasOwn(who.needs, c.need.need) ? who.needs[c.need.need]! : "absent";
    return [{ kind: "need", who: c.need.who, need: c.need.need, has, needs: c.value }];
  }
  if ("meter" in c) {
    const s = Object.hasOwn(a.stakeholders, c.meter.who) ? a.stakeholders[c.meter.who] : undefined;
    return [{ kind: "meter", who: c.meter.who, meter: c.meter.meter, has: s ? s[c.meter.meter] : 0, op: c.op, needs: c.value }];
  }
  if ("figure" in c) return [{ kind: "figure", figure: c.figure, has: figure(a, c.figure), op: c.op, needs: c.value }];
  if ("task" in c) return [{ kind: "task", task: c.task, has: a.tasks[c.task], needs: c.value }];
  if ("excluded" in c) return [{ kind: "excluded", competitor: c.excluded }];
  if ("pair" in c) return [{ kind: "pair", colleague: c.pair }];
  if ("noted" in c) return [{ kind: "noted", note: c.noted }];
  if ("researched" in c) return [{ kind: "researched", fact: c.researched }];
  if ("var" in c) return [{ kind: "var", name: c.var, has: ctx.varValue(c.var), op: c.op, needs: c.value }];
  if ("visited" in c) return [{ kind: "visited", node: c.visited }];
  if ("chosen" in c) return [{ kind: "chosen", node: c.chosen.node, option: c.chosen.option }];
  if ("gate" in c) {
    const gate = ctx.scenario.stages.find((s) => s.id === c.gate)?.gate;
    return gate ? shortfalls(gate, ctx) : [];
  }
  return [{ kind: "other" }];
}

/** Whether a comparison of `has` against `needs` would hold (for tests and for wording "at least"/"at most"). */
export function meets(has: number, op: Comparison, needs: number): boolean {
  return compare(has, op, needs);
}
