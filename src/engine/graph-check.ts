/**
 * The checker's graph proofs: every node can be reached from the start, every reachable
 * node can reach an ending, no chain of onEnter redirects is longer than the engine
 * follows, and no node offers only options nobody can afford. Conditions are treated as
 * satisfiable (the checker cannot know the run's state), so a problem reported here is a
 * certain dead end, never a guess.
 */
import { DEFAULT_RESOURCES } from "./account.ts";
import { echo, jsonPath, type Problem } from "./problems.ts";
import { optionCost } from "./moves/index.ts";
import { MAX_REDIRECTS } from "./runner.ts";
import type { Effect, ScenarioData, ScenarioNode } from "./schema.ts";
import { jumpsOf } from "./jumps.ts";

/** Where a list of effects can send the flow. */
interface Flow {
  /** Every node a goto may lead to. */
  targets: Set<string>;
  /** A goto or an end on every path: whatever follows the effects never runs. */
  leaves: boolean;
  /** Some path ends the run. */
  ends: boolean;
}

/** Where effects can send the flow, through the jumps that can win (jumps.ts); targets are added to `targets`. */
export function flowOf(effects: readonly Effect[] | undefined, targets = new Set<string>()): Flow {
  const j = jumpsOf(effects);
  for (const t of j.targets) targets.add(t);
  return { targets, leaves: j.leaves, ends: j.ends };
}

/** Jumps that never take effect (errors) or that a later jump can replace (warnings), in every list of effects. */
function lostJumpProblems(s: ScenarioData): Problem[] {
  const problems: Problem[] = [];
  const report = (effects: readonly Effect[] | undefined, path: PropertyKey[]) => {
    for (const l of jumpsOf(effects, path).lost) {
      const what = l.kind === "goto" ? "this goto" : "this end";
      if (l.why === "after-end") {
        problems.push({ path: jsonPath(l.path), message: `${what} never runs: an "end" earlier in the same list always ends the run first` });
      } else if (l.when === "never") {
        problems.push({ path: jsonPath(l.path), message: `${what} never takes effect: a later goto or end in the same list always replaces it (the last jump wins); remove one, or put each jump in its own branch of an "if"` });
      } else {
        problems.push({
          path: jsonPath(l.path),
          severity: "warning",
          rule: "double-jump",
          message: `the flow can jump twice here: a later goto or end in the same list replaces this goto on some paths (the last jump wins); put each jump in its own branch of an "if" … "else"`,
        });
      }
    }
  };
  report(s.setup, ["setup"]);
  for (const [id, node] of Object.entries(s.nodes)) {
    report(node.onEnter, ["nodes", id, "onEnter"]);
    node.options?.forEach((o, i) => report(o.effects, ["nodes", id, "options", i, "effects"]));
  }
  return problems;
}

/** The most weeks and budget a run can ever hold: the start, or unbounded if some effect adds to them. */
function resourceCeiling(s: ScenarioData): { weeks: number; budget: number } {
  const start = s.resources ?? DEFAULT_RESOURCES;
  const ceiling = { weeks: start.weeks, budget: start.budget };
  const scan = (effects: readonly Effect[] | undefined): void =>
    effects?.forEach((e) => {
      if ("figure" in e && (e.figure === "weeks" || e.figure === "budget") && e.by > 0) ceiling[e.figure] = Infinity;
      else if ("if" in e) {
        scan(e.then);
        scan(e.else);
      } else if ("random" in e) e.random.forEach((b) => scan(b.effects));
    });
  for (const node of Object.values(s.nodes)) {
    scan(node.onEnter);
    node.options?.forEach((o) => scan(o.effects));
  }
  return ceiling;
}

/** How the flow can leave one node. */
interface Exits {
  next: Set<string>;
  /** The node itself ends the run on some path. */
  ends: boolean;
  /** Nodes its onEnter may redirect to (the redirect chain). */
  redirects: Set<string>;
}

function exitsOf(node: ScenarioNode, affordable: (o: NonNullable<ScenarioNode["options"]>[number]) => boolean): Exits {
  const enter = flowOf(node.onEnter);
  const exits: Exits = { next: new Set(enter.targets), ends: enter.ends || node.ending !== undefined, redirects: enter.targets };
  if (enter.leaves) return exits; // its lines and options are never reached
  if (node.next !== undefined) exits.next.add(node.next);
  for (const o of node.options ?? []) {
    if (!affordable(o)) continue;
    const f = flowOf(o.effects, exits.next);
    if (f.ends) exits.ends = true;
    if (o.next !== undefined) exits.next.add(o.next);
  }
  return exits;
}

/** Length of the longest chain of onEnter redirects starting at each node (iterative; loops count once). */
function redirectDepths(exits: Map<string, Exits>): Map<string, number> {
  const depth = new Map<string, number>();
  const onPath = new Set<string>();
  for (const root of exits.keys()) {
    if (depth.has(root)) continue;
    const stack: Array<{ id: string; todo: string[] }> = [{ id: root, todo: [...(exits.get(root)?.redirects ?? [])] }];
    onPath.add(root);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const child = top.todo.pop();
      if (child === undefined) {
        let best = 0;
        for (const c of exits.get(top.id)?.redirects ?? []) best = Math.max(best, 1 + (depth.get(c) ?? 0));
        depth.set(top.id, best);
        onPath.delete(top.id);
        stack.pop();
      } else if (!depth.has(child) && !onPath.has(child) && exits.has(child)) {
        onPath.add(child);
        stack.push({ id: child, todo: [...exits.get(child)!.redirects] });
      }
    }
  }
  return depth;
}

