/**
 * The scenes of a run: the meeting, the account map and the debrief, with the engine they
 * drive. They load in their own chunk after the title shows (see ensurePlayScenes), so a
 * first visit downloads and evaluates less before the title.
 */
// First: zod without its JIT before the run's modules build a schema (the save validator
// loads with a Continue); the page's Content-Security-Policy forbids eval.
import "../../engine/zod-setup.ts";
export { Meeting } from "./Meeting.ts";
export { AccountMap } from "./AccountMap.ts";
export { Debrief } from "./Debrief.ts";
