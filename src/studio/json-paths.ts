/**
 * Between the checker's JSON paths (`$.nodes.intro.options[0].next`) and places in the
 * text the author is editing. The checker speaks in paths so the CLI, the game and the
 * studio share its messages; the editor needs offsets to draw a squiggle. Pure: uses
 * jsonc-parser's error-tolerant tree, so a half-typed file still maps.
 */
import { findNodeAtLocation, getLocation, parseTree, type Node as JsonNode, type ParseError } from "jsonc-parser";

/** One step of a path: an object key or an array index. */
export type PathSegment = string | number;

/** A span of the text, [from, to), in UTF-16 code units (what CodeMirror counts). */
export interface Span {
  from: number;
  to: number;
}

/**
 * Splits a checker path into segments: `$.a.b[0]["odd key"]` → ["a", "b", 0, "odd key"].
 * Returns null for text that is not such a path.
 */
export function parseJsonPath(path: string): PathSegment[] | null {
  if (!path.startsWith("$")) return null;
  const out: PathSegment[] = [];
  let i = 1;
  while (i < path.length) {
    const c = path[i];
    if (c === ".") {
      const m = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(path.slice(i + 1));
      if (!m) return null;
      out.push(m[0]);
      i += 1 + m[0].length;
    } else if (c === "[") {
      const rest = path.slice(i);
      const index = /^\[(\d+)\]/.exec(rest);
      if (index) {
        out.push(Number(index[1]));
        i += index[0].length;
        continue;
      }
      const quoted = /^\[("(?:[^"\\]|\\.)*")\]/.exec(rest);
      if (!quoted) return null;
      out.push(JSON.parse(quoted[1]!) as string);
      i += quoted[0].length;
    } else return null;
  }
  return out;
}

/** A parsed document to look paths up in, built once per text. */
export interface PathIndex {
  readonly text: string;
  readonly root: JsonNode | undefined;
  /** Syntax errors jsonc-parser found, with offsets. */
  readonly errors: readonly ParseError[];
}

export function indexText(text: string): PathIndex {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  return { text, root, errors };
}

/**
 * Where a path's problem should be drawn. A missing key is drawn on the object that lacks
 * it (the nearest part of the path that exists); a value is underlined whole, except a
 * big object or array, whose key alone is underlined so the squiggle stays readable.
 */
export function spanOfPath(index: PathIndex, path: string): Span {
  const segments = parseJsonPath(path);
  if (!index.root || !segments) return { from: 0, to: Math.min(1, index.text.length) };
  for (let n = segments.length; n >= 0; n--) {
    const node = findNodeAtLocation(index.root, segments.slice(0, n));
    if (!node) continue;
    const key = node.parent?.type === "property" ? node.parent.children?.[0] : undefined;
    const multiline = index.text.slice(node.offset, node.offset + node.length).includes("\n");
    if ((node.type === "object" || node.type === "array") && (multiline || n < segments.length)) {
      if (key) return { from: key.offset, to: key.offset + key.length };
      return { from: node.offset, to: node.offset + 1 };
    }
    return { from: node.offset, to: node.offset + node.length };
  }
  return { from: 0, to: Math.min(1, index.text.length) };
}

/** Where a node id's definition (`"intro": {`) sits in the text, for "jump to source". */
export function spanOfKey(index: PathIndex, segments: readonly PathSegment[]): Span | undefined {
  if (!index.root) return undefined;
  const node = findNodeAtLocation(index.root, [...segments]);
  const key = node?.parent?.type === "property" ? node.parent.children?.[0] : undefined;
  if (key) return { from: key.offset, to: key.offset + key.length };
  return node ? { from: node.offset, to: node.offset + 1 } : undefined;
}

/** What the cursor is in: the path to it, and whether it is typing a key or a value. */
export interface CursorPlace {
  path: PathSegment[];
  /** True when the cursor is where a property name goes. */
  atKey: boolean;
  /** The key or string typed so far at the cursor ("" when none). */
  typed: string;
  /** Where the typed word starts (inside its quote, if any). */
  from: number;
}

/** Finds what the cursor at `offset` is on, even in unfinished JSON. */
export function placeAt(text: string, offset: number): CursorPlace {
  const loc = getLocation(text, offset);
  const path = [...loc.path] as PathSegment[];
  const node = loc.previousNode;
  let typed: string;
  let from: number;
  if (node && (node.type === "string" || node.type === "property") && offset > node.offset && offset <= node.offset + node.length) {
    typed = text.slice(node.offset + 1, offset);
    from = node.offset + 1;
  } else {
    const m = /[\w.-]*$/.exec(text.slice(Math.max(0, offset - 64), offset));
    typed = m ? m[0] : "";
    from = offset - typed.length;
  }
  if (loc.isAtPropertyKey && path.length > 0 && typeof path[path.length - 1] === "string") path.pop();
  return { path, atKey: loc.isAtPropertyKey, typed, from };
}

/** Offset → 1-based line and column, for messages beside the editor. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}