/** Graph problems of a scenario that passed schema and references (or as far as a broken one allows). */
export function graphProblems(s: ScenarioData): Problem[] {
  const problems: Problem[] = lostJumpProblems(s);
  const at = (segments: PropertyKey[], message: string) => problems.push({ path: jsonPath(segments), message });
  const ceiling = resourceCeiling(s);
  const start = s.resources ?? DEFAULT_RESOURCES;
  const affordable = (o: NonNullable<ScenarioNode["options"]>[number]) => {
    const c = optionCost(o);
    return c.weeks <= ceiling.weeks && c.budget <= ceiling.budget;
  };

  const exits = new Map<string, Exits>();
  const everyEdge = new Map<string, Set<string>>();
  // A meeting cut short (the client walks out after a move) goes to its cutShort node.
  const walkout = (node: ScenarioNode) => {
    const m = node.meeting !== undefined && s.meetings && Object.hasOwn(s.meetings, node.meeting) ? s.meetings[node.meeting] : undefined;
    return node.options && m?.cutShort ? m.cutShort.goto : undefined;
  };
  for (const [id, node] of Object.entries(s.nodes)) {
    const e = exitsOf(node, affordable);
    const cut = walkout(node);
    if (cut !== undefined && !flowOf(node.onEnter).leaves) e.next.add(cut);
    exits.set(id, e);
    const all = new Set<string>();
    // An onEnter that always jumps skips the node's lines and options: their ways on are never taken.
    const skipped = flowOf(node.onEnter, all).leaves;
    if (cut !== undefined && !skipped) all.add(cut);
    if (node.next && !skipped) all.add(node.next);
    node.options?.forEach((o, i) => {
      const f = flowOf(o.effects, skipped ? new Set() : all);
      if (o.next) {
        if (!skipped) all.add(o.next);
      } else if (!f.leaves) at(["nodes", id, "options", i], `option "${echo(o.id)}" leads nowhere: give it "next", or a goto/end effect on every path`);
    });
    everyEdge.set(id, all);
    if (node.options && node.options.every((o) => o.condition !== undefined)) {
      at(["nodes", id, "options"], "every option has a condition, so a player can be stuck here; add one option without a condition");
    }
    if (node.options && !flowOf(node.onEnter).leaves && !node.options.some(affordable)) {
      at(["nodes", id, "options"], `every option costs more than this scenario ever has (${start.weeks} weeks, budget ${start.budget} at the start), so a player is always stuck here`);
    }
  }

  // Reachability from the start (or wherever the setup's effects send the run) over every way a node can be left.
  const queue = [s.start, ...flowOf(s.setup).targets].filter((id) => Object.hasOwn(s.nodes, id));
  const reached = new Set<string>(queue);
  for (let i = 0; i < queue.length; i++) {
    for (const n of everyEdge.get(queue[i]!) ?? []) {
      if (!reached.has(n)) {
        reached.add(n);
        queue.push(n);
      }
    }
  }
  for (const id of Object.keys(s.nodes)) {
    if (!reached.has(id)) at(["nodes", id], `unreachable: no path leads here from the start node "${s.start}"`);
  }

  // Reverse reachability from every node that can end the run.
  const into = new Map<string, string[]>();
  for (const [id, e] of exits) {
    for (const n of e.next) {
      const list = into.get(n);
      if (list) list.push(id);
      else into.set(n, [id]);
    }
  }
  const canEnd = new Set<string>();
  const back: string[] = [];
  for (const [id, e] of exits) {
    if (!e.ends) continue;
    canEnd.add(id);
    back.push(id);
  }
  for (let i = 0; i < back.length; i++) {
    for (const p of into.get(back[i]!) ?? []) {
      if (!canEnd.has(p)) {
        canEnd.add(p);
        back.push(p);
      }
    }
  }
  for (const id of Object.keys(s.nodes)) {
    if (!reached.has(id) || canEnd.has(id)) continue;
    const ways = [...exits.get(id)!.next].filter((n) => exits.has(n));
    const where = ways.length ? `its ways on (${ways.slice(0, 3).join(", ")}${ways.length > 3 ? ", …" : ""}) lead only to nodes that cannot end either` : "a player has no way on from it";
    at(["nodes", id], `no ending can be reached from here: ${where}`);
  }

  // Redirect chains the runner would give up on.
  const redirected = new Set<string>();
  for (const e of exits.values()) for (const r of e.redirects) redirected.add(r);
  for (const [id, d] of redirectDepths(exits)) {
    if (d > MAX_REDIRECTS && !redirected.has(id)) {
      at(["nodes", id], `entering here starts a chain of ${d} onEnter redirects; the engine follows at most ${MAX_REDIRECTS} in a row`);
    }
  }
  return problems;
}
