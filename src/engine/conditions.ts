import type { Comparison, Condition, VarValue } from "./schema.ts";

/** What a condition may read of a run. */
export interface ConditionContext {
  varValue(name: string): VarValue | undefined;
  /** Index of a stage in the scenario's pipeline, -1 if unknown. */
  stageOrder(id: string): number;
  currentStageOrder(): number;
  visited(node: string): boolean;
  hasChosen(node: string, option: string): boolean;
}

export function compare(a: VarValue | undefined, op: Comparison, b: VarValue): boolean {
  if (a === undefined) return false;
  switch (op) {
    case "==":
      return a === b;
    case "!=":
      return a !== b;
  }
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

/** Evaluates a structured condition. Pure: reads the context, changes nothing. */
export function evaluate(c: Condition, ctx: ConditionContext): boolean {
  if ("all" in c) return c.all.every((x) => evaluate(x, ctx));
  if ("any" in c) return c.any.some((x) => evaluate(x, ctx));
  if ("not" in c) return !evaluate(c.not, ctx);
  if ("var" in c) return compare(ctx.varValue(c.var), c.op, c.value);
  if ("stage" in c) return compare(ctx.currentStageOrder(), c.op ?? "==", ctx.stageOrder(c.stage));
  if ("visited" in c) return ctx.visited(c.visited);
  return ctx.hasChosen(c.chosen.node, c.chosen.option);
}
