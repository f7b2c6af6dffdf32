/**
 * The debrief as a view model: the ending and *the* reason for it (which condition failed,
 * for whom), the decision where the deal could have been won, the run's three lessons,
 * and the timeline by meeting with what the client felt and why.
 */
import type { Runner } from "../runner.ts";
import type { LocalizedText, MoveTag } from "../schema.ts";
import type { Competency, Level, Meter, Outcome } from "../vocabulary.ts";
import { initialAccount, switchingCost } from "../account.ts";
import { explainScore, PRINCIPLES, type ScoreSheet } from "../scorecard.ts";
import { isDisqualification } from "../finish.ts";
import { taskViews, type PanelView } from "./account.ts";
import { turningPoint, type TurningPoint } from "./turning.ts";
import { endingReason, lostAt, type EndingReason } from "./reason.ts";
import { lessonsOf, type Lesson } from "./lessons.ts";
import type { Colleague } from "../vocabulary.ts";

export interface OptionRef {
  text: LocalizedText;
  move: MoveTag;
}

/** One scored moment, merged across competencies when one principle scored twice for one choice. */
export interface LessonEvent {
  turn: number;
  node: string;
  principle?: string;
  explain: LocalizedText;
  research: boolean;
  points: { competency: Competency; points: number }[];
  total: number;
  chosen?: OptionRef;
  better?: OptionRef;
}

export interface MeetingStory {
  meeting: string | null;
  title?: LocalizedText;
  /** How each stakeholder's meters moved in this meeting, and by whose doing. */
  feelings: { who: string; name: LocalizedText; changes: Partial<Record<Meter, number>>; byRival: boolean }[];
  events: LessonEvent[];
  talkShare?: number;
  cutShort: boolean;
}

export interface DebriefView {
  ending: { id: string; title: LocalizedText; summary: LocalizedText; outcome: Outcome; disqualified: boolean } | null;
  score: ScoreSheet;
  /** Why the run ended where it did, for every kind of ending (reason.ts). */
  reason: EndingReason | null;
  /** The last decision where a better ending was still reachable, and the ending it reaches; null on the best ending. */
  turningPoint: (TurningPoint & { chosenOption?: OptionRef; betterOption?: OptionRef; endingTitle?: LocalizedText }) | null;
  /** The option behind a disqualification or a path reason, as the player saw it. */
  reasonOption?: OptionRef;
  /** The three lessons, netted by topic; what decided the ending first (lessons.ts). */
  lessons: Lesson[];
  meetings: MeetingStory[];
  tasks: PanelView["tasks"];
  relationships: { id: string; name: LocalizedText; title: LocalizedText; from: Level; to: Level }[];
  pairs: Colleague[];
  switchingCost: number;
  talk: { meeting: string; title?: LocalizedText; share: number }[];
  seed: string | number;
}

function optionRef(r: Runner, node: string, option: string | undefined): OptionRef | undefined {
  if (option === undefined) return undefined;
  const o = r.scenario.nodes[node]?.options?.find((x) => x.id === option);
  return o ? { text: o.text, move: o.move } : undefined;
}

function lessonEvents(r: Runner, events: readonly Extract<Runner["state"]["log"][number], { type: "score" }>[]): LessonEvent[] {
  const byKey = new Map<string, LessonEvent>();
  const out: LessonEvent[] = [];
  for (const e of events) {
    const key = `${e.turn}|${e.node}|${e.option ?? ""}|${e.principle ?? JSON.stringify(e.explain)}`;
    let ev = byKey.get(key);
    if (!ev) {
      ev = { turn: e.turn, node: e.node, explain: explainScore(e), research: !!(e.principle && PRINCIPLES[e.principle]?.research), points: [], total: 0 };
      if (e.principle) ev.principle = e.principle;
      const chosen = optionRef(r, e.node, e.option);
      if (chosen) ev.chosen = chosen;
      byKey.set(key, ev);
      out.push(ev);
    }
    const better = e.points < 0 ? optionRef(r, e.node, e.better) : undefined;
    if (better && !ev.better) ev.better = better;
    ev.points.push({ competency: e.competency, points: e.points });
    ev.total += e.points;
  }
  return out;
}

