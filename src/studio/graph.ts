/**
 * The scenario as a graph for the map: nodes (grouped by meeting and by the stage the deal
 * is in when the node is first reached), the ways on (options, next, gotos, ends) as
 * edges, endings as their own marked nodes. Built from the document as far as it parses,
 * so the map still shows a file the checker rejects: a link to a missing node is marked
 * broken, nodes no path reaches are marked unreachable. Jumps are read by the engine's own
 * analysis (jumps.ts): a goto a later jump always replaces is drawn as lost and leads
 * nowhere, as in the checker and the runner. Pure, linear in the document.
 */
import { jumpsOf } from "../engine/jumps.ts";
import type { Effect } from "../engine/schema.ts";
import type { Locale } from "../engine/vocabulary.ts";
import { firstText } from "./ids.ts";


export interface MapNode {
  /** Node id, or `ending:<id>` for an ending. */
  key: string;
  id: string;
  kind: "node" | "ending";
  /** The title, else the first line (nodes), or the title (endings), in the studio's language, for the label. */
  label: string;
  meeting?: string;
  /** Stage id the deal is in when a path first reaches this node. */
  stage?: string;
  reachable: boolean;
  /** An ending's outcome (won, lost-bid…). */
  outcome?: string;
  /** How many options the node offers. */
  options: number;
}

export interface MapEdge {
  from: string;
  /** Target key (node id or `ending:<id>`); for a broken link, the missing id. */
  to: string;
  /** The option's id, when the edge is an option. */
  option?: string;
  /** The option index in its node, for jumping to its source. */
  index?: number;
  via: "option" | "next" | "goto" | "end" | "ending";
  broken: boolean;
  /** Written but never taken: a later jump always replaces it, or the node's entry always jumps away first. */
  lost?: boolean;
}

export interface ScenarioGraph {
  nodes: MapNode[];
  edges: MapEdge[];
  start?: string;
  /** Each stage's title in the studio's language, for the stage groups. */
  stageTitles: Record<string, string>;
  /** Each meeting's title in the studio's language, for the meeting groups. */
  meetingTitles: Record<string, string>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v);

/** A localized text in `locale`, else in any language it has. */
function textIn(v: unknown, locale: Locale): string | undefined {
  const own = isObj(v) ? v[locale] : undefined;
  return typeof own === "string" && own ? own : firstText(v);
}

/**
 * The jump effects of a raw (possibly invalid) list, reduced to the shapes the engine's
 * jump analysis reads (goto, end, if/then/else, random), so the map follows the same
 * rule as the checker and the runner: the last jump wins, nothing runs after an end.
 */
/** Stands for any effect that does not move the flow (the jump analysis only reads goto, end, if and random). */
const STILL = {} as Effect;

function jumpShape(effects: unknown): Effect[] {
  if (!Array.isArray(effects)) return [];
  return effects.map((e): Effect => {
    if (!isObj(e)) return STILL;
    if (typeof e.goto === "string") return { goto: e.goto };
    if (typeof e.end === "string") return { end: e.end };
    if ("if" in e) return { if: {} as never, then: jumpShape(e.then), else: jumpShape(e.else) };
    if (Array.isArray(e.random)) return { random: e.random.map((b) => ({ weight: 1, effects: jumpShape(isObj(b) ? b.effects : undefined) })) } as Effect;
    return STILL;
  });
}

/** The last stage a list of effects moves the deal to (through ifs and random branches), for grouping. */
function stageOfEffects(effects: unknown, stage: string | undefined): string | undefined {
  if (!Array.isArray(effects)) return stage;
  for (const e of effects) {
    if (!isObj(e)) continue;
    if (typeof e.stage === "string") stage = e.stage;
    if ("if" in e) stage = stageOfEffects(e.else, stageOfEffects(e.then, stage));
    if (Array.isArray(e.random)) for (const b of e.random) if (isObj(b)) stage = stageOfEffects(b.effects, stage);
  }
  return stage;
}

/** The raw effect a jump analysis path points at (e.g. [2, "then", 0]). */
function effectAt(effects: unknown, path: readonly PropertyKey[]): Obj | undefined {
  let at: unknown = effects;
  for (const k of path) at = Array.isArray(at) && typeof k === "number" ? at[k] : isObj(at) && typeof k === "string" ? at[k] : undefined;
  return isObj(at) ? at : undefined;
}

/**
 * Builds the map's graph from a parsed (possibly invalid) scenario document. `locale`
 * picks the language of the labels (a node's title, else its first line).
 */
