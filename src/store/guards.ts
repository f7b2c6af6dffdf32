/**
 * Small hand-written guards for stored data (no zod: the store is in the first bundle).
 * Stored text is capped so a damaged or hostile entry cannot blow up the screens that show it.
 */
import type { LocalizedText } from "../engine/schema.ts";

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
export const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
export const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** Longest stored title per locale, in characters; a scenario card shows far fewer. */
export const MAX_TITLE_CHARS = 120;
/** Longest id (scenario, ending, seed) kept. */
export const MAX_ID_CHARS = 64;

/** Ids that would collide with inherited object members when used as keys. */
const RESERVED_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export function isId(v: unknown): v is string {
  return typeof v === "string" && v.length > 0 && v.length <= MAX_ID_CHARS && !RESERVED_KEYS.has(v);
}

/** A stored localized title, trimmed to the cap; undefined when there is nothing usable. */
export function cleanTitle(v: unknown): LocalizedText | undefined {
  if (!isRecord(v)) return undefined;
  const out: Record<string, string> = {};
  for (const locale of ["zh-CN", "en"]) {
    const s = v[locale];
    if (typeof s === "string" && s.trim()) out[locale] = s.slice(0, MAX_TITLE_CHARS);
  }
  return Object.keys(out).length ? (out as LocalizedText) : undefined;
}

/** Longest learner name or id kept (names show in a list row and a CSV cell). */
export const MAX_NAME_CHARS = 60;

/** A name typed or given by an LMS: trimmed, without control or bidi characters, capped; "" when nothing is left. */
export function cleanName(v: unknown): string {
  if (typeof v !== "string") return "";
  // eslint-disable-next-line no-control-regex
  return [...v.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "").trim()].slice(0, MAX_NAME_CHARS).join("");
}

/** A record with no prototype, so `rec["constructor"]` is only ever what was stored. */
export function bare<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