export function debriefView(r: Runner): DebriefView {
  const s = r.scenario;
  const st = r.state;
  const endingData = st.ending ? s.endings[st.ending] : undefined;
  const ending = st.ending && endingData ? { id: st.ending, title: endingData.title, summary: endingData.summary, outcome: endingData.outcome, disqualified: isDisqualification(r, st.ending) } : null;
  const reason = endingReason(r);
  const reasonOption = reason && (reason.kind === "disqualified" || reason.kind === "path") ? optionRef(r, reason.node, reason.option) : undefined;

  const tp = ending && reason?.kind !== "best" ? turningPoint(s, r.seed, st.inputs) : null;
  const chosenOption = tp && optionRef(r, tp.node, tp.chosen);
  const betterOption = tp && optionRef(r, tp.node, tp.better);
  const endingTitle = tp && s.endings[tp.ending]?.title;
  const turning = tp ? { ...tp, ...(chosenOption ? { chosenOption } : {}), ...(betterOption ? { betterOption } : {}), ...(endingTitle ? { endingTitle } : {}) } : null;

  // The timeline by meeting: events and feelings between each meeting's start and end.
  const meetings: MeetingStory[] = [];
  let current: MeetingStory = { meeting: null, feelings: [], events: [], cutShort: false };
  let scores: Extract<Runner["state"]["log"][number], { type: "score" }>[] = [];
  const feel = new Map<string, MeetingStory["feelings"][number]>();
  const close = () => {
    current.events = lessonEvents(r, scores);
    current.feelings = [...feel.values()];
    if (current.events.length || current.feelings.length || current.meeting) meetings.push(current);
    scores = [];
    feel.clear();
  };
  for (const e of st.log) {
    if (e.type === "meeting-start") {
      close();
      const title = s.meetings?.[e.meeting]?.title;
      current = { meeting: e.meeting, ...(title ? { title } : {}), feelings: [], events: [], cutShort: false };
    } else if (e.type === "meeting-end") {
      current.talkShare = e.talkShare;
      current.cutShort = !!e.cutShort;
    } else if (e.type === "score") scores.push(e);
    else if (e.type === "meter") {
      const f = feel.get(e.who) ?? { who: e.who, name: s.cast[e.who]!.name, changes: {}, byRival: false };
      f.changes[e.meter] = (f.changes[e.meter] ?? 0) + (e.to - e.from);
      if (e.cause === "competitor") f.byRival = true;
      feel.set(e.who, f);
    }
  }
  close();

  // What decided the ending leads the lessons: the gift, else what the turning point's choice got wrong, else the last step's.
  const decisive = reason?.kind === "disqualified" ? ["ethics.disqualified"] : [...(tp ? lostAt(st.log, tp.turn, tp.node) : []), ...(reason?.kind === "path" ? reason.principles : [])].slice(0, 1);
  const lessons = lessonsOf(st.log, decisive);

  const start = initialAccount(s);
  return {
    ending,
    score: r.score,
    reason,
    ...(reasonOption ? { reasonOption } : {}),
    turningPoint: turning,
    lessons,
    meetings,
    tasks: taskViews(r),
    relationships: Object.entries(s.cast).map(([id, who]) => ({ id, name: who.name, title: who.title, from: start.stakeholders[id]!.level, to: st.account.stakeholders[id]!.level })),
    pairs: [...st.account.pairs],
    switchingCost: switchingCost(st.account),
    talk: Object.entries(st.account.talk).map(([meeting, share]) => ({ meeting, ...(s.meetings?.[meeting]?.title ? { title: s.meetings[meeting]!.title } : {}), share })),
    seed: r.seed,
  };
}
