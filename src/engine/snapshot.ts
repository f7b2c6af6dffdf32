/**
 * Writing run snapshots: plain JSON, no validation library, so the game can autosave
 * without loading the scenario schema. A snapshot is the seed and the player's inputs:
 * the run is rebuilt by replaying them (same seed + same inputs = same run), which keeps
 * a save small enough for an LMS's suspend data. Reading them back (validated) is save.ts.
 */
import type { Runner } from "./runner.ts";
import type { Input } from "./state.ts";

export const SAVE_FORMAT = "dealcraft-run";
/** Version written by this build. 3: seed + input journal (2 held the whole state and its log; 1 had no account). */
export const SAVE_VERSION = 3;
/** Oldest snapshot version this build still reads (older ones are replayed from their recorded choices). */
export const SAVE_MIN_READABLE = 1;

/** A saved run: enough to resume exactly, and to replay for a debrief or a room's review. */
export interface RunSnapshot {
  format: typeof SAVE_FORMAT;
  version: number;
  scenario: { id: string; version: string };
  seed: number | string;
  inputs: Input[];
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
    inputs: runner.state.inputs.map((i) => ({ ...i })),
  };
}
