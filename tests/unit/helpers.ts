import { readFileSync } from "node:fs";
import { loadScenario, type Runner, type Scenario } from "../../src/engine/index.ts";

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, "utf8"));
}

export function mini(): Scenario {
  return loadScenario(readJson("tests/fixtures/mini.json"));
}

/** A fresh, mutable copy of the mini fixture to break in a test (loosely typed on purpose). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function miniData(): Record<string, any> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return readJson("tests/fixtures/mini.json") as Record<string, any>;
}

/** Advances through lines; picks with `pick` at each choice; stops at an ending or after `limit` steps. */
export function playThrough(runner: Runner, pick: (r: Runner) => string, limit = 1000): Runner {
  for (let i = 0; i < limit; i++) {
    if (runner.status === "line") runner.advance();
    else if (runner.status === "awaiting-choice") runner.choose(pick(runner));
    else break;
  }
  return runner;
}

/**
 * Node's arguments that run a TypeScript CLI as `tsx <script>` does, in one process: spawn them
 * with `process.execPath`. `npx tsx` starts two more Node processes first (npx, tsx's launcher),
 * half of each CLI test's time.
 */
export function tsxArgs(script: string, ...args: string[]): string[] {
  return ["--import", "tsx", script, ...args];
}
