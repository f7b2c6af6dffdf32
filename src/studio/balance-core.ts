/**
 * Balancing a scenario with the engine's simulator: score and competency distributions
 * per built-in policy, endings reached, one run's trace, why an ending was not reached
 * (the condition on the way that failed most often), and a search for a path of choices
 * to an ending. Pure and deterministic (seeded); runs in the studio's balance worker.
 */
import {
  COMPETENCIES,
  createRunner,
  evaluate,
  playOnce,
  POLICIES,
  resumeRunner,
  createRng,
  seedToState,
  type Condition,
  type Effect,
  type Runner,
  type Scenario,
} from "../engine/index.ts";
import type { ConditionContext } from "../engine/conditions.ts";
import { probePolicies } from "../engine/teaching-lint.ts";

export interface PolicyResult {
  policy: string;
  describe: string;
  runs: number;
  totals: number[];
  /** Each competency's values over the runs. */
  competencies: Record<string, number[]>;
  endings: Record<string, number>;
}

export interface BalanceReport {
  policies: PolicyResult[];
  /** Nodes some run entered: the map dims the rest. */
  visited: string[];
}

export function balance(s: Scenario, runs: number, seed = "studio"): BalanceReport {
  const visited = new Set<string>();
  const policies = probePolicies().map((policy) => {
    const rng = createRng(seedToState(`balance:${seed}:${policy.name}`));
    const result: PolicyResult = { policy: policy.name, describe: policy.describe, runs, totals: [], competencies: {}, endings: {} };
    for (const c of COMPETENCIES) result.competencies[c] = [];
    for (let i = 0; i < runs; i++) {
      const r = playOnce(s, policy, `${seed}:${i}`, rng, 3000);
      // The runner's own scorecard: a disqualified run scores 0 here as in the game and the CLI.
      const sheet = r.score;
      result.totals.push(sheet.total);
      for (const c of COMPETENCIES) result.competencies[c]!.push(sheet.competencies[c]);
      const end = r.state.ending ?? "(unfinished)";
      result.endings[end] = (result.endings[end] ?? 0) + 1;
      for (const n of Object.keys(r.state.visits)) visited.add(n);
    }
    return result;
  });
  return { policies, visited: [...visited] };
}

/** Something a traced step did, as data: the trace panel words it in the studio's language. */
export type TraceEvent =
  | { kind: "score"; points: number; competency: string; principle?: string }
  | { kind: "stage"; to: string }
  | { kind: "gate"; stage: string }
  | { kind: "stuck"; reason: string };

/** One step of a traced run, as the trace panel lists it. */
export interface TraceStep {
  node: string;
  option?: string;
  /** The option's words, in each language the file gives. */
  text?: Partial<Record<"zh-CN" | "en", string>>;
  points: number;
  events: TraceEvent[];
}

/** Plays one run with a policy and seed and lists its choices with what they scored. */
export function traceRun(s: Scenario, policyName: string, seed: string): { steps: TraceStep[]; ending: string | null; total: number } {
  const policy = POLICIES[policyName] ?? POLICIES.random!;
  const r = playOnce(s, policy, seed, createRng(seedToState(`trace:${seed}`)), 3000);
  const steps: TraceStep[] = [];
  for (const e of r.state.log) {
    if (e.type === "choice") {
      const text = s.nodes[e.node]?.options?.find((o) => o.id === e.option)?.text;
      steps.push({ node: e.node, option: e.option, ...(text ? { text: { ...text } } : {}), points: 0, events: [] });
    } else if (e.type === "score" && steps.length) {
      const last = steps[steps.length - 1]!;
      last.points += e.points;
      last.events.push({ kind: "score", points: e.points, competency: e.competency, ...(e.principle ? { principle: e.principle } : {}) });
    } else if ((e.type === "stage" || e.type === "gate" || e.type === "stuck") && steps.length) {
      steps[steps.length - 1]!.events.push(e.type === "stage" ? { kind: "stage", to: e.to } : e.type === "gate" ? { kind: "gate", stage: e.stage } : { kind: "stuck", reason: e.reason });
    }
  }
  return { steps, ending: r.state.ending, total: r.score.total };
}

