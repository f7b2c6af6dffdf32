/**
 * Advice from the move-rule table: the better option the debrief names when a choice
 * lost points, and the judgement of the move just made (what reactions and reply
 * variants read). Pure: ranks are read, nothing is changed.
 */
import type { Option } from "./schema.ts";
import type { LastMove, OfferedOption, RunEvent } from "./state.ts";
import { rankMove, type JudgeContext } from "./moves/index.ts";

/** A "better option" must rank at least this well by the course… */
const BETTER_MIN_RANK = 50;
/** …and clearly better than the one chosen. */
const BETTER_MARGIN = 15;

/**
 * The best alternative by the course, if one is clearly better than the chosen option.
 * Small talk is never advice: it is a pleasantry, not a sales move.
 */
export function betterOption(ctx: JudgeContext, offered: readonly OfferedOption[], chosen: string): string | undefined {
  const mine = offered.find((o) => o.id === chosen);
  if (!mine) return undefined;
  let top = Math.max(BETTER_MIN_RANK, rankMove(ctx, mine.move, mine.to) + BETTER_MARGIN);
  let better: string | undefined;
  for (const o of offered) {
    if (o.id === chosen || o.move.kind === "talk") continue;
    const r = rankMove(ctx, o.move, o.to);
    if (r >= top) {
      top = r + 1e-9;
      better = o.id;
    }
  }
  return better;
}

/** What the scorecard made of the choice whose events start at `logStart`. */
export function judgeLastMove(log: readonly RunEvent[], logStart: number, node: string, option: Option): LastMove {
  let points = 0;
  // A choice scores a handful of principles at most: a small array beats a map here (the simulator's hot path).
  const principles: { principle: string; points: number }[] = [];
  for (let i = logStart; i < log.length; i++) {
    const e = log[i]!;
    if (e.type !== "score" || e.competency === "outcome") continue;
    points += e.points;
    if (!e.principle) continue;
    const p = principles.find((x) => x.principle === e.principle);
    if (p) p.points += e.points;
    else principles.push({ principle: e.principle, points: e.points });
  }
  // Largest effect first; on a tie the loss first (a client notices a mistake more).
  if (principles.length > 1) principles.sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || a.points - b.points);
  const last: LastMove = { node, option: option.id, kind: option.move.kind, points, principles };
  if (option.to !== undefined) last.to = option.to;
  return last;
}
