/**
 * Players who read only the surface of the options (issue #21, "no surface tell wins"):
 * text-only players who pick by a rule of form (the question, the longest line, the one
 * that says "you", the one with a number), and tag-only players who pick by a fixed order
 * of the move marks practice mode shows. None of them looks at the account. If any of them
 * scores well above random play, the content teaches a trick instead of the course.
 *
 * They listen as random play does, so that their margin over random play measures their
 * rule for choosing an option and nothing else.
 */
import type { Runner } from "./runner.ts";
import type { Rng } from "./rng.ts";
import type { ListeningStance, OfferedOption } from "./state.ts";
import { POSTURES, type Locale } from "./vocabulary.ts";

/** A way of playing (the same shape as policies.ts's Policy, which imports this module). */
export interface SurfacePolicy {
  name: string;
  describe: string;
  listening(runner: Runner, rng: Rng): ListeningStance;
  choose(runner: Runner, rng: Rng): string;
}

function pick<T>(items: readonly T[], rng: Rng): T {
  return items[Math.floor(rng.next() * items.length)]!;
}

/** Listening as random play does: any posture, notes half the time. */
function randomListening(_r: Runner, rng: Rng): ListeningStance {
  return { posture: pick(POSTURES, rng), notes: rng.next() < 0.5 };
}

/** An option's text in one language (the other if the scenario lacks it), trimmed. */
export function optionText(o: { text: Partial<Record<Locale, string>> }, locale: Locale): string {
  return (o.text[locale] ?? o.text["zh-CN"] ?? o.text.en ?? "").trim();
}

/** Length in characters (code points), as a reader sees it. */
export function textLength(text: string): number {
  return [...text].length;
}

/** Ends in a question mark, full-width or not (closing quotes and brackets aside). */
export function endsInQuestion(text: string): boolean {
  return /[?？][\s"'”’」』)）]*$/u.test(text);
}

/** Speaks to the listener: 您 or 你 (你们 too), "you", "your". */
export function secondPerson(text: string): boolean {
  return /[您你]|\byou(r|rs|rself)?\b/iu.test(text);
}

/** Carries a figure: ASCII or full-width digits. */
export function hasDigits(text: string): boolean {
  return /[0-9０-９]/u.test(text);
}

/** The surface features the lint and the text-only players read, by name. */
export const SURFACE_FEATURES = {
  length: (t: string) => textLength(t),
  question: (t: string) => (endsInQuestion(t) ? 1 : 0),
  "second-person": (t: string) => (secondPerson(t) ? 1 : 0),
  digits: (t: string) => (hasDigits(t) ? 1 : 0),
} as const;
export type SurfaceFeature = keyof typeof SURFACE_FEATURES;

/**
 * A text-only player: scores each option's text, picks among the top scores at random.
 * When every option scores the same, the rule says nothing and the pick is random.
 */
function byText(name: string, describe: string, locale: Locale, score: (text: string) => number): SurfacePolicy {
  return {
    name: `${name}@${locale}`,
    describe: `${describe} (reads the ${locale} text)`,
    listening: randomListening,
    choose: (r, rng) => {
      const scored = r.options.map((o) => ({ o, s: score(optionText(o, locale)) }));
      const top = Math.max(...scored.map((x) => x.s));
      return pick(
        scored.filter((x) => x.s === top),
        rng,
      ).o.id;
    },
  };
}

/** Every text-only player, in one language. */
export function textPolicies(locale: Locale): SurfacePolicy[] {
  return [
    byText("ends-in-question", "always an option ending in ？/?", locale, (t) => (endsInQuestion(t) ? 1 : 0)),
    byText("never-question", "never an option ending in ？/?", locale, (t) => (endsInQuestion(t) ? 0 : 1)),
    byText("longest", "always the longest option", locale, (t) => textLength(t)),
    byText("shortest", "always the shortest option", locale, (t) => -textLength(t)),
    byText("second-person", "always an option that says 您/你/you", locale, (t) => (secondPerson(t) ? 1 : 0)),
    byText("digits", "always an option with a figure in it", locale, (t) => (hasDigits(t) ? 1 : 0)),
  ];
}

/**
 * The mark practice mode shows on an option, as a tag-only player tells marks apart:
 * S/P/I/N, a pitch by its strongest part (B, E, F·A), a listening move, a relationship
 * move, a close by its style, a tactic; everything else by its kind.
 */
export function surfaceTag(o: OfferedOption): string {
  const m = o.move;
  switch (m.kind) {
    case "spin":
      return m.type;
    case "pitch":
      return m.parts.includes("benefit") ? "benefit" : m.parts.includes("evidence") ? "evidence" : "feature";
    case "listen":
      return m.behaviour;
    case "relationship":
      return m.action === "bring-colleague" ? "bring-colleague" : "rapport";
    case "close":
      return m.style;
    case "tactic":
      return "tactic";
    default:
      return m.kind;
  }
}

/** A tag-only player: the first tag of `order` on offer wins; tags not in the order come last; ties at random. */
export function byTagOrder(name: string, order: readonly string[]): SurfacePolicy {
  const place = (o: OfferedOption) => {
    const i = order.indexOf(surfaceTag(o));
    return i === -1 ? order.length : i;
  };
  return {
    name,
    describe: `a fixed order of move marks: ${order.join(" > ")}`,
    listening: randomListening,
    choose: (r, rng) => {
      const top = Math.min(...r.options.map(place));
      return pick(
        r.options.filter((o) => place(o) === top),
        rng,
      ).id;
    },
  };
}

/** Fixed orders a tag-only player might settle on after a few practice runs. */
export const TAG_ORDERS: Record<string, readonly string[]> = {
  "tags-spin-first": ["need-payoff", "implication", "problem", "situation", "benefit", "evidence", "feature"],
  "tags-pitch-first": ["benefit", "evidence", "feature", "need-payoff", "implication", "problem", "situation"],
  "tags-close-first": ["advance", "push", "benefit", "need-payoff", "implication", "problem"],
  "tags-listen-first": ["summarise", "take-notes", "body-language", "need-payoff", "implication", "problem", "benefit"],
  "tags-team-first": ["bring-colleague", "tactic", "rapport", "need-payoff", "implication", "benefit", "problem"],
};

/** The tag-only players with a fixed order. */
export function tagPolicies(): SurfacePolicy[] {
  return Object.entries(TAG_ORDERS).map(([name, order]) => byTagOrder(name, order));
}

/** Every surface player with no search behind it (both languages for the text-only ones). */
export const SURFACE_POLICIES: SurfacePolicy[] = [...textPolicies("zh-CN"), ...textPolicies("en"), ...tagPolicies()];
