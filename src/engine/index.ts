/**
 * The pure engine's public surface, an API other tools use (see CHANGELOG.md for changes).
 * Nothing here touches Phaser, Howler, Zustand or the DOM.
 */
export * from "./schema.ts";
export * from "./problems.ts";
export { LINT_RULES, type LintRule } from "./lint-rules.ts";
export { loadScenario, validateScenario, freezeScenario, RESERVED_SPEAKERS, type Scenario } from "./loader.ts";
export { checkScenarioBytes, checkScenarioText, parseScenarioText, lintScenario, MAX_SCENARIO_BYTES, MAX_NESTING } from "./check.ts";
export {
  createRunner,
  resumeRunner,
  RunnerError,
  MAX_REDIRECTS,
  type Runner,
  type RunnerOptions,
  type RunState,
  type RunStatus,
  type RunEvent,
  type ScoreRecord,
  type CurrentLine,
  type OfferedOption,
  type ListeningStance,
  type Input,
  type LastMove,
} from "./runner.ts";
export { scoreSheet, emptyPoints, explainScore, PRINCIPLES, COMPETENCY_BASE, COMPETENCY_SCALE, OUTCOME_POINTS, type Principle, type ScoreSheet } from "./scorecard.ts";
export { saveRun, restoreRun, replayInputs, replayDecisions, decisionsOf, SaveError, SAVE_VERSION, type RunSnapshot, type Decision } from "./save.ts";
export { createRng, seedToState, type Rng } from "./rng.ts";
export * from "./account.ts";
export { hasShortlistStage, tasksInPlay } from "./pipeline.ts";
export { MOVE_RULES, MOVE_KINDS, moveCost, optionCost, talkUnits, rankMove, rankOption, ownPoints, PENALISED_RANK, tacticFits, summariseIsTimely, type MoveRule, type MoveTable, type MoveKind } from "./moves/index.ts";
export { REACTIONS } from "./reactions.ts";
export { evaluate, figure } from "./conditions.ts";
export { POLICIES, HABITS, BLIND_POLICIES, goodPlay, randomPlay, habitWithRandom, habitInGoodPlay, simulate, playOnce, type Policy, type Habit, type SimulationResult, type Spread } from "./simulate.ts";
