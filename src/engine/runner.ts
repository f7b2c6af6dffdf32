/**
 * The runner: a pure, synchronous state machine over a loaded scenario. The host pulls
 * (`status`, `line`, `options`, `state`) and pushes (`advance()`, `choose(id)`,
 * `setListening()`); pacing is the host's job. Every mutable thing lives in one `RunState`
 * that serialises to JSON, and randomness comes only from the seeded RNG inside that
 * state, so the same seed and the same decisions always give the same run.
 */
import type { Scenario } from "./loader.ts";
import { COMPETENCIES, PIPELINE_STAGES, STAGE3_TASKS, TALK_SHARE_GOOD, TALK_SHARE_TOO_MUCH, type Colleague, type Competency, type Level, type Meter, type NeedState, type Outcome, type Posture, type Stage3Task, type TaskStatus } from "./vocabulary.ts";
import type { Effect, LocalizedText, MoveTag, Option, ScenarioNode, VarValue } from "./schema.ts";
import { createRng, seedToState, type Rng } from "./rng.ts";
import { evaluate, type ConditionContext } from "./conditions.ts";
import { computeLevel, hasShortlistStage, initialAccount, levelIndex, switchingCost, type AccountState } from "./account.ts";
import { applyMove, optionCost, talkUnits, type RuleContext } from "./rules.ts";
import { rankMove } from "./advice.ts";
import principles from "./principles.json";

/** What the host should do next: show a line and wait for advance(), offer options, or end. `stuck` means the scenario left the player no way on. */
export type RunStatus = "line" | "awaiting-choice" | "ended" | "stuck";

/** The line on screen. `id` is stable (`node#index`) for logs, saves and analytics. */
export interface CurrentLine {
  id: string;
  node: string;
  index: number;
  speaker: string;
  text: LocalizedText;
  /** True on a node's last line: options (if any) are offered alongside it. */
  isLast: boolean;
}

/** An option the player may choose now (its condition holds and it is affordable). */
export interface OfferedOption {
  id: string;
  text: LocalizedText;
  move: MoveTag;
  to?: string;
  cost: { weeks: number; budget: number };
}

/** How the rep listens during a meeting turn (积极的肢体语言, 适当做笔录). */
export interface ListeningStance {
  posture: Posture;
  notes: boolean;
}

/** The bilingual reason behind a scored event. */
export interface Principle {
  research: boolean;
  "zh-CN": string;
  en: string;
}
export const PRINCIPLES = principles as Record<string, Principle>;

/** One entry of the run's event log; `turn` counts decisions made so far (0 before the first). */
export type RunEvent =
  | { type: "enter"; turn: number; node: string }
  | { type: "choice"; turn: number; node: string; option: string; move: MoveTag; to?: string; listening?: ListeningStance }
  | { type: "listening"; turn: number; posture: Posture; notes: boolean }
  | { type: "var"; turn: number; name: string; from: VarValue; to: VarValue }
  | { type: "stage"; turn: number; from: string; to: string }
  | { type: "gate"; turn: number; stage: string }
  | {
      type: "score";
      turn: number;
      node: string;
      option?: string;
      competency: Competency;
      points: number;
      principle?: string;
      explain: LocalizedText;
      better?: string;
    }
  | { type: "meter"; turn: number; who: string; meter: Meter; from: number; to: number }
  | { type: "level"; turn: number; who: string; from: Level; to: Level }
  | { type: "need"; turn: number; who: string; need: string; from: NeedState; to: NeedState }
  | { type: "task"; turn: number; task: Stage3Task; status: TaskStatus }
  | { type: "note"; turn: number; note: string }
  | { type: "forgot"; turn: number; note: string }
  | { type: "cost"; turn: number; weeks: number; budget: number }
  | { type: "meeting-start"; turn: number; meeting: string }
  | { type: "meeting-end"; turn: number; meeting: string; talkShare: number }
  | { type: "competitor"; turn: number; competitor: string; action: string; target?: string; damage: number; news: LocalizedText }
  | { type: "pair"; turn: number; colleague: Colleague }
  | { type: "ended"; turn: number; ending: string; outcome: Outcome }
  | { type: "stuck"; turn: number; node: string; reason: string };

