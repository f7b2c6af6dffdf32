/**
 * Scenario format v2: the zod schema is the single source of truth for the scenario
 * types, the loader's error messages and the JSON Schema editors use
 * (`npm run scenarios:schema`). Conditions and effects are plain data: nothing here is
 * ever evaluated as code.
 */
import "./zod-setup.ts";
import { z } from "zod";
import { isVisibleText } from "./caps.ts";

export * from "./vocabulary.ts";
import {
  MOVE_KIND_NAMES,
  ACCOUNT_FIGURES,
  AWARENESS_METHODS,
  CLOSE_STYLES,
  COLLEAGUES,
  COMPARISONS,
  COMPETENCIES,
  COMPETITOR_ACTIONS,
  COMPETITOR_POSITIONS,
  DECISION_ROLES,
  DEPARTMENTS,
  FABE_PARTS,
  LEVELS,
  LISTENING_BEHAVIOURS,
  LOCALES,
  METERS,
  NEED_STATES,
  OUTCOMES,
  PARTNER_TRAITS,
  PIPELINE_STAGES,
  RELATIONSHIP_ACTIONS,
  SPIN_TYPES,
  STAGE3_TASKS,
  TACTICS,
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

/** Format marker and the newest format version this build reads. */
export const SCENARIO_FORMAT = "dealcraft-scenario";
export const SCENARIO_FORMAT_VERSION = 2;

const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-_.]{0,63}$/, "an id is 1-64 lowercase letters, digits, '-', '_' or '.', starting with a letter or digit");

/** A player-visible string in every locale, e.g. `{"zh-CN": "您好", "en": "Hello"}`. Missing locales are a checker problem, not a load error. */
export const LocalizedText = z
  .object({ "zh-CN": z.string().optional(), en: z.string().optional() })
  .strict()
  .refine((t) => Object.values(t).some((s) => typeof s === "string" && isVisibleText(s)), {
    message: "text needs at least one translation with visible characters",
  })
  .describe("Text in each locale: {\"zh-CN\": \"…\", \"en\": \"…\"}");
export type LocalizedText = z.infer<typeof LocalizedText>;

export type VarValue = number | boolean | string;
/**
 * Bounds on numbers in a file: far beyond any real scenario, and small enough that sums of
 * them over any run stay exact and finite (nothing an effect adds can reach Infinity).
 */
const BIG = 1e9;
/** A finite number within ±max. */
const bounded = (max: number) => z.number().finite().min(-max).max(max);
/** A finite amount from 0 to max. */
const amount = (max: number) => z.number().finite().min(0).max(max);
const VarValue = z.union([bounded(BIG), z.boolean(), z.string().max(200)]);

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
  kind?: MoveTag["kind"];
  option?: string;
  principle?: string;
  result?: "gain" | "loss" | "none";
}

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(Condition).min(1) }).strict(),
    z.object({ any: z.array(Condition).min(1) }).strict(),
    z.object({ not: Condition }).strict(),
    z.object({ var: Id, op: z.enum(COMPARISONS), value: VarValue }).strict(),
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
  | { figure: "weeks" | "budget" | "risk" | "integration"; by: number }
  | { note: string }
  | { exclude: string }
  | { trait: (typeof PARTNER_TRAITS)[number] };

export const Effect: z.ZodType<Effect> = z.lazy(() =>
  z.union([
    z.object({ set: Id, value: VarValue }).strict(),
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
    z.object({ figure: z.enum(["weeks", "budget", "risk", "integration"]), by: bounded(1000) }).strict(),
    z.object({ note: Id.describe("put a note in the player's notebook") }).strict(),
    z.object({ exclude: Id.describe("screen a competitor out of the tender") }).strict(),
    z.object({ trait: z.enum(PARTNER_TRAITS) }).strict(),
  ]),
);

/** What kind of sales move an option is: the mechanics and the scorecard read this tag. */
export const MoveTag = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("spin"),
      type: z.enum(SPIN_TYPES),
      need: Id.optional().describe("the addressed stakeholder's need this question works on"),
      fact: Id.optional().describe("situation questions: the research fact it asks about"),
    })
    .strict(),
  z
    .object({ kind: z.literal("pitch"), parts: z.array(z.enum(FABE_PARTS)).min(1), need: Id.optional().describe("the need the benefit answers") })
    .strict(),
  z.object({ kind: z.literal("listen"), behaviour: z.enum(LISTENING_BEHAVIOURS) }).strict(),
  z
    .object({
      kind: z.literal("tactic"),
      tactic: z.enum(TACTICS),
      against: Id.optional().describe("competitor id; default: the strongest one still in"),
      fits: Condition.optional().describe("overrides the engine's rule for when this tactic fits"),
    })
    .strict(),
  z
    .object({
      kind: z.literal("relationship"),
      action: z.enum(RELATIONSHIP_ACTIONS),
      value: amount(BIG).optional().describe("money value of a gift or hospitality, in the scenario's currency; over policy.giftCap it adds value ÷ giftCap to the compliance risk and is always punished"),
      colleague: z.enum(COLLEAGUES).optional().describe("bring-colleague: who joins; pairs with the client's department (service → users, sales-manager → procurement and finance, executive → executive, rnd → technical): +1 trust there and organisational trust becomes possible"),
    })
    .strict(),
  z.object({ kind: z.literal("awareness"), method: z.enum(AWARENESS_METHODS) }).strict(),
  z.object({ kind: z.literal("close"), style: z.enum(CLOSE_STYLES) }).strict(),
  z.object({ kind: z.literal("talk") }).strict(),
  z.object({ kind: z.literal("research"), fact: Id }).strict().describe("stage 1: learn a fact before meeting anyone"),
  z
    .object({ kind: z.literal("rules"), terms: z.enum(["technical", "commercial"]) })
    .strict()
    .describe("我定规则: embed terms that favour us in the tender documents"),
  z.object({ kind: z.literal("screen"), competitor: Id }).strict().describe("我定对手: screen a competitor out"),
]);
export type MoveTag = z.infer<typeof MoveTag>;

