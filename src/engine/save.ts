/**
 * Run snapshots: a versioned JSON document holding the seed and the whole RunState.
 * Restoring validates it; when the scenario has changed version since the save, the run
 * is rebuilt by replaying its recorded choices, so a player's progress survives content
 * updates wherever the choices still exist.
 */
import { z } from "zod";
import type { Scenario } from "./loader.ts";
import { createRunner, resumeRunner, RunnerError, type Runner, type RunState } from "./runner.ts";
import { COMPETENCIES } from "./schema.ts";
import { zodProblems } from "./zod-problems.ts";
import { formatProblem } from "./problems.ts";

export const SAVE_FORMAT = "dealcraft-run";
/** Version written by this build. */
export const SAVE_VERSION = 1;
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

const VarValue = z.union([z.number(), z.boolean(), z.string()]);
const Snapshot = z.object({
  format: z.literal(SAVE_FORMAT),
  version: z.number().int(),
  scenario: z.object({ id: z.string(), version: z.string() }),
  seed: z.union([z.number(), z.string()]),
  state: z.object({
    node: z.string(),
    line: z.number().int().min(0),
    status: z.enum(["line", "awaiting-choice", "ended", "stuck"]),
    stage: z.string(),
    vars: z.record(z.string(), VarValue),
    visits: z.record(z.string(), z.number().int().min(0)),
    chosen: z.array(z.string().regex(/^[^/]+\/[^/]+$/)),
    turn: z.number().int().min(0),
    score: z.object({
      total: z.number(),
      competencies: z.object(Object.fromEntries(COMPETENCIES.map((c) => [c, z.number()]))),
    }),
    ending: z.string().nullable(),
    rng: z.number().int().min(0).max(0xffffffff),
    log: z.array(z.looseObject({ type: z.string(), turn: z.number().int() })),
  }),
});

/** Resumes a run from an untrusted snapshot, or throws SaveError saying what is wrong and where. */
export function restoreRun(scenario: Scenario, snapshot: unknown): Runner {
  if (typeof snapshot === "object" && snapshot !== null) {
    const v = (snapshot as { version?: unknown }).version;
    if (typeof v === "number" && (v > SAVE_VERSION || v < SAVE_MIN_READABLE)) {
      throw new SaveError(`$.version: save version ${v} is not readable by this build (reads ${SAVE_MIN_READABLE}–${SAVE_VERSION})`);
    }
  }
  const parsed = Snapshot.safeParse(snapshot);
  if (!parsed.success) {
    throw new SaveError(zodProblems(parsed.error.issues).slice(0, 5).map(formatProblem).join("; "));
  }
  const snap = parsed.data as unknown as RunSnapshot;
  if (snap.scenario.id !== scenario.meta.id) {
    throw new SaveError(`$.scenario.id: the save is for "${snap.scenario.id}", not "${scenario.meta.id}"`);
  }
  const state = snap.state;
  const fits =
    snap.scenario.version === scenario.meta.version &&
    scenario.nodes[state.node] !== undefined &&
    state.line < scenario.nodes[state.node]!.lines.length &&
    scenario.stages.some((s) => s.id === state.stage) &&
    (state.ending === null || scenario.endings[state.ending] !== undefined) &&
    Object.keys(scenario.variables ?? {}).every((k) => k in state.vars);
  if (fits) return resumeRunner(scenario, snap.seed, structuredClone(state));
  return replayChoices(scenario, snap.seed, state.chosen);
}

/**
 * Plays a run from the start with the given `node/option` choices, advancing through
 * lines in between. Throws SaveError naming the first choice that no longer fits.
 */
export function replayChoices(scenario: Scenario, seed: number | string, choices: readonly string[]): Runner {
  const runner = createRunner(scenario, seed);
  choices.forEach((key, i) => {
    const [node, option] = key.split("/") as [string, string];
    for (let guard = 0; runner.status === "line" && guard < 10_000; guard++) runner.advance();
    if (runner.status !== "awaiting-choice" || runner.state.node !== node) {
      throw new SaveError(`$.state.chosen[${i}]: the scenario no longer reaches a choice at node "${node}"`);
    }
    try {
      runner.choose(option);
    } catch (e) {
      if (e instanceof RunnerError) throw new SaveError(`$.state.chosen[${i}]: ${e.message}`);
      throw e;
    }
  });
  return runner;
}
