/**
 * The scenario checker: from raw bytes to a list of problems, never an exception.
 * Schema and references come from the loader; this adds the graph (unreachable nodes,
 * ways to get stuck) and translations. Pure: the CLI and the in-game loader share it.
 */
import { validateScenario } from "./loader.ts";
import { isError, jsonPath, notUnder, type Problem } from "./problems.ts";
import type { Effect, ScenarioData } from "./schema.ts";
import { teachingLint } from "./teaching-lint.ts";
import { graphProblems } from "./graph-check.ts";
import { jumpsOf } from "./jumps.ts";
import { countCapProblems, textCapProblems } from "./caps-check.ts";
import { keyProblems } from "./json-keys.ts";
import { isVisibleText } from "./caps.ts";
import { acknowledge } from "./lint-ok.ts";

import { MAX_SCENARIO_BYTES } from "./limits.ts";

export { MAX_SCENARIO_BYTES };
/** Deepest JSON nesting accepted; real scenarios stay under 20. */
export const MAX_NESTING = 64;

/** Checks a scenario file's bytes; returns every problem found and, when it loads, the data. */
export function checkScenarioBytes(bytes: Uint8Array): { problems: Problem[]; data?: ScenarioData } {
  if (bytes.length === 0) return { problems: [{ path: "$", message: "the file is empty" }] };
  if (bytes.length > MAX_SCENARIO_BYTES) {
    return {
      problems: [{ path: "$", message: `the file is ${(bytes.length / 1048576).toFixed(1)} MB; a scenario may be at most ${MAX_SCENARIO_BYTES / 1048576} MB` }],
    };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { problems: [{ path: "$", message: "the file is not UTF-8 text (binary data?)" }] };
  }
  return checkScenarioText(text);
}

/** A parse of a file's text: every problem so far, and the data as far as it got. */
interface Parsed {
  problems: Problem[];
  /** Passed the schema (maybe with other problems). */
  shaped?: ScenarioData;
  /** Parsed JSON that failed the schema: the lint may still look at the parts that are sound. */
  json?: unknown;
}

function parse(text: string): Parsed {
  if (text.trim() === "") return { problems: [{ path: "$", message: "the file is empty" }] };
  if (text.includes("\u0000")) return { problems: [{ path: "$", message: "the file is not text (it holds NUL bytes)" }] };
  const depth = nestingDepth(text);
  if (depth > MAX_NESTING) {
    return { problems: [{ path: "$", message: `JSON nested ${depth} levels deep; at most ${MAX_NESTING} are allowed` }] };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    return { problems: [{ path: "$", message: `invalid JSON: ${describeJsonError(text, e)}` }] };
  }
  // Everything below is reported together: keys JSON.parse hid, the schema and references,
  // and text too long for the screen.
  const problems = keyProblems(body);
  const { data, problems: found } = validateScenario(json);
  problems.push(...found);
  problems.push(...notUnder(textCapProblems(json), problems));
  return data ? { problems, shaped: data } : { problems, json };
}

/** Everything the checker does except the graph and translation lint: what the game needs to play a file. */
export function parseScenarioText(text: string): { problems: Problem[]; data?: ScenarioData } {
  const { problems, shaped } = parse(text);
  // Warnings (text over a display cap) do not stop a file: the game wraps or shortens it.
  return shaped && !problems.some(isError) ? { problems, data: shaped } : { problems };
}

/**
 * The full check of a scenario file's text: parse, schema, references, caps, graph and
 * translations, all in one pass. Where the schema failed, the lint still looks at the
 * rest of the file, so an author sees every problem at once.
 */
export function checkScenarioText(text: string): { problems: Problem[]; data?: ScenarioData } {
  const { problems, shaped, json } = parse(text);
  const ok = !problems.some(isError);
  if (shaped) problems.push(...lintScenario(shaped));
  else if (json && typeof json === "object") {
    try {
      problems.push(...notUnder(lintScenario(json as ScenarioData), problems));
    } catch {
      // the shape is too broken to follow; the schema problems stand alone
    }
  }
  // Warnings the author marked as intended keep their place, marked with the reason.
  const checked = acknowledge(problems, shaped ?? json);
  return ok && shaped ? { problems: checked, data: shaped } : { problems: checked };
}

/** Bracket depth of JSON text, ignoring strings; linear and without recursion. */
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash escapes the next char
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}

function describeJsonError(text: string, e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const m = /position (\d+)/.exec(msg);
  if (!m) return msg;
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split("\n").length;
  const col = pos - before.lastIndexOf("\n");
  return `${msg.replace(/ in JSON at position \d+.*$/, "")} at line ${line}, column ${col}`;
}

/** Graph and translation checks on a scenario that already passed schema and references. */
export function lintScenario(s: ScenarioData): Problem[] {
  const problems: Problem[] = [...graphProblems(s), ...countCapProblems(s)];
  const at = (segments: PropertyKey[], message: string) => problems.push({ path: jsonPath(segments), message });
  const usedEndings = new Set<string>();
  if (s.policy) usedEndings.add(s.policy.disqualifiedEnding);
  for (const node of Object.values(s.nodes)) {
    if (node.ending) usedEndings.add(node.ending);
  }
  // Only ends that can take effect: one after an end that always comes first never runs.
  const collectEnds = (effects: readonly Effect[] | undefined) => jumpsOf(effects).endings.forEach((e) => usedEndings.add(e));
  for (const node of Object.values(s.nodes)) {
    collectEnds(node.onEnter);
    node.options?.forEach((o) => collectEnds(o.effects));
  }
  for (const id of Object.keys(s.endings)) {
    if (!usedEndings.has(id)) at(["endings", id], "no node or effect leads to this ending");
  }

  // Translations: every localized text needs every locale the scenario promises. A
  // scenario may promise one locale only (a zh-CN-only class): the game marks its card
  // with the language and shows its text as written.
  const required = new Set<string>(s.meta.locales);
  const walk = (value: unknown, path: PropertyKey[]): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, [...path, i]));
    if (!value || typeof value !== "object") return;
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj);
    const isText = keys.length > 0 && keys.every((k) => k === "zh-CN" || k === "en");
    if (isText) {
      for (const l of required) {
        const t = obj[l];
        if (typeof t !== "string" || t.trim() === "") at([...path, l], `missing ${l} translation`);
        else if (!isVisibleText(t)) at([...path, l], `the ${l} translation is only invisible characters (zero-width spaces, marks or blanks), which is no translation`);
      }
      return;
    }
    for (const k of keys) walk(obj[k], [...path, k]);
  };
  walk(s, []);
  problems.push(...teachingWarnings(s));
  return problems;
}

/** The teaching lint's warnings (teaching-lint.ts); a rule that fails on an odd file costs only its warnings. */
function teachingWarnings(s: ScenarioData): Problem[] {
  try {
    return teachingLint(s);
  } catch (e) {
    return [{ path: "$", message: `the teaching lint could not finish: ${(e as Error).message}`, severity: "warning", rule: "lint-failed", args: { error: (e as Error).message } }];
  }
}
