/**
 * One move tag of every shape the format allows, built from the vocabulary and keyed by
 * move kind: a new move kind in the rule table is a type error here until it has examples,
 * so tests that walk "every move" (strings, icons) cannot silently miss one.
 */
import { AWARENESS_METHODS, CLOSE_STYLES, FABE_PARTS, LISTENING_BEHAVIOURS, RELATIONSHIP_ACTIONS, SPIN_TYPES, TACTICS, type MoveTag } from "../../src/engine/schema.ts";
import type { MoveKind } from "../../src/engine/moves/index.ts";

const BY_KIND: { [K in MoveKind]: Extract<MoveTag, { kind: K }>[] } = {
  spin: SPIN_TYPES.map((type) => ({ kind: "spin", type })),
  pitch: FABE_PARTS.map((p) => ({ kind: "pitch", parts: [p] })),
  listen: LISTENING_BEHAVIOURS.map((behaviour) => ({ kind: "listen", behaviour })),
  tactic: TACTICS.map((tactic) => ({ kind: "tactic", tactic })),
  relationship: RELATIONSHIP_ACTIONS.map((action) => ({ kind: "relationship", action })),
  awareness: AWARENESS_METHODS.map((method) => ({ kind: "awareness", method })),
  close: CLOSE_STYLES.map((style) => ({ kind: "close", style })),
  talk: [{ kind: "talk" }],
  research: [{ kind: "research", fact: "f" }],
  rules: [
    { kind: "rules", terms: "technical" },
    { kind: "rules", terms: "commercial" },
  ],
  screen: [{ kind: "screen", competitor: "c" }],
};

export const EVERY_MOVE: MoveTag[] = Object.values(BY_KIND).flat();
/** One example per move kind. */
export const ONE_PER_KIND: MoveTag[] = Object.values(BY_KIND).map((list) => list[0]!);
