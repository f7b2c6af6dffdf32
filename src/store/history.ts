/**
 * Progress (best score per scenario) and the history of finished attempts, with their
 * repairs: one malformed record or attempt is dropped alone, the rest is kept.
 */
import type { StateCreator } from "zustand/vanilla";
import { COMPETENCIES, type Competency } from "../engine/vocabulary.ts";
import type { LocalizedText } from "../engine/schema.ts";
import { MODES, type Attempt, type Mode, type ScenarioRecord } from "./types.ts";
import { bare, cleanName, cleanTitle, hasOwn, isId, isNum, isRecord, MAX_ID_CHARS } from "./guards.ts";
import type { AppState } from "./state.ts";

/** Attempts kept; the oldest go first beyond this (a year of daily practice, a few hundred KB). */
export const MAX_ATTEMPTS = 400;

/** What the game reports when a run ends. */
export interface AttemptInput {
  scenarioId: string;
  title?: LocalizedText;
  mode?: Mode;
  total: number;
  competencies: Record<Competency, number>;
  ending: string;
  seed: string | number;
  /** Defaults to now. */
  at?: string;
  learner?: string;
  learnerId?: string;
  seconds?: number;
  endingTitle?: LocalizedText;
}

export interface ProgressSlice {
  progress: Record<string, ScenarioRecord>;
  attempts: Attempt[];
  /** @deprecated use recordAttempt, which also keeps the attempt in the history. */
  recordResult(scenarioId: string, total: number, ending: string): void;
  /** A finished run: into the history, and (an assessment) into the scenario's best / last / plays. */
  recordAttempt(input: AttemptInput): Attempt;
  /** Adds attempts from another device (a CSV import), skipping those already here. Returns how many were new. */
  mergeAttempts(incoming: readonly Attempt[]): number;
}

/** Two attempts are the same when they ended at the same moment in the same scenario with the same seed. */
export const attemptKey = (a: Pick<Attempt, "at" | "scenarioId" | "seed">): string => `${a.scenarioId}|${a.at}|${a.seed}`;

/** Longest run kept as time spent: a week of play; more is a broken clock. */
const MAX_SECONDS = 7 * 24 * 3600;

const score = (v: unknown): v is number => isNum(v) && v >= -1000 && v <= 1000;

/** A stored or imported attempt, or the name of its first bad field. */
export function checkAttempt(v: unknown): Attempt | string {
  if (!isRecord(v)) return "attempt";
  if (typeof v.at !== "string" || Number.isNaN(Date.parse(v.at))) return "at";
  if (!isId(v.scenarioId)) return "scenarioId";
  if (!(MODES as readonly unknown[]).includes(v.mode)) return "mode";
  if (!score(v.total)) return "total";
  if (!isRecord(v.competencies)) return "competencies";
  const competencies = {} as Record<Competency, number>;
  for (const c of COMPETENCIES) {
    const n = v.competencies[c];
    if (!score(n)) return `competencies.${c}`;
    competencies[c] = n;
  }
  if (!isId(v.ending)) return "ending";
  if (!((typeof v.seed === "string" && v.seed.length <= MAX_ID_CHARS) || isNum(v.seed))) return "seed";
  const a: Attempt = { at: new Date(v.at).toISOString(), scenarioId: v.scenarioId, mode: v.mode as Mode, total: v.total, competencies, ending: v.ending, seed: String(v.seed) };
  const title = cleanTitle(v.title);
  if (title) a.title = title;
  // Added later: absent in older histories and exports; present, they must be right.
  if (v.learner !== undefined && v.learner !== "") {
    if (typeof v.learner !== "string" || !cleanName(v.learner)) return "learner";
    a.learner = cleanName(v.learner);
  }
  if (v.learnerId !== undefined && v.learnerId !== "") {
    if (typeof v.learnerId !== "string" || !cleanName(v.learnerId)) return "learnerId";
    a.learnerId = cleanName(v.learnerId);
  }
  if (v.seconds !== undefined) {
    if (!isNum(v.seconds) || v.seconds < 0 || v.seconds > MAX_SECONDS) return "seconds";
    a.seconds = Math.round(v.seconds);
  }
  const endingTitle = cleanTitle(v.endingTitle);
  if (endingTitle) a.endingTitle = endingTitle;
  return a;
}

