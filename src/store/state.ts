/** The whole app state: the slices together. */
import type { StoreApi } from "zustand/vanilla";
import type { SettingsSlice } from "./settings.ts";
import type { ProgressSlice } from "./history.ts";
import type { RunSlice } from "./runs.ts";
import type { Notice } from "./types.ts";

export interface NoticeSlice {
  notices: Notice[];
  notify(notice: Notice): void;
  /** Removes every notice with this key (a problem that went away). */
  withdraw(key: Notice["key"]): void;
  dismissNotices(): void;
}

export type AppState = SettingsSlice & ProgressSlice & RunSlice & NoticeSlice;
export type AppStore = StoreApi<AppState>;
