/**
 * The stored state of one room: plain JSON, so it lives in a Map in one process or as a
 * Redis value shared by several. Views for the pages are built from it (views.ts); the
 * deals inside are opaque runner snapshots that only roomRun.ts opens.
 */
import type { Scenario } from "../src/engine/index.ts";
import type {
  AccountView,
  DecisionView,
  LineView,
  MoveReason,
  OptionView,
  PickedBy,
  RoomMode,
  RoomPhase,
  TrackView,
} from "../src/room/protocol.ts";
import type { Locale } from "../src/engine/vocabulary.ts";
import { RoomRun } from "./roomRun.ts";

export const RECORD_VERSION = 1;

export interface Participant {
  pid: string;
  /** sha256 of the phone's stable client id: the id itself is a rejoin secret and never stored or sent. */
  clientKey: string;
  name: string;
  team: string | null;
  joinedAt: number;
  away: boolean;
  kicked: boolean;
}

export interface Vote {
  option: string;
  at: number;
}

/** A decision open to the room (or one team), with what the course thinks of each option. */
export interface OpenDecision {
  options: OptionView[];
  ranks: Record<string, number>;
  best: string[];
  bestWhy: MoveReason | null;
  /** The team deciding in "turns" mode; null when everyone may vote. */
  team: string | null;
  votes: Record<string, Vote>;
  prompt: LineView | null;
}

export interface TrackRecord {
  team: string | null;
  snapshot: unknown;
  lines: LineView[];
  meeting: TrackView["meeting"];
  stage: TrackView["stage"];
  decision: OpenDecision | null;
  /** Options of the next decision (known as soon as the lines are read). */
  pending: OptionView[];
  lastPlayed: TrackView["lastPlayed"];
  ended: TrackView["ended"];
  stuck: boolean;
  score: number;
  account: AccountView;
}

/** A decision once played, with every vote, for the debrief and the exports. */
export interface DecisionRecord extends DecisionView {
  votes: Record<string, string>;
}

export interface RoomRecord {
  v: typeof RECORD_VERSION;
  code: string;
  /** sha256 of the facilitator token. */
  hostKey: string;
  scenarioId: string;
  seed: number;
  mode: RoomMode;
  timerSec: number;
  showMoves: boolean;
  teams: string[];
  locale: Locale;
  createdAt: number;
  touchedAt: number;
  /** Counts saved changes: pages drop a view older than one they have (views can cross between processes). */
  rev: number;
  phase: RoomPhase;
  paused: boolean;
  deadline: number | null;
  remainingMs: number | null;
  round: number;
  /** How many turns have been taken in "turns" mode (which team is next). */
  turns: number;
  showMap: boolean;
  participants: Record<string, Participant>;
  tracks: TrackRecord[];
  history: DecisionRecord[];
}

/** Refuses a message: the room is left as it was. */
export class RoomRefusal extends Error {
  constructor(
    readonly code: import("../src/room/protocol.ts").Refusal,
    detail?: string,
  ) {
    super(detail ?? code);
  }
}

/** A fresh track: the deal started and read up to its first decision. */
export function startTrack(scenario: Scenario, seed: number, team: string | null): TrackRecord {
  const run = RoomRun.start(scenario, seed);
  const lines = run.readOn();
  return refreshTrack({ team, decision: null, lastPlayed: null }, run, lines);
}

/** Copies what the views need out of the run, so building a view never opens a runner. */
export function refreshTrack(base: Pick<TrackRecord, "team" | "decision" | "lastPlayed">, run: RoomRun, lines: LineView[]): TrackRecord {
  return {
    team: base.team,
    decision: base.decision,
    lastPlayed: base.lastPlayed,
    snapshot: run.snapshot(),
    lines,
    meeting: run.meeting(),
    stage: run.stage(),
    pending: run.phase === "decision" ? run.options() : [],
    ended: run.ending(),
    stuck: run.phase === "stuck",
    score: run.score(),
    account: run.account(),
  };
}

export function activeParticipants(rec: RoomRecord): Participant[] {
  return Object.values(rec.participants).filter((p) => !p.kicked);
}

/** Which track a participant votes on: their team's in competing mode, otherwise the one deal. */
export function trackOf(rec: RoomRecord, p: Participant): number | null {
  if (rec.mode !== "compete") return 0;
  const i = rec.tracks.findIndex((t) => t.team === p.team);
  return i < 0 ? null : i;
}

/** Who may vote on a track's open decision. */
export function eligibleVoters(rec: RoomRecord, track: number): Participant[] {
  const t = rec.tracks[track];
  return activeParticipants(rec).filter((p) => {
    if (rec.mode === "compete") return p.team === t?.team;
    if (rec.mode === "turns" && t?.decision?.team) return p.team === t.decision.team;
    return true;
  });
}

/** The room's choice: most votes; a tie goes to the option that got its first vote earliest. */
export function majority(decision: OpenDecision): string | null {
  const count = new Map<string, { n: number; first: number }>();
  for (const v of Object.values(decision.votes)) {
    const c = count.get(v.option) ?? { n: 0, first: v.at };
    c.n++;
    c.first = Math.min(c.first, v.at);
    count.set(v.option, c);
  }
  let best: string | null = null;
  let top = { n: 0, first: Infinity };
  for (const [option, c] of count) {
    if (c.n > top.n || (c.n === top.n && c.first < top.first)) {
      best = option;
      top = c;
    }
  }
  return best;
}

export function distribution(decision: OpenDecision): Record<string, number> {
  const d: Record<string, number> = {};
  for (const o of decision.options) d[o.id] = 0;
  for (const v of Object.values(decision.votes)) d[v.option] = (d[v.option] ?? 0) + 1;
  return d;
}

export type { PickedBy };
