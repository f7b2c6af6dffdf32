/**
 * A scenario's player-visible strings as a table for translators: one row per text, keyed
 * by its JSON path, with a column per locale. Export as CSV (RFC 4180) or XLIFF 1.2; import
 * either back into the file's text, changing only the strings (jsonc-parser edits keep the
 * author's layout). Pure: the studio and `npm run scenarios:strings` share it.
 */
import { applyEdits, modify, parse } from "jsonc-parser";
import { jsonPath } from "../engine/problems.ts";
import { parseJsonPath } from "./json-paths.ts";

export const TABLE_LOCALES = ["zh-CN", "en"] as const;
export type TableLocale = (typeof TABLE_LOCALES)[number];

/** One translatable text: where it is and what it says in each locale ("" when missing). */
export interface StringRow {
  path: string;
  "zh-CN": string;
  en: string;
}

/** Every localized text of a scenario document, in document order. */
export function extractStrings(doc: unknown): StringRow[] {
  const rows: StringRow[] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, [...path, i]));
    if (!v || typeof v !== "object") return;
    const obj = v as Record<string, unknown>;
    const keys = Object.keys(obj);
    if (keys.length > 0 && keys.every((k) => k === "zh-CN" || k === "en") && keys.every((k) => typeof obj[k] === "string")) {
      rows.push({ path: jsonPath(path), "zh-CN": (obj["zh-CN"] as string) ?? "", en: (obj.en as string) ?? "" });
      return;
    }
    for (const k of keys) walk(obj[k], [...path, k]);
  };
  walk(doc, []);
  return rows;
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly StringRow[]): string {
  const lines = [["path", ...TABLE_LOCALES].join(",")];
  for (const r of rows) lines.push([r.path, ...TABLE_LOCALES.map((l) => r[l])].map(csvField).join(","));
  return lines.join("\r\n") + "\r\n";
}

/** Parses CSV (quoted fields, doubled quotes, CRLF or LF); throws on an unclosed quote. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && src[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (quoted) throw new Error("the CSV ends inside a quoted field");
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ""));
}

export function fromCsv(text: string): StringRow[] {
  const [header, ...body] = parseCsv(text);
  if (!header || header[0] !== "path") throw new Error('the first row must be the header "path,zh-CN,en"');
  const col = (l: string) => header.indexOf(l);
  return body.map((r, i) => {
    if (!r[0]?.startsWith("$")) throw new Error(`row ${i + 2}: the first column must be a JSON path like $.nodes.intro.lines[0].text`);
    return { path: r[0], "zh-CN": col("zh-CN") >= 0 ? (r[col("zh-CN")] ?? "") : "", en: col("en") >= 0 ? (r[col("en")] ?? "") : "" };
  });
}

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const xmlUnescape = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-fA-F]+));/g, (_m, name: string, dec?: string, hex?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" } as Record<string, string>)[name]!,
  );

/** XLIFF 1.2 with zh-CN as the source language and `target` (default en) as the target. */
export function toXliff(rows: readonly StringRow[], file: string, target: TableLocale = "en"): string {
  const source: TableLocale = target === "en" ? "zh-CN" : "en";
  const units = rows.map(
    (r) =>
      `      <trans-unit id="${xmlEscape(r.path)}">\n        <source>${xmlEscape(r[source])}</source>\n        <target${r[target] ? "" : ' state="needs-translation"'}>${xmlEscape(r[target])}</target>\n      </trans-unit>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
    `  <file original="${xmlEscape(file)}" source-language="${source}" target-language="${target}" datatype="plaintext">`,
    "    <body>",
    ...units,
    "    </body>",
    "  </file>",
    "</xliff>",
    "",
  ].join("\n");
}

export function fromXliff(text: string): StringRow[] {
  const file = /<file\b([^>]*)>/.exec(text);
  if (!file) throw new Error("not an XLIFF 1.2 file: no <file> element");
  const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(file[1]!)?.[1];
  const source = (attr("source-language") ?? "zh-CN") as TableLocale;
  const target = (attr("target-language") ?? "en") as TableLocale;
  if (!TABLE_LOCALES.includes(source) || !TABLE_LOCALES.includes(target)) throw new Error(`languages must be zh-CN and en, not ${source} → ${target}`);
  const rows: StringRow[] = [];
  for (const m of text.matchAll(/<trans-unit\b[^>]*\bid="([^"]*)"[^>]*>([\s\S]*?)<\/trans-unit>/g)) {
    const body = m[2]!;
    const part = (tag: string) => {
      const hit = new RegExp(`<${tag}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${tag}>)`).exec(body);
      return hit ? xmlUnescape(hit[1] ?? "") : "";
    };
    const row: StringRow = { path: xmlUnescape(m[1]!), "zh-CN": "", en: "" };
    row[source] = part("source");
    row[target] = part("target");
    rows.push(row);
  }
  return rows;
}

/** Either format, told apart by the first character. */
export function parseTable(text: string): StringRow[] {
  return text.trimStart().startsWith("<") ? fromXliff(text) : fromCsv(text);
}

/**
 * Writes the rows' texts into the scenario's text. A row whose path is not a text of the
 * file is reported, not added; an empty cell leaves that locale as it was.
 */
export function applyStrings(text: string, rows: readonly StringRow[]): { text: string; changed: number; skipped: string[] } {
  const doc = parse(text);
  const known = new Map(extractStrings(doc).map((r) => [r.path, r]));
  let out = text;
  let changed = 0;
  const skipped: string[] = [];
  for (const row of rows) {
    const have = known.get(row.path);
    const segments = parseJsonPath(row.path);
    if (!have || !segments) {
      skipped.push(row.path);
      continue;
    }
    for (const l of TABLE_LOCALES) {
      if (row[l] === "" || row[l] === have[l]) continue;
      out = applyEdits(out, modify(out, [...segments, l], row[l], { formattingOptions: { insertSpaces: true, tabSize: 2 } }));
      changed++;
    }
  }
  return { text: out, changed, skipped };
}
