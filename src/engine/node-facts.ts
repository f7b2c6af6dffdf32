/**
 * What a node of a loaded scenario implies that never changes during a run: its options as
 * hosts see them, whether a client speaks in it, which lines are unconditional, how many
 * options lead to each destination. Derived once per node and shared by every run (the
 * simulator plays thousands), so the hot path looks one table up instead of re-deriving.
 */
import type { Scenario } from "./loader.ts";
import type { ScenarioNode } from "./schema.ts";
import type { OfferedOption } from "./state.ts";
import { optionCost } from "./moves/index.ts";
import { derivedOnce } from "./derived.ts";

export interface NodeFacts {
  /** Each option as offered, index for index with `node.options`; frozen, since every host sees the same object. */
  readonly offered: readonly OfferedOption[];
  /** Whether a stakeholder of the cast says one of its lines (notes heard here are the client's words). */
  readonly clientSpeaks: boolean;
  /** The indices of its lines when none has a `when`; null when some line is conditional. */
  readonly plainLines: readonly number[] | null;
  /** How many options lead straight to each destination. */
  readonly into: ReadonlyMap<string, number>;
}

/** A node's facts (`scenario` is the one it belongs to). */
export const nodeFacts = derivedOnce((node: ScenarioNode, scenario: Scenario): NodeFacts => {
  const offered = (node.options ?? []).map((o) => {
    const x: OfferedOption = { id: o.id, text: o.text, move: o.move, cost: Object.freeze(optionCost(o)) };
    if (o.to !== undefined) x.to = o.to;
    return Object.freeze(x);
  });
  const into = new Map<string, number>();
  for (const o of node.options ?? []) if (o.next !== undefined) into.set(o.next, (into.get(o.next) ?? 0) + 1);
  return {
    offered,
    clientSpeaks: node.lines.some((l) => Object.hasOwn(scenario.cast, l.speaker)),
    plainLines: node.lines.some((l) => l.when) ? null : node.lines.map((_l, i) => i),
    into,
  };
});
