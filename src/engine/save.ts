/**
 * Restoring run snapshots from untrusted JSON. A current snapshot is validated against its
 * schema and replayed input by input; each input must still fit the scenario (the option
 * offered, the status right), else SaveError names the input's JSON path. Snapshots of
 * versions 1-2 (the whole state and its log) migrate by replaying their recorded choices.
 */
import "./zod-setup.ts";
import { z } from "zod";
import type { Scenario } from "./loader.ts";
import { createRunner, RunnerError, type Runner } from "./runner.ts";
import type { Input, ListeningStance } from "./state.ts";
import { POSTURES } from "./vocabulary.ts";
import { zodProblems } from "./zod-problems.ts";
import { formatProblem } from "./problems.ts";

export { SAVE_FORMAT, SAVE_VERSION, SAVE_MIN_READABLE, SaveError, saveRun, type RunSnapshot } from "./snapshot.ts";
import { SAVE_FORMAT, SAVE_VERSION, SAVE_MIN_READABLE, SaveError, type RunSnapshot } from "./snapshot.ts";

/** Most inputs a save may hold: far beyond any scenario's playthrough, small enough to replay at once. */
export const MAX_INPUTS = 20_000;
const Seed = z.union([z.number().finite(), z.string().max(200)]);
const ScenarioRef = z.object({ id: z.string().max(200), version: z.string().max(50) });
const Posture = z.enum(POSTURES);
const InputSchema: z.ZodType<Input> = z.union([
  z.object({ advance: z.number().int().min(1).max(100_000) }).strict(),
  z.object({ choose: z.string().max(200), at: z.string().max(200) }).strict(),
  z.object({ listen: Posture, notes: z.boolean() }).strict(),
]);
const Snapshot: z.ZodType<RunSnapshot> = z.object({
  format: z.literal(SAVE_FORMAT),
  version: z.literal(SAVE_VERSION),
  scenario: ScenarioRef,
  seed: Seed,
  inputs: z.array(InputSchema).max(MAX_INPUTS),
});
/** Versions 1-2: the state with its log (choice events carry the listening stance) or, in the oldest, only `chosen`. */
const LegacySnapshot = z.object({
  format: z.literal(SAVE_FORMAT),
  version: z.number().int(),
  scenario: ScenarioRef,
  seed: Seed,
  state: z.object({
    node: z.string(),
    line: z.number().int().min(0),
    status: z.enum(["line", "awaiting-choice", "ended", "stuck"]).optional(),
    chosen: z.array(z.string().regex(/^[^/]+\/[^/]+$/)).max(MAX_INPUTS),
    log: z.array(z.looseObject({ type: z.string() })).max(1_000_000),
  }),
});

/** One decision of a run: the option chosen at a node, with the listening stance of that turn. */
export interface Decision {
  node: string;
  option: string;
  listening?: ListeningStance;
}

function problemsOf(error: z.ZodError): string {
  return zodProblems(error.issues).slice(0, 5).map(formatProblem).join("; ");
}

/** Resumes a run from an untrusted snapshot, or throws SaveError saying what is wrong and where. */
export function restoreRun(scenario: Scenario, snapshot: unknown): Runner {
  if (typeof snapshot !== "object" || snapshot === null || Array.isArray(snapshot)) throw new SaveError("$: a saved run is a JSON object");
  const v = (snapshot as { version?: unknown }).version;
  if (typeof v === "number" && (v > SAVE_VERSION || v < SAVE_MIN_READABLE)) {
    throw new SaveError(`$.version: save version ${v} is not readable by this build (reads ${SAVE_MIN_READABLE}–${SAVE_VERSION})`);
  }
  const id = (snapshot as { scenario?: { id?: unknown } }).scenario?.id;
  if (typeof id === "string" && id !== scenario.meta.id) throw new SaveError(`$.scenario.id: the save is for "${id}", not "${scenario.meta.id}"`);
  if (v === SAVE_VERSION) {
    const parsed = Snapshot.safeParse(snapshot);
    if (!parsed.success) throw new SaveError(problemsOf(parsed.error));
    return replayInputs(scenario, parsed.data.seed, parsed.data.inputs);
  }
  const legacy = LegacySnapshot.safeParse(snapshot);
  if (!legacy.success) throw new SaveError(problemsOf(legacy.error));
  const { seed, state } = legacy.data;
  const runner = replayDecisions(scenario, seed, decisionsOf(state));
  // The old save knew which line was on screen: go back to it if the run is at that node;
  // a finished run plays its last lines to the ending again.
  const finished = state.status === "ended";
  for (let guard = 0; runner.status === "line" && (finished || (runner.state.node === state.node && runner.state.line < state.line)) && guard < 10_000; guard++) runner.advance();
  return runner;
}

/** Rebuilds a run from its seed and input journal; throws SaveError naming the first input that no longer fits. */
export function replayInputs(scenario: Scenario, seed: number | string, inputs: readonly Input[]): Runner {
  const runner = createRunner(scenario, seed);
  inputs.forEach((input, i) => {
    const at = `$.inputs[${i}]`;
    try {
      if ("advance" in input) {
        for (let n = 0; n < input.advance; n++) {
          if (runner.status !== "line") throw new SaveError(`${at}: the run is at "${runner.status}" here, not at a line to advance`);
          runner.advance();
        }
      } else if ("choose" in input) {
        if (runner.status !== "awaiting-choice" || runner.state.node !== input.at) {
          throw new SaveError(`${at}: the scenario no longer reaches a choice at node "${input.at}"`);
        }
        runner.choose(input.choose);
      } else {
        if (!runner.state.account.meeting) throw new SaveError(`${at}: a listening change outside a meeting`);
        runner.setListening({ posture: input.listen, notes: input.notes });
      }
    } catch (e) {
      if (e instanceof RunnerError) throw new SaveError(`${at}: ${e.message}`);
      throw e;
    }
  });
  return runner;
}

type ChoiceEvent = { type: "choice"; node: string; option: string; listening?: ListeningStance };
function isChoice(e: { type: string }): e is ChoiceEvent {
  const c = e as Partial<ChoiceEvent>;
  return e.type === "choice" && typeof c.node === "string" && typeof c.option === "string";
}
function isStance(v: unknown): v is ListeningStance {
  const s = v as Partial<ListeningStance> | undefined;
  return !!s && (POSTURES as readonly unknown[]).includes(s.posture) && typeof s.notes === "boolean";
}

/** The decisions recorded in a version 1-2 state (its choice events; `chosen` for the oldest saves). */
export function decisionsOf(state: { log: readonly { type: string }[]; chosen: readonly string[] }): Decision[] {
  const fromLog = state.log.filter(isChoice);
  if (fromLog.length === state.chosen.length) {
    return fromLog.map((e) => (isStance(e.listening) ? { node: e.node, option: e.option, listening: e.listening } : { node: e.node, option: e.option }));
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
