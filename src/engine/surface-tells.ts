/**
 * Surface tells (issue #21): whether the better option at a choice can be told from its
 * form alone — its length, a final question mark, a "you", a figure — rather than from
 * what it does in the account. Measured on the choices the teaching lint's probe runs
 * met: at each, every offered option's course rank (what good play follows) and its
 * surface features in each language, both centred on that choice's mean, pooled into one
 * correlation per feature. A rule of form that picks better options than chance shows as
 * a correlation well away from 0; the author is warned above a threshold.
 */
import type { Scenario } from "./loader.ts";
import { jsonPath, type Problem } from "./problems.ts";
import type { LocalizedText } from "./schema.ts";
import { optionText, SURFACE_FEATURES, type SurfaceFeature } from "./surface-policies.ts";
import type { Locale } from "./vocabulary.ts";

/** One choice the probe met: each offered option's course rank and text. */
export interface ProbedChoice {
  node: string;
  ranks: number[];
  texts: LocalizedText[];
}

/** |correlation| between an option's rank and a surface feature above which the form alone pays. */
export const TELL_THRESHOLD = 0.25;
/** Fewest nodes with a better and a worse option before the rule speaks: a tell is learnt over several choices. */
const TELL_MIN_NODES = 6;

const FEATURE_WORDS: Record<SurfaceFeature, { name: string; more: string; less: string }> = {
  length: { name: "its length", more: "the longest option", less: "the shortest option" },
  question: { name: "ending in a question mark", more: "the question", less: "the option that is not a question" },
  "second-person": { name: "saying 您/你/you", more: "the option that says 您/你/you", less: "the option that does not say 您/你/you" },
  digits: { name: "carrying a figure", more: "the option with a figure", less: "the option without a figure" },
};

export interface TellMeasure {
  locale: Locale;
  feature: SurfaceFeature;
  /** Pooled within-choice correlation of rank and feature, −1…1 (0 when the feature never varies). */
  correlation: number;
  choices: number;
  /** Nodes those choices were met at. */
  nodes: number;
}

/** Pearson correlation of rank and feature, both centred within each choice. */
function pooledCorrelation(choices: readonly ProbedChoice[], value: (c: ProbedChoice, i: number) => number): number {
  let xy = 0;
  let xx = 0;
  let yy = 0;
  for (const c of choices) {
    const n = c.ranks.length;
    const ys = c.ranks.map((_, i) => value(c, i));
    const mr = c.ranks.reduce((a, b) => a + b, 0) / n;
    const mf = ys.reduce((a, b) => a + b, 0) / n;
    for (let i = 0; i < n; i++) {
      const x = c.ranks[i]! - mr;
      const y = ys[i]! - mf;
      xy += x * y;
      xx += x * x;
      yy += y * y;
    }
  }
  return xx > 0 && yy > 0 ? xy / Math.sqrt(xx * yy) : 0;
}

/** Distinct choices (a node with the same ranks counts once) where the options differ in rank. */
function distinctChoices(choices: readonly ProbedChoice[]): ProbedChoice[] {
  const seen = new Set<string>();
  const out: ProbedChoice[] = [];
  for (const c of choices) {
    if (c.ranks.length < 2 || c.ranks.every((r) => r === c.ranks[0])) continue;
    const key = `${c.node}|${c.ranks.join(",")}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}

/** Every feature's correlation with rank, per language of the scenario. */
export function measureSurfaceTells(s: Scenario, probed: readonly ProbedChoice[]): TellMeasure[] {
  const choices = distinctChoices(probed);
  const out: TellMeasure[] = [];
  for (const locale of s.meta.locales) {
    for (const feature of Object.keys(SURFACE_FEATURES) as SurfaceFeature[]) {
      const f = SURFACE_FEATURES[feature];
      const value =
        feature === "length"
          ? (c: ProbedChoice, i: number) => {
              // Relative to the choice's mean length, so that long scenes do not outweigh short ones.
              const lens = c.texts.map((t) => f(optionText(t === undefined ? { text: {} } : { text: t }, locale)));
              const mean = lens.reduce((a, b) => a + b, 0) / lens.length || 1;
              return lens[i]! / mean;
            }
          : (c: ProbedChoice, i: number) => f(optionText({ text: c.texts[i]! }, locale));
      out.push({ locale, feature, correlation: pooledCorrelation(choices, value), choices: choices.length, nodes: new Set(choices.map((c) => c.node)).size });
    }
  }
  return out;
}

/** Warnings for each feature whose correlation with rank passes the threshold. */
export function surfaceTellWarnings(s: Scenario, probed: readonly ProbedChoice[], threshold = TELL_THRESHOLD): Problem[] {
  return measureSurfaceTells(s, probed)
    .filter((m) => m.nodes >= TELL_MIN_NODES && Math.abs(m.correlation) > threshold)
    .map((m) => ({
      path: jsonPath(["nodes"]),
      severity: "warning" as const,
      rule: "surface-tell" as const,
      args: { scenario: s.meta.id, locale: m.locale, feature: m.feature, direction: m.correlation > 0 ? "more" : "less", correlation: m.correlation.toFixed(2), choices: m.choices, threshold },
      message:
        `surface tell in "${s.meta.id}" (${m.locale}): an option's rank correlates with ${FEATURE_WORDS[m.feature].name} at ${m.correlation.toFixed(2)} ` +
        `over ${m.choices} choices (threshold ±${threshold}): always picking ${m.correlation > 0 ? FEATURE_WORDS[m.feature].more : FEATURE_WORDS[m.feature].less} pays without reading the account. ` +
        `Offer wrong options of the same form (wrong questions, pitches phrased as questions) and overlap the lengths of right and wrong answers`,
    }));
}
