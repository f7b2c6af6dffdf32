/**
 * The tables of docs/authoring.md, generated from the engine's own rule table and
 * constants (so the guide cannot drift from the game): every move kind with its cost,
 * talk weight, what it needs and what it does; level thresholds; colleague pairs;
 * switching cost and tactic fit measured on the engine's functions. Pure.
 */
import {
  DEFAULT_METERS,
  DEFAULT_RESOURCES,
  initialAccount,
  LEVEL_THRESHOLDS,
  MOVE_RULES,
  PAIR_COVERS,
  PRINCIPLES,
  switchingCost,
  tacticFits,
  loadScenario,
  type MoveTag,
} from "../engine/index.ts";
import { SITUATION_LIMIT } from "../engine/moves/index.ts";
import { METER_MAX } from "../engine/core.ts";
import {
  AWARENESS_METHODS,
  CLOSE_STYLES,
  COLLEAGUES,
  DEPARTMENTS,
  FABE_PARTS,
  LISTENING_BEHAVIOURS,
  RELATIONSHIP_ACTIONS,
  SPIN_TYPES,
  TACTICS,
} from "../engine/vocabulary.ts";

const row = (cells: (string | number)[]) => `| ${cells.map((c) => String(c).replace(/\|/g, "\\|").replace(/\n/g, " ")).join(" | ")} |`;
const table = (head: string[], rows: (string | number)[][]) => [row(head), row(head.map(() => "---")), ...rows.map(row)].join("\n");

/** One example move of every variant a kind has, to read costs and talk weights off the table. */
function variants(): MoveTag[] {
  return [
    ...SPIN_TYPES.map((type): MoveTag => ({ kind: "spin", type })),
    ...FABE_PARTS.map((p): MoveTag => ({ kind: "pitch", parts: [p] })),
    { kind: "pitch", parts: ["feature", "advantage", "benefit", "evidence"] },
    ...LISTENING_BEHAVIOURS.map((behaviour): MoveTag => ({ kind: "listen", behaviour })),
    ...TACTICS.map((tactic): MoveTag => ({ kind: "tactic", tactic })),
    ...RELATIONSHIP_ACTIONS.map((action): MoveTag => (action === "bring-colleague" ? { kind: "relationship", action, colleague: "rnd" } : { kind: "relationship", action })),
    ...AWARENESS_METHODS.map((method): MoveTag => ({ kind: "awareness", method })),
    ...CLOSE_STYLES.map((style): MoveTag => ({ kind: "close", style })),
    { kind: "talk" },
    { kind: "research", fact: "x" },
    { kind: "rules", terms: "technical" },
    { kind: "screen", competitor: "x" },
  ];
}

function variantName(m: MoveTag): string {
  switch (m.kind) {
    case "spin":
      return `spin \`${m.type}\``;
    case "pitch":
      return `pitch \`${m.parts.join("+")}\``;
    case "listen":
      return `listen \`${m.behaviour}\``;
    case "tactic":
      return `tactic \`${m.tactic}\``;
    case "relationship":
      return `relationship \`${m.action}\``;
    case "awareness":
      return `awareness \`${m.method}\``;
    case "close":
      return `close \`${m.style}\``;
    default:
      return `\`${m.kind}\``;
  }
}

/** Every variant's cost (weeks, budget) and talk units (rep, client), read from MOVE_RULES. */
export function movesTable(): string {
  const rows = variants().map((m) => {
    const rule = MOVE_RULES[m.kind] as { cost(m: MoveTag): { weeks: number; budget: number }; talk(m: MoveTag): { rep: number; client: number } };
    const c = rule.cost(m);
    const t = rule.talk(m);
    return [variantName(m), c.weeks, c.budget, t.rep, t.client];
  });
  return table(["move", "weeks", "budget", "rep talks", "client talks"], rows);
}

/** What each kind needs and does, in both languages, from the table's guide entries. */
export function guideTable(): string {
  const rows = Object.entries(MOVE_RULES).map(([kind, rule]) => [`\`${kind}\``, rule.competency, rule.guide.needs.en ?? "", rule.guide.does.en ?? "", rule.guide.needs["zh-CN"] ?? "", rule.guide.does["zh-CN"] ?? ""]);
  return table(["kind", "trains", "needs", "does", "需要", "效果"], rows);
}

export function levelsTable(): string {
  return [
    table(
      ["level", "trust + interest + emotion at least", "also needs"],
      [
        ["`stranger` 陌生", 0, ""],
        ["`awareness` 认知", LEVEL_THRESHOLDS.awareness, ""],
        ["`personal-trust` 对个人信任", LEVEL_THRESHOLDS["personal-trust"], ""],
        ["`organisational-trust` 对组织信任", LEVEL_THRESHOLDS["organisational-trust"], "a colleague paired with their department"],
      ],
    ),
    "",
    `Each meter runs 0–${METER_MAX}. A stakeholder without \`meters\` starts at trust ${DEFAULT_METERS.trust}, interest ${DEFAULT_METERS.interest}, emotion ${DEFAULT_METERS.emotion}. Without \`resources\` a deal has ${DEFAULT_RESOURCES.weeks} weeks and a budget of ${DEFAULT_RESOURCES.budget}. More than ${SITUATION_LIMIT} situation questions in one meeting tire the client.`,
  ].join("\n");
}

