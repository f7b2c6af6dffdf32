/**
 * The store's link to Web Storage: loads the document (falling back to the last good copy
 * when the main one is unreadable), keeps that copy, and writes without ever throwing,
 * reporting a failed write (quota, privacy mode) so the player hears of it.
 */
import type { PersistStorage, StorageValue } from "zustand/middleware";
import type { Notice, Persisted } from "./types.ts";
import { emptyPersisted, readDocument, STORE_VERSION } from "./document.ts";

export const STORE_KEY = "dealcraft";
/** The last document that loaded with nothing to repair. */
export const BACKUP_KEY = "dealcraft:last-good";
/** A document this build could not read, kept as found (so nothing is destroyed unseen). */
export const DAMAGED_KEY = "dealcraft:damaged";

export type WebStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** What loading found: the state to start from, and what to tell the player. */
export interface Loaded {
  state: Persisted;
  notices: Notice[];
  /** True when the stored document needs rewriting now (it was migrated, repaired or replaced). */
  rewrite: boolean;
}

function safeGet(storage: WebStorage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}
function safeSet(storage: WebStorage, key: string, value: string): boolean {
  try {
    storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

const day = (iso: string | undefined) => (iso ? iso.slice(0, 16).replace("T", " ") : "?");

/** Reads the store's document, or its last good copy, and keeps that copy up to date. Never throws. */
export function loadDocument(storage: WebStorage): Loaded {
  const raw = safeGet(storage, STORE_KEY);
  const main = readDocument(raw);
  if (main.kind === "empty") return { state: emptyPersisted(), notices: [], rewrite: false };
  if (main.kind === "read") {
    if (main.notices.length === 0 && main.version === STORE_VERSION) {
      safeSet(storage, BACKUP_KEY, JSON.stringify({ state: main.state, version: STORE_VERSION, backedUpAt: new Date().toISOString() }));
    } else if (main.version > STORE_VERSION && raw !== null) {
      safeSet(storage, DAMAGED_KEY, raw); // the newer build's document, as it was
    }
    return { state: main.state, notices: main.notices, rewrite: main.notices.length > 0 || main.version !== STORE_VERSION };
  }
  if (raw !== null) safeSet(storage, DAMAGED_KEY, raw);
  const backup = readDocument(safeGet(storage, BACKUP_KEY));
  if (backup.kind === "read") {
    return {
      state: backup.state,
      notices: [{ key: "notice.store-restored", vars: { reason: main.reason, date: day(backup.backedUpAt) } }, ...backup.notices],
      rewrite: true,
    };
  }
  return { state: emptyPersisted(), notices: [{ key: "notice.store-unreadable", vars: { reason: main.reason } }], rewrite: true };
}

export interface WriteReport {
  /** Loading finished; `rewrite` says the stored document should be written back now. */
  loaded(rewrite: boolean): void;
  failed(): void;
  succeeded(): void;
}

/**
 * A zustand PersistStorage over `storage`. Reading returns the already repaired state
 * (with its notices); a failed write first frees the copies kept aside, then retries once.
 */
export function jsonStorage(storage: WebStorage, report: WriteReport): PersistStorage<Persisted & { notices?: Notice[] }> {
  return {
    getItem() {
      const loaded = loadDocument(storage);
      report.loaded(loaded.rewrite);
      return { state: { ...loaded.state, notices: loaded.notices }, version: STORE_VERSION };
    },
    setItem(name, value: StorageValue<Persisted>) {
      const text = JSON.stringify(value);
      if (safeSet(storage, name, text)) return report.succeeded();
      for (const key of [DAMAGED_KEY, BACKUP_KEY]) {
        try {
          storage.removeItem(key);
        } catch {
          // nothing more to free
        }
      }
      if (safeSet(storage, name, text)) report.succeeded();
      else report.failed();
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
