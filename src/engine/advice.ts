/**
 * Advice from the move-rule table: the better option the debrief names when a choice
 * lost points, and the judgement of the move just made (what reactions and reply
 * variants read). Pure: ranks are read, nothing is changed.
 */
import type { Option } from "./schema.ts";
import type { LastMove, OfferedOption } from "./state.ts";

/** A "better option" must rank at least this well by the course… */
const BETTER_MIN_RANK = 50;
/** …and clearly better than the one chosen. */
const BETTER_MARGIN = 15;

/**
 * The best alternative by the course, if one is clearly better than the chosen option.
 * Small talk is never advice: it is a pleasantry, not a sales move.
 */
export function betterOption(offered: readonly OfferedOption[], chosen: string, rank: (o: OfferedOption) => number): string | undefined {
  const mine = offered.find((o) => o.id === chosen);
  if (!mine) return undefined;
  let top = Math.max(BETTER_MIN_RANK, rank(mine) + BETTER_MARGIN);
  let better: string | undefined;
  for (const o of offered) {
    if (o.id === chosen || o.move.kind === "talk") continue;
    const r = rank(o);
    if (r >= top) {
      top = r + 1e-9;
      better = o.id;
    }
  }
  return better;
}

/** What the scorecard made of a choice, from the points its principles scored (collected by `RunCore.judge`). */
export function judgeLastMove(judged: Pick<LastMove, "points" | "principles">, node: string, option: Option): LastMove {
  const principles = judged.principles;
  // Largest effect first; on a tie the loss first (a client notices a mistake more).
  if (principles.length > 1) principles.sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || a.points - b.points);
  const last: LastMove = { node, option: option.id, kind: option.move.kind, points: judged.points, principles };
  if (option.to !== undefined) last.to = option.to;
  return last;
}
