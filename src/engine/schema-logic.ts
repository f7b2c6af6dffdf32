/**
 * Conditions and effects: the scenario format's logic, as plain data. A condition tests the
 * run's state; an effect changes it. Nothing here is ever evaluated as code.
 */
import "./zod-setup.ts";
import {
  z,
} from "zod";
import {
  MOVE_KIND_NAMES,
  ACCOUNT_FIGURES,
  COLLEAGUES,
  COMPARISONS,
  COMPETENCIES,
  DECISION_ROLES,
  LEVELS,
  METERS,
  NEED_STATES,
  PARTNER_TRAITS,
  STAGE3_TASKS,
  TASK_STATUSES,
  type AccountFigure,
  type Colleague,
  type Comparison,
  type DecisionRole,
  type Level,
  type Meter,
  type NeedState,
  type Stage3Task,
  type TaskStatus,
} from "./vocabulary.ts";
import {
  BIG,
  Id,
  LocalizedText,
  VarValueSchema,
  bounded,
  type VarValue,
} from "./schema-basics.ts";

/** A structured condition; `all`/`any`/`not` combine, the rest test the run's state. */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { var: string; op: Comparison; value: VarValue }
  | { stage: string; op?: Comparison }
  | { visited: string }
  | { chosen: { node: string; option: string } }
  | { level: string; op: Comparison; value: Level }
  | { count: { level: Level; roles?: DecisionRole[] }; op: Comparison; value: number }
  | { need: { who: string; need: string }; op?: Comparison; value: NeedState }
  | { meter: { who: string; meter: Meter }; op: Comparison; value: number }
  | { task: Stage3Task; value: TaskStatus }
  | { figure: AccountFigure; op: Comparison; value: number }
  | { noted: string }
  | { researched: string }
  | { gate: string }
  | { excluded: string }
  | { pair: Colleague }
  | { last: LastMoveTest };

/** Tests the move just made and how the scorecard judged it (reply variants read this). */
export interface LastMoveTest {
  kind?: (typeof MOVE_KIND_NAMES)[number];
  option?: string;
  principle?: string;
  result?: "gain" | "loss" | "none";
}

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(Condition).min(1) }).strict(),
    z.object({ any: z.array(Condition).min(1) }).strict(),
    z.object({ not: Condition }).strict(),
    z.object({ var: Id, op: z.enum(COMPARISONS), value: VarValueSchema }).strict(),
    z
      .object({ stage: Id, op: z.enum(COMPARISONS).optional().describe("compares pipeline order; default ==") })
      .strict(),
    z.object({ visited: Id }).strict(),
    z.object({ chosen: z.object({ node: Id, option: Id }).strict() }).strict(),
    z.object({ level: Id.describe("stakeholder id"), op: z.enum(COMPARISONS), value: z.enum(LEVELS) }).strict(),
    z
      .object({
        count: z.object({ level: z.enum(LEVELS), roles: z.array(z.enum(DECISION_ROLES)).optional() }).strict(),
        op: z.enum(COMPARISONS),
        value: z.number().int().min(0).max(1000),
      })
      .strict()
      .describe("how many stakeholders (of these roles) are at this level or above"),
    z
      .object({ need: z.object({ who: Id, need: Id }).strict(), op: z.enum(COMPARISONS).optional(), value: z.enum(NEED_STATES) })
      .strict()
      .describe("compares how far a need has developed; default op >="),
    z.object({ meter: z.object({ who: Id, meter: z.enum(METERS) }).strict(), op: z.enum(COMPARISONS), value: bounded(100) }).strict(),
    z.object({ task: z.enum(STAGE3_TASKS), value: z.enum(TASK_STATUSES) }).strict(),
    z.object({ figure: z.enum(ACCOUNT_FIGURES), op: z.enum(COMPARISONS), value: bounded(BIG) }).strict(),
    z.object({ noted: Id.describe("a note id: in the notebook") }).strict(),
    z.object({ researched: Id.describe("a research fact id") }).strict(),
    z.object({ gate: Id.describe("stage id: its gate holds now") }).strict(),
    z.object({ excluded: Id.describe("competitor id: screened out") }).strict(),
    z.object({ pair: z.enum(COLLEAGUES).describe("this colleague has been brought in") }).strict(),
    z
      .object({
        last: z
          .object({
            kind: z.enum(MOVE_KIND_NAMES).optional().describe("the kind of the move just made"),
            option: Id.optional().describe("the option just chosen"),
            principle: Id.optional().describe("a principle the move just scored on, e.g. fabe.features-too-early"),
            result: z.enum(["gain", "loss", "none"]).optional().describe("whether the move just made won points, lost them, or neither"),
          })
          .strict(),
      })
      .strict()
      .describe("the move just made: for reply variants that react to it"),
  ]),
);

