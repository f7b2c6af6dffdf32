/** The pure engine's public surface. Nothing here touches Phaser, Howler, Zustand or the DOM. */
export * from "./schema.ts";
export * from "./problems.ts";
export { loadScenario, validateScenario, freezeScenario, RESERVED_SPEAKERS, type Scenario } from "./loader.ts";
export { checkScenarioBytes, checkScenarioText, parseScenarioText, lintScenario, MAX_SCENARIO_BYTES, MAX_NESTING } from "./check.ts";
export {
  createRunner,
  resumeRunner,
  emptyScore,
  RunnerError,
  type Runner,
  type RunState,
  type RunStatus,
  type RunEvent,
  type CurrentLine,
  type OfferedOption,
  type ScoreSheet,
} from "./runner.ts";
export { saveRun, restoreRun, replayChoices, SaveError, SAVE_VERSION, type RunSnapshot } from "./save.ts";
export { createRng, seedToState, type Rng } from "./rng.ts";
