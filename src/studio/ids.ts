/**
 * The ids a scenario declares (nodes, stakeholders, needs, stages, endings…) and which
 * kind of id fits at a place in the file, so the editor completes `"next": "` with the
 * file's own node ids. Works on a half-written document: every lookup is guarded.
 */
import type { PathSegment } from "./json-paths.ts";

export type IdKind = "node" | "stakeholder" | "need" | "stage" | "ending" | "meeting" | "note" | "fact" | "competitor" | "variable";

/** One declared id, with a hint of what it is (a node's first line, a stakeholder's name). */
export interface DeclaredId {
  id: string;
  hint?: string;
  /** For needs: whose need it is. */
  owner?: string;
}

export type IdTable = Record<IdKind, DeclaredId[]>;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v);
const keysOf = (v: unknown): string[] => (isObj(v) ? Object.keys(v) : []);

/** First text of a localized value, in zh-CN, else any. */
export function firstText(v: unknown): string | undefined {
  if (!isObj(v)) return undefined;
  const t = v["zh-CN"] ?? v.en ?? Object.values(v)[0];
  return typeof t === "string" ? t : undefined;
}

/** Every id the document declares, by kind. */
export function declaredIds(doc: unknown): IdTable {
  const d = isObj(doc) ? doc : {};
  const nodes = isObj(d.nodes) ? d.nodes : {};
  const cast = isObj(d.cast) ? d.cast : {};
  const textOf = (table: unknown) => keysOf(table).map((id) => ({ id, hint: firstText((table as Obj)[id]) ?? firstText(((table as Obj)[id] as Obj)?.title) }));
  return {
    node: keysOf(nodes).map((id) => {
      const n = nodes[id];
      const line = isObj(n) && Array.isArray(n.lines) && isObj(n.lines[0]) ? firstText(n.lines[0].text) : undefined;
      return { id, hint: line };
    }),
    stakeholder: [
      ...keysOf(cast).map((id) => ({ id, hint: firstText((cast[id] as Obj)?.name) })),
      { id: "narrator", hint: "narrator" },
      { id: "rep", hint: "the player" },
    ],
    need: keysOf(cast).flatMap((who) => {
      const needs = (cast[who] as Obj)?.needs;
      return keysOf(needs).map((id) => ({ id, owner: who, hint: firstText(((needs as Obj)[id] as Obj)?.implied) }));
    }),
    stage: (Array.isArray(d.stages) ? d.stages : []).flatMap((s) => (isObj(s) && typeof s.id === "string" ? [{ id: s.id, hint: typeof s.pipeline === "string" ? s.pipeline : undefined }] : [])),
    ending: keysOf(d.endings).map((id) => ({ id, hint: firstText(((d.endings as Obj)[id] as Obj)?.title) })),
    meeting: textOf(d.meetings),
    note: textOf(d.notes),
    fact: textOf(d.research),
    competitor: keysOf(d.competitors).map((id) => ({ id, hint: firstText(((d.competitors as Obj)[id] as Obj)?.name) })),
    variable: keysOf(d.variables).map((id) => ({ id })),
  };
}

/** Keys whose string value is an id of one kind, wherever they appear. */
const BY_KEY: Record<string, IdKind> = {
  start: "node",
  next: "node",
  goto: "node",
  visited: "node",
  ending: "ending",
  end: "ending",
  disqualifiedEnding: "ending",
  speaker: "stakeholder",
  who: "stakeholder",
  target: "stakeholder",
  gate: "stage",
  meeting: "meeting",
  at: "meeting",
  note: "note",
  noted: "note",
  fact: "fact",
  researched: "fact",
  research: "fact",
  against: "competitor",
  exclude: "competitor",
  excluded: "competitor",
  competitor: "competitor",
  var: "variable",
  set: "variable",
  add: "variable",
};

/** Which kind of id the string at `path` names, if any. */
export function idKindAt(path: readonly PathSegment[]): IdKind | undefined {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (typeof last === "number") return parent === "notes" && path[0] === "nodes" ? "note" : undefined;
  if (last === undefined) return undefined;
  if (last === "to") return parent === "need" ? undefined : "stakeholder"; // an effect's need.to is a need state
  if (last === "level") return parent === "count" ? undefined : "stakeholder";
  if (last === "stage") return path[0] === "stages" ? undefined : "stage";
  if (last === "node") return parent === "chosen" ? "node" : undefined;
  if (last === "need") return "need";
  if (last === "id") return undefined;
  if (last === "competitor" && path.includes("moves")) return undefined;
  return BY_KEY[last];
}

/** The stakeholder a need at `path` belongs to, from its siblings (`who`) or the option (`to`). */
export function needOwnerAt(doc: unknown, path: readonly PathSegment[]): string | undefined {
  let v: unknown = doc;
  const chain: unknown[] = [v];
  for (const seg of path.slice(0, -1)) {
    v = isObj(v) || Array.isArray(v) ? (v as Record<string | number, unknown>)[seg] : undefined;
    chain.push(v);
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const o = chain[i];
    if (isObj(o) && typeof o.who === "string") return o.who;
    if (isObj(o) && typeof o.to === "string" && isObj(o.move)) return o.to;
  }
  return undefined;
}

/** The ids to offer at `path`: needs of the stakeholder addressed first, then everything of the kind. */
export function idsFor(table: IdTable, kind: IdKind, owner?: string): DeclaredId[] {
  const all = table[kind];
  if (kind !== "need" || !owner) return all;
  const own = all.filter((n) => n.owner === owner);
  return own.length ? own : all;
}