/** A scored event an author attaches to a choice; #points may be negative. */
export const ScoreEvent = z
  .object({
    competency: z.enum(COMPETENCIES),
    points: z.number().int().min(-100).max(100),
    principle: Id.optional().describe("the course principle met or broken, e.g. spin.implication"),
    explain: LocalizedText,
    better: Id.optional().describe("id of a better option in the same node, shown in the debrief"),
  })
  .strict();
export type ScoreEvent = z.infer<typeof ScoreEvent>;

/** A structured effect applied when an option is chosen or a node is entered. */
export type Effect =
  | { set: string; value: VarValue }
  | { add: string; value: number }
  | { goto: string }
  | { stage: string }
  | { end: string }
  | { score: ScoreEvent }
  | { if: Condition; then: Effect[]; else?: Effect[] }
  | { random: { weight: number; effects: Effect[] }[] }
  | { meter: { who: string; trust?: number; interest?: number; emotion?: number } }
  | { need: { who: string; need: string; to: NeedState } }
  | { task: Stage3Task; status: TaskStatus }
  | { figure: "weeks" | "budget" | "risk" | "integration" | "concessions"; by: number }
  | { note: string }
  | { research: string }
  | { exclude: string }
  | { trait: (typeof PARTNER_TRAITS)[number] };

export const Effect: z.ZodType<Effect> = z.lazy(() =>
  z.union([
    z.object({ set: Id, value: VarValueSchema }).strict(),
    z.object({ add: Id, value: bounded(1e6) }).strict(),
    z.object({ goto: Id }).strict(),
    z.object({ stage: Id }).strict(),
    z.object({ end: Id }).strict(),
    z.object({ score: ScoreEvent }).strict(),
    z.object({ if: Condition, then: z.array(Effect), else: z.array(Effect).optional() }).strict(),
    z
      .object({
        random: z
          .array(z.object({ weight: z.number().positive().max(1e6), effects: z.array(Effect) }).strict())
          .min(1),
      })
      .strict()
      .describe("pick one branch with the run's seeded RNG, by weight"),
    z
      .object({
        meter: z
          .object({ who: Id, trust: bounded(10).optional(), interest: bounded(10).optional(), emotion: bounded(10).optional() })
          .strict(),
      })
      .strict()
      .describe("change a stakeholder's meters by these amounts"),
    z.object({ need: z.object({ who: Id, need: Id, to: z.enum(NEED_STATES) }).strict() }).strict(),
    z.object({ task: z.enum(STAGE3_TASKS), status: z.enum(TASK_STATUSES) }).strict(),
    z.object({ figure: z.enum(["weeks", "budget", "risk", "integration", "concessions"]), by: bounded(1000) }).strict(),
    z.object({ note: Id.describe("put a note in the player's notebook") }).strict(),
    z.object({ research: Id.describe("the rep already knows this research fact (a briefing, or the studio's play-from-here): no time, no points") }).strict(),
    z.object({ exclude: Id.describe("screen a competitor out of the tender") }).strict(),
    z.object({ trait: z.enum(PARTNER_TRAITS) }).strict(),
  ]),
);

