/**
 * Clients who react. After a move the addressed stakeholder answers in words to how it
 * landed — an objection after an early pitch, a cooler tone after distracted listening —
 * before the next node's lines. Lines may also carry a `when` condition (reply variants),
 * and options come in an order shuffled per run, so no position is the free answer.
 */
import reactions from "./reactions.json";
import type { LocalizedText, Option, ScenarioNode } from "./schema.ts";
import { rngStep, rngValue, seedToState } from "./rng.ts";
import type { RunCore } from "./core.ts";
import type { OfferedOption, RunState } from "./state.ts";

/** Generic reactions by principle, in the client's voice; a scenario may override them per stakeholder or for the whole file. */
export const REACTIONS = reactions as Record<string, LocalizedText[]>;

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
 */
export function shuffledForRun(core: RunCore, offered: OfferedOption[]): OfferedOption[] {
  if (offered.length < 2 || core.scenario.nodes[core.s.node]?.shuffle === false) return offered;
  // Mixes seed, node and visit into one state (no string building on the hot path).
  let state = (core.seedState ^ nodeHash(core.s.node) ^ Math.imul((core.s.visits[core.s.node] ?? 0) + 1, 0x9e3779b1)) >>> 0;
  for (let i = offered.length - 1; i > 0; i--) {
    state = rngStep(state);
    const j = Math.floor(rngValue(state) * (i + 1));
    const t = offered[i]!;
    offered[i] = offered[j]!;
    offered[j] = t;
  }
  return offered;
}

const plainLines = new WeakMap<ScenarioNode, readonly number[] | null>();

/** The node's lines shown this time: those without a `when`, and those whose `when` holds. A fresh array (the caller may prepend the reaction). */
export function shownLines(core: RunCore, node: ScenarioNode): number[] {
  let plain = plainLines.get(node);
  if (plain === undefined) {
    plain = node.lines.some((l) => l.when) ? null : node.lines.map((_l, i) => i);
    plainLines.set(node, plain);
  }
  if (plain) return plain.slice();
  const shown: number[] = [];
  node.lines.forEach((l, i) => {
    if (!l.when || core.holds(l.when)) shown.push(i);
  });
  return shown.length ? shown : [0];
}

const intoCache = new WeakMap<ScenarioNode, Map<string, number>>();

/** How many options of a node lead straight to `dest`: one means the author wrote that reply for this choice. */
function optionsInto(node: ScenarioNode, dest: string): number {
  let m = intoCache.get(node);
  if (!m) {
    m = new Map();
    for (const o of node.options ?? []) if (o.next !== undefined) m.set(o.next, (m.get(o.next) ?? 0) + 1);
    intoCache.set(node, m);
  }
  return m.get(dest) ?? 0;
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
  const dedicated = optionsInto(from, dest) === 1;
  for (const { principle, points } of last.principles) {
    if (SILENT.has(principle)) continue;
    if (points > 0 && dedicated) return null;
    if (hasReaction(core, who, principle)) return { speaker: who, principle };
  }
  return null;
}

function hasReaction(core: RunCore, who: string, principle: string): boolean {
  const own = core.scenario.cast[who]?.reactions;
  const shared = core.scenario.reactions;
  return (!!own && Object.hasOwn(own, principle)) || (!!shared && Object.hasOwn(shared, principle)) || (Object.hasOwn(REACTIONS, principle) && REACTIONS[principle]!.length > 0);
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
