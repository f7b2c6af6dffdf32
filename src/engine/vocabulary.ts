/**
 * The vocabulary of the sales course as the engine names it: locales, pipeline stages,
 * departments, move kinds, levels… Plain constants with no dependencies, so the game's
 * first bundle can use them without loading the scenario schema (zod).
 */
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
/** Every move kind an option can carry (the move-rule table has one entry each). */
export const MOVE_KIND_NAMES = ["spin", "pitch", "listen", "tactic", "relationship", "awareness", "close", "talk", "research", "rules", "screen"] as const;
export const CLOSE_STYLES = ["push", "advance"] as const;
/** Colleagues the rep can bring in; each pairs with a client department (the relationship snowball 关系雪球). */
export const COLLEAGUES = ["service", "sales-manager", "executive", "rnd"] as const;
export type Colleague = (typeof COLLEAGUES)[number];
export const METERS = ["trust", "interest", "emotion"] as const;
export type Meter = (typeof METERS)[number];
/** Relationship levels, in order (DOMAIN.md §2). */
export const LEVELS = ["stranger", "awareness", "personal-trust", "organisational-trust"] as const;
export type Level = (typeof LEVELS)[number];
/** How far a stakeholder's need has developed: hidden → surfaced (implied) → developed → explicit. */
export const NEED_STATES = ["hidden", "surfaced", "developed", "explicit"] as const;
export type NeedState = (typeof NEED_STATES)[number];
/** The five tasks of the shortlist stage (DOMAIN.md §1). */
export const STAGE3_TASKS = ["value-demonstration", "guide-client", "get-shortlisted", "set-rules", "choose-opponents"] as const;
export type Stage3Task = (typeof STAGE3_TASKS)[number];
export const TASK_STATUSES = ["open", "done", "failed"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const COMPETITOR_POSITIONS = ["incumbent", "challenger", "low-price"] as const;
export const COMPETITOR_ACTIONS = ["price-cut", "relationship", "demo", "smear", "none"] as const;
export const POSTURES = ["engaged", "neutral", "distracted"] as const;
/** The rep's share of the talking in a meeting: at or under this scores as listening well… */
export const TALK_SHARE_GOOD = 0.4;
/** …and over this costs points. */
export const TALK_SHARE_TOO_MUCH = 0.55;
export type Posture = (typeof POSTURES)[number];
/** Strategic-customer traits (DOMAIN.md §6). */
export const PARTNER_TRAITS = ["aligned-values", "resource-integration", "complementary-strengths", "management-synergy"] as const;
export type PartnerTrait = (typeof PARTNER_TRAITS)[number];
/**
 * How a client is this run (drawn from the seed where the scenario allows it), as in
 * SIMmersion's varied characters: an open one warms quickly, a guarded one trusts slowly and
 * tires of background questions from the first, an analytical one wants proof with a benefit.
 */
export const TEMPERAMENTS = ["open", "guarded", "analytical"] as const;
export type Temperament = (typeof TEMPERAMENTS)[number];
/** Numbers the engine keeps for the account, readable by conditions. */
export const ACCOUNT_FIGURES = ["weeks", "budget", "risk", "integration", "objections", "price-pressure", "switching-cost", "traits", "concessions"] as const;
export type AccountFigure = (typeof ACCOUNT_FIGURES)[number];

export const COMPARISONS = ["==", "!=", "<", "<=", ">", ">="] as const;
export type Comparison = (typeof COMPARISONS)[number];

