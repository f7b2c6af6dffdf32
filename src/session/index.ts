/**
 * A run session: one run's whole lifecycle outside any front end. It owns the Runner,
 * autosaves after every step, records the result when the run ends, and tells its
 * subscribers what each step did as typed events. The Phaser scenes, sound cues, the
 * screen-reader mirror, LMS tracking, the room server and the studio preview all drive a
 * run through this and read it through view models; none of them holds the Runner.
 * No Phaser, DOM or storage here: saving and recording are ports the host passes in.
 */
import type { Scenario } from "../engine/loader.ts";
import { createRunner, type ListeningStance, type Runner, type RunEvent } from "../engine/runner.ts";
import { saveRun, type RunSnapshot } from "../engine/snapshot.ts";
import type { ScoreSheet } from "../engine/scorecard.ts";
import type { MoveTag } from "../engine/schema.ts";
import type { Competency, Outcome, Posture } from "../engine/vocabulary.ts";
import { meetingView, stepChange, type MeetingView, type StepChange } from "../engine/view/meeting.ts";
import { mapView, panelView, type MapView, type PanelView } from "../engine/view/account.ts";

/** Practice shows move marks, hints and instant explanations; assessment hides them until the debrief and is the run that counts as a record. */
export type RunMode = "practice" | "assessment";
export const RUN_MODES: readonly RunMode[] = ["practice", "assessment"];

/** A finished run, as records keep it. */
export interface RunResult {
  scenarioId: string;
  scenarioVersion: string;
  seed: string | number;
  mode: RunMode;
  total: number;
  competencies: Record<Competency, number>;
  ending: string;
  outcome: Outcome;
  disqualified: boolean;
  decisions: number;
  /** ISO time the run ended, from the host's clock. */
  endedAt: string;
}

/** What a step did, for subscribers. One `step` per advance, choice or stance change; the others follow it. */
export type SessionEvent =
  | { type: "step"; events: readonly RunEvent[]; change: StepChange }
  | {
      type: "decision";
      turn: number;
      node: string;
      option: string;
      move: MoveTag;
      to?: string;
      /** How the course ranks the chosen option and the best one offered (0-100), judged before the move. */
      rank: number;
      bestRank: number;
      best: string;
      /** Points by competency this decision scored, and the principles behind them. */
      points: Partial<Record<Competency, number>>;
      principles: string[];
      better?: string;
    }
  | { type: "listening"; posture: Posture; notes: boolean }
  | { type: "stage"; from: string; to: string }
  | { type: "ended"; result: RunResult; score: ScoreSheet };

export type SessionListener = (event: SessionEvent) => void;

export interface RunSessionOptions {
  scenario: Scenario;
  /** A new run with this seed… */
  seed?: string | number;
  /** …or an existing runner (a resumed save: see resume.ts). */
  runner?: Runner;
  mode: RunMode;
  /** Called with the snapshot after every step (and at the start). */
  autosave?: (snapshot: RunSnapshot) => void;
  /** Called once when the run ends. */
  record?: (result: RunResult) => void;
  /** The host's clock, for `endedAt` (tests pass a fixed one). */
  now?: () => Date;
}

export interface RunSession {
  readonly scenario: Scenario;
  readonly mode: RunMode;
  readonly seed: string | number;
  readonly status: Runner["status"];
  readonly score: ScoreSheet;
  readonly result: RunResult | null;
  /** View models: what the screens show. Fresh objects on every call. */
  meeting(): MeetingView;
  panel(): PanelView;
  map(): MapView;
  /** What the last step changed (for toasts), from its events. */
  lastChange(): StepChange;
  /** The listening stance in the current meeting, if in one. */
  listening(): ListeningStance | null;
  advance(): void;
  choose(optionId: string): void;
  setListening(stance: ListeningStance): void;
  snapshot(): RunSnapshot;
  subscribe(listener: SessionListener): () => void;
  /** For debrief and tools that replay or fork the run (engine-side view models take it). */
  readonly runner: Readonly<Runner>;
}