/** Reads a run's state the way conditions do. */
function contextOf(r: Runner): ConditionContext {
  const st = r.state;
  const stages = r.scenario.stages;
  return {
    scenario: r.scenario,
    account: st.account,
    varValue: (name) => st.vars[name],
    stageOrder: (id) => stages.findIndex((x) => x.id === id),
    currentStageOrder: () => stages.findIndex((x) => x.id === st.stage),
    visited: (node) => (st.visits[node] ?? 0) > 0,
    hasChosen: (node, option) => st.chosen.includes(`${node}/${option}`),
    last: st.last,
  };
}

/** A place where the way to an ending depends on a condition, checked at a choice in `node`. */
interface Gateway {
  node: string;
  option: string;
  condition?: Condition;
  where: string;
}

function effectsEnd(effects: readonly Effect[] | undefined, ending: string, leads: (n: string) => boolean, out: Condition[], guard?: Condition): boolean {
  let found = false;
  for (const e of effects ?? []) {
    if (("end" in e && e.end === ending) || ("goto" in e && leads(e.goto))) {
      if (guard) out.push(guard);
      found = true;
    } else if ("if" in e) {
      if (effectsEnd(e.then, ending, leads, out, e.if)) found = true;
      if (effectsEnd(e.else, ending, leads, out, { not: e.if })) found = true;
    }
  }
  return found;
}

/** Options whose choice leads to `ending` (directly, through next-only nodes, or by an end/goto effect), with their conditions. */
function gatewaysTo(s: Scenario, ending: string): Gateway[] {
  const leads = (start: string): boolean => {
    let id: string | undefined = start;
    for (let i = 0; i < 32 && id; i++) {
      const n: Scenario["nodes"][string] | undefined = s.nodes[id];
      if (!n) return false;
      if (n.ending === ending) return true;
      const guards: Condition[] = [];
      if (effectsEnd(n.onEnter, ending, () => false, guards)) return true;
      if (n.options) return false;
      id = n.next;
    }
    return false;
  };
  const out: Gateway[] = [];
  for (const [node, n] of Object.entries(s.nodes)) {
    n.options?.forEach((o) => {
      const guards: Condition[] = [];
      const viaEffects = effectsEnd(o.effects, ending, leads, guards);
      if (!viaEffects && !(o.next && leads(o.next))) return;
      if (o.condition) out.push({ node, option: o.id, condition: o.condition, where: `$.nodes.${node}.options[${n.options!.indexOf(o)}].condition` });
      for (const g of guards) out.push({ node, option: o.id, condition: g, where: `$.nodes.${node}.options[${n.options!.indexOf(o)}].effects` });
      if (!o.condition && !guards.length) out.push({ node, option: o.id, where: `$.nodes.${node}.options[${n.options!.indexOf(o)}]` });
    });
  }
  return out;
}

/** What stopped an ending, most often first. */
export interface MissReason {
  node: string;
  option: string;
  where: string;
  /** Runs that reached the node where the way to the ending is offered. */
  reachedNode: number;
  checks: number;
  failed: number;
  /** The part of an all/any condition that failed most often, as JSON. */
  failedPart?: string;
  condition?: string;
  /** Times the option was offered, and chosen. */
  offered: number;
  chosen: number;
}

