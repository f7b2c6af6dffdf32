/**
 * The runner: a pure, synchronous state machine over a loaded scenario. The host pulls
 * (`status`, `line`, `options`, `state`, `score`) and pushes (`advance()`, `choose(id)`,
 * `setListening()`); pacing is the host's job. Every mutable thing lives in one RunState
 * (with the one RNG state inside it), and the player's inputs are journalled, so the same
 * seed and the same inputs always give the same run — which is what a save is.
 */
import type { Scenario } from "./loader.ts";
import type { LocalizedText, Option } from "./schema.ts";
import { initialAccount } from "./account.ts";
import { RunCore } from "./core.ts";
import { applyEffects, type Flow } from "./effects.ts";
import { endMeeting, hear, listeningTurn, setListening, startMeeting } from "./meetings.ts";
import { competitorsAct } from "./competitors.ts";
import { gateOpen } from "./pipeline.ts";
import { applyMove, rankOption } from "./moves/index.ts";
import { nodeFacts } from "./node-facts.ts";
import { betterOption, judgeLastMove } from "./advice.ts";
import { reactionText, reactionTo, shownLines, shuffledForRun } from "./reactions.ts";
import { finishRun, isDisqualification } from "./finish.ts";
import { drawTemperaments } from "./temperament.ts";
import { scoreSheet, emptyPoints, type ScoreSheet } from "./scorecard.ts";
import { seedToState } from "./rng.ts";
import type { CurrentLine, Input, ListeningStance, OfferedOption, RunState, RunStatus } from "./state.ts";

export type { CurrentLine, Input, LastMove, ListeningStance, OfferedOption, RunEvent, RunState, RunStatus, ScoreRecord } from "./state.ts";

export class RunnerError extends Error {
  override name = "RunnerError";
}

/** Deepest chain of node redirects (onEnter goto) before the run is declared stuck. */
export const MAX_REDIRECTS = 64;

export interface RunnerOptions {
  /**
   * Name a better option on every score event that lost points (default true). The
   * simulator turns it off: ranking every offered option on every choice is most of a
   * headless run's work, and a policy run has no debrief to show it in.
   */
  advise?: boolean;
}

export interface Runner {
  readonly scenario: Scenario;
  readonly seed: number | string;
  readonly status: RunStatus;
  readonly line: CurrentLine | null;
  readonly options: readonly OfferedOption[];
  /** Live state; treat as read-only (copy it to keep it). */
  readonly state: Readonly<RunState>;
  /** The scorecard, derived from the points whenever it is read. */
  readonly score: ScoreSheet;
  /** Title of the current node (a meeting's name), if the scenario gives one. */
  readonly title: LocalizedText | undefined;
  advance(): void;
  /** Chooses an offered option; `listening` sets the stance for this turn first. */
  choose(optionId: string, listening?: ListeningStance): void;
  /** Sets how the rep listens for the rest of the meeting (until changed). Only inside a meeting. */
  setListening(stance: ListeningStance): void;
  /**
   * How well an offered option follows the course right now (0-100), as the debrief judges:
   * its move's rank, held under PENALISED_RANK when the author's own score effects on the
   * option net a loss (`rankOption`).
   */
  rank(optionId: string): number;
  /** Whether a stage's gate would let the deal in now (true when it has none). */
  gateOpen(stageId: string): boolean;
}

/** A fresh RunState at the scenario's start (before the start node is entered). */
function initialState(scenario: Scenario, seed: number | string): RunState {
  const vars: RunState["vars"] = {};
  for (const [name, v] of Object.entries(scenario.variables ?? {})) vars[name] = v.initial;
  return {
    node: scenario.start,
    line: 0,
    shown: [0],
    status: "line",
    stage: scenario.stages[0]!.id,
    vars,
    // A null-prototype table starts in V8's dictionary mode: node ids arrive in a different order every run, and as
    // ordinary properties each order would build its own chain of hidden classes (a tenth of a headless run's time).
    visits: Object.create(null) as Record<string, number>,
    chosen: [],
    turn: 0,
    points: emptyPoints(),
    account: initialAccount(scenario),
    ending: null,
    rng: seedToState(seed),
    last: null,
    reaction: null,
    blocked: [],
    log: [],
    inputs: [],
  };
}

