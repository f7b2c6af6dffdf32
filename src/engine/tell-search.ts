/**
 * The best fixed order of move marks a tag-only player could find: an upper bound on what
 * reading the marks alone is worth in a scenario. The orders of every mark on offer are
 * too many to try one by one (a scenario offers a dozen kinds), so the search starts from
 * the marks sorted by how good the course finds them on average and from the fixed orders
 * of surface-policies.ts, and keeps swapping two marks while a swap raises the mean total
 * over the same seeds. Pure and deterministic.
 */
import type { Scenario } from "./loader.ts";
import { createRunner } from "./runner.ts";
import { createRng, seedToState } from "./rng.ts";
import { playOn } from "./simulate.ts";
import { goodPlay, randomPlay, type Policy } from "./policies.ts";
import { byTagOrder, SURFACE_POLICIES, surfaceTag, TAG_ORDERS } from "./surface-policies.ts";

/** Mean total of a policy over `runs` seeded runs (the same seeds for every order compared). */
export function meanTotal(s: Scenario, policy: Policy, runs: number, seed: string): number {
  const rng = createRng(seedToState(`tells:${seed}`));
  let sum = 0;
  for (let i = 0; i < runs; i++) sum += playOn(createRunner(s, `${seed}:${i}`, { advise: false }), policy, rng).score.total;
  return sum / runs;
}

/** Every mark offered somewhere in the scenario. */
export function tagsInScenario(s: Scenario): string[] {
  const tags = new Set<string>();
  for (const n of Object.values(s.nodes)) for (const o of n.options ?? []) tags.add(surfaceTag({ ...o, cost: { weeks: 0, budget: 0 } }));
  return [...tags].sort();
}

/** Marks sorted by the course's mean rank of the options carrying them, where good play meets them. */
function marksByCourseRank(s: Scenario, tags: string[], seed: string): string[] {
  const sum = new Map<string, { total: number; n: number }>();
  const rng = createRng(seedToState(`tells-rank:${seed}`));
  for (let i = 0; i < 8; i++) {
    playOn(createRunner(s, `rank:${seed}:${i}`, { advise: false }), goodPlay, rng, 10_000, (r) => {
      for (const o of r.options) {
        const t = sum.get(surfaceTag(o)) ?? { total: 0, n: 0 };
        t.total += r.rank(o.id);
        t.n++;
        sum.set(surfaceTag(o), t);
      }
    });
  }
  const mean = (t: string) => {
    const x = sum.get(t);
    return x ? x.total / x.n : -1;
  };
  return [...tags].sort((a, b) => mean(b) - mean(a));
}

export interface OrderSearch {
  order: string[];
  mean: number;
  /** Orders tried. */
  tried: number;
}

/** Hill-climbs over orders of the scenario's marks by swapping pairs; `passes` bounds the work. */
export function bestTagOrder(s: Scenario, runs = 16, seed = "search", passes = 3): OrderSearch {
  const tags = tagsInScenario(s);
  const complete = (order: readonly string[]) => [...order.filter((t) => tags.includes(t)), ...tags.filter((t) => !order.includes(t))];
  const starts = [marksByCourseRank(s, tags, seed), ...Object.values(TAG_ORDERS).map(complete)];
  let tried = 0;
  const score = (order: string[]) => {
    tried++;
    return meanTotal(s, byTagOrder("search", order), runs, seed);
  };
  let best = { order: starts[0]!, mean: -Infinity };
  for (const start of starts) {
    const m = score(start);
    if (m > best.mean) best = { order: start, mean: m };
  }
  for (let pass = 0; pass < passes; pass++) {
    let improved = false;
    for (let i = 0; i < best.order.length; i++) {
      for (let j = i + 1; j < best.order.length; j++) {
        const next = [...best.order];
        [next[i], next[j]] = [next[j]!, next[i]!];
        const m = score(next);
        if (m > best.mean) {
          best = { order: next, mean: m };
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  return { ...best, tried };
}

export interface TellRow {
  policy: string;
  median: number;
  mean: number;
  /** Median total above random play's median. */
  margin: number;
}

export interface TellReport {
  scenario: string;
  runs: number;
  random: TellRow;
  good: TellRow;
  surface: TellRow[];
  search: OrderSearch;
}

function totals(s: Scenario, policy: Policy, runs: number, seed: string): number[] {
  const rng = createRng(seedToState(`tells:${seed}:${policy.name}`));
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push(playOn(createRunner(s, `${seed}:${i}`, { advise: false }), policy, rng).score.total);
  return out;
}

function row(policy: string, values: number[], randomMedian: number): TellRow {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { policy, median: mid, mean, margin: mid - randomMedian };
}

/**
 * Random play, good play and every surface player over the same `runs` seeds, and the
 * best fixed mark order found by `bestTagOrder` (searched on other seeds than it is scored on).
 */
export function measureTells(s: Scenario, runs: number, seed = "tells", search?: { runs: number; passes: number }): TellReport {
  const found = bestTagOrder(s, search?.runs, `${seed}:search`, search?.passes);
  const randomValues = totals(s, randomPlay, runs, seed);
  const random = row(randomPlay.name, randomValues, 0);
  random.margin = 0;
  const rowOf = (p: Policy) => row(p.name, totals(s, p, runs, seed), random.median);
  return {
    scenario: s.meta.id,
    runs,
    random,
    good: rowOf(goodPlay),
    surface: [...SURFACE_POLICIES, byTagOrder("tags-best-found", found.order)].map(rowOf),
    search: found,
  };
}
