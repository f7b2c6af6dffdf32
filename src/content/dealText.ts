/**
 * Page 1 of the debrief in words: the reason for the ending (engine/view/reason.ts) and
 * where a better ending was still reachable. Each sentence says only what the run shows.
 */
import type { DebriefView, OptionRef } from "../engine/view/debrief.ts";
import type { Scenario } from "../engine/loader.ts";
import type { Locale } from "../engine/vocabulary.ts";
import { explainScore } from "../engine/scorecard.ts";
import { describeShortfall } from "./why.ts";
import { localize, moveLabel, t, type StringKey } from "./i18n.ts";

function tr(locale: Locale, key: string, vars?: Record<string, string | number>): string {
  return t(locale, key as StringKey, vars);
}

export function optionText(o: OptionRef | undefined, locale: Locale): string {
  return o ? tr(locale, "format.quote", { text: localize(o.text, locale) }) + tr(locale, "format.paren", { text: moveLabel(o.move, locale) }) : "";
}

/** The reason block: its text, and whether it reports a loss (drawn in the warning colour). */
export function reasonText(view: DebriefView, scenario: Scenario, locale: Locale): { text: string; bad: boolean } {
  const r = view.reason;
  const list = (ts: readonly string[]) => ts.map((x) => tr(locale, `trait.${x}`)).join(tr(locale, "format.enum"));
  if (!r || r.kind === "none") return { text: tr(locale, "debrief.reason-none"), bad: true };
  switch (r.kind) {
    case "best": {
      const lines = [tr(locale, "debrief.reason-best")];
      if (r.built.length) lines.push(tr(locale, "debrief.reason-built", { traits: list(r.built) }));
      if (r.built.length && r.missing.length) lines.push(tr(locale, "debrief.reason-missing", { traits: list(r.missing) }));
      return { text: lines.join(""), bad: false };
    }
    case "disqualified": {
      const lines = [tr(locale, "debrief.disqualified")];
      if (view.reasonOption) lines.push(tr(locale, "debrief.disqualified-gift", { option: optionText(view.reasonOption, locale) }));
      return { text: lines.join("\n"), bad: true };
    }
    case "unmet": {
      const stage = r.stage ? scenario.stages.find((s) => s.id === r.stage) : undefined;
      const stageName = stage ? (stage.title ? localize(stage.title, locale) : tr(locale, `stage.${stage.pipeline}`)) : "";
      const head = stage ? tr(locale, "debrief.reason-gate", { stage: stageName }) : tr(locale, "debrief.reason-branch");
      return { text: [head, ...r.shortfalls.slice(0, 4).map((s) => `· ${describeShortfall(s, scenario, locale)}`)].join("\n"), bad: true };
    }
    case "path": {
      const lines = [tr(locale, "debrief.reason-path", { option: optionText(view.reasonOption, locale) || r.option })];
      const first = r.principles[0];
      if (first) lines.push(tr(locale, "debrief.reason-path-cost", { text: localize(explainScore({ principle: first }), locale) }));
      return { text: lines.join("\n"), bad: true };
    }
  }
}

/** The turning-point block: the step, the better option and the ending it reaches; on the best ending, that none was needed. */
export function turningText(view: DebriefView, locale: Locale): string {
  const tp = view.turningPoint;
  if (view.reason?.kind === "best") return tr(locale, "debrief.turning-best");
  if (!tp) return tr(locale, "debrief.no-turning");
  return tr(locale, "debrief.turning-text", {
    turn: tp.turn,
    chosen: optionText(tp.chosenOption, locale) || tp.chosen,
    better: optionText(tp.betterOption, locale) || tp.better,
    ending: tp.endingTitle ? localize(tp.endingTitle, locale) : tp.ending,
    reaches: tr(locale, `outcome.${tp.reaches}`),
  });
}