/** The scorecard: each competency 0-100, and the total (their mean). */
export interface ScoreSheet {
  total: number;
  competencies: Record<Competency, number>;
}

/** Where each competency starts before any move: a neutral 50, except the outcome, which the ending sets. */
export const COMPETENCY_BASE: Record<Competency, number> = {
  questioning: 50,
  listening: 50,
  presenting: 50,
  relationships: 50,
  strategy: 50,
  outcome: 0,
};

/** Outcome competency by ending type. */
export const OUTCOME_POINTS: Record<Outcome, number> = {
  "lost-shortlist": 15,
  "lost-bid": 30,
  stalled: 45,
  won: 80,
  "strategic-partner": 100,
};

/** Everything that changes during a run. Plain JSON. */
export interface RunState {
  node: string;
  line: number;
  status: RunStatus;
  stage: string;
  vars: Record<string, VarValue>;
  /** Times each node was entered. */
  visits: Record<string, number>;
  /** `node/option` of every choice, in order. */
  chosen: string[];
  turn: number;
  /** Points won or lost per competency, on top of COMPETENCY_BASE. */
  points: Record<Competency, number>;
  score: ScoreSheet;
  account: AccountState;
  ending: string | null;
  /** The RNG's uint32 state. */
  rng: number;
  log: RunEvent[];
}

export class RunnerError extends Error {
  override name = "RunnerError";
}

/** Deepest chain of node redirects (onEnter goto) before the run is declared stuck. */
const MAX_REDIRECTS = 64;

export interface Runner {
  readonly scenario: Scenario;
  readonly seed: number | string;
  readonly status: RunStatus;
  readonly line: CurrentLine | null;
  readonly options: readonly OfferedOption[];
  /** Live state; treat as read-only (copy it to keep it). */
  readonly state: Readonly<RunState>;
  /** Title of the current node (a meeting's name), if the scenario gives one. */
  readonly title: LocalizedText | undefined;
  advance(): void;
  /** Chooses an offered option; `listening` sets the stance for this turn first. */
  choose(optionId: string, listening?: ListeningStance): void;
  /** Sets how the rep listens for the rest of the meeting (until changed). Only inside a meeting. */
  setListening(stance: ListeningStance): void;
  /** How well an offered option follows the course right now (0-100), as the debrief judges. */
  rank(optionId: string): number;
  /** Whether a stage's gate would let the deal in now (true when it has none). */
  gateOpen(stageId: string): boolean;
}

export function scoreSheet(points: Record<Competency, number>): ScoreSheet {
  const competencies = {} as Record<Competency, number>;
  let sum = 0;
  for (const c of COMPETENCIES) {
    competencies[c] = Math.max(0, Math.min(100, COMPETENCY_BASE[c] + points[c]));
    sum += competencies[c];
  }
  return { total: Math.round(sum / COMPETENCIES.length), competencies };
}

export function emptyPoints(): Record<Competency, number> {
  const p = {} as Record<Competency, number>;
  for (const c of COMPETENCIES) p[c] = 0;
  return p;
}

/** Starts a new run of `scenario` with `seed`. */
export function createRunner(scenario: Scenario, seed: number | string): Runner {
  const vars: Record<string, VarValue> = {};
  for (const [name, v] of Object.entries(scenario.variables ?? {})) vars[name] = v.initial;
  const points = emptyPoints();
  const state: RunState = {
    node: scenario.start,
    line: 0,
    status: "line",
    stage: scenario.stages[0]!.id,
    vars,
    visits: {},
    chosen: [],
    turn: 0,
    points,
    score: scoreSheet(points),
    account: initialAccount(scenario),
    ending: null,
    rng: seedToState(seed),
    log: [],
  };
  const runner = new RunnerImpl(scenario, seed, state);
  runner.enter(scenario.start, 0);
  return runner;
}

/** Continues a run from a state (already validated by the save module). */
export function resumeRunner(scenario: Scenario, seed: number | string, state: RunState): Runner {
  const runner = new RunnerImpl(scenario, seed, state);
  runner.settle();
  return runner;
}

