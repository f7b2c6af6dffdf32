/**
 * The decision where the deal could have been won: the last choice of the run at which
 * a better-ranked offered option, followed by play by the course, still reaches a better
 * ending than the run did — the point of no return. (The first such choice would say
 * little: after a poor start, any step followed by good play wins.) Found by forking the
 * run at each choice (deterministic: same seed).
 */
import type { Scenario } from "../loader.ts";
import { createRunner, resumeRunner, type Runner } from "../runner.ts";
import type { Input, RunState } from "../state.ts";
import { OUTCOMES, type Outcome } from "../vocabulary.ts";
import { createRng, seedToState } from "../rng.ts";
import { goodPlay } from "../policies.ts";
import { playOn } from "../simulate.ts";

export interface TurningPoint {
  node: string;
  /** The option the player chose there, and the one that would have led further. */
  chosen: string;
  better: string;
  /** The ending good play reaches from the better option. */
  reaches: Outcome;
  turn: number;
}

function outcomeIndex(r: Runner): number {
  return r.state.ending ? OUTCOMES.indexOf(r.scenario.endings[r.state.ending]!.outcome) : -1;
}

/** Plays a forked run to its end by the course. */
function playOut(r: Runner, seed: string): Runner {
  return playOn(r, goodPlay, createRng(seedToState(seed)), 5000);
}

/** The turning point of a finished run given by its seed and inputs, or null when no other choice would have done better. */
export function turningPoint(scenario: Scenario, seed: number | string, inputs: readonly Input[], maxChoices = 40): TurningPoint | null {
  const walk = createRunner(scenario, seed, { advise: false });
  const actual = (() => {
    const r = createRunner(scenario, seed, { advise: false });
    for (const i of inputs) apply(r, i);
    return outcomeIndex(r);
  })();
  let choices = 0;
  let found: TurningPoint | null = null;
  for (const input of inputs) {
    if ("choose" in input && walk.status === "awaiting-choice" && choices++ < maxChoices) {
      const mine = walk.rank(input.choose);
      // Better-ranked alternatives first: the advice names the move the course would make.
      const alternatives = walk.options.filter((o) => o.id !== input.choose && walk.rank(o.id) > mine).sort((a, b) => walk.rank(b.id) - walk.rank(a.id));
      for (const o of alternatives) {
        const fork = resumeRunner(scenario, seed, structuredClone(walk.state) as RunState, { advise: false });
        fork.choose(o.id);
        const end = playOut(fork, `turn:${choices}:${o.id}`);
        if (outcomeIndex(end) > actual) {
          found = { node: input.at, chosen: input.choose, better: o.id, reaches: OUTCOMES[outcomeIndex(end)]!, turn: walk.state.turn + 1 };
          break;
        }
      }
    }
    apply(walk, input);
  }
  return found;
}

function apply(r: Runner, input: Input): void {
  if ("advance" in input) for (let n = 0; n < input.advance && r.status === "line"; n++) r.advance();
  else if ("choose" in input) {
    if (r.status === "awaiting-choice") r.choose(input.choose);
  } else if (r.state.account.meeting) r.setListening({ posture: input.listen, notes: input.notes });
}
