/** The pure engine's public surface. Nothing here touches Phaser, Howler, Zustand or the DOM. */
export * from "./schema.ts";
export * from "./problems.ts";
export { loadScenario, validateScenario, freezeScenario, RESERVED_SPEAKERS, type Scenario } from "./loader.ts";
export { checkScenarioBytes, checkScenarioText, parseScenarioText, lintScenario, MAX_SCENARIO_BYTES, MAX_NESTING } from "./check.ts";
export {
  createRunner,
  resumeRunner,
  scoreSheet,
  emptyPoints,
  RunnerError,
  PRINCIPLES,
  COMPETENCY_BASE,
  OUTCOME_POINTS,
  type ListeningStance,
  type Principle,
  type Runner,
  type RunState,
  type RunStatus,
  type RunEvent,
  type CurrentLine,
  type OfferedOption,
  type ScoreSheet,
} from "./runner.ts";
export { saveRun, restoreRun, replayDecisions, decisionsOf, SaveError, SAVE_VERSION, type RunSnapshot, type Decision } from "./save.ts";
export { createRng, seedToState, type Rng } from "./rng.ts";
export * from "./account.ts";
export { rankMove } from "./advice.ts";
export { moveCost, optionCost, talkUnits, tacticFits, summariseIsTimely } from "./rules.ts";
export { evaluate, figure } from "./conditions.ts";
export { POLICIES, simulate, playOnce, type Policy, type SimulationResult, type Spread } from "./simulate.ts";
