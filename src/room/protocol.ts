/**
 * The team-session protocol shared by the room server (server/) and its two pages
 * (facilitator and trainee). Types only plus a few constants: the server validates every
 * incoming message with zod (server/messages.ts), the pages trust nothing but the server.
 */
import type { LocalizedText, MoveTag } from "../engine/schema.ts";
import type { Level, Locale, Outcome, Stage3Task, TaskStatus } from "../engine/vocabulary.ts";

/** How a room decides: all together, teams in turn on one deal, or teams each on their own copy of the deal. */
export const ROOM_MODES = ["room", "turns", "compete"] as const;
export type RoomMode = (typeof ROOM_MODES)[number];

/** Seconds a vote stays open; 0 means the facilitator closes it by hand. */
export const TIMER_CHOICES = [0, 15, 20, 30, 45, 60, 90, 120] as const;

/** Longest participant name, in characters (after trimming). */
export const MAX_NAME = 24;
/** Longest team name, in characters. */
export const MAX_TEAM = 16;
/** Teams a facilitator may set up in the team modes. */
export const MAX_TEAMS = 6;
/** Participants one room takes (the course's rooms have 5-40 trainees; some slack for rejoins on new phones). */
export const MAX_PARTICIPANTS = 60;
/** Room codes: six characters from an alphabet without look-alikes (0/O, 1/I/L). */
export const ROOM_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const ROOM_CODE_LENGTH = 6;

/**
 * Where the room is: waiting for people, showing the lines before a decision, taking votes,
 * votes closed (count only), distribution revealed, and the session debrief.
 */
export type RoomPhase = "lobby" | "reading" | "voting" | "closed" | "revealed" | "debrief";

/** A bundled scenario the server can run. */
export interface ScenarioInfo {
  id: string;
  title: LocalizedText;
  summary: LocalizedText;
  minutes: number;
  difficulty: number | null;
}

/** What GET /api/info answers: where trainees join and what can be played. */
export interface ServerInfo {
  /** The trainee page on the server's LAN address, e.g. http://192.168.1.20:8080/join.html */
  joinUrl: string;
  scenarios: ScenarioInfo[];
}

/** One line of dialogue, the speaker already resolved to a name (and job title). */
export interface LineView {
  speaker: "narrator" | "rep" | "cast";
  name: LocalizedText | null;
  title: LocalizedText | null;
  text: LocalizedText;
}

/** An option on offer, in the runner's order. `to` is the addressed stakeholder's name. */
export interface OptionView {
  id: string;
  text: LocalizedText;
  move: MoveTag;
  to: LocalizedText | null;
}

/** A DOM-friendly summary of the account (the game's account map, in short). */
/** A deal stage: the scenario's own name for it, and the pipeline step it belongs to. */
export interface StageView {
  pipeline: string;
  title: LocalizedText | null;
}

export interface AccountView {
  stage: StageView;
  weeks: number;
  budget: number;
  risk: number;
  objections: number;
  stakeholders: Array<{ id: string; name: LocalizedText; title: LocalizedText; level: Level; trust: number; interest: number; emotion: number }>;
  tasks: Record<Stage3Task, TaskStatus> | null;
  /** The rep's talk share of the last finished meeting, 0..1, if any. */
  talkShare: number | null;
}

/** How the played option was picked. */
export type PickedBy = "majority" | "facilitator" | "skipped";

/** Why a move is good or bad, by the course. */
export interface MoveReason {
  principle: LocalizedText | null;
  explain: LocalizedText;
  points: number;
}

/** One deal being played: the whole room's, or one team's in competing mode. */
export interface TrackView {
  index: number;
  team: string | null;
  meeting: LocalizedText | null;
  stage: StageView;
  /** Lines since the last decision, oldest first. */
  lines: LineView[];
  /** The options of the pending decision, or null between decisions and at the end. */
  options: OptionView[] | null;
  votes: number;
  eligible: number;
  /** Votes per option id, only once revealed. */
  distribution: Record<string, number> | null;
  /** The room's choice (majority; ties go to the option voted first), once revealed. */
  leading: string | null;
  /** The option played last and how it was picked. */
  lastPlayed: { text: LocalizedText; by: PickedBy } | null;
  ended: { outcome: Outcome; title: LocalizedText; summary: LocalizedText } | null;
  /** The run's scorecard total, 0-100. */
  score: number;
  account: AccountView | null;
}

