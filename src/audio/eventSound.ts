/**
 * The sound a run session's event makes. In assessment a sound must not tell a good move
 * from a bad one: only news (a rival's move, a new stage) and the ending are heard.
 */
import type { SessionEvent } from "../session/index.ts";
import type { SoundName } from "./synth.ts";

export function soundOfEvent(e: SessionEvent, coaching: boolean): SoundName | null {
  if (e.type === "step") {
    const c = e.change;
    const points = coaching ? c.scores.reduce((sum, s) => sum + s.points, 0) : 0;
    if (c.competitor) return "alert";
    if (c.stage) return "stage";
    if (points > 0) return "good";
    if (points < 0) return "bad";
    return null;
  }
  if (e.type === "ended") return e.result.outcome === "won" || e.result.outcome === "strategic-partner" ? "win" : "lose";
  return null;
}
