/**
 * Resuming a saved run as a session. Kept apart from index.ts because restoring validates
 * the snapshot with the schema library, which the game loads only when a save is resumed.
 */
import type { Scenario } from "../engine/loader.ts";
import { restoreRun } from "../engine/save.ts";
import { createRunSession, type RunSession, type RunSessionOptions } from "./index.ts";

/** Restores an untrusted snapshot (throws SaveError naming the JSON path of what does not fit) and wraps it in a session. */
export function resumeRunSession(scenario: Scenario, snapshot: unknown, options: Omit<RunSessionOptions, "scenario" | "seed" | "runner">): RunSession {
  return createRunSession({ ...options, scenario, runner: restoreRun(scenario, snapshot) });
}