function checkRecord(v: unknown): ScenarioRecord | string {
  if (!isRecord(v)) return "record";
  for (const k of ["best", "last"] as const) if (!score(v[k])) return k;
  if (!isNum(v.plays) || v.plays < 0 || !Number.isInteger(v.plays)) return "plays";
  if (typeof v.ending !== "string" || v.ending.length > MAX_ID_CHARS) return "ending";
  return { best: v.best as number, last: v.last as number, ending: v.ending, plays: v.plays };
}

/** Stored progress, record by record; `dropped` lists `id.field` of each record left out. */
export function repairProgress(stored: unknown): { progress: Record<string, ScenarioRecord>; dropped: string[] } {
  const progress = bare<ScenarioRecord>();
  if (stored === undefined) return { progress, dropped: [] };
  if (!isRecord(stored)) return { progress, dropped: ["progress"] };
  const dropped: string[] = [];
  for (const [id, rec] of Object.entries(stored)) {
    const checked = isId(id) ? checkRecord(rec) : "id";
    if (typeof checked === "string") dropped.push(`${id.slice(0, MAX_ID_CHARS)}.${checked}`);
    else progress[id] = checked;
  }
  return { progress, dropped };
}

/** Stored attempts, one by one, without duplicates, oldest first; `dropped` lists `[i].field` of each left out. */
export function repairAttempts(stored: unknown): { attempts: Attempt[]; dropped: string[] } {
  if (stored === undefined) return { attempts: [], dropped: [] };
  if (!Array.isArray(stored)) return { attempts: [], dropped: ["attempts"] };
  const dropped: string[] = [];
  const seen = new Set<string>();
  const attempts: Attempt[] = [];
  stored.forEach((v, i) => {
    const a = checkAttempt(v);
    if (typeof a === "string") dropped.push(`[${i}].${a}`);
    else if (!seen.has(attemptKey(a))) {
      seen.add(attemptKey(a));
      attempts.push(a);
    }
  });
  attempts.sort((x, y) => x.at.localeCompare(y.at));
  return { attempts: attempts.slice(-MAX_ATTEMPTS), dropped };
}

function withResult(progress: Record<string, ScenarioRecord>, scenarioId: string, total: number, ending: string): Record<string, ScenarioRecord> {
  const prev = hasOwn(progress, scenarioId) ? progress[scenarioId] : undefined;
  const next = Object.assign(bare<ScenarioRecord>(), progress);
  next[scenarioId] = { best: prev ? Math.max(prev.best, total) : total, last: total, ending, plays: (prev?.plays ?? 0) + 1 };
  return next;
}

/** The scenario's record, if there is one (own keys only: "constructor" is not a record). */
export function recordOf(progress: Record<string, ScenarioRecord>, scenarioId: string): ScenarioRecord | undefined {
  return hasOwn(progress, scenarioId) ? progress[scenarioId] : undefined;
}

export const progressSlice: StateCreator<AppState, [], [], ProgressSlice> = (set, get) => ({
  progress: bare<ScenarioRecord>(),
  attempts: [],
  recordResult: (scenarioId, total, ending) => set((s) => ({ progress: withResult(s.progress, scenarioId, total, ending) })),
  recordAttempt: (input) => {
    // Whole points, as the screens and the CSV show them.
    const competencies = Object.fromEntries(Object.entries(input.competencies).map(([c, v]) => [c, Math.round(v)]));
    const checked = checkAttempt({ ...input, total: Math.round(input.total), competencies, mode: input.mode ?? "practice", at: input.at ?? new Date().toISOString(), seed: String(input.seed) });
    if (typeof checked === "string") throw new Error(`recordAttempt: bad ${checked}`);
    // Every run is in the history; only an assessment counts as the scenario's record (best score, plays).
    set((s) => ({
      attempts: [...s.attempts, checked].slice(-MAX_ATTEMPTS),
      ...(checked.mode === "assessment" ? { progress: withResult(s.progress, checked.scenarioId, checked.total, checked.ending) } : {}),
    }));
    return checked;
  },
  mergeAttempts: (incoming) => {
    const have = new Set(get().attempts.map(attemptKey));
    const fresh: Attempt[] = [];
    for (const a of incoming) {
      if (have.has(attemptKey(a))) continue;
      have.add(attemptKey(a));
      fresh.push(a);
    }
    if (fresh.length) {
      set((s) => ({ attempts: [...s.attempts, ...fresh].sort((x, y) => x.at.localeCompare(y.at)).slice(-MAX_ATTEMPTS) }));
    }
    return fresh.length;
  },
});
