import { describe, expect, it } from "vitest";
import { createAppStore, memoryStorage, STORE_KEY, STORE_VERSION, type AttemptInput } from "../../src/store/index.ts";
import { createRunner, saveRun } from "../../src/engine/index.ts";
import { mini } from "./helpers.ts";

const competencies = { questioning: 60, listening: 55, presenting: 40, relationships: 70, strategy: 50, outcome: 80 };
const attempt = (over: Partial<AttemptInput> = {}): AttemptInput => ({ scenarioId: "mini", total: 59, competencies, ending: "won", seed: 7, ...over });

function savedRun(scenarioId = "mini", seed = 4) {
  const r = createRunner(mini(), seed);
  r.advance();
  return { scenarioId, title: { "zh-CN": "小", en: "Mini" }, snapshot: saveRun(r) };
}

describe("app store", () => {
  it("keeps language, volume and mute across a reload", () => {
    const storage = memoryStorage();
    const a = createAppStore(storage);
    a.getState().setLocale("en");
    a.getState().updateSettings({ musicVolume: 0.35, effectsVolume: 1.7, textSpeed: "fast", fontScale: 1.3, reducedMotion: true, showMoveMarks: false, learnerName: "  Li Wei\u202e\n" });
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
      learnerName: "Li Wei", // trimmed, control and bidi characters gone
    });
    expect(JSON.parse(storage.getItem(STORE_KEY)!).version).toBe(STORE_VERSION);
    expect(b.getState().notices).toEqual([]);
  });

  it("keeps a run in progress per scenario, several at once, and the last one saved as the one to continue", () => {
    const storage = memoryStorage();
    const a = createAppStore(storage);
    a.getState().saveRun(savedRun("mini"));
    a.getState().saveRun(savedRun("other", 9));
    const b = createAppStore(storage);
    expect(Object.keys(b.getState().runs).sort()).toEqual(["mini", "other"]);
    expect(b.getState().run?.scenarioId).toBe("other");
    expect(b.getState().selectRun("mini")).toBe(true);
    expect(b.getState().run?.snapshot).toEqual(savedRun("mini").snapshot);
    b.getState().clearRun("other");
    const c = createAppStore(storage);
    expect(Object.keys(c.getState().runs)).toEqual(["mini"]);
    expect(c.getState().run?.scenarioId).toBe("mini");
    expect(c.getState().selectRun("constructor")).toBe(false);
  });

  it("records every finished attempt in the history and the best score per scenario", () => {
    const storage = memoryStorage();
    const a = createAppStore(storage);
    a.getState().recordAttempt(attempt({ total: 30, at: "2026-11-01T10:00:00Z" }));
    a.getState().recordAttempt(attempt({ total: 10, ending: "lost", mode: "assessment", at: "2026-11-02T10:00:00Z" }));
    a.getState().recordResult("mini", 20, "won");
    const b = createAppStore(storage).getState();
    // The practice run is history only; the assessment and the plain result are records.
    expect(b.progress.mini).toEqual({ best: 20, last: 20, ending: "won", plays: 2 });
    expect(b.attempts.map((x) => [x.total, x.mode, x.seed])).toEqual([
      [30, "practice", "7"],
      [10, "assessment", "7"],
    ]);
    expect(b.attempts[0]!.competencies).toEqual(competencies);
    expect(() => a.getState().recordAttempt(attempt({ total: Number.NaN }))).toThrow(/total/);
  });

  it("merges imported attempts without duplicates", () => {
    const s = createAppStore(memoryStorage()).getState();
    const first = s.recordAttempt(attempt({ at: "2026-11-01T10:00:00Z" }));
    const other = { ...first, at: "2026-10-01T10:00:00.000Z", total: 12 };
    expect(s.mergeAttempts([first, other, other])).toBe(1);
    expect(s.mergeAttempts([other])).toBe(0);
    expect(createAppStore(memoryStorage()).getState().attempts).toEqual([]);
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
