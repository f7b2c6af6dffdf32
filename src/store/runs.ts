/**
 * Runs in progress, one per scenario, so several deals can be open at once. `run` is the
 * one the title offers to continue (the last saved); the meeting reads and writes it.
 */
import type { StateCreator } from "zustand/vanilla";
import { SAVE_FORMAT } from "../engine/snapshot.ts";
import type { SavedRun } from "./types.ts";
import { bare, cleanTitle, hasOwn, isId, isNum, isRecord } from "./guards.ts";
import type { AppState } from "./state.ts";

export interface RunSlice {
  /** The run the title offers to continue (the last one saved or picked). */
  run: SavedRun | null;
  /** Every run in progress, by scenario id. */
  runs: Record<string, SavedRun>;
  /** Keeps `run` as its scenario's run in progress and makes it the one to continue. */
  saveRun(run: SavedRun): void;
  /** Drops the run of `scenarioId` (by default the current one). */
  clearRun(scenarioId?: string): void;
  /** Makes the saved run of `scenarioId` the current one (before resuming it); false if there is none. */
  selectRun(scenarioId: string): boolean;
}

/** True while the saved run can still be played on (not ended, not stuck). */
export function isOpen(run: SavedRun | null | undefined): run is SavedRun {
  // Snapshots before version 3 held the whole state, with its status; newer saves say `ended`.
  const status = (run?.snapshot as { state?: { status?: unknown } } | undefined)?.state?.status;
  return !!run && !run.ended && status !== "ended" && status !== "stuck";
}

/** The saved run of a scenario, if there is one in progress. */
export function openRunOf(runs: Record<string, SavedRun>, scenarioId: string): SavedRun | undefined {
  const r = hasOwn(runs, scenarioId) ? runs[scenarioId] : undefined;
  return isOpen(r) ? r : undefined;
}

/**
 * A stored run, or why it cannot be kept. Only the envelope is checked here: the
 * snapshot is validated against its scenario by the engine when the run is resumed.
 */
export function checkRun(v: unknown): SavedRun | string {
  if (!isRecord(v)) return "run";
  if (!isId(v.scenarioId)) return "scenarioId";
  const snap = v.snapshot;
  if (!isRecord(snap) || snap.format !== SAVE_FORMAT) return "snapshot.format";
  if (!isNum(snap.version)) return "snapshot.version";
  // Version 3 snapshots are the seed and the inputs; older ones held the state.
  if (!Array.isArray(snap.inputs) && !(isRecord(snap.state) && typeof snap.state.status === "string")) return "snapshot.inputs";
  const run: SavedRun = { scenarioId: v.scenarioId, snapshot: snap as unknown as SavedRun["snapshot"] };
  if (v.mode === "practice" || v.mode === "assessment") run.mode = v.mode;
  if (v.ended === true) run.ended = true;
  const title = cleanTitle(v.title);
  if (title) run.title = title;
  if (isNum(v.savedAt)) run.savedAt = v.savedAt;
  if (isNum(v.spentMs) && v.spentMs >= 0) run.spentMs = v.spentMs;
  return run;
}

/** Stored runs one by one; `dropped` lists `id.field` of each left out. */
export function repairRuns(stored: unknown): { runs: Record<string, SavedRun>; dropped: string[] } {
  const runs = bare<SavedRun>();
  if (stored === undefined) return { runs, dropped: [] };
  if (!isRecord(stored)) return { runs, dropped: ["runs"] };
  const dropped: string[] = [];
  for (const [id, v] of Object.entries(stored)) {
    const r = checkRun(v);
    if (typeof r === "string") dropped.push(`${id.slice(0, 64)}.${r}`);
    else if (r.scenarioId !== id) dropped.push(`${id.slice(0, 64)}.scenarioId`);
    else runs[id] = r;
  }
  return { runs, dropped };
}

const without = (runs: Record<string, SavedRun>, id: string) => {
  const next = Object.assign(bare<SavedRun>(), runs);
  delete next[id];
  return next;
};

export const runSlice: StateCreator<AppState, [], [], RunSlice> = (set, get) => ({
  run: null,
  runs: bare<SavedRun>(),
  saveRun: (run) =>
    set((s) => {
      const saved = { ...run, savedAt: Date.now() };
      return { run: saved, runs: Object.assign(bare<SavedRun>(), s.runs, { [run.scenarioId]: saved }) };
    }),
  clearRun: (scenarioId) =>
    set((s) => {
      const id = scenarioId ?? s.run?.scenarioId;
      if (id === undefined) return {};
      return { runs: without(s.runs, id), run: s.run?.scenarioId === id ? null : s.run };
    }),
  selectRun: (scenarioId) => {
    const r = hasOwn(get().runs, scenarioId) ? get().runs[scenarioId]! : null;
    set({ run: r });
    return r !== null;
  },
});