export function whyNotReached(s: Scenario, ending: string, runs: number, seed = "why"): { reached: number; total: number; reasons: MissReason[] } {
  const gates = gatewaysTo(s, ending);
  const stats = gates.map((g) => ({ g, reachedNode: 0, checks: 0, failed: 0, parts: new Map<string, number>(), offered: 0, chosen: 0 }));
  let reached = 0;
  let total = 0;
  for (const policy of probePolicies()) {
    const rng = createRng(seedToState(`why:${seed}:${policy.name}`));
    for (let i = 0; i < runs; i++) {
      total++;
      const r = createRunner(s, `${seed}:${policy.name}:${i}`);
      const seenNode = new Set<string>();
      for (let step = 0; step < 3000 && (r.status === "line" || r.status === "awaiting-choice"); step++) {
        if (r.status === "line") {
          r.advance();
          continue;
        }
        const ctx = contextOf(r);
        for (const st of stats) {
          if (st.g.node !== r.state.node) continue;
          if (!seenNode.has(st.g.node + st.g.where)) {
            seenNode.add(st.g.node + st.g.where);
            st.reachedNode++;
          }
          if (r.options.some((o) => o.id === st.g.option)) st.offered++;
          if (!st.g.condition) continue;
          st.checks++;
          if (!evaluate(st.g.condition, ctx)) {
            st.failed++;
            const c = st.g.condition;
            const parts = "all" in c ? c.all : "any" in c ? c.any : [c];
            for (const p of parts) if (!evaluate(p, ctx)) st.parts.set(JSON.stringify(p), (st.parts.get(JSON.stringify(p)) ?? 0) + 1);
          }
        }
        const choice = policy.choose(r, rng);
        for (const st of stats) if (st.g.node === r.state.node && st.g.option === choice) st.chosen++;
        r.choose(choice);
      }
      if (r.state.ending === ending) reached++;
    }
  }
  const reasons = stats.map((st): MissReason => {
    const top = [...st.parts.entries()].sort((a, b) => b[1] - a[1])[0];
    return {
      node: st.g.node,
      option: st.g.option,
      where: st.g.where,
      reachedNode: st.reachedNode,
      checks: st.checks,
      failed: st.failed,
      offered: st.offered,
      chosen: st.chosen,
      ...(st.g.condition ? { condition: JSON.stringify(st.g.condition) } : {}),
      ...(top ? { failedPart: top[0] } : {}),
    };
  });
  reasons.sort((a, b) => b.failed - a.failed || a.reachedNode - b.reachedNode);
  return { reached, total, reasons };
}

/** One decision on a found path. */
export interface PathStep {
  node: string;
  option: string;
}

/**
 * Breadth-first search over the choices (on copies of the run, seed fixed) for a path to
 * `ending`; states already seen (same node, variables, stage, levels and needs) are not
 * expanded again. Gives up after `budget` expansions.
 */
export function findPath(s: Scenario, ending: string, seed = "path", budget = 20_000, maxDepth = 80): PathStep[] | null {
  const settle = (r: Runner) => {
    for (let i = 0; i < 10_000 && r.status === "line"; i++) r.advance();
  };
  const first = createRunner(s, seed);
  settle(first);
  const queue: { r: Runner; path: PathStep[] }[] = [{ r: first, path: [] }];
  const seen = new Set<string>();
  const key = (r: Runner) => {
    const a = r.state.account;
    const people = Object.entries(a.stakeholders).map(([id, p]) => `${id}:${p.level}:${Object.values(p.needs).join(",")}`);
    return JSON.stringify([r.state.node, r.state.stage, r.state.vars, people, a.pairs, a.tasks]);
  };
  for (let expanded = 0; queue.length && expanded < budget; expanded++) {
    const { r, path } = queue.shift()!;
    if (r.state.ending === ending) return path;
    if (r.status !== "awaiting-choice" || path.length >= maxDepth) continue;
    const k = key(r);
    if (seen.has(k)) continue;
    seen.add(k);
    for (const o of r.options) {
      const next = resumeRunner(s, r.seed, structuredClone(r.state));
      next.choose(o.id);
      settle(next);
      const step = [...path, { node: r.state.node, option: o.id }];
      if (next.state.ending === ending) return step;
      queue.push({ r: next, path: step });
    }
  }
  return null;
}
