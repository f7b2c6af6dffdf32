/**
 * What a rep's history says: a trend per competency, the weakest skill, the scenario
 * that trains it best next, and an order through the library. Pure functions over the
 * attempt history and the loaded scenarios (no Phaser, no DOM), unit-tested.
 */
import { COMPETENCIES, type Competency } from "../engine/vocabulary.ts";
import { createRng } from "../engine/rng.ts";
import { playOnce, POLICIES } from "../engine/simulate.ts";
import type { Scenario } from "../engine/loader.ts";
import type { Attempt, Mode } from "../store/types.ts";

/** The skills a rep practises; the outcome is their result, not a skill to drill. */
export const SKILLS = COMPETENCIES.filter((c): c is Exclude<Competency, "outcome"> => c !== "outcome");
export type Skill = (typeof SKILLS)[number];

/** Attempts that count for the weakest skill: the recent ones, so old habits fade out. */
export const RECENT = 5;
/** A scenario is mastered at this best total (the LMS packages' default mastery score too). */
export const MASTERY = 70;

const oldestFirst = (attempts: readonly Attempt[]) => [...attempts].sort((a, b) => a.at.localeCompare(b.at));
const ofMode = (attempts: readonly Attempt[], mode?: Mode) => (mode ? attempts.filter((a) => a.mode === mode) : attempts);

/** The history as the list shows it: the newest attempt first. */
export function newestFirst(attempts: readonly Attempt[]): Attempt[] {
  return oldestFirst(attempts).reverse();
}

/** Each competency's scores across attempts, oldest first; of one mode only when given (practice and assessment are not one trend). */
export function trends(attempts: readonly Attempt[], mode?: Mode): Record<Competency, number[]> {
  const sorted = oldestFirst(ofMode(attempts, mode));
  return Object.fromEntries(COMPETENCIES.map((c) => [c, sorted.map((a) => a.competencies[c])])) as Record<Competency, number[]>;
}

/** The skill with the lowest mean over the last RECENT attempts (of one mode when given), or null with none. */
export function weakestSkill(attempts: readonly Attempt[], mode?: Mode): { skill: Skill; mean: number } | null {
  const recent = oldestFirst(ofMode(attempts, mode)).slice(-RECENT);
  if (!recent.length) return null;
  let best: { skill: Skill; mean: number } | null = null;
  for (const skill of SKILLS) {
    const mean = recent.reduce((s, a) => s + a.competencies[skill], 0) / recent.length;
    if (!best || mean < best.mean) best = { skill, mean: Math.round(mean) };
  }
  return best;
}

/**
 * What to train: the weakest skill under assessment when there is any (what counts as a
 * record), else under practice, where hints and marks lift the scores.
 */
export function skillToTrain(attempts: readonly Attempt[]): { skill: Skill; mean: number; mode: Mode } | null {
  for (const mode of ["assessment", "practice"] as const) {
    const w = weakestSkill(attempts, mode);
    if (w) return { ...w, mode };
  }
  return null;
}

/**
 * How much a scenario exercises each skill: the mean points at stake per run (won or
 * lost, so a trap counts as much as a reward), measured by playing it headless with
 * varied choices. Deterministic (fixed seeds).
 */
export function trainingProfile(scenario: Scenario, runs = 24): Record<Skill, number> {
  const profile = Object.fromEntries(SKILLS.map((s) => [s, 0])) as Record<Skill, number>;
  const rng = createRng(7);
  for (let i = 0; i < runs; i++) {
    const policy = i % 2 ? POLICIES["spin-disciplined"]! : POLICIES.random!;
    const r = playOnce(scenario, policy, 1000 + i, rng);
    for (const e of r.state.log) {
      if (e.type === "score" && e.competency !== "outcome") profile[e.competency] += Math.abs(e.points) / runs;
    }
  }
  return profile;
}

export interface LibraryEntry {
  id: string;
  difficulty: number;
  profile: Record<Skill, number>;
}

export function libraryEntry(s: Scenario): LibraryEntry {
  return { id: s.meta.id, difficulty: s.meta.difficulty ?? 1, profile: trainingProfile(s) };
}

/** Share of a scenario's points at stake that are in `skill` (0..1). */
const focusOn = (e: LibraryEntry, skill: Skill) => {
  const total = SKILLS.reduce((s, k) => s + e.profile[k], 0);
  return total > 0 ? e.profile[skill] / total : 0;
};

/** Best total per scenario in the history. */
function bestOf(attempts: readonly Attempt[]): Map<string, number> {
  const best = new Map<string, number>();
  for (const a of attempts) best.set(a.scenarioId, Math.max(best.get(a.scenarioId) ?? -Infinity, a.total));
  return best;
}

/** The scenario that trains `skill` most, preferring those not yet mastered. */
export function trainsNext(library: readonly LibraryEntry[], skill: Skill, attempts: readonly Attempt[]): LibraryEntry | null {
  const best = bestOf(attempts);
  const ranked = [...library].sort((a, b) => {
    const ma = (best.get(a.id) ?? 0) >= MASTERY ? 1 : 0;
    const mb = (best.get(b.id) ?? 0) >= MASTERY ? 1 : 0;
    return ma - mb || focusOn(b, skill) - focusOn(a, skill) || a.difficulty - b.difficulty || a.id.localeCompare(b.id);
  });
  return ranked[0] ?? null;
}

/**
 * A path through the library: scenarios not yet mastered first, easiest first, and at
 * equal difficulty the one that trains the weakest skill most; mastered ones last.
 */
export function recommendedOrder(library: readonly LibraryEntry[], attempts: readonly Attempt[]): { id: string; mastered: boolean; best: number | null }[] {
  const best = bestOf(attempts);
  const weak = skillToTrain(attempts)?.skill;
  const mastered = (e: LibraryEntry) => (best.get(e.id) ?? -Infinity) >= MASTERY;
  return [...library]
    .sort((a, b) => Number(mastered(a)) - Number(mastered(b)) || a.difficulty - b.difficulty || (weak ? focusOn(b, weak) - focusOn(a, weak) : 0) || a.id.localeCompare(b.id))
    .map((e) => ({ id: e.id, mastered: mastered(e), best: best.has(e.id) ? best.get(e.id)! : null }));
}
