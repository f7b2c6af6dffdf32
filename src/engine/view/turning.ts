/**
 * Where a better ending was still reachable: the last choice of the run at which a
 * better-ranked offered option, followed by play by the course, still reaches a better
 * ending than the run did — the point of no return. (The first such choice would say
 * little: after a poor start, any step followed by good play wins.) Found by forking the
 * run at each choice (deterministic: same seed). A disqualified run ranks below every
 * ending, so its turning point is the gift itself when declining it lets the deal go on.
 */
import type { Scenario } from "../loader.ts";
import { createRunner, resumeRunner, type Runner } from "../runner.ts";
import type { Input, RunState } from "../state.ts";
import { OUTCOMES, type Outcome } from "../vocabulary.ts";
import { createRng, seedToState } from "../rng.ts";
import { goodPlay } from "../policies.ts";
import { playOn } from "../simulate.ts";
import { isDisqualification } from "../finish.ts";

export interface TurningPoint {
  node: string;
  /** The option the player chose there, and the one that would have led further. */
  chosen: string;
  better: string;
  /** The ending good play reaches from the better option, and its outcome. */
  ending: string;
  reaches: Outcome;
  turn: number;
  /** The seed of the play by the course after the better option (replayTurningPoint replays it). */
  fork: string;
}

/** A run's outcome as a rank: a disqualification ranks below every ending, an unfinished run below that. */
function outcomeIndex(r: Runner): number {
  if (!r.state.ending) return -2;
  if (isDisqualification(r, r.state.ending)) return -1;
  return OUTCOMES.indexOf(r.scenario.endings[r.state.ending]!.outcome);
}

/** Plays a forked run to its end by the course. */
function playOut(r: Runner, seed: string): Runner {
  return playOn(r, goodPlay, createRng(seedToState(seed)), 5000);
}

/** Replays a run's inputs up to the turning point, takes the better option there and plays on by the course: the run the debrief promises. */
export function replayTurningPoint(scenario: Scenario, seed: number | string, inputs: readonly Input[], tp: TurningPoint): Runner {
  const r = createRunner(scenario, seed, { advise: false });
  for (const input of inputs) {
    if ("choose" in input && r.status === "awaiting-choice" && r.state.turn + 1 === tp.turn && input.at === tp.node) break;
    apply(r, input);
  }
  r.choose(tp.better);
  return playOut(r, tp.fork);
}

/**
 * The turning point of a finished run given by its seed and inputs, or null when no other
 * choice would have done better. Searched from the last choice backwards (the last such
 * choice is the answer), over at most `maxChoices` choices; alternatives the course ranks
 * at least as high as the player's choice are tried, best first (ties too: the course's
 * ranking alone does not say which of two equal moves keeps the better ending open).
 */
export function turningPoint(scenario: Scenario, seed: number | string, inputs: readonly Input[], maxChoices = 60): TurningPoint | null {
  const walk = createRunner(scenario, seed, { advise: false });
  // Only the last `maxChoices` choices are searched, so only their states are kept.
  const forks: { state: RunState; input: Extract<Input, { choose: string }>; ranked: { id: string; rank: number }[] }[] = [];
  for (const input of inputs) {
    if ("choose" in input && walk.status === "awaiting-choice") {
      const mine = walk.rank(input.choose);
      const ranked = walk.options
        .filter((o) => o.id !== input.choose)
        .map((o) => ({ id: o.id, rank: walk.rank(o.id) }))
        .filter((o) => o.rank >= mine)
        .sort((a, b) => b.rank - a.rank);
      if (ranked.length) {
        forks.push({ state: structuredClone(walk.state) as RunState, input, ranked });
        if (forks.length > maxChoices) forks.shift();
      }
    }
    apply(walk, input);
  }
  const actual = outcomeIndex(walk);
  for (let k = forks.length - 1; k >= 0; k--) {
    const f = forks[k]!;
    for (const o of f.ranked) {
      const fork = resumeRunner(scenario, seed, structuredClone(f.state), { advise: false });
      fork.choose(o.id);
      const forkSeed = `turn:${f.state.turn + 1}:${o.id}`;
      const end = playOut(fork, forkSeed);
      if (outcomeIndex(end) > actual && outcomeIndex(end) >= 0) {
        return { node: f.input.at, chosen: f.input.choose, better: o.id, ending: end.state.ending!, reaches: OUTCOMES[outcomeIndex(end)]!, turn: f.state.turn + 1, fork: forkSeed };
      }
    }
  }
  return null;
}

function apply(r: Runner, input: Input): void {
  if ("advance" in input) for (let n = 0; n < input.advance && r.status === "line"; n++) r.advance();
  else if ("choose" in input) {
    if (r.status === "awaiting-choice") r.choose(input.choose);
  } else if (r.state.account.meeting) r.setListening({ posture: input.listen, notes: input.notes });
}
