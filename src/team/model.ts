/**
 * What the team view shows, from many learners' history exports and team-session records:
 * each learner's attempts (trends by mode), and per decision the distribution of choices
 * against the course's best move. Pure functions, no DOM; unit-tested.
 */
import type { Attempt, Mode } from "../store/types.ts";
import { attemptKey } from "../store/history.ts";
import type { LocalizedText } from "../engine/schema.ts";
import type { SessionRecord } from "./sessionFile.ts";

export interface SourcedAttempt extends Attempt {
  /** The file it came from. */
  source: string;
}

/** Who an attempt belongs to: its learner name (or id), else the file it came from. */
export const learnerOf = (a: SourcedAttempt) => a.learner || a.learnerId || a.source;

export interface LearnerSummary {
  name: string;
  attempts: SourcedAttempt[];
  /** Totals oldest first, per mode. */
  totals: Record<Mode, { at: string; total: number }[]>;
  bestAssessment: number | null;
  seconds: number;
}

/** Attempts from many files, without the same attempt twice (a learner who sent the same export twice). */
export function mergeAttempts(files: readonly { source: string; attempts: readonly Attempt[] }[]): SourcedAttempt[] {
  const seen = new Set<string>();
  const out: SourcedAttempt[] = [];
  for (const f of files) {
    for (const a of f.attempts) {
      const key = `${a.learner ?? ""}|${a.learnerId ?? ""}|${attemptKey(a)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ ...a, source: f.source });
    }
  }
  return out.sort((x, y) => x.at.localeCompare(y.at));
}

export function learners(attempts: readonly SourcedAttempt[]): LearnerSummary[] {
  const by = new Map<string, SourcedAttempt[]>();
  for (const a of attempts) by.set(learnerOf(a), [...(by.get(learnerOf(a)) ?? []), a]);
  return [...by.entries()]
    .map(([name, list]) => {
      const sorted = [...list].sort((x, y) => x.at.localeCompare(y.at));
      const totals = { practice: [] as { at: string; total: number }[], assessment: [] as { at: string; total: number }[] };
      for (const a of sorted) totals[a.mode].push({ at: a.at, total: a.total });
      const assessed = totals.assessment.map((p) => p.total);
      return { name, attempts: sorted, totals, bestAssessment: assessed.length ? Math.max(...assessed) : null, seconds: sorted.reduce((s, a) => s + (a.seconds ?? 0), 0) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export interface HeatCell {
  option: string;
  text: LocalizedText;
  moveKind: string;
  rank: number;
  best: boolean;
  votes: number;
  /** Share of this decision's votes, 0..1. */
  share: number;
  /** How often the room played it. */
  played: number;
}

export interface HeatRow {
  scenarioId: string;
  scenarioTitle: LocalizedText;
  /** The first round it came up in (decisions are shown in that order). */
  round: number;
  meeting: LocalizedText | null;
  prompt: LocalizedText | null;
  cells: HeatCell[];
  votes: number;
  /** Share of votes on a best move. */
  bestShare: number;
  sessions: number;
}

/**
 * One row per decision across all sessions of a scenario: a decision is its set of options
 * (the same node offers the same options in every room, whatever round it came in). Cells
 * are the options by the course's rank, best first.
 */
export function heatMap(sessions: readonly SessionRecord[]): HeatRow[] {
  const rows = new Map<string, HeatRow>();
  for (const s of sessions) {
    for (const d of s.decisions) {
      const key = `${s.scenario.id}|${d.options.map((o) => o.id).sort().join(" ")}`;
      let row = rows.get(key);
      if (!row) {
        row = {
          scenarioId: s.scenario.id,
          scenarioTitle: s.scenario.title as LocalizedText,
          round: d.round,
          meeting: (d.meeting as LocalizedText | null) ?? null,
          prompt: (d.prompt?.text as LocalizedText | undefined) ?? null,
          cells: d.options.map((o) => ({ option: o.id, text: o.text as LocalizedText, moveKind: o.move.kind, rank: o.rank, best: d.best.includes(o.id), votes: 0, share: 0, played: 0 })),
          votes: 0,
          bestShare: 0,
          sessions: 0,
        };
        rows.set(key, row);
      }
      row.sessions++;
      row.round = Math.min(row.round, d.round);
      for (const o of d.options) {
        const cell = row.cells.find((c) => c.option === o.id)!;
        cell.votes += o.votes;
        if (d.chosen === o.id) cell.played++;
      }
    }
  }
  const out = [...rows.values()];
  for (const row of out) {
    row.votes = row.cells.reduce((s, c) => s + c.votes, 0);
    for (const c of row.cells) c.share = row.votes ? c.votes / row.votes : 0;
    row.bestShare = row.cells.filter((c) => c.best).reduce((s, c) => s + c.share, 0);
    row.cells.sort((a, b) => b.rank - a.rank || a.option.localeCompare(b.option));
  }
  return out.sort((a, b) => a.scenarioId.localeCompare(b.scenarioId) || a.round - b.round);
}

/** Each session participant's votes: how many, how many on a best move (by name, as the room knew them). */
export function voters(sessions: readonly SessionRecord[]): { name: string; votes: number; best: number }[] {
  const by = new Map<string, { name: string; votes: number; best: number }>();
  for (const s of sessions) {
    const names = new Map(s.participants.map((p) => [p.pid, p.name]));
    for (const d of s.decisions) {
      for (const [pid, option] of Object.entries(d.votes)) {
        const name = names.get(pid) ?? pid;
        const v = by.get(name) ?? { name, votes: 0, best: 0 };
        v.votes++;
        if (d.best.includes(option)) v.best++;
        by.set(name, v);
      }
    }
  }
  return [...by.values()].sort((a, b) => a.name.localeCompare(b.name));
}