export const Option = z
  .object({
    id: Id,
    text: LocalizedText,
    move: MoveTag.describe("what kind of sales move this is; the engine scores it by the course (docs/authoring.md lists each kind's cost, talk weight, needs and effect)"),
    to: Id.optional().describe("the stakeholder this move is addressed to"),
    condition: Condition.optional().describe("the option is offered only while this holds"),
    effects: z.array(Effect).optional(),
    next: Id.optional().describe("node to go to after the effects, unless an effect went elsewhere"),
    cost: z
      .object({ weeks: amount(1000).optional(), budget: amount(1000).optional() })
      .strict()
      .optional()
      .describe("time and money on top of the engine's own cost for this kind of move; unaffordable options are not offered"),
  })
  .strict();
export type Option = z.infer<typeof Option>;

export const Line = z
  .object({
    speaker: Id.describe("a cast id, or 'narrator', or 'rep' (the player)"),
    text: LocalizedText,
    when: Condition.optional().describe("shown only while this holds (reply variants); a node needs at least one line without `when`"),
  })
  .strict();
export type Line = z.infer<typeof Line>;

export const ScenarioNode = z
  .object({
    title: LocalizedText.optional().describe("meeting or scene title shown above the dialogue"),
    meeting: Id.optional().describe("the meeting this node belongs to; a new id starts a new meeting"),
    notes: z
      .array(Id)
      .optional()
      .describe("notable things said here (ids in $.notes): noted if the player is taking notes, else maybe forgotten"),
    lines: z.array(Line).min(1),
    onEnter: z.array(Effect).optional(),
    options: z.array(Option).min(1).optional().describe("the rep's choices here; a node has exactly one of options, next or ending"),
    next: Id.optional().describe("node that follows the lines when there is no choice"),
    ending: Id.optional().describe("ending id ($.endings) reached after the lines"),
    shuffle: z.boolean().optional().describe("false keeps the options in the written order (e.g. a navigation menu); default: shuffled per run"),
  })
  .strict()
  .superRefine((node, ctx) => {
    const ways = [node.options, node.next, node.ending].filter((w) => w !== undefined).length;
    if (ways !== 1) {
      ctx.addIssue({
        code: "custom",
        message: "a node needs exactly one way on: 'options', 'next' or 'ending'",
      });
    }
  });
export type ScenarioNode = z.infer<typeof ScenarioNode>;

/** Spoken reactions by principle id (e.g. "fabe.features-too-early"), overriding the engine's generic ones. */
const Reactions = z.record(Id, LocalizedText);

export const Stakeholder = z
  .object({
    name: LocalizedText,
    title: LocalizedText.describe("job title, e.g. 采购经理 / Procurement Manager"),
    department: z.enum(DEPARTMENTS).describe("the client department: decides which colleague pairs with them (bring-colleague) and counts for defence in depth"),
    decisionRole: z.enum(DECISION_ROLES).describe("their role in the decision (decider, payer, user, influencer, gatekeeper, coach): gates and 我定对手 read it"),
    archetype: Id.optional().describe("portrait look: <man|woman>-<short|parted|long|bun|receding>, e.g. woman-bun"),
    meters: z
      .object({
        trust: z.number().min(0).max(10),
        interest: z.number().min(0).max(10),
        emotion: z.number().min(0).max(10),
      })
      .strict()
      .optional()
      .describe("starting trust / interest / emotion, each 0-10; default 1 / 2 / 3 (a stranger)"),
    needs: z
      .record(
        Id,
        z
          .object({
            implied: LocalizedText,
            explicit: LocalizedText,
            chance: z.number().min(0).max(1).optional().describe("probability (0-1) the stakeholder holds this need in a run, drawn from the seed; default 1"),
          })
          .strict(),
      )
      .optional()
      .describe("hidden implied needs: what the problem is, and how the stakeholder states it once explicit"),
    reactions: Reactions.optional().describe("this stakeholder's own words for reactions, by principle id"),
  })
  .strict();
export type Stakeholder = z.infer<typeof Stakeholder>;

