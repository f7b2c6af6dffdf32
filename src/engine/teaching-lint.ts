/**
 * Teaching lint: what the schema and the graph checks pass but a class would trip over.
 * Warnings, not errors: the file still plays. Some are read from the file alone (a
 * colleague with no counterpart in the cast, lines an onEnter redirect always skips);
 * the rest from probe runs: every built-in policy plays the scenario a few times with
 * fixed seeds, and at each new choice every offered option is tried on a copy of the run.
 * Pure and deterministic.
 */
import { PAIR_COVERS } from "./account.ts";
import type { Scenario } from "./loader.ts";
import { jsonPath, type Problem } from "./problems.ts";
import type { LintRule } from "./lint-rules.ts";
import { tacticFits } from "./moves/index.ts";
import { createRunner, resumeRunner, type Runner } from "./runner.ts";
import { PRINCIPLES } from "./scorecard.ts";
import { createRng, seedToState } from "./rng.ts";
import type { Effect, MoveTag } from "./schema.ts";
import { POLICIES, type Policy } from "./simulate.ts";
import { SURFACE_POLICIES } from "./surface-policies.ts";
import { surfaceTellWarnings, type ProbedChoice } from "./surface-tells.ts";
import { farewellReactionWarnings, sharedReactionWarnings } from "./reaction-lint.ts";

/** Runs per policy in the probe: enough to meet most branches, cheap enough to lint while typing. */
export const PROBE_RUNS = 8;

/**
 * The policies the probe plays: by the course, at random, and each bad habit mixed with
 * random play; the blind ones (always the first option…) too, since a class plays like that.
 * The "good+habit" blends add little the others do not meet.
 */
export function probePolicies(): Policy[] {
  // The surface players (surface-policies.ts) are measured by the surface-tell rule and bench:tells; as probes they would triple the work.
  const surface = new Set(SURFACE_POLICIES.map((p) => p.name));
  return Object.values(POLICIES).filter((p) => !p.name.startsWith("good+") && !surface.has(p.name));
}
/** Most steps a probe run takes before it is cut off. */
const MAX_STEPS = 600;
/** Share of choices whose best option sits at one place in the file above which players can learn the place. */
const POSITION_SHARE = 0.75;
/** Fewest choices with a clear best option before the position rule speaks. */
const POSITION_MIN = 4;
/** Times each node's options are tried out on copies of the run (the costly part of the probe). */
const JUDGE_PER_NODE = 3;
/**
 * Work the whole probe may do, counted as steps, options weighed, effects in the options
 * chosen and the nodes entered, and log entries written or copied. The largest bundled
 * scenario takes about a twentieth of it; a hostile file (ten thousand options in a node,
 * fifty thousand effects in one option) is cut off here instead of probing for minutes.
 */
export const PROBE_WORK = 4_000_000;

/** What the probe runs saw. */
export interface ProbeReport {
  /** Nodes some policy entered. */
  visited: Set<string>;
  /** Endings reached, by policy name. */
  endingsByPolicy: Record<string, Record<string, number>>;
  /** Per `node/option`: times offered, and times it could have done something. */
  offers: Map<string, { offered: number; useful: number; why?: IdleWhy }>;
  /** Per node: choices seen, and how many of them had an option that lost no points. */
  penalties: Map<string, { seen: number; avoidable: number }>;
  /** Per node that keeps its order: the file index of the option with the most points, when one stood out. */
  bestIndex: Map<string, number>;
  /** Work done, in the units of PROBE_WORK. */
  work: number;
  /** The probe stopped at PROBE_WORK before playing every run: what it did not see proves nothing. */
  cutShort: boolean;
  /** Per `node/option` offered again at the choice right after it (or an option with its words) was taken: the option taken. */
  repeats: Map<string, string>;
  /** The choices tried out, with each option's course rank and text (for the surface-tell rule). */
  choices: ProbedChoice[];
  /** Per stakeholder: the principles they spoke a reaction to. */
  reactions: Map<string, Set<string>>;
}

