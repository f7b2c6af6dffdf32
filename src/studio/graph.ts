/**
 * The scenario as a graph for the map: nodes (grouped by meeting and by the stage the deal
 * is in when the node is first reached), the ways on (options, next, gotos, ends) as
 * edges, endings as their own marked nodes. Built from the document as far as it parses,
 * so the map still shows a file the checker rejects: a link to a missing node is marked
 * broken, nodes no path reaches are marked unreachable. Pure.
 */
import { firstText } from "./ids.ts";

export interface MapNode {
  /** Node id, or `ending:<id>` for an ending. */
  key: string;
  id: string;
  kind: "node" | "ending";
  /** The first line (nodes) or the title (endings), for the label. */
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
}

export interface ScenarioGraph {
  nodes: MapNode[];
  edges: MapEdge[];
  start?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v);

/** Targets of a list of effects (gotos, ends) and the last stage it moves to, through ifs and random branches. */
function walkEffects(effects: unknown, out: { gotos: string[]; ends: string[]; stage?: string }): void {
  if (!Array.isArray(effects)) return;
  for (const e of effects) {
    if (!isObj(e)) continue;
    if (typeof e.goto === "string") out.gotos.push(e.goto);
    if (typeof e.end === "string") out.ends.push(e.end);
    if (typeof e.stage === "string") out.stage = e.stage;
    if ("if" in e) {
      walkEffects(e.then, out);
      walkEffects(e.else, out);
    }
    if (Array.isArray(e.random)) for (const b of e.random) if (isObj(b)) walkEffects(b.effects, out);
  }
}

/** Builds the map's graph from a parsed (possibly invalid) scenario document. */
export function buildGraph(doc: unknown): ScenarioGraph {
  const d = isObj(doc) ? doc : {};
  const nodes = isObj(d.nodes) ? d.nodes : {};
  const endings = isObj(d.endings) ? d.endings : {};
  const nodeIds = new Set(Object.keys(nodes));
  const edges: MapEdge[] = [];
  /** Stage each edge moves the deal to, by edge index. */
  const edgeStage: (string | undefined)[] = [];
  const entryStage = new Map<string, string | undefined>();
  const endingKey = (id: string) => `ending:${id}`;
  const push = (e: Omit<MapEdge, "broken">, stage: string | undefined) => {
    const isEnding = e.via === "end" || e.via === "ending";
    const broken = isEnding ? !(e.to in endings) : !nodeIds.has(e.to);
    edges.push({ ...e, to: isEnding && !broken ? endingKey(e.to) : e.to, broken });
    edgeStage.push(stage);
  };
  for (const [id, raw] of Object.entries(nodes)) {
    if (!isObj(raw)) continue;
    const enter = { gotos: [] as string[], ends: [] as string[], stage: undefined as string | undefined };
    walkEffects(raw.onEnter, enter);
    entryStage.set(id, enter.stage);
    for (const g of enter.gotos) push({ from: id, to: g, via: "goto" }, enter.stage);
    for (const end of enter.ends) push({ from: id, to: end, via: "end" }, enter.stage);
    if (typeof raw.next === "string") push({ from: id, to: raw.next, via: "next" }, enter.stage);
    if (typeof raw.ending === "string") push({ from: id, to: raw.ending, via: "ending" }, enter.stage);
    if (Array.isArray(raw.options)) {
      raw.options.forEach((o, index) => {
        if (!isObj(o)) return;
        const out = { gotos: [] as string[], ends: [] as string[], stage: enter.stage };
        walkEffects(o.effects, out);
        const option = typeof o.id === "string" ? o.id : `#${index}`;
        for (const g of out.gotos) push({ from: id, to: g, option, index, via: "goto" }, out.stage);
        for (const end of out.ends) push({ from: id, to: end, option, index, via: "end" }, out.stage);
        if (typeof o.next === "string") push({ from: id, to: o.next, option, index, via: "option" }, out.stage);
      });
    }
  }
  // Breadth-first from the start: what is reachable, and the stage it is first reached in.
  const start = typeof d.start === "string" ? d.start : undefined;
  const firstStage = Array.isArray(d.stages) && isObj(d.stages[0]) && typeof d.stages[0].id === "string" ? d.stages[0].id : undefined;
  const stageOf = new Map<string, string | undefined>();
  const queue: string[] = [];
  if (start && nodeIds.has(start)) {
    stageOf.set(start, entryStage.get(start) ?? firstStage);
    queue.push(start);
  }
  while (queue.length) {
    const from = queue.shift()!;
    edges.forEach((e, i) => {
      if (e.from !== from || e.broken || stageOf.has(e.to)) return;
      const stage = edgeStage[i] ?? stageOf.get(from);
      stageOf.set(e.to, e.to.startsWith("ending:") ? stage : (entryStage.get(e.to) ?? stage));
      queue.push(e.to);
    });
  }
  const mapNodes: MapNode[] = Object.entries(nodes).map(([id, raw]) => {
    const n = isObj(raw) ? raw : {};
    const line = Array.isArray(n.lines) && isObj(n.lines[0]) ? firstText(n.lines[0].text) : undefined;
    return {
      key: id,
      id,
      kind: "node",
      label: firstText(n.title) ?? line ?? id,
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
      label: firstText(e.title) ?? id,
      outcome: typeof e.outcome === "string" ? e.outcome : undefined,
      stage: stageOf.get(key),
      reachable: stageOf.has(key),
      options: 0,
    });
  }
  return { nodes: mapNodes, edges, start };
}
