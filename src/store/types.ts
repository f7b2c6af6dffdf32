/**
 * The shapes the app store keeps. Plain data only: every field here is persisted as JSON
 * and read back through the repairs in settings.ts, history.ts and runs.ts.
 */
import type { Competency, Locale } from "../engine/vocabulary.ts";
import type { RunSnapshot } from "../engine/snapshot.ts";
import type { LocalizedText } from "../engine/schema.ts";
import type { StringKey } from "../content/i18n.ts";

/** Typewriter pace for dialogue lines. */
export const TEXT_SPEEDS = ["slow", "normal", "fast", "instant"] as const;
export type TextSpeed = (typeof TEXT_SPEEDS)[number];
/** Body text size factors. */
export const FONT_SCALES = [1, 1.15, 1.3] as const;

export interface Settings {
  locale: Locale;
  /** Background music volume, 0..1. */
  musicVolume: number;
  /** Sound effects volume, 0..1. */
  effectsVolume: number;
  muted: boolean;
  textSpeed: TextSpeed;
  /** Size factor for dialogue and option text: one of FONT_SCALES. */
  fontScale: number;
  /** No tweens, no animated background, no typewriter. */
  reducedMotion: boolean;
  /** Show the S/P/I/N, F/A/B/E and tactic marks on options (hide them for harder play). */
  showMoveMarks: boolean;
  /** The learner's name for exports and xAPI when no LMS gives one ("" = not given). */
  learnerName: string;
}

/** One scenario's record: best and last total score, last ending, plays completed. */
export interface ScenarioRecord {
  best: number;
  last: number;
  ending: string;
  plays: number;
}

/** Practice shows every hint; an assessment hides them until the debrief and is the run that counts. */
export const MODES = ["practice", "assessment"] as const;
export type Mode = (typeof MODES)[number];

/** One finished run, as the progress screen and the CSV export list it. */
export interface Attempt {
  /** When the run ended, ISO 8601 (UTC). */
  at: string;
  scenarioId: string;
  /** The scenario's title at the time, so the history reads well after a scenario is removed. */
  title?: LocalizedText;
  mode: Mode;
  total: number;
  competencies: Record<Competency, number>;
  ending: string;
  seed: string;
  /** Who played: the LMS's learner name, else the name in the settings. */
  learner?: string;
  /** The LMS's learner id, when an LMS launched the run. */
  learnerId?: string;
  /** Seconds actually spent in the run (visible time, across reloads). */
  seconds?: number;
  /** The ending's title at the time, beside its id. */
  endingTitle?: LocalizedText;
}

/** The run in progress, autosaved after every step so a reload loses nothing. */
export interface SavedRun {
  scenarioId: string;
  /** Practice or assessment: a resumed run keeps its mode. */
  mode?: Mode;
  /** The run has reached its ending (nothing to continue). */
  ended?: boolean;
  /** The scenario's title, so the title screen can offer "Continue" before any scenario loads. */
  title?: LocalizedText;
  snapshot: RunSnapshot;
  /** When it was last saved (ms since epoch): the title offers the latest one. */
  savedAt?: number;
  /** Milliseconds actually spent in the run so far (visible time, summed over reloads). */
  spentMs?: number;
}

/** A message for the player about something the game fixed on its own. */
export interface Notice {
  key: StringKey;
  vars?: Record<string, string>;
}

/** What is written to storage. Version 3 keeps every finished attempt and one run per scenario. */
export interface Persisted {
  settings: Settings;
  progress: Record<string, ScenarioRecord>;
  attempts: Attempt[];
  runs: Record<string, SavedRun>;
  /** The scenario of the run shown as "Continue" (the last one played). */
  active: string | null;
}
