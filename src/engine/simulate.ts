/**
 * Headless play for balancing: a simulator that plays a scenario many times with a policy
 * (policies.ts) and summarises the scores. Pure and deterministic: the run seeds and the
 * policies' own choices all derive from one seed.
 */
import type { Scenario } from "./loader.ts";
import { createRunner, type Runner } from "./runner.ts";
import { createRng, seedToState, type Rng } from "./rng.ts";
import { COMPETENCIES, type Competency } from "./vocabulary.ts";
import type { Policy } from "./policies.ts";

export { POLICIES, HABITS, BLIND_POLICIES, goodPlay, randomPlay, habitWithRandom, habitInGoodPlay, type Policy, type Habit } from "./policies.ts";

/** Plays one run to its end (or `maxSteps`) with a policy. */
export function playOnce(scenario: Scenario, policy: Policy, seed: string | number, rng: Rng, maxSteps = 10_000): Runner {
  // No better-option advice: nobody reads a simulated run's debrief (policies rank for themselves).
  return playOn(createRunner(scenario, seed, { advise: false }), policy, rng, maxSteps);
}

/**
 * Plays a run on from where it stands with a policy, to its end (or `maxSteps`). At each
 * choice `beforeChoice` may look at the runner first (measures that fork it there).
 */
export function playOn(r: Runner, policy: Policy, rng: Rng, maxSteps = 10_000, beforeChoice?: (r: Runner) => void): Runner {
  let meeting: string | null = null;
  for (let i = 0; i < maxSteps; i++) {
    if (r.status === "line") r.advance();
    else if (r.status === "awaiting-choice") {
      const m = r.state.account.meeting;
      if (m && m.id !== meeting) {
        meeting = m.id;
        r.setListening(policy.listening(r, rng));
      } else if (!m) meeting = null;
      beforeChoice?.(r);
      r.choose(policy.choose(r, rng));
    } else break;
  }
  return r;
}

export interface Spread {
  median: number;
  p10: number;
  p90: number;
}

export interface SimulationResult {
  scenario: string;
  policy: string;
  runs: number;
  seed: string | number;
  total: Spread;
  competencies: Record<Competency, Spread>;
  /** Runs per ending id; "(unfinished)" for runs that got stuck or hit the step limit. */
  endings: Record<string, number>;
}

/** Nearest-rank percentile of sorted numbers. */
function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
export function spread(values: number[]): Spread {
  const s = [...values].sort((a, b) => a - b);
  return { median: percentile(s, 50), p10: percentile(s, 10), p90: percentile(s, 90) };
}

/** Plays `runs` runs; run i uses seed `${seed}:${i}`, so results are reproducible. */
export function simulate(scenario: Scenario, policy: Policy, runs: number, seed: string | number): SimulationResult {
  const totals: number[] = [];
  const per = Object.fromEntries(COMPETENCIES.map((c) => [c, [] as number[]])) as Record<Competency, number[]>;
  const endings: Record<string, number> = {};
  const rng = createRng(seedToState(`policy:${seed}`));
  for (let i = 0; i < runs; i++) {
    const r = playOnce(scenario, policy, `${seed}:${i}`, rng);
    const score = r.score;
    totals.push(score.total);
    for (const c of COMPETENCIES) per[c].push(score.competencies[c]);
    const key = r.state.ending ?? "(unfinished)";
    endings[key] = (endings[key] ?? 0) + 1;
  }
  const competencies = {} as Record<Competency, Spread>;
  for (const c of COMPETENCIES) competencies[c] = spread(per[c]);
  return { scenario: scenario.meta.id, policy: policy.name, runs, seed, total: spread(totals), competencies, endings };
}
