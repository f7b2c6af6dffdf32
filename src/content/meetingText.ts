/**
 * The meeting's words that come from the engine's view model: who is speaking, and (in
 * practice) the instant explanation of the move just made.
 */
import type { MeetingView } from "../engine/view/meeting.ts";
import { explainScore } from "../engine/scorecard.ts";
import type { Locale } from "../engine/vocabulary.ts";
import { localize, t } from "./i18n.ts";

/** "周敏（采购经理）", or the narrator's / the rep's label. */
export function speakerLabel(line: NonNullable<MeetingView["line"]>, locale: Locale): string {
  if (line.speaker === "narrator") return t(locale, "meeting.narrator");
  if (line.speaker === "rep") return t(locale, "meeting.rep");
  const name = localize(line.name, locale);
  const title = localize(line.jobTitle, locale);
  return title ? t(locale, "format.speaker", { name, title }) : name;
}

/** Practice mode: the principle behind the last decision's biggest score, and a better move when one was on offer. */
export function instantExplanation(view: MeetingView, locale: Locale): { text: string; good: boolean } | null {
  const j = view.judged;
  if (!j) return null;
  const text = localize(explainScore({ principle: j.principle }), locale);
  const advice = j.better ? ` ${t(locale, "debrief.better", { option: localize(j.better, locale) })}` : "";
  return { text: `${t(locale, "meeting.why")}${text}${advice}`, good: j.points >= 0 };
}
