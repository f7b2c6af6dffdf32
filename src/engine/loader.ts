import {
  PIPELINE_STAGES,
  ScenarioSchema,
  SCENARIO_FORMAT,
  SCENARIO_FORMAT_VERSION,
  type Condition,
  type Effect,
  type ScenarioData,
  type VarValue,
} from "./schema.ts";
import { echo, jsonPath, listed, notUnder, ScenarioError, type Problem } from "./problems.ts";
import { zodProblems } from "./zod-problems.ts";
import { freezeScenarioData, hasId } from "./freeze.ts";
import { gateCycles } from "./gate-cycles.ts";

/** Speakers that need no cast entry. */
export const RESERVED_SPEAKERS = ["narrator", "rep"] as const;

/** A validated, reference-checked scenario; deeply frozen at run time (Object.freeze). */
export type Scenario = ScenarioData;

/**
 * Validates scenario JSON (already parsed) and returns it frozen, or throws a
 * ScenarioError listing every problem as `JSON-path: message`.
 */
export function loadScenario(json: unknown, source = "scenario"): Scenario {
  const problems = validateScenario(json);
  if (problems.problems.length > 0 || !problems.data) throw new ScenarioError(problems.problems, source);
  return freezeScenario(problems.data);
}

/**
 * Deep-freezes validated scenario data so nothing in a host can change it during play, with
 * every id-keyed table prototype-free (ids like `constructor` are only names).
 */
export function freezeScenario(data: ScenarioData): Scenario {
  return freezeScenarioData(data);
}

/**
 * Format 1 → 2. Version 2 only added optional parts (stakeholder meters and needs,
 * meetings, notes, research, competitors, resources, compliance policy, new conditions,
 * effects and move kinds), so a v1 file is a valid v2 file once relabelled. Author
 * `score` effects now add bonus points to 0-100 competencies.
 */
export function migrateV1(raw: Record<string, unknown>): Record<string, unknown> {
  return { ...raw, formatVersion: 2 };
}

/** Like loadScenario, but returns the problems instead of throwing (the checker's entry). */
export function validateScenario(input: unknown): { data?: ScenarioData; problems: Problem[] } {
  let json = input;
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    const got = json === null ? "null" : Array.isArray(json) ? "an array" : typeof json;
    return { problems: [{ path: "$", message: `expected a scenario object, got ${got}` }] };
  }
  const raw = input as Record<string, unknown>;
  if (raw.format !== undefined && raw.format !== SCENARIO_FORMAT) {
    return {
      problems: [{ path: "$.format", message: `expected "${SCENARIO_FORMAT}"; this is not a Dealcraft scenario` }],
    };
  }
  if (raw.formatVersion === 1) json = migrateV1(raw);
  if (typeof raw.formatVersion === "number" && raw.formatVersion > SCENARIO_FORMAT_VERSION) {
    return {
      problems: [
        {
          path: "$.formatVersion",
          message: `written for scenario format ${raw.formatVersion}; this build reads up to ${SCENARIO_FORMAT_VERSION}. Update Dealcraft.`,
        },
      ],
    };
  }
  const parsed = ScenarioSchema.safeParse(json);
  if (parsed.success) return { data: parsed.data, problems: checkReferences(parsed.data) };
  const problems = zodProblems(parsed.error.issues);
  // Also report broken references in the parts that are well-formed, so an author sees
  // every problem in one pass. Where the shape is wrong the walk may throw: the schema
  // problems above already cover that part.
  try {
    problems.push(...notUnder(checkReferences(json as ScenarioData), problems));
  } catch {
    // shape too broken to follow references; the schema problems stand alone
  }
  return { problems };
}

function kindOf(v: VarValue): "number" | "boolean" | "string" {
  return typeof v as "number" | "boolean" | "string";
}

