/**
 * What an LMS or an LRS hears about a run, as typed step events: each decision (with its
 * move kind, the points it moved and the principle behind them), each stage reached, and
 * the ending with the scorecard. Read from the engine's event log, so every front end
 * (the game, a headless run in a test) produces the same reports.
 * (The game's run session also emits step events, but only inside the meeting scene; the
 * log, rebuilt from each autosave, reaches this code without a hook in the scene.)
 */
import type { Runner, RunEvent } from "../engine/runner.ts";
import { PRINCIPLES } from "../engine/scorecard.ts";
import type { Scenario } from "../engine/loader.ts";
import { COMPETENCIES, type Competency, type Outcome } from "../engine/vocabulary.ts";
import type { Locale } from "../engine/vocabulary.ts";

export interface DecisionReport {
  /** 0-based count of decisions before this one. */
  index: number;
  node: string;
  option: string;
  /** The option's text as the player read it. */
  optionText: string;
  moveKind: string;
  /** Points won (+) or lost (-) per competency by this decision. */
  points: Partial<Record<Competency, number>>;
  /** Sum of those points: > 0 a good move by the course, < 0 a poor one. */
  net: number;
  /** The course principle behind the biggest score change, in the player's language. */
  principle?: { id: string; text: string };
}

export interface StageReport {
  from: string;
  to: string;
  /** 1-based position of `to` among the scenario's stages. */
  position: number;
  of: number;
}

export interface EndReport {
  ending: string;
  outcome: Outcome;
  total: number;
  competencies: Record<Competency, number>;
}

export interface RunListener {
  onDecision?(d: DecisionReport): void;
  onStage?(s: StageReport): void;
  onEnded?(e: EndReport): void;
}

/** Feeds a listener from a run's log, each event once, however often it is called. */
export class RunFeed {
  private seen = 0;
  private openAt = 0;
  private decisions = 0;
  /** The decision whose consequences are still arriving (its score events follow it in the log). */
  private open: { choice: Extract<RunEvent, { type: "choice" }>; scores: Extract<RunEvent, { type: "score" }>[] } | null = null;

  constructor(
    private readonly scenario: Scenario,
    private readonly listener: RunListener,
    private readonly locale: Locale = "zh-CN",
  ) {}

  /** Log events read so far (a decision still open counts as read: it is reported on the next call). */
  get seenEvents(): number {
    return this.open ? this.openAt : this.seen;
  }

  /** Decisions already passed to the listener. */
  get reported(): number {
    return this.decisions;
  }

  /** How many decisions have been reported. */
  get decisionCount(): number {
    return this.decisions + (this.open ? 1 : 0);
  }

  /** Skips what was already reported in an earlier session (a resumed run): the first `events` of the log, holding `decisions` choices. */
  skip(events: number, decisions: number): void {
    this.seen = events;
    this.decisions = decisions;
  }

  /** Reports what happened since the last call. */
  update(runner: Pick<Runner, "state" | "status" | "score">): void {
    const log = runner.state.log;
    for (; this.seen < log.length; this.seen++) {
      const e = log[this.seen]!;
      if (e.type === "choice") {
        this.flush();
        this.open = { choice: e, scores: [] };
        this.openAt = this.seen;
      } else if (e.type === "score" && this.open && e.competency !== "outcome") {
        this.open.scores.push(e);
      } else if (e.type === "stage") {
        const stages = this.scenario.stages.map((s) => s.id);
        this.listener.onStage?.({ from: e.from, to: e.to, position: stages.indexOf(e.to) + 1, of: stages.length });
      } else if (e.type === "ended") {
        this.flush();
        const sheet = runner.score;
        this.listener.onEnded?.({ ending: e.ending, outcome: e.outcome, total: sheet.total, competencies: { ...sheet.competencies } });
      }
    }
    // choose() applies a move's consequences at once, so they are all in the log by now: report it,
    // so a learner who leaves right after a decision has it on record.
    this.flush();
  }

  private flush(): void {
    const o = this.open;
    if (!o) return;
    this.open = null;
    const points: Partial<Record<Competency, number>> = {};
    for (const s of o.scores) points[s.competency] = (points[s.competency] ?? 0) + s.points;
    const net = COMPETENCIES.reduce((sum, c) => sum + (points[c] ?? 0), 0);
    const biggest = [...o.scores].filter((s) => s.principle).sort((a, b) => Math.abs(b.points) - Math.abs(a.points))[0];
    const option = this.scenario.nodes[o.choice.node]?.options?.find((x) => x.id === o.choice.option);
    const report: DecisionReport = {
      index: this.decisions++,
      node: o.choice.node,
      option: o.choice.option,
      optionText: option ? option.text[this.locale] || option.text["zh-CN"] || "" : "",
      moveKind: o.choice.move.kind,
      points,
      net,
    };
    if (biggest?.principle) {
      const p = PRINCIPLES[biggest.principle];
      report.principle = { id: biggest.principle, text: p ? p[this.locale] : biggest.principle };
    }
    this.listener.onDecision?.(report);
  }
}