/** Starts a new run of `scenario` with `seed`. */
export function createRunner(scenario: Scenario, seed: number | string, options: RunnerOptions = {}): Runner {
  const runner = new RunnerImpl(new RunCore(scenario, seed, initialState(scenario, seed)), options.advise ?? true);
  runner.begin();
  return runner;
}

/** Continues a run from a state taken from `runner.state` (copy it first; it is used, not cloned). */
export function resumeRunner(scenario: Scenario, seed: number | string, state: RunState, options: RunnerOptions = {}): Runner {
  const runner = new RunnerImpl(new RunCore(scenario, seed, state), options.advise ?? true);
  runner.settle();
  return runner;
}

class RunnerImpl implements Runner {
  private offered: OfferedOption[] = [];
  /** The scenario's option behind each offered one, index for index (`offered` is what hosts see). */
  private offeredFrom: Option[] = [];
  /** Offered index by option id, built on first need when a node offers many options (players rank every one at each choice). */
  private offeredIndex: Map<string, number> | null = null;

  private offeredAt(optionId: string): number {
    const list = this.offered;
    if (list.length <= 16) {
      for (let i = 0; i < list.length; i++) if (list[i]!.id === optionId) return i;
      return -1;
    }
    if (!this.offeredIndex) {
      this.offeredIndex = new Map();
      list.forEach((o, i) => this.offeredIndex!.set(o.id, i));
    }
    return this.offeredIndex.get(optionId) ?? -1;
  }
  /** Set when a client walked out: the meeting that ends next ends cut short. */
  private cutShort = false;

  constructor(
    private readonly core: RunCore,
    private readonly advise: boolean,
  ) {}

  get scenario() {
    return this.core.scenario;
  }
  get seed() {
    return this.core.seed;
  }
  private get s() {
    return this.core.s;
  }
  get status() {
    return this.s.status;
  }
  get state() {
    return this.s;
  }
  get score() {
    return scoreSheet(this.s.points, { disqualified: isDisqualification(this.core, this.s.ending) });
  }
  get options() {
    return this.s.status === "awaiting-choice" ? this.offered : [];
  }
  get title() {
    return this.scenario.nodes[this.s.node]?.title;
  }
  get line(): CurrentLine | null {
    if (this.s.status === "ended") return null;
    const node = this.scenario.nodes[this.s.node];
    const index = this.s.shown[this.s.line];
    if (!node || index === undefined) return null;
    const isLast = this.s.line === this.s.shown.length - 1;
    const reaction = this.s.reaction;
    if (index === -1 && reaction) {
      const text = reactionText(this.core, reaction.speaker, reaction.principle) ?? { "zh-CN": "……", en: "…" };
      return { id: `${this.s.node}#reaction`, node: this.s.node, index, speaker: reaction.speaker, text, isLast, reaction: reaction.principle };
    }
    const l = node.lines[index];
    if (!l) return null;
    return { id: `${this.s.node}#${index}`, node: this.s.node, index, speaker: l.speaker, text: l.text, isLast };
  }

  /** The run's own draw (which needs each stakeholder holds, the setup's random events), then the start node. */
  begin(): void {
    const core = this.core;
    for (const { who, need, chance } of core.facts.chanceNeeds) {
      if (core.random() >= chance) delete this.s.account.stakeholders[who]!.needs[need];
    }
    for (const g of core.facts.needGroups) {
      const total = g.weights.reduce((a, b) => a + b, 0);
      let roll = core.random() * total;
      const kept = g.needs.find((_, i) => (roll -= g.weights[i]!) < 0) ?? g.needs[g.needs.length - 1]!;
      for (const need of g.needs) if (need !== kept) delete this.s.account.stakeholders[g.who]!.needs[need];
    }
    drawTemperaments(core);
    const flow: Flow = { goto: undefined, ended: false };
    if (this.scenario.setup) {
      core.cause = "event";
      applyEffects(core, this.scenario.setup, this.scenario.start, undefined, flow);
      core.updateLevels();
      core.cause = undefined;
    }
    if (flow.ending !== undefined) return this.finish(flow.ending);
    this.enter(flow.goto ?? this.scenario.start, 0);
  }

