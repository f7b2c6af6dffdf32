/**
 * The run's primitives: the one place that writes RunState. Rules, meetings, competitors,
 * the pipeline and the effect interpreter all change a run through these methods, so
 * every change is clamped, logged and scored the same way.
 */
import type { Scenario } from "./loader.ts";
import { computeLevel, levelIndex } from "./account.ts";
import { evaluate, type ConditionContext } from "./conditions.ts";
import { rngStep, rngValue, seedToState } from "./rng.ts";
import { scenarioFacts, type ScenarioFacts } from "./scenario-facts.ts";

import type { Condition, VarValue } from "./schema.ts";
import type { LastMove, RunEvent, RunState, ScoreRecord } from "./state.ts";
import type { RuleContext } from "./moves/index.ts";
import { tasksInPlay } from "./pipeline.ts";
import type { Competency, Meter, NeedState, Stage3Task, TaskStatus } from "./vocabulary.ts";

/** Meters are 0-10 (DOMAIN.md §2: trust + interest + emotion = relationship). */
export const METER_MAX = 10;
import { finite } from "./finite.ts";

export class RunCore implements RuleContext, ConditionContext {
  /** What the scenario implies that no run changes (derived once per scenario). */
  readonly facts: ScenarioFacts;
  /** While a choice is applied: its node, option, the stakeholder concerned and the better option for negative scores. */
  scoring: { node: string; option?: string; better?: string } | null = null;
  /**
   * While a choice is judged: what each principle it touched scored, in the order first scored
   * (collected here as points are awarded, rather than found again in the log afterwards).
   */
  judging: Pick<LastMove, "points" | "principles"> | null = null;
  /** Why the meters moved, while a competitor or an author's event acts (toasts must not credit the player). */
  cause: "competitor" | "event" | undefined;
  /** Stakeholders whose meters moved since levels were last computed; pairs change every level, so "all". */
  private levelsDirty: Set<string> | "all" = "all";
  private pairsSeen = -1;

  /** The seed as a uint32, for per-run draws that must not move the run's RNG (the option order). */
  readonly seedState: number;

  constructor(
    readonly scenario: Scenario,
    readonly seed: number | string,
    readonly s: RunState,
  ) {
    this.facts = scenarioFacts(scenario);
    this.seedState = seedToState(seed);
  }

  get account() {
    return this.s.account;
  }

  // ConditionContext
  varValue(name: string): VarValue | undefined {
    return Object.hasOwn(this.s.vars, name) ? this.s.vars[name] : undefined;
  }
  stageOrder(id: string): number {
    return this.facts.stageIndex.get(id) ?? -1;
  }
  currentStageOrder(): number {
    return this.stageOrder(this.s.stage);
  }
  visited(node: string): boolean {
    return Object.hasOwn(this.s.visits, node) && this.s.visits[node]! > 0;
  }
  hasChosen(node: string, option: string): boolean {
    return this.s.chosen.includes(`${node}/${option}`);
  }
  get last() {
    return this.s.last;
  }
  holds(c: Condition): boolean {
    return evaluate(c, this);
  }

  /** A float in [0, 1) from the run's one RNG state. */
  random(): number {
    this.s.rng = rngStep(this.s.rng);
    return rngValue(this.s.rng);
  }

  /** One of weighted branches, drawn with the run's RNG. */
  pick<T extends { weight: number }>(branches: readonly T[]): T {
    const total = branches.reduce((sum, b) => sum + b.weight, 0);
    let roll = this.random() * total;
    return branches.find((b) => (roll -= b.weight) < 0) ?? branches[branches.length - 1]!;
  }

  log(ev: RunEvent): void {
    this.s.log.push(ev);
  }

  award(competency: Competency, points: number, principle: string, who?: string): void {
    if (points === 0) return;
    this.addPoints(competency, points);
    this.judge(competency, points, principle);
    const ev: ScoreRecord = { type: "score", turn: this.s.turn, node: this.scoring?.node ?? this.s.node, competency, points, principle };
    if (this.scoring?.option !== undefined) ev.option = this.scoring.option;
    if (points < 0 && this.scoring?.better !== undefined) ev.better = this.scoring.better;
    if (who !== undefined) ev.who = who;
    this.s.log.push(ev);
  }