/** Effects in a list, counting those inside `if` and `random` branches (iterative, memoised per list). */
const effectCounts = new WeakMap<readonly Effect[], number>();
export function effectCount(effects: readonly Effect[] | undefined): number {
  if (!effects) return 0;
  const known = effectCounts.get(effects);
  if (known !== undefined) return known;
  let n = 0;
  const todo: Array<readonly Effect[]> = [effects];
  while (todo.length) {
    const list = todo.pop()!;
    n += list.length;
    for (const e of list) {
      if ("if" in e) {
        todo.push(e.then);
        if (e.else) todo.push(e.else);
      } else if ("random" in e) for (const b of e.random) todo.push(b.effects);
    }
  }
  effectCounts.set(effects, n);
  return n;
}

/** Effects in each option of a node, by option id (built once per node and scenario). */
const optionEffectCounts = new WeakMap<object, Map<string, number>>();
function optionEffects(s: Scenario, nodeId: string): (optionId: string) => number {
  const node = s.nodes[nodeId]!;
  let counts = optionEffectCounts.get(node);
  if (!counts) optionEffectCounts.set(node, (counts = new Map((node.options ?? []).map((o) => [o.id, effectCount(o.effects)]))));
  const table = counts;
  return (id) => table.get(id) ?? 0;
}

/** Work of what a run did since its log had `from` entries: each entry, and the onEnter effects of each node entered. */
function workSince(r: Runner, from: number): number {
  const log = r.state.log;
  let n = 1 + log.length - from;
  for (let i = from; i < log.length; i++) {
    const e = log[i]!;
    if (e.type === "enter" && Object.hasOwn(r.scenario.nodes, e.node)) n += effectCount(r.scenario.nodes[e.node]!.onEnter);
  }
  return n;
}

/**
 * Points the move itself wins or loses (engine and author scores of this option), on a
 * copy of the run. Shortlist tasks settled and the ending's outcome are left out: they
 * follow from the whole run, not from this answer.
 */
function pointsOfChoice(r: Runner, optionId: string): number {
  const copy = resumeRunner(r.scenario, r.seed, structuredClone(r.state));
  const before = copy.state.log.length;
  copy.choose(optionId);
  let sum = 0;
  for (const e of copy.state.log.slice(before)) {
    if (e.type !== "score" || e.option !== optionId || e.competency === "outcome" || e.principle?.startsWith("task.")) continue;
    sum += e.points;
  }
  return sum;
}

/** Why a move could do nothing: the rule, its values, and the English words. */
interface IdleWhy {
  rule: "colleague-already-paired" | "tactic-never-fits";
  args: Record<string, string>;
  text: string;
}

/** Whether a move could do anything in the account as it stands (only for moves that can be idle). */
function moveIsUseful(r: Runner, move: MoveTag): { useful: boolean; why?: IdleWhy } | undefined {
  const a = r.state.account;
  if (move.kind === "relationship" && move.action === "bring-colleague" && move.colleague) {
    const why: IdleWhy = { rule: "colleague-already-paired", args: { colleague: move.colleague }, text: `"${move.colleague}" was already in the account every time it was offered` };
    return { useful: !a.pairs.includes(move.colleague), why };
  }
  if (move.kind === "tactic" && !move.fits) {
    const fit = tacticFits({ account: a, scenario: r.scenario, holds: () => false }, move);
    const text = `"${move.tactic}" never fitted when it was offered: ${PRINCIPLES[fit.principle]?.en ?? fit.principle}`;
    return { useful: fit.fits, why: { rule: "tactic-never-fits", args: { tactic: move.tactic, principle: fit.principle }, text } };
  }
  return undefined;
}

