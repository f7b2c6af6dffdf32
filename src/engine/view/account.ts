/**
 * Read-only view models of the account, for the panel beside a meeting and the account
 * map: plain data with ids and scenario text, no rule recomputed by a view. Scenes
 * localise and draw them; they never hold the Runner.
 */
import type { Runner } from "../runner.ts";
import type { LocalizedText } from "../schema.ts";
import { PAIR_COVERS, switchingCost } from "../account.ts";
import { tasksInPlay } from "../pipeline.ts";
import { talkShareNow } from "../meetings.ts";
import type { Colleague, Department, DecisionRole, Level, NeedState, Posture, PipelineStage, Stage3Task, TaskStatus, Temperament } from "../vocabulary.ts";
import { PIPELINE_STAGES } from "../vocabulary.ts";
import type { RunEvent } from "../state.ts";
import type { Scenario } from "../loader.ts";

/** One stakeholder as the rep's CRM shows them. */
export interface StakeholderView {
  id: string;
  name: LocalizedText;
  title: LocalizedText;
  department: Department;
  role: DecisionRole;
  archetype?: string;
  level: Level;
  trust: number;
  interest: number;
  emotion: number;
  /** Needs found so far (hidden ones are not shown), with the wording of their current state. */
  needs: { id: string; state: Exclude<NeedState, "hidden">; text: LocalizedText }[];
  /** How this client is this run, where the scenario varies it: what the rep reads in the room. */
  temperament?: Temperament;
}

export interface ListeningView {
  posture: Posture;
  notes: boolean;
  /** The rep's share of the talking so far in this meeting, 0..1. */
  talkShare: number;
  notebook: number;
}

export interface PanelView {
  weeks: number;
  budget: number;
  stakeholders: StakeholderView[];
  /** Shortlist tasks the scenario lets the player work on (none shown when it has none). */
  tasks: { task: Stage3Task; status: TaskStatus }[];
  switchingCost: number;
  objections: number;
  pricePressure: number;
  concessions: number;
  risk: number;
  listening: ListeningView | null;
  /** What competitors did as this meeting started. */
  news: LocalizedText[];
}

/** The news text a competitor event refers to. */
export function newsOf(scenario: Scenario, e: Extract<RunEvent, { type: "competitor" }>): LocalizedText {
  return scenario.competitorScript?.[e.entry]?.moves[e.move]?.news ?? { "zh-CN": e.competitor, en: e.competitor };
}

export function stakeholderViews(r: Runner): StakeholderView[] {
  const a = r.state.account;
  return Object.entries(r.scenario.cast).map(([id, who]) => {
    const st = a.stakeholders[id]!;
    const needs: StakeholderView["needs"] = [];
    for (const [need, state] of Object.entries(st.needs)) {
      if (state === "hidden") continue;
      const n = who.needs![need]!;
      needs.push({ id: need, state, text: state === "explicit" ? n.explicit : n.implied });
    }
    const v: StakeholderView = { id, name: who.name, title: who.title, department: who.department, role: who.decisionRole, level: st.level, trust: st.trust, interest: st.interest, emotion: st.emotion, needs };
    if (st.temperament) v.temperament = st.temperament;
    if (who.archetype) v.archetype = who.archetype;
    return v;
  });
}

export function taskViews(r: Runner): PanelView["tasks"] {
  return [...tasksInPlay(r.scenario)].map((task) => ({ task, status: r.state.account.tasks[task] }));
}

export function panelView(r: Runner): PanelView {
  const a = r.state.account;
  const m = a.meeting;
  const news: LocalizedText[] = [];
  if (m) {
    const log = r.state.log;
    let i = log.length - 1;
    while (i >= 0 && log[i]!.type !== "meeting-start") i--;
    for (const e of log.slice(i + 1)) if (e.type === "competitor") news.push(newsOf(r.scenario, e));
  }
  return {
    weeks: a.weeks,
    budget: a.budget,
    stakeholders: stakeholderViews(r),
    tasks: taskViews(r),
    switchingCost: switchingCost(a),
    objections: a.objections,
    pricePressure: a.pricePressure,
    concessions: a.concessions,
    risk: a.risk,
    listening: m ? { posture: m.posture, notes: m.notes, talkShare: talkShareNow(r.state) ?? 0, notebook: a.notebook.length } : null,
    news,
  };
}

export interface MapView {
  client: LocalizedText;
  weeks: number;
  budget: number;
  switchingCost: number;
  /** The five canonical steps: which the scenario covers, the current one, and each gate's state. */
  pipeline: { pipeline: PipelineStage; title?: LocalizedText; inScenario: boolean; current: boolean; gate: "open" | "closed" | null }[];
  stakeholders: StakeholderView[];
  /** The rep's colleagues in the account and the department each pairs with. */
  ourSide: { colleague: Colleague; department: Department }[];
  tasks: PanelView["tasks"];
  rivals: { id: string; name: LocalizedText; position: string; standing: number; excluded: boolean }[];
  /** The latest competitor news, newest first. */
  news: LocalizedText[];
  notebook: LocalizedText[];
}

export function mapView(r: Runner): MapView {
  const s = r.scenario;
  const a = r.state.account;
  const current = s.stages.find((st) => st.id === r.state.stage)!;
  const news: LocalizedText[] = [];
  for (let i = r.state.log.length - 1; i >= 0 && news.length < 4; i--) {
    const e = r.state.log[i]!;
    if (e.type === "competitor") news.push(newsOf(s, e));
  }
  return {
    client: s.meta.client,
    weeks: a.weeks,
    budget: a.budget,
    switchingCost: switchingCost(a),
    pipeline: PIPELINE_STAGES.map((p) => {
      const stage = s.stages.find((st) => st.pipeline === p);
      const step: MapView["pipeline"][number] = { pipeline: p, inScenario: !!stage, current: current.pipeline === p, gate: stage?.gate ? (r.gateOpen(stage.id) ? "open" : "closed") : null };
      if (stage?.title) step.title = stage.title;
      return step;
    }),
    stakeholders: stakeholderViews(r),
    ourSide: a.pairs.map((colleague) => ({ colleague, department: PAIR_COVERS[colleague][0]! })),
    tasks: taskViews(r),
    rivals: Object.entries(s.competitors ?? {}).map(([id, c]) => ({ id, name: c.name, position: c.position, standing: Math.round(a.competitors[id]!.standing), excluded: a.competitors[id]!.excluded })),
    news,
    notebook: a.notebook.map((id) => s.notes?.[id] ?? { "zh-CN": id, en: id }),
  };
}