  gateOpen(stageId: string): boolean {
    return gateOpen(this.core, stageId);
  }

  rank(optionId: string): number {
    const at = this.offeredAt(optionId);
    // The scenario's option, effects included: an option the author penalised ranks as one (rankOption).
    return at < 0 ? 0 : rankOption(this.core, this.offeredFrom[at]!);
  }

  setListening(stance: ListeningStance): void {
    const m = this.s.account.meeting;
    if (!m) throw new RunnerError("setListening() works only during a meeting");
    if (m.posture === stance.posture && m.notes === stance.notes) return;
    setListening(this.core, stance);
    this.s.inputs.push({ listen: stance.posture, notes: stance.notes });
  }

  advance(): void {
    if (this.s.status !== "line") throw new RunnerError(`advance() needs status "line", not "${this.s.status}"`);
    this.journal({ advance: 1 });
    const node = this.scenario.nodes[this.s.node]!;
    if (this.s.line < this.s.shown.length - 1) {
      this.s.line += 1;
      this.settle();
    } else if (node.next !== undefined) {
      this.s.reaction = null;
      this.enter(node.next, 0);
    } else if (node.ending !== undefined) {
      this.finish(node.ending);
    }
  }

  /** Records an input; consecutive advances are one entry. */
  private journal(input: Input): void {
    const last = this.s.inputs[this.s.inputs.length - 1];
    if ("advance" in input && last && "advance" in last) last.advance += input.advance;
    else this.s.inputs.push(input);
  }

  choose(optionId: string, listening?: ListeningStance): void {
    const s = this.s;
    if (s.status !== "awaiting-choice") throw new RunnerError(`choose() needs status "awaiting-choice", not "${s.status}"`);
    const at = this.offered.findIndex((o) => o.id === optionId);
    if (at < 0) throw new RunnerError(`option "${optionId}" is not offered in node "${s.node}"`);
    const offered = this.offered[at]!;
    const option = this.offeredFrom[at]!;
    const a = s.account;
    if (listening && a.meeting) this.setListening(listening);
    const nodeId = s.node;
    const better = this.advise ? betterOption(this.offered, optionId, (o) => this.rank(o.id)) : undefined;

    s.turn += 1;
    s.chosen.push(`${nodeId}/${optionId}`);
    this.journal({ choose: optionId, at: nodeId });
    const choice: Extract<RunState["log"][number], { type: "choice" }> = { type: "choice", turn: s.turn, node: nodeId, option: optionId, move: option.move };
    if (option.to !== undefined) choice.to = option.to;
    if (a.meeting) choice.listening = { posture: a.meeting.posture, notes: a.meeting.notes };
    s.log.push(choice);
    this.core.scoring = better === undefined ? { node: nodeId, option: optionId } : { node: nodeId, option: optionId, better };
    this.core.judging = { points: 0, principles: [] };

    if (offered.cost.weeks || offered.cost.budget) {
      a.weeks = Math.max(0, a.weeks - offered.cost.weeks);
      a.budget = Math.max(0, a.budget - offered.cost.budget);
      s.log.push({ type: "cost", turn: s.turn, weeks: offered.cost.weeks, budget: offered.cost.budget });
    }
    const pairsBefore = a.pairs.length;
    applyMove(this.core, option);
    for (let i = pairsBefore; i < a.pairs.length; i++) s.log.push({ type: "pair", turn: s.turn, colleague: a.pairs[i]! });
    listeningTurn(this.core, option);

    const flow: Flow = { goto: undefined, ended: false };
    if (option.effects) applyEffects(this.core, option.effects, nodeId, optionId, flow);
    this.core.scoring = null;
    this.core.updateLevels();
    s.last = judgeLastMove(this.core.judging!, nodeId, option);
    this.core.judging = null;
    if (flow.ending !== undefined) return this.finish(flow.ending);
    if (this.disqualified()) return;
    const walkout = this.walkout(option);
    const dest = walkout ?? flow.goto ?? option.next;
    if (dest === undefined) return this.stick(`option "${optionId}" leads nowhere`);
    s.reaction = walkout ? null : reactionTo(this.core, option, nodeId, dest);
    this.enter(dest, 0);
  }

