/** The settings slice, and its repair: each damaged field falls back to its default alone. */
import type { StateCreator } from "zustand/vanilla";
import { LOCALES, PRIMARY_LOCALE } from "../engine/vocabulary.ts";
import type { Locale } from "../engine/vocabulary.ts";
import { FONT_SCALES, TEXT_SPEEDS, type Settings } from "./types.ts";
import { cleanName, isNum, isRecord } from "./guards.ts";
import type { AppState } from "./state.ts";

export interface SettingsSlice {
  settings: Settings;
  setLocale(locale: Locale): void;
  /** Changes any settings; volumes are clamped to 0..1. */
  updateSettings(patch: Partial<Settings>): void;
  toggleMute(): void;
}

export const DEFAULT_SETTINGS: Settings = {
  locale: PRIMARY_LOCALE,
  musicVolume: 0.5,
  effectsVolume: 0.8,
  muted: false,
  textSpeed: "normal",
  fontScale: 1,
  reducedMotion: false,
  showMoveMarks: true,
  learnerName: "",
};

const clamp01 = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 100) / 100;
export const isVolume = (v: unknown): v is number => isNum(v) && v >= 0 && v <= 1;
const oneOf = (list: readonly unknown[]) => (v: unknown) => list.includes(v);

/** What each setting may hold. */
const VALID: { [K in keyof Settings]: (v: unknown) => boolean } = {
  locale: oneOf(LOCALES),
  musicVolume: isVolume,
  effectsVolume: isVolume,
  muted: (v) => typeof v === "boolean",
  textSpeed: oneOf(TEXT_SPEEDS),
  fontScale: oneOf(FONT_SCALES),
  reducedMotion: (v) => typeof v === "boolean",
  showMoveMarks: (v) => typeof v === "boolean",
  learnerName: (v) => typeof v === "string" && cleanName(v) === v,
};

/**
 * Stored settings, field by field: a valid field is kept, a damaged or missing one takes
 * its default. `repaired` names the damaged fields (a missing field is not damage: older
 * builds had fewer settings).
 */
export function repairSettings(stored: unknown): { settings: Settings; repaired: string[] } {
  if (!isRecord(stored)) return { settings: { ...DEFAULT_SETTINGS }, repaired: stored === undefined ? [] : ["settings"] };
  const settings = { ...DEFAULT_SETTINGS } as Record<keyof Settings, unknown>;
  const repaired: string[] = [];
  for (const key of Object.keys(VALID) as (keyof Settings)[]) {
    if (!(key in stored)) continue;
    if (VALID[key](stored[key])) settings[key] = stored[key];
    else repaired.push(key);
  }
  return { settings: settings as unknown as Settings, repaired };
}

export const settingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set) => ({
  settings: DEFAULT_SETTINGS,
  setLocale: (locale) => set((s) => ({ settings: { ...s.settings, locale } })),
  updateSettings: (patch) =>
    set((s) => {
      const next = { ...s.settings, ...patch };
      next.musicVolume = clamp01(next.musicVolume);
      next.effectsVolume = clamp01(next.effectsVolume);
      next.learnerName = cleanName(next.learnerName);
      return { settings: next };
    }),
  toggleMute: () => set((s) => ({ settings: { ...s.settings, muted: !s.settings.muted } })),
});
