/**
 * The runner: a pure, synchronous state machine over a loaded scenario. The host pulls
 * (`status`, `line`, `options`) and pushes (`advance()`, `choose(id)`); pacing is the
 * host's job. Every mutable thing lives in one `RunState` that serialises to JSON, and
 * randomness comes only from the seeded RNG inside that state, so the same seed and the
 * same choices always give the same run.
 */
import type { Scenario } from "./loader.ts";
import {
  COMPETENCIES,
  type Competency,
  type Effect,
  type LocalizedText,
  type MoveTag,
  type Option,
  type Outcome,
  type ScenarioNode,
  type VarValue,
} from "./schema.ts";
import { createRng, seedToState, type Rng } from "./rng.ts";
import { evaluate, type ConditionContext } from "./conditions.ts";

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

/** An option the player may choose now (its condition holds). */
export interface OfferedOption {
  id: string;
  text: LocalizedText;
  move: MoveTag;
  to?: string;
}

/** One entry of the run's event log; `turn` counts decisions made so far (0 before the first). */
export type RunEvent =
  | { type: "enter"; turn: number; node: string }
  | { type: "choice"; turn: number; node: string; option: string; move: MoveTag; to?: string }
  | { type: "var"; turn: number; name: string; from: VarValue; to: VarValue }
  | { type: "stage"; turn: number; from: string; to: string }
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
  | { type: "ended"; turn: number; ending: string; outcome: Outcome }
  | { type: "stuck"; turn: number; node: string; reason: string };

/** Points per competency and in total; raw sums of the scenario's score effects. */
export interface ScoreSheet {
  total: number;
  competencies: Record<Competency, number>;
}

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
  score: ScoreSheet;
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
  choose(optionId: string): void;
}

export function emptyScore(): ScoreSheet {
  const competencies = {} as Record<Competency, number>;
  for (const c of COMPETENCIES) competencies[c] = 0;
  return { total: 0, competencies };
}

/** Starts a new run of `scenario` with `seed`. */
export function createRunner(scenario: Scenario, seed: number | string): Runner {
  const vars: Record<string, VarValue> = {};
  for (const [name, v] of Object.entries(scenario.variables ?? {})) vars[name] = v.initial;
  const state: RunState = {
    node: scenario.start,
    line: 0,
    status: "line",
    stage: scenario.stages[0]!.id,
    vars,
    visits: {},
    chosen: [],
    turn: 0,
    score: emptyScore(),
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

class RunnerImpl implements Runner, ConditionContext {
  private offered: OfferedOption[] = [];
  private readonly rng: Rng;
  private readonly stageIndex: Map<string, number>;

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
  }

  choose(optionId: string): void {
    if (this.s.status !== "awaiting-choice") {
      throw new RunnerError(`choose() needs status "awaiting-choice", not "${this.s.status}"`);
    }
    if (!this.offered.some((o) => o.id === optionId)) {
      throw new RunnerError(`option "${optionId}" is not offered in node "${this.s.node}"`);
    }
    const nodeId = this.s.node;
    const option = this.node().options!.find((o) => o.id === optionId) as Option;
    this.s.turn += 1;
    this.s.chosen.push(`${nodeId}/${optionId}`);
    const choice: RunEvent = { type: "choice", turn: this.s.turn, node: nodeId, option: optionId, move: option.move };
    if (option.to !== undefined) choice.to = option.to;
    this.s.log.push(choice);
    const flow = { goto: undefined as string | undefined, ended: false };
    if (option.effects) this.apply(option.effects, nodeId, optionId, flow);
    if (flow.ended) return;
    const dest = flow.goto ?? option.next;
    if (dest === undefined) return this.stick(`option "${optionId}" leads nowhere`);
    this.enter(dest, 0);
  }

  /** Enters a node: counts the visit, runs its onEnter effects, and settles the status. */
  enter(nodeId: string, depth: number): void {
    if (depth > MAX_REDIRECTS) return this.stick(`more than ${MAX_REDIRECTS} redirects in a row (a loop of onEnter gotos?)`);
    this.s.node = nodeId;
    this.s.line = 0;
    this.s.visits[nodeId] = (this.s.visits[nodeId] ?? 0) + 1;
    this.s.log.push({ type: "enter", turn: this.s.turn, node: nodeId });
    const node = this.node();
    if (node.onEnter) {
      const flow = { goto: undefined as string | undefined, ended: false };
      this.apply(node.onEnter, nodeId, undefined, flow);
      if (flow.ended) return;
      if (flow.goto !== undefined) return this.enter(flow.goto, depth + 1);
    }
    this.settle();
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
    for (const o of node.options) {
      if (o.condition && !evaluate(o.condition, this)) continue;
      const offered: OfferedOption = { id: o.id, text: o.text, move: o.move };
      if (o.to !== undefined) offered.to = o.to;
      this.offered.push(offered);
    }
    if (this.offered.length > 0) this.s.status = "awaiting-choice";
    else this.stick(`no option's condition holds in node "${this.s.node}"`);
  }

  private node(): ScenarioNode {
    const n = this.scenario.nodes[this.s.node];
    if (!n) throw new RunnerError(`no node "${this.s.node}"`);
    return n;
  }

  private finish(ending: string): void {
    this.s.ending = ending;
    this.s.status = "ended";
    this.offered = [];
    const outcome = this.scenario.endings[ending]!.outcome;
    this.s.log.push({ type: "ended", turn: this.s.turn, ending, outcome });
  }

  private stick(reason: string): void {
    this.s.status = "stuck";
    this.offered = [];
    this.s.log.push({ type: "stuck", turn: this.s.turn, node: this.s.node, reason });
  }

  private apply(
    effects: readonly Effect[],
    node: string,
    option: string | undefined,
    flow: { goto: string | undefined; ended: boolean },
  ): void {
    for (const e of effects) {
      if (flow.ended) return;
      if ("set" in e) this.setVar(e.set, e.value);
      else if ("add" in e) this.setVar(e.add, (this.s.vars[e.add] as number) + e.value);
      else if ("goto" in e) flow.goto = e.goto;
      else if ("stage" in e) {
        if (e.stage !== this.s.stage) {
          this.s.log.push({ type: "stage", turn: this.s.turn, from: this.s.stage, to: e.stage });
          this.s.stage = e.stage;
        }
      } else if ("end" in e) {
        flow.ended = true;
        this.finish(e.end);
      } else if ("score" in e) {
        const sc = e.score;
        this.s.score.total += sc.points;
        this.s.score.competencies[sc.competency] += sc.points;
        const ev: RunEvent = {
          type: "score",
          turn: this.s.turn,
          node,
          competency: sc.competency,
          points: sc.points,
          explain: sc.explain,
        };
        if (option !== undefined) ev.option = option;
        if (sc.principle !== undefined) ev.principle = sc.principle;
        if (sc.better !== undefined) ev.better = sc.better;
        this.s.log.push(ev);
      } else if ("if" in e) {
        const branch = evaluate(e.if, this) ? e.then : e.else;
        if (branch) this.apply(branch, node, option, flow);
      } else if ("random" in e) {
        const total = e.random.reduce((sum, b) => sum + b.weight, 0);
        let pick = this.rng.next() * total;
        this.s.rng = this.rng.state;
        const branch = e.random.find((b) => (pick -= b.weight) < 0) ?? e.random[e.random.length - 1]!;
        this.apply(branch.effects, node, option, flow);
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