class RunnerImpl implements Runner, ConditionContext, RuleContext {
  private offered: OfferedOption[] = [];
  private readonly rng: Rng;
  private readonly stageIndex: Map<string, number>;
  /** While a choice is applied: its node, option and the better option for negative scores. */
  private scoring: { node: string; option?: string; better?: string } | null = null;
  /** Points changed since the score sheet was last computed. */
  private scoreDirty = false;

  constructor(
    readonly scenario: Scenario,
    readonly seed: number | string,
    private readonly s: RunState,
  ) {
    this.rng = createRng(s.rng);
    this.stageIndex = new Map(scenario.stages.map((st, i) => [st.id, i]));
  }

  get status() {
    return this.s.status;
  }
  get state() {
    return this.s;
  }
  get account() {
    return this.s.account;
  }
  get options() {
    return this.s.status === "awaiting-choice" ? this.offered : [];
  }
  get title() {
    return this.node().title;
  }
  get line(): CurrentLine | null {
    if (this.s.status === "ended") return null;
    const node = this.node();
    const l = node.lines[this.s.line];
    if (!l) return null;
    return {
      id: `${this.s.node}#${this.s.line}`,
      node: this.s.node,
      index: this.s.line,
      speaker: l.speaker,
      text: l.text,
      isLast: this.s.line === node.lines.length - 1,
    };
  }

  // ConditionContext
  varValue(name: string) {
    return this.s.vars[name];
  }
  stageOrder(id: string) {
    return this.stageIndex.get(id) ?? -1;
  }
  currentStageOrder() {
    return this.stageOrder(this.s.stage);
  }
  visited(node: string) {
    return (this.s.visits[node] ?? 0) > 0;
  }
  hasChosen(node: string, option: string) {
    return this.s.chosen.includes(`${node}/${option}`);
  }
  holds(c: Parameters<typeof evaluate>[0]) {
    return evaluate(c, this);
  }

  gateOpen(stageId: string): boolean {
    const gate = this.scenario.stages.find((st) => st.id === stageId)?.gate;
    return gate === undefined || evaluate(gate, this);
  }

  rank(optionId: string): number {
    const o = this.offered.find((x) => x.id === optionId);
    return o ? rankMove(this, o.move, o.to) : 0;
  }

  // RuleContext
  award(competency: Competency, points: number, principle: string): void {
    if (points === 0) return;
    const p = PRINCIPLES[principle];
    this.s.points[competency] += points;
    this.scoreDirty = true;
    const ev: RunEvent = {
      type: "score",
      turn: this.s.turn,
      node: this.scoring?.node ?? this.s.node,
      competency,
      points,
      principle,
      explain: p ? { "zh-CN": p["zh-CN"], en: p.en } : { "zh-CN": principle, en: principle },
    };
    if (this.scoring?.option !== undefined) ev.option = this.scoring.option;
    if (points < 0 && this.scoring?.better !== undefined) ev.better = this.scoring.better;
    this.s.log.push(ev);
  }

  meter(who: string, meter: Meter, delta: number): void {
    const st = this.s.account.stakeholders[who];
    if (!st || delta === 0) return;
    const from = st[meter];
    const to = Math.max(0, Math.min(10, from + delta));
    if (to === from) return;
    st[meter] = to;
    this.s.log.push({ type: "meter", turn: this.s.turn, who, meter, from, to });
  }

  setNeed(who: string, need: string, state: NeedState): void {
    const st = this.s.account.stakeholders[who];
    if (!st || st.needs[need] === undefined || st.needs[need] === state) return;
    this.s.log.push({ type: "need", turn: this.s.turn, who, need, from: st.needs[need]!, to: state });
    st.needs[need] = state;
  }

  setTask(task: Stage3Task, status: TaskStatus): void {
    const a = this.s.account;
    if (a.tasks[task] === status || a.tasks[task] === "done") return;
    a.tasks[task] = status;
    this.s.log.push({ type: "task", turn: this.s.turn, task, status });
    if (status === "done") this.award("strategy", 4, `task.done.${task}`);
    else if (status === "failed") this.award("strategy", -4, `task.failed.${task}`);
  }

