/**
 * Writing run snapshots: plain JSON, no validation library, so the game can autosave
 * without loading the scenario schema. Reading them back (validated) is save.ts.
 */
import type { Runner, RunState } from "./runner.ts";

export const SAVE_FORMAT = "dealcraft-run";
/** Version written by this build. 2 added the account model (stakeholders, meetings, tasks…). */
export const SAVE_VERSION = 2;
/** Oldest snapshot version this build still reads. */
export const SAVE_MIN_READABLE = 1;

/** A saved run: enough to resume exactly, and to replay for a debrief or a room's review. */
export interface RunSnapshot {
  format: typeof SAVE_FORMAT;
  version: number;
  scenario: { id: string; version: string };
  seed: number | string;
  state: RunState;
}

export class SaveError extends Error {
  override name = "SaveError";
}

export function saveRun(runner: Runner): RunSnapshot {
  return {
    format: SAVE_FORMAT,
    version: SAVE_VERSION,
    scenario: { id: runner.scenario.meta.id, version: runner.scenario.meta.version },
    seed: runner.seed,
    state: structuredClone(runner.state) as RunState,
  };
}

