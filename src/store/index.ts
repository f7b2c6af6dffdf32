/**
 * The one app store (zustand vanilla): settings, progress and attempt history, and the runs
 * in progress, each a typed slice (settings.ts, history.ts, runs.ts); persisted with a
 * version, repaired part by part when loaded (document.ts), with a last good copy and a
 * notice for every repair and every failed write (storage.ts). Scenes subscribe; the
 * engine never sees this module.
 */
import { createStore, type StateCreator } from "zustand/vanilla";
import { persist } from "zustand/middleware";
import { settingsSlice } from "./settings.ts";
import { progressSlice } from "./history.ts";
import { runSlice } from "./runs.ts";
import { jsonStorage, STORE_KEY, type WebStorage } from "./storage.ts";
import { STORE_VERSION } from "./document.ts";
import type { Notice, Persisted } from "./types.ts";
import type { AppState, AppStore, NoticeSlice } from "./state.ts";

export * from "./types.ts";
export type { AppState, AppStore, NoticeSlice } from "./state.ts";
export { DEFAULT_SETTINGS, repairSettings, type SettingsSlice } from "./settings.ts";
export { attemptKey, checkAttempt, recordOf, repairAttempts, repairProgress, MAX_ATTEMPTS, type AttemptInput, type ProgressSlice } from "./history.ts";
export { checkRun, isOpen, openRunOf, repairRuns, type RunSlice } from "./runs.ts";
export { migrate, readDocument, STORE_VERSION } from "./document.ts";
export { BACKUP_KEY, DAMAGED_KEY, STORE_KEY, jsonStorage, loadDocument, memoryStorage } from "./storage.ts";

const sameNotice = (a: Notice, b: Notice) => a.key === b.key && JSON.stringify(a.vars ?? {}) === JSON.stringify(b.vars ?? {});

const noticeSlice: StateCreator<AppState, [], [], NoticeSlice> = (set) => ({
  notices: [],
  notify: (notice) => set((s) => (s.notices.some((n) => sameNotice(n, notice)) ? {} : { notices: [...s.notices, notice] })),
  withdraw: (key) => set((s) => (s.notices.some((n) => n.key === key) ? { notices: s.notices.filter((n) => n.key !== key) } : {})),
  dismissNotices: () => set({ notices: [] }),
});

/** Builds the app store over a Web Storage; hydration is synchronous. */
export function createAppStore(storage: WebStorage): AppStore {
  let store: AppStore | null = null;
  let failing = false;
  let rewrite = false;
  const report = {
    loaded: (needed: boolean) => {
      rewrite = needed;
    },
    // One notice while writes fail; the state (the run included) lives on in memory.
    failed: () => {
      if (failing) return;
      failing = true;
      store?.getState().notify({ key: "notice.save-failed" });
    },
    succeeded: () => {
      if (!failing) return;
      failing = false;
      store?.getState().withdraw("notice.save-failed");
    },
  };
  store = createStore<AppState>()(
    persist((...a) => ({ ...settingsSlice(...a), ...progressSlice(...a), ...runSlice(...a), ...noticeSlice(...a) }), {
      name: STORE_KEY,
      version: STORE_VERSION,
      storage: jsonStorage(storage, report),
      partialize: (s): Persisted => ({ settings: s.settings, progress: s.progress, attempts: s.attempts, runs: s.runs, active: s.run?.scenarioId ?? null }),
      merge: (stored, current) => {
        const p = stored as Persisted & { notices?: Notice[] };
        const run = p.active !== null && Object.prototype.hasOwnProperty.call(p.runs, p.active) ? p.runs[p.active]! : null;
        return { ...current, settings: p.settings, progress: p.progress, attempts: p.attempts, runs: p.runs, run, notices: [...current.notices, ...(p.notices ?? [])] };
      },
    }),
  );
  // A migrated, repaired or replaced document is written back at once, so the damage is not met again.
  if (rewrite) store.setState({});
  return store;
}