  setListening(stance: ListeningStance): void {
    const m = this.s.account.meeting;
    if (!m) throw new RunnerError("setListening() works only during a meeting");
    if (m.posture === stance.posture && m.notes === stance.notes) return;
    m.posture = stance.posture;
    m.notes = stance.notes;
    this.s.log.push({ type: "listening", turn: this.s.turn, posture: stance.posture, notes: stance.notes });
  }

  advance(): void {
    if (this.s.status !== "line") throw new RunnerError(`advance() needs status "line", not "${this.s.status}"`);
    const node = this.node();
    if (this.s.line < node.lines.length - 1) {
      this.s.line += 1;
      this.settle();
    } else if (node.next !== undefined) {
      this.enter(node.next, 0);
    } else if (node.ending !== undefined) {
      this.finish(node.ending);
    }
    this.refreshScore();
  }

  choose(optionId: string, listening?: ListeningStance): void {
    if (this.s.status !== "awaiting-choice") {
      throw new RunnerError(`choose() needs status "awaiting-choice", not "${this.s.status}"`);
    }
    const offered = this.offered.find((o) => o.id === optionId);
    if (!offered) throw new RunnerError(`option "${optionId}" is not offered in node "${this.s.node}"`);
    const a = this.s.account;
    if (listening && a.meeting) this.setListening(listening);
    const nodeId = this.s.node;
    const option = this.node().options!.find((o) => o.id === optionId) as Option;

    // The best alternative by the course, named in the debrief when this choice costs points.
    let better: string | undefined;
    const mine = rankMove(this, option.move, option.to);
    let top = mine;
    for (const o of this.offered) {
      const r = o.id === optionId ? -1 : rankMove(this, o.move, o.to);
      if (r > top) {
        top = r;
        better = o.id;
      }
    }

    this.s.turn += 1;
    this.s.chosen.push(`${nodeId}/${optionId}`);
    const choice: RunEvent = { type: "choice", turn: this.s.turn, node: nodeId, option: optionId, move: option.move };
    if (option.to !== undefined) choice.to = option.to;
    if (a.meeting) choice.listening = { posture: a.meeting.posture, notes: a.meeting.notes };
    this.s.log.push(choice);
    this.scoring = better === undefined ? { node: nodeId, option: optionId } : { node: nodeId, option: optionId, better };

    if (offered.cost.weeks || offered.cost.budget) {
      a.weeks = Math.max(0, a.weeks - offered.cost.weeks);
      a.budget = Math.max(0, a.budget - offered.cost.budget);
      this.s.log.push({ type: "cost", turn: this.s.turn, weeks: offered.cost.weeks, budget: offered.cost.budget });
    }
    const pairsBefore = a.pairs.length;
    applyMove(this, option);
    for (const colleague of a.pairs.slice(pairsBefore)) this.s.log.push({ type: "pair", turn: this.s.turn, colleague });
    this.listeningTurn(option);

    const flow = { goto: undefined as string | undefined, ended: false };
    if (option.effects) this.apply(option.effects, nodeId, optionId, flow);
    this.scoring = null;
    this.updateLevels();
    if (!flow.ended && this.disqualified()) flow.ended = true;
    if (flow.ended) {
      this.refreshScore();
      return;
    }
    const dest = flow.goto ?? option.next;
    if (dest === undefined) this.stick(`option "${optionId}" leads nowhere`);
    else this.enter(dest, 0);
    this.refreshScore();
  }

  /** Per-turn effects of how the rep listens, and the talk-share tally. */
  private listeningTurn(option: Option): void {
    const m = this.s.account.meeting;
    if (!m) return;
    m.turns += 1;
    const units = talkUnits(option.move);
    m.rep += units.rep;
    m.client += units.client;
    if (m.posture === "engaged") {
      m.client += 1;
      if (!m.engagedCredited) {
        m.engagedCredited = true;
        this.award("listening", 3, "listen.engaged");
        if (option.to) this.meter(option.to, "emotion", 1);
      }
    } else if (m.posture === "distracted") {
      m.client = Math.max(0, m.client - 1);
      this.award("listening", -3, "listen.distracted");
      if (option.to) this.meter(option.to, "emotion", -1);
    }
  }