/** Plays every policy PROBE_RUNS times and records what the lint rules need. */
export function probeScenario(s: Scenario, runs = PROBE_RUNS, workLimit = PROBE_WORK): ProbeReport {
  const report: ProbeReport = { visited: new Set(), endingsByPolicy: {}, offers: new Map(), penalties: new Map(), bestIndex: new Map(), work: 0, cutShort: false, choices: [], repeats: new Map(), reactions: new Map() };
  const judged = new Map<string, number>();
  const over = () => (report.work > workLimit ? (report.cutShort = true) : false);
  for (const policy of probePolicies()) {
    if (over()) break;
    const endings: Record<string, number> = {};
    const rng = createRng(seedToState(`lint:${policy.name}`));
    for (let i = 0; i < runs && !over(); i++) {
      const r = createRunner(s, `lint:${policy.name}:${i}`);
      report.work += workSince(r, 0);
      const judgedThisRun = new Set<string>();
      let meeting: string | null = null;
      let taken: { node: string; option: string; text: string } | null = null;
      for (let step = 0; step < MAX_STEPS && (r.status === "line" || r.status === "awaiting-choice") && !over(); step++) {
        const logBefore = r.state.log.length;
        if (r.status === "line") {
          const heard = r.state.reaction;
          if (heard && r.state.shown[r.state.line] === -1) {
            const principles = report.reactions.get(heard.speaker) ?? new Set<string>();
            principles.add(heard.principle);
            report.reactions.set(heard.speaker, principles);
          }
          r.advance();
          report.work += workSince(r, logBefore);
          continue;
        }
        const node = r.state.node;
        const offered = r.options.length;
        const effectsOf = optionEffects(s, node);
        report.work += offered;
        for (const o of r.options) {
          const key = `${node}/${o.id}`;
          // The option just taken, offered again at the very next choice (the same one, or the same words elsewhere).
          if (taken && ((taken.node === node && taken.option === o.id) || JSON.stringify(o.text) === taken.text)) report.repeats.set(key, `${taken.node}/${taken.option}`);
          const seen = report.offers.get(key) ?? { offered: 0, useful: 0 };
          const use = moveIsUseful(r, o.move);
          seen.offered++;
          if (!use || use.useful) seen.useful++;
          else seen.why = use.why;
          report.offers.set(key, seen);
        }
        if (!judgedThisRun.has(node) && (judged.get(node) ?? 0) < JUDGE_PER_NODE) {
          judgedThisRun.add(node);
          judged.set(node, (judged.get(node) ?? 0) + 1);
          const points: number[] = [];
          for (const o of r.options) {
            if (over()) break;
            points.push(pointsOfChoice(r, o.id));
            // A copy of the state (its log), the option's effects, and the advice ranking every option.
            report.work += r.state.log.length + effectsOf(o.id) + offered;
          }
          if (points.length < offered) break;
          report.choices.push({ node, ranks: r.options.map((o) => r.rank(o.id)), texts: r.options.map((o) => o.text) });
          const pen = report.penalties.get(node) ?? { seen: 0, avoidable: 0 };
          pen.seen++;
          if (points.some((p) => p >= 0)) pen.avoidable++;
          report.penalties.set(node, pen);
          const top = Math.max(...points);
          // Only where the order is fixed (`shuffle: false`): elsewhere the game shuffles options per run.
          const fixedOrder = s.nodes[node]!.shuffle === false;
          if (fixedOrder && points.length >= 2 && points.filter((p) => p === top).length === 1 && !report.bestIndex.has(node)) {
            const best = r.options[points.indexOf(top)]!.id;
            report.bestIndex.set(node, s.nodes[node]!.options!.findIndex((o) => o.id === best));
          }
        }
        const m = r.state.account.meeting;
        if (m && m.id !== meeting) {
          meeting = m.id;
          r.setListening(policy.listening(r, rng));
        } else if (!m) meeting = null;
        const chosen = policy.choose(r, rng);
        taken = { node, option: chosen, text: JSON.stringify(r.options.find((o) => o.id === chosen)!.text) };
        r.choose(chosen);
        report.work += offered + workSince(r, logBefore) + effectsOf(chosen);
      }
      for (const n of Object.keys(r.state.visits)) report.visited.add(n);
      const key = r.state.ending ?? "(unfinished)";
      endings[key] = (endings[key] ?? 0) + 1;
    }
    report.endingsByPolicy[policy.name] = endings;
  }
  return report;
}

