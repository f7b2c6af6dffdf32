/**
 * What a move rule is: one entry per move kind, holding everything the engine knows
 * about that kind of move — what it costs, how much talking it is, what the client does
 * in reply, and how good it is right now by the course. Rules, advice, the simulator
 * and the authoring guide all read the same entry, so they cannot drift apart.
 */
import type { AccountState } from "../account.ts";
import type { Scenario } from "../loader.ts";
import type { Condition, LocalizedText, MoveTag, Option } from "../schema.ts";
import type { Competency, Meter, NeedState, Stage3Task, TaskStatus } from "../vocabulary.ts";

export type MoveKind = MoveTag["kind"];
export type MoveOf<K extends MoveKind> = Extract<MoveTag, { kind: K }>;

/** What a rule may read of a run. Pure: judging a move changes nothing. */
export interface JudgeContext {
  readonly scenario: Scenario;
  readonly account: AccountState;
  /** Evaluates an author's condition (a tactic's `fits`). */
  holds(condition: Condition): boolean;
}

/** What a rule may do to a run. The runner implements it; rules never touch RunState directly. */
export interface RuleContext extends JudgeContext {
  /** Scores a principle for the current choice; `points` may be negative; `who` is the stakeholder concerned. */
  award(competency: Competency, points: number, principle: string, who?: string): void;
  /** Changes a stakeholder's meter, clamped to 0-10. */
  meter(who: string, meter: Meter, delta: number): void;
  setNeed(who: string, need: string, state: NeedState): void;
  setTask(task: Stage3Task, status: TaskStatus): void;
}

export interface Cost {
  weeks: number;
  budget: number;
}

/** Talk units a move costs the rep, and how much it gets the client talking. */
export interface TalkUnits {
  rep: number;
  client: number;
}

/** One move kind's rules. */
export interface MoveRule<K extends MoveKind> {
  /** The competency this kind of move mostly trains (the debrief groups by it). */
  competency: Competency;
  /** Time and money the move takes before any option-specific cost. */
  cost(move: MoveOf<K>): Cost;
  talk(move: MoveOf<K>): TalkUnits;
  /** The client's reaction and the scorecard's judgement (before the author's own effects). */
  apply(ctx: RuleContext, move: MoveOf<K>, option: Option): void;
  /** 0 (against the course) … 100 (exactly what the course teaches here). */
  rank(ctx: JudgeContext, move: MoveOf<K>, to: string | undefined): number;
  /** For the authoring guide and the editor: what the move needs to work, and what it does. */
  guide: { needs: LocalizedText; does: LocalizedText };
}

/** Every move kind has an entry: a missing one is a type error. */
export type MoveTable = { [K in MoveKind]: MoveRule<K> };

/** A stakeholder's state, if `who` names one. */
export function stakeholderOf(a: AccountState, who: string | undefined) {
  return who === undefined || !Object.hasOwn(a.stakeholders, who) ? undefined : a.stakeholders[who];
}

/** Whether a stakeholder has stated any explicit need. */
export function hasExplicitNeed(a: AccountState, who: string | undefined): boolean {
  const needs = stakeholderOf(a, who)?.needs;
  if (!needs) return false;
  for (const k in needs) if (needs[k] === "explicit") return true;
  return false;
}
