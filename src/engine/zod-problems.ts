import type { z } from "zod";
import { jsonPath, type Problem } from "./problems.ts";

type Issue = z.core.$ZodIssue;

function isMissingKey(i: Issue): boolean {
  return i.code === "invalid_type" && i.path.length === 1 && /received undefined$/.test(i.message);
}

/** How badly a union branch's shape misses the input: missing required keys plus unknown keys at its root. */
function shapeMismatch(branch: Issue[]): number {
  let n = 0;
  for (const i of branch) {
    if (isMissingKey(i)) n += 1;
    else if (i.code === "unrecognized_keys" && i.path.length === 0) n += i.keys.length;
    else if (i.code === "invalid_type" && i.path.length === 0) n += 100;
  }
  return n;
}

function branchForm(branch: Issue[]): string | undefined {
  const missing = branch.find(isMissingKey);
  return missing ? String(missing.path[0]) : undefined;
}

/**
 * Flattens zod issues into problems with JSON paths. A failed union (a condition or an
 * effect) is reported through the branch whose keys match the input, so an author reads
 * "$.nodes.a.options[0].condition.all[0].op: …" instead of "Invalid input".
 */
export function zodProblems(issues: readonly Issue[], base: PropertyKey[] = []): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      const ranked = issue.errors
        .map((b) => ({ b, score: shapeMismatch(b) }))
        .sort((x, y) => x.score - y.score);
      const best = ranked[0]!;
      if (best.score === 0) {
        out.push(...zodProblems(best.b, path));
        continue;
      }
      if (best.score >= 100) {
        out.push({ path: jsonPath(path), message: "expected an object" });
        continue;
      }
      const forms = [...new Set(issue.errors.map(branchForm).filter((f): f is string => !!f))];
      out.push({
        path: jsonPath(path),
        message: `not a known form; expected an object keyed by one of: ${forms.join(", ")}`,
      });
      continue;
    }
    if (issue.code === "unrecognized_keys") {
      out.push({ path: jsonPath(path), message: `unknown key(s): ${issue.keys.join(", ")}` });
      continue;
    }
    if (issue.code === "invalid_key") {
      out.push({ path: jsonPath(path), message: "invalid key: " + (issue.issues[0]?.message ?? issue.message) });
      continue;
    }
    out.push({ path: jsonPath(path), message: tidy(issue.message) });
  }
  return out;
}

function tidy(message: string): string {
  return message.replace(/^Invalid input: /, "").replace(/received undefined$/, "but it is missing");
}