/** Every teaching warning for a scenario that passed the schema, reference and graph checks. */
export function teachingLint(s: Scenario, probe: ProbeReport = probeScenario(s)): Problem[] {
  const out: Problem[] = [];
  const warn = (segments: PropertyKey[], rule: LintRule, args: Record<string, string | number>, message: string) =>
    out.push({ path: jsonPath(segments), message, severity: "warning", rule, args });
  const departments = new Set(Object.values(s.cast).map((c) => c.department));

  for (const [id, node] of Object.entries(s.nodes)) {
    node.options?.forEach((o, i) => {
      const m = o.move;
      if (m.kind === "relationship" && m.action === "bring-colleague" && m.colleague && !PAIR_COVERS[m.colleague].some((d) => departments.has(d))) {
        warn(
          ["nodes", id, "options", i, "move", "colleague"],
          "colleague-covers-no-one",
          { colleague: m.colleague, departments: PAIR_COVERS[m.colleague].join(" / ") },
          `"${m.colleague}" pairs with ${PAIR_COVERS[m.colleague].join(" / ")}, and no one in the cast works there: the pair raises no one's trust or level`,
        );
      }
      const again = probe.repeats.get(`${id}/${o.id}`);
      if (again) warn(["nodes", id, "options", i], "offered-again", { after: again }, `offered again right after "${again}" was taken: the client has just heard it (guard it with a condition, e.g. {"not": {"chosen": …}})`);
      const seen = probe.offers.get(`${id}/${o.id}`);
      if (seen && seen.offered > 0 && seen.useful === 0 && seen.why) {
        warn(["nodes", id, "options", i, "move"], seen.why.rule, { ...seen.why.args, offered: seen.offered }, `can do nothing here: ${seen.why.text} (${seen.offered} time(s) in the probe runs)`);
      }
    });
    const pen = probe.penalties.get(id);
    if (pen && pen.seen > 0 && pen.avoidable === 0) {
      warn(["nodes", id, "options"], "no-right-answer", { seen: pen.seen }, `every option here loses points whenever players reach it (${pen.seen} time(s) tried in the probe runs): give the class one right answer`);
    }
    if (!probe.cutShort && probe.visited.size > 0 && !probe.visited.has(id)) {
      warn(["nodes", id], "node-unreached", { runs: PROBE_RUNS }, `no simulated player reached this node (${PROBE_RUNS} runs of each built-in policy): its lines may never be shown`);
    }
  }

  if (probe.cutShort) {
    warn([], "probe-cut-short", {}, `the probe runs stopped early (the work they may do is bounded, and this file's nodes, options or effect lists are very large): warnings about nodes no player reached and endings no policy reached are left out`);
  }
  const reached = new Set(Object.values(probe.endingsByPolicy).flatMap((e) => Object.keys(e)));
  for (const id of probe.cutShort ? [] : Object.keys(s.endings)) {
    if (!reached.has(id)) warn(["endings", id], "ending-unreached", { runs: PROBE_RUNS }, `no built-in policy reached this ending in ${PROBE_RUNS} runs each; check the conditions on the way (the studio's balance panel searches for a path)`);
  }

  const counts = new Map<number, number>();
  for (const index of probe.bestIndex.values()) counts.set(index, (counts.get(index) ?? 0) + 1);
  const total = probe.bestIndex.size;
  for (const [index, n] of counts) {
    if (total >= POSITION_MIN && n / total >= POSITION_SHARE) {
      warn(["nodes"], "best-in-one-place", { place: index + 1, n, total }, `the best option is number ${index + 1} at ${n} of ${total} choices that keep their order ("shuffle": false): vary where the best answer sits, so players cannot learn its place`);
    }
  }
  out.push(...surfaceTellWarnings(s, probe.choices));
  out.push(...sharedReactionWarnings(s, probe.reactions), ...farewellReactionWarnings(s));
  return out;
}
