/**
 * `npm run scenarios:strings -- export <scenario.json> [--format csv|xliff] [--out <file>]`
 * `npm run scenarios:strings -- import <scenario.json> <table.csv|table.xlf> [--out <file>]`
 * Export writes every player-visible text with its JSON path (stdout unless --out);
 * import writes the table's texts back into the scenario (in place unless --out), touching
 * nothing else, then says how many changed and which rows matched no text.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { parse } from "jsonc-parser";
import { applyStrings, extractStrings, parseTable, toCsv, toXliff } from "../studio/strings-table.ts";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const args = process.argv.slice(2).filter((a) => a !== "--");
const flag = (name: string) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v ?? fail(`${name} needs a value`);
};
const out = flag("--out");
const format = flag("--format") ?? (out?.endsWith(".xlf") || out?.endsWith(".xliff") ? "xliff" : "csv");
const [command, scenarioFile, tableFile] = args;
const read = (file: string) => {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    return fail(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
};

if (command === "export" && scenarioFile) {
  const rows = extractStrings(parse(read(scenarioFile)));
  if (format !== "csv" && format !== "xliff") fail(`--format must be csv or xliff, not ${format}`);
  const table = format === "csv" ? toCsv(rows) : toXliff(rows, basename(scenarioFile));
  if (out) {
    writeFileSync(out, table);
    console.error(`${rows.length} string(s) written to ${out}`);
  } else process.stdout.write(table);
} else if (command === "import" && scenarioFile && tableFile) {
  let rows;
  try {
    rows = parseTable(read(tableFile));
  } catch (e) {
    fail(`${tableFile}: ${(e as Error).message}`);
  }
  const result = applyStrings(read(scenarioFile), rows);
  writeFileSync(out ?? scenarioFile, result.text);
  console.error(`${result.changed} text(s) changed in ${out ?? scenarioFile}`);
  for (const p of result.skipped) console.error(`${tableFile}: ${p}: no such text in ${scenarioFile}; row skipped`);
} else {
  fail("usage: scenarios:strings -- export <scenario.json> [--format csv|xliff] [--out file]\n       scenarios:strings -- import <scenario.json> <table.csv|.xlf> [--out file]");
}