export function pairsTable(): string {
  return table(
    ["colleague (`colleague`)", "pairs with the client's", "no counterpart in"],
    COLLEAGUES.map((c) => [`\`${c}\``, PAIR_COVERS[c].join(", "), DEPARTMENTS.filter((d) => !PAIR_COVERS[c].includes(d)).join(", ")]),
  );
}

/** A one-stakeholder scenario to measure the engine's account functions on. */
function probeScenario(strength: number, position: "incumbent" | "challenger" | "low-price") {
  return loadScenario({
    format: "dealcraft-scenario",
    formatVersion: 2,
    meta: { id: "probe", version: "1.0.0", title: { en: "p" }, summary: { en: "p" }, client: { en: "p" }, estimatedMinutes: 1, locales: ["en"] },
    cast: { a: { name: { en: "a" }, title: { en: "a" }, department: "procurement", decisionRole: "decider" }, b: { name: { en: "b" }, title: { en: "b" }, department: "finance", decisionRole: "payer" } },
    stages: [{ id: "s", pipeline: "bid" }],
    start: "n",
    nodes: { n: { lines: [{ speaker: "narrator", text: { en: "." } }], ending: "e" } },
    endings: { e: { outcome: "won", title: { en: "e" }, summary: { en: "e" } } },
    competitors: { rival: { name: { en: "r" }, position, strength } },
  });
}

/** Switching cost as the engine computes it, for a two-person client at a few points. */
export function switchingTable(): string {
  const s = probeScenario(5, "incumbent");
  const rows: (string | number)[][] = [];
  for (const deep of [0, 1, 2]) {
    for (const pairs of [0, 1, 2]) {
      for (const integration of [0, 25]) {
        const a = initialAccount(s);
        Object.values(a.stakeholders).forEach((p, i) => (p.level = i < deep ? "personal-trust" : "stranger"));
        a.pairs = COLLEAGUES.slice(0, pairs) as typeof a.pairs;
        a.integration = integration;
        rows.push([`${deep} of 2`, pairs, integration, switchingCost(a)]);
      }
    }
  }
  return table(["at personal trust or above", "colleagues paired", "integration", "switching cost"], rows);
}

/** Each tactic: when it fits, measured on tacticFits where a number decides it, and what the debrief says when it does not. */
export function tacticsTable(): string {
  const judge = (tactic: (typeof TACTICS)[number], setup: (a: ReturnType<typeof initialAccount>) => void, strength = 5, position: "incumbent" | "challenger" | "low-price" = "incumbent") => {
    const s = probeScenario(strength, position);
    const a = initialAccount(s);
    setup(a);
    return tacticFits({ scenario: s, account: a, holds: () => false }, { kind: "tactic", tactic }).fits;
  };
  const lowest = (test: (n: number) => boolean) => {
    for (let n = 0; n <= 100; n++) if (test(n)) return n;
    return undefined;
  };
  const barrier = lowest((n) => judge("barrier", (a) => (a.integration = n)));
  const frontal = lowest((n) => judge("frontal", (a) => Object.values(a.stakeholders).forEach((p) => Object.assign(p, { trust: n / 10, interest: n / 10, emotion: n / 10 }))));
  const measured: Record<string, string> = {
    barrier: barrier === undefined ? "" : `fits from switching cost ${barrier}`,
    frontal: frontal === undefined ? "" : `against a rival of strength 5, fits from our strength ${(frontal / 10).toFixed(1)} (mean meter)`,
    guerrilla: `against an incumbent of strength 5: fits at our strength 3: ${judge("guerrilla", (a) => Object.values(a.stakeholders).forEach((p) => Object.assign(p, { trust: 3, interest: 3, emotion: 3 }))) ? "yes" : "no"}; against a challenger: ${judge("guerrilla", () => {}, 5, "challenger") ? "yes" : "no"}`,
  };
  return table(
    ["tactic", "measured on the engine", "when it does not fit (the debrief)"],
    TACTICS.map((t) => {
      const principle = Object.keys(PRINCIPLES).find((p) => p.startsWith(`tactic.${t}-`));
      return [`\`${t}\``, measured[t] ?? "", principle ? (PRINCIPLES[principle]?.en ?? "") : ""];
    }),
  );
}

const BANNER = "<!-- Generated by `npm run docs:authoring` from docs/authoring.src.md and the engine's rule table; edit those, not this file. -->\n\n";

/** The guide: the hand-written source with its `{{name}}` markers filled by the generated tables. */
export function renderAuthoringDoc(template: string): string {
  return BANNER + fillTables(template);
}

function fillTables(template: string): string {
  const parts: Record<string, () => string> = {
    moves: movesTable,
    guide: guideTable,
    levels: levelsTable,
    pairs: pairsTable,
    switching: switchingTable,
    tactics: tacticsTable,
  };
  return template.replace(/\{\{(\w+)\}\}/g, (m, name: string) => (parts[name] ? parts[name]!() : m));
}
