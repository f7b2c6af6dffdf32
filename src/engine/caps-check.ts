/**
 * The checker's caps (src/engine/caps.ts, docs/caps.md): text longer than its place on
 * screen can show, and counts beyond what a screen has room for. Text caps are checked on
 * the raw JSON, before and beside the schema. A text over its cap is a warning: files
 * written for earlier versions keep loading, and the game wraps it or, where one line is
 * all there is room for, shortens it (`fitToScreen`). Only text so long that it would
 * freeze a page (HARD_CAP_FACTOR times its cap) is refused, by the game as by the checker.
 */
import {
  capText,
  DIALOGUE,
  dialogueHeight,
  displayColumns,
  MAX_CAST,
  MAX_CLIENT_COLUMNS,
  MAX_STAGE_COLUMNS,
  MAX_SUMMARY_COLUMNS,
  MAX_LINE_COLUMNS,
  MAX_MEETING_CAST,
  MAX_NAME_COLUMNS,
  MAX_OPTION_COLUMNS,
  MAX_OPTIONS,
  MAX_PROSE_COLUMNS,
  MAX_TITLE_COLUMNS,
} from "./caps.ts";
import { jsonPath, type Problem } from "./problems.ts";
import type { ScenarioData } from "./schema.ts";

const LOCALE_KEYS = new Set(["zh-CN", "en"]);

/** A text this many times over its cap is refused: the typewriter, wrapping and renderer work per character. */
export const HARD_CAP_FACTOR = 10;

/** The cap for a localized text at `path` (the keys leading to it), what that place is, and whether it is one line (shortened, not wrapped). */
function capFor(path: readonly PropertyKey[]): { max: number; place: string; what: string; oneLine?: boolean } {
  const key = path[path.length - 1];
  const parent = path[path.length - 3];
  if (key === "text" && parent === "lines") return { max: MAX_LINE_COLUMNS, place: "line", what: "a dialogue line (about four lines of the dialogue box); split it into several lines" };
  if (key === "text" && parent === "options") return { max: MAX_OPTION_COLUMNS, place: "option", what: "an option (about two lines beside its move mark)" };
  if (key === "name") return { max: MAX_NAME_COLUMNS, place: "name", what: "a name (the plate under a portrait)", oneLine: true };
  if (key === "client") return { max: MAX_CLIENT_COLUMNS, place: "client", what: "the client's name (the top bar, beside the stage)", oneLine: true };
  if (key === "title" && parent === "stages") return { max: MAX_STAGE_COLUMNS, place: "stage-title", what: "a stage's title (the top bar)", oneLine: true };
  if (key === "summary" && path.length === 2 && path[0] === "meta") return { max: MAX_SUMMARY_COLUMNS, place: "summary", what: "the scenario's summary (its card in the list)", oneLine: true };
  if (key === "title" || key === "label") return { max: MAX_TITLE_COLUMNS, place: "title", what: "a title (one line of a card or over the room)", oneLine: true };
  return { max: MAX_PROSE_COLUMNS, place: "prose", what: "a paragraph of a panel or the debrief" };
}

/**
 * Localized texts over their cap, anywhere in a parsed file (any shape): warnings, or
 * errors past HARD_CAP_FACTOR times the cap.
 */
