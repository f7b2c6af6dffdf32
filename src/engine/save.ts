/**
 * Run snapshots: a versioned JSON document holding the seed and the whole RunState.
 * Restoring validates it; when the scenario has changed version since the save, the run
 * is rebuilt by replaying its recorded choices, so a player's progress survives content
 * updates wherever the choices still exist.
 */
import { z } from "zod";
import type { Scenario } from "./loader.ts";
import { createRunner, resumeRunner, RunnerError, type ListeningStance, type Runner, type RunEvent, type RunState } from "./runner.ts";
import { COMPETENCIES } from "./schema.ts";
import { zodProblems } from "./zod-problems.ts";
import { formatProblem } from "./problems.ts";

export { SAVE_FORMAT, SAVE_VERSION, SAVE_MIN_READABLE, SaveError, saveRun, type RunSnapshot } from "./snapshot.ts";
import { SAVE_FORMAT, SAVE_VERSION, SAVE_MIN_READABLE, SaveError, type RunSnapshot } from "./snapshot.ts";

const VarValue = z.union([z.number(), z.boolean(), z.string()]);
const Meters = { trust: z.number(), interest: z.number(), emotion: z.number() };
const Account = z.looseObject({
  stakeholders: z.record(z.string(), z.looseObject({ ...Meters, level: z.string(), needs: z.record(z.string(), z.string()) })),
  pairs: z.array(z.string()),
  weeks: z.number(),
  budget: z.number(),
  risk: z.number(),
  integration: z.number(),
  notebook: z.array(z.string()),
  meeting: z.looseObject({ id: z.string(), posture: z.string(), notes: z.boolean() }).nullable(),
  tasks: z.record(z.string(), z.string()),
  competitors: z.record(z.string(), z.looseObject({ standing: z.number(), excluded: z.boolean() })),
});
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
    points: z.object(Object.fromEntries(COMPETENCIES.map((c) => [c, z.number()]))).optional(),
    account: Account.optional(),
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
    snap.version === SAVE_VERSION &&
    state.account !== undefined &&
    state.points !== undefined &&
    snap.scenario.version === scenario.meta.version &&
    scenario.nodes[state.node] !== undefined &&
    state.line < scenario.nodes[state.node]!.lines.length &&
    scenario.stages.some((s) => s.id === state.stage) &&
    (state.ending === null || scenario.endings[state.ending] !== undefined) &&
    Object.keys(scenario.variables ?? {}).every((k) => k in state.vars);
  if (fits) return resumeRunner(scenario, snap.seed, structuredClone(state));
  return replayDecisions(scenario, snap.seed, decisionsOf(state));
}

/** One decision of a run: the option chosen at a node, with the listening stance of that turn. */
export interface Decision {
  node: string;
  option: string;
  listening?: ListeningStance;
}

/** The decisions recorded in a run's state (its choice events; `chosen` for very old saves). */
export function decisionsOf(state: Pick<RunState, "log" | "chosen">): Decision[] {
  const fromLog = state.log.filter((e): e is Extract<RunEvent, { type: "choice" }> => e.type === "choice");
  if (fromLog.length === state.chosen.length) {
    return fromLog.map((e) => (e.listening ? { node: e.node, option: e.option, listening: e.listening } : { node: e.node, option: e.option }));
  }
  return state.chosen.map((key) => {
    const [node, option] = key.split("/") as [string, string];
    return { node, option };
  });
}

/**
 * Plays a run from the start with the given decisions, advancing through lines in
 * between. Throws SaveError naming the first decision that no longer fits.
 */
export function replayDecisions(scenario: Scenario, seed: number | string, decisions: readonly Decision[]): Runner {
  const runner = createRunner(scenario, seed);
  decisions.forEach((d, i) => {
    for (let guard = 0; runner.status === "line" && guard < 10_000; guard++) runner.advance();
    if (runner.status !== "awaiting-choice" || runner.state.node !== d.node) {
      throw new SaveError(`$.state.chosen[${i}]: the scenario no longer reaches a choice at node "${d.node}"`);
    }
    try {
      runner.choose(d.option, runner.state.account.meeting ? d.listening : undefined);
    } catch (e) {
      if (e instanceof RunnerError) throw new SaveError(`$.state.chosen[${i}]: ${e.message}`);
      throw e;
    }
  });
  return runner;
}
