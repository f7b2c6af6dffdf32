import { describe, expect, it } from "vitest";
import { createAppStore, memoryStorage, STORE_KEY, STORE_VERSION } from "../../src/store/index.ts";
import { createRunner, saveRun } from "../../src/engine/index.ts";
import { mini } from "./helpers.ts";

describe("app store", () => {
  it("keeps language, volume and mute across a reload", () => {
    const storage = memoryStorage();
    const a = createAppStore(storage);
    a.getState().setLocale("en");
    a.getState().setVolume(0.35);
    a.getState().toggleMute();
    const b = createAppStore(storage);
    expect(b.getState().settings).toEqual({ locale: "en", volume: 0.35, muted: true });
    expect(JSON.parse(storage.getItem(STORE_KEY)!).version).toBe(STORE_VERSION);
  });

  it("keeps the run in progress and the best score across a reload", () => {
    const storage = memoryStorage();
    const a = createAppStore(storage);
    const r = createRunner(mini(), 4);
    r.advance();
    a.getState().saveRun({ scenarioId: "mini", snapshot: saveRun(r) });
    a.getState().recordResult("mini", 30, "won");
    a.getState().recordResult("mini", 10, "lost");
    const b = createAppStore(storage);
    expect(b.getState().run?.snapshot.state.node).toBe("hello");
    expect(b.getState().progress.mini).toEqual({ best: 30, last: 10, ending: "lost", plays: 2 });
  });

  it("starts with defaults and a notice when the stored document is not JSON", () => {
    const storage = memoryStorage();
    storage.setItem(STORE_KEY, "{not json");
    const s = createAppStore(storage).getState();
    expect(s.settings.locale).toBe("zh-CN");
    expect(s.notices.map((n) => n.key)).toEqual(["notice.progress-reset"]);
  });

  it("keeps the valid parts of a damaged document and says what it reset", () => {
    const storage = memoryStorage();
    storage.setItem(
      STORE_KEY,
      JSON.stringify({ version: STORE_VERSION, state: { settings: { locale: "fr", volume: 2, muted: "no" }, progress: { mini: { best: 5, last: 5, ending: "won", plays: 1 } }, run: 42 } }),
    );
    const s = createAppStore(storage).getState();
    expect(s.settings.locale).toBe("zh-CN");
    expect(s.progress.mini?.best).toBe(5);
    expect(s.run).toBeNull();
    expect(s.notices.map((n) => n.key).sort()).toEqual(["notice.run-reset", "notice.settings-reset"]);
  });

  it("migrates a version-0 document, keeping its settings", () => {
    const storage = memoryStorage();
    storage.setItem(STORE_KEY, JSON.stringify({ version: 0, state: { settings: { locale: "en", volume: 0.5, muted: false } } }));
    const s = createAppStore(storage).getState();
    expect(s.settings.locale).toBe("en");
    expect(s.notices).toEqual([]);
  });

  it("goes on when the storage itself throws", () => {
    const broken = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("quota");
      },
      removeItem: () => {},
    };
    const store = createAppStore(broken);
    store.getState().setLocale("en");
    expect(store.getState().settings.locale).toBe("en");
  });
});
