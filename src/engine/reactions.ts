/**
 * Clients who react. After a move the addressed stakeholder answers in words to how it
 * landed — an objection after an early pitch, a cooler tone after distracted listening —
 * before the next node's lines. Lines may also carry a `when` condition (reply variants),
 * and options come in an order shuffled per run, so no position is the free answer.
 */
import type { LocalizedText, Option, ScenarioNode } from "./schema.ts";
import { rngStep, rngValue, seedToState } from "./rng.ts";
import type { RunCore } from "./core.ts";
import type { OfferedOption, RunState } from "./state.ts";
import { REACTIONS } from "./reaction-words.ts";
import { nodeFacts, type NodeFacts } from "./node-facts.ts";

export { REACTIONS } from "./reaction-words.ts";

/** Principles of the meeting's stance or the pipeline, not of the move: no spoken reaction to them. */
const SILENT = new Set(["listen.engaged", "listen.notes", "research.before-asking"]);

const nodeHashes = new Map<string, number>();
function nodeHash(id: string): number {
  let h = nodeHashes.get(id);
  if (h === undefined) {
    h = seedToState(id);
    nodeHashes.set(id, h);
  }
  return h;
}

/**
 * The options in this run's order, shuffled in place: seeded by the run's seed, the node
 * and the visit, so a replay and a room show the same order and no position is the answer.
 * `beside`, a list kept index for index with `offered`, is put in the same order.
 */
export function shuffledForRun<T>(core: RunCore, offered: OfferedOption[], beside?: T[]): OfferedOption[] {
  if (offered.length < 2 || core.scenario.nodes[core.s.node]?.shuffle === false) return offered;
  // Mixes seed, node and visit into one state (no string building on the hot path).
  let state = (core.seedState ^ nodeHash(core.s.node) ^ Math.imul((core.s.visits[core.s.node] ?? 0) + 1, 0x9e3779b1)) >>> 0;
  for (let i = offered.length - 1; i > 0; i--) {
    state = rngStep(state);
    const j = Math.floor(rngValue(state) * (i + 1));
    const t = offered[i]!;
    offered[i] = offered[j]!;
    offered[j] = t;
    if (beside) {
      const u = beside[i]!;
      beside[i] = beside[j]!;
      beside[j] = u;
    }
  }
  return offered;
}

/**
 * The node's lines shown this time: those without a `when`, and those whose `when` holds;
 * led by -1, the client's reaction, when there is one. A fresh array (it becomes run state).
 */
export function shownLines(core: RunCore, node: ScenarioNode, facts: NodeFacts, withReaction: boolean): number[] {
  const shown: number[] = withReaction ? [-1] : [];
  if (facts.plainLines) {
    for (const i of facts.plainLines) shown.push(i);
    return shown;
  }
  node.lines.forEach((l, i) => {
    if (!l.when || core.holds(l.when)) shown.push(i);
  });
  if (shown.length === (withReaction ? 1 : 0)) shown.push(0);
  return shown;
}

/**
 * The addressed stakeholder's spoken reaction to the move just judged, if the next node is
 * in the same meeting. A loss always gets a word from the client; a gain only where the
 * author did not write a reply for this option alone.
 */
export function reactionTo(core: RunCore, option: Option, fromNode: string, dest: string): RunState["reaction"] {
  const s = core.s;
  const last = s.last;
  const who = option.to;
  const scenario = core.scenario;
  if (!last || !last.principles.length || who === undefined || !Object.hasOwn(scenario.cast, who)) return null;
  const from = scenario.nodes[fromNode];
  const to = Object.hasOwn(scenario.nodes, dest) ? scenario.nodes[dest] : undefined;
  if (!from || !to || from.meeting === undefined || to.meeting !== from.meeting) return null;
  const dedicated = nodeFacts(from, scenario).into.get(dest) === 1;
  const words = core.facts.reactsTo.get(who);
  for (const { principle, points } of last.principles) {
    if (SILENT.has(principle)) continue;
    if (points > 0 && dedicated) return null;
    if (words?.has(principle)) return { speaker: who, principle };
  }
  return null;
}

/** The words of a reaction, looked up when shown (a headless run never needs them). */
export function reactionText(core: Pick<RunCore, "scenario" | "seed" | "s">, who: string, principle: string): LocalizedText | undefined {
  const own = core.scenario.cast[who]?.reactions;
  if (own && Object.hasOwn(own, principle)) return own[principle];
  const shared = core.scenario.reactions;
  if (shared && Object.hasOwn(shared, principle)) return shared[principle];
  const generic = Object.hasOwn(REACTIONS, principle) ? REACTIONS[principle] : undefined;
  if (!generic?.length) return undefined;
  // Which wording: fixed by seed and turn, so a replay says the same and runs vary.
  const i = seedToState(`${core.seed}\u241f${core.s.turn}\u241f${principle}`) % generic.length;
  return generic[i];
}
