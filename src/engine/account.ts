/**
 * The account model: everything the engine tracks about the client organisation and the
 * rep's position in it (DOMAIN.md §1-6). Plain JSON inside RunState; the helpers here are
 * pure functions of it.
 */
import type { Scenario } from "./loader.ts";
import { LEVELS, NEED_STATES, STAGE3_TASKS, type Temperament, type Colleague, type Department, type Level, type NeedState, type Posture, type Stage3Task, type TaskStatus } from "./vocabulary.ts";
import { derivedOnce } from "./derived.ts";

/** One stakeholder's relationship: three meters (0-10 each), the level they add up to, and needs. */
export interface StakeholderState {
  trust: number;
  interest: number;
  emotion: number;
  level: Level;
  needs: Record<string, NeedState>;
  /** Rapport gestures received (reciprocity, care…): each repeat is worth less. */
  rapport: number;
  /** Small talk / compliments received: the course warns flattery has sharply diminishing returns. */
  smalltalk: number;
  /** This run's temperament, where the scenario gives one (drawn from the seed as the run begins). */
  temperament?: Temperament;
}

/** The meeting in progress: turns, talk units, situation questions asked, listening stance. */
export interface MeetingState {
  id: string;
  /** Choices made in this meeting: a talk share is judged only where the player had a say. */
  turns: number;
  /** Talk units: the rep's and the client's, for the talk share. */
  rep: number;
  client: number;
  situation: number;
  posture: Posture;
  notes: boolean;
  /** Notes heard but not written down; at the meeting's end some are forgotten. */
  unnoted: string[];
  /** Need progress per stakeholder at the last summary, to judge "the right moment". */
  summarisedAt: Record<string, number>;
  engagedCredited: boolean;
}

export interface CompetitorState {
  /** The competitor's standing with the client, 0-100. */
  standing: number;
  excluded: boolean;
}

export interface AccountState {
  stakeholders: Record<string, StakeholderState>;
  /** Colleagues brought into the account (each pairs with a department). The rep's own pair is implicit. */
  pairs: Colleague[];
  weeks: number;
  budget: number;
  /** Compliance risk from gifts over the policy cap. */
  risk: number;
  /** Integration with the client (terms, systems, processes): part of the switching cost, 0-100. */
  integration: number;
  objections: number;
  pricePressure: number;
  /** Price given away so far, in points of the list price (0-100): margin the deal no longer has. */
  concessions: number;
  /** `who/need` of needs made explicit without an implication question: the value behind them is thin. */
  shallow: string[];
  researched: string[];
  notebook: string[];
  forgotten: string[];
  meeting: MeetingState | null;
  /** Talk share per finished meeting, 0..1 (the rep's share). */
  talk: Record<string, number>;
  tasks: Record<Stage3Task, TaskStatus>;
  competitors: Record<string, CompetitorState>;
  traits: string[];
}

export const DEFAULT_METERS = { trust: 1, interest: 2, emotion: 3 } as const;
export const DEFAULT_RESOURCES = { weeks: 12, budget: 10 } as const;

/** Which client department each colleague pairs with (关系雪球: 服务人员-使用人员, 销售经理-采购经理, 公司高层-客户高层, 公司研发-客户研发). */
export const PAIR_COVERS: Record<Colleague, Department[]> = {
  service: ["users"],
  "sales-manager": ["procurement", "finance"],
  executive: ["executive"],
  rnd: ["technical"],
};

/** Meter sum thresholds (of 30) for each level above stranger. */
export const LEVEL_THRESHOLDS = { awareness: 9, "personal-trust": 16, "organisational-trust": 22 } as const;

export function levelIndex(level: Level): number {
  return LEVELS.indexOf(level);
}
export function needIndex(state: NeedState): number {
  return NEED_STATES.indexOf(state);
}

/** Trust + interest + emotion = relationship; organisational trust also needs a colleague paired with their department. */
export function computeLevel(s: Pick<StakeholderState, "trust" | "interest" | "emotion">, department: Department, pairs: readonly Colleague[]): Level {
  const sum = s.trust + s.interest + s.emotion;
  if (sum >= LEVEL_THRESHOLDS["organisational-trust"] && pairs.some((p) => PAIR_COVERS[p].includes(department))) {
    return "organisational-trust";
  }
  if (sum >= LEVEL_THRESHOLDS["personal-trust"]) return "personal-trust";
  if (sum >= LEVEL_THRESHOLDS.awareness) return "awareness";
  return "stranger";
}

