/**
 * The scorecard: six competencies from the points a run earned. Points are scaled
 * smoothly (never clipped at 0 or 100), so a better player always shows a higher number
 * and the gap between good and bad play stays visible however many points either earned.
 */
import principles from "./principles.json";
import type { LocalizedText } from "./schema.ts";
import type { ScoreRecord } from "./state.ts";
import { COMPETENCIES, type Competency, type Outcome } from "./vocabulary.ts";

/** The bilingual reason behind a scored event; `research` marks findings of Rackham's study. */
export interface Principle {
  research: boolean;
  "zh-CN": string;
  en: string;
}
/** Explanations by principle id (principles.json). Looked up when shown; the log keeps only ids. */
export const PRINCIPLES = principles as Record<string, Principle>;

/** The scorecard: each competency 0-100, and the total (their mean). */
export interface ScoreSheet {
  total: number;
  competencies: Record<Competency, number>;
}

/** Where each competency starts before any move: a neutral 50, except the outcome, which the ending sets. */
export const COMPETENCY_BASE: Record<Competency, number> = {
  questioning: 50,
  listening: 50,
  presenting: 50,
  relationships: 50,
  strategy: 50,
  outcome: 0,
};

/**
 * Points at which a competency is three quarters of the way from 50 to 100 (or 0). The
 * curve 50 ± 50·p/(|p|+K) is strictly monotonic: no cap hides a difference.
 */
export const COMPETENCY_SCALE: Record<Exclude<Competency, "outcome">, number> = {
  questioning: 30,
  listening: 20,
  presenting: 24,
  relationships: 22,
  strategy: 22,
};

/** Outcome competency by ending type; a disqualification (bribery) scores nothing. */
export const OUTCOME_POINTS: Record<Outcome, number> = {
  "lost-shortlist": 15,
  "lost-bid": 30,
  stalled: 45,
  won: 80,
  "strategic-partner": 100,
};

export function emptyPoints(): Record<Competency, number> {
  const p = {} as Record<Competency, number>;
  for (const c of COMPETENCIES) p[c] = 0;
  return p;
}

/** One competency on the 0-100 scale, one decimal kept so near-equal plays stay distinguishable. */
function scaled(c: Competency, points: number): number {
  if (c === "outcome") return Math.max(0, Math.min(100, points));
  const k = COMPETENCY_SCALE[c];
  const v = COMPETENCY_BASE[c] + (50 * points) / (Math.abs(points) + k);
  return Math.round(v * 10) / 10;
}

/**
 * The scorecard for a run's points. A run disqualified for bribery keeps its competencies
 * (the debrief shows them) but its total is void: 0, below any honest loss.
 */
export function scoreSheet(points: Record<Competency, number>, run: { disqualified?: boolean } = {}): ScoreSheet {
  const competencies = {} as Record<Competency, number>;
  let sum = 0;
  for (const c of COMPETENCIES) {
    competencies[c] = scaled(c, points[c] ?? 0);
    sum += competencies[c];
  }
  return { total: run.disqualified ? 0 : Math.round((sum / COMPETENCIES.length) * 10) / 10, competencies };
}

/** The explanation of a score event: the principle's text, or the author's own words. */
export function explainScore(e: Pick<ScoreRecord, "principle" | "explain">): LocalizedText {
  if (e.explain) return e.explain;
  const p = e.principle ? PRINCIPLES[e.principle] : undefined;
  return p ? { "zh-CN": p["zh-CN"], en: p.en } : { "zh-CN": e.principle ?? "", en: e.principle ?? "" };
}
