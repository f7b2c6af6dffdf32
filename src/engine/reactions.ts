/**
 * Clients who react. After a move the addressed stakeholder answers in words to how it
 * landed — an objection after an early pitch, a cooler tone after distracted listening —
 * before the next node's lines. Lines may also carry a `when` condition (reply variants),
 * and options come in an order shuffled per run, so no position is the free answer.
 */
import reactions from "./reactions.json";
import type { LocalizedText, Option, ScenarioNode } from "./schema.ts";
import { createRng, seedToState } from "./rng.ts";
import type { RunCore } from "./core.ts";
import type { OfferedOption, RunState } from "./state.ts";

/** Generic reactions by principle, in the client's voice; a scenario may override them per stakeholder or for the whole file. */
export const REACTIONS = reactions as Record<string, LocalizedText[]>;

/** Principles of the meeting's stance or the pipeline, not of the move: no spoken reaction to them. */
const SILENT = new Set(["listen.engaged", "listen.notes", "research.before-asking"]);

/** The options in this run's order: a shuffle seeded by the run's seed, the node and the visit. */
export function shuffledForRun(core: RunCore, offered: OfferedOption[]): OfferedOption[] {
  if (offered.length < 2 || core.scenario.nodes[core.s.node]?.shuffle === false) return offered;
  const rng = createRng(seedToState(`${core.seed}\u241f${core.s.node}\u241f${core.s.visits[core.s.node] ?? 0}`));
  const out = offered.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The node's lines shown this time: those without a `when`, and those whose `when` holds. */
export function shownLines(core: RunCore, node: ScenarioNode): number[] {
  const shown: number[] = [];
  node.lines.forEach((l, i) => {
    if (!l.when || core.holds(l.when)) shown.push(i);
  });
  return shown.length ? shown : [0];
}

/** How many options of a node lead straight to `dest`: one means the author wrote that reply for this choice. */
function optionsInto(node: ScenarioNode, dest: string): number {
  return (node.options ?? []).filter((o: Option) => o.next === dest).length;
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
  if (!last || who === undefined || !Object.hasOwn(scenario.cast, who)) return null;
  const from = scenario.nodes[fromNode];
  const to = Object.hasOwn(scenario.nodes, dest) ? scenario.nodes[dest] : undefined;
  if (!from || !to || from.meeting === undefined || to.meeting !== from.meeting) return null;
  const dedicated = optionsInto(from, dest) === 1;
  for (const { principle, points } of last.principles) {
    if (SILENT.has(principle)) continue;
    if (points > 0 && dedicated) return null;
    const text = reactionText(core, who, principle);
    if (text) return { speaker: who, principle, text };
  }
  return null;
}

function reactionText(core: RunCore, who: string, principle: string): LocalizedText | undefined {
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
