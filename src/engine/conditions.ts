import { levelIndex, needIndex, switchingCost, type AccountState } from "./account.ts";
import type { Scenario } from "./loader.ts";
import { type AccountFigure, type Comparison } from "./vocabulary.ts";
import type { Condition, LastMoveTest, VarValue } from "./schema.ts";
import type { LastMove } from "./state.ts";
import { derivedOnce } from "./derived.ts";

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
    case "concessions":
      return a.concessions;
  }
}

/** A condition made ready to test: the checks of which kind it is are done once, not at every test. */
type Test = (ctx: ConditionContext) => boolean;

/** Evaluates a structured condition. Pure: reads the context, changes nothing. */
export function evaluate(c: Condition, ctx: ConditionContext): boolean {
  return testOf(c)(ctx);
}

/**
 * Each condition's test, made the first time it is evaluated. Conditions are data that do
 * not change (a loaded scenario is frozen); telling one kind from another by its keys was
 * a chain of up to nineteen checks at every evaluation, on the simulator's hot path.
 */
const testOf = derivedOnce((c: Condition): Test => {
  if ("all" in c) {
    const parts = c.all.map(testOf);
    return (ctx) => parts.every((t) => t(ctx));
  }
  if ("any" in c) {
    const parts = c.any.map(testOf);
    return (ctx) => parts.some((t) => t(ctx));
  }
  if ("not" in c) {
    const inner = testOf(c.not);
    return (ctx) => !inner(ctx);
  }
  if ("var" in c) return (ctx) => compare(ctx.varValue(c.var), c.op, c.value);
  if ("stage" in c) return (ctx) => compare(ctx.currentStageOrder(), c.op ?? "==", ctx.stageOrder(c.stage));
  if ("visited" in c) return (ctx) => ctx.visited(c.visited);
  if ("chosen" in c) return (ctx) => ctx.hasChosen(c.chosen.node, c.chosen.option);
  if ("level" in c) {
    const wanted = levelIndex(c.value);
    return (ctx) => {
      const s = own(ctx.account.stakeholders, c.level);
      return !!s && compare(levelIndex(s.level), c.op, wanted);
    };
  }
  if ("count" in c) {
    const min = levelIndex(c.count.level);
    const roles = c.count.roles;
    return (ctx) => {
      let n = 0;
      for (const [id, s] of Object.entries(ctx.account.stakeholders)) {
        if (roles && !roles.includes(ctx.scenario.cast[id]!.decisionRole)) continue;
        if (levelIndex(s.level) >= min) n++;
      }
      return compare(n, c.op, c.value);
    };
  }
  if ("need" in c) {
    const wanted = needIndex(c.value);
    return (ctx) => {
      const who = own(ctx.account.stakeholders, c.need.who);
      const state = who ? own(who.needs, c.need.need) : undefined;
      return state !== undefined && compare(needIndex(state), c.op ?? ">=", wanted);
    };
  }
  if ("meter" in c) {
    return (ctx) => {
      const s = own(ctx.account.stakeholders, c.meter.who);
      return !!s && compare(s[c.meter.meter], c.op, c.value);
    };
  }
  if ("task" in c) return (ctx) => ctx.account.tasks[c.task] === c.value;
  if ("figure" in c) return (ctx) => compare(figure(ctx.account, c.figure), c.op, c.value);
  if ("noted" in c) return (ctx) => ctx.account.notebook.includes(c.noted);
  if ("researched" in c) return (ctx) => ctx.account.researched.includes(c.researched);
  if ("gate" in c) {
    // The gate is looked up in the scenario being played (a condition may be shared by more than one).
    return (ctx) => {
      const gate = ctx.scenario.stages.find((s) => s.id === c.gate)?.gate;
      return gate === undefined || evaluate(gate, ctx);
    };
  }
  if ("excluded" in c) return (ctx) => own(ctx.account.competitors, c.excluded)?.excluded === true;
  if ("last" in c) return (ctx) => lastMatches(c.last, ctx.last);
  return (ctx) => ctx.account.pairs.includes(c.pair);
});