/** The account as a run of `scenario` starts: a fresh copy of a per-scenario template (built once). */
export function initialAccount(scenario: Scenario): AccountState {
  const t = accountTemplate(scenario);
  const stakeholders: Record<string, StakeholderState> = {};
  for (const id in t.stakeholders) {
    const st = t.stakeholders[id]!;
    stakeholders[id] = { ...st, needs: { ...st.needs } };
  }
  const competitors: Record<string, CompetitorState> = {};
  for (const id in t.competitors) competitors[id] = { ...t.competitors[id]! };
  return { ...t, ...emptyRecords(), stakeholders, pairs: [...t.pairs], tasks: { ...t.tasks }, competitors };
}

/** The lists and tables every run starts empty. */
function emptyRecords(): Pick<AccountState, "shallow" | "researched" | "notebook" | "forgotten" | "meeting" | "talk" | "traits"> {
  return { shallow: [], researched: [], notebook: [], forgotten: [], meeting: null, talk: {}, traits: [] };
}

const accountTemplate = derivedOnce((scenario: Scenario): AccountState => {
  const stakeholders: Record<string, StakeholderState> = {};
  for (const [id, who] of Object.entries(scenario.cast)) {
    const m = who.meters ?? DEFAULT_METERS;
    const needs: Record<string, NeedState> = {};
    for (const n of Object.keys(who.needs ?? {})) needs[n] = "hidden";
    const base = { trust: m.trust, interest: m.interest, emotion: m.emotion };
    // `temperament` is present from the start (drawn later): every stakeholder object keeps one shape.
    stakeholders[id] = { ...base, level: computeLevel(base, who.department, []), needs, rapport: 0, smalltalk: 0, temperament: undefined };
  }
  const tasks = {} as Record<Stage3Task, TaskStatus>;
  for (const t of STAGE3_TASKS) tasks[t] = "open";
  const competitors: Record<string, CompetitorState> = {};
  for (const [id, c] of Object.entries(scenario.competitors ?? {})) competitors[id] = { standing: c.strength * 5, excluded: false };
  const res = scenario.resources ?? DEFAULT_RESOURCES;
  // An incumbent (stage 5) starts with the colleagues and integration it already has.
  const pairs = [...new Set(scenario.position?.pairs ?? [])];
  for (const [id, who] of Object.entries(scenario.cast)) stakeholders[id]!.level = computeLevel(stakeholders[id]!, who.department, pairs);
  return {
    stakeholders,
    pairs,
    weeks: res.weeks,
    budget: res.budget,
    risk: 0,
    integration: scenario.position?.integration ?? 0,
    objections: 0,
    pricePressure: 0,
    concessions: 0,
    ...emptyRecords(),
    tasks,
    competitors,
  };
});

/**
 * Switching cost 客户转换成本, 0-100: what the client would pay to change supplier. Grows
 * with relationship breadth (share of stakeholders at personal trust or above), colleague
 * pairs in the account, and integration.
 */
export function switchingCost(a: AccountState): number {
  const all = Object.values(a.stakeholders);
  const deep = all.filter((s) => levelIndex(s.level) >= levelIndex("personal-trust")).length;
  const breadth = all.length ? deep / all.length : 0;
  return Math.round(Math.min(100, breadth * 50 + a.pairs.length * 8 + a.integration));
}

/** Our strength in the account, 0-10: the mean of every stakeholder's meters. */
export function ourStrength(a: AccountState): number {
  const all = Object.values(a.stakeholders);
  if (!all.length) return 0;
  return all.reduce((sum, s) => sum + (s.trust + s.interest + s.emotion) / 3, 0) / all.length;
}

/** The competitor still in the race with the highest standing, if any. */
export function strongestCompetitor(a: AccountState): string | undefined {
  let best: string | undefined;
  for (const [id, c] of Object.entries(a.competitors)) {
    if (c.excluded) continue;
    if (best === undefined || c.standing > a.competitors[best]!.standing) best = id;
  }
  return best;
}

/** Sum of need progress (0-3 per need) for a stakeholder, to tell whether there is anything new to summarise. */
export function needProgress(s: StakeholderState): number {
  return Object.values(s.needs).reduce((sum, n) => sum + needIndex(n), 0);
}