/** A person in the room, as the facilitator sees them. */
export interface ParticipantView {
  pid: string;
  name: string;
  team: string | null;
  away: boolean;
  voted: boolean;
}

/** One decision of the session, as the debrief shows it. */
export interface DecisionView {
  round: number;
  track: number;
  team: string | null;
  meeting: LocalizedText | null;
  prompt: LineView | null;
  options: Array<OptionView & { rank: number; votes: number }>;
  chosen: string;
  by: PickedBy;
  /** Ids of the best-ranked options (the course's best move). */
  best: string[];
  bestWhy: MoveReason | null;
  chosenWhy: MoveReason | null;
  scoreAfter: number;
}

export interface LeaderRow {
  pid: string;
  name: string;
  team: string | null;
  votes: number;
  /** Votes that picked a best-ranked option. */
  best: number;
  /** Mean course rank (0-100) of the options this person voted for. */
  meanRank: number;
}

export interface TeamRow {
  team: string;
  /** Competing mode: the team's deal score; otherwise the mean rank of its members' votes. */
  score: number;
  members: number;
  ending: LocalizedText | null;
}

export interface SessionDebrief {
  decisions: DecisionView[];
  teams: TeamRow[];
  leaderboard: LeaderRow[];
}

/** The full room state a page needs; sent on every join, rejoin and phase change. */
export interface RoomView {
  code: string;
  /** Grows with every change of the room: a page keeps the view with the highest. */
  rev: number;
  scenario: { id: string; title: LocalizedText };
  mode: RoomMode;
  timerSec: number;
  showMoves: boolean;
  teams: string[];
  phase: RoomPhase;
  paused: boolean;
  /** Server clock (epoch ms) when the vote closes, or null. Pages correct for their clock with `serverNow`. */
  deadline: number | null;
  remainingMs: number | null;
  serverNow: number;
  round: number;
  /** In "turns" mode: the team deciding now. */
  turnTeam: string | null;
  showMap: boolean;
  tracks: TrackView[];
  people: { total: number; online: number };
  /** Only in the facilitator's view. */
  participants?: ParticipantView[];
  debrief: SessionDebrief | null;
}

/** The trainee's own place in the room. */
export interface YouView {
  pid: string;
  name: string;
  team: string | null;
  /** Their vote in the current round, if any. */
  vote: string | null;
  round: number;
}

/** A light update while votes arrive: counts only. */
export interface TallyUpdate {
  rev: number;
  round: number;
  votes: number[];
  /** Facilitator only: who has voted. */
  voted?: string[];
}

/** Why the server refused a message; the pages show a localised sentence for each. */
export const REFUSALS = [
  "bad-message",
  "rate-limited",
  "no-room",
  "forbidden",
  "kicked",
  "full",
  "wrong-phase",
  "not-your-turn",
  "paused",
  "no-votes",
  "unknown-scenario",
  "not-joined",
  "server",
] as const;
export type Refusal = (typeof REFUSALS)[number];

export type Ack<T = object> = ({ ok: true } & T) | { ok: false; error: Refusal; detail?: string };

/** Control actions of the facilitator. */
export type HostAction =
  | { type: "start" }
  | { type: "open" }
  | { type: "close" }
  | { type: "reveal" }
  | { type: "play"; track?: number; option?: string }
  | { type: "skip" }
  | { type: "pause" }
  | { type: "resume" }
  | { type: "map"; show: boolean }
  | { type: "kick"; pid: string }
  | { type: "end" };

export interface CreateRoom {
  scenarioId: string;
  mode: RoomMode;
  timerSec: number;
  teams: string[];
  showMoves: boolean;
  locale: Locale;
}
