/**
 * UI strings and scenario text in the player's locale. UI strings live in
 * strings/<locale>.json (never in code); scenario text arrives as LocalizedText.
 */
import zhCN from "./strings/zh-CN.json";
import en from "./strings/en.json";
import { LOCALES, PRIMARY_LOCALE, type Locale, type Stage3Task, type TaskStatus } from "../engine/vocabulary.ts";
import type { LocalizedText, MoveTag } from "../engine/schema.ts";

export type StringKey = keyof typeof zhCN;
const tables: Record<Locale, Record<StringKey, string>> = { "zh-CN": zhCN, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** A UI string with `{name}` placeholders filled in. Falls back to the primary locale. */
export function t(locale: Locale, key: StringKey, vars: Record<string, string | number> = {}): string {
  const template = tables[locale][key] ?? tables[PRIMARY_LOCALE][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** Scenario text in `locale`, else the primary locale, else whatever exists. */
export function localize(text: LocalizedText | undefined, locale: Locale): string {
  if (!text) return "";
  return text[locale] || text[PRIMARY_LOCALE] || Object.values(text).find((s) => !!s) || "";
}

/** Short labels for a move tag, e.g. "I 暗示问题" or "F 特性 · A 优势". */
export function moveLabel(move: MoveTag, locale: Locale): string {
  switch (move.kind) {
    case "spin":
      return t(locale, `move.spin.${move.type}` as StringKey);
    case "pitch":
      return move.parts.map((p) => t(locale, `move.pitch.${p}` as StringKey)).join(" · ");
    case "listen":
      return t(locale, `move.listen.${move.behaviour}` as StringKey);
    case "tactic":
      return t(locale, `move.tactic.${move.tactic}` as StringKey);
    case "relationship":
      return t(locale, `move.relationship.${move.action}` as StringKey);
    case "awareness":
      return t(locale, `move.awareness.${move.method}` as StringKey);
    case "close":
      return t(locale, `move.close.${move.style}` as StringKey);
    case "talk":
      return t(locale, "move.talk");
    case "research":
      return t(locale, "move.research");
    case "rules":
      return t(locale, `move.rules.${move.terms}` as StringKey);
    case "screen":
      return t(locale, "move.screen");
  }
}

/** Shortlist tasks as lines like "✓ 完成 价值展示", in the order given (the ones a scenario uses). */
export function taskLines(tasks: readonly { task: Stage3Task; status: TaskStatus }[], locale: Locale): string[] {
  return tasks.map(({ task, status }) => `${t(locale, `task.${status}` as StringKey)} ${t(locale, `task.${task}` as StringKey)}`);
}