export const Stage = z
  .object({
    id: Id,
    pipeline: z.enum(PIPELINE_STAGES).describe("which of the five steps of a large deal this stage is; stages follow their order"),
    title: LocalizedText.optional(),
    gate: Condition.optional().describe("what must hold to enter this stage, e.g. two deciders at personal trust"),
  })
  .strict();
export type Stage = z.infer<typeof Stage>;

export const Ending = z
  .object({ outcome: z.enum(OUTCOMES).describe("how the deal ended: sets the outcome competency (lost-shortlist lowest … strategic-partner highest)"), title: LocalizedText, summary: LocalizedText })
  .strict();
export type Ending = z.infer<typeof Ending>;

export const Variable = z
  .object({
    initial: VarValue,
    min: bounded(BIG).optional(),
    max: bounded(BIG).optional(),
    label: LocalizedText.optional(),
  })
  .strict();
export type Variable = z.infer<typeof Variable>;

export const Meta = z
  .object({
    id: Id,
    version: z.string().regex(/^\d+\.\d+\.\d+$/, "version is semantic, e.g. 1.0.0"),
    title: LocalizedText,
    summary: LocalizedText,
    client: LocalizedText.describe("the client organisation's name"),
    estimatedMinutes: z.number().int().min(1).max(240),
    difficulty: z.number().int().min(1).max(5).optional(),
    locales: z
      .array(z.enum(LOCALES))
      .min(1)
      .describe("locales every player-visible string must have; one is enough (a zh-CN-only class: the English list marks its card 中文); the bundled library uses both"),
    authors: z.array(z.string().max(100)).optional(),
  })
  .strict();

export const ScenarioSchema = z
  .object({
    $schema: z.string().max(500).optional(),
    format: z.literal(SCENARIO_FORMAT),
    formatVersion: z.literal(SCENARIO_FORMAT_VERSION),
    meta: Meta,
    cast: z.record(Id, Stakeholder),
    stages: z.array(Stage).min(1).describe("the pipeline stages this scenario covers, in order"),
    variables: z.record(Id, Variable).optional(),
    start: Id,
    nodes: z.record(Id, ScenarioNode),
    endings: z.record(Id, Ending),
    meetings: z
      .record(
        Id,
        z
          .object({
            title: LocalizedText,
            weeks: z.number().min(0).max(52).optional().describe("time the meeting takes; default 1"),
            cutShort: z
              .object({
                emotion: z.number().min(0).max(10).describe("the addressed stakeholder's emotion at or below which they end the meeting"),
                goto: Id.describe("the node the meeting ends in"),
              })
              .strict()
              .optional()
              .describe("the client walks out when a move leaves them this cold"),
          })
          .strict(),
      )
      .optional(),
    reactions: Reactions.optional().describe("reactions for every stakeholder of this scenario, by principle id"),
    setup: z
      .array(Effect)
      .optional()
      .describe("effects applied once as a run begins, e.g. `random` moods or events that make seeds differ"),
    position: z
      .object({
        incumbent: z.boolean().describe("we already supply this client (stage 5: keep and grow)"),
        pairs: z.array(z.enum(COLLEAGUES)).optional().describe("colleagues already paired with the client"),
        integration: z.number().min(0).max(100).optional().describe("integration already in place, 0-100"),
      })
      .strict()
      .optional()
      .describe("where we stand with the client at the start; default: a newcomer"),
    notes: z.record(Id, LocalizedText).optional().describe("things a stakeholder says that the player may note down"),
    research: z.record(Id, LocalizedText).optional().describe("facts a rep can find out before meeting anyone"),
    competitors: z
      .record(
        Id,
        z
          .object({
            name: LocalizedText,
            position: z.enum(COMPETITOR_POSITIONS),
            strength: z.number().min(0).max(10).describe("0-10; a frontal attack needs to be clearly stronger"),
          })
          .strict(),
      )
      .optional(),
    competitorScript: z
      .array(
        z
          .object({
            at: Id.describe("meeting id: the competitor acts as this meeting starts"),
            competitor: Id,
            moves: z
              .array(
                z
                  .object({
                    weight: z.number().positive().max(1e6),
                    action: z.enum(COMPETITOR_ACTIONS),
                    target: Id.optional().describe("stakeholder hit; default: all"),
                    power: z.number().min(0).max(5),
                    news: LocalizedText.describe("what the player hears"),
                  })
                  .strict(),
              )
              .min(1)
              .describe("one is drawn with the seeded RNG"),
          })
          .strict(),
      )
      .optional(),
    resources: z
      .object({ weeks: amount(1000), budget: amount(1000) })
      .strict()
      .optional()
      .describe("weeks until the tender and the activity budget; default 12 and 10"),
    policy: z
      .object({
        giftCap: amount(BIG).describe("largest gift or hospitality value the compliance policy allows"),
        riskLimit: z.number().positive().max(1e6).describe("compliance risk at which the bid is disqualified"),
        disqualifiedEnding: Id.describe("ending reached on disqualification"),
      })
      .strict()
      .optional(),
  })
  .strict();
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type ScenarioData = z.output<typeof ScenarioSchema>;
