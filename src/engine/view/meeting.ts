/**
 * The meeting as a view model: the line on screen with its speaker, the options in this
 * run's order, who is in the room and how each feels, and what the last step changed
 * (so toasts credit the player only for what the player did).
 */
import type { Runner } from "../runner.ts";
import type { LocalizedText, MoveTag } from "../schema.ts";
import type { Scenario } from "../loader.ts";
import type { Competency, Department, Level, Meter } from "../vocabulary.ts";
import type { RunEvent } from "../state.ts";
import { talkShareNow } from "../meetings.ts";
import { MAX_MEETING_CAST } from "../caps.ts";

const attendeesCache = new WeakMap<Scenario, Map<string, string[]>>();

/** Which stakeholders take part in a meeting: those who speak in it or are addressed in it. */
export function attendees(s: Scenario, meeting: string): string[] {
  let byMeeting = attendeesCache.get(s);
  if (!byMeeting) {
    byMeeting = new Map();
    for (const node of Object.values(s.nodes)) {
      if (!node.meeting) continue;
      const list = byMeeting.get(node.meeting) ?? [];
      const add = (id: string | undefined) => {
        if (id && Object.hasOwn(s.cast, id) && !list.includes(id)) list.push(id);
      };
      node.lines.forEach((l) => add(l.speaker));
      node.options?.forEach((o) => add(o.to));
      byMeeting.set(node.meeting, list);
    }
    attendeesCache.set(s, byMeeting);
  }
  return byMeeting.get(meeting) ?? [];
}

export interface AttendeeView {
  id: string;
  name: LocalizedText;
  department: Department;
  archetype?: string;
  level: Level;
  trust: number;
  interest: number;
  emotion: number;
  speaking: boolean;
  /** Net meter change in the last step, for the face's reaction. */
  delta: number;
}

/** What the last step changed, for toasts: meters by who and why, and the points scored. */
export interface StepChange {
  meters: { who: string; meter: Meter; delta: number; cause: "player" | "competitor" | "event" }[];
  scores: { competency: Competency; points: number; principle?: string }[];
  /** A competitor acted in this step. */
  competitor: boolean;
  /** A stage was reached in this step. */
  stage: boolean;
  /** The move the player just made, if the step was a choice. */
  move?: MoveTag;
}

export function stepChange(events: readonly RunEvent[]): StepChange {
  const change: StepChange = { meters: [], scores: [], competitor: false, stage: false };
  for (const e of events) {
    if (e.type === "meter") change.meters.push({ who: e.who, meter: e.meter, delta: e.to - e.from, cause: e.cause ?? "player" });
    else if (e.type === "score" && e.competency !== "outcome") change.scores.push(e.principle ? { competency: e.competency, points: e.points, principle: e.principle } : { competency: e.competency, points: e.points });
    else if (e.type === "competitor") change.competitor = true;
    else if (e.type === "stage") change.stage = true;
    else if (e.type === "choice") change.move = e.move;
  }
  return change;
}

export interface MeetingView {
  client: LocalizedText;
  scenarioTitle: LocalizedText;
  /** The node's title (a meeting's name), if any. */
  title?: LocalizedText;
  stage: { pipeline: string; title?: LocalizedText };
  turn: number;
  status: Runner["status"];
  line: { id: string; speaker: string; name?: LocalizedText; jobTitle?: LocalizedText; text: LocalizedText; reaction?: string } | null;
  options: { id: string; text: LocalizedText; move: MoveTag; cost: { weeks: number; budget: number } }[];
  stuck?: string;
  attendees: AttendeeView[];
  inMeeting: boolean;
  talkShare: number | null;
  /**
   * How the course judged the last decision: for practice mode's explanation. `fresh` while
   * that decision's consequences are on screen (the step right after it); kept until the next
   * decision so the player can read it again.
   */
  judged?: { principle: string; points: number; better?: LocalizedText; fresh: boolean };
}

export function meetingView(r: Runner, lastEvents: readonly RunEvent[] = []): MeetingView {
  const s = r.scenario;
  const st = r.state;
  const line = r.line;
  const stage = s.stages.find((x) => x.id === st.stage)!;
  const m = st.account.meeting;
  const speaking = line?.speaker;
  const view: MeetingView = {
    client: s.meta.client,
    scenarioTitle: s.meta.title,
    stage: stage.title ? { pipeline: stage.pipeline, title: stage.title } : { pipeline: stage.pipeline },
    turn: st.turn,
    status: r.status,
    line: null,
    options: r.options.map((o) => ({ id: o.id, text: o.text, move: o.move, cost: o.cost })),
    attendees: [],
    inMeeting: !!m,
    talkShare: talkShareNow(st),
  };
  if (r.title) view.title = r.title;
  if (line) {
    const who = Object.hasOwn(s.cast, line.speaker) ? s.cast[line.speaker] : undefined;
    view.line = { id: line.id, speaker: line.speaker, text: line.text };
    if (who) {
      view.line.name = who.name;
      view.line.jobTitle = who.title;
    }
    if (line.reaction) view.line.reaction = line.reaction;
  }
  const lastInput = st.inputs[st.inputs.length - 1];
  if (st.last && st.last.principles.length) {
    const fresh = !!lastInput && "choose" in lastInput;
    const top = st.last.principles[0]!;
    let better: string | undefined;
    for (let i = st.log.length - 1; i >= 0 && st.log[i]!.type !== "choice"; i--) {
      const e = st.log[i]!;
      if (e.type === "score" && e.better) better = e.better;
    }
    const text = better ? s.nodes[st.last.node]?.options?.find((o) => o.id === better)?.text : undefined;
    view.judged = text ? { principle: top.principle, points: st.last.points, better: text, fresh } : { principle: top.principle, points: st.last.points, fresh };
  }
  if (r.status === "stuck") {
    const ev = st.log.at(-1);
    view.stuck = ev && ev.type === "stuck" ? ev.reason : "?";
  }
  if (m) {
    for (const id of attendees(s, m.id).slice(0, MAX_MEETING_CAST)) {
      const who = s.cast[id]!;
      const a = st.account.stakeholders[id]!;
      const delta = lastEvents.reduce((sum, e) => sum + (e.type === "meter" && e.who === id ? e.to - e.from : 0), 0);
      const v: AttendeeView = { id, name: who.name, department: who.department, level: a.level, trust: a.trust, interest: a.interest, emotion: a.emotion, speaking: speaking === id, delta };
      if (who.archetype) v.archetype = who.archetype;
      view.attendees.push(v);
    }
  }
  return view;
}
