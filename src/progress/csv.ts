/**
 * The attempt history as CSV, for a rep to keep or to carry to another device, and for a
 * manager's team view to combine. Papa Parse does the quoting both ways; every imported
 * row is validated like a stored attempt and a bad row is reported by its line and field,
 * never merged. Cells that a spreadsheet would run as a formula are written with a leading
 * apostrophe (and read back without it). Columns are read by their header, so files from
 * before a column was added still import.
 */
import Papa from "papaparse";
import { COMPETENCIES } from "../engine/vocabulary.ts";
import { checkAttempt } from "../store/history.ts";
import type { Attempt } from "../store/types.ts";

export const CSV_COLUMNS = [
  "at",
  "learner",
  "learner_id",
  "scenario_id",
  "title_zh_cn",
  "title_en",
  "mode",
  "total",
  ...COMPETENCIES,
  "seconds",
  "ending",
  "ending_zh_cn",
  "ending_en",
  "seed",
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
/** The columns every export has had; the others are optional on import. */
const REQUIRED: readonly CsvColumn[] = ["at", "scenario_id", "mode", "total", ...COMPETENCIES, "ending", "seed"];
/** Rows accepted in one import (years of practice; a bigger file is not a history of ours). */
export const MAX_IMPORT_ROWS = 5000;

const FORMULA = /^[=+\-@\t\r]/;
const guard = (s: string) => (FORMULA.test(s) ? `'${s}` : s);
const unguard = (s: string) => (s.startsWith("'") && FORMULA.test(s.slice(1)) ? s.slice(1) : s);

/** The history as CSV; `extra` adds a column at the end (the team view's combined export names each row's source file). */
export function attemptsToCsv<A extends Attempt>(attempts: readonly A[], extra?: { column: string; value(a: A): string }): string {
  const rows = attempts.map((a) => [
    a.at,
    guard(a.learner ?? ""),
    guard(a.learnerId ?? ""),
    guard(a.scenarioId),
    guard(a.title?.["zh-CN"] ?? ""),
    guard(a.title?.en ?? ""),
    a.mode,
    String(a.total),
    ...COMPETENCIES.map((c) => String(a.competencies[c])),
    a.seconds === undefined ? "" : String(a.seconds),
    guard(a.ending),
    guard(a.endingTitle?.["zh-CN"] ?? ""),
    guard(a.endingTitle?.en ?? ""),
    guard(a.seed),
    ...(extra ? [guard(extra.value(a))] : []),
  ]);
  return Papa.unparse({ fields: [...CSV_COLUMNS, ...(extra ? [extra.column] : [])], data: rows }, { newline: "\r\n" }) + "\r\n";
}

export interface CsvImport {
  attempts: Attempt[];
  /** "line 4: total" for each row left out. */
  problems: string[];
}

/** Maps the camel-case field checkAttempt names to the CSV column a person sees. */
const COLUMN_OF: Record<string, string> = { scenarioId: "scenario_id", learnerId: "learner_id", endingTitle: "ending_zh_cn/ending_en", title: "title_zh_cn/title_en" };
const columnName = (field: string) => COLUMN_OF[field] ?? field.replace(/^competencies\./, "");

/** Parses an exported history. Throws an Error with a readable message when the file is not one at all. */
export function attemptsFromCsv(text: string): CsvImport {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  const at = new Map((header ?? []).map((h, i) => [h.trim(), i]));
  const missing = REQUIRED.filter((c) => !at.has(c));
  if (!header || missing.length) throw new Error(`line 1: missing the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);
  if (rows.length > MAX_IMPORT_ROWS) throw new Error(`more than ${MAX_IMPORT_ROWS} rows`);
  const attempts: Attempt[] = [];
  const problems: string[] = [];
  rows.forEach((row, i) => {
    const cell = (name: CsvColumn) => (at.has(name) ? unguard(row[at.get(name)!] ?? "") : "");
    const num = (name: CsvColumn) => (cell(name).trim() === "" ? Number.NaN : Number(cell(name)));
    const localized = (zh: CsvColumn, en: CsvColumn) => ({ ...(cell(zh) ? { "zh-CN": cell(zh) } : {}), ...(cell(en) ? { en: cell(en) } : {}) });
    const checked = checkAttempt({
      at: cell("at"),
      scenarioId: cell("scenario_id"),
      title: localized("title_zh_cn", "title_en"),
      mode: cell("mode"),
      total: num("total"),
      competencies: Object.fromEntries(COMPETENCIES.map((c) => [c, num(c)])),
      ending: cell("ending"),
      seed: cell("seed"),
      learner: cell("learner"),
      learnerId: cell("learner_id"),
      ...(cell("seconds").trim() ? { seconds: num("seconds") } : {}),
      endingTitle: localized("ending_zh_cn", "ending_en"),
    });
    if (typeof checked === "string") problems.push(`line ${i + 2}: ${columnName(checked)}`);
    else attempts.push(checked);
  });
  return { attempts, problems };
}
