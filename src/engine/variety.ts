/**
 * Measures of whether a scenario trains rather than quizzes: how often the client's next
 * words depend on the choice (reactivity), where the best option sits among those offered
 * (position bias), and whether two seeds of the same play differ in what happens.
 */
import type { Scenario } from "./loader.ts";
import { createRunner, resumeRunner, type Runner } from "./runner.ts";
import { createRng, seedToState } from "./rng.ts";
import type { Policy } from "./policies.ts";
import { playOn, playOnce } from "./simulate.ts";

/** The next thing a stakeholder says after this point (skipping the rep and the narrator), or the ending. */
function nextClientWords(r: Runner, limit = 40): string {
  for (let i = 0; i < limit; i++) {
    if (r.status === "ended") return `ending:${r.state.ending}`;
    if (r.status === "stuck") return "stuck";
    const line = r.line;
    if (line && Object.hasOwn(r.scenario.cast, line.speaker)) return `${line.speaker}:${line.text["zh-CN"] ?? line.text.en ?? ""}`;
    if (r.status !== "line") return `choice:${r.state.node}`;
    r.advance();
  }
  return "…";
}

function fork(r: Runner): Runner {
  return resumeRunner(r.scenario, r.seed, structuredClone(r.state) as typeof r.state, { advise: false });
}

export interface Reactivity {
  /** Choice points (node ids) reached in the sampled runs. */
  choicePoints: number;
  /** Of those, how many change what the client says next depending on the option chosen (in most visits). */
  reactive: number;
  /** Node ids that never react. */
  flat: string[];
}

/** Plays `runs` runs with `policy`; at every choice tries each offered option and compares the client's next words. */
export function measureReactivity(scenario: Scenario, policy: Policy, runs = 30, seed = "reactivity"): Reactivity {
  const visits = new Map<string, { seen: number; reacted: number }>();
  const rng = createRng(seedToState(seed));
  for (let i = 0; i < runs; i++) {
    playOn(createRunner(scenario, `${seed}:${i}`, { advise: false }), policy, rng, 5000, (r) => {
      if (r.options.length < 2) return;
      const said = new Set(
        r.options.map((o) => {
          const f = fork(r);
          f.choose(o.id);
          return nextClientWords(f);
        }),
      );
      const v = visits.get(r.state.node) ?? { seen: 0, reacted: 0 };
      v.seen++;
      if (said.size > 1) v.reacted++;
      visits.set(r.state.node, v);
    });
  }
  const flat = [...visits].filter(([, v]) => v.reacted * 2 <= v.seen).map(([id]) => id);
  return { choicePoints: visits.size, reactive: visits.size - flat.length, flat };
}

/** How often the best-ranked option sits at each position (0 = first listed), over the sampled choices. */
export function bestPositions(scenario: Scenario, policy: Policy, runs = 100, seed = "positions"): number[] {
  const counts: number[] = [];
  const rng = createRng(seedToState(seed));
  for (let i = 0; i < runs; i++) {
    playOn(createRunner(scenario, `${seed}:${i}`, { advise: false }), policy, rng, 5000, (r) => {
      if (r.options.length < 2) return;
      const ranks = r.options.map((o) => r.rank(o.id));
      const best = ranks.indexOf(Math.max(...ranks));
      counts[best] = (counts[best] ?? 0) + 1;
    });
  }
  return Array.from(counts, (c) => c ?? 0);
}

/** What happened in a run, beyond the numbers: lines shown, reactions, competitor moves, needs held, nodes visited. */
export function storyOf(r: Runner): string {
  const parts: string[] = [];
  for (const e of r.state.log) {
    if (e.type === "enter") parts.push(e.node);
    else if (e.type === "competitor") parts.push(`${e.competitor}:${e.entry}.${e.move}`);
    else if (e.type === "stage" || e.type === "ended") parts.push(e.type === "stage" ? e.to : e.ending);
  }
  for (const [id, s] of Object.entries(r.state.account.stakeholders)) parts.push(`${id}[${Object.keys(s.needs).join(",")}]`);
  return parts.join(" ");
}

/** Distinct stories among `runs` seeds of the same policy (1 means every seed played out alike). */
export function distinctStories(scenario: Scenario, policy: Policy, runs = 20, seed = "stories"): number {
  const stories = new Set<string>();
  for (let i = 0; i < runs; i++) stories.add(storyOf(playOnce(scenario, policy, `${seed}:${i}`, createRng(seedToState(`${seed}:policy`)), 5000)));
  return stories.size;
}
