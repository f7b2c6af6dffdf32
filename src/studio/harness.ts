/**
 * "Play from here": a copy of the scenario that starts at a chosen node with a chosen
 * state. The state goes in as ordinary scenario data (starting meters, variable initial
 * values, resources, colleagues already paired) and effects on a small entry node (needs,
 * tasks, stage, notes in the notebook, research facts known), so the game
 * plays it like any file and every save format keeps working. Pure.
 */

/** The state an author picks to start from. Absent parts keep the scenario's own. */
export interface StartState {
  node: string;
  stage?: string;
  vars?: Record<string, number | boolean | string>;
  meters?: Record<string, { trust: number; interest: number; emotion: number }>;
  needs?: Record<string, Record<string, string>>;
  tasks?: Record<string, string>;
  weeks?: number;
  budget?: number;
  /** Colleagues already paired with the client (as an incumbent's `position.pairs`). */
  pairs?: string[];
  /** Notes already in the notebook. */
  notes?: string[];
  /** Research facts already known. */
  research?: string[];
}

/** Id of the entry node the harness adds; a scenario's own node of that name is left alone (a suffix is added). */
export const HARNESS_NODE = "studio-start";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v);

/** Returns the scenario document changed to start at `from`; the input is not modified. */
export function startAt(doc: unknown, from: StartState): Obj {
  const d = structuredClone(isObj(doc) ? doc : {}) as Obj;
  const nodes = isObj(d.nodes) ? d.nodes : (d.nodes = {});
  let entry = HARNESS_NODE;
  for (let i = 2; entry in nodes; i++) entry = `${HARNESS_NODE}-${i}`;
  const cast = isObj(d.cast) ? d.cast : {};
  for (const [who, m] of Object.entries(from.meters ?? {})) if (isObj(cast[who])) (cast[who] as Obj).meters = { ...m };
  const vars = isObj(d.variables) ? d.variables : {};
  for (const [name, value] of Object.entries(from.vars ?? {})) if (isObj(vars[name])) (vars[name] as Obj).initial = value;
  if (from.weeks !== undefined || from.budget !== undefined) {
    const res = isObj(d.resources) ? d.resources : { weeks: 12, budget: 10 };
    d.resources = { ...res, ...(from.weeks !== undefined ? { weeks: from.weeks } : {}), ...(from.budget !== undefined ? { budget: from.budget } : {}) };
  }
  if (from.pairs?.length) {
    const position = isObj(d.position) ? d.position : { incumbent: false };
    d.position = { ...position, pairs: [...new Set(from.pairs)] };
  }
  const effects: Obj[] = [];
  if (from.stage) effects.push({ stage: from.stage });
  for (const note of from.notes ?? []) effects.push({ note });
  for (const fact of from.research ?? []) effects.push({ research: fact });
  for (const [who, needs] of Object.entries(from.needs ?? {})) {
    for (const [need, to] of Object.entries(needs)) if (to !== "hidden") effects.push({ need: { who, need, to } });
  }
  for (const [task, status] of Object.entries(from.tasks ?? {})) if (status !== "open") effects.push({ task, status });
  effects.push({ goto: from.node });
  nodes[entry] = { lines: [{ speaker: "narrator", text: { "zh-CN": "（从这里开始测试）", en: "(testing from here)" } }], onEnter: effects, next: from.node };
  d.start = entry;
  return d;
}
