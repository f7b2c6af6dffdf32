import type { LintRule } from "./lint-rules.ts";

/** A problem found in a scenario or save: where (a JSON path like `$.nodes.intro.options[0].next`) and what. */
export interface Problem {
  path: string;
  message: string;
  /** "warning": the file plays, but a class may trip over it (teaching lint). Absent means an error. */
  severity?: "error" | "warning";
  /** The rule that raised a warning: a front end words it in its language from `args`, and `lintOk` can acknowledge it. */
  rule?: LintRule;
  /** The values the message names (ids, counts, the author's text), for wording it in another language. */
  args?: Record<string, string | number>;
  /** Set when the author acknowledged this warning here (`lintOk`): their reason, in each language they gave. */
  acknowledged?: Partial<Record<"zh-CN" | "en", string>>;
}

/** Whether a problem stops the file from being used (everything but a warning). */
export function isError(p: Problem): boolean {
  return p.severity !== "warning";
}

/** Thrown when input cannot be used; carries every problem found, not just the first. */
export class ScenarioError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: Problem[], source = "scenario") {
    super(`${source} has ${problems.length} problem(s):\n` + problems.map(formatProblem).join("\n"));
    this.name = "ScenarioError";
    this.problems = problems;
  }
}

/** Longest an author's value is echoed in a message: enough to recognise it, never the bulk of a hostile one. */
export const MAX_ECHO = 80;
/** Items a message lists before it says how many more there are. */
export const MAX_LISTED = 8;
/** Longest path or message a printed problem line carries (a last guard for text built elsewhere). */
const MAX_PRINTED = 2000;

/** `value` cut to `max` code points with an ellipsis; short values unchanged. Looks at no more than it keeps. */
export function echo(value: unknown, max = MAX_ECHO): string {
  const text = typeof value === "string" ? value : String(value);
  if (text.length <= max) return text;
  return Array.from(text.slice(0, max)).slice(0, max - 1).join("") + "…";
}

/**
 * The first few of `items`, echoed and comma-separated, then how many more ("a, b, … (12 more)");
 * "(none)" when empty. Takes an array so counting costs nothing.
 */
export function listed(items: readonly string[], max = MAX_LISTED): string {
  if (items.length === 0) return "(none)";
  const shown = items.slice(0, max).map((i) => echo(i, 40)).join(", ");
  return items.length > max ? `${shown}, … (${items.length - max} more)` : shown;
}

export function formatProblem(p: Problem): string {
  return `${echo(p.path, MAX_PRINTED)}: ${echo(p.message, MAX_PRINTED)}`;
}

const SIMPLE_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * The problems of `more` that are not at or under a path of `known` (a broken part's
 * details would only repeat it). Each path's prefixes are looked up in a set, so the cost
 * is linear in the problems, not their product.
 */
export function notUnder(more: readonly Problem[], known: readonly Problem[]): Problem[] {
  if (known.length === 0) return [...more];
  const covered = new Set(known.map((p) => p.path));
  return more.filter((m) => !isUnder(m.path, covered));
}

function isUnder(path: string, covered: ReadonlySet<string>): boolean {
  if (covered.has(path)) return true;
  for (let i = 1; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if ((c === 46 /* . */ || c === 91) /* [ */ && covered.has(path.slice(0, i))) return true;
  }
  return false;
}

/** A key longer than this is cut in paths: a real key is an id of at most 64 characters. */
const MAX_KEY_IN_PATH = 100;

/**
 * Turns a path of keys and indexes into `$.a.b[0]["odd-key"]`. A key longer than any id
 * (a hostile file's megabyte key) is cut with an ellipsis, so each problem under it does not
 * repeat it whole; cut the same way everywhere, paths still nest.
 */
export function jsonPath(segments: readonly PropertyKey[]): string {
  let out = "$";
  for (const s of segments) {
    if (typeof s === "number") out += `[${s}]`;
    else if (typeof s === "string" && s.length <= MAX_KEY_IN_PATH && SIMPLE_KEY.test(s)) out += `.${s}`;
    else out += `[${JSON.stringify(echo(String(s), MAX_KEY_IN_PATH))}]`;
  }
  return out;
}
