import { describe, expect, it } from "vitest";
import { BACKUP_KEY, createAppStore, DAMAGED_KEY, memoryStorage, repairAttempts, repairProgress, repairRuns, repairSettings, STORE_KEY, STORE_VERSION, DEFAULT_SETTINGS } from "../../src/store/index.ts";
import { createRunner, saveRun } from "../../src/engine/index.ts";
import { mini } from "./helpers.ts";

const competencies = { questioning: 60, listening: 55, presenting: 40, relationships: 70, strategy: 50, outcome: 80 };
const goodAttempt = { at: "2026-11-01T10:00:00.000Z", scenarioId: "mini", mode: "practice", total: 59, competencies, ending: "won", seed: "7" };
const goodRecord = { best: 5, last: 5, ending: "won", plays: 1 };
const goodRun = () => {
  const r = createRunner(mini(), 4);
  r.advance();
  return { scenarioId: "mini", snapshot: saveRun(r) };
};
const doc = (state: object, version = STORE_VERSION) => JSON.stringify({ version, state });
const keys = (s: { notices: { key: string }[] }) => s.notices.map((n) => n.key).sort();

describe("store repair, part by part", () => {
  it("resets only the out-of-range setting", () => {
    const r = repairSettings({ ...DEFAULT_SETTINGS, locale: "en", musicVolume: 7, muted: true });
    expect(r.repaired).toEqual(["musicVolume"]);
    expect(r.settings).toEqual({ ...DEFAULT_SETTINGS, locale: "en", muted: true });
    expect(repairSettings({ locale: "en" }).repaired).toEqual([]); // fields missing from older builds are not damage
  });

  it("drops only the malformed progress record, and inherited names never count as ids", () => {
    const r = repairProgress({ mini: goodRecord, broken: { best: "x", last: 1, ending: "won", plays: 1 }, constructor: goodRecord });
    expect(Object.keys(r.progress)).toEqual(["mini"]);
    expect(r.dropped.sort()).toEqual(["broken.best", "constructor.id"]);
    expect(repairProgress({}).progress.constructor).toBeUndefined();
  });

  it("drops only the malformed attempt and de-duplicates the rest, oldest first", () => {
    const later = { ...goodAttempt, at: "2026-11-03T10:00:00.000Z" };
    const r = repairAttempts([later, goodAttempt, { ...goodAttempt, total: null }, goodAttempt, "x"]);
    expect(r.attempts.map((a) => a.at)).toEqual([goodAttempt.at, later.at]);
    expect(r.dropped).toEqual(["[2].total", "[4].attempt"]);
  });

  it("drops only the malformed run in progress", () => {
    const r = repairRuns({ mini: goodRun(), other: { scenarioId: "other", snapshot: { format: "elsewhere" } }, third: goodRun() });
    expect(Object.keys(r.runs)).toEqual(["mini"]);
    expect(r.dropped).toEqual(["other.snapshot.format", "third.scenarioId"]);
  });
});

