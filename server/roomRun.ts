/**
 * One deal played by a room, through the run session (src/session/) as every front end
 * plays one: the only module of the room server that touches a run. Everything else
 * sees plain views and an opaque snapshot.
 */
import { PRINCIPLES, type LocalizedText, type RunEvent, type Scenario } from "../src/engine/index.ts";
import { createRunSession, type RunSession } from "../src/session/index.ts";
import { resumeRunSession } from "../src/session/resume.ts";
import type { AccountView, LineView, MoveReason, OptionView, StageView } from "../src/room/protocol.ts";

/** Lines one readOn() walks at most: a scenario that loops on lines without options cannot hang the server. */
const MAX_LINES = 400;

export type RunPhase = "decision" | "ended" | "stuck";

export class RoomRun {
  private constructor(
    private readonly scenario: Scenario,
    private readonly session: RunSession,
  ) {}

  /** A room's deal is practice: the facilitator decides whether phones show the move marks. */
  static start(scenario: Scenario, seed: number): RoomRun {
    return new RoomRun(scenario, createRunSession({ scenario, seed, mode: "practice" }));
  }

  /** Rebuilds a run from a snapshot this module made; throws SaveError if it is damaged. */
  static restore(scenario: Scenario, snapshot: unknown): RoomRun {
    return new RoomRun(scenario, resumeRunSession(scenario, snapshot, { mode: "practice" }));
  }

  /** Opaque JSON to store with the room. */
  snapshot(): unknown {
    return this.session.snapshot();
  }

  private get runner() {
    return this.session.runner;
  }

  get phase(): RunPhase {
    const s = this.runner.status;
    return s === "ended" ? "ended" : s === "stuck" ? "stuck" : "decision";
  }

  /** Walks the lines up to the next decision (or the end) and returns them, the current line included. */
  readOn(): LineView[] {
    const lines: LineView[] = [];
    const take = () => {
      const l = this.runner.line;
      if (l) lines.push(this.lineView(l.speaker, l.text));
    };
    take();
    for (let i = 0; i < MAX_LINES && this.runner.status === "line"; i++) {
      this.session.advance();
      take();
    }
    return lines;
  }

  /** The options on offer now, in the runner's order. */
  options(): OptionView[] {
    if (this.runner.status !== "awaiting-choice") return [];
    return this.runner.options.map((o) => ({
      id: o.id,
      text: o.text,
      move: o.move,
      to: o.to ? (this.scenario.cast[o.to]?.name ?? null) : null,
    }));
  }

  /** How good each offered option is by the course (0-100), judged before anything is chosen. */
  ranks(): Record<string, number> {
    const ranks: Record<string, number> = {};
    for (const o of this.runner.options) ranks[o.id] = this.runner.rank(o.id);
    return ranks;
  }

  /** What choosing `optionId` would score and why, tried on a copy of the run. */
  reasonFor(optionId: string): MoveReason | null {
    const copy = resumeRunSession(this.scenario, this.session.snapshot(), { mode: "practice" });
    const from = copy.runner.state.log.length;
    copy.choose(optionId);
    return strongestReason(copy.runner.state.log.slice(from));
  }

  /** Plays the option; returns why it scored as it did. */
  play(optionId: string): MoveReason | null {
    const from = this.runner.state.log.length;
    this.session.choose(optionId);
    return strongestReason(this.runner.state.log.slice(from));
  }

  score(): number {
    return this.session.score.total;
  }

  meeting(): LocalizedText | null {
    const id = this.runner.state.account.meeting?.id;
    const fromMeeting = id ? this.scenario.meetings?.[id]?.title : undefined;
    return fromMeeting ?? this.runner.title ?? null;
  }

  stage(): StageView {
    const s = this.scenario.stages.find((x) => x.id === this.runner.state.stage);
    return { pipeline: s?.pipeline ?? this.runner.state.stage, title: s?.title ?? null };
  }

  ending(): { outcome: Scenario["endings"][string]["outcome"]; title: LocalizedText; summary: LocalizedText } | null {
    const id = this.runner.state.ending;
    const e = id ? this.scenario.endings[id] : undefined;
    return e ? { outcome: e.outcome, title: e.title, summary: e.summary } : null;
  }

  account(): AccountView {
    const a = this.runner.state.account;
    const talk = Object.values(a.talk);
    return {
      stage: this.stage(),
      weeks: a.weeks,
      budget: a.budget,
      risk: a.risk,
      objections: a.objections,
      stakeholders: Object.entries(a.stakeholders).map(([id, s]) => ({
        id,
        name: this.scenario.cast[id]?.name ?? { en: id },
        title: this.scenario.cast[id]?.title ?? { en: "" },
        level: s.level,
        trust: s.trust,
        interest: s.interest,
        emotion: s.emotion,
      })),
      tasks: this.scenario.stages.some((s) => s.id === "shortlist") ? { ...a.tasks } : null,
      talkShare: talk.length ? talk[talk.length - 1]! : null,
    };
  }

  private lineView(speaker: string, text: LocalizedText): LineView {
    if (speaker === "narrator" || speaker === "rep") return { speaker, name: null, title: null, text };
    const who = this.scenario.cast[speaker];
    return { speaker: "cast", name: who?.name ?? { en: speaker }, title: who?.title ?? null, text };
  }
}

/** The score event that weighed most (by size) among those a choice caused, with its principle. */
function strongestReason(events: readonly RunEvent[]): MoveReason | null {
  let best: Extract<RunEvent, { type: "score" }> | null = null;
  for (const e of events) {
    if (e.type === "score" && (!best || Math.abs(e.points) > Math.abs(best.points))) best = e;
  }
  if (!best) return null;
  const p = best.principle ? PRINCIPLES[best.principle] : undefined;
  const principle = p ? { "zh-CN": p["zh-CN"], en: p.en } : null;
  // An event without its own explanation is explained by its principle.
  return { principle, explain: best.explain ?? principle ?? { en: best.competency }, points: best.points };
}
