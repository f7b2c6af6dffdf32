/**
 * Help from the scenario's JSON Schema (generated from the zod schema, whose `.describe()`
 * texts are the descriptions): which keys fit where, what values a field takes, and what
 * it means. Pure; walks `$ref`, `anyOf`/`oneOf` and discriminated unions (a move's `kind`).
 */
import type { PathSegment } from "./json-paths.ts";
import type { Locale } from "../engine/vocabulary.ts";
import { st } from "./i18n.ts";
import zhHelp from "./strings/schema-help.zh-CN.json";

const ZH_HELP: Record<string, string> = zhHelp;

/**
 * A schema description in `locale`. The zod schema describes its fields in English (the
 * JSON Schema carries them); their zh-CN wording sits beside the studio's strings, keyed by
 * the English text, and a unit test checks every description has one.
 */
export function helpText(description: string | undefined, locale: Locale): string | undefined {
  if (description === undefined || locale === "en") return description;
  return Object.hasOwn(ZH_HELP, description) ? ZH_HELP[description] : description;
}

/** The parts of JSON Schema the scenario schema uses. */
export interface JsonSchema {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minimum?: number;
  maximum?: number;
}

/** A key that fits in an object, with what the schema says of it. */
export interface KeyHelp {
  key: string;
  required: boolean;
  description?: string;
  type?: string;
}

function resolve(root: JsonSchema, s: JsonSchema, seen = 0): JsonSchema[] {
  if (seen > 32) return [];
  if (s.$ref) {
    const name = /^#\/\$defs\/(.+)$/.exec(s.$ref)?.[1];
    const target = name ? root.$defs?.[name] : s.$ref === "#" ? root : undefined;
    if (!target) return [];
    // A description beside a $ref (zod's .describe() on a lazy schema) is kept.
    return resolve(root, target, seen + 1).map((t) => (s.description && !t.description ? { ...t, description: s.description } : t));
  }
  const branches = s.anyOf ?? s.oneOf;
  if (branches) return branches.flatMap((b) => resolve(root, b.description || !s.description ? b : { ...b, description: s.description }, seen + 1));
  if (s.allOf) return s.allOf.flatMap((b) => resolve(root, b, seen + 1));
  return [s];
}

/** Whether a union branch is ruled out by the value already written (a `kind` that names another branch). */
function contradicts(s: JsonSchema, value: unknown): boolean {
  if (!s.properties || !value || typeof value !== "object" || Array.isArray(value)) return false;
  const obj = value as Record<string, unknown>;
  for (const [k, p] of Object.entries(s.properties)) {
    if (p.const !== undefined && k in obj && obj[k] !== p.const) return true;
  }
  // A union of objects keyed by their single required key (conditions, effects): keys the value has must exist in the branch.
  if (s.additionalProperties === false) {
    const keys = Object.keys(obj);
    if (keys.length > 0 && !keys.some((k) => k in s.properties!)) return true;
  }
  return false;
}

function valueAt(doc: unknown, path: readonly PathSegment[]): unknown {
  let v = doc;
  for (const seg of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/**
 * The schemas that may describe the value at `path` (several where a union is not yet
 * decided). `doc` is the document as far as it parses, to pick union branches.
 */
export function schemasAt(root: JsonSchema, path: readonly PathSegment[], doc?: unknown): JsonSchema[] {
  let current = resolve(root, root);
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const here = valueAt(doc, path.slice(0, i));
    const live = current.filter((s) => !contradicts(s, here));
    const next: JsonSchema[] = [];
    for (const s of live.length ? live : current) {
      let child: JsonSchema | undefined;
      if (typeof seg === "number") child = s.prefixItems?.[seg] ?? s.items;
      else child = s.properties?.[seg] ?? (typeof s.additionalProperties === "object" ? s.additionalProperties : undefined);
      if (child) next.push(...resolve(root, child));
    }
    current = next;
    if (!current.length) return [];
  }
  const value = valueAt(doc, path);
  const live = current.filter((s) => !contradicts(s, value));
  return live.length ? live : current;
}

function typeName(s: JsonSchema): string | undefined {
  if (s.enum) return s.enum.map((e) => JSON.stringify(e)).join(" | ");
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (Array.isArray(s.type)) return s.type.join(" | ");
  return s.type;
}

/** Keys that fit in the object at `path`, from every schema that may describe it. */
export function keysAt(root: JsonSchema, path: readonly PathSegment[], doc?: unknown): KeyHelp[] {
  const seen = new Map<string, KeyHelp>();
  for (const s of schemasAt(root, path, doc)) {
    for (const [key, p] of Object.entries(s.properties ?? {})) {
      if (seen.has(key)) continue;
      const resolved = resolve(root, p)[0] ?? p;
      seen.set(key, {
        key,
        required: s.required?.includes(key) ?? false,
        description: p.description ?? resolved.description,
        type: typeName(resolved) ?? (resolve(root, p).length > 1 ? "one of several forms" : undefined),
      });
    }
  }
  return [...seen.values()];
}

/** Fixed values the field at `path` takes (enums, consts, booleans). */
export function valuesAt(root: JsonSchema, path: readonly PathSegment[], doc?: unknown): unknown[] {
  const out = new Set<unknown>();
  for (const s of schemasAt(root, path, doc)) {
    for (const e of s.enum ?? []) out.add(e);
    if (s.const !== undefined) out.add(s.const);
    if (s.type === "boolean") [true, false].forEach((b) => out.add(b));
  }
  return [...out];
}

/** A short help text for the field at `path`: what it is and what it takes. */
export function describeAt(root: JsonSchema, path: readonly PathSegment[], doc?: unknown, locale: Locale = "en"): string | undefined {
  const schemas = schemasAt(root, path, doc);
  if (!schemas.length) return undefined;
  const parentKey = path.length ? path[path.length - 1] : undefined;
  const parent = path.length ? schemasAt(root, path.slice(0, -1), doc) : [];
  const fromParent = typeof parentKey === "string" ? parent.map((p) => p.properties?.[parentKey]?.description).find(Boolean) : undefined;
  const description = fromParent ?? schemas.map((s) => s.description).find(Boolean);
  const types = [...new Set(schemas.map(typeName).filter((t): t is string => !!t))];
  const parts: string[] = [];
  if (description) parts.push(helpText(description, locale)!);
  if (types.length === 1) parts.push(st(locale, "help.type", { type: types[0]! }));
  else if (schemas.length > 1) {
    const forms = schemas.map((s) => Object.keys(s.properties ?? {}).find((k) => s.required?.includes(k))).filter(Boolean);
    if (forms.length) parts.push(st(locale, "help.one-of", { forms: [...new Set(forms)].join(", ") }));
  }
  const range = schemas.find((s) => s.minimum !== undefined || s.maximum !== undefined);
  if (range) parts.push(st(locale, "help.range", { min: range.minimum ?? "…", max: range.maximum ?? "…" }));
  return parts.join("\n") || undefined;
}