  /** Recomputes every stakeholder's level from their meters and the colleague pairs. */
  private updateLevels(): void {
    const a = this.s.account;
    for (const [id, st] of Object.entries(a.stakeholders)) {
      const level = computeLevel(st, this.scenario.cast[id]!.department, a.pairs);
      if (level === st.level) continue;
      const up = levelIndex(level) > levelIndex(st.level);
      this.s.log.push({ type: "level", turn: this.s.turn, who: id, from: st.level, to: level });
      st.level = level;
      this.award("relationships", up ? 4 : -4, up ? "rel.level-up" : "rel.level-down");
    }
  }

  private disqualified(): boolean {
    const policy = this.scenario.policy;
    if (!policy || this.s.account.risk < policy.riskLimit) return false;
    this.award("relationships", -10, "ethics.disqualified");
    this.finish(policy.disqualifiedEnding);
    return true;
  }

  /** Enters a node: meetings start or end, notes are heard, onEnter effects run, the status settles. */
  enter(nodeId: string, depth: number): void {
    if (depth > MAX_REDIRECTS) return this.stick(`more than ${MAX_REDIRECTS} redirects in a row (a loop of onEnter gotos?)`);
    const node = this.scenario.nodes[nodeId];
    if (!node) return this.stick(`no node "${nodeId}"`);
    const a = this.s.account;
    if (node.meeting !== a.meeting?.id) {
      this.endMeeting();
      if (node.meeting !== undefined) this.startMeeting(node.meeting);
    }
    this.s.node = nodeId;
    this.s.line = 0;
    this.s.visits[nodeId] = (this.s.visits[nodeId] ?? 0) + 1;
    this.s.log.push({ type: "enter", turn: this.s.turn, node: nodeId });
    for (const note of node.notes ?? []) this.hear(note);
    if (node.onEnter) {
      const flow = { goto: undefined as string | undefined, ended: false };
      this.apply(node.onEnter, nodeId, undefined, flow);
      this.updateLevels();
      if (flow.ended || this.disqualified()) return;
      if (flow.goto !== undefined) return this.enter(flow.goto, depth + 1);
    }
    this.settle();
  }

  /** Something notable was said: into the notebook if the rep is taking notes, else maybe forgotten later. */
  private hear(note: string): void {
    const a = this.s.account;
    if (a.notebook.includes(note)) return;
    const m = a.meeting;
    if (m && !m.notes) {
      if (!m.unnoted.includes(note)) m.unnoted.push(note);
      return;
    }
    a.notebook.push(note);
    this.s.log.push({ type: "note", turn: this.s.turn, note });
    if (m) this.award("listening", 2, "listen.notes");
  }

  private startMeeting(id: string): void {
    const a = this.s.account;
    a.meeting = {
      id,
      turns: 0,
      rep: 0,
      client: 0,
      situation: 0,
      posture: "neutral",
      notes: false,
      unnoted: [],
      summarisedAt: {},
      engagedCredited: false,
    };
    const weeks = this.scenario.meetings?.[id]?.weeks ?? 1;
    if (weeks) {
      a.weeks = Math.max(0, a.weeks - weeks);
      this.s.log.push({ type: "cost", turn: this.s.turn, weeks, budget: 0 });
    }
    this.s.log.push({ type: "meeting-start", turn: this.s.turn, meeting: id });
    for (const entry of this.scenario.competitorScript ?? []) {
      if (entry.at !== id || a.competitors[entry.competitor]?.excluded !== false) continue;
      this.competitorMove(entry.competitor, entry.moves);
    }
  }

