/**
 * The room pages' own strings (strings/<locale>.json) and the course's terms (moves,
 * stages, levels, tasks, outcomes) from the game's tables, so a move is named the same
 * on the phone, the projector and in the game.
 */
import zhCN from "./strings/zh-CN.json";
import en from "./strings/en.json";
import { isLocale, localize, moveLabel, t as gameT, type StringKey } from "../content/i18n.ts";
import { LOCALES, PRIMARY_LOCALE, type Locale } from "../engine/vocabulary.ts";
import type { LocalizedText, MoveTag } from "../engine/schema.ts";
import type { LineView, Refusal, StageView } from "./protocol.ts";

export type RoomKey = keyof typeof zhCN;
const tables: Record<Locale, Record<RoomKey, string>> = { "zh-CN": zhCN, en };
const LOCALE_KEY = "dealcraft.room.locale";

/** ?lang= first, then the last choice on this device, then the browser's language. */
export function initialLocale(): Locale {
  const fromUrl = new URLSearchParams(location.search).get("lang");
  if (isLocale(fromUrl)) return fromUrl;
  const saved = safeStorage()?.getItem(LOCALE_KEY);
  if (isLocale(saved)) return saved;
  return navigator.language.toLowerCase().startsWith("zh") ? "zh-CN" : navigator.language.toLowerCase().startsWith("en") ? "en" : PRIMARY_LOCALE;
}

export function saveLocale(locale: Locale): void {
  safeStorage()?.setItem(LOCALE_KEY, locale);
}

export function otherLocale(locale: Locale): Locale {
  return LOCALES[(LOCALES.indexOf(locale) + 1) % LOCALES.length]!;
}

/** Local storage, or null where the browser refuses it (private modes, blocked cookies). */
export function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function rt(locale: Locale, key: RoomKey, vars: Record<string, string | number> = {}): string {
  const template = tables[locale][key] ?? tables[PRIMARY_LOCALE][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export const refusalText = (locale: Locale, error: Refusal) => rt(locale, `refusal.${error}` as RoomKey);

/** A course term from the game's table, e.g. `stage.shortlist`. */
export const term = (locale: Locale, key: string) => gameT(locale, key as StringKey);

export const text = (locale: Locale, value: LocalizedText | null | undefined) => localize(value ?? undefined, locale);

export const moveName = (locale: Locale, move: MoveTag) => moveLabel(move, locale);

export function speakerName(locale: Locale, line: LineView): string {
  if (line.speaker !== "cast") return rt(locale, line.speaker === "rep" ? "speaker.rep" : "speaker.narrator");
  const name = text(locale, line.name);
  const title = text(locale, line.title);
  return title ? term(locale, "format.speaker").replace("{name}", name).replace("{title}", title) : name;
}

export const stageName = (locale: Locale, stage: StageView) => text(locale, stage.title) || term(locale, `stage.${stage.pipeline}`);

/** A, B, C… for options, as on a quiz screen. */
export const letter = (i: number) => String.fromCharCode(65 + i);
