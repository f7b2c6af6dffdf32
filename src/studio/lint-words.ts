/**
 * A problem in the studio's language. The engine writes its messages in English and gives
 * each warning its rule and the values it names (`Problem.rule`, `args`); the zh-CN
 * wording of each rule lives beside the studio's strings (lint.zh-CN.json, a unit test
 * checks every rule has one). Course principles come in both languages from the engine.
 * Errors and anything without a rule keep the engine's English. Pure.
 */
import { PRINCIPLES } from "../engine/scorecard.ts";
import type { Problem } from "../engine/problems.ts";
import type { Locale } from "../engine/vocabulary.ts";
import zhLint from "./strings/lint.zh-CN.json";
import { st, type StudioKey } from "./i18n.ts";

const ZH: Record<string, string> = zhLint;

const fill = (template: string, args: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (m, name: string) => (Object.hasOwn(args, name) ? String(args[name]) : m));

/** The zh-CN values a rule's template names that are words, not data (a feature, a place on screen, a principle). */
function zhArgs(rule: string, args: Record<string, string | number>): Record<string, string | number> {
  const out = { ...args };
  if (rule === "surface-tell") {
    out.feature = ZH[`feature.${args.feature}.name`] ?? String(args.feature);
    out.direction = ZH[`feature.${args.feature}.${args.direction}`] ?? String(args.direction);
  }
  if (rule === "over-cap") {
    out.place = ZH[`cap.${args.place}`] ?? String(args.place);
    out.does = ZH[args.oneLine ? "cap.one-line" : "cap.wraps"]!;
  }
  if (rule === "tactic-never-fits" && typeof args.principle === "string") {
    out.principle = (Object.hasOwn(PRINCIPLES, args.principle) ? PRINCIPLES[args.principle]?.["zh-CN"] : undefined) ?? args.principle;
  }
  return out;
}

/** A problem's message in `locale`. `syntax` is the JSON parser's error code, for syntax errors. */
export function problemText(p: Omit<Problem, "severity"> & { syntax?: string }, locale: Locale): string {
  if (p.syntax) {
    const key = `syntax.${p.syntax}` as StudioKey;
    const words = st(locale, key);
    return words === key ? p.message : `${st(locale, "syntax.invalid")}${words}`;
  }
  if (locale === "en" || !p.rule) return p.message;
  const template = ZH[p.rule];
  return template ? fill(template, zhArgs(p.rule, p.args ?? {})) : p.message;
}