  /** A competitor acts; the switching cost decides how much of the blow lands. */
  private competitorMove(competitor: string, moves: NonNullable<Scenario["competitorScript"]>[number]["moves"]): void {
    const a = this.s.account;
    const move = this.pick(moves);
    const damage = Math.round(move.power * (1 - switchingCost(a) / 100));
    a.competitors[competitor]!.standing = Math.min(100, a.competitors[competitor]!.standing + move.power * 4);
    const targets = move.target ? [move.target] : Object.keys(a.stakeholders);
    const meter: Meter | undefined =
      move.action === "relationship" || move.action === "smear" ? "trust" : move.action === "demo" || move.action === "price-cut" ? "interest" : undefined;
    if (move.action === "price-cut") a.pricePressure += move.power;
    const ev: RunEvent = { type: "competitor", turn: this.s.turn, competitor, action: move.action, damage, news: move.news };
    if (move.target) ev.target = move.target;
    this.s.log.push(ev);
    if (meter) for (const who of targets) this.meter(who, meter, -damage);
    this.updateLevels();
  }

  private endMeeting(): void {
    const a = this.s.account;
    const m = a.meeting;
    if (!m) return;
    a.meeting = null;
    const total = m.rep + m.client;
    const share = total > 0 ? Math.round((m.rep / total) * 100) / 100 : 0;
    if (total > 0) {
      a.talk[m.id] = share;
      if (share <= TALK_SHARE_GOOD) this.award("listening", 5, "listen.talk-less");
      else if (share > TALK_SHARE_TOO_MUCH) this.award("listening", -6, "listen.talk-too-much");
    }
    let forgot = false;
    for (const note of m.unnoted) {
      if (this.rng.next() < 0.5) {
        a.forgotten.push(note);
        this.s.log.push({ type: "forgot", turn: this.s.turn, note });
        forgot = true;
      } else {
        a.notebook.push(note);
        this.s.log.push({ type: "note", turn: this.s.turn, note });
      }
    }
    this.s.rng = this.rng.state;
    if (forgot) this.award("listening", -3, "listen.forgot");
    this.s.log.push({ type: "meeting-end", turn: this.s.turn, meeting: m.id, talkShare: share });
  }

  /** Sets the status from where the run stands; recomputes the offered options. */
  settle(): void {
    if (this.s.status === "ended") return;
    const node = this.node();
    this.offered = [];
    if (this.s.line < node.lines.length - 1 || !node.options) {
      this.s.status = "line";
      return;
    }
    const a = this.s.account;
    for (const o of node.options) {
      if (o.condition && !evaluate(o.condition, this)) continue;
      const cost = optionCost(o);
      if (cost.weeks > a.weeks || cost.budget > a.budget) continue;
      const offered: OfferedOption = { id: o.id, text: o.text, move: o.move, cost };
      if (o.to !== undefined) offered.to = o.to;
      this.offered.push(offered);
    }
    if (this.offered.length > 0) this.s.status = "awaiting-choice";
    else this.stick(`no option is available in node "${this.s.node}" (conditions or cost)`);
  }

  private node(): ScenarioNode {
    const n = this.scenario.nodes[this.s.node];
    if (!n) throw new RunnerError(`no node "${this.s.node}"`);
    return n;
  }

  private pick<T extends { weight: number }>(branches: readonly T[]): T {
    const total = branches.reduce((sum, b) => sum + b.weight, 0);
    let roll = this.rng.next() * total;
    this.s.rng = this.rng.state;
    return branches.find((b) => (roll -= b.weight) < 0) ?? branches[branches.length - 1]!;
  }

  private finish(ending: string): void {
    if (this.s.status === "ended") return;
    const a = this.s.account;
    this.endMeeting();
    if (hasShortlistStage(this.scenario)) this.failOpenTasks();
    const sc = switchingCost(a);
    if (sc > 0) this.award("strategy", Math.round(sc / 10), "strategy.switching-cost");
    const outcome = this.scenario.endings[ending]!.outcome;
    this.award("outcome", OUTCOME_POINTS[outcome], "outcome.ending");
    this.s.ending = ending;
    this.s.status = "ended";
    this.offered = [];
    this.s.log.push({ type: "ended", turn: this.s.turn, ending, outcome });
    this.refreshScore();
  }

  private refreshScore(): void {
    if (!this.scoreDirty) return;
    this.scoreDirty = false;
    this.s.score = scoreSheet(this.s.points);
  }

