import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createRunner, loadScenario, type Runner } from "../../src/engine/index.ts";

/** A test plan: a scenario, a seed, and steps that act on the runner or state what it must show. */
interface Plan {
  name: string;
  scenario: string;
  seed: number;
  steps: Array<
    | { advance: true }
    | { choose: string }
    | {
        expect: {
          status?: string;
          speaker?: string;
          line?: string;
          options?: string[];
          ending?: string;
          stage?: string;
          /** Orderings, not tuning values: this competency ends above / below the neutral 50. */
          above?: string[];
          below?: string[];
          vars?: Record<string, unknown>;
        };
      }
  >;
}

const dir = "tests/unit/plans";
const plans = readdirSync(dir)
  .filter((f) => f.endsWith(".plan.json"))
  .map((f) => [f, JSON.parse(readFileSync(join(dir, f), "utf8")) as Plan] as const);

function check(runner: Runner, e: Extract<Plan["steps"][number], { expect: unknown }>["expect"]) {
  if (e.status !== undefined) expect(runner.status).toBe(e.status);
  if (e.speaker !== undefined) expect(runner.line?.speaker).toBe(e.speaker);
  if (e.line !== undefined) expect(runner.line?.id).toBe(e.line);
  // Which options are offered; their order is shuffled per run (tested in runner.test.ts).
  if (e.options !== undefined) expect(runner.options.map((o) => o.id).sort()).toEqual([...e.options].sort());
  if (e.ending !== undefined) expect(runner.state.ending).toBe(e.ending);
  if (e.stage !== undefined) expect(runner.state.stage).toBe(e.stage);
  for (const c of e.above ?? []) expect(runner.score.competencies[c as keyof typeof runner.score.competencies], c).toBeGreaterThan(50);
  for (const c of e.below ?? []) expect(runner.score.competencies[c as keyof typeof runner.score.competencies], c).toBeLessThan(50);
  if (e.vars) expect(runner.state.vars).toMatchObject(e.vars);
}

describe("scenario test plans", () => {
  it.each(plans)("%s", (_file, plan) => {
    const scenario = loadScenario(JSON.parse(readFileSync(plan.scenario, "utf8")));
    const runner = createRunner(scenario, plan.seed);
    plan.steps.forEach((step) => {
      if ("advance" in step) runner.advance();
      else if ("choose" in step) runner.choose(step.choose);
      else check(runner, step.expect);
    });
  });
  it("found at least one plan", () => expect(plans.length).toBeGreaterThan(0));
});