export function textCapProblems(json: unknown): Problem[] {
  const problems: Problem[] = [];
  walkTexts(json, (path, t, cap) => {
    if (t.length <= cap.max / 2) return; // cannot exceed: a character is at most two columns
    const cols = displayColumns(t);
    if (cols > cap.max * HARD_CAP_FACTOR) {
      problems.push({ path: jsonPath(path), message: `${cols} columns of text, more than ${HARD_CAP_FACTOR} times the ${cap.max} that fit ${cap.what}: too long to show; split or shorten it` });
    } else if (cols > cap.max) {
      const does = cap.oneLine ? "the game shortens it with an ellipsis" : "the game wraps it, and it may push other text off the screen";
      problems.push({ path: jsonPath(path), severity: "warning", rule: "over-cap", args: { cols, max: cap.max, place: cap.place, oneLine: cap.oneLine ? 1 : 0 }, message: `${cols} columns of text; ${cap.max} fit ${cap.what}: ${does}` });
    }
  });
  return problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * A copy of a scenario whose one-line texts (titles, names, the client, stage titles, the
 * summary) are shortened to their caps with an ellipsis, for a file the checker only
 * warned about. Texts that wrap (lines, options, prose) are left whole. Returns the same
 * object when nothing is over a cap.
 */
export function fitToScreen<T>(data: T): T {
  const cuts: Array<{ path: PropertyKey[]; text: string }> = [];
  walkTexts(data, (path, t, cap) => {
    if (cap.oneLine && t.length > cap.max / 2 && displayColumns(t) > cap.max) cuts.push({ path, text: capText(t, cap.max) });
  });
  if (cuts.length === 0) return data;
  const copy = structuredClone(data) as Record<string, unknown>;
  for (const { path, text } of cuts) {
    let at = copy;
    for (const k of path.slice(0, -1)) at = at[k as string] as Record<string, unknown>;
    at[path[path.length - 1] as string] = text;
  }
  return copy as T;
}

/** Calls `visit` with each localized string in `json`, its path (ending in the locale) and the cap of its place. Iterative: deep files cannot overflow the stack. */
function walkTexts(json: unknown, visit: (path: PropertyKey[], text: string, cap: ReturnType<typeof capFor>) => void): void {
  const todo: Array<{ value: unknown; path: PropertyKey[] }> = [{ value: json, path: [] }];
  while (todo.length) {
    const { value, path } = todo.pop()!;
    if (Array.isArray(value)) {
      value.forEach((v, i) => todo.push({ value: v, path: [...path, i] }));
      continue;
    }
    if (!value || typeof value !== "object") continue;
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj);
    if (keys.length > 0 && keys.every((k) => LOCALE_KEYS.has(k))) {
      const cap = capFor(path);
      for (const k of keys) {
        const t = obj[k];
        if (typeof t === "string") visit([...path, k], t, cap);
      }
      continue;
    }
    for (const k of keys) todo.push({ value: obj[k], path: [...path, k] });
  }
}

/** Stakeholders present in each meeting, as the meeting screen seats them: who speaks there or is addressed. */
export function meetingAttendees(s: ScenarioData): Map<string, string[]> {
  const byMeeting = new Map<string, string[]>();
  for (const node of Object.values(s.nodes)) {
    if (node.meeting === undefined) continue;
    const list = byMeeting.get(node.meeting) ?? [];
    const add = (id: string | undefined) => {
      if (id !== undefined && Object.hasOwn(s.cast, id) && !list.includes(id)) list.push(id);
    };
    node.lines.forEach((l) => add(l.speaker));
    node.options?.forEach((o) => add(o.to));
    byMeeting.set(node.meeting, list);
  }
  return byMeeting;
}

/** Counts beyond what the screens have room for. */
export function countCapProblems(s: ScenarioData): Problem[] {
  const problems: Problem[] = [];
  const castSize = Object.keys(s.cast).length;
  if (castSize > MAX_CAST) {
    problems.push({ path: "$.cast", message: `${castSize} stakeholders; the account map and the debrief have room for ${MAX_CAST}` });
  }
  for (const [id, node] of Object.entries(s.nodes)) {
    const n = node.options?.length ?? 0;
    if (n > MAX_OPTIONS) problems.push({ path: jsonPath(["nodes", id, "options"]), message: `${n} options; at most ${MAX_OPTIONS} fit, and the keys 1-${MAX_OPTIONS} choose them` });
  }
  for (const [meeting, present] of meetingAttendees(s)) {
    if (present.length > MAX_MEETING_CAST) {
      problems.push({
        path: jsonPath(["meetings", meeting]),
        message: `${present.length} stakeholders take part (${present.join(", ")}); the meeting room seats ${MAX_MEETING_CAST}: split the meeting`,
      });
    }
  }
  return problems;
}

/**
 * Nodes whose last line and the options always offered together (those without a
 * condition) would not fit the meeting screen at its smallest option text, by the estimate
 * in caps.ts. Warnings, not problems: the estimate counts columns, not the pixels a font
 * really draws, so it can be off by a row either way.
 */
export function screenFitWarnings(s: ScenarioData): Problem[] {
  const warnings: Problem[] = [];
  for (const [id, node] of Object.entries(s.nodes)) {
    const always = node.options?.filter((o) => o.condition === undefined) ?? [];
    if (always.length === 0 || node.lines.length === 0) continue;
    const last = node.lines[node.lines.length - 1]!.text;
    for (const locale of ["zh-CN", "en"] as const) {
      const h = dialogueHeight(displayColumns(last[locale] ?? ""), always.map((o) => displayColumns(o.text[locale] ?? "")));
      if (h > DIALOGUE.compactPx) {
        warnings.push({
          path: jsonPath(["nodes", id, "options"]),
          message: `in ${locale}, the last line and the ${always.length} options always offered here need about ${h} px, more than the ${DIALOGUE.compactPx} the meeting screen has even without the room: the last options would fall under the footer; shorten them or offer fewer`,
        });
        break;
      }
    }
  }
  return warnings;
}
