/**
 * Scenario format v1: the zod schema is the single source of truth for the scenario
 * types, the loader's error messages and the JSON Schema editors use
 * (`npm run scenarios:schema`). Conditions and effects are plain data: nothing here is
 * ever evaluated as code.
 */
import { z } from "zod";

/** Locales the game ships. zh-CN is primary; every player-visible string exists in both. */
export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const PRIMARY_LOCALE: Locale = "zh-CN";

/** The five canonical steps of key-account development (DOMAIN.md §1), in order. */
export const PIPELINE_STAGES = ["research", "awareness", "shortlist", "bid", "keep-grow"] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

/** Client departments a stakeholder belongs to (DOMAIN.md §2). */
export const DEPARTMENTS = ["procurement", "finance", "technical", "users", "executive"] as const;
export type Department = (typeof DEPARTMENTS)[number];

/** A stakeholder's part in the buying decision: who decides, who pays, who uses, who advises. */
export const DECISION_ROLES = ["decider", "payer", "user", "influencer", "gatekeeper", "coach"] as const;
export type DecisionRole = (typeof DECISION_ROLES)[number];

/** Scored competencies of the debrief scorecard. */
export const COMPETENCIES = ["questioning", "listening", "presenting", "relationships", "strategy", "outcome"] as const;
export type Competency = (typeof COMPETENCIES)[number];

/** How a scenario can end, from the account's point of view. */
export const OUTCOMES = ["lost-shortlist", "lost-bid", "stalled", "won", "strategic-partner"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const SPIN_TYPES = ["situation", "problem", "implication", "need-payoff"] as const;
export type SpinType = (typeof SPIN_TYPES)[number];
export const FABE_PARTS = ["feature", "advantage", "benefit", "evidence"] as const;
export type FabePart = (typeof FABE_PARTS)[number];
export const LISTENING_BEHAVIOURS = ["body-language", "summarise", "take-notes", "distracted"] as const;
export type ListeningBehaviour = (typeof LISTENING_BEHAVIOURS)[number];
export const ATTACK_TACTICS = ["guerrilla", "flanking", "frontal"] as const;
export const DEFENCE_TACTICS = ["barrier", "in-depth", "strategic"] as const;
export const TACTICS = [...ATTACK_TACTICS, ...DEFENCE_TACTICS] as const;
export type Tactic = (typeof TACTICS)[number];
export const RELATIONSHIP_ACTIONS = [
  "reciprocity",
  "personal-care",
  "executive-interaction",
  "holiday-care",
  "bring-colleague",
  "gift",
] as const;
export type RelationshipAction = (typeof RELATIONSHIP_ACTIONS)[number];
export const AWARENESS_METHODS = [
  "technical-exchange",
  "track-record",
  "product-intro",
  "factory-visit",
  "authority",
  "solution-test",
] as const;
export type AwarenessMethod = (typeof AWARENESS_METHODS)[number];
export const CLOSE_STYLES = ["push", "advance"] as const;

export const COMPARISONS = ["==", "!=", "<", "<=", ">", ">="] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** Format marker and the newest format version this build reads. */
export const SCENARIO_FORMAT = "dealcraft-scenario";
export const SCENARIO_FORMAT_VERSION = 1;

const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-_.]{0,63}$/, "an id is 1-64 lowercase letters, digits, '-', '_' or '.', starting with a letter or digit");

/** A player-visible string in every locale, e.g. `{"zh-CN": "您好", "en": "Hello"}`. Missing locales are a checker problem, not a load error. */
export const LocalizedText = z
  .object({ "zh-CN": z.string().optional(), en: z.string().optional() })
  .strict()
  .refine((t) => Object.values(t).some((s) => typeof s === "string" && s.trim() !== ""), {
    message: "text needs at least one non-empty translation",
  })
  .describe("Text in each locale: {\"zh-CN\": \"…\", \"en\": \"…\"}");
export type LocalizedText = z.infer<typeof LocalizedText>;

export type VarValue = number | boolean | string;
const VarValue = z.union([z.number().finite(), z.boolean(), z.string().max(200)]);

/** A structured condition; `all`/`any`/`not` combine, the rest test the run's state. */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { var: string; op: Comparison; value: VarValue }
  | { stage: string; op?: Comparison }
  | { visited: string }
  | { chosen: { node: string; option: string } };

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
  | { random: { weight: number; effects: Effect[] }[] };

