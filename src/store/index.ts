/**
 * The one app store (zustand vanilla): settings, progress and the run in progress, each a
 * typed slice; persisted with a version, validated when loaded, and reset with a visible
 * notice when damaged. Scenes subscribe; the engine never sees this module.
 */
import { createStore, type StateCreator, type StoreApi } from "zustand/vanilla";
import { persist, type PersistStorage, type StorageValue } from "zustand/middleware";
import { LOCALES, PRIMARY_LOCALE, type Locale } from "../engine/vocabulary.ts";
import type { RunSnapshot } from "../engine/snapshot.ts";
import type { LocalizedText } from "../engine/schema.ts";
import type { StringKey } from "../content/i18n.ts";

/** Version of the persisted store document. Bump it and extend `migrate` when the shape changes. */
export const STORE_VERSION = 2;
export const STORE_KEY = "dealcraft";

/** Typewriter pace for dialogue lines. */
export const TEXT_SPEEDS = ["slow", "normal", "fast", "instant"] as const;
export type TextSpeed = (typeof TEXT_SPEEDS)[number];
/** Body text size factors. */
export const FONT_SCALES = [1, 1.15, 1.3] as const;

export interface Settings {
  locale: Locale;
  /** Background music volume, 0..1. */
  musicVolume: number;
  /** Sound effects volume, 0..1. */
  effectsVolume: number;
  muted: boolean;
  textSpeed: TextSpeed;
  /** Size factor for dialogue and option text: one of FONT_SCALES. */
  fontScale: number;
  /** No tweens, no animated background, no typewriter. */
  reducedMotion: boolean;
  /** Show the S/P/I/N, F/A/B/E and tactic marks on options (hide them for harder play). */
  showMoveMarks: boolean;
}

/** One scenario's record: best and last total score, last ending, plays completed. */
export interface ScenarioRecord {
  best: number;
  last: number;
  ending: string;
  plays: number;
}

/** The run in progress, autosaved after every step so a reload loses nothing. */
export interface SavedRun {
  scenarioId: string;
  /** Practice or assessment: a resumed run keeps its mode. */
  mode?: "practice" | "assessment";
  /** The run has reached its ending (nothing to continue). */
  ended?: boolean;
  /** The scenario's title, so the title screen can offer "Continue" before any scenario loads. */
  title?: LocalizedText;
  snapshot: RunSnapshot;
}

/** A message for the player about something the game fixed on its own. */
export interface Notice {
  key: StringKey;
  vars?: Record<string, string>;
}

export interface SettingsSlice {
  settings: Settings;
  setLocale(locale: Locale): void;
  /** Changes any settings; volumes are clamped to 0..1. */
  updateSettings(patch: Partial<Settings>): void;
  toggleMute(): void;
}
export interface ProgressSlice {
  progress: Record<string, ScenarioRecord>;
  recordResult(scenarioId: string, total: number, ending: string): void;
}
export interface RunSlice {
  run: SavedRun | null;
  saveRun(run: SavedRun): void;
  clearRun(): void;
}
export interface NoticeSlice {
  notices: Notice[];
  notify(notice: Notice): void;
  dismissNotices(): void;
}
export type AppState = SettingsSlice & ProgressSlice & RunSlice & NoticeSlice;
export type AppStore = StoreApi<AppState>;
type Persisted = Pick<AppState, "settings" | "progress" | "run">;

export const DEFAULT_SETTINGS: Settings = {
  locale: PRIMARY_LOCALE,
  musicVolume: 0.5,
  effectsVolume: 0.8,
  muted: false,
  textSpeed: "normal",
  fontScale: 1,
  reducedMotion: false,
  showMoveMarks: true,
};

const clamp01 = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 100) / 100;

const settingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set) => ({
  settings: DEFAULT_SETTINGS,
  setLocale: (locale) => set((s) => ({ settings: { ...s.settings, locale } })),
  updateSettings: (patch) =>
    set((s) => {
      const next = { ...s.settings, ...patch };
      next.musicVolume = clamp01(next.musicVolume);
      next.effectsVolume = clamp01(next.effectsVolume);
      return { settings: next };
    }),
  toggleMute: () => set((s) => ({ settings: { ...s.settings, muted: !s.settings.muted } })),
});

const progressSlice: StateCreator<AppState, [], [], ProgressSlice> = (set) => ({
  progress: {},
  recordResult: (scenarioId, total, ending) =>
    set((s) => {
      const prev = s.progress[scenarioId];
      const rec: ScenarioRecord = {
        best: prev ? Math.max(prev.best, total) : total,
        last: total,
        ending,
        plays: (prev?.plays ?? 0) + 1,
      };
      return { progress: { ...s.progress, [scenarioId]: rec } };
    }),
});

const runSlice: StateCreator<AppState, [], [], RunSlice> = (set) => ({
  run: null,
  saveRun: (run) => set({ run }),
  clearRun: () => set({ run: null }),
});

const noticeSlice: StateCreator<AppState, [], [], NoticeSlice> = (set) => ({
  notices: [],
  notify: (notice) => set((s) => ({ notices: [...s.notices, notice] })),
  dismissNotices: () => set({ notices: [] }),
});

// Hand-written guards (not zod) keep the first bundle small; the snapshot inside a saved
// run is validated in depth by the engine when the run is resumed.
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

