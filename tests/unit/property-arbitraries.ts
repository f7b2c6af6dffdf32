/**
 * fast-check generators for the property suites: small valid scenarios (graphs of a few
 * nodes with lines, options of every move kind, conditions and effects including random,
 * if, goto and end) and plays of them (which option to take, listening changes). A
 * generated scenario passes the schema and the references by construction; it need not
 * pass the graph lint, so runs get stuck as often as they end.
 */
import fc from "fast-check";
import {
  AWARENESS_METHODS,
  CLOSE_STYLES,
  COLLEAGUES,
  COMPARISONS,
  COMPETENCIES,
  DECISION_ROLES,
  DEPARTMENTS,
  FABE_PARTS,
  LEVELS,
  LISTENING_BEHAVIOURS,
  METERS,
  NEED_STATES,
  PARTNER_TRAITS,
  PIPELINE_STAGES,
  POSTURES,
  RELATIONSHIP_ACTIONS,
  SPIN_TYPES,
  STAGE3_TASKS,
  TACTICS,
  TASK_STATUSES,
} from "../../src/engine/index.ts";
import type { Loose } from "./scenario-builder.ts";

const txt = (s: string) => ({ "zh-CN": `「${s}」`, en: s });
const CAST = ["s0", "s1", "s2"] as const;
const NEEDS = ["n0", "n1"] as const;
const STAGES = ["st0", "st1", "st2"] as const;

/** A node id among `n` nodes. */
const nodeId = (n: number) => fc.integer({ min: 0, max: n - 1 }).map((i) => `k${i}`);
const who = (castSize: number) => fc.integer({ min: 0, max: castSize - 1 }).map((i) => CAST[i]!);
const op = fc.constantFrom(...COMPARISONS);