export const Effect: z.ZodType<Effect> = z.lazy(() =>
  z.union([
    z.object({ set: Id, value: VarValue }).strict(),
    z.object({ add: Id, value: z.number().finite() }).strict(),
    z.object({ goto: Id }).strict(),
    z.object({ stage: Id }).strict(),
    z.object({ end: Id }).strict(),
    z.object({ score: ScoreEvent }).strict(),
    z.object({ if: Condition, then: z.array(Effect), else: z.array(Effect).optional() }).strict(),
    z
      .object({
        random: z
          .array(z.object({ weight: z.number().positive().finite(), effects: z.array(Effect) }).strict())
          .min(1),
      })
      .strict()
      .describe("pick one branch with the run's seeded RNG, by weight"),
  ]),
);

/** What kind of sales move an option is: the mechanics and the scorecard read this tag. */
export const MoveTag = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("spin"), type: z.enum(SPIN_TYPES), need: Id.optional() }).strict(),
  z
    .object({ kind: z.literal("pitch"), parts: z.array(z.enum(FABE_PARTS)).min(1), need: Id.optional() })
    .strict(),
  z.object({ kind: z.literal("listen"), behaviour: z.enum(LISTENING_BEHAVIOURS) }).strict(),
  z.object({ kind: z.literal("tactic"), tactic: z.enum(TACTICS) }).strict(),
  z.object({ kind: z.literal("relationship"), action: z.enum(RELATIONSHIP_ACTIONS) }).strict(),
  z.object({ kind: z.literal("awareness"), method: z.enum(AWARENESS_METHODS) }).strict(),
  z.object({ kind: z.literal("close"), style: z.enum(CLOSE_STYLES) }).strict(),
  z.object({ kind: z.literal("talk") }).strict(),
]);
export type MoveTag = z.infer<typeof MoveTag>;

export const Option = z
  .object({
    id: Id,
    text: LocalizedText,
    move: MoveTag,
    to: Id.optional().describe("the stakeholder this move is addressed to"),
    condition: Condition.optional().describe("the option is offered only while this holds"),
    effects: z.array(Effect).optional(),
    next: Id.optional().describe("node to go to after the effects, unless an effect went elsewhere"),
  })
  .strict();
export type Option = z.infer<typeof Option>;

export const Line = z
  .object({
    speaker: Id.describe("a cast id, or 'narrator', or 'rep' (the player)"),
    text: LocalizedText,
  })
  .strict();
export type Line = z.infer<typeof Line>;

export const ScenarioNode = z
  .object({
    title: LocalizedText.optional().describe("meeting or scene title shown above the dialogue"),
    lines: z.array(Line).min(1),
    onEnter: z.array(Effect).optional(),
    options: z.array(Option).min(1).optional(),
    next: Id.optional(),
    ending: Id.optional(),
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

export const Stakeholder = z
  .object({
    name: LocalizedText,
    title: LocalizedText.describe("job title, e.g. 采购经理 / Procurement Manager"),
    department: z.enum(DEPARTMENTS),
    decisionRole: z.enum(DECISION_ROLES),
    archetype: Id.optional().describe("portrait archetype used by the presentation layer"),
  })
  .strict();
export type Stakeholder = z.infer<typeof Stakeholder>;

export const Stage = z
  .object({ id: Id, pipeline: z.enum(PIPELINE_STAGES), title: LocalizedText.optional() })
  .strict();
export type Stage = z.infer<typeof Stage>;

export const Ending = z
  .object({ outcome: z.enum(OUTCOMES), title: LocalizedText, summary: LocalizedText })
  .strict();
export type Ending = z.infer<typeof Ending>;

export const Variable = z
  .object({
    initial: VarValue,
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
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
      .describe("locales every player-visible string must have; the bundled library uses both"),
    authors: z.array(z.string().max(100)).optional(),
  })
  .strict();

export const ScenarioSchema = z
  .object({
    $schema: z.string().optional(),
    format: z.literal(SCENARIO_FORMAT),
    formatVersion: z.literal(SCENARIO_FORMAT_VERSION),
    meta: Meta,
    cast: z.record(Id, Stakeholder),
    stages: z.array(Stage).min(1).describe("the pipeline stages this scenario covers, in order"),
    variables: z.record(Id, Variable).optional(),
    start: Id,
    nodes: z.record(Id, ScenarioNode),
    endings: z.record(Id, Ending),
  })
  .strict();
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type ScenarioData = z.output<typeof ScenarioSchema>;
