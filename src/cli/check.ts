/**
 * `npm run scenarios:check -- [files...]`: checks scenario files (default: every
 * scenarios/*.json but the generated schema). Prints one `file: JSON-path: message` line
 * per problem; exits 1 on any problem, 0 when clean. Never prints a stack trace. Values
 * from the file are echoed cut short (problems.ts), and the exit waits for piped output to
 * drain: `process.exitCode` is set, never `process.exit`, which drops what is still buffered.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { checkScenarioBytes, MAX_SCENARIO_BYTES } from "../engine/check.ts";
import { formatProblem, isError, type Problem } from "../engine/problems.ts";
import { screenFitWarnings } from "../engine/caps-check.ts";

const SCHEMA_FILE = "scenario.schema.json";

function defaultFiles(): string[] {
  return readdirSync("scenarios")
    .filter((f) => f.endsWith(".json") && f !== SCHEMA_FILE)
    .sort()
    .map((f) => join("scenarios", f));
}

/** Output lines for a file; warnings say so and do not fail the check. */
function checkFile(file: string): { lines: string[]; errors: number } {
  const lines = problemLines(file);
  return { lines: lines.map((l) => l.text), errors: lines.filter((l) => l.error).length };
}

function problemLines(file: string): { text: string; error: boolean }[] {
  const fail = (text: string) => [{ text, error: true }];
  try {
    const st = statSync(file);
    if (st.isDirectory()) return fail(`${file}: $: is a folder, not a scenario file`);
    if (st.size > MAX_SCENARIO_BYTES) {
      return fail(`${file}: $: the file is ${(st.size / 1048576).toFixed(1)} MB; a scenario may be at most ${MAX_SCENARIO_BYTES / 1048576} MB`);
    }
    const { problems, data } = checkScenarioBytes(readFileSync(file));
    // Estimates and teaching warnings, not certainties: on stderr, and they do not fail the check.
    const warn = (w: Problem) =>
      console.error(`${file}: ${formatProblem({ ...w, message: w.acknowledged ? `acknowledged (${w.acknowledged.en ?? w.acknowledged["zh-CN"] ?? ""}): ${w.message}` : `warning: ${w.message}` })}`);
    if (data) screenFitWarnings(data).forEach(warn);
    problems.filter((p) => !isError(p)).forEach(warn);
    return problems.filter(isError).map((p) => ({ text: `${file}: ${formatProblem(p)}`, error: true }));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : String((e as Error).message ?? e);
    return fail(`${file}: $: cannot read: ${why}`);
  }
}

const args = process.argv.slice(2).filter((a) => a !== "--");
const files = args.length > 0 ? args : defaultFiles();
let failed = 0;
for (const file of files) {
  const { lines, errors } = checkFile(file);
  if (errors) failed++;
  for (const l of lines) console.log(l);
}
const shown = files.map((f) => relative(".", f)).length;
console.error(`${shown} file(s) checked, ${failed} with problems`);
process.exitCode = failed > 0 ? 1 : 0;