function conditionArb(n: number, castSize: number): fc.Arbitrary<Loose> {
  const leaf = fc.oneof(
    fc.record({ var: fc.constant("v0"), op, value: fc.integer({ min: -2, max: 12 }) }),
    fc.record({ var: fc.constant("b0"), op: fc.constantFrom("==", "!="), value: fc.boolean() }),
    fc.record({ stage: fc.constantFrom(...STAGES), op: fc.option(op, { nil: undefined }) }).map(dropUndefined),
    fc.record({ visited: nodeId(n) }),
    fc.record({ level: who(castSize), op, value: fc.constantFrom(...LEVELS) }),
    fc.record({ count: fc.record({ level: fc.constantFrom(...LEVELS) }), op, value: fc.integer({ min: 0, max: 3 }) }),
    fc.record({ need: fc.record({ who: who(castSize), need: fc.constantFrom(...NEEDS) }), value: fc.constantFrom(...NEED_STATES) }),
    fc.record({ meter: fc.record({ who: who(castSize), meter: fc.constantFrom(...METERS) }), op, value: fc.integer({ min: 0, max: 10 }) }),
    fc.record({ task: fc.constantFrom(...STAGE3_TASKS), value: fc.constantFrom(...TASK_STATUSES) }),
    fc.record({ figure: fc.constantFrom("weeks", "budget", "risk", "switching-cost"), op, value: fc.integer({ min: 0, max: 20 }) }),
    fc.record({ noted: fc.constant("t0") }),
    fc.record({ researched: fc.constant("f0") }),
    fc.record({ gate: fc.constantFrom(...STAGES) }),
    fc.record({ excluded: fc.constant("c0") }),
    fc.record({ pair: fc.constantFrom(...COLLEAGUES) }),
  );
  return fc.oneof(
    { weight: 4, arbitrary: leaf },
    { weight: 1, arbitrary: fc.record({ not: leaf }) },
    { weight: 1, arbitrary: fc.record({ all: fc.array(leaf, { minLength: 1, maxLength: 2 }) }) },
    { weight: 1, arbitrary: fc.record({ any: fc.array(leaf, { minLength: 1, maxLength: 2 }) }) },
  );
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function effectArb(n: number, castSize: number): fc.Arbitrary<Loose> {
  const cond = conditionArb(n, castSize);
  const { effect } = fc.letrec<{ effect: Loose }>((tie) => ({
    effect: fc.oneof(
      { maxDepth: 2, depthSize: "small" },
      fc.record({ set: fc.constant("v0"), value: fc.integer({ min: -5, max: 15 }) }),
      fc.record({ set: fc.constant("b0"), value: fc.boolean() }),
      fc.record({ add: fc.constant("v0"), value: fc.integer({ min: -3, max: 3 }) }),
      fc.record({ goto: nodeId(n) }),
      fc.record({ stage: fc.constantFrom(...STAGES) }),
      fc.record({ end: fc.constantFrom("e0", "e1") }),
      fc.record({
        score: fc.record({ competency: fc.constantFrom(...COMPETENCIES), points: fc.integer({ min: -20, max: 20 }), explain: fc.constant(txt("why")) }),
      }),
      fc.record({ meter: fc.record({ who: who(castSize), trust: fc.integer({ min: -3, max: 3 }), emotion: fc.integer({ min: -3, max: 3 }) }) }),
      fc.record({ need: fc.record({ who: who(castSize), need: fc.constantFrom(...NEEDS), to: fc.constantFrom(...NEED_STATES) }) }),
      fc.record({ task: fc.constantFrom(...STAGE3_TASKS), status: fc.constantFrom(...TASK_STATUSES) }),
      fc.record({ figure: fc.constantFrom("weeks", "budget", "risk", "integration"), by: fc.integer({ min: -4, max: 4 }) }),
      fc.record({ note: fc.constant("t0") }),
      fc.record({ exclude: fc.constant("c0") }),
      fc.record({ trait: fc.constantFrom(...PARTNER_TRAITS) }),
      fc.record({ if: cond, then: fc.array(tie("effect"), { maxLength: 2 }), else: fc.array(tie("effect"), { maxLength: 2 }) }),
      fc.record({ random: fc.array(fc.record({ weight: fc.integer({ min: 1, max: 5 }), effects: fc.array(tie("effect"), { maxLength: 2 }) }), { minLength: 1, maxLength: 3 }) }),
    ),
  }));
  return effect;
}

/** A move tag of any kind, with the `to` it needs. */
function moveArb(castSize: number): fc.Arbitrary<{ move: Loose; to?: string }> {
  const aNeed = fc.option(fc.constantFrom(...NEEDS), { nil: undefined });
  return fc.oneof(
    fc.record({ type: fc.constantFrom(...SPIN_TYPES), need: aNeed, to: who(castSize) }).map(({ type, need, to }) => ({ move: dropUndefined({ kind: "spin", type, need }), to })),
    fc.record({ parts: fc.subarray([...FABE_PARTS], { minLength: 1 }), need: aNeed, to: who(castSize) }).map(({ parts, need, to }) => ({ move: dropUndefined({ kind: "pitch", parts, need }), to })),
    fc.constantFrom(...LISTENING_BEHAVIOURS).map((behaviour) => ({ move: { kind: "listen", behaviour } })),
    fc.record({ tactic: fc.constantFrom(...TACTICS), against: fc.option(fc.constant("c0"), { nil: undefined }) }).map((m) => ({ move: dropUndefined({ kind: "tactic", ...m }) })),
    fc.record({ action: fc.constantFrom(...RELATIONSHIP_ACTIONS), value: fc.integer({ min: 0, max: 5 }), colleague: fc.constantFrom(...COLLEAGUES), to: who(castSize) }).map(({ action, value, colleague, to }) => ({
      move: action === "bring-colleague" ? { kind: "relationship", action, colleague } : { kind: "relationship", action, value },
      to,
    })),
    fc.constantFrom(...AWARENESS_METHODS).map((method) => ({ move: { kind: "awareness", method } })),
    fc.constantFrom(...CLOSE_STYLES).map((style) => ({ move: { kind: "close", style } })),
    fc.constant({ move: { kind: "talk" } }),
    fc.constant({ move: { kind: "research", fact: "f0" } }),
    fc.constantFrom("technical", "commercial").map((terms) => ({ move: { kind: "rules", terms } })),
    fc.constant({ move: { kind: "screen", competitor: "c0" } }),
  );
}

function nodeArb(n: number, castSize: number): fc.Arbitrary<Loose> {
  const effects = fc.array(effectArb(n, castSize), { maxLength: 3 });
  const option = fc.record({
    mv: moveArb(castSize),
    condition: fc.option(conditionArb(n, castSize), { nil: undefined, freq: 3 }),
    effects: fc.option(effects, { nil: undefined }),
    next: nodeId(n),
    cost: fc.option(fc.record({ weeks: fc.integer({ min: 0, max: 3 }), budget: fc.integer({ min: 0, max: 3 }) }), { nil: undefined, freq: 3 }),
  });
  const speaker = fc.oneof(fc.constantFrom("narrator", "rep"), who(castSize));
  return fc.record({
    meeting: fc.constantFrom(undefined, "m0", "m1"),
    notes: fc.option(fc.constant(["t0"]), { nil: undefined, freq: 4 }),
    lines: fc.array(fc.record({ speaker, text: fc.constant(txt("line")) }), { minLength: 1, maxLength: 3 }),
    onEnter: fc.option(effects, { nil: undefined, freq: 3 }),
    way: fc.oneof(
      { weight: 4, arbitrary: fc.array(option, { minLength: 1, maxLength: 4 }).map((opts) => ({ options: opts })) },
      { weight: 1, arbitrary: nodeId(n).map((next) => ({ next })) },
      { weight: 1, arbitrary: fc.constantFrom("e0", "e1").map((ending) => ({ ending })) },
    ),
  }).map(({ meeting, notes, lines, onEnter, way }) => {
    const node: Loose = dropUndefined({ meeting, notes, lines, onEnter });
    if ("options" in way) {
      node.options = way.options.map((o: Loose, i: number) => dropUndefined({ id: `o${i}`, text: txt(`option ${i}`), move: o.mv.move, to: o.mv.to, condition: o.condition, effects: o.effects, next: o.next, cost: o.cost }));
    } else Object.assign(node, way);
    return node;
  });
}

/** A small valid scenario as JSON data (load it with loadScenario). */
export const scenarioArb: fc.Arbitrary<Loose> = fc
  .record({ n: fc.integer({ min: 2, max: 7 }), castSize: fc.integer({ min: 1, max: 3 }) })
  .chain(({ n, castSize }) =>
    fc.record({
      n: fc.constant(n),
      castSize: fc.constant(castSize),
      nodes: fc.array(nodeArb(n, castSize), { minLength: n, maxLength: n }),
      resources: fc.option(fc.record({ weeks: fc.integer({ min: 0, max: 14 }), budget: fc.integer({ min: 0, max: 12 }) }), { nil: undefined }),
      // A stage's gate must not test gates (a gate ring is refused by the loader).
      gate: fc.option(conditionArb(n, castSize).filter((c) => !JSON.stringify(c).includes('"gate"')), { nil: undefined, freq: 3 }),
      policy: fc.boolean(),
      departments: fc.array(fc.constantFrom(...DEPARTMENTS), { minLength: castSize, maxLength: castSize }),
      roles: fc.array(fc.constantFrom(...DECISION_ROLES), { minLength: castSize, maxLength: castSize }),
      power: fc.integer({ min: 0, max: 5 }),
    }),
  )
  .map(({ castSize, nodes, resources, gate, policy, departments, roles, power }) => {
    const cast: Loose = {};
    for (let i = 0; i < castSize; i++) {
      cast[CAST[i]!] = {
        name: txt(`P${i}`),
        title: txt("Staff"),
        department: departments[i],
        decisionRole: roles[i],
        needs: Object.fromEntries(NEEDS.map((nd) => [nd, { implied: txt("implied"), explicit: txt("explicit") }])),
      };
    }
    return dropUndefined({
      format: "dealcraft-scenario",
      formatVersion: 2,
      meta: { id: "generated", version: "1.0.0", title: txt("Generated"), summary: txt("A generated scenario."), client: txt("Gen Co."), estimatedMinutes: 1, locales: ["zh-CN", "en"] },
      cast,
      stages: STAGES.map((id, i) => dropUndefined({ id, pipeline: PIPELINE_STAGES[i + 1]!, gate: i === 2 ? gate : undefined })),
      variables: { v0: { initial: 0, min: 0, max: 10 }, b0: { initial: false } },
      start: "k0",
      nodes: Object.fromEntries(nodes.map((node, i) => [`k${i}`, node])),
      endings: { e0: { outcome: "won", title: txt("Won"), summary: txt("Won.") }, e1: { outcome: "lost-bid", title: txt("Lost"), summary: txt("Lost.") } },
      meetings: { m0: { title: txt("Meeting 0") }, m1: { title: txt("Meeting 1"), weeks: 2 } },
      notes: { t0: txt("A note.") },
      research: { f0: txt("A fact.") },
      competitors: { c0: { name: txt("Rival"), position: "incumbent", strength: 5 } },
      competitorScript: [{ at: "m0", competitor: "c0", moves: [{ weight: 1, action: "relationship", power, news: txt("Rival news.") }, { weight: 1, action: "price-cut", power, news: txt("Rival cuts.") }] }],
      resources,
      policy: policy ? { giftCap: 3, riskLimit: 6, disqualifiedEnding: "e1" } : undefined,
    });
  });

/** One step of a play: which offered option to take (modulo how many), and maybe a new listening stance. */
export interface PlayStep {
  pick: number;
  listen?: { posture: (typeof POSTURES)[number]; notes: boolean };
}

export const playArb: fc.Arbitrary<PlayStep[]> = fc.array(
  fc.record({
    pick: fc.nat({ max: 7 }),
    listen: fc.option(fc.record({ posture: fc.constantFrom(...POSTURES), notes: fc.boolean() }), { nil: undefined, freq: 4 }),
  }).map(dropUndefined),
  { minLength: 10, maxLength: 60 },
);
