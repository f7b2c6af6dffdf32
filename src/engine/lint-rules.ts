/**
 * The rules that raise warnings, by a stable id. A warning carries its rule and the values
 * its message names (`Problem.rule`, `Problem.args`), so a front end can word it in each
 * language, and an author can acknowledge a warning where it is intended (`lintOk` on a
 * node, an option or an ending). Pure data.
 */
export const LINT_RULES = [
  // teaching lint (teaching-lint.ts)
  "colleague-covers-no-one",
  "offered-again",
  "colleague-already-paired",
  "tactic-never-fits",
  "no-right-answer",
  "node-unreached",
  "probe-cut-short",
  "ending-unreached",
  "best-in-one-place",
  "lint-failed",
  // surface tells and reactions (surface-tells.ts, reaction-lint.ts)
  "surface-tell",
  "shared-reaction",
  "farewell-reaction",
  // flow and display (graph-check.ts, caps-check.ts)
  "double-jump",
  "over-cap",
  // an acknowledgement no warning matches (lint-ok.ts)
  "lint-ok-unused",
] as const;
export type LintRule = (typeof LINT_RULES)[number];
