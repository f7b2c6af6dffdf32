import { levelIndex, needIndex, switchingCost, type AccountState } from "./account.ts";
import type { Scenario } from "./loader.ts";
import { type AccountFigure, type Comparison } from "./vocabulary.ts";
import type { Condition, LastMoveTest, VarValue } from "./schema.ts";
import type { LastMove } from "./state.ts";

/** What a condition may read of a run. */
export interface ConditionContext {
  readonly scenario: Scenario;
  readonly account: AccountState;
  varValue(name: string): VarValue | undefined;
  /** Index of a stage in the scenario's pipeline, -1 if unknown. */
  stageOrder(id: string): number;
  currentStageOrder(): number;
  visited(node: string): boolean;
  hasChosen(node: string, option: string): boolean;
  /** The move just made and its judgement; null before the first choice. */
  readonly last: LastMove | null;
}

/** Whether the move just made matches a `last` test. */
function lastMatches(t: LastMoveTest, last: LastMove | null): boolean {
  if (!last) return false;
  if (t.kind !== undefined && last.kind !== t.kind) return false;
  if (t.option !== undefined && last.option !== t.option) return false;
  if (t.principle !== undefined && !last.principles.some((p) => p.principle === t.principle)) return false;
  if (t.result !== undefined && (t.result === "gain" ? last.points <= 0 : t.result === "loss" ? last.points >= 0 : last.points !== 0)) return false;
  return true;
}

/** A stakeholder's state by id, own properties only (a scenario's "constructor" is just a name). */
function own<T>(table: Record<string, T>, id: string): T | undefined {
  return Object.hasOwn(table, id) ? table[id] : undefined;
}

export function compare(a: VarValue | undefined, op: Comparison, b: VarValue): boolean {
  if (a === undefined) return false;
  if (op === "==") return a === b;
  if (op === "!=") return a !== b;
  if (typeof a !== "number" || typeof b !== "number") return false;
  switch (op) {
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    case ">=":
      return a >= b;
  }
}

/** The account's numbers by name, as conditions read them. */
export function figure(a: AccountState, name: AccountFigure): number {
  switch (name) {
    case "weeks":
      return a.weeks;
    case "budget":
      return a.budget;
    case "risk":
      return a.risk;
    case "integration":
      return a.integration;
    case "objections":
      return a.objections;
    case "price-pressure":
      return a.pricePressure;
    case "switching-cost":
      return switchingCost(a);
    case "traits":
      return a.traits.length;
  }
}

/** Evaluates a structured condition. Pure: reads the context, changes nothing. */
export function evaluate(c: Condition, ctx: ConditionContext): boolean {
  const a = ctx.account;
  if ("all" in c) return c.all.every((x) => evaluate(x, ctx));
  if ("any" in c) return c.any.some((x) => evaluate(x, ctx));
  if ("not" in c) return !evaluate(c.not, ctx);
  if ("var" in c) return compare(ctx.varValue(c.var), c.op, c.value);
  if ("stage" in c) return compare(ctx.currentStageOrder(), c.op ?? "==", ctx.stageOrder(c.stage));
  if ("visited" in c) return ctx.visited(c.visited);
  if ("chosen" in c) return ctx.hasChosen(c.chosen.node, c.chosen.option);
  if ("level" in c) {
    const s = own(a.stakeholders, c.level);
    return !!s && compare(levelIndex(s.level), c.op, levelIndex(c.value));
  }
  if ("count" in c) {
    const min = levelIndex(c.count.level);
    const roles = c.count.roles;
    let n = 0;
    for (const [id, s] of Object.entries(a.stakeholders)) {
      if (roles && !roles.includes(ctx.scenario.cast[id]!.decisionRole)) continue;
      if (levelIndex(s.level) >= min) n++;
    }
    return compare(n, c.op, c.value);
  }
  if ("need" in c) {
    const who = own(a.stakeholders, c.need.who);
    const state = who ? own(who.needs, c.need.need) : undefined;
    return state !== undefined && compare(needIndex(state), c.op ?? ">=", needIndex(c.value));
  }
  if ("meter" in c) {
    const s = own(a.stakeholders, c.meter.who);
    return !!s && compare(s[c.meter.meter], c.op, c.value);
  }
  if ("task" in c) return a.tasks[c.task] === c.value;
  if ("figure" in c) return compare(figure(a, c.figure), c.op, c.value);
  if ("noted" in c) return a.notebook.includes(c.noted);
  if ("researched" in c) return a.researched.includes(c.researched);
  if ("gate" in c) {
    const gate = ctx.scenario.stages.find((s) => s.id === c.gate)?.gate;
    return gate === undefined || evaluate(gate, ctx);
  }
  if ("excluded" in c) return own(a.competitors, c.excluded)?.excluded === true;
  if ("last" in c) return lastMatches(c.last, ctx.last);
  return a.pairs.includes(c.pair);
}
