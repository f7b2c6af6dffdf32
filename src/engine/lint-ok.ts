/**
 * Acknowledged warnings: an author marks a warning as intended on the node, option or
 * ending it is about (`lintOk: [{ rule, why }]`). A warning of that rule at that place, or
 * inside it (a node's acknowledgement covers its options), is kept and marked with the
 * reason, so the studio and the CLI show it as acknowledged instead of as a warning. An
 * acknowledgement no warning matches is itself a warning: the case it excused has gone.
 * Errors are never acknowledged. Pure, linear in the problems and the places.
 */
import { jsonPath, type Problem } from "./problems.ts";
import type { LintRule } from "./lint-rules.ts";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v);

interface Ack {
  path: PropertyKey[];
  at: string;
  rule: LintRule;
  why: Partial<Record<"zh-CN" | "en", string>>;
  used: boolean;
}

/** Every acknowledgement in a (validated, or as far as it parses) scenario, keyed by rule and place. */
function acknowledgements(data: unknown): Map<string, Ack> {
  const out = new Map<string, Ack>();
  const read = (list: unknown, path: PropertyKey[]) => {
    if (!Array.isArray(list)) return;
    list.forEach((a, i) => {
      if (!isObj(a) || typeof a.rule !== "string" || !isObj(a.why)) return;
      const at = jsonPath(path);
      const why: Ack["why"] = {};
      for (const l of ["zh-CN", "en"] as const) if (typeof a.why[l] === "string") why[l] = a.why[l];
      out.set(`${a.rule}\u241f${at}`, { path: [...path, "lintOk", i], at, rule: a.rule as LintRule, why, used: false });
    });
  };
  const d = isObj(data) ? data : {};
  for (const [id, node] of Object.entries(isObj(d.nodes) ? d.nodes : {})) {
    if (!isObj(node)) continue;
    read(node.lintOk, ["nodes", id]);
    if (Array.isArray(node.options)) node.options.forEach((o, i) => isObj(o) && read(o.lintOk, ["nodes", id, "options", i]));
  }
  for (const [id, ending] of Object.entries(isObj(d.endings) ? d.endings : {})) if (isObj(ending)) read(ending.lintOk, ["endings", id]);
  return out;
}

/** The places a problem's path is at or inside, itself first: `$.nodes.a.options[0].move` → …, `$.nodes.a.options[0]`, `$.nodes.a`. */
function enclosing(path: string): string[] {
  // Cut at each "." or "[" that starts a segment, outside quoted keys (odd keys are written as ["…"]); one pass.
  const cuts: number[] = [];
  let quoted = false;
  for (let i = 1; i < path.length; i++) {
    const c = path[i];
    if (quoted && c === "\\") i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "." || c === "[")) cuts.push(i);
  }
  return [path, ...cuts.reverse().map((i) => path.slice(0, i))];
}

/** Marks the warnings the scenario acknowledges; adds a warning for each acknowledgement nothing matched. */
export function acknowledge(problems: Problem[], data: unknown): Problem[] {
  const acks = acknowledgements(data);
  if (acks.size === 0) return problems;
  const out = problems.map((p) => {
    if (p.severity !== "warning" || !p.rule) return p;
    for (const place of enclosing(p.path)) {
      const ack = acks.get(`${p.rule}\u241f${place}`);
      if (ack) {
        ack.used = true;
        return { ...p, acknowledged: ack.why };
      }
    }
    return p;
  });
  for (const ack of acks.values()) {
    if (ack.used) continue;
    out.push({
      path: jsonPath(ack.path),
      severity: "warning",
      message: `this acknowledges a "${ack.rule}" warning at ${ack.at}, but the checker raises none there now: remove it, or move it to where the warning is`,
      rule: "lint-ok-unused",
      args: { rule: ack.rule, at: ack.at },
    });
  }
  return out;
}
