/**
 * Input limits, in a module of their own so a page can check a file's size before it
 * loads the validator.
 */

/** Largest scenario file accepted, in bytes. A 5-minute scenario is ~30 KB; a full one well under 1 MB. */
export const MAX_SCENARIO_BYTES = 2 * 1024 * 1024;