/** Every id a scenario mentions must name something it declares, with the right type. */
function checkReferences(s: ScenarioData): Problem[] {
  const problems: Problem[] = [];
  const at = (segments: PropertyKey[], message: string) => problems.push({ path: jsonPath(segments), message });
  const nodeIds = new Set(Object.keys(s.nodes));
  // Every lookup below is an own-property test: an id such as "constructor" must name an
  // entry the author declared, not something every object inherits.
  const stageIds = new Set<string>();
  const vars = s.variables ?? {};
  // What a message lists beside a broken reference, built once per table: a file with
  // thousands of broken references must not list thousands of ids for each.
  const lists = new Map<object, string>();
  const list = (table: object | undefined, keys: () => readonly string[] = () => Object.keys(table ?? {})) => {
    if (!table) return "(none)";
    let text = lists.get(table);
    if (text === undefined) lists.set(table, (text = listed(keys())));
    return text;
  };
  // Option ids per node, for `chosen` conditions: built once per node, not once per condition.
  const optionIdsOf = new Map<string, Set<string>>();
  const optionIdsIn = (nodeId: string, node: ScenarioData["nodes"][string]) => {
    let ids = optionIdsOf.get(nodeId);
    if (!ids) optionIdsOf.set(nodeId, (ids = new Set((node.options ?? []).map((o) => o.id))));
    return ids;
  };

  s.stages.forEach((st, i) => {
    if (stageIds.has(st.id)) at(["stages", i, "id"], `duplicate stage id "${echo(st.id)}"`);
    stageIds.add(st.id);
  });
  for (let i = 1; i < s.stages.length; i++) {
    if (PIPELINE_STAGES.indexOf(s.stages[i]!.pipeline) < PIPELINE_STAGES.indexOf(s.stages[i - 1]!.pipeline)) {
      at(["stages", i, "pipeline"], "stages must follow the pipeline order research → awareness → shortlist → bid → keep-grow");
    }
  }
  for (const [name, v] of Object.entries(vars)) {
    if (v.min !== undefined && v.max !== undefined && v.min > v.max) at(["variables", name, "min"], "min is above max");
    if ((v.min !== undefined || v.max !== undefined) && typeof v.initial !== "number") {
      at(["variables", name], "min/max apply only to number variables");
    }
    if (typeof v.initial === "number" && ((v.min !== undefined && v.initial < v.min) || (v.max !== undefined && v.initial > v.max))) {
      at(["variables", name, "initial"], "initial value is outside min..max");
    }
  }
  if (!nodeIds.has(s.start)) at(["start"], `no node "${echo(s.start)}"; nodes: ${list(s.nodes)}`);

  const needNode = (id: string, path: PropertyKey[]) => {
    if (!nodeIds.has(id)) at(path, `no node "${echo(id)}"`);
  };
  const needStage = (id: string, path: PropertyKey[]) => {
    if (!stageIds.has(id)) at(path, `no stage "${echo(id)}"; stages: ${list(stageIds, () => [...stageIds])}`);
  };
  const needVar = (name: string, path: PropertyKey[], kind?: string) => {
    const v = hasId(vars, name) ? vars[name] : undefined;
    if (!v) return at(path, `no variable "${echo(name)}"; declare it under $.variables`);
    if (kind && kindOf(v.initial) !== kind) at(path, `variable "${echo(name)}" holds a ${kindOf(v.initial)}, not a ${kind}`);
  };

  const needWho = (who: string, path: PropertyKey[]) => {
    if (!hasId(s.cast, who)) at(path, `no cast member "${echo(who)}"; cast: ${list(s.cast)}`);
  };
  const needNeed = (who: string, need: string, path: PropertyKey[]) => {
    const c = hasId(s.cast, who) ? s.cast[who] : undefined;
    if (c && !hasId(c.needs, need)) at(path, `"${echo(who)}" has no need "${echo(need)}"; needs: ${list(c.needs)}`);
  };
  const needCompetitor = (id: string, path: PropertyKey[]) => {
    if (!hasId(s.competitors, id)) at(path, `no competitor "${echo(id)}"; competitors: ${list(s.competitors)}`);
  };
  const needNote = (id: string, path: PropertyKey[]) => {
    if (!hasId(s.notes, id)) at(path, `no note "${echo(id)}"; declare it under $.notes`);
  };
  const needFact = (id: string, path: PropertyKey[]) => {
    if (!hasId(s.research, id)) at(path, `no research fact "${echo(id)}"; declare it under $.research`);
  };

  const checkCondition = (c: Condition, path: PropertyKey[]): void => {
    if ("all" in c) c.all.forEach((x, i) => checkCondition(x, [...path, "all", i]));
    else if ("any" in c) c.any.forEach((x, i) => checkCondition(x, [...path, "any", i]));
    else if ("not" in c) checkCondition(c.not, [...path, "not"]);
    else if ("var" in c) {
      needVar(c.var, [...path, "var"], kindOf(c.value));
      const v = hasId(vars, c.var) ? vars[c.var] : undefined;
      if (v && typeof v.initial !== "number" && !["==", "!="].includes(c.op)) {
        at([...path, "op"], `"${echo(c.op)}" compares numbers; "${echo(c.var)}" is not a number`);
      }
    } else if ("stage" in c) needStage(c.stage, [...path, "stage"]);
    else if ("visited" in c) needNode(c.visited, [...path, "visited"]);
    else if ("level" in c) needWho(c.level, [...path, "level"]);
    else if ("need" in c) {
      needWho(c.need.who, [...path, "need", "who"]);
      needNeed(c.need.who, c.need.need, [...path, "need", "need"]);
    } else if ("meter" in c) needWho(c.meter.who, [...path, "meter", "who"]);
    else if ("noted" in c) needNote(c.noted, [...path, "noted"]);
    else if ("researched" in c) needFact(c.researched, [...path, "researched"]);
    else if ("gate" in c) needStage(c.gate, [...path, "gate"]);
    else if ("excluded" in c) needCompetitor(c.excluded, [...path, "excluded"]);
    else if ("chosen" in c) {
      const n = hasId(s.nodes, c.chosen.node) ? s.nodes[c.chosen.node] : undefined;
      if (!n) at([...path, "chosen", "node"], `no node "${echo(c.chosen.node)}"`);
      else if (!optionIdsIn(c.chosen.node, n).has(c.chosen.option)) {
        at([...path, "chosen", "option"], `node "${echo(c.chosen.node)}" has no option "${echo(c.chosen.option)}"`);
      }
    }
  };

  const checkEffects = (effects: readonly Effect[], path: PropertyKey[], optionIds: Set<string>): void => {
    effects.forEach((e, i) => {
      const p = [...path, i];
      if ("set" in e) needVar(e.set, [...p, "set"], kindOf(e.value));
      else if ("add" in e) needVar(e.add, [...p, "add"], "number");
      else if ("goto" in e) needNode(e.goto, [...p, "goto"]);
      else if ("stage" in e) needStage(e.stage, [...p, "stage"]);
      else if ("end" in e) {
        if (!hasId(s.endings, e.end)) at([...p, "end"], `no ending "${echo(e.end)}"; endings: ${list(s.endings)}`);
      } else if ("score" in e) {
        if (e.score.better !== undefined && !optionIds.has(e.score.better)) {
          at([...p, "score", "better"], `no option "${echo(e.score.better)}" in this node`);
        }
      } else if ("if" in e) {
        checkCondition(e.if, [...p, "if"]);
        checkEffects(e.then, [...p, "then"], optionIds);
        if (e.else) checkEffects(e.else, [...p, "else"], optionIds);
      } else if ("random" in e) {
        e.random.forEach((b, j) => checkEffects(b.effects, [...p, "random", j, "effects"], optionIds));
      } else if ("meter" in e) needWho(e.meter.who, [...p, "meter", "who"]);
      else if ("need" in e) {
        needWho(e.need.who, [...p, "need", "who"]);
        needNeed(e.need.who, e.need.need, [...p, "need", "need"]);
      } else if ("note" in e) needNote(e.note, [...p, "note"]);
      else if ("research" in e) needFact(e.research, [...p, "research"]);
      else if ("exclude" in e) needCompetitor(e.exclude, [...p, "exclude"]);
    });
  };

  s.stages.forEach((st, i) => {
    if (st.gate) checkCondition(st.gate, ["stages", i, "gate"]);
  });
  problems.push(...gateCycles(s));
  (s.competitorScript ?? []).forEach((entry, i) => {
    if (!hasId(s.meetings, entry.at)) at(["competitorScript", i, "at"], `no meeting "${echo(entry.at)}"; meetings: ${list(s.meetings)}`);
    needCompetitor(entry.competitor, ["competitorScript", i, "competitor"]);
    entry.moves.forEach((m, j) => {
      if (m.target !== undefined) needWho(m.target, ["competitorScript", i, "moves", j, "target"]);
    });
  });
  if (s.setup) checkEffects(s.setup, ["setup"], new Set());
  for (const [id, m] of Object.entries(s.meetings ?? {})) {
    if (m.cutShort) needNode(m.cutShort.goto, ["meetings", id, "cutShort", "goto"]);
  }
  if (s.policy && !hasId(s.endings, s.policy.disqualifiedEnding)) {
    at(["policy", "disqualifiedEnding"], `no ending "${echo(s.policy.disqualifiedEnding)}"`);
  }

  for (const [nodeId, node] of Object.entries(s.nodes)) {
    const base: PropertyKey[] = ["nodes", nodeId];
    node.lines.forEach((line, i) => {
      if (!(RESERVED_SPEAKERS as readonly string[]).includes(line.speaker) && !hasId(s.cast, line.speaker)) {
        at([...base, "lines", i, "speaker"], `no cast member "${echo(line.speaker)}"; cast: ${list(s.cast)}, or narrator / rep`);
      }
      if (line.when) checkCondition(line.when, [...base, "lines", i, "when"]);
    });
    if (node.lines.every((l) => l.when !== undefined)) {
      at([...base, "lines"], "every line has a `when`: give at least one line without one, so the node always says something");
    }
    const optionIds = optionIdsIn(nodeId, node);
    if (node.meeting !== undefined && !hasId(s.meetings, node.meeting)) {
      at([...base, "meeting"], `no meeting "${echo(node.meeting)}"; declare it under $.meetings`);
    }
    node.notes?.forEach((n, i) => needNote(n, [...base, "notes", i]));
    if (node.onEnter) checkEffects(node.onEnter, [...base, "onEnter"], optionIds);
    if (node.next !== undefined) needNode(node.next, [...base, "next"]);
    if (node.ending !== undefined && !hasId(s.endings, node.ending)) {
      at([...base, "ending"], `no ending "${echo(node.ending)}"; endings: ${list(s.endings)}`);
    }
    const seen = new Set<string>();
    node.options?.forEach((o, i) => {
      const p = [...base, "options", i];
      if (seen.has(o.id)) at([...p, "id"], `duplicate option id "${echo(o.id)}" in node "${echo(nodeId)}"`);
      seen.add(o.id);
      if (o.to !== undefined && !hasId(s.cast, o.to)) at([...p, "to"], `no cast member "${echo(o.to)}"`);
      const m = o.move;
      if ((m.kind === "spin" || m.kind === "pitch") && m.need !== undefined) {
        if (o.to === undefined) at([...p, "move", "need"], `a move about a need must say whom it is addressed to ("to")`);
        else needNeed(o.to, m.need, [...p, "move", "need"]);
      }
      if (m.kind === "spin" && m.fact !== undefined) needFact(m.fact, [...p, "move", "fact"]);
      if (m.kind === "research") needFact(m.fact, [...p, "move", "fact"]);
      if (m.kind === "screen") needCompetitor(m.competitor, [...p, "move", "competitor"]);
      if (m.kind === "tactic" && m.against !== undefined) needCompetitor(m.against, [...p, "move", "against"]);
      if (m.kind === "tactic" && m.fits) checkCondition(m.fits, [...p, "move", "fits"]);
      if (m.kind === "relationship" && m.action === "bring-colleague" && m.colleague === undefined) {
        at([...p, "move", "colleague"], "bring-colleague needs a colleague: service, sales-manager, executive or rnd");
      }
      if (o.condition) checkCondition(o.condition, [...p, "condition"]);
      if (o.effects) checkEffects(o.effects, [...p, "effects"], optionIds);
      if (o.next !== undefined) needNode(o.next, [...p, "next"]);
    });
  }
  return problems;
}