  private stick(reason: string): void {
    this.s.status = "stuck";
    this.offered = [];
    this.s.log.push({ type: "stuck", turn: this.s.turn, node: this.s.node, reason });
  }

  private changeStage(to: string): void {
    if (to === this.s.stage) return;
    const target = this.scenario.stages.find((st) => st.id === to)!;
    if (target.gate && !evaluate(target.gate, this)) {
      this.s.log.push({ type: "gate", turn: this.s.turn, stage: to });
      return;
    }
    const from = this.scenario.stages.find((st) => st.id === this.s.stage)!;
    this.s.log.push({ type: "stage", turn: this.s.turn, from: this.s.stage, to });
    this.s.stage = to;
    if (from.pipeline === "shortlist" && PIPELINE_STAGES.indexOf(target.pipeline) > PIPELINE_STAGES.indexOf("shortlist")) {
      this.setTask("get-shortlisted", "done");
      this.failOpenTasks();
    }
  }

  /** Leaving the shortlist stage (or ending the run) settles every task still open as failed. */
  private failOpenTasks(): void {
    for (const task of STAGE3_TASKS) if (this.s.account.tasks[task] === "open") this.setTask(task, "failed");
  }

  private apply(effects: readonly Effect[], node: string, option: string | undefined, flow: { goto: string | undefined; ended: boolean }): void {
    const a = this.s.account;
    for (const e of effects) {
      if (flow.ended) return;
      if ("set" in e) this.setVar(e.set, e.value);
      else if ("add" in e) this.setVar(e.add, (this.s.vars[e.add] as number) + e.value);
      else if ("goto" in e) flow.goto = e.goto;
      else if ("stage" in e) this.changeStage(e.stage);
      else if ("end" in e) {
        flow.ended = true;
        this.finish(e.end);
      } else if ("score" in e) {
        const sc = e.score;
        this.s.points[sc.competency] += sc.points;
        this.scoreDirty = true;
        const ev: RunEvent = { type: "score", turn: this.s.turn, node, competency: sc.competency, points: sc.points, explain: sc.explain };
        if (option !== undefined) ev.option = option;
        if (sc.principle !== undefined) ev.principle = sc.principle;
        if (sc.better !== undefined) ev.better = sc.better;
        this.s.log.push(ev);
      } else if ("if" in e) {
        const branch = evaluate(e.if, this) ? e.then : e.else;
        if (branch) this.apply(branch, node, option, flow);
      } else if ("random" in e) this.apply(this.pick(e.random).effects, node, option, flow);
      else if ("meter" in e) {
        for (const m of ["trust", "interest", "emotion"] as const) {
          const d = e.meter[m];
          if (d) this.meter(e.meter.who, m, d);
        }
      } else if ("need" in e) this.setNeed(e.need.who, e.need.need, e.need.to);
      else if ("task" in e) this.setTask(e.task, e.status);
      else if ("figure" in e) {
        if (e.figure === "weeks") a.weeks = Math.max(0, a.weeks + e.by);
        else if (e.figure === "budget") a.budget = Math.max(0, a.budget + e.by);
        else if (e.figure === "risk") a.risk = Math.max(0, a.risk + e.by);
        else a.integration = Math.max(0, Math.min(100, a.integration + e.by));
      } else if ("note" in e) this.hear(e.note);
      else if ("exclude" in e) {
        const c = a.competitors[e.exclude];
        if (c) c.excluded = true;
      } else if ("trait" in e) {
        if (!a.traits.includes(e.trait)) a.traits.push(e.trait);
      }
    }
  }

  private setVar(name: string, value: VarValue): void {
    const decl = this.scenario.variables?.[name];
    let v = value;
    if (typeof v === "number" && decl) {
      if (decl.min !== undefined && v < decl.min) v = decl.min;
      if (decl.max !== undefined && v > decl.max) v = decl.max;
    }
    const from = this.s.vars[name]!;
    if (from === v) return;
    this.s.vars[name] = v;
    this.s.log.push({ type: "var", turn: this.s.turn, name, from, to: v });
  }
}

