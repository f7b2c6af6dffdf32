/** The studio's own UI strings (beside it, in both locales; a unit test checks the keys match). */
import en from "./strings/en.json";
import zhCN from "./strings/zh-CN.json";
import type { Locale } from "../engine/vocabulary.ts";

export type StudioKey = keyof typeof en;
const tables: Record<Locale, Record<StudioKey, string>> = { "zh-CN": zhCN, en };

export function st(locale: Locale, key: StudioKey, vars: Record<string, string | number> = {}): string {
  return (tables[locale][key] ?? tables.en[key] ?? key).replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
