/** The team view's own strings (strings/<locale>.json); course terms (competencies, moves) come from the game's tables. */
import zhCN from "./strings/zh-CN.json";
import en from "./strings/en.json";
import { PRIMARY_LOCALE, type Locale } from "../engine/vocabulary.ts";

export type TeamKey = keyof typeof zhCN;
const tables: Record<Locale, Record<TeamKey, string>> = { "zh-CN": zhCN, en };

export function tt(locale: Locale, key: TeamKey, vars: Record<string, string | number> = {}): string {
  const template = tables[locale][key] ?? tables[PRIMARY_LOCALE][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