  /** Where the meeting ends if this move left the addressed stakeholder too cold to go on (the scenario's `cutShort`). */
  private walkout(option: { to?: string }): string | undefined {
    const a = this.s.account;
    const cut = a.meeting ? this.scenario.meetings?.[a.meeting.id]?.cutShort : undefined;
    const who = option.to !== undefined && Object.hasOwn(a.stakeholders, option.to) ? a.stakeholders[option.to] : undefined;
    if (!cut || !who || who.emotion > cut.emotion) return undefined;
    this.core.award("relationships", -4, "rel.cut-short", option.to);
    this.cutShort = true;
    return cut.goto;
  }

  /** Compliance risk at the policy's limit ends the run at once. */
  private disqualified(): boolean {
    const policy = this.scenario.policy;
    if (!policy || this.s.account.risk < policy.riskLimit) return false;
    this.finish(policy.disqualifiedEnding);
    return true;
  }

  /** Enters a node: meetings start or end, notes are heard, onEnter effects run, the status settles. */
  private enter(nodeId: string, depth: number): void {
    const s = this.s;
    if (depth > MAX_REDIRECTS) return this.stick(`more than ${MAX_REDIRECTS} redirects in a row (a loop of onEnter gotos?)`);
    const node = Object.hasOwn(this.scenario.nodes, nodeId) ? this.scenario.nodes[nodeId] : undefined;
    if (!node) return this.stick(`no node "${nodeId}"`);
    const a = s.account;
    if (node.meeting !== a.meeting?.id) {
      endMeeting(this.core, this.cutShort);
      this.cutShort = false;
      s.reaction = null;
      if (node.meeting !== undefined) {
        startMeeting(this.core, node.meeting);
        competitorsAct(this.core, node.meeting);
      }
    }
    s.node = nodeId;
    s.line = 0;
    s.visits[nodeId] = (Object.hasOwn(s.visits, nodeId) ? s.visits[nodeId]! : 0) + 1;
    s.log.push({ type: "enter", turn: s.turn, node: nodeId });
    const facts = nodeFacts(node, this.scenario);
    if (node.notes) for (const note of node.notes) hear(this.core, note, facts.clientSpeaks);
    if (node.onEnter) {
      const flow: Flow = { goto: undefined, ended: false };
      applyEffects(this.core, node.onEnter, nodeId, undefined, flow);
      this.core.updateLevels();
      if (flow.ending !== undefined) return this.finish(flow.ending);
      if (this.disqualified()) return;
      if (flow.goto !== undefined) return this.enter(flow.goto, depth + 1);
    }
    s.shown = shownLines(this.core, node, facts, s.reaction !== null);
    this.settle();
  }

  /** Sets the status from where the run stands; recomputes the offered options (in this run's shuffled order). */
  settle(): void {
    const s = this.s;
    if (s.status === "ended") return;
    const node = this.scenario.nodes[s.node]!;
    this.offered = [];
    this.offeredFrom = [];
    this.offeredIndex = null;
    if (s.line < s.shown.length - 1 || !node.options) {
      s.status = "line";
      return;
    }
    const a = s.account;
    const all = nodeFacts(node, this.scenario).offered;
    for (let i = 0; i < all.length; i++) {
      const o = node.options[i]!;
      if (o.condition && !this.core.holds(o.condition)) continue;
      const offered = all[i]!;
      if (offered.cost.weeks > a.weeks || offered.cost.budget > a.budget) continue;
      this.offered.push(offered);
      this.offeredFrom.push(o);
    }
    shuffledForRun(this.core, this.offered, this.offeredFrom);
    if (this.offered.length > 0) s.status = "awaiting-choice";
    else this.stick(`no option is available in node "${s.node}" (conditions or cost)`);
  }

  private finish(ending: string): void {
    if (this.s.status === "ended") return;
    finishRun(this.core, ending);
    this.offered = [];
    this.offeredIndex = null;
  }

  private stick(reason: string): void {
    this.s.status = "stuck";
    this.offered = [];
    this.offeredIndex = null;
    this.s.log.push({ type: "stuck", turn: this.s.turn, node: this.s.node, reason });
  }
}