describe("loading a damaged store", () => {
  it("keeps every valid part of a damaged document, says what it repaired, and writes the repair back", () => {
    const storage = memoryStorage();
    storage.setItem(
      STORE_KEY,
      doc({
        settings: { ...DEFAULT_SETTINGS, locale: "en", fontScale: 9 },
        progress: { mini: goodRecord, bad: 3 },
        attempts: [goodAttempt, { nope: 1 }],
        runs: { mini: goodRun(), x: 42 },
        active: "mini",
      }),
    );
    const s = createAppStore(storage).getState();
    expect(s.settings.locale).toBe("en");
    expect(s.settings.fontScale).toBe(1);
    expect(s.progress.mini?.best).toBe(5);
    expect(s.attempts).toHaveLength(1);
    expect(s.run?.scenarioId).toBe("mini");
    expect(keys(s)).toEqual(["notice.history-repaired", "notice.progress-repaired", "notice.runs-repaired", "notice.settings-repaired"]);
    expect(s.notices.find((n) => n.key === "notice.settings-repaired")?.vars?.fields).toBe("fontScale");
    expect(createAppStore(storage).getState().notices).toEqual([]); // repaired on disk: not met again
  });

  it("restores the last good copy when the document is not JSON, and keeps the damaged text aside", () => {
    const storage = memoryStorage();
    const a = createAppStore(storage);
    a.getState().setLocale("en");
    a.getState().recordAttempt({ ...goodAttempt, seed: 7 } as never);
    createAppStore(storage); // a clean load makes the last good copy
    expect(storage.getItem(BACKUP_KEY)).toContain('"en"');
    storage.setItem(STORE_KEY, "{not json");
    const s = createAppStore(storage).getState();
    expect(keys(s)).toEqual(["notice.store-restored"]);
    expect(s.settings.locale).toBe("en");
    expect(s.attempts).toHaveLength(1);
    expect(storage.getItem(DAMAGED_KEY)).toBe("{not json");
  });

  it("starts fresh with a notice when neither the document nor a copy is readable", () => {
    for (const foreign of ["[1,2,3]", '"hello"', JSON.stringify({ theme: "dark" }), "{oops"]) {
      const storage = memoryStorage();
      storage.setItem(STORE_KEY, foreign);
      const s = createAppStore(storage).getState();
      expect(keys(s)).toEqual(["notice.store-unreadable"]);
      expect(s.settings).toEqual(DEFAULT_SETTINGS);
      expect(storage.getItem(DAMAGED_KEY)).toBe(foreign);
    }
  });

  it("reads what it understands of a newer version's document, says so, and keeps that document aside", () => {
    const storage = memoryStorage();
    const raw = doc({ settings: { ...DEFAULT_SETTINGS, locale: "en", newThing: 1 }, progress: { mini: goodRecord }, attempts: [goodAttempt], runs: {}, active: null, extra: {} }, 99);
    storage.setItem(STORE_KEY, raw);
    const s = createAppStore(storage).getState();
    expect(keys(s)).toEqual(["notice.store-newer"]);
    expect(s.settings.locale).toBe("en");
    expect(s.progress.mini?.plays).toBe(1);
    expect(s.attempts).toHaveLength(1);
    expect(storage.getItem(DAMAGED_KEY)).toBe(raw);
  });

  it("migrates version 2's single run into the runs per scenario", () => {
    const storage = memoryStorage();
    storage.setItem(STORE_KEY, doc({ settings: { ...DEFAULT_SETTINGS, locale: "en" }, progress: { mini: goodRecord }, run: goodRun() }, 2));
    const s = createAppStore(storage).getState();
    expect(s.notices).toEqual([]);
    expect(Object.keys(s.runs)).toEqual(["mini"]);
    expect(s.run?.scenarioId).toBe("mini");
    expect(s.attempts).toEqual([]);
    expect(JSON.parse(storage.getItem(STORE_KEY)!).version).toBe(STORE_VERSION);
  });

  it("migrates version 0 and version 1 documents, keeping their settings", () => {
    const storage = memoryStorage();
    storage.setItem(STORE_KEY, doc({ settings: { locale: "en", volume: 0.5, muted: false } }, 0));
    expect(createAppStore(storage).getState().settings.locale).toBe("en");
    storage.setItem(STORE_KEY, doc({ settings: { locale: "en", volume: 0.3, muted: true }, progress: { mini: goodRecord }, run: null }, 1));
    const s = createAppStore(storage).getState();
    expect(s.settings).toMatchObject({ locale: "en", musicVolume: 0.3, effectsVolume: 0.3, muted: true, textSpeed: "normal" });
    expect(s.progress.mini?.best).toBe(5);
    expect(s.notices).toEqual([]);
  });

  it("tells the player once when a write fails, keeps the run in memory, and withdraws the notice when writing works again", () => {
    const inner = memoryStorage();
    let full = false;
    const storage = {
      getItem: (k: string) => inner.getItem(k),
      removeItem: (k: string) => inner.removeItem(k),
      setItem: (k: string, v: string) => {
        if (full) throw new DOMException("quota", "QuotaExceededError");
        inner.setItem(k, v);
      },
    };
    const store = createAppStore(storage);
    full = true;
    store.getState().saveRun(goodRun());
    store.getState().setLocale("en");
    expect(keys(store.getState())).toEqual(["notice.save-failed"]);
    expect(store.getState().run?.scenarioId).toBe("mini");
    full = false;
    store.getState().setLocale("zh-CN");
    expect(store.getState().notices).toEqual([]);
    expect(createAppStore(inner).getState().run?.scenarioId).toBe("mini");
  });

  it("frees the copies kept aside when the quota is reached, before giving up", () => {
    const inner = memoryStorage();
    const storage = {
      getItem: (k: string) => inner.getItem(k),
      removeItem: (k: string) => inner.removeItem(k),
      setItem: (k: string, v: string) => {
        if (k === STORE_KEY && inner.getItem(DAMAGED_KEY) !== null) throw new DOMException("quota", "QuotaExceededError");
        inner.setItem(k, v);
      },
    };
    inner.setItem(DAMAGED_KEY, "x".repeat(100));
    const store = createAppStore(storage);
    store.getState().setLocale("en");
    expect(store.getState().notices).toEqual([]);
    expect(inner.getItem(DAMAGED_KEY)).toBeNull();
    expect(JSON.parse(inner.getItem(STORE_KEY)!).state.settings.locale).toBe("en");
  });
});