export function createRunSession(o: RunSessionOptions): RunSession {
  const runner = o.runner ?? createRunner(o.scenario, o.seed ?? Date.now());
  const listeners = new Set<SessionListener>();
  let lastEvents: readonly RunEvent[] = [];
  let result: RunResult | null = null;
  const now = o.now ?? (() => new Date());
  const emit = (e: SessionEvent) => {
    for (const l of listeners) l(e);
  };

  const save = () => o.autosave?.(saveRun(runner));
  /** After a step: autosave, tell subscribers, record the result once. */
  const afterStep = (logStart: number, extra: SessionEvent[] = []) => {
    lastEvents = runner.state.log.slice(logStart);
    save();
    const change = stepChange(lastEvents);
    emit({ type: "step", events: lastEvents, change });
    for (const e of extra) emit(e);
    for (const e of lastEvents) if (e.type === "stage") emit({ type: "stage", from: e.from, to: e.to });
    if (runner.status === "ended" && !result) {
      const st = runner.state;
      const score = runner.score;
      const ending = runner.scenario.endings[st.ending!]!;
      const endedEvent = st.log[st.log.length - 1];
      result = {
        scenarioId: runner.scenario.meta.id,
        scenarioVersion: runner.scenario.meta.version,
        seed: runner.seed,
        mode: o.mode,
        total: score.total,
        competencies: { ...score.competencies },
        ending: st.ending!,
        outcome: ending.outcome,
        disqualified: !!(endedEvent && endedEvent.type === "ended" && endedEvent.disqualified),
        decisions: st.turn,
        endedAt: now().toISOString(),
      };
      o.record?.(result);
      emit({ type: "ended", result, score });
    }
  };

  if (!o.runner) save();

  return {
    scenario: runner.scenario,
    mode: o.mode,
    get seed() {
      return runner.seed;
    },
    get status() {
      return runner.status;
    },
    get score() {
      return runner.score;
    },
    get result() {
      return result;
    },
    get runner() {
      return runner;
    },
    meeting: () => meetingView(runner, lastEvents),
    panel: () => panelView(runner),
    map: () => mapView(runner),
    lastChange: () => stepChange(lastEvents),
    listening() {
      const m = runner.state.account.meeting;
      return m ? { posture: m.posture, notes: m.notes } : null;
    },
    advance() {
      const at = runner.state.log.length;
      runner.advance();
      afterStep(at);
    },
    choose(optionId) {
      const ranks = runner.options.map((x) => ({ id: x.id, rank: runner.rank(x.id) }));
      const mine = ranks.find((x) => x.id === optionId);
      const best = ranks.reduce((a, b) => (b.rank > a.rank ? b : a), ranks[0] ?? { id: optionId, rank: 0 });
      const offered = runner.options.find((x) => x.id === optionId);
      const node = runner.state.node;
      const at = runner.state.log.length;
      runner.choose(optionId);
      const events = runner.state.log.slice(at);
      const points: Partial<Record<Competency, number>> = {};
      const principles: string[] = [];
      let better: string | undefined;
      for (const e of events) {
        if (e.type !== "score" || e.competency === "outcome") continue;
        points[e.competency] = (points[e.competency] ?? 0) + e.points;
        if (e.principle && !principles.includes(e.principle)) principles.push(e.principle);
        better ??= e.better;
      }
      const decision: SessionEvent = {
        type: "decision",
        turn: runner.state.turn,
        node,
        option: optionId,
        move: offered!.move,
        rank: mine?.rank ?? 0,
        bestRank: best.rank,
        best: best.id,
        points,
        principles,
        ...(offered?.to !== undefined ? { to: offered.to } : {}),
        ...(better !== undefined ? { better } : {}),
      };
      afterStep(at, [decision]);
    },
    setListening(stance) {
      const at = runner.state.log.length;
      runner.setListening(stance);
      afterStep(at, [{ type: "listening", posture: stance.posture, notes: stance.notes }]);
    },
    snapshot: () => saveRun(runner),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
