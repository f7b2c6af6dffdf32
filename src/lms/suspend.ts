/**
 * Suspend data: what an LMS keeps between sessions so a learner resumes where they
 * stopped, in as few characters as SCORM 1.2 allows (4096): the scenario, the seed and
 * the decisions, nothing else; the run is rebuilt by replaying them.
 */
import { decisionsOf, replayDecisions, type Decision } from "../engine/save.ts";
import type { Runner } from "../engine/runner.ts";
import type { Scenario } from "../engine/loader.ts";
import { POSTURES, type Posture } from "../engine/vocabulary.ts";

/** SCORM 1.2's limit on cmi.suspend_data (CMIString4096). */
export const SCORM12_SUSPEND_MAX = 4096;

export interface Suspended {
  scenarioId: string;
  seed: string | number;
  decisions: Decision[];
}

const POSTURE_CODE: Record<Posture, string> = Object.fromEntries(POSTURES.map((p) => [p, p[0]!])) as Record<Posture, string>;

/** `node/option` or `node/option/e1` (posture initial, notes 0/1). Ids never hold "/" (the loader's id rule). */
function encodeDecision(d: Decision): string {
  const base = `${d.node}/${d.option}`;
  return d.listening ? `${base}/${POSTURE_CODE[d.listening.posture]}${d.listening.notes ? 1 : 0}` : base;
}

function decodeDecision(s: unknown): Decision | null {
  if (typeof s !== "string") return null;
  const [node, option, stance, extra] = s.split("/");
  if (!node || !option || extra !== undefined) return null;
  if (stance === undefined) return { node, option };
  const posture = POSTURES.find((p) => POSTURE_CODE[p] === stance[0]);
  if (!posture || !/^[01]$/.test(stance.slice(1))) return null;
  return { node, option, listening: { posture, notes: stance[1] === "1" } };
}

export function encodeSuspend(runner: Pick<Runner, "seed" | "state"> & { scenario: { meta: { id: string } } }): string {
  return JSON.stringify({ v: 1, s: runner.scenario.meta.id, r: runner.seed, d: decisionsOf(runner.state).map(encodeDecision) });
}

/** Reads suspend data from an LMS (untrusted); null when it is not ours or is damaged. */
export function decodeSuspend(text: string): Suspended | null {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof v !== "object" || v === null) return null;
  const o = v as Record<string, unknown>;
  if (o.v !== 1 || typeof o.s !== "string" || !(typeof o.r === "string" || typeof o.r === "number") || !Array.isArray(o.d) || o.d.length > 2000) return null;
  const decisions = o.d.map(decodeDecision);
  if (decisions.some((d) => d === null)) return null;
  return { scenarioId: o.s, seed: o.r, decisions: decisions as Decision[] };
}

/** Rebuilds the run; throws SaveError naming the decision that no longer fits the scenario. */
export function resumeFromSuspend(scenario: Scenario, s: Suspended): Runner {
  return replayDecisions(scenario, s.seed, s.decisions);
}
