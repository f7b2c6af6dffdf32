/**
 * Scenario format v2: the zod schema is the single source of truth for the scenario
 * types, the loader's error messages and the JSON Schema editors use
 * (`npm run scenarios:schema`). Conditions and effects are plain data: nothing here is
 * ever evaluated as code.
 */
import "./zod-setup.ts";
import {
  z,
} from "zod";


export * from "./vocabulary.ts";
export * from "./schema-basics.ts";
export * from "./schema-logic.ts";
import { LINT_RULES } from "./lint-rules.ts";
import {
  AWARENESS_METHODS,
  CLOSE_STYLES,
  COLLEAGUES,
  TEMPERAMENTS,
  COMPETITOR_ACTIONS,
  COMPETITOR_POSITIONS,
  DECISION_ROLES,
  DEPARTMENTS,
  FABE_PARTS,
  LISTENING_BEHAVIOURS,
  LOCALES,
  OUTCOMES,
  PIPELINE_STAGES,
  RELATIONSHIP_ACTIONS,
  SPIN_TYPES,
  TACTICS,
} from "./vocabulary.ts";
import {
  BIG,
  Id,
  LocalizedText,
  SCENARIO_FORMAT,
  SCENARIO_FORMAT_VERSION,
  VarValueSchema,
  amount,
  bounded,
} from "./schema-basics.ts";
import {
  Condition,
  Effect,
} from "./schema-logic.ts";

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

/**
 * An author's acknowledgement of a warning that is intended here (a deliberate distractor,
 * an ending only partial play reaches): the rule and why. The checker still finds the
 * warning and reports it as acknowledged, with the reason (lint-ok.ts).
 */
export const LintOk = z
  .object({
    rule: z.enum(LINT_RULES).describe("the warning's rule, as the checker names it (e.g. node-unreached, ending-unreached, no-right-answer)"),
    why: LocalizedText.describe("why the warning is intended here, for whoever reads the file next"),
  })
  .strict();
export type LintOk = z.infer<typeof LintOk>;
const LintOkList = z.array(LintOk).min(1).max(LINT_RULES.length).describe("warnings that are intended here: each names a rule and says why; the studio shows them as acknowledged");

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
    lintOk: LintOkList.optional(),
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
    lintOk: LintOkList.optional(),
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
            chance: z.number().min(0).max(1).optional().describe("probability (0-1) the stakeholder holds this need in a run, drawn from the seed; default 1 (in a `group`: its weight)"),
            group: Id.optional().describe("needs of this stakeholder with the same group are alternatives: each run holds exactly one of them, drawn from the seed (a different hidden need per seed)"),
          })
          .strict(),
      )
      .optional()
      .describe("hidden implied needs: what the problem is, and how the stakeholder states it once explicit"),
    reactions: Reactions.optional().describe("this stakeholder's own words for reactions, by principle id"),
    temperament: z.enum(TEMPERAMENTS).optional().describe("this stakeholder's temperament in every run (else drawn from the scenario's `temperaments`, if any)"),
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
  .object({
    outcome: z.enum(OUTCOMES).describe("how the deal ended: sets the outcome competency (lost-shortlist lowest … strategic-partner highest)"),
    title: LocalizedText,
    summary: LocalizedText,
    lintOk: LintOkList.optional(),
  })
  .strict();
export type Ending = z.infer<typeof Ending>;

export const Variable = z
  .object({
    initial: VarValueSchema,
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
            format: z
              .enum(["conversation", "presentation"])
              .optional()
              .describe("default conversation; presentation: the client asked the rep to present, so how much the rep talks is not judged"),
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
    temperaments: z
      .array(z.enum(TEMPERAMENTS))
      .min(1)
      .max(TEMPERAMENTS.length)
      .optional()
      .describe("temperaments each stakeholder is drawn from per seed (open, guarded, analytical), so the same play meets a different client; none when absent"),
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
