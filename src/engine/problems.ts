/** A problem found in a scenario or save: where (a JSON path like `$.nodes.intro.options[0].next`) and what. */
export interface Problem {
  path: string;
  message: string;
  /** "warning": the file plays, but a class may trip over it (teaching lint). Absent means an error. */
  severity?: "error" | "warning";
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

export function formatProblem(p: Problem): string {
  return `${p.path}: ${p.message}`;
}

const SIMPLE_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Turns a path of keys and indexes into `$.a.b[0]["odd-key"]`. */
export function jsonPath(segments: readonly PropertyKey[]): string {
  let out = "$";
  for (const s of segments) {
    if (typeof s === "number") out += `[${s}]`;
    else if (typeof s === "string" && SIMPLE_KEY.test(s)) out += `.${s}`;
    else out += `[${JSON.stringify(String(s))}]`;
  }
  return out;
}
