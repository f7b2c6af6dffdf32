/**
 * The checker's caps (src/engine/caps.ts, docs/caps.md): text longer than its place on
 * screen can show, and counts beyond what a screen has room for. Text caps are checked on
 * the raw JSON, before and beside the schema, because an oversized line is what freezes a
 * page: the game refuses such a file as well as the checker.
 */
import {
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

/** The cap for a localized text at `path` (the keys leading to it), and what that place is. */
function capFor(path: readonly PropertyKey[]): { max: number; what: string } {
  const key = path[path.length - 1];
  const parent = path[path.length - 3];
  if (key === "text" && parent === "lines") return { max: MAX_LINE_COLUMNS, what: "a dialogue line (about four lines of the dialogue box); split it into several lines" };
  if (key === "text" && parent === "options") return { max: MAX_OPTION_COLUMNS, what: "an option (about two lines beside its move mark)" };
  if (key === "name") return { max: MAX_NAME_COLUMNS, what: "a name (the plate under a portrait)" };
  if (key === "client") return { max: MAX_CLIENT_COLUMNS, what: "the client's name (the top bar, beside the stage)" };
  if (key === "title" && parent === "stages") return { max: MAX_STAGE_COLUMNS, what: "a stage's title (the top bar)" };
  if (key === "summary" && path.length === 2 && path[0] === "meta") return { max: MAX_SUMMARY_COLUMNS, what: "the scenario's summary (its card in the list)" };
  if (key === "title" || key === "label") return { max: MAX_TITLE_COLUMNS, what: "a title (one line of a card or over the room)" };
  return { max: MAX_PROSE_COLUMNS, what: "a paragraph of a panel or the debrief" };
}

/** Localized texts over their cap, anywhere in a parsed file (any shape). Iterative: deep files cannot overflow the stack. */
export function textCapProblems(json: unknown): Problem[] {
  const problems: Problem[] = [];
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
        if (typeof t !== "string" || t.length <= cap.max / 2) continue; // cannot exceed: a character is at most two columns
        const cols = displayColumns(t);
        if (cols > cap.max) problems.push({ path: jsonPath([...path, k]), message: `${cols} columns of text; ${cap.max} at most fit ${cap.what}` });
      }
      continue;
    }
    for (const k of keys) todo.push({ value: obj[k], path: [...path, k] });
  }
  return problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
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
