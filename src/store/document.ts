/**
 * Reading the stored document: parse, recognise, migrate and repair it, part by part.
 * Pure (no storage access), so every kind of damage is unit-tested here; storage.ts
 * decides what to do with the result (fall back to the last good copy, keep a copy).
 */
import type { Notice, Persisted } from "./types.ts";
import { isRecord } from "./guards.ts";
import { DEFAULT_SETTINGS, isVolume, repairSettings } from "./settings.ts";
import { repairAttempts, repairProgress } from "./history.ts";
import { repairRuns } from "./runs.ts";

/** Version of the persisted store document. Bump it and extend `migrate` when the shape changes. */
export const STORE_VERSION = 3;

/** How many damaged names a notice lists before "…". */
const LIST_MAX = 4;
const list = (names: string[]) => (names.length > LIST_MAX ? [...names.slice(0, LIST_MAX), "…"] : names).join(", ");

export type DocumentRead =
  /** Nothing stored yet. */
  | { kind: "empty" }
  /** Not ours or not readable at all: nothing in it can be trusted. */
  | { kind: "unreadable"; reason: "JSON" | "format" }
  /** Ours (possibly migrated or repaired); `notices` say what was repaired. */
  | { kind: "read"; state: Persisted; notices: Notice[]; version: number; backedUpAt?: string };

export const emptyPersisted = (): Persisted => ({ settings: { ...DEFAULT_SETTINGS }, ...repairParts({}).state });

/**
 * Older documents become the current shape. Version 0 (no version) had no progress;
 * version 1 had one master volume; version 2 had a single run in progress and no history.
 */
export function migrate(state: Record<string, unknown>, version: number): Record<string, unknown> {
  const p = { ...state };
  if (version < 1) {
    p.progress = {};
    p.run = null;
  }
  if (version < 2 && isRecord(p.settings)) {
    const { volume, ...rest } = p.settings;
    const v = isVolume(volume) ? volume : DEFAULT_SETTINGS.effectsVolume;
    p.settings = { ...rest, musicVolume: Math.min(v, DEFAULT_SETTINGS.musicVolume), effectsVolume: v };
  }
  if (version < 3) {
    const run = p.run;
    delete p.run;
    const id = isRecord(run) && typeof run.scenarioId === "string" ? run.scenarioId : null;
    // A damaged single run stays under a placeholder id, so the repair reports it rather than losing it silently.
    p.runs = run === null || run === undefined ? {} : { [id ?? "run"]: run };
    p.active = id;
    p.attempts = [];
  }
  return p;
}

function repairParts(p: Record<string, unknown>): { state: Omit<Persisted, "settings">; notices: Notice[] } {
  const notices: Notice[] = [];
  const progress = repairProgress(p.progress);
  if (progress.dropped.length) notices.push({ key: "notice.progress-repaired", vars: { records: list(progress.dropped) } });
  const attempts = repairAttempts(p.attempts);
  if (attempts.dropped.length) notices.push({ key: "notice.history-repaired", vars: { entries: list(attempts.dropped) } });
  const runs = repairRuns(p.runs);
  if (runs.dropped.length) notices.push({ key: "notice.runs-repaired", vars: { runs: list(runs.dropped) } });
  const active = typeof p.active === "string" && Object.prototype.hasOwnProperty.call(runs.runs, p.active) ? p.active : null;
  return { state: { progress: progress.progress, attempts: attempts.attempts, runs: runs.runs, active }, notices };
}

/** Parses and repairs a stored document. Never throws. */
export function readDocument(raw: string | null): DocumentRead {
  if (raw === null) return { kind: "empty" };
  let doc: unknown;
  try {
    doc = JSON.parse(raw);
  } catch {
    return { kind: "unreadable", reason: "JSON" };
  }
  if (!isRecord(doc) || typeof doc.version !== "number" || !Number.isInteger(doc.version) || doc.version < 0 || !isRecord(doc.state)) {
    return { kind: "unreadable", reason: "format" };
  }
  const version = doc.version;
  const notices: Notice[] = [];
  // A newer build's document: read what this build understands, field by field, and say so.
  if (version > STORE_VERSION) notices.push({ key: "notice.store-newer", vars: { version: String(version) } });
  const state = version < STORE_VERSION ? migrate(doc.state, version) : doc.state;
  const settings = repairSettings(state.settings);
  if (settings.repaired.length) notices.push({ key: "notice.settings-repaired", vars: { fields: list(settings.repaired) } });
  const parts = repairParts(state);
  notices.push(...parts.notices);
  const read: DocumentRead = { kind: "read", state: { settings: settings.settings, ...parts.state }, notices, version };
  if (typeof doc.backedUpAt === "string") read.backedUpAt = doc.backedUpAt;
  return read;
}