  /** Counts points towards the judgement of the choice being made (the outcome is the ending's, not the move's). */
  judge(competency: Competency, points: number, principle: string | undefined): void {
    const j = this.judging;
    if (!j || competency === "outcome") return;
    j.points += points;
    if (!principle) return;
    // A choice scores a handful of principles at most: a small array beats a map here.
    for (const p of j.principles) if (p.principle === principle) return void (p.points += points);
    j.principles.push({ principle, points });
  }

  addPoints(competency: Competency, points: number): void {
    this.s.points[competency] = finite(this.s.points[competency] + finite(points));
  }

  meter(who: string, meter: Meter, delta: number): void {
    const st = Object.hasOwn(this.s.account.stakeholders, who) ? this.s.account.stakeholders[who] : undefined;
    if (!st || !delta) return;
    const from = st[meter];
    const to = Math.max(0, Math.min(METER_MAX, Math.round(from + finite(delta))));
    if (to === from) return;
    st[meter] = to;
    if (this.levelsDirty !== "all") this.levelsDirty.add(who);
    const ev: RunEvent = { type: "meter", turn: this.s.turn, who, meter, from, to };
    if (this.cause) ev.cause = this.cause;
    this.s.log.push(ev);
  }

  setNeed(who: string, need: string, state: NeedState): void {
    const st = Object.hasOwn(this.s.account.stakeholders, who) ? this.s.account.stakeholders[who] : undefined;
    if (!st || !Object.hasOwn(st.needs, need) || st.needs[need] === state) return;
    this.s.log.push({ type: "need", turn: this.s.turn, who, need, from: st.needs[need]!, to: state });
    st.needs[need] = state;
  }

  /** Tasks the scenario never lets the player work on are neither tracked, shown nor scored. */
  setTask(task: Stage3Task, status: TaskStatus): void {
    const a = this.s.account;
    if (!tasksInPlay(this.scenario).has(task)) return;
    if (a.tasks[task] === status || a.tasks[task] === "done") return;
    a.tasks[task] = status;
    this.s.log.push({ type: "task", turn: this.s.turn, task, status });
    if (status === "done") this.award("strategy", 4, `task.done.${task}`);
    else if (status === "failed") this.award("strategy", -4, `task.failed.${task}`);
  }

  setVar(name: string, value: VarValue): void {
    const decl = this.scenario.variables?.[name];
    let v = typeof value === "number" ? finite(value) : value;
    if (typeof v === "number" && decl) {
      if (decl.min !== undefined && v < decl.min) v = decl.min;
      if (decl.max !== undefined && v > decl.max) v = decl.max;
    }
    const from = this.s.vars[name]!;
    if (from === v) return;
    this.s.vars[name] = v;
    this.s.log.push({ type: "var", turn: this.s.turn, name, from, to: v });
  }

  /** Recomputes every stakeholder's level from their meters and the colleague pairs. */
  updateLevels(): void {
    const a = this.s.account;
    // A level depends on that stakeholder's meters and on the pairs: recompute only what moved.
    const all = this.levelsDirty === "all" || a.pairs.length !== this.pairsSeen;
    const dirty = this.levelsDirty;
    this.levelsDirty = new Set();
    this.pairsSeen = a.pairs.length;
    for (const id in a.stakeholders) {
      if (!all && !(dirty as Set<string>).has(id)) continue;
      const st = a.stakeholders[id]!;
      const level = computeLevel(st, this.scenario.cast[id]!.department, a.pairs);
      if (level === st.level) continue;
      const up = levelIndex(level) > levelIndex(st.level);
      this.s.log.push({ type: "level", turn: this.s.turn, who: id, from: st.level, to: level });
      st.level = level;
      // A rival's blow or an author's event is not the player's doing: it moves the level, not the score.
      // Trust won from a guarded client is worth more, as it is harder to win.
      if (!this.cause) this.award("relationships", up ? (st.temperament === "guarded" ? 6 : 4) : -4, up ? "rel.level-up" : "rel.level-down", id);
    }
  }
}
