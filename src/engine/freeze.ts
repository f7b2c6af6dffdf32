/**
 * Freezing a validated scenario. Every table keyed by an author's id (cast, needs, nodes,
 * endings, meetings, notes, research, competitors, variables, reactions) is rebuilt without a
 * prototype first, so an id such as `constructor` or `toString` is only a name: a lookup
 * finds the author's entry or nothing, never something inherited from Object.prototype.
 * No dependencies (the game's first chunk uses this on scenarios that crossed from a worker,
 * where structured cloning gives every object its prototype back).
 */
import type { ScenarioData } from "./schema.ts";

/** Deep-freezes plain data (a validated scenario) so nothing can change it during play. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** A copy of `table` with the same own entries and no prototype. */
export function prototypeFree<T>(table: Readonly<Record<string, T>>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const key of Object.keys(table)) out[key] = table[key]!;
  return out;
}

/** Whether `table` has its own entry `id` (inherited names such as `constructor` never count). */
export function hasId(table: object | null | undefined, id: string): boolean {
  return table !== null && table !== undefined && Object.hasOwn(table, id);
}

/** The scenario with every id-keyed table prototype-free, deeply frozen. Does not change `data`. */
export function freezeScenarioData<T extends ScenarioData>(data: T): T {
  const cast = Object.create(null) as ScenarioData["cast"];
  for (const id of Object.keys(data.cast)) {
    const member = data.cast[id]!;
    const copy = { ...member };
    if (member.needs) copy.needs = prototypeFree(member.needs);
    if (member.reactions) copy.reactions = prototypeFree(member.reactions);
    cast[id] = copy;
  }
  const out: T = { ...data, cast, nodes: prototypeFree(data.nodes), endings: prototypeFree(data.endings) };
  if (data.meetings) out.meetings = prototypeFree(data.meetings);
  if (data.notes) out.notes = prototypeFree(data.notes);
  if (data.research) out.research = prototypeFree(data.research);
  if (data.competitors) out.competitors = prototypeFree(data.competitors);
  if (data.variables) out.variables = prototypeFree(data.variables);
  if (data.reactions) out.reactions = prototypeFree(data.reactions);
  return deepFreeze(out);
}
