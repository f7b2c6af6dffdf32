/**
 * The shapes of a run: what the host reads (status, line, options), what the run keeps
 * (RunState, plain JSON, one RNG state inside it) and what it records (the event log and
 * the input journal a save is made of). Types only: no behaviour lives here.
 */
import type { AccountState } from "./account.ts";
import type { Condition, LocalizedText, MoveTag, VarValue } from "./schema.ts";
import type { Colleague, Competency, Level, Meter, NeedState, Outcome, Posture, Stage3Task, TaskStatus } from "./vocabulary.ts";

/** What the host should do next: show a line and wait for advance(), offer options, or end. `stuck` means the scenario left the player no way on. */
export type RunStatus = "line" | "awaiting-choice" | "ended" | "stuck";

/** The line on screen. `id` is stable (`node#index`, or `node#reaction`) for logs, saves and analytics. */
export interface CurrentLine {
  id: string;
  node: string;
  index: number;
  speaker: string;
  text: LocalizedText;
  /** True on the last line shown for a node: options (if any) are offered alongside it. */
  isLast: boolean;
  /** Set when the line is the client's reaction to the move just made (the principle it reacts to). */
  reaction?: string;
}

/** An option the player may choose now (its condition holds and it is affordable). Offered in a per-run shuffled order. */
export interface OfferedOption {
  id: string;
  text: LocalizedText;
  move: MoveTag;
  to?: string;
  cost: { weeks: number; budget: number };
}

/** How the rep listens during a meeting turn (积极的肢体语言, 适当做笔录). */
export interface ListeningStance {
  posture: Posture;
  notes: boolean;
}

/** A score event as logged: the principle id, not its text (looked up when shown); `explain` only for an author's own score effect. */
export interface ScoreRecord {
  type: "score";
  turn: number;
  node: string;
  option?: string;
  competency: Competency;
  points: number;
  principle?: string;
  explain?: LocalizedText;
  better?: string;
  /** Who the move was aimed at, when the rule concerned one stakeholder. */
  who?: string;
}

/** One entry of the run's event log; `turn` counts decisions made so far (0 before the first). */
export type RunEvent =
  | { type: "enter"; turn: number; node: string }
  | { type: "choice"; turn: number; node: string; option: string; move: MoveTag; to?: string; listening?: ListeningStance }
  | { type: "listening"; turn: number; posture: Posture; notes: boolean }
  | { type: "var"; turn: number; name: string; from: VarValue; to: VarValue }
  | { type: "stage"; turn: number; from: string; to: string }
  | { type: "gate"; turn: number; stage: string }
  | ScoreRecord
  | { type: "meter"; turn: number; who: string; meter: Meter; from: number; to: number; cause?: "competitor" | "event" }
  | { type: "level"; turn: number; who: string; from: Level; to: Level }
  | { type: "need"; turn: number; who: string; need: string; from: NeedState; to: NeedState }
  | { type: "task"; turn: number; task: Stage3Task; status: TaskStatus }
  | { type: "note"; turn: number; note: string }
  | { type: "forgot"; turn: number; note: string }
  | { type: "cost"; turn: number; weeks: number; budget: number }
  | { type: "meeting-start"; turn: number; meeting: string }
  | { type: "meeting-end"; turn: number; meeting: string; talkShare: number; cutShort?: boolean }
  | {
      type: "competitor";
      turn: number;
      competitor: string;
      action: string;
      target?: string;
      damage: number;
      /** Where the news text lives: `competitorScript[entry].moves[move]`. */
      entry: number;
      move: number;
    }
  | { type: "pair"; turn: number; colleague: Colleague }
  | { type: "ended"; turn: number; ending: string; outcome: Outcome; disqualified?: boolean }
  | { type: "stuck"; turn: number; node: string; reason: string };

/** One thing the player did, in order: what a save is made of (the run is rebuilt by replaying them). */
export type Input =
  /** `n` line advances in a row. */
  | { advance: number }
  /** An option chosen at a node. */
  | { choose: string; at: string }
  /** The listening stance changed (L / N keys, or a policy). */
  | { listen: Posture; notes: boolean };

/** The last move and how the rules judged it: what reply variants and reactions read. */
export interface LastMove {
  node: string;
  option: string;
  kind: MoveTag["kind"];
  to?: string;
  /** Sum of the points this move scored (author bonuses included), outcome excluded. */
  points: number;
  /** The principles that scored and their points, most points (absolute) first. */
  principles: { principle: string; points: number }[];
}

/** Everything that changes during a run. Plain JSON; the score is derived from `points` when read. */
export interface RunState {
  node: string;
  /** Position in `shown`, the node's lines visible in this run. */
  line: number;
  /** Indices of the current node's lines shown this time (a line's `when` held); -1 stands for the client's reaction. */
  shown: number[];
  status: RunStatus;
  stage: string;
  vars: Record<string, VarValue>;
  /** Times each node was entered. */
  visits: Record<string, number>;
  /** `node/option` of every choice, in order. */
  chosen: string[];
  turn: number;
  /** Points won or lost per competency; the scorecard scales them (scorecard.ts). */
  points: Record<Competency, number>;
  account: AccountState;
  ending: string | null;
  /** The RNG's uint32 state: the only randomness of the run. */
  rng: number;
  /** The last move and its judgement, for reactions and `last` conditions. */
  last: LastMove | null;
  /** The client's reaction to the last move, shown before the next node's lines. */
  reaction: { speaker: string; principle: string } | null;
  /** Why the deal went where it did: conditions that failed at gates and decisive branches, with the turn they failed at. */
  blocked: { stage?: string; node: string; condition: Condition; turn: number }[];
  log: RunEvent[];
  /** What the player did: a save is the seed plus this journal. */
  inputs: Input[];
}
