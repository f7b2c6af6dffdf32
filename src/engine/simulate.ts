/**
 * Headless play for balancing: built-in player policies and a simulator that plays a
 * scenario many times and summarises the scores. Pure and deterministic: the run seeds
 * and the policies' own choices all derive from one seed.
 */
import type { Scenario } from "./loader.ts";
import { createRunner, type ListeningStance, type Runner } from "./runner.ts";
import { createRng, seedToState, type Rng } from "./rng.ts";
import { COMPETENCIES, POSTURES, type Competency } from "./vocabulary.ts";

/** A way of playing: picks an option, and how to listen in each meeting. */
export interface Policy {
  name: string;
  /** One line on what this player does, for the CLI's help. */
  describe: string;
  listening(runner: Runner, rng: Rng): ListeningStance;
  choose(runner: Runner, rng: Rng): string;
}

function pickRandom<T>(items: readonly T[], rng: Rng): T {
  return items[Math.floor(rng.next() * items.length)]!;
}

/** Prefers options matching `want`, else plays at random. */
function preferring(name: string, describe: string, want: (r: Runner, o: Runner["options"][number]) => boolean): Policy {
  return {
    name,
    describe,
    listening: () => ({ posture: "neutral", notes: false }),
    choose(r, rng) {
      const hits = r.options.filter((o) => want(r, o));
      return pickRandom(hits.length ? hits : r.options, rng).id;
    },
  };
}

export const POLICIES: Record<string, Policy> = {
  random: {
    name: "random",
    describe: "any offered option, and any listening stance, with equal chance",
    listening: (_r, rng) => ({ posture: pickRandom(POSTURES, rng), notes: rng.next() < 0.5 }),
    choose: (r, rng) => pickRandom(r.options, rng).id,
  },
  "spin-disciplined": {
    name: "spin-disciplined",
    describe: "plays by the course: few situation questions, develops needs with I and N, pitches benefits to explicit needs; listens engaged, takes notes",
    listening: () => ({ posture: "engaged", notes: true }),
    choose(r, rng) {
      let best: string[] = [];
      let top = -1;
      for (const o of r.options) {
        const score = r.rank(o.id);
        if (score > top) {
          top = score;
          best = [o.id];
        } else if (score === top) best.push(o.id);
      }
      return pickRandom(best, rng);
    },
  },
  "feature-dumper": preferring("feature-dumper", "pitches features and advantages whenever it can", (_r, o) => o.move.kind === "pitch" && o.move.parts.some((p) => p === "feature" || p === "advantage")),
  "situation-spammer": preferring("situation-spammer", "asks situation questions whenever it can", (_r, o) => o.move.kind === "spin" && o.move.type === "situation"),
  "pushy-closer": preferring("pushy-closer", "pushes for the close whenever it can", (_r, o) => o.move.kind === "close" && o.move.style === "push"),
};

/** Plays one run to its end (or `maxSteps`) with a policy. */
export function playOnce(scenario: Scenario, policy: Policy, seed: string | number, rng: Rng, maxSteps = 10_000): Runner {
  const r = createRunner(scenario, seed);
  let meeting: string | null = null;
  for (let i = 0; i < maxSteps; i++) {
    if (r.status === "line") r.advance();
    else if (r.status === "awaiting-choice") {
      const m = r.state.account.meeting;
      if (m && m.id !== meeting) {
        meeting = m.id;
        r.setListening(policy.listening(r, rng));
      } else if (!m) meeting = null;
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
function spread(values: number[]): Spread {
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
    totals.push(r.state.score.total);
    for (const c of COMPETENCIES) per[c].push(r.state.score.competencies[c]);
    const key = r.state.ending ?? "(unfinished)";
    endings[key] = (endings[key] ?? 0) + 1;
  }
  const competencies = {} as Record<Competency, Spread>;
  for (const c of COMPETENCIES) competencies[c] = spread(per[c]);
  return { scenario: scenario.meta.id, policy: policy.name, runs, seed, total: spread(totals), competencies, endings };
}
