/**
 * The attempt history as CSV, for a rep to keep or to carry to another device. Papa Parse
 * does the quoting both ways; every imported row is validated like a stored attempt and
 * a bad row is reported by its line number, never merged. Cells that a spreadsheet would
 * run as a formula are written with a leading apostrophe (and read back without it).
 */
import Papa from "papaparse";
import { COMPETENCIES } from "../engine/vocabulary.ts";
import { checkAttempt } from "../store/history.ts";
import type { Attempt } from "../store/types.ts";

export const CSV_COLUMNS = ["at", "scenario_id", "title_zh_cn", "title_en", "mode", "total", ...COMPETENCIES, "ending", "seed"] as const;
/** Rows accepted in one import (years of practice; a bigger file is not a history of ours). */
export const MAX_IMPORT_ROWS = 5000;

const FORMULA = /^[=+\-@\t\r]/;
const guard = (s: string) => (FORMULA.test(s) ? `'${s}` : s);
const unguard = (s: string) => (s.startsWith("'") && FORMULA.test(s.slice(1)) ? s.slice(1) : s);

export function attemptsToCsv(attempts: readonly Attempt[]): string {
  const rows = attempts.map((a) => [
    a.at,
    guard(a.scenarioId),
    guard(a.title?.["zh-CN"] ?? ""),
    guard(a.title?.en ?? ""),
    a.mode,
    String(a.total),
    ...COMPETENCIES.map((c) => String(a.competencies[c])),
    guard(a.ending),
    guard(a.seed),
  ]);
  return Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: "\r\n" }) + "\r\n";
}

export interface CsvImport {
  attempts: Attempt[];
  /** "line 4: total" for each row left out. */
  problems: string[];
}

/** Parses an exported history. Throws an Error with a readable message when the file is not one at all. */
export function attemptsFromCsv(text: string): CsvImport {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  if (!header || CSV_COLUMNS.some((c, i) => header[i]?.trim() !== c)) {
    throw new Error(`line 1: expected the columns ${CSV_COLUMNS.join(",")}`);
  }
  if (rows.length > MAX_IMPORT_ROWS) throw new Error(`more than ${MAX_IMPORT_ROWS} rows`);
  const attempts: Attempt[] = [];
  const problems: string[] = [];
  rows.forEach((row, i) => {
    const cell = (name: (typeof CSV_COLUMNS)[number]) => unguard(row[CSV_COLUMNS.indexOf(name)] ?? "");
    const num = (name: (typeof CSV_COLUMNS)[number]) => (cell(name).trim() === "" ? Number.NaN : Number(cell(name)));
    const title: Record<string, string> = {};
    if (cell("title_zh_cn")) title["zh-CN"] = cell("title_zh_cn");
    if (cell("title_en")) title.en = cell("title_en");
    const checked = checkAttempt({
      at: cell("at"),
      scenarioId: cell("scenario_id"),
      title,
      mode: cell("mode"),
      total: num("total"),
      competencies: Object.fromEntries(COMPETENCIES.map((c) => [c, num(c)])),
      ending: cell("ending"),
      seed: cell("seed"),
    });
    if (typeof checked === "string") problems.push(`line ${i + 2}: ${checked}`);
    else attempts.push(checked);
  });
  return { attempts, problems };
}