const isVolume = (v: unknown) => isNum(v) && v >= 0 && v <= 1;

function validSettings(v: unknown): v is Settings {
  return (
    isRecord(v) &&
    (LOCALES as readonly unknown[]).includes(v.locale) &&
    isVolume(v.musicVolume) &&
    isVolume(v.effectsVolume) &&
    typeof v.muted === "boolean" &&
    (TEXT_SPEEDS as readonly unknown[]).includes(v.textSpeed) &&
    (FONT_SCALES as readonly unknown[]).includes(v.fontScale) &&
    typeof v.reducedMotion === "boolean" &&
    typeof v.showMoveMarks === "boolean"
  );
}

/** The first bad path in a progress record, or null when it is sound. */
function progressProblem(v: unknown): string | null {
  if (!isRecord(v)) return "progress";
  for (const [id, rec] of Object.entries(v)) {
    if (!isRecord(rec)) return id;
    for (const k of ["best", "last", "plays"] as const) if (!isNum(rec[k])) return `${id}.${k}`;
    if (typeof rec.ending !== "string") return `${id}.ending`;
  }
  return null;
}

function validRun(v: unknown): v is SavedRun | null {
  return v === null || (isRecord(v) && typeof v.scenarioId === "string" && isRecord(v.snapshot) && v.snapshot.format === "dealcraft-run");
}

/**
 * Older store documents become the current shape here. Version 0 (no version) had no
 * progress; version 1 had one master volume and no text, motion or mark settings.
 */
export function migrate(persisted: unknown, version: number): Persisted {
  const p = { ...((persisted ?? {}) as Record<string, unknown>) };
  if (version < 1) {
    p.progress = {};
    p.run = null;
  }
  if (version < 2 && isRecord(p.settings)) {
    const { volume, ...rest } = p.settings as Record<string, unknown>;
    const v = isVolume(volume) ? (volume as number) : DEFAULT_SETTINGS.effectsVolume;
    p.settings = { ...DEFAULT_SETTINGS, ...rest, musicVolume: Math.min(v, DEFAULT_SETTINGS.musicVolume), effectsVolume: v };
  }
  return p as unknown as Persisted;
}

/** Merges what was stored into fresh state part by part, keeping what is valid and noting what was not. */
function validatedMerge(persisted: unknown, current: AppState): AppState {
  if (persisted === CORRUPT) {
    return { ...current, notices: [...current.notices, { key: "notice.progress-reset", vars: { reason: "JSON" } }] };
  }
  const p = (persisted ?? {}) as Record<string, unknown>;
  const notices = [...current.notices];
  const next: AppState = { ...current };
  if (p.settings !== undefined) {
    if (validSettings(p.settings)) next.settings = { ...DEFAULT_SETTINGS, ...p.settings };
    else notices.push({ key: "notice.settings-reset" });
  }
  if (p.progress !== undefined) {
    const problem = progressProblem(p.progress);
    if (problem === null) next.progress = p.progress as Record<string, ScenarioRecord>;
    else notices.push({ key: "notice.progress-reset", vars: { reason: problem } });
  }
  if (p.run !== undefined) {
    if (validRun(p.run)) next.run = p.run;
    else notices.push({ key: "notice.run-reset", vars: { reason: "format" } });
  }
  next.notices = notices;
  return next;
}

/** Marker for a stored document that is not JSON at all. */
const CORRUPT = Symbol("corrupt");

/** Wraps a Web Storage so unreadable JSON or a throwing storage never stops the game. */
export function jsonStorage(storage: Pick<Storage, "getItem" | "setItem" | "removeItem">): PersistStorage<Persisted> {
  return {
    getItem(name) {
      let raw: string | null;
      try {
        raw = storage.getItem(name);
      } catch {
        return null;
      }
      if (raw === null) return null;
      try {
        const doc = JSON.parse(raw) as StorageValue<Persisted>;
        if (typeof doc !== "object" || doc === null || typeof doc.version !== "number") throw new Error("shape");
        return doc;
      } catch {
        return { state: CORRUPT as unknown as Persisted, version: STORE_VERSION };
      }
    },
    setItem(name, value) {
      try {
        storage.setItem(name, JSON.stringify(value));
      } catch {
        // Quota or privacy mode: the game goes on; main.ts warns once at start-up.
      }
    },
    removeItem(name) {
      try {
        storage.removeItem(name);
      } catch {
        // ignore
      }
    },
  };
}

/** An in-memory Web Storage, for tests and for browsers that refuse localStorage. */
export function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

/** Builds the app store over a Web Storage; hydration is synchronous. */
export function createAppStore(storage: Pick<Storage, "getItem" | "setItem" | "removeItem">): AppStore {
  return createStore<AppState>()(
    persist(
      (...a) => ({ ...settingsSlice(...a), ...progressSlice(...a), ...runSlice(...a), ...noticeSlice(...a) }),
      {
        name: STORE_KEY,
        version: STORE_VERSION,
        storage: jsonStorage(storage),
        partialize: (s) => ({ settings: s.settings, progress: s.progress, run: s.run }),
        migrate: (persisted, version) => (persisted === CORRUPT ? (CORRUPT as unknown as Persisted) : migrate(persisted, version)),
        merge: validatedMerge,
      },
    ),
  );
}
