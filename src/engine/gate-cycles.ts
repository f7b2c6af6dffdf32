/**
 * Stage gates that depend on themselves. A gate that tests its own gate, directly or
 * through other stages' gates, can never be decided: evaluating it recurses without end.
 * Linear in the stages and their gate tests: the strongly connected parts of the
 * "gate tests gate" graph are found once (Tarjan's algorithm, iteratively), and only a
 * gate inside a cycle is searched for the chain its message shows.
 */
import { echo, jsonPath, type Problem } from "./problems.ts";
import type { Condition, ScenarioData } from "./schema.ts";

/** Gates whose chain is spelled out; further gates in cycles are named without it (a generated file may have thousands). */
const MAX_CHAINS = 20;
/** Stages a chain shows before it is cut. */
const MAX_CHAIN_SHOWN = 8;

/** Stage ids a condition's `gate` tests mention, at any depth (iterative: nesting cannot overflow the stack). */
function gatesIn(root: Condition, out: Set<string>): Set<string> {
  const todo: Condition[] = [root];
  while (todo.length) {
    const c = todo.pop()!;
    if ("all" in c) todo.push(...c.all);
    else if ("any" in c) todo.push(...c.any);
    else if ("not" in c) todo.push(c.not);
    else if ("gate" in c) out.add(c.gate);
  }
  return out;
}

/** The strongly connected component of each node (an index), iteratively. */
function components(deps: ReadonlyMap<string, ReadonlySet<string>>): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const comp = new Map<string, number>();
  let counter = 0;
  let comps = 0;
  for (const root of deps.keys()) {
    if (index.has(root)) continue;
    const frames: Array<{ id: string; next: Iterator<string> }> = [];
    const enter = (id: string) => {
      index.set(id, counter);
      low.set(id, counter++);
      stack.push(id);
      onStack.add(id);
      frames.push({ id, next: (deps.get(id) ?? new Set<string>()).values() });
    };
    enter(root);
    while (frames.length) {
      const top = frames[frames.length - 1]!;
      const step = top.next.next();
      if (!step.done) {
        const w = step.value;
        if (!deps.has(w)) continue; // a stage without a gate depends on nothing
        if (!index.has(w)) enter(w);
        else if (onStack.has(w)) low.set(top.id, Math.min(low.get(top.id)!, index.get(w)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(top.id)!));
      if (low.get(top.id) === index.get(top.id)) {
        for (;;) {
          const w = stack.pop()!;
          onStack.delete(w);
          comp.set(w, comps);
          if (w === top.id) break;
        }
        comps++;
      }
    }
  }
  return comp;
}

/** The way from `start` back to itself through gates of its component, breadth-first (shortest). */
function chainBack(start: string, deps: ReadonlyMap<string, ReadonlySet<string>>, comp: ReadonlyMap<string, number>): string[] {
  const from = new Map<string, string>();
  const queue = [start];
  for (let k = 0; k < queue.length; k++) {
    const at = queue[k]!;
    for (const next of deps.get(at) ?? []) {
      if (next === start) {
        const way: string[] = [];
        for (let back = at; back !== start; back = from.get(back)!) way.push(back);
        return [start, ...way.reverse(), start];
      }
      if (comp.get(next) === comp.get(start) && !from.has(next)) {
        from.set(next, at);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

/** Each stage whose gate depends on itself, with the chain of gates that leads back (the first few spelled out). */
export function gateCycles(s: ScenarioData): Problem[] {
  const deps = new Map<string, Set<string>>();
  for (const st of s.stages) if (st.gate) deps.set(st.id, gatesIn(st.gate, deps.get(st.id) ?? new Set()));
  const comp = components(deps);
  const size = new Map<number, number>();
  for (const c of comp.values()) size.set(c, (size.get(c) ?? 0) + 1);
  const problems: Problem[] = [];
  const reported = new Set<string>();
  s.stages.forEach((st, i) => {
    if (!st.gate || reported.has(st.id)) return;
    const c = comp.get(st.id);
    const cyclic = c !== undefined && ((size.get(c) ?? 0) > 1 || deps.get(st.id)!.has(st.id));
    if (!cyclic) return;
    reported.add(st.id);
    let how: string;
    if (problems.length < MAX_CHAINS) {
      const chain = chainBack(st.id, deps, comp).map((id) => echo(id, 40));
      how = chain.length > MAX_CHAIN_SHOWN ? [...chain.slice(0, MAX_CHAIN_SHOWN - 1), "…", chain[chain.length - 1]!].join(" → ") : chain.join(" → ");
    } else how = `with ${(size.get(c!) ?? 1) - 1} other stage(s)' gates`;
    problems.push({ path: jsonPath(["stages", i, "gate"]), message: `this gate depends on itself (${how}), so it can never be decided` });
  });
  return problems;
}
