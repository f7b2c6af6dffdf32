import { describe, expect, it } from "vitest";
import { createAppStore, memoryStorage, STORE_KEY, STORE_VERSION } from "../../src/store/index.ts";
import { createRunner, saveRun } from "../../src/engine/index.ts";
import { mini } from "./helpers.ts";

describe("app store", () => {
  it("keeps language, volume and mute across a reload", () => {
    const storage = memoryStorage();
    const a = createAppStore(storage);
    a.getState().setLocale("en");
    a.getState().updateSettings({ musicVolume: 0.35, effectsVolume: 1.7, textSpeed: "fast", fontScale: 1.3, reducedMotion: true, showMoveMarks: false });
    a.getState().toggleMute();
    const b = createAppStore(storage);
    expect(b.getState().settings).toEqual({
      locale: "en",
      musicVolume: 0.35,
      effectsVolume: 1,
      muted: true,
      textSpeed: "fast",
      fontScale: 1.3,
      reducedMotion: true,
      showMoveMarks: false,
    });
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
    expect(b.getState().run?.snapshot).toEqual(saveRun(r));
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
      JSON.stringify({ version: STORE_VERSION, state: { settings: { locale: "fr", musicVolume: 2, muted: "no" }, progress: { mini: { best: 5, last: 5, ending: "won", plays: 1 } }, run: 42 } }),
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

  it("migrates a version-1 document's single volume to separate music and effect volumes", () => {
    const storage = memoryStorage();
    storage.setItem(
      STORE_KEY,
      JSON.stringify({ version: 1, state: { settings: { locale: "en", volume: 0.3, muted: true }, progress: { mini: { best: 5, last: 5, ending: "won", plays: 1 } }, run: null } }),
    );
    const s = createAppStore(storage).getState();
    expect(s.settings).toMatchObject({ locale: "en", musicVolume: 0.3, effectsVolume: 0.3, muted: true, textSpeed: "normal", showMoveMarks: true });
    expect(s.progress.mini?.best).toBe(5);
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