export function buildGraph(doc: unknown, locale: Locale = "zh-CN"): ScenarioGraph {
  const d = isObj(doc) ? doc : {};
  const nodes = isObj(d.nodes) ? d.nodes : {};
  const endings = isObj(d.endings) ? d.endings : {};
  const nodeIds = new Set(Object.keys(nodes));
  const edges: MapEdge[] = [];
  /** Stage each edge moves the deal to, by edge index. */
  const edgeStage: (string | undefined)[] = [];
  /** Edge indices by the node they leave: the walk below visits each edge once. */
  const out = new Map<string, number[]>();
  const entryStage = new Map<string, string | undefined>();
  const endingKey = (id: string) => `ending:${id}`;
  const push = (e: Omit<MapEdge, "broken" | "lost">, stage: string | undefined, lost = false) => {
    const isEnding = e.via === "end" || e.via === "ending";
    const broken = isEnding ? !Object.hasOwn(endings, e.to) : !nodeIds.has(e.to);
    const list = out.get(e.from) ?? [];
    list.push(edges.length);
    out.set(e.from, list);
    edges.push({ ...e, to: isEnding && !broken ? endingKey(e.to) : e.to, broken, ...(lost ? { lost: true } : {}) });
    edgeStage.push(stage);
  };
  /** The jumps of a list as the engine reads them: winning ones as edges, lost ones as lost edges. */
  const jumps = (raw: unknown, base: Omit<MapEdge, "broken" | "to" | "via">, stage: string | undefined, skipped = false): boolean => {
    const shape = jumpShape(raw);
    const j = jumpsOf(shape);
    for (const g of j.targets) push({ ...base, to: g, via: "goto" }, stage, skipped);
    for (const end of j.endings) push({ ...base, to: end, via: "end" }, stage, skipped);
    for (const l of j.lost) {
      if (l.when !== "never") continue; // it can still win on some path: already an edge
      const e = effectAt(raw, l.path);
      const to = e && (typeof e.goto === "string" ? e.goto : typeof e.end === "string" ? e.end : undefined);
      if (to !== undefined) push({ ...base, to, via: l.kind }, stage, true);
    }
    return j.leaves;
  };
  for (const [id, raw] of Object.entries(nodes)) {
    if (!isObj(raw)) continue;
    const enterStage = stageOfEffects(raw.onEnter, undefined);
    entryStage.set(id, enterStage);
    // An onEnter that always jumps skips the node's lines and options: their ways on are never taken.
    const skipped = jumps(raw.onEnter, { from: id }, enterStage);
    if (typeof raw.next === "string") push({ from: id, to: raw.next, via: "next" }, enterStage, skipped);
    if (typeof raw.ending === "string") push({ from: id, to: raw.ending, via: "ending" }, enterStage);
    if (Array.isArray(raw.options)) {
      raw.options.forEach((o, index) => {
        if (!isObj(o)) return;
        const stage = stageOfEffects(o.effects, enterStage);
        const option = typeof o.id === "string" ? o.id : `#${index}`;
        // Effects that always jump replace the option's own "next" (the runner takes a goto first).
        const leaves = jumps(o.effects, { from: id, option, index }, stage, skipped);
        if (typeof o.next === "string") push({ from: id, to: o.next, option, index, via: "option" }, stage, skipped || leaves);
      });
    }
  }
  // Breadth-first from the start (and where the setup sends the run), over the jumps that can win:
  // what is reachable, and the stage it is first reached in. Each edge is looked at once.
  const start = typeof d.start === "string" ? d.start : undefined;
  const firstStage = Array.isArray(d.stages) && isObj(d.stages[0]) && typeof d.stages[0].id === "string" ? d.stages[0].id : undefined;
  const stageOf = new Map<string, string | undefined>();
  const queue: string[] = [];
  const roots = [...(start ? [start] : []), ...jumpsOf(jumpShape(d.setup)).targets];
  for (const root of roots) {
    if (!nodeIds.has(root) || stageOf.has(root)) continue;
    stageOf.set(root, entryStage.get(root) ?? firstStage);
    queue.push(root);
  }
  for (let head = 0; head < queue.length; head++) {
    const from = queue[head]!;
    for (const i of out.get(from) ?? []) {
      const e = edges[i]!;
      if (e.broken || e.lost || stageOf.has(e.to)) continue;
      const stage = edgeStage[i] ?? stageOf.get(from);
      stageOf.set(e.to, e.to.startsWith("ending:") ? stage : (entryStage.get(e.to) ?? stage));
      queue.push(e.to);
    }
  }
  const mapNodes: MapNode[] = Object.entries(nodes).map(([id, raw]) => {
    const n = isObj(raw) ? raw : {};
    const line = Array.isArray(n.lines) && isObj(n.lines[0]) ? textIn(n.lines[0].text, locale) : undefined;
    return {
      key: id,
      id,
      kind: "node",
      label: textIn(n.title, locale) ?? line ?? id,
      meeting: typeof n.meeting === "string" ? n.meeting : undefined,
      stage: stageOf.get(id),
      reachable: stageOf.has(id),
      options: Array.isArray(n.options) ? n.options.length : 0,
    };
  });
  for (const [id, raw] of Object.entries(endings)) {
    const e = isObj(raw) ? raw : {};
    const key = endingKey(id);
    mapNodes.push({
      key,
      id,
      kind: "ending",
      label: textIn(e.title, locale) ?? id,
      outcome: typeof e.outcome === "string" ? e.outcome : undefined,
      stage: stageOf.get(key),
      reachable: stageOf.has(key),
      options: 0,
    });
  }
  const stageTitles: Record<string, string> = {};
  if (Array.isArray(d.stages)) {
    for (const st of d.stages) {
      const title = isObj(st) && typeof st.id === "string" ? textIn(st.title, locale) : undefined;
      if (title) stageTitles[(st as Obj).id as string] = title;
    }
  }
  const meetingTitles: Record<string, string> = {};
  for (const [id, m] of Object.entries(isObj(d.meetings) ? d.meetings : {})) {
    const title = isObj(m) ? textIn(m.title, locale) : undefined;
    if (title) meetingTitles[id] = title;
  }
  return { nodes: mapNodes, edges, start, stageTitles, meetingTitles };
}
