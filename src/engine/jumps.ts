/**
 * Which jumps in a list of effects can take effect. Effects run in order: a `goto` only
 * records where to go, so a later `goto` or `end` replaces it (the last jump wins), and an
 * `end` stops the list, so nothing after it runs. A jump that a later one always replaces,
 * or that runs only after an `end` that always comes first, never happens: the graph
 * checks follow only the jumps that can win, and the checker flags the others with their
 * JSON paths. Pure and linear in the effects.
 */
import type { Effect } from "./schema.ts";

/** A jump that cannot win on every path (`never`), or can lose to a later one on some (`sometimes`). */
export interface LostJump {
  path: PropertyKey[];
  kind: "goto" | "end";
  /** never: it never takes effect; sometimes: a later jump replaces it on some paths. */
  when: "never" | "sometimes";
  /** A later jump replaces it, or an earlier end stops the list before it. */
  why: "replaced" | "after-end";
}

/** Where a list of effects can send the flow, counting only jumps that can win. */
export interface Jumps {
  /** Nodes a winning goto may lead to. */
  targets: Set<string>;
  /** Endings a winning end may reach. */
  endings: Set<string>;
  /** A goto or an end on every path: whatever follows the effects never runs. */
  leaves: boolean;
  /** Some path ends the run. */
  ends: boolean;
  lost: LostJump[];
}

const always = (list: readonly Effect[] | undefined): boolean => (list ?? []).some(alwaysLeaves);
const sometimes = (list: readonly Effect[] | undefined): boolean => (list ?? []).some(mayLeave);

function alwaysLeaves(e: Effect): boolean {
  if ("goto" in e || "end" in e) return true;
  if ("if" in e) return always(e.then) && always(e.else);
  if ("random" in e) return e.random.every((b) => always(b.effects));
  return false;
}

function mayLeave(e: Effect): boolean {
  if ("goto" in e || "end" in e) return true;
  if ("if" in e) return sometimes(e.then) || sometimes(e.else);
  if ("random" in e) return e.random.some((b) => sometimes(b.effects));
  return false;
}

function alwaysEnds(e: Effect): boolean {
  if ("end" in e) return true;
  if ("if" in e) return (e.then ?? []).some(alwaysEnds) && (e.else ?? []).some(alwaysEnds);
  if ("random" in e) return e.random.every((b) => b.effects.some(alwaysEnds));
  return false;
}

/**
 * The jumps of `effects` at JSON path `path` (the list's own path, e.g. ["nodes", "a",
 * "onEnter"]). `into` collects targets across several lists (a node's options).
 */
export function jumpsOf(effects: readonly Effect[] | undefined, path: PropertyKey[] = [], into?: Jumps): Jumps {
  const out: Jumps = into ?? { targets: new Set(), endings: new Set(), leaves: false, ends: false, lost: [] };
  const list = effects ?? [];
  const leaves = always(list);
  scan(list, path, { always: false, some: false }, out);
  out.leaves ||= leaves;
  return out;
}

/** `after`: whether what runs after this list (in the lists around it) leaves on every path, or on some. */
function scan(list: readonly Effect[], path: PropertyKey[], after: { always: boolean; some: boolean }, out: Jumps): void {
  // Backward: does the rest of the list (and what follows it) jump, always or sometimes?
  const restAlways: boolean[] = new Array(list.length);
  const restSome: boolean[] = new Array(list.length);
  let a = after.always;
  let s = after.some;
  for (let i = list.length - 1; i >= 0; i--) {
    restAlways[i] = a;
    restSome[i] = s;
    a ||= alwaysLeaves(list[i]!);
    s ||= mayLeave(list[i]!);
  }
  let ended = false; // an end earlier in this list always stopped it
  list.forEach((e, i) => {
    const at = [...path, i];
    if (ended) {
      if ("goto" in e || "end" in e) out.lost.push({ path: at, kind: "goto" in e ? "goto" : "end", when: "never", why: "after-end" });
      return;
    }
    if ("goto" in e) {
      if (restAlways[i]) out.lost.push({ path: at, kind: "goto", when: "never", why: "replaced" });
      else {
        if (restSome[i]) out.lost.push({ path: at, kind: "goto", when: "sometimes", why: "replaced" });
        out.targets.add(e.goto);
      }
    } else if ("end" in e) {
      out.endings.add(e.end);
      out.ends = true;
    } else if ("if" in e) {
      const inner = { always: restAlways[i]!, some: restSome[i]! };
      scan(e.then, [...at, "then"], inner, out);
      if (e.else) scan(e.else, [...at, "else"], inner, out);
    } else if ("random" in e) {
      e.random.forEach((b, j) => scan(b.effects, [...at, "random", j, "effects"], { always: restAlways[i]!, some: restSome[i]! }, out));
    }
    if (alwaysEnds(e)) ended = true;
  });
}
